"""Gương điển hình tiên tiến: list and form (person or collective, field, year, headline,
story, photo, linked awards) and the printable one-page profile."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services.awards.register import subject_history
from app.services.emulation import role_models as rm
from ui import dialogs
from ui.widgets.form import FormDialog, combo, combo_value, set_combo, spin
from ui.widgets.list_page import ListPage
from ui.widgets.subject_picker import SubjectPicker


class PhotoBox(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.data: bytes | None = None
        self.preview = QLabel("Chưa có ảnh", self)
        self.preview.setObjectName("photo_preview")
        self.preview.setAlignment(Qt.AlignCenter)
        size = self.fontMetrics().height()
        self.preview.setFixedSize(size * 6, size * 8)
        self.preview.setStyleSheet("border: 1px solid #999;")
        pick = QPushButton("Chọn ảnh…", self)
        clear = QPushButton("Bỏ ảnh", self)
        pick.clicked.connect(self.pick)
        clear.clicked.connect(lambda: self.set_photo(None))
        buttons = QVBoxLayout()
        buttons.addWidget(pick)
        buttons.addWidget(clear)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def set_photo(self, data: bytes | None) -> None:
        self.data = data
        if not data:
            self.preview.setPixmap(QPixmap())
            self.preview.setText("Chưa có ảnh")
            return
        pix = QPixmap()
        pix.loadFromData(data)
        self.preview.setPixmap(pix.scaled(self.preview.size(), Qt.KeepAspectRatio,
                                          Qt.SmoothTransformation))

    def pick(self) -> None:
        path = dialogs.open_file(self, "Chọn ảnh", "Ảnh (*.jpg *.jpeg *.png)")
        if path:
            self.set_photo(Path(path).read_bytes())


class RoleModelDialog(FormDialog):
    def __init__(self, db, role_model_id: int | None, parent=None):
        super().__init__("Thêm gương điển hình" if role_model_id is None
                         else "Sửa gương điển hình", parent)
        self.db, self.role_model_id, self.subject_id = db, role_model_id, None
        self.subject_label = QLabel("— chưa chọn —")
        choose = QPushButton("Chọn…")
        choose.setObjectName("choose_subject")
        choose.clicked.connect(self.choose_subject)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.subject_label, 1)
        line.addWidget(choose)
        self.add_row("subject", "Cá nhân / tập thể (*)", row)
        self.add_row("year", "Năm", spin(1990, 2100)).setValue(date.today().year)
        self.add_row("field", "Lĩnh vực", combo(rm.FIELDS, editable=True))
        self.add_row("headline", "Tiêu đề", QLineEdit())
        story = self.add_row("story", "Câu chuyện", QPlainTextEdit())
        story.setMinimumHeight(self.fontMetrics().height() * 8)
        self.counter = QLabel(self)
        story.textChanged.connect(self._count)
        self.form.addRow("", self.counter)
        self.add_row("photo", "Ảnh", PhotoBox())
        self.add_row("awards", "Khen thưởng gắn kèm", QListWidget()).setMaximumHeight(
            self.fontMetrics().height() * 6)
        self._count()
        if role_model_id is not None:
            self.load(rm.get_role_model(db, role_model_id))

    def _count(self) -> None:
        n = len(self.fields["story"].toPlainText())
        self.counter.setText(f"{n}/{rm.STORY_MAX} ký tự")

    def _set_subject(self, subject_id: int, checked: tuple[int, ...] = ()) -> None:
        self.subject_id = subject_id
        self.subject_label.setText(rm.subject_label(self.db, subject_id))
        awards = self.fields["awards"]
        awards.clear()
        for h in subject_history(self.db, subject_id):
            item = QListWidgetItem(f"{h.year} — {h.award_name}" + (f" ({h.decision})"
                                                                     if h.decision else ""))
            item.setData(Qt.UserRole, h.record_id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if h.record_id in checked else Qt.Unchecked)
            awards.addItem(item)

    def choose_subject(self) -> None:
        picker = SubjectPicker(self.db, "Chọn cá nhân hoặc tập thể", ("person", "collective"),
                               multi=False, parent=self)
        if picker.exec() and picker.chosen():
            self._set_subject(picker.chosen()[0][0])

    def load(self, d: rm.RoleModelData) -> None:
        f = self.fields
        self._set_subject(d.subject_id, d.award_record_ids)
        f["year"].setValue(d.year)
        set_combo(f["field"], d.field)
        f["headline"].setText(d.headline or "")
        f["story"].setPlainText(d.story or "")
        f["photo"].set_photo(d.photo)

    def checked_awards(self) -> tuple[int, ...]:
        awards = self.fields["awards"]
        return tuple(awards.item(i).data(Qt.UserRole) for i in range(awards.count())
                     if awards.item(i).checkState() == Qt.Checked)

    def save(self) -> int:
        f = self.fields
        return rm.save_role_model(self.db, rm.RoleModelData(
            id=self.role_model_id, subject_id=self.subject_id or 0, year=f["year"].value(),
            field=combo_value(f["field"]), headline=f["headline"].text(),
            story=self.text_of("story"), photo=f["photo"].data,
            award_record_ids=self.checked_awards(),
        ))


class RoleModelsPage(ListPage):
    noun = "gương điển hình"

    def make_source(self):
        return rm.RoleModelSource(self.db)

    def extra_buttons(self):
        self.btn_profile = QPushButton("In hồ sơ (PDF)…", self)
        self.btn_profile.setToolTip("Hồ sơ một trang của gương điển hình đang chọn")
        self.btn_profile.clicked.connect(self.print_profile)
        return [self.btn_profile]

    def open_editor(self, record_id):
        dialog = RoleModelDialog(self.db, record_id, self)
        return dialog.saved_id if dialog.exec() else None

    def delete_record(self, record_id):
        rm.delete_role_model(self.db, record_id)

    def print_profile(self) -> None:
        from app.services.emulation.role_model_profile import write_profile

        record_id = self.selected_id()
        if record_id is None:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một gương điển hình trong danh sách.")
            return
        name = self.model.index(self.model.row_of(record_id), 0).data()
        path = dialogs.save_file(self, "Lưu hồ sơ PDF", f"Gương điển hình - {name}.pdf",
                                 "Tệp PDF (*.pdf)")
        if not path:
            return
        try:
            write_profile(self.db, record_id, path)
        except (OSError, DomainError) as exc:
            dialogs.error(self, "Không tạo được hồ sơ", str(exc))
            return
        dialogs.info(self, "Đã tạo hồ sơ", f"Đã lưu hồ sơ vào “{path}”.")
