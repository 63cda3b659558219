"""Table models of the old register's tabs on the import screen: per year, decisions,
subjects, award spellings. Each row's texts are worked out once, when first drawn (a plan
holds thousands of subjects); a check box answers a question through ``on_choice``."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush

from app import text
from app.excel.history_awards import TYPE_LABELS
from app.excel.history_decisions import LEVEL_LABELS
from ui.screens.import_preview import DUP_BG, ERROR_BG

_ROOT = QModelIndex()
_ROLES = {Qt.DisplayRole, Qt.CheckStateRole, Qt.BackgroundRole, Qt.TextAlignmentRole}


class PlanModel(QAbstractTableModel):
    """Rows of one list of the plan; ``CHOICE`` is the column with a check box (or None)."""

    HEADERS: tuple[str, ...] = ()
    CHOICE: int | None = None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []
        self.texts: list[tuple[str, ...] | None] = []
        self.on_choice: Callable | None = None

    def set_items(self, items: list) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.texts = [None] * len(self.items)  # worked out when first shown: a plan is fixed
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.HEADERS[section]
        return None

    def flags(self, index):
        base = super().flags(index)
        if index.column() == self.CHOICE and self.checkable(self.items[index.row()]):
            return base | Qt.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if role not in _ROLES or not index.isValid():  # Qt asks for a dozen roles per cell
            return None
        item, col = self.items[index.row()], index.column()
        if role == Qt.DisplayRole:
            return self.text_at(index.row())[col]
        if role == Qt.CheckStateRole and col == self.CHOICE and self.checkable(item):
            return Qt.Checked if self.checked(item) else Qt.Unchecked
        if role == Qt.BackgroundRole:
            return self.colour(item)
        if role == Qt.TextAlignmentRole and self.text_at(index.row())[col][:1].isdigit():
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def text_at(self, row: int) -> tuple[str, ...]:
        if self.texts[row] is None:
            self.texts[row] = self.cells(self.items[row])
        return self.texts[row]

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.CheckStateRole or index.column() != self.CHOICE or not self.on_choice:
            return False
        item = self.items[index.row()]
        self.on_choice(item, Qt.CheckState(value) == Qt.Checked)
        return True

    # per list
    def cells(self, item) -> tuple[str, ...]:
        raise NotImplementedError

    def checkable(self, item) -> bool:
        return False

    def checked(self, item) -> bool:
        return False

    def colour(self, item):
        return None


class YearsModel(PlanModel):
    HEADERS = ("Năm", "Quyết định mới", "Đã có", "Mục vào sổ", "Số vào sổ", "Tiền thưởng (đồng)",
               "Hồ sơ mới", "Hồ sơ đã có", "Ghi chi quỹ")
    CHOICE = 8

    def cells(self, y) -> tuple[str, ...]:
        numbers = (f"{y.year}/{y.first_no:04d} – {y.year}/{y.first_no + y.entries - 1:04d}"
                   if y.entries else "")
        return (str(y.year), str(y.decisions), str(y.existing_decisions), str(y.entries),
                numbers, text.format_money(y.money), str(y.new_records), str(y.matched_records),
                "Có" if y.post_fund else "Không")

    def checkable(self, y) -> bool:
        return y.entries > 0

    def checked(self, y) -> bool:
        return y.post_fund


class DecisionsModel(PlanModel):
    HEADERS = ("Số", "Ngày ký", "Cấp", "Cơ quan, trích yếu", "Dòng", "Tiền (đồng)", "Tình trạng",
               "Gắn vào QĐ đã có")
    CHOICE = 7

    def cells(self, g) -> tuple[str, ...]:
        about = " — ".join(x for x in (g.issuer if g.external else None, g.title) if x)
        return (g.reference, text.format_date_vn(g.signed_on), LEVEL_LABELS.get(g.level, ""),
                about, str(len(g.rows)), text.format_money(g.money), g.state(),
                ("Có" if g.attach else "Không") if g.existing else "")

    def checkable(self, g) -> bool:
        return g.existing is not None

    def checked(self, g) -> bool:
        return g.attach

    def colour(self, g):
        return QBrush(DUP_BG) if g.existing is not None else None


class SubjectsModel(PlanModel):
    HEADERS = ("Tên", "Loại", "Đơn vị, địa chỉ", "Dòng", "Hồ sơ")

    def cells(self, g) -> tuple[str, ...]:
        return (g.name, TYPE_LABELS.get(g.type, ""), g.place_text(), str(len(g.rows)), g.how)

    def colour(self, g):
        return QBrush(ERROR_BG) if g.needs_choice else None


class SpellingsModel(PlanModel):
    HEADERS = ("Cách viết trong tệp", "Số dòng", "Dòng đầu", "Hiểu là")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.names: dict[int, str] = {}

    def cells(self, g) -> tuple[str, ...]:
        sheet, row, column = g.first
        return (g.text, str(g.rows), f"Trang “{sheet}”, ô {column}{row}",
                self.names.get(g.award_kind_id, "Chưa hiểu — chọn danh hiệu bên dưới"))

    def colour(self, g):
        return QBrush(ERROR_BG) if g.award_kind_id is None else None
