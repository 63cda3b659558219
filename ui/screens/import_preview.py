"""The tables of the import screen: every row of the file with what will happen to it (thêm
mới / cập nhật / bỏ qua), its problems and the likely duplicate it matches; the cells whose
encoding was converted or is the user's to choose; the pairs of rows repeated in the file."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.excel.kinds import KINDS
from app.excel.preview import ACTIONS, CellChoice, DuplicatePair, Preview, PreviewRow, Problem
from ui.widgets.choice_table import ChoiceTableModel

_ROOT = QModelIndex()
_ROW_ROLES = {Qt.DisplayRole, Qt.ToolTipRole, Qt.BackgroundRole}
ERROR_BG, DUP_BG, WARN_BG = QColor("#fde2e1"), QColor("#fff4cc"), QColor("#eef5ff")


class PreviewModel(QAbstractTableModel):
    FIXED = ("Trang", "Dòng", "Xử lý", "Kiểm tra")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.preview: Preview | None = None
        self.fields: list = []
        self.extra: list[tuple[str, str]] = []  # a kind's own columns: (header, values key)

    def load(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        spec = (preview.spec or KINDS[preview.kind]) if preview else None
        self.fields = [f for f in spec.fields if f.key != "stt"] if spec else []
        self.extra = list(preview.extra_columns) if preview else []
        if self.extra:  # a kind with many optional columns shows those the file gives
            self.fields = [f for f in self.fields if _given(preview, f.key)]
        self.endResetModel()

    def row_at(self, r: int) -> PreviewRow:
        return self.preview.rows[r]

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() or self.preview is None else len(self.preview.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.FIXED) + len(self.fields) + len(self.extra)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Vertical:
            return str(section + 1)
        if section < len(self.FIXED):
            return self.FIXED[section]
        if section >= len(self.FIXED) + len(self.fields):
            return self.extra[section - len(self.FIXED) - len(self.fields)][0]
        return self.fields[section - len(self.FIXED)].label

    def data(self, index, role=Qt.DisplayRole):
        if role not in _ROW_ROLES or not index.isValid():  # Qt asks for a dozen roles per cell
            return None
        row, col = self.row_at(index.row()), index.column()
        if role == Qt.DisplayRole:
            return self._text(row, col)
        if role == Qt.ToolTipRole:
            return "\n".join(p.text() for p in row.problems) or row.duplicate_text or None
        if role == Qt.BackgroundRole:
            if row.has_error:
                return QBrush(ERROR_BG)
            if row.duplicate_id:
                return QBrush(DUP_BG)
            if row.problems:
                return QBrush(WARN_BG)
        return None

    def _text(self, row: PreviewRow, col: int) -> str:
        if col == 0:
            return row.sheet
        if col == 1:
            return str(row.row)
        if col == 2:
            return "Không nhập (lỗi)" if row.has_error else ACTIONS[row.action]
        if col == 3:
            return _check_text(row)
        if col >= len(self.FIXED) + len(self.fields):
            value = row.values.get(self.extra[col - len(self.FIXED) - len(self.fields)][1])
            return value if isinstance(value, str) else ""
        return row.display(self.fields[col - len(self.FIXED)].key)

    def set_action(self, rows: list[int], action: str) -> int:
        """Update / skip chosen for duplicate rows; returns how many rows it applied to."""
        from app.excel.importer import set_action

        done = 0
        for r in rows:
            row = self.row_at(r)
            if row.duplicate_id is None or row.has_error:
                continue
            set_action(row, action)
            done += 1
        if rows:
            self.dataChanged.emit(self.index(min(rows), 2), self.index(max(rows), 2))
        return done

    def refresh(self) -> None:
        """Actions changed elsewhere (a pair's choice): repaint the rows."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, self.columnCount() - 1))


def _given(preview: Preview, key: str) -> bool:
    """A column of some sheet, or a value the rows got another way (a section row above)."""
    return any(key in sheet.columns for sheet in preview.sheets) or any(
        row.values.get(key) for row in preview.rows[:500])


def _check_text(row: PreviewRow) -> str:
    parts = [f"{p.column}: {p.message}" if p.column else p.message for p in row.problems]
    if row.duplicate_id:
        parts.insert(0, row.duplicate_text)
    if row.pair is not None and row.pair.second is row:
        parts.insert(0, f"{row.pair.reason} — {row.pair.choice_text.lower()}")
    return "; ".join(parts) or "Hợp lệ"


def problem_lines(preview: Preview) -> list[str]:
    """Errors first, then warnings, then rows skipped on purpose and notes."""
    problems: list[Problem] = sorted(preview.problems, key=lambda p: p.level != "error")
    lines = [p.text() for p in problems]
    lines += [f"Trang “{sheet}”, dòng {row} — Bỏ qua: {why}." for sheet, row, why in preview.skipped]
    return lines + preview.notes


class CellsModel(ChoiceTableModel):
    """The "Chuyển mã" list: cells converted from TCVN3 / VNI or readable two ways, with the
    cell as typed, the other reading and a check box "Chuyển mã" (the per-cell choice)."""

    HEADERS = ("Trang", "Ô", "Cột", "Trong tệp", "Nếu chuyển mã", "Bảng mã", "Chuyển mã",
               "Vì sao")
    CHOICE = 6

    def __init__(self, parent=None):
        super().__init__(parent)
        self.preview: Preview | None = None

    def load(self, preview: Preview | None) -> None:
        self.preview = preview
        self.set_items(preview.cells if preview else [])

    def cells(self, c: CellChoice) -> tuple[str, ...]:
        d = c.decision
        return (c.sheet, f"{c.column}{c.row}", c.label, d.original,
                d.text(True) if c.choosable else d.unicode, c.encoding_label, _choice_text(c),
                d.reason)

    def checkable(self, c: CellChoice) -> bool:
        return c.choosable

    def checked(self, c: CellChoice) -> bool:
        return c.convert

    def apply(self, c: CellChoice, convert: bool) -> bool:
        from app.excel.importer import set_cell_choice

        if not c.choosable or c.convert == convert:
            return False
        set_cell_choice(self.preview, c, convert)
        return True

    def colour(self, c: CellChoice):
        return QBrush(DUP_BG) if c.decision.ambiguous else None

    def tooltip(self, c: CellChoice) -> str:
        return c.text()


def _choice_text(c: CellChoice) -> str:
    if not c.choosable:
        return "Đã sửa"
    return "Chuyển mã" if c.convert else "Giữ nguyên"


class PairsModel(ChoiceTableModel):
    """Rows of the file that may be the same record: keep the first, or both (check box)."""

    HEADERS = ("Trang", "Dòng đầu", "Dòng sau", "Tên", "Vì sao", "Giữ cả hai")
    CHOICE = 5

    def load(self, preview: Preview | None) -> None:
        self.set_items(preview.pairs if preview else [])

    def cells(self, p: DuplicatePair) -> tuple[str, ...]:
        return (p.second.sheet, str(p.first.row), str(p.second.row), p.second.display("name"),
                p.reason, p.choice_text)

    def checkable(self, p: DuplicatePair) -> bool:
        return p.both_allowed

    def shows_check(self, p: DuplicatePair) -> bool:
        return True  # a pair sharing a CCCD shows its (unchecked) box, greyed

    def checked(self, p: DuplicatePair) -> bool:
        return p.keep_both

    def apply(self, p: DuplicatePair, keep_both: bool) -> bool:
        from app.excel.importer import set_pair_choice

        if p.keep_both == keep_both or (keep_both and not p.both_allowed):
            return False
        set_pair_choice(p, keep_both)
        return True

    def colour(self, p: DuplicatePair):
        return QBrush(DUP_BG) if p.kind == "duplicate" else None
