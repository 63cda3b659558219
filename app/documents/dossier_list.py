"""Danh mục hồ sơ: the checklist of a dossier proposed to the city — each paper with its
number and date when the app knows them (documents it makes, files stored with the batch),
copies and remarks left to fill when assembling the folder."""

from __future__ import annotations

from dataclasses import dataclass

from app.documents.data import Org
from app.documents.model import Document, Header, Signatures, Signer, Table, Title, para
from app.text import date_line


@dataclass(frozen=True)
class DossierItem:
    title: str  # "Tờ trình đề nghị khen thưởng của Ủy ban nhân dân phường"
    reference: str  # "Số 12/TTr-UBND ngày 05/12/2025" ("" when not known)
    note: str  # "Lưu trong phần mềm" …


@dataclass(frozen=True)
class DossierList:
    org: Org
    occasion: str
    upper: str
    items: tuple[DossierItem, ...]
    preparer: str = ""  # who lists the dossier ("": written by hand)


def build_dossier_list(d: DossierList) -> Document:
    rows = tuple((str(i), x.title, x.reference, "", x.note)
                 for i, x in enumerate(d.items, start=1))
    return Document(f"Danh mục hồ sơ - {d.occasion}").add(
        Header(d.org.parent_body, d.org.body_name, None, date_line(d.org.place_name, None)),
        Title("DANH MỤC HỒ SƠ", f"Đề nghị {d.upper} khen thưởng ({d.occasion})"),
        Table(("STT", "Thành phần hồ sơ", "Số, ký hiệu, ngày văn bản", "Số bản", "Ghi chú"),
              rows, (1.0, 5.6, 3.0, 1.0, 2.4), "CLLCL", 12),
        para(f"Tổng số: {len(rows)} thành phần hồ sơ.", indent=False),
        Signatures(Signer(("NGƯỜI LẬP DANH MỤC",), d.preparer, note="(Ký, ghi rõ họ tên)")),
    )
