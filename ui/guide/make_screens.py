"""Regenerate the guide's screenshots from the demo ward, so they show the program as it is:

    .venv/bin/python -m ui.guide.make_screens          # every picture
    .venv/bin/python -m ui.guide.make_screens register # only these screens

Builds the small demo in a temporary folder (nothing of the officer's is touched), opens the
main window maximised on a 1366×768 screen (Qt's offscreen platform, no display needed), shows
each screen — and the tabs listed in TABS — and saves it to resources/guide/images/<name>.png,
1000 pixels wide. Run it after changing a screen; commit the pictures with the change."""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path

WIDTH = 1000  # pixels of the saved picture (the guide's page is about this wide)
SCREEN = {"name": "bureau", "x": 0, "y": 0, "width": 1366, "height": 768,
          "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
# Extra pictures of a screen's other tabs: screen key → [(tab index, picture name)].
TABS = {"batches": [(1, "batches-hoi-dong"), (2, "batches-quyet-dinh")],
        "registrations": [(1, "registrations-ty-le")],
        "reports": [(1, "reports-bieu-mau")]}
# Screens shown on a year the demo has filled (the current year's fund is still empty).
BEFORE_PICTURE = {"fund": lambda page: page.year.setValue(page.year.value() - 1)}


def images_dir() -> Path:
    from ui.guide.pages import guide_dir

    return guide_dir() / "images"


def _settle(app, seconds: float = 0.3) -> None:
    from ui import workers

    end = time.monotonic() + 60
    while workers.running() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _save(widget, name: str) -> Path:
    """The widget as a PNG of WIDTH pixels, in 256 colours (small, sharp text)."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt

    image = widget.grab().toImage().scaledToWidth(WIDTH, Qt.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    picture = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    picture = picture.quantize(colors=256, dither=Image.Dither.NONE)
    path = images_dir() / f"{name}.png"
    picture.save(path, optimize=True)
    return path


def _quiet_dialogs() -> None:
    """No message box waits for a click while the pictures are taken."""
    import ui.dialogs as d

    for name in ("info", "warn", "error"):
        setattr(d, name, lambda *a, **k: None)
    d.confirm = lambda *a, **k: False


def make(keys: list[str] | None = None, out=print) -> list[Path]:
    from app import paths
    from app.context import open_app_database
    from app.demo import build_demo
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.screens import SCREENS

    app = make_application()
    _quiet_dialogs()
    work = Path(tempfile.mkdtemp(prefix="tdkt-guide-"))
    paths.set_data_dir(work / "dữ liệu")  # reminders, window place: all in the temp folder
    db = open_app_database(work / "phường mẫu.sqlite")
    out("Đang tạo dữ liệu mẫu…")
    build_demo(db, scale="small", seed=2025)
    window = MainWindow(db, "Thành Đông")
    window.db_label.setText("Cơ sở dữ liệu: thiduakhenthuong.sqlite (dữ liệu mẫu)")
    window.show()  # maximised on the 1366×768 screen, as the officer first sees it
    images_dir().mkdir(parents=True, exist_ok=True)
    saved = []
    for spec in SCREENS:
        if keys and spec.key not in keys:
            continue
        page = window.show_screen(spec.key)
        if spec.key in BEFORE_PICTURE:
            BEFORE_PICTURE[spec.key](page)
        _settle(app)
        saved.append(_save(window, spec.key))
        for index, name in TABS.get(spec.key, []):
            from PySide6.QtWidgets import QTabWidget

            tabs = page.findChild(QTabWidget)
            tabs.setCurrentIndex(index)
            _settle(app)
            saved.append(_save(window, name))
            tabs.setCurrentIndex(0)
        out(f"  {spec.title}")
    window.close()
    db.dispose()
    return saved


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "QT_QPA_PLATFORM" not in os.environ:
        # Qt's offscreen platform with a 1366×768 screen (its path without a drive letter:
        # Qt splits the platform's options on ":").
        folder = Path(tempfile.mkdtemp(prefix="tdkt-screen-"))
        (folder / "screen.json").write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
        os.chdir(folder)
        os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=screen.json"
    saved = make(argv or None)
    print(f"Đã lưu {len(saved)} hình vào {images_dir()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
