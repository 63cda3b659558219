"""The money payment list of an issued decision (danh sách chi tiền thưởng), for the
accountant: gathered from the decision's lines as issued."""

from __future__ import annotations

from app.documents import Document
from app.errors import DomainError
from app.services.common import get_or_raise
from db.engine import Database
from db.models import Decision


def payment_list_document(db: Database, decision_id: int) -> Document:
    """Danh sách chi tiền thưởng of an issued decision with money."""
    from app.documents.payment_list import PaymentList, build_payment_list
    from app.services.rounds.paperwork import decision_data
    from app.services.system.heads import chair_name, staff

    with db.read() as s:
        d = get_or_raise(s, Decision, decision_id, "quyết định")
        if d.status != "issued" or d.external:
            raise DomainError("Chỉ lập danh sách chi tiền thưởng cho quyết định của phường đã ban "
                              "hành (dự thảo có thể còn thay đổi).")
        if d.kind != "khen_thuong" or not d.total_money:
            raise DomainError(f"Quyết định số {d.full_number} không có tiền thưởng để chi.")
        data, head, names = decision_data(s, decision_id), chair_name(s), staff(s)
    who = "Ủy ban nhân dân" if data.decider == "ubnd" else "Chủ tịch Ủy ban nhân dân"
    return build_payment_list(PaymentList(data, f"{who} {data.org.short_name}", head,
                                          names.preparer, names.accountant))
