"""The summary report's structure (resources/reports/summary_sections.json) and the narrative
paragraphs the officer writes per section, kept in the database (ReportNarrative).

A section's text comes from, in order: what was saved for this report; what was saved for the
latest earlier report of the same kind (reused next time); the default draft in the data file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from sqlalchemy import select

from app import text
from app.paths import resource_path
from app.services.system import audit
from db.engine import Database
from db.models import ReportNarrative


@dataclass(frozen=True)
class ReportSpec:
    """Which report: one year (annual) or a period of years."""

    year_from: int
    year_to: int

    @property
    def kind(self) -> str:
        return "annual" if self.year_from == self.year_to else "period"

    @property
    def n(self) -> int:
        return self.year_to - self.year_from + 1

    @property
    def next_years(self) -> tuple[int, int]:
        """The period the direction is for: next year, or the next period of the same length."""
        return self.year_to + 1, self.year_to + self.n


@dataclass(frozen=True)
class SectionText:
    key: str
    label: str
    prompt: str
    text: str
    source: str  # saved / reused / default


@cache
def structure() -> dict:
    with open(resource_path("reports", "summary_sections.json"), encoding="utf-8") as fh:
        return json.load(fh)


class _Vars(dict):
    def __missing__(self, key):  # unknown placeholders stay visible instead of failing
        return "{" + key + "}"


def fill(template: str | dict, spec: ReportSpec, values: dict | None = None) -> str:
    """A template of the data file (or its annual/period variant) with the report's values."""
    if isinstance(template, dict):
        template = template.get(spec.kind, "")
    nf, nt = spec.next_years
    base = {"n": spec.n, "from": spec.year_from, "to": spec.year_to, "next_from": nf,
            "next_to": nt}
    return clean_multiline(template.format_map(_Vars({**base, **(values or {})})))


def applies(node: dict, spec: ReportSpec) -> bool:
    return node.get("only") in (None, spec.kind)


def narrative_nodes(spec: ReportSpec) -> list[dict]:
    """Sections with officer-written text, in reading order."""
    out = []

    def walk(nodes):
        for node in nodes:
            if not applies(node, spec):
                continue
            if node.get("narrative"):
                out.append(node)
            walk(node.get("children", ()))

    walk(structure()["sections"])
    return out


def default_text(node: dict, spec: ReportSpec, values: dict) -> str:
    if node.get("default_from"):
        return fill(structure()[node["default_from"]], spec, values)
    return fill(node.get("default", ""), spec, values)


def load_sections(db: Database, spec: ReportSpec, values: dict | None = None) -> list[SectionText]:
    """Every narrative section with its current text and where the text came from."""
    values = values or {}
    with db.read() as s:
        rows = s.execute(
            select(ReportNarrative.section_key, ReportNarrative.year_from,
                   ReportNarrative.year_to, ReportNarrative.text)
            .where(ReportNarrative.report_kind == spec.kind)
            .order_by(ReportNarrative.year_to, ReportNarrative.year_from)).all()
    saved, reused = {}, {}
    for key, y0, y1, body in rows:
        if (y0, y1) == (spec.year_from, spec.year_to):
            saved[key] = body
        elif y1 < spec.year_to or (y1 == spec.year_to and y0 < spec.year_from):
            reused[key] = body  # latest earlier report wins (ordered by year)
    out = []
    for node in narrative_nodes(spec):
        key = node["narrative"]
        if key in saved:
            body, source = saved[key], "saved"
        elif key in reused and key not in ("request", "closing"):
            body, source = reused[key], "reused"
        else:
            body, source = default_text(node, spec, values), "default"
        out.append(SectionText(key, node.get("label", key), node.get("prompt", ""), body, source))
    return out


def clean_multiline(value: str) -> str:
    """NFC each line, drop trailing blanks; paragraphs are separated by newlines."""
    lines = [text.nfc(line) for line in str(value or "").replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def save_section(db: Database, spec: ReportSpec, key: str, body: str) -> None:
    """Keep the officer's text of one section (one transaction, audited)."""
    save_sections(db, spec, {key: body})


def save_sections(db: Database, spec: ReportSpec, texts: dict[str, str]) -> None:
    """Keep the officer's text of several sections in one transaction."""
    keys = {n["narrative"] for n in narrative_nodes(spec)}
    unknown = [k for k in texts if k not in keys]
    if unknown:
        from app.errors import ValidationError

        raise ValidationError(f"Mục báo cáo “{unknown[0]}” không có trong cấu trúc báo cáo.",
                              "section")
    with db.session() as s:
        for key, body in texts.items():
            _save_one(s, spec, key, clean_multiline(body))


def _save_one(s, spec: ReportSpec, key: str, body: str) -> None:
    row = s.scalar(select(ReportNarrative).where(
        ReportNarrative.report_kind == spec.kind, ReportNarrative.year_from == spec.year_from,
        ReportNarrative.year_to == spec.year_to, ReportNarrative.section_key == key))
    before = audit.snapshot(row) if row else None
    if row is None:
        row = ReportNarrative(report_kind=spec.kind, year_from=spec.year_from,
                              year_to=spec.year_to, section_key=key)
        s.add(row)
    row.text = body
    s.flush()
    audit.log(s, "update" if before else "create", "report_narrative", row.id, before,
              audit.snapshot(row))
