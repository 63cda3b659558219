"""Issue 12.9: every document kind, produced from the demo ward, rendered to PDF and read back
page by page: the signature's page holds body text before it, no line runs past the right
margin, list headers repeat on every page, a ballot is one page."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pdf_layout import body_lines_before, overflowing, read_pages

from app.documents import render

RIGHT_MM = 15  # ND 30 right margin (app.documents.layout.RIGHT)


@pytest.fixture(scope="module")
def ward(tmp_path_factory):
    """The small demo ward with its open batch taken through the council to a draft."""
    from app.context import open_app_database
    from app.demo import build_demo
    from app.services.rounds import batches, council, decisions

    folder = tmp_path_factory.mktemp("ward")
    db = open_app_database(folder / "demo.sqlite")
    build_demo(db, "small")
    names = ["Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Minh Đức", "Phạm Văn Cường",
             "Đỗ Thị Dung", "Vũ Văn Em", "Bùi Thị Thanh"]
    roles = ["Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên thường trực", "Ủy viên",
             "Ủy viên", "Ủy viên", "Ủy viên, Thư ký"]
    ids = [council.save_member(db, council.MemberInfo(n, r, sort_order=i))
           for i, (n, r) in enumerate(zip(names, roles))]
    batch = batches.list_batches(db)[0]
    mid = council.create_meeting(db, batch.id, datetime(date.today().year, 12, 1, 8), "Hội trường",
                                 ids[:6] + ids[6:], names[0], names[6], tellers=ids[3:5],
                                 teller_head=ids[3], minutes_number="5", count_number="6")
    council.record_tallies(db, mid, [(c.id, 7, 7, 6) for c in batches.list_candidates(
        db, batch.id)])
    draft = decisions.draft_from_batch(db, batch.id, signed_on=date(date.today().year, 12, 5))
    yield db, batch.id, mid, draft, folder
    db.dispose()


def _issued(db, code: str, year: int = 2025) -> int:
    from sqlalchemy import select

    from db.models import AwardKind, Decision, DecisionLine

    with db.read() as s:
        return s.scalar(select(Decision.id).join(DecisionLine).join(AwardKind)
                        .where(AwardKind.code == code, Decision.year == year,
                               Decision.external.is_(False)).limit(1))


def _documents(ward):
    """(kind, PDF path, signature marker or None, list header or None)."""
    from app.reports.history import build_history
    from app.reports.summary import build_summary
    from app.services.awards.register import register_book
    from app.services.rounds import paperwork

    db, bid, mid, draft, folder = ward
    out = folder / "pdf"
    out.mkdir(exist_ok=True)

    def doc(name, document):
        return render(document, out / f"{name}.pdf")

    yield ("quyết định giấy khen", doc("qd_gk", paperwork.decision_document(
        db, _issued(db, "GK_CT"))), "Nơi nhận:", "STT")
    yield ("quyết định gia đình văn hóa", doc("qd_gdvh", paperwork.decision_document(
        db, _issued(db, "GDVH"))), "Nơi nhận:", "STT")
    yield "dự thảo quyết định", doc("du_thao", paperwork.decision_document(db, draft)), \
        "Nơi nhận:", "STT"
    yield "tờ trình", doc("to_trinh", paperwork.proposal_document(db, bid)), "Nơi nhận:", "STT"
    yield "biên bản họp", doc("bien_ban", paperwork.minutes_document(db, mid)), "THƯ KÝ", None
    yield ("biên bản kiểm phiếu", doc("kiem_phieu", paperwork.count_minutes_document(db, mid)),
           "THÀNH VIÊN BAN KIỂM PHIẾU", None)
    yield "phiếu bầu", doc("phieu_bau", paperwork.ballots_document(db, mid, 3)), None, None
    yield ("báo cáo năm năm", build_summary(db, 2021, 2025, "pdf", out / "bc5.pdf"),
           "Nơi nhận:", None)
    yield "báo cáo năm", build_summary(db, 2025, 2025, "pdf", out / "bc1.pdf"), "Nơi nhận:", None
    with db.read() as s:
        from sqlalchemy import func, select

        from db.models import AwardRecord

        busiest = s.execute(select(AwardRecord.subject_id).group_by(AwardRecord.subject_id)
                            .order_by(func.count().desc()).limit(1)).scalar()
    yield ("xác nhận quá trình khen thưởng", build_history(db, busiest, out / "qt.pdf"),
           "Nơi nhận:", None)
    yield "sổ khen thưởng", doc("so", register_book(db, 2025)), None, "Số vào sổ"


def test_every_document_kind_reads_as_signed(ward):
    problems = []
    for kind, path, marker, header in _documents(ward):
        pages = read_pages(path)
        for page in pages:
            for line in overflowing(page, RIGHT_MM):
                problems.append(f"{kind}, trang {page.number}: tràn lề phải “{line.text}”")
        if marker and body_lines_before(pages, marker) < 2:
            problems.append(f"{kind}: chữ ký đứng một mình")
        if header:
            first = next(p.number for p in pages if any(
                ln.text.startswith(header) for ln in p.lines()))
            for page in pages[first:]:
                if not any(ln.text.startswith(header) for ln in page.lines()[:4]):
                    problems.append(f"{kind}, trang {page.number}: thiếu dòng tiêu đề bảng")
        if kind == "phiếu bầu" and len(pages) != 3:
            problems.append(f"phiếu bầu: 3 phiếu in ra {len(pages)} trang")
    assert problems == []
