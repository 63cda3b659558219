"""Organisation settings (issuing body, place name, symbol) and signers."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from app import text
from app.errors import ValidationError
from app.services.common import store_setting
from app.services.system import audit
from app.services.system.heads import STAFF_KEY, Staff, staff
from db.engine import Database
from db.models import Organization, Signer

__all__ = ["Staff"]  # re-exported: the settings screen reads and saves it here
STAFF_NAME_MAX = 200

SIGN_MODES = {"": "Ký trực tiếp", "TM.": "TM. (thay mặt tập thể)", "KT.": "KT. (ký thay)"}


@dataclass(frozen=True)
class OrgData:
    parent_body: str
    body_name: str
    short_name: str
    place_name: str
    doc_symbol: str = "UBND"
    address: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class SignerData:
    full_name: str
    title: str
    sign_mode: str = ""
    active: bool = True
    id: int | None = None


def get_org(db: Database) -> OrgData | None:
    with db.read() as s:
        org = s.get(Organization, 1)
        if org is None:
            return None
        return OrgData(org.parent_body, org.body_name, org.short_name, org.place_name,
                       org.doc_symbol, org.address, org.phone)


def is_set_up(db: Database) -> bool:
    return get_org(db) is not None


def _validate_org(d: OrgData) -> OrgData:
    d = OrgData(**{k: text.nfc(v) if isinstance(v, str) else v for k, v in d.__dict__.items()})
    required = [("parent_body", "cơ quan cấp trên"), ("body_name", "tên cơ quan ban hành"),
                ("short_name", "tên gọi ngắn (ví dụ: phường Thành Đông)"),
                ("place_name", "địa danh ghi ngày tháng")]
    for field_name, label in required:
        if not getattr(d, field_name):
            raise ValidationError(f"Chưa nhập {label}.", field_name)
    if not d.doc_symbol:
        d = replace(d, doc_symbol="UBND")
    return replace(d, parent_body=d.parent_body.upper(), body_name=d.body_name.upper())


def save_org(db: Database, data: OrgData) -> None:
    data = _validate_org(data)
    with db.session() as s:
        org = s.get(Organization, 1)
        before = audit.snapshot(org) if org else None
        if org is None:
            org = Organization(id=1)
            s.add(org)
        for k, v in data.__dict__.items():
            setattr(org, k, v)
        s.flush()
        audit.log(s, "update" if before else "create", "organization", 1, before,
                  audit.snapshot(org))


def list_signers(db: Database, active_only: bool = False) -> list[SignerData]:
    with db.read() as s:
        stmt = select(Signer).order_by(Signer.sort_order, Signer.id)
        if active_only:
            stmt = stmt.where(Signer.active.is_(True))
        return [SignerData(x.full_name, x.title, x.sign_mode, x.active, x.id) for x in s.scalars(stmt)]


def save_signers(db: Database, signers: list[SignerData]) -> None:
    """Replace the signer list (kept in the given order) in one transaction."""
    cleaned = []
    for i, d in enumerate(signers, start=1):
        name, title = text.nfc(d.full_name), text.nfc(d.title)
        if not name or not title:
            raise ValidationError(f"Người ký dòng {i}: cần nhập đủ họ tên và chức vụ.", "signers")
        if d.sign_mode not in SIGN_MODES:
            raise ValidationError(f"Người ký dòng {i}: cách ký không hợp lệ.", "signers")
        cleaned.append(replace(d, full_name=text.title_case_name(name) if name.isupper() else name,
                               title=title))
    with db.session() as s:
        existing = {x.id: x for x in s.scalars(select(Signer))}
        keep = set()
        for order, d in enumerate(cleaned):
            obj = existing.get(d.id) if d.id else None
            if obj is None:
                obj = Signer()
                s.add(obj)
            obj.full_name, obj.title, obj.sign_mode = d.full_name, d.title, d.sign_mode
            obj.active, obj.sort_order = d.active, order
            s.flush()
            keep.add(obj.id)
        for sid, obj in existing.items():
            if sid not in keep:
                s.delete(obj)
        audit.log(s, "update", "signer", None, None,
                  {"signers": [f"{d.title}: {d.full_name}" for d in cleaned]})


def get_staff(db: Database) -> Staff:
    with db.read() as s:
        return staff(s)


def save_staff(db: Database, names: Staff) -> None:
    """Người lập biểu and Kế toán, printed on the lists they sign (empty: written by hand)."""
    clean = Staff(text.nfc(names.preparer or "").strip(),
                  text.nfc(names.accountant or "").strip())
    for field_name, label in (("preparer", "Người lập biểu"), ("accountant", "Kế toán")):
        if len(getattr(clean, field_name)) > STAFF_NAME_MAX:
            raise ValidationError(f"Họ tên {label} dài quá {STAFF_NAME_MAX} ký tự.", field_name)
    after = {"preparer": clean.preparer, "accountant": clean.accountant}
    with db.session() as s:
        before = store_setting(s, STAFF_KEY, after)
        audit.log(s, "update" if before else "create", "staff", None, before, after)
