"""Money in words as a ward accountant writes it on a decision and a payment list (issue 12.4):
every group after the first reads its hundreds ("không trăm"), a lone unit after the hundreds
reads "linh", and the table below is written by hand, not computed."""

from __future__ import annotations

import pytest

from app.services.awards.money import amount_in_words

HAND_WRITTEN = [
    (0, "Không đồng"),
    (5_000, "Năm nghìn đồng"),
    (10_000, "Mười nghìn đồng"),
    (15_000, "Mười lăm nghìn đồng"),
    (21_000, "Hai mươi mốt nghìn đồng"),
    (24_000, "Hai mươi tư nghìn đồng"),
    (105_000, "Một trăm linh năm nghìn đồng"),
    (110_000, "Một trăm mười nghìn đồng"),
    (115_000, "Một trăm mười lăm nghìn đồng"),
    (125_000, "Một trăm hai mươi lăm nghìn đồng"),
    (710_000, "Bảy trăm mười nghìn đồng"),
    (1_000_000, "Một triệu đồng"),
    (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
    (1_010_000, "Một triệu không trăm mười nghìn đồng"),
    (1_060_000, "Một triệu không trăm sáu mươi nghìn đồng"),
    (1_410_000, "Một triệu bốn trăm mười nghìn đồng"),
    (2_001_000, "Hai triệu không trăm linh một nghìn đồng"),
    (2_340_000, "Hai triệu ba trăm bốn mươi nghìn đồng"),
    (15_500_000, "Mười lăm triệu năm trăm nghìn đồng"),
    (21_000_000, "Hai mươi mốt triệu đồng"),
    (31_800_000, "Ba mươi mốt triệu tám trăm nghìn đồng"),
    (100_005_000, "Một trăm triệu không trăm linh năm nghìn đồng"),
    (132_060_000, "Một trăm ba mươi hai triệu không trăm sáu mươi nghìn đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (1_000_010_000, "Một tỷ không trăm mười nghìn đồng"),
    (1_200_000_000, "Một tỷ hai trăm triệu đồng"),
    (2_015_400_000, "Hai tỷ không trăm mười lăm triệu bốn trăm nghìn đồng"),
    (1_000_000_001, "Một tỷ không trăm linh một đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
]


@pytest.mark.parametrize(("amount", "words"), HAND_WRITTEN)
def test_amount_in_words_as_an_accountant_writes_it(amount, words):
    assert amount_in_words(amount) == words


def test_negative_amounts_are_refused():
    with pytest.raises(ValueError):
        amount_in_words(-10_000)
