"""Helpers: one issued decision with register entries of every template; the longest names."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

LONG_PERSON = "Tôn Nữ Thị Phương Hoàng Khánh Ngọc Anh"
LONG_COLLECTIVE = ("Chi hội Cựu chiến binh khu dân cư số 12 – Trường Trung học cơ sở "
                   "Nguyễn Trãi")
LONG_AREA = "Khu dân cư số 12 Đông Giàng – Trác Châu (địa bàn An Thượng cũ)"
LONG_HOUSEHOLD = "Công Tằng Tôn Nữ Thị Phương Hoàng Khánh Ngọc Anh"


def make_decision(db, lines, number=15, year=2025, signed=date(2025, 12, 20),
                  sign_mode="KT.", signer_title="Phó Chủ tịch") -> int:
    """Create an issued decision and its register entries directly (no decision service yet).

    ``lines``: (award code, subject kind, name, extra dict) tuples.
    """
    from app.services.records.subjects import apply_name
    from db.models import (
        AwardKind,
        AwardRecord,
        Collective,
        Decision,
        Household,
        Organization,
        Person,
        ResidentialArea,
    )

    classes = {"person": Person, "collective": Collective, "household": Household,
               "area": ResidentialArea}
    with db.session() as s:
        if s.get(Organization, 1) is None:
            s.add(Organization(id=1, parent_body="UBND THÀNH PHỐ HẢI PHÒNG",
                               body_name="Ủy ban nhân dân phường Thành Đông",
                               short_name="phường Thành Đông", place_name="Thành Đông"))
        kinds = {k.code: k for k in s.scalars(select(AwardKind))}
        d = Decision(number=number, year=year, full_number=f"{number}/QĐ-UBND", signed_on=signed,
                     title="Về việc khen thưởng tổng kết năm", status="issued",
                     signer_name="Nguyễn Văn Hùng", signer_title=signer_title,
                     sign_mode=sign_mode)
        s.add(d)
        s.flush()
        start = s.scalar(select(AwardRecord.register_no).where(AwardRecord.register_year == year)
                         .order_by(AwardRecord.register_no.desc())) or 0
        for i, (code, kind, name, extra) in enumerate(lines, start=start + 1):
            extra = dict(extra)
            subject_fields = {k: extra.pop(k) for k in ("gender", "position", "address")
                              if k in extra}
            subject = classes[kind](**subject_fields)
            apply_name(subject, name)
            s.add(subject)
            s.flush()
            s.add(AwardRecord(register_year=year, register_no=i, certificate_no=f"{year}/{i:04d}",
                              subject_id=subject.id, award_kind_id=kinds[code].id, year=year,
                              decision_id=d.id, printed_name=name, **extra))
        return d.id


SAMPLE_LINES = [
    ("GK_CT", "person", "Nguyễn Thị Ánh", {"gender": "nữ", "position_line":
        "Công chức Văn phòng - Thống kê, Ủy ban nhân dân phường Thành Đông",
        "citation": "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025"}),
    ("GK_CT", "collective", LONG_COLLECTIVE, {"position_line": "Hội Cựu chiến binh phường"}),
    ("GK_CT", "household", "Phạm Văn Đức", {"salutation": "Gia đình ông",
                                             "address": "Số 12, ngõ 5, khu dân cư Đông Giàng"}),
    ("LDTT", "person", LONG_PERSON, {"gender": "nữ", "position": "Giáo viên"}),
    ("CSTDCS", "person", "Lê Văn Bình", {"gender": "nam"}),
    ("TTLDTT", "collective", "Trường Trung học cơ sở Nguyễn Trãi", {}),
    ("GDVH", "household", LONG_HOUSEHOLD, {"salutation": "Gia đình bà",
                                           "position_line": "Khu dân cư An Thượng 2"}),
    ("KDCVH", "area", LONG_AREA, {}),
]



# ------------------------------------------------------------ certificates without a database

def cert(template: str, subject_type: str, salutation: str, name: str, **kw):
    from app.certificates import CertificateData

    base = {
        "template": template, "subject_type": subject_type, "salutation": salutation,
        "name": name,
        "position_line": "Công chức Văn phòng - Thống kê, Ủy ban nhân dân phường Thành Đông",
        "year": 2025, "decision_no": "15/QĐ-UBND", "decision_date": date(2025, 12, 20),
        "certificate_no": "2025/0001",
        "issuer_title": "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
        "place_date": "Thành Đông, ngày 20 tháng 12 năm 2025", "sign_mode": "KT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH", "signer_name": "Nguyễn Văn Hùng",
    }
    base.update(kw)
    return CertificateData(**base)


SHORT = {"person": ("Ông", "Lê An"), "collective": ("", "Tổ 5"),
         "household": ("Gia đình ông", "Hà Tư"), "area": ("", "Khu dân cư Đông")}
LONG = {"person": ("Bà", LONG_PERSON), "collective": ("", LONG_COLLECTIVE),
        "household": ("Gia đình bà", LONG_HOUSEHOLD), "area": ("", LONG_AREA)}


def every_certificate() -> list:
    """Every registered template × its subject types × a short and a very long name."""
    from app.certificates import get_template, template_names

    out = []
    for name in template_names():
        for subject_type in get_template(name).subject_types:
            for sal, who in (SHORT[subject_type], LONG[subject_type]):
                out.append(cert(name, subject_type, sal, who))
    return out
