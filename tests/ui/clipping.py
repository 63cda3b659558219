"""Finding clipped text the way a person would notice it: a column header cut ("gày/năm sin"),
a label, button or filter box narrower than its text ("tất c"), a navigation item elided
("Quỹ thi đua, khen thưở…"), a wrapped label shorter than its lines, a tab cut short."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

SLACK = 1  # px: rounding of fractional text widths (125 % scaling)


def _shown(w: QWidget, root: QWidget) -> bool:
    return w.isVisibleTo(root) and w.width() > 0 and w.height() > 0


def _text_width(w: QWidget, text: str) -> int:
    return w.fontMetrics().horizontalAdvance(text.replace("&", ""))


def clipped(root: QWidget) -> Iterator[str]:
    """What is clipped in ``root`` (a window, a page or a dialog) as laid out now."""
    for w in [root, *root.findChildren(QWidget)]:
        if not _shown(w, root) or w.window() is not root.window():
            continue
        name = f"{type(w).__name__} {w.objectName()}".strip()
        if isinstance(w, QHeaderView):
            yield from _header(w, name)
        elif isinstance(w, QLabel):
            yield from _label(w, name)
        elif isinstance(w, QComboBox):
            yield from _combo(w, name)
        elif isinstance(w, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
            yield from _button(w, name)
        elif isinstance(w, QGroupBox) and w.title():
            if _text_width(w, w.title()) > w.width():
                yield f"{name}: tiêu đề “{w.title()}” bị cắt"
        elif isinstance(w, QTabBar):
            yield from _tabs(w, name)
        elif isinstance(w, QListWidget) and w.objectName() == "navigation":
            yield from _navigation(w)


def _header(header: QHeaderView, name: str) -> Iterator[str]:
    if header.orientation() != Qt.Horizontal or header.model() is None:
        return
    wraps = bool(header.defaultAlignment() & Qt.TextWordWrap)
    margin = header.style().pixelMetric(QStyle.PM_HeaderMargin, None, header)
    for i in range(header.count()):
        if header.isSectionHidden(i):
            continue
        text = str(header.model().headerData(i, Qt.Horizontal) or "")
        if not text:
            continue
        if wraps:  # a header made to wrap: its lines must fit its width and its height
            room = header.sectionSize(i) - 2 * margin
            lines = header.fontMetrics().boundingRect(QRect(0, 0, room, 10000),
                                                      Qt.TextWordWrap, text)
            if lines.width() > room + SLACK or lines.height() > header.height() + SLACK:
                yield (f"{name}: cột “{text}” {header.sectionSize(i)}×{header.height()} px, "
                       f"chữ cần {lines.width() + 2 * margin}×{lines.height()} px")
        elif header.sectionSize(i) + SLACK < header.sectionSizeHint(i):
            yield (f"{name}: cột “{text}” rộng {header.sectionSize(i)} px, "
                   f"chữ cần {header.sectionSizeHint(i)} px")


def _label(label: QLabel, name: str) -> Iterator[str]:
    if not label.text() or label.pixmap() is not None and not label.pixmap().isNull():
        return
    if label.wordWrap():
        need = label.heightForWidth(label.width())
        if need > label.height() + SLACK:
            yield f"{name}: “{label.text()[:60]}” cao {label.height()} px, chữ cần {need} px"
        return
    need = label.minimumSizeHint().width()
    if need > label.width() + SLACK:
        yield f"{name}: “{label.text()[:60]}” rộng {label.width()} px, chữ cần {need} px"


def _combo(combo: QComboBox, name: str) -> Iterator[str]:
    from ui.widgets.elided_combo import ElidedComboBox

    if combo.isEditable() or not combo.currentText() or isinstance(combo, ElidedComboBox):
        return  # (an ElidedComboBox ends a long text in "…", full text in its list and tooltip)
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = False
    field = combo.style().subControlRect(QStyle.CC_ComboBox, option,
                                         QStyle.SC_ComboBoxEditField, combo)
    need = _text_width(combo, combo.currentText())
    if need > field.width() + SLACK:
        yield f"{name}: “{combo.currentText()}” rộng {field.width()} px, chữ cần {need} px"


def _button(button: QAbstractButton, name: str) -> Iterator[str]:
    if not button.text():
        return
    style = button.style()
    if isinstance(button, (QPushButton, QToolButton)):
        need = _text_width(button, button.text()) + 2 * style.pixelMetric(
            QStyle.PM_ButtonMargin, None, button)
        if button.menu() is not None:  # the ▾ (a tool button draws it over the text)
            need += style.pixelMetric(QStyle.PM_MenuButtonIndicator, None, button)
    else:
        need = button.minimumSizeHint().width()
    if need > button.width() + SLACK:
        yield f"{name}: “{button.text()}” rộng {button.width()} px, chữ cần {need} px"


def _tabs(bar: QTabBar, name: str) -> Iterator[str]:
    space = bar.style().pixelMetric(QStyle.PM_TabBarTabHSpace, None, bar)
    for i in range(bar.count()):
        need = _text_width(bar, bar.tabText(i)) + space
        if need > bar.tabRect(i).width() + SLACK:
            yield f"{name}: thẻ “{bar.tabText(i)}” bị cắt"


def _navigation(nav: QListWidget) -> Iterator[str]:
    room = nav.viewport().width()
    for i in range(nav.count()):
        item = nav.item(i)
        need = nav.visualItemRect(item).left() + nav.sizeHintForIndex(nav.indexFromItem(item)).width()
        if need > room + SLACK:
            yield f"thanh điều hướng: “{item.text().strip()}” bị cắt ({room} px, cần {need} px)"
