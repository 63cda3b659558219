"""The lines of a danh sách công khai and how they are laid out: what each line says (a
person's own position and unit, a household's address and khu dân cư) and the table rows
(awards in their order, split by subject type when mixed, households by khu dân cư, names in
Vietnamese order, numbered through each award)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, with_polymorphic

from app import text
from db.models import FormerUnit, Household, Person, Subject

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
# Order of the parts of a mixed award (as the decision's list splits them).
TYPE_GROUPS = (("collective", "Tập thể"), ("area", "Khu dân cư"), ("person", "Cá nhân"),
               ("household", "Hộ gia đình"))
_LINE_HEADS = (("person", "Chức vụ, đơn vị"), ("collective", "Chức vụ, đơn vị"),
               ("household", "Địa chỉ"), ("area", "Địa bàn cũ"))


@dataclass(frozen=True)
class ListLine:
    name: str
    position: str  # a person's own position and unit; a household's address
    area: str  # khu dân cư
    award: str
    subject_type: str = "person"
    award_order: int = 0
    area_key: str = ""  # the khu dân cư's sort key (số 2 before số 10)


@dataclass(frozen=True)
class Own:
    """What the records say of a subject."""

    type: str
    line: str  # position and unit (person), address (household), former unit (area)
    area: str
    area_key: str


def own_details(s: Session, subject_ids) -> dict[int, Own]:
    """Type, own line and khu dân cư of each subject, in a few queries whatever the count."""
    ids = list(subject_ids)
    poly = with_polymorphic(Subject, "*")
    subjects = []
    for start in range(0, len(ids), 5000):
        subjects += s.scalars(select(poly).where(poly.id.in_(ids[start:start + 5000]))).all()
    area_ids = {x.area_id for x in subjects if x.area_id}
    areas = {a: (n, k) for a, n, k in s.execute(
        select(Subject.id, Subject.name, Subject.sort_key).where(Subject.id.in_(area_ids)))}
    units = dict(s.execute(select(FormerUnit.id, FormerUnit.name)).all())
    work_ids = {x.workplace_id for x in subjects if isinstance(x, Person) and x.workplace_id}
    work = dict(s.execute(select(Subject.id, Subject.name).where(Subject.id.in_(work_ids))).all())
    out = {}
    for x in subjects:
        if isinstance(x, Person):
            place = work.get(x.workplace_id) or x.workplace_text
            line = ", ".join(text.nfc(p) for p in (x.position, place) if text.nfc(p))
        elif isinstance(x, Household):
            line = text.nfc(x.address)
        else:
            line = units.get(x.former_unit_id, "") if x.type == "area" else ""
        area, key = areas.get(x.area_id, ("", ""))
        out[x.id] = Own(x.type, line, text.nfc(area), key)
    return out


def list_line(own: Own | None, name: str, printed: str | None, award: str,
              award_order: int | None) -> ListLine:
    """One line: a person's position as decided, else as the records say; a household's
    address from the records first, so namesakes are told apart."""
    own = own or Own("person", "", "", "")
    printed = text.nfc(printed)
    by_record = own.type in ("household", "area")
    position = (own.line or printed) if by_record else (printed or own.line)
    return ListLine(text.nfc(name), position, own.area, text.nfc(award), own.type,
                    award_order or 0, own.area_key)


def columns(lines: tuple[ListLine, ...]) -> tuple[str, ...]:
    """Column heads naming what the list holds ("Họ và tên chủ hộ", "Địa chỉ"…)."""
    present = {ln.subject_type for ln in lines}
    names = []
    if present & {"person", "household"}:
        names.append("Họ và tên chủ hộ" if present == {"household"} else "Họ và tên")
    names += [head for kind, head in (("collective", "Tên tập thể"), ("area", "Tên khu dân cư"))
              if kind in present]
    extra = dict.fromkeys(head for kind, head in _LINE_HEADS if kind in present)
    return ("STT", " / ".join(names) or "Họ và tên", " / ".join(extra) or "Chức vụ, đơn vị",
            "Khu dân cư")


def grouped_rows(lines: tuple[ListLine, ...]) -> tuple[tuple[tuple[str, ...], ...], list[int]]:
    """Table rows and the indexes of the heading rows among them."""
    by_award: dict[str, list[ListLine]] = {}
    for ln in sorted(lines, key=lambda x: x.award_order):  # stable: ties keep the list order
        by_award.setdefault(ln.award, []).append(ln)
    rows: list[tuple[str, ...]] = []
    headings: list[int] = []

    def heading(label: str) -> None:
        headings.append(len(rows))
        rows.append((label, "", "", ""))

    for roman, (award, members) in enumerate(by_award.items(), start=1):
        heading(f"{ROMAN[roman - 1] if roman <= len(ROMAN) else roman}. {award} ({len(members)})")
        kinds = [(t, label, [m for m in members if m.subject_type == t])
                 for t, label in TYPE_GROUPS]
        kinds = [k for k in kinds if k[2]]
        number = 0
        for sub, (kind, label, items) in enumerate(kinds, start=1):
            if len(kinds) > 1:
                heading(f"{sub}. {label} ({len(items)})")
            for part, chunk in _parts(kind, items):
                if part:
                    heading(part)
                for ln in chunk:
                    number += 1
                    rows.append((str(number), ln.name, ln.position,
                                 "" if kind == "area" else ln.area))
    return tuple(rows), headings


def _name_key(ln: ListLine) -> str:
    """Persons and heads of household by given name; collectives and areas word by word."""
    if ln.subject_type in ("person", "household"):
        return text.name_sort_key(ln.name)
    return text.text_sort_key(ln.name)


def _parts(kind: str, items: list[ListLine]) -> list[tuple[str, list[ListLine]]]:
    """Households under a heading per khu dân cư (in the areas' order, unknown last)."""
    if kind != "household":
        return [("", sorted(items, key=_name_key))]
    by_area: dict[tuple[str, str], list[ListLine]] = {}
    for ln in items:
        by_area.setdefault((ln.area_key, ln.area), []).append(ln)
    ordered = sorted(by_area.items(), key=lambda kv: (not kv[0][1], kv[0][0]))
    return [(f"{area or 'Chưa gắn khu dân cư'} ({len(chunk)} hộ)", sorted(chunk, key=_name_key))
            for (_, area), chunk in ordered]
