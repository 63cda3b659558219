"""Qt's own texts in Vietnamese (Qt ships no Vietnamese translation: resources/i18n/qt_vi.ts)
and the Vietnamese locale, both set up when the program starts (ui.app.make_application)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QLocale, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QSpinBox,
    QTextEdit,
    QToolButton,
)

from tests.ui.vietnamese import started_app


def _menu_texts(menu) -> list[str]:
    return [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]


@pytest.fixture
def app(qapp):
    return started_app()


def test_start_up_sets_the_vietnamese_locale_and_installs_the_translation(app):
    assert QLocale().language() == QLocale.Vietnamese
    translator = app.findChild(QTranslator, "tdkt_qt_vi")
    assert translator is not None and not translator.isEmpty()
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Hủy"


def test_standard_buttons_are_vietnamese(app):
    wanted = {
        QDialogButtonBox.Ok: "Đồng ý", QDialogButtonBox.Cancel: "Hủy",
        QDialogButtonBox.Yes: "Có", QDialogButtonBox.No: "Không",
        QDialogButtonBox.Save: "Lưu", QDialogButtonBox.Close: "Đóng",
        QDialogButtonBox.Apply: "Áp dụng", QDialogButtonBox.Reset: "Đặt lại",
        QDialogButtonBox.Open: "Mở", QDialogButtonBox.Discard: "Không lưu",
        QDialogButtonBox.Help: "Trợ giúp", QDialogButtonBox.RestoreDefaults: "Khôi phục mặc định",
        QDialogButtonBox.Retry: "Thử lại", QDialogButtonBox.Ignore: "Bỏ qua",
        QDialogButtonBox.Abort: "Hủy bỏ",
    }
    buttons = QDialogButtonBox.StandardButton(0)
    for b in wanted:
        buttons |= b
    box = QDialogButtonBox(buttons)
    assert {b: box.button(b).text().replace("&", "") for b in wanted} == wanted


def test_message_box_details_and_progress_cancel_are_vietnamese(app, qtbot):
    box = QMessageBox(QMessageBox.Information, "Tiêu đề", "Nội dung", QMessageBox.Ok)
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    texts = {b.text() for b in box.buttons()}
    assert texts == {"Đồng ý", "Xem chi tiết…"}
    progress = QProgressDialog()
    qtbot.addWidget(progress)
    progress.show()
    assert [b.text() for b in progress.findChildren(type(box.buttons()[0]))] == ["Hủy"]


@pytest.mark.parametrize("kind", [QLineEdit, QTextEdit, QPlainTextEdit])
def test_right_click_menu_of_text_boxes_is_vietnamese(app, qtbot, kind):
    box = kind()
    qtbot.addWidget(box)
    (box.setText if kind is QLineEdit else box.setPlainText)("Nguyễn Văn An")
    box.show()
    menu = box.createStandardContextMenu()
    assert _menu_texts(menu) == ["&Hoàn tác", "&Làm lại", "&Cắt", "&Sao chép", "&Dán", "Xóa",
                                 "Chọn tất cả"]


def test_spin_box_menu_is_vietnamese(app, qtbot):
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.show()
    menu = spin.lineEdit().createStandardContextMenu()
    assert "Chọn tất cả" in _menu_texts(menu)


def test_calendar_and_numbers_follow_the_vietnamese_locale(app, qtbot):
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.setSelectedDate(QDate(2025, 12, 1))
    calendar.show()
    assert "Tháng 12" in [b.text() for b in calendar.findChildren(QToolButton)]
    assert calendar.locale().dayName(1) == "Thứ Hai"
    assert QLocale().toString(8000) == "8.000"
