"""The decision screens' "In văn bản" menu: the money payment list and the numbered thông báo
kết quả with the danh sách công khai."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from ui.screens.document_menu import menu_button, preview


def notice(widget, d) -> None:
    from app.services.rounds import notices
    from ui.screens.document_forms import NumberDateDialog

    year = d.signed_on.year if d.signed_on else d.year
    dialog = NumberDateDialog(widget.db, "Thông báo kết quả khen thưởng",
                              notices.input_key(decision_id=d.id),
                              notices.suggest_number(widget.db, year),
                              "Số và ngày của thông báo do văn thư cấp; danh sách niêm yết 15 "
                              "ngày kể từ ngày thông báo.", day=date.today(), parent=widget)
    if dialog.exec():
        preview(widget, "decision_notice", d.id, suffix=d.full_number or "")


def decision_button(widget, current: Callable):
    """"In văn bản ▾" for a decision list; ``current()`` gives the chosen decision (or None,
    after telling the user to choose one)."""
    def payment() -> None:
        d = current()
        if d is not None:
            preview(widget, "payment_list", d.id, suffix=d.full_number or "")

    def thong_bao() -> None:
        d = current()
        if d is not None:
            notice(widget, d)

    return menu_button(widget, [("Danh sách chi tiền thưởng (ký nhận)", payment),
                                ("Thông báo kết quả, kèm danh sách công khai…", thong_bao)],
                       name="decision_documents")
