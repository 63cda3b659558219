"""Step 2 of a round: the council meeting (attendance, quorum), secret ballots printed, the
tally entered per candidate, pass / fail by each award's threshold, minutes and tờ trình."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services.rounds import council, paperwork
from ui import dialogs, workers
from ui.screens.batch_meeting import MeetingDialog, MembersDialog
from ui.screens.batch_tally import COLS, COUNT_COLS, TallyModel
from ui.screens.decision_preview import show_document
from ui.widgets.flow import FlowLayout


def load_meeting(db, meeting_id: int):
    """The meeting and its tally, off the GUI thread."""
    return meeting_id, council.get_meeting(db, meeting_id), council.tally(db, meeting_id)


def _quiet(fn):
    def job(*args, progress=None, cancelled=None):
        return fn(*args)
    return job


class CouncilTab(QWidget):
    changed = Signal()

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.batch = db, None
        self.meeting_box = QComboBox(self)
        self.meeting_box.setObjectName("meeting")
        self.meeting_box.currentIndexChanged.connect(lambda _i: self.show_meeting())
        self.quorum = QLabel(self)
        self.model = TallyModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("tally")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed
                                   | QAbstractItemView.AnyKeyPressed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        titles = self.table.horizontalHeader().fontMetrics()
        for i, w in enumerate((24, 22, 8, 8, 8, 12, 8, 12, 26, 11)):  # headers never cut
            self.table.setColumnWidth(i, max(w * char + 12, titles.horizontalAdvance(COLS[i]) + 24))
        self.loader = workers.Loader(self, self._meeting_loaded,
                                     lambda exc: self.quorum.setText(f"Không tải được: {exc}"))
        self.buttons: dict[str, QPushButton] = {}
        top = self._bar((("members", "Thành viên Hội đồng…", self.action_members),
                         ("new_meeting", "Cuộc họp mới…", self.action_new_meeting),
                         ("edit_meeting", "Sửa cuộc họp…", self.action_edit_meeting)))
        top.insertWidget(0, QLabel("Cuộc họp:", self))
        top.insertWidget(1, self.meeting_box, 1)
        tally = self._bar((("fill", "Điền số phiếu = số người có mặt", self.action_fill),
                           ("save_tally", "Lưu kết quả kiểm phiếu", self.action_save_tally),
                           ("approve", "Thông qua không bỏ phiếu", self.action_approve),
                           ("close", "Kết thúc cuộc họp…", self.action_close)))
        docs = self._bar((("ballots", "In phiếu bầu", self.doc_ballots),
                          ("minutes", "Biên bản họp", self.doc_minutes),
                          ("count", "Biên bản kiểm phiếu", self.doc_count),
                          ("proposal", "Tờ trình", self.doc_proposal),
                          ("proposal_up", "Tờ trình đề nghị cấp trên", self.doc_proposal_up)))
        docs.insertWidget(0, QLabel("Văn bản:", self))
        # Gia đình văn hóa and the like can bring thousands of rows that need no secret vote.
        self.only_votes = QCheckBox("Chỉ hiện ứng viên bỏ phiếu kín", self)
        self.only_votes.setObjectName("only_votes")
        self.only_votes.toggled.connect(self.model.set_only_votes)
        tally.insertWidget(tally.count() - 1, self.only_votes)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.quorum)
        layout.addLayout(tally)
        layout.addWidget(self.table, 1)
        layout.addLayout(docs)

    def _bar(self, specs) -> FlowLayout:
        bar = FlowLayout()  # wraps at 125 % instead of widening the window
        for key, label, slot in specs:
            b = QPushButton(label, self)
            b.setObjectName(f"council_{key}")
            b.clicked.connect(slot)
            bar.addWidget(b)
            self.buttons[key] = b
        bar.addStretch(1)
        return bar

    # ----------------------------------------------------------------- state
    def set_batch(self, batch, meeting_id: int | None = None) -> None:
        self.batch = batch
        self.meeting_box.blockSignals(True)
        self.meeting_box.clear()
        meetings = council.list_meetings(self.db, batch.id) if batch else []
        for i, m in enumerate(meetings, start=1):
            when = m.held_at.strftime("%H:%M ngày %d/%m/%Y") if m.held_at else "chưa định ngày"
            state = "đã kết thúc" if m.status == "held" else "đang họp"
            self.meeting_box.addItem(f"Lần {i}: {when} — {m.place or ''} ({state})", m.id)
        if meetings:
            idx = self.meeting_box.findData(meeting_id) if meeting_id else len(meetings) - 1
            self.meeting_box.setCurrentIndex(max(idx, 0))
        self.meeting_box.blockSignals(False)
        self.show_meeting()

    def meeting_id(self) -> int | None:
        return self.meeting_box.currentData()

    @property
    def rows(self) -> list:
        """Every candidate's tally row (hidden ones included)."""
        return self.model.rows

    def show_meeting(self) -> None:
        mid = self.meeting_id()
        for key in ("fill", "save_tally", "approve", "close", "ballots", "minutes", "count",
                    "edit_meeting"):
            self.buttons[key].setEnabled(mid is not None)
        if mid is None:
            self.quorum.setText("Chưa có cuộc họp: bấm “Cuộc họp mới…” (thêm thành viên Hội "
                                "đồng trước nếu chưa có).")
            self.model.load([])
            return
        self.quorum.setText("Đang tải kết quả của cuộc họp…")
        self.loader.request(load_meeting, self.db, mid)

    def _meeting_loaded(self, result) -> None:
        mid, m, rows = result
        if mid != self.meeting_id():
            return
        ok = ("<b style='color:#1a6b3c'>đủ số lượng</b>" if m.quorum_ok
              else "<b style='color:#b00020'>chưa đủ số lượng</b>")
        self.quorum.setText(f"Có mặt {m.present}/{m.members_total} thành viên, cần "
                            f"{m.quorum_needed}: {ok}. Chủ trì: {m.chair_name or '—'}; thư ký: "
                            f"{m.secretary_name or '—'}.")
        self.present = m.present
        self.model.load(rows)

    # ----------------------------------------------------------------- actions
    def action_members(self) -> None:
        MembersDialog(self.db, self).exec()

    def action_new_meeting(self) -> None:
        if self.batch is None:
            return
        dialog = MeetingDialog(self.db, self.batch.id, self)
        if dialog.exec():
            self.set_batch(self.batch, dialog.saved_id)
            self.changed.emit()

    def action_fill(self) -> None:
        """Every member present voted and every ballot was valid: the usual case."""
        self.model.fill(getattr(self, "present", 0))

    def _counts(self) -> list[council.BallotCount]:
        out = []
        for number, row, raw in self.model.counts():
            if not any(raw):
                continue
            if not all(x.isdigit() for x in raw):
                missing = ", ".join(COLS[c].lower() for c, x in zip(COUNT_COLS, raw)
                                    if not x.isdigit())
                raise DomainError(f"Dòng {number} ({row.subject_name}): nhập bằng chữ số số "
                                  f"phiếu {missing}.")
            out.append(council.BallotCount(row.candidate_id, *map(int, raw)))
        return out

    def action_save_tally(self) -> None:
        try:
            counts = self._counts()
            if not counts:
                raise DomainError("Chưa nhập số phiếu của ứng viên nào.")
            council.record_tallies(self.db, self.meeting_id(), counts)
        except DomainError as exc:
            dialogs.warn(self, "Chưa lưu được kết quả", str(exc))
            return
        rows = council.tally(self.db, self.meeting_id())
        self.show_meeting()
        self.changed.emit()
        voted = [r for r in rows if r.needs_vote]
        passed = sum(1 for r in voted if r.passed)
        failed = sum(1 for r in voted if r.passed is False)
        dialogs.info(self, "Đã lưu kết quả kiểm phiếu",
                     f"{passed} ứng viên đạt, {failed} không đạt (theo tỷ lệ phiếu của từng "
                     "danh hiệu).")

    def action_approve(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.row(r).candidate_id for r in rows if not self.model.row(r).needs_vote]
        if not ids:
            ids = [r.candidate_id for r in self.rows if not r.needs_vote and r.passed is None]
        if not ids:
            dialogs.info(self, "Không có ai", "Không có ứng viên nào xét không cần bỏ phiếu kín.")
            return
        if not dialogs.confirm(self, "Thông qua không bỏ phiếu",
                               f"Ghi {len(ids)} ứng viên là được Hội đồng thống nhất thông qua?"):
            return

        def done(_result) -> None:
            self.show_meeting()
            self.changed.emit()

        workers.run_with_progress(
            self, f"Đang ghi {len(ids)} ứng viên được thông qua…",
            _quiet(council.approve_without_vote), self.db, self.meeting_id(), ids,
            on_success=done,
            on_failure=lambda exc: (dialogs.warn(self, "Không ghi được", str(exc)), done(None)))

    def action_edit_meeting(self) -> None:
        """Correct the meeting: chair, secretary, Ban kiểm phiếu, numbers of the biên bản."""
        if self.batch is None or self.meeting_id() is None:
            return
        try:
            dialog = MeetingDialog(self.db, self.batch.id, self, meeting_id=self.meeting_id())
        except DomainError as exc:
            dialogs.warn(self, "Không mở được cuộc họp", str(exc))
            return
        if dialog.exec():
            self.set_batch(self.batch, dialog.saved_id)
            self.changed.emit()

    def action_close(self) -> None:
        text = dialogs.ask_text(self, "Kết thúc cuộc họp", "Kết luận của cuộc họp:",
                                "Hội đồng thống nhất đề nghị khen thưởng các trường hợp đạt.")
        if not text:
            return
        council.close_meeting(self.db, self.meeting_id(), text)
        self.set_batch(self.batch, self.meeting_id())
        self.changed.emit()

    # ----------------------------------------------------------------- documents
    def _stem(self, what: str) -> str:
        return f"{what} - {self.batch.name}"[:80].replace("/", "-")

    def doc_ballots(self) -> None:
        mid, copies = self.meeting_id(), max(getattr(self, "present", 1), 1)
        show_document(self, "Phiếu bầu", lambda: paperwork.ballots_document(self.db, mid, copies),
                      self._stem("Phiếu bầu"))

    def doc_minutes(self) -> None:
        mid = self.meeting_id()
        show_document(self, "Biên bản họp Hội đồng",
                      lambda: paperwork.minutes_document(self.db, mid), self._stem("Biên bản họp"))

    def doc_count(self) -> None:
        mid = self.meeting_id()
        show_document(self, "Biên bản kiểm phiếu",
                      lambda: paperwork.count_minutes_document(self.db, mid),
                      self._stem("Biên bản kiểm phiếu"))

    def doc_proposal(self) -> None:
        bid = self.batch.id
        show_document(self, "Tờ trình", lambda: paperwork.proposal_document(self.db, bid),
                      self._stem("Tờ trình"))

    def doc_proposal_up(self) -> None:
        bid = self.batch.id
        show_document(self, "Tờ trình đề nghị cấp trên",
                      lambda: paperwork.proposal_document(self.db, bid, upward=True),
                      self._stem("Tờ trình cấp trên"))
