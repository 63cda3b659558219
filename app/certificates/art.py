"""The static vector art of the default plain design: an ornamental border and the rule under
the motto. No national emblem is drawn (a crude copy is worse than none): a ward that wants
its own design with the emblem loads a scan of it (app.services.awards.certificate_designs).

Drawn once per document into a form XObject (see render.py). Solid colours only: alpha
inside a form makes some PDF readers (poppler) complain.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm

# name → (frame colour, gold, band fill, light tint)
PALETTES = {
    "crimson": ("#9E1B1F", "#C59A3D", "#FBF1D9", "#FDF7EA"),
    "navy": ("#1E3A6E", "#C59A3D", "#F3F0E2", "#F4F3EC"),
    "jade": ("#1F5E3A", "#C59A3D", "#F2F3DF", "#F3F5EA"),
}


def _corner(c, x: float, y: float, size: float, frame, gold) -> None:
    """A square corner block with a four-petal flower."""
    c.setFillColor(frame)
    c.rect(x - size / 2, y - size / 2, size, size, fill=1, stroke=0)
    c.setFillColor(gold)
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        c.circle(x + dx * size * 0.2, y + dy * size * 0.2, size * 0.17, fill=1, stroke=0)
    c.setFillColor(frame)
    c.circle(x, y, size * 0.1, fill=1, stroke=0)


def _band_motifs(c, x0: float, y0: float, x1: float, y1: float, pitch: float, gold) -> None:
    """Diamonds and dots along the middle line of the band between two rectangles."""
    c.setFillColor(gold)
    d = pitch * 0.28
    for (ax, ay), (bx, by) in (((x0, y0), (x1, y0)), ((x0, y1), (x1, y1)),
                               ((x0, y0), (x0, y1)), ((x1, y0), (x1, y1))):
        length = math.hypot(bx - ax, by - ay)
        count = max(1, int(length / pitch))
        for i in range(1, count):
            t = i / count
            px, py = ax + (bx - ax) * t, ay + (by - ay) * t
            if i % 2:
                p = c.beginPath()
                p.moveTo(px - d, py)
                p.lineTo(px, py + d)
                p.lineTo(px + d, py)
                p.lineTo(px, py - d)
                p.close()
                c.drawPath(p, fill=1, stroke=0)
            else:
                c.circle(px, py, d * 0.35, fill=1, stroke=0)


def border(c, width: float, height: float, palette: str) -> None:
    """Double frame with an ornamented band and corner flowers; the centre stays white."""
    frame, gold, band, _ = (HexColor(v) for v in PALETTES[palette])
    outer, inner = 8 * mm, 17 * mm
    c.setFillColor(band)
    c.rect(outer, outer, width - 2 * outer, height - 2 * outer, fill=1, stroke=0)
    c.setFillColor(HexColor("#FFFFFF"))
    c.rect(inner, inner, width - 2 * inner, height - 2 * inner, fill=1, stroke=0)
    c.setStrokeColor(frame)
    c.setLineWidth(2.2)
    c.rect(outer, outer, width - 2 * outer, height - 2 * outer, fill=0, stroke=1)
    c.setLineWidth(0.8)
    c.rect(inner, inner, width - 2 * inner, height - 2 * inner, fill=0, stroke=1)
    c.setStrokeColor(gold)
    c.setLineWidth(0.6)
    for gap in (1.6 * mm, -1.6 * mm):
        o = outer + gap if gap > 0 else inner - gap
        c.rect(o, o, width - 2 * o, height - 2 * o, fill=0, stroke=1)
    mid = (outer + inner) / 2
    _band_motifs(c, mid, mid, width - mid, height - mid, 6 * mm, gold)
    for x in (mid, width - mid):
        for y in (mid, height - mid):
            _corner(c, x, y, 11 * mm, frame, gold)


def motto_rule(c, cx: float, y: float, half_width: float) -> None:
    """The short line under "Độc lập - Tự do - Hạnh phúc"."""
    c.setStrokeColor(HexColor("#000000"))
    c.setLineWidth(0.7)
    c.line(cx - half_width, y, cx + half_width, y)
