"""Step 1 of a round: candidates (from the records, from achieved registrations, from the
rules' suggestions) and the guardrails per candidate with reasons and legal basis."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.errors import DomainError
from app.services.awards import award_kinds
from app.services.awards.award_ui_support import checked_candidates
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from app.services.rounds import batches
from ui import dialogs, workers
from ui.screens.batch_add import AddCandidatesDialog, CandidateDialog, ChecklistDialog
from ui.screens.batch_rows import (
    BAD,
    GOOD,
    WARN,
    RowsModel,
    current_item,
    on_selection,
    rows_view,
    selected_items,
)
from ui.widgets.flow import FlowLayout


def _colour(c: batches.CandidateInfo):
    if c.status in ("failed", "withdrawn"):
        return BAD
    if c.warnings:
        return WARN
    return GOOD if c.status in ("passed", "decided") else None


def _first_warning(c: batches.CandidateInfo, checked: set[int]) -> str:
    if c.id not in checked:
        return "chưa kiểm tra"
    w = [f for f in c.findings if f.level == "warning"]
    return f"{len(w)}: {w[0].message}" if w else "không có"


class CandidatesTab(QWidget):
    changed = Signal()

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.batch, self.checked = db, None, set()
        self.items, self._keys = [], []
        # A Gia đình văn hóa round lists 14,000 households: loaded off the GUI thread.
        self.loader = workers.Loader(self, self._loaded,
                                     lambda exc: self.count.setText(f"Không tải được: {exc}"))
        self.model = RowsModel([
            ("Họ và tên / Tên", lambda c: c.subject_name), ("Đề nghị", lambda c: c.award_name),
            ("Tình trạng", lambda c: c.status_label),
            ("Cảnh báo", lambda c: _first_warning(c, self.checked)),
            ("Loại", lambda c: SUBJECT_TYPE_LABELS.get(c.subject_type, c.subject_type)),
            ("Đơn vị đề nghị", lambda c: c.proposing_unit),
        ], colour=_colour, parent=self)
        self.table = rows_view(self.model, self, widths=(22, 18, 21, 30, 9, 20), multi=True)
        on_selection(self.table, self._show_findings)
        self.table.doubleClicked.connect(lambda _i: self.action_edit())
        self.findings = QTextBrowser(self)
        self.findings.setObjectName("findings")
        bar = FlowLayout()  # wraps at 125 % instead of widening the window
        self.buttons = {}
        for key, label, slot in (
            ("add", "Thêm từ hồ sơ…", self.action_add),
            ("registrations", "Thêm từ đăng ký đạt…", self.action_registrations),
            ("suggest", "Gợi ý (nhiều năm liền)…", self.action_suggest),
            ("edit", "Sửa…", self.action_edit),
            ("withdraw", "Rút đề nghị…", self.action_withdraw),
            ("files", "Hồ sơ kèm theo…", self.action_files),
            ("check", "Kiểm tra điều kiện", self.action_check),
        ):
            b = QPushButton(label, self)
            b.setObjectName(f"cand_{key}")
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addStretch(1)
        filter_bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("cand_search")
        self.search.setPlaceholderText("Lọc theo tên, danh hiệu…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._show_items())
        filter_bar.addWidget(self.search, 1)
        self.count = QLabel(self)
        filter_bar.addWidget(self.count)
        splitter = QSplitter(self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        hint = QLabel("Thêm ứng viên, rồi bấm “Kiểm tra điều kiện”: dòng tô vàng có cảnh báo "
                      "(lý do và căn cứ ở khung bên phải). Cảnh báo chỉ là gợi ý; Hội đồng "
                      "quyết định.", self)
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addLayout(filter_bar)
        layout.addWidget(splitter, 1)

    def set_batch(self, batch) -> None:
        self.batch = batch
        self.reload()

    def reload(self) -> None:
        if self.batch is None:
            self._loaded(([], set(), []))
            return
        self.count.setText("Đang tải danh sách ứng viên…")
        self.loader.request(load_candidates, self.db, self.batch.id)

    def _loaded(self, result) -> None:
        self.items, self.checked, self._keys = result
        self._show_items()

    def _show_items(self) -> None:
        """The batch's candidates filtered in memory on keys folded when loaded."""
        tokens = text.fold_tokens(self.search.text())
        items = [c for c, key in zip(self.items, self._keys) if all(t in key for t in tokens)]
        self.model.set_items(items)
        warned = sum(1 for c in items if c.warnings)
        self.count.setText(f"{len(items)} ứng viên, {warned} có cảnh báo")
        self.table.scrollToTop()  # a new search shows its first rows
        if items:
            self.table.selectRow(0)
        self._show_findings()

    def _show_findings(self) -> None:
        c = current_item(self.table)
        if c is None:
            self.findings.setHtml("<p>Chọn một ứng viên để xem kết quả kiểm tra điều kiện.</p>")
            return
        self.findings.setHtml(findings_html(c, c.id in self.checked))

    def _done(self, reload_list: bool = True) -> None:
        if reload_list:
            self.reload()
        self.changed.emit()

    # ----------------------------------------------------------------- actions
    def action_add(self) -> None:
        if self.batch is None:
            return
        dialog = AddCandidatesDialog(self.db, self.batch.id, self)
        if dialog.exec():
            self._add_in_background("Đang thêm ứng viên…", batches.add_candidates, self.db,
                                    self.batch.id, *dialog.chosen())

    def _add_in_background(self, title: str, fn, *args) -> None:
        """Adding thousands (a khu dân cư's households) takes a while: with progress."""
        workers.run_with_progress(
            self, title, _quiet(fn), *args,
            on_success=lambda result: (self._report(result), self._done()),
            on_failure=lambda exc: dialogs.warn(self, "Chưa thêm được ứng viên", str(exc)))

    def _report(self, result: batches.AddResult) -> None:
        msg = f"Đã thêm {len(result.added)} ứng viên."
        if result.skipped:
            msg += "\n\nKhông thêm:\n- " + "\n- ".join(result.skipped)
        dialogs.info(self, "Thêm ứng viên", msg)

    def action_registrations(self) -> None:
        from app.services.awards.award_ui_support import achieved_registrations

        regs = achieved_registrations(self.db, self.batch.year)
        if not regs:
            dialogs.info(self, "Không có đăng ký đạt",
                         f"Chưa có đăng ký thi đua năm {self.batch.year} nào được đánh giá đạt.")
            return
        dialog = ChecklistDialog(
            f"Đăng ký thi đua năm {self.batch.year} được đánh giá đạt",
            [(r.id, f"{r.subject_name} ({r.subject_type}) — {r.award_name}") for r in regs], self)
        if dialog.exec() and dialog.checked():
            self._add_in_background("Đang thêm ứng viên từ đăng ký…",
                                    batches.add_candidates_from_registrations, self.db,
                                    self.batch.id, dialog.checked())

    def action_suggest(self) -> None:
        """The rules' shortlist (seconds on a large register: off the GUI thread)."""
        if self.batch is None:
            return
        batch_id = self.batch.id
        workers.run_with_progress(
            self, "Đang tìm gợi ý khen thưởng nhiều năm liền…", _suggestions_job, self.db,
            batch_id, on_success=lambda found: self._offer(batch_id, found),
            on_failure=lambda exc: dialogs.warn(self, "Không tìm được gợi ý", str(exc)))

    def _offer(self, batch_id: int, found) -> None:
        if not found:
            dialogs.info(self, "Không có gợi ý", "Quy tắc hiện hành không gợi ý thêm ai.")
            return
        awards = {x.award_name for x in found}
        one = awards.pop() if len(awards) == 1 else None  # said once in the title, not per line
        title = (f"Gợi ý đề nghị “{one}”" if one else "Gợi ý đề nghị") + \
            " — đánh dấu những trường hợp muốn thêm vào đợt xét"
        dialog = ChecklistDialog(title, [
            (i, f"{x.subject_name}: {x.reason}" if one else
             f"{x.subject_name} — {x.award_name}: {x.reason}") for i, x in enumerate(found)],
            self, ticked=False)
        if not (dialog.exec() and dialog.checked()):
            return
        result = batches.AddResult()
        for i in dialog.checked():
            x = found[i]
            kind = award_kinds.get_award_kind(self.db, code=x.award_code)
            try:
                result.added.append(batches.add_candidate(self.db, batch_id, x.subject_id,
                                                          kind.id))
            except DomainError as exc:
                result.skipped.append(str(exc))
        self._report(result)
        self._done()

    def action_edit(self) -> None:
        c = current_item(self.table)
        if c is None:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một ứng viên.")
            return
        if CandidateDialog(self.db, c, self).exec():
            self._done()

    def action_withdraw(self) -> None:
        items = selected_items(self.table)
        if not items:
            dialogs.info(self, "Chưa chọn", "Hãy chọn ứng viên cần rút đề nghị.")
            return
        reason = dialogs.ask_text(self, "Rút đề nghị",
                                  f"Lý do rút đề nghị ({len(items)} ứng viên):")
        if not reason:
            return
        try:
            for c in items:
                batches.withdraw_candidate(self.db, c.id, reason)
        except DomainError as exc:
            dialogs.warn(self, "Không rút được", str(exc))
        self._done()

    def action_files(self) -> None:
        from ui.screens.batch_files import AttachmentsDialog

        c = current_item(self.table)
        if c is None:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một ứng viên.")
            return
        AttachmentsDialog(self.db, c.batch_id, c.id, c.subject_name, self).exec()

    def action_check(self) -> None:
        """The rules over every candidate (seconds for a large round): with progress."""
        if self.batch is None:
            return

        def done(found) -> None:
            warn = sum(1 for items in found.values() for f in items if f.level == "warning")
            people = sum(1 for items in found.values()
                         if any(f.level == "warning" for f in items))
            self._done()
            dialogs.info(self, "Kiểm tra điều kiện",
                         f"Đã kiểm tra {len(found)} ứng viên: {warn} cảnh báo ở {people} ứng viên "
                         "(tô vàng). Đây là gợi ý để Hội đồng xem xét, không tự loại ai.")

        workers.run_with_progress(
            self, "Đang kiểm tra điều kiện khen thưởng…", _quiet(batches.check_batch), self.db,
            self.batch.id, on_success=done,
            on_failure=lambda exc: dialogs.warn(self, "Chưa kiểm tra được", str(exc)))


def load_candidates(db, batch_id: int):
    """(candidates, ids already checked, folded search keys) of a batch, off the GUI thread."""
    items = batches.list_candidates(db, batch_id)
    return (items, checked_candidates(db, batch_id),
            [text.fold(f"{c.subject_name} {c.award_name}") for c in items])


def _quiet(fn):
    """A plain service function as a worker job (progress shown as "busy")."""
    def job(*args, progress=None, cancelled=None):
        return fn(*args)
    return job


def _suggestions_job(db, batch_id: int, progress=None, cancelled=None):
    progress(0, 0, "Đang xem các năm liền trong sổ khen thưởng…")
    return batches.suggestions(db, batch_id)


def findings_html(c: batches.CandidateInfo, checked: bool) -> str:
    """The findings of one candidate: level, reason, legal basis."""
    e = html.escape
    out = [(f"<h3>{e(c.subject_name)}</h3><p>Đề nghị: <b>{e(c.award_name)}</b> — "
            f"{e(c.status_label)}</p>")]
    if c.outcome_reason:
        out.append(f"<p><i>{e(c.outcome_reason)}</i></p>")
    if not checked:
        out.append("<p>Chưa kiểm tra điều kiện: bấm “Kiểm tra điều kiện”.</p>")
    for f in c.findings:
        colour, label = ("#8a6d00", "Cảnh báo") if f.level == "warning" else ("#245", "Lưu ý")
        out.append(f"<p><b style='color:{colour}'>{label}:</b> {e(f.message)}")
        if f.legal_basis:
            out.append(f"<br><small>Căn cứ: {e(f.legal_basis)}</small>")
        out.append("</p>")
    if checked and not any(f.level == "warning" for f in c.findings):
        out.append("<p style='color:#1a6b3c'>Không có cảnh báo.</p>")
    if c.achievement:
        out.append(f"<p><b>Thành tích:</b> {e(c.achievement)}</p>")
    return "".join(out)
