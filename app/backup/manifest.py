"""Records of backups kept outside the database, so they survive the database itself.

* the manifest on each target folder (``TDKT-sao-luu.json``): what each file is, its checksum
  and whether it was verified — rotation reads it;
* the local journal in the user data folder: every verified copy made on this PC, which the
  start-up check offers when the database file is damaged and cannot be read.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from app.backup.files import fsync_file
from app.paths import data_dir

log = logging.getLogger(__name__)
MANIFEST_NAME = "TDKT-sao-luu.json"
JOURNAL_LIMIT = 500


@dataclass(frozen=True)
class Entry:
    file: str  # full path for the journal, file name for a target manifest
    at: str  # ISO, naive UTC
    size: int
    sha256: str
    verified: bool
    encrypted: bool = False
    kind: str = "manual"
    schema: int = 0
    source_db: str = ""
    rows: int = 0
    content_sha256: str | None = None  # of the database inside an encrypted ZIP
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)


def _read(path: Path) -> list[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fields = set(Entry.__dataclass_fields__)
        return [Entry(**{k: v for k, v in e.items() if k in fields}) for e in data["entries"]]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("Unreadable backup manifest %s: %s", path, exc)
        return []


def _write(path: Path, entries: list[Entry]) -> None:
    """Write atomically (temporary name, fsync, rename) so a pulled drive never leaves half."""
    tmp = path.with_name(path.name + ".tmp")
    payload = {"app": "tdkt", "entries": [asdict(e) for e in entries]}
    tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    fsync_file(tmp)
    os.replace(tmp, path)


def read_manifest(folder: Path) -> list[Entry]:
    return _read(Path(folder) / MANIFEST_NAME)


def write_manifest(folder: Path, entries: list[Entry]) -> None:
    _write(Path(folder) / MANIFEST_NAME, entries)


def add_to_manifest(folder: Path, entry: Entry) -> None:
    entries = [e for e in read_manifest(folder) if e.file != entry.file]
    write_manifest(folder, entries + [entry])


def journal_path() -> Path:
    folder = data_dir() / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "nhat-ky-sao-luu.json"


def read_journal() -> list[Entry]:
    return _read(journal_path())


def add_to_journal(entry: Entry) -> None:
    try:
        entries = [e for e in read_journal() if e.file != entry.file] + [entry]
        _write(journal_path(), entries[-JOURNAL_LIMIT:])
    except OSError as exc:  # the backup itself is good; the journal is a convenience
        log.warning("Could not update the local backup journal: %s", exc)


def verified_copies_of(db_path: Path) -> list[Entry]:
    """Verified copies of this database that still exist, newest first.

    Copies taken just before a restore are left out: they hold what the officer chose to
    replace, so they are kept for a specialist, not offered."""
    want = str(Path(db_path).resolve())
    found = [(e.at, i, e) for i, e in enumerate(read_journal())
             if e.verified and e.source_db == want and e.kind != "pre-restore"
             and Path(e.file).is_file()]
    return [e for _at, _i, e in sorted(found, reverse=True)]  # same second: later entry first
