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
from app.text import fold
from ui import dialogs
from ui.screens.batch_rows import RowsModel, current_item, rows_view
from ui.screens.ward_documents import council_setup_button
from ui.widgets.form import DateEdit, FormDialog, combo, combo_value, set_combo, spin
from ui.widgets.sizing import resize_within_screen

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
        resize_within_screen(self, h * 50, h * 25)
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
    """A council meeting: when, where, who chairs and takes notes (both must attend), who
    attends (quorum shown live), the Ban kiểm phiếu and the numbers of the two biên bản.
    With ``meeting_id`` it corrects a saved meeting."""

    def __init__(self, db, batch_id: int, parent=None, meeting_id: int | None = None):
        super().__init__("Sửa cuộc họp Hội đồng" if meeting_id else "Cuộc họp Hội đồng", parent)
        self.db, self.batch_id, self.meeting_id = db, batch_id, meeting_id
        self.share = quorum.get_rule(db)  # "ít nhất 2/3" or "trên 1/2"
        day = self.add_row("day", "Ngày họp (*)", DateEdit())
        day.set_value(date.today())
        t = self.add_row("time", "Giờ họp", QTimeEdit(QTime(8, 0)))
        t.setDisplayFormat("HH:mm")
        self.add_row("place", "Địa điểm", QLineEdit("Hội trường Ủy ban nhân dân"))
        self.add_row("chair", "Chủ trì (*)", combo([], empty=None, editable=True))
        self.add_row("secretary", "Thư ký (*)", combo([], empty=None, editable=True))
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
        self.add_row("tellers", "Ban kiểm phiếu", QListWidget())
        self.add_row("teller_head", "Trưởng Ban kiểm phiếu", combo([], empty="— chưa chọn —"))
        self.add_row("minutes_number", "Số biên bản họp", QLineEdit())
        self.add_row("count_number", "Số biên bản kiểm phiếu", QLineEdit())
        for key in ("minutes_number", "count_number"):
            self.fields[key].setPlaceholderText("ví dụ 05 (…/BB-HĐTĐKT); bỏ trống: ghi tay")
        h = self.fontMetrics().height()
        for key in ("attendees", "tellers"):
            self.fields[key].setMaximumHeight(h * 7)
        self._fill_members()
        self.add_row("content", "Nội dung", QPlainTextEdit(
            "Xét, đề nghị khen thưởng theo danh sách của đợt xét."))
        self.fields["content"].setMaximumHeight(h * 3)
        if meeting_id:
            self._load(meeting_id)

    def _fill_members(self) -> None:
        self.members = council.list_members(self.db, date.today())
        names = [m.full_name for m in self.members]
        for key in ("chair", "secretary"):
            self.fields[key].clear()
            self.fields[key].addItems(names)
        _preset(self.fields, self.members)
        head = self.fields["teller_head"]
        while head.count() > 1:
            head.removeItem(1)
        for key in ("attendees", "tellers"):
            box = self.fields[key]
            box.blockSignals(True)
            box.clear()
            for m in self.members:
                item = QListWidgetItem(f"{m.full_name} — {m.role}")
                item.setData(Qt.UserRole, m.id)
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if key == "attendees" else Qt.Unchecked)
                box.addItem(item)
            box.blockSignals(False)
        for m in self.members:
            head.addItem(m.full_name, m.id)
        if hasattr(self, "quorum_label"):
            self._quorum()

    def _load(self, meeting_id: int) -> None:
        """Fill the form from a saved meeting (attendance, Ban kiểm phiếu, numbers)."""
        m = council.get_meeting(self.db, meeting_id)
        f = self.fields
        if m.held_at:
            f["day"].set_value(m.held_at.date())
            f["time"].setTime(QTime(m.held_at.hour, m.held_at.minute))
        f["day"].setEnabled(False)
        f["time"].setEnabled(False)
        f["place"].setText(m.place or "")
        set_combo(f["chair"], m.chair_name or "")
        set_combo(f["secretary"], m.secretary_name or "")
        f["content"].setPlainText(m.content or "")
        f["content"].setEnabled(False)
        present = {x.id for x in council.attendees(self.db, meeting_id)}
        tellers = council.meeting_tellers(self.db, meeting_id)
        self._tick("attendees", present)
        self._tick("tellers", {i for i, _n, _r in tellers})
        head = next((i for i, _n, r in tellers if r == "head"), None)
        set_combo(f["teller_head"], head)
        f["minutes_number"].setText(m.minutes_number or "")
        f["count_number"].setText(m.count_number or "")
        self._quorum()

    def _tick(self, key: str, ids: set[int]) -> None:
        box = self.fields[key]
        for i in range(box.count()):
            item = box.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in ids else Qt.Unchecked)

    def _edit_members(self) -> None:
        """A first meeting: the council can be entered right here."""
        MembersDialog(self.db, self).exec()
        self._fill_members()

    def _checked(self, key: str) -> list[int]:
        box = self.fields[key]
        return [box.item(i).data(Qt.UserRole) for i in range(box.count())
                if box.item(i).checkState() == Qt.Checked]

    def present_ids(self) -> list[int]:
        return self._checked("attendees")

    def _quorum(self) -> None:
        total, present = len(self.members), len(self.present_ids())
        need = quorum.needed(total, self.share)  # the same setting the saved meeting uses
        ok = total > 0 and present >= need
        self.quorum_label.setText(
            f"Có mặt {present}/{total} thành viên — cần ít nhất {need}: "
            + ("<b style='color:#1a6b3c'>đủ số lượng</b>" if ok
               else "<b style='color:#b00020'>chưa đủ số lượng</b>" if total
               else "<b style='color:#b00020'>chưa có thành viên Hội đồng</b>"))

    def _check_signers(self) -> tuple[str | None, str | None]:
        """Chair and secretary sign the minutes: both named and ticked present."""
        f = self.fields
        present = {fold(m.full_name) for m in self.members if m.id in self.present_ids()}
        names = {}
        for key, who in (("chair", "người chủ trì"), ("secretary", "thư ký")):
            name = combo_value(f[key])
            if not name:
                raise ValidationError(f"Chưa chọn {who}.", key)
            if fold(name) not in present:
                raise ValidationError(f"{who.capitalize()} “{name}” phải là thành viên có mặt "
                                      "(đánh dấu ở danh sách Thành viên có mặt).", key)
            names[key] = name
        return names["chair"], names["secretary"]

    def _tellers(self) -> tuple[list[int], int | None]:
        tellers, head = self._checked("tellers"), self.fields["teller_head"].currentData()
        if tellers and head is None:
            raise ValidationError("Chưa chọn Trưởng Ban kiểm phiếu.", "teller_head")
        if head is not None and head not in tellers:
            tellers.insert(0, head)
        missing = set(tellers) - set(self.present_ids())
        if missing:
            who = ", ".join(m.full_name for m in self.members if m.id in missing)
            raise ValidationError(f"Ban kiểm phiếu chỉ gồm người có mặt: {who} đang vắng.",
                                  "tellers")
        return tellers, head

    def save(self) -> int:
        f = self.fields
        day = f["day"].value()
        if day is None:
            raise ValidationError("Chưa nhập ngày họp.", "day")
        if not self.members:
            raise ValidationError("Chưa có thành viên Hội đồng: bấm “Thành viên Hội đồng…” "
                                  "để thêm trước.", "attendees")
        chair, secretary = self._check_signers()
        tellers, head = self._tellers()
        numbers = {k: f[k].text() for k in ("minutes_number", "count_number")}
        if self.meeting_id:
            council.update_meeting(self.db, self.meeting_id, council.MeetingEdit(
                f["place"].text(), chair, secretary, self.present_ids(), tellers, head,
                **numbers))
            return self.meeting_id
        t = f["time"].time()
        when = datetime(day.year, day.month, day.day, t.hour(), t.minute())
        mid = council.create_meeting(self.db, self.batch_id, when, f["place"].text(),
                                     self.present_ids(), chair, secretary,
                                     content=self.text_of("content"), tellers=tellers,
                                     teller_head=head, **numbers)
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
