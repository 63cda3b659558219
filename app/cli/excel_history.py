"""``tdkt import award-history FILE``: the old register's own questions on the command line
(spellings, subjects, decisions already in the database, fund) and its summary per year."""

from __future__ import annotations

import sys


def add_history_options(p) -> None:
    g = p.add_argument_group("sổ khen thưởng cũ (award-history)")
    g.add_argument("--spelling", action="append", default=[], metavar="CÁCH_VIẾT=MÃ",
                   help="đọc cách viết này là danh hiệu có mã MÃ (ví dụ \"GK CT phường=GK_CT\"); "
                        "được lưu vào bảng cách viết khi nhập (không lưu khi --dry-run)")
    g.add_argument("--attach", action="append", default=[], metavar="SỐ_QĐ",
                   help="quyết định đã có trong phần mềm: gắn các dòng của nó vào quyết định đó "
                        "(mặc định: bỏ qua các dòng đó)")
    g.add_argument("--subject", action="append", default=[], metavar="DÒNG=MÃ",
                   help="dòng (\"12\" hoặc \"Trang!12\") là hồ sơ mã MÃ, hoặc =moi để tạo hồ "
                        "sơ mới")
    g.add_argument("--post-fund", action="append", default=[], type=int, metavar="NĂM",
                   help="ghi chi quỹ thi đua cho các quyết định của phường trong năm này "
                        "(mặc định: không ghi vào quỹ)")


def apply_history_choices(result, args) -> None:
    from app.errors import ValidationError
    from app.excel import history_choices as hc

    codes = {k.code.upper(): k.id for k in hc.plan_of(result).index.matcher.kinds.values()}
    for item in args.spelling:
        spelling, _, code = item.rpartition("=")
        if not spelling.strip() or code.strip().upper() not in codes:
            raise ValidationError(f"“{item}”: cần dạng CÁCH_VIẾT=MÃ với MÃ là mã danh hiệu ("
                                  + ", ".join(sorted(codes)) + ").")
        result.context.setdefault("spellings", {})[spelling.strip()] = codes[code.strip().upper()]
    for ref in args.attach:
        group = hc.find_decision(result, ref)
        result.context["attach"] = sorted(set(result.context.get("attach", ())) | {group.key})
    for item in args.subject:
        row, _, record = item.rpartition("=")
        group = hc.find_subject(result, row)
        value = record.strip().lower()
        if value not in ("moi", "mới") and not value.isdigit():
            raise ValidationError(f"“{item}”: cần dạng DÒNG=MÃ hồ sơ hoặc DÒNG=moi.")
        chosen = None if value in ("moi", "mới") else int(value)
        if chosen is not None and not any(c.id == chosen for c in group.choices):
            raise ValidationError(f"Hồ sơ mã {chosen} không cùng tên “{group.name}”.")
        result.context.setdefault("subjects", {})[group.key] = 0 if chosen is None else chosen
    result.context["post_fund"] = sorted(set(args.post_fund))
    hc.replan(result)


def report_history(result) -> None:
    """Per year, the decisions already on file, the subjects to choose, awards not understood."""
    plan = result.plan
    for line in plan.summary_lines():
        print(line)
    for group in plan.decisions:
        if group.existing is not None:
            hint = "" if group.attach else f" (gắn vào: --attach \"{group.reference}\")"
            print(f"Quyết định {group.label()}: {group.state().lower()}{hint}.")
    for subject in plan.subjects:
        if subject.needs_choice:
            first = subject.rows[0]
            options = "; ".join(c.describe() for c in subject.choices)
            print(f"Trang “{first.sheet}”, dòng {first.row}: “{subject.name}” có thể là {options}"
                  f" — chọn bằng --subject \"{first.sheet}!{first.row}=MÃ\" hoặc =moi.",
                  file=sys.stderr)
    for gap in plan.unmatched:
        sheet, row, column = gap.first
        print(f"Không hiểu danh hiệu “{gap.text}” ({gap.rows} dòng, đầu tiên trang “{sheet}”, "
              f"dòng {row}, cột {column}) — thêm bằng --spelling \"{gap.text}=MÃ\".",
              file=sys.stderr)
