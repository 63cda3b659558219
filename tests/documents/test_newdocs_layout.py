"""Issue 12.8 with the layout check of 12.9: every new document, produced from the demo ward's
round, read back page by page — no line past the right margin, the signature never alone on
its page, a long list's header on every page it runs to."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pdf_layout import body_lines_before, overflowing, read_pages

from app.documents import registry, render

RIGHT_MM = 15  # ND 30 right margin (app.documents.layout.RIGHT)

# The first line of each document's signature block, and the first cell of the list whose
# header repeats on every page after it starts (None: no long list).
MARKS = {
    "payment_list": ("NGƯỜI LẬP BIỂU", "STT"),
    "decision_notice": ("Nơi nhận:", "STT"),
    "batch_notice": ("Nơi nhận:", "STT"),
    "achievement_report": ("THỦ TRƯỞNG ĐƠN VỊ", None),
    "brief_list": ("TM. ỦY BAN NHÂN DÂN", "STT"),
    "dossier_list": ("NGƯỜI LẬP DANH MỤC", None),
    "culture_minutes": ("THƯ KÝ", None),
    "culture_comments": ("TM. BAN CÔNG TÁC MẶT TRẬN", None),
    "culture_proposal": ("Nơi nhận:", "STT"),
    "fund_report": ("NGƯỜI LẬP BIỂU", None),
    "council_setup": ("Nơi nhận:", None),
    "movement_plan": ("Nơi nhận:", None),
    "movement_decision": ("Nơi nhận:", None),
}


@pytest.fixture(scope="module")
def ward(tmp_path_factory):
    """The small demo ward: its open batch through the council to an issued decision, one
    candidate proposed to the city, a khu dân cư's households in a Gia đình văn hóa batch."""
    from sqlalchemy import select

    from app.context import open_app_database
    from app.demo import build_demo
    from app.services.rounds import batches, council, decision_issue, decisions
    from db.models import AwardKind, Household, Person, ResidentialArea

    folder = tmp_path_factory.mktemp("phường mẫu")
    db = open_app_database(folder / "demo.sqlite")
    build_demo(db, "small")
    year = date.today().year
    names = ["Nguyễn Văn Hùng", "Trần Thị Thu Hà", "Lê Minh Đức", "Phạm Văn Cường",
             "Đỗ Thị Dung", "Vũ Văn Em", "Bùi Thị Thanh"]
    roles = ["Chủ tịch Hội đồng", "Phó Chủ tịch Hội đồng", "Ủy viên thường trực", "Ủy viên",
             "Ủy viên", "Ủy viên", "Ủy viên, Thư ký"]
    ids = [council.save_member(db, council.MemberInfo(n, r, sort_order=i))
           for i, (n, r) in enumerate(zip(names, roles))]
    with db.read() as s:
        k = {x.code: x.id for x in s.scalars(select(AwardKind))}
        area = s.scalars(select(ResidentialArea).order_by(ResidentialArea.id)).first().id
        homes = s.scalars(select(Household.id).where(Household.area_id == area)).all()
        person = s.scalars(select(Person.id).where(Person.workplace_id.is_not(None))
                           .order_by(Person.id.desc())).first()
    batch = batches.list_batches(db)[0].id
    up = batches.add_candidate(db, batch, person, k["CSTD_TP"],
                               achievement="Ba năm liền đạt Chiến sĩ thi đua cơ sở.")
    mid = council.create_meeting(db, batch, datetime(year, 12, 1, 8), "Hội trường", ids,
                                 names[0], names[6], tellers=ids[3:5], teller_head=ids[3])
    council.record_tallies(db, mid, [(c.id, 7, 7, 7) for c in batches.list_candidates(db, batch)])
    did = decisions.draft_from_batch(db, batch, signed_on=date(year, 12, 5))
    d = decisions.get_decision(db, did)
    decisions.update_draft(db, did, decisions.DraftEdit(
        decisions.suggest_number(db, year), d.signed_on, d.title, d.bases, d.articles,
        d.recipients, d.signer_name, d.signer_title, d.sign_mode))
    decision_issue.issue_decision(db, did)
    culture = batches.create_batch(db, f"Bình xét Gia đình văn hóa năm {year}", year)
    batches.add_candidates(db, culture, list(homes), k["GDVH"])
    batches.add_candidate(db, culture, area, k["KDCVH"])
    with db.read() as s:
        from db.models import Movement

        movement = s.scalars(select(Movement.id).order_by(Movement.id)).first()
    args = {"decision": (did,), "batch": (batch,), "candidate": (up,), "area": (culture, area),
            "year": (2025,), "movement": (movement,)}
    yield db, args, folder
    db.dispose()


def test_every_new_document_is_checked():
    assert set(MARKS) == {d.key for d in registry.DOCUMENTS}


@pytest.mark.parametrize("key", sorted(MARKS))
def test_new_document_reads_as_signed(ward, key):
    db, args, folder = ward
    kind = registry.get(key)
    pages = read_pages(render(kind.builder()(db, *args[kind.scope]), folder / f"{key}.pdf"))
    problems = [f"trang {page.number}: tràn lề phải “{line.text}”"
                for page in pages for line in overflowing(page, RIGHT_MM)]
    marker, header = MARKS[key]
    if body_lines_before(pages, marker) < 2:
        problems.append("chữ ký đứng một mình")
    if header:
        first = next(p.number for p in pages if any(ln.text.startswith(header)
                                                     for ln in p.lines()))
        problems += [f"trang {p.number}: thiếu dòng tiêu đề bảng" for p in pages[first:]
                     if not any(ln.text.startswith(header) for ln in p.lines()[:4])]
    assert problems == []
