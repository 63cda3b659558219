"""What both the batch screen and the decisions screen do with a decision: draft one from a
batch, edit a draft, preview / save it, issue it (with the read-only warning)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialogButtonBox, QWidget

from app import text
from app.errors import DomainError
from app.services.awards import fund
from app.services.rounds import decision_issue, decisions, paperwork
from app.services.system.organization import list_signers
from ui import dialogs, workers
from ui.screens.decision_preview import show_document
from ui.widgets.form import DateEdit, FormDialog, combo


class DraftDialog(FormDialog):
    """Draft a decision from the batch's passed candidates (all awards or one)."""

    def __init__(self, db, batch, passed_kinds: list[tuple[int, str]], parent=None):
        super().__init__("Lập dự thảo quyết định", parent)
        self.db, self.batch = db, batch
        self.buttons.button(QDialogButtonBox.Save).setText("Lập dự thảo")
        self.add_row("award", "Danh hiệu", combo(passed_kinds, empty="Tất cả danh hiệu được "
                                                                       "thông qua"))
        self.add_row("signed_on", "Ngày ký dự kiến", DateEdit()).set_value(date.today())
        self.add_row("signer", "Người ký", combo(
            [(x.id, f"{x.full_name} — {x.title}") for x in list_signers(db, active_only=True)],
            empty=None))

    def save(self) -> int:
        """Checked here (the date must read); the draft is made by the caller, in the
        background (a large round's draft lists thousands of lines)."""
        self.fields["signed_on"].value()
        return self.batch.id

    def arguments(self) -> tuple:
        """Arguments of decisions.draft_from_batch."""
        award = self.fields["award"].currentData()
        return (self.batch.id, [award] if award else None, self.fields["signed_on"].value(),
                self.fields["signer"].currentData())


def edit_decision(parent: QWidget, db, decision_id: int) -> bool:
    """Open the editor (read-only view for an issued decision); True when something saved."""
    from ui.screens.decision_editor import DecisionEditor

    editor = DecisionEditor(db, decision_id, parent)
    editor.exec()
    return editor.saved


def preview_decision(parent: QWidget, db, decision_id: int, on_shown=None) -> None:
    d = decisions.get_decision(db, decision_id)
    draft = d.status == "draft"
    stem = ("Dự thảo quyết định " + (f"số {d.number}" if d.number else str(d.id)) if draft
            else "Quyết định " + (d.full_number or str(d.id))).replace("/", "-")
    show_document(parent, d.label, lambda: paperwork.decision_document(db, decision_id), stem,
                  on_shown=on_shown, draft=draft)


def show_in_register(widget: QWidget, decision_id: int) -> None:
    """Switch the main window to the register, filtered to this decision's entries."""
    window = widget.window()
    if not hasattr(window, "show_screen"):
        return
    page = window.show_screen("register")
    box = page.filter_boxes.get("decision_id")
    if box is not None:
        box.setCurrentIndex(max(box.findData(decision_id), 0))


def _fund_allows(parent: QWidget, db, d) -> bool:
    """Spending more than the year's fund holds is the officer's call, asked first."""
    if not d.total_money:
        return True
    year = d.signed_on.year
    left = fund.balance(db, year).balance
    if d.total_money <= left:
        return True
    money = text.format_money
    return dialogs.confirm(
        parent, "Vượt quỹ thi đua, khen thưởng",
        f"Quỹ thi đua, khen thưởng năm {year} còn {money(left)} đồng; quyết định này chi "
        f"{money(d.total_money)} đồng, vượt {money(d.total_money - left)} đồng.\n\n"
        "Nếu chưa nhập dự toán hoặc khoản thu của năm, hãy nhập ở màn hình “Quỹ thi đua, "
        "khen thưởng” trước. Vẫn ban hành?")


def _issue_job(db, decision_id: int, progress=None, cancelled=None):
    progress(0, 0, "Đang ghi sổ khen thưởng…")
    return decision_issue.issue_decision(db, decision_id)


def issue(parent: QWidget, db, decision_id: int, on_done=None) -> None:
    """Confirm, then issue in the background (thousands of lines write thousands of entries)."""
    d = decisions.get_decision(db, decision_id)
    if d.status != "draft":
        dialogs.info(parent, "Đã ban hành", f"{d.label} đã ban hành.")
        return
    if not d.number or not d.signed_on:
        dialogs.warn(parent, "Chưa đủ thông tin",
                     "Quyết định chưa có số hoặc ngày ký: mở dự thảo, nhập số (đã gợi ý số tiếp "
                     "theo) và ngày ký rồi lưu.")
        return
    if not _fund_allows(parent, db, d):
        return
    money = (f"\nTổng tiền thưởng {text.format_money(d.total_money)} đồng sẽ ghi chi vào quỹ "
             f"thi đua, khen thưởng năm {d.signed_on.year}." if d.total_money else "")
    if not dialogs.confirm(parent, "Ban hành quyết định",
                           f"Ban hành Quyết định số {d.number}/{d.symbol} ngày "
                           f"{text.format_date_vn(d.signed_on)} ({d.lines} dòng)?\n\n"
                           "Ban hành sẽ ghi các dòng vào Sổ khen thưởng và quyết định trở thành "
                           "chỉ đọc: không sửa, không xóa được nữa (muốn thay đổi phải lập "
                           f"quyết định đính chính hoặc thu hồi).{money}"):
        return

    def done(result: decision_issue.IssueResult) -> None:
        nos = result.certificate_nos
        span = f" (số vào sổ {nos[0]} – {nos[-1]})" if nos else ""
        dialogs.info(parent, "Đã ban hành",
                     f"Đã ban hành Quyết định số {result.full_number}: ghi {len(nos)} mục vào "
                     f"Sổ khen thưởng{span}.")
        if on_done:
            on_done(result)

    def failed(exc: Exception) -> None:
        if isinstance(exc, DomainError):
            dialogs.warn(parent, "Chưa ban hành được", str(exc))
        else:
            dialogs.error(parent, "Chưa ban hành được", "Có lỗi khi ban hành; sổ không thay đổi.",
                          details=repr(exc))

    workers.run_with_progress(parent, "Đang ban hành quyết định", _issue_job, db, decision_id,
                              on_success=done, on_failure=failed)
