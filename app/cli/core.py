"""``tdkt check`` and ``tdkt demo``."""

from __future__ import annotations

from app.cli.common import add_db_option, db_path, opened_db


def register(sub) -> None:
    p = sub.add_parser("check", help="kiểm tra cơ sở dữ liệu (toàn vẹn, liên kết, cấu trúc và "
                                      "cơ chế chống sửa); mã thoát khác 0 khi có vấn đề")
    add_db_option(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("demo", help="tạo dữ liệu mẫu của một phường")
    add_db_option(p)
    p.add_argument("--scale", choices=["small", "large"], default="small")
    p.add_argument("--seed", type=int, default=2025)
    p.set_defaults(func=cmd_demo)


def cmd_check(args) -> int:
    """Exit 0 only when the file is sound in every respect; 1 on any finding."""
    from app.backup.trust import phrase, structure_problems
    from db.migrate import current_revision, file_findings, head_revision, schema_number

    with opened_db(args) as db:
        rev = current_revision(db)
        findings = file_findings(db.path) if db.path else {}
        if db.path:  # tables, columns, indexes, foreign keys, protecting triggers
            _version, differences = structure_problems(db.path)
            findings["schema"] = [_sentence(phrase(d)) for d in differences]
    print(f"Tệp: {db_path(args)}{' (chỉ đọc)' if db.read_only else ''}")
    print(f"Phiên bản lược đồ: {schema_number(rev)} ({rev})"
          + ("" if rev == head_revision() else f" — phiên bản này cần {head_revision()}"))
    total = 0
    for key, title in (("integrity", "Kiểm tra toàn vẹn"),
                       ("foreign_keys", "Liên kết giữa các bảng"),
                       ("schema", "Cấu trúc dữ liệu và cơ chế chống sửa")):
        lines = findings.get(key, [])
        total += len(lines)
        print(f"{title}: {'ok' if not lines else f'{len(lines)} vấn đề'}")
        for line in lines:
            print(f"  - {line}")
    if total:
        print(f"Có {total} vấn đề. Hãy khôi phục từ bản sao lưu hoặc nhờ cán bộ tin học hỗ trợ.")
    return 1 if total or rev != head_revision() else 0


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def cmd_demo(args) -> int:
    from app.demo import build_demo

    with opened_db(args, writer=True) as db:
        summary = build_demo(db, scale=args.scale, seed=args.seed, progress=print)
    for line in summary:
        print(line)
    return 0
