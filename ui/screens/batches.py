"""Đợt xét khen thưởng: the list of batches and, for the chosen one, the three steps of a
round — candidates with their guardrails, the council with ballots and tally, decisions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services.rounds import batches
from ui import dialogs
from ui.screens.batch_candidates import CandidatesTab
from ui.screens.batch_council import CouncilTab
from ui.screens.batch_decisions import BatchDecisionsTab
from ui.screens.batch_documents import batch_button
from ui.screens.batch_rows import (
    GOOD,
    RowsModel,
    current_item,
    on_selection,
    rows_view,
    select_row,
)
from ui.widgets.form import FormDialog, combo, set_combo, spin


class BatchDialog(FormDialog):
    def __init__(self, db, batch: batches.BatchInfo | None, parent=None):
        super().__init__("Đợt xét mới" if batch is None else "Sửa đợt xét", parent)
        self.db, self.batch = db, batch
        self.add_row("name", "Tên đợt xét (*)", QLineEdit())
        year = self.add_row("year", "Năm xét (*)", spin(2000, 2100))
        year.setValue(date.today().year)
        self.add_row("kind", "Loại đợt", combo(list(batches.BATCH_KINDS.items()), empty=None))
        self.add_row("notes", "Ghi chú", QPlainTextEdit()).setMaximumHeight(70)
        if batch is not None:
            self.fields["name"].setText(batch.name)
            year.setValue(batch.year)
            set_combo(self.fields["kind"], batch.kind)
            self.fields["notes"].setPlainText(batch.notes or "")
        else:
            self.fields["name"].setText(f"Tổng kết công tác thi đua, khen thưởng năm {year.value()}")

    def save(self) -> int:
        f = self.fields
        args = (f["name"].text(), f["year"].value(), f["kind"].currentData())
        if self.batch is None:
            return batches.create_batch(self.db, *args, notes=self.text_of("notes"))
        batches.update_batch(self.db, self.batch.id, *args, notes=self.text_of("notes"))
        return self.batch.id


class BatchesPage(QWidget):
    changed = Signal()

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.model = RowsModel([
            ("Đợt xét", lambda b: b.name), ("Năm", lambda b: b.year),
            ("Loại", lambda b: b.kind_label), ("Tình trạng", lambda b: b.status_label),
            ("Ứng viên", lambda b: b.candidates), ("Được thông qua", lambda b: b.passed),
        ], colour=lambda b: GOOD if b.status == "decided" else None, parent=self)
        self.table = rows_view(self.model, self, widths=(50, 6, 12, 18, 8, 12))
        on_selection(self.table, self._show_batch)
        self.tabs = QTabWidget(self)
        self.candidates = CandidatesTab(db, self)
        self.council = CouncilTab(db, self)
        self.decisions = BatchDecisionsTab(db, self)
        self.tabs.addTab(self.candidates, "1. Ứng viên và điều kiện")
        self.tabs.addTab(self.council, "2. Hội đồng, phiếu bầu, kiểm phiếu")
        self.tabs.addTab(self.decisions, "3. Quyết định")
        # A tab loads when shown (a hidden one costs nothing) and again once another tab
        # changed the round (a meeting passes candidates: step 3 must count them).
        self._stale: set[QWidget] = set()
        for tab in (self.candidates, self.council, self.decisions):
            tab.changed.connect(lambda t=tab: self._tab_changed(t))
        self.tabs.currentChanged.connect(lambda _i: self._load_shown_tab())
        self.heading = QLabel(self)
        self._build()
        self.reload()

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for text, slot, name in (("Đợt xét mới", self.action_new, "new_batch"),
                                 ("Sửa", self.action_edit, "edit_batch"),
                                 ("Xóa", self.action_delete, "delete_batch"),
                                 ("Tài liệu đính kèm…", self.action_files, "batch_files")):
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addWidget(batch_button(self))
        buttons.addStretch(1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.heading)
        bottom_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 3)
        h = self.fontMetrics().height()
        splitter.setSizes([h * 9, h * 30])
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Đợt xét khen thưởng</h2>", self))
        layout.addWidget(splitter, 1)

    # ----------------------------------------------------------------- state
    def reload(self, select_id: int | None = None) -> None:
        current = select_id or (self.current().id if self.current() else None)
        self.model.set_items(batches.list_batches(self.db))
        rows = [i for i, b in enumerate(self.model.items) if b.id == current]
        sel = self.table.selectionModel()
        sel.blockSignals(True)  # the tabs load once, below
        select_row(self.table, rows[0] if rows else 0)
        sel.blockSignals(False)
        self.table.viewport().update()
        self._show_batch()

    def _tab_changed(self, tab: QWidget) -> None:
        self._stale = {self.candidates, self.council, self.decisions} - {tab}
        self._refresh_list()

    def _load_shown_tab(self) -> None:
        tab = self.tabs.currentWidget()
        if tab in self._stale:
            self._stale.discard(tab)
            tab.set_batch(self.current())

    def _refresh_list(self) -> None:
        """Counts and status changed inside a tab: refresh the list, keep the selection."""
        current = self.current()
        self.model.set_items(batches.list_batches(self.db))
        rows = [i for i, b in enumerate(self.model.items) if current and b.id == current.id]
        if rows:
            sel = self.table.selectionModel()
            sel.blockSignals(True)  # same batch: do not reload the tabs
            select_row(self.table, rows[0])
            sel.blockSignals(False)
            self._set_heading(self.model.item(rows[0]))

    def current(self) -> batches.BatchInfo | None:
        return current_item(self.table)

    def _set_heading(self, b: batches.BatchInfo | None) -> None:
        self.heading.setText(
            f"<b>{b.name}</b> — năm {b.year} — {b.status_label}: {b.candidates} ứng viên, "
            f"{b.passed} được thông qua" if b else
            "Chưa có đợt xét nào: bấm “Đợt xét mới” để bắt đầu.")

    def _show_batch(self) -> None:
        b = self.current()
        self._set_heading(b)
        self.tabs.setEnabled(b is not None)
        self._stale = {self.candidates, self.council, self.decisions}
        self._load_shown_tab()

    def on_show(self) -> None:
        self.reload()

    # ----------------------------------------------------------------- actions
    def action_new(self) -> None:
        dialog = BatchDialog(self.db, None, self)
        if dialog.exec():
            self.reload(dialog.saved_id)
            self.tabs.setCurrentIndex(0)
            self.changed.emit()

    def action_edit(self) -> None:
        b = self.current()
        if b is None:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một đợt xét.")
            return
        dialog = BatchDialog(self.db, b, self)
        if dialog.exec():
            self.reload(b.id)

    def action_files(self) -> None:
        from ui.screens.batch_files import AttachmentsDialog

        b = self.current()
        if b is not None:
            AttachmentsDialog(self.db, b.id, title=b.name, parent=self).exec()

    def action_delete(self) -> None:
        b = self.current()
        if b is None:
            return
        if not dialogs.confirm(self, "Xóa đợt xét",
                               f"Xóa đợt xét “{b.name}” cùng {b.candidates} ứng viên?"):
            return
        try:
            batches.delete_batch(self.db, b.id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
            return
        self.reload()
