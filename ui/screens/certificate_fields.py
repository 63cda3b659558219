"""Vị trí chữ trên phôi: adjust each field of a blank layout, previewed over a scanned blank."""

from __future__ import annotations

import os
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.certificates import CertificateData, blank_models, get_layout, get_template, render_pdf
from app.certificates.registry import TEMPLATES
from app.services.awards import certificates as svc
from app.services.awards.certificate_designs import design_images
from app.services.records.subjects import SUBJECT_TYPE_LABELS
from ui import dialogs
from ui.screens.certificate_print import PdfPreview
from ui.widgets.elided_combo import ElidedComboBox
from ui.widgets.sizing import resize_within_screen

FIELD_LABELS = {
    "issuer_title": "Chức danh người tặng", "verb": "Chữ TẶNG / CÔNG NHẬN",
    "title": "Tên hình thức, danh hiệu", "name": "Họ tên / tên tập thể",
    "position_line": "Chức vụ, đơn vị / địa chỉ", "citation": "Nội dung khen thưởng",
    "place_date": "Địa danh, ngày tháng", "signer_block": "Chức vụ người ký",
    "signer_name": "Họ tên người ký", "decision_line": "Số, ngày quyết định",
    "certificate_no": "Số vào sổ", "reissue_note": "Dòng cấp lại (sau đính chính)",
}
# Column → (attribute, label, type); column 0 is the field's name.
ATTRS = [("x", "X (mm)", float), ("y", "Y (mm)", float), ("width", "Rộng (mm)", float),
         ("lines", "Số dòng", int), ("size", "Cỡ chữ", float), ("printed", "In", bool)]
LIMITS = {"x": (0, 400), "y": (0, 400), "width": (5, 400), "lines": (1, 6), "size": (5, 80)}
KeyRole = Qt.UserRole + 1


def sample_certificate(db, decision_id: int | None, blank: str, subject: str) -> CertificateData:
    """A certificate of the open decision that uses this blank, else a made-up one."""
    if decision_id is not None:
        for c in svc.gather(db, decision_id):
            if get_template(c.template).blank_layout == blank and c.subject_type == subject:
                return c
    template = next(n for n in TEMPLATES if get_template(n).blank_layout == blank)
    return CertificateData(
        template=template, subject_type=subject, name="Nguyễn Thị Phương Anh",
        salutation={"person": "Bà", "household": "Gia đình bà"}.get(subject, ""),
        position_line="Khu dân cư Đông Giàng, phường Thành Đông", year=date.today().year,
        decision_no="15/QĐ-UBND", decision_date=date.today(), certificate_no="2025/0001",
        issuer_title="CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG", place_date="Địa danh, ngày … tháng …",
        sign_mode="KT. CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH", signer_name="Người Ký")


class FieldsDialog(QDialog):
    def __init__(self, db, decision_id: int | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.decision_id = db, decision_id
        self.preview_path: str | None = None
        self.setWindowTitle("Vị trí chữ trên phôi")
        resize_within_screen(self, 1100, 640)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.blank = ElidedComboBox(self)  # long blank names: "…", the window fits at 125 %
        self.blank.setObjectName("blank")
        for name in blank_models():
            self.blank.addItem(get_layout(name).label, name)
        self.subject = QComboBox(self)
        self.subject.setObjectName("subject")
        for key, label in SUBJECT_TYPE_LABELS.items():
            self.subject.addItem(label, key)
        self.subject.addItem("Mọi đối tượng (áp dụng chung)", "*")
        top.addWidget(QLabel("Phôi:", self))
        top.addWidget(self.blank, 2)
        top.addWidget(QLabel("Đối tượng:", self))
        top.addWidget(self.subject, 1)
        layout.addLayout(top)
        split = QSplitter(Qt.Horizontal, self)
        self.table = QTableWidget(0, 1 + len(ATTRS), split)
        self.table.setObjectName("fields")
        self.table.setHorizontalHeaderLabels(["Trường"] + [label for _, label, _ in ATTRS])
        self.table.verticalHeader().setVisible(False)
        self.preview = PdfPreview(split)
        self.preview.setObjectName("fields_preview")
        split.addWidget(self.table)
        split.addWidget(self.preview)
        layout.addWidget(split, 1)
        layout.addLayout(self._buttons())
        self.blank.currentIndexChanged.connect(self.load)
        self.subject.currentIndexChanged.connect(self.load)
        self.table.itemChanged.connect(self.on_edit)
        self.finished.connect(self._cleanup)
        self.load()

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for label, slot in (("Ảnh phôi quét…", self.choose_image), ("Bỏ ảnh phôi", self.clear_image),
                            ("Khôi phục mặc định", self.reset), ("Đóng", self.accept)):
            b = QPushButton(label, self)
            b.clicked.connect(slot)
            row.addWidget(b)
        self.hint = QLabel("Sửa số trong bảng: bản xem trước cập nhật ngay. Ảnh phôi quét chỉ để "
                           "xem, không bao giờ được in.", self)
        self.hint.setWordWrap(True)
        row.insertWidget(3, self.hint, 1)
        return row

    def blank_name(self) -> str:
        return self.blank.currentData()

    def subject_type(self) -> str:
        return self.subject.currentData()

    def _shown_type(self) -> str:
        return "person" if self.subject_type() == "*" else self.subject_type()

    def load(self) -> None:
        overrides = svc.get_overrides(self.db).get(self.blank_name())
        fields = get_layout(self.blank_name()).for_subject(self._shown_type(), overrides)
        self.table.blockSignals(True)
        self.table.setRowCount(len(fields))
        for r, f in enumerate(fields):
            name = QTableWidgetItem(FIELD_LABELS.get(f.key, f.key))
            name.setFlags(Qt.ItemIsEnabled)
            name.setData(KeyRole, f.key)
            self.table.setItem(r, 0, name)
            for c, (attr, _, kind) in enumerate(ATTRS, start=1):
                item = QTableWidgetItem()
                if kind is bool:
                    item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
                    item.setCheckState(Qt.Checked if f.printed else Qt.Unchecked)
                else:
                    item.setText(f"{getattr(f, attr):g}")
                self.table.setItem(r, c, item)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.refresh_preview()

    def on_edit(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            return
        attr, label, kind = ATTRS[item.column() - 1]
        key = self.table.item(item.row(), 0).data(KeyRole)
        if kind is bool:
            value = item.checkState() == Qt.Checked
        else:
            try:
                value = kind(item.text().replace(",", "."))
            except ValueError:
                value = None
            low, high = LIMITS[attr]
            if value is None or not low <= value <= high:
                dialogs.warn(self, "Vị trí chữ trên phôi",
                             f"{label} của “{FIELD_LABELS.get(key, key)}” phải là số từ {low} "
                             f"đến {high}.")
                self.load()
                return
        svc.save_field_override(self.db, self.blank_name(), self.subject_type(), key,
                                {"print" if attr == "printed" else attr: value})
        self.refresh_preview()

    def _sample(self) -> CertificateData:
        return sample_certificate(self.db, self.decision_id, self.blank_name(), self._shown_type())

    def refresh_preview(self) -> None:
        from ui.screens.certificates import temp_pdf

        old, self.preview_path = self.preview_path, temp_pdf("vi-tri")
        # The ward's own design (printed on plain paper) shows behind the text unless a scan
        # of the blank was chosen here.
        underlays = {**design_images(self.db), **svc.get_underlays(self.db)}
        render_pdf([self._sample()], self.preview_path, mode="blank",
                   overrides=svc.get_overrides(self.db), underlays=underlays)
        self.preview.show_file(self.preview_path)
        if old and os.path.exists(old):
            os.remove(old)

    def choose_image(self) -> None:
        path = dialogs.open_file(self, "Chọn ảnh quét của phôi (cả tờ, thẳng, không viền)",
                                 "Ảnh (*.png *.jpg *.jpeg)")
        if path:
            svc.set_underlay(self.db, self.blank_name(), path)
            self.refresh_preview()

    def clear_image(self) -> None:
        svc.set_underlay(self.db, self.blank_name(), None)
        self.refresh_preview()

    def reset(self) -> None:
        if dialogs.confirm(self, "Khôi phục mặc định", "Bỏ mọi chỉnh sửa vị trí chữ của loại "
                           "phôi này, quay về vị trí mặc định?"):
            svc.reset_overrides(self.db, self.blank_name())
            self.load()

    def _cleanup(self, _result: int = 0) -> None:
        if self.preview_path and os.path.exists(self.preview_path):
            os.remove(self.preview_path)
        self.preview.show_file(None)
