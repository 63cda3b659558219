"""Long names shrink, then wrap, and never leave their box."""

from __future__ import annotations

import pytest
from cert_fixtures import LONG_AREA, LONG_COLLECTIVE, LONG_HOUSEHOLD, LONG_PERSON

from app.certificates import get_layout, get_template, template_names
from app.certificates.fit import _width, fit_text
from app.certificates.render import MM
from app.fonts import face

LONG_CITATION = ("Đã có thành tích xuất sắc trong phong trào thi đua “Cả nước chung sức xây dựng "
                 "nông thôn mới, đô thị văn minh”, phong trào “Toàn dân đoàn kết xây dựng đời sống "
                 "văn hóa ở khu dân cư” và công tác bảo đảm an ninh trật tự giai đoạn 2021 – 2025")


def test_short_text_keeps_its_size():
    fitted = fit_text("Ông Lê Văn An", face("Tinos", bold=True), 22, 16, 200 * MM, 2)
    assert fitted.size == 22 and fitted.lines == ("Ông Lê Văn An",)


def test_shrinks_before_it_wraps():
    font = face("NotoSerifDisplay", bold=True)
    text = "Bà " + LONG_PERSON
    wide = _width(text, font, 22)
    fitted = fit_text(text, font, 22, 16, wide * 0.9, 2)
    assert len(fitted.lines) == 1 and 16 <= fitted.size < 22
    assert _width(fitted.lines[0], font, fitted.size) <= wide * 0.9


def test_wraps_when_shrinking_is_not_enough_and_keeps_the_dash_on_the_first_line():
    font = face("NotoSerifDisplay", bold=True)
    fitted = fit_text(LONG_COLLECTIVE, font, 23, 17, 230 * MM, 2)
    assert len(fitted.lines) == 2 and fitted.size >= 17
    assert " ".join(fitted.lines) == LONG_COLLECTIVE
    assert not fitted.lines[1].startswith("–")
    assert not fitted.lines[0].endswith("số") and not fitted.lines[1].startswith("12")


def test_never_overflows_even_below_the_minimum():
    font = face("Tinos")
    fitted = fit_text(LONG_CITATION * 2, font, 15, 13, 120 * MM, 2)
    assert len(fitted.lines) <= 2
    assert all(_width(line, font, fitted.size) <= 120 * MM + 0.01 for line in fitted.lines)


@pytest.mark.parametrize("template", template_names())
@pytest.mark.parametrize("mode", ["full", "blank"])
def test_longest_real_names_fit_every_layout(template, mode):
    """The longest names we know fit each name/position/citation box within its limits."""
    t = get_template(template)
    layout = get_layout(t.full_layout if mode == "full" else t.blank_layout)
    longest = {"person": "Bà " + LONG_PERSON, "collective": LONG_COLLECTIVE,
               "household": "Gia đình bà " + LONG_HOUSEHOLD, "area": LONG_AREA}
    for subject_type in t.subject_types:
        fields = {f.key: f for f in layout.for_subject(subject_type)}
        for key, text in (("name", longest[subject_type]), ("citation", LONG_CITATION),
                          ("position_line", LONG_COLLECTIVE)):
            f = fields[key]
            if not f.printed:
                continue
            font = face(f.font, f.bold, f.italic)
            fitted = fit_text(text, font, f.size, f.min_size_pt, f.width * MM, f.lines)
            assert len(fitted.lines) <= f.lines
            assert all(_width(ln, font, fitted.size) <= f.width * MM + 0.01 for ln in fitted.lines)
            # Names stay legible: never below 11 pt, and long names keep at least their minimum
            # when the layout allows two lines.
            if key == "name":
                assert fitted.size >= 11, (template, mode, subject_type, fitted)
                if f.lines >= 2:
                    assert fitted.size >= f.min_size_pt


VERY_LONG = {
    "person": "Bà " + LONG_PERSON,
    "collective": "Ban Chỉ huy Quân sự phường Thành Đông – Chi hội Cựu chiến binh khu dân cư "
                  "số 12 Đông Giàng",
    "household": "Gia đình bà " + LONG_HOUSEHOLD,
    "area": LONG_AREA + " – Tổ dân phố Đông Giàng",
}


def _layout_files() -> list[str]:
    from app.paths import resource_path

    return sorted(p.stem for p in resource_path("certificates", "layouts").glob("*.json"))


@pytest.mark.parametrize("layout", _layout_files())
def test_every_field_has_its_own_minimum_size(layout):
    import json

    from app.paths import resource_path

    data = json.loads(resource_path("certificates", "layouts", f"{layout}.json")
                      .read_text("utf-8"))
    for f in data["fields"]:
        assert "min_size" in f and f["min_size"] <= f["size"], (layout, f["key"])
    names = [f for f in data["fields"] if f["key"] == "name"]
    assert names and names[0]["lines"] >= 2, layout  # a long name has a second line to go to


@pytest.mark.parametrize("template", template_names())
@pytest.mark.parametrize("mode", ["full", "blank"])
def test_a_long_name_wraps_before_it_shrinks_below_its_minimum(template, mode):
    t = get_template(template)
    layout = get_layout(t.full_layout if mode == "full" else t.blank_layout)
    for subject_type in t.subject_types:
        f = {f.key: f for f in layout.for_subject(subject_type)}["name"]
        font = face(f.font, f.bold, f.italic)
        fitted = fit_text(VERY_LONG[subject_type], font, f.size, f.min_size_pt, f.width * MM,
                          f.lines)
        assert fitted.size >= f.min_size_pt, (template, mode, subject_type, fitted)
        assert len(fitted.lines) == 2 or fitted.size > f.min_size_pt


def _line_boxes(path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, the (x0, y0, x1, y1, text) of each text line pdftotext finds."""
    import re
    import subprocess

    html = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = []
    for page in html.split("<page ")[1:]:
        boxes = []
        for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">(.*?)</line>', page, re.DOTALL):
            words = " ".join(re.findall(r">([^<]+)</word>", m.group(5)))
            boxes.append((*map(float, m.groups()[:4]), words))
        pages.append(boxes)
    return pages


@pytest.mark.parametrize("mode", ["full", "blank"])
def test_wrapped_names_push_the_lines_below_instead_of_overlapping_them(tmp_path, mode):
    from cert_fixtures import cert

    from app.certificates import render_pdf

    certs = [cert(name, st, "", VERY_LONG[st], position_line=LONG_COLLECTIVE,
                  citation=LONG_CITATION)
             for name in template_names() for st in get_template(name).subject_types]
    out = tmp_path / f"chồng chữ {mode}.pdf"
    render_pdf(certs, out, mode=mode)
    for c, boxes in zip(certs, _line_boxes(out), strict=True):
        # A line box spans the font's whole ascent and descent; its middle 60 % is where the
        # letters are: two lines collide when those overlap.
        cores = [(x0, y0 + 0.2 * (y1 - y0), x1, y1 - 0.2 * (y1 - y0), t)
                 for x0, y0, x1, y1, t in boxes]
        for i, a in enumerate(cores):
            for b in cores[i + 1:]:
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                assert overlap_x <= 0 or overlap_y <= 0, (c.template, c.subject_type, a, b)
