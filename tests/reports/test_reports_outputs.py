"""Statistical forms, public list, awards history, narratives and the CLI."""

from __future__ import annotations

import json
from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import main as cli_main
from app.reports.forms import build_forms
from app.reports.history import build_history
from app.reports.public_list import build_public_list, find_decision
from app.reports.sections import ReportSpec, load_sections, save_sections
from db.models import DecisionLine, Movement


def _ward(build):
    with build() as b:
        b.organization()
        unit = b.unit("Cẩm Thượng")
        k = b.area("Khu dân cư Tuệ Tĩnh", unit)
        an = b.person("Nguyễn Thị Ánh", k, gender="nữ", staff_class="Trực tiếp lao động")
        school = b.collective("Trường THCS Trần Phú", k)
        home = b.household("Đặng Văn Đức", k)
        d = b.decision(15, 2025, status="draft")  # its list is written, then it is issued
        recs = [b.award(an, "LDTT", 2025, 710_000, decision=d),
                b.award(school, "TTLDTT", 2025, 1_880_000, decision=d),
                b.award(home, "GK_CT", 2025, 710_000, decision=d)]
        for i, (rec, subj) in enumerate(zip(recs, (an, school, home))):
            b.s.add(DecisionLine(decision_id=d.id, subject_id=subj.id,
                                 award_kind_id=rec.award_kind_id, award_record_id=rec.id,
                                 achievement_year=2025, printed_name=subj.name, sort_order=i,
                                 position_line="Giáo viên" if i == 0 else None))
        b.s.flush()
        d.status = "issued"
        ext = b.decision(301, 2025, external=True)
        b.award(an, "BK_TP", 2025, 3_510_000, decision=ext)
        b.award(an, "LDTT", 2024, 710_000)
        b.award(an, "CSTDCS", 2023, 1_800_000, revoked=True)
        b.s.add_all([
            Movement(name="Chung sức xây dựng nông thôn mới", name_folded="a",
                     launched_by="Thủ tướng Chính phủ", kind="thường xuyên",
                     start_date=date(2025, 2, 1)),
            Movement(name="Thi đua chào mừng Đại hội", name_folded="b", launched_by="Phường",
                     kind="chuyên đề", start_date=date(2025, 3, 1)),
            Movement(name="Thi đua lao động giỏi", name_folded="c", launched_by="UBND phường",
                     kind="thường xuyên", start_date=date(2025, 1, 5)),
        ])
        return an.id


def _sheet_rows(ws):
    return {r[1]: r for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)}


def test_forms_count_movements_and_awards(db, build, tmp_path):
    _ward(build)
    wb = load_workbook(build_forms(db, 2025, tmp_path / "biểu.xlsx"))
    assert [ws.title for ws in wb] == [f"Biểu 060{i}" for i in range(1, 6)]
    m = _sheet_rows(wb["Biểu 0601"])
    assert m["Tổng số"][2:7] == (3, 2, 1, 0, 0)
    assert m["Phong trào thi đua thường xuyên"][2:4] == (2, 1)
    local = _sheet_rows(wb["Biểu 0604"])
    assert local["Tổng số"][2:6] == (3, 1, 1, 1)
    assert local["Lao động tiên tiến"][2:6] == (1, 0, 1, 0)
    assert local["Giấy khen của Chủ tịch Ủy ban nhân dân"][2:6] == (1, 0, 0, 1)
    city = _sheet_rows(wb["Biểu 0603"])
    assert city["Bằng khen của Chủ tịch Ủy ban nhân dân thành phố"][2:6] == (1, 0, 1, 0)
    summary = _sheet_rows(wb["Biểu 0605"])
    assert summary["Tổng số"][2] == 4 and summary["Tổng số"][6] == 6_810_000


def test_forms_layout_is_data_a_user_can_adjust(db, build, tmp_path, tmp_data_dir):
    _ward(build)
    layout = {"forms": [{"code": "X1", "sheet": "Riêng", "title": "CHỈ LAO ĐỘNG TIÊN TIẾN",
                         "measure": "awards",
                         "rows": [{"label": "LĐTT", "filter": {"kinds": ["LDTT"]}}],
                         "columns": [{"label": "Cá nhân", "filter": {"group": "person"}}]}]}
    (tmp_data_dir / "reports").mkdir(parents=True)
    (tmp_data_dir / "reports" / "stat_forms.json").write_text(json.dumps(layout), "utf-8")
    wb = load_workbook(build_forms(db, 2025, tmp_path / "riêng.xlsx"))
    assert wb.sheetnames == ["Riêng"]
    assert _sheet_rows(wb["Riêng"])["LĐTT"][2] == 1


def test_forms_layout_errors_say_where(db, tmp_path, tmp_data_dir):
    import pytest

    from app.errors import ValidationError

    (tmp_data_dir / "reports").mkdir(parents=True)
    user = tmp_data_dir / "reports" / "stat_forms.json"
    user.write_text('{"forms": [\n {"code": "X" "title": "T"}]}', "utf-8")
    with pytest.raises(ValidationError, match="dòng 2, cột 15"):
        build_forms(db, 2025, tmp_path / "x.xlsx")
    user.write_text('{"forms": [{"code": "X", "columns": [], "rows": [{"filter": {}}]}]}', "utf-8")
    with pytest.raises(ValidationError, match="Biểu thứ 1 .* thiếu hoặc sai mục “label”"):
        build_forms(db, 2025, tmp_path / "x.xlsx")


def _pdf_text(path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)


def test_public_list_of_a_decision(db, build, tmp_path):
    _ward(build)
    did = find_decision(db, "15/qđ-ubnd")
    out = build_public_list(db, tmp_path / "công khai.pdf", decision_id=did,
                            posted_on=date(2025, 12, 22))
    body = _pdf_text(out)
    assert "DANH SÁCH CÔNG KHAI" in body and "Quyết định số 15/QĐ-UBND" in body
    for name in ("Nguyễn Thị Ánh", "Trường THCS Trần Phú", "Đặng Văn Đức", "Khu dân cư Tuệ Tĩnh"):
        assert name in body
    assert "từ ngày 22/12/2025 đến ngày 05/01/2026" in body


def test_public_list_of_a_batch_for_comments(db, build, tmp_path):
    from db.models import Batch, Candidate

    with build() as b:
        b.organization()
        k = b.area("Khu dân cư Tuệ Tĩnh")
        people = [b.person(n, k) for n in ("Vũ Văn Bình", "Lê Thị Hoa", "Đỗ Minh Khang")]
        batch = Batch(name="Xét khen thưởng tổng kết năm 2025", year=2025, kind="tong_ket_nam")
        b.s.add(batch)
        b.s.flush()
        for p, status in zip(people, ("proposed", "withdrawn", "passed")):
            b.s.add(Candidate(batch_id=batch.id, subject_id=p.id, award_kind_id=b.kind["LDTT"],
                              status=status, proposing_unit="Trường Mầm non An Thượng"))
        batch_id = batch.id
    path = tmp_path / "lấy ý kiến.pdf"
    assert cli_main(["report", "public-list", "--batch", str(batch_id), "-o", str(path),
                     "--db", str(db.path)]) == 0
    body = _pdf_text(path)
    assert "DANH SÁCH CÔNG KHAI LẤY Ý KIẾN" in body and "(10 ngày)" in body
    assert "Vũ Văn Bình" in body and "Đỗ Minh Khang" in body
    assert "Lê Thị Hoa" not in body  # withdrawn
    assert "Lao động tiên tiến (2)" in body


def test_history_lists_standing_awards_only(db, build, tmp_path):
    pid = _ward(build)
    body = _pdf_text(build_history(db, pid, tmp_path / "quá trình.pdf", purpose="bổ sung hồ sơ"))
    assert "Họ và tên: Nguyễn Thị Ánh" in body
    assert "Đã được khen thưởng 3 lần" in body  # the revoked 2023 entry is left out
    assert "Quyết định số 15/QĐ-UBND ngày 20/12/2025" in body
    assert "Chiến sĩ thi đua cơ sở" not in body


def test_narratives_saved_and_reused_next_time(db):
    spec = ReportSpec(2021, 2025)
    first = {s.key: s for s in load_sections(db, spec)}
    assert first["leadership"].source == "default" and first["leadership"].text
    save_sections(db, spec, {"leadership": "Đảng ủy  lãnh đạo sát sao.\nDòng hai ", "request": "CV 37"})
    again = {s.key: s for s in load_sections(db, spec)}
    assert again["leadership"].text == "Đảng ủy lãnh đạo sát sao.\nDòng hai"
    assert again["leadership"].source == "saved"
    later = {s.key: s for s in load_sections(db, ReportSpec(2026, 2030))}
    assert later["leadership"].source == "reused"
    assert later["leadership"].text == "Đảng ủy lãnh đạo sát sao.\nDòng hai"
    assert later["request"].source == "default"  # the request is new each time
    assert {s.key for s in load_sections(db, ReportSpec(2025, 2025))} == set(first)


def test_cli_report_summary_and_forms(db, build, tmp_path, capsys):
    from docx import Document

    _ward(build)
    path = str(db.path)
    out = tmp_path / "tổng kết.docx"
    assert cli_main(["--db", path, "report", "summary", "--from", "2021", "--to", "2025",
                     "--format", "docx", "-o", str(out)]) == 0
    assert out.exists()
    xlsx = tmp_path / "biểu.xlsx"
    assert cli_main(["report", "forms", "--year", "2025", "-o", str(xlsx), "--db", path]) == 0
    assert load_workbook(xlsx).sheetnames[0] == "Biểu 0601"
    assert "Đã ghi" in capsys.readouterr().out
    for when, line in (("trống", "Thành Đông, ngày tháng năm"),
                       ("05/01/2026", "Thành Đông, ngày 05 tháng 01 năm 2026")):
        assert cli_main(["report", "summary", "--from", "2025", "--date", when, "-o", str(out),
                         "--db", path]) == 0
        cells = " ".join(c.text for t in Document(out).tables for r in t.rows for c in r.cells)
        assert line in " ".join(cells.split())
        assert "Số:\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-UBND" in cells  # room for the number
    bad = cli_main(["report", "summary", "--from", "2025", "-o", str(tmp_path / "x.odt"),
                    "--db", path])
    assert bad == 2 and "không được hỗ trợ" in capsys.readouterr().err
