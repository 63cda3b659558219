"""Sao lưu tự động hằng tháng: the box of the backup screen that creates or removes the Windows
Task Scheduler task (app.backup.schedule) and says when the last scheduled run failed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app import winapi
from app.backup import schedule
from app.errors import DomainError
from ui import dialogs, workers


def _create_job(db, wanted, progress=None, cancelled=None):
    return schedule.create_task(db, wanted)


def _remove_job(db, progress=None, cancelled=None):
    schedule.remove_task(db)


class ScheduleBox(QGroupBox):
    """Day and time of the month, then one button; the target is the backup box's choice."""

    def __init__(self, db, current_target: Callable[[], str | None],
                 parent: QWidget | None = None):
        super().__init__("Sao lưu tự động hằng tháng", parent)
        self.db = db
        self.current_target = current_target
        self.job = None
        lay = QVBoxLayout(self)
        self.failure = QLabel(self, objectName="schedule_failure", wordWrap=True)
        self.failure.setStyleSheet("color: #b00020; font-weight: bold")
        self.status = QLabel(self, objectName="schedule_status", wordWrap=True)
        lay.addWidget(self.failure)
        lay.addWidget(self.status)
        row = QHBoxLayout()
        self.day = QSpinBox(self, objectName="schedule_day", minimum=1, maximum=28, value=25)
        self.time = QTimeEdit(QTime(10, 0), self, objectName="schedule_time")
        self.time.setDisplayFormat("HH:mm")
        self.btn_create = QPushButton("Đặt lịch sao lưu hằng tháng", self,
                                      objectName="schedule_create")
        self.btn_create.clicked.connect(self.create)
        self.btn_remove = QPushButton("Bỏ lịch", self, objectName="schedule_remove")
        self.btn_remove.clicked.connect(self.remove)
        for widget in (QLabel("Ngày", self), self.day, QLabel("hằng tháng, lúc", self), self.time,
                       self.btn_create, self.btn_remove):
            row.addWidget(widget)
        row.addStretch(1)
        lay.addLayout(row)
        note = QLabel(
            "Windows tự chạy bản sao lưu vào nơi lưu đang chọn ở trên (USB cần được cắm sẵn; "
            "USB được nhận theo số sê-ri của ổ, nên vẫn đúng khi Windows đặt chữ ổ khác); nếu "
            "lúc đó máy tắt, bản sao lưu chạy ngay khi máy mở lại. Mỗi lần chạy đều được ghi vào "
            "lịch sử sao lưu; lần nào không sao lưu được, phần mềm sẽ nhắc.", self)
        if not winapi.is_windows():
            note.setText("Lịch sao lưu tự động dùng Task Scheduler của Windows. Trên máy này, "
                         "nút trên cho dòng lệnh để thêm vào crontab.")
        note.setWordWrap(True)
        lay.addWidget(note)
        self.refresh()

    def refresh(self) -> None:
        failed = schedule.last_failure(self.db)  # the page's status line says what to do
        self.failure.setText(f"Lần chạy theo lịch lúc {failed.at:%H:%M ngày %d/%m/%Y}: không sao "
                             "lưu được (lý do ở dòng nhắc phía trên và trong lịch sử)."
                             if failed else "")
        self.failure.setVisible(failed is not None)
        current = schedule.load_schedule(self.db)
        if current:
            renew = (" Lịch này đặt từ trước, ghi cố định chữ ổ: hãy bấm “Đặt lịch sao lưu hằng "
                     "tháng” lần nữa để Windows nhận USB theo số sê-ri, kể cả khi đổi chữ ổ."
                     if schedule.names_a_letter(current) else "")
            self.status.setText(f"Đã đặt lịch: sao lưu {current.text}.{renew}")
            self.day.setValue(current.day)
            self.time.setTime(QTime.fromString(current.time, "HH:mm"))
        else:
            self.status.setText("Chưa đặt lịch sao lưu tự động.")
        self.btn_remove.setEnabled(current is not None and winapi.is_windows())

    def wanted(self) -> schedule.Schedule | None:
        target = self.current_target()
        if not target:
            dialogs.info(self, "Chưa có nơi lưu", "Hãy cắm USB rồi bấm “Tìm lại USB”, hoặc bấm "
                         "“Chọn thư mục khác…”, rồi mới đặt lịch.")
            return None
        return schedule.Schedule(str(target), self.day.value(), self.time.time().toString("HH:mm"))

    def create(self) -> None:
        wanted = self.wanted()
        if wanted is None:
            return
        if not winapi.is_windows():
            line = schedule.cron_line(self.db.path, wanted)
            QApplication.clipboard().setText(line)
            dialogs.info(self, "Lịch sao lưu chỉ có trên Windows",
                         "Lịch sao lưu tự động dùng Task Scheduler của Windows. Trên máy này, "
                         "hãy mở crontab (lệnh crontab -e) và thêm dòng sau, đã được chép sẵn "
                         f"vào bộ nhớ tạm:\n\n{line}")
            return
        self._run(_create_job, self.db, wanted, done=lambda result: dialogs.info(
            self, "Đã đặt lịch", f"Windows sẽ tự sao lưu {result.text}."))

    def remove(self) -> None:
        if dialogs.confirm(self, "Bỏ lịch sao lưu", "Bỏ lịch sao lưu tự động hằng tháng?"):
            self._run(_remove_job, self.db, done=lambda _: dialogs.info(
                self, "Đã bỏ lịch", "Windows sẽ không tự sao lưu nữa."))

    def _run(self, job, *args, done) -> None:
        """schtasks.exe can take a moment: off the GUI thread, the buttons off meanwhile."""
        self.btn_create.setEnabled(False)
        self.btn_remove.setEnabled(False)

        def succeeded(result):
            self._finish()
            done(result)

        def failed(exc):
            self._finish()
            text = str(exc) if isinstance(exc, DomainError) else f"Lỗi không mong muốn: {exc}"
            dialogs.error(self, "Không đặt được lịch sao lưu", text)

        self.job = workers.run_in_background(self, job, *args, on_success=succeeded,
                                             on_failure=failed)

    def _finish(self) -> None:
        self.btn_create.setEnabled(True)
        self.refresh()
