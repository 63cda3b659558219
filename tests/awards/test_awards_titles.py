"""Document titles read naturally whatever the batch is called (no "xét khen thưởng Xét khen
thưởng …")."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest
from pypdf import PdfReader

from app import text
from app.documents import Title, render
from app.documents.common import occasion
from app.services.rounds import batches, council, paperwork


@pytest.mark.parametrize("name, expected", [
    ("Xét khen thưởng tổng kết năm 2026", "tổng kết năm 2026"),
    ("XÉT KHEN THƯỞNG TỔNG KẾT NĂM 2026", "TỔNG KẾT NĂM 2026"),
    ("xet khen thuong chuyên đề phòng chống lụt bão", "chuyên đề phòng chống lụt bão"),
    ("Xét khen thưởng: đột xuất cứu người", "đột xuất cứu người"),
    ("Đợt xét khen thưởng - Tổng kết năm 2025", "tổng kết năm 2025"),
    ("Đề nghị khen thưởng Kỷ niệm 50 năm thành lập", "kỷ niệm 50 năm thành lập"),
    ("Khen thưởng năm 2025", "năm 2025"),
    ("Tổng kết năm 2025", "tổng kết năm 2025"),
    ("Hội khỏe Phù Đổng 2025", "Hội khỏe Phù Đổng 2025"),  # not a common noun: kept as typed
    ("Xét khen thưởng", "năm 2026"),
    (unicodedata.normalize("NFD", "Xét khen thưởng tổng kết năm 2026"), "tổng kết năm 2026"),
])
def test_occasion_drops_the_lead_the_documents_already_say(name, expected):
    assert occasion(name, 2026) == expected


def _titles(doc) -> list[str]:
    return [b.summary for b in doc.blocks if isinstance(b, Title)]


def test_council_documents_titles_do_not_repeat_the_lead(db, world, tmp_path):
    k = world.kinds
    bid = batches.create_batch(db, "Xét khen thưởng tổng kết năm 2026", 2026)
    batches.add_candidates(db, bid, world.persons[:2], k["LDTT"])
    batches.add_candidates(db, bid, [world.school], k["GK_CT"])
    mid = council.create_meeting(db, bid, datetime(2026, 12, 1, 8, 30), "Hội trường",
                                 world.members, "Trần Văn Bình", "Đặng Văn Minh",
                                 tellers=world.members[2:4], teller_head=world.members[2])
    council.record_tallies(db, mid, [(c.id, 8, 8, 8) for c in batches.list_candidates(db, bid)])
    docs = {"minutes": paperwork.minutes_document(db, mid),
            "count": paperwork.count_minutes_document(db, mid),
            "ballots": paperwork.ballots_document(db, mid),
            "proposal": paperwork.proposal_document(db, bid)}
    assert _titles(docs["minutes"]) == [
        "Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng tổng kết năm 2026"]
    assert _titles(docs["count"]) == ["Bỏ phiếu kín xét khen thưởng tổng kết năm 2026"]
    assert _titles(docs["ballots"]) == ["Xét khen thưởng tổng kết năm 2026"]
    assert _titles(docs["proposal"]) == ["Về việc đề nghị khen thưởng tổng kết năm 2026",
                                         "Đề nghị khen thưởng tổng kết năm 2026"]
    for name, doc in docs.items():
        pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(
            render(doc, tmp_path / f"{name}.pdf")).pages).split())
        folded = text.fold(pdf)
        assert "tong ket nam 2026" in folded
        assert "xet khen thuong xet" not in folded and "de nghi khen thuong xet" not in folded
        if name == "minutes":
            assert "họp xét khen thưởng tổng kết năm 2026." in pdf
