"""Rotation of old backups on a target folder, and listing what a folder holds."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from app.backup.files import NAME_RE, PARTIAL_SUFFIX, PREFIX, remove_quietly
from app.backup.manifest import Entry, read_manifest, write_manifest

log = logging.getLogger(__name__)
STALE_PARTIAL_SECONDS = 30 * 60  # far longer than any backup takes


def backups_in(folder: Path) -> list[Path]:
    """Our finished backup files in ``folder``, oldest first (the name carries the time)."""
    try:
        files = [p for p in Path(folder).iterdir() if p.is_file() and NAME_RE.match(p.name)]
    except OSError:
        return []
    return sorted(files, key=_age_key)


def _age_key(path: Path) -> tuple[str, int]:
    """"…-143401.sqlite" before "…-143401-2.sqlite" (a second backup within the same second)."""
    m = NAME_RE.match(path.name)
    return path.name[: len(PREFIX) + 17], int(m.group(1)[1:]) if m.group(1) else 1


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete the oldest backups beyond ``keep``; the newest verified one always stays.

    Only files with our own dated names are ever touched; the officer's other files are not.
    """
    folder = Path(folder)
    files = backups_in(folder)
    entries = {e.file: e for e in read_manifest(folder)}
    verified = [p for p in files if entries.get(p.name, _UNVERIFIED).verified]
    protected = {verified[-1]} if verified else set()
    keep_set = set(files[-max(keep, 1):]) | protected
    removed = []
    for path in files:
        if path in keep_set:
            continue
        try:
            path.unlink()
            removed.append(path)
        except OSError as exc:
            log.warning("Could not remove old backup %s: %s", path, exc)
    if removed:
        names = {p.name for p in removed}
        try:
            write_manifest(folder, [e for e in entries.values() if e.file not in names])
        except OSError as exc:
            log.warning("Could not update the manifest on %s: %s", folder, exc)
    return removed


def remove_stale_partials(folder: Path) -> None:
    """Remove half-written files left by a crash or a pulled drive (not one being written)."""
    try:
        leftovers = [p for p in Path(folder).iterdir()
                     if p.name.startswith("." + PREFIX) and p.name.endswith(PARTIAL_SUFFIX)]
    except OSError:
        return
    now = time.time()
    for p in leftovers:
        try:
            if now - p.stat().st_mtime > STALE_PARTIAL_SECONDS:
                remove_quietly(p)
        except OSError:
            pass


_UNVERIFIED = Entry(file="", at="", size=0, sha256="", verified=False)
