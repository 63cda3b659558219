"""Legacy encodings: known samples, and generated samples of real sentences and names."""

import random

import pytest

from app.excel.decoding import decide, to_unicode
from app.excel.legacy import (
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
)
from app.excel.syllables import is_syllable
from app.text import title_case_name

SENTENCES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc",
    "Phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa",
    "Vì người nghèo - Không để ai bị bỏ lại phía sau",
    "Cả nước chung sức xây dựng nông thôn mới",
    "Bình dân học vụ số",
    "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm 2024",
    "Khu dân cư số 3, phường Thành Đông, thành phố Hải Phòng",
    "Gia đình văn hóa tiêu biểu; người tốt, việc tốt",
    "Trưởng thôn Đông Giàng nhận giấy khen của Chủ tịch Ủy ban nhân dân",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
          "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lương", "Thái"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hương", "Khoa",
         "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Ngọc", "Phương", "Quang", "Quyên", "Sơn",
         "Thảo", "Thủy", "Trang", "Tuấn", "Uyên", "Việt", "Yến", "Ánh", "Ước", "Ổn", "Ẩn"]


def _names(n, seed=6):
    rng = random.Random(seed)
    return [f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(n)]


def test_known_samples_from_real_files():
    assert decode_tcvn3("Céng hßa x· héi chñ nghÜa ViÖt Nam") == SENTENCES[0]
    assert decode_vni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == SENTENCES[0]
    assert decode_tcvn3("Tr\u00ad¬ng") == "Trương"  # ư is the soft hyphen
    assert decode_vni("Oâng") == "Ông" and decode_vni("Ô") == "Ơ"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_sentences_detected_and_converted(sentence):
    vni = encode_vni(sentence)
    assert vni != sentence
    assert to_unicode(vni).text == sentence
    assert to_unicode(vni, "VNI-Times").encoding == "vni"
    tcvn = encode_tcvn3(sentence)
    decoded = to_unicode(tcvn, ".VnTime")
    assert decoded.encoding == "tcvn3"
    # ABC has no toned capitals: compare ignoring the case of those letters.
    assert decoded.text.lower() == sentence.lower()


def test_generated_names_round_trip_with_font_hint():
    for name in _names(300):
        assert to_unicode(encode_vni(name), "VNI-Times").text == name
        got = to_unicode(encode_tcvn3(name), ".VnTime").text
        assert title_case_name(got) == name


def test_generated_names_without_font_mostly_detected():
    names = _names(300, seed=7)
    ok_vni = sum(to_unicode(encode_vni(n)).text == n for n in names)
    ok_tcvn = sum(title_case_name(to_unicode(encode_tcvn3(n)).text) == n for n in names)
    assert ok_vni >= 290 and ok_tcvn >= 290


def test_caps_font_gives_capitals():
    assert to_unicode(encode_tcvn3("danh sách hộ gia đình"), ".VnTimeH").text == (
        "DANH SÁCH HỘ GIA ĐÌNH"
    )


def test_unicode_left_alone():
    for text in ["Lê Hà", "Hồ Chí Minh", "café", "Nguyễn Văn An", "ABC 123", "Lê Thị Mỹ Dung"]:
        assert to_unicode(text).text == text
        assert to_unicode(text).encoding == "unicode"
    # decomposed input is normalised
    assert to_unicode("Nguye\u0302\u0303n").text == "Nguyễn"


def test_word_valid_both_ways_is_kept_and_offered():
    """VNI "noài" (nồi) is also the valid Unicode "noài": kept, the VNI reading offered."""
    d = decide("noài")
    assert (d.text(), d.convert, d.ambiguous, d.legacy_text) == ("noài", False, True, "nồi")


def test_syllable_checker():
    for w in ["nghiêng", "khuya", "thuở", "người", "xoong", "Ước", "quốc", "giữa"]:
        assert is_syllable(w), w
    for w in ["hßa", "vieät", "ăă", "tàt", "xyz", "quoác", "haùnh", "bỡnh", "Ñinh"]:
        assert not is_syllable(w), w


def test_eth_typed_for_d_stroke():
    assert to_unicode("\u00d0\u1eb7ng V\u0103n An").text == "Đặng Văn An"
    assert to_unicode("\u00d0ông").text == "Đông"
    assert to_unicode("v\u00d0 xe", ".VnTime").text == "vé xe"  # in ABC, Ð is é
