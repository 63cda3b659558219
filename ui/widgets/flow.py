"""A row of buttons that wraps onto a second line when the window is narrow (1366×768 at 125 %
is 1093 pixels wide): nothing is cut, and the window never grows wider than the screen.

Used like QHBoxLayout: addWidget(widget, stretch=0), addStretch(). On each line, the space
left over goes to stretches and to widgets added with a stretch (a search box)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QSizePolicy, QSpacerItem, QStyle, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._items = []
        self._stretch: dict[int, int] = {}  # id(item) → stretch factor
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)  # like a QHBoxLayout nested in another layout

    # ------------------------------------------------------------------ filling
    def addItem(self, item) -> None:
        self._items.append(item)

    def addWidget(self, widget, stretch: int = 0, *_alignment) -> None:
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        self._items.append(item)
        if stretch:
            self._stretch[id(item)] = stretch
        self.invalidate()

    def insertWidget(self, index: int, widget, stretch: int = 0) -> None:
        self.addWidget(widget, stretch)
        self._items.insert(index, self._items.pop())
        self.invalidate()

    def addSpacing(self, size: int) -> None:
        self._items.append(QSpacerItem(size, 0, QSizePolicy.Fixed, QSizePolicy.Minimum))
        self.invalidate()

    def addStretch(self, stretch: int = 1) -> None:
        item = QSpacerItem(0, 0, QSizePolicy.Expanding, QSizePolicy.Minimum)
        self._items.append(item)
        self._stretch[id(item)] = stretch
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.pop(id(item), None)
            return item
        return None

    # ------------------------------------------------------------------ sizes
    def expandingDirections(self) -> Qt.Orientations:
        return Qt.Orientations(Qt.Horizontal)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        m = self.contentsMargins()
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap() * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """The widest single item: lines wrap below that."""
        m = self.contentsMargins()
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # ------------------------------------------------------------------ layout
    def _shown(self) -> list:
        return [i for i in self._items if i.widget() is None or not i.widget().isHidden()]

    def _gap(self) -> int:
        gap = self.spacing()
        if gap >= 0:
            return gap
        return self._metric(QStyle.PM_LayoutHorizontalSpacing)

    def _lines(self, width: int) -> list[list]:
        lines: list[list] = [[]]
        used = 0
        for item in self._shown():
            w = item.sizeHint().width()
            if lines[-1] and used + self._gap() + w > width:
                lines.append([])
                used = 0
            used += (self._gap() if lines[-1] else 0) + w
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        y = area.y()
        gap = self._gap()
        for line in self._lines(area.width()):
            natural = sum(i.sizeHint().width() for i in line) + gap * (len(line) - 1)
            spare = max(area.width() - natural, 0)
            weights = sum(self._stretch.get(id(i), 0) for i in line)
            height = max(i.sizeHint().height() for i in line)
            x = area.x()
            for item in line:
                w = item.sizeHint().width()
                if weights:
                    w += spare * self._stretch.get(id(item), 0) // weights
                w = min(w, area.width())
                if move:
                    h = min(height, item.sizeHint().height()) if item.widget() else height
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w + gap
            y += height + self.verticalGap()
        return y - self.verticalGap() - rect.y() + m.bottom()

    def verticalGap(self) -> int:
        return self._metric(QStyle.PM_LayoutVerticalSpacing)

    def _metric(self, metric) -> int:
        parent = self.parentWidget()
        value = parent.style().pixelMetric(metric) if parent is not None else -1
        return value if value >= 0 else 6
