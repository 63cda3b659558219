"""Preview any generated document (Quyết định, Tờ trình, biên bản, phiếu bầu, sổ) as PDF
inside the app, then save it as PDF or as editable Word (DOCX).

The document is built and rendered in the background (a decision's list can run to thousands
of lines); the preview window is not modal so the officer can keep working beside it."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from ui import dialogs, workers
from ui.widgets.sizing import resize_within_screen


def _render_job(build: Callable, stem: str, progress=None, cancelled=None):
    from app.documents import render

    progress(0, 0, "Đang lập văn bản…")
    doc = build()
    folder = Path(tempfile.mkdtemp(prefix="tdkt-xem-"))
    progress(0, 0, "Đang dựng trang PDF…")
    return doc, render(doc, folder / f"{stem}.pdf")


def show_document(parent: QWidget, title: str, build: Callable, stem: str,
                  on_shown: Callable | None = None, draft: bool = False) -> None:
    """Build ``build()`` (an app.documents.Document) off the GUI thread and preview it;
    ``draft``: a decision not issued yet, marked so on screen and when saved."""

    def done(result) -> None:
        doc, pdf = result
        preview = PdfPreview(title, pdf, doc, stem, parent, draft=draft)
        parent._preview = preview  # keep it alive while open
        preview.show()
        if on_shown:
            on_shown(preview)

    workers.run_with_progress(parent, f"Đang lập: {title}", _render_job, build, stem,
                              on_success=done,
                              on_failure=lambda exc: _failed(parent, title, exc))


def _failed(parent: QWidget, title: str, exc: Exception) -> None:
    if isinstance(exc, DomainError):
        dialogs.warn(parent, "Chưa lập được văn bản", str(exc))
    else:
        dialogs.error(parent, "Chưa lập được văn bản",
                      f"Có lỗi khi lập “{title}”. Xem chi tiết bên dưới.", details=repr(exc))


DRAFT_MARK = "DỰ THẢO — chưa ban hành, chưa có hiệu lực"
DRAFT_STYLE = ("color: #b00020; font-weight: bold; border: 2px solid #b00020; padding: 4px; "
               "letter-spacing: 1px;")


def draft_mark(parent: QWidget, text: str = DRAFT_MARK) -> QLabel:
    """The red "DỰ THẢO" mark of anything not issued yet."""
    label = QLabel(text, parent)
    label.setObjectName("draft_mark")
    label.setAlignment(Qt.AlignCenter)
    label.setStyleSheet(DRAFT_STYLE)
    return label


class PdfPreview(QDialog):
    def __init__(self, title: str, pdf: Path, doc, stem: str, parent: QWidget | None = None,
                 draft: bool = False):
        super().__init__(parent)
        self.draft = draft
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self.setWindowTitle(f"Xem trước — {title}")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.pdf_path, self.doc, self.stem = pdf, doc, stem
        self.pdf = QPdfDocument(self)
        self.pdf.load(str(pdf))
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel(f"{self.pdf.pageCount()} trang", self)
        save_pdf = QPushButton("Lưu PDF…", self)
        save_pdf.clicked.connect(self.save_pdf)
        save_docx = QPushButton("Lưu Word (DOCX)…", self)
        save_docx.clicked.connect(self.save_docx)
        close = QPushButton("Đóng", self)
        close.clicked.connect(self.close)
        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        for b in (save_pdf, save_docx, close):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        if draft:
            layout.addWidget(draft_mark(self))
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        h = self.fontMetrics().height()
        resize_within_screen(self, h * 50, h * 42)

    def closeEvent(self, event) -> None:
        """The preview's temporary PDF goes with the window (closed first: Windows locks it)."""
        self.pdf.close()
        shutil.rmtree(self.pdf_path.parent, ignore_errors=True)
        super().closeEvent(event)

    def page_count(self) -> int:
        return self.pdf.pageCount()

    def save_pdf(self) -> str | None:
        path = dialogs.save_file(self, "Lưu PDF", f"{self.stem}.pdf", "Tệp PDF (*.pdf)")
        if not path:
            return None
        from app.errors import DomainError
        from app.files import copy_file

        try:
            copy_file(self.pdf_path, path)  # temporary name, then moved into place
        except DomainError as exc:  # Word holds the old file open, the disk is full…
            dialogs.error(self, "Không ghi được tệp", str(exc))
            return None
        except OSError as exc:
            dialogs.error(self, "Không ghi được tệp", f"Không ghi được “{path}”: {exc.strerror}.")
            return None
        dialogs.info(self, "Đã lưu", self._saved_text(path))
        return path

    def _saved_text(self, path: str, extra: str = "") -> str:
        if self.draft:
            return (f"Đã lưu bản DỰ THẢO “{path}”{extra}. Đây là dự thảo, chưa ban hành: "
                    "không gửi đi như văn bản chính thức.")
        return f"Đã lưu “{path}”{extra}."

    def save_docx(self) -> str | None:
        from app.documents import render

        path = dialogs.save_file(self, "Lưu Word", f"{self.stem}.docx", "Tệp Word (*.docx)")
        if not path:
            return None
        if not path.lower().endswith(".docx"):
            path += ".docx"
        try:
            render(self.doc, path)
        except OSError as exc:
            dialogs.error(self, "Không ghi được tệp", f"Không ghi được “{path}”: {exc.strerror}.")
            return None
        dialogs.info(self, "Đã lưu", self._saved_text(path, " (mở bằng Word để chỉnh sửa)"))
        return path
