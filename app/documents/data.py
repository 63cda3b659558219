"""Frozen data the commendation documents are built from (gathered by app.services.rounds.paperwork)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Org:
    """The issuing body's lines."""
    parent_body: str  # UBND THÀNH PHỐ HẢI PHÒNG
    body_name: str  # ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG
    short_name: str  # phường Thành Đông
    place_name: str  # Thành Đông
    doc_symbol: str = "UBND"


@dataclass(frozen=True)
class Entry:
    """One person / collective / household in a list, with its award."""

    award_code: str
    award_name: str
    award_is_title: bool  # danh hiệu (True) or hình thức khen thưởng
    subject_type: str
    salutation: str | None
    name: str
    position: str | None
    coefficient: str = ""  # "0,3"
    money: int = 0
    certificate_no: str = ""
    year: int = 0  # achievement year
    ref: str = ""  # "Quyết định số 15/QĐ-UBND ngày 05/12/2025" (revocation / correction)
    old_name: str = ""  # correction: the texts as first written
    old_position: str = ""
    area: str = ""  # khu dân cư of a household (lists group households by it)
    address: str = ""  # a household's address without its khu dân cư
    citation: str = ""  # nội dung khen thưởng: the achievement, as printed


@dataclass(frozen=True)
class DecisionDoc:
    """A decision ready to print."""
    org: Org
    kind: str  # khen_thuong / thu_hoi / dinh_chinh
    full_number: str | None
    signed_on: date | None
    year: int  # achievement year
    title: str
    bases: tuple[str, ...]
    closing: tuple[str, ...]  # articles after the generated ones
    recipients: tuple[str, ...]
    signer_lines: tuple[str, ...]
    signer_name: str
    base_salary: int | None
    total_money: int
    entries: tuple[Entry, ...]
    reason: str = ""
    status: str = "issued"  # draft: printed with the DỰ THẢO mark
    decider: str = "chu_tich"  # chu_tich: the Chủ tịch's decision; ubnd: the committee's own


@dataclass(frozen=True)
class Vote:
    """A candidate at the council: counts (None when not voted) and verdict."""

    entry: Entry
    issued: int | None
    valid: int | None
    agree: int | None
    base: int
    percent: str  # "88,9%"
    threshold: str  # "70%" ("" when no vote needed)
    passed: bool | None
    achievement: str = ""
    proposing_unit: str = ""
    returned: int | None = None  # phiếu thu vào
    invalid: int | None = None  # phiếu không hợp lệ
    disagree: int | None = None
    base_label: str = "thành viên có mặt"  # what ``base`` counts ("thành viên Hội đồng")


@dataclass(frozen=True)
class MeetingDoc:
    """A council meeting ready to print (minutes, vote count, ballots)."""
    org: Org
    batch_name: str
    year: int
    held_at: datetime | None
    place: str
    chair: str
    secretary: str
    members_total: int
    attendees: tuple[tuple[str, str], ...]  # (name, role)
    absent: tuple[tuple[str, str], ...]
    content: str
    conclusion: str
    votes: tuple[Vote, ...]
    quorum_needed: int
    minutes_number: str | None = None  # "5/BB-HĐTĐKT" (None: written by hand)
    count_number: str | None = None
    tellers: tuple[tuple[str, bool], ...] = ()  # Ban kiểm phiếu: (name, is head), head first


@dataclass(frozen=True)
class ProposalDoc:
    """Tờ trình đề nghị khen thưởng: to the Chủ tịch (ours) or to the higher level (upward)."""

    org: Org
    batch_name: str
    year: int
    recipient: str  # "Chủ tịch Ủy ban nhân dân phường Thành Đông"
    upward: bool
    meeting_on: date | None
    members_total: int
    entries: tuple[Entry, ...]
    signer_lines: tuple[str, ...]
    signer_name: str
