"""The one place that opens message boxes and file dialogs (tests monkeypatch these).

Buttons are labelled in Vietnamese here because Qt's Vietnamese translation is incomplete."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

_BUTTON_TEXT = {
    QMessageBox.Ok: "Đồng ý",
    QMessageBox.Yes: "Có",
    QMessageBox.No: "Không",
    QMessageBox.Cancel: "Hủy",
}


def _box(parent, icon, title, text, buttons, default=None, details=None) -> QMessageBox.StandardButton:
    box = QMessageBox(icon, title, text, buttons, parent)
    for button, label in _BUTTON_TEXT.items():
        b = box.button(button)
        if b is not None:
            b.setText(label)
    if default is not None:
        box.setDefaultButton(default)
    if details:
        box.setDetailedText(details)
    return QMessageBox.StandardButton(box.exec())


def info(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Information, title, text, QMessageBox.Ok)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Warning, title, text, QMessageBox.Ok)


def error(parent: QWidget | None, title: str, text: str, details: str | None = None) -> None:
    _box(parent, QMessageBox.Critical, title, text, QMessageBox.Ok, details=details)


def confirm(parent: QWidget | None, title: str, text: str, default_yes: bool = False) -> bool:
    answer = _box(parent, QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No,
                  QMessageBox.Yes if default_yes else QMessageBox.No)
    return answer == QMessageBox.Yes


def retry(parent: QWidget | None, title: str, text: str) -> bool:
    """"Thử lại" or "Hủy" (a database another program keeps busy): True to try again."""
    box = QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Retry | QMessageBox.Cancel,
                      parent)
    box.button(QMessageBox.Retry).setText("Thử lại")
    box.button(QMessageBox.Cancel).setText("Hủy")
    box.setDefaultButton(QMessageBox.Retry)
    return box.exec() == QMessageBox.Retry


def open_file(parent: QWidget | None, title: str, filters: str = "Mọi tệp (*)",
              start: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path or None


def save_file(parent: QWidget | None, title: str, suggested: str = "",
              filters: str = "Mọi tệp (*)") -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def choose_directory(parent: QWidget | None, title: str, start: str = "") -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, start)
    return path or None


def ask_text(parent: QWidget | None, title: str, label: str, current: str = "") -> str | None:
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getText(parent, title, label, text=current)
    return value.strip() if ok and value.strip() else None


def ask_password(parent: QWidget | None, title: str, label: str) -> str | None:
    """A password, typed hidden (backups protected with a password)."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    value, ok = QInputDialog.getText(parent, title, label, QLineEdit.Password)
    return value if ok and value else None


def review_rule_update(parent: QWidget | None, plan) -> set[str] | None:
    """The rule pack consent dialog: the keys of the changes the officer ticked, or None when
    they chose "Để sau" (nothing is written)."""
    from ui.screens.rule_update_dialog import RuleUpdateDialog

    dialog = RuleUpdateDialog(plan, parent)
    return dialog.accepted_keys() if dialog.exec() else None
