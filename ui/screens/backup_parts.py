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
    """Keep N, reminder interval, backup on exit, password (typed twice, kept in the OS
    password store, never in the database)."""

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
        self.encrypt = QCheckBox("Đặt mật khẩu cho bản sao lưu (tệp ZIP mã hóa)", self)
        self.encrypt.setObjectName("encrypt")
        self.password = QLineEdit(self, objectName="password", echoMode=QLineEdit.Password)
        self.password2 = QLineEdit(self, objectName="password2", echoMode=QLineEdit.Password)
        for edit in (self.password, self.password2):
            edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 36)
        self.encrypt.toggled.connect(self.password.setEnabled)
        self.encrypt.toggled.connect(self.password2.setEnabled)
        self.password_note = QLabel(self, objectName="password_note", wordWrap=True)
        form.addRow("Giữ lại:", self.keep)
        form.addRow("Nhắc sao lưu sau:", self.interval)
        form.addRow("", self.on_exit)
        form.addRow("", self.encrypt)
        form.addRow("Mật khẩu bản sao lưu:", self.password)
        form.addRow("Nhập lại mật khẩu:", self.password2)
        form.addRow(self.password_note)
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
        self.encrypt.setChecked(s.encrypt)
        remembered = backup.recall(self.db) if s.encrypt else None
        for edit in (self.password, self.password2):
            edit.setText(remembered or "")
            edit.setEnabled(s.encrypt)
        self.password_note.setText(_password_note(s.encrypt, remembered is not None))

    def save(self) -> None:
        typed = self.password.text()
        if self.encrypt.isChecked() and typed != self.password2.text():
            dialogs.warn(self, "Mật khẩu chưa khớp", "Hai lần nhập mật khẩu khác nhau. Hãy nhập "
                         "lại cho giống nhau.")
            return
        current = backup.load_settings(self.db)
        try:
            backup.save_settings(self.db, replace(
                current, keep=self.keep.value(), interval_days=self.interval.value(),
                on_exit=self.on_exit.isChecked(), encrypt=self.encrypt.isChecked()))
        except DomainError as exc:
            dialogs.warn(self, "Chưa lưu được", str(exc))
            return
        kept = self._keep_password(typed)
        self.load()
        self.saved.emit()
        dialogs.info(self, "Đã lưu", "Đã lưu cài đặt sao lưu." + kept)

    def _keep_password(self, typed: str) -> str:
        """Remember or forget the password; what to tell the officer about it."""
        if not self.encrypt.isChecked():
            backup.forget(self.db)
            return ""
        if not typed:
            return ""
        if backup.remember(self.db, typed):
            return "\nMật khẩu được cất trong kho mật khẩu của hệ điều hành, không ghi vào tệp dữ liệu."
        backup.forget(self.db)
        return ("\nMáy này không có kho mật khẩu an toàn nên phần mềm không nhớ mật khẩu: mỗi "
                "lần sao lưu sẽ hỏi mật khẩu. Hãy ghi nhớ mật khẩu.")


def _password_note(encrypt: bool, remembered: bool) -> str:
    if not encrypt:
        return "Chưa đặt mật khẩu: bản sao lưu là tệp .sqlite mở được bằng phần mềm này."
    if remembered:
        return ("Mật khẩu được cất trong kho mật khẩu của hệ điều hành (trên Windows: Credential "
                "Manager), không ghi trong tệp dữ liệu.")
    return ("Máy này không nhớ mật khẩu (không ghi mật khẩu vào tệp dữ liệu): mỗi lần sao lưu, "
            "phần mềm hỏi mật khẩu.")


def ask_new_password(parent) -> str | None:
    """The backup password typed twice (when the PC does not remember it); None if given up."""
    first = dialogs.ask_password(parent, "Mật khẩu bản sao lưu",
                                 "Nhập mật khẩu để mã hóa bản sao lưu:")
    if not first:
        return None
    again = dialogs.ask_password(parent, "Mật khẩu bản sao lưu", "Nhập lại mật khẩu:")
    if again != first:
        dialogs.warn(parent, "Mật khẩu chưa khớp", "Hai lần nhập mật khẩu khác nhau; chưa sao "
                     "lưu. Hãy thử lại.")
        return None
    return first


def backup_password(parent, db) -> str | None | bool:
    """None for a plain backup; the password for an encrypted one; False if the officer gave
    up typing it."""
    if not backup.load_settings(db).encrypt:
        return None
    return backup.recall(db) or ask_new_password(parent) or False


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
    password = password_for(parent, path, backup.recall(db))
    if password is False:
        return

    def failed(exc):
        title = "Không khôi phục được"
        dialogs.error(parent, title, str(exc) if isinstance(exc, DomainError)
                      else f"Lỗi không mong muốn: {exc}. Dữ liệu hiện tại không thay đổi.")

    def checked(ver):
        text = (f"Khôi phục dữ liệu từ “{path.name}”?\n\nBản sao lưu đạt kiểm tra (toàn vẹn, "
                f"đúng cấu trúc, khớp ghi chép lúc sao lưu): phiên bản dữ liệu {ver.schema}, "
                f"{num(ver.total_rows)} dòng dữ liệu.\n"
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
