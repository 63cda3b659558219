"""``tdkt backup`` and ``tdkt restore`` (Windows Task Scheduler can run the monthly backup)."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import add_db_option, db_path, opened_db, resolve_db


def register(sub) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (có kiểm tra) vào một thư mục/USB")
    p.add_argument("--to", metavar="DIR", help="thư mục đích, ví dụ ổ USB")
    p.add_argument("--volume", metavar="ID",
                   help="thay cho --to: ổ đích theo số sê-ri (Windows, ví dụ 1A2B-3C4D) hoặc "
                   "UUID=…/LABEL=… (Linux), tìm theo ổ đang cắm lúc chạy, dù chữ ổ đã đổi")
    p.add_argument("--folder", metavar="REL", default="",
                   help="cùng --volume: thư mục bên trong ổ, ví dụ TDKT-sao-luu")
    p.add_argument("--label", metavar="TÊN", default="",
                   help="cùng --volume: tên ổ, để thông báo khi không tìm thấy ổ")
    p.add_argument("--password", metavar="P", default=None,
                   help="mã hóa bản sao lưu thành tệp ZIP AES-256 với mật khẩu này (mặc định: "
                        "mật khẩu đã đặt trong phần mềm, nếu máy nhớ được)")
    p.add_argument("--keep", type=int, default=None,
                   help="số bản giữ lại trên thư mục đích (mặc định: theo cài đặt)")
    p.add_argument("--scheduled", action="store_true",
                   help="chạy theo lịch sao lưu hằng tháng (Task Scheduler): ghi kết quả, kể cả "
                   "khi không sao lưu được, vào nhật ký và lịch sử sao lưu")
    add_db_option(p)
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu (có kiểm tra)")
    p.add_argument("file", metavar="FILE", help="tệp sao lưu (.sqlite, .db hoặc .zip)")
    p.add_argument("--password", metavar="P", default=None, help="mật khẩu của tệp ZIP")
    add_db_option(p)
    p.set_defaults(func=cmd_restore)


def _n(value: int) -> str:
    """Thousands separated by dots, the Vietnamese way."""
    return f"{value:,}".replace(",", ".")


def _print_progress(done: int, total: int, message: str) -> None:
    print(f"\r{done * 100 // max(total, 1):3d}% {message:<60}", end="", file=sys.stderr)


def cmd_backup(args) -> int:
    from app.backup import BackupError, backup_database, load_settings, recall, update_settings
    from app.errors import DomainError

    _check_where(args)
    if args.scheduled:
        return scheduled_backup(args)
    target = _target(args)
    with opened_db(args) as db:
        settings = load_settings(db)
        password = args.password if args.password is not None else (
            recall(db) if settings.encrypt else None)
        if settings.encrypt and not password and args.password is None:
            raise BackupError("Bản sao lưu được đặt mật khẩu nhưng máy này không nhớ mật khẩu "
                              "(không có kho mật khẩu): hãy thêm --password \"…\".")
        keep = args.keep if args.keep is not None else settings.keep
        result = backup_database(db, target, password=password, kind="auto", keep=keep,
                                 progress=_print_progress)
        try:
            update_settings(db, last_target=str(target.resolve()))
        except DomainError as exc:  # busy or read-only: the verified backup stands
            print(f"\nGhi chú: chưa ghi được nơi sao lưu vào cài đặt ({exc})", file=sys.stderr)
    _print_result(result)
    return 0


def scheduled_backup(args) -> int:
    """The monthly task's run: nobody watches the console, so the outcome goes to the log file
    and, failure included, to the backup log the app reads (it reminds the officer)."""
    import logging

    from app.backup import BackupError, backup_database, load_settings, recall, schedule
    from app.logging_setup import setup_logging

    setup_logging()
    log = logging.getLogger("app.backup.schedule")
    where = _where(args)
    log.info("Scheduled backup of %s to %s", args.db_sub or args.db, where)
    try:
        with opened_db(args) as db:
            settings = load_settings(db)
            try:
                target = _target(args)  # the USB under the letter it has today
                password = recall(db) if settings.encrypt else None
                if settings.encrypt and not password:
                    raise BackupError(
                        "Bản sao lưu được đặt mật khẩu nhưng máy này không nhớ mật khẩu (không có "
                        "kho mật khẩu), nên không sao lưu theo lịch được.")
                result = backup_database(db, target, password=password,
                                         kind=schedule.KIND, keep=settings.keep,
                                         create_folder=True)
            except Exception as exc:
                _record_failure(db, where, exc, log)
                raise
    except Exception as exc:  # also a database that cannot be opened: at least the log says
        log.error("Scheduled backup to %s failed: %s", where, exc)
        raise
    log.info("Scheduled backup written and verified: %s", result.path)
    _print_result(result)
    return 0


def _check_where(args) -> None:
    from app.errors import ValidationError

    if bool(args.to) == bool(args.volume):
        raise ValidationError("Cần đúng một nơi lưu: --to THƯ_MỤC, hoặc --volume SỐ_SÊ_RI "
                              "--folder THƯ_MỤC_TRÊN_Ổ.")


def _volume(args):
    from app.backup.volumes import Volume

    return Volume(args.volume, args.label or "", args.folder or "")


def _where(args) -> str:
    """The target as the log and the backup history name it."""
    if not args.volume:
        return args.to
    drive = _volume(args)
    return f"{drive.described}, thư mục “{drive.folder}”" if drive.folder else drive.described


def _target(args) -> Path:
    """--to as given, or --volume's folder on the drive where it is mounted now."""
    from app.backup import volumes

    return volumes.resolve(_volume(args)) if args.volume else Path(args.to)


def _record_failure(db, target, exc: Exception, log) -> None:
    from app.backup import schedule

    try:
        schedule.record_failure(db, target, str(exc))
    except Exception:  # the backup's own error stays the one reported
        log.exception("Could not record the failed scheduled backup")


def _print_result(result) -> None:
    print(file=sys.stderr)  # ends the progress line
    print(f"Đã sao lưu và kiểm tra: {result.path}")
    lock = "có mật khẩu (ZIP AES-256)" if result.encrypted else "không mật khẩu"
    print(f"Dung lượng: {_n(result.size)} byte; {_n(result.rows)} dòng dữ liệu; phiên bản dữ liệu "
          f"{result.schema}; {lock}; {result.seconds:.1f} giây")
    print(f"SHA-256: {result.sha256}")
    for old in result.removed:
        print(f"Đã xóa bản cũ: {old.name}")


def cmd_restore(args) -> int:
    from app.backup import restore_database

    if getattr(args, "db_sub", None):
        args.db = args.db_sub
    target = db_path(args)
    result = restore_database(Path(args.file), target, password=args.password,
                              progress=_print_progress)
    print(file=sys.stderr)
    print(f"Đã khôi phục “{target}” từ “{result.source}” "
          f"({_n(result.verification.total_rows)} dòng, phiên bản dữ liệu "
          f"{result.verification.schema}).")
    if result.safety_copy:
        print(f"Dữ liệu trước khi khôi phục được giữ tại: {result.safety_copy}")
    # Opening once upgrades an older backup to this version (after its own safety copy).
    db = resolve_db(args)
    db.dispose()
    return 0
