"""Backup settings, kept in the database's Setting table under one key.

The backup password itself is never stored here: it lives in the OS password store
(app.backup.secret), or is asked for at each backup where there is none."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from app.errors import ValidationError
from app.services.common import setting_dict, store_setting
from db.engine import Database

KEY = "backup"
LEGACY_PASSWORD = "password"  # older versions kept the password here, readable


@dataclass(frozen=True)
class BackupSettings:
    keep: int = 12  # backups kept on each target; the newest verified one is never deleted
    interval_days: int = 30  # remind when the last verified backup is older than this
    on_exit: bool = False  # back up to the last target when the app closes
    encrypt: bool = False  # AES-encrypted ZIP with a password; else a plain .sqlite
    key_id: str = ""  # the password's name in the OS password store ("" = none remembered)
    notice: str = ""  # a one-time message for the officer (see app.backup.secret)
    last_target: str = ""  # folder of the last backup (a USB drive, usually)


def raw_settings(db: Database) -> dict:
    with db.read() as s:
        return setting_dict(s, KEY)


def load_settings(db: Database) -> BackupSettings:
    data = raw_settings(db)
    fields = set(BackupSettings.__dataclass_fields__)
    settings = BackupSettings(**{k: v for k, v in data.items() if k in fields})
    if data.get(LEGACY_PASSWORD):  # not yet moved out (app.backup.secret): still encrypted
        settings = replace(settings, encrypt=True)
    return settings


def save_settings(db: Database, settings: BackupSettings) -> BackupSettings:
    """Store the settings (never a password: a legacy one left in the row is dropped)."""
    if not 1 <= settings.keep <= 1000:
        raise ValidationError("Số bản sao lưu giữ lại phải từ 1 đến 1000.", field="keep")
    if not 1 <= settings.interval_days <= 3650:
        raise ValidationError("Chu kỳ nhắc sao lưu phải từ 1 đến 3650 ngày.", field="interval_days")
    with db.session() as s:
        store_setting(s, KEY, asdict(settings))
    return settings


def update_settings(db: Database, **changes) -> BackupSettings:
    return save_settings(db, replace(load_settings(db), **changes))
