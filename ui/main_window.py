"""Main window: left navigation built from ui.screens.SCREENS, pages created on first show."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app import APP_NAME, __version__
from app.paths import data_dir
from ui import dialogs
from ui.screens import ScreenSpec, ordered_screens

KeyRole = Qt.UserRole + 1
GEOMETRY_KEY = "cua_so_chinh/vi_tri"


def window_settings() -> QSettings:
    """The window's place and size, in the user data folder (not the Windows registry: a
    copied data folder brings them along, and tests keep theirs in their own folder)."""
    return QSettings(str(data_dir() / "giao-dien.ini"), QSettings.IniFormat)


class MainWindow(QMainWindow):
    """The window. ``db`` may come later (``attach_database``): at start-up the window shows
    while the database layer still loads; its pages appear once the file is open."""

    def __init__(self, db, org_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.db = None
        self.org_name = org_name
        self.skip_exit_backup = False  # a damaged file is closed without its exit backup
        self.setWindowTitle(f"{APP_NAME} — {org_name}" if org_name else APP_NAME)
        self.pages: dict[str, QWidget] = {}
        self.specs: dict[str, ScreenSpec] = {}
        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.stack = QStackedWidget(self)
        self._fill_nav()
        splitter = QSplitter(self)
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([self._fit_navigation(), 1000])
        self.setCentralWidget(splitter)
        self.nav.currentItemChanged.connect(self._on_nav)
        self._build_menu()
        self._build_shortcuts()
        self.check_label = QLabel("", self)  # the start-up integrity check, when it reports
        self.check_label.setObjectName("check_state")
        self.statusBar().addPermanentWidget(self.check_label)
        self.db_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.db_label)
        self.resize(self.fontMetrics().averageCharWidth() * 170,
                    self.fontMetrics().height() * 40)
        self._restore_placement()
        if db is not None:
            self.attach_database(db)
        else:
            self.nav.setEnabled(False)
            self.set_check_state("Đang mở dữ liệu…")

    def attach_database(self, db) -> None:
        """The open database: its path and mode shown, the first screen opened."""
        self.db = db
        if db.read_only:
            self.setWindowTitle(self.windowTitle() + " (chỉ đọc)")
        self.db_label.setText(f"Cơ sở dữ liệu: {db.path or ''}")
        self.nav.setEnabled(True)
        first = next((i for i in range(self.nav.count()) if self.nav.item(i).data(KeyRole)), 0)
        self.nav.setCurrentRow(first)

    def _fill_nav(self) -> None:
        group = None
        for spec in ordered_screens():
            if spec.group != group:
                group = spec.group
                header = QListWidgetItem(group.upper())
                header.setFlags(Qt.NoItemFlags)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                self.nav.addItem(header)
            item = QListWidgetItem("   " + spec.title)
            item.setData(KeyRole, spec.key)
            self.nav.addItem(item)
            self.specs[spec.key] = spec

    def _fit_navigation(self) -> int:
        """The navigation as wide as its longest item: no screen name cut."""
        nav = self.nav
        nav.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        width = (nav.sizeHintForColumn(0) + 2 * nav.frameWidth()
                 + nav.verticalScrollBar().sizeHint().width())
        nav.setMinimumWidth(width)
        return width

    # ------------------------------------------------------------- placement
    def _restore_placement(self) -> None:
        """Where the officer left the window (saved when it closes); the first time, it opens
        maximised. A size chosen by the caller (resize before show) is kept."""
        geometry = window_settings().value(GEOMETRY_KEY)
        self._maximise_on_show = not (geometry and self.restoreGeometry(geometry))
        self._sized_by_caller = False

    def resize(self, *args) -> None:
        self._sized_by_caller = True
        super().resize(*args)

    def show(self) -> None:
        if getattr(self, "_maximise_on_show", False) and not self._sized_by_caller:
            self.setWindowState(self.windowState() | Qt.WindowMaximized)
        self._maximise_on_show = False
        super().show()

    def _save_placement(self) -> None:
        settings = window_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.sync()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        open_action = QAction("Mở cơ sở dữ liệu khác…", self)
        open_action.setShortcut(QKeySequence.Open)
        open_action.triggered.connect(self.open_other_database)
        file_menu.addAction(open_action)
        new_action = QAction("Tạo cơ sở dữ liệu mới…", self)
        new_action.triggered.connect(lambda: self.open_other_database(new=True))
        file_menu.addAction(new_action)
        file_menu.addSeparator()
        quit_action = QAction("Thoát", self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("Trợ &giúp")
        guide = QAction("Hướng dẫn sử dụng", self)
        guide.setObjectName("guide_index")
        guide.triggered.connect(lambda: self.open_guide())
        help_menu.addAction(guide)
        here = QAction("Hướng dẫn cho màn hình đang mở", self)
        here.setObjectName("guide_here")
        here.setShortcut(QKeySequence(Qt.Key_F1))
        here.triggered.connect(self.open_guide_here)
        help_menu.addAction(here)
        help_menu.addSeparator()
        about = QAction("Giới thiệu", self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_shortcuts(self) -> None:
        QShortcut(QKeySequence.New, self, lambda: self._call_page("action_new"))
        QShortcut(QKeySequence.Find, self, lambda: self._call_page("focus_search"))

    def _call_page(self, name: str) -> None:
        page = self.stack.currentWidget()
        fn = getattr(page, name, None)
        if callable(fn):
            fn()

    def set_check_state(self, text: str) -> None:
        self.check_label.setText(text)

    def open_other_database(self, new: bool = False) -> MainWindow | None:
        """Switch to another database file (a copy, an archive, a colleague's file)."""
        from ui.app import Startup, open_database, open_main_window

        if self.db is None:  # still opening the first one
            return None
        filters = "Cơ sở dữ liệu (*.sqlite *.db);;Mọi tệp (*)"
        path = (dialogs.save_file(self, "Tạo cơ sở dữ liệu mới", "thiduakhenthuong.sqlite", filters)
                if new else dialogs.open_file(self, "Mở cơ sở dữ liệu", filters))
        if not path:
            return None
        if Path(path).resolve() == self.db.path:
            return self  # already open here (its lock is this window's)
        db = open_database(Path(path))  # says why not: in use, damaged, newer, foreign…
        if db is None:
            return None
        window = open_main_window(db)
        if window is None:
            db.close()
            return None
        window.show()
        Startup(window, None).start()  # read-only notice, backup reminder
        self.close()
        self.db.close()  # the old file's lock goes with it
        return window

    def open_guide(self, page: str | None = None):
        """The guide's window (one, reused), at ``page`` or its contents page."""
        from ui.guide import pages
        from ui.guide.viewer import GuideWindow

        if getattr(self, "guide", None) is None:
            self.guide = GuideWindow(self)
        self.guide.show_page(page or pages.INDEX)
        return self.guide

    def open_guide_here(self):
        """F1: the guide's page of the screen in front."""
        from ui.guide import pages

        current = self.stack.currentWidget()
        key = next((k for k, page in self.pages.items() if page is current), None)
        return self.open_guide(pages.page_of(key) if key else None)

    def _about(self) -> None:
        dialogs.info(self, "Giới thiệu",
                     f"{APP_NAME}\nPhiên bản {__version__}\n\n"
                     "Phần mềm quản lý công tác thi đua, khen thưởng cấp xã, phường.")

    def closeEvent(self, event) -> None:
        from ui.screens.backup_hooks import backup_on_exit

        if self.db is not None and not self.skip_exit_backup and not self.db.read_only:
            backup_on_exit(self, self.db)  # only if turned on in "Sao lưu & khôi phục"
        self._save_placement()
        super().closeEvent(event)

    # ----------------------------------------------------------------- pages
    def _on_nav(self, item: QListWidgetItem | None, _prev=None) -> None:
        if item is None or not item.data(KeyRole):
            return
        self.show_screen(item.data(KeyRole))

    def page(self, key: str) -> QWidget:
        """The page of a screen, created on first use."""
        if key not in self.pages:
            module_name, cls_name = self.specs[key].factory.split(":")
            cls = getattr(importlib.import_module(module_name), cls_name)
            page = cls(self.db, self)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_screen(self, key: str) -> QWidget:
        page = self.page(key)  # built here, so a failure reaches the caller
        for i in range(self.nav.count()):
            if self.nav.item(i).data(KeyRole) == key and self.nav.currentRow() != i:
                self.nav.setCurrentRow(i)  # its signal comes back here: the page shows once
                return page
        self.stack.setCurrentWidget(page)
        on_show = getattr(page, "on_show", None)
        if callable(on_show):
            on_show()
        self.statusBar().showMessage(self.specs[key].title, 3000)
        return page
