"""The bundled fonts, registered once with ReportLab. Never rely on ReportLab's built-ins:
they have no Vietnamese glyphs."""

from __future__ import annotations

from functools import cache

from app.paths import resource_path

# Family name → (regular, bold, italic, bold italic) file names in resources/fonts.
FAMILIES = {
    # Body text, metric-compatible with Times New Roman (Nghị định 30/2020 asks for it).
    "Tinos": ("Tinos-Regular.ttf", "Tinos-Bold.ttf", "Tinos-Italic.ttf", "Tinos-BoldItalic.ttf"),
    # Dignified display face for certificate titles.
    "NotoSerifDisplay": (
        "NotoSerifDisplay-Regular.ttf",
        "NotoSerifDisplay-Bold.ttf",
        "NotoSerifDisplay-Italic.ttf",
        "NotoSerifDisplay-BoldItalic.ttf",
    ),
}
BODY = "Tinos"
DISPLAY = "NotoSerifDisplay"


def face(family: str, bold: bool = False, italic: bool = False) -> str:
    """ReportLab font name of one face, e.g. face("Tinos", bold=True) == "Tinos-Bold"."""
    register_fonts()
    suffix = {(False, False): "", (True, False): "-Bold", (False, True): "-Italic",
              (True, True): "-BoldItalic"}[(bold, italic)]
    return family + suffix


@cache
def register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for family, files in FAMILIES.items():
        names = [family, family + "-Bold", family + "-Italic", family + "-BoldItalic"]
        for name, file in zip(names, files):
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file))))
        for (bold, italic), name in zip([(0, 0), (1, 0), (0, 1), (1, 1)], names):
            addMapping(family, bold, italic, name)
        pdfmetrics.registerFontFamily(
            family, normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
        )
