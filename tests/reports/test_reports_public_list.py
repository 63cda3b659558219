"""Danh sách công khai read as the ward's văn thư reads it: name order, numbering, each
person's own position and unit, households told apart by address and khu dân cư, and no
group heading left alone at the foot of a page."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import pytest
from pypdf import PdfReader

from app.reports.public_list import batch_list, build_public_list, decision_list
from db.models import Batch, Candidate, DecisionLine


def _line(b, d, subject, code, order, position=None):
    rec = b.award(subject, code, 2025, decision=d)
    b.s.add(DecisionLine(decision_id=d.id, subject_id=subject.id, award_kind_id=b.kind[code],
                         award_record_id=rec.id, achievement_year=2025, printed_name=subject.name,
                         position_line=position, sort_order=order))


def _ward(build, households_per_area=(1, 1), small_areas=0):
    with build() as b:
        b.organization()
        areas = [b.area(f"Khu dân cư số {n}") for n in (10, 2)]
        school = b.collective("Trường THCS Trần Phú", areas[0])
        people = []
        for name, position in (("Vũ Văn Cường", "Giáo viên"), ("Lê Thị An", "Kế toán"),
                               ("Nguyễn Văn Bình", "Bảo vệ")):
            p = b.person(name, areas[1])
            p.position, p.workplace_id = position, school.id
            people.append(p)
        people[1].workplace_id, people[1].workplace_text = None, "Hợp tác xã An Thượng"
        d = b.decision(15, 2025, status="draft")  # its list is written, then it is issued
        for i, p in enumerate(people):  # Cường, An, Bình: decided in this order
            _line(b, d, p, "LDTT", i, "Giáo viên, Trường THCS Trần Phú" if i == 0 else None)
        order = 10
        for area, count in zip(areas, households_per_area):
            for n in range(count):
                home = b.household("Nguyễn Văn Nam" if n == 0 else f"Trần Văn Hộ {n:03d}", area)
                home.address = f"Số {n + 1} ngõ {area.name[-2:].strip()} đường Lê Lợi"
                _line(b, d, home, "GDVH", order)
                order += 1
        for area in [b.area(f"Tổ dân phố {n}") for n in range(1, small_areas + 1)]:
            for n in range(2):
                home = b.household(f"Phạm Văn Tổ {area.name[-2:]}{n}", area)
                home.address = "Đường Trần Hưng Đạo"
                _line(b, d, home, "GDVH", 500)
        _line(b, d, school, "GK_CT", 99)
        _line(b, d, people[2], "GK_CT", 98)
        b.s.flush()
        d.status = "issued"
        return d.id


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_names_in_order_numbered_with_own_position_and_households_told_apart(db, build,
                                                                            tmp_path):
    did = _ward(build)
    data = decision_list(db, did, date(2025, 12, 22))
    assert [(ln.name, ln.position) for ln in data.lines if ln.award == "Lao động tiên tiến"] == [
        ("Vũ Văn Cường", "Giáo viên, Trường THCS Trần Phú"),
        ("Lê Thị An", "Kế toán, Hợp tác xã An Thượng"),  # the person's own, not left empty
        ("Nguyễn Văn Bình", "Bảo vệ, Trường THCS Trần Phú")]
    body = _text(build_public_list(db, tmp_path / "công khai.pdf", decision_id=did,
                                   posted_on=date(2025, 12, 22)))
    assert re.search(r"1 Lê Thị An Kế toán, Hợp tác xã An Thượng Khu dân cư số 2 "
                     r"2 Nguyễn Văn Bình .* 3 Vũ Văn Cường", body), body
    # Households: grouped by khu dân cư (số 2 before số 10), each with its address.
    two, ten = body.index("Khu dân cư số 2 (1 hộ)"), body.index("Khu dân cư số 10 (1 hộ)")
    assert two < ten
    assert "Nguyễn Văn Nam Số 1 ngõ 2 đường Lê Lợi" in body[two:ten]
    assert "Nguyễn Văn Nam Số 1 ngõ 10 đường Lê Lợi" in body[ten:]
    assert "Họ và tên / Tên tập thể" in body and "Chức vụ, đơn vị / Địa chỉ" in body
    # A mixed award is split into tập thể and cá nhân.
    mixed = body[body.index("Giấy khen"):]
    assert mixed.index("1. Tập thể (1)") < mixed.index("Trường THCS Trần Phú") < \
        mixed.index("2. Cá nhân (1)") < mixed.index("Nguyễn Văn Bình")


def test_a_batch_list_shows_the_persons_own_position_not_the_proposing_unit(db, build):
    with build() as b:
        b.organization()
        k = b.area("Khu dân cư Tuệ Tĩnh")
        p = b.person("Đỗ Minh Khang", k)
        p.position, p.workplace_text = "Trưởng khu", "Ban công tác Mặt trận khu dân cư"
        batch = Batch(name="Xét khen thưởng tổng kết năm 2025", year=2025, kind="tong_ket_nam")
        b.s.add(batch)
        b.s.flush()
        b.s.add(Candidate(batch_id=batch.id, subject_id=p.id, award_kind_id=b.kind["LDTT"],
                          proposing_unit="Ủy ban Mặt trận Tổ quốc phường"))
        batch_id = batch.id
    (line,) = batch_list(db, batch_id, date(2025, 11, 1)).lines
    assert line.position == "Trưởng khu, Ban công tác Mặt trận khu dân cư"


def _page_lines(path) -> list[list[str]]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [[ln.strip() for ln in page.splitlines() if ln.strip()] for page in out.split("\f")]


@pytest.mark.parametrize("shift", [0, 1, 2])
def test_no_group_heading_is_left_alone_at_the_foot_of_a_page(db, build, tmp_path, shift):
    """Khu dân cư of two households each (a heading every third row): moved by 0, 1 and 2
    rows, one of the three puts a heading on the last line of a page unless headings are kept
    with their first rows."""
    did = _ward(build, households_per_area=(1 + shift, 1), small_areas=30)
    path = build_public_list(db, tmp_path / "dài.pdf", decision_id=did)
    pages = _page_lines(path)
    assert len(pages) >= 3
    for page in pages[:-1]:
        last_row = page[-1] if page else ""
        assert not re.search(r"\(\d+ hộ\)$|^[IVX]+\. |^\d+\. (Tập thể|Cá nhân)", last_row), \
            (last_row, page[-3:])


def test_docx_keeps_each_heading_row_with_the_rows_under_it(db, build, tmp_path):
    from docx import Document

    did = _ward(build)
    doc = Document(build_public_list(db, tmp_path / "công khai.docx", decision_id=did))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "STT")
    rows = table.rows[1:]
    heads = [i for i, r in enumerate(rows) if r.cells[0].text.startswith(("I", "Khu", "1.", "2."))
             and not r.cells[0].text.isdigit()]
    assert heads
    for i in heads:
        for row in rows[i:min(i + 2, len(rows) - 1)]:  # the heading and the row under it
            assert all(p.paragraph_format.keep_with_next for c in row.cells for p in c.paragraphs)
