"""The second tab of Báo cáo: statistical forms, public lists, awards-history certificates."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.reports.forms import build_forms, layout_path
from app.reports.history import build_history, find_subjects
from app.reports.public_list import build_public_list, decision_choices
from ui import dialogs

PDF = "Tệp PDF (*.pdf)"


class ToolsTab(QWidget):
    def __init__(self, db, page: QWidget, run_build):
        super().__init__(page)
        self.db, self.page, self.run_build = db, page, run_build
        v = QVBoxLayout(self)
        v.addWidget(self._forms_box())
        v.addWidget(self._public_box())
        v.addWidget(self._history_box(), 1)

    def _forms_box(self) -> QGroupBox:
        box = QGroupBox("Biểu thống kê thi đua, khen thưởng gửi cấp trên (Excel)", self)
        row = QHBoxLayout(box)
        self.forms_year = QSpinBox(box)
        self.forms_year.setObjectName("forms_year")
        self.forms_year.setRange(2000, 2100)
        self.forms_year.setValue(date.today().year)
        btn = QPushButton("Xuất biểu thống kê…", box)
        btn.setObjectName("export_forms")
        btn.clicked.connect(self.export_forms)
        note = QLabel(f"Bố cục các biểu lấy từ tệp: {layout_path()}", box)
        note.setWordWrap(True)
        for w in (QLabel("Năm:", box), self.forms_year, btn):
            row.addWidget(w)
        row.addWidget(note, 1)
        return box

    def _public_box(self) -> QGroupBox:
        box = QGroupBox("Danh sách công khai của một quyết định (PDF để niêm yết)", self)
        row = QHBoxLayout(box)
        self.decision = QComboBox(box)
        self.decision.setObjectName("decision")
        btn = QPushButton("Xuất danh sách công khai…", box)
        btn.setObjectName("export_public")
        btn.clicked.connect(self.export_public)
        row.addWidget(self.decision, 1)
        row.addWidget(btn)
        return box

    def _history_box(self) -> QGroupBox:
        box = QGroupBox("Giấy xác nhận quá trình khen thưởng của một cá nhân, tập thể, hộ", self)
        v = QVBoxLayout(box)
        self.search = QLineEdit(box)
        self.search.setObjectName("subject_search")
        self.search.setPlaceholderText("Gõ tên để tìm (không cần dấu), ví dụ: nguyen van an")
        self.search.textChanged.connect(self.find)
        self.matches = QListWidget(box)
        self.matches.setObjectName("subjects")
        self.purpose = QLineEdit(box)
        self.purpose.setPlaceholderText("Mục đích xin xác nhận (không bắt buộc)")
        btn = QPushButton("Xuất giấy xác nhận…", box)
        btn.setObjectName("export_history")
        btn.clicked.connect(self.export_history)
        for w in (self.search, self.matches, self.purpose):
            v.addWidget(w)
        v.addWidget(btn)
        return box

    def showEvent(self, event) -> None:
        self.load_decisions()
        super().showEvent(event)

    def load_decisions(self) -> None:
        current = self.decision.currentData()
        self.decision.clear()
        for did, label in decision_choices(self.db):
            self.decision.addItem(label, did)
        if current is not None and (i := self.decision.findData(current)) >= 0:
            self.decision.setCurrentIndex(i)

    def find(self, query: str) -> None:
        self.matches.clear()
        for sid, label in find_subjects(self.db, query):
            item = QListWidgetItem(label)
            item.setData(256, sid)
            self.matches.addItem(item)
        if self.matches.count():
            self.matches.setCurrentRow(0)

    def export_forms(self) -> None:
        year = self.forms_year.value()
        path = dialogs.save_file(self, "Lưu biểu thống kê", f"Biểu thống kê TĐKT {year}.xlsx",
                                 "Bảng tính Excel (*.xlsx)")
        if path:
            self.run_build(self.page, "Đang lập biểu thống kê…", build_forms, self.db, year,
                           _suffix(path, "xlsx"))

    def export_public(self) -> None:
        did = self.decision.currentData()
        if did is None:
            dialogs.warn(self, "Chưa chọn quyết định",
                         "Chưa có quyết định khen thưởng nào đã ban hành để lập danh sách.")
            return
        path = dialogs.save_file(self, "Lưu danh sách công khai", "Danh sách công khai.pdf", PDF)
        if path:
            self.run_build(self.page, "Đang lập danh sách công khai…", build_public_list, self.db,
                           _suffix(path, "pdf"), decision_id=did)

    def export_history(self) -> None:
        item = self.matches.currentItem()
        if item is None:
            dialogs.warn(self, "Chưa chọn đối tượng",
                         "Hãy gõ tên vào ô tìm kiếm và chọn một người, tập thể hoặc hộ.")
            return
        name = item.text().split(" (")[0]
        path = dialogs.save_file(self, "Lưu giấy xác nhận", f"Quá trình khen thưởng {name}.pdf",
                                 PDF)
        if path:
            self.run_build(self.page, "Đang lập giấy xác nhận…", build_history, self.db,
                           item.data(256), _suffix(path, "pdf"), purpose=self.purpose.text())


def _suffix(path: str, ext: str) -> str:
    return path if path.lower().endswith("." + ext) else f"{path}.{ext}"
