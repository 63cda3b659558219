"""A khu dân cư's part of a round under Nghị định 86/2023: the households it proposes for
"Gia đình văn hóa" (and its own title when proposed), with what the officer enters from the
area's papers — the bình xét meeting and votes, the public comments, the proposal's number —
kept per batch and area. Three documents come of it: biên bản bình xét, bảng tổng hợp ý kiến,
văn bản đề nghị."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select

from app import text
from app.documents import Document
from app.errors import DomainError, ValidationError
from app.services.common import get_or_raise
from app.services.system import document_inputs as inputs
from db.engine import Database
from db.models import (
    AreaYear,
    AwardKind,
    Batch,
    Candidate,
    Household,
    ResidentialArea,
    Subject,
)

MINUTES, COMMENTS, PROPOSAL = "binh_xet_kdc", "y_kien_kdc", "de_nghi_kdc"
LEFT_OUT = ("withdrawn",)


@dataclass(frozen=True)
class AreaChoice:
    area_id: int
    label: str  # "Khu dân cư số 1 (35 hộ; Khu dân cư văn hóa)"


def input_key(kind: str, batch_id: int, area_id: int) -> inputs.InputKey:
    return inputs.InputKey(kind, batch_id=batch_id, area_id=area_id)


def _rows(s, batch_id: int, area_id: int | None = None):
    """(candidate, subject id, subject type, area id, award name, name, household address) of
    the batch's households and areas (of one area when given), households by head's name."""
    home = Household.__table__  # the table alone: the mapped class would join subject again
    stmt = (select(Candidate.id, Subject.id, Subject.type, Subject.area_id, AwardKind.name,
                   Subject.name, home.c.address)
            .join(Subject, Subject.id == Candidate.subject_id)
            .join(AwardKind, AwardKind.id == Candidate.award_kind_id)
            .outerjoin(home, home.c.id == Subject.id)
            .where(Candidate.batch_id == batch_id, Candidate.status.not_in(LEFT_OUT),
                   Subject.type.in_(("household", "area"))))
    if area_id is not None:
        stmt = stmt.where(or_(Subject.area_id == area_id, Subject.id == area_id))
    return s.execute(stmt.order_by(AwardKind.sort_order, Subject.sort_key)).all()


def area_choices(db: Database, batch_id: int) -> list[AreaChoice]:
    """Areas with households proposed in the batch, or proposed themselves, in area order."""
    with db.read() as s:
        homes: dict[int, int] = {}
        own: dict[int, list[str]] = {}
        for _cid, sid, typ, area_id, award, _name, _address in _rows(s, batch_id):
            if typ == "household" and area_id:
                homes[area_id] = homes.get(area_id, 0) + 1
            elif typ == "area":
                own.setdefault(sid, []).append(award)
        ids = set(homes) | set(own)
        areas = s.execute(select(Subject.id, Subject.name).where(Subject.id.in_(ids))
                          .order_by(Subject.sort_key)).all()
    out = []
    for aid, name in areas:
        parts = [f"{homes[aid]} hộ"] if aid in homes else []
        parts += own.get(aid, [])
        out.append(AreaChoice(aid, f"{name} ({'; '.join(parts)})"))
    return out


def _date(value) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _datetime(value) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _count(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def review_data(db: Database, batch_id: int, area_id: int):
    """The area, its proposals and everything entered for its three documents."""
    from app.documents.culture_common import AreaReview, Home
    from app.services.rounds.paperwork import org_data

    minutes = inputs.load(db, input_key(MINUTES, batch_id, area_id))
    comments = inputs.load(db, input_key(COMMENTS, batch_id, area_id))
    proposal = inputs.load(db, input_key(PROPOSAL, batch_id, area_id))
    votes = {str(k): v for k, v in minutes.get("votes", {}).items()}
    with db.read() as s:
        b = get_or_raise(s, Batch, batch_id, "đợt xét")
        area = s.get(ResidentialArea, area_id)
        if area is None:
            raise DomainError("Không tìm thấy khu dân cư đã chọn.")
        homes, own = [], []
        for cid, sid, typ, a_id, award, name, address in _rows(s, batch_id, area_id):
            if typ == "household" and a_id == area_id:
                homes.append(Home(cid, name, address or "", award, _count(votes.get(str(cid)))))
            elif typ == "area" and sid == area_id:
                own.append(award)
        if not homes and not own:
            raise DomainError(f"{area.name} không có đề nghị nào trong đợt xét này.")
        org = org_data(s)
        that_year = s.scalar(select(AreaYear.households).where(AreaYear.area_id == area_id,
                                                               AreaYear.year == b.year))
    rows = [tuple(str(c.get(k, "")) for k in ("who", "about", "content", "outcome"))
            for c in comments.get("comments", [])]
    return AreaReview(
        org, b.year, area.name, area.kind or "khu dân cư", area.leader_name or "",
        # Households living there: the officer's figure, the area's figures of that year or
        # its official count — never the number of household records it happens to have.
        _count(minutes.get("households_total")) or that_year or area.households_total,
        tuple(homes), tuple(own),
        _datetime(minutes.get("held_at")), minutes.get("place"),
        minutes.get("chair") or area.leader_name or "", minutes.get("secretary"),
        minutes.get("participants"), _count(minutes.get("present")),
        _date(comments.get("posted_from")), _date(comments.get("posted_to")),
        comments.get("posted_at"), comments.get("front_head"),
        bool(comments.get("no_comments", False)), tuple(r for r in rows if any(r)),
        proposal.number, proposal.signed_on)


def save_minutes(db: Database, batch_id: int, area_id: int, held_at: datetime | None,
                 place: str, chair: str, secretary: str, participants: str,
                 present: int | None, households_total: int | None,
                 votes: dict[int, int | None]) -> int:
    """Keep what the area's biên bản bình xét says (votes per proposed household)."""
    if present is not None and present < 0:
        raise ValidationError("Số đại biểu dự họp không được âm.", "present")
    for agree in votes.values():
        if agree is None:
            continue
        if agree < 0 or (present is not None and agree > present):
            raise ValidationError(f"Số đồng ý ({agree}) phải từ 0 đến số đại biểu dự họp "
                                  f"({present}).", "votes")
    data = {"held_at": held_at.isoformat(timespec="minutes") if held_at else None,
            "place": place, "chair": chair, "secretary": secretary,
            "participants": participants, "present": present,
            "households_total": households_total,
            "votes": {str(k): v for k, v in votes.items() if v is not None}}
    return inputs.save(db, input_key(MINUTES, batch_id, area_id), data=data)


def save_comments(db: Database, batch_id: int, area_id: int, posted_from: date | None,
                  posted_to: date | None, posted_at: str, front_head: str, no_comments: bool,
                  comments: list[tuple[str, str, str, str]]) -> int:
    """Keep the area's public-comment results (each comment: who, about, content, outcome)."""
    if posted_from and posted_to and posted_to < posted_from:
        raise ValidationError("Ngày kết thúc niêm yết phải sau ngày bắt đầu.", "posted_to")
    rows = [dict(zip(("who", "about", "content", "outcome"), (text.nfc(x) for x in c)))
            for c in comments if any(text.nfc(x) for x in c)]
    if no_comments and rows:
        raise ValidationError("Đã ghi ý kiến nhận được: bỏ chọn “Không có ý kiến” hoặc xóa "
                              "các dòng ý kiến.", "no_comments")
    data = {"posted_from": posted_from.isoformat() if posted_from else None,
            "posted_to": posted_to.isoformat() if posted_to else None,
            "posted_at": posted_at, "front_head": front_head, "no_comments": no_comments,
            "comments": rows}
    return inputs.save(db, input_key(COMMENTS, batch_id, area_id), data=data)


def save_proposal(db: Database, batch_id: int, area_id: int, number: str | None,
                  signed_on: date | None) -> int:
    """Keep the number and date of the area's văn bản đề nghị (both optional)."""
    return inputs.save(db, input_key(PROPOSAL, batch_id, area_id), number, signed_on)


def culture_minutes_document(db: Database, batch_id: int, area_id: int) -> Document:
    """Biên bản họp bình xét of the area."""
    from app.documents.culture_minutes import build_culture_minutes

    r = review_data(db, batch_id, area_id)
    if not r.homes:
        raise DomainError(f"{r.area} không có hộ gia đình nào được đề nghị: không có biên bản "
                          "bình xét.")
    return build_culture_minutes(r)


def culture_comments_document(db: Database, batch_id: int, area_id: int) -> Document:
    """Bảng tổng hợp kết quả lấy ý kiến Nhân dân of the area."""
    from app.documents.culture_comments import build_culture_comments

    r = review_data(db, batch_id, area_id)
    if not r.homes:
        raise DomainError(f"{r.area} không có hộ gia đình nào được đề nghị: không có bảng tổng "
                          "hợp ý kiến.")
    return build_culture_comments(r)


def culture_proposal_document(db: Database, batch_id: int, area_id: int) -> Document:
    """Văn bản đề nghị of the area to the ward."""
    from app.documents.culture_proposal import build_culture_proposal

    return build_culture_proposal(review_data(db, batch_id, area_id))
