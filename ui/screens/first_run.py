"""First run: ask for the organisation and the signer before anything else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGroupBox, QLabel, QVBoxLayout

from app.errors import ValidationError
from app.services.system.organization import get_org, save_org, save_signers
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
        # A new PC: bring the data back from the USB backup instead of starting empty.
        self.btn_restore = buttons.addButton("Khôi phục từ bản sao lưu…",
                                             QDialogButtonBox.ResetRole)
        self.btn_restore.clicked.connect(self.restore_from_backup)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, org_box, signer_box, self.error, buttons):
            layout.addWidget(w)

    def restore_from_backup(self) -> None:
        from ui import dialogs
        from ui.screens.backup_parts import restore_flow

        path = dialogs.open_file(self, "Chọn bản sao lưu",
                                 "Bản sao lưu (*.sqlite *.db *.zip);;Mọi tệp (*)")
        if path:
            restore_flow(self, self.db, Path(path), on_done=self._restored)

    def _restored(self) -> None:
        if get_org(self.db) is not None:
            QDialog.accept(self)  # the backup holds the ward's details: straight to work
        else:
            self.error.setText("Đã khôi phục dữ liệu. Hãy nhập thông tin đơn vị để tiếp tục.")

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
