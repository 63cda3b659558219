"""The figures of a summary report as an XLSX workbook (one sheet per breakdown)."""

from __future__ import annotations

from pathlib import Path

from app.files import atomic_output
from app.reports.figures import Figures
from app.reports.labels import (
    GROUP_LABELS,
    GROUPS,
    LAUNCHER_LABELS,
    LEVEL_LABELS,
    LEVELS,
    year_span,
)
from app.reports.xlsx_util import PERCENT_FORMAT, fraction, new_workbook, write_sheet
from app.text import fold


def write_figures(f: Figures, out: str | Path, body_name: str = "") -> Path:
    wb = new_workbook()
    span = year_span(f.year_from, f.year_to)
    head = [body_name] if body_name else []
    years = f.years
    ycols = [str(y) for y in years] + ["Tổng"]
    _overview(wb, f, head + [f"TỔNG HỢP SỐ LIỆU THI ĐUA, KHEN THƯỞNG {span.upper()}"])
    rows, bold = [], set()
    for level in LEVELS:
        for k in f.used_kinds():
            for g in GROUPS:
                counts = [f.count(kind=k.code, level=level, group=g, year=y) for y in years]
                if sum(counts):
                    rows.append([LEVEL_LABELS[level], k.name, GROUP_LABELS[g], *counts,
                                 sum(counts)])
    bold.add(len(rows))
    totals = [f.count(year=y) for y in years]
    rows.append(["Tổng cộng", "", "", *totals, sum(totals)])
    write_sheet(wb, "Khen thưởng", head + [f"KẾT QUẢ KHEN THƯỞNG {span.upper()}"],
                ["Cấp", "Danh hiệu, hình thức", "Đối tượng", *ycols], rows,
                widths=[22, 44, 14] + [9] * len(ycols), bold_rows=bold)
    for sheet, title, data, label in (
        ("Theo khu dân cư", "SỐ LƯỢT KHEN THƯỞNG THEO KHU DÂN CƯ", f.by_area, "Khu dân cư"),
        ("Theo địa bàn cũ", "SỐ LƯỢT KHEN THƯỞNG THEO ĐỊA BÀN TRƯỚC SẮP XẾP", f.by_former_unit,
         "Địa bàn"),
    ):
        place_rows = []
        for place, total in f.place_total(data):
            counts = [sum(r.count for r in data if r.place == place and r.year == y) for y in years]
            place_rows.append([place, *counts, total])
        write_sheet(wb, sheet, head + [f"{title} {span.upper()}"], [label, *ycols], place_rows,
                    widths=[34] + [9] * len(ycols))
    _culture(wb, f, head, span)
    _movements(wb, f, head, span)
    from app.reports.summary_xlsx_areas import write_area_sheets

    write_area_sheets(wb, f, head, span)
    out = Path(out)
    with atomic_output(out) as tmp:
        wb.save(tmp)
    return out


def _overview(wb, f: Figures, title):
    rows = []
    for y in f.years:
        t = f.total_of(y)
        rows.append([y, f.count(year=y), f.count(year=y, level="here"), f.count(year=y, level="up"),
                     *[f.count(year=y, group=g) for g in GROUPS], t.award_money, t.fund_spent,
                     t.movements_launched, t.initiatives, t.role_models])
    rows.append(["Tổng", *[sum(r[i] for r in rows) for i in range(1, len(rows[0]))]])
    write_sheet(wb, "Tổng hợp", title,
                ["Năm", "Tổng số lượt khen thưởng", "Phường khen thưởng", "Cấp trên khen thưởng",
                 *[GROUP_LABELS[g] for g in GROUPS], "Tiền thưởng (đồng)",
                 "Chi quỹ khen thưởng (đồng)", "Phong trào phát động", "Sáng kiến được công nhận",
                 "Gương điển hình"], rows, widths=[8] + [13] * 12, bold_rows={len(rows) - 1})


def _culture(wb, f: Figures, head, span):
    rows = [[c.year, c.households, c.registered, fraction(c.registration_rate), c.achieved,
             fraction(c.achievement_rate), c.areas_achieved, c.areas] for c in f.culture]
    write_sheet(wb, "Gia đình văn hóa", head + [f"GIA ĐÌNH VĂN HÓA, KHU DÂN CƯ VĂN HÓA {span.upper()}"],
                ["Năm", "Tổng số hộ", "Hộ đăng ký", "Tỷ lệ đăng ký", "Hộ đạt", "Tỷ lệ đạt / đăng ký",
                 "Khu dân cư văn hóa", "Tổng số khu dân cư"], rows, widths=[8] + [14] * 7,
                formats={3: PERCENT_FORMAT, 5: PERCENT_FORMAT})
    area_rows = [[a.year, a.area, a.former_unit, a.households, a.registered, a.achieved,
                  fraction(a.achievement_rate)] for a in f.area_culture]
    write_sheet(wb, "GĐVH theo khu dân cư", head + ["GIA ĐÌNH VĂN HÓA THEO KHU DÂN CƯ"],
                ["Năm", "Khu dân cư", "Địa bàn", "Tổng số hộ", "Hộ đăng ký", "Hộ đạt",
                 "Tỷ lệ đạt / tổng số hộ"], area_rows, widths=[8, 30, 18, 12, 12, 12, 14],
                formats={6: PERCENT_FORMAT})


def _movements(wb, f: Figures, head, span):
    rows = [[i, m.name, LAUNCHER_LABELS[m.launcher], m.launched_by, m.kind, m.start_year or "",
             m.end_year or "", m.plan_number,
             "\n".join(dated(y, t) for y, t in m.results)]
            for i, m in enumerate(f.movements, start=1)]
    write_sheet(wb, "Phong trào", head + [f"PHONG TRÀO THI ĐUA {span.upper()}"],
                ["STT", "Tên phong trào", "Cấp phát động", "Đơn vị phát động", "Loại",
                 "Năm bắt đầu", "Năm kết thúc", "Kế hoạch số", "Kết quả"], rows,
                widths=[6, 46, 18, 22, 14, 10, 10, 16, 60])


def dated(year: int, narrative: str) -> str:
    """"Năm 2021: …", once: the officer's text often begins with the year already."""
    body = " ".join(line.strip() for line in narrative.splitlines() if line.strip())
    folded = fold(body)
    for prefix in (f"nam {year}:", f"nam {year} :", f"nam {year},", f"nam {year} -"):
        if folded.startswith(prefix):
            body = body[len(prefix):].lstrip()
            break
    return f"Năm {year}: {body}"
