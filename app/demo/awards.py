"""Demo register: issued decisions of each year with their lists, register entries, the fund,
higher-level awards recorded by reference, and an open batch for the current year."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.demo.records import DemoRecords
from app.services.awards.money import Coefficients, award_amount, base_salary_on
from db.models import (
    AwardKind,
    AwardRecord,
    Batch,
    Candidate,
    Decision,
    DecisionLine,
    FundLine,
    Person,
    Registration,
    Signer,
    Subject,
)

CITATIONS = {
    "GDVH": "Đạt danh hiệu “Gia đình văn hóa” năm {year}",
    "KDCVH": "Đạt danh hiệu “Khu dân cư văn hóa” năm {year}",
    "LDTT": "Đạt danh hiệu “Lao động tiên tiến” năm {year}",
    "CSTDCS": "Đạt danh hiệu “Chiến sĩ thi đua cơ sở” năm {year}",
    "TTLDTT": "Đạt danh hiệu “Tập thể lao động tiên tiến” năm {year}",
    "GK_CT": "Đã có thành tích xuất sắc trong phong trào thi đua yêu nước năm {year}",
    "BK_TP": "Đã có thành tích xuất sắc trong công tác năm {year}",
    "CSTD_TP": "Đạt danh hiệu “Chiến sĩ thi đua thành phố” năm {year}",
}
TITLES = {
    "GDVH": "Về việc công nhận danh hiệu “Gia đình văn hóa” năm {year}",
    "KDCVH": "Về việc công nhận danh hiệu “Khu dân cư văn hóa” năm {year}",
    "LDTT": "Về việc tặng danh hiệu “Lao động tiên tiến” năm {year}",
    "CSTDCS": "Về việc tặng danh hiệu “Chiến sĩ thi đua cơ sở” năm {year}",
    "TTLDTT": "Về việc tặng danh hiệu “Tập thể lao động tiên tiến” năm {year}",
    "GK_CT": "Về việc khen thưởng các tập thể, cá nhân, hộ gia đình có thành tích xuất sắc "
             "trong phong trào thi đua yêu nước năm {year}",
}
BASES = ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2025;\n"
         "Căn cứ Luật Thi đua, khen thưởng năm 2022;\n"
         "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết và hướng dẫn thi "
         "hành một số điều của Luật Thi đua, khen thưởng;\n"
         "Xét đề nghị của Hội đồng Thi đua - Khen thưởng phường.")


class _Writer:
    """Accumulates one year's decisions, lines and register entries for bulk insert."""

    def __init__(self, session: Session, rng: random.Random, kinds: dict[str, AwardKind],
                 names: dict[int, tuple[str, str, str | None]], signer: Signer | None):
        self.s, self.rng, self.kinds, self.names, self.signer = session, rng, kinds, names, signer
        self.records: list[dict] = []
        self.lines: list[dict] = []
        self.fund: list[dict] = []
        self.reg_no: dict[int, int] = defaultdict(int)
        self.dec_no: dict[int, int] = {}
        self.coefs = Coefficients(session)  # dated coefficients, read once
        self.drafts: list[int] = []  # issued once their lists are written (the lists lock then)

    def decision(self, code: str, year: int, when: date, subject_ids: list[int]) -> None:
        if not subject_ids:
            return
        kind = self.kinds[code]
        num = self.dec_no.get(when.year, self.rng.randint(120, 260)) + self.rng.randint(1, 12)
        self.dec_no[when.year] = num
        salary = base_salary_on(self.s, when)
        dec = Decision(number=num, year=when.year, symbol="QĐ-UBND", full_number=f"{num}/QĐ-UBND",
                       signed_on=when, kind="khen_thuong", title=TITLES[code].format(year=year),
                       bases=BASES, recipients="Như Điều 3;\nLưu: VT.",
                       signer_name=self.signer.full_name if self.signer else None,
                       signer_title=self.signer.title if self.signer else None,
                       sign_mode=self.signer.sign_mode if self.signer else "", level="xa",
                       status="draft", issued_at=datetime.combine(when, datetime.min.time()),
                       base_salary=salary, total_money=0)
        start_lines, start_records = len(self.lines), len(self.records)
        total = sum(self._entry(None, when, code, kind, year, sid, salary, order, "xa")
                    for order, sid in enumerate(subject_ids))
        dec.total_money = total  # set before insert: an issued decision is never updated
        self.s.add(dec)
        self.s.flush()
        self.drafts.append(dec.id)
        for row in self.lines[start_lines:] + self.records[start_records:]:
            row["decision_id"] = dec.id
        if total:
            self.fund.append({"year": when.year, "direction": "chi", "group": "chi_khen_thuong",
                              "on_date": when, "amount": total, "decision_id": dec.id,
                              "description": f"Chi thưởng theo Quyết định số {dec.full_number}"})

    def external(self, code: str, year: int, when: date, subject_ids: list[int], issuer: str) -> None:
        kind = self.kinds[code]
        for sid in subject_ids:
            num = self.rng.randint(1000, 4999)
            dec = Decision(number=num, year=when.year, symbol="QĐ-UBND",
                           full_number=f"{num}/QĐ-UBND", signed_on=when, kind="khen_thuong",
                           title=f"Về việc tặng {kind.name}", issuer=issuer, level=kind.level,
                           external=True, status="issued", total_money=0,
                           issued_at=datetime.combine(when, datetime.min.time()))
            self.s.add(dec)
            self.s.flush()
            self._entry(dec.id, when, code, kind, year, sid, None, 0, kind.level,
                        ref=(f"{num}/QĐ-UBND", when, issuer))

    def _entry(self, dec_id, when, code, kind, year, sid, salary, order, level, ref=None) -> int:
        name, stype, position = self.names[sid]
        coef = self.coefs.on(kind.id, stype, when)
        money = award_amount(coef, salary) if salary else 0
        salutation = {"collective": "Tập thể", "area": "Tập thể", "household": "Hộ gia đình"}.get(
            stype, position and position.split("|")[0] or "Ông (Bà)")
        pos_line = position.split("|")[1] if position and "|" in position else None
        citation = CITATIONS[code].format(year=year)
        if not ref:
            self.lines.append({"decision_id": dec_id, "subject_id": sid, "award_kind_id": kind.id,
                               "achievement_year": year, "salutation": salutation,
                               "printed_name": name, "position_line": pos_line,
                               "citation": citation, "coefficient": coef,
                               "money": money, "sort_order": order, "award_name": kind.name})
        self.reg_no[when.year] += 1
        no = self.reg_no[when.year]
        self.records.append({
            "register_year": when.year, "register_no": no, "certificate_no": f"{when.year}/{no:04d}",
            "subject_id": sid, "award_kind_id": kind.id, "year": year,
            "decision_id": dec_id, "level": level, "salutation": salutation, "printed_name": name,
            "position_line": pos_line, "citation": citation, "money": money,
            "external_decision_ref": ref[0] if ref else None,
            "external_decision_date": ref[1] if ref else None,
            "external_issuer": ref[2] if ref else None, "revoked": False,
            "award_name": kind.name,
        })
        return money

    def flush(self) -> None:
        for rows, table in ((self.lines, DecisionLine), (self.records, AwardRecord),
                            (self.fund, FundLine)):
            for start in range(0, len(rows), 20000):
                self.s.execute(insert(table), rows[start:start + 20000])
            rows.clear()
        if self.drafts:
            self.s.execute(update(Decision).where(Decision.id.in_(self.drafts))
                           .values(status="issued"))
            self.drafts.clear()


def _names(session: Session) -> dict[int, tuple[str, str, str | None]]:
    """subject id → (name, type, "Ông|position, workplace" for persons)."""
    out = {}
    workplaces = dict(session.execute(select(Subject.id, Subject.name)
                                      .where(Subject.type == "collective")).all())
    for sid, name, stype in session.execute(select(Subject.id, Subject.name, Subject.type)):
        out[sid] = (name, stype, None)
    for pid, gender, position, wp in session.execute(
            select(Person.id, Person.gender, Person.position, Person.workplace_id)):
        sal = "Ông" if gender == "nam" else "Bà"
        line = ", ".join(x for x in (position, workplaces.get(wp)) if x)
        out[pid] = (out[pid][0], "person", f"{sal}|{line}")
    return out


def _achieved(session: Session, year: int, kind_id: int) -> list[int] | None:
    rows = session.execute(select(Registration.subject_id, Registration.outcome)
                           .where(Registration.year == year,
                                  Registration.award_kind_id == kind_id)).all()
    if not rows:
        return None
    return [sid for sid, outcome in rows if outcome == "dat"]


def build_awards(session: Session, rng: random.Random, rec: DemoRecords, year_from: int,
                 year_to: int, progress=None) -> int:
    kinds = {k.code: k for k in session.scalars(select(AwardKind))}
    signer = session.scalars(select(Signer).order_by(Signer.sort_order)).first()
    writer = _Writer(session, rng, kinds, _names(session), signer)
    staff = [p for p in rec.persons if p in rec.workplace]
    total = 0
    for year in range(year_from, year_to + 1):
        day = date(year, 12, rng.randint(5, 20))
        gdvh = _achieved(session, year, kinds["GDVH"].id)
        if gdvh is None:
            gdvh = [h for h in rec.households if rng.random() < rng.uniform(0.9, 0.96)]
        writer.decision("GDVH", year, day, gdvh)
        kdcvh = _achieved(session, year, kinds["KDCVH"].id)
        if kdcvh is None:
            kdcvh = rec.areas if year >= 2021 else [a for a in rec.areas if rng.random() < 0.92]
        writer.decision("KDCVH", year, day, kdcvh)
        ldtt = [p for p in staff if rng.random() < 0.62]
        writer.decision("LDTT", year, day, ldtt)
        writer.decision("CSTDCS", year, day, [p for p in ldtt if rng.random() < 0.12])
        writer.decision("TTLDTT", year, day, [c for c in rec.collectives if rng.random() < 0.55])
        gk = ([p for p in rec.persons if rng.random() < 0.04]
              + [c for c in rec.collectives if rng.random() < 0.12]
              + [h for h in rec.households if rng.random() < 0.004])
        writer.decision("GK_CT", year, date(year, 12, 28), gk)
        outside = rng.sample(rec.persons, min(3, len(rec.persons))) + rng.sample(rec.collectives, 2)
        writer.external("BK_TP", year, date(year + 1, 1, rng.randint(10, 25)), outside,
                        "Chủ tịch Ủy ban nhân dân thành phố Hải Phòng")
        # The budget a ward plans: the year's awards and a margin, in round millions.
        spent = sum(x["amount"] for x in writer.fund
                    if x["year"] == year and x["direction"] == "chi")
        budget = -(-int(spent * 1.08) // 5_000_000) * 5_000_000
        writer.fund.append({"year": year, "direction": "thu", "group": "du_toan",
                            "on_date": date(year, 1, 15), "amount": max(budget, 60_000_000),
                            "description": f"Dự toán quỹ thi đua, khen thưởng năm {year}",
                            "decision_id": None})
        total += len(writer.records)
        writer.flush()
        if progress:
            progress(f"Năm {year}: đã ghi sổ khen thưởng (tổng {total:,} mục).".replace(",", "."))
    return total


def build_open_batch(session: Session, rng: random.Random, rec: DemoRecords, year: int) -> None:
    """An open batch of the current year with proposed candidates, to try the workflow."""
    kinds = {k.code: k.id for k in session.scalars(select(AwardKind))}
    batch = Batch(name=f"Xét khen thưởng tổng kết năm {year}", year=year, kind="tong_ket_nam",
                  status="draft")
    session.add(batch)
    session.flush()
    rows = []
    staff = [p for p in rec.persons if p in rec.workplace]
    for sid in rng.sample(staff, min(12, len(staff))):
        rows.append((sid, kinds["LDTT"], "Hoàn thành tốt nhiệm vụ được giao năm " + str(year)))
    for sid in rng.sample(staff, min(3, len(staff))):
        rows.append((sid, kinds["CSTDCS"], "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận"))
    for sid in rng.sample(rec.collectives, min(5, len(rec.collectives))):
        rows.append((sid, kinds["GK_CT"], "Có thành tích xuất sắc trong phong trào thi đua"))
    seen = set()
    for order, (sid, kid, text) in enumerate(rows):
        if (sid, kid) in seen:
            continue
        seen.add((sid, kid))
        session.add(Candidate(batch_id=batch.id, subject_id=sid, award_kind_id=kid,
                              achievement=text, proposing_unit="Hội đồng Thi đua - Khen thưởng phường",
                              status="proposed", sort_order=order))
