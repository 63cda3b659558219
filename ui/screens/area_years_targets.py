"""The "Chỉ tiêu thi đua" tab: targets of a year or a period (a report's Part II) — share of
Gia đình văn hóa, number of Khu dân cư văn hóa, awards to front-line workers… — each shown
with what was achieved and the verdict (vượt / đạt / chưa đạt chỉ tiêu)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.reports.figures_targets import HOW_LABELS, METRICS, format_value
from app.services.emulation import targets as tg
from ui import dialogs, workers
from ui.widgets.form import FormDialog, combo, set_combo, spin

HEADERS = ("Thời gian", "Chỉ tiêu", "Mức", "Đánh giá theo", "Thực hiện", "Kết quả")
_VERDICT_COLORS = {"vuot": "#1b5e20", "dat": "#1b5e20", "chua_dat": "#b00020"}


class TargetDialog(FormDialog):
    def __init__(self, db, data: tg.TargetData | None = None, year: int = 2026, parent=None):
        super().__init__("Sửa chỉ tiêu" if data else "Thêm chỉ tiêu", parent)
        self.db, self.data = db, data
        self.add_row("year_from", "Từ năm", spin(2000, 2100, self)).setValue(year)
        self.add_row("year_to", "Đến năm", spin(2000, 2100, self)).setValue(year + 4)
        self.add_row("metric", "Loại chỉ tiêu", combo(
            [(m.code, m.label) for m in METRICS.values()], self, empty=None))
        self.add_row("label", "Nội dung (như ghi trong báo cáo)", QLineEdit(self))
        value = QDoubleSpinBox(self)
        value.setRange(0, 10**9)
        value.setDecimals(1)
        self.add_row("value", "Mức chỉ tiêu", value)
        self.add_row("unit", "Đơn vị", QLineEdit(self)).setPlaceholderText("%, hộ, lượt…")
        self.add_row("how", "Đánh giá theo", combo(list(HOW_LABELS.items()), self, empty=None))
        self.add_row("achieved", "Kết quả từng năm", QLineEdit(self)).setPlaceholderText(
            "Chỉ với chỉ tiêu khác, ví dụ: 2026: 95,5; 2027: 96")
        self.fields["metric"].currentIndexChanged.connect(self._metric_changed)
        if data:
            self.fields["year_from"].setValue(data.year_from)
            self.fields["year_to"].setValue(data.year_to)
            set_combo(self.fields["metric"], data.metric)
            self._metric_changed()
            self.fields["label"].setText(data.label)
            value.setValue(data.value)
            self.fields["unit"].setText(data.unit or "")
            set_combo(self.fields["how"], data.how)
            self.fields["achieved"].setText(tg.achieved_text(data.achieved))
        else:
            self._metric_changed()

    def _metric_changed(self) -> None:
        m = METRICS[self.fields["metric"].currentData()]
        manual = m.code == "manual"
        self.fields["label"].setPlaceholderText("Ví dụ: Thu ngân sách vượt chỉ tiêu" if manual
                                                else m.label)
        self.fields["unit"].setText(m.unit)
        self.fields["unit"].setEnabled(manual)
        set_combo(self.fields["how"], m.how)
        self.fields["achieved"].setEnabled(manual)

    def save(self) -> int:
        y0, y1 = self.fields["year_from"].value(), self.fields["year_to"].value()
        metric = self.fields["metric"].currentData()
        achieved = tg.parse_achieved(self.text_of("achieved"), y0, y1) \
            if metric == "manual" else {}
        return tg.save_target(self.db, tg.TargetData(
            y0, y1, metric, self.fields["value"].value(), self.text_of("label"),
            self.text_of("unit"), self.fields["how"].currentData(), achieved,
            id=self.data.id if self.data else None))


class TargetsTab(QWidget):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.results: list = []
        self._job = None
        self._again = False
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("targets")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda *_: self.edit())
        char = self.fontMetrics().averageCharWidth()
        for col, width in enumerate((16, 48, 8, 22, 26, 20)):
            self.table.setColumnWidth(col, width * char)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for label, slot, name in (("Thêm chỉ tiêu…", self.add, "add"),
                                  ("Sửa…", self.edit, "edit"), ("Xóa", self.delete, "delete")):
            b = QPushButton(label, self)
            b.setObjectName(name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        hint = QLabel("Chỉ tiêu của một năm (từ năm = đến năm) hoặc của một giai đoạn. Kết quả "
                      "tự tính từ số liệu (trừ chỉ tiêu khác); báo cáo nêu “vượt / đạt / chưa "
                      "đạt chỉ tiêu”, Tổng quan hiện các chỉ tiêu của năm đang làm.", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

    def reload(self) -> None:
        """Targets with their results (the figures are computed off the GUI thread)."""
        if self._job is not None:
            self._again = True  # a change arrived while computing: compute once more after
            return
        self._again = False
        self.status.setText("Đang tính kết quả…")
        self._job = workers.run_in_background(
            self, lambda progress=None, cancelled=None: tg.results(self.db, 1900, 2100),
            on_success=self._show, on_failure=lambda e: self.status.setText(f"Lỗi: {e}"),
            on_done=self._done)

    def _done(self) -> None:
        self._job = None
        if self._again:
            self.reload()

    def _show(self, results) -> None:
        from PySide6.QtGui import QColor

        self.results = results
        self.table.setRowCount(len(results))
        for r, res in enumerate(results):
            t = res.target
            done = res.achieved_text() if res.values else "Chưa có số liệu"
            values = (tg.period_label(t.year_from, t.year_to), t.label,
                      format_value(t.value, t.unit),
                      "năm" if t.year_from == t.year_to else HOW_LABELS[t.how], done,
                      res.verdict_text if res.verdict else "đang thực hiện" if res.values else "")
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == 5 and res.verdict in _VERDICT_COLORS:
                    item.setForeground(QColor(_VERDICT_COLORS[res.verdict]))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.status.setText(f"{len(results)} chỉ tiêu." if results else
                            "Chưa có chỉ tiêu nào: bấm “Thêm chỉ tiêu…”.")

    def _current(self):
        r = self.table.currentRow()
        return self.results[r].target if 0 <= r < len(self.results) else None

    def add(self) -> None:
        from datetime import date

        if TargetDialog(self.db, year=date.today().year, parent=self).exec():
            self.reload()

    def edit(self) -> None:
        t = self._current()
        if t is not None and TargetDialog(self.db, tg.get_target(self.db, t.id),
                                          parent=self).exec():
            self.reload()

    def delete(self) -> None:
        t = self._current()
        if t is None or not dialogs.confirm(self, "Xóa chỉ tiêu", f"Xóa chỉ tiêu “{t.label}” "
                                            f"({tg.period_label(t.year_from, t.year_to)})?"):
            return
        try:
            tg.delete_target(self.db, t.id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
        self.reload()
