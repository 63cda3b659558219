"""``tdkt check`` and ``tdkt demo``."""

from __future__ import annotations

from app.cli.common import add_db_option, db_path, opened_db


def register(sub) -> None:
    p = sub.add_parser("check", help="kiểm tra cơ sở dữ liệu (phiên bản lược đồ, toàn vẹn)")
    add_db_option(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("demo", help="tạo dữ liệu mẫu của một phường")
    add_db_option(p)
    p.add_argument("--scale", choices=["small", "large"], default="small")
    p.add_argument("--seed", type=int, default=2025)
    p.set_defaults(func=cmd_demo)


def cmd_check(args) -> int:
    from db.migrate import current_revision, integrity_check, schema_number

    with opened_db(args) as db:
        rev = current_revision(db)
        result = integrity_check(db)
        print(f"Tệp: {db_path(args)}")
        print(f"Phiên bản lược đồ: {schema_number(rev)} ({rev})")
        print(f"Kiểm tra toàn vẹn: {result}")
        return 0 if result == "ok" else 1


def cmd_demo(args) -> int:
    from app.demo import build_demo

    with opened_db(args) as db:
        summary = build_demo(db, scale=args.scale, seed=args.seed, progress=print)
    for line in summary:
        print(line)
    return 0
