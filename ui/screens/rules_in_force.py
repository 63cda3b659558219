"""Quy định đang áp dụng (Hệ thống): every rule the app holds — base salary, coefficients, who
decides, criteria and votes, council quorum, the province's settings, căn cứ lines, the ND 152
Điều 4 principles — with its source, its dates, its "xác minh" note and whether the ward
edited it. The province's rule pack is chosen here; a newer pack is checked here too. The
printed căn cứ lines of decisions come from the same rows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import text
from app.errors import DomainError
from app.rules import edit, in_force, packs, store
from ui import dialogs
from ui.screens.batch_rows import WARN, RowsModel, rows_view, selected_items
from ui.widgets.form import DateEdit, FormDialog


class RuleItemDialog(FormDialog):
    """Edit one rule row, or (``copy``) add a row of the same rule from another date."""

    def __init__(self, db, item: edit.RuleEdit, copy: bool = False, parent=None):
        super().__init__("Thêm quy định từ ngày" if copy else "Sửa quy định", parent)
        self.db, self.item, self.copy = db, item, copy
        self.form.addRow("Quy định", QLabel(f"<b>{item.name}</b>", self))
        start = self.add_row("effective_from", "Áp dụng từ ngày", DateEdit())
        end = self.add_row("effective_to", "Hết áp dụng sau ngày", DateEdit())
        start.set_value(None if copy else item.effective_from)
        end.set_value(None if copy else item.effective_to)
        start.setPlaceholderText("ngày/tháng/năm (trống: từ trước)")
        end.setPlaceholderText("ngày/tháng/năm (trống: còn áp dụng)")
        hint = {"coefficient": "Hệ số (ví dụ 0,45)", "threshold": "Tỷ lệ (%)",
                "council": "Tỷ lệ thành viên dự họp (ví dụ 2/3)",
                "dossier": "Thành phần hồ sơ (mỗi dòng một loại)"}.get(item.topic, "Nội dung")
        if item.topic in ("dossier", "can_cu", "deadline", "principle"):
            self.add_row("value", hint, _text_box(item.value, 4))
        else:
            self.add_row("value", hint, QLineEdit(item.value))
        if item.topic == "council":
            self.add_row("strict", "", QCheckBox("Phải TRÊN tỷ lệ này (ví dụ: trên 1/2)")) \
                .setChecked(item.strict)
        self.add_row("legal_basis", "Căn cứ (nguồn)", _text_box(item.legal_basis or "", 3))
        self.add_row("verify_note", "Ghi chú xác minh", _text_box(item.verify_note or "", 2))

    def save(self) -> int:
        f = self.fields
        data = edit.RuleEdit(
            self.item.topic, self.item.qualifier, self.text_of("value"),
            f["effective_from"].value(), f["effective_to"].value(), self.text_of("legal_basis"),
            self.text_of("verify_note"), self.item.award_kind_id,
            f["strict"].isChecked() if "strict" in f else False,
            None if self.copy else self.item.id, self.item.name)
        return edit.save_rule_item(self.db, data)


def _text_box(value: str, lines: int):
    from PySide6.QtWidgets import QPlainTextEdit

    box = QPlainTextEdit(value)
    box.setMaximumHeight(box.fontMetrics().height() * lines + 12)
    return box


class RulesInForcePage(QWidget):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.lines: list[in_force.RuleLine] = []
        self.installed = QLabel(self)
        self.installed.setWordWrap(True)
        check = QPushButton("Kiểm tra quy định mới…", self)
        check.setObjectName("check_update")
        check.clicked.connect(self.check_update)
        self.province = QComboBox(self)
        self.province.setObjectName("province")
        for code, name in packs.provinces().items():
            self.province.addItem(name, code)
        choose = QPushButton("Dùng gói của tỉnh này…", self)
        choose.setObjectName("choose_province")
        choose.clicked.connect(self.choose_province)
        self.day = DateEdit(self)
        self.day.set_value(date.today())
        self.day.editingFinished.connect(self.reload)
        self.only_now = QCheckBox("Chỉ quy định áp dụng ngày này", self)
        self.only_now.setChecked(True)
        self.only_now.toggled.connect(lambda _on: self.reload())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Tìm (không cần dấu)…")
        self.search.textChanged.connect(lambda _t: self._show())
        self.model = RowsModel([
            ("Nhóm", lambda x: x.group), ("Quy định", lambda x: x.name),
            ("Giá trị", lambda x: x.value), ("Thời gian áp dụng", lambda x: x.period),
            ("Nguồn", lambda x: x.source), ("Phường sửa", lambda x: "Đã sửa" if x.edited else ""),
            ("Xác minh", lambda x: "Cần xác minh" if x.verify else ""),
            ("Thuộc", lambda x: x.origin),
        ], colour=lambda x: WARN if x.edited else None, parent=self)
        self.table = rows_view(self.model, self, widths=(18, 34, 30, 22, 34, 11, 12))
        self.table.setObjectName("rules_table")
        self.table.doubleClicked.connect(lambda _i: self.edit_rule())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._details())
        self.details = QTextBrowser(self)
        self.details.setObjectName("rule_details")
        edit_button = QPushButton("Sửa…", self)
        edit_button.clicked.connect(self.edit_rule)
        new_button = QPushButton("Thêm dòng áp dụng từ ngày khác…", self)
        new_button.clicked.connect(self.add_from_date)
        self._layout(check, choose, edit_button, new_button)
        self.reload()

    def _layout(self, check, choose, edit_button, new_button) -> None:
        top = QHBoxLayout()
        top.addWidget(self.installed, 1)
        top.addWidget(check)
        province = QHBoxLayout()
        province.addWidget(QLabel("Gói quy định của tỉnh (Nghị định 152/2025/NĐ-CP Điều 6):",
                                  self))
        province.addWidget(self.province, 1)
        province.addWidget(choose)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("Ngày:", self))
        filters.addWidget(self.day)
        filters.addWidget(self.only_now)
        filters.addWidget(self.search, 1)
        filters.addWidget(edit_button)
        filters.addWidget(new_button)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Quy định đang áp dụng</h2>", self))
        layout.addLayout(top)
        layout.addLayout(province)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def on_show(self) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            day = self.day.value() or date.today()
        except ValueError as exc:
            dialogs.warn(self, "Ngày không hợp lệ", str(exc))
            return
        self.lines = in_force.list_rules(self.db, day if self.only_now.isChecked() else None)
        self.installed.setText(f"<b>Đang dùng:</b> {in_force.installed_label(self.db)}")
        with self.db.read() as s:
            chosen = store.province(s)
        index = self.province.findData(chosen)
        if index >= 0:
            self.province.setCurrentIndex(index)
        self._show()

    def _show(self) -> None:
        words = text.fold(self.search.text()).split()
        shown = [x for x in self.lines if all(
            w in text.fold(f"{x.group} {x.name} {x.value} {x.source}") for w in words)]
        self.model.set_items(shown)
        self._details()

    def _details(self) -> None:
        items = selected_items(self.table)
        if not items:
            self.details.setHtml("<i>Chọn một quy định để xem đầy đủ nguồn và ghi chú.</i>")
            return
        from html import escape as e

        x = items[0]
        parts = [f"<b>{e(x.name)}</b> — {e(x.group)}", f"<b>Giá trị:</b> {e(x.value)}",
                 f"<b>Thời gian áp dụng:</b> {x.period}", f"<b>Nguồn:</b> {e(x.source) or '—'}",
                 f"<b>Thuộc:</b> {e(x.origin)}" + (" — <b>phường đã sửa</b>" if x.edited else "")]
        if x.verify:
            parts.append(f"<b>Xác minh:</b> {e(x.verify)}")
        self.details.setHtml("<br>".join(parts))

    def _selected(self) -> in_force.RuleLine | None:
        items = selected_items(self.table)
        return items[0] if items else None

    def edit_rule(self) -> None:
        line = self._selected()
        if line is None or not line.ref:
            return
        kind, ref_id = line.ref
        if kind == "item":
            dialog = RuleItemDialog(self.db, edit.get_rule_item(self.db, ref_id), parent=self)
        elif kind == "salary":
            from app.services.awards import award_kinds
            from ui.screens.award_kinds import SalaryDialog

            salary = next(x for x in award_kinds.list_base_salaries(self.db) if x.id == ref_id)
            dialog = SalaryDialog(self.db, salary, self)
        else:
            from app.services.awards import award_kinds
            from ui.screens.award_kinds import AwardKindDialog

            dialog = AwardKindDialog(self.db, award_kinds.get_award_kind(self.db, ref_id), self)
        if dialog.exec():
            self.reload()

    def add_from_date(self) -> None:
        line = self._selected()
        if line is None or line.ref[:1] != ("item",):
            dialogs.info(self, "Thêm quy định từ ngày",
                         "Chọn một dòng hệ số, thẩm quyền, căn cứ hoặc quy định của tỉnh để "
                         "thêm giá trị mới áp dụng từ một ngày. Lương cơ sở thêm ở màn hình "
                         "“Danh hiệu và mức thưởng”.")
            return
        dialog = RuleItemDialog(self.db, edit.get_rule_item(self.db, line.ref[1]), copy=True,
                                parent=self)
        if dialog.exec():
            self.reload()

    def check_update(self) -> None:
        from ui.screens.rules_hooks import review_and_apply

        try:
            if not review_and_apply(self.window(), self.db) and not self._pending():
                dialogs.info(self, "Quy định", "Quy định đã là bản mới nhất đi kèm phần mềm: "
                             f"{in_force.installed_label(self.db)}.")
        except DomainError as exc:
            dialogs.warn(self, "Chưa cập nhật được", str(exc))
        self.reload()

    def _pending(self) -> bool:
        from app.rules import apply

        return apply.check_update(self.db) is not None

    def choose_province(self) -> None:
        from ui.screens.rules_hooks import review_and_apply

        code = self.province.currentData()
        try:
            with self.db.read() as s:
                same = store.province(s) == code
            if not review_and_apply(self.window(), self.db, province=code) and same:
                dialogs.info(self, "Gói quy định của tỉnh",
                             f"Phường đang dùng gói “{self.province.currentText()}”.")
        except DomainError as exc:
            dialogs.warn(self, "Chưa đổi được gói của tỉnh", str(exc))
        self.reload()
