"""Table models of the old register's tabs on the import screen: per year, decisions,
subjects, award spellings; a check box answers a question through ``on_choice``."""

from __future__ import annotations

from PySide6.QtGui import QBrush

from app import text
from app.excel.history_awards import TYPE_LABELS
from app.excel.history_decisions import LEVEL_LABELS
from ui.screens.import_preview import DUP_BG, ERROR_BG
from ui.widgets.choice_table import ChoiceTableModel


class PlanModel(ChoiceTableModel):
    """Rows of one list of the plan. A choice goes to ``on_choice(item, checked)``, which
    plans again (and sets new items)."""

    def choose(self, rows: list[int], checked: bool) -> int:
        if not self.on_choice or not rows:
            return 0
        self.on_choice(self.items[rows[0]], checked)
        return 1


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
