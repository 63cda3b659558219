"""The printable one-page profile of a role model (A4, ReportLab, bundled Tinos font): photo,
name and position, field and headline, the story, and the awards linked to it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app import text
from app.files import write_bytes
from app.services.awards.register import subject_history
from app.services.emulation.role_models import get_role_model
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from db.engine import Database
from db.models import Collective, Organization, Person, ResidentialArea, Subject

MM = 72 / 25.4


@dataclass(frozen=True)
class Profile:
    body_name: str
    place: str
    year: int
    name: str
    kind: str
    details: tuple[str, ...]  # position, workplace, area…
    field: str
    headline: str
    story: str
    awards: tuple[str, ...]
    photo: bytes | None


def gather(db: Database, role_model_id: int) -> Profile:
    rm = get_role_model(db, role_model_id)
    linked = set(rm.award_record_ids)
    awards = tuple(f"Năm {h.year}: {h.award_name}" + (f" ({h.decision})" if h.decision else "")
                   for h in subject_history(db, rm.subject_id) if h.record_id in linked)
    with db.read() as s:
        org = s.get(Organization, 1)
        subj = s.get(Subject, rm.subject_id)
        details = _details(s, subj)
        return Profile(org.body_name if org else "", org.place_name if org else "", rm.year,
                       subj.name, SUBJECT_TYPE_LABELS[subj.type], details, rm.field or "",
                       rm.headline or "", rm.story or "", awards, rm.photo)


def _details(s, subj) -> tuple[str, ...]:
    out = []
    if isinstance(subj, Person):
        if subj.birth_year:
            out.append(f"Năm sinh: {subj.birth_year}")
        work = s.get(Collective, subj.workplace_id).name if subj.workplace_id else subj.workplace_text
        line = ", ".join(x for x in (subj.position, work) if x)
        if line:
            out.append(line)
    if subj.area_id:
        area = s.scalar(select(ResidentialArea.name).where(ResidentialArea.id == subj.area_id))
        out.append(f"Khu dân cư: {area}")
    return tuple(out)


def _styles(size: float):
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    from app.fonts import face

    body = ParagraphStyle("body", fontName=face("Tinos"), fontSize=size, leading=size * 1.35,
                          alignment=TA_JUSTIFY, firstLineIndent=8 * MM, spaceAfter=size * 0.4)
    item = ParagraphStyle("item", parent=body, firstLineIndent=0, leftIndent=5 * MM,
                          alignment=0)
    return body, item


def _esc(value: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text.nfc(value))


def build(profile: Profile, out_path: str | Path) -> None:
    """Draw the page; the story's font shrinks (13 → 9 pt) until everything fits one page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from app.fonts import face

    width, height = A4
    buffer = io.BytesIO()  # written to the file in one step at the end (app.files)
    c = Canvas(buffer, pagesize=A4, initialFontName=face("Tinos"))
    c.setTitle(f"Gương điển hình tiên tiến — {profile.name}")
    left, right, top = 25 * MM, width - 20 * MM, height - 20 * MM
    c.setFont(face("Tinos", bold=True), 12)
    c.drawCentredString(width / 2, top, text.nfc(profile.body_name).upper())
    c.setFont(face("Tinos", bold=True), 16)
    c.drawCentredString(width / 2, top - 12 * MM, "GƯƠNG ĐIỂN HÌNH TIÊN TIẾN")
    c.setFont(face("Tinos", italic=True), 12)
    c.drawCentredString(width / 2, top - 19 * MM, f"Năm {profile.year}")
    y = top - 28 * MM
    text_left = left
    if profile.photo:
        from reportlab.lib.utils import ImageReader

        c.drawImage(ImageReader(io.BytesIO(profile.photo)), left, y - 53 * MM, 40 * MM, 53 * MM,
                    preserveAspectRatio=True, anchor="n")
        text_left = left + 46 * MM
    c.setFont(face("Tinos", bold=True), 15)
    c.drawString(text_left, y - 6 * MM, text.nfc(profile.name))
    c.setFont(face("Tinos"), 12)
    lines = [profile.kind, *profile.details]
    if profile.field:
        lines.append(f"Lĩnh vực: {profile.field}")
    for i, line in enumerate(lines):
        c.drawString(text_left, y - (13 + 6 * i) * MM, text.nfc(line))
    head_bottom = y - (13 + 6 * len(lines)) * MM
    y = min(head_bottom, y - 58 * MM) if profile.photo else head_bottom
    _flow(c, profile, left, right, y, 25 * MM)
    c.setFont(face("Tinos", italic=True), 11)
    line = text.date_line(profile.place, date.today()) if profile.place else \
        text.date_line("", date.today()).lstrip(", ").capitalize()
    c.drawRightString(right, 15 * MM, line)
    c.showPage()
    c.save()
    write_bytes(out_path, buffer.getvalue())


def _paragraphs(profile: Profile, size: float):
    from reportlab.platypus import Paragraph

    from app.fonts import face

    body, item = _styles(size)
    out = []
    if profile.headline:
        out.append(Paragraph(f"<font name='{face('Tinos', bold=True, italic=True)}'>"
                             f"{_esc(profile.headline)}</font>", body))
    out += [Paragraph(_esc(p), body) for p in profile.story.splitlines() if p.strip()]
    if profile.awards:
        out.append(Paragraph(f"<font name='{face('Tinos', bold=True)}'>Khen thưởng đã đạt:</font>",
                             item))
        out += [Paragraph("– " + _esc(a), item) for a in profile.awards]
    return out


def _flow(c, profile: Profile, left: float, right: float, top: float, bottom: float) -> None:
    from reportlab.platypus import Frame

    for size in (13, 12, 11, 10, 9):
        frame = Frame(left, bottom, right - left, top - bottom, 0, 0, 0, 0, showBoundary=0)
        story = _paragraphs(profile, size)
        needed = sum(p.wrap(right - left, top - bottom)[1] + p.getSpaceAfter() for p in story)
        if needed <= top - bottom or size == 9:
            frame.addFromList(story, c)  # at 9 pt whatever still does not fit is cut
            return


def write_profile(db: Database, role_model_id: int, out_path: str | Path) -> Path:
    build(gather(db, role_model_id), out_path)
    return Path(out_path)
