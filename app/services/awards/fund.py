"""Quỹ thi đua, khen thưởng: yearly income (thu) and spending (chi) lines and the balance.

Issuing a decision posts its money as a spending line automatically; revoking awards posts the
money to be recovered as income. Posted lines point at their decision and are not edited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import text
from app.errors import DomainError, NotFoundError, ValidationError
from app.services.system import audit
from db.engine import Database
from db.models import Decision, FundLine

CARRIED = "so_du"  # the group of the line carrying the year before's balance
GROUPS = {
    CARRIED: "Số dư năm trước chuyển sang",
    "du_toan": "Dự toán được giao",
    "thu_khac": "Thu khác",
    "thu_hoi": "Thu hồi tiền thưởng",
    "chi_khen_thuong": "Chi khen thưởng",
    "chi_khac": "Chi khác (in giấy khen, khung…)",
}
DIRECTION = {CARRIED: "thu", "du_toan": "thu", "thu_khac": "thu", "thu_hoi": "thu",
             "chi_khen_thuong": "chi", "chi_khac": "chi"}


@dataclass(frozen=True)
class FundLineInfo:
    """One income or spending line of the award fund."""
    id: int
    year: int
    direction: str  # thu / chi
    group: str
    group_label: str
    on_date: date | None
    amount: int
    description: str
    decision_id: int | None


@dataclass(frozen=True)
class FundBalance:
    """Income and spending totals of a year."""
    year: int
    income: int
    spending: int
    carried: int = 0  # of the income, the balance carried over from the year before
    carried_now: int | None = None  # what the year before shows now, when it has changed since

    @property
    def balance(self) -> int:
        """Income minus spending of the year."""
        return self.income - self.spending


def _info(x: FundLine) -> FundLineInfo:
    return FundLineInfo(x.id, x.year, x.direction, x.group, GROUPS.get(x.group, x.group),
                        x.on_date, x.amount, x.description, x.decision_id)


def add_line(db: Database, year: int, group: str, amount: int, description: str,
             on_date: date | None = None) -> int:
    """A manual budget or spending line (not linked to a decision)."""
    if group not in GROUPS:
        raise ValidationError("Nhóm thu/chi không hợp lệ.", "group")
    if amount is None or int(amount) <= 0:
        raise ValidationError("Số tiền phải lớn hơn 0.", "amount")
    if not text.nfc(description):
        raise ValidationError("Chưa nhập nội dung thu/chi.", "description")
    if on_date is not None and on_date.year != year:
        raise ValidationError(f"Ngày {text.format_date_vn(on_date)} không thuộc năm {year} của "
                              "dòng thu/chi: hãy sửa ngày hoặc chọn lại năm.", "on_date")
    with db.session() as s:
        line = FundLine(year=year, direction=DIRECTION[group], group=group, amount=int(amount),
                        description=text.nfc(description), on_date=on_date)
        s.add(line)
        s.flush()
        audit.log(s, "create", "fund_line", line.id, None, audit.snapshot(line))
        return line.id


def delete_line(db: Database, line_id: int) -> None:
    """Delete a manual line; lines posted by a decision stay."""
    with db.session() as s:
        line = s.get(FundLine, line_id)
        if line is None:
            raise NotFoundError("Không tìm thấy dòng thu/chi.")
        if line.decision_id:
            raise DomainError("Dòng này do quyết định ghi tự động: không xóa được.")
        audit.log(s, "delete", "fund_line", line.id, audit.snapshot(line), None)
        s.delete(line)


def default_date(year: int, today: date | None = None) -> date:
    """Date a new line of ``year`` starts with: today when in that year, else 31/12."""
    today = today or date.today()
    return today if today.year == year else date(year, 12, 31)


def list_lines(db: Database, year: int) -> list[FundLineInfo]:
    """Lines of a year, by date."""
    with db.read() as s:
        rows = s.scalars(select(FundLine).where(FundLine.year == year)
                         .order_by(FundLine.on_date, FundLine.id))
        return [_info(x) for x in rows]


def _totals(s: Session, year: int) -> tuple[int, int]:
    sums = dict(s.execute(select(FundLine.direction, func.sum(FundLine.amount))
                          .where(FundLine.year == year).group_by(FundLine.direction)).all())
    return int(sums.get("thu") or 0), int(sums.get("chi") or 0)


def balance(db: Database, year: int) -> FundBalance:
    """Income, spending and balance of a year; a carried-over balance the year before no
    longer matches (a late decision, a line added) is pointed out, never changed silently."""
    with db.read() as s:
        income, spending = _totals(s, year)
        carried = int(s.scalar(select(func.sum(FundLine.amount))
                               .where(FundLine.year == year, FundLine.group == CARRIED)) or 0)
        now = None
        if carried:
            before_in, before_out = _totals(s, year - 1)
            now = before_in - before_out if before_in - before_out != carried else None
        return FundBalance(year, income, spending, carried, now)


def post_decision(s: Session, d: Decision) -> FundLine | None:
    """Spending line for an issued decision's money (inside the issuing transaction)."""
    if d.total_money <= 0:
        return None
    line = FundLine(year=d.signed_on.year, direction="chi", group="chi_khen_thuong",
                    on_date=d.signed_on, amount=d.total_money, decision_id=d.id,
                    description=f"Tiền thưởng theo Quyết định số {d.full_number} "
                                f"ngày {text.format_date_vn(d.signed_on)}")
    s.add(line)
    s.flush()
    audit.log(s, "create", "fund_line", line.id, None, audit.snapshot(line))
    return line


def post_recovery(s: Session, d: Decision, amount: int) -> FundLine | None:
    """Income line for the money to recover after a revocation decision."""
    if amount <= 0:
        return None
    line = FundLine(year=d.signed_on.year, direction="thu", group="thu_hoi",
                    on_date=d.signed_on, amount=amount, decision_id=d.id,
                    description=f"Thu hồi tiền thưởng theo Quyết định số {d.full_number} "
                                f"ngày {text.format_date_vn(d.signed_on)}")
    s.add(line)
    s.flush()
    audit.log(s, "create", "fund_line", line.id, None, audit.snapshot(line))
    return line


def carry_over_amount(db: Database, year: int) -> int:
    """What the year before ``year`` ended with (negative: it spent more than it had)."""
    return balance(db, year - 1).balance


def carry_over(db: Database, year: int) -> int:
    """Carry what is left of the year before into ``year`` as one income line dated 01/01, at
    the officer's request (the fund's rules decide whether a ward may); returns its id."""
    with db.session(immediate=True) as s:
        income, spending = _totals(s, year - 1)
        left = income - spending
        if left <= 0:
            raise DomainError(f"Năm {year - 1} không còn số dư để chuyển sang năm {year}.")
        if s.scalar(select(FundLine.id).where(FundLine.year == year, FundLine.group == CARRIED)):
            raise DomainError(f"Năm {year} đã có dòng số dư năm {year - 1} chuyển sang: xóa "
                              "dòng đó trước nếu cần chuyển lại.")
        line = FundLine(year=year, direction="thu", group=CARRIED, on_date=date(year, 1, 1),
                        amount=left, description=f"Số dư Quỹ thi đua, khen thưởng năm "
                                                 f"{year - 1} chuyển sang")
        s.add(line)
        s.flush()
        audit.log(s, "create", "fund_line", line.id, None, audit.snapshot(line))
        return line.id
