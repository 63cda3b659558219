"""What the buttons of the registrations screen do (kept apart to keep modules short)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from app.services.emulation import registrations as reg
from ui import dialogs, workers
from ui.widgets.subject_picker import SubjectPicker


class RegistrationActions:
    """Mixed into RegistrationsPage: uses self.db, self.year, self.award, self.area,
    self.model, self.view, self.reload() and self._run()."""

    def _code_for(self, subject_type: str, default: str) -> str:
        """The chosen title when it suits the subjects, else the usual one."""
        chosen = self.award.currentData()
        if chosen and subject_type in reg.award_subject_types(self.db, chosen):
            return reg.award_code(self.db, chosen)
        return default

    def _done(self, result) -> None:
        if result is not None:
            self.reload()
            dialogs.info(self, "Đăng ký thi đua", result.text())

    def _in_background(self, title: str, fn, *args, on_success=None) -> None:
        """A whole ward registers 15,000 households at once: off the GUI thread, with
        progress; ``on_success`` (default: reload and report) gets the result."""
        def job(*a, progress=None, cancelled=None):
            return fn(*a)

        workers.run_with_progress(
            self, title, job, *args, on_success=on_success or self._done,
            on_failure=lambda exc: dialogs.warn(self, "Không thực hiện được", str(exc)))

    def register_households(self) -> None:
        """The whole ward, one khu dân cư, or households chosen one by one."""
        from app.services.awards.award_kinds import get_award_kind
        from app.services.records.records import area_choices
        from ui.screens.registrations_households import AREA, CHOSEN, HouseholdScopeDialog

        code = self._code_for("household", reg.GDVH)
        kind = get_award_kind(self.db, code=code)
        year = self.year.value()
        dialog = HouseholdScopeDialog(self, year, kind.name,
                                      [(c.id, c.label) for c in area_choices(self.db)],
                                      self.area.currentData())
        if not dialog.exec():
            return
        scope, area_id = dialog.scope()
        if scope == CHOSEN:
            picker = SubjectPicker(self.db, f"Chọn hộ gia đình đăng ký “{kind.name}” năm {year}",
                                   ("household",), parent=self)
            if not picker.exec():
                return
            self._in_background("Đang đăng ký…", reg.register, self.db, year, kind.id,
                                [sid for sid, _ in picker.chosen()], self.movement.currentData())
            return
        self._in_background("Đang đăng ký hộ gia đình…", reg.register_area_households, self.db,
                            year, area_id if scope == AREA else None, code,
                            self.movement.currentData())

    def register_areas(self) -> None:
        code = self._code_for("area", reg.KDCVH)
        self._done(self._run(reg.register_all_areas, self.db, self.year.value(), code,
                             self.movement.currentData()))

    def register_staff(self) -> None:
        picker = SubjectPicker(self.db, "Chọn tập thể có cán bộ đăng ký", ("collective",),
                               parent=self)
        if not picker.exec():
            return
        code = self._code_for("person", reg.LDTT)
        added = already = 0
        for cid, _name in picker.chosen():
            result = self._run(reg.register_collective_staff, self.db, self.year.value(), cid,
                               code, self.movement.currentData())
            if result is None:
                return
            added, already = added + result.added, already + result.already
        self._done(reg.BulkResult(added, already))

    def add_subjects(self) -> None:
        award_id = self.award.currentData()
        if award_id is None:
            dialogs.info(self, "Chọn danh hiệu", "Hãy chọn danh hiệu đăng ký trước (ô Danh hiệu).")
            return
        types = reg.award_subject_types(self.db, award_id)
        picker = SubjectPicker(self.db, f"Đăng ký “{self.award.currentText()}”", types,
                               parent=self)
        if picker.exec():
            ids = [sid for sid, _ in picker.chosen()]
            self._done(self._run(reg.register, self.db, self.year.value(), award_id, ids,
                                 self.movement.currentData()))

    def remove_selected(self) -> None:
        rows = self.view.selected_rows()
        if not rows:
            dialogs.info(self, "Chưa chọn", "Hãy chọn các đăng ký cần xóa.")
            return
        if dialogs.confirm(self, "Xóa đăng ký", f"Xóa {len(rows)} đăng ký đã chọn?"):
            self._run(reg.delete_registrations, self.db, self.model.ids(rows))
            self.reload()

    def export(self) -> None:
        """The grid as shown (filter and order) to Excel."""
        from app.excel.export import write_table
        from app.services.emulation.registrations import OUTCOMES

        year = self.year.value()
        path = dialogs.save_file(self, "Xuất Excel", f"Đăng ký thi đua {year}.xlsx",
                                 "Tệp Excel (*.xlsx)")
        if not path:
            return
        m = self.model
        rows = [(i + 1, m.data(m.index(i, 2)), m.data(m.index(i, 3)), m.data(m.index(i, 4)),
                 OUTCOMES.get(m.outcome(i) or "", "Chưa bình xét")) for i in range(m.rowCount())]
        try:
            write_table(path, f"DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM {year}",
                        ["STT", "Đối tượng", "Khu dân cư", "Danh hiệu đăng ký", "Kết quả"], rows,
                        sheet_name=f"Năm {year}")
        except OSError as exc:
            dialogs.error(self, "Không ghi được tệp", f"Không ghi được “{path}”: {exc.strerror}.")
            return
        dialogs.info(self, "Đã xuất Excel", f"Đã ghi {len(rows)} dòng vào “{path}”.")

    def mark_all(self) -> None:
        self.model.set_outcome(list(range(self.model.rowCount())), "dat")
        self._update_counts()

    def _save_pending(self) -> int | None:
        return self._run(reg.set_outcomes, self.db, self.model.pending())

    def save(self) -> None:
        if not self.model.pending():
            return
        changed = self._save_pending()
        if changed is not None:
            self.reload()
            dialogs.info(self, "Đã lưu", f"Đã lưu kết quả bình xét của {changed} đăng ký.")

    def to_batch(self) -> None:
        from app.services.rounds import batches

        if self.model.pending():
            dialogs.info(self, "Kết quả chưa lưu", "Hãy lưu kết quả bình xét trước.")
            return
        rows = self.view.selected_rows() or list(range(self.model.rowCount()))
        ids = [rid for r, rid in zip(rows, self.model.ids(rows))
               if self.model.outcome(r) == "dat"]
        if not ids:
            dialogs.info(self, "Chưa có đăng ký đạt", "Không có đăng ký nào đã đạt trong các "
                                                      "dòng đang chọn.")
            return
        found = batches.list_batches(self.db, self.year.value())
        if not found:
            dialogs.info(self, "Chưa có đợt xét", f"Chưa có đợt xét khen thưởng năm "
                                                  f"{self.year.value()}: hãy tạo ở màn hình "
                                                  "Đợt xét khen thưởng.")
            return
        batch_id = BatchChoice.ask(self, [(b.id, b.name) for b in found], len(ids))
        if batch_id is None:
            return
        def added(result) -> None:
            extra = f"\nBỏ qua {len(result.skipped)}: " + "; ".join(result.skipped[:5]) \
                if result.skipped else ""
            dialogs.info(self, "Đã tạo ứng viên",
                         f"Đã thêm {len(result.added)} ứng viên vào đợt xét.{extra}")

        self._in_background(f"Đang tạo {len(ids)} ứng viên từ đăng ký đạt…",
                            batches.add_candidates_from_registrations, self.db, batch_id, ids,
                            on_success=added)


class BatchChoice(QDialog):
    """Which batch the achieved registrations go to."""

    def __init__(self, parent, batches: list[tuple[int, str]], count: int):
        super().__init__(parent)
        self.setWindowTitle("Chọn đợt xét khen thưởng")
        self.combo = QComboBox(self)
        self.combo.setObjectName("batch")
        for bid, name in batches:
            self.combo.addItem(name, bid)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText("Đưa vào đợt xét")
        buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Tạo {count} ứng viên từ các đăng ký đã đạt, vào đợt:", self))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, batches, count: int) -> int | None:
        dialog = cls(parent, batches, count)
        return dialog.combo.currentData() if dialog.exec() else None
