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
