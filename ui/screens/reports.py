"""Báo cáo: the annual or period summary report (narrative per section, kept in the database;
figures computed), statistical forms, public lists and awards-history certificates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.reports import sections as sec
from app.reports.figures import collect
from app.reports.summary import (
    BLANK_DATE,
    build_summaries,
    build_summary,
    figure_preview,
    issuer,
    template_values,
)
from ui import dialogs, workers
from ui.screens.reports_tools import ToolsTab
from ui.widgets.flow import FlowLayout

SOURCE_NOTES = {
    "saved": "Đoạn văn đã lưu cho báo cáo này.",
    "reused": "Dùng lại đoạn văn của báo cáo trước — hãy cập nhật cho năm nay.",
    "default": "Bản nháp mẫu — hãy sửa cho đúng thực tế của đơn vị.",
}
FILTERS = {"docx": "Tài liệu Word (*.docx)", "pdf": "Tệp PDF (*.pdf)", "xlsx": "Bảng tính Excel (*.xlsx)"}


def open_path(path: str | Path) -> None:
    """Open a produced file with the program Windows associates with it."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def run_build(page: QWidget, title: str, fn, *args, **kwargs) -> None:
    """Build a file in the background; offer to open it; report errors in Vietnamese."""

    def job(*a, progress=None, cancelled=None, **kw):
        progress(0, 0, title)
        return fn(*a, **kw)

    def done(result):
        if isinstance(result, list):  # several files: offer to open their folder
            page.last_output = Path(result[0])
            files = "\n".join(str(p) for p in result)
            if dialogs.confirm(page, "Đã lập xong", f"Đã ghi các tệp:\n{files}\n\nMở thư mục?",
                               default_yes=True):
                open_path(Path(result[0]).parent)
            return
        page.last_output = Path(result)
        if dialogs.confirm(page, "Đã lập xong", f"Đã ghi tệp:\n{result}\n\nMở tệp ngay?",
                           default_yes=True):
            open_path(result)

    def failed(exc):
        message = str(exc) if isinstance(exc, DomainError) else f"Lỗi: {exc}"
        dialogs.error(page, "Không lập được tệp", message)

    workers.run_with_progress(page, title, job, *args, on_success=done, on_failure=failed,
                              **kwargs)


class ReportsPage(QWidget):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.last_output: Path | None = None
        self._texts: dict[str, str] = {}
        self._sections: list[sec.SectionText] = []
        self._dirty: set[str] = set()
        self._current: str | None = None
        self._spec_loaded: sec.ReportSpec | None = None
        self._job = None
        self._job_spec: sec.ReportSpec | None = None
        self._pending = False
        # Year boxes change value by value; reload once the user pauses.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self.reload)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>Báo cáo</h2>", self))
        self.tabs = QTabWidget(self)
        summary = QWidget(self.tabs)
        self._build_summary_tab(summary)
        self.tabs.addTab(summary, "Báo cáo sơ kết, tổng kết")
        self.tools = ToolsTab(db, self, run_build)
        self.tabs.addTab(self.tools, "Biểu thống kê, công khai, xác nhận")
        layout.addWidget(self.tabs)
        self.reload()

    # ------------------------------------------------------------------ layout
    def _build_summary_tab(self, tab: QWidget) -> None:
        v = QVBoxLayout(tab)
        row = FlowLayout()  # wraps at 125 % instead of widening the window
        self.kind = QComboBox(tab)
        self.kind.setObjectName("report_kind")
        self.kind.addItems(["Báo cáo năm", "Báo cáo giai đoạn"])
        year = date.today().year
        self.year_from, self.year_to = QSpinBox(tab), QSpinBox(tab)
        for box, name in ((self.year_from, "year_from"), (self.year_to, "year_to")):
            box.setRange(2000, 2100)
            box.setObjectName(name)
        self.year_from.setValue(year)
        self.year_to.setValue(year)
        self.report_date = QDateEdit(QDate.currentDate(), tab)
        self.report_date.setDisplayFormat("dd/MM/yyyy")
        self.report_date.setCalendarPopup(True)
        self.blank_date = QCheckBox("để trống (ghi tay khi ký)", tab)
        self.blank_date.setObjectName("blank_date")
        self.blank_date.toggled.connect(lambda on: self.report_date.setEnabled(not on))
        self.btn_reload = QPushButton("Xem lại số liệu", tab)
        for w in (QLabel("Loại:", tab), self.kind, QLabel("Từ năm:", tab), self.year_from,
                  QLabel("đến năm:", tab), self.year_to, QLabel("Ngày báo cáo:", tab),
                  self.report_date, self.blank_date, self.btn_reload):
            row.addWidget(w)
        row.addStretch(1)
        v.addLayout(row)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year_from.valueChanged.connect(self._years_changed)
        self.year_to.valueChanged.connect(self._years_changed)
        self.btn_reload.clicked.connect(self.reload)
        self._kind_changed()

        split = QSplitter(tab)
        self.section_list = QListWidget(split)
        self.section_list.setObjectName("sections")
        self.section_list.currentRowChanged.connect(self._section_changed)
        right = QWidget(split)
        rv = QVBoxLayout(right)
        self.prompt = QLabel(right)
        self.prompt.setWordWrap(True)
        self.source = QLabel(right)
        self.source.setWordWrap(True)
        self.editor = QPlainTextEdit(right)
        self.editor.setObjectName("narrative")
        self.editor.textChanged.connect(self._edited)
        self.btn_default = QPushButton("Khôi phục bản nháp mẫu", right)
        self.btn_default.clicked.connect(self.restore_default)
        for w in (self.prompt, self.source, self.editor):
            rv.addWidget(w)
        rv.addWidget(self.btn_default)
        figures_box = QGroupBox("Số liệu tự tính từ sổ khen thưởng (chèn vào báo cáo)", right)
        self.figures = QPlainTextEdit(figures_box)
        self.figures.setObjectName("figures")
        self.figures.setReadOnly(True)
        QVBoxLayout(figures_box).addWidget(self.figures)
        rv.addWidget(figures_box)
        split.setStretchFactor(1, 1)
        v.addWidget(split, 1)

        buttons = FlowLayout()  # wraps at 125 % instead of widening the window
        self.btn_save = QPushButton("Lưu các đoạn văn", tab)
        self.btn_save.setObjectName("save_narratives")
        self.btn_save.clicked.connect(self.save)
        buttons.addWidget(self.btn_save)
        buttons.addStretch(1)
        self._export_buttons = []
        for fmt, label in (("docx", "Xuất Word (DOCX)…"), ("pdf", "Xuất PDF…"),
                           ("xlsx", "Xuất số liệu Excel…")):
            b = QPushButton(label, tab)
            b.setObjectName(f"export_{fmt}")
            b.clicked.connect(lambda _=False, f=fmt: self.export(f))
            buttons.addWidget(b)
            self._export_buttons.append(b)
        b = QPushButton("Xuất cả ba vào một thư mục…", tab)
        b.setObjectName("export_all")
        b.setToolTip("Word để sửa, PDF để gửi, Excel số liệu — tính số liệu một lần")
        b.clicked.connect(self.export_all)
        buttons.addWidget(b)
        self._export_buttons.append(b)
        v.addLayout(buttons)

    # ------------------------------------------------------------------ state
    def spec(self) -> sec.ReportSpec:
        if self.kind.currentIndex() == 0:
            return sec.ReportSpec(self.year_to.value(), self.year_to.value())
        lo, hi = sorted((self.year_from.value(), self.year_to.value()))
        return sec.ReportSpec(lo, hi)

    def _kind_changed(self) -> None:
        annual = self.kind.currentIndex() == 0
        self.year_from.setEnabled(not annual)
        if not annual and self.year_from.value() == self.year_to.value():
            self.year_from.setValue(self.year_to.value() - 4)  # the usual five-year period
        self._reload_timer.start()

    def _years_changed(self) -> None:
        self._reload_timer.start()

    def on_show(self) -> None:
        self.reload()

    def reload(self, background: bool = True) -> None:
        """Keep unsaved text, then load the sections and figures of the chosen report.

        The figures are computed off the GUI thread (a large register takes a moment); the
        editor waits for them because the default drafts quote them."""
        self._reload_timer.stop()
        if self._dirty and self._spec_loaded is not None:
            self._save_quietly()
        spec = self.spec()
        if not background:
            self._loaded(spec, collect(self.db, spec.year_from, spec.year_to))
            return
        if self._job is not None:
            # reload again when the running one ends, unless it is computing these very years
            self._pending = self._pending or self._job_spec != spec
            return
        self._job_spec = spec
        self._set_busy(True)
        self._job = workers.run_in_background(
            self, lambda progress=None, cancelled=None: collect(
                self.db, spec.year_from, spec.year_to),
            on_success=lambda f: self._loaded(spec, f),
            on_failure=lambda exc: dialogs.error(self, "Không tính được số liệu", str(exc)),
            on_done=self._job_done)

    def _job_done(self) -> None:
        self._job = None
        self._set_busy(False)
        if self._pending:
            self._pending = False
            self.reload()

    def _set_busy(self, busy: bool) -> None:
        for w in (self.editor, self.section_list, self.btn_save, *self._export_buttons):
            w.setEnabled(not busy)
        if busy:
            self.figures.setPlainText("Đang tính số liệu từ sổ khen thưởng…")

    def _loaded(self, spec: sec.ReportSpec, f) -> None:
        if self._dirty and self._spec_loaded is not None:
            self._save_quietly()  # typed while the figures were computed
        keep = self._current or (self._sections[0].key if self._sections else None)
        self._sections = sec.load_sections(self.db, spec, template_values(issuer(self.db), f))
        self._texts = {s.key: s.text for s in self._sections}
        self._dirty.clear()
        self._current = None
        self.section_list.blockSignals(True)
        self.section_list.clear()
        for s in self._sections:
            self.section_list.addItem(s.label)
            self.section_list.item(self.section_list.count() - 1).setToolTip(
                SOURCE_NOTES.get(s.source, ""))
        self.section_list.blockSignals(False)
        self.figures.setPlainText("\n".join(figure_preview(f, self.db)))
        self._spec_loaded = spec
        keys = [s.key for s in self._sections]
        self.section_list.setCurrentRow(keys.index(keep) if keep in keys else 0)
        self._section_changed(self.section_list.currentRow())

    def _section_changed(self, row: int) -> None:
        if row < 0 or row >= len(self._sections):
            return
        s = self._sections[row]
        self._current = None  # no "edited" signal while filling the editor
        self.editor.setPlainText(self._texts.get(s.key, ""))
        self._current = s.key
        self.prompt.setText(f"<i>{s.prompt}</i>")
        self.source.setText(SOURCE_NOTES["saved"] if s.key in self._saved_keys()
                            else SOURCE_NOTES.get(s.source, ""))

    def _saved_keys(self) -> set[str]:
        return {s.key for s in self._sections if s.source == "saved"} - self._dirty

    def _edited(self) -> None:
        if self._current is not None:
            self._texts[self._current] = self.editor.toPlainText()
            self._dirty.add(self._current)
            self.source.setText("Đã sửa, chưa lưu.")

    def restore_default(self) -> None:
        row = self.section_list.currentRow()
        if row < 0:
            return
        spec = self.spec()
        node = next(n for n in sec.narrative_nodes(spec)
                    if n["narrative"] == self._sections[row].key)
        values = template_values(issuer(self.db), collect(self.db, spec.year_from, spec.year_to))
        self.editor.setPlainText(sec.default_text(node, spec, values))

    def _save_quietly(self) -> None:
        texts = {k: self._texts[k] for k in self._dirty}
        sec.save_sections(self.db, self._spec_loaded, texts)
        self._dirty.clear()

    def save(self) -> bool:
        """Save every section's text (all of them, so the report is reused next time)."""
        if self._reload_timer.isActive() or self._spec_loaded != self.spec():
            self.reload(background=False)  # the years changed: load those years' sections
        try:
            sec.save_sections(self.db, self._spec_loaded, dict(self._texts))
        except DomainError as exc:
            dialogs.error(self, "Không lưu được", str(exc))
            return False
        self._dirty.clear()
        self._sections = [sec.SectionText(s.key, s.label, s.prompt, self._texts[s.key], "saved")
                          for s in self._sections]
        self.source.setText(SOURCE_NOTES["saved"])
        return True

    def _report_date(self):
        return BLANK_DATE if self.blank_date.isChecked() else self.report_date.date().toPython()

    def export_all(self) -> None:
        if not self.save():
            return
        folder = dialogs.choose_directory(self, "Chọn thư mục lưu báo cáo")
        if not folder:
            return
        spec = self.spec()
        run_build(self, "Đang lập báo cáo (Word, PDF, Excel)…", build_summaries, self.db,
                  spec.year_from, spec.year_to, folder, report_date=self._report_date())

    def export(self, fmt: str) -> None:
        if not self.save():
            return
        spec = self.spec()
        years = str(spec.year_to) if spec.kind == "annual" else f"{spec.year_from}-{spec.year_to}"
        name = ("Số liệu thi đua khen thưởng" if fmt == "xlsx" else "Báo cáo tổng kết") + f" {years}"
        path = dialogs.save_file(self, "Lưu báo cáo", f"{name}.{fmt}", FILTERS[fmt])
        if not path:
            return
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        run_build(self, "Đang lập báo cáo…", build_summary, self.db, spec.year_from, spec.year_to,
                  fmt, path, report_date=self._report_date())
