"""The static vector art of the full design: ornamental border, national emblem, watermark.

Drawn once per document into a form XObject (see render.py). Solid colours only: alpha
inside a form makes some PDF readers (poppler) complain.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm

# name → (frame colour, gold, band fill, watermark tint)
PALETTES = {
    "crimson": ("#9E1B1F", "#C59A3D", "#FBF1D9", "#FDF7EA"),
    "navy": ("#1E3A6E", "#C59A3D", "#F3F0E2", "#F4F3EC"),
    "jade": ("#1F5E3A", "#C59A3D", "#F2F3DF", "#F3F5EA"),
}
RED = "#C8102E"
STAR_YELLOW = "#FFD400"


def _star(c, cx: float, cy: float, r_out: float, rotation: float = 90.0) -> None:
    """A filled five-pointed star centred on (cx, cy)."""
    r_in = r_out * 0.381966
    p = c.beginPath()
    for i in range(10):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rotation + i * 36)
        x, y = cx + r * math.cos(a), cy + r * math.sin(a)
        p.moveTo(x, y) if i == 0 else p.lineTo(x, y)
    p.close()
    c.drawPath(p, fill=1, stroke=0)


def _leaf(c, x: float, y: float, length: float, width: float, angle: float) -> None:
    c.saveState()
    c.translate(x, y)
    c.rotate(angle)
    c.ellipse(-length / 2, -width / 2, length / 2, width / 2, fill=1, stroke=0)
    c.restoreState()


def emblem(c, cx: float, cy: float, r: float) -> None:
    """A simple national emblem: rice ears, red disc, yellow star, cogwheel, red ribbon."""
    gold = HexColor("#D4A72C")
    c.setFillColor(gold)
    # Rice ears: two arcs of grains from the bottom up each side.
    for side in (-1, 1):
        for i in range(11):
            a = math.radians(-100 + i * 17)
            gx = cx + side * r * 0.9 * math.cos(a)
            gy = cy + r * 0.9 * math.sin(a)
            tangent = math.degrees(a) + 90
            _leaf(c, gx, gy, r * 0.30, r * 0.12, tangent if side > 0 else 180 - tangent)
    # Cogwheel under the disc.
    cog_y, cog_r = cy - r * 0.62, r * 0.30
    for i in range(10):
        c.saveState()
        c.translate(cx, cog_y)
        c.rotate(i * 36)
        c.rect(-cog_r * 0.14, cog_r * 0.85, cog_r * 0.28, cog_r * 0.32, fill=1, stroke=0)
        c.restoreState()
    c.circle(cx, cog_y, cog_r, fill=1, stroke=0)
    # Red disc with a gold rim and the yellow star.
    c.circle(cx, cy + r * 0.08, r * 0.66, fill=1, stroke=0)
    c.setFillColor(HexColor(RED))
    c.circle(cx, cy + r * 0.08, r * 0.60, fill=1, stroke=0)
    c.setFillColor(HexColor(STAR_YELLOW))
    _star(c, cx, cy + r * 0.08, r * 0.46)
    # Ribbon across the bottom of the ears.
    c.setFillColor(HexColor(RED))
    p = c.beginPath()
    w, h, ry = r * 0.95, r * 0.16, cy - r * 0.92
    p.moveTo(cx - w, ry + h * 0.6)
    p.curveTo(cx - w * 0.4, ry - h * 0.6, cx + w * 0.4, ry - h * 0.6, cx + w, ry + h * 0.6)
    p.lineTo(cx + w, ry - h * 0.4)
    p.curveTo(cx + w * 0.4, ry - h * 1.6, cx - w * 0.4, ry - h * 1.6, cx - w, ry - h * 0.4)
    p.close()
    c.drawPath(p, fill=1, stroke=0)


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


def watermark(c, cx: float, cy: float, r: float, palette: str) -> None:
    """A large, very light star behind the text (a solid tint, not transparency)."""
    c.setFillColor(HexColor(PALETTES[palette][3]))
    _star(c, cx, cy, r)


def motto_rule(c, cx: float, y: float, half_width: float) -> None:
    """The short line under "Độc lập - Tự do - Hạnh phúc"."""
    c.setStrokeColor(HexColor("#000000"))
    c.setLineWidth(0.7)
    c.line(cx - half_width, y, cx + half_width, y)
