"""Draw certificates into one PDF: full design on plain paper, or text only on blanks (phôi).

Speed: the static art of each template is drawn once as a PDF form XObject and placed on
every page with ``doForm``; each page adds only its variable text (see bench/certificates.py).
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from app.certificates.fit import fit_text, unit_width
from app.certificates.model import CertificateData, Field, Template
from app.certificates.registry import get_layout, get_template, layout_extras
from app.documents.pdf import binary_streams
from app.files import replace_file
from app.text import nfc

MM = 72 / 25.4  # points per millimetre


class RenderCancelled(Exception):
    """The user pressed Cancel; no output file was written."""


@dataclass(frozen=True)
class Offsets:
    """Printer calibration in mm: positive x moves text right, positive y moves it down."""

    x: float = 0.0
    y: float = 0.0


NO_OFFSETS = Offsets()


@lru_cache(maxsize=256)
def _placeholders(fmt: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(fmt) if name)


@lru_cache(maxsize=64)
def _color(value: str):
    from reportlab.lib.colors import HexColor

    return HexColor(value)


def field_text(f: Field, values: dict[str, str]) -> str:
    """The field's text for one certificate; "" when every value it shows is empty."""
    names = _placeholders(f.text)
    if names and not any(values.get(n) for n in names):
        return ""
    text = "\n".join(nfc(p) for p in f.text.format_map(_Blank(values)).split("\n"))
    return text.upper() if f.case == "upper" else text.lower() if f.case == "lower" else text


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def certificate_values(cert: CertificateData, template: Template) -> dict[str, str]:
    values = cert.values()
    values.update(verb=template.verb, title=template.title, subtitle=template.subtitle)
    if not values["citation"]:
        values["citation"] = nfc(template.default_citation(cert.subject_type).format_map(
            _Blank(values)))
    return values


def _text(c, font_name: str, size: float, x: float, y: float, line: str) -> None:
    """One line of text as one BT…ET block: what ``canvas.drawString`` writes for a TrueType
    font, without its per-call text object, bidi pass and re-measuring. The operators of a
    line are kept per document: issuer, date and signer lines repeat on every page."""
    cache = c.__dict__.setdefault("_tdkt_ops", {})
    key = (font_name, size, line)
    ops = cache.get(key)
    if ops is None:
        from reportlab.pdfbase.pdfmetrics import getFont

        font, doc = getFont(font_name), c._doc
        ops = " ".join(f"{font.getSubsetInternalName(subset, doc)} {size:.2f} Tf "
                       f"({c._escape(chunk)}) Tj" for subset, chunk in font.splitString(line, doc))
        cache[key] = ops
    c._code.append(f"BT 1 0 0 1 {x:.2f} {y:.2f} Tm {ops} ET")


def draw_fields(c, fields: Sequence[Field], values: dict[str, str], page_h: float,
                offsets: Offsets = NO_OFFSETS, flow_bottom: float | None = None) -> None:
    """Draw each printed field, shrinking/wrapping it into its box; flowing fields stack.

    A flowing field keeps its place unless the one above wrapped into its room: then it moves
    down to keep the layout's spacing from that field's last line. An empty flowing field
    gives its room to the fields below; one not printed (on a blank) keeps it.
    """
    from app.fonts import face

    flow = [f for f in fields if f.flow]
    steps = {a.key: b.y - a.y for a, b in pairwise(flow)}
    pull, floor, color = 0.0, None, None
    for f in fields:
        if not f.printed:
            continue
        text = field_text(f, values)
        y = f.y
        if f.flow:
            y = f.y + pull if floor is None else max(f.y + pull, floor)
        if not text:
            pull -= steps.get(f.key, 0.0) if f.flow else 0.0
            continue
        max_lines = f.lines
        if f.flow and flow_bottom is not None:
            max_lines = max(1, min(f.lines, int((flow_bottom - y) / f.leading_mm) + 1))
        font = face(f.font, f.bold, f.italic)
        fitted = fit_text(text, font, f.size, f.min_size_pt, f.width * MM, max_lines)
        if f.color != color:  # each page starts black; set a colour only when it changes
            c.setFillColor(_color(f.color))
            color = f.color
        x_pt = (f.x + offsets.x) * MM
        for i, line in enumerate(fitted.lines):
            y_pt = page_h - (y + offsets.y + i * f.leading_mm) * MM
            # Aligned with our cached widths (ReportLab's centring re-measures every string).
            shift_x = 0.0 if f.align == "left" else unit_width(line, font) * fitted.size
            _text(c, font, fitted.size, x_pt - (shift_x if f.align == "right" else shift_x / 2),
                  y_pt, line)
        if f.flow:
            floor = y + max(0, len(fitted.lines) - 1) * f.leading_mm + steps.get(f.key, 0.0)


def _image(data: bytes | str):
    """A design or scan for drawImage: bytes from the database, or a file path."""
    from io import BytesIO

    from reportlab.lib.utils import ImageReader

    return ImageReader(BytesIO(data)) if isinstance(data, bytes) else str(data)


def _draw_design_form(c, template: Template, design: bytes | str) -> str:
    """The ward's own design of the template's blank model, as one reusable form: the image
    is stored once in the file however many pages use it."""
    layout = get_layout(template.blank_layout)
    name = f"design_{layout.name}"
    c.beginForm(name)
    c.drawImage(_image(design), 0, 0, layout.page_mm[0] * MM, layout.page_mm[1] * MM)
    c.endForm()
    return name


def _draw_static_form(c, template: Template, page_w: float, page_h: float) -> str:
    """The default plain design: border, Quốc hiệu, Tiêu ngữ and the template's title, as one
    reusable form (no drawn emblem: a ward that wants one loads its own design)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from app.certificates import art
    from app.fonts import face

    name = f"art_{template.name}"
    extras = layout_extras(template.full_layout)
    a = extras["art"]
    c.beginForm(name)
    art.border(c, page_w, page_h, template.palette)
    values = {"verb": template.verb, "title": template.title, "subtitle": template.subtitle}
    static = [f if f.key != "title" else _with_size(f, template.title_size)
              for f in extras["static"]]
    draw_fields(c, static, values, page_h)
    motto = next((f for f in static if f.key == "motto2"), None)
    if motto is not None and "motto_rule_y" in a:
        half = stringWidth(motto.text, face(motto.font, motto.bold), motto.size) / 2
        art.motto_rule(c, motto.x * MM, page_h - a["motto_rule_y"] * MM, half)
    c.endForm()
    return name


def _with_size(f: Field, size: float) -> Field:
    from dataclasses import replace

    return replace(f, size=size, min_size=min(f.min_size_pt, size))


def render_pdf(
    certs: Sequence[CertificateData],
    out_path: str | os.PathLike,
    *,
    mode: str = "full",
    offsets: Offsets | dict[str, Offsets] = NO_OFFSETS,
    overrides: dict | None = None,
    underlays: dict[str, str | bytes] | None = None,
    backgrounds: dict[str, bytes | str] | None = None,
    title: str = "Giấy khen",
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write all ``certs`` to one PDF, one page each; returns the page count.

    mode "full": the whole design on plain paper. mode "blank": text only, at the positions of
    the template's blank layout, moved by the printer ``offsets`` (one for all, or per blank
    layout name); ``overrides`` maps a blank
    layout name to the user's field changes; ``underlays`` maps a blank layout name to a scanned
    image drawn behind the text (for previews only, never for printing). ``backgrounds`` maps a
    blank layout name to the ward's own design: in mode "full" a template whose blank has one
    prints that design with the blank's text layout instead of the default plain design.
    The file appears only when complete (written beside it, then renamed).
    """
    from reportlab.pdfgen.canvas import Canvas

    from app import APP_NAME
    from app.fonts import face, register_fonts

    # ReportLab's optional C accelerators (package rl_accel, about 10 % faster here) are
    # named so that PyInstaller bundles them when installed; without them, the same output.
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        pass
    if mode not in ("full", "blank"):
        raise ValueError(mode)
    register_fonts()
    out = Path(out_path)
    part = out.with_name(out.name + ".part")
    templates = {name: get_template(name) for name in dict.fromkeys(c.template for c in certs)}
    designs = {n: backgrounds[t.blank_layout] for n, t in templates.items()
               if mode == "full" and t.blank_layout in (backgrounds or {})}
    first = (get_layout(_layout_name(next(iter(templates.values())), mode, designs))
             if templates else None)
    size = (first.page_mm[0] * MM, first.page_mm[1] * MM) if first else (842, 595)
    with binary_streams():
        c = Canvas(str(part), pagesize=size, initialFontName=face("Tinos"), pageCompression=1)
        c.setTitle(nfc(title))
        c.setCreator(APP_NAME)
        _draw_all(c, certs, templates, mode, size, offsets, overrides, underlays, designs,
                  progress, cancelled, part, out)
    return len(certs)


def _draw_all(c, certs, templates, mode, size, offsets, overrides, underlays, designs,
              progress, cancelled, part: Path, out: Path) -> None:
    try:
        forms = {}
        if mode == "full":
            forms = {n: _draw_design_form(c, t, designs[n]) if n in designs
                     else _draw_static_form(c, t, *size) for n, t in templates.items()}
        total = len(certs)
        fields_cache: dict = {}  # (layout, subject type) → fields: the same for a whole batch
        for i, cert in enumerate(certs):
            if cancelled is not None and i % 10 == 0 and cancelled():
                raise RenderCancelled()
            _draw_page(c, cert, templates[cert.template], mode, forms, offsets, overrides,
                       underlays, fields_cache, cert.template in designs)
            c.showPage()
            if progress is not None and (i % 25 == 24 or i == total - 1):
                progress(i + 1, total)
        c.save()
        replace_file(part, out)  # Word/Excel-style "file in use" gets its sentence
    finally:
        if part.exists():
            part.unlink()


def _layout_name(template: Template, mode: str, designs=()) -> str:
    """The full design's layout, or the blank's (on a blank, or over the ward's design)."""
    if mode == "full" and template.name not in designs:
        return template.full_layout
    return template.blank_layout


def _draw_page(c, cert, template, mode, forms, offsets, overrides, underlays,
               fields_cache: dict, designed: bool = False) -> None:
    layout = get_layout(_layout_name(template, mode, (template.name,) if designed else ()))
    page_w, page_h = layout.page_mm[0] * MM, layout.page_mm[1] * MM
    c.setPageSize((page_w, page_h))
    flow_bottom = layout.flow_bottom
    if mode == "full":
        c.doForm(forms[cert.template])
        page_offsets = NO_OFFSETS  # plain paper: the design and its text move together
    else:
        page_offsets = offsets.get(layout.name, Offsets()) if isinstance(offsets, dict) else offsets
        image = (underlays or {}).get(layout.name)
        # A moved scan just disappears from the preview.
        if isinstance(image, bytes) or (image and Path(image).is_file()):
            c.drawImage(_image(image), 0, 0, page_w, page_h)
    key = (layout.name, cert.subject_type)
    if key not in fields_cache:
        fields_cache[key] = layout.for_subject(cert.subject_type,
                                               (overrides or {}).get(layout.name))
    fields = fields_cache[key]
    draw_fields(c, fields, certificate_values(cert, template), page_h, page_offsets, flow_bottom)
