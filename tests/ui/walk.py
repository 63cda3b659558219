"""Walking the program as a curious new officer would: every screen, every tab, every button,
every dialog a button opens (and the buttons inside it), every menu — collecting the texts a
person can see (labels, buttons, titles, tooltips, headers, menu items, placeholders).

Message boxes and file choosers go through ui.dialogs, patched by the caller (DialogRecorder);
any other modal dialog or popup menu that opens is read, its own buttons walked (to a depth),
then closed without accepting. Used by the English-words and the clipping tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from tests.ui.helpers import DialogRecorder, wait_for_jobs

# Buttons never pressed by the walk: they end the session or open the real OS chooser.
SKIP_BUTTON_TEXTS = {"Thoát"}
WALKED, PRESSED = "walked_by_test", "pressed_by_test"  # a property, not id(): ids of deleted wrappers are reused


def patch_dialogs(monkeypatch) -> DialogRecorder:
    """ui.dialogs answers by itself: messages recorded, confirmations "no", no file chosen;
    functions added to it later (retry, ask_password…) answer "no" too; no outside program
    is started (QDesktopServices.openUrl)."""
    from PySide6.QtGui import QDesktopServices

    import ui.dialogs as d

    recorder = DialogRecorder(monkeypatch, confirm=False)
    for name in dir(d):
        fn = getattr(d, name)
        if callable(fn) and not name.startswith("_") and getattr(fn, "__module__", "") == d.__name__:
            monkeypatch.setattr(d, name, lambda *a, **k: None)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda *a: True)
    return recorder


def _alive(widget) -> bool:
    try:
        widget.objectName()
        return True
    except RuntimeError:  # deleted on the C++ side meanwhile
        return False


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything readable in ``root`` and its children, shown or not (a
    hidden tab, a message label shown later)."""
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__} {w.objectName() or ''}".strip()
        if w.isWindow():
            yield where + " (tiêu đề)", w.windowTitle()
        yield where + " (gợi ý)", w.toolTip()
        yield where + " (thanh trạng thái)", w.statusTip()
        yield where + " (trợ giúp)", w.whatsThis()
        if isinstance(w, QLabel):
            yield where, w.text()
        elif isinstance(w, QAbstractButton):
            yield where, w.text()
            if getattr(w, "menu", None) and w.menu() is not None:
                yield from menu_texts(w.menu(), where)
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QLineEdit):
            yield where + " (chữ mờ)", w.placeholderText()
        elif isinstance(w, (QTextEdit, QPlainTextEdit)):
            yield where + " (chữ mờ)", w.placeholderText()
            if w.isReadOnly():
                yield where, w.toPlainText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield where + " (mục)", w.itemText(i)
        elif isinstance(w, QAbstractSpinBox):
            yield where, getattr(w, "prefix", lambda: "")() + getattr(w, "suffix", lambda: "")()
            yield where, w.specialValueText()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where + " (thẻ)", w.tabText(i)
                yield where + " (thẻ, gợi ý)", w.tabToolTip(i)
        if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
            model = w.model()
            for col in range(model.columnCount(QModelIndex())):
                yield where + " (tiêu đề cột)", str(model.headerData(col, Qt.Horizontal) or "")
        for action in w.actions():
            yield where + " (lệnh)", action.text()
            yield where + " (lệnh, gợi ý)", action.toolTip()
            if action.menu() is not None:
                yield from menu_texts(action.menu(), where)
        if isinstance(w, QMainWindow) and w.menuBar() is not None:
            for action in w.menuBar().actions():
                yield "thanh menu", action.text()
                if action.menu() is not None:
                    yield from menu_texts(action.menu(), "thanh menu")


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield where + " (menu)", menu.title()
    for action in menu.actions():
        yield where + " (menu)", action.text().split("\t")[0]
        if action.menu() is not None and action.menu() is not menu:
            yield from menu_texts(action.menu(), where)


def context_menu_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """The right-click menu of the first text box of each kind (Qt builds it: Undo, Copy…)."""
    seen: set[type] = set()
    for w in root.findChildren(QWidget):
        kind = type(w)
        if kind in seen or not isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            continue
        seen.add(kind)
        menu = w.createStandardContextMenu()
        yield from menu_texts(menu, f"{kind.__name__} (menu chuột phải)")
        menu.deleteLater()


class Walker:
    """Presses buttons and reads what opens. ``seen(where, text)`` gets every text."""

    def __init__(self, qtbot, seen: Callable[[str, str], None], max_depth: int = 2,
                 on_open: Callable[[QWidget, str], None] | None = None):
        self.qtbot = qtbot
        self.seen = seen
        self.on_open = on_open  # each dialog or window that opens, as it opens
        self.max_depth = max_depth
        self.opened: list[str] = []  # titles of the dialogs and windows seen, in order
        self.place: list[tuple[str, int]] = [("", 0)]  # the press being made, its depth
        # Always on: a dialog may open later than its button's click (after a background
        # job), and an unanswered modal dialog would wait for ever.
        self.poll = QTimer()
        self.poll.setInterval(25)
        self.poll.timeout.connect(self._on_modal)
        self.poll.start()

    # ------------------------------------------------------------------ reading
    def read(self, widget: QWidget, where: str) -> None:
        for place, text in widget_texts(widget):
            if text:
                self.seen(f"{where} › {place}", text)
        for place, text in context_menu_texts(widget):
            if text:
                self.seen(f"{where} › {place}", text)

    # ------------------------------------------------------------------ pressing
    def press_all(self, root: QWidget, where: str, depth: int = 0) -> None:
        """Every visible, enabled button of ``root`` (tab by tab), once."""
        for tabs in [t for t in root.findChildren(QTabWidget) if t.window() is root.window()]:
            for i in range(tabs.count()):
                if not _alive(tabs):
                    break
                tabs.setCurrentIndex(i)
                wait_for_jobs(self.qtbot)
                self._select_first_rows(root)
                self._press_buttons(root, f"{where} › {tabs.tabText(i)}", depth)
        if _alive(root):
            self._select_first_rows(root)
            self._press_buttons(root, where, depth)

    def _select_first_rows(self, root: QWidget) -> None:
        for view in root.findChildren(QAbstractItemView):
            model = view.model()
            if (view.isVisible() and model is not None and model.rowCount() > 0
                    and view.selectionModel() is not None
                    and not view.selectionModel().hasSelection()):
                view.setCurrentIndex(model.index(0, 0))

    def _buttons(self, root: QWidget) -> list[QAbstractButton]:
        found = []
        for b in root.findChildren(QAbstractButton):
            if b.window() is not root.window() or not b.isVisible() or not b.isEnabled():
                continue
            if isinstance(b.parent(), QDialogButtonBox) or b.text() in SKIP_BUTTON_TEXTS:
                continue  # OK/Save/Cancel of a dialog: the walk never accepts anything
            if b.isCheckable() and not b.text():
                continue  # a tick box in a table
            found.append(b)
        return found

    def _press_buttons(self, root: QWidget, where: str, depth: int) -> None:
        for button in self._buttons(root):
            if not _alive(button) or not button.isVisible() or not button.isEnabled():
                continue
            if button.property(PRESSED):
                continue  # the page's own buttons, seen again from its next tab
            button.setProperty(PRESSED, True)
            menu = button.menu() if hasattr(button, "menu") else None
            if menu is not None:
                for action in list(menu.actions()):
                    if action.isEnabled() and not action.isSeparator() and action.menu() is None:
                        self.trigger(action.trigger, f"{where} › {button.text()} › "
                                     f"{action.text()}", depth)
                continue
            self.trigger(button.click, f"{where} › {button.text() or button.toolTip()}", depth)

    def trigger(self, action: Callable[[], None], where: str, depth: int = 0) -> None:
        """Run ``action`` (a click); read and close whatever it opens."""
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        self.place.append((where, depth))
        try:
            action()
            wait_for_jobs(self.qtbot)
            self._on_modal()  # a dialog opened with open() rather than exec()
            self.qtbot.wait(1)
            for w in QApplication.topLevelWidgets():
                if id(w) not in before and w.isVisible() and not isinstance(w, QMenu):
                    self._handle(w, where, depth)
        finally:
            self.place.pop()

    def _on_modal(self) -> None:
        """A new modal dialog or popup: handled from its own one-shot timer, so that this
        poll (a timer never fires again while its slot runs) keeps watching for the dialogs
        the handling itself opens."""
        where, depth = self.place[-1]
        for widget in (QApplication.activePopupWidget(), QApplication.activeModalWidget()):
            if widget is not None and not widget.property(WALKED):
                widget.setProperty(WALKED, True)
                QTimer.singleShot(0, lambda w=widget: self._handle(w, where, depth))

    def stop(self) -> None:
        self.poll.stop()

    def _handle(self, widget: QWidget, where: str, depth: int) -> None:
        if not _alive(widget):
            return
        widget.setProperty(WALKED, True)
        title = widget.windowTitle() or type(widget).__name__
        self.opened.append(title)
        place = f"{where} → {title}"
        if isinstance(widget, QMenu):
            for text in (a.text() for a in widget.actions()):
                if text:
                    self.seen(place + " (menu)", text)
            widget.close()
            return
        if self.on_open is not None:
            self.on_open(widget, place)
        self.read(widget, place)
        if depth + 1 < self.max_depth and isinstance(widget, QDialog):
            self.press_all(widget, place, depth + 1)
        if not _alive(widget):
            return
        if isinstance(widget, QDialog):
            widget.reject()
            if _alive(widget) and widget.isVisible():  # a dialog that asks before closing
                QDialog.done(widget, QDialog.Rejected)
        else:
            widget.close()
