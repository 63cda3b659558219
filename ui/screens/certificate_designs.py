"""Mẫu giấy trắng: per blank model, the default plain design or the ward's own design (a scan,
or a PDF page rendered once to PNG here with QtPdf), stored in the database."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from app.certificates import blank_models, get_layout, render_pdf
from app.errors import DomainError, ValidationError
from app.services.awards import certificate_designs as designs
from app.services.awards import certificates as svc
from ui import dialogs, workers
from ui.screens.certificate_fields import sample_certificate
from ui.screens.certificate_print import PdfPreview
from ui.widgets.sizing import resize_within_screen

PDF_DPI = 200  # a PDF design page is rendered once at this resolution and stored as PNG
FILE_FILTER = "Ảnh quét hoặc PDF (*.png *.jpg *.jpeg *.pdf)"
ABOUT = ("Khi in trên giấy trắng, mỗi loại giấy khen dùng <b>mẫu mặc định</b> (khung viền, "
         "Quốc hiệu, Tiêu ngữ) hoặc <b>mẫu của phường</b>: ảnh quét cả tờ phôi (PNG, JPEG, quét "
         "thẳng, 200–300 dpi) hoặc trang đầu của tệp PDF mẫu. Mẫu được lưu trong cơ sở dữ liệu "
         "nên bản sao lưu mang theo; chữ in lên mẫu theo <i>Vị trí chữ trên phôi</i>.")


def pdf_page_png(path: str, dpi: int = PDF_DPI) -> tuple[bytes, int]:
    """The first page of a PDF as PNG bytes on white, and the file's page count."""
    doc = QPdfDocument()
    try:
        doc.load(path)
        if doc.status() != QPdfDocument.Status.Ready or doc.pageCount() < 1:
            raise ValidationError(f"Không đọc được tệp PDF “{Path(path).name}” (hỏng hoặc có "
                                  "mật khẩu).", "file")
        points = doc.pagePointSize(0)
        size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
        page = doc.render(0, size)
        image = QImage(size, QImage.Format_RGB32)
        image.fill(Qt.white)  # a PDF page is transparent where nothing is drawn
        painter = QPainter(image)
        painter.drawImage(0, 0, page)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(buffer.data()), doc.pageCount()
    finally:
        doc.close()


def load_design(db, blank: str, path: str, *, progress=None, cancelled=None) -> str:
    """Read (a PDF: render) and store a design; returns what to tell the officer."""
    name, note = Path(path).name, ""
    try:
        if path.lower().endswith(".pdf"):
            data, pages = pdf_page_png(path)
            name = f"{Path(path).stem} (trang 1).png"
            note = f" Đã dùng trang 1 của tệp PDF {pages} trang." if pages > 1 else ""
        else:
            data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"Không đọc được tệp “{Path(path).name}”: {exc.strerror}.",
                              "file") from exc
    info = designs.save_design(db, blank, name, data)
    soft = (f" Ảnh chỉ khoảng {info.dpi} dpi, in ra có thể hơi mờ." if info.dpi < designs.GOOD_DPI
            else "")
    return f"Đã lưu {info.label}.{note}{soft}"


def preview_job(db, decision_id, blank: str, path: str, *, progress=None,
                cancelled=None) -> str:
    sample = sample_certificate(db, decision_id, blank, "person" if blank != "phoi_van_hoa"
                                else "household")
    render_pdf([sample], path, mode="full", overrides=svc.get_overrides(db),
               backgrounds=designs.design_images(db))
    return path


class DesignsDialog(QDialog):
    changed = Signal()  # a design was loaded or dropped

    def __init__(self, db, decision_id: int | None, parent=None):
        super().__init__(parent)
        self.db, self.decision_id = db, decision_id
        self.preview_path: str | None = None
        self.job = None
        self.setWindowTitle("Mẫu in trên giấy trắng")
        resize_within_screen(self, 1000, 660)
        layout = QVBoxLayout(self)
        about = QLabel(ABOUT, self)
        about.setWordWrap(True)
        layout.addWidget(about)
        row = QHBoxLayout()
        row.addWidget(QLabel("Loại phôi:", self))
        self.blank = QComboBox(self)
        self.blank.setObjectName("design_blank")
        for name in blank_models():
            self.blank.addItem(get_layout(name).label, name)
        row.addWidget(self.blank, 1)
        layout.addLayout(row)
        self.state = QLabel(self)
        self.state.setObjectName("design_state")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.preview = PdfPreview(self)
        self.preview.setObjectName("design_preview")
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)  # the whole sheet at a glance
        layout.addWidget(self.preview, 1)
        layout.addLayout(self._buttons())
        self.blank.currentIndexChanged.connect(self.refresh)
        self.finished.connect(self._cleanup)
        self.refresh()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.btn_load = QPushButton("Nạp ảnh hoặc PDF mẫu của phường…", self)
        self.btn_default = QPushButton("Dùng mẫu mặc định", self)
        close = QPushButton("Đóng", self)
        for b, slot in ((self.btn_load, self.load_file), (self.btn_default, self.use_default),
                        (close, self.accept)):
            b.clicked.connect(slot)
            row.addWidget(b)
        row.insertStretch(2, 1)
        return row

    def blank_name(self) -> str:
        return self.blank.currentData()

    def refresh(self, *_args, message: str = "") -> None:
        info = designs.list_designs(self.db).get(self.blank_name())
        using = info.label if info else "mẫu mặc định (khung viền, Quốc hiệu, Tiêu ngữ)"
        self.state.setText(f"{message}\nĐang dùng: {using}." if message else
                           f"Đang dùng: {using}.")
        self.btn_default.setEnabled(info is not None)
        from ui.screens.certificates import temp_pdf

        path = temp_pdf("mau-nen")
        self.job = workers.run_in_background(
            self, preview_job, self.db, self.decision_id, self.blank_name(), path,
            on_success=self._show, on_failure=self._failed("Xem mẫu"))

    def _show(self, path: str) -> None:
        old, self.preview_path = self.preview_path, path
        self.preview.show_file(path)
        if old and os.path.exists(old):
            os.remove(old)

    def _failed(self, title: str):
        def handler(exc: Exception) -> None:
            if isinstance(exc, DomainError):
                dialogs.error(self, title, str(exc))
            else:
                dialogs.error(self, title, "Có lỗi không mong muốn; chi tiết đã ghi vào nhật ký.",
                              details=repr(exc))
        return handler

    def load_file(self) -> None:
        path = dialogs.open_file(self, "Chọn ảnh quét hoặc tệp PDF mẫu giấy khen của phường",
                                 FILE_FILTER)
        if path:
            self.job = workers.run_with_progress(
                self, "Đang nạp mẫu…", load_design, self.db, self.blank_name(), path,
                on_success=self._loaded,
                on_failure=self._failed("Nạp mẫu của phường"))

    def _loaded(self, message: str) -> None:
        self.refresh(message=message)
        self.changed.emit()

    def use_default(self) -> None:
        if dialogs.confirm(self, "Dùng mẫu mặc định", "Bỏ mẫu của phường, in loại phôi này "
                           "trên giấy trắng bằng mẫu mặc định?"):
            designs.remove_design(self.db, self.blank_name())
            self.refresh(message="Đã bỏ mẫu của phường.")
            self.changed.emit()

    def _cleanup(self, _result: int = 0) -> None:
        if self.preview_path and os.path.exists(self.preview_path):
            os.remove(self.preview_path)
        self.preview.show_file(None)
