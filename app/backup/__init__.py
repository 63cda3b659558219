"""Data safety: verified backups (USB, optional password), restore, start-up check, reminder.

The public face of the package; the UI and the CLI use only these names.
"""

from app.backup.drives import Drive, removable_drives
from app.backup.files import BackupCancelled, BackupError
from app.backup.local import pre_migration_backup, restore_safety_folder
from app.backup.make import BackupResult, backup_database
from app.backup.manifest import Entry, read_manifest
from app.backup.reminder import (
    BackupInfo,
    backup_due,
    backup_history,
    has_records,
    last_verified_backup,
)
from app.backup.restore import RestoreResult, check_backup, restore_database
from app.backup.rotation import backups_in, rotate
from app.backup.secret import forget, recall, remember, store_available, take_notice
from app.backup.settings import BackupSettings, load_settings, save_settings, update_settings
from app.backup.startup import StartupStatus, startup_check
from app.backup.verify import Verification, verify_file

__all__ = [
    "BackupCancelled",
    "BackupError",
    "BackupInfo",
    "BackupResult",
    "BackupSettings",
    "Drive",
    "Entry",
    "RestoreResult",
    "StartupStatus",
    "Verification",
    "backup_database",
    "backup_due",
    "backup_history",
    "backups_in",
    "check_backup",
    "forget",
    "has_records",
    "last_verified_backup",
    "load_settings",
    "pre_migration_backup",
    "read_manifest",
    "recall",
    "remember",
    "removable_drives",
    "restore_database",
    "restore_safety_folder",
    "rotate",
    "save_settings",
    "startup_check",
    "store_available",
    "take_notice",
    "update_settings",
    "verify_file",
]
