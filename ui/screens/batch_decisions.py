"""Step 3 of a round: decisions drafted from the batch's passed candidates, edited, previewed
and issued (issuing writes the register)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app import text
from app.errors import DomainError
from app.services.rounds import batches, decisions
from ui import dialogs, workers
from ui.screens import decision_actions as actions
from ui.screens.batch_rows import GOOD, RowsModel, rows_view, selected_items
from ui.screens.decision_documents import decision_button
from ui.widgets.flow import FlowLayout


def decision_columns():
    return [
        ("Số", lambda d: d.full_number or (f"{d.number}/{d.symbol} (dự kiến)" if d.number
                                           else "chưa có số")),
        ("Ngày ký", lambda d: text.format_date_vn(d.signed_on) if d.signed_on else ""),
        ("Loại", lambda d: decisions.KINDS.get(d.kind, d.kind)),
        ("Trích yếu", lambda d: d.title), ("Số dòng", lambda d: d.lines),
        ("Tổng tiền (đồng)", lambda d: text.format_money(d.total_money), "right"),
        ("Tình trạng", lambda d: d.state_label),
    ]


def load_decisions(db, batch_id: int):
    """(decisions of the batch, passed candidates not yet listed in a draft)."""
    items = decisions.list_decisions(db, batch_id=batch_id)
    listed = {ln.candidate_id for d in items if d.status == "draft"
              for ln in decisions.decision_lines(db, d.id)}
    waiting = sum(1 for c in batches.list_candidates(db, batch_id, "passed")
                  if c.id not in listed)
    return items, waiting


def _quiet(fn):
    def job(*args, progress=None, cancelled=None):
        return fn(*args)
    return job


class BatchDecisionsTab(QWidget):
    changed = Signal()

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.batch = db, None
        self.model = RowsModel(decision_columns(),
                               colour=lambda d: GOOD if d.status == "issued" else None,
                               parent=self)
        self.table = rows_view(self.model, self, widths=(16, 10, 10, 44, 7, 14))
        self.table.doubleClicked.connect(lambda _i: self.action_open())
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.loader = workers.Loader(self, self._loaded,
                                     lambda exc: self.hint.setText(f"Không tải được: {exc}"))
        self._select_id: int | None = None
        bar = FlowLayout()  # wraps at 125 % instead of widening the window
        self.buttons = {}
        for key, label, slot in (("draft", "Lập dự thảo từ người được thông qua…", self.action_draft),
                                 ("open", "Mở / sửa dự thảo…", self.action_open),
                                 ("preview", "Xem trước, lưu PDF / Word…", self.action_preview),
                                 ("issue", "Ban hành…", self.action_issue),
                                 ("register", "Xem trong Sổ khen thưởng", self.action_register)):
            b = QPushButton(label, self)
            b.setObjectName(f"dec_{key}")
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addWidget(decision_button(self, self._need))
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def set_batch(self, batch) -> None:
        self.batch = batch
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """The batch's decisions and how many passed candidates wait for one (a large round's
        drafts list thousands of lines: counted off the GUI thread)."""
        self._select_id = select_id
        if self.batch is None:
            self._loaded(([], 0))
            return
        self.hint.setText("Đang tải các quyết định của đợt xét…")
        self.loader.request(load_decisions, self.db, self.batch.id)

    def _loaded(self, result) -> None:
        items, waiting = result
        self.model.set_items(items)
        rows = [i for i, d in enumerate(items) if d.id == self._select_id]
        if rows or items:
            self.table.selectRow(rows[0] if rows else 0)
        self.hint.setText(f"{waiting} ứng viên được Hội đồng thông qua chưa có trong "
                          "quyết định nào. Lập dự thảo, kiểm tra số, ngày, người ký, xem trước, "
                          "rồi ban hành.")

    def current(self):
        items = selected_items(self.table)
        return items[0] if items else None

    def _need(self):
        d = self.current()
        if d is None:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một quyết định.")
        return d

    def action_draft(self) -> None:
        from app.services.awards.award_kinds import list_award_kinds

        passed = {c.award_kind_id for c in batches.list_candidates(self.db, self.batch.id,
                                                                   "passed")}
        kinds = [(k.id, k.name) for k in list_award_kinds(self.db) if k.id in passed]
        dialog = actions.DraftDialog(self.db, self.batch, kinds, self)
        if not dialog.exec():
            return

        def done(decision_id: int) -> None:
            self.reload(decision_id)
            self.changed.emit()
            actions.edit_decision(self, self.db, decision_id)
            self.reload(decision_id)

        workers.run_with_progress(
            self, "Đang lập dự thảo quyết định…", _quiet(decisions.draft_from_batch), self.db,
            *dialog.arguments(), on_success=done,
            on_failure=lambda exc: dialogs.warn(self, "Chưa lập được dự thảo", str(exc)))

    def action_open(self) -> None:
        d = self._need()
        if d and actions.edit_decision(self, self.db, d.id):
            self.reload(d.id)

    def action_preview(self) -> None:
        d = self._need()
        if d:
            actions.preview_decision(self, self.db, d.id)

    def action_register(self) -> None:
        d = self._need()
        if d is not None:
            actions.show_in_register(self, d.id)

    def action_issue(self) -> None:
        d = self._need()
        if d is None:
            return

        def done(_result) -> None:
            self.reload(d.id)
            self.changed.emit()

        try:
            actions.issue(self, self.db, d.id, on_done=done)
        except DomainError as exc:
            dialogs.warn(self, "Chưa ban hành được", str(exc))
