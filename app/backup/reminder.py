"""Is a backup due? Used by the start-up reminder and the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from app.backup.files import utc_to_local
from app.backup.settings import load_settings
from db.engine import Database
from db.models import AwardRecord, BackupLog, Batch, Decision, Movement, Registration, Subject

# Copies that protect against losing the PC; the local pre-migration copies do not.
OFFSITE_KINDS = ("manual", "auto", "exit", "cli", "scheduled")


@dataclass(frozen=True)
class BackupInfo:
    at: datetime  # local time
    target: Path
    size: int
    sha256: str
    encrypted: bool
    kind: str
    verified: bool = True
    message: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


KIND_LABELS = {"manual": "Sao lưu", "auto": "Tự động (lệnh)", "exit": "Khi thoát",
               "cli": "Tự động (lệnh)", "pre-migration": "Trước nâng cấp",
               "pre-restore": "Trước khôi phục", "restore": "Khôi phục",
               "scheduled": "Theo lịch hằng tháng"}


def _info(row: BackupLog) -> BackupInfo:
    return BackupInfo(at=utc_to_local(row.at), target=Path(row.target), size=row.size or 0,
                      sha256=row.sha256 or "", encrypted=row.encrypted, kind=row.kind,
                      verified=row.verified, message=row.message or "")


def backup_history(db: Database, limit: int = 200) -> list[BackupInfo]:
    """The backup log, newest first."""
    with db.read() as s:
        rows = s.scalars(select(BackupLog).order_by(BackupLog.at.desc(), BackupLog.id.desc())
                         .limit(limit)).all()
        return [_info(r) for r in rows]


def last_verified_backup(db: Database) -> BackupInfo | None:
    with db.read() as s:
        row = s.scalars(
            select(BackupLog).where(BackupLog.verified.is_(True), BackupLog.kind.in_(OFFSITE_KINDS))
            .order_by(BackupLog.at.desc(), BackupLog.id.desc()).limit(1)
        ).first()
        return None if row is None else _info(row)


def has_records(db: Database) -> bool:
    """Whether the officer has entered anything worth a backup (a brand-new database, with
    only the organisation and the award kinds shipped with the app, has not)."""
    with db.read() as s:
        return any(s.scalar(select(model.id).limit(1)) is not None
                   for model in (Subject, Decision, AwardRecord, Batch, Movement, Registration))


def backup_due(db: Database, today: date | None = None) -> str | None:
    """A Vietnamese reminder when the last scheduled backup failed or the last verified backup is
    older than the interval, else None (never on a brand-new empty database)."""
    from app.backup.schedule import failure_reminder  # it builds on this module

    failed = failure_reminder(db)  # the monthly task ran and made no copy
    if failed:
        return failed
    today = today or date.today()
    interval = load_settings(db).interval_days
    last = last_verified_backup(db)
    if last is None:
        if not has_records(db):
            return None
        return ("Chưa có bản sao lưu nào được kiểm tra. Hãy sao lưu dữ liệu ra USB "
                "(mục “Sao lưu & khôi phục”).")
    age = (today - last.at.date()).days
    if age <= interval:
        return None
    return (f"Lần sao lưu gần nhất là ngày {last.at:%d/%m/%Y}, đã {age} ngày (quá {interval} "
            "ngày). Hãy sao lưu dữ liệu ra USB (mục “Sao lưu & khôi phục”).")
