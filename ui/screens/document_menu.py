"""The "In văn bản" menu the round screens share: a drop-down button of documents, each built
in the background from app.documents.registry and previewed (then saved as PDF or Word)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from app.documents import registry
from ui.screens.decision_preview import show_document


def menu_button(parent: QWidget, items: list[tuple[str, Callable[[], None]]],
                label: str = "In văn bản", name: str = "print_documents") -> QPushButton:
    """A button opening a menu of (label, action) items; separators as ("", None). A push
    button, like its neighbours, and it keeps room for its ▾ (a tool button draws it over the
    text)."""
    button = QPushButton(label, parent)
    button.setObjectName(name)
    menu = QMenu(button)
    menu.setObjectName(f"{name}_menu")
    for text, action in items:
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(text, action)
    button.setMenu(menu)
    return button


def preview(parent: QWidget, key: str, *args, suffix: str = "") -> None:
    """Build the registered document ``key`` for ``args`` off the GUI thread and preview it."""
    kind = registry.get(key)
    db = parent.db
    stem = f"{kind.stem}-{registry.slug(suffix)}" if suffix else kind.stem
    show_document(parent, kind.title, lambda: kind.builder()(db, *args), stem)
