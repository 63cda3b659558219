"""The import screen's tabs for the old commendation register (issue 16): per year what would
be written (decisions, entries and their register numbers, money, new or matched records,
and whether the ward's own money goes to the fund); the decisions found (one already in the
database: skip or attach); the subjects (which record, when several fit); and the award
spellings (one not understood gets an award kind, saved in the table). Each answer goes to
``app.excel.history_choices`` through ``on_choice`` (the page re-plans in the background)."""

from __future__ import annotations

from collections.abc import Callable

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

from ui.screens.import_history_models import (
    DecisionsModel,
    PlanModel,
    SpellingsModel,
    SubjectsModel,
    YearsModel,
)


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
    def _selected(view: QTableView, model: PlanModel):
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
