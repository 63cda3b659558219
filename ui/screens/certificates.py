"""In giấy khen: choose a decision, its lines, full design or blank, preview, print, save."""

from __future__ import annotations

import contextlib
import tempfile
import time
import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.certificates import blank_models, get_layout, get_template
from app.services.awards import certificates as svc
from app.services.awards.certificate_designs import list_designs
from ui import workers
from ui.screens import certificate_lines
from ui.screens.certificate_actions import CertificateActions
from ui.screens.certificate_lines import WIDTHS, CertificateLinesModel
from ui.screens.certificate_print import PdfPreview, printer_names
from ui.widgets.columns import fit_columns
from ui.widgets.elided_combo import ElidedComboBox
from ui.widgets.flow import FlowLayout


def temp_pdf(stem: str) -> str:
    """A fresh file name for a preview or print spool; files older than a day are removed."""
    folder = Path(tempfile.gettempdir()) / "tdkt-giay-khen"
    folder.mkdir(exist_ok=True)
    stale = time.time() - 86400
    for old in folder.glob("*.pdf"):
        with contextlib.suppress(OSError):  # another instance may hold it open on Windows
            if old.stat().st_mtime < stale:
                old.unlink()
    return str(folder / f"{stem}-{uuid.uuid4().hex[:8]}.pdf")


class CertificatesPage(CertificateActions, QWidget):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.job = None
        self.lines = CertificateLinesModel(self)
        # The register is large: the decisions and their lines load off the GUI thread.
        self.decisions_loader = workers.Loader(self, self._decisions_loaded, self._load_failed)
        self.lines_loader = workers.Loader(self, self._lines_loaded, self._load_failed)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>In giấy khen</h2>", self))
        layout.addLayout(self._decision_row())
        splitter = QSplitter(Qt.Horizontal, self)
        splitter.addWidget(self._lines_box())
        self.preview = PdfPreview(self)
        self.preview.setObjectName("preview")
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])  # proportions; the window's size decides the pixels
        layout.addWidget(splitter, 1)
        layout.addLayout(self._options_row())
        layout.addWidget(self.offsets_label)
        layout.addLayout(self._actions_row())
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self._fresh = True  # loaded by the constructor: the first on_show need not reload
        self.reload_decisions()

    # ------------------------------------------------------------------ layout
    def _decision_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Quyết định:", self))
        self.decision = ElidedComboBox(self)  # a decision's whole abstract: "…", not cut
        self.decision.setObjectName("decision")
        self.decision.setMinimumContentsLength(50)
        self.decision.currentIndexChanged.connect(lambda _i: self.load_lines(announce=True))
        row.addWidget(self.decision, 1)
        refresh = QPushButton("Làm mới", self)
        refresh.clicked.connect(self.reload_decisions)
        row.addWidget(refresh)
        return row

    def _lines_box(self) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableView(box)
        self.table.setObjectName("lines")
        self.table.setModel(self.lines)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideRight)  # long collective names: full text in tooltip
        fit_columns(self.table, WIDTHS)  # header text and the rows on screen (not 14,000)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        for label, checked in (("Chọn tất cả", True), ("Bỏ chọn tất cả", False)):
            b = QPushButton(label, box)
            b.clicked.connect(lambda _=False, c=checked: self.check_all(c))
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return box

    def _options_row(self) -> FlowLayout:
        row = FlowLayout()  # wraps at 125 % instead of widening the window
        self.full = QRadioButton("Mẫu đầy đủ trên giấy trắng", self)
        self.full.setObjectName("mode_full")
        self.blank = QRadioButton("Chỉ in chữ lên phôi in sẵn", self)
        self.blank.setObjectName("mode_blank")
        self.full.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.full)
        group.addButton(self.blank)
        self.blank.toggled.connect(self._show_offsets)
        row.addWidget(self.full)
        row.addWidget(self.blank)
        row.addSpacing(16)
        row.addWidget(QLabel("Máy in:", self))
        self.printer = QComboBox(self)
        self.printer.setObjectName("printer")
        self.printer.addItems(printer_names())
        self.printer.currentIndexChanged.connect(self._show_offsets)
        row.addWidget(self.printer, 1)
        self.offsets_label = QLabel(self)  # shown on its own line under the options
        self.offsets_label.setObjectName("offsets")
        for label, slot in (("Mẫu giấy trắng…", self.open_designs),
                            ("Căn chỉnh phôi…", self.open_calibration),
                            ("Vị trí chữ trên phôi…", self.open_fields)):
            b = QPushButton(label, self)
            b.clicked.connect(slot)
            row.addWidget(b)
        self._show_offsets()
        return row

    def _actions_row(self) -> FlowLayout:
        row = FlowLayout()  # wraps at 125 % instead of widening the window
        self.btn_preview = QPushButton("Xem trước", self)
        self.btn_print = QPushButton("In các giấy đã chọn", self)
        self.btn_reprint = QPushButton("In lại giấy đang chọn (phôi hỏng)", self)
        self.btn_save = QPushButton("Lưu thành PDF…", self)
        for b, slot, name in ((self.btn_preview, self.show_preview, "preview_btn"),
                              (self.btn_print, self.print_checked, "print_btn"),
                              (self.btn_reprint, self.reprint_current, "reprint_btn"),
                              (self.btn_save, self.save_pdf, "save_btn")):
            b.setObjectName(name)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        return row

    # -------------------------------------------------------------------- data
    def on_show(self) -> None:
        if self._fresh:
            self._fresh = False
        else:
            self.reload_decisions()

    @property
    def busy(self) -> bool:
        """Decisions or lines are still loading."""
        return self.decisions_loader.busy or self.lines_loader.busy

    def reload_decisions(self) -> None:
        self.status.setText("Đang tải danh sách quyết định…")
        self.decisions_loader.request(svc.list_decisions, self.db)

    def _decisions_loaded(self, choices) -> None:
        current = self.decision_id()
        self.decision.blockSignals(True)
        self.decision.clear()
        for choice in choices:
            self.decision.addItem(choice.label, choice.id)
        index = self.decision.findData(current) if current is not None else 0
        self.decision.setCurrentIndex(max(index, 0))
        self.decision.blockSignals(False)
        self.load_lines(announce=True)
        if self.decision.count() == 0:
            self.status.setText("Chưa có quyết định khen thưởng nào đã ghi sổ để in giấy khen.")

    def _load_failed(self, exc: Exception) -> None:
        self.status.setText(f"Không tải được dữ liệu: {exc}")

    def decision_id(self) -> int | None:
        return self.decision.currentData()

    def load_lines(self, announce: bool = False) -> None:
        """Reload the decision's lines (after printing: the "Đã in" column); ``announce``
        says how many there are (a decision just chosen) instead of keeping the status."""
        self._announce = announce
        did = self.decision_id()
        if did is None:
            self.lines.set_lines([])
            self._show_offsets()
            return
        if announce:
            self.status.setText("Đang tải các giấy của quyết định…")
        self.lines_loader.request(certificate_lines.load, self.db, did)

    def _lines_loaded(self, result) -> None:
        lines, cells = result
        self.lines.set_lines(lines, cells)
        if self._announce:
            self.status.setText(f"{len(lines)} giấy trong quyết định; bấm Xem trước để kiểm tra.")
        self._show_offsets()

    def check_all(self, checked: bool) -> None:
        self.lines.set_all(checked)

    def checked_ids(self) -> list[int]:
        return self.lines.checked_ids()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.lines.record_id(index.row()) if index.isValid() else None

    def mode(self) -> str:
        return "blank" if self.blank.isChecked() else "full"

    def _show_offsets(self, *_args) -> None:
        # The blank models this decision's certificates use (all of them when none is open).
        templates = self.lines.templates()
        blanks = sorted({get_template(t).blank_layout for t in templates if t}) or blank_models()
        if not self.blank.isChecked():
            ours = list_designs(self.db)
            self.offsets_label.setText("Trên giấy trắng – " + " · ".join(
                f"{get_layout(b).short_label}: {'mẫu của phường' if b in ours else 'mẫu mặc định'}"
                for b in blanks))
            return
        parts = []
        for blank in blanks:
            o = svc.get_offsets(self.db, self.printer.currentText(), blank)
            parts.append(f"{get_layout(blank).short_label}: X {o.x:+.1f}, Y {o.y:+.1f} mm")
        self.offsets_label.setText("Độ lệch in phôi trên máy này – " + " · ".join(parts))
