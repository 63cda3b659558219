"""The annual or period summary report (báo cáo sơ kết / tổng kết), following the seed's
structure: header and motto, the request it answers, Part One, Part Two, Nơi nhận, signature.

Structure and default drafts: resources/reports/summary_sections.json; narrative per section:
app.reports.sections; figures: app.reports.figures; rendering: app.documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app import text
from app.documents import Document, Header, Paragraph, Run, Signatures, Signer, Title, para
from app.reports import summary_figures as sf
from app.reports.figures import Figures, collect
from app.reports.labels import percent
from app.reports.sections import ReportSpec, applies, fill, load_sections, structure
from db.engine import Database
from db.models import Organization
from db.models import Signer as SignerRow

FORMATS = ("pdf", "docx", "xlsx")
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_PART_WORDS = ["NHẤT", "HAI", "BA", "TƯ"]


@dataclass(frozen=True)
class Issuer:
    """Who issues the report: the body, its place name and the signer."""

    parent_body: str
    body_name: str
    short_name: str
    place_name: str
    symbol: str
    signer_lines: tuple[str, ...]
    signer_name: str


def issuer(db: Database) -> Issuer:
    """From Cài đặt › Đơn vị and the first active signer; dotted blanks when not set up."""
    with db.read() as s:
        org = s.get(Organization, 1)
        signer = s.query(SignerRow).filter(SignerRow.active.is_(True)).order_by(
            SignerRow.sort_order, SignerRow.id).first()
        parent = org.parent_body if org else ""
        body = org.body_name if org else "ỦY BAN NHÂN DÂN PHƯỜNG ……"
        short = org.short_name if org else "phường ……"
        place = org.place_name if org else "……"
        symbol = org.doc_symbol if org else "UBND"
        name = signer.full_name if signer else ""
        deputy = bool(signer) and (signer.sign_mode == "KT." or "phó" in signer.title.lower())
    lines = ("TM. ỦY BAN NHÂN DÂN",) + (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") if deputy
                                        else ("CHỦ TỊCH",))
    return Issuer(parent, body, short, place, symbol, lines, name)


def template_values(who: Issuer, f: Figures) -> dict:
    last = f.culture_of(f.year_to)
    rate = None
    if last and last.achieved:
        rate = last.achievement_rate if last.registered else last.household_rate
    return {"short_name": who.short_name, "ubnd": "UBND " + who.short_name,
            "symbol": who.symbol, "gdvh_target": percent(rate) if rate else "…%"}


BLANK_DATE = date.min  # report_date=BLANK_DATE leaves the day for the signer to write in


def build_document(db: Database, spec: ReportSpec, report_date: date | None = None,
                   figures: Figures | None = None) -> Document:
    """The report as an app.documents Document (render it to PDF or DOCX)."""
    f = figures or collect(db, spec.year_from, spec.year_to)
    who = issuer(db)
    values = template_values(who, f)
    sections = load_sections(db, spec, values)
    texts = {s.key: s.text for s in sections}
    st = structure()
    title = fill(st["title"], spec)
    doc = Document(f"{title} {fill(st['summary'], spec)}")
    when = None if report_date == BLANK_DATE else report_date or date.today()
    doc.add(Header(who.parent_body, who.body_name, number=_number(st["number"], values),
                   date_line=text.date_line(who.place_name, when)),
            Title(title, fill(st["summary"], spec)))
    ctx = _Ctx(spec, f, texts, "UBND " + who.short_name, sf.culture_host(f),
               defaults={s.key for s in sections if s.source == "default"})
    parts = 0
    for node in st["sections"]:
        if not applies(node, spec) or node.get("style") == "recipients":
            continue
        if node.get("style") == "part":
            parts += 1
            doc.add(*_part(node, parts, ctx))
        else:
            doc.add(*_narrative(ctx, node))
    recipients = tuple(line for line in texts.get("recipients", "").split("\n") if line.strip())
    doc.add(Signatures(right=Signer(who.signer_lines, who.signer_name), recipients=recipients))
    return doc


def _number(template: str, values: dict) -> str:
    """"Số:      /BC-UBND": the blank before the slash is kept for the number written later."""
    import unicodedata

    return unicodedata.normalize("NFC", template.format_map({"symbol": values["symbol"]}))


@dataclass
class _Ctx:
    spec: ReportSpec
    f: Figures
    texts: dict
    body: str
    culture_host: object
    culture_done: bool = False
    defaults: set = field(default_factory=set)  # sections whose text is the default draft


def _part(node: dict, number: int, ctx: _Ctx) -> list:
    word = _PART_WORDS[number - 1] if number <= len(_PART_WORDS) else str(number)
    head = node.get("heading") or f"PHẦN THỨ {word}"
    out = [Paragraph((Run(head, bold=True),), align="center", indent=False, space_before=10,
                     keep_with_next=True)]
    if node.get("subheading"):
        out.append(Paragraph((Run(fill(node["subheading"], ctx.spec), bold=True),),
                             align="center", indent=False, space_after=8, keep_with_next=True))
    out += _children(node, ctx)
    return out


def _children(node: dict, ctx: _Ctx) -> list:
    out, counters = [], {"roman": 0, "arabic": 0}
    for child in node.get("children", ()):
        if not applies(child, ctx.spec):
            continue
        auto = _auto(child, ctx)
        # Targets entered for the years ahead replace the default draft (never a saved text).
        draft = child.get("auto") == "targets_next" and auto and child.get("narrative") in \
            ctx.defaults
        body = ([] if draft else _narrative(ctx, child)) + auto + _children(child, ctx)
        if not body:
            continue  # nothing to say: leave the heading out rather than print it empty
        style = child.get("style", "arabic")
        counters[style] = counters.get(style, 0) + 1
        out.append(_heading(child, style, counters[style], ctx))
        out += body
    return out


def _heading(node: dict, style: str, n: int, ctx: _Ctx) -> Paragraph:
    label = fill(node.get("heading", ""), ctx.spec)
    if node.get("upper"):
        label = label.upper()
    mark = f"{_ROMAN[n - 1]}." if style == "roman" else f"{n}."
    return Paragraph((Run(f"{mark} {label}", bold=True),), align="left", indent=True,
                     space_before=4, keep_with_next=True)


def _narrative(ctx: _Ctx, node: dict) -> list:
    key = node.get("narrative")
    body = ctx.texts.get(key, "") if key else ""
    return [para(line) for line in body.split("\n") if line.strip()]


def _auto(node: dict, ctx: _Ctx) -> list:
    auto = node.get("auto", "")
    f = ctx.f
    if auto.startswith("movements:"):
        blocks = sf.movement_blocks(f, auto.split(":", 1)[1], ctx.culture_host)
        if ctx.culture_host is not None and ctx.culture_host.launcher == auto.split(":", 1)[1]:
            ctx.culture_done = True
        return blocks
    if auto == "culture":
        return [] if ctx.culture_done else sf.culture_blocks(f)
    if auto == "initiatives":
        return sf.initiative_blocks(f)
    if auto in ("targets", "targets_next"):
        from app.reports import summary_targets as st

        lines = st.target_lines(f) if auto == "targets" else st.next_target_lines(f)
        return [para(line) for line in lines]
    if auto == "awards":
        return sf.awards_blocks(f, ctx.body)
    return []


def build_summary(db: Database, year_from: int, year_to: int, fmt: str, out: str | Path,
                  report_date: date | None = None, figures: Figures | None = None) -> Path:
    """Write the summary report of the years as pdf, docx or xlsx (the figures) to ``out``."""
    if fmt not in FORMATS:
        from app.errors import ValidationError

        raise ValidationError(f"Định dạng “{fmt}” không được hỗ trợ (pdf, docx hoặc xlsx).",
                              "format")
    spec = ReportSpec(min(year_from, year_to), max(year_from, year_to))
    f = figures or collect(db, spec.year_from, spec.year_to)
    out = Path(out)
    if out.suffix.lower() != "." + fmt:
        out = out.with_name(out.name + "." + fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        from app.reports.summary_xlsx import write_figures

        write_figures(f, out, issuer(db).body_name)
        return out
    from app.documents import render

    return render(build_document(db, spec, report_date, f), out)


def build_summaries(db: Database, year_from: int, year_to: int, folder: str | Path,
                    report_date: date | None = None) -> list[Path]:
    """Word (to edit), PDF (to send) and the figures in Excel, from one computation."""
    spec = ReportSpec(min(year_from, year_to), max(year_from, year_to))
    f = collect(db, spec.year_from, spec.year_to)
    years = str(spec.year_to) if spec.kind == "annual" else f"{spec.year_from}-{spec.year_to}"
    names = {"docx": f"Báo cáo tổng kết {years}", "pdf": f"Báo cáo tổng kết {years}",
             "xlsx": f"Số liệu thi đua khen thưởng {years}"}
    return [build_summary(db, spec.year_from, spec.year_to, fmt, Path(folder) / names[fmt],
                          report_date, f) for fmt in ("docx", "pdf", "xlsx")]


def figure_preview(f: Figures, db: Database) -> list[str]:
    """The computed sentences the report will state, for the screen's preview."""
    body = "UBND " + issuer(db).short_name
    lines = sf.award_sentences(f, body) + sf.kind_lines(f)
    lines += sf.culture_sentences(f) + sf.initiative_sentences(f)
    from app.reports import summary_targets as st

    lines += st.target_lines(f)
    launched = [m for m in f.movements if m.start_year in f.years]
    if launched:
        lines.append(f"Phong trào thi đua bắt đầu trong các năm báo cáo: {len(launched)}.")
    return lines
