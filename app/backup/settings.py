"""Backup settings, kept in the database's Setting table under one key."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from app.errors import ValidationError
from db.engine import Database
from db.models import Setting

KEY = "backup"


@dataclass(frozen=True)
class BackupSettings:
    keep: int = 12  # backups kept on each target; the newest verified one is never deleted
    interval_days: int = 30  # remind when the last verified backup is older than this
    on_exit: bool = False  # back up to the last target when the app closes
    password: str = ""  # empty: plain .sqlite; else AES-encrypted ZIP
    last_target: str = ""  # folder of the last backup (a USB drive, usually)


def load_settings(db: Database) -> BackupSettings:
    with db.read() as s:
        row = s.get(Setting, KEY)
        data = row.value if row and isinstance(row.value, dict) else {}
    fields = set(BackupSettings.__dataclass_fields__)
    return BackupSettings(**{k: v for k, v in data.items() if k in fields})


def save_settings(db: Database, settings: BackupSettings) -> BackupSettings:
    if not 1 <= settings.keep <= 1000:
        raise ValidationError("Số bản sao lưu giữ lại phải từ 1 đến 1000.", field="keep")
    if not 1 <= settings.interval_days <= 3650:
        raise ValidationError("Chu kỳ nhắc sao lưu phải từ 1 đến 3650 ngày.", field="interval_days")
    with db.session() as s:
        row = s.get(Setting, KEY)
        if row is None:
            s.add(Setting(key=KEY, value=asdict(settings)))
        else:
            row.value = asdict(settings)
    return settings


def update_settings(db: Database, **changes) -> BackupSettings:
    return save_settings(db, replace(load_settings(db), **changes))
