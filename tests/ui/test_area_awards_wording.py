"""Khu dân cư văn hóa is counted as what it is — khu dân cư — in the figures the officer reads
(the Báo cáo screen's figures and the report built from them), never as "tập thể"."""

from datetime import date

from app.services.awards import award_kinds
from app.services.records import records
from app.services.rounds import decision_issue
from app.services.rounds.decision_issue import ExternalAward


def _ward(db):
    areas = [records.save_area(db, records.AreaData(f"Khu dân cư số {i}")) for i in (1, 2, 3)]
    school = records.save_collective(db, records.CollectiveData("Trường Tiểu học Bình Hàn"))
    kind = {c: award_kinds.get_award_kind(db, code=c).id for c in ("KDCVH", "TTLDTT")}
    decision_issue.record_external_decision(
        db, "20/QĐ-UBND", date(2025, 12, 20), "UBND phường Thành Đông", "xa", "Công nhận",
        [ExternalAward(a, kind["KDCVH"], 2025) for a in areas]
        + [ExternalAward(school, kind["TTLDTT"], 2025)])


def test_figures_call_cultural_areas_khu_dan_cu(qtbot, org_db):
    from ui.screens.reports import ReportsPage

    _ward(org_db)
    page = ReportsPage(org_db)
    qtbot.addWidget(page)
    page.show()
    page.year_to.setValue(2025)
    page.year_from.setValue(2025)
    qtbot.waitUntil(lambda: page._job is None and "2025" in page.figures.toPlainText(),
                    timeout=20000)
    shown = page.figures.toPlainText()
    # Counts as ward documents write them (issue 13): "03", "01".
    assert "“Khu dân cư văn hóa”: 03 khu dân cư" in shown
    assert "“Tập thể lao động tiên tiến”: 01 tập thể" in shown
    assert "01 tập thể, 03 khu dân cư" in shown  # the totals keep them apart
    assert "4 tập thể" not in shown
