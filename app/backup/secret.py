"""The backup password: kept in the operating system's password store (Windows Credential
Manager, macOS Keychain, Secret Service) through the ``keyring`` package, never in the
database. Where no usable store exists the password is not remembered: the officer types it
at each backup.

Older versions stored it readable in the database's settings; ``move_plain_password`` (run
when the database is opened) moves it to the store, or drops it, and leaves a one-time notice
for the officer."""

from __future__ import annotations

import logging
import unicodedata
import uuid
from dataclasses import replace

from app.backup.settings import LEGACY_PASSWORD, load_settings, raw_settings, save_settings
from db.engine import Database

log = logging.getLogger(__name__)
SERVICE = "Thi đua – Khen thưởng: mật khẩu sao lưu"

NOTICE_MOVED = "moved"
NOTICE_DROPPED = "dropped"
NOTICES = {
    NOTICE_MOVED: (
        "Mật khẩu bản sao lưu trước đây được ghi trong tệp dữ liệu ở dạng ai cũng đọc được. "
        "Phần mềm đã chuyển nó vào kho mật khẩu của hệ điều hành (trên Windows: Credential "
        "Manager) và xóa khỏi tệp dữ liệu. Mật khẩu không đổi: các bản sao lưu cũ và mới vẫn "
        "mở bằng mật khẩu đó."),
    NOTICE_DROPPED: (
        "Mật khẩu bản sao lưu trước đây được ghi trong tệp dữ liệu ở dạng ai cũng đọc được, "
        "nên phần mềm đã xóa nó khỏi tệp. Máy này không có kho mật khẩu an toàn, vì vậy từ nay "
        "phần mềm hỏi mật khẩu mỗi lần sao lưu. Mật khẩu không đổi: các bản sao lưu cũ vẫn mở "
        "bằng mật khẩu cũ."),
}


def _store():
    """The OS password store, or None when there is no usable one."""
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - a broken store is no store
        log.warning("No password store: %s", exc)
        return None
    return backend if getattr(backend, "priority", 0) > 0 else None


def store_available() -> bool:
    return _store() is not None


def _normal(password: str) -> str:
    return unicodedata.normalize("NFC", password)


def remember(db: Database, password: str) -> bool:
    """Keep the password in the OS store; False (nothing kept) when there is none."""
    store = _store()
    if store is None:
        return False
    settings = load_settings(db)
    key = settings.key_id or uuid.uuid4().hex
    try:
        store.set_password(SERVICE, key, _normal(password))
    except Exception as exc:  # noqa: BLE001 - locked or refused: not remembered
        log.warning("Password store refused the backup password: %s", exc)
        return False
    if key != settings.key_id:
        save_settings(db, replace(settings, key_id=key))
    return True


def recall(db: Database) -> str | None:
    """The remembered password, or None (none remembered, or no store on this PC)."""
    key = load_settings(db).key_id
    store = _store() if key else None
    if store is None:
        return None
    try:
        return store.get_password(SERVICE, key) or None
    except Exception as exc:  # noqa: BLE001 - locked store: ask the officer instead
        log.warning("Password store unreadable: %s", exc)
        return None


def forget(db: Database) -> None:
    settings = load_settings(db)
    store = _store() if settings.key_id else None
    if store is not None:
        try:
            store.delete_password(SERVICE, settings.key_id)
        except Exception as exc:  # noqa: BLE001 - already gone
            log.info("Backup password not in the store: %s", exc)
    if settings.key_id:
        save_settings(db, replace(settings, key_id=""))


def move_plain_password(db: Database) -> None:
    """Take a password stored readable by an older version out of the database: into the OS
    store where there is one, else nowhere; either way the officer is told once."""
    try:
        plain = raw_settings(db).get(LEGACY_PASSWORD)
        if not plain:
            return
        moved = remember(db, str(plain))
        settings = replace(load_settings(db), encrypt=True,
                           notice=NOTICE_MOVED if moved else NOTICE_DROPPED)
        save_settings(db, settings)  # writes the row anew, without the readable password
        log.info("Legacy backup password %s", "moved to the OS store" if moved else "dropped")
    except Exception as exc:  # noqa: BLE001 - e.g. a read-only database: try next time
        log.warning("Legacy backup password not moved: %s", exc)


def take_notice(db: Database) -> str | None:
    """The one-time message for the officer, cleared once taken."""
    settings = load_settings(db)
    if not settings.notice:
        return None
    save_settings(db, replace(settings, notice=""))
    return NOTICES.get(settings.notice, settings.notice)
