"""The tally of one council meeting as a table model: counts typed in place for the candidates
voted on by secret ballot, the share with its base, the threshold and the verdict. A model (a
Gia đình văn hóa round brings 14,000 rows; one widget item per cell took seconds)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ui.screens.batch_rows import BAD, GOOD

COLS = ("Họ và tên / Tên", "Đề nghị", "Phát ra", "Thu vào", "Hợp lệ", "Không hợp lệ",
        "Đồng ý", "Không đồng ý", "Tỷ lệ đồng ý", "Mức cần đạt", "Kết quả")
COUNT_COLS = (2, 3, 4, 5, 6, 7)  # as council.BallotCount orders them
ISSUED, RETURNED, VALID, INVALID, AGREE, DISAGREE = COUNT_COLS
SHARE, NEED, RESULT = 8, 9, 10
# Typing hợp lệ (or đồng ý) fills an empty không hợp lệ (không đồng ý) with the rest of the
# whole it belongs to, visibly, before saving.
_REST = {VALID: (RETURNED, INVALID), AGREE: (VALID, DISAGREE)}
_ROOT = QModelIndex()


def _pct(value) -> str:
    if value is None:
        return ""
    text = f"{value:f}"
    if "." in text:  # trailing zeros of the decimals only: 50 stays 50, 66.70 is 66,7
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def share_text(row) -> str:
    """"75% (3/4 thành viên Hội đồng)": the share and what it is counted over."""
    if row.percent is None or row.agree is None:
        return ""
    return f"{_pct(row.percent)} ({row.agree}/{row.base} {row.base_label})"


def threshold_text(row) -> str:
    """"70%" (at least), "trên 50%" (a strict "more than" rule), "" when no vote."""
    if not row.needs_vote:
        return ""
    return ("trên " if row.strict else "") + _pct(row.threshold)


def result_text(row) -> str:
    if not row.needs_vote:
        return {True: "Thông qua", False: "Không thông qua"}.get(row.passed, "Không bỏ phiếu kín")
    return "Chưa bỏ phiếu" if row.passed is None else "Đạt" if row.passed else "Không đạt"


class TallyModel(QAbstractTableModel):
    """Rows of council.tally; typed counts are kept as text until saved."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list = []
        self._shown: list[int] = []  # indexes into rows (the secret-ballot filter)
        self._typed: dict[tuple[int, int], str] = {}
        self.only_votes = False

    def load(self, rows: list) -> None:
        self.beginResetModel()
        self.rows, self._typed = list(rows), {}
        self._filter()
        self.endResetModel()

    def set_only_votes(self, on: bool) -> None:
        self.beginResetModel()
        self.only_votes = on
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        self._shown = [i for i, r in enumerate(self.rows) if r.needs_vote or not self.only_votes]

    # ------------------------------------------------------------------ helpers
    def row(self, shown_row: int):
        return self.rows[self._shown[shown_row]]

    def text(self, shown_row: int, column: int) -> str:
        return self.data(self.index(shown_row, column)) or ""

    def set_text(self, shown_row: int, column: int, value: str) -> bool:
        return self.setData(self.index(shown_row, column), value)

    def fill(self, present: int) -> None:
        """Every member present voted and every ballot came back valid: the usual case (đồng ý
        and không đồng ý are still counted by hand)."""
        for r in range(len(self._shown)):
            if self.row(r).needs_vote:
                for c, value in ((ISSUED, present), (RETURNED, present), (VALID, present),
                                 (INVALID, 0)):
                    self._typed[(self._shown[r], c)] = str(value)
        if self._shown:
            self.dataChanged.emit(self.index(0, ISSUED),
                                  self.index(len(self._shown) - 1, INVALID))

    def counts(self) -> list[tuple[int, object, list[str]]]:
        """(row number, tally row, the six counts as typed) of the voted rows."""
        out = []
        for i, r in enumerate(self.rows):
            if r.needs_vote:
                out.append((i + 1, r, [self._cell(i, c).strip() for c in COUNT_COLS]))
        return out

    def _cell(self, i: int, column: int) -> str:
        if (i, column) in self._typed:
            return self._typed[(i, column)]
        r = self.rows[i]
        value = (r.ballots_issued, r.ballots_returned, r.ballots_valid, r.ballots_invalid,
                 r.agree, r.disagree)[column - ISSUED]
        return "" if value is None else str(value)

    # ---------------------------------------------------------------------- Qt
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLS[section]
        return None

    def flags(self, index):
        base = Qt.ItemIsSelectable | Qt.ItemIsEnabled
        if index.column() in COUNT_COLS and self.row(index.row()).needs_vote:
            return base | Qt.ItemIsEditable
        return base

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        i, c = self._shown[index.row()], index.column()
        row = self.rows[i]
        if role in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole):
            if c in COUNT_COLS:
                return self._cell(i, c)
            return {0: row.subject_name, 1: row.award_name, SHARE: share_text(row),
                    NEED: threshold_text(row), RESULT: result_text(row)}[c]
        if role == Qt.TextAlignmentRole and c in (*COUNT_COLS, SHARE, NEED):
            return Qt.AlignCenter
        if role == Qt.BackgroundRole and c == RESULT and row.passed is not None:
            return GOOD if row.passed else BAD
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        i, c = self._shown[index.row()], index.column()
        self._typed[(i, c)] = str(value)
        self.dataChanged.emit(index, index)
        if c in _REST:
            self._derive_rest(index.row(), c)
        return True

    def _derive_rest(self, shown_row: int, column: int) -> None:
        i = self._shown[shown_row]
        whole, rest = _REST[column]
        if self._cell(i, rest).strip():
            return
        a, b = self._cell(i, whole).strip(), self._cell(i, column).strip()
        if a.isdigit() and b.isdigit() and int(a) >= int(b):
            self._typed[(i, rest)] = str(int(a) - int(b))
            cell = self.index(shown_row, rest)
            self.dataChanged.emit(cell, cell)
