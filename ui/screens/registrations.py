"""Đăng ký thi đua: register a year's subjects one by one or in bulk, tick outcomes (mouse or
keyboard), save them in one go, see the rates, and send achieved ones to a commendation batch."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services.emulation import movements
from app.services.emulation import registrations as reg
from app.services.records import records
from ui import dialogs, workers
from ui.screens.registrations_actions import RegistrationActions
from ui.screens.registrations_grid import OutcomeModel, OutcomeView, load_rows
from ui.screens.registrations_rates import RatesView
from ui.widgets.flow import FlowLayout


class RegistrationsPage(RegistrationActions, QWidget):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.model = OutcomeModel(self)
        self.model.pendingChanged.connect(self._update_counts)
        self.loader = workers.Loader(self, self._loaded, self._load_failed)
        self.loader.busy_changed.connect(self._busy)
        self._build()
        self._fresh = True  # loaded by the constructor: the first on_show need not reload
        self.reload()

    # ------------------------------------------------------------- layout
    def _build(self) -> None:
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix("Năm ")
        self.award = QComboBox(self)
        self.award.setObjectName("award")
        self.area = QComboBox(self)
        self.area.setObjectName("area")
        self.movement = QComboBox(self)
        self.movement.setObjectName("movement")
        self.movement.setToolTip("Đăng ký mới sẽ gắn với phong trào này (để trống nếu không)")
        for box in (self.award, self.area, self.movement):
            # Long movement names must not widen the page.
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(16)
        self._fill_choices()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Lọc theo tên (không dấu cũng được)…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.outcome_filter = QComboBox(self)
        self.outcome_filter.setObjectName("outcome_filter")
        for value, label in (("", "Kết quả: tất cả"), ("chua", "Chưa bình xét"), ("dat", "Đạt"),
                             ("khong_dat", "Không đạt")):
            self.outcome_filter.addItem(label, value)
        self.outcome_filter.currentIndexChanged.connect(lambda *_: self._filter())
        QShortcut(QKeySequence.Save, self, self.save)
        for box in (self.year, self.award, self.area):
            signal = box.valueChanged if isinstance(box, QSpinBox) else box.currentIndexChanged
            signal.connect(lambda *_: self._filters_changed())
        top = FlowLayout()  # wraps at 125 % instead of widening the window
        for w, stretch in ((self.year, 0), (self.award, 1), (self.area, 1), (self.movement, 1),
                           (self.outcome_filter, 0), (self.search, 2)):
            top.addWidget(w, stretch)

        self.view = OutcomeView(self.model, self)
        self.view.setObjectName("outcomes")
        self.rates = RatesView(self.db, self)
        self.tabs = QTabWidget(self)
        grid_tab = QWidget(self)
        grid_layout = QVBoxLayout(grid_tab)
        grid_layout.addLayout(self._register_bar())
        grid_layout.addLayout(self._outcome_bar())
        help_text = QLabel("Chọn dòng rồi bấm phím: Đ (hoặc D) = đạt, K = không đạt, "
                           "Cách = bật/tắt đạt, Delete = chưa bình xét. Có thể chọn nhiều dòng "
                           "(Shift, Ctrl). Nhớ bấm “Lưu kết quả”.", grid_tab)
        help_text.setWordWrap(True)
        grid_layout.addWidget(help_text)
        grid_layout.addWidget(self.view, 1)
        self.tabs.addTab(grid_tab, "Đăng ký và kết quả")
        self.tabs.addTab(self.rates, "Tỷ lệ gia đình văn hóa")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Đăng ký thi đua</h2>", self))
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _button(self, text: str, slot, tip: str = "") -> QPushButton:
        b = QPushButton(text, self)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def _register_bar(self) -> FlowLayout:
        self.btn_households = self._button(
            "Đăng ký hộ gia đình…", self.register_households,
            "Hộ gia đình đăng ký Gia đình văn hóa: cả phường, một khu dân cư hoặc từng hộ")
        self.btn_areas = self._button("Đăng ký mọi khu dân cư", self.register_areas,
                                      "Mọi khu dân cư đăng ký Khu dân cư văn hóa")
        self.btn_staff = self._button("Đăng ký cán bộ của tập thể…", self.register_staff,
                                      "Mọi cán bộ của tập thể đăng ký Lao động tiên tiến")
        self.btn_add = self._button("Thêm đối tượng…", self.add_subjects)
        self.btn_remove = self._button("Xóa đăng ký", self.remove_selected)
        bar = FlowLayout()  # wraps at 125 % instead of widening the window
        for b in (self.btn_households, self.btn_areas, self.btn_staff, self.btn_add,
                  self.btn_remove):
            bar.addWidget(b)
        bar.addStretch(1)
        return bar

    def _outcome_bar(self) -> FlowLayout:
        self.btn_all = self._button("Tất cả đạt", self.mark_all,
                                    "Đánh dấu đạt mọi dòng đang hiện (rồi bỏ chọn các dòng không đạt)")
        self.btn_save = self._button("Lưu kết quả", self.save)
        self.btn_save.setObjectName("save")
        self.btn_undo = self._button("Bỏ thay đổi", self.reload)
        self.btn_candidates = self._button("Đưa vào đợt xét khen thưởng…", self.to_batch,
                                           "Tạo ứng viên từ các đăng ký đã đạt")
        self.btn_export = self._button("Xuất Excel", self.export)
        self.counts = QLabel(self)
        self.counts.setObjectName("counts")
        bar = FlowLayout()  # wraps at 125 % instead of widening the window
        for b in (self.btn_all, self.btn_save, self.btn_undo, self.btn_candidates):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.counts)
        bar.addWidget(self.btn_export)
        return bar

    def _fill_choices(self) -> None:
        for box, label, items in (
            (self.award, "Danh hiệu: tất cả", reg.award_choices(self.db)),
            (self.area, "Khu dân cư: tất cả", [(c.id, c.label) for c in
                                               records.area_choices(self.db)]),
            (self.movement, "Phong trào: không gắn", movements.movement_choices(self.db)),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(label, None)
            for value, text in items:
                box.addItem(text, value)
            box.setCurrentIndex(max(box.findData(current), 0))
            box.blockSignals(False)

    # ------------------------------------------------------------- state
    def on_show(self) -> None:
        if self._fresh:
            self._fresh = False
        elif not self.model.pending():
            self._fill_choices()
            self.reload()

    def focus_search(self) -> None:
        self.search.setFocus()

    def reload(self) -> None:
        """Load the year's rows in the background; the rates tab computes when shown."""
        year = self.year.value()
        self.loader.request(load_rows, self.db, year, self.award.currentData(),
                            self.area.currentData())
        self.rates.show_year(year)

    def _loaded(self, result) -> None:
        rows, keys = result
        self.model.load(rows, keys, self.search.text(), self.outcome_filter.currentData())
        self.view.scrollToTop()

    def _load_failed(self, exc: Exception) -> None:
        self.counts.setText(f"Không tải được danh sách đăng ký: {exc}")

    def _busy(self, busy: bool) -> None:
        """While a list loads, the shown rows are the previous list's: no ticking them."""
        self.view.setEnabled(not busy)
        if busy:
            self.counts.setText("Đang tải danh sách đăng ký…")

    def _filter(self, *_) -> None:
        self.model.set_filter(self.search.text(), self.outcome_filter.currentData())
        self.view.scrollToTop()  # a new search shows its first rows
        self._update_counts()

    def _filters_changed(self) -> None:
        if self.model.pending() and dialogs.confirm(
                self, "Kết quả chưa lưu",
                f"Có {len(self.model.pending())} kết quả chưa lưu. Lưu trước khi đổi danh sách?",
                default_yes=True):
            self._save_pending()
        self.reload()

    def _update_counts(self, *_):
        dat, khong, chua = self.model.counts()
        pending = len(self.model.pending())
        text = f"{self.model.rowCount()} đăng ký — đạt {dat}, không đạt {khong}, chưa bình xét {chua}"
        if pending:
            text += f" — <b>{pending} thay đổi chưa lưu</b>"
        self.counts.setText(text)
        self.btn_save.setEnabled(bool(pending))
        self.btn_undo.setEnabled(bool(pending))

    def _run(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except DomainError as exc:
            dialogs.warn(self, "Không thực hiện được", str(exc))
            return None
