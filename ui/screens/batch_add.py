"""Dialogs of step 1: add candidates from the records, edit one, tick items of a list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.awards import award_kinds
from app.services.rounds import batches
from ui.widgets.form import FormDialog, combo, set_combo
from ui.widgets.subject_picker import SubjectPicker


def kind_combo(db, parent=None):
    kinds = award_kinds.list_award_kinds(db)
    box = combo([(k.id, k.label) for k in kinds], parent, empty=None)
    box.kinds = {k.id: k for k in kinds}
    return box


class AddCandidatesDialog(FormDialog):
    """Choose the award first (it says which kinds of subject may receive it), then the
    subjects with the searchable picker; all are added in one transaction."""

    def __init__(self, db, batch_id: int, parent=None):
        super().__init__("Thêm ứng viên từ hồ sơ", parent)
        self.db, self.batch_id = db, batch_id
        self.subjects: list[tuple[int, str]] = []
        self.add_row("award", "Danh hiệu / hình thức đề nghị", kind_combo(db))
        self.add_row("proposing_unit", "Đơn vị đề nghị", QLineEdit())
        row = QWidget(self)
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        self.pick_button = QPushButton("Chọn đối tượng…", row)
        self.pick_button.setObjectName("pick")
        self.pick_button.clicked.connect(self.pick)
        self.chosen_label = QLabel("Chưa chọn ai.", row)
        self.chosen_label.setWordWrap(True)
        h.addWidget(self.pick_button)
        h.addWidget(self.chosen_label, 1)
        self.add_row("subjects", "Đối tượng", row)

    def award(self) -> award_kinds.AwardKindInfo:
        box = self.fields["award"]
        return box.kinds[box.currentData()]

    def pick(self) -> None:
        kind = self.award()
        types = [t for t in kind.subject_types.split(",") if t] or ["person"]
        picker = SubjectPicker(self.db, f"Chọn đối tượng đề nghị “{kind.name}”", types,
                               parent=self)
        if picker.exec():
            known = {sid for sid, _ in self.subjects}
            self.subjects += [x for x in picker.chosen() if x[0] not in known]
            names = [n for _, n in self.subjects]
            more = f" và {len(names) - 8} người khác" if len(names) > 8 else ""
            self.chosen_label.setText(f"{len(names)}: " + ", ".join(names[:8]) + more)

    def save(self) -> int:
        """Checked here; the candidates are added by the tab, in the background."""
        if not self.subjects:
            raise ValidationError("Chưa chọn đối tượng nào: bấm “Chọn đối tượng…”.", "subjects")
        return self.batch_id

    def chosen(self) -> tuple[list[int], int, str]:
        """(subject ids, award kind id, proposing unit) for batches.add_candidates."""
        return ([sid for sid, _ in self.subjects], self.award().id,
                self.fields["proposing_unit"].text())


class CandidateDialog(FormDialog):
    def __init__(self, db, c: batches.CandidateInfo, parent=None):
        super().__init__(f"Ứng viên: {c.subject_name}", parent)
        self.db, self.c = db, c
        box = self.add_row("award", "Danh hiệu / hình thức đề nghị", kind_combo(db))
        set_combo(box, c.award_kind_id)
        self.add_row("proposing_unit", "Đơn vị đề nghị", QLineEdit(c.proposing_unit or ""))
        ach = self.add_row("achievement", "Thành tích (tóm tắt)", QPlainTextEdit())
        ach.setPlainText(c.achievement or "")
        cit = self.add_row("citation", "Nội dung khen (in trên quyết định)", QPlainTextEdit())
        cit.setPlainText(c.citation or "")
        cit.setMaximumHeight(self.fontMetrics().height() * 4)

    def save(self) -> int:
        batches.update_candidate(self.db, self.c.id, self.text_of("achievement"),
                                 self.text_of("citation"), self.fields["proposing_unit"].text(),
                                 self.fields["award"].currentData())
        return self.c.id


class ChecklistDialog(QDialog):
    """A list of (key, label) with check boxes; ``checked()`` gives the ticked keys.

    ``ticked``: whether every item starts ticked (achieved registrations: yes; suggestions:
    no, the officer chooses). Long labels wrap inside the dialog, which fits the screen."""

    def __init__(self, title: str, items: list[tuple[object, str]], parent=None,
                 ticked: bool = True):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget(self)
        self.list.setObjectName("checklist")
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.Adjust)  # wrap again when the dialog is resized
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.list.setSpacing(2)
        for key, label in items:
            item = QListWidgetItem(label)
            item.setData(Qt.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if ticked else Qt.Unchecked)
            self.list.addItem(item)
        self.count_label = QLabel(self)
        self.list.itemChanged.connect(lambda _i: self._count())
        none = QPushButton("Bỏ chọn tất cả", self)
        none.clicked.connect(lambda: self._set_all(Qt.Unchecked))
        every = QPushButton("Chọn tất cả", self)
        every.clicked.connect(lambda: self._set_all(Qt.Checked))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText("Thêm các mục đã chọn")
        self.buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(every)
        bar.addWidget(none)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        heading = QLabel(f"<b>{title}</b>", self)
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(bar)
        layout.addWidget(self.buttons)
        self._count()
        self._fit()

    def _fit(self) -> None:
        """About 60 × 30 lines of text, never larger than the screen's free area."""
        h = self.fontMetrics().height()
        width, height = h * 60, h * 30
        screen = self.screen() or QApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            width, height = min(width, free.width() * 9 // 10), min(height, free.height() * 9 // 10)
        self.resize(width, height)

    def _count(self) -> None:
        n = len(self.checked())
        self.count_label.setText(f"Đã chọn {n}/{self.list.count()}")

    def _set_all(self, state) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def checked(self) -> list:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked]
