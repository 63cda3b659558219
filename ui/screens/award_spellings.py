"""Cách viết danh hiệu trong sổ cũ: the table that tells the old-register import which award
each way of writing means ("LĐTT", "GK Chủ tịch UBND phường"), listed, searched, added,
corrected and taken out of use (app.services.awards.award_spellings, audited). Opened from
Danh hiệu và mức thưởng and from the import screen when the old register is the kind."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.errors import DomainError, ValidationError
from app.services.awards import award_kinds as ak
from app.services.awards import award_spellings as sp
from ui import dialogs
from ui.screens.batch_rows import BAD, RowsModel, rows_view, selected_items
from ui.widgets.form import FormDialog, combo, set_combo

ORIGINS = {"seed": "Có sẵn", "user": "Người dùng thêm"}


def kind_choices(db) -> list[tuple[int, str]]:
    """Every award kind, those no longer in use marked (an old register names them too)."""
    return [(k.id, k.name if k.active else f"{k.name} (không còn dùng)")
            for k in ak.list_award_kinds(db, active_only=False)]


class SpellingDialog(FormDialog):
    """One spelling: how it is written and the award it means (and, when editing, in use)."""

    def __init__(self, db, kinds: list[tuple[int, str]], item: sp.SpellingInfo | None = None,
                 parent: QWidget | None = None):
        super().__init__("Sửa cách viết danh hiệu" if item else "Thêm cách viết danh hiệu",
                         parent)
        self.db, self.item = db, item
        spelling = self.add_row("spelling", "Cách viết trong sổ cũ (*)",
                                QLineEdit(item.spelling if item else ""))
        spelling.setPlaceholderText("ví dụ: GK CT UBND phường")
        self.add_row("award_kind", "Là danh hiệu, hình thức (*)",
                     combo(kinds, empty="— chọn danh hiệu —"))
        if item:
            set_combo(self.fields["award_kind"], item.award_kind_id)
            active = self.add_row("active", "", QCheckBox("Đang dùng khi nhập sổ cũ"))
            active.setChecked(item.active)
        note = QLabel("Không phân biệt chữ hoa, dấu, dấu câu; “Ủy ban nhân dân” và “UBND”, "
                      "“Chủ tịch” và “CT” được coi là như nhau.", self)
        note.setWordWrap(True)
        self.form.addRow(note)

    def save(self) -> int:
        kind_id = self.fields["award_kind"].currentData()
        if kind_id is None:
            raise ValidationError("Chưa chọn danh hiệu, hình thức khen thưởng.", "award_kind")
        spelling = self.fields["spelling"].text()
        if self.item is None:
            return sp.save_spelling(self.db, spelling, kind_id)
        sp.update_spelling(self.db, self.item.id, spelling, kind_id,
                           self.fields["active"].isChecked())
        return self.item.id


class AwardSpellingsDialog(QDialog):
    """The whole table; ``changed`` tells the caller to read it again (the import re-plans)."""

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Cách viết danh hiệu trong sổ cũ")
        self.db, self.changed, self.items = db, False, []
        self.kinds = kind_choices(db)
        self.search = QLineEdit(self, objectName="spelling_search")
        self.search.setPlaceholderText("Tìm theo cách viết hoặc danh hiệu…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.model = RowsModel([
            ("Cách viết trong sổ cũ", lambda x: x.spelling),
            ("Là danh hiệu, hình thức", lambda x: x.award_name),
            ("Nguồn", lambda x: ORIGINS.get(x.origin, x.origin)),
            ("Đang dùng", lambda x: "Có" if x.active else "Không (đã xóa)"),
        ], colour=lambda x: None if x.active else BAD, parent=self)
        self.table = rows_view(self.model, self, widths=(34, 40, 14))
        self.table.setObjectName("spellings")
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.count = QLabel(self, objectName="spelling_count")
        layout = QVBoxLayout(self)
        intro = QLabel("Khi nhập sổ khen thưởng cũ, phần mềm hiểu tên danh hiệu theo bảng này "
                       "(ngoài tên và mã của chính danh hiệu). Cách viết đã xóa không còn được "
                       "dùng; sửa và đánh dấu “Đang dùng” để dùng lại.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(self._buttons())
        self.resize(self.fontMetrics().averageCharWidth() * 120, self.fontMetrics().height() * 32)
        self.reload()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for name, label, slot in (("add", "Thêm cách viết…", self.add), ("edit", "Sửa…", self.edit),
                                  ("delete", "Xóa", self.delete)):
            button = QPushButton(label, self, objectName=f"spelling_{name}")
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.button(QDialogButtonBox.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        row.addWidget(close)
        return row

    def reload(self, select_id: int | None = None) -> None:
        self.items = sp.list_spellings(self.db)
        self._filter(select_id=select_id)

    def _filter(self, *_args, select_id: int | None = None) -> None:
        wanted = text.fold(self.search.text())
        shown = [x for x in self.items
                 if wanted in text.fold(f"{x.spelling} {x.award_name}")]
        self.model.set_items(shown)
        off = sum(1 for x in self.items if not x.active)
        self.count.setText(f"{len(shown)}/{len(self.items)} cách viết"
                           + (f" ({off} đã xóa)" if off else ""))
        rows = [i for i, x in enumerate(shown) if x.id == select_id]
        if rows:
            self.table.selectRow(rows[0])

    def _selected(self) -> sp.SpellingInfo | None:
        items = selected_items(self.table)
        if not items:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một cách viết trong bảng.")
            return None
        return items[0]

    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        item = self._selected()
        if item is not None:
            self._open(item)

    def _open(self, item) -> None:
        form = SpellingDialog(self.db, self.kinds, item, self)
        if form.exec():
            self.changed = True
            self.reload(form.saved_id)

    def delete(self) -> None:
        item = self._selected()
        if item is None:
            return
        if not item.active:
            dialogs.info(self, "Đã xóa", f"Cách viết “{item.spelling}” đã không còn được dùng.")
            return
        if not dialogs.confirm(self, "Xóa cách viết", f"Xóa cách viết “{item.spelling}” "
                               f"(là “{item.award_name}”)? Khi nhập sổ cũ, cách viết này sẽ "
                               "không còn được hiểu; các mục đã nhập không thay đổi."):
            return
        try:
            sp.remove_spelling(self.db, item.id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
            return
        self.changed = True
        self.reload(item.id)
