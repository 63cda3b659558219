"""Số liệu khu dân cư: the areas' yearly figures (households, Gia đình văn hóa, Khu dân cư văn
hóa, culture indicators), the set of culture indicators, and the targets (chỉ tiêu)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ui.screens.area_years_indicators import IndicatorsTab
from ui.screens.area_years_table import AreaYearsTab
from ui.screens.area_years_targets import TargetsTab


class AreaYearsPage(QWidget):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.grid = AreaYearsTab(db, self)
        self.indicators = IndicatorsTab(db, self)
        self.targets = TargetsTab(db, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self.grid, "Số liệu theo năm")
        self.tabs.addTab(self.indicators, "Tiêu chí văn hóa")
        self.tabs.addTab(self.targets, "Chỉ tiêu thi đua")
        self.tabs.currentChanged.connect(lambda *_: self.on_show())
        head = QHBoxLayout()
        head.addWidget(QLabel("<h2>Số liệu khu dân cư</h2>", self))
        head.addStretch(1)
        self.btn_import = QPushButton("Nhập từ Excel…", self)
        self.btn_import.setToolTip("Mở màn hình Nhập từ Excel với loại “Số liệu khu dân cư theo "
                                   "năm” (dòng mỗi khu mỗi năm, hoặc mỗi khu một dòng, mỗi năm "
                                   "một nhóm cột).")
        self.btn_import.clicked.connect(self.open_import)
        head.addWidget(self.btn_import)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)

    def on_show(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.grid:
            self.grid.reload()
        elif current is self.indicators:
            self.indicators.reload()
        else:
            self.targets.reload()

    def open_import(self) -> None:
        win = self.window()
        if not hasattr(win, "show_screen"):
            return
        page = win.show_screen("excel_import")
        index = page.kind.findData("area_year")
        if index >= 0:
            page.kind.setCurrentIndex(index)
