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
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.certificates import blank_models, get_layout, get_template
from app.services.awards import certificates as svc
from app.services.awards.certificate_designs import list_designs
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from ui.screens.certificate_actions import CertificateActions
from ui.screens.certificate_print import PdfPreview, printer_names

COLUMNS = ["In", "Số vào sổ", "Người / tập thể được khen", "Đối tượng", "Hình thức / danh hiệu",
           "Đã in", "In lần cuối"]
IdRole = Qt.UserRole + 1


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
        self.reload_decisions()

    # ------------------------------------------------------------------ layout
    def _decision_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("Quyết định:", self))
        self.decision = QComboBox(self)
        self.decision.setObjectName("decision")
        self.decision.setMinimumContentsLength(50)
        self.decision.currentIndexChanged.connect(self.load_lines)
        row.addWidget(self.decision, 1)
        refresh = QPushButton("Làm mới", self)
        refresh.clicked.connect(self.reload_decisions)
        row.addWidget(refresh)
        return row

    def _lines_box(self) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(COLUMNS), box)
        self.table.setObjectName("lines")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.ElideRight)  # long collective names: full text in tooltip
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        for label, checked in (("Chọn tất cả", True), ("Bỏ chọn tất cả", False)):
            b = QPushButton(label, box)
            b.clicked.connect(lambda _=False, c=checked: self.check_all(c))
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        return box

    def _options_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
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

    def _actions_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
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
        self.reload_decisions()

    def reload_decisions(self) -> None:
        current = self.decision_id()
        self.decision.blockSignals(True)
        self.decision.clear()
        for choice in svc.list_decisions(self.db):
            self.decision.addItem(choice.label, choice.id)
        index = self.decision.findData(current) if current is not None else 0
        self.decision.setCurrentIndex(max(index, 0))
        self.decision.blockSignals(False)
        self.load_lines()
        if self.decision.count() == 0:
            self.status.setText("Chưa có quyết định khen thưởng nào đã ghi sổ để in giấy khen.")

    def decision_id(self) -> int | None:
        return self.decision.currentData()

    def load_lines(self) -> None:
        self.table.setRowCount(0)
        did = self.decision_id()
        if did is None:
            return
        lines = svc.decision_lines(self.db, did)
        self.table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            check.setCheckState(Qt.Checked)
            check.setData(IdRole, line.record_id)
            self.table.setItem(r, 0, check)
            last = line.last_printed.strftime("%d/%m/%Y %H:%M") if line.last_printed else ""
            values = [line.certificate_no, line.name, SUBJECT_TYPE_LABELS.get(line.subject_type, ""),
                      get_template(line.template).label, str(line.prints) if line.prints else "",
                      last]
            for c, value in enumerate(values, start=1):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)
            self.table.item(r, 4).setData(IdRole, line.template)
        self.status.setText(f"{len(lines)} giấy trong quyết định; bấm Xem trước để kiểm tra.")
        self._show_offsets()

    def check_all(self, checked: bool) -> None:
        for r in range(self.table.rowCount()):
            self.table.item(r, 0).setCheckState(Qt.Checked if checked else Qt.Unchecked)

    def checked_ids(self) -> list[int]:
        return [self.table.item(r, 0).data(IdRole) for r in range(self.table.rowCount())
                if self.table.item(r, 0).checkState() == Qt.Checked]

    def current_id(self) -> int | None:
        row = self.table.currentRow()
        return self.table.item(row, 0).data(IdRole) if row >= 0 else None

    def mode(self) -> str:
        return "blank" if self.blank.isChecked() else "full"

    def _show_offsets(self, *_args) -> None:
        # The blank models this decision's certificates use (all of them when none is open).
        templates = {self.table.item(r, 4).data(IdRole) for r in range(self.table.rowCount())}
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
