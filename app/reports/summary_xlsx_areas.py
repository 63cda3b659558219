"""Sheets of the figures workbook for the area figures (issue 13): culture indicators by year
and the targets with what was achieved. Counts and words only (no rate formats), so the
workbook's number formats stay summary_xlsx's."""

from __future__ import annotations

from app.reports.figures import Figures
from app.reports.figures_targets import HOW_LABELS, evaluate_all, format_value
from app.reports.xlsx_util import write_sheet


def write_area_sheets(wb, f: Figures, head: list[str], span: str) -> None:
    if f.indicators:
        rows = [[i.year, i.name, i.areas_with, i.areas_total,
                 i.low if i.kind == "count" else None, i.high if i.kind == "count" else None,
                 i.total if i.kind == "count" else None, i.unit] for i in f.indicators]
        write_sheet(wb, "Tiêu chí văn hóa", head + [f"TIÊU CHÍ VĂN HÓA CỦA KHU DÂN CƯ {span.upper()}"],
                    ["Năm", "Tiêu chí", "Số khu dân cư có", "Tổng số khu dân cư", "Thấp nhất",
                     "Cao nhất", "Tổng cộng", "Đơn vị"], rows,
                    widths=[8, 30, 14, 14, 11, 11, 11, 14])
    results = evaluate_all(f, f.year_from, f.year_to)
    if results:
        rows = [[f"{r.target.year_from}–{r.target.year_to}" if r.target.year_to != r.target.year_from
                 else str(r.target.year_from), r.target.label,
                 format_value(r.target.value, r.target.unit),
                 "năm" if r.target.year_from == r.target.year_to else HOW_LABELS[r.target.how],
                 r.achieved_text(), r.verdict_text if r.verdict else "đang thực hiện"]
                for r in results]
        write_sheet(wb, "Chỉ tiêu thi đua", head + [f"KẾT QUẢ THỰC HIỆN CHỈ TIÊU {span.upper()}"],
                    ["Thời gian", "Chỉ tiêu", "Mức", "Đánh giá theo", "Thực hiện", "Kết quả"],
                    rows, widths=[12, 48, 10, 18, 20, 18])
