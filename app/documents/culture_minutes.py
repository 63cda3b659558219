"""Biên bản họp bình xét of a khu dân cư (Nghị định 86/2023): the meeting, who attended, each
proposed household with its votes (entered by the officer, or blank to complete by hand)."""

from __future__ import annotations

from app.documents import blanks
from app.documents.culture_common import AreaReview, home_rows, when_held
from app.documents.model import Document, Signatures, Signer, Table, Title, heading, para
from app.documents.ward import unit_header
from app.text import date_line


def build_culture_minutes(r: AreaReview) -> Document:
    held = r.held_at.date() if r.held_at else None
    awards = r.home_awards
    total = str(r.households_total) if r.households_total else ""
    doc = Document(f"Biên bản bình xét - {r.area} - {r.year}").add(
        unit_header(r.org, r.area, None, date_line(r.org.place_name, held)),
        Title("BIÊN BẢN", f"Họp bình xét danh hiệu {awards} năm {r.year}"),
        para(f"{when_held(r)}, tại {r.place or '……………………'}, {r.area} tổ chức họp bình xét "
             f"danh hiệu {awards} năm {r.year}."),
        blanks.field("- Chủ trì:", f"{r.chair}, {r.head_title.lower()}" if r.chair else ""),
        blanks.field("- Thư ký:", r.secretary),
        blanks.field("- Thành phần:", r.participants),
        blanks.field(f"- Số hộ gia đình trong {r.area_kind or 'khu dân cư'}:", total),
        blanks.field("- Số đại biểu dự họp:", str(r.present) if r.present else ""),
        heading("NỘI DUNG"),
        para(f"Hội nghị nghe báo cáo kết quả thực hiện tiêu chuẩn danh hiệu {awards} theo Nghị "
             "định số 86/2023/NĐ-CP của Chính phủ; xem xét từng hộ gia đình được đề nghị và "
             "biểu quyết. Kết quả như sau:"),
        Table(("STT", "Họ và tên chủ hộ", "Địa chỉ", "Số đồng ý", "Tỷ lệ (%)", "Ghi chú"),
              home_rows(r, votes=True), (1.0, 3.4, 3.6, 1.3, 1.3, 1.6), "CLLCCL", 12),
        heading("KẾT LUẬN"),
        para(f"Hội nghị thống nhất đề nghị Ủy ban nhân dân {r.org.short_name} xét công nhận "
             f"danh hiệu {awards} năm {r.year} cho {len(r.homes)} hộ gia đình có tên trên."),
        para("Biên bản kết thúc vào lúc …… giờ …… cùng ngày, đã được thông qua trước hội "
             "nghị./."),
        Signatures(right=Signer(("CHỦ TRÌ",), r.chair), left=Signer(("THƯ KÝ",), r.secretary)),
    )
    return doc
