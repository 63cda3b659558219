"""Safety copies on this PC: before a schema migration and before a restore."""

from __future__ import annotations

import logging
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from app.backup.files import BackupError, connect_ro, online_copy, remove_quietly, utc_now
from app.backup.manifest import Entry, add_to_journal
from app.backup.verify import verify_file
from app.paths import data_dir

log = logging.getLogger(__name__)

PRE_MIGRATION = "truoc-nang-cap"
PRE_RESTORE = "truoc-khoi-phuc"
KEEP_LOCAL = 10  # safety copies kept per folder on this PC (the USB backups are the archive)


def local_folder(name: str, create: bool = True) -> Path:
    folder = data_dir() / "backups" / name
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def restore_safety_folder() -> Path:
    """Where the data replaced by a restore is kept on this PC (shown on the backup screen)."""
    return local_folder(PRE_RESTORE, create=False)


def _unique(folder: Path, base: str) -> Path:
    """Never copy over an earlier safety copy made within the same second."""
    target, n = folder / f"{base}.sqlite", 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}.sqlite"
    return target


def safety_copy(path: Path, folder_name: str, label: str, kind: str) -> Path:
    """Copy the database with the online backup API into the local folder ``folder_name``,
    verify it and note it in the journal. Raises BackupError if the copy is not sound."""
    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = _unique(local_folder(folder_name), f"{path.stem}-{label}-{stamp}")
    try:
        src = connect_ro(path)
        try:
            src.execute("BEGIN")
            online_copy(src, target)
        finally:
            src.close()
    except (sqlite3.Error, OSError) as exc:
        remove_quietly(target)
        raise BackupError(f"Không tạo được bản sao an toàn của “{path.name}” ({exc}).") from exc
    ver = verify_file(target)
    _journal(target, path, ver, kind)
    if not ver.ok:
        raise BackupError(f"Bản sao an toàn của “{path.name}” không đạt kiểm tra: {ver.problem}")
    log.info("Safety copy (%s) written to %s", kind, target)
    _prune(target.parent, keep=target)
    return target


def _prune(folder: Path, keep: Path) -> None:
    """Keep the newest KEEP_LOCAL safety copies of a folder; never the one just made."""
    copies = sorted(folder.glob("*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in copies[KEEP_LOCAL:]:
        if old != keep:
            remove_quietly(old)


def raw_copy(path: Path, folder_name: str, label: str) -> Path:
    """Byte copy of a damaged file (and its -wal), read only, kept for a specialist to rescue."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = _unique(local_folder(folder_name), f"{path.stem}-{label}-{stamp}")
    shutil.copyfile(path, target)
    wal = Path(f"{path}-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(f"{target}-wal"))
    return target


def _journal(target: Path, source: Path, ver, kind: str) -> None:
    add_to_journal(Entry(
        file=str(target.resolve()), at=utc_now().isoformat(timespec="seconds"),
        size=ver.size if ver.ok else target.stat().st_size, sha256=ver.sha256 or "",
        verified=ver.ok, kind=kind, schema=ver.schema, source_db=str(source.resolve()),
        rows=ver.total_rows,
    ))


def pre_migration_backup(path: Path, old_revision: str | None) -> Path:
    """Hook for db.migrate.open_database: a verified copy before the schema changes."""
    return safety_copy(Path(path), PRE_MIGRATION, old_revision or "cu", "pre-migration")
