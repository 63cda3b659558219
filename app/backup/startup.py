"""Start-up check: a quick integrity check before the app opens (and writes to) the file.

On damage the app says so, offers the newest verified backup and never writes into the file:
it is only read here, and a restore copies it aside byte for byte before replacing it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from app.backup.files import connect_ro, sqlite_reason, utc_to_local
from app.backup.leftovers import clean_stale_staging
from app.backup.manifest import Entry, verified_copies_of
from db.errors import SchemaError
from db.migrate import check_sqlite_file
from db.sqlite_file import integrity


@dataclass(frozen=True)
class StartupStatus:
    path: Path
    ok: bool
    problem: str | None = None  # Vietnamese, for the message box
    offers: list[Entry] = field(default_factory=list)  # verified copies, newest first

    @property
    def newest(self) -> Entry | None:
        return self.offers[0] if self.offers else None

    def offer_text(self) -> str:
        """The question put to the officer, naming the newest verified backup if any."""
        if not self.newest:
            return ("Không tìm thấy bản sao lưu đã kiểm tra nào trên máy này. Hãy cắm USB sao "
                    "lưu và chọn “Khôi phục từ tệp…”, hoặc nhờ cán bộ tin học hỗ trợ.")
        when = utc_to_local(self.newest.when)
        return (f"Bản sao lưu đã kiểm tra mới nhất: “{self.newest.file}” "
                f"(lúc {when:%H:%M ngày %d/%m/%Y}). Khôi phục từ bản này?")


def quick_check(path: Path) -> str | None:
    """None when the file reads as sound, else the problem in Vietnamese."""
    try:
        check_sqlite_file(path)
        con = connect_ro(path)
        try:
            rows = integrity(con, quick=True)
        finally:
            con.close()
    except SchemaError as exc:
        return str(exc)
    except sqlite3.DatabaseError as exc:
        return f"không đọc được tệp ({sqlite_reason(exc)})"
    return None if rows == ["ok"] else "; ".join(rows[:3])


def refuse_if_damaged(path: str | Path) -> None:
    """Raise (before anything opens the file for writing) when it exists and is damaged.

    Every way of opening the database goes through this (app.context.open_app_database), so
    the CLI and "open another file" never write into a damaged file either; it also removes
    the staging files of backups and restores that were killed."""
    path = Path(path)
    clean_stale_staging(path)  # what a killed backup or restore left (never a running one's)
    if not path.exists() or path.stat().st_size == 0:
        return
    check_sqlite_file(path)  # a foreign file: the usual "not this app's database" message
    problem = quick_check(path)
    if problem:
        raise SchemaError(
            f"Tệp dữ liệu “{path.name}” bị hỏng: {problem}. Phần mềm không mở và không ghi gì "
            "vào tệp này. Hãy khôi phục từ bản sao lưu (mục “Sao lưu & khôi phục” hoặc lệnh "
            "tdkt restore).")


def startup_check(path: str | Path) -> StartupStatus:
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return StartupStatus(path=path, ok=True)  # a new database will be created
    problem = quick_check(path)
    if problem is None:
        return StartupStatus(path=path, ok=True)
    message = (f"Tệp dữ liệu “{path.name}” bị hỏng hoặc không đọc được: {problem}. "
               "Phần mềm sẽ không ghi gì vào tệp này.")
    return StartupStatus(path=path, ok=False, problem=message, offers=verified_copies_of(path))
