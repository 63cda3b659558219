"""Step 2 on screen: the vote share says what it is counted over, and step 3 knows at once
who the council has just passed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QPushButton

from app.services.awards import award_kinds
from app.services.rounds import batches, council
from tests.ui.helpers import wait_for_jobs
from ui.screens.batch_tally import AGREE, SHARE


def _meeting(ward, present: int):
    db = ward.db
    bid = batches.create_batch(db, "Tổng kết năm 2025", 2025)
    kind = {c: award_kinds.get_award_kind(db, code=c).id for c in ("LDTT", "CSTDCS")}
    batches.add_candidates(db, bid, ward.persons[:2], kind["LDTT"])
    batches.add_candidates(db, bid, ward.persons[2:3], kind["CSTDCS"])
    council.create_meeting(db, bid, datetime(2025, 12, 1, 8), "Hội trường",
                           ward.members[:present])
    return bid


def _council_tab(window, bid):
    page = window.show_screen("batches")
    page.reload(bid)
    page.tabs.setCurrentWidget(page.council)
    return page, page.council


def _type_agree(qtbot, tab, n: int) -> None:
    """Fill the usual counts, type how many agree on every row, save the tally."""
    wait_for_jobs(qtbot)
    tab.findChild(QPushButton, "council_fill").click()
    for r in range(tab.model.rowCount()):
        assert tab.model.set_text(r, AGREE, str(n))
    tab.findChild(QPushButton, "council_save_tally").click()
    wait_for_jobs(qtbot)


def test_vote_share_states_its_base(qtbot, window, ward, dialogs):
    bid = _meeting(ward, present=3)  # 3 of the council's 4 members
    _page, tab = _council_tab(window, bid)
    _type_agree(qtbot, tab, 3)  # everyone present agrees
    share = {tab.model.text(r, 0): tab.model.text(r, SHARE) for r in range(tab.model.rowCount())}
    # Lao động tiên tiến counts over the members present, Chiến sĩ thi đua cơ sở over the
    # whole council (Cài đặt › Danh hiệu): the officer sees which.
    assert share["Nguyễn Thị Ánh"] == "100% (3/3 thành viên có mặt)"
    assert share["Nguyễn Văn Cường"] == "75% (3/4 thành viên Hội đồng)"


def test_decisions_tab_counts_who_just_passed(qtbot, window, ward, dialogs):
    bid = _meeting(ward, present=4)
    page, tab = _council_tab(window, bid)
    page.tabs.setCurrentWidget(page.decisions)  # seen once before the meeting: nobody yet
    wait_for_jobs(qtbot)
    assert page.decisions.hint.text().startswith("0 ứng viên")
    page.tabs.setCurrentWidget(tab)
    _type_agree(qtbot, tab, 4)
    page.tabs.setCurrentWidget(page.decisions)
    wait_for_jobs(qtbot)
    assert page.decisions.hint.text().startswith("3 ứng viên được Hội đồng thông qua")
    assert "3 được thông qua" in page.heading.text()
