"""Bảng tổng hợp kết quả lấy ý kiến Nhân dân on a khu dân cư's proposed households (Nghị định
86/2023): where and when the list was posted and the comments received — as the officer
entered them, "no comment" when the officer says so, or ruled rows to fill by hand."""

from __future__ import annotations

from app.documents.culture_common import AreaReview, posting
from app.documents.model import Document, Signatures, Signer, Table, Title, para
from app.documents.ward import unit_header
from app.text import date_line

HAND_ROWS = 5


def build_culture_comments(r: AreaReview) -> Document:
    awards = r.home_awards
    where = r.posted_at or "……………………………………"
    doc = Document(f"Tổng hợp ý kiến - {r.area} - {r.year}").add(
        unit_header(r.org, r.area, None, date_line(r.org.place_name, r.posted_to)),
        Title("BẢNG TỔNG HỢP", f"Kết quả lấy ý kiến Nhân dân về danh sách đề nghị công nhận "
                               f"danh hiệu {awards} năm {r.year}"),
        para(f"Danh sách {len(r.homes)} hộ gia đình được đề nghị công nhận danh hiệu {awards} "
             f"năm {r.year} của {r.area} đã được niêm yết công khai tại {where} "
             f"{posting(r)} để lấy ý kiến Nhân dân."),
        para("Kết quả lấy ý kiến như sau:"),
    )
    if r.no_comments:
        doc.add(para("Trong thời gian niêm yết, không có ý kiến phản ánh, kiến nghị nào."))
    else:
        rows = tuple((str(i), *c) for i, c in enumerate(r.comments, start=1)) or (
            ("",) * 5,) * HAND_ROWS
        doc.add(Table(("STT", "Người, tổ chức có ý kiến", "Hộ gia đình được nêu",
                       "Nội dung ý kiến", "Kết quả xem xét"), rows,
                      (1.0, 2.8, 2.6, 3.6, 2.6), "CLLLL", 12))
    doc.add(
        para(f"Số hộ gia đình tiếp tục được đề nghị công nhận danh hiệu {awards}: "
             f"{len(r.homes)} hộ."),
        Signatures(right=Signer((r.head_title.upper(),), r.leader),
                   left=Signer(("TM. BAN CÔNG TÁC MẶT TRẬN", "TRƯỞNG BAN"), r.front_head)),
    )
    return doc
