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

from app.reports.forms import build_forms, layout_path, user_layout
from app.reports.history import build_history, find_subjects
from app.reports.public_list import batch_choices, build_public_list, decision_choices
from ui import dialogs
from ui.widgets.elided_combo import ElidedComboBox

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
        self.layout_note = QLabel(box)
        self.layout_note.setWordWrap(True)
        edit = QPushButton("Sửa bố cục biểu…", box)
        edit.setObjectName("edit_layout")
        edit.setToolTip("Mở tệp bố cục (JSON) để sửa tên dòng, cột cho khớp biểu cấp trên yêu cầu")
        edit.clicked.connect(self.edit_layout)
        for w in (QLabel("Năm:", box), self.forms_year, btn):
            row.addWidget(w)
        row.addWidget(self.layout_note, 1)
        row.addWidget(edit)
        self._show_layout_path()
        return box

    def _show_layout_path(self) -> None:
        self.layout_note.setText(f"Bố cục các biểu lấy từ tệp: {layout_path()}")

    def edit_layout(self) -> None:
        """Copy the layout to the user's data folder (once) and open it in the text editor."""
        from ui.screens.reports import open_path

        path = user_layout()
        self._show_layout_path()
        dialogs.info(self, "Sửa bố cục biểu thống kê",
                     f"Tệp bố cục của anh/chị:\n{path}\n\nSửa xong, lưu tệp rồi bấm "
                     "“Xuất biểu thống kê…”; nếu tệp sai cú pháp, phần mềm sẽ báo lỗi và chỉ chỗ.")
        open_path(path)

    def _public_box(self) -> QGroupBox:
        box = QGroupBox("Danh sách công khai (PDF để niêm yết)", self)
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.decision = ElidedComboBox(box)  # a decision's whole abstract: "…", not cut
        self.decision.setObjectName("decision")
        btn = QPushButton("Danh sách theo quyết định…", box)
        btn.setObjectName("export_public")
        btn.clicked.connect(self.export_public)
        row.addWidget(QLabel("Quyết định:", box))
        row.addWidget(self.decision, 1)
        row.addWidget(btn)
        v.addLayout(row)
        row = QHBoxLayout()
        self.batch = QComboBox(box)
        self.batch.setObjectName("batch")
        btn = QPushButton("Danh sách lấy ý kiến…", box)
        btn.setObjectName("export_batch")
        btn.clicked.connect(self.export_batch)
        row.addWidget(QLabel("Đợt xét:", box))
        row.addWidget(self.batch, 1)
        row.addWidget(btn)
        v.addLayout(row)
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
        for combo, choices in ((self.decision, decision_choices(self.db)),
                               (self.batch, batch_choices(self.db))):
            current = combo.currentData()
            combo.clear()
            for key, label in choices:
                combo.addItem(label, key)
            if current is not None and (i := combo.findData(current)) >= 0:
                combo.setCurrentIndex(i)

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

    def export_batch(self) -> None:
        bid = self.batch.currentData()
        if bid is None:
            dialogs.warn(self, "Chưa chọn đợt xét",
                         "Chưa có đợt xét khen thưởng nào có người được đề nghị.")
            return
        path = dialogs.save_file(self, "Lưu danh sách lấy ý kiến", "Danh sách lấy ý kiến.pdf",
                                 PDF)
        if path:
            self.run_build(self.page, "Đang lập danh sách lấy ý kiến…", build_public_list,
                           self.db, _suffix(path, "pdf"), batch_id=bid)

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
