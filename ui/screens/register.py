"""Sổ khen thưởng: every entry, searched as you type, filtered, exported to Excel, printed
for a year as a book; a subject's whole history; revocation and correction as new decisions.
Entries are never edited or deleted here."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QPushButton

from app.services.awards import award_ui_support as support
from app.services.awards import register
from ui import dialogs, workers
from ui.screens import decision_actions as actions
from ui.screens.decision_preview import show_document
from ui.screens.register_dialogs import CorrectDialog, HistoryDialog, RevokeDialog
from ui.widgets.list_page import ListPage


def _export_job(db, path: str, search: str, filters: dict, progress=None, cancelled=None):
    progress(0, 0, "Đang ghi tệp Excel…")
    return register.export_xlsx(db, path, search=search, filters=filters)


class RegisterPage(ListPage):
    noun = "mục"

    def make_source(self):
        return register.register_source(self.db)

    def extra_buttons(self) -> list[QPushButton]:
        out = []
        for key, label, slot in (("revoke", "Thu hồi…", self.action_revoke),
                                 ("correct", "Đính chính…", self.action_correct),
                                 ("book", "In sổ theo năm…", self.action_book)):
            b = QPushButton(label, self)
            b.setObjectName(f"register_{key}")
            b.clicked.connect(slot)
            out.append(b)
        return out

    def __init__(self, db, parent=None):
        super().__init__(db, parent)
        self.btn_new.hide()
        self.btn_delete.hide()
        self.btn_edit.setText("Quá trình khen thưởng")
        self.btn_edit.setToolTip("Mọi lần khen thưởng của đối tượng đang chọn (Enter)")
        self.search_box.setPlaceholderText(
            "Tìm theo tên người, tập thể, hộ (gõ không dấu cũng được)…  Ctrl+F")
        # Several entries can be revoked in one decision (Ctrl / Shift + click).
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)

    def selected_id(self) -> int | None:
        """The current row when it is selected, so history and correction act on the row the
        officer last clicked even when several rows are selected for revocation."""
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row(),
                                                                            QModelIndex()):
            return self.model.id_at(current.row())
        return super().selected_id()

    def selected_ids(self) -> list[int]:
        """Every selected entry, in table order."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    # ListPage's "edit" opens the history: entries themselves are never edited.
    def open_editor(self, record_id):
        if record_id is None:
            return
        info = support.record_info(self.db, record_id)
        HistoryDialog(self.db, info.subject_id, info.subject_name, self).exec()
        return

    def action_new(self) -> None:
        dialogs.info(self, "Sổ khen thưởng", "Sổ chỉ được ghi khi ban hành quyết định (màn hình "
                     "Quyết định), kể cả quyết định của cấp trên.")

    def action_delete(self) -> None:
        dialogs.info(self, "Không xóa", "Mục trong Sổ khen thưởng không xóa được. Muốn hủy bỏ "
                     "thì lập quyết định thu hồi (nút “Thu hồi…”).")

    def delete_record(self, record_id):  # never called: action_delete explains why
        raise NotImplementedError

    def action_export(self) -> None:
        """The register can hold hundreds of thousands of entries: export in the background."""
        path = dialogs.save_file(self, "Xuất Excel", "Sổ khen thưởng.xlsx", "Tệp Excel (*.xlsx)")
        if not path:
            return
        filters = {k: v for k, v in self.current_filters().items() if v not in (None, "")}
        workers.run_with_progress(
            self, "Đang xuất Sổ khen thưởng ra Excel", _export_job, self.db, path,
            self.search_box.text(), filters,
            on_success=lambda count: dialogs.info(self, "Đã xuất Excel",
                                                  f"Đã ghi {count} dòng vào “{path}”."),
            on_failure=lambda exc: dialogs.error(self, "Không ghi được tệp", str(exc)))

    def _selected(self):
        rid = self.selected_id()
        if rid is None:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một mục trong sổ.")
            return None
        return support.record_info(self.db, rid)

    def _draft_then_issue(self, decision_id: int, what: str) -> None:
        """Let the officer check the draft (number suggested), then offer to issue it."""
        dialogs.info(self, "Đã lập dự thảo", f"Đã lập dự thảo quyết định {what}. Kiểm tra số, "
                     "ngày ký, người ký rồi bấm “Lưu dự thảo”.")
        actions.edit_decision(self, self.db, decision_id)
        actions.issue(self, self.db, decision_id, on_done=lambda _r: self.reload())

    def action_revoke(self) -> None:
        """All selected entries (Ctrl / Shift + click) go into one revocation draft."""
        ids = self.selected_ids()
        if not ids:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một hoặc nhiều mục trong sổ (giữ Ctrl "
                         "hoặc Shift khi bấm để chọn nhiều mục).")
            return
        recs = [support.record_info(self.db, rid) for rid in ids]
        done = [r for r in recs if r.revoked]
        recs = [r for r in recs if not r.revoked]
        if not recs:
            nos = ", ".join(r.certificate_no for r in done)
            dialogs.info(self, "Đã thu hồi", f"Mục {nos} đã bị thu hồi.")
            return
        dialog = RevokeDialog(self.db, recs, self, skipped=done)
        if dialog.exec():
            self._draft_then_issue(dialog.saved_id, "thu hồi")

    def action_correct(self) -> None:
        rec = self._selected()
        if rec is None:
            return
        dialog = CorrectDialog(self.db, rec, self)
        if dialog.exec():
            self._draft_then_issue(dialog.saved_id, "đính chính")

    def action_book(self) -> None:
        years = [y for y, _ in self.source.filters[0].options()]
        default = self.current_filters().get("year") or (years[0] if years else date.today().year)
        raw = dialogs.ask_text(self, "In sổ khen thưởng", "Năm của sổ:", str(default))
        if not raw:
            return
        if not raw.isdigit() or not 2000 <= int(raw) <= 2100:
            dialogs.warn(self, "Năm không hợp lệ", f"“{raw}” không phải là năm (ví dụ: 2025).")
            return
        year = int(raw)
        show_document(self, f"Sổ khen thưởng năm {year}",
                      lambda: register.register_book(self.db, year), f"Sổ khen thưởng năm {year}")
