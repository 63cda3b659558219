"""First run: ask for the organisation and the signers before anything else."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
)

from app.errors import ValidationError
from app.services.system.organization import get_org, save_org, save_signers
from ui.screens.org_form import OrgForm, SignerRow

DEPUTY = "Phó Chủ tịch"


class FirstRunDialog(QDialog):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Thiết lập ban đầu")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 100)
        intro = QLabel(
            "<b>Chào mừng!</b> Trước khi bắt đầu, hãy nhập thông tin đơn vị. Các thông tin này "
            "được in trên quyết định, giấy khen và báo cáo; có thể sửa lại trong "
            "<i>Cài đặt đơn vị</i>.", self)
        intro.setWordWrap(True)
        self.org = OrgForm(self)
        org_box = QGroupBox("Đơn vị", self)
        QVBoxLayout(org_box).addWidget(self.org)
        signer_box = QGroupBox("Người ký quyết định, giấy khen", self)
        signers = QVBoxLayout(signer_box)
        header = QHBoxLayout()
        for label, stretch in (("Họ và tên", 3), ("Chức vụ", 2), ("Cách ký", 2)):
            header.addWidget(QLabel(f"<b>{label}</b>", signer_box), stretch)
        signers.addLayout(header)
        # The Chủ tịch signs directly; a Phó Chủ tịch signs "KT. CHỦ TỊCH" when assigned.
        self.chair = SignerRow(signer_box, "chair", compact=True)
        self.chair.title.setText("Chủ tịch")
        self.deputy = SignerRow(signer_box, "deputy", compact=True)
        self.deputy.title.setText(DEPUTY)
        self.deputy.name.setPlaceholderText("Ví dụ: Trần Thị Mai")
        self.deputy.mode.setCurrentIndex(max(self.deputy.mode.findData("KT."), 0))
        hint = QLabel("Phó Chủ tịch ký thay (KT.) khi được giao; có thể để trống họ tên và nhập "
                      "sau trong <i>Cài đặt đơn vị</i>.", signer_box)
        hint.setWordWrap(True)
        for w in (self.chair, self.deputy, hint):
            signers.addWidget(w)
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

    def _deputy(self) -> list:
        """The deputy when named (the title filled in ahead is no signer by itself)."""
        d = self.deputy
        if not d.name.text().strip() and d.title.text().strip() in ("", DEPUTY):
            return []
        if not d.name.text().strip():
            raise ValidationError("Phó Chủ tịch: hãy nhập họ tên (hoặc để trống cả dòng).",
                                  "deputy_name")
        return [d.value()]

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
            if signer is None or not signer.full_name.strip():
                raise ValidationError("Chưa nhập họ tên Chủ tịch, người ký quyết định.",
                                      "chair_name")
            org = self.org.value()
            signers = [signer] + self._deputy()  # checked before anything is saved
            save_org(self.db, org)
            save_signers(self.db, signers)
        except ValidationError as exc:
            self.error.setText(str(exc))
            target = self.org.edits.get(exc.field or "") or {
                "chair_name": self.chair.name, "signers": self.chair.name,
                "deputy_name": self.deputy.name}.get(exc.field or "")
            if target is not None:
                target.setFocus()
            return
        super().accept()
