"""Nhập danh sách từ Excel: choose the kind and the file, see every row with its problems and
likely duplicates (choose cập nhật / bỏ qua), the cells read from TCVN3 / VNI (keep or
convert each), the rows repeated in the file (keep the first or both) and the columns not
used; then import all rows in one transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.excel.kinds import KINDS
from app.services.emulation import registrations
from ui import dialogs, workers
from ui.screens.import_details import ImportDetails
from ui.screens.import_history import RESIZE_ROWS
from ui.screens.import_preview import PreviewModel


class ImportPage(QWidget):
    def __init__(self, db, parent=None):
        super().__init__(parent)
        self.db = db
        self.preview = None
        self.model = PreviewModel(self)
        self._build()
        self._kind_changed()

    def _build(self) -> None:
        self.summary = QLabel("Chọn loại danh sách và tệp Excel. Chưa có gì được ghi cho đến khi "
                              "bấm “Nhập”.", self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Fit columns on the first rows only: 10,000 rows took seconds on the GUI thread.
        self.table.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        self.details = ImportDetails(self, self._cells_changed, self._pairs_changed, self.recheck,
                                     on_history=self.history_choice)
        self.problems = self.details.problems
        split = QSplitter(Qt.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Nhập danh sách từ Excel</h2>", self))
        layout.addLayout(self._top_bar())
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(self._bottom_bar())
        self._show(None)

    def _top_bar(self) -> QHBoxLayout:
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for spec in KINDS.values():
            self.kind.addItem(spec.label, spec.key)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.batch = QComboBox(self)
        self.batch.setObjectName("batch")
        # For lists that carry the year / title only in their heading (or nowhere).
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(1999, 2100)
        self.year.setSpecialValueText("Năm: theo tệp")
        self.year.setValue(1999)
        self.award = QComboBox(self)
        self.award.setObjectName("award")
        self.award.addItem("Danh hiệu: theo tệp", None)
        for _kid, name in registrations.award_choices(self.db):
            self.award.addItem(name, name)
        for box in (self.batch, self.award):
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(18)
        self.btn_template = self._button("Tải tệp mẫu…", self.save_template)
        self.btn_open = self._button("Chọn tệp Excel…", self.choose_file)
        self.btn_open.setObjectName("open")
        self.btn_spellings = self._button("Cách viết danh hiệu…", self.manage_spellings)
        self.btn_spellings.setObjectName("spellings")
        top = QHBoxLayout()
        top.addWidget(QLabel("Loại danh sách", self))
        top.addWidget(self.kind)
        top.addWidget(self.batch, 1)
        top.addWidget(self.year)
        top.addWidget(self.award)
        top.addWidget(self.btn_template)
        top.addWidget(self.btn_open)
        top.addWidget(self.btn_spellings)
        top.addStretch(1)
        return top

    def _bottom_bar(self) -> QHBoxLayout:
        self.btn_update = self._button("Cập nhật dòng trùng đã chọn", lambda: self._act("update"))
        self.btn_skip = self._button("Bỏ qua dòng đã chọn", lambda: self._act("skip"))
        self.btn_import = self._button("Nhập vào cơ sở dữ liệu", self.do_import)
        self.btn_import.setObjectName("import")
        bottom = QHBoxLayout()
        for b in (self.btn_update, self.btn_skip):
            bottom.addWidget(b)
        bottom.addStretch(1)
        bottom.addWidget(self.btn_import)
        return bottom

    def _button(self, text: str, slot) -> QPushButton:
        b = QPushButton(text, self)
        b.clicked.connect(slot)
        return b

    # ------------------------------------------------------------- steps
    def on_show(self) -> None:
        self._kind_changed()

    def _kind_changed(self) -> None:
        is_candidate = self.kind.currentData() == "candidate"
        self.batch.setVisible(is_candidate)
        self.year.setVisible(self.kind.currentData() in ("registration", "area_year"))
        self.award.setVisible(self.kind.currentData() in ("registration", "candidate"))
        self.btn_spellings.setVisible(self.kind.currentData() == "award_history")
        if is_candidate:
            from app.services.rounds import batches

            self.batch.clear()
            for b in batches.list_batches(self.db):
                self.batch.addItem(f"Đợt xét: {b.name}", b.id)
        if self.preview is not None and self.preview.kind != self.kind.currentData():
            self._show(None)
        self._enable()

    def save_template(self) -> None:
        from app.excel.templates import write_template

        kind = self.kind.currentData()
        path = dialogs.save_file(self, "Lưu tệp mẫu", f"Mẫu {KINDS[kind].label.lower()}.xlsx",
                                 "Tệp Excel (*.xlsx)")
        if not path:
            return
        try:
            write_template(kind, path, self.db)
        except OSError as exc:
            dialogs.error(self, "Không ghi được tệp", f"Không ghi được “{path}”: {exc.strerror}.")
            return
        dialogs.info(self, "Đã tạo tệp mẫu", f"Đã lưu tệp mẫu vào “{path}”. Điền danh sách vào "
                                             "trang “Danh sách” rồi chọn tệp để nhập.")

    def choose_file(self) -> None:
        path = dialogs.open_file(self, "Chọn tệp Excel", "Tệp Excel (*.xlsx *.xlsm *.xls)")
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        from app.excel.importer import preview

        year = self.year.value() if self.year.value() > self.year.minimum() else None
        kind = self.kind.currentData()
        context = {"batch_id": self.batch.currentData(), "year": year,
                   "award": self.award.currentData()}
        self.summary.setText(f"Đang đọc “{Path(path).name}”…")

        def job(progress, cancelled):
            return preview(self.db, kind, path, context,
                           progress=lambda done, total: progress(done, total, "Đang kiểm tra…"))

        workers.run_with_progress(self, "Đang đọc tệp Excel", job, on_success=self._show,
                                  on_failure=self._failed)

    def _failed(self, exc: Exception) -> None:
        self.summary.setText("Không đọc được tệp.")
        if isinstance(exc, (DomainError, ValueError, OSError)):
            dialogs.warn(self, "Không đọc được tệp", str(exc))
        else:
            dialogs.error(self, "Lỗi khi đọc tệp", f"Lỗi không mong đợi: {exc}")

    def _show(self, preview) -> None:
        self.preview = preview
        self.model.load(preview)
        self.details.load(preview)
        if preview is not None:
            self._state()
            self.table.resizeColumnsToContents()
        self._enable()

    def _state(self) -> None:
        p = self.preview
        if p.stale:
            state = ("Đã đổi cách đọc một số ô: bấm “Kiểm tra lại với cách đọc mới” trước khi "
                     "nhập.")
        elif p.errors:
            state = "Có lỗi: sửa tệp rồi chọn lại — chưa nhập dòng nào."
        elif not p.rows:
            state = "Không có gì để nhập."
        else:
            state = "Kiểm tra xong, chưa ghi gì. Xem lại rồi bấm “Nhập vào cơ sở dữ liệu”."
        plan = p.plan
        if plan is not None:
            entries = sum(y.entries for y in plan.years)
            state = (f"{len(plan.decisions)} quyết định, {entries} mục sẽ vào sổ, "
                     f"{sum(1 for g in plan.subjects if g.is_new)} hồ sơ mới (xem các thẻ "
                     f"“Theo năm”, “Quyết định”, “Đối tượng”). {state}")
        self.summary.setText(f"“{p.file_name}”: {p.summary()} {state}")

    def _enable(self) -> None:
        p = self.preview
        self.btn_import.setEnabled(p is not None and p.ok)
        for b in (self.btn_update, self.btn_skip):
            b.setEnabled(p is not None)
            # An old register's rows are written or skipped by its decisions, not row by row.
            b.setVisible(self.kind.currentData() != "award_history")
        self.details.refresh()

    def _act(self, action: str) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            dialogs.info(self, "Chưa chọn", "Hãy chọn các dòng trùng trong bảng.")
            return
        done = self.model.set_action(rows, action)
        if not done:
            dialogs.info(self, "Không có dòng trùng", "Các dòng đã chọn không trùng với hồ sơ nào.")
        self._state()

    def _cells_changed(self) -> None:
        self._state()
        self._enable()

    def _pairs_changed(self) -> None:
        if self.preview is not None and self.preview.plan is not None:
            self.history_choice(lambda preview: None)  # the old register re-plans its rows
            return
        self.model.refresh()
        self._state()

    def history_choice(self, fn, needs_db: bool = False) -> None:
        """An answer to the old register's questions: ``fn`` records it, then the plan is
        worked out again in the background (the file is not read again)."""
        from app.excel.history_choices import replan

        preview = self._detach()

        def job(progress, cancelled):
            progress(0, 0, "Đang tính lại…")
            if needs_db:
                fn(preview, self.db)
            else:
                fn(preview)
            replan(preview)
            return preview

        def failed(exc: Exception) -> None:
            self._show(preview)
            if isinstance(exc, DomainError):
                dialogs.warn(self, "Chưa làm được", str(exc))
            else:
                dialogs.error(self, "Lỗi", f"Lỗi không mong đợi: {exc}")

        workers.run_with_progress(self, "Đang tính lại", job, on_success=self._show,
                                  on_failure=failed)

    def manage_spellings(self) -> None:
        """The award spellings table; changed while an old register is previewed, the
        preview reads it again."""
        from app.excel.history_choices import use_spellings
        from ui.screens.award_spellings import AwardSpellingsDialog

        table = AwardSpellingsDialog(self.db, self)
        table.exec()
        if table.changed and self.preview is not None and self.preview.plan is not None:
            self.history_choice(lambda preview, db: use_spellings(db, preview), True)

    def recheck(self) -> None:
        """Read the rows again with the cells' new readings (in the background)."""
        from app.excel.importer import recheck

        preview = self._detach()

        def job(progress, cancelled):
            return recheck(self.db, preview,
                           progress=lambda done, total: progress(done, total, "Đang kiểm tra…"))

        workers.run_with_progress(self, "Đang kiểm tra lại", job, on_success=self._show,
                                  on_failure=self._failed)

    def _detach(self):
        """The models let go of the preview while a background job changes it."""
        preview = self.preview
        self._show(None)
        self.summary.setText(f"Đang kiểm tra lại “{preview.file_name}”…")
        return preview

    def do_import(self) -> None:
        from app.excel.importer import commit

        counts = self.preview.counts()
        question = (f"Thêm mới {counts['create']}, cập nhật {counts['update']}, bỏ qua "
                    f"{counts['skip']} dòng. Nhập ngay?")
        if self.preview.plan is not None:
            question = _history_question(self.preview.plan, counts)
        if not dialogs.confirm(self, "Nhập danh sách", question, default_yes=True):
            return
        preview = self.preview

        def job(progress, cancelled):
            progress(0, 0, "Đang ghi vào cơ sở dữ liệu…")
            return commit(self.db, preview)

        workers.run_with_progress(self, "Đang nhập danh sách", job, on_success=self._imported,
                                  on_failure=self._failed)

    def _imported(self, result) -> None:
        self._show(None)
        self.summary.setText(result.text())
        dialogs.info(self, "Đã nhập danh sách", result.text())


def _history_question(plan, counts) -> str:
    """What importing the old register writes, for the confirmation."""
    decisions = sum(y.decisions for y in plan.years)
    fund = [str(y.year) for y in plan.years if y.post_fund]
    return (f"Ghi {decisions} quyết định “nhập từ sổ cũ” (chỉ xem, không sửa được sau khi "
            f"ghi) và {counts['create']} mục vào sổ khen thưởng; bỏ qua {counts['skip']} dòng. "
            + (f"Ghi chi quỹ thi đua các năm {', '.join(fund)}. " if fund else
               "Không ghi vào quỹ thi đua. ") + "Nhập ngay?")
