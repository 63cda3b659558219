"""Council members and a new meeting with its attendance (quorum shown as you tick)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
)

from app.errors import ValidationError
from app.services.rounds import council, council_members, quorum
from ui import dialogs
from ui.screens.batch_rows import RowsModel, current_item, rows_view
from ui.screens.ward_documents import council_setup_button
from ui.widgets.form import DateEdit, FormDialog, combo, combo_value, set_combo, spin

ROLES = ("Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên thường trực", "Ủy viên",
         "Ủy viên, Thư ký")


def pick_persons(parent, db, title: str, multi: bool = True) -> list[int]:
    """Persons chosen in the Cá nhân records (search, filters), [] when cancelled."""
    from ui.widgets.subject_picker import SubjectPicker

    picker = SubjectPicker(db, title, ("person",), multi=multi, parent=parent)
    return [pid for pid, _ in picker.chosen()] if picker.exec() else []


class MemberDialog(FormDialog):
    def __init__(self, db, member: council.MemberInfo | None, parent=None):
        super().__init__("Thành viên Hội đồng", parent)
        self.db, self.member = db, member
        name_row = QHBoxLayout()
        name = QLineEdit()
        name.setObjectName("full_name")
        pick = QPushButton("Chọn từ hồ sơ cá nhân…", self)
        pick.setObjectName("pick_person")
        pick.clicked.connect(self.pick_person)
        name_row.addWidget(name, 1)
        name_row.addWidget(pick)
        self.form.addRow("Họ và tên (*)", name_row)
        self.fields["full_name"] = name
        self.add_row("role", "Vai trò trong Hội đồng (*)", combo(ROLES, empty=None, editable=True))
        self.add_row("position", "Chức vụ", QLineEdit())
        self.add_row("from_date", "Từ ngày", DateEdit())
        self.add_row("to_date", "Đến ngày (thôi tham gia)", DateEdit())
        self.add_row("sort_order", "Thứ tự", spin(0, 999))
        if member:
            f = self.fields
            f["full_name"].setText(member.full_name)
            set_combo(f["role"], member.role)
            f["position"].setText(member.position or "")
            f["from_date"].set_value(member.from_date)
            f["to_date"].set_value(member.to_date)
            f["sort_order"].setValue(member.sort_order)

    def pick_person(self) -> None:
        """Name and position as the Cá nhân record has them."""
        chosen = pick_persons(self, self.db, "Chọn thành viên Hội đồng từ hồ sơ cá nhân",
                              multi=False)
        if chosen:
            name, position = council_members.person_position(self.db, chosen[0])
            self.fields["full_name"].setText(name)
            self.fields["position"].setText(position or "")

    def save(self) -> int:
        f = self.fields
        return council.save_member(self.db, council.MemberInfo(
            f["full_name"].text(), combo_value(f["role"]) or "", f["position"].text(),
            f["from_date"].value(), f["to_date"].value(), f["sort_order"].value(),
            self.member.id if self.member else None))


class MembersDialog(QDialog):
    """The council's members (the list a meeting's attendance is ticked from)."""

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Thành viên Hội đồng Thi đua - Khen thưởng")
        self.model = RowsModel([("Họ và tên", lambda m: m.full_name), ("Vai trò", lambda m: m.role),
                                ("Chức vụ", lambda m: m.position),
                                ("Đến ngày", lambda m: m.to_date.strftime("%d/%m/%Y")
                                 if m.to_date else "")], parent=self)
        self.table = rows_view(self.model, self, widths=(24, 20, 46))
        self.table.doubleClicked.connect(lambda _i: self.edit())
        bar = QHBoxLayout()
        for text, slot, name in (
                ("Chọn từ hồ sơ cá nhân…", self.pick_members, "pick_members"),
                ("Thêm thành viên", lambda: self._open(None), "add_member"),
                ("Sửa", self.edit, "edit_member"),
                ("Xóa khỏi Hội đồng", self.remove, "remove_member")):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addWidget(council_setup_button(self))
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.button(QDialogButtonBox.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        h = self.fontMetrics().height()
        self.resize(h * 50, h * 25)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(council.list_members(self.db))

    def edit(self) -> None:
        member = current_item(self.table)
        if member:
            self._open(member)

    def pick_members(self) -> None:
        """Several persons at once; each joins as "Ủy viên" (set the roles with Sửa)."""
        chosen = pick_persons(self, self.db, "Chọn thành viên Hội đồng từ hồ sơ cá nhân")
        if not chosen:
            return
        result = council_members.add_from_records(self.db, chosen)
        self.reload()
        if result.skipped:
            dialogs.info(self, "Thành viên Hội đồng",
                         f"Đã thêm {len(result.added)} thành viên.\n\nKhông thêm:\n- "
                         + "\n- ".join(result.skipped))

    def remove(self) -> None:
        member = current_item(self.table)
        if member is None:
            dialogs.info(self, "Chưa chọn", "Hãy chọn thành viên cần xóa khỏi Hội đồng.")
            return
        if not dialogs.confirm(self, "Xóa khỏi Hội đồng",
                               f"Xóa {member.full_name} ({member.role}) khỏi Hội đồng?"):
            return
        if council_members.remove_member(self.db, member.id) == "ended":
            dialogs.info(self, "Thôi tham gia Hội đồng",
                         f"{member.full_name} đã dự họp Hội đồng nên vẫn có tên trong các biên "
                         "bản cũ: ghi là thôi tham gia từ hôm nay (không còn trong các cuộc họp "
                         "mới).")
        self.reload()

    def _open(self, member) -> None:
        if MemberDialog(self.db, member, self).exec():
            self.reload()


class MeetingDialog(FormDialog):
    """A council meeting: when, where, who chairs, who attends (quorum shown live)."""

    def __init__(self, db, batch_id: int, parent=None):
        super().__init__("Cuộc họp Hội đồng", parent)
        self.db, self.batch_id = db, batch_id
        self.share = quorum.get_share(db)
        day = self.add_row("day", "Ngày họp (*)", DateEdit())
        day.set_value(date.today())
        t = self.add_row("time", "Giờ họp", QTimeEdit(QTime(8, 0)))
        t.setDisplayFormat("HH:mm")
        self.add_row("place", "Địa điểm", QLineEdit("Hội trường Ủy ban nhân dân"))
        self.add_row("chair", "Chủ trì", combo([], empty=None, editable=True))
        self.add_row("secretary", "Thư ký", combo([], empty=None, editable=True))
        box = self.add_row("attendees", "Thành viên có mặt", QListWidget())
        box.itemChanged.connect(lambda _i: self._quorum())
        self.quorum_label = QLabel(self)
        members = QPushButton("Thêm / sửa thành viên Hội đồng…", self)
        members.setObjectName("edit_members")
        members.clicked.connect(self._edit_members)
        row = QHBoxLayout()
        row.addWidget(self.quorum_label, 1)
        row.addWidget(members)
        self.form.addRow("", row)
        self._fill_members()
        self.add_row("content", "Nội dung", QPlainTextEdit(
            "Xét, đề nghị khen thưởng theo danh sách của đợt xét."))
        self.fields["content"].setMaximumHeight(self.fontMetrics().height() * 3)

    def _fill_members(self) -> None:
        self.members = council.list_members(self.db, date.today())
        names = [m.full_name for m in self.members]
        for key in ("chair", "secretary"):
            self.fields[key].clear()
            self.fields[key].addItems(names)
        _preset(self.fields, self.members)
        box = self.fields["attendees"]
        box.blockSignals(True)
        box.clear()
        for m in self.members:
            item = QListWidgetItem(f"{m.full_name} — {m.role}")
            item.setData(Qt.UserRole, m.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            box.addItem(item)
        box.blockSignals(False)
        if hasattr(self, "quorum_label"):
            self._quorum()

    def _edit_members(self) -> None:
        """A first meeting: the council can be entered right here."""
        MembersDialog(self.db, self).exec()
        self._fill_members()

    def present_ids(self) -> list[int]:
        box = self.fields["attendees"]
        return [box.item(i).data(Qt.UserRole) for i in range(box.count())
                if box.item(i).checkState() == Qt.Checked]

    def _quorum(self) -> None:
        total, present = len(self.members), len(self.present_ids())
        need = quorum.needed(total, self.share)  # the same setting the saved meeting uses
        ok = total > 0 and present >= need
        self.quorum_label.setText(
            f"Có mặt {present}/{total} thành viên — cần ít nhất {need}: "
            + ("<b style='color:#1a6b3c'>đủ số lượng</b>" if ok
               else "<b style='color:#b00020'>chưa đủ số lượng</b>" if total
               else "<b style='color:#b00020'>chưa có thành viên Hội đồng</b>"))

    def save(self) -> int:
        f = self.fields
        day = f["day"].value()
        if day is None:
            raise ValidationError("Chưa nhập ngày họp.", "day")
        if not self.members:
            raise ValidationError("Chưa có thành viên Hội đồng: bấm “Thành viên Hội đồng…” "
                                  "để thêm trước.", "attendees")
        t = f["time"].time()
        when = datetime(day.year, day.month, day.day, t.hour(), t.minute())
        mid = council.create_meeting(self.db, self.batch_id, when, f["place"].text(),
                                     self.present_ids(), combo_value(f["chair"]),
                                     combo_value(f["secretary"]), content=self.text_of("content"))
        if not council.get_meeting(self.db, mid).quorum_ok:
            dialogs.warn(self, "Chưa đủ số lượng",
                         "Số thành viên có mặt chưa đủ theo quy chế: biên bản sẽ ghi rõ điều này.")
        return mid


def _preset(fields, members) -> None:
    """Chair: the council's chairman; secretary: the member whose role says Thư ký."""
    for m in members:
        if m.role.startswith("Chủ tịch"):
            set_combo(fields["chair"], m.full_name)
        if "Thư ký" in m.role:
            set_combo(fields["secretary"], m.full_name)
