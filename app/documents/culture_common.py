"""What the three documents of a khu dân cư's bình xét (Nghị định 86/2023) share: the area,
the households it proposes, its own culture title when proposed, the officer's entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.documents.data import Org
from app.documents.ward import area_head_title
from app.text import format_date_vn

ND86 = ("Nghị định số 86/2023/NĐ-CP ngày 07 tháng 12 năm 2023 của Chính phủ quy định về khung "
        "tiêu chuẩn và trình tự, thủ tục, hồ sơ xét tặng danh hiệu “Gia đình văn hóa”, “Thôn, "
        "tổ dân phố văn hóa”, “Xã, phường, thị trấn tiêu biểu”")


@dataclass(frozen=True)
class Home:
    """A household the area proposes, with the votes of its bình xét (None: not entered)."""

    candidate_id: int
    head: str
    address: str
    award: str  # "Gia đình văn hóa"
    agree: int | None = None


@dataclass(frozen=True)
class AreaReview:
    org: Org
    year: int
    area: str  # "Khu dân cư số 1"
    area_kind: str  # khu dân cư / tổ dân phố / thôn
    leader: str
    households_total: int | None  # households living in the area
    homes: tuple[Home, ...]
    area_awards: tuple[str, ...]  # the area's own titles proposed ("Khu dân cư văn hóa")
    # bình xét meeting
    held_at: datetime | None = None
    place: str = ""
    chair: str = ""
    secretary: str = ""
    participants: str = ""
    present: int | None = None
    # public comments
    posted_from: date | None = None
    posted_to: date | None = None
    posted_at: str = ""
    front_head: str = ""  # Trưởng ban công tác Mặt trận
    no_comments: bool = False
    comments: tuple[tuple[str, str, str, str], ...] = ()  # who, about, content, outcome
    # the proposal
    number: str = ""
    signed_on: date | None = None

    @property
    def head_title(self) -> str:
        return area_head_title(self.area_kind)

    @property
    def home_awards(self) -> str:
        """"“Gia đình văn hóa”" (awards of the households, in order)."""
        names = dict.fromkeys(h.award for h in self.homes)
        return " và ".join(f"“{n}”" for n in names)


def when_held(r: AreaReview) -> str:
    if r.held_at is None:
        return "Vào lúc …… giờ …… ngày …… tháng …… năm ……"
    h = r.held_at
    month = f"{h.month:02d}" if h.month <= 2 else str(h.month)
    return f"Vào lúc {h.hour} giờ {h.minute:02d} phút, ngày {h.day:02d} tháng {month} năm {h.year}"


def posting(r: AreaReview) -> str:
    """"từ ngày 01/11/2025 đến ngày 10/11/2025" (dotted when not entered)."""
    start = format_date_vn(r.posted_from) if r.posted_from else "……/……/………"
    end = format_date_vn(r.posted_to) if r.posted_to else "……/……/………"
    return f"từ ngày {start} đến ngày {end}"


def home_rows(r: AreaReview, votes: bool) -> tuple[tuple[str, ...], ...]:
    rows = []
    for i, h in enumerate(r.homes, start=1):
        row = (str(i), h.head, h.address)
        if votes:
            share = (f"{h.agree * 100 / r.present:.1f}".replace(".", ",").replace(",0", "")
                     if h.agree is not None and r.present else "")
            row += ("" if h.agree is None else str(h.agree), share)
        rows.append(row + ("",))
    return tuple(rows)
