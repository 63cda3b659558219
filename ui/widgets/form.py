"""Form dialogs: labelled fields, validation in accept() with the message shown in the form
next to the field at fault (from app.errors.ValidationError.field)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.errors import DomainError, ValidationError


class DateEdit(QLineEdit):
    """dd/mm/yyyy text field that may be empty (QDateEdit cannot be empty). Typed quickly as
    eight digits (12031985) it reads 12/03/1985 and shows it so when the field is left."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText("ngày/tháng/năm")
        self.setMaxLength(10)
        self.editingFinished.connect(self._tidy)

    def value(self) -> date | None:
        return text.parse_date_vn(with_slashes(self.text()))  # ValueError, Vietnamese text

    def set_value(self, value: date | None) -> None:
        self.setText(text.format_date_vn(value))

    def _tidy(self) -> None:
        """Show the date as understood (a wrong one stays as typed, to be corrected)."""
        try:
            value = self.value()
        except ValueError:
            return
        if value is not None:
            self.set_value(value)


def with_slashes(typed: str) -> str:
    """"12031985" → "12/03/1985" (day, month, year typed without separators)."""
    raw = (typed or "").strip()
    if len(raw) == 8 and raw.isdigit():
        return f"{raw[:2]}/{raw[2:4]}/{raw[4:]}"
    return raw


NOTHING = "— không chọn —"


def combo(items, parent=None, empty: str | None = NOTHING, editable=False) -> QComboBox:
    """A combo of (value, label) pairs (or plain strings), optionally with an empty first item.

    An editable box shows ``empty`` only as the greyed hint of its empty text field: its
    first item is blank, so the hint is never the box's text and never saved as a value."""
    box = QComboBox(parent)
    box.setEditable(editable)
    if empty is not None:
        box.addItem("" if editable else empty, None)
        if editable:
            box.lineEdit().setPlaceholderText(empty)
    for item in items:
        value, label = item if isinstance(item, tuple) else (item, item)
        box.addItem(label, value)
    return box


def set_combo(box: QComboBox, value) -> None:
    idx = box.findData(value)
    if idx >= 0:
        box.setCurrentIndex(idx)
    elif box.isEditable() and value:
        box.setEditText(str(value))


def combo_value(box: QComboBox):
    """The chosen item's value; for an editable box the typed text when it names no item;
    None when nothing is chosen or typed (a hint is never a value)."""
    if box.isEditable():
        typed = box.currentText().strip()
        if not typed or typed == box.lineEdit().placeholderText():
            return None
        idx = box.findText(typed)
        return box.itemData(idx) if idx >= 0 and box.itemData(idx) is not None else typed
    return box.currentData()


def int_or_none(edit: QLineEdit, label: str, field: str) -> int | None:
    raw = edit.text().strip().replace(".", "")
    if not raw:
        return None
    if not raw.isdigit():
        raise ValidationError(f"{label} phải là số.", field)
    return int(raw)


class FormDialog(QDialog):
    """Subclasses add rows with ``add_row`` and implement ``save() -> int`` (may raise
    ValidationError / DomainError); the dialog closes only when saving succeeded."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._comfortable_width = self.fontMetrics().averageCharWidth() * 70
        # The fields scroll when the form is taller than the screen (1366×768 at 125 %).
        body = QWidget(self)
        self.form = QFormLayout(body)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self._scroll = QScrollArea(self)
        self._scroll.setWidget(body)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.fields: dict[str, QWidget] = {}
        self.error_label = QLabel(self)
        self.error_label.setObjectName("form_error")
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Save).setText("Lưu")
        self.buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # Never narrower than its labels and fields (a minimum width of its own would let the
        # layout squeeze them: "Danh hiệu / hìn").
        layout.setSizeConstraint(QLayout.SetMinimumSize)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.saved_id: int | None = None

    def showEvent(self, event) -> None:
        if not event.spontaneous():
            self._fit_form()
        super().showEvent(event)

    def _fit_form(self) -> None:
        """As wide as the labels and fields need (70 characters at least), as tall as the
        form, or as the screen allows with the fields scrolling."""
        body = self._scroll.widget()
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        self._scroll.setMinimumWidth(body.minimumSizeHint().width() + bar)
        screen = self.screen() or QApplication.primaryScreen()
        room = screen.availableGeometry().height() * 85 // 100 if screen else 10_000
        rest = self.layout().sizeHint().height() - self._scroll.sizeHint().height()
        tallest = max(room - rest, self.fontMetrics().height() * 6)
        self._scroll.setMinimumHeight(min(body.sizeHint().height(), tallest))
        self.resize(max(self.width(), self._comfortable_width, self.minimumSizeHint().width()),
                    self.minimumSizeHint().height())

    def add_row(self, name: str, label: str, widget: QWidget) -> QWidget:
        widget.setObjectName(name)
        self.form.addRow(label, widget)
        self.fields[name] = widget
        return widget

    def text_of(self, name: str) -> str:
        w = self.fields[name]
        return w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()

    def save(self) -> int:
        raise NotImplementedError

    def show_error(self, message: str, field: str | None = None) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        widget = self.fields.get(field or "")
        if widget is not None:
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def accept(self) -> None:
        try:
            self.saved_id = self.save()
        except ValidationError as exc:
            self.show_error(str(exc), exc.field)
            return
        except ValueError as exc:  # date parsing raises ValueError with a Vietnamese text
            self.show_error(str(exc), getattr(exc, "field", None) or self._date_field_with_error())
            return
        except DomainError as exc:
            self.show_error(str(exc))
            return
        super().accept()

    def _date_field_with_error(self) -> str | None:
        for name, w in self.fields.items():
            if isinstance(w, DateEdit):
                try:
                    w.value()
                except ValueError:
                    return name
        return None


def spin(minimum: int, maximum: int, parent=None) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(minimum, maximum)
    return box
