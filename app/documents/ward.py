"""Lines about the ward's own people and places that several documents print."""

from __future__ import annotations

from app.documents.data import Org
from app.documents.model import Header
from app.text import fold

# Head of a khu dân cư by its kind (ResidentialArea.kind), as their signature block reads.
_AREA_HEADS = {"to dan pho": "Tổ trưởng tổ dân phố", "thon": "Trưởng thôn",
               "khu pho": "Trưởng khu phố", "ap": "Trưởng ấp", "ban": "Trưởng bản"}


def area_head_title(kind: str | None) -> str:
    """"Trưởng khu dân cư", "Tổ trưởng tổ dân phố", "Trưởng thôn" …"""
    return _AREA_HEADS.get(fold(kind), "Trưởng khu dân cư")


def ward_upper(org: Org) -> str:
    """"UBND PHƯỜNG THÀNH ĐÔNG": the ward as the superior line of its own units."""
    return org.body_name.upper().replace("ỦY BAN NHÂN DÂN", "UBND")


def unit_header(org: Org, unit_name: str, number: str | None, date_line: str | None) -> Header:
    """A unit of the ward (a khu dân cư, a school) as the issuing body, the ward above it."""
    return Header(ward_upper(org), unit_name.upper(), number, date_line)


def national_heading() -> list:
    """Quốc hiệu and Tiêu ngữ centred alone (a person's own report has no issuing body)."""
    from app.documents.model import QUOC_HIEU, TIEU_NGU, Paragraph, Run, Title

    return [Paragraph((Run(QUOC_HIEU, bold=True),), align="center", indent=False, size=13,
                      space_after=0),
            Paragraph((Run(TIEU_NGU, bold=True),), align="center", indent=False, size=14,
                      space_after=0),
            Title("", "", rule=True)]
