"""Award kinds and money rules (data), commendation batches, council, decisions, register, fund."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base, Timestamps


class AwardKind(Timestamps, Base):
    """A danh hiệu thi đua or hình thức khen thưởng, with its rules as data (legal source kept)."""

    __tablename__ = "award_kind"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))  # danh_hieu / hinh_thuc
    subject_types: Mapped[str] = mapped_column(String(80))  # "person,collective,household,area"
    level: Mapped[str] = mapped_column(String(20))  # xa / tinh / bo / nha_nuoc
    awarded_here: Mapped[bool] = mapped_column(Boolean, default=True)
    # Before 0006 the coefficients lived here; since then they are dated RuleItem rows
    # (topic "coefficient"). Kept for databases written by older versions; not read for money.
    coef_person: Mapped[float | None] = mapped_column(Numeric(6, 3))
    coef_collective: Mapped[float | None] = mapped_column(Numeric(6, 3))
    coef_household: Mapped[float | None] = mapped_column(Numeric(6, 3))
    certificate_template: Mapped[str | None] = mapped_column(String(60))
    criteria: Mapped[str | None] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    # Rules as data, e.g. {"requires": [{"award": "CSTDCS", "consecutive_years": 3}]}.
    prerequisites: Mapped[dict | None] = mapped_column(JSON)
    # e.g. {"max_share": 0.15, "of_award": "LDTT", "legal_basis": "..."}.
    quota: Mapped[dict | None] = mapped_column(JSON)
    vote_threshold: Mapped[float | None] = mapped_column(Numeric(5, 2))  # percent, e.g. 50
    vote_base: Mapped[str] = mapped_column(String(20), default="present")  # present / all
    # True: "more than" the threshold (trên 50%); False: "at least" (từ 70% trở lên).
    vote_strict: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    secret_ballot: Mapped[bool] = mapped_column(Boolean, default=True)
    annual: Mapped[bool] = mapped_column(Boolean, default=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    verify_note: Mapped[str | None] = mapped_column(Text)  # "xác minh": how sure the source is
    # The rule fields as the rule pack last delivered them; a field that differs was edited by
    # the ward (never overwritten by a pack update without asking). NULL: the ward's own kind.
    pack_values: Mapped[dict | None] = mapped_column(JSON)


class BaseSalary(Base):
    """Mức lương cơ sở in force from ``effective_from``."""

    __tablename__ = "base_salary"
    id: Mapped[int] = mapped_column(primary_key=True)
    effective_from: Mapped[date] = mapped_column(Date, unique=True)
    amount: Mapped[int] = mapped_column(Integer)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    verify_note: Mapped[str | None] = mapped_column(Text)
    pack_values: Mapped[dict | None] = mapped_column(JSON)  # as AwardKind.pack_values


class RuleItem(Timestamps, Base):
    """One dated rule as data, with its source: a money coefficient of an award kind for a
    subject type, who decides an award, a căn cứ line, the council quorum, a provincial
    setting (dossier, deadline, thresholds)… The row in force on a day is the one with the
    latest ``effective_from`` not after it (NULL: from the beginning) and no ``effective_to``
    before it. Rows come from the rule packs (resources/rules) or from the ward."""

    __tablename__ = "rule_item"
    id: Mapped[int] = mapped_column(primary_key=True)
    topic: Mapped[str] = mapped_column(String(40))  # coefficient / decider / can_cu / council …
    award_kind_id: Mapped[int | None] = mapped_column(
        ForeignKey("award_kind.id", ondelete="RESTRICT"), index=True)
    qualifier: Mapped[str] = mapped_column(String(60), default="")  # subject type, setting key
    effective_from: Mapped[date | None] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    value: Mapped[dict | list | str | int | float | None] = mapped_column(JSON)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    verify_note: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(60), default="phuong")  # pack id or "phuong"
    pack_values: Mapped[dict | None] = mapped_column(JSON)  # as AwardKind.pack_values
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_rule_item_topic", "topic", "award_kind_id", "qualifier"),)


class Batch(Timestamps, Base):
    """Đợt xét khen thưởng."""

    __tablename__ = "batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(30))  # tong_ket_nam / chuyen_de / dot_xuat
    movement_id: Mapped[int | None] = mapped_column(ForeignKey("movement.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(30), default="draft")
    notes: Mapped[str | None] = mapped_column(Text)


class Candidate(Timestamps, Base):
    __tablename__ = "candidate"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id", ondelete="CASCADE"), index=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="RESTRICT"), index=True)
    award_kind_id: Mapped[int] = mapped_column(ForeignKey("award_kind.id", ondelete="RESTRICT"))
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registration.id", ondelete="SET NULL")
    )
    achievement: Mapped[str | None] = mapped_column(Text)  # thành tích (length-limited)
    citation: Mapped[str | None] = mapped_column(Text)  # nội dung khen thưởng (printed)
    proposing_unit: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(30), default="proposed")
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    findings: Mapped[list | None] = mapped_column(JSON)  # last eligibility check
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("batch_id", "subject_id", "award_kind_id"),)


class Attachment(Base):
    """A document stored inside the database file (so the backup holds it)."""

    __tablename__ = "attachment"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT"), index=True
    )
    kind: Mapped[str] = mapped_column(String(40), default="khac")  # to_trinh, bao_cao_thanh_tich…
    filename: Mapped[str] = mapped_column(String(300))
    mime: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    doc_number: Mapped[str | None] = mapped_column(String(60))
    doc_date: Mapped[date | None] = mapped_column(Date)
    signer: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class CouncilMember(Base):
    """Thành viên Hội đồng Thi đua – Khen thưởng (roles over time)."""

    __tablename__ = "council_member"
    id: Mapped[int] = mapped_column(primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(60))  # Chủ tịch Hội đồng, Phó Chủ tịch, Ủy viên…
    from_date: Mapped[date | None] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Meeting(Timestamps, Base):
    __tablename__ = "meeting"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id", ondelete="RESTRICT"), index=True)
    held_at: Mapped[datetime | None] = mapped_column(DateTime)
    place: Mapped[str | None] = mapped_column(String(300))
    chair_name: Mapped[str | None] = mapped_column(String(200))
    secretary_name: Mapped[str | None] = mapped_column(String(200))
    members_total: Mapped[int] = mapped_column(Integer, default=0)
    content: Mapped[str | None] = mapped_column(Text)
    conclusion: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(30), default="planned")
    # Quorum share in force when the meeting was created ("2/3"), so a later change of the
    # setting does not rewrite an old meeting's minutes; NULL: follow the setting.
    quorum_share: Mapped[str | None] = mapped_column(String(20))
    # Numbers of the biên bản họp and biên bản kiểm phiếu ("5/BB-HĐTĐKT"); NULL: written by hand.
    minutes_number: Mapped[str | None] = mapped_column(String(60))
    count_number: Mapped[str | None] = mapped_column(String(60))


class MeetingAttendee(Base):
    __tablename__ = "meeting_attendee"
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("council_member.id", ondelete="RESTRICT"), primary_key=True
    )
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    # Ban kiểm phiếu: "head" (trưởng ban) or "member"; NULL: not on it.
    teller: Mapped[str | None] = mapped_column(String(20))


class Ballot(Base):
    """Tally of the secret ballot for one candidate at one meeting."""

    __tablename__ = "ballot"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidate.id", ondelete="CASCADE"), index=True
    )
    ballots_issued: Mapped[int] = mapped_column(Integer, default=0)  # phát ra
    ballots_valid: Mapped[int] = mapped_column(Integer, default=0)  # hợp lệ
    agree: Mapped[int] = mapped_column(Integer, default=0)
    passed: Mapped[bool | None] = mapped_column(Boolean)
    # valid + invalid = returned ≤ issued; agree + disagree ≤ valid (the rest left blank).
    ballots_returned: Mapped[int | None] = mapped_column(Integer)  # thu vào
    ballots_invalid: Mapped[int | None] = mapped_column(Integer)  # không hợp lệ
    disagree: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (UniqueConstraint("meeting_id", "candidate_id"),)


class Decision(Timestamps, Base):
    """Quyết định: ours (draft → issued) or a higher level's, recorded by reference."""

    __tablename__ = "decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int | None] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer, index=True)
    symbol: Mapped[str] = mapped_column(String(40), default="QĐ-UBND")
    full_number: Mapped[str | None] = mapped_column(String(80), index=True)  # "15/QĐ-UBND"
    signed_on: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(30), default="khen_thuong")  # thu_hoi / dinh_chinh
    title: Mapped[str] = mapped_column(Text)  # về việc …
    bases: Mapped[str | None] = mapped_column(Text)  # căn cứ, one per line
    articles: Mapped[str | None] = mapped_column(Text)  # extra articles, one per line
    recipients: Mapped[str | None] = mapped_column(Text)  # nơi nhận, one per line
    signer_name: Mapped[str | None] = mapped_column(String(200))
    signer_title: Mapped[str | None] = mapped_column(String(200))
    sign_mode: Mapped[str | None] = mapped_column(String(10))  # TM. / KT. / ""
    issuer: Mapped[str | None] = mapped_column(String(300))  # for higher-level decisions
    level: Mapped[str] = mapped_column(String(20), default="xa")
    external: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft / issued
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batch.id", ondelete="RESTRICT"))
    related_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT")
    )
    reason: Mapped[str | None] = mapped_column(Text)  # for revocation / correction
    issued_at: Mapped[datetime | None] = mapped_column(DateTime)
    base_salary: Mapped[int | None] = mapped_column(Integer)
    total_money: Mapped[int] = mapped_column(Integer, default=0)
    # Where the decision comes from: NULL for one made or recorded in the app, "so_cu" for one
    # imported from the ward's old commendation register (issue 16). Issued either way.
    source: Mapped[str | None] = mapped_column(String(20))

    __table_args__ = (UniqueConstraint("year", "symbol", "number"),)


class DecisionLine(Base):
    """One line of the attached list (danh sách kèm theo)."""

    __tablename__ = "decision_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decision.id", ondelete="CASCADE"), index=True
    )
    candidate_id: Mapped[int | None] = mapped_column(ForeignKey("candidate.id", ondelete="SET NULL"))
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="RESTRICT"))
    award_kind_id: Mapped[int] = mapped_column(ForeignKey("award_kind.id", ondelete="RESTRICT"))
    award_record_id: Mapped[int | None] = mapped_column(
        ForeignKey("award_record.id", ondelete="RESTRICT")
    )  # the entry a revocation / correction line refers to
    achievement_year: Mapped[int] = mapped_column(Integer)
    salutation: Mapped[str | None] = mapped_column(String(40))
    printed_name: Mapped[str] = mapped_column(String(300))
    position_line: Mapped[str | None] = mapped_column(String(400))
    citation: Mapped[str | None] = mapped_column(Text)
    coefficient: Mapped[float | None] = mapped_column(Numeric(6, 3))
    money: Mapped[int] = mapped_column(Integer, default=0)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # The award's name as printed on the day the decision was issued (NULL while a draft,
    # which follows the award kind); a later renaming of the kind never changes it.
    award_name: Mapped[str | None] = mapped_column(String(200))


class AwardRecord(Base):
    """An entry of the commendation register (sổ khen thưởng). Never edited once written."""

    __tablename__ = "award_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    register_year: Mapped[int] = mapped_column(Integer)
    register_no: Mapped[int] = mapped_column(Integer)
    certificate_no: Mapped[str] = mapped_column(String(40), unique=True)  # "2025/0001"
    subject_id: Mapped[int] = mapped_column(ForeignKey("subject.id", ondelete="RESTRICT"), index=True)
    award_kind_id: Mapped[int] = mapped_column(ForeignKey("award_kind.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)  # achievement year
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT"), index=True
    )
    external_decision_ref: Mapped[str | None] = mapped_column(String(200))
    external_decision_date: Mapped[date | None] = mapped_column(Date)
    external_issuer: Mapped[str | None] = mapped_column(String(300))
    level: Mapped[str] = mapped_column(String(20), default="xa")
    salutation: Mapped[str | None] = mapped_column(String(40))
    printed_name: Mapped[str] = mapped_column(String(300))
    position_line: Mapped[str | None] = mapped_column(String(400))
    citation: Mapped[str | None] = mapped_column(Text)
    money: Mapped[int] = mapped_column(Integer, default=0)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    revoked_by_decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("decision.id", ondelete="RESTRICT")
    )
    corrects_id: Mapped[int | None] = mapped_column(
        ForeignKey("award_record.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    # The award's name as printed on the day of issue (filled by the database from the award
    # kind when a writer leaves it empty); renaming the kind later never changes it.
    award_name: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        UniqueConstraint("register_year", "register_no"),
        Index("ix_award_record_year_kind", "year", "award_kind_id"),
        # Covering index for the register search: name matches → entries in register order.
        Index("ix_award_record_subject_register", "subject_id", "register_year", "register_no"),
    )


class CertificatePrint(Base):
    """Every printing of a certificate: when, how many, reprint or not."""

    __tablename__ = "certificate_print"
    id: Mapped[int] = mapped_column(primary_key=True)
    award_record_id: Mapped[int] = mapped_column(
        ForeignKey("award_record.id", ondelete="RESTRICT"), index=True
    )
    printed_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    copies: Mapped[int] = mapped_column(Integer, default=1)
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    mode: Mapped[str] = mapped_column(String(10), default="full")  # full / blank
    note: Mapped[str | None] = mapped_column(Text)


class CertificateDesign(Base):
    """Mẫu nền: the ward's own design of one blank model (a scan, or a PDF page rendered to
    PNG), printed behind the text on plain paper. Kept in the file so a backup carries it."""

    __tablename__ = "certificate_design"
    id: Mapped[int] = mapped_column(primary_key=True)
    blank_layout: Mapped[str] = mapped_column(String(60), unique=True)  # "phoi_giay_khen"
    filename: Mapped[str] = mapped_column(String(300))  # as loaded, for the officer
    mime: Mapped[str] = mapped_column(String(40))  # image/png / image/jpeg
    width_px: Mapped[int] = mapped_column(Integer)
    height_px: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    loaded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())


class FundLine(Base):
    """Quỹ thi đua, khen thưởng: income (thu) and spending (chi) lines of a year."""

    __tablename__ = "fund_line"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    direction: Mapped[str] = mapped_column(String(4))  # thu / chi
    group: Mapped[str] = mapped_column(String(40))  # du_toan, chi_khen_thuong, chi_khac…
    on_date: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="RESTRICT"))


class AwardSpelling(Timestamps, Base):
    """A way an award is written in old registers ("LĐTT", "GK Chủ tịch UBND phường") and the
    award kind it means. Seeded from resources/rules/award_spellings.json; the officer adds
    more while importing. Never deleted (a seeded one switched off stays off)."""

    __tablename__ = "award_spelling"
    id: Mapped[int] = mapped_column(primary_key=True)
    spelling: Mapped[str] = mapped_column(String(200))  # as typed, NFC
    key: Mapped[str] = mapped_column(String(200), unique=True)  # app.excel.history_awards.key
    award_kind_id: Mapped[int] = mapped_column(ForeignKey("award_kind.id", ondelete="RESTRICT"))
    origin: Mapped[str] = mapped_column(String(10), default="user")  # seed / user
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class HistorySource(Base):
    """Where a register entry imported from the old register came from: file, sheet, row,
    the award as written there and the row's notes (kept, never printed)."""

    __tablename__ = "history_source"
    award_record_id: Mapped[int] = mapped_column(
        ForeignKey("award_record.id", ondelete="RESTRICT"), primary_key=True)
    file_name: Mapped[str] = mapped_column(String(300))
    sheet: Mapped[str] = mapped_column(String(100))
    row_no: Mapped[int] = mapped_column(Integer)
    award_text: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
