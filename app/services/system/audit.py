"""Audit trail: every create / update / delete of records, decisions and register entries."""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import String, func, insert, or_, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from app.services.records.listing import Column, FilterSpec, ListSource, reorder
from app.text import local_time, nfc, text_sort_key, to_utc
from db.models import AuditLog


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return f"<{len(value)} byte>"
    return value


def snapshot(obj) -> dict:
    """Column values of an ORM object as JSON-safe data (for before/after)."""
    mapper = sa_inspect(obj).mapper
    return {attr.key: _plain(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some Windows set-ups
        return ""


def log(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict | None = None,
    after: dict | None = None,
    note: str | None = None,
) -> None:
    """Add an audit row inside the caller's transaction (so it commits or rolls back with it)."""
    if before is not None and after is not None:
        changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
        changed.discard("updated_at")
        if not changed:
            return
        before = {k: before.get(k) for k in changed}
        after = {k: after.get(k) for k in changed}
    session.add(
        AuditLog(
            actor=_actor(), action=action, entity=entity, entity_id=entity_id,
            before=before, after=after, note=note,
        )
    )


def log_created(session: Session, entity: str, rows: list[tuple[int, dict]],
                note: str | None = None) -> None:
    """One "create" audit row per (id, after) in a single executemany INSERT: a bulk change
    (a ward's 14,000 candidates) logs without 14,000 ORM objects and flushes."""
    if not rows:
        return
    actor = _actor()
    session.execute(insert(AuditLog), [
        {"actor": actor, "action": "create", "entity": entity, "entity_id": entity_id,
         "before": None, "after": after, "note": note} for entity_id, after in rows])


# --------------------------------------------------------------------------- listing
# The audit screen ("Nhật ký thay đổi"): filters in SQL, rows fetched for the visible window.

ENTITY_LABELS = {
    "staff": "Người lập biểu, kế toán",
    "person": "Cá nhân", "collective": "Tập thể", "household": "Hộ gia đình",
    "area": "Khu dân cư", "former_unit": "Địa bàn cũ", "decision": "Quyết định",
    "decision_line": "Dòng danh sách quyết định", "award_record": "Sổ khen thưởng",
    "batch": "Đợt xét khen thưởng", "candidate": "Ứng viên", "meeting": "Cuộc họp Hội đồng",
    "ballot": "Kết quả bỏ phiếu", "council_member": "Thành viên Hội đồng",
    "award_kind": "Danh hiệu, hình thức", "base_salary": "Lương cơ sở", "fund_line": "Quỹ TĐKT",
    "rule_item": "Quy định (hệ số, căn cứ…)", "rule_pack": "Gói quy định",
    "organization": "Thông tin đơn vị", "signer": "Người ký", "setting": "Cài đặt",
    "report_narrative": "Nội dung báo cáo", "movement": "Phong trào",
    "registration": "Đăng ký thi đua", "initiative": "Sáng kiến",
    "area_year": "Số liệu khu dân cư theo năm", "culture_indicator": "Tiêu chí văn hóa",
    "target": "Chỉ tiêu thi đua", "award_spelling": "Cách viết danh hiệu (sổ cũ)",
}
ACTION_LABELS = {
    "create": "Thêm", "update": "Sửa", "delete": "Xóa", "issue": "Ban hành",
    "revoke": "Thu hồi", "check": "Kiểm tra", "import": "Nhập",
}
FIELD_LABELS = {
    "preparer": "người lập biểu", "accountant": "kế toán",
    "name": "tên", "full_name": "họ tên", "gender": "giới tính", "birth_date": "ngày sinh",
    "birth_year": "năm sinh", "cccd": "CCCD", "position": "chức vụ", "phone": "điện thoại",
    "address": "địa chỉ", "notes": "ghi chú", "area_id": "khu dân cư",
    "former_unit_id": "địa bàn cũ", "status": "trạng thái", "title": "trích yếu",
    "number": "số", "signed_on": "ngày ký", "money": "tiền thưởng", "citation": "nội dung",
    "printed_name": "tên in", "revoked": "thu hồi", "amount": "số tiền", "year": "năm",
    "signers": "người ký", "body_name": "tên cơ quan", "parent_body": "cơ quan cấp trên",
    "short_name": "tên gọi ngắn", "place_name": "địa danh", "doc_symbol": "ký hiệu văn bản",
    "kind": "loại", "code": "mã", "full_number": "số quyết định", "reason": "lý do",
    "achievement": "thành tích", "outcome_reason": "lý do kết quả", "description": "mô tả",
    "workplace_text": "nơi công tác", "workplace_id": "đơn vị công tác", "staff_class":
    "lớp cán bộ", "members": "số nhân khẩu", "leader_name": "trưởng khu", "title_line":
    "chức danh", "bases": "căn cứ", "recipients": "nơi nhận", "signer_name": "người ký",
    "signer_title": "chức vụ người ký", "total_money": "tổng tiền", "base_salary":
    "lương cơ sở", "effective_from": "áp dụng từ", "legal_basis": "căn cứ pháp lý",
    "register_no": "số vào sổ", "certificate_no": "số bằng", "revoked_by_decision_id":
    "quyết định thu hồi", "decision_id": "quyết định", "subject_id": "đối tượng",
    "award_kind_id": "danh hiệu", "batch_id": "đợt xét", "on_date": "ngày",
    "direction": "thu/chi", "group": "nhóm", "value": "giá trị", "text": "nội dung",
    "households": "tổng số hộ", "registered": "số hộ đăng ký", "achieved": "số hộ đạt",
    "kdcvh": "khu dân cư văn hóa", "indicators": "tiêu chí văn hóa", "year_from": "từ năm",
    "year_to": "đến năm", "metric": "chỉ tiêu", "label": "nội dung chỉ tiêu", "unit": "đơn vị",
    "how": "cách tính", "spelling": "cách viết", "active": "đang dùng",
}
_HIDDEN = {"name_folded", "sort_key", "created_at", "updated_at"}


def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def field_label(key: str) -> str:
    return FIELD_LABELS.get(key, key)


def _show(value) -> str:
    if value is None or value == "":
        return "(trống)"
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, list):
        return "\n".join(_show(v) for v in value) or "(trống)"
    if isinstance(value, dict):
        return "\n".join(f"{field_label(k)}: {_show(v)}" for k, v in value.items())
    return str(value)


@dataclass(frozen=True)
class AuditChange:
    field: str  # Vietnamese label
    before: str
    after: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime | None  # local time
    actor: str
    action: str  # Vietnamese label
    entity: str  # Vietnamese label
    entity_id: int | None
    note: str
    changes: tuple[AuditChange, ...]


def changes_of(before: dict | None, after: dict | None) -> tuple[AuditChange, ...]:
    before, after = before or {}, after or {}
    keys = sorted((k for k in {*before, *after} if k not in _HIDDEN),
                  key=lambda k: text_sort_key(field_label(k)))
    return tuple(
        AuditChange(field_label(k), _show(before.get(k)) if k in before else "",
                    _show(after.get(k)) if k in after else "")
        for k in keys
        if before.get(k) != after.get(k) or not (before and after)
    )


def _summary(changes: tuple[AuditChange, ...], limit: int = 4) -> str:
    parts = []
    for c in changes[:limit]:
        if c.before and c.after:
            parts.append(f"{c.field}: {c.before} → {c.after}")
        else:
            parts.append(f"{c.field}: {c.after or c.before}")
    more = len(changes) - limit
    return "; ".join(parts) + (f"; … (+{more})" if more > 0 else "")


def entry(db, audit_id: int) -> AuditEntry | None:
    """One row with its before/after values, for the detail view."""
    with db.read() as s:
        row = s.get(AuditLog, audit_id)
        if row is None:
            return None
        return AuditEntry(
            id=row.id, at=local_time(row.at), actor=row.actor or "", action=action_label(row.action),
            entity=entity_label(row.entity), entity_id=row.entity_id, note=row.note or "",
            changes=changes_of(row.before, row.after),
        )


class AuditSource(ListSource):
    """The audit trail as a list: newest first by default; filters by entity, action, dates."""

    title = "Nhật ký thay đổi"
    columns = (
        Column("Thời gian", 18), Column("Thao tác", 10), Column("Đối tượng", 20),
        Column("Mã", 7, align="right"), Column("Người thực hiện", 14),
        Column("Nội dung thay đổi", 60, sortable=False),
    )
    _ORDER = (AuditLog.at, AuditLog.action, AuditLog.entity, AuditLog.entity_id, AuditLog.actor)

    def __init__(self, db):
        self.db = db
        self.filters = (
            FilterSpec("entity", "Đối tượng", self._entities),
            FilterSpec("action", "Thao tác", self._actions),
        )

    def _distinct(self, column, label) -> list[tuple[object, str]]:
        with self.db.read() as s:
            values = s.scalars(select(column).distinct()).all()
        return sorted(((v, label(v)) for v in values), key=lambda p: text_sort_key(p[1]))

    def _entities(self):
        return self._distinct(AuditLog.entity, entity_label)

    def _actions(self):
        return self._distinct(AuditLog.action, action_label)

    def ids(self, search: str, filters: dict, order: tuple[int, bool]) -> list[int]:
        col, ascending = order
        key = self._ORDER[col] if col < len(self._ORDER) else AuditLog.at
        q = select(AuditLog.id).where(*self._conditions(search, filters))
        q = q.order_by(key.asc() if ascending else key.desc(),
                       AuditLog.id.asc() if ascending else AuditLog.id.desc())
        with self.db.read() as s:
            return list(s.scalars(q))

    @staticmethod
    def _conditions(search: str, filters: dict) -> list:
        cond = []
        if filters.get("entity"):
            cond.append(AuditLog.entity == filters["entity"])
        if filters.get("action"):
            cond.append(AuditLog.action == filters["action"])
        if filters.get("date_from"):
            cond.append(AuditLog.at >= to_utc(datetime.combine(filters["date_from"], time.min)))
        if filters.get("date_to"):
            end = datetime.combine(filters["date_to"] + timedelta(days=1), time.min)
            cond.append(AuditLog.at < to_utc(end))
        text = (search or "").strip()
        if text.isdigit():
            cond.append(AuditLog.entity_id == int(text))
        elif text:
            text = nfc(text)
            like = f"%{text}%"
            # before/after are stored as JSON with non-ASCII letters escaped (\u1ea5…).
            escaped = f"%{json.dumps(text)[1:-1]}%"
            cond.append(or_(AuditLog.actor.like(like), AuditLog.note.like(like),
                            func.cast(AuditLog.after, String).like(escaped),
                            func.cast(AuditLog.before, String).like(escaped)))
        return cond

    def rows(self, ids) -> list[tuple]:
        with self.db.read() as s:
            found = s.scalars(select(AuditLog).where(AuditLog.id.in_(list(ids)))).all()
            by_id = {
                r.id: (
                    f"{local_time(r.at):%d/%m/%Y %H:%M:%S}" if r.at else "", action_label(r.action),
                    entity_label(r.entity), r.entity_id or "", r.actor or "",
                    (r.note + " — " if r.note else "") + _summary(changes_of(r.before, r.after)),
                )
                for r in found
            }
        return reorder(ids, by_id)
