"""The guide's window: the contents on the left, the page on the right (HTML and pictures
from resources/guide, read offline), Quay lại / Tiếp / Mục lục. One window, reused; it stays
open beside the program while the officer works."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStyle,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.guide import pages
from ui.widgets.sizing import resize_within_screen

PageRole = Qt.UserRole + 1


class GuideBrowser(QTextBrowser):
    """A page whose pictures shrink to the window's width (Qt's HTML knows no width="100%"):
    the screenshots stay whole at 125 % scaling or in a small window."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._refit = QTimer(self, singleShot=True, interval=150)
        self._refit.timeout.connect(self._reload_keeping_place)
        self._fitted_width = 0

    def loadResource(self, kind, url):
        data = super().loadResource(kind, url)
        if kind != QTextDocument.ImageResource or data is None:
            return data
        image = data if isinstance(data, QImage) else QImage.fromData(data)
        room = self._room()
        if image.width() > room > 100:
            image = image.scaledToWidth(room, Qt.SmoothTransformation)
        self._fitted_width = self.viewport().width()
        return image

    def _room(self) -> int:
        """The page's width for pictures, keeping room for the scroll bar a long page gets."""
        margin = self.document().documentMargin()
        width = self.viewport().width()
        if not self.verticalScrollBar().isVisible():
            width -= self.style().pixelMetric(QStyle.PM_ScrollBarExtent, None, self)
        return int(width - 2 * margin - 4)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted_width and abs(self.viewport().width() - self._fitted_width) > 8:
            self._refit.start()

    def _reload_keeping_place(self) -> None:
        bar = self.verticalScrollBar()
        share = bar.value() / bar.maximum() if bar.maximum() else 0
        self.reload()
        bar.setValue(round(share * bar.maximum()))


class GuideWindow(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.Window)
        self.setWindowTitle("Hướng dẫn sử dụng")
        self.setObjectName("guide")
        self.browser = GuideBrowser(self)
        self.browser.setObjectName("guide_page")
        self.browser.setOpenExternalLinks(False)  # offline: only the guide's own pages
        self.browser.setSearchPaths([str(pages.guide_dir())])
        self.browser.sourceChanged.connect(self._follow)
        self.toc = QListWidget(self)
        self.toc.setObjectName("guide_contents")
        for title, page in pages.contents():
            item = QListWidgetItem(title)
            item.setData(PageRole, page)
            self.toc.addItem(item)
        self.toc.itemClicked.connect(lambda item: self.show_page(item.data(PageRole)))
        back = QPushButton("← Quay lại", self)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        forward = QPushButton("Tiếp →", self)
        forward.clicked.connect(self.browser.forward)
        self.browser.forwardAvailable.connect(forward.setEnabled)
        home = QPushButton("Mục lục", self)
        home.clicked.connect(lambda: self.show_page(pages.INDEX))
        bar = QHBoxLayout()
        for b in (back, forward, home):
            bar.addWidget(b)
        bar.addStretch(1)
        split = QSplitter(self)
        split.addWidget(self.toc)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([self.toc.sizeHintForColumn(0) + 30, 1000])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        h = self.fontMetrics().height()
        resize_within_screen(self, h * 80, h * 46)

    def show_page(self, page: str) -> None:
        """Open ``page`` (e.g. "register.html") and bring the window to the front."""
        self.browser.setSource(QUrl(page))
        self.show()
        self.raise_()
        self.activateWindow()

    def current_page(self) -> str:
        return self.browser.source().toString().split("#")[0]

    def _follow(self, url: QUrl) -> None:
        """Keep the contents list on the page shown (a link followed, Quay lại…)."""
        page = url.toString().split("#")[0]
        for i in range(self.toc.count()):
            if self.toc.item(i).data(PageRole) == page:
                self.toc.blockSignals(True)
                self.toc.setCurrentRow(i)
                self.toc.blockSignals(False)
                return
