"""Import rules for movements (``tdkt import movement``): a ward loads its five years of
phong trào at once. A movement is known by its name (any case or accents); one already on
file is a duplicate (skipped unless updated)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.excel.lookups import Lookups
from app.excel.pairs import InFile
from app.excel.preview import PreviewRow
from app.reports.labels import launcher_group
from app.services.emulation.movements import LAUNCHERS
from app.text import fold, nfc
from db.models import Movement

KINDS = {"thuong xuyen": "thường xuyên", "chuyen de": "chuyên đề", "theo dot": "theo đợt",
         "dot": "theo đợt", "dot xuat": "theo đợt"}
_LAUNCHER_OF_GROUP = {"pm": "Thủ tướng Chính phủ", "city": "Thành phố", "ward": "Phường"}


def _col(row: PreviewRow, key: str) -> str:
    return row.columns.get(key, "")


def _day(row: PreviewRow, key: str, label: str, end: bool) -> date | None:
    """A date, or a bare year read as its first (or last) day — said in the preview."""
    value = row.values.get(key)
    if isinstance(value, int):
        day = date(value, 12, 31) if end else date(value, 1, 1)
        row.warn(_col(row, key), f"{label}: chỉ có năm {value}, lấy ngày "
                                 f"{day.strftime('%d/%m/%Y')}.")
        row.values[key] = day
        return day
    return value


class MovementRows:
    kind = "movement"
    needs: ClassVar[dict] = {}
    stores: ClassVar[dict] = {"name": Movement.name, "launched_by": Movement.launched_by,
                              "slogan": Movement.slogan, "plan_number": Movement.plan_number}

    def prepare(self, s: Session, lk: Lookups, context: dict) -> None:
        self.existing = dict(s.execute(select(Movement.name_folded, Movement.id)).all())

    def check(self, row: PreviewRow, lk: Lookups, infile: InFile) -> None:
        v = row.values
        key = fold(v["name"])
        if key in infile.seen:
            row.error(_col(row, "name"), f"Phong trào “{v['name']}” trùng với dòng "
                                         f"{infile.seen[key]}.")
        infile.seen.setdefault(key, row.row)
        if key in self.existing:
            row.duplicate_id, row.duplicate_text = self.existing[key], "Đã có phong trào này"
        self._kind(row)
        self._launcher(row)
        start = _day(row, "start", "Ngày bắt đầu", end=False)
        finish = _day(row, "end", "Ngày kết thúc", end=True)
        if isinstance(v.get("plan_date"), int):
            row.error(_col(row, "plan_date"), "Ngày kế hoạch cần đủ ngày, tháng, năm.")
        if start and finish and finish < start:
            row.error(_col(row, "end"), "Ngày kết thúc trước ngày bắt đầu.")

    @staticmethod
    def _kind(row: PreviewRow) -> None:
        given = row.values.get("kind")
        if not given:
            row.values["kind"] = "thường xuyên"
        elif fold(given) in KINDS:
            row.values["kind"] = KINDS[fold(given)]
        else:
            row.error(_col(row, "kind"), f"Loại phong trào “{given}” phải là thường xuyên, "
                                         "chuyên đề hoặc theo đợt.")

    @staticmethod
    def _launcher(row: PreviewRow) -> None:
        given = row.values.get("launched_by")
        if not given:
            row.values["launched_by"] = "Phường"
            return
        known = {fold(x): x for x in LAUNCHERS}
        if fold(given) in known:
            row.values["launched_by"] = known[fold(given)]
            return
        group = launcher_group(given)
        if group == "other":
            row.warn(_col(row, "launched_by"), f"Cấp phát động “{given}”: báo cáo xếp phong trào "
                                               "vào nhóm Mặt trận, đoàn thể và khác.")
        else:
            row.warn(_col(row, "launched_by"), f"Cấp phát động “{given}”: báo cáo xếp phong trào "
                                               f"vào nhóm do {_LAUNCHER_OF_GROUP[group]} phát "
                                               "động.")

    def write(self, s: Session, row: PreviewRow, lk: Lookups):
        v, updating = row.values, row.action == "update"
        m = s.get(Movement, row.duplicate_id) if updating else Movement()
        m.name, m.name_folded = nfc(v["name"]), fold(v["name"])
        for attr, key in (("launched_by", "launched_by"), ("kind", "kind"),
                          ("slogan", "slogan"), ("start_date", "start"), ("end_date", "end"),
                          ("plan_number", "plan_number"), ("plan_date", "plan_date"),
                          ("description", "description")):
            # On update an empty cell keeps what is on file (even where a new row gets a default).
            if not updating or row.raw.get(key) not in (None, ""):
                setattr(m, attr, v.get(key))
        return m
