"""Which households register (Gia đình văn hóa): the whole ward, every household of one khu
dân cư, or households chosen one by one in the records."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

WARD, AREA, CHOSEN = "ward", "area", "chosen"


class HouseholdScopeDialog(QDialog):
    """``scope()`` gives (WARD | AREA | CHOSEN, area id or None)."""

    def __init__(self, parent, year: int, award: str, areas: list[tuple[int, str]],
                 area_id: int | None = None):
        super().__init__(parent)
        self.setWindowTitle("Đăng ký hộ gia đình")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        heading = QLabel(f"<b>Đăng ký “{award}” năm {year}</b> — những hộ nào?", self)
        heading.setWordWrap(True)
        self.ward = QRadioButton("Mọi hộ gia đình của cả phường", self)
        self.ward.setObjectName("scope_ward")
        self.area = QRadioButton("Mọi hộ gia đình của một khu dân cư:", self)
        self.area.setObjectName("scope_area")
        self.chosen = QRadioButton("Chọn từng hộ gia đình trong hồ sơ…", self)
        self.chosen.setObjectName("scope_chosen")
        self.area_box = QComboBox(self)
        self.area_box.setObjectName("scope_area_box")
        for aid, name in areas:
            self.area_box.addItem(name, aid)
        group = QButtonGroup(self)
        for b in (self.ward, self.area, self.chosen):
            group.addButton(b)
        self.area.toggled.connect(self.area_box.setEnabled)
        self.area_box.currentIndexChanged.connect(lambda _i: self.area.setChecked(True))
        if area_id is not None and self.area_box.findData(area_id) >= 0:
            self.area_box.setCurrentIndex(self.area_box.findData(area_id))
            self.area.setChecked(True)
        else:
            self.ward.setChecked(True)
            self.area_box.setEnabled(False)
        note = QLabel("Hộ đã đăng ký năm này được bỏ qua (không đăng ký trùng).", self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText("Tiếp tục")
        buttons.button(QDialogButtonBox.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        for w in (heading, self.ward, self.area, self.area_box, self.chosen, note, buttons):
            layout.addWidget(w)

    def scope(self) -> tuple[str, int | None]:
        if self.area.isChecked():
            return AREA, self.area_box.currentData()
        return (CHOSEN, None) if self.chosen.isChecked() else (WARD, None)
