"""Thông báo kết quả / công khai danh sách: a decision's results (or a batch's proposals put to
comments) as a numbered notice with its own date, the list itself from
app.reports.public_list. The number and date the officer gives are kept per notice."""

from __future__ import annotations

from datetime import date

from app import text
from app.documents import Document
from app.errors import DomainError
from app.services.common import get_or_raise
from app.services.rounds import decision_texts
from app.services.system import document_inputs as inputs
from db.engine import Database
from db.models import Batch, Decision

KIND = "thong_bao"


def input_key(decision_id: int | None = None, batch_id: int | None = None) -> inputs.InputKey:
    """Where a notice's number and date are kept (one per decision, one per batch)."""
    return inputs.InputKey(KIND, decision_id=decision_id, batch_id=batch_id)


def suggest_number(db: Database, year: int) -> str:
    """Next "N/TB-UBND" among the notices of ``year`` the app made."""
    from app.services.rounds.paperwork import org_data

    with db.read() as s:
        symbol = f"TB-{org_data(s).doc_symbol}"
    return inputs.suggest_number(db, KIND, year, symbol)


def notice_document(db: Database, decision_id: int | None = None,
                    batch_id: int | None = None) -> Document:
    """The numbered notice of an issued decision's results, or of a batch's proposals."""
    from app.documents.common import occasion
    from app.documents.notice import Notice, build_notice
    from app.reports import public_list
    from app.reports.summary import issuer
    from app.services.rounds.paperwork import org_data

    filled = inputs.load(db, input_key(decision_id, batch_id))
    posted = filled.signed_on or date.today()
    with db.read() as s:
        org = org_data(s)
        if decision_id is not None:
            d = get_or_raise(s, Decision, decision_id, "quyết định")
            if d.status != "issued" or d.kind != "khen_thuong":
                raise DomainError("Chỉ thông báo kết quả của quyết định khen thưởng đã ban hành.")
            ours = ("Ủy ban nhân dân" if decision_texts.decider_of(s, d) == "ubnd"
                    else "Chủ tịch Ủy ban nhân dân")
            by = d.issuer if d.external else f"{ours} {org.short_name}"
            title = text.nfc(d.title)
            grounds = (f"Quyết định số {d.full_number} ngày {text.format_date_vn(d.signed_on)} "
                       f"của {by}" + (f" {title[0].lower()}{title[1:]}" if title else ""))
            b = s.get(Batch, d.batch_id) if d.batch_id else None
            what = occasion(b.name, b.year) if b else f"năm {d.year}"
        else:
            b = get_or_raise(s, Batch, batch_id, "đợt xét")
            grounds, what = "", occasion(b.name, b.year)
    listing = (public_list.decision_list(db, decision_id, posted) if decision_id is not None
               else public_list.batch_list(db, batch_id, posted))
    if not listing.lines:
        raise DomainError("Danh sách trống: không có trường hợp nào để thông báo.")
    who = issuer(db)
    # Undated, the notice is dated the day it is printed, like the list it posts.
    return build_notice(Notice(org, filled.number, posted, decision_id is not None,
                               grounds, what, listing, who.signer_lines, who.signer_name))


def decision_notice_document(db: Database, decision_id: int) -> Document:
    """Thông báo kết quả of an issued decision, with its danh sách công khai."""
    return notice_document(db, decision_id=decision_id)


def batch_notice_document(db: Database, batch_id: int) -> Document:
    """Thông báo công khai of a batch's proposals, put to comments before the council."""
    return notice_document(db, batch_id=batch_id)
