"""Pick one or many subjects (cá nhân / tập thể / hộ gia đình / khu dân cư) from the records:
a type switch, a search box that ignores case and diacritics, the list's own filters (khu dân
cư, địa bàn cũ…), a lazy table (lists can hold tens of thousands of rows) and a basket of
chosen subjects that survives new searches ("Chọn tất cả" takes every row shown, e.g. all
households of one area)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.records import record_lists
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from ui.widgets.columns import fit_columns
from ui.widgets.lazy_table import LazyTableModel
from ui.widgets.sizing import resize_within_screen

SOURCES = {
    "person": record_lists.PersonSource,
    "collective": record_lists.CollectiveSource,
    "household": record_lists.HouseholdSource,
    "area": record_lists.AreaSource,
}


class SubjectPicker(QDialog):
    """``chosen()`` gives [(subject_id, name)] in the order picked; double-click or Enter
    adds the highlighted rows to the basket."""

    def __init__(self, db, title: str = "Chọn đối tượng", types=tuple(SOURCES),
                 multi: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.multi = db, multi
        self.setWindowTitle(title)
        self._chosen: dict[int, str] = {}
        self.filter_boxes: dict[str, QComboBox] = {}
        self.filter_bar = QHBoxLayout()
        self.type_box = QComboBox(self)
        for t in types:
            self.type_box.addItem(SUBJECT_TYPE_LABELS[t], t)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("picker_search")
        self.search_box.setPlaceholderText("Gõ tên để tìm (không dấu cũng được)…")
        self.search_box.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.reload)
        self.search_box.textChanged.connect(lambda _t: self._timer.start())
        self.table = QTableView(self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection if multi
                                    else QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _i: self.add_selected())
        self.basket = QListWidget(self)
        self.basket.setObjectName("basket")
        self.count = QLabel(self)
        add = QPushButton("Chọn →", self)
        add.clicked.connect(self.add_selected)
        self.add_all_button = QPushButton("Chọn tất cả →", self)
        self.add_all_button.setToolTip("Chọn mọi dòng đang hiện (theo tìm kiếm và bộ lọc)")
        self.add_all_button.clicked.connect(self.add_all)
        remove = QPushButton("Bỏ chọn", self)
        remove.clicked.connect(self.remove_selected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText("Đồng ý")
        self.buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout(add, self.add_all_button, remove)
        self.type_box.currentIndexChanged.connect(lambda _i: self._set_type())
        self._set_type()
        ch = self.fontMetrics().averageCharWidth()
        resize_within_screen(self, ch * 150, self.fontMetrics().height() * 32)

    def _layout(self, add: QPushButton, add_all: QPushButton, remove: QPushButton) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Loại:", self))
        top.addWidget(self.type_box)
        top.addWidget(self.search_box, 1)
        left = QVBoxLayout()
        left.addLayout(top)
        left.addLayout(self.filter_bar)
        left.addWidget(self.table, 1)
        left.addWidget(self.count)
        mid = QVBoxLayout()
        mid.addStretch(1)
        mid.addWidget(add)
        mid.addWidget(add_all)
        mid.addWidget(remove)
        mid.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>Đã chọn</b>", self))
        right.addWidget(self.basket, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(mid)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)

    def _set_type(self) -> None:
        source = SOURCES[self.type_box.currentData()](self.db)
        self.model = LazyTableModel(source, self)
        self.table.setModel(self.model)
        self._build_filters(source)
        fit_columns(self.table, [col.width for col in source.columns])
        self.reload()

    def _build_filters(self, source) -> None:
        for box in self.filter_boxes.values():
            self.filter_bar.removeWidget(box)
            box.deleteLater()
        self.filter_boxes = {}
        for spec in source.filters:
            box = QComboBox(self)
            box.setObjectName(f"picker_filter_{spec.key}")
            box.addItem(f"{spec.label}: tất cả", None)
            for value, label in spec.options():
                box.addItem(label, value)
            box.currentIndexChanged.connect(lambda _i: self.reload())
            self.filter_boxes[spec.key] = box
            self.filter_bar.addWidget(box)

    def subject_type(self) -> str:
        return self.type_box.currentData()

    def reload(self) -> None:
        filters = {k: b.currentData() for k, b in self.filter_boxes.items()}
        self.model.refresh(self.search_box.text(), filters)
        self.table.scrollToTop()  # a new search shows its first rows
        self.count.setText(f"{self.model.rowCount():,} kết quả".replace(",", "."))

    def add_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.model.rowCount() == 1:
            rows = [0]  # one hit: Enter takes it
        if not self.multi:
            self._chosen.clear()
            self.basket.clear()
        for r in rows:
            sid = self.model.id_at(r)
            if sid is None or sid in self._chosen:
                continue
            name = self.model.index(r, 0).data()
            self._chosen[sid] = name
            item = QListWidgetItem(name)
            item.setData(Qt.UserRole, sid)
            self.basket.addItem(item)

    def add_all(self) -> None:
        ids = [i for i in self.model.all_ids() if i not in self._chosen]
        if not self.multi or not ids:
            return
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = self.model.source.rows(chunk)
            if len(rows) == len(chunk):
                pairs = [(sid, r[0]) for sid, r in zip(chunk, rows)]
            else:  # a record vanished meanwhile: match them one by one
                pairs = [(sid, r[0]) for sid in chunk for r in self.model.source.rows([sid])]
            for sid, name in pairs:
                self._chosen[sid] = name
                item = QListWidgetItem(name)
                item.setData(Qt.UserRole, sid)
                self.basket.addItem(item)

    def remove_selected(self) -> None:
        for item in self.basket.selectedItems():
            self._chosen.pop(item.data(Qt.UserRole), None)
            self.basket.takeItem(self.basket.row(item))

    def accept(self) -> None:
        if self.table.selectionModel().selectedRows() or not self._chosen:
            self.add_selected()  # rows highlighted but not yet moved: take them too
        if self._chosen:
            super().accept()

    def chosen(self) -> list[tuple[int, str]]:
        return list(self._chosen.items())
