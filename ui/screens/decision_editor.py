"""A decision's draft: number (next free one suggested), date, signer, trích yếu, căn cứ,
closing articles, Nơi nhận and the attached list with money, total and amount in words.
An issued decision opens read-only."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.errors import DomainError, ValidationError
from app.services.awards import money
from app.services.rounds import decisions
from app.services.system.organization import SIGN_MODES, list_signers
from ui import dialogs, workers
from ui.screens.batch_rows import RowsModel, rows_view, selected_items
from ui.screens.decision_line import LineDialog
from ui.screens.decision_preview import draft_mark
from ui.widgets.form import DateEdit, combo, set_combo
from ui.widgets.sizing import resize_within_screen


class DecisionEditor(QDialog):
    def __init__(self, db, decision_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.decision_id, self.saved = db, decision_id, False
        self.d = decisions.get_decision(db, decision_id)
        self.read_only = self.d.status != "draft" or self.d.external
        self.setWindowTitle(self.d.label)
        self.f: dict[str, QWidget] = {}
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.lines_model = RowsModel([
            ("Danh hiệu", lambda x: x.award_name), ("Danh xưng", lambda x: x.salutation),
            ("Tên", lambda x: x.printed_name), ("Chức vụ, đơn vị / địa chỉ",
                                                lambda x: x.position_line),
            ("Hệ số", lambda x: "" if x.coefficient is None else
             f"{x.coefficient.normalize():f}".replace(".", ",")),
            ("Số tiền (đồng)", lambda x: text.format_money(x.money), "right"),
        ], parent=self)
        self.lines = rows_view(self.lines_model, self, widths=(22, 8, 24, 34, 6, 12))
        self.lines.doubleClicked.connect(lambda _i: self.edit_line())
        self.total_label = QLabel(self)
        self.total_label.setWordWrap(True)
        # A Gia đình văn hóa decision lists 14,000 lines: they load off the GUI thread.
        self.lines_loader = workers.Loader(self, self.lines_model.set_items)
        self._build()
        self._load()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        form = QFormLayout()
        number = QHBoxLayout()
        self.f["number"] = QLineEdit(self)
        self.f["number"].setMaxLength(6)
        self.f["symbol"] = QLineEdit(self)
        number.addWidget(self.f["number"], 1)
        number.addWidget(QLabel("/", self))
        number.addWidget(self.f["symbol"], 2)
        self.suggest_label = QLabel(self)
        number.addWidget(self.suggest_label, 3)
        form.addRow("Số quyết định", number)
        self.f["signed_on"] = DateEdit(self)
        form.addRow("Ngày ký", self.f["signed_on"])
        self.signers = list_signers(self.db, active_only=True)
        self.f["signer"] = combo([(s.id, f"{s.full_name} — {s.title}") for s in self.signers],
                                 self, empty="— chọn người ký —")
        self.f["signer"].currentIndexChanged.connect(lambda _i: self._signer_chosen())
        form.addRow("Người ký", self.f["signer"])
        signer = QHBoxLayout()
        self.f["signer_name"], self.f["signer_title"] = QLineEdit(self), QLineEdit(self)
        self.f["sign_mode"] = combo(list(SIGN_MODES.items()), self, empty=None)
        for w in (self.f["signer_name"], self.f["signer_title"], self.f["sign_mode"]):
            signer.addWidget(w)
        form.addRow("Họ tên, chức danh, hình thức ký", signer)
        self.f["title"] = QLineEdit(self)
        form.addRow("Trích yếu", self.f["title"])
        texts = QHBoxLayout()
        for key, label in (("bases", "Căn cứ (mỗi dòng một căn cứ)"),
                           ("articles", "Điều khoản thi hành"), ("recipients", "Nơi nhận")):
            box = QVBoxLayout()
            box.addWidget(QLabel(label, self))
            self.f[key] = QPlainTextEdit(self)
            box.addWidget(self.f[key])
            texts.addLayout(box, 2 if key == "bases" else 1)
        for name, w in self.f.items():
            w.setObjectName(name)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(form)
        top_layout.addLayout(texts, 1)
        bottom = QWidget(self)
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        line_bar = QHBoxLayout()
        line_bar.addWidget(QLabel("<b>Danh sách kèm theo</b>", self))
        line_bar.addStretch(1)
        self.edit_line_button = QPushButton("Sửa dòng…", self)
        self.edit_line_button.clicked.connect(self.edit_line)
        self.remove_line_button = QPushButton("Bỏ dòng khỏi dự thảo", self)
        self.remove_line_button.clicked.connect(self.remove_line)
        line_bar.addWidget(self.edit_line_button)
        line_bar.addWidget(self.remove_line_button)
        bl.addLayout(line_bar)
        bl.addWidget(self.lines, 1)
        bl.addWidget(self.total_label)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        self.save_button = QPushButton("Lưu dự thảo", self)
        self.save_button.setObjectName("save_decision")
        self.save_button.clicked.connect(self.save)
        preview = QPushButton("Xem trước / lưu PDF, Word…", self)
        preview.clicked.connect(self.preview)
        close = QPushButton("Đóng", self)
        close.clicked.connect(self.reject)
        bar = QHBoxLayout()
        self.state_label = QLabel(self)
        self.state_label.setWordWrap(True)  # "Đã ban hành — chỉ xem. Cơ quan ban hành: …"
        bar.addWidget(self.state_label, 1)
        for b in (self.save_button, preview, close):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        if not self.read_only:
            layout.addWidget(draft_mark(self, "DỰ THẢO — chưa ban hành: chưa ghi sổ khen thưởng, "
                                              "chưa có hiệu lực"))
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(bar)
        h = self.fontMetrics().height()
        resize_within_screen(self, h * 62, h * 44)

    def _load(self) -> None:
        d, f = self.d, self.f
        f["number"].setText(str(d.number) if d.number else "")
        self._suggested: tuple[int, int] | None = None
        if not d.number and not self.read_only:
            self._suggest(d.signed_on.year if d.signed_on else d.year)
            f["signed_on"].editingFinished.connect(self._date_changed)
        f["symbol"].setText(d.symbol)
        f["signed_on"].set_value(d.signed_on)
        signer = next((s.id for s in self.signers if s.full_name == d.signer_name), None)
        f["signer"].blockSignals(True)  # show who signs without overwriting the saved texts
        set_combo(f["signer"], signer)
        f["signer"].blockSignals(False)
        f["signer_name"].setText(d.signer_name or "")
        f["signer_title"].setText(d.signer_title or "")
        set_combo(f["sign_mode"], d.sign_mode or "")
        f["title"].setText(d.title)
        for key in ("bases", "articles", "recipients"):
            f[key].setPlainText("\n".join(getattr(d, key)))
        self.reload_lines()
        self._total()
        if self.read_only:
            for w in f.values():
                if isinstance(w, (QLineEdit, QPlainTextEdit)):
                    w.setReadOnly(True)  # still selectable and copyable
                else:
                    w.setEnabled(False)
            for b in (self.save_button, self.edit_line_button, self.remove_line_button):
                b.setEnabled(False)
            who = f" Cơ quan ban hành: {self.d.issuer}." if self.d.external else ""
            if self.d.source == "so_cu":
                who += " Nhập từ sổ khen thưởng cũ."
            self.state_label.setText(f"<b>Đã ban hành — chỉ xem.</b>{who} Muốn thay đổi: lập "
                                     "quyết định đính chính hoặc thu hồi từ Sổ khen thưởng.")
        else:
            self.state_label.setText("Dự thảo: sửa tùy ý, rồi “Ban hành” ở danh sách quyết định.")

    def _suggest(self, year: int) -> None:
        nxt = decisions.suggest_number(self.db, year, self.d.symbol)
        self.f["number"].setText(str(nxt))
        self.suggest_label.setText(f"(gợi ý: số tiếp theo của năm {year})")
        self._suggested = (year, nxt)

    def _date_changed(self) -> None:
        """Numbers restart each year: a suggested number follows the signing year."""
        try:
            day = self.f["signed_on"].value()
        except ValueError:
            return
        if (day and self._suggested and day.year != self._suggested[0]
                and self.f["number"].text().strip() == str(self._suggested[1])):
            self._suggest(day.year)

    def _total(self) -> None:
        d = self.d
        if d.total_money:
            self.total_label.setText(
                f"{d.lines} dòng. Mức lương cơ sở "
                f"{text.format_money(d.base_salary)} đồng. Tổng cộng: "
                f"<b>{text.format_money(d.total_money)} đồng</b> "
                f"(Bằng chữ: {money.amount_in_words(d.total_money)}).")
        else:
            self.total_label.setText(f"{d.lines} dòng; không có tiền thưởng.")

    def _signer_chosen(self) -> None:
        sid = self.f["signer"].currentData()
        s = next((x for x in self.signers if x.id == sid), None)
        if s is not None:
            self.f["signer_name"].setText(s.full_name)
            self.f["signer_title"].setText(s.title)
            set_combo(self.f["sign_mode"], s.sign_mode or "")

    # ----------------------------------------------------------------- actions
    def _edit(self) -> decisions.DraftEdit:
        f = self.f
        raw = f["number"].text().strip()
        if raw and not raw.isdigit():
            raise ValidationError("Số quyết định phải là số nguyên dương.", "number")
        lines = {k: tuple(f[k].toPlainText().splitlines()) for k in ("bases", "articles",
                                                                     "recipients")}
        return decisions.DraftEdit(int(raw) if raw else None, f["signed_on"].value(),
                                   f["title"].text(), lines["bases"], lines["articles"],
                                   lines["recipients"], f["signer_name"].text(),
                                   f["signer_title"].text(), f["sign_mode"].currentData(),
                                   f["symbol"].text())

    def _dirty(self) -> bool:
        """The fields differ from what is saved (e.g. the suggested number not saved yet)."""
        try:
            now = _norm(self._edit())
        except (DomainError, ValueError):
            return True
        d = self.d
        return now != _norm(decisions.DraftEdit(
            d.number, d.signed_on, d.title, d.bases, d.articles, d.recipients, d.signer_name,
            d.signer_title, d.sign_mode, d.symbol))

    def reject(self) -> None:
        wants_save = not self.read_only and self._dirty() and dialogs.confirm(
            self, "Lưu dự thảo", "Dự thảo có thay đổi chưa lưu (kể cả số quyết định được gợi "
            "ý). Lưu trước khi đóng?", default_yes=True)
        if wants_save and not self.save():
            return  # the error is shown in the editor: stay open
        super().reject()

    def save(self) -> bool:
        try:
            decisions.update_draft(self.db, self.decision_id, self._edit())
        except (DomainError, ValueError) as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            field = self.f.get(getattr(exc, "field", "") or "")
            if field is not None:
                field.setFocus()
            return False
        self.error_label.hide()
        self.saved = True
        self.d = decisions.get_decision(self.db, self.decision_id)
        self.setWindowTitle(self.d.label)
        self._total()
        self.state_label.setText(
            f"<b>Đã lưu dự thảo lúc {datetime.now():%H:%M}</b> — vẫn là dự thảo, chưa ban hành "
            "(ban hành ở danh sách quyết định).")
        return True

    def preview(self) -> None:
        from ui.screens.decision_actions import preview_decision

        if self.read_only or self.save():
            preview_decision(self, self.db, self.decision_id)

    def edit_line(self) -> None:
        items = selected_items(self.lines)
        if items and not self.read_only and LineDialog(self.db, items[0], self).exec():
            self.reload_lines()
            self.saved = True

    def remove_line(self) -> None:
        items = selected_items(self.lines)
        if not items or self.read_only:
            return
        if not dialogs.confirm(self, "Bỏ dòng", f"Bỏ “{items[0].printed_name}” khỏi dự thảo? "
                               "(Ứng viên được đưa vào quyết định khác sau.)"):
            return
        decisions.remove_line(self.db, items[0].id)
        self.saved = True
        self.d = decisions.get_decision(self.db, self.decision_id)
        self.reload_lines()
        self._total()

    def reload_lines(self) -> None:
        self.lines_loader.request(decisions.decision_lines, self.db, self.decision_id)

    @property
    def busy(self) -> bool:
        """The attached list is still loading."""
        return self.lines_loader.busy


def _norm(e: decisions.DraftEdit) -> tuple:
    def lines(v):
        return tuple(text.nfc(x) for x in v if text.nfc(x))

    return (e.number, e.signed_on, text.nfc(e.title), lines(e.bases), lines(e.articles),
            lines(e.recipients), text.nfc(e.signer_name), text.nfc(e.signer_title),
            e.sign_mode or "", text.nfc(e.symbol))
