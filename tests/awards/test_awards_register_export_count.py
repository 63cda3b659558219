"""The register's Excel export says how many entries it wrote, as the other exports do, so
the command line and the screen report that number without counting a second time."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook

from app.cli import main
from app.services.awards import register
from app.services.rounds.decision_issue import ExternalAward, record_external_decision


def _fill(db, world):
    k = world.kinds
    record_external_decision(db, "5/QĐ-UBND", date(2024, 12, 20), "UBND phường Bình Hàn", "xa",
                             "Khen thưởng", [ExternalAward(p, k["LDTT"], 2024)
                                             for p in world.persons[:4]])
    record_external_decision(db, "9/QĐ-UBND", date(2025, 12, 20), "UBND phường Thành Đông", "xa",
                             "Gia đình văn hóa", [ExternalAward(h, k["GDVH"], 2025)
                                                  for h in world.households])


def _data_rows(path) -> int:
    ws = load_workbook(path).active
    return sum(1 for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value)


def test_export_returns_the_entries_it_wrote(db, world, tmp_path):
    _fill(db, world)
    year = tmp_path / "năm 2024.xlsx"
    assert register.export_xlsx(db, year, year=2024) == 4 == _data_rows(year)
    found = tmp_path / "tìm.xlsx"
    assert register.export_xlsx(db, found, search="dang bao") == 1 == _data_rows(found)
    assert register.export_xlsx(db, tmp_path / "trống.xlsx", year=2030) == 0


def test_the_command_prints_the_count_from_one_reading(db, world, tmp_path, capsys,
                                                         monkeypatch):
    _fill(db, world)
    path = str(db.path)
    db.dispose()
    reads = []
    real = register.RegisterSource.ids
    monkeypatch.setattr(register.RegisterSource, "ids",
                        lambda self, *a, **k: reads.append(a) or real(self, *a, **k))
    out = tmp_path / "sổ.xlsx"
    assert main(["register", "export", "--year", "2025", "-o", str(out), "--db", path]) == 0
    assert capsys.readouterr().out.strip() == f"Đã xuất 2 mục của sổ khen thưởng ra {out}"
    assert len(reads) == 1 and _data_rows(out) == 2


def test_the_screen_tells_the_count_written(qtbot, db, world, tmp_path, monkeypatch):
    from tests.ui.helpers import DialogRecorder
    from ui.screens.register import RegisterPage

    _fill(db, world)
    out = tmp_path / "sổ khen thưởng.xlsx"
    recorder = DialogRecorder(monkeypatch, save_path=str(out))
    page = RegisterPage(db)
    qtbot.addWidget(page)
    page.action_export()
    qtbot.waitUntil(lambda: bool(recorder.texts("info")), timeout=10000)
    assert recorder.texts("info") == [f"Đã ghi 6 dòng vào “{out}”."] and _data_rows(out) == 6
