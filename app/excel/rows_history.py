"""Import rules for the ward's old commendation register (issue 16): each row is one award;
its decision is on the row or on the section row above its block ("Quyết định số
151/QĐ-UBND ngày 12/12/2022 về việc …"), or in the sheet's title. ``check`` reads what one
row says; ``finish`` works out the rest from all rows at once (``app.excel.history_plan``);
``commit`` writes through ``app.services.rounds.history_import``."""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

from sqlalchemy.orm import Session

from app.excel import history_index, history_refs
from app.excel import values as V
from app.excel.history_awards import TYPE_WORDS, type_from_heading
from app.excel.history_plan import COLUMNS, build
from app.excel.history_refs import (
    DecisionRef,
    parse_day,
    parse_heading,
    parse_money,
    parse_reference,
    year_in,
)
from app.excel.lookups import Lookups, area_key
from app.excel.pairs import InFile
from app.excel.preview import Preview, PreviewRow
from app.excel.reader import SheetData
from app.text import fold, format_date_vn
from db.models import Decision, DecisionLine, HistorySource, Person, Subject

level_of = lru_cache(maxsize=1_000)(history_refs.level_of)  # a few texts, on thousands of rows
NO_DECISION = ("Dòng này không có quyết định: ghi số và ngày quyết định ở dòng này, hoặc dòng "
               "“Quyết định số … ngày …” phía trên nhóm.")


class HistoryRows:
    kind = "award_history"
    needs: ClassVar[dict] = {}
    stores: ClassVar[dict] = {"name": Subject.name, "position": DecisionLine.position_line,
                              "unit": Person.workplace_text, "address": Person.address,
                              "award": HistorySource.award_text, "issuer": Decision.issuer}

    def prepare(self, s: Session, lk: Lookups, context: dict) -> None:
        self.index = history_index.load(s)
        self.context = context
        self.city_rows = 0  # rows whose level says "thành phố"

    # ------------------------------------------------------------ one sheet
    def sheet(self, sheet: SheetData, result: Preview) -> None:
        """Sheet-wide facts: its year (name or title) and a decision named in its title."""
        self.sheet_year = year_in(sheet.sheet) or year_in(sheet.title)
        self.sheet_ref = parse_heading(sheet.title) if sheet.title else None
        self.headings, self.next_heading = sheet.headings, 0
        self.heading_ref: tuple[DecisionRef, int] | None = None
        self.type_hint: str | None = None
        if self.sheet_ref is not None:
            result.notes.append(f"Trang “{sheet.sheet}”: tiêu đề ghi quyết định "
                                f"{self.sheet_ref.reference}, dùng cho các dòng không có quyết "
                                "định riêng.")

    def _advance(self, row_no: int) -> None:
        while self.next_heading < len(self.headings) and \
                self.headings[self.next_heading][0] < row_no:
            at, text = self.headings[self.next_heading]
            self.next_heading += 1
            ref = parse_heading(text)
            if ref is not None:
                self.heading_ref, self.type_hint = (ref, at), None
            else:
                self.type_hint = type_from_heading(text) or self.type_hint

    # ------------------------------------------------------------ one row
    def check(self, row: PreviewRow, lk: Lookups, infile: InFile) -> None:
        self._advance(row.row)
        v = row.values
        if row.area_from_section and area_key(v.get("area")) not in self.index.areas:
            # The heading above is a decision or "Cá nhân", not a residential area.
            v["area"], row.raw["area"], row.area_from_section = None, None, False
        v["_money"] = self._parsed(row, "money", parse_money) or 0
        v["_year_given"] = self._parsed(row, "year", V.parse_year)
        v["_sheet_year"] = self.sheet_year
        v["_type_hint"] = self.type_hint
        v["_type_given"] = self._type_given(row)
        v["_issuer"] = v.get("issuer")
        v["_level"] = self._level(row)
        v["_ref"] = self._decision(row)
        if v["_ref"] is not None:
            v["decision_no"] = v["_ref"].reference
            if v["_ref"].signed_on:
                v["decision_date"] = format_date_vn(v["_ref"].signed_on)
        v["_base"] = list(row.problems)

    def _parsed(self, row: PreviewRow, key: str, parse):
        try:
            return parse(row.raw.get(key))
        except ValueError as exc:
            row.error(row.columns.get(key, ""), str(exc))
            return None

    def _type_given(self, row: PreviewRow) -> str | None:
        given = row.values.get("subject_type")
        if not given:
            return None
        kind = TYPE_WORDS.get(fold(given))
        if kind is None:
            row.error(row.columns.get("subject_type", ""),
                      f"Loại đối tượng “{given}” phải là Cá nhân, Tập thể, Hộ gia đình hoặc Khu "
                      "dân cư.")
        return kind

    def _level(self, row: PreviewRow) -> str | None:
        """The level written on the row; else what its decision's issuer says."""
        raw = row.raw.get("level")
        city = self.index.city_is_province
        if raw not in (None, ""):
            if fold(str(raw)).replace("cap ", "") in ("thanh pho", "tp"):
                self.city_rows += 1
            return self._parsed(row, "level", lambda x: level_of(x, city))
        ref = self.heading_ref[0] if self.heading_ref else self.sheet_ref
        for issuer in (row.values.get("issuer"), ref.issuer if ref else None):
            try:
                if issuer and (level := level_of(issuer, city)):
                    return level
            except ValueError:
                continue
        return None

    def _decision(self, row: PreviewRow) -> DecisionRef | None:
        """The row's decision: its own cells, else the section row above, else the title."""
        before = len(row.problems)
        own = self._parsed(row, "decision_no", parse_reference)
        day = self._parsed(row, "decision_date", parse_day)
        if len(row.problems) > before:  # the number or the date could not be read
            return None
        above = self.heading_ref[0] if self.heading_ref else self.sheet_ref
        column = row.columns.get("decision_date") or row.columns.get("decision_no", "")
        if own is None and day is None:
            if above is None:
                row.error(row.columns.get("decision_no", ""), NO_DECISION)
                return None
            own = above
        elif own is None:
            if above is None:
                row.error(row.columns.get("decision_no", ""),
                          f"Có ngày {format_date_vn(day)} nhưng không có số quyết định.")
                return None
            own = above
        elif above is not None and own.number == above.number and not own.signed_on:
            own = DecisionRef(own.reference, own.number, own.symbol or above.symbol,
                              above.signed_on, above.title, above.issuer, above.year_hint)
        signed = day or own.signed_on
        if signed is None:
            row.error(column, f"Quyết định {own.reference} không có ngày ký.")
            return None
        if own.signed_on and day and own.signed_on != day:
            row.error(column, f"Ô số quyết định ghi ngày {format_date_vn(own.signed_on)}, ô ngày "
                              f"ghi {format_date_vn(day)}.")
            return None
        return DecisionRef(own.reference, own.number, own.symbol, signed, own.title, own.issuer,
                           own.year_hint)

    # ------------------------------------------------------------ all rows
    def finish(self, result: Preview) -> None:
        result.plan = build(result, self.index, self.context)
        result.extra_columns = list(COLUMNS)
        if self.city_rows:
            level = "cấp tỉnh" if self.index.city_is_province else "cấp huyện"
            result.notes.append(f"{self.city_rows} dòng ghi cấp “thành phố”: hiểu là {level} "
                                f"(đơn vị cấp trên: {self.index.superior or 'chưa khai báo'}).")
        result.notes += result.plan.notes

    def commit(self, db, result: Preview):
        from app.services.rounds.history_import import write_history

        return write_history(db, result)
