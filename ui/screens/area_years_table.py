"""The "Số liệu theo năm" tab: areas as rows, one year at a time; type in the cells, copy last
year's households and indicators, paste a block copied from Excel (Ctrl+V), then "Lưu" writes
every change in one transaction. Loaded in the background; computed figures are shaded and
every disagreement between entered totals and the per-household records is listed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.reports.labels import number, percent
from app.services.emulation import area_years as ay
from app.services.emulation.area_years_grid import can_edit, grid_columns, parse_block
from ui import dialogs, workers
from ui.screens.area_years_model import AreaYearModel

_CHOICES = {"kdcvh": ("", "Đạt", "Không đạt", "Chưa xét"), "yesno": ("", "Có", "Không")}


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for the columns with a closed list (Khu dân cư văn hóa, Có / Không)."""

    def createEditor(self, parent, option, index):
        col = index.model().columns[index.column()]
        if col.kind in _CHOICES:
            box = QComboBox(parent)
            box.addItems(list(_CHOICES[col.kind]))
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentText(index.data(Qt.EditRole) or "")
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.EditRole)
        else:
            super().setModelData(editor, model, index)


class AreaYearView(QTableView):
    """Ctrl+V pastes from Excel, Ctrl+C copies the selection, Delete clears editable cells."""

    def __init__(self, page, parent=None):
        super().__init__(parent)
        self.page = page
        self.setItemDelegate(ChoiceDelegate(self))
        self.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                             | QAbstractItemView.AnyKeyPressed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignCenter | Qt.TextWordWrap)

    def keyPressEvent(self, event):
        if event.matches(QKeySequence.Paste):
            self.page.paste()
        elif event.matches(QKeySequence.Copy):
            self.page.copy()
        elif event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.state() != \
                QAbstractItemView.EditingState:
            self.page.clear_cells()
        else:
            super().keyPressEvent(event)


class AreaYearsTab(QWidget):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self._job = None
        self._wanted: int | None = None
        self.model = AreaYearModel(self)
        self.model.pendingChanged.connect(self._state)
        self.model.invalid.connect(self._invalid)
        self._build()

    def _build(self) -> None:
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setPrefix("Năm ")
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda *_: self.reload())
        self.btn_copy = self._button("Chép từ năm trước", self.copy_previous,
                                     "Điền số hộ và các tiêu chí văn hóa của năm trước vào ô còn "
                                     "trống (không chép kết quả bình xét).")
        self.btn_paste = self._button("Dán từ Excel (Ctrl+V)", self.paste,
                                      "Chép một khối ô trong Excel rồi dán vào ô đang chọn; dán "
                                      "vào cột Khu dân cư thì cột đầu là tên khu.")
        self.btn_save = self._button("Lưu (Ctrl+S)", self.save)
        self.btn_save.setObjectName("save")
        self.btn_undo = self._button("Bỏ thay đổi", self.reload)
        QShortcut(QKeySequence.Save, self, self.save)
        top = QHBoxLayout()
        for w in (self.year, self.btn_copy, self.btn_paste):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.btn_undo)
        top.addWidget(self.btn_save)
        self.totals = QLabel(self)
        self.totals.setObjectName("totals")
        self.totals.setWordWrap(True)
        self.status = QLabel("Đang tải…", self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        legend = QLabel("Ô nền xám: tính từ danh sách hộ (sửa ở màn hình Đăng ký thi đua). Số "
                        "màu xám: chưa nhập cho năm, đang dùng số hộ của khu. Ô nền vàng: có "
                        "cảnh báo. Số in đậm: chưa lưu.", self)
        legend.setWordWrap(True)
        legend.setStyleSheet("color: #555")
        self.view = AreaYearView(self, self)
        self.view.setObjectName("grid")
        self.view.setModel(self.model)
        self.warnings = QListWidget(self)
        self.warnings.setObjectName("warnings")
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.view)
        split.addWidget(self.warnings)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(split, 1)
        layout.addWidget(legend)
        layout.addWidget(self.status)

    def _button(self, label: str, slot, tip: str = "") -> QPushButton:
        b = QPushButton(label, self)
        b.clicked.connect(slot)
        if tip:
            b.setToolTip(tip)
        return b

    # ------------------------------------------------------------- loading
    def reload(self) -> None:
        """Load the chosen year off the GUI thread (a large ward has 15,000 households)."""
        year = self.year.value()
        if self.model.grid is not None and self.model.grid.year != year and \
                self.model.pending and not dialogs.confirm(
                    self, "Thay đổi chưa lưu", f"Bỏ {self.model.pending_count()} ô đã sửa của "
                    f"năm {self.model.grid.year} chưa lưu?"):
            self.year.blockSignals(True)
            self.year.setValue(self.model.grid.year)
            self.year.blockSignals(False)
            return
        self._wanted = year
        if self._job is not None:
            return  # the running load is followed by the wanted year
        self.status.setText(f"Đang tải số liệu năm {year}…")
        self._job = workers.run_in_background(
            self, lambda progress=None, cancelled=None: ay.load_year(self.db, year),
            on_success=self._loaded, on_failure=self._failed, on_done=self._done)

    def _done(self) -> None:
        self._job = None
        if self.model.grid is None or self._wanted != self.model.grid.year:
            self.reload()

    def _failed(self, exc) -> None:
        self.status.setText(f"Không tải được số liệu: {exc}")

    def _loaded(self, grid: ay.YearGrid) -> None:
        if grid.year != self._wanted:
            return
        self.model.load(grid, grid_columns(grid.indicators))
        char = self.fontMetrics().averageCharWidth()
        for i, col in enumerate(self.model.columns):
            self.view.setColumnWidth(i, col.width * char + 16)
        self.view.horizontalHeader().setMinimumHeight(self.fontMetrics().height() * 3)
        self.warnings.clear()
        self.warnings.addItems(["⚠ " + w for w in grid.warnings])
        self.warnings.setVisible(bool(grid.warnings))
        self.status.setText(f"Năm {grid.year}: {len(grid.rows)} khu dân cư"
                            + (f"; {len(grid.warnings)} cảnh báo." if grid.warnings else "."))
        self._state()

    # ------------------------------------------------------------- state
    def _state(self, *_) -> None:
        n = self.model.pending_count()
        self.btn_save.setEnabled(bool(n))
        self.btn_undo.setEnabled(bool(n))
        self.btn_save.setText(f"Lưu {n} ô (Ctrl+S)" if n else "Lưu (Ctrl+S)")
        if self.model.grid is None:
            return
        homes, reg, ach, kdc, areas = self.model.ward_totals()
        text = f"Toàn phường năm {self.model.grid.year}: {number(homes)} hộ"
        if reg:
            text += f"; {number(reg)} hộ đăng ký Gia đình văn hóa ({percent(100 * reg / homes)})" \
                if homes else f"; {number(reg)} hộ đăng ký"
        if ach:
            base, what = (reg, "số hộ đăng ký") if reg else (homes, "tổng số hộ")
            text += f"; {number(ach)} hộ đạt Gia đình văn hóa" + (
                f" ({percent(100 * ach / base)} {what})" if base else "")
        text += f"; Khu dân cư văn hóa {kdc}/{areas}."
        self.totals.setText(text)

    def _invalid(self, message: str) -> None:
        self.status.setText("⚠ " + message)
        dialogs.warn(self, "Giá trị không hợp lệ", message)

    # ------------------------------------------------------------- actions
    def copy_previous(self) -> None:
        if self.model.grid is None:
            return
        year = self.model.grid.year
        before = ay.previous_year(self.db, year)
        empty = {}
        for r, row in enumerate(self.model.rows):
            change = {k: v for k, v in before.get(row.area_id, {}).items()
                      if self._empty(r, k)}
            if change:
                empty[row.area_id] = change
        if not empty:
            dialogs.info(self, "Chép từ năm trước", f"Năm {year - 1} không có số hộ hay tiêu chí "
                         "văn hóa nào để chép vào ô còn trống.")
            return
        n = self.model.set_values(empty)
        self.status.setText(f"Đã chép {n} ô từ năm {year - 1} (chưa lưu).")

    def _empty(self, r: int, key: str) -> bool:
        row = self.model.grid.rows[r]
        if key in self.model.pending.get(row.area_id, {}):
            return False
        if key == "households":
            return row.entered.households is None
        return row.entered.indicators.get(key[4:]) is None

    def paste(self) -> None:
        index = self.view.currentIndex()
        clip = QGuiApplication.clipboard().text()
        if self.model.grid is None or not clip.strip():
            return
        start_row, start_col = (index.row(), index.column()) if index.isValid() else (0, 0)
        result = parse_block(clip, self.model.rows, self.model.columns, start_row, start_col)
        if result.problems:
            dialogs.warn(self, "Chưa dán", "Không dán ô nào vì:\n" +
                         "\n".join(result.problems[:15]) +
                         ("\n…" if len(result.problems) > 15 else ""))
            return
        n = self.model.set_values(result.changes)
        note = f"; bỏ qua {result.ignored} ô ở cột tính tự động" if result.ignored else ""
        self.status.setText(f"Đã dán {n} ô (chưa lưu){note}.")

    def copy(self) -> None:
        """The selected cells as tab-separated lines (pastes into Excel)."""
        indexes = sorted(self.view.selectedIndexes(), key=lambda i: (i.row(), i.column()))
        if not indexes:
            return
        lines: dict[int, list[str]] = {}
        for i in indexes:
            lines.setdefault(i.row(), []).append(i.data(Qt.DisplayRole) or "")
        QGuiApplication.clipboard().setText("\n".join("\t".join(v) for v in lines.values()))

    def clear_cells(self) -> None:
        changes: dict[int, dict] = {}
        for i in self.view.selectedIndexes():
            col, row = self.model.columns[i.column()], self.model.grid.rows[i.row()]
            if can_edit(col, row) and self.model.value(i.row(), col.key) is not None:
                changes.setdefault(row.area_id, {})[col.key] = None
        if changes:
            self.model.set_values(changes)

    def save(self) -> None:
        if not self.model.pending or self.model.grid is None:
            return
        try:
            n = ay.save_year(self.db, self.model.grid.year, self.model.pending)
        except DomainError as exc:
            dialogs.warn(self, "Chưa lưu được", str(exc))
            return
        year = self.model.grid.year
        self.model.pending = {}
        self.reload()
        dialogs.info(self, "Đã lưu", f"Đã lưu số liệu năm {year} của {n} khu dân cư.")
