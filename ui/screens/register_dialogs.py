"""Dialogs of the register: a subject's whole history, revoking and correcting an entry (both
become new linked draft decisions; the entry itself is never edited)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from app import text
from app.errors import DomainError
from app.services.awards.award_ui_support import RecordInfo
from app.services.awards.register import subject_history
from app.services.rounds import decision_issue
from ui import dialogs
from ui.screens.batch_rows import BAD, RowsModel, rows_view
from ui.widgets.form import DateEdit, FormDialog
from ui.widgets.sizing import resize_within_screen


class HistoryDialog(QDialog):
    """Quá trình khen thưởng of one subject, every entry (revoked ones marked)."""

    def __init__(self, db, subject_id: int, name: str, parent=None):
        super().__init__(parent)
        self.db, self.subject_id = db, subject_id
        rows = subject_history(db, subject_id)
        self.setWindowTitle(f"Quá trình khen thưởng — {name}")
        self.model = RowsModel([
            ("Năm", lambda r: r.year), ("Danh hiệu / hình thức", lambda r: r.award_name),
            ("Cấp", lambda r: r.level), ("Quyết định", lambda r: r.decision),
            ("Số vào sổ", lambda r: r.certificate_no),
            ("Tiền thưởng", lambda r: text.format_money(r.money) if r.money else ""),
            ("Tình trạng", lambda r: r.status), ("Nguồn, ghi chú", lambda r: r.source),
        ], colour=lambda r: BAD if r.status == "Đã thu hồi" else None, parent=self)
        self.model.set_items(rows)
        self.table = rows_view(self.model, self, widths=(6, 30, 9, 34, 10, 10))
        # Revoked and superseded (đính chính) entries stay listed but no longer count.
        standing = sum(1 for r in rows if not r.status)
        summary = QLabel(f"<h3>{name}</h3><p>{len(rows)} lần được ghi sổ, {standing} còn hiệu "
                         "lực.</p>", self)
        cert = QPushButton("Giấy xác nhận quá trình khen thưởng (PDF)…", self)
        cert.clicked.connect(self.certificate)
        close = QPushButton("Đóng", self)
        close.clicked.connect(self.accept)
        bar = QHBoxLayout()
        bar.addWidget(cert)
        bar.addStretch(1)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        h = self.fontMetrics().height()
        resize_within_screen(self, h * 60, h * 24)

    def certificate(self) -> None:
        from app.reports.history import build_history

        path = dialogs.save_file(self, "Lưu giấy xác nhận", "Xác nhận quá trình khen thưởng.pdf",
                                 "Tệp PDF (*.pdf);;Tệp Word (*.docx)")
        if not path:
            return
        try:
            build_history(self.db, self.subject_id, path)
        except (DomainError, OSError) as exc:
            dialogs.warn(self, "Không lập được", str(exc))
            return
        dialogs.info(self, "Đã lưu", f"Đã lưu “{path}”.")


def _entry_label(r: RecordInfo) -> QLabel:
    label = QLabel(f"<b>{r.certificate_no}</b> — {r.printed_name}: {r.award_name} năm {r.year}"
                   f"<br>{r.decision}")
    label.setWordWrap(True)
    return label


SHOWN = 8  # entries listed by name in the revoke dialog; the rest are counted


def _entries_label(records: list[RecordInfo]) -> QLabel:
    lines = [f"<b>{r.certificate_no}</b> — {r.printed_name}: {r.award_name} năm {r.year} "
             f"({r.decision})" for r in records[:SHOWN]]
    if len(records) > SHOWN:
        lines.append(f"… và {len(records) - SHOWN} mục khác")
    label = QLabel("<br>".join(lines))
    label.setWordWrap(True)
    return label


class RevokeDialog(FormDialog):
    """Revoke one or several register entries in one draft Quyết định thu hồi."""

    def __init__(self, db, records: list[RecordInfo], parent=None,
                 skipped: list[RecordInfo] = ()):
        super().__init__("Thu hồi khen thưởng", parent)
        self.db, self.records = db, list(records)
        many = len(self.records) > 1
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 125)  # one entry a line
        self.form.addRow(f"Các mục trong sổ ({len(self.records)})" if many else "Mục trong sổ",
                         _entries_label(self.records))
        money = sum(r.money for r in self.records)
        if money:
            self.form.addRow("Tiền thưởng phải thu hồi",
                             QLabel(f"{text.format_money(money)} đồng"))
        if skipped:
            gone = QLabel("Bỏ qua vì đã thu hồi trước đó: "
                          + ", ".join(r.certificate_no for r in skipped) + ".")
            gone.setWordWrap(True)
            self.form.addRow("", gone)
        self.add_row("reason", "Lý do thu hồi (*)", QLineEdit())
        self.add_row("signed_on", "Ngày ký quyết định thu hồi", DateEdit())
        note = QLabel("Lập một dự thảo Quyết định thu hồi (Luật Thi đua, khen thưởng 2022) cho "
                      + ("tất cả các mục trên" if many else "mục này")
                      + ". Mục trong sổ chỉ được đánh dấu thu hồi khi quyết định đó được ban "
                      "hành.")
        note.setWordWrap(True)
        self.form.addRow("", note)

    def save(self) -> int:
        return decision_issue.draft_revocation(self.db, [r.id for r in self.records],
                                               self.fields["reason"].text(),
                                               self.fields["signed_on"].value())


class CorrectDialog(FormDialog):
    def __init__(self, db, record: RecordInfo, parent=None):
        super().__init__("Đính chính khen thưởng", parent)
        self.db, self.record = db, record
        self.form.addRow("Mục trong sổ", _entry_label(record))
        self.add_row("salutation", "Danh xưng", QLineEdit(record.salutation or ""))
        self.add_row("printed_name", "Tên đúng (*)", QLineEdit(record.printed_name))
        self.add_row("position_line", "Chức vụ, đơn vị đúng", QLineEdit(record.position_line or ""))
        self.add_row("citation", "Nội dung khen", QLineEdit(record.citation or ""))
        self.add_row("reason", "Lý do đính chính (*)", QLineEdit())
        self.add_row("signed_on", "Ngày ký quyết định đính chính", DateEdit())

    def save(self) -> int:
        f = self.fields
        return decision_issue.draft_correction(
            self.db, self.record.id, f["reason"].text(), f["printed_name"].text(),
            f["salutation"].text(), f["position_line"].text(), f["citation"].text(),
            f["signed_on"].value())
