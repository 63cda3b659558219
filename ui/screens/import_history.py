"""The import screen's tabs for the old commendation register (issue 16): per year what would
be written (decisions, entries and their register numbers, money, new or matched records,
and whether the ward's own money goes to the fund); the decisions found (one already in the
database: skip or attach); the subjects (which record, when several fit); and the award
spellings (one not understood gets an award kind, saved in the table). Each answer goes to
``app.excel.history_choices`` through ``on_choice`` (the page re-plans in the background)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.excel.history_plan import LEVEL_LABELS
from ui.screens.import_preview import DUP_BG, ERROR_BG

_ROOT = QModelIndex()
_ROLES = {Qt.DisplayRole, Qt.CheckStateRole, Qt.BackgroundRole, Qt.TextAlignmentRole}


class _PlanModel(QAbstractTableModel):
    """Rows of one list of the plan; ``CHOICE`` is the column with a check box (or None)."""

    HEADERS: tuple[str, ...] = ()
    CHOICE: int | None = None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []
        self.texts: list[tuple[str, ...] | None] = []
        self.on_choice: Callable | None = None

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.texts = [None] * len(self.items)  # worked out when first shown: a plan is fixed
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.HEADERS[section]
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.column() == self.CHOICE and self.checkable(self.items[index.row()]):
            return base | Qt.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if role not in _ROLES or not index.isValid():  # Qt asks for a dozen roles per cell
            return None
        item, col = self.items[index.row()], index.column()
        if role == Qt.DisplayRole:
            return self.text_at(index.row())[col]
        if role == Qt.CheckStateRole and col == self.CHOICE and self.checkable(item):
            return Qt.Checked if self.checked(item) else Qt.Unchecked
        if role == Qt.BackgroundRole:
            return self.colour(item)
        if role == Qt.TextAlignmentRole and self.text_at(index.row())[col][:1].isdigit():
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def text_at(self, row: int) -> tuple[str, ...]:
        if self.texts[row] is None:
            self.texts[row] = self.cells(self.items[row])
        return self.texts[row]

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.CheckStateRole or index.column() != self.CHOICE or not self.on_choice:
            return False
        item = self.items[index.row()]
        self.on_choice(item, Qt.CheckState(value) == Qt.Checked)
        return True

    # per list
    def cells(self, item) -> tuple[str, ...]:
        raise NotImplementedError

    def checkable(self, item) -> bool:
        return False

    def checked(self, item) -> bool:
        return False

    def colour(self, item):
        return None


class YearsModel(_PlanModel):
    HEADERS = ("Năm", "Quyết định mới", "Đã có", "Mục vào sổ", "Số vào sổ", "Tiền thưởng (đồng)",
               "Hồ sơ mới", "Hồ sơ đã có", "Ghi chi quỹ")
    CHOICE = 8

    def cells(self, y) -> tuple[str, ...]:
        numbers = (f"{y.year}/{y.first_no:04d} – {y.year}/{y.first_no + y.entries - 1:04d}"
                   if y.entries else "")
        return (str(y.year), str(y.decisions), str(y.existing_decisions), str(y.entries),
                numbers, text.format_money(y.money), str(y.new_records), str(y.matched_records),
                "Có" if y.post_fund else "Không")

    def checkable(self, y) -> bool:
        return y.entries > 0

    def checked(self, y) -> bool:
        return y.post_fund


class DecisionsModel(_PlanModel):
    HEADERS = ("Số", "Ngày ký", "Cấp", "Cơ quan, trích yếu", "Dòng", "Tiền (đồng)", "Tình trạng",
               "Gắn vào QĐ đã có")
    CHOICE = 7

    def cells(self, g) -> tuple[str, ...]:
        about = " — ".join(x for x in (g.issuer if g.external else None, g.title) if x)
        return (g.reference, text.format_date_vn(g.signed_on), LEVEL_LABELS.get(g.level, ""),
                about, str(len(g.rows)), text.format_money(g.money), g.state(),
                ("Có" if g.attach else "Không") if g.existing else "")

    def checkable(self, g) -> bool:
        return g.existing is not None

    def checked(self, g) -> bool:
        return g.attach

    def colour(self, g):
        return QBrush(DUP_BG) if g.existing is not None else None


class SubjectsModel(_PlanModel):
    HEADERS = ("Tên", "Loại", "Đơn vị, địa chỉ", "Dòng", "Hồ sơ")

    def cells(self, g) -> tuple[str, ...]:
        from app.excel.history_awards import TYPE_LABELS

        return (g.name, TYPE_LABELS.get(g.type, ""), g.place_text(), str(len(g.rows)), g.how)

    def colour(self, g):
        return QBrush(ERROR_BG) if g.needs_choice else None


class SpellingsModel(_PlanModel):
    HEADERS = ("Cách viết trong tệp", "Số dòng", "Dòng đầu", "Hiểu là")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: dict[int, str] = {}

    def cells(self, g) -> tuple[str, ...]:
        sheet, row, column = g.first
        return (g.text, str(g.rows), f"Trang “{sheet}”, ô {column}{row}",
                self.names.get(g.award_kind_id, "Chưa hiểu — chọn danh hiệu bên dưới"))

    def colour(self, g):
        return QBrush(ERROR_BG) if g.award_kind_id is None else None


def table(parent: QWidget, model, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
    return view


# Rows looked at when fitting columns to their contents: a whole list of thousands of
# subjects would keep the screen frozen for seconds.
RESIZE_ROWS = 100


class HistoryTabs:
    """The four tabs, built once and shown by ImportDetails when the preview has a plan."""

    def __init__(self, parent: QWidget, on_choice: Callable[[Callable], None]):
        self.on_choice = on_choice  # runs fn(preview) then re-plans
        self.plan = None
        self.years_model, self.decisions_model = YearsModel(parent), DecisionsModel(parent)
        self.subjects_model, self.spellings_model = SubjectsModel(parent), SpellingsModel(parent)
        self.years_model.on_choice = self._fund
        self.decisions_model.on_choice = self._attach
        self.years = table(parent, self.years_model, "history_years")
        self.decisions = table(parent, self.decisions_model, "history_decisions")
        self.subjects = table(parent, self.subjects_model, "history_subjects")
        self.spellings = table(parent, self.spellings_model, "history_spellings")
        self.subjects.selectionModel().currentRowChanged.connect(self._subject_selected)
        self.record = QComboBox(parent)
        self.record.setObjectName("history_record")
        self.record.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.record.setMinimumContentsLength(48)
        self.btn_record = _button(parent, "Dùng hồ sơ này", self._choose_record)
        self.kind = QComboBox(parent)
        self.kind.setObjectName("history_kind")
        self.kind.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(40)
        self.btn_spelling = _button(parent, "Lưu cách viết này", self._save_spelling)
        self.btn_spelling.setObjectName("history_save_spelling")
        self.pages = [
            (_panel(parent, QLabel("Mỗi năm: quyết định, mục vào sổ (đánh số tiếp theo số cuối của "
                                   "năm, theo ngày ký), tiền thưởng như sổ cũ ghi; đánh dấu "
                                   "“Ghi chi quỹ” nếu muốn ghi tiền của các quyết định của "
                                   "phường năm đó vào quỹ thi đua.", parent), self.years), "Theo năm"),
            (_panel(parent, None, self.decisions), "Quyết định"),
            (_panel(parent, None, self.subjects, QLabel("Hồ sơ đúng:", parent), self.record,
                    self.btn_record), "Đối tượng"),
            (_panel(parent, None, self.spellings, QLabel("Danh hiệu:", parent), self.kind,
                    self.btn_spelling), "Cách viết danh hiệu"),
        ]

    def load(self, plan) -> None:
        self.plan = plan
        self.years_model.set_items(plan.years if plan else [])
        self.decisions_model.set_items(plan.decisions if plan else [])
        subjects = sorted(plan.subjects, key=lambda g: not g.needs_choice) if plan else []
        self.subjects_model.set_items(subjects)
        self.spellings_model.names = ({k.id: k.name for k in plan.index.matcher.kinds.values()}
                                      if plan else {})
        self.spellings_model.set_items(plan.spellings if plan else [])
        self.kind.clear()
        if plan:
            for k in sorted(plan.index.matcher.kinds.values(), key=lambda k: k.sort_order):
                self.kind.addItem(k.name, k.id)
        for view in (self.years, self.decisions, self.subjects, self.spellings):
            view.resizeColumnsToContents()
        if subjects:
            self.subjects.selectRow(0)
        unmatched = [i for i, g in enumerate(plan.spellings if plan else [])
                     if g.award_kind_id is None]
        if unmatched:
            self.spellings.selectRow(unmatched[0])
        self._subject_selected()

    def titles(self) -> list[str]:
        p = self.plan
        choose = sum(1 for g in p.subjects if g.needs_choice) if p else 0
        unknown = len(p.unmatched) if p else 0
        existing = sum(1 for g in p.decisions if g.existing) if p else 0
        return ["Theo năm" + (f" ({len(p.years)})" if p else ""),
                f"Quyết định ({len(p.decisions) if p else 0}"
                + (f", {existing} đã có)" if existing else ")"),
                f"Đối tượng ({len(p.subjects) if p else 0}"
                + (f", {choose} cần chọn)" if choose else ")"),
                f"Cách viết danh hiệu ({len(p.spellings) if p else 0}"
                + (f", {unknown} chưa hiểu)" if unknown else ")")]

    # ------------------------------------------------------------ answers
    def _fund(self, year, post: bool) -> None:
        from app.excel.history_choices import choose_fund

        self.on_choice(lambda preview: choose_fund(preview, year.year, post))

    def _attach(self, group, attach: bool) -> None:
        from app.excel.history_choices import choose_attach

        key = group.key
        self.on_choice(lambda preview: choose_attach(preview, _decision(preview, key), attach))

    def _subject_selected(self, *_args) -> None:
        self.record.clear()
        group = self._selected(self.subjects, self.subjects_model)
        if group is not None:
            for c in group.choices:
                self.record.addItem(c.describe(), c.id)
            self.record.addItem("Hồ sơ mới (tạo từ sổ cũ)", 0)
            if group.record_id:
                self.record.setCurrentIndex(self.record.findData(group.record_id))
        self.btn_record.setEnabled(group is not None and bool(group.choices))
        self.record.setEnabled(self.btn_record.isEnabled())

    def _choose_record(self) -> None:
        from app.excel.history_choices import choose_subject

        group = self._selected(self.subjects, self.subjects_model)
        if group is None:
            return
        key, record = group.key, self.record.currentData() or None
        self.on_choice(lambda preview: choose_subject(preview, _subject(preview, key), record))

    def _save_spelling(self) -> None:
        from app.excel.history_choices import save_award

        gap = self._selected(self.spellings, self.spellings_model)
        kind_id = self.kind.currentData()
        if gap is None or kind_id is None:
            return
        spelling = gap.text
        self.on_choice(lambda preview, db: save_award(db, preview, spelling, kind_id), True)

    @staticmethod
    def _selected(view: QTableView, model: _PlanModel):
        rows = view.selectionModel().selectedRows()
        return model.items[rows[0].row()] if rows else None


def _decision(preview, key: str):
    return next(g for g in preview.plan.decisions if g.key == key)


def _subject(preview, key: tuple):
    return next(g for g in preview.plan.subjects if g.key == key)


def _button(parent: QWidget, label: str, slot) -> QPushButton:
    b = QPushButton(label, parent)
    b.clicked.connect(slot)
    return b


def _panel(parent: QWidget, hint: QLabel | None, view: QTableView, *bar) -> QWidget:
    panel = QWidget(parent)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    if hint is not None:
        hint.setWordWrap(True)
        layout.addWidget(hint)
    layout.addWidget(view, 1)
    if bar:
        row = QHBoxLayout()
        for w in bar:
            row.addWidget(w)
        row.addStretch(1)
        layout.addLayout(row)
    return panel
