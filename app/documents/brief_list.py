"""Bảng trích ngang: one line per collective or person proposed to the city, grouped by award —
who they are, what they achieved (as typed on the candidate) and the awards they already
received in the last years, with the decisions (from the register)."""

from __future__ import annotations

from dataclasses import dataclass

from app.documents import common
from app.documents.data import Org
from app.documents.model import Document, Header, Signatures, Signer, Table, Title, para
from app.text import date_line


@dataclass(frozen=True)
class BriefLine:
    award: str  # the award proposed, as grouped ("Bằng khen của Chủ tịch …")
    subject_type: str
    name: str
    born: str  # "1980, nữ"
    position: str  # chức vụ, đơn vị / địa chỉ
    achievement: str
    received: str  # "2023: Lao động tiên tiến (QĐ số 15/QĐ-UBND ngày 05/12/2023)", one a line


@dataclass(frozen=True)
class BriefList:
    org: Org
    occasion: str  # "tổng kết năm 2025"
    upper: str  # "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng"
    years: int  # awards received in how many recent years
    lines: tuple[BriefLine, ...]
    signer_lines: tuple[str, ...]
    signer_name: str


def _rows(b: BriefList):
    rows, groups = [], set()
    awards: dict[str, list[BriefLine]] = {}
    for ln in b.lines:
        awards.setdefault(ln.award, []).append(ln)
    for gi, (award, items) in enumerate(awards.items()):
        groups.add(len(rows))
        rows.append(((f"{common.ROMAN[gi % len(common.ROMAN)]}. {award} "
                     f"({common.count_words(items)})"),))
        rows += [(str(i), ln.name, ln.born, ln.position, ln.achievement, ln.received, "")
                 for i, ln in enumerate(items, start=1)]
    return tuple(rows), frozenset(groups)


def build_brief_list(b: BriefList) -> Document:
    rows, groups = _rows(b)
    doc = Document(f"Trích ngang - {b.occasion}", landscape=True).add(
        Header(b.org.parent_body, b.org.body_name, None, date_line(b.org.place_name, None)),
        Title("BẢNG TRÍCH NGANG", f"Thành tích của tập thể, cá nhân đề nghị {b.upper} khen "
                                  f"thưởng ({b.occasion})", rule=False),
        para(f"(Kèm theo Tờ trình số       /TTr-{b.org.doc_symbol} ngày      /     /      của Ủy "
             f"ban nhân dân {b.org.short_name})", italic=True, align="center", indent=False),
        Title("", "", rule=True),
        Table(("STT", "Họ và tên / Tên tập thể", "Năm sinh, giới tính", "Chức vụ, đơn vị công tác",
               "Tóm tắt thành tích", f"Khen thưởng đã nhận ({b.years} năm gần đây)", "Ghi chú"),
              rows, (1.0, 2.8, 1.6, 3.2, 5.0, 5.0, 1.2), "CLCLLLL", 11, group_rows=groups),
        Signatures(Signer(b.signer_lines, b.signer_name)),
    )
    return doc
