"""Certificates from the register: gather printed text, log prints, keep printer calibration.

Register entries (AwardRecord) are read only here; every print adds a CertificatePrint row.
Settings rows (db.models.Setting) hold, under keys of their own:
  certificates.offsets         {printer: {blank layout: {"x": mm, "y": mm}}}
  certificates.field_overrides {blank layout: {subject type or "*": {field: {attr: value}}}}
  certificates.underlays       {blank layout: path of a scanned blank image}
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, with_polymorphic

from app import text
from app.certificates.model import CertificateData
from app.certificates.render import Offsets
from app.errors import NotFoundError, ValidationError
from app.services.common import setting_dict, store_setting
from app.services.system import audit
from app.text import local_time
from db.engine import Database
from db.models import (
    AwardKind,
    AwardRecord,
    CertificatePrint,
    Collective,
    Decision,
    Household,
    Organization,
    Person,
    Signer,
    Subject,
)

OFFSETS_KEY = "certificates.offsets"
OVERRIDES_KEY = "certificates.field_overrides"
UNDERLAYS_KEY = "certificates.underlays"
MAX_OFFSET_MM = 30.0


@dataclass(frozen=True)
class DecisionChoice:
    id: int
    full_number: str
    signed_on: date | None
    title: str
    count: int  # printable register entries

    @property
    def label(self) -> str:
        when = text.format_date_vn(self.signed_on)
        return f"{self.full_number} ngày {when} – {self.title} ({self.count} giấy)"


@dataclass(frozen=True)
class CertificateLine:
    """One printable register entry of a decision, with its print history."""

    record_id: int
    certificate_no: str
    subject_type: str
    name: str
    award_name: str
    template: str
    prints: int
    last_printed: datetime | None


def _full_number(d: Decision) -> str:
    return d.full_number or (f"{d.number}/{d.symbol}" if d.number else d.symbol)


def list_decisions(db: Database) -> list[DecisionChoice]:
    """Decisions with register entries that have a certificate template, newest first."""
    counts = (select(AwardRecord.decision_id, func.count().label("n"))
              .join(AwardKind, AwardKind.id == AwardRecord.award_kind_id)
              .where(AwardRecord.revoked.is_(False), AwardKind.certificate_template.is_not(None))
              .group_by(AwardRecord.decision_id).subquery())
    with db.read() as s:
        rows = s.execute(
            select(Decision.id, Decision.full_number, Decision.number, Decision.symbol,
                   Decision.signed_on, Decision.title, counts.c.n)
            .join(counts, counts.c.decision_id == Decision.id)
            .order_by(Decision.signed_on.desc(), Decision.id.desc())).all()
        return [DecisionChoice(i, full or (f"{number}/{symbol}" if number else symbol), signed,
                               text.nfc(title), n)
                for i, full, number, symbol, signed, title, n in rows]


def find_decision(db: Database, number: str, year: int | None = None) -> int:
    """The id of decision "15/QĐ-UBND" (``year`` tells apart the same number in two years)."""
    wanted = text.fold(number).replace(" ", "")
    matches = [c for c in list_decisions(db)
               if text.fold(c.full_number).replace(" ", "") == wanted
               and (year is None or (c.signed_on and c.signed_on.year == year))]
    if not matches:
        raise NotFoundError(f"Không tìm thấy quyết định số “{text.nfc(number)}” có giấy khen để in.")
    if len(matches) > 1:
        years = ", ".join(str(c.signed_on.year) for c in matches if c.signed_on)
        raise ValidationError(f"Có nhiều quyết định số “{text.nfc(number)}” (năm {years}): "
                              "hãy ghi thêm năm (--year).", field="decision")
    return matches[0].id


def _records(s: Session, decision_id: int, record_ids=None):
    """Printable entries of a decision: not revoked, not replaced by a correction."""
    newer = aliased(AwardRecord)
    replaced = select(newer.id).where(newer.corrects_id == AwardRecord.id).exists()
    q = (select(AwardRecord, AwardKind)
         .join(AwardKind, AwardKind.id == AwardRecord.award_kind_id)
         .where(AwardRecord.decision_id == decision_id, AwardRecord.revoked.is_(False),
                AwardKind.certificate_template.is_not(None), ~replaced)
         .order_by(AwardRecord.register_year, AwardRecord.register_no))
    if record_ids is not None:
        q = q.where(AwardRecord.id.in_(list(record_ids)))
    return s.execute(q).all()


def decision_lines(db: Database, decision_id: int) -> list[CertificateLine]:
    """The decision's printable entries with their print history, in register order.

    Plain columns, not ORM objects: a Gia đình văn hóa decision holds 14,000 entries."""
    with db.read() as s:
        newer = aliased(AwardRecord)
        replaced = select(newer.id).where(newer.corrects_id == AwardRecord.id).exists()
        rows = s.execute(
            select(AwardRecord.id, AwardRecord.certificate_no, Subject.type,
                   AwardRecord.printed_name, AwardRecord.award_name, AwardKind.name,
                   AwardKind.certificate_template)
            .join(AwardKind, AwardKind.id == AwardRecord.award_kind_id)
            .join(Subject, Subject.id == AwardRecord.subject_id)
            .where(AwardRecord.decision_id == decision_id, AwardRecord.revoked.is_(False),
                   AwardKind.certificate_template.is_not(None), ~replaced)
            .order_by(AwardRecord.register_year, AwardRecord.register_no)).all()
        history = {rid: (int(n or 0), local_time(last)) for rid, n, last in s.execute(
            select(CertificatePrint.award_record_id, func.sum(CertificatePrint.copies),
                   func.max(CertificatePrint.printed_at))
            .join(AwardRecord, AwardRecord.id == CertificatePrint.award_record_id)
            .where(AwardRecord.decision_id == decision_id)
            .group_by(CertificatePrint.award_record_id))}
        # the award's name as issued (kept on the entry), else the kind's current name
        return [CertificateLine(rid, number, kind or "", name, kept or award, template,
                                *history.get(rid, (0, None)))
                for rid, number, kind, name, kept, award, template in rows]


def _signature(decision: Decision, s: Session) -> tuple[str, str, str]:
    """(sign-mode line, signer title, signer name) in the forms printed under the date."""
    name, title, mode = decision.signer_name, decision.signer_title, decision.sign_mode
    if not name:
        signer = s.scalars(select(Signer).where(Signer.active.is_(True))
                           .order_by(Signer.sort_order, Signer.id)).first()
        if signer is not None:
            name, title, mode = signer.full_name, signer.title, signer.sign_mode
    mode = text.nfc(mode).upper()
    line = {"KT.": "KT. CHỦ TỊCH", "TM.": "TM. ỦY BAN NHÂN DÂN"}.get(mode, "")
    return line, text.nfc(title or "Chủ tịch").upper(), text.nfc(name)


def _defaults(subject: Subject) -> tuple[str, str]:
    """Salutation and position line when the register entry leaves them empty."""
    if isinstance(subject, Person):
        work = subject.workplace.name if subject.workplace else subject.workplace_text
        return text.salutation(subject.gender), ", ".join(p for p in (subject.position, work) if p)
    if isinstance(subject, Household):
        return "Gia đình ông (bà)", subject.address or ""
    if isinstance(subject, Collective):
        return "", ""
    return "", ""


def _original_award(s: Session, record: AwardRecord) -> tuple[str, date | None]:
    """(number, date) of the decision that gave the award a corrected entry reprints: the
    first entry of its chain of corrections (ours, or a higher level's by reference)."""
    first, seen = record, {record.id}
    while first.corrects_id is not None and first.corrects_id not in seen:
        seen.add(first.corrects_id)
        first = s.get(AwardRecord, first.corrects_id)
    d = s.get(Decision, first.decision_id) if first.decision_id else None
    if d is not None:
        return _full_number(d), d.signed_on
    return text.nfc(first.external_decision_ref), first.external_decision_date


def gather(db: Database, decision_id: int, record_ids=None) -> list[CertificateData]:
    """The certificates of a decision (or of some of its entries), in register order."""
    with db.read() as s:
        decision = s.get(Decision, decision_id)
        if decision is None:
            raise NotFoundError("Không tìm thấy quyết định đã chọn.")
        org = s.get(Organization, 1)
        if org is None:
            raise ValidationError("Chưa nhập thông tin đơn vị (Cài đặt › Đơn vị): không biết "
                                  "tên cơ quan ghi trên giấy khen.", field="organization")
        rows = _records(s, decision_id, record_ids)
        poly = with_polymorphic(Subject, "*")
        subjects = {sub.id: sub for sub in s.scalars(
            select(poly).where(poly.id.in_([r.subject_id for r, _ in rows])))}
        sign_line, signer_title, signer_name = _signature(decision, s)
        common = {
            "decision_no": _full_number(decision), "decision_date": decision.signed_on,
            "issuer_title": text.nfc(f"CHỦ TỊCH {org.body_name}").upper(),
            "place_date": text.date_line(text.nfc(org.place_name), decision.signed_on),
            "sign_mode": sign_line, "signer_title": signer_title, "signer_name": signer_name,
        }
        out = []
        for record, kind in rows:
            subject = subjects[record.subject_id]
            salutation, position = _defaults(subject)
            cited = dict(common)
            if record.corrects_id is not None:
                cited["decision_no"], cited["decision_date"] = _original_award(s, record)
                cited["reissue_note"] = (f"Cấp lại theo Quyết định số {common['decision_no']} "
                                         f"ngày {text.format_date_vn(decision.signed_on)}")
            out.append(CertificateData(
                template=kind.certificate_template, subject_type=subject.type,
                name=text.nfc(record.printed_name),
                salutation=text.nfc(record.salutation if record.salutation is not None
                                    else salutation),
                position_line=text.nfc(record.position_line or position),
                citation=text.nfc(record.citation), year=record.year,
                # as printed on the day of issue: renaming the kind never changes a reprint
                award_name=text.nfc(record.award_name or kind.name),
                certificate_no=record.certificate_no,
                record_id=record.id, **cited))
        return out


def log_prints(db: Database, record_ids, mode: str, note: str | None = None) -> int:
    """Log one printed copy of each entry; a copy of an entry printed before is a reprint."""
    ids = list(dict.fromkeys(record_ids))
    with db.session() as s:
        printed_before = set(s.scalars(select(CertificatePrint.award_record_id)
                                       .where(CertificatePrint.award_record_id.in_(ids))))
        for rid in ids:
            s.add(CertificatePrint(award_record_id=rid, copies=1, mode=mode,
                                   reprint=rid in printed_before, note=text.nfc_or_none(note)))
    return len(ids)


# ---------------------------------------------------------------- settings: calibration, layout

def _put(s: Session, key: str, value: dict) -> None:
    before = store_setting(s, key, value)
    audit.log(s, "update" if before is not None else "create", "setting", None,
              before={"key": key, "value": before}, after={"key": key, "value": value})


def get_offsets(db: Database, printer: str, blank: str) -> Offsets:
    with db.read() as s:
        entry = setting_dict(s, OFFSETS_KEY).get(printer, {}).get(blank, {})
    return Offsets(float(entry.get("x", 0.0)), float(entry.get("y", 0.0)))


def save_offsets(db: Database, printer: str, blank: str, x: float, y: float) -> Offsets:
    for axis, value in (("X", x), ("Y", y)):
        if abs(value) > MAX_OFFSET_MM:
            raise ValidationError(f"Độ lệch {axis} = {value:g} mm quá lớn (tối đa ±{MAX_OFFSET_MM:g}"
                                  " mm): hãy kiểm tra lại khay giấy và cách đo.", field=axis.lower())
    with db.session() as s:
        data = setting_dict(s, OFFSETS_KEY)
        per_printer = dict(data.get(printer, {}))
        per_printer[blank] = {"x": round(float(x), 2), "y": round(float(y), 2)}
        data[printer] = per_printer
        _put(s, OFFSETS_KEY, data)
    return Offsets(round(float(x), 2), round(float(y), 2))


def get_overrides(db: Database) -> dict:
    with db.read() as s:
        return setting_dict(s, OVERRIDES_KEY)


def save_field_override(db: Database, blank: str, subject_type: str, field: str,
                        changes: dict) -> None:
    """Remember the user's position/size changes of one field of a blank ("*" = all types)."""
    with db.session() as s:
        data = setting_dict(s, OVERRIDES_KEY)
        per_blank = {k: dict(v) for k, v in data.get(blank, {}).items()}
        per_type = per_blank.setdefault(subject_type, {})
        per_type[field] = {**per_type.get(field, {}), **changes}
        data[blank] = per_blank
        _put(s, OVERRIDES_KEY, data)


def reset_overrides(db: Database, blank: str) -> None:
    with db.session() as s:
        data = setting_dict(s, OVERRIDES_KEY)
        if data.pop(blank, None) is not None:
            _put(s, OVERRIDES_KEY, data)


def get_underlays(db: Database) -> dict[str, str]:
    with db.read() as s:
        return setting_dict(s, UNDERLAYS_KEY)


def set_underlay(db: Database, blank: str, path: str | None) -> None:
    with db.session() as s:
        data = setting_dict(s, UNDERLAYS_KEY)
        if path:
            data[blank] = str(path)
        else:
            data.pop(blank, None)
        _put(s, UNDERLAYS_KEY, data)
