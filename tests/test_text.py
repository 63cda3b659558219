import unicodedata
from datetime import date

import pytest

from app import text


def test_nfc_normalises_decomposed_input():
    nfd = unicodedata.normalize("NFD", "  Nguyễn   Thị  Ánh ")
    assert text.nfc(nfd) == "Nguyễn Thị Ánh"
    assert unicodedata.is_normalized("NFC", text.nfc(nfd))


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("Đặng Văn Đức", "dang van duc"),
        ("NGUYỄN THỊ ÁNH", "nguyen thi anh"),
        ("Phường Thành Đông", "phuong thanh dong"),
        ("Trương Ưng Ơn", "truong ung on"),
        (unicodedata.normalize("NFD", "Lê Hữu Nghĩa"), "le huu nghia"),
    ],
)
def test_fold(raw, folded):
    assert text.fold(raw) == folded


def test_fold_tokens_drop_punctuation():
    assert text.fold_tokens("  Đào, thị-Huệ ") == ["dao", "thi", "hue"]


def _sorted(names):
    return sorted(names, key=text.name_sort_key)


def test_given_name_first_then_family_and_middle():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn An", "Phạm Bình"]
    assert _sorted(names) == ["Lê Văn An", "Nguyễn Thị An", "Phạm Bình", "Trần Văn Bình"]


def test_vietnamese_alphabet_order_d_before_dd():
    # "Đào" sorts after "Dương": d < đ in the Vietnamese alphabet.
    assert _sorted(["Đào", "Dương", "Dũng"]) == ["Dũng", "Dương", "Đào"]


@pytest.mark.parametrize(
    "first, second",
    [("An", "Ăn"), ("Ăn", "Ân"), ("Ân", "Bảo"), ("Em", "Êm"), ("Oanh", "Ôn"), ("Ôn", "Ơn"),
     ("Uyên", "Ưng"), ("Ca", "Cà"), ("Cà", "Cả"), ("Cả", "Cã"), ("Cã", "Cá"), ("Cá", "Cạ"),
     ("An", "Anh"), ("Vy", "Xuân")],
)
def test_letter_and_tone_order(first, second):
    assert text.name_sort_key(f"Nguyễn {first}") < text.name_sort_key(f"Nguyễn {second}")


def test_same_given_name_orders_by_family_then_middle():
    names = ["Trần Thị Hoa", "Nguyễn Văn Hoa", "Nguyễn Thị Hoa", "Đỗ Hoa"]
    assert _sorted(names) == ["Đỗ Hoa", "Nguyễn Thị Hoa", "Nguyễn Văn Hoa", "Trần Thị Hoa"]


def test_hard_names_sort_stably_and_nfd_equals_nfc():
    hard = "Nguyễn Hoàng Khánh Ngọc"
    assert text.name_sort_key(unicodedata.normalize("NFD", hard)) == text.name_sort_key(hard)
    assert text.name_sort_key("Tôn Nữ Thị Thu Hương") > text.name_sort_key("Lê Thị Hường"[:-1])


def test_case_does_not_change_order_level():
    assert text.name_sort_key("nguyễn văn an")[:10] == text.name_sort_key("NGUYỄN VĂN AN")[:10]


def test_title_case_name():
    assert text.title_case_name("nguyễn  văn AN") == "Nguyễn Văn An"
    assert text.title_case_name("ĐẶNG THỊ ỨNG") == "Đặng Thị Ứng"


@pytest.mark.parametrize("value, ok", [("001203004567", True), ("12345678901", False),
                                        ("00120300456a", False), ("", False)])
def test_cccd(value, ok):
    assert text.is_valid_cccd(value) is ok


def test_cccd_error_messages_are_vietnamese():
    assert text.cccd_error("") is None
    assert "12 chữ số" in text.cccd_error("123")
    assert "chữ số" in text.cccd_error("12345678901x")


def test_parse_and_format_dates():
    assert text.parse_date_vn("05/01/2024") == date(2024, 1, 5)
    assert text.parse_date_vn("5-1-2024") == date(2024, 1, 5)
    assert text.parse_date_vn("") is None
    assert text.format_date_vn(date(2024, 1, 5)) == "05/01/2024"
    with pytest.raises(ValueError, match="ngày/tháng/năm"):
        text.parse_date_vn("2024-01-05")
    with pytest.raises(ValueError, match="không có thật"):
        text.parse_date_vn("31/02/2024")


def test_date_line_leading_zeros_per_decree_30():
    assert text.date_line("Thành Đông", date(2025, 2, 3)) == "Thành Đông, ngày 03 tháng 02 năm 2025"
    assert text.date_line("Thành Đông", date(2025, 11, 20)) == "Thành Đông, ngày 20 tháng 11 năm 2025"


def test_salutation_and_money():
    assert text.salutation("nam") == "Ông"
    assert text.salutation("Nữ") == "Bà"
    assert text.salutation(None) == "Ông (Bà)"
    assert text.format_money(1234567) == "1.234.567"


def test_numbers_in_names_sort_by_value():
    names = ["Khu dân cư số 10", "Khu dân cư số 2", "Khu dân cư số 1"]
    assert sorted(names, key=text.text_sort_key) == ["Khu dân cư số 1", "Khu dân cư số 2",
                                                      "Khu dân cư số 10"]


def test_given_name_tone_decides_before_family_name():
    assert _sorted(["Đỗ Thị Ánh", "Hoàng Thị Anh"]) == ["Hoàng Thị Anh", "Đỗ Thị Ánh"]
