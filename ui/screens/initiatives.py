"""Sáng kiến: list and form (title, authors chosen from the people on record, year, field,
scope, effect, recognition decision)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.emulation import initiatives as ini
from ui.widgets.form import DateEdit, FormDialog, combo, combo_value, set_combo, spin
from ui.widgets.list_page import ListPage
from ui.widgets.subject_picker import SubjectPicker


class AuthorList(QWidget):
    """The authors: a list with "Chọn tác giả…" and "Bỏ tác giả"."""

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.list = QListWidget(self)
        self.list.setMaximumHeight(self.fontMetrics().height() * 5)
        add = QPushButton("Chọn tác giả…", self)
        add.setObjectName("add_author")
        remove = QPushButton("Bỏ tác giả", self)
        add.clicked.connect(self.pick)
        remove.clicked.connect(lambda: [self.list.takeItem(self.list.row(i))
                                        for i in self.list.selectedItems()])
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def set_authors(self, people: list[tuple[int, str]]) -> None:
        for pid, name in people:
            if pid not in self.ids():
                item = QListWidgetItem(name)
                item.setData(Qt.UserRole, pid)
                self.list.addItem(item)

    def ids(self) -> tuple[int, ...]:
        return tuple(self.list.item(i).data(Qt.UserRole) for i in range(self.list.count()))

    def pick(self) -> None:
        picker = SubjectPicker(self.db, "Chọn tác giả sáng kiến", ("person",), parent=self)
        if picker.exec():
            self.set_authors(picker.chosen())


class InitiativeDialog(FormDialog):
    def __init__(self, db, initiative_id: int | None, parent=None):
        super().__init__("Thêm sáng kiến" if initiative_id is None else "Sửa sáng kiến", parent)
        self.db, self.initiative_id = db, initiative_id
        self.add_row("title", "Tên sáng kiến (*)", QLineEdit())
        self.add_row("authors", "Tác giả (*)", AuthorList(db))
        year = self.add_row("year", "Năm", spin(1990, 2100))
        year.setValue(date.today().year)
        self.add_row("field", "Lĩnh vực", combo(ini.FIELDS, editable=True))
        self.add_row("scope", "Phạm vi ảnh hưởng", combo(list(ini.SCOPE_LABELS.items()), empty=None))
        self.add_row("effect", "Hiệu quả áp dụng", QPlainTextEdit()).setMaximumHeight(70)
        self.add_row("recognized", "", QCheckBox("Đã được công nhận"))
        self.add_row("decision_number", "Quyết định công nhận số", QLineEdit())
        self.add_row("decision_date", "Ngày quyết định", DateEdit())
        self.add_row("description", "Mô tả", QPlainTextEdit()).setMaximumHeight(70)
        if initiative_id is not None:
            self.load(ini.get_initiative(db, initiative_id))

    def load(self, d: ini.InitiativeData) -> None:
        f = self.fields
        f["title"].setText(d.title)
        f["authors"].set_authors(ini.author_names(self.db, d.author_ids))
        f["year"].setValue(d.year)
        set_combo(f["field"], d.field)
        set_combo(f["scope"], d.scope)
        f["effect"].setPlainText(d.effect or "")
        f["recognized"].setChecked(d.recognized)
        f["decision_number"].setText(d.decision_number or "")
        f["decision_date"].set_value(d.decision_date)
        f["description"].setPlainText(d.description or "")

    def save(self) -> int:
        f = self.fields
        return ini.save_initiative(self.db, ini.InitiativeData(
            id=self.initiative_id, title=f["title"].text(), year=f["year"].value(),
            author_ids=f["authors"].ids(), field=combo_value(f["field"]),
            scope=f["scope"].currentData(), effect=self.text_of("effect"),
            recognized=f["recognized"].isChecked(), decision_number=f["decision_number"].text(),
            decision_date=f["decision_date"].value(), description=self.text_of("description"),
        ))


class InitiativesPage(ListPage):
    noun = "sáng kiến"

    def make_source(self):
        return ini.InitiativeSource(self.db)

    def open_editor(self, record_id):
        dialog = InitiativeDialog(self.db, record_id, self)
        return dialog.saved_id if dialog.exec() else None

    def delete_record(self, record_id):
        ini.delete_initiative(self.db, record_id)
