"""Văn bản đề nghị of a khu dân cư to the ward (Nghị định 86/2023): "Gia đình văn hóa" for its
households and, when proposed, its own title (thôn, tổ dân phố văn hóa), with the list."""

from __future__ import annotations

from app.documents.culture_common import ND86, AreaReview, home_rows, posting
from app.documents.model import Document, PageBreak, Signatures, Signer, Table, Title, para
from app.documents.ward import unit_header
from app.text import date_line, format_date_vn


def _asks(r: AreaReview) -> list[str]:
    asks = []
    if r.homes:
        asks.append(f"Danh hiệu {r.home_awards} năm {r.year} cho {len(r.homes)} hộ gia đình "
                    "(có danh sách kèm theo)")
    asks += [f"Danh hiệu “{a}” năm {r.year} cho {r.area}" for a in r.area_awards]
    return asks


def build_culture_proposal(r: AreaReview) -> Document:
    titles = " và ".join(dict.fromkeys(
        [r.home_awards] * bool(r.homes) + [f"“{a}”" for a in r.area_awards]))
    held = format_date_vn(r.held_at.date()) if r.held_at else "……/……/………"
    asks = _asks(r)
    papers = ["biên bản họp bình xét", "bảng tổng hợp kết quả lấy ý kiến Nhân dân"] * bool(
        r.homes) + ["báo cáo thành tích của " + r.area_kind] * bool(r.area_awards)
    doc = Document(f"Văn bản đề nghị - {r.area} - {r.year}").add(
        unit_header(r.org, r.area, f"Số: {r.number}" if r.number else None,
                    date_line(r.org.place_name, r.signed_on)),
        Title("VĂN BẢN ĐỀ NGHỊ", f"Công nhận danh hiệu {titles} năm {r.year}"),
        para(f"Kính gửi: Ủy ban nhân dân {r.org.short_name}.", align="center", indent=False),
        para(f"Căn cứ {ND86};", italic=True),
    )
    if r.homes:
        doc.add(para(f"Căn cứ kết quả họp bình xét ngày {held} và kết quả niêm yết, lấy ý kiến "
                     f"Nhân dân {posting(r)},", italic=True))
    doc.add(para(f"{r.area} đề nghị Ủy ban nhân dân {r.org.short_name} xem xét, công nhận:"))
    doc.add(*[para(f"{i}. {a}{';' if i < len(asks) else '.'}") for i, a in enumerate(asks, 1)])
    if papers:
        doc.add(para("Hồ sơ kèm theo: " + "; ".join(papers) + "."))
    doc.add(para(f"Kính đề nghị Ủy ban nhân dân {r.org.short_name} xem xét, quyết định./."),
            Signatures(Signer((r.head_title.upper(),), r.leader),
                       recipients=("- Như trên;", "- Lưu.")))
    if r.homes:
        doc.add(PageBreak(),
                Title("DANH SÁCH", f"Hộ gia đình đề nghị công nhận danh hiệu {r.home_awards} "
                                   f"năm {r.year}", rule=False),
                para(f"(Kèm theo văn bản đề nghị của {r.area})", italic=True, align="center",
                     indent=False),
                Title("", "", rule=True),
                Table(("STT", "Họ và tên chủ hộ", "Địa chỉ", "Ghi chú"),
                      home_rows(r, votes=False), (1.0, 4.2, 5.2, 1.8), "CLLL", 12))
    return doc
