"""Table columns sized to what they hold (ui/widgets/columns.py)."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTableView

from ui.widgets.columns import fit_columns

ABSTRACT = ("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân thành phố cho các tập thể, cá "
            "nhân có thành tích xuất sắc")


def _view(qtbot, width: int) -> QTableView:
    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["Số", "Trích yếu", "Tình trạng"])
    for n in range(5):
        model.appendRow([QStandardItem(f"{n}/QĐ-UBND"), QStandardItem(ABSTRACT),
                         QStandardItem("Cấp trên")])
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(False)
    qtbot.addWidget(view)
    fit_columns(view, (12, 50, 10))
    view.resize(width, 300)
    view.show()
    qtbot.waitUntil(lambda: view.horizontalHeader().sectionSize(1) > 0)
    qtbot.wait(50)
    return view


def test_room_left_goes_to_the_long_text_not_to_the_last_column(qtbot):
    view = _view(qtbot, 1300)
    header = view.horizontalHeader()
    assert header.sectionSize(1) >= view.sizeHintForColumn(1)  # the whole abstract shows
    assert header.sectionSize(2) < header.sectionSize(1)


def test_a_narrow_table_caps_the_long_text_and_keeps_the_others(qtbot):
    view = _view(qtbot, 500)
    header = view.horizontalHeader()
    assert header.sectionSize(1) < view.sizeHintForColumn(1)  # capped: it scrolls or elides
    assert header.sectionSize(0) >= header.sectionSizeHint(0)


def test_only_the_rows_on_screen_are_read(qtbot):
    """A register of 200,000 entries is fetched page by page: sizing its columns must not
    read a thousand rows (Qt's default) on the GUI thread."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    root = QModelIndex()
    rows_read: set[int] = set()

    class Counting(QAbstractTableModel):
        def rowCount(self, parent=root):
            return 0 if parent.isValid() else 10_000

        def columnCount(self, parent=root):
            return 0 if parent.isValid() else 3

        def data(self, index, role=Qt.DisplayRole):
            if role == Qt.DisplayRole:
                rows_read.add(index.row())
                return f"Dòng {index.row()}"
            return None

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(Counting())
    fit_columns(view)
    view.resize(800, 400)
    view.show()
    qtbot.wait(100)
    assert 0 < len(rows_read) < 50
