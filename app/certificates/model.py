"""Plain data the certificate renderer works on: one certificate, a template, a layout.

No database and no Qt here: the service (app.services.awards.certificates) gathers these from the
register, the renderer (app.certificates.render) draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date

from app.text import format_date_vn, nfc

SUBJECT_TYPES = ("person", "collective", "household", "area")


@dataclass(frozen=True)
class CertificateData:
    """The printed text of one certificate (kept apart from the record's other data)."""

    template: str  # e.g. "giay_khen" (AwardKind.certificate_template)
    subject_type: str  # person / collective / household / area
    name: str
    salutation: str = ""  # Ông / Bà / Gia đình ông … ("" for collectives)
    position_line: str = ""
    citation: str = ""
    year: int | None = None  # achievement year
    award_name: str = ""
    decision_no: str = ""  # "15/QĐ-UBND"
    decision_date: date | None = None
    certificate_no: str = ""  # số vào sổ "2025/0001"
    issuer_title: str = ""  # CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG …
    place_date: str = ""  # Thành Đông, ngày 20 tháng 12 năm 2025
    sign_mode: str = ""  # "KT. CHỦ TỊCH" / "TM. ỦY BAN NHÂN DÂN" / ""
    signer_title: str = ""  # CHỦ TỊCH / PHÓ CHỦ TỊCH
    signer_name: str = ""
    record_id: int | None = None  # AwardRecord.id, for the print log
    # A certificate printed again after a correction: "Cấp lại theo Quyết định số … ngày …"
    # (decision_no and decision_date then still cite the original award decision).
    reissue_note: str = ""

    def values(self) -> dict[str, str]:
        """Every placeholder a layout field may use, as NFC text."""
        out = {f.name: nfc("" if getattr(self, f.name) is None else str(getattr(self, f.name)))
               for f in fields(self) if f.name not in ("decision_date", "record_id")}
        out["decision_date"] = format_date_vn(self.decision_date)
        return out


@dataclass(frozen=True)
class Field:
    """One line (or block of lines) of text on the page.

    Positions are millimetres from the top-left corner of the sheet; ``x`` is the anchor
    for the alignment (centre, left edge or right edge), ``y`` the baseline of the first line.
    """

    key: str
    text: str  # format string over CertificateData.values(), "\n" separates paragraphs
    x: float
    y: float
    width: float
    lines: int = 1
    leading: float | None = None  # mm between baselines; default 1.3 × size
    font: str = "Tinos"
    size: float = 14.0
    min_size: float | None = None  # shrink down to this before wrapping; default 0.8 × size
    bold: bool = False
    italic: bool = False
    align: str = "center"  # center / left / right
    case: str = "none"  # none / upper / lower
    color: str = "#000000"
    printed: bool = True  # False: the blank already carries this text
    flow: bool = False  # full mode: moved down by the extra lines of the flowing field above

    @property
    def leading_mm(self) -> float:
        return self.leading if self.leading is not None else self.size * 1.3 * 0.3528

    @property
    def min_size_pt(self) -> float:
        return self.min_size if self.min_size is not None else round(self.size * 0.8, 1)


FIELD_ATTRS = {f.name for f in fields(Field)} - {"key"}
# Attributes a user may change in the field editor, with their Vietnamese labels.
EDITABLE_ATTRS = {"x": "X (mm)", "y": "Y (mm)", "width": "Rộng (mm)", "lines": "Số dòng",
                  "size": "Cỡ chữ", "printed": "In"}


def field_from_dict(data: dict) -> Field:
    data = dict(data)
    if "print" in data:
        data["printed"] = data.pop("print")
    unknown = set(data) - FIELD_ATTRS - {"key"}
    if unknown:
        raise ValueError(f"Trường “{data.get('key')}” có thuộc tính lạ: {', '.join(sorted(unknown))}")
    return Field(**data)


@dataclass(frozen=True)
class Layout:
    """Where each field goes on one kind of sheet (the full design, or one blank model)."""

    name: str
    label: str
    page_mm: tuple[float, float]
    fields: tuple[Field, ...]
    by_subject: dict = field(default_factory=dict)  # subject type → {field key: {attr: value}}
    flow_bottom: float | None = None  # mm: flowing fields end above this line
    short_label: str = ""  # for tight places in the screen, e.g. "Phôi Giấy khen"

    def for_subject(self, subject_type: str, overrides: dict | None = None) -> tuple[Field, ...]:
        """Fields for one subject type: the layout, its per-subject changes, then user changes.

        ``overrides`` has the same shape as ``by_subject``, with "*" meaning every type.
        """
        changes: list[dict] = [self.by_subject.get(subject_type, {})]
        if overrides:
            changes += [overrides.get("*", {}), overrides.get(subject_type, {})]
        out = []
        for f in self.fields:
            merged: dict = {}
            for change in changes:
                merged.update(change.get(f.key, {}))
            if "print" in merged:
                merged["printed"] = merged.pop("print")
            out.append(replace(f, **{k: v for k, v in merged.items() if k in FIELD_ATTRS}))
        return tuple(out)


@dataclass(frozen=True)
class Template:
    """One kind of certificate (Giấy khen, Lao động tiên tiến…): wording and art, as data."""

    name: str
    label: str
    verb: str  # TẶNG / CÔNG NHẬN
    title: str  # GIẤY KHEN / LAO ĐỘNG TIÊN TIẾN
    title_size: float
    palette: str
    full_layout: str
    blank_layout: str
    subject_types: tuple[str, ...]
    citations: dict  # subject type (or "default") → citation used when the record has none
    subtitle: str = ""  # e.g. "DANH HIỆU" above the title

    def default_citation(self, subject_type: str) -> str:
        return self.citations.get(subject_type) or self.citations.get("default", "")
