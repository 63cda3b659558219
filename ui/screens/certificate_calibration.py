"""Căn chỉnh in phôi: print a test grid, hold it against a blank, save X/Y offsets (mm)."""

from __future__ import annotations

import os

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.certificates import Offsets, blank_models, get_layout, render_test_grid
from app.errors import DomainError
from app.services.awards import certificates as svc
from ui import dialogs, workers
from ui.screens.certificate_print import PDF_PRINTER, PdfPreview, print_pdf, printer_names
from ui.widgets.sizing import resize_within_screen

STEPS = (
    "<b>Bước 1.</b> Chọn máy in và loại phôi, bấm <i>In trang căn chỉnh</i> (in ra giấy trắng)."
    "<br><b>Bước 2.</b> Đặt tờ vừa in lên một tờ phôi, mép trái và mép trên trùng nhau, soi ra "
    "ánh sáng. Khung đỏ phải nằm đúng trên các dòng của phôi."
    "<br><b>Bước 3.</b> Đọc trên lưới (mỗi ô nhỏ 5 mm) khung bị lệch bao nhiêu: lệch sang phải "
    "thì nhập X âm, lệch sang trái thì X dương; lệch xuống dưới thì Y âm, lên trên thì Y dương. "
    "Bấm <i>Lưu độ lệch</i>, in lại trang căn chỉnh để kiểm tra."
)


def _spin(parent: QWidget, name: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(-svc.MAX_OFFSET_MM, svc.MAX_OFFSET_MM)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setSuffix(" mm")
    return spin


class CalibrationDialog(QDialog):
    saved = Signal()

    def __init__(self, db, printer: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.grid_path: str | None = None
        self.setWindowTitle("Căn chỉnh in phôi")
        resize_within_screen(self, 980, 680)
        layout = QVBoxLayout(self)
        steps = QLabel(STEPS, self)
        steps.setWordWrap(True)
        layout.addWidget(steps)
        form = QFormLayout()
        self.printer = QComboBox(self)
        self.printer.setObjectName("printer")
        self.printer.addItems(printer_names())
        self.printer.setCurrentText(printer)
        self.blank = QComboBox(self)
        self.blank.setObjectName("blank")
        for name in blank_models():
            self.blank.addItem(get_layout(name).label, name)
        self.x, self.y = _spin(self, "x"), _spin(self, "y")
        form.addRow("Máy in:", self.printer)
        form.addRow("Loại phôi:", self.blank)
        form.addRow("Độ lệch ngang X (dương: sang phải):", self.x)
        form.addRow("Độ lệch dọc Y (dương: xuống dưới):", self.y)
        layout.addLayout(form)
        self.preview = PdfPreview(self)
        self.preview.setObjectName("grid_preview")
        layout.addWidget(self.preview, 1)
        buttons = QHBoxLayout()
        self.btn_print = QPushButton("In trang căn chỉnh", self)
        self.btn_save = QPushButton("Lưu độ lệch", self)
        self.btn_save.setObjectName("save_offsets")
        close = QPushButton("Đóng", self)
        self.btn_print.clicked.connect(self.print_grid)
        self.btn_save.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        buttons.addWidget(self.btn_print)
        buttons.addWidget(self.btn_save)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.printer.currentIndexChanged.connect(self.load)
        self.blank.currentIndexChanged.connect(self.load)
        self.x.valueChanged.connect(self.refresh)
        self.y.valueChanged.connect(self.refresh)
        self.finished.connect(self._cleanup)
        self.load()

    def offsets(self) -> Offsets:
        return Offsets(self.x.value(), self.y.value())

    def load(self) -> None:
        saved = svc.get_offsets(self.db, self.printer.currentText(), self.blank.currentData())
        for spin, value in ((self.x, saved.x), (self.y, saved.y)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Redraw the test page with the offsets being typed (one page: fast enough inline)."""
        from ui.screens.certificates import temp_pdf

        old, self.grid_path = self.grid_path, temp_pdf("can-chinh")
        overrides = svc.get_overrides(self.db).get(self.blank.currentData())
        render_test_grid(self.grid_path, self.blank.currentData(), self.offsets(),
                         overrides=overrides, printer=self.printer.currentText())
        self.preview.show_file(self.grid_path)
        if old and os.path.exists(old):
            os.remove(old)

    def save(self) -> None:
        try:
            o = svc.save_offsets(self.db, self.printer.currentText(), self.blank.currentData(),
                                 self.x.value(), self.y.value())
        except DomainError as exc:
            dialogs.error(self, "Căn chỉnh in phôi", str(exc))
            return
        self.status.setText(f"Đã lưu: X {o.x:+.1f} mm, Y {o.y:+.1f} mm cho máy in "
                            f"“{self.printer.currentText()}”.")
        self.saved.emit()

    def print_grid(self) -> None:
        printer, target = self.printer.currentText(), None
        if printer == PDF_PRINTER:
            target = dialogs.save_file(self, "In trang căn chỉnh ra tệp", "trang-can-chinh.pdf",
                                       "Tệp PDF (*.pdf)")
            if not target:
                return
        self.job = workers.run_with_progress(
            self, "Đang in trang căn chỉnh…", print_pdf, self.grid_path, printer, target,
            on_success=lambda _n: self.status.setText("Đã in trang căn chỉnh."),
            on_failure=lambda exc: dialogs.error(self, "In trang căn chỉnh", str(exc)))
        # Hold the QThread until it has finished (see CertificateActions._keep).
        self.threads = [t for t in getattr(self, "threads", []) if not t.isFinished()]
        self.threads.append(self.job.thread())

    def _cleanup(self, _result: int = 0) -> None:
        self.preview.show_file(None)
        if self.grid_path and os.path.exists(self.grid_path):
            os.remove(self.grid_path)
