"""Table columns sized to what they hold: never narrower than their header text (with room
for the sort arrow), as wide as the rows on screen need, up to a cap for long texts unless the
view has room for them; the last column takes the rest. Sized once the first rows are in, then
left to the officer's hand."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

CAP_CHARS = 42  # a long text column (a decision's abstract, a legal basis) stops here
PADDING = 12


class ColumnFitter(QObject):
    """Fits ``view``'s columns to their header and content. ``widths``: the columns' usual
    width in characters (a floor for content still loading), optional."""

    def __init__(self, view: QTableView, widths: Sequence[int] = ()):
        super().__init__(view)
        self.view = view
        self.widths = list(widths)
        self.done = False  # fitted to real rows: from now on the officer's widths stay
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(0)  # the rows on screen (Qt reads 1,000 by default)
        self._connect(view.model())
        view.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Show and not self.done:
            QTimer.singleShot(0, self._fit_if_alive)  # rows on screen are known once it is shown
        return False

    def _connect(self, model) -> None:
        if model is None:
            return
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self._later)
        model.headerDataChanged.connect(lambda *_: self.fit_headers())

    def _later(self, *_args) -> None:
        if not self.done:
            QTimer.singleShot(0, self._fit_if_alive)  # once the view has laid the rows out

    def _fit_if_alive(self) -> None:
        try:
            self.fit()
        except RuntimeError:  # the view was closed meanwhile
            pass

    def fit(self) -> None:
        view, model = self.view, self.view.model()
        if model is None:
            return
        header = view.horizontalHeader()
        char = view.fontMetrics().averageCharWidth()
        # Content is measured on the rows on screen only: a hidden view would read them all.
        has_rows = model.rowCount(QModelIndex()) > 0 and view.isVisible()
        wants, short = [], {}
        for col in range(model.columnCount()):
            declared = self.widths[col] * char + PADDING if col < len(self.widths) else 0
            content = view.sizeHintForColumn(col) if has_rows else 0
            cap = max(declared, CAP_CHARS * char)
            fill = content if has_rows else declared  # the rows, once in, say what they need
            wants.append(max(header.sectionSizeHint(col), min(fill, cap)))
            if content > wants[-1]:
                short[col] = content - wants[-1]
        # Room left in the view goes first to the long texts the cap cut, not to the last column.
        free = view.viewport().width() - sum(wants)
        if free > 0 and short:
            total = sum(short.values())
            for col, missing in short.items():
                wants[col] += min(missing, free * missing // total)
        for col, want in enumerate(wants):
            header.resizeSection(col, want)
        self.done = has_rows

    def fit_headers(self) -> None:
        """Headers whose text changed: widened when the text no longer fits."""
        header = self.view.horizontalHeader()
        for col in range(header.count()):
            if header.sectionSize(col) < header.sectionSizeHint(col):
                header.resizeSection(col, header.sectionSizeHint(col))


def fit_columns(view: QTableView, widths: Sequence[int] = ()) -> ColumnFitter:
    return ColumnFitter(view, widths)
