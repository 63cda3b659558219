"""Issue 10 point 1: a cell that is valid Vietnamese Unicode is never converted, whatever the
rest of its column holds.

The legacy strings below are typed by hand from the published tables — TCVN3 (ABC, TCVN
5712:1993): ă=¨ â=© ê=ª ô=« ơ=¬ ư=­ (soft hyphen) đ=® Đ=§, à=µ á=¸ ã=· ạ=¹, ặ=Æ ầ=Ç, ễ=Ô,
ị=Þ, ó=ã, ở=ë, ù=ï; VNI-Windows: a vowel then its mark, â=aâ ă=aê ê=eâ ô=oâ, acute ù, grave ø,
tilde õ, dot ï, ấ=aá ầ=aà ẫ=aã, ơ=ô ư=ö đ=ñ Đ=Ñ ị=ò — never made with the module's encoder.
"""

import pytest
from excel_helpers import seed_ward, workbook

from app.cli import main as cli_main
from app.excel.decoding import decide
from app.excel.importer import commit, preview, recheck, set_cell_choice
from app.excel.syllables import is_syllable

# Unicode names and addresses whose every letter is also a legacy byte (ô í ó á à â).
UNICODE_LOOKALIKES = ["Ngô Minh Chính", "Phí Bá Phong", "Tô Hoài", "Hà Văn Lũng"]
TCVN3 = {  # hand-typed TCVN3 → what it says
    "NguyÔn V¨n Hïng": "Nguyễn Văn Hùng",
    "TrÇn ThÞ Lan": "Trần Thị Lan",
    "§Æng V¨n H\u00adëng": "Đặng Văn Hưởng",
    "Xãm 2, th«n Tr¸c Ch©u": "Xóm 2, thôn Trác Châu",
}
VNI = {
    "Nguyeãn Vaên Huøng": "Nguyễn Văn Hùng",
    "Traàn Thò Lan": "Trần Thị Lan",
    "Phaïm Vaên Ñöùc": "Phạm Văn Đức",
    "Thoân Ñoâng Giaøng": "Thôn Đông Giàng",
}


@pytest.fixture
def ward(db):
    return seed_ward(db)


def _column_file(tmp_path, names, addresses, fonts=None, name="cột.xlsx"):
    rows = [["STT", "Họ và tên chủ hộ", "Khu dân cư", "Địa chỉ"]]
    rows += [[i, n, "Khu dân cư số 1", a] for i, (n, a) in enumerate(zip(names, addresses),
                                                                        start=1)]
    return workbook(rows, fonts=fonts, sheet="Hộ", path=tmp_path / name)


def test_unicode_cells_survive_a_column_of_tcvn3(db, ward, tmp_path):
    """Today the TCVN3 majority drags "Ngô Minh Chính" into "Ngơ Minh Chính"."""
    legacy = list(TCVN3)
    names = legacy[:3] + UNICODE_LOOKALIKES + legacy[:3]
    addresses = ["Xóm 3, thôn Trác Châu"] * 4 + [legacy[3]] * 6
    path = _column_file(tmp_path, names, addresses)
    result = preview(db, "household", path)
    got = [(r.values["name"], r.values["address"]) for r in result.rows]
    expected_names = [TCVN3[n] for n in legacy[:3]] + UNICODE_LOOKALIKES + [
        TCVN3[n] for n in legacy[:3]]
    assert [n for n, _ in got] == expected_names
    assert [a for _, a in got] == ["Xóm 3, thôn Trác Châu"] * 4 + ["Xóm 2, thôn Trác Châu"] * 6


def test_unicode_cells_survive_a_column_of_vni(db, ward, tmp_path):
    legacy = list(VNI)
    names = legacy[:3] * 2 + UNICODE_LOOKALIKES
    addresses = [legacy[3]] * 6 + ["Xóm 3, thôn Trác Châu"] * 4
    result = preview(db, "household", _column_file(tmp_path, names, addresses))
    assert [r.values["name"] for r in result.rows] == [VNI[n] for n in legacy[:3]] * 2 + \
        UNICODE_LOOKALIKES
    assert [r.values["address"] for r in result.rows] == ["Thôn Đông Giàng"] * 6 + [
        "Xóm 3, thôn Trác Châu"] * 4


def test_a_cell_does_not_depend_on_the_rest_of_the_file(db, ward, tmp_path):
    alone = preview(db, "household", _column_file(tmp_path, ["Phí Bá Phong"], [None], name="1.xlsx"))
    crowd = preview(db, "household", _column_file(
        tmp_path, [*TCVN3][:3] * 3 + ["Phí Bá Phong"], [None] * 10, name="2.xlsx"))
    assert alone.rows[0].values["name"] == crowd.rows[-1].values["name"] == "Phí Bá Phong"


def test_legacy_font_converts_and_unicode_without_it_stays(db, ward, tmp_path):
    names = ["§Æng V¨n H\u00adëng", "Phí Bá Phong", "Traàn Thò Lan", "Ngô Minh Chính"]
    fonts = {"B2": ".VnTime", "B4": "VNI-Times", "B5": "Times New Roman"}
    result = preview(db, "household", _column_file(tmp_path, names, [None] * 4, fonts=fonts))
    assert [r.values["name"] for r in result.rows] == [
        "Đặng Văn Hưởng", "Phí Bá Phong", "Trần Thị Lan", "Ngô Minh Chính"]


def test_ambiguous_cells_are_listed_with_before_after_and_a_choice(db, ward, tmp_path):
    names = ["NguyÔn V¨n Hïng", "Ngô Minh Chính"]
    result = preview(db, "household", _column_file(tmp_path, names, [None, None]))
    by_cell = {f"{c.column}{c.row}": c for c in result.cells}
    converted, kept = by_cell["B2"], by_cell["B3"]
    assert (converted.convert, converted.decision.ambiguous) == (True, False)
    assert (kept.convert, kept.decision.ambiguous) == (False, True)
    assert (kept.decision.original, kept.decision.text(True)) == ("Ngô Minh Chính",
                                                                   "Ngơ Minh Chính")
    assert "Trang “Hộ”, ô B3" in kept.text() and "giữ nguyên" in kept.text()
    assert "1 ô đọc được hai cách" in result.summary()
    # The user says it is VNI after all: the row reads again with the choice.
    set_cell_choice(result, kept, True)
    assert not result.ok  # must be checked again before import
    recheck(db, result)
    assert result.rows[1].values["name"] == "Ngơ Minh Chính" and result.ok
    assert commit(db, result).created == 2


def test_cli_reports_each_conversion_with_sheet_row_and_column(db, ward, tmp_path, capsys):
    path = _column_file(tmp_path, ["TrÇn ThÞ Lan", "Phí Bá Phong"], [None, None])
    assert cli_main(["import", "household", str(path), "--db", str(db.path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert ("Trang “Hộ”, ô B2 (Chủ hộ): đã chuyển mã TCVN3 (ABC): “TrÇn ThÞ Lan” → "
            "“Trần Thị Lan”") in out
    assert "Trang “Hộ”, ô B3 (Chủ hộ): giữ nguyên “Phí Bá Phong”" in out
    # --convert applies the other reading to a listed cell
    assert cli_main(["import", "household", str(path), "--db", str(db.path), "--dry-run",
                     "--convert", "Hộ!B3"]) == 0
    assert "đã chuyển mã TCVN3 (ABC): “Phí Bá Phong” → “Phớ Bỏ Phong”" in capsys.readouterr().out


@pytest.mark.parametrize("raw,expected", [*TCVN3.items(), *VNI.items()])
def test_hand_typed_legacy_strings_decode(raw, expected):
    d = decide(raw)
    assert d.convert and d.text().lower() == expected.lower()


@pytest.mark.parametrize("text", UNICODE_LOOKALIKES + ["Xóm 3, thôn Trác Châu", "Lê Hà",
                                                       "café", "ABC 123"])
def test_valid_unicode_is_never_converted(text):
    for font in (None, "Times New Roman", "Arial"):
        assert decide(text, font).text() == text


def test_syllable_rules_not_a_word_list():
    # onset spelling: k/gh/ngh before e ê i, c/g/ng elsewhere
    assert all(map(is_syllable, ["kẻ", "ghế", "nghĩ", "cà", "gà", "ngà", "quốc", "gìn"]))
    assert not any(map(is_syllable, ["kà", "ghà", "nghà", "cẻ", "gế", "ngĩ"]))
    # stop codas take only sắc or nặng
    assert is_syllable("việt") and is_syllable("biết")
    assert not any(map(is_syllable, ["viềt", "biệt̃", "bìêt", "tàt", "hỏc"]))
    # ă â need a coda; iê uô ươ need one too (open forms are ia ua ưa)
    assert not any(map(is_syllable, ["bă", "tâ", "tiê", "muô", "mươ"]))
    assert all(map(is_syllable, ["bia", "mua", "mưa", "khuya", "thuở", "xoong"]))
    # legacy bytes read as Unicode
    assert not any(map(is_syllable, ["hßa", "Céng", "Coäng", "hoøa", "Ch©u", "Ñoâng"]))


def test_lookalike_unicode_is_not_asked_about_in_a_purely_unicode_sheet(db, ward, tmp_path):
    """"Ngô Minh Hà" is valid Unicode and stays so; a sheet without any legacy text does not
    list it as readable two ways (big Unicode files were full of such questions)."""
    names = ["Ngô Minh Hà", "Phí Bá Phong", "Nguyễn Thị Hương"]
    result = preview(db, "household", _column_file(tmp_path, names, [None] * 3))
    assert [r.values["name"] for r in result.rows] == names
    assert result.cells == [] and "hai cách" not in result.summary()


def test_lookalike_unicode_is_asked_about_when_the_sheet_holds_legacy_text(db, ward, tmp_path):
    # evidence: a cell only TCVN3 reads, or a cell in a legacy font
    for i, (names, fonts) in enumerate([(["NguyÔn V¨n Hïng", "Ngô Minh Hà"], None),
                                        (["Ngô Minh Hà", "Le Van Tam"], {"B3": ".VnTime"})]):
        result = preview(db, "household", _column_file(tmp_path, names, [None] * 2,
                                                       fonts=fonts, name=f"{i}.xlsx"))
        lookalike = next(c for c in result.cells if c.decision.original == "Ngô Minh Hà")
        assert lookalike.decision.ambiguous and not lookalike.convert
        assert result.rows[names.index("Ngô Minh Hà")].values["name"] == "Ngô Minh Hà"


def test_legacy_text_on_another_sheet_is_no_evidence(db, ward, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Hộ 1"
    ws.append(["STT", "Họ và tên chủ hộ", "Khu dân cư"])
    ws.append([1, "Ngô Minh Hà", "Khu dân cư số 1"])
    other = wb.create_sheet("Hộ 2")
    other.append(["STT", "Họ và tên chủ hộ", "Khu dân cư"])
    other.append([1, "TrÇn ThÞ Lan", "Khu dân cư số 1"])
    wb.save(tmp_path / "hai.xlsx")
    result = preview(db, "household", tmp_path / "hai.xlsx")
    assert [(c.sheet, c.decision.original) for c in result.cells] == [("Hộ 2", "TrÇn ThÞ Lan")]


@pytest.mark.parametrize("font", [None, ".VnTime"])
def test_legacy_abbreviations_read_without_a_question(font):
    """Registers abbreviate awards: TCVN3 "L§TT", "G§VH" are LĐTT, GĐVH (abbreviations are
    not syllables, but they are Vietnamese letters all the same)."""
    for raw, expected in (("L§TT", "LĐTT"), ("G§VH", "GĐVH"), ("CST§CS", "CSTĐCS")):
        d = decide(raw, font)
        assert (d.text(), d.convert, d.ambiguous) == (expected, True, False)
