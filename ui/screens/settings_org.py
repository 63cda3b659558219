"""Cài đặt đơn vị: organisation, signers, former units (địa bàn cũ)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services.records import records
from app.services.system.organization import (
    Staff,
    get_org,
    get_staff,
    list_signers,
    save_org,
    save_signers,
    save_staff,
)
from ui import dialogs
from ui.screens.org_form import OrgForm, SignerRow

MAX_SIGNERS = 4


class OrgSettingsPage(QScrollArea):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel("<h2>Cài đặt đơn vị</h2>", body))

        self.org = OrgForm(body)
        box = QGroupBox("Đơn vị ban hành văn bản", body)
        QVBoxLayout(box).addWidget(self.org)
        layout.addWidget(box)

        signer_box = QGroupBox("Người ký (dòng đầu là người ký mặc định)", body)
        signer_layout = QVBoxLayout(signer_box)
        header = QHBoxLayout()
        for label, stretch in (("Họ và tên", 3), ("Chức vụ", 2), ("Cách ký", 2)):
            header.addWidget(QLabel(f"<b>{label}</b>", signer_box), stretch)
        signer_layout.addLayout(header)
        self.signers = [SignerRow(signer_box, f"signer{i}", compact=True)
                        for i in range(MAX_SIGNERS)]
        for row in self.signers:
            signer_layout.addWidget(row)
        layout.addWidget(signer_box)

        staff_box = QGroupBox("Người lập biểu và kế toán (in trên danh sách chi tiền thưởng, báo "
                              "cáo quỹ, biểu thống kê, danh mục hồ sơ)", body)
        staff_form = QFormLayout(staff_box)
        self.preparer, self.accountant = QLineEdit(staff_box), QLineEdit(staff_box)
        for edit, name, label in ((self.preparer, "preparer", "Người lập biểu"),
                                  (self.accountant, "accountant", "Kế toán")):
            edit.setObjectName(name)
            edit.setMaxLength(200)
            edit.setPlaceholderText("để trống: ký và ghi họ tên bằng tay")
            staff_form.addRow(label, edit)
        layout.addWidget(staff_box)

        self.btn_save = QPushButton("Lưu thông tin đơn vị", body)
        self.btn_save.setObjectName("save_org")
        self.btn_save.clicked.connect(self.save)
        layout.addWidget(self.btn_save, 0, Qt.AlignLeft)

        unit_box = QGroupBox("Địa bàn cũ (các đơn vị trước sáp nhập)", body)
        unit_layout = QHBoxLayout(unit_box)
        self.units = QListWidget(unit_box)
        self.units.setObjectName("former_units")
        self.units.currentRowChanged.connect(lambda *_: self._show_kind())
        buttons = QVBoxLayout()
        for label, slot in (("Thêm…", self.add_unit), ("Đổi tên…", self.rename_unit),
                            ("Xóa", self.delete_unit)):
            b = QPushButton(label, unit_box)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        # A former unit keeps its kind (An Thượng was a xã): the report names it so.
        buttons.addWidget(QLabel("Là:", unit_box))
        self.unit_kind = QComboBox(unit_box)
        self.unit_kind.setObjectName("former_unit_kind")
        self.unit_kind.addItems(list(records.FORMER_UNIT_KINDS))
        self.unit_kind.setEnabled(False)
        self.unit_kind.activated.connect(lambda *_: self.change_kind())
        buttons.addWidget(self.unit_kind)
        buttons.addStretch(1)
        unit_layout.addWidget(self.units, 1)
        unit_layout.addLayout(buttons)
        layout.addWidget(unit_box)
        layout.addStretch(1)
        self.setWidget(body)
        self.load()

    def load(self) -> None:
        self.org.set_value(get_org(self.db))
        signers = list_signers(self.db)
        for row, signer in zip(self.signers, signers):
            row.set_value(signer)
        names = get_staff(self.db)
        self.preparer.setText(names.preparer)
        self.accountant.setText(names.accountant)
        self.load_units()

    def on_show(self) -> None:
        self.load_units()

    def load_units(self) -> None:
        current = self.units.currentItem()
        keep = current.data(Qt.UserRole) if current is not None else None
        self.units.clear()
        for unit in records.former_units(self.db):
            item = QListWidgetItem(unit.name)
            item.setData(Qt.UserRole, unit.id)
            item.setData(Qt.UserRole + 1, unit.kind)
            item.setToolTip(f"{unit.kind.capitalize()} {unit.name} (trước ngày 01/7/2025)")
            self.units.addItem(item)
            if unit.id == keep:
                self.units.setCurrentItem(item)
        self._show_kind()

    def _show_kind(self) -> None:
        item = self.units.currentItem()
        self.unit_kind.setEnabled(item is not None)
        if item is not None:
            self.unit_kind.setCurrentText(item.data(Qt.UserRole + 1))

    def change_kind(self) -> None:
        """Phường / xã / thị trấn of the selected former unit, saved at once."""
        item = self.units.currentItem()
        if item is None or self.unit_kind.currentText() == item.data(Qt.UserRole + 1):
            return
        name, unit_id, kind = item.text(), item.data(Qt.UserRole), self.unit_kind.currentText()
        self._run(lambda: records.save_former_unit(self.db, name, kind, unit_id))

    def save(self) -> None:
        try:
            signers = [v for v in (row.value() for row in self.signers) if v is not None]
            if not signers:
                raise DomainError("Cần ít nhất một người ký.")
            save_signers(self.db, signers)
            save_org(self.db, self.org.value())
            save_staff(self.db, Staff(self.preparer.text(), self.accountant.text()))
        except DomainError as exc:
            dialogs.warn(self, "Chưa lưu được", str(exc))
            return
        self.load()
        dialogs.info(self, "Đã lưu", "Đã lưu thông tin đơn vị, người ký, người lập biểu và kế "
                                     "toán.")

    def _ask_name(self, title: str, current: str = "") -> str | None:
        return dialogs.ask_text(self, title, "Tên địa bàn cũ:", current)

    def add_unit(self) -> None:
        name = self._ask_name("Thêm địa bàn cũ")
        if name:
            self._run(lambda: records.save_former_unit(self.db, name))

    def rename_unit(self) -> None:
        item = self.units.currentItem()
        if item is None:
            return
        name = self._ask_name("Đổi tên địa bàn cũ", item.text())
        if name:
            self._run(lambda: records.save_former_unit(self.db, name, unit_id=item.data(Qt.UserRole)))

    def delete_unit(self) -> None:
        item = self.units.currentItem()
        if item is None or not dialogs.confirm(self, "Xóa", f"Xóa địa bàn cũ “{item.text()}”?"):
            return
        self._run(lambda: records.delete_former_unit(self.db, item.data(Qt.UserRole)))

    def _run(self, fn) -> None:
        try:
            fn()
        except DomainError as exc:
            dialogs.warn(self, "Không thực hiện được", str(exc))
        self.load_units()
