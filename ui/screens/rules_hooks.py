"""Rule pack updates offered at start-up, after the main window shows (never delaying it):
when this copy of the app ships newer rule packs than the database holds, the officer sees
what changes next to the ward's own edits and applies only what they tick."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.errors import DomainError
from ui import dialogs

log = logging.getLogger(__name__)
RETRY_MS = 700  # another start-up question (backup reminder) is open: ask after it


def review_and_apply(window, db, province: str | None = None) -> bool:
    """Show the plan (shipped packs, or another province) and apply what is ticked; True when
    something was applied."""
    from app.rules import apply

    plan = apply.check_update(db, province)
    if plan is None:
        return False
    if not plan.shown:  # only bookkeeping moves: nothing to ask
        apply.apply_update(db, set(), province)
        return False
    keys = dialogs.review_rule_update(window, plan)
    if keys is None:
        return False
    result = apply.apply_update(db, keys, province)
    kept = f"; giữ nguyên {result.kept} giá trị của phường" if result.kept else ""
    dialogs.info(window, "Đã cập nhật quy định",
                 f"Đã áp dụng {result.applied} thay đổi ({result.label}){kept}. Xem và sửa ở "
                 "Hệ thống › Quy định đang áp dụng.")
    return True


def offer_rule_update(window, db, attempts: int = 20) -> None:
    """Queue the check after the window shows; retried while another dialog is open."""

    def ask(remaining=attempts):
        try:
            if not window.isVisible():  # closed before its turn came: nothing to ask
                return
        except RuntimeError:  # the window is gone already
            return
        if QApplication.activeModalWidget() is not None and remaining:
            QTimer.singleShot(RETRY_MS, lambda: ask(remaining - 1))
            return
        try:
            if review_and_apply(window, db):
                page = window.stack.currentWidget() if hasattr(window, "stack") else None
                if hasattr(page, "on_show"):
                    page.on_show()
        except DomainError as exc:
            log.warning("Rule update not applied: %s", exc)
            dialogs.warn(window, "Chưa cập nhật được quy định", str(exc))

    QTimer.singleShot(0, ask)
