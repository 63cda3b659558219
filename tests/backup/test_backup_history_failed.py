"""The backup history shows a failed scheduled run for what it was: no copy, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.backup import backup_database, schedule
from ui.screens.backup import BackupPage


def test_the_history_says_a_failed_scheduled_run_made_no_copy_and_why(
        qtbot, db, dialogs, usb, monkeypatch):
    backup_database(db, usb)
    page = BackupPage(db)
    qtbot.addWidget(page)
    assert page.history.isColumnHidden(6)  # no failure: no reason column
    reason = ("Không tìm thấy ổ “KINGSTON” (số sê-ri 1A2B-3C4D) trong các ổ đang cắm vào máy: "
              "hãy cắm đúng USB đã chọn khi đặt lịch sao lưu.")
    schedule.record_failure(db, "ổ “KINGSTON” (số sê-ri 1A2B-3C4D), thư mục “TDKT-sao-luu”",
                            reason)
    page.refresh()
    table = page.history
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    cells = {h: table.item(0, c).text() for c, h in enumerate(headers)}
    assert cells["Loại"] == "Theo lịch hằng tháng"
    assert cells["Kết quả"] == "Không sao lưu được" and cells["Dung lượng"] == "—"
    assert cells["Ghi chú"] == reason and cells["Mật khẩu"] == "—"
    assert table.item(0, 0).toolTip().endswith(f"Lý do: {reason}")
    assert not table.isColumnHidden(6)
    assert "0,0 MB" not in cells.values() and "Chưa" not in cells.values()
    done = {h: table.item(1, c).text() for c, h in enumerate(headers)}  # the good backup
    assert done["Kết quả"] == "Đạt" and done["Dung lượng"].endswith(" MB")
    assert done["Ghi chú"] == ""
    table.selectRow(0)
    qtbot.mouseClick(page.btn_restore, Qt.LeftButton)
    assert dialogs.texts("info") == [("Lần này không sao lưu được nên không có tệp để khôi "
                                      "phục: hãy chọn một bản đã kiểm tra “Đạt”.")]
