"""Parts of the backup screen: the settings box and the restore flow (also used at start-up)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import backup
from app.backup import archive
from app.errors import DomainError
from ui import dialogs, workers


def num(value: int) -> str:
    """18.227 — thousands with dots, the Vietnamese way."""
    return f"{value:,}".replace(",", ".")


def mb(size: int) -> str:
    """4,1 MB — decimal comma."""
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


def group(title: str, parent: QWidget) -> tuple[QGroupBox, QVBoxLayout]:
    box = QGroupBox(title, parent)
    return box, QVBoxLayout(box)


class SettingsBox(QGroupBox):
    """Keep N, reminder interval, backup on exit, password (typed twice)."""

    saved = Signal()

    def __init__(self, db, parent: QWidget | None = None):
        super().__init__("Cài đặt sao lưu", parent)
        self.db = db
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        self.keep = QSpinBox(self, objectName="keep", minimum=1, maximum=1000)
        self.keep.setSuffix(" bản trên mỗi USB")
        self.interval = QSpinBox(self, objectName="interval", minimum=1, maximum=3650)
        self.interval.setSuffix(" ngày")
        self.on_exit = QCheckBox("Tự sao lưu vào nơi lưu lần trước khi thoát phần mềm", self)
        self.on_exit.setObjectName("on_exit")
        self.password = QLineEdit(self, objectName="password", echoMode=QLineEdit.Password)
        self.password2 = QLineEdit(self, objectName="password2", echoMode=QLineEdit.Password)
        self.password.setPlaceholderText("để trống nếu không đặt mật khẩu")
        for edit in (self.password, self.password2):
            edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        form.addRow("Giữ lại:", self.keep)
        form.addRow("Nhắc sao lưu sau:", self.interval)
        form.addRow("", self.on_exit)
        form.addRow("Mật khẩu bản sao lưu:", self.password)
        form.addRow("Nhập lại mật khẩu:", self.password2)
        note = QLabel("Có mật khẩu: bản sao lưu là tệp ZIP mã hóa AES-256, mở được trên máy "
                      "khác bằng 7-Zip hoặc WinRAR. Hãy ghi nhớ mật khẩu: quên mật khẩu thì "
                      "không ai mở được bản sao lưu. Bản cũ nhất bị xóa khi vượt số bản giữ "
                      "lại, nhưng bản đã kiểm tra mới nhất không bao giờ bị xóa.", self)
        note.setWordWrap(True)
        form.addRow(note)
        self.btn_save = QPushButton("Lưu cài đặt sao lưu", self, objectName="save_settings")
        self.btn_save.clicked.connect(self.save)
        form.addRow(self.btn_save)
        form.setAlignment(self.btn_save, Qt.AlignLeft)
        self.load()

    def load(self) -> None:
        s = backup.load_settings(self.db)
        self.keep.setValue(s.keep)
        self.interval.setValue(s.interval_days)
        self.on_exit.setChecked(s.on_exit)
        self.password.setText(s.password)
        self.password2.setText(s.password)

    def save(self) -> None:
        if self.password.text() != self.password2.text():
            dialogs.warn(self, "Mật khẩu chưa khớp", "Hai lần nhập mật khẩu khác nhau. Hãy nhập "
                         "lại cho giống nhau.")
            return
        current = backup.load_settings(self.db)
        try:
            backup.save_settings(self.db, replace(
                current, keep=self.keep.value(), interval_days=self.interval.value(),
                on_exit=self.on_exit.isChecked(), password=self.password.text()))
        except DomainError as exc:
            dialogs.warn(self, "Chưa lưu được", str(exc))
            return
        self.saved.emit()
        dialogs.info(self, "Đã lưu", "Đã lưu cài đặt sao lưu.")


# --------------------------------------------------------------------------- restore
def password_for(parent, path: Path, known: str | None) -> str | None | bool:
    """None for a plain file; the password of an encrypted ZIP; False if the user gave up."""
    if not (archive.is_zip(path) and archive.is_encrypted(path)):
        return None
    if known and archive.password_ok(path, known):
        return known
    typed = dialogs.ask_password(parent, "Bản sao lưu có mật khẩu",
                                 f"Nhập mật khẩu của tệp “{path.name}”:")
    return typed if typed else False


def _check_job(path, password, progress=None, cancelled=None):
    if progress:
        progress(0, 0, "Đang kiểm tra bản sao lưu…")
    return backup.check_backup(path, password)


def _restore_job(path, db_path, password, progress=None, cancelled=None):
    from app.context import open_app_database

    result = backup.restore_database(path, db_path, password=password, progress=progress,
                                     cancelled=cancelled)
    open_app_database(db_path).close()  # upgrades an older backup (after its safety copy)
    return result


def restore_flow(parent, db, path: Path, on_done=None) -> None:
    """Check the file (in the background), ask, then restore and tell the officer."""
    password = password_for(parent, path, backup.load_settings(db).password)
    if password is False:
        return

    def failed(exc):
        title = "Không khôi phục được"
        dialogs.error(parent, title, str(exc) if isinstance(exc, DomainError)
                      else f"Lỗi không mong muốn: {exc}. Dữ liệu hiện tại không thay đổi.")

    def checked(ver):
        text = (f"Khôi phục dữ liệu từ “{path.name}”?\n\nBản sao lưu đạt kiểm tra: lược đồ "
                f"{ver.schema}, {num(ver.total_rows)} dòng dữ liệu.\n"
                + "Dữ liệu hiện tại sẽ được cất vào một bản sao an toàn trên máy rồi mới "
                "bị thay thế.")
        if not dialogs.confirm(parent, "Khôi phục dữ liệu", text):
            return
        db.dispose()  # no connection may stay open on the file being replaced
        workers.run_with_progress(parent, "Đang khôi phục…", _restore_job, path, db.path,
                                  password, on_success=restored, on_failure=failed)

    def restored(result):
        db.dispose()  # connections made meanwhile pointed at the old file
        where = f"\nDữ liệu trước khi khôi phục được giữ tại:\n{result.safety_copy}" \
            if result.safety_copy else ""
        dialogs.info(parent, "Đã khôi phục", f"Đã khôi phục dữ liệu từ “{path.name}”.{where}")
        if on_done:
            on_done()

    workers.run_with_progress(parent, "Đang kiểm tra bản sao lưu…", _check_job, path, password,
                              on_success=checked, on_failure=failed)
