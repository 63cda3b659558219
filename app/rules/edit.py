"""The officer edits a rule row (a coefficient, who decides, a căn cứ line, the quorum, a
provincial setting) or adds a new row in force from a date: validated, NFC, audited. The row
then counts as the ward's edit, which a later rule pack never overwrites without asking."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from app import text
from app.errors import NotFoundError, ValidationError
from app.rules import labels, store
from app.rules.values import number
from app.services.system import audit
from db.engine import Database
from db.models import AwardKind, RuleItem

TEXT_TOPICS = ("decider", "can_cu", "deadline", "principle")


@dataclass(frozen=True)
class RuleEdit:
    """One rule row as the edit dialog shows it; ``value`` is text for every topic (a decimal
    "0,45", a share "2/3", a percent "70", lines for a dossier)."""
    topic: str
    qualifier: str
    value: str
    effective_from: date | None = None
    effective_to: date | None = None
    legal_basis: str | None = None
    verify_note: str | None = None
    award_kind_id: int | None = None
    strict: bool = False  # council quorum: "more than" the share
    id: int | None = None
    name: str = ""  # what the rule is (read-only in the dialog)


def _as_text(topic: str, value) -> tuple[str, bool]:
    if topic == "council" and isinstance(value, dict):
        return str(value.get("share", "")), bool(value.get("strict"))
    if topic == "dossier" and isinstance(value, list):
        return "\n".join(str(v) for v in value), False
    if topic in ("coefficient", "threshold"):
        return (number(value) or "").replace(".", ","), False
    return store.text_of(value), False


def get_rule_item(db: Database, item_id: int) -> RuleEdit:
    with db.read() as s:
        row = s.get(RuleItem, item_id)
        if row is None:
            raise NotFoundError("Không tìm thấy quy định này.")
        kind = s.get(AwardKind, row.award_kind_id) if row.award_kind_id else None
        value, strict = _as_text(row.topic, row.value)
        return RuleEdit(row.topic, row.qualifier, value, row.effective_from, row.effective_to,
                        row.legal_basis, row.verify_note, row.award_kind_id, strict, row.id,
                        labels.rule_name(row.topic, row.qualifier, kind.name if kind else None))


def _decimal(raw: str, what: str) -> Decimal:
    try:
        return Decimal(raw.strip().replace(".", "").replace(",", ".") if "," in raw
                       else raw.strip())
    except InvalidOperation:
        raise ValidationError(f"{what} phải là số (ví dụ 0,45).", "value") from None


def _value(edit: RuleEdit, old):
    """The stored value from the dialog's text, by topic (keeps extra keys of the old one)."""
    raw = text.nfc(edit.value)
    if edit.topic == "coefficient":
        value = _decimal(raw, "Hệ số")
        if value < 0:
            raise ValidationError("Hệ số tiền thưởng không được âm.", "value")
        return number(value)
    if edit.topic == "threshold":
        value = _decimal(raw, "Tỷ lệ")
        if not 0 < value <= 100:
            raise ValidationError("Tỷ lệ phải trong khoảng 1–100 (%).", "value")
        return float(value)
    if edit.topic == "council":
        try:
            share = Fraction(raw.replace(" ", ""))
        except (ValueError, ZeroDivisionError):
            raise ValidationError("Tỷ lệ dự họp viết dạng phân số, ví dụ 2/3.", "value") from None
        if not 0 < share <= 1 or (edit.strict and share == 1):
            raise ValidationError("Tỷ lệ dự họp phải lớn hơn 0 và không quá toàn bộ thành "
                                  "viên.", "value")
        return {"share": str(share), "strict": bool(edit.strict)}
    if edit.topic == "dossier":
        lines = [text.nfc(x) for x in raw.splitlines() if text.nfc(x)]
        if not lines:
            raise ValidationError("Chưa nhập thành phần hồ sơ (mỗi dòng một loại giấy tờ).",
                                  "value")
        return lines
    if not raw:
        raise ValidationError("Chưa nhập nội dung quy định.", "value")
    return {**old, "text": raw} if isinstance(old, dict) else (
        {"text": raw} if edit.topic in TEXT_TOPICS and edit.topic != "decider" else raw)


def save_rule_item(db: Database, edit: RuleEdit) -> int:
    """Save an edited rule row, or a new row of the same rule from another date."""
    if edit.effective_from and edit.effective_to and edit.effective_to < edit.effective_from:
        raise ValidationError("Ngày hết áp dụng trước ngày bắt đầu.", "effective_to")
    with db.session() as s:
        row = s.get(RuleItem, edit.id) if edit.id else None
        if edit.id and row is None:
            raise NotFoundError("Không tìm thấy quy định này.")
        value = _value(edit, row.value if row is not None else None)
        clash = [r for r in store.rows_of(s, edit.topic, edit.award_kind_id, edit.qualifier)
                 if r.award_kind_id == edit.award_kind_id and r.id != edit.id
                 and r.effective_from == edit.effective_from]
        if clash:
            when = (f"từ ngày {text.format_date_vn(edit.effective_from)}"
                    if edit.effective_from else "từ trước")
            raise ValidationError(f"Quy định này đã có một dòng áp dụng {when}; sửa dòng đó "
                                  "hoặc chọn ngày khác.", "effective_from")
        before = audit.snapshot(row) if row is not None else None
        if row is None:
            row = RuleItem(topic=edit.topic, award_kind_id=edit.award_kind_id,
                           qualifier=edit.qualifier, origin=store.WARD)
            s.add(row)
        row.value, row.effective_from, row.effective_to = value, edit.effective_from, \
            edit.effective_to
        row.legal_basis = text.nfc_or_none(edit.legal_basis)
        row.verify_note = text.nfc_or_none(edit.verify_note)
        s.flush()
        audit.log(s, "update" if before else "create", "rule_item", row.id, before,
                  audit.snapshot(row), edit.name or None)
        return row.id


def delete_rule_item(db: Database, item_id: int) -> None:
    """Remove a row the ward added (rows of a rule pack are edited, not deleted)."""
    with db.session() as s:
        row = s.get(RuleItem, item_id)
        if row is None:
            raise NotFoundError("Không tìm thấy quy định này.")
        if row.origin != store.WARD:
            raise ValidationError("Dòng này thuộc gói quy định: sửa giá trị hoặc đặt ngày hết "
                                  "áp dụng thay vì xóa.", "id")
        audit.log(s, "delete", "rule_item", row.id, audit.snapshot(row), None)
        s.delete(row)
