"""The commendation register (sổ khen thưởng): ordered, filtered id lists and display rows.

Filtering, search and ordering happen in SQL; the UI holds only the id list and asks for the
rows of the visible window. Search tokens must already be folded (app.text.fold_tokens)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import AwardKind, AwardRecord, Decision, FormerUnit, ResidentialArea, Subject
from db.queries.search import subject_name_matches

Area = aliased(ResidentialArea, flat=True)
Corrector = aliased(AwardRecord)
Revoker = aliased(Decision)


def in_force():
    """WHERE clause for entries that count today: not revoked and not superseded by a
    correction (đính chính writes a new entry whose corrects_id points at the old one)."""
    return and_(AwardRecord.revoked.is_(False),
                ~exists().where(Corrector.corrects_id == AwardRecord.id))

# Sort keys by column of the register list (see app.services.awards.register.COLUMNS).
_NEWEST = (AwardRecord.register_year.desc(), AwardRecord.register_no.desc())


# Filters on the subject's own data; the rest (years, decision, kind, level) select entries
# that sit together in register order.
_SUBJECT_FILTERS = ("subject_type", "area_id", "former_unit_id")


def _sort_keys():
    return [
        (AwardRecord.register_year, AwardRecord.register_no),  # Số vào sổ
        (AwardRecord.year,),  # Năm
        (Subject.sort_key,),  # Họ và tên / Tên
        (Subject.type,),  # Đối tượng
        (AwardKind.sort_order, AwardRecord.award_name),  # Danh hiệu (as printed)
        (AwardRecord.level,),  # Cấp
        (Decision.signed_on, Decision.number),  # Quyết định
        None,  # Khu dân cư (display only)
        None,  # Địa bàn cũ
        (AwardRecord.money,),  # Số tiền
        (AwardRecord.revoked,),  # Tình trạng
    ]


def _filtered(session: Session, tokens: list[str], filters: dict,
              join_subject: bool = False, walk: str = "") -> Select:
    """``walk`` ("register" or "name"): hide the name match from the planner ("+ 0" makes an
    expression, whose index is not usable) so that SQLite walks the register numbers or the
    subjects' sort keys in display order and tests each entry on the way."""
    stmt = select(AwardRecord.id)
    subject_id = AwardRecord.subject_id + 0 if walk == "register" else AwardRecord.subject_id
    if join_subject or walk == "name" or any(filters.get(k) for k in _SUBJECT_FILTERS):
        stmt = stmt.join(Subject, Subject.id == subject_id)
    if tokens:
        matched = Subject.id + 0 if walk == "name" else subject_id
        stmt = stmt.where(subject_name_matches(session, tokens, matched))
    simple = {"year": AwardRecord.year, "register_year": AwardRecord.register_year,
              "award_kind_id": AwardRecord.award_kind_id, "decision_id": AwardRecord.decision_id,
              "subject_id": AwardRecord.subject_id, "level": AwardRecord.level,
              "subject_type": Subject.type, "former_unit_id": Subject.former_unit_id}
    for key, col in simple.items():
        if filters.get(key) not in (None, ""):
            stmt = stmt.where(col == filters[key])
    if filters.get("area_id"):
        # people and households living in the area, and the area itself (Khu dân cư văn hóa)
        stmt = stmt.where(or_(Subject.area_id == filters["area_id"],
                              Subject.id == filters["area_id"]))
    if filters.get("revoked") == "revoked":
        stmt = stmt.where(AwardRecord.revoked.is_(True))
    elif filters.get("revoked") == "valid":
        stmt = stmt.where(AwardRecord.revoked.is_(False))
    return stmt


def fetch_ids(session: Session, stmt: Select) -> list[int]:
    """Run a one-column id query; on SQLite straight through the driver, since building
    SQLAlchemy rows for 200,000 ids costs more than the query itself."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return list(session.scalars(stmt))
    compiled = stmt.compile(conn)
    params = [compiled.params[k] for k in (compiled.positiontup or [])]
    cur = conn.connection.dbapi_connection.cursor()
    try:
        cur.execute(str(compiled), params)
        return [row[0] for row in cur.fetchall()]
    finally:
        cur.close()


def _ordered(stmt: Select, key, asc: bool) -> Select:
    """``stmt`` in the order of sort ``key`` (None: newest register number first); ties by
    ascending id whichever the direction."""
    if key is None:
        return stmt.order_by(*_NEWEST)
    if key[0].table is AwardKind.__table__:
        stmt = stmt.join(AwardKind, AwardKind.id == AwardRecord.award_kind_id)
    if key[0].table is Decision.__table__:
        stmt = stmt.outerjoin(Decision, Decision.id == AwardRecord.decision_id)
    ordered = [k if asc else k.desc() for k in key]
    return stmt.order_by(*ordered, AwardRecord.id)


def _key(order: tuple[int, bool] | None):
    col, asc = order if order else (0, False)
    keys = _sort_keys()
    return col, (keys[col] if 0 <= col < len(keys) else None), asc


def register_ids(session: Session, tokens: list[str], filters: dict,
                 order: tuple[int, bool] | None = None) -> list[int]:
    """Ids of the register entries matching search and filters, in the asked order
    (default: newest register number first)."""
    _, key, asc = _key(order)
    by_subject = key is not None and key[0].table is Subject.__table__
    stmt = _filtered(session, tokens, filters, join_subject=by_subject)
    return fetch_ids(session, _ordered(stmt, key, asc))


# Orders that an index walks (column of the list → what _filtered walks): the register's
# (register_year, register_no) and the subject's sort_key indexes.
_WALKS = {0: "register", 2: "name"}


def register_head(session: Session, tokens: list[str], filters: dict,
                  order: tuple[int, bool] | None, limit: int, min_count: int,
                  min_share: float) -> tuple[int, list[int]] | None:
    """(count, first ``limit`` ids in the asked order) without listing every match, or None
    when that would not pay (the caller then asks register_ids).

    Listing 100,000 matches of a one-letter search costs ~110 ms (subject index, then a sort
    of them all; ~190 ms by name); counting them costs ~15 ms, and walking the index of the
    display order stops after ``limit`` hits (~5 ms). The walk only pays when matches are many
    and spread evenly: at least ``min_count`` of them, ``min_share`` of the register, no filter
    on years, decision, kind or level (those pick entries that sit together, far down the
    walk). Same ids in the same order as register_ids: same ORDER BY, only the plan differs."""
    col, key, asc = _key(order)
    spread = (*_SUBJECT_FILTERS, "revoked")
    if col not in _WALKS or any(filters.get(k) not in (None, "")
                                for k in filters if k not in spread):
        return None
    count = fetch_ids(session, select(func.count()).select_from(
        _filtered(session, tokens, filters).subquery()))[0]
    if count < min_count:
        return None
    total = fetch_ids(session, select(func.count()).select_from(AwardRecord))[0]  # b-tree count
    if count < min_share * total:
        return None
    stmt = _filtered(session, tokens, filters, walk=_WALKS[col])
    return count, fetch_ids(session, _ordered(stmt, key, asc).limit(limit))


def register_rows(session: Session, ids: Sequence[int]) -> dict[int, tuple]:
    """Raw display values by id: (certificate_no, year, name, subject type, award name, level,
    decision number, decision date, external issuer, area, former unit, money, revoked (False,
    or the revoking decision's number, or True), corrected_by certificate_no or None,
    subject_id)."""
    ids = list(ids)
    if not ids:
        return {}
    stmt = (
        select(AwardRecord.id, AwardRecord.certificate_no, AwardRecord.year,
               AwardRecord.printed_name, Subject.type, printed_award_name(), AwardRecord.level,
               Decision.full_number, Decision.signed_on, AwardRecord.external_issuer,
               Area.name, FormerUnit.name, AwardRecord.money, AwardRecord.revoked,
               AwardRecord.subject_id, Subject.name, Revoker.full_number)
        .join(Subject, Subject.id == AwardRecord.subject_id)
        .join(AwardKind, AwardKind.id == AwardRecord.award_kind_id)
        .outerjoin(Decision, Decision.id == AwardRecord.decision_id)
        .outerjoin(Revoker, Revoker.id == AwardRecord.revoked_by_decision_id)
        .outerjoin(Area, Area.id == Subject.area_id)
        .outerjoin(FormerUnit, FormerUnit.id == Subject.former_unit_id)
        .where(AwardRecord.id.in_(ids))
    )
    corrected = dict(session.execute(
        select(Corrector.corrects_id, Corrector.certificate_no)
        .where(Corrector.corrects_id.in_(ids))).all())
    out = {}
    for row in session.execute(stmt):
        rid, cert, year, printed, stype, kind, level, num, day, issuer, area, fu, money, \
            revoked, sid, name, revoked_by = row
        area = area or (name if stype == "area" else None)
        out[rid] = (cert, year, printed or name, stype, kind, level, num, day, issuer, area, fu,
                    money, (revoked_by or True) if revoked else False, corrected.get(rid), sid)
    return out


def printed_award_name():
    """The award's name as printed on the day of issue (an entry written before names were
    kept, by a tool that left it empty, falls back to the award kind's name)."""
    return func.coalesce(AwardRecord.award_name, AwardKind.name)


def years(session: Session) -> list[int]:
    """Achievement years present in the register, newest first."""
    return list(session.scalars(select(AwardRecord.year).distinct()
                                .order_by(AwardRecord.year.desc())))
