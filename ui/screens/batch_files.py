"""Documents attached to a batch or one candidate (scanned tờ trình, báo cáo thành tích…),
kept inside the database file so every backup carries them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app import text
from app.errors import DomainError
from app.services.rounds import batch_files
from ui import dialogs
from ui.screens.batch_rows import RowsModel, rows_view, selected_items
from ui.widgets.form import DateEdit, FormDialog, combo
from ui.widgets.sizing import resize_within_screen

FILE_FILTER = "Tài liệu (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx);;Mọi tệp (*)"


class AttachDialog(FormDialog):
    """Which file, what it is (kind, number, date, signer)."""

    def __init__(self, db, path: str, batch_id: int, candidate_id: int | None, parent=None):
        super().__init__("Đính kèm tài liệu", parent)
        self.db, self.path, self.batch_id, self.candidate_id = db, path, batch_id, candidate_id
        self.form.addRow("Tệp", QLabel(Path(path).name))
        self.add_row("kind", "Loại tài liệu", combo(list(batch_files.KINDS.items()), empty=None))
        self.add_row("doc_number", "Số văn bản", QLineEdit())
        self.add_row("doc_date", "Ngày văn bản", DateEdit())
        self.add_row("signer", "Người ký", QLineEdit())
        self.add_row("note", "Ghi chú", QLineEdit())

    def save(self) -> int:
        f = self.fields
        return batch_files.attach_file(
            self.db, self.path, f["kind"].currentData(), self.batch_id, self.candidate_id,
            f["doc_number"].text(), f["doc_date"].value(), f["signer"].text(), f["note"].text())


class AttachmentsDialog(QDialog):
    def __init__(self, db, batch_id: int, candidate_id: int | None = None, title: str = "",
                 parent=None):
        super().__init__(parent)
        self.db, self.batch_id, self.candidate_id = db, batch_id, candidate_id
        self.setWindowTitle(f"Tài liệu đính kèm — {title}")
        self.model = RowsModel([
            ("Loại", lambda a: a.kind_label), ("Tệp", lambda a: a.filename),
            ("Số, ngày", lambda a: " ".join(x for x in (
                a.doc_number or "", text.format_date_vn(a.doc_date) if a.doc_date else "") if x)),
            ("Người ký", lambda a: a.signer),
            ("Dung lượng", lambda a: f"{max(a.size // 1024, 1)} KB", "right"),
            ("Ghi chú", lambda a: a.note)], parent=self)
        self.table = rows_view(self.model, self, widths=(16, 30, 18, 16, 10))
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        bar = QHBoxLayout()
        for label, slot, name in (("Thêm tệp…", self.add, "attach_add"),
                                  ("Mở", self.open_selected, "attach_open"),
                                  ("Lưu ra tệp…", self.save_as, "attach_save"),
                                  ("Xóa", self.delete, "attach_delete")):
            b = QPushButton(label, self)
            b.setObjectName(name)
            b.clicked.connect(slot)
            bar.addWidget(b)
        bar.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.Close, self)
        close.button(QDialogButtonBox.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Tài liệu được lưu ngay trong cơ sở dữ liệu, nên bản sao lưu "
                                "luôn có đủ hồ sơ.", self))
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        h = self.fontMetrics().height()
        resize_within_screen(self, h * 55, h * 22)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(batch_files.list_attachments(self.db, self.batch_id,
                                                         self.candidate_id))

    def _current(self):
        items = selected_items(self.table)
        if not items:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một tài liệu.")
        return items[0] if items else None

    def add(self) -> None:
        path = dialogs.open_file(self, "Chọn tài liệu cần đính kèm", FILE_FILTER)
        if path and AttachDialog(self.db, path, self.batch_id, self.candidate_id, self).exec():
            self.reload()

    def _write(self, a, target: Path) -> Path | None:
        try:
            return batch_files.save_attachment_as(self.db, a.id, target)
        except (DomainError, OSError) as exc:
            dialogs.warn(self, "Không lấy ra được tài liệu", str(exc))
            return None

    def open_selected(self) -> None:
        import tempfile

        a = self._current()
        if a is None:
            return
        target = self._write(a, Path(tempfile.mkdtemp(prefix="tdkt-tep-")) / a.filename)
        if target:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def save_as(self) -> None:
        a = self._current()
        if a is None:
            return
        path = dialogs.save_file(self, "Lưu tài liệu ra tệp", a.filename)
        if path and self._write(a, Path(path)):
            dialogs.info(self, "Đã lưu", f"Đã lưu “{path}”.")

    def delete(self) -> None:
        a = self._current()
        if a is None or not dialogs.confirm(self, "Xóa tài liệu", f"Xóa “{a.filename}”?"):
            return
        try:
            batch_files.delete_attachment(self.db, a.id)
        except DomainError as exc:
            dialogs.warn(self, "Không xóa được", str(exc))
        self.reload()
