"""First run: ask for the organisation and the signer before anything else."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGroupBox, QLabel, QVBoxLayout

from app.errors import ValidationError
from app.services.organization import save_org, save_signers
from ui.screens.org_form import OrgForm, SignerRow


class FirstRunDialog(QDialog):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Thiết lập ban đầu")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        intro = QLabel(
            "<b>Chào mừng!</b> Trước khi bắt đầu, hãy nhập thông tin đơn vị. Các thông tin này "
            "được in trên quyết định, giấy khen và báo cáo; có thể sửa lại trong "
            "<i>Cài đặt đơn vị</i>.", self)
        intro.setWordWrap(True)
        self.org = OrgForm(self)
        org_box = QGroupBox("Đơn vị", self)
        QVBoxLayout(org_box).addWidget(self.org)
        self.chair = SignerRow(self, "chair")
        self.chair.title.setText("Chủ tịch")
        signer_box = QGroupBox("Người ký quyết định, giấy khen", self)
        QVBoxLayout(signer_box).addWidget(self.chair)
        self.error = QLabel(self)
        self.error.setObjectName("form_error")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText("Bắt đầu sử dụng")
        buttons.button(QDialogButtonBox.Cancel).setText("Thoát")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, org_box, signer_box, self.error, buttons):
            layout.addWidget(w)

    def accept(self) -> None:
        try:
            signer = self.chair.value()
            if signer is None:
                raise ValidationError("Chưa nhập người ký (họ tên và chức vụ).", "chair_name")
            save_org(self.db, self.org.value())
            save_signers(self.db, [signer])
        except ValidationError as exc:
            self.error.setText(str(exc))
            target = self.org.edits.get(exc.field or "") or (
                self.chair.name if exc.field in ("chair_name", "signers") else None)
            if target is not None:
                target.setFocus()
            return
        super().accept()
