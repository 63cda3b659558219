"""Every template renders; its text extracts as the NFC input; fonts embedded; offsets exact."""

from __future__ import annotations

import re
import unicodedata

import pytest
from cert_fixtures import SHORT, cert, every_certificate
from pypdf import PdfReader

from app.certificates import (
    Offsets,
    RenderCancelled,
    get_layout,
    get_template,
    render_pdf,
    render_test_grid,
    template_names,
)
from app.certificates.render import MM


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("mode", ["full", "blank"])
def test_every_template_renders_short_and_long_names_with_extractable_nfc_text(tmp_path, mode):
    certs = every_certificate()
    out = tmp_path / f"giấy khen {mode}.pdf"
    assert render_pdf(certs, out, mode=mode) == len(certs)
    pages = PdfReader(out).pages
    assert len(pages) == len(certs)
    for page, c in zip(pages, certs, strict=True):
        text = flat(page.extract_text())
        assert unicodedata.is_normalized("NFC", text)
        t = get_template(c.template)
        expected = [flat(f"{c.salutation} {c.name}"), c.place_date, c.signer_name,
                    c.certificate_no, c.decision_no, c.issuer_title, c.signer_title]
        citation = t.default_citation(c.subject_type).format(year=c.year)
        expected.append(citation)
        if mode == "full":
            expected += ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         t.verb, t.title]
        for value in expected:
            assert flat(value) in text, (c.template, c.subject_type, value, text)


def test_decomposed_input_is_drawn_as_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh Tuyết")
    out = tmp_path / "nfd.pdf"
    render_pdf([cert("giay_khen", "person", "Bà", nfd)], out)
    text = PdfReader(out).pages[0].extract_text()
    assert "Bà Nguyễn Thị Ánh Tuyết" in text
    assert "\u0303" not in text and "\u0301" not in text  # no loose combining marks


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Base font name → embedded (FontFile2) for every font on every page and in forms."""
    found: dict[str, bool] = {}

    def visit(resources):
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = desc is not None and "/FontFile2" in desc.get_object()
            found[str(font["/BaseFont"])] = embedded
        for xobj in (resources.get("/XObject") or {}).values():
            xobj = xobj.get_object()
            if "/Resources" in xobj:
                visit(xobj["/Resources"])

    for page in reader.pages:
        visit(page["/Resources"])
    return found


@pytest.mark.parametrize("mode", ["full", "blank"])
def test_only_bundled_fonts_are_used_and_all_are_embedded(tmp_path, mode):
    out = tmp_path / "fonts.pdf"
    render_pdf(every_certificate()[:6], out, mode=mode)
    fonts = _fonts(PdfReader(out))
    assert fonts and all(fonts.values()), fonts
    assert all(("Tinos" in n or "NotoSerifDisplay" in n) for n in fonts), fonts
    assert b"Helvetica" not in out.read_bytes()


def _positions(path) -> dict[str, tuple[float, float]]:
    """Text → (x, y) in points of each text run on page 1."""
    found = {}

    def visitor(text, cm, tm, _font, _size):
        if text.strip():
            found[text.strip()] = (tm[4] + cm[4], tm[5] + cm[5])

    PdfReader(path).pages[0].extract_text(visitor_text=visitor)
    return found


@pytest.mark.parametrize("template", template_names())
def test_calibration_offsets_move_every_field_by_exactly_the_offset(tmp_path, template):
    t = get_template(template)
    c = cert(template, t.subject_types[0], *SHORT[t.subject_types[0]])
    render_pdf([c], tmp_path / "a.pdf", mode="blank")
    render_pdf([c], tmp_path / "b.pdf", mode="blank", offsets={t.blank_layout: Offsets(3.5, -2.25)})
    before, after = _positions(tmp_path / "a.pdf"), _positions(tmp_path / "b.pdf")
    printed = [f for f in get_layout(t.blank_layout).for_subject(c.subject_type) if f.printed]
    assert len(before) >= len(printed) - 1  # every printed field drew text (one may be empty)
    assert before.keys() == after.keys()
    for text, (x, y) in before.items():
        ax, ay = after[text]
        assert ax - x == pytest.approx(3.5 * MM, abs=0.01), text
        assert ay - y == pytest.approx(2.25 * MM, abs=0.01), text  # y down = PDF y up


def test_blank_mode_prints_no_art_and_respects_the_print_flag(tmp_path):
    out = tmp_path / "blank.pdf"
    c = cert("giay_khen", "person", "Ông", "Lê An")
    render_pdf([c], out, mode="blank")
    text = PdfReader(out).pages[0].extract_text()
    assert "CỘNG HÒA" not in text and "GIẤY KHEN" not in text  # pre-printed on the blank
    overrides = {"phoi_giay_khen": {"*": {"title": {"print": True}, "signer_name": {"print": False}}}}
    render_pdf([c], out, mode="blank", overrides=overrides)
    text = PdfReader(out).pages[0].extract_text()
    assert "GIẤY KHEN" in text and "Nguyễn Văn Hùng" not in text


def test_field_override_moves_only_that_field(tmp_path):
    c = cert("ldtt", "person", "Ông", "Lê An")
    render_pdf([c], tmp_path / "a.pdf", mode="blank")
    render_pdf([c], tmp_path / "b.pdf", mode="blank",
               overrides={"phoi_danh_hieu": {"person": {"name": {"y": 110}}}})
    a, b = _positions(tmp_path / "a.pdf"), _positions(tmp_path / "b.pdf")
    assert b["Ông Lê An"][1] - a["Ông Lê An"][1] == pytest.approx(2 * MM, abs=0.01)
    assert a["Nguyễn Văn Hùng"] == b["Nguyễn Văn Hùng"]


def test_cancel_leaves_no_file(tmp_path):
    out = tmp_path / "huỷ.pdf"
    calls = []
    with pytest.raises(RenderCancelled):
        render_pdf(every_certificate() * 3, out, cancelled=lambda: calls.append(1) or len(calls) > 1)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_progress_reaches_the_total(tmp_path):
    seen = []
    certs = every_certificate() * 4
    render_pdf(certs, tmp_path / "p.pdf", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(certs), len(certs))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_static_art_is_one_form_per_template(tmp_path):
    out = tmp_path / "forms.pdf"
    render_pdf([cert("giay_khen", "person", "Ông", f"Lê Văn {i}") for i in range(30)], out)
    reader = PdfReader(out)
    names = {n for p in reader.pages for n in p["/Resources"]["/XObject"]}
    assert len(names) == 1
    assert out.stat().st_size < 200_000  # art stored once, not 30 times


def test_test_grid_shows_the_boxes_and_the_offsets(tmp_path):
    out = render_test_grid(tmp_path / "lưới.pdf", "phoi_giay_khen", Offsets(1.5, -2), printer="HP")
    text = PdfReader(out).pages[0].extract_text()
    assert "TRANG CĂN CHỈNH IN PHÔI" in text and "X = +1.5 mm" in text and "Y = -2.0 mm" in text
    assert "Ông Nguyễn Văn An" in text
