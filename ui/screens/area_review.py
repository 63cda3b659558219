"""Khu dân cư (Nghị định 86/2023) in a batch: the officer copies what the area's papers say —
the bình xét meeting and the votes per household, the public comments, the proposal's number —
and prints the area's biên bản bình xét, bảng tổng hợp ý kiến and văn bản đề nghị. Nothing is
filled in for them: a field left empty prints as a dotted line."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError, ValidationError
from app.services.rounds import culture_review as cr
from ui import dialogs
from ui.screens.document_menu import preview
from ui.widgets.form import DateEdit

COMMENT_COLS = ("Người, tổ chức có ý kiến", "Hộ gia đình được nêu", "Nội dung ý kiến",
                "Kết quả xem xét")


def _count(edit: QLineEdit, label: str, field: str) -> int | None:
    raw = edit.text().strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise ValidationError(f"{label} phải là số (đang nhập “{raw}”).", field)
    return int(raw)


class AreaReviewDialog(QDialog):
    def __init__(self, db, batch_id: int, parent=None):
        super().__init__(parent)
        self.db, self.batch_id, self.review = db, batch_id, None
        self.setWindowTitle("Văn bản của khu dân cư (Gia đình văn hóa, khu dân cư văn hóa)")
        self.area_box = QComboBox(self)
        self.area_box.setObjectName("area")
        for choice in cr.area_choices(db, batch_id):
            self.area_box.addItem(choice.label, choice.area_id)
        self.area_box.currentIndexChanged.connect(lambda _i: self.load())
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._meeting_tab(), "1. Họp bình xét")
        self.tabs.addTab(self._comments_tab(), "2. Lấy ý kiến Nhân dân")
        self.tabs.addTab(self._proposal_tab(), "3. Văn bản đề nghị")
        self.error = QLabel(self)
        self.error.setObjectName("form_error")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel("Khu dân cư:", self))
        top.addWidget(self.area_box, 1)
        bar = QHBoxLayout()
        for key, label, doc in (("save", "Lưu", None),
                                ("minutes", "Xem biên bản bình xét", "culture_minutes"),
                                ("comments", "Xem tổng hợp ý kiến", "culture_comments"),
                                ("proposal", "Xem văn bản đề nghị", "culture_proposal")):
            b = QPushButton(label, self)
            b.setObjectName(f"area_{key}")
            b.clicked.connect(lambda _c=False, d=doc: self.save_and_show(d))
            bar.addWidget(b)
        bar.addStretch(1)
        close = QPushButton("Đóng", self)
        close.clicked.connect(self.reject)
        bar.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addLayout(bar)
        h = self.fontMetrics().height()
        self.resize(h * 62, h * 40)
        self.load()

    # ----------------------------------------------------------------- tabs
    def _meeting_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout()
        self.held_at = QDateTimeEdit(page)
        self.held_at.setObjectName("held_at")
        self.held_at.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.held_on = QCheckBox("Đã họp vào lúc", page)
        self.held_on.setObjectName("held_on")
        self.held_on.toggled.connect(self.held_at.setEnabled)
        when = QHBoxLayout()
        when.addWidget(self.held_on)
        when.addWidget(self.held_at)
        when.addStretch(1)
        form.addRow("Thời gian họp", when)
        self.place, self.chair, self.secretary = (QLineEdit(page) for _ in range(3))
        self.participants, self.present, self.total = (QLineEdit(page) for _ in range(3))
        for name, label, w in (("place", "Địa điểm", self.place), ("chair", "Chủ trì", self.chair),
                               ("secretary", "Thư ký", self.secretary),
                               ("participants", "Thành phần", self.participants),
                               ("present", "Số đại biểu dự họp", self.present),
                               ("households_total", "Số hộ trong khu dân cư", self.total)):
            w.setObjectName(name)
            form.addRow(label, w)
        self.votes = QTableWidget(0, 3, page)
        self.votes.setObjectName("votes")
        self.votes.setHorizontalHeaderLabels(("Chủ hộ", "Địa chỉ", "Số đồng ý"))
        self.votes.verticalHeader().setVisible(False)
        self.votes.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(QLabel("Số đại biểu đồng ý với từng hộ (để trống: ghi tay trên biên "
                                "bản):", page))
        layout.addWidget(self.votes, 1)
        return page

    def _comments_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout()
        self.posted_from, self.posted_to = DateEdit(page), DateEdit(page)
        self.posted_at, self.front_head = QLineEdit(page), QLineEdit(page)
        for name, label, w in (("posted_from", "Niêm yết từ ngày", self.posted_from),
                               ("posted_to", "đến ngày", self.posted_to),
                               ("posted_at", "Nơi niêm yết", self.posted_at),
                               ("front_head", "Trưởng ban công tác Mặt trận", self.front_head)):
            w.setObjectName(name)
            form.addRow(label, w)
        self.no_comments = QCheckBox("Không có ý kiến phản ánh, kiến nghị nào", page)
        self.no_comments.setObjectName("no_comments")
        self.comments = QTableWidget(0, len(COMMENT_COLS), page)
        self.comments.setObjectName("comments")
        self.comments.setHorizontalHeaderLabels(COMMENT_COLS)
        self.comments.verticalHeader().setVisible(False)
        self.comments.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.comments.setSelectionBehavior(QAbstractItemView.SelectRows)
        add, remove = QPushButton("Thêm ý kiến", page), QPushButton("Xóa dòng", page)
        add.setObjectName("add_comment")
        add.clicked.connect(lambda: self.comments.insertRow(self.comments.rowCount()))
        remove.clicked.connect(lambda: self.comments.removeRow(self.comments.currentRow()))
        buttons = QHBoxLayout()
        buttons.addWidget(self.no_comments)
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.comments, 1)
        layout.addWidget(QLabel("Không ghi gì và không đánh dấu: bảng in dòng trống để ghi tay.",
                                page))
        return page

    def _proposal_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.number, self.signed_on = QLineEdit(page), DateEdit(page)
        self.number.setObjectName("number")
        self.number.setPlaceholderText("nếu khu dân cư có đánh số văn bản")
        self.signed_on.setObjectName("signed_on")
        form.addRow("Số", self.number)
        form.addRow("Ngày", self.signed_on)
        note = QLabel("Văn bản đề nghị dẫn kết quả họp bình xét và thời gian niêm yết đã ghi ở "
                      "hai thẻ trước; danh sách hộ lấy từ đợt xét.", page)
        note.setWordWrap(True)
        form.addRow(note)
        return page

    # ----------------------------------------------------------------- data
    def area_id(self) -> int | None:
        return self.area_box.currentData()

    def load(self) -> None:
        self.error.clear()
        if self.area_id() is None:
            self.tabs.setEnabled(False)
            self.error.setText("Đợt xét không có hộ gia đình hay khu dân cư nào được đề nghị.")
            return
        r = self.review = cr.review_data(self.db, self.batch_id, self.area_id())
        self.held_on.setChecked(r.held_at is not None)
        self.held_at.setEnabled(r.held_at is not None)
        self.held_at.setDateTime(QDateTime(r.held_at) if r.held_at
                                 else QDateTime.currentDateTime())
        for w, value in ((self.place, r.place), (self.chair, r.chair),
                         (self.secretary, r.secretary), (self.participants, r.participants),
                         (self.present, r.present), (self.total, r.households_total),
                         (self.posted_at, r.posted_at), (self.front_head, r.front_head),
                         (self.number, r.number)):
            w.setText("" if value is None else str(value))
        self.posted_from.set_value(r.posted_from)
        self.posted_to.set_value(r.posted_to)
        self.signed_on.set_value(r.signed_on)
        self.no_comments.setChecked(r.no_comments)
        self.votes.setRowCount(len(r.homes))
        for i, h in enumerate(r.homes):
            for j, value in enumerate((h.head, h.address)):
                item = QTableWidgetItem(value)
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                self.votes.setItem(i, j, item)
            self.votes.setItem(i, 2, QTableWidgetItem("" if h.agree is None else str(h.agree)))
        self.comments.setRowCount(len(r.comments))
        for i, row in enumerate(r.comments):
            for j, value in enumerate(row):
                self.comments.setItem(i, j, QTableWidgetItem(value))

    def _votes(self) -> dict[int, int | None]:
        out = {}
        for i, h in enumerate(self.review.homes):
            raw = (self.votes.item(i, 2).text() if self.votes.item(i, 2) else "").strip()
            if raw and not raw.isdigit():
                raise ValidationError(f"Số đồng ý của hộ {h.head} phải là số (đang nhập "
                                      f"“{raw}”).", "votes")
            out[h.candidate_id] = int(raw) if raw else None
        return out

    def _comment_rows(self) -> list[tuple[str, ...]]:
        return [tuple((self.comments.item(i, j).text() if self.comments.item(i, j) else "")
                      for j in range(len(COMMENT_COLS))) for i in range(self.comments.rowCount())]

    def save(self) -> None:
        aid = self.area_id()
        held = self.held_at.dateTime().toPython() if self.held_on.isChecked() else None
        cr.save_minutes(self.db, self.batch_id, aid, held, self.place.text(), self.chair.text(),
                        self.secretary.text(), self.participants.text(),
                        _count(self.present, "Số đại biểu dự họp", "present"),
                        _count(self.total, "Số hộ trong khu dân cư", "households_total"),
                        self._votes())
        cr.save_comments(self.db, self.batch_id, aid, self.posted_from.value(),
                         self.posted_to.value(), self.posted_at.text(), self.front_head.text(),
                         self.no_comments.isChecked(), self._comment_rows())
        cr.save_proposal(self.db, self.batch_id, aid, self.number.text(),
                         self.signed_on.value())

    def save_and_show(self, doc: str | None) -> bool:
        """Keep what was typed, then preview ``doc`` (a registry key) when given."""
        if self.area_id() is None:
            return False
        try:
            self.save()
        except (ValidationError, ValueError, DomainError) as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        if doc:
            preview(self, doc, self.batch_id, self.area_id(),
                    suffix=self.area_box.currentText().split(" (")[0])
        else:
            dialogs.info(self, "Đã lưu", "Đã lưu các thông tin của khu dân cư.")
        return True
