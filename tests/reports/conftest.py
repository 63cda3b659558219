"""Small databases for the report tests, built with the ORM models."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from sqlalchemy import select

from app.services.records.subjects import apply_name
from db.models import (
    AwardKind,
    AwardRecord,
    Collective,
    Decision,
    DecisionLine,
    FormerUnit,
    Household,
    Organization,
    Person,
    Registration,
    ResidentialArea,
    Signer,
)


class Builder:
    """Adds records inside one open session; ``kind`` maps award codes to ids."""

    def __init__(self, session):
        self.s = session
        self.kind = dict(session.execute(select(AwardKind.code, AwardKind.id)).all())
        self._no = itertools.count(1)

    def _add(self, obj):
        self.s.add(obj)
        self.s.flush()
        return obj

    def unit(self, name, order=0):
        return self._add(FormerUnit(name=name, sort_order=order))

    def area(self, name, unit=None, households_total=None):
        a = ResidentialArea(former_unit_id=unit.id if unit else None,
                            households_total=households_total)
        apply_name(a, name)
        return self._add(a)

    def person(self, name, area=None, unit=None, staff_class=None, gender="nam"):
        p = Person(area_id=area.id if area else None, former_unit_id=unit.id if unit else None,
                   staff_class=staff_class, gender=gender)
        apply_name(p, name)
        return self._add(p)

    def collective(self, name, area=None, unit=None):
        c = Collective(area_id=area.id if area else None,
                       former_unit_id=unit.id if unit else None)
        apply_name(c, name)
        return self._add(c)

    def household(self, name, area=None, flush=True):
        h = Household(area_id=area.id if area else None)
        apply_name(h, name)
        self.s.add(h)
        if flush:
            self.s.flush()
        return h

    def decision(self, number, year, external=False, status="issued", title="Về việc khen thưởng"):
        return self._add(Decision(number=number, year=year, full_number=f"{number}/QĐ-UBND",
                                  signed_on=date(year, 12, 20), title=title, external=external,
                                  status=status, level="tinh" if external else "xa"))

    def award(self, subject, code, year, money=0, revoked=False, decision=None, corrects=None,
              flush=True):
        n = next(self._no)
        rec = AwardRecord(register_year=year, register_no=n, certificate_no=f"{year}/{n:05d}",
                          subject_id=subject.id, award_kind_id=self.kind[code], year=year,
                          decision_id=decision.id if decision else None, printed_name=subject.name,
                          money=money, corrects_id=corrects.id if corrects else None)
        self.s.add(rec)
        if flush or revoked:
            self.s.flush()
        if revoked:
            self.revoke(rec)
        return rec

    def revoke(self, rec):
        """Revoked the one way the register allows: by an issued revocation naming the entry."""
        n = next(self._no)
        d = self.decision(9000 + n, rec.register_year, status="draft", title="Về việc thu hồi")
        d.kind = "thu_hoi"
        self._add(DecisionLine(decision_id=d.id, subject_id=rec.subject_id,
                               award_kind_id=rec.award_kind_id, award_record_id=rec.id,
                               achievement_year=rec.year, printed_name=rec.printed_name))
        d.status = "issued"
        self.s.flush()
        rec.revoked, rec.revoked_by_decision_id = True, d.id
        self.s.flush()

    def registration(self, subject, code, year, outcome=None):
        self.s.add(Registration(year=year, subject_id=subject.id, award_kind_id=self.kind[code],
                                outcome=outcome))

    def organization(self):
        self.s.add(Organization(id=1, parent_body="UBND THÀNH PHỐ HẢI PHÒNG",
                                body_name="ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
                                short_name="phường Thành Đông", place_name="Thành Đông"))
        self.s.add(Signer(full_name="Vũ Kim Quang", title="Phó Chủ tịch", sign_mode="KT."))


@pytest.fixture
def build(db):
    """``with build() as b:`` gives a Builder inside one transaction."""
    from contextlib import contextmanager

    @contextmanager
    def _build():
        with db.session() as s:
            yield Builder(s)

    return _build
