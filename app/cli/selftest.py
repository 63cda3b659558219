"""``tdkt selftest``: check that this installation has everything it loads at run time.

Meant for the packaged executable (packaging/smoke.sh runs it): PyInstaller only sees static
imports, so a missing font, migration file, library data file or Qt plugin shows up only when
the code path runs. Each check exercises one such path in a temporary folder with a Vietnamese
name and leaves the user's data alone. The GUI part runs offscreen, so no window appears.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = "Cộng hòa xã hội chủ nghĩa Việt Nam — Giấy khen: Nguyễn Thị Hằng, Đặng Văn Ước"
# Qt modules the screens use; each must load from the bundle (QtPdf carries its own pdfium).
# Not imported as modules: Alembic runs env.py and the migration scripts from their files.
SKIP_MODULES = ("db.migrations.",)
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPdf", "QtPdfWidgets", "QtCharts",
              "QtPrintSupport", "QtSvg", "QtSvgWidgets")


def register(sub) -> None:
    p = sub.add_parser("selftest", help="tự kiểm tra bản cài đặt (tài nguyên, thư viện, giao diện)")
    p.add_argument("--no-gui", action="store_true", help="bỏ qua phần kiểm tra giao diện")
    p.set_defaults(func=cmd_selftest)


def check_resources(work: Path) -> str:
    from app.fonts import FAMILIES
    from app.paths import resource_path

    fonts = [resource_path("fonts", f) for files in FAMILIES.values() for f in files]
    missing = [f.name for f in fonts if not f.is_file()]
    if missing:
        raise RuntimeError("thiếu phông chữ " + ", ".join(missing))
    rules = sorted(resource_path("rules").glob("*.json"))
    for path in rules:
        json.loads(path.read_text(encoding="utf-8"))
    if not rules:
        raise RuntimeError("thiếu dữ liệu quy định (resources/rules)")
    # UTF-8 mode (set by the packaged build): open() without an encoding never uses cp1258.
    utf8 = "bật" if sys.flags.utf8_mode else "tắt"
    return f"{len(fonts)} phông chữ, {len(rules)} tệp quy định, chế độ UTF-8 {utf8}"


def check_database(work: Path) -> str:
    from app.context import open_app_database
    from db.migrate import current_revision, head_revision, integrity_check, schema_number

    db = open_app_database(work / "cơ sở dữ liệu thử.sqlite")
    try:
        rev, result = current_revision(db), integrity_check(db)
    finally:
        db.dispose()
    if rev != head_revision() or result != "ok":
        raise RuntimeError(f"lược đồ {rev}, toàn vẹn: {result}")
    return f"lược đồ {schema_number(rev)}, toàn vẹn ok"


def import_all(*packages: str) -> str:
    """Import every module of our packages: a library one of them needs at import time and
    the build left out shows here, before a user opens that screen."""
    names = []
    for package in packages:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            if not info.name.endswith("__main__") and not info.name.startswith(SKIP_MODULES):
                importlib.import_module(info.name)
                names.append(info.name)
    return f"{len(names)} mô-đun"


def check_modules(work: Path) -> str:
    return import_all("app", "db")


def check_ui_modules(work: Path) -> str:
    return import_all("ui")


def check_pdf(work: Path) -> str:
    from reportlab.lib.rl_accel import _c_funcs
    from reportlab.pdfgen.canvas import Canvas

    from app.fonts import BODY, face

    # The C accelerators (package rl_accel) are optional: bundled when installed at build time.
    accel = "có" if "fp_str" in _c_funcs else "không có"
    path = work / "giấy khen thử.pdf"
    canvas = Canvas(str(path), initialFontName=face(BODY))
    canvas.setFont(face(BODY, bold=True), 14)
    canvas.drawString(60, 760, SAMPLE)
    canvas.save()
    return f"{path.name}, {path.stat().st_size} byte, {accel} bộ tăng tốc C"


def check_office(work: Path) -> str:
    import docx
    import openpyxl
    import xlrd  # old .xls lists; imported inside the importer's functions

    xlsx, docx_path = work / "bảng thử.xlsx", work / "văn bản thử.docx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = SAMPLE
    wb.save(xlsx)
    if openpyxl.load_workbook(xlsx).active["A1"].value != SAMPLE:
        raise RuntimeError("Excel đọc lại sai nội dung")
    document = docx.Document()  # needs python-docx's bundled default template
    document.add_paragraph(SAMPLE)
    document.save(docx_path)
    if docx.Document(docx_path).paragraphs[0].text != SAMPLE:
        raise RuntimeError("Word đọc lại sai nội dung")
    return f"xlsx, docx, đọc xls (xlrd {xlrd.__version__})"


def check_documents(work: Path) -> str:
    """A document as the decisions and the register book are made: header, table, signature,
    page numbers (python-docx reads its header template from a folder next to its modules)."""
    from app.documents import Document, Header, Signatures, Signer, Table, Title, para, render

    rows = tuple((str(i), f"Nguyễn Thị Hằng {i}", "Gia đình văn hóa") for i in range(1, 61))
    doc = Document("Tự kiểm tra").add(
        Header("UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG", "Số: 1/QĐ-UBND"),
        Title("DANH SÁCH", "Tự kiểm tra"), para(SAMPLE),
        Table(("STT", "Họ và tên", "Danh hiệu"), rows, (1, 4, 3), "CLL"),
        Signatures(Signer(("CHỦ TỊCH",), "Đặng Văn Ước")))
    pdf, docx_path = render(doc, work / "văn bản thử.pdf"), render(doc, work / "văn bản thử.docx")
    return f"PDF {pdf.stat().st_size} byte, DOCX {docx_path.stat().st_size} byte"


def check_backup_libs(work: Path) -> str:
    import pyzipper
    from num2words import num2words

    path = work / "sao lưu thử.zip"
    with pyzipper.AESZipFile(path, "w", encryption=pyzipper.WZ_AES) as zf:
        zf.setpassword(b"thu-nghiem")
        zf.writestr("dữ liệu.txt", SAMPLE.encode())
    with pyzipper.AESZipFile(path) as zf:
        zf.setpassword(b"thu-nghiem")
        if zf.read("dữ liệu.txt").decode() != SAMPLE:
            raise RuntimeError("tệp nén đọc lại sai nội dung")
    return f"zip AES; 1.490.000 = {num2words(1490000, lang='vi')}"


def check_qt(work: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    mods = {name: importlib.import_module("PySide6." + name) for name in QT_MODULES}
    from ui.app import make_application

    app = make_application()
    pdf_path = work / "giấy khen thử.pdf"
    if not pdf_path.exists():
        check_pdf(work)
    document = mods["QtPdf"].QPdfDocument()
    document.load(str(pdf_path))
    image = document.render(0, mods["QtCore"].QSize(200, 280))
    pages = document.pageCount()
    document.close()  # release the file, so the temporary folder can be removed on Windows
    if pages != 1 or image.isNull():
        raise RuntimeError("QtPdf không hiển thị được tệp PDF")
    app.processEvents()
    return f"{len(mods)} mô-đun Qt, nền {app.platformName()}, xem trước PDF"


def _settle(app, deadline_s: float = 20.0) -> None:
    """Process events until the screens' background jobs have finished."""
    from ui import workers

    deadline = time.monotonic() + deadline_s
    app.processEvents()
    while getattr(workers, "_running", None) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    app.processEvents()


def check_main_window(work: Path) -> str:
    from app.context import open_app_database
    from app.services.system.organization import OrgData, save_org
    from ui.app import make_application
    from ui.main_window import MainWindow

    app = make_application()
    errors: list[str] = []
    # Qt swallows an exception raised in a slot after handing it to sys.excepthook.
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, exc, tb: errors.append(f"{kind.__name__}: {exc}")
    db = open_app_database(work / "giao diện thử.sqlite")
    try:
        save_org(db, OrgData("UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
                             "phường Thành Đông", "Thành Đông"))
        window = MainWindow(db, "phường Thành Đông")
        window.show()
        for key in list(window.specs):  # every screen is built and shown once
            try:
                window.show_screen(key)
            except Exception as exc:  # noqa: BLE001 - name every screen that fails
                errors.append(f"màn hình {key}: {type(exc).__name__}: {exc}")
            _settle(app)
        window.close()
        _settle(app)
    finally:
        sys.excepthook = previous_hook
        db.dispose()
    if errors:
        raise RuntimeError("; ".join(errors))
    return f"cửa sổ chính, {len(window.specs)} màn hình"


CHECKS = [
    ("Tài nguyên", check_resources),
    ("Mô-đun", check_modules),
    ("Cơ sở dữ liệu", check_database),
    ("PDF (ReportLab)", check_pdf),
    ("Excel, Word", check_office),
    ("Văn bản (PDF, DOCX)", check_documents),
    ("Nén, số thành chữ", check_backup_libs),
]
GUI_CHECKS = [("Mô-đun giao diện", check_ui_modules), ("Qt", check_qt),
              ("Giao diện", check_main_window)]


def cmd_selftest(args) -> int:
    from app.paths import set_data_dir

    failures = 0
    with tempfile.TemporaryDirectory(prefix="tdkt-tự-kiểm-tra-",
                                     ignore_cleanup_errors=True) as tmp:
        work = Path(tmp) / "Thư mục thử"
        work.mkdir()
        set_data_dir(work / "dữ liệu người dùng")  # logs, backups: inside the temp folder
        for title, check in CHECKS + ([] if args.no_gui else GUI_CHECKS):
            started = time.perf_counter()
            try:
                detail, status = check(work), "OK "
            except Exception as exc:  # noqa: BLE001 - report every failing part, not just the first
                detail, status = f"{type(exc).__name__}: {exc}", "LỖI"
                failures += 1
            ms = (time.perf_counter() - started) * 1000
            print(f"[{status}] {title}: {detail} ({ms:.0f} ms)", flush=True)
    print("Tự kiểm tra: " + ("đạt." if not failures else f"{failures} phần bị lỗi."))
    return 1 if failures else 0
