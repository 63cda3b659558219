"""Gather the data of the commendation documents from the database and build them
(Tờ trình, Biên bản họp, Biên bản kiểm phiếu, phiếu bầu, Quyết định + danh sách)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app import text
from app.documents import Document, render
from app.documents.data import DecisionDoc, Entry, MeetingDoc, Org, ProposalDoc, Vote
from app.errors import DomainError
from app.services.common import get_or_raise
from app.services.rounds import council, decision_texts
from db.engine import Database
from db.models import (
    AwardKind,
    AwardRecord,
    Batch,
    Candidate,
    CouncilMember,
    Decision,
    DecisionLine,
    Household,
    Meeting,
    MeetingAttendee,
    Signer,
    Subject,
)


def place_of(parent_body: str) -> str:
    """"UBND THÀNH PHỐ HẢI PHÒNG" → "thành phố Hải Phòng" (for "Kính gửi: Chủ tịch …")."""
    words = text.nfc(parent_body).split()
    if words and words[0].upper() in ("UBND", "ỦY"):
        words = words[1:] if words[0].upper() == "UBND" else words[3:]
    unit = 2 if [w.upper() for w in words[:2]] == ["THÀNH", "PHỐ"] else 1
    head = " ".join(words[:unit]).lower()
    return (head + " " + text.title_case_name(" ".join(words[unit:]))).strip()


def org_data(s: Session) -> Org:
    """The issuing body as document data."""
    o = decision_texts.org(s)
    return Org(o.parent_body, o.body_name, o.short_name, o.place_name, o.doc_symbol or "UBND")


def _coef(value) -> str:
    """Hệ số as a decree writes it: "0,3", "1,0", "0,45"."""
    if value is None:
        return ""
    text_ = f"{Decimal(str(value)).normalize():f}"
    if "." not in text_:
        text_ += ".0"
    return text_.replace(".", ",")


def _decision_ref(d: Decision | None) -> str:
    if d is None:
        return ""
    who = f" của {d.issuer}" if d.external and d.issuer else ""
    return f"Quyết định số {d.full_number} ngày {text.format_date_vn(d.signed_on)}{who}"


def _citation(line: DecisionLine, kind: AwardKind) -> str:
    """The line's achievement; "Đạt danh hiệu …" repeats the award, so the default is used."""
    own = text.nfc(line.citation or "")
    if not own or text.fold(own).startswith("dat danh hieu"):
        return decision_texts.default_citation(kind, line.achievement_year)
    return own


def _household_place(line: DecisionLine, area: str | None,
                     address: str | None) -> tuple[str, str]:
    """(address, khu dân cư) of a household line: the printed line without its area, or the
    household's recorded address when the line prints none."""
    printed = text.nfc(line.position_line or "")
    if area and printed.endswith(area):
        printed = printed[:-len(area)].rstrip(" ,;-")
    return printed or text.nfc(address or ""), area or ""


def _entry(kind: AwardKind, subj_type: str, line: DecisionLine, rec: AwardRecord | None,
           s: Session, org: Org, area: str | None = None, home: str | None = None) -> Entry:
    old = {}
    if rec is not None:
        old = {"certificate_no": rec.certificate_no,
               "ref": _decision_ref(s.get(Decision, rec.decision_id)),
               "old_name": rec.printed_name, "old_position": rec.position_line or ""}
    address, area = (_household_place(line, area, home) if subj_type == "household"
                     else ("", ""))
    position = line.position_line
    if subj_type == "household" and not position:
        position = ", ".join(x for x in (address, area) if x) or None
    # An issued line keeps the award's name of its day; a draft follows the award kind.
    name = decision_texts.award_full_name(line.award_name or kind.name, org.short_name)
    return Entry(kind.code, name, kind.category == "danh_hieu", subj_type, line.salutation,
                 line.printed_name, position, _coef(line.coefficient), line.money,
                 year=line.achievement_year, area=area, address=address,
                 citation=_citation(line, kind), **old)


def decision_data(s: Session, decision_id: int) -> DecisionDoc:
    """Everything the Quyết định document prints."""
    d = get_or_raise(s, Decision, decision_id, "quyết định")
    if d.external:
        raise DomainError("Quyết định của cấp trên chỉ được ghi số hiệu, không in lại.")
    area = aliased(Subject)
    home = Household.__table__  # the table alone: the mapped class would join subject again
    rows = s.execute(select(DecisionLine, AwardKind, Subject.type, area.name, home.c.address)
                     .join(AwardKind, AwardKind.id == DecisionLine.award_kind_id)
                     .join(Subject, Subject.id == DecisionLine.subject_id)
                     .outerjoin(area, area.id == Subject.area_id)
                     .outerjoin(home, home.c.id == Subject.id)
                     .where(DecisionLine.decision_id == d.id)
                     .order_by(AwardKind.sort_order, DecisionLine.sort_order, DecisionLine.id))
    org = org_data(s)
    entries = tuple(_entry(k, t, line, s.get(AwardRecord, line.award_record_id)
                           if line.award_record_id else None, s, org, area_name, address)
                    for line, k, t, area_name, address in rows)
    year = entries[0].year if entries else d.year
    decider = decision_texts.decider_of(s, d)
    closing = [x for x in (d.articles or "").splitlines() if x.strip()]
    if not any("thi hành" in x for x in closing):  # a draft must name who carries it out
        closing.append(decision_texts.default_executor(s))
    return DecisionDoc(
        org, d.kind, d.full_number if d.number else None, d.signed_on, year, d.title,
        tuple((d.bases or "").splitlines()), tuple(closing),
        tuple(x for x in (d.recipients or "").splitlines() if x),
        decision_texts.signer_lines(d.sign_mode, d.signer_title, decider), d.signer_name or "",
        d.base_salary, d.total_money, entries, d.reason or "", d.status, decider)


def _votes(s: Session, meeting_id: int) -> tuple[Vote, ...]:
    tally = council.tally_rows(s, meeting_id)
    short = org_data(s).short_name
    out = []
    for row in tally:
        c = s.get(Candidate, row.candidate_id)
        subj, kind = s.get(Subject, c.subject_id), s.get(AwardKind, c.award_kind_id)
        entry = Entry(kind.code, decision_texts.award_full_name(kind.name, short),
                      kind.category == "danh_hieu", subj.type,
                      decision_texts.salutation(subj), subj.name,
                      decision_texts.position_line(s, subj), year=0)
        pct = (f"{row.percent:.1f}".replace(".", ",").replace(",0", "") + "%"
               if row.percent is not None else "")
        thr = (f"{row.threshold.normalize():f}".replace(".", ",") + "%"
               if row.threshold is not None else "")
        out.append(Vote(entry, row.ballots_issued, row.ballots_valid, row.agree, row.base, pct,
                        thr, row.passed, c.achievement or "", c.proposing_unit or "",
                        row.ballots_returned, row.ballots_invalid, row.disagree, row.base_label))
    return tuple(out)


def check_signers(m: MeetingDoc) -> None:
    """Minutes are signed by the chair and the secretary, who must have attended."""
    present = {text.fold(name) for name, _role in m.attendees}
    for who, name in (("người chủ trì", m.chair), ("thư ký", m.secretary)):
        if not name.strip():
            raise DomainError(f"Cuộc họp chưa ghi {who}: sửa cuộc họp (Sửa cuộc họp…) trước "
                              "khi lập biên bản.")
        if text.fold(name) not in present:
            raise DomainError(f"{who.capitalize()} “{name}” không có tên trong danh sách thành "
                              "viên có mặt: biên bản phải do người dự họp ký. Sửa cuộc họp "
                              "trước khi lập biên bản.")


def meeting_data(s: Session, meeting_id: int) -> MeetingDoc:
    """Everything the minutes, vote count and ballots print."""
    m = get_or_raise(s, Meeting, meeting_id, "cuộc họp")
    b = s.get(Batch, m.batch_id)
    present_ids = set(s.scalars(select(MeetingAttendee.member_id).where(
        MeetingAttendee.meeting_id == m.id, MeetingAttendee.present.is_(True))))
    day = m.held_at.date() if m.held_at else None
    serving = council.list_members_in(s, day) if day else list(s.scalars(select(CouncilMember)))
    serving.sort(key=lambda x: (x.sort_order, x.id))
    info = council.meeting_info(s, m)
    return MeetingDoc(
        org_data(s), b.name, b.year, m.held_at, m.place or "", m.chair_name or "",
        m.secretary_name or "", m.members_total,
        tuple((x.full_name, x.role) for x in serving if x.id in present_ids),
        tuple((x.full_name, x.role) for x in serving if x.id not in present_ids),
        m.content or "", m.conclusion or "", _votes(s, meeting_id), info.quorum_needed,
        m.minutes_number, m.count_number,
        tuple((name, role == "head") for _i, name, role in council.tellers_of(s, m.id)))


def proposal_data(s: Session, batch_id: int, upward: bool = False) -> ProposalDoc:
    """Everything the Tờ trình prints (passed candidates of the batch)."""
    b = get_or_raise(s, Batch, batch_id, "đợt xét")
    o = org_data(s)
    rows = s.execute(select(Candidate, Subject, AwardKind)
                     .join(Subject, Subject.id == Candidate.subject_id)
                     .join(AwardKind, AwardKind.id == Candidate.award_kind_id)
                     .where(Candidate.batch_id == b.id, Candidate.status.in_(("passed", "decided")),
                            AwardKind.awarded_here.is_(not upward))
                     .order_by(AwardKind.sort_order, Subject.sort_key))
    entries = tuple(Entry(k.code, decision_texts.award_full_name(k.name, o.short_name),
                          k.category == "danh_hieu", subj.type,
                          decision_texts.salutation(subj), subj.name,
                          decision_texts.position_line(s, subj), year=b.year)
                    for c, subj, k in rows)
    if not entries:
        raise DomainError("Chưa có ứng viên nào được Hội đồng thông qua để lập tờ trình.")
    meeting = s.scalars(select(Meeting).where(Meeting.batch_id == b.id)
                        .order_by(Meeting.id.desc())).first()
    chair = meeting.chair_name if meeting else ""
    if upward:
        signer = s.scalars(select(Signer).where(Signer.active.is_(True))
                           .order_by(Signer.sort_order)).first()
        lines = decision_texts.signer_lines(signer.sign_mode if signer else "",
                                            signer.title if signer else "Chủ tịch", "ubnd")
        name = signer.full_name if signer else ""
        recipient = "Chủ tịch Ủy ban nhân dân " + place_of(o.parent_body)
    else:
        lines, name = ("TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "CHỦ TỊCH HỘI ĐỒNG"), chair or ""
        recipient = f"Chủ tịch Ủy ban nhân dân {o.short_name}"
    return ProposalDoc(o, b.name, b.year, recipient, upward,
                       meeting.held_at.date() if meeting and meeting.held_at else None,
                       meeting.members_total if meeting else 0, entries, lines, name)


def decision_document(db: Database, decision_id: int) -> Document:
    """Quyết định + danh sách kèm theo."""
    from app.documents.decision_doc import build_decision

    with db.read() as s:
        return build_decision(decision_data(s, decision_id))


def minutes_document(db: Database, meeting_id: int) -> Document:
    """Biên bản họp Hội đồng."""
    from app.documents.council_docs import build_minutes

    with db.read() as s:
        m = meeting_data(s, meeting_id)
    check_signers(m)
    return build_minutes(m)


def count_minutes_document(db: Database, meeting_id: int) -> Document:
    """Biên bản kiểm phiếu."""
    from app.documents.council_docs import build_count_minutes

    with db.read() as s:
        m = meeting_data(s, meeting_id)
    check_signers(m)
    if not any(head for _name, head in m.tellers):
        raise DomainError("Cuộc họp chưa có Ban kiểm phiếu (và Trưởng ban): chọn trong “Sửa "
                          "cuộc họp…” trước khi lập biên bản kiểm phiếu.")
    return build_count_minutes(m)


def ballots_document(db: Database, meeting_id: int, copies: int = 1) -> Document:
    """Phiếu bầu (``copies`` ballots, one per member present, each on its own page)."""
    from app.documents.council_docs import build_ballots

    with db.read() as s:
        return build_ballots(meeting_data(s, meeting_id), copies)


def proposal_document(db: Database, batch_id: int, upward: bool = False) -> Document:
    """Tờ trình: to the Chủ tịch (ward awards) or, ``upward``, to the city (higher awards)."""
    from app.documents.council_docs import build_proposal

    with db.read() as s:
        return build_proposal(proposal_data(s, batch_id, upward))


def write_decision_kit(db: Database, decision_id: int, fmt: str, out_dir: str | Path,
                       notes: list[str] | None = None) -> list[Path]:
    """Write the decision and, when it came from a batch, the batch's tờ trình, minutes, vote
    count and ballots, as ``fmt`` ("pdf" or "docx") files in ``out_dir``. A paper that cannot
    be composed yet (e.g. minutes without a present secretary) is left out, with the reason
    added to ``notes``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with db.read() as s:
        d = get_or_raise(s, Decision, decision_id, "quyết định")
        stem = (d.full_number or f"du-thao-{d.id}").replace("/", "-")
        meeting = s.scalars(select(Meeting).where(Meeting.batch_id == d.batch_id)
                            .order_by(Meeting.id.desc())).first() if d.batch_id else None
        batch_id = d.batch_id
    docs = [(f"Quyet-dinh-{stem}", lambda: decision_document(db, decision_id))]
    if batch_id:
        docs.append((f"To-trinh-{stem}", lambda: proposal_document(db, batch_id)))
    if meeting is not None:
        mid = meeting.id
        docs += [(f"Bien-ban-hop-{stem}", lambda: minutes_document(db, mid)),
                 (f"Bien-ban-kiem-phieu-{stem}", lambda: count_minutes_document(db, mid)),
                 (f"Phieu-bau-{stem}", lambda: ballots_document(db, mid))]
    paths = []
    for i, (name, build) in enumerate(docs):
        try:
            doc = build()
        except DomainError as exc:
            if i == 0:  # the decision itself is what was asked for
                raise
            if notes is not None:
                notes.append(f"{name}: {exc}")
            continue
        paths.append(render(doc, out / f"{name}.{fmt}"))
    return paths
