"""What the buttons of the "In giấy khen" screen do (kept apart from its layout)."""

from __future__ import annotations

import os

from app import text
from app.certificates import RenderCancelled
from app.errors import DomainError
from ui import dialogs, workers
from ui.screens.certificate_print import PDF_PRINTER, build_job, print_job


class CertificateActions:
    """Mixed into CertificatesPage: needs db, decision_id(), checked_ids(), current_id(),
    mode(), printer, preview, status, load_lines()."""

    last_preview: str | None = None
    _threads: tuple = ()

    def _keep(self, job) -> None:
        """Hold each job's QThread until it has really finished.

        ui.workers drops its own reference from a direct slot of ``finished``, which runs in
        the finishing thread itself; our reference keeps the QThread alive until it is done."""
        self._threads = (*[t for t in self._threads if not t.isFinished()], job.thread())
        self.job = job

    def _ids_or_warn(self, ids: list[int]) -> bool:
        if self.decision_id() is None:
            dialogs.warn(self, "In giấy khen", "Hãy chọn một quyết định.")
            return False
        if not ids:
            dialogs.warn(self, "In giấy khen", "Hãy đánh dấu ít nhất một giấy để in.")
            return False
        return True

    def _failed(self, title: str):
        def handler(exc: Exception) -> None:
            if isinstance(exc, RenderCancelled):
                self.status.setText("Đã hủy: chưa in, chưa ghi nhật ký.")
            elif isinstance(exc, (DomainError, ValueError, RuntimeError)):
                dialogs.error(self, title, str(exc))
            else:
                dialogs.error(self, title, "Có lỗi không mong muốn; chi tiết đã ghi vào nhật ký.",
                              details=repr(exc))
        return handler

    # ---------------------------------------------------------------- preview
    def show_preview(self) -> None:
        from ui.screens.certificates import temp_pdf

        ids = self.checked_ids()
        if not self._ids_or_warn(ids):
            return
        path = temp_pdf("xem-truoc")

        def done(_ids) -> None:
            old, self.last_preview = self.last_preview, path
            self.preview.show_file(path)
            self.status.setText(f"Bản xem trước: {len(_ids)} trang "
                                f"({'lên phôi' if self.mode() == 'blank' else 'mẫu đầy đủ'}).")
            if old and os.path.exists(old):
                os.remove(old)

        self._keep(workers.run_with_progress(
            self, "Đang tạo bản xem trước…", build_job, self.db, self.decision_id(), ids,
            self.mode(), self.printer.currentText(), path, True,
            on_success=done, on_failure=self._failed("Xem trước")))

    # ------------------------------------------------------------------ print
    def print_checked(self) -> None:
        ids = self.checked_ids()
        if self._ids_or_warn(ids):
            self._print(ids, "In theo quyết định")

    def reprint_current(self) -> None:
        rid = self.current_id()
        if rid is None:
            dialogs.warn(self, "In lại", "Hãy bấm chọn dòng của giấy cần in lại.")
            return
        row = self.table.currentIndex().row()
        who, number = self.lines.text(row, 2), self.lines.text(row, 1)
        if not dialogs.confirm(self, "In lại", f"In lại một giấy cho “{who}” "
                               f"(số vào sổ {number})?", default_yes=True):
            return
        self._print([rid], "In lại (phôi hỏng)")

    def _print(self, ids: list[int], note: str) -> None:
        from ui.screens.certificates import temp_pdf

        printer = self.printer.currentText()
        target = None
        if printer == PDF_PRINTER:
            target = dialogs.save_file(self, "In ra tệp PDF", "giay-khen-da-in.pdf",
                                       "Tệp PDF (*.pdf)")
            if not target:
                return
        path = temp_pdf("in")

        def done(printed: int) -> None:
            if target:  # the PDF "printer" writes a file: nothing was printed on paper
                self.status.setText(f"Đã ghi {printed} giấy vào tệp PDF {target} (chưa ghi là "
                                    "đã in: chỉ in ra giấy mới ghi vào nhật ký in).")
                return
            self.load_lines()  # the "Đã in" column
            self.status.setText(f"Đã in {printed}/{len(ids)} giấy trên “{printer}” và ghi vào "
                                "nhật ký in.")

        self._keep(workers.run_with_progress(
            self, f"Đang in {len(ids)} giấy…", print_job, self.db, self.decision_id(), ids,
            self.mode(), printer, path, target, note,
            on_success=done, on_failure=self._failed("In giấy khen")))

    def save_pdf(self) -> None:
        ids = self.checked_ids()
        if not self._ids_or_warn(ids):
            return
        number = text.fold(self.decision.currentText().split(" ")[0]).replace("/", "-")
        target = dialogs.save_file(self, "Lưu giấy khen thành PDF", f"giay-khen-{number}.pdf",
                                   "Tệp PDF (*.pdf)")
        if not target:
            return

        def done(saved_ids) -> None:
            # A saved file is not a printed certificate: the print log stays as it was.
            self.status.setText(f"Đã lưu {len(saved_ids)} giấy vào {target} (chưa ghi là đã "
                                "in: chỉ in ra giấy mới ghi vào nhật ký in).")

        self._keep(workers.run_with_progress(
            self, "Đang lưu PDF…", build_job, self.db, self.decision_id(), ids, self.mode(),
            self.printer.currentText(), target,
            on_success=done, on_failure=self._failed("Lưu PDF")))

    # ---------------------------------------------------------------- dialogs
    def open_calibration(self) -> None:
        from ui.screens.certificate_calibration import CalibrationDialog

        dialog = CalibrationDialog(self.db, self.printer.currentText(), self)
        dialog.saved.connect(self._show_offsets)
        dialog.open()
        self.calibration = dialog

    def open_designs(self) -> None:
        from ui.screens.certificate_designs import DesignsDialog

        dialog = DesignsDialog(self.db, self.decision_id(), self)
        dialog.changed.connect(self._show_offsets)
        dialog.open()
        self.designs_dialog = dialog

    def open_fields(self) -> None:
        from ui.screens.certificate_fields import FieldsDialog

        dialog = FieldsDialog(self.db, self.decision_id(), self)
        dialog.open()
        self.fields_dialog = dialog
