"""Fields of the organisation settings, shared by the first-run dialog and Settings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QWidget

from app.services.system.organization import SIGN_MODES, OrgData, SignerData

ORG_FIELDS = [
    ("parent_body", "Cơ quan cấp trên", "UBND THÀNH PHỐ HẢI PHÒNG"),
    ("body_name", "Tên cơ quan ban hành", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG"),
    ("short_name", "Tên gọi trong văn bản", "phường Thành Đông"),
    ("place_name", "Địa danh ghi ngày tháng", "Thành Đông"),
    ("doc_symbol", "Ký hiệu cơ quan trên văn bản", "UBND"),
    ("address", "Địa chỉ", "Số 1 đường …"),
    ("phone", "Điện thoại", ""),
]


class OrgForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.edits: dict[str, QLineEdit] = {}
        for key, label, example in ORG_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(key)
            if example:
                edit.setPlaceholderText(f"Ví dụ: {example}")
            form.addRow(label, edit)
            self.edits[key] = edit
        self.edits["doc_symbol"].setText("UBND")

    def value(self) -> OrgData:
        return OrgData(**{k: e.text() for k, e in self.edits.items()})

    def set_value(self, org: OrgData | None) -> None:
        if org is None:
            return
        for key, edit in self.edits.items():
            edit.setText(getattr(org, key) or "")


class SignerRow(QWidget):
    """One signer: name, title, how they sign (TM./KT./directly)."""

    def __init__(self, parent: QWidget | None = None, prefix: str = "signer", compact=False):
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.name.setObjectName(f"{prefix}_name")
        self.name.setPlaceholderText("Ví dụ: Nguyễn Văn An")
        self.title = QLineEdit(self)
        self.title.setObjectName(f"{prefix}_title")
        self.title.setPlaceholderText("Chủ tịch / Phó Chủ tịch")
        self.mode = QComboBox(self)
        self.mode.setObjectName(f"{prefix}_mode")
        for value, label in SIGN_MODES.items():
            self.mode.addItem(label, value)
        if compact:  # one line per signer (Settings lists several)
            row = QHBoxLayout(self)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(self.name, 3)
            row.addWidget(self.title, 2)
            row.addWidget(self.mode, 2)
        else:
            form = QFormLayout(self)
            form.setContentsMargins(0, 0, 0, 0)
            form.addRow("Họ và tên người ký", self.name)
            form.addRow("Chức vụ", self.title)
            form.addRow("Cách ký", self.mode)
        self.signer_id: int | None = None

    def value(self) -> SignerData | None:
        if not self.name.text().strip() and not self.title.text().strip():
            return None
        return SignerData(self.name.text(), self.title.text(), self.mode.currentData(),
                          True, self.signer_id)

    def set_value(self, signer: SignerData) -> None:
        self.signer_id = signer.id
        self.name.setText(signer.full_name)
        self.title.setText(signer.title)
        self.mode.setCurrentIndex(max(self.mode.findData(signer.sign_mode), 0))
