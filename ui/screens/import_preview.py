"""The preview table of the import screen: every row of the file, what will happen to it
(thêm mới / cập nhật / bỏ qua), its problems, and the likely duplicate it matches."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.excel.kinds import KINDS
from app.excel.preview import ACTIONS, Preview, PreviewRow, Problem

_ROOT = QModelIndex()
ERROR_BG, DUP_BG, WARN_BG = QColor("#fde2e1"), QColor("#fff4cc"), QColor("#eef5ff")


class PreviewModel(QAbstractTableModel):
    FIXED = ("Trang", "Dòng", "Xử lý", "Kiểm tra")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.preview: Preview | None = None
        self.fields: list = []

    def load(self, preview: Preview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self.fields = [f for f in KINDS[preview.kind].fields if f.key != "stt"] if preview else []
        self.endResetModel()

    def row_at(self, r: int) -> PreviewRow:
        return self.preview.rows[r]

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() or self.preview is None else len(self.preview.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.FIXED) + len(self.fields)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Vertical:
            return str(section + 1)
        if section < len(self.FIXED):
            return self.FIXED[section]
        return self.fields[section - len(self.FIXED)].label

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
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


def _check_text(row: PreviewRow) -> str:
    parts = [f"{p.column}: {p.message}" if p.column else p.message for p in row.problems]
    if row.duplicate_id:
        parts.insert(0, row.duplicate_text)
    return "; ".join(parts) or "Hợp lệ"


def problem_lines(preview: Preview) -> list[str]:
    """Errors first, then warnings, then rows skipped on purpose and notes."""
    problems: list[Problem] = sorted(preview.problems, key=lambda p: p.level != "error")
    lines = [p.text() for p in problems]
    lines += [f"Trang “{sheet}”, dòng {row} — Bỏ qua: {why}." for sheet, row, why in preview.skipped]
    return lines + preview.notes
