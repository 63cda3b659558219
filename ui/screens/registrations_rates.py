"""The rates tab: households registered / total and achieved / registered, per residential
area, per former unit and for the ward, for the chosen year, plus the report's sentence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.emulation import registration_rates as rates
from ui import dialogs, workers
from ui.widgets.columns import fit_columns


def compute(db, year: int):
    """The year's rates and the five-year sentence (seconds on a large ward: off the GUI
    thread)."""
    return year, rates.year_rates(db, year), rates.period_sentence(db, year - 4, year)


class RatesView(QWidget):
    """Computed when shown (a hidden tab costs nothing) and again when its year changes."""

    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db, self.year, self.stale = db, None, False
        self.loader = workers.Loader(self, self._show, self._failed)
        self.sentence = QLabel(self)
        self.sentence.setObjectName("rates_sentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.table = QTableWidget(0, len(rates.RATE_HEADERS), self)
        self.table.setObjectName("rates_table")
        self.table.setHorizontalHeaderLabels(rates.RATE_HEADERS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        fit_columns(self.table, (28, 16, 11, 11, 12, 9, 16))
        self.btn_export = QPushButton("Xuất Excel bảng tỷ lệ", self)
        self.btn_export.clicked.connect(self.export)
        bar = QHBoxLayout()
        bar.addWidget(self.sentence, 1)
        bar.addWidget(self.btn_export)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def show_year(self, year: int) -> None:
        """The figures of ``year`` are wanted (now when visible, else once shown)."""
        self.year, self.stale = year, True
        if self.isVisible():
            self._compute()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self._compute()

    def _compute(self) -> None:
        self.stale = False
        self.sentence.setText(f"Đang tính tỷ lệ năm {self.year}…")
        self.loader.request(compute, self.db, self.year)

    def _failed(self, exc: Exception) -> None:
        self.sentence.setText(f"Không tính được tỷ lệ: {exc}")

    def _show(self, result) -> None:
        year, data, period = result
        if year != self.year:
            return
        self.sentence.setText(data.sentence() + ("\n" + period if period else ""))
        self.table.setRowCount(len(data.rows))
        bold = QFont()
        bold.setBold(True)
        for r, row in enumerate(data.rows):
            for c, value in enumerate(row.cells()):
                item = QTableWidgetItem(value)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if row.level != "area":
                    item.setFont(bold)
                self.table.setItem(r, c, item)

    def export(self) -> None:
        if self.year is None:
            return
        path = dialogs.save_file(self, "Xuất Excel", f"Tỷ lệ gia đình văn hóa {self.year}.xlsx",
                                 "Tệp Excel (*.xlsx)")
        if not path:
            return
        try:
            rates.export_rates(self.db, self.year, path)
        except OSError as exc:
            dialogs.error(self, "Không ghi được tệp", f"Không ghi được “{path}”: {exc.strerror}.")
            return
        dialogs.info(self, "Đã xuất Excel", f"Đã ghi bảng tỷ lệ năm {self.year} vào “{path}”.")
