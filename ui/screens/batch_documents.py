"""The batch screen's "In văn bản" menu: the numbered notice putting the proposals to comments,
báo cáo thành tích of a candidate, the trích ngang and danh mục hồ sơ of proposals to the city,
and the khu dân cư's papers (Nghị định 86/2023)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from app.services.rounds import achievement_reports
from ui import dialogs
from ui.screens.document_menu import menu_button, preview


class ReportPicker(QDialog):
    """Choose the candidate whose báo cáo thành tích to print."""

    def __init__(self, db, batch_id: int, parent=None):
        super().__init__(parent)
        self.db, self.batch_id = db, batch_id
        self.setWindowTitle("Báo cáo thành tích")
        self.every = QCheckBox("Hiện mọi ứng viên (không chỉ những trường hợp cần báo cáo)", self)
        self.every.setObjectName("every")
        self.every.toggled.connect(lambda _on: self.fill())
        self.list = QListWidget(self)
        self.list.setObjectName("candidates")
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText("Xem báo cáo")
        buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Chiến sĩ thi đua cơ sở, các trường hợp đề nghị cấp trên và khu "
                                "dân cư đề nghị danh hiệu văn hóa cần báo cáo thành tích:", self))
        layout.addWidget(self.every)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        h = self.fontMetrics().height()
        self.resize(h * 40, h * 24)
        self.fill()

    def fill(self) -> None:
        self.list.clear()
        for ch in achievement_reports.report_choices(self.db, self.batch_id,
                                                     self.every.isChecked()):
            item = QListWidgetItem(ch.label, self.list)
            item.setData(256, ch.candidate_id)
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> tuple[int, str] | None:
        item = self.list.currentItem()
        return (item.data(256), item.text().split(" — ")[0]) if item else None


def _batch(page):
    b = page.current()
    if b is None:
        dialogs.info(page, "Chưa chọn", "Hãy chọn một đợt xét.")
    return b


def notice(page) -> None:
    from app.services.rounds import notices
    from ui.screens.document_forms import NumberDateDialog

    b = _batch(page)
    if b is None:
        return
    dialog = NumberDateDialog(page.db, "Thông báo lấy ý kiến Nhân dân",
                              notices.input_key(batch_id=b.id),
                              notices.suggest_number(page.db, b.year),
                              "Số và ngày của thông báo do văn thư cấp; danh sách niêm yết 10 "
                              "ngày kể từ ngày thông báo.", day=date.today(), parent=page)
    if dialog.exec():
        preview(page, "batch_notice", b.id)


def report(page) -> None:
    b = _batch(page)
    if b is None:
        return
    picker = ReportPicker(page.db, b.id, page)
    if not picker.list.count():
        dialogs.info(page, "Không có báo cáo", "Đợt xét không có ứng viên cần báo cáo thành tích "
                                               "(Chiến sĩ thi đua cơ sở, đề nghị cấp trên, khu "
                                               "dân cư văn hóa).")
        return
    if picker.exec() and picker.chosen():
        cid, name = picker.chosen()
        preview(page, "achievement_report", cid, suffix=name)


def areas(page) -> None:
    from ui.screens.area_review import AreaReviewDialog

    b = _batch(page)
    if b is not None:
        AreaReviewDialog(page.db, b.id, page).exec()


def batch_button(page):
    """"In văn bản ▾" for the batch screen (``page.current()`` is the chosen batch)."""
    def doc(key):
        return lambda: (b := _batch(page)) and preview(page, key, b.id)

    return menu_button(page, [
        ("Thông báo công khai danh sách đề nghị (lấy ý kiến)…", lambda: notice(page)),
        ("Báo cáo thành tích…", lambda: report(page)),
        ("", None),
        ("Bảng trích ngang (đề nghị cấp trên)", doc("brief_list")),
        ("Danh mục hồ sơ (đề nghị cấp trên)", doc("dossier_list")),
        ("", None),
        ("Khu dân cư: biên bản bình xét, tổng hợp ý kiến, văn bản đề nghị…", lambda: areas(page)),
    ], name="batch_documents")
