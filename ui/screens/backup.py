"""Sao lưu & khôi phục: one-click verified backup to a USB drive, history, restore, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import backup
from app.errors import DomainError
from ui import dialogs, workers
from ui.screens.backup_parts import SettingsBox, backup_password, group, mb, num, restore_flow
from ui.screens.backup_schedule import ScheduleBox

PathRole = Qt.UserRole + 1
FailedRole = Qt.UserRole + 2
HISTORY_COLUMNS = ["Thời gian", "Loại", "Tệp", "Dung lượng", "Kết quả", "Mật khẩu", "Ghi chú"]
NOTE_COLUMN = 6
FAILED_TEXT = "Không sao lưu được"


def made_nothing(info) -> bool:
    """A run that wrote no copy (a scheduled run that failed): no size, no file, a reason."""
    return not info.verified and not info.size


def history_cells(info) -> list[str]:
    """One history row as the officer reads it; a failed run says so and why."""
    when, kind = f"{info.at:%d/%m/%Y %H:%M}", info.kind_label
    if made_nothing(info):
        return [when, kind, str(info.target), "—", FAILED_TEXT, "—", info.message]
    return [when, kind, str(info.target), mb(info.size), "Đạt" if info.verified else "Chưa",
            "Có" if info.encrypted else "Không", ""]


def history_tip(info) -> str:
    if made_nothing(info):
        return f"{FAILED_TEXT} vào {info.target}.\nLý do: {info.message}"
    return f"{info.target}\nSHA-256: {info.sha256}\n{info.message}"



class BackupPage(QScrollArea):
    def __init__(self, db, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.job = None
        self.setWidgetResizable(True)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(QLabel("<h2>Sao lưu &amp; khôi phục</h2>", body))
        self.status = QLabel(body)
        self.status.setObjectName("backup_status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(self._backup_box(body))
        self.schedule_box = ScheduleBox(db, lambda: self.target.currentData(), body)
        layout.addWidget(self.schedule_box)
        layout.addWidget(self._history_box(body), 1)
        self.settings_box = SettingsBox(db, body)
        self.settings_box.saved.connect(self.refresh)
        layout.addWidget(self.settings_box)
        self.setWidget(body)
        self.refresh()

    # ----------------------------------------------------------------- layout
    def _backup_box(self, parent) -> QWidget:
        box, lay = group("Sao lưu ra USB", parent)
        row = QHBoxLayout()
        self.target = QComboBox(box)
        self.target.setObjectName("target")
        self.target.setMinimumContentsLength(40)
        self.btn_drives = QPushButton("Tìm lại USB", box)
        self.btn_drives.clicked.connect(self.refresh_targets)
        self.btn_folder = QPushButton("Chọn thư mục khác…", box)
        self.btn_folder.clicked.connect(self.choose_folder)
        row.addWidget(QLabel("Lưu vào:", box))
        row.addWidget(self.target, 1)
        row.addWidget(self.btn_drives)
        row.addWidget(self.btn_folder)
        lay.addLayout(row)
        self.where = QLabel(box, objectName="backup_where", wordWrap=True)
        self.where.setTextFormat(Qt.PlainText)
        self.target.currentIndexChanged.connect(self.refresh_where)
        lay.addWidget(self.where)
        self.btn_backup = QPushButton("Sao lưu ngay", box)
        self.btn_backup.setObjectName("backup_now")
        font = self.btn_backup.font()
        font.setBold(True)
        self.btn_backup.setFont(font)
        self.btn_backup.clicked.connect(self.backup_now)
        lay.addWidget(self.btn_backup, 0, Qt.AlignLeft)
        return box

    def _history_box(self, parent) -> QWidget:
        box, lay = group("Lịch sử sao lưu và khôi phục", parent)
        self.history = QTableWidget(0, len(HISTORY_COLUMNS), box)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels(HISTORY_COLUMNS)
        self.history.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SingleSelection)
        self.history.verticalHeader().setVisible(False)
        self.history.setTextElideMode(Qt.ElideMiddle)  # a long path keeps its date at the end
        self.history.horizontalHeader().setSectionResizeMode(NOTE_COLUMN, QHeaderView.Stretch)
        self.history.setMinimumHeight(self.fontMetrics().height() * 10)
        lay.addWidget(self.history)
        row = QHBoxLayout()
        self.btn_restore = QPushButton("Khôi phục từ bản đang chọn…", box)
        self.btn_restore.setObjectName("restore_selected")
        self.btn_restore.clicked.connect(self.restore_selected)
        self.btn_restore_file = QPushButton("Khôi phục từ tệp…", box)
        self.btn_restore_file.setObjectName("restore_file")
        self.btn_restore_file.clicked.connect(self.restore_file)
        row.addWidget(self.btn_restore)
        row.addWidget(self.btn_restore_file)
        row.addStretch(1)
        lay.addLayout(row)
        note = QLabel("Trước khi khôi phục, tệp được kiểm tra: toàn vẹn, đúng của phần mềm này, đủ "
                      "các bảng và cơ chế chống sửa sổ khen thưởng, khớp ghi chép lúc sao lưu. "
                      "Dữ liệu hiện tại được cất vào một bản sao an toàn trên máy này, trong thư "
                      f"mục “{backup.restore_safety_folder()}”, rồi mới bị thay thế.", box)
        note.setObjectName("restore_note")
        note.setWordWrap(True)
        lay.addWidget(note)
        return box

    # ----------------------------------------------------------------- state
    def on_show(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.refresh_status()
        self.schedule_box.refresh()
        self.refresh_targets()
        self.refresh_history()

    def refresh_status(self) -> None:
        due = backup.backup_due(self.db)
        last = backup.last_verified_backup(self.db)
        if due:
            self.status.setText(f"<b style='color:#b00020'>{due}</b>")
        elif last:
            self.status.setText(f"Lần sao lưu gần nhất: {last.at:%H:%M ngày %d/%m/%Y} — "
                                f"{last.target}")
        else:  # a brand-new database: nothing to lose yet, so no warning
            self.status.setText("Chưa có bản sao lưu nào. Dữ liệu còn trống nên chưa cần sao "
                                "lưu; khi đã nhập hồ sơ, hãy sao lưu ra USB.")

    def refresh_where(self) -> None:
        """Say exactly where the next backup goes (the folder the backup writes into)."""
        target = self.target.currentData()
        if not target:
            self.where.setText("Cắm USB rồi bấm “Tìm lại USB”, hoặc bấm “Chọn thư mục khác…”.")
            return
        on_usb = Path(target).name == backup.drives.FOLDER_ON_DRIVE
        where = (f"thư mục “{target}” trên USB (tạo thư mục nếu chưa có)" if on_usb
                 else f"thẳng vào thư mục “{target}”")
        self.where.setText(
            f"Bản sao lưu sẽ được ghi vào {where}, tên theo ngày giờ, ví dụ "
            f"“{backup.files.PREFIX}2025-12-20-143000.sqlite” (“.zip” khi có mật khẩu), kèm tệp "
            f"ghi chép “{backup.manifest.MANIFEST_NAME}”. Tệp được ghi dưới tên tạm, kiểm tra "
            "lại rồi mới đặt tên; khi có mật khẩu, trên USB chỉ có tệp đã mã hóa. Phần mềm nhớ "
            "nơi lưu lần trước.")

    def refresh_targets(self) -> None:
        remembered = backup.load_settings(self.db).last_target
        current = self.target.currentData() or remembered
        self.target.clear()
        for drive in backup.removable_drives():
            self.target.addItem(f"{drive.kind_label} {drive.title}", str(drive.folder))
        if remembered and self.target.findData(remembered) < 0:
            mark = "" if Path(remembered).is_dir() else " — không thấy, hãy cắm lại USB"
            self.target.addItem(f"Lần trước: {remembered}{mark}", remembered)
        if self.target.count() == 0:
            self.target.addItem("Chưa thấy USB nào — hãy cắm USB hoặc chọn thư mục", None)
        index = self.target.findData(current)
        self.target.setCurrentIndex(max(index, 0))
        self.refresh_where()

    def refresh_history(self) -> None:
        rows = backup.backup_history(self.db)
        self.history.setRowCount(len(rows))
        for r, info in enumerate(rows):
            for c, value in enumerate(history_cells(info)):
                item = QTableWidgetItem(value)
                item.setData(PathRole, str(info.target))
                item.setData(FailedRole, made_nothing(info))
                item.setToolTip(history_tip(info))
                if made_nothing(info) and c in (4, NOTE_COLUMN):
                    item.setForeground(QColor("#b00020"))
                self.history.setItem(r, c, item)
        # The reason column only when a run failed; then it, not the file, takes what is left.
        failed = any(made_nothing(info) for info in rows)
        self.history.setColumnHidden(NOTE_COLUMN, not failed)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.Interactive if failed else QHeaderView.Stretch)
        for c in range(len(HISTORY_COLUMNS)):
            if header.sectionResizeMode(c) != QHeaderView.Stretch:
                self.history.resizeColumnToContents(c)
        if failed:  # the reason wraps onto a second line rather than losing its end
            widest = self.fontMetrics().averageCharWidth() * 50
            header.resizeSection(2, min(header.sectionSize(2), widest))
        self.history.resizeRowsToContents()

    # ----------------------------------------------------------------- actions
    def choose_folder(self) -> None:
        folder = dialogs.choose_directory(self, "Chọn thư mục lưu bản sao",
                                          self.target.currentData() or "")
        if folder:
            self.target.insertItem(0, folder, folder)
            self.target.setCurrentIndex(0)

    def backup_now(self) -> None:
        target = self.target.currentData()
        if not target:
            dialogs.info(self, "Chưa có nơi lưu", "Hãy cắm USB rồi bấm “Tìm lại USB”, hoặc "
                         "bấm “Chọn thư mục khác…”.")
            return
        settings = backup.load_settings(self.db)
        password = backup_password(self, self.db)
        if password is False:
            return
        self.btn_backup.setEnabled(False)
        self.job = workers.run_with_progress(
            self, "Đang sao lưu dữ liệu…", backup.backup_database, self.db, Path(target),
            password=password, keep=settings.keep, kind="manual",
            create_folder=True, on_success=self._backup_done, on_failure=self._backup_failed)

    def _backup_done(self, result) -> None:
        self.btn_backup.setEnabled(True)
        try:
            backup.update_settings(self.db, last_target=str(result.path.parent))
        except DomainError:  # a read-only or busy file: the verified backup stands
            pass
        self.refresh()
        removed = f"\nĐã xóa {len(result.removed)} bản cũ theo cài đặt." if result.removed else ""
        lock = "có mật khẩu (tệp ZIP AES-256)" if result.encrypted else "không đặt mật khẩu"
        seconds = f"{result.seconds:.1f}".replace(".", ",")
        dialogs.info(self, "Đã sao lưu",
                     f"Đã sao lưu và kiểm tra xong ({seconds} giây):\n{result.path}\n"
                     f"{mb(result.size)}, {num(result.rows)} dòng dữ liệu, {lock}.{removed}")

    def _backup_failed(self, exc: Exception) -> None:
        self.btn_backup.setEnabled(True)
        self.refresh_targets()
        if isinstance(exc, backup.BackupCancelled):
            dialogs.info(self, "Đã hủy sao lưu", str(exc))
        elif isinstance(exc, DomainError):
            dialogs.error(self, "Không sao lưu được", str(exc))
        else:
            dialogs.error(self, "Không sao lưu được", f"Lỗi không mong muốn: {exc}. Dữ liệu "
                          "đang dùng không bị thay đổi.")

    def restore_selected(self) -> None:
        rows = self.history.selectionModel().selectedRows()
        if not rows:
            dialogs.info(self, "Chưa chọn", "Hãy chọn một bản sao lưu trong lịch sử.")
            return
        if self.history.item(rows[0].row(), 0).data(FailedRole):
            dialogs.info(self, "Không có bản sao lưu", "Lần này không sao lưu được nên không có "
                         "tệp để khôi phục: hãy chọn một bản đã kiểm tra “Đạt”.")
            return
        self._restore(Path(self.history.item(rows[0].row(), 0).data(PathRole)))

    def restore_file(self) -> None:
        path = dialogs.open_file(self, "Chọn bản sao lưu để khôi phục",
                                 "Bản sao lưu (*.sqlite *.db *.zip);;Mọi tệp (*)",
                                 self.target.currentData() or "")
        if path:
            self._restore(Path(path))

    def _restore(self, path: Path) -> None:
        restore_flow(self, self.db, path, on_done=self.refresh)
