"""``tdkt backup`` and ``tdkt restore`` (Windows Task Scheduler can run the monthly backup)."""

from __future__ import annotations

import sys
from pathlib import Path

from app.cli.common import add_db_option, db_path, opened_db, resolve_db


def register(sub) -> None:
    p = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu (có kiểm tra) vào một thư mục/USB")
    p.add_argument("--to", required=True, metavar="DIR", help="thư mục đích, ví dụ ổ USB")
    p.add_argument("--password", metavar="P", default=None,
                   help="mã hóa bản sao lưu thành tệp ZIP AES-256 với mật khẩu này")
    p.add_argument("--keep", type=int, default=None,
                   help="số bản giữ lại trên thư mục đích (mặc định: theo cài đặt)")
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
    from app.backup import backup_database, load_settings, update_settings
    from app.errors import DomainError

    with opened_db(args) as db:
        settings = load_settings(db)
        password = args.password if args.password is not None else settings.password or None
        keep = args.keep if args.keep is not None else settings.keep
        result = backup_database(db, Path(args.to), password=password, kind="auto", keep=keep,
                                 progress=_print_progress)
        try:
            update_settings(db, last_target=str(Path(args.to).resolve()))
        except DomainError as exc:  # busy or read-only: the verified backup stands
            print(f"\nGhi chú: chưa ghi được nơi sao lưu vào cài đặt ({exc})", file=sys.stderr)
    print(file=sys.stderr)
    print(f"Đã sao lưu và kiểm tra: {result.path}")
    lock = "có mật khẩu (ZIP AES-256)" if result.encrypted else "không mật khẩu"
    print(f"Dung lượng: {_n(result.size)} byte; {_n(result.rows)} dòng dữ liệu; lược đồ "
          f"{result.schema}; {lock}; {result.seconds:.1f} giây")
    print(f"SHA-256: {result.sha256}")
    for old in result.removed:
        print(f"Đã xóa bản cũ: {old.name}")
    return 0


def cmd_restore(args) -> int:
    from app.backup import restore_database

    if getattr(args, "db_sub", None):
        args.db = args.db_sub
    target = db_path(args)
    result = restore_database(Path(args.file), target, password=args.password,
                              progress=_print_progress)
    print(file=sys.stderr)
    print(f"Đã khôi phục “{target}” từ “{result.source}” "
          f"({_n(result.verification.total_rows)} dòng, lược đồ {result.verification.schema}).")
    if result.safety_copy:
        print(f"Dữ liệu trước khi khôi phục được giữ tại: {result.safety_copy}")
    # Opening once upgrades an older backup to this version (after its own safety copy).
    db = resolve_db(args)
    db.dispose()
    return 0
