"""Tổng quan: counts, charts and reminders; refreshed in the background whenever shown."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.reports.labels import number, percent
from app.services.system import dashboard
from ui import workers

TILE_COLUMNS = 3
_AREA_PREFIXES = {"khu dân cư ": "KDC ", "tổ dân phố ": "TDP "}


def short_area(name: str) -> str:
    """"Khu dân cư số 16" → "KDC số 16", so 39 names fit beside the bars."""
    for long, short in _AREA_PREFIXES.items():
        if name.lower().startswith(long):
            return short + name[len(long):]
    return name


class DashboardPage(QScrollArea):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.loaded: dashboard.Dashboard | None = None
        self._job = None
        self.setWidgetResizable(True)
        body = QWidget(self)
        self.body = QVBoxLayout(body)
        head = QHBoxLayout()
        head.addWidget(QLabel("<h2>Tổng quan</h2>", body))
        self.status = QLabel("Đang tải số liệu…", body)
        head.addStretch(1)
        head.addWidget(self.status)
        self.body.addLayout(head)

        self.reminder_box = QGroupBox("Việc cần làm", body)
        self.reminder_layout = QVBoxLayout(self.reminder_box)
        self.reminder_labels: list[QLabel] = []
        self.body.addWidget(self.reminder_box)

        tiles = QGridLayout()
        self.tiles: list[QLabel] = []
        for i in range(6):
            tile = QLabel("–", body)
            tile.setObjectName(f"tile_{i}")
            tile.setFrameShape(QFrame.StyledPanel)
            tile.setAlignment(Qt.AlignCenter)
            tile.setMinimumHeight(self.fontMetrics().height() * 4)
            self.tiles.append(tile)
            tiles.addWidget(tile, i // TILE_COLUMNS, i % TILE_COLUMNS)
        self.body.addLayout(tiles)

        self.target_box = QGroupBox("Chỉ tiêu thi đua", body)
        self.target_box.setObjectName("targets")
        self.target_grid = QGridLayout(self.target_box)
        self.target_labels: list[QLabel] = []
        self.target_box.hide()
        self.body.addWidget(self.target_box)

        self.by_year = self._chart_view(body, 18)
        self.body.addWidget(self.by_year)
        self.staff = self._chart_view(body, 16)
        self.body.addWidget(self.staff)
        self.by_area = self._chart_view(body, 18)
        self.body.addWidget(self.by_area)
        self.body.addStretch(1)
        self.setWidget(body)

    def _chart_view(self, parent, lines: int) -> QChartView:
        view = QChartView(QChart(), parent)
        view.setRenderHint(QPainter.Antialiasing)
        view.setMinimumHeight(self.fontMetrics().height() * lines)
        return view

    # ------------------------------------------------------------------ refresh
    def on_show(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Load the figures off the GUI thread (a large register takes a moment)."""
        if self._job is not None:
            return
        self.status.setText("Đang tải số liệu…")
        self._job = workers.run_in_background(
            self, lambda progress=None, cancelled=None: dashboard.load(self.db),
            on_success=self._show, on_failure=self._failed, on_done=self._finished)

    def _finished(self) -> None:
        self._job = None

    def _failed(self, exc) -> None:
        self.status.setText(f"Không tải được số liệu: {exc}")

    def _show(self, d: dashboard.Dashboard) -> None:
        self.loaded = d
        from datetime import datetime

        self.status.setText(f"Số liệu lúc {datetime.now():%H:%M} ngày {datetime.now():%d/%m/%Y}")
        for tile, (label, value) in zip(self.tiles, d.counts):
            tile.setText(f"<span style='font-size:20pt; font-weight:bold'>{number(value)}</span>"
                         f"<br>{label}")
        self._show_reminders(d.reminders)
        self._show_targets(d)
        self._replace(self.by_year, self._year_chart(d))
        self._replace(self.by_area, self._area_chart(d))
        self._replace(self.staff, self._staff_chart(d))

    def _show_reminders(self, reminders) -> None:
        while self.reminder_layout.count():
            item = self.reminder_layout.takeAt(0)
            if item.layout():
                while item.layout().count():
                    w = item.layout().takeAt(0).widget()
                    if w:
                        w.deleteLater()
            elif item.widget():
                item.widget().deleteLater()
        self.reminder_labels = []
        if not reminders:
            label = QLabel("Không có việc gì cần nhắc. Dữ liệu đã được sao lưu gần đây.")
            self.reminder_labels.append(label)
            self.reminder_layout.addWidget(label)
        for r in reminders:
            row = QHBoxLayout()
            label = QLabel(("⚠ " if r.urgent else "• ") + r.text)
            label.setWordWrap(True)
            if r.urgent:
                label.setStyleSheet("color: #9c2a00; font-weight: bold")
            self.reminder_labels.append(label)
            row.addWidget(label, 1)
            if self._can_open(r.screen):
                b = QPushButton("Mở", self.reminder_box)
                b.clicked.connect(lambda _=False, key=r.screen: self.window().show_screen(key))
                row.addWidget(b)
            self.reminder_layout.addLayout(row)

    def _show_targets(self, d: dashboard.Dashboard) -> None:
        """The targets running in the working year: wanted, achieved so far, verdict."""
        for label in self.target_labels:
            self.target_grid.removeWidget(label)
            label.deleteLater()
        self.target_labels = []
        self.target_box.setVisible(bool(d.targets))
        if not d.targets:
            return
        self.target_box.setTitle(f"Chỉ tiêu thi đua (năm {d.year})")
        colors = {"vuot": "#1b5e20", "dat": "#1b5e20", "chua_dat": "#b00020"}
        heads = ("Thời gian", "Chỉ tiêu", "Mức", "Thực hiện", "Đánh giá")
        rows = [heads] + [(t.period, t.label, t.wanted, t.achieved, t.verdict_text)
                          for t in d.targets]
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                label = QLabel(f"<b>{value}</b>" if r == 0 else value, self.target_box)
                label.setWordWrap(c == 1)
                if r and c == 4 and d.targets[r - 1].verdict in colors:
                    label.setStyleSheet(f"color: {colors[d.targets[r - 1].verdict]}; "
                                        "font-weight: bold")
                self.target_grid.addWidget(label, r, c)
                self.target_labels.append(label)
        self.target_grid.setColumnStretch(1, 1)

    def _can_open(self, key: str) -> bool:
        win = self.window()
        return bool(key) and key in getattr(win, "specs", {}) and hasattr(win, "show_screen")

    @staticmethod
    def _replace(view: QChartView, chart: QChart) -> None:
        old = view.chart()
        chart.setAnimationOptions(QChart.NoAnimation)
        view.setChart(chart)
        if old is not None:
            old.deleteLater()

    # ------------------------------------------------------------------ charts
    def _year_chart(self, d: dashboard.Dashboard) -> QChart:
        chart = QChart()
        chart.setTitle("Số lượt khen thưởng theo năm và danh hiệu, hình thức")
        series = QStackedBarSeries()
        for name, counts in d.awards_by_kind:
            bar = QBarSet(name)
            bar.append([float(c) for c in counts])
            series.append(bar)
        chart.addSeries(series)
        self._axes(chart, series, [str(y) for y in d.years], Qt.AlignBottom)
        chart.legend().setAlignment(Qt.AlignRight)
        return chart

    def _area_chart(self, d: dashboard.Dashboard) -> QChart:
        chart = QChart()
        year = f" năm {d.gdvh_year}" if d.gdvh_year else ""
        chart.setTitle(f"Tỷ lệ hộ đạt Gia đình văn hóa theo khu dân cư{year} "
                       "(khu thấp nhất ở trên cùng)")
        # Highest first: a horizontal bar chart draws its first category at the bottom.
        rows = sorted(d.gdvh_by_area, key=lambda r: -r[1])
        series = QHorizontalBarSeries()
        bar = QBarSet("Tỷ lệ đạt (%)")
        bar.append([r for _, r in rows])
        series.append(bar)
        chart.addSeries(series)
        labels = [f"{short_area(a)}: {percent(r)}" for a, r in rows]
        low = min((r for _, r in rows), default=0)
        self._axes(chart, series, labels, Qt.AlignLeft, maximum=100,
                   minimum=max(0, int(low // 10) * 10 - 10))
        chart.legend().hide()
        height = self.fontMetrics().height() * (5 + max(len(rows), 8) * 1.4)
        self.by_area.setMinimumHeight(int(height))
        return chart

    def _staff_chart(self, d: dashboard.Dashboard) -> QChart:
        chart = QChart()
        chart.setTitle("Khen thưởng cá nhân: lãnh đạo và người trực tiếp lao động (5 năm)")
        series = QPieSeries()
        total = sum(n for _, n in d.staff_share) or 1
        for label, n in d.staff_share:
            text = f"{label[:1].upper()}{label[1:]}: {number(n)} lượt ({percent(100 * n / total)})"
            series.append(text, n)
        chart.addSeries(series)
        chart.legend().setAlignment(Qt.AlignRight)
        return chart

    @staticmethod
    def _axes(chart: QChart, series: QBarSeries, categories, align, maximum=None,
              minimum=0) -> None:
        chart.setLocalizeNumbers(True)  # "8.000" in the Vietnamese locale, as on paper
        cat = QBarCategoryAxis()
        cat.append(categories)
        cat.setTruncateLabels(False)
        val = QValueAxis()
        val.setLabelFormat("%.0f")  # ("%d" prints nothing once numbers are localised)
        if maximum:
            val.setRange(minimum, maximum)
            step = 5 if maximum - minimum <= 40 else 10  # ticks on round numbers
            val.setTickCount((maximum - minimum) // step + 1)
        chart.addAxis(cat, align)
        chart.addAxis(val, Qt.AlignLeft if align == Qt.AlignBottom else Qt.AlignBottom)
        series.attachAxis(cat)
        series.attachAxis(val)
        if not maximum:
            if val.max() - val.min() <= 0:  # nothing recorded yet: an empty range gives NaN ticks
                val.setRange(0, 10)
            val.applyNiceNumbers()  # round ticks (0, 5 000, 10 000…) after the range is known
