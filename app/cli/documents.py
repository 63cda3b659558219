"""The documents of a round from the command line:

* ``tdkt documents --decision "15/QĐ-UBND" [--format pdf|docx] -o DIR``: the decision and its
  batch's tờ trình, biên bản họp, biên bản kiểm phiếu and phiếu bầu, the money payment list and
  the numbered thông báo kết quả;
* ``tdkt documents --batch MÃ -o DIR``: the batch's thông báo lấy ý kiến, báo cáo thành tích of
  each candidate that needs one, the trích ngang and danh mục hồ sơ of proposals to the city,
  and each khu dân cư's biên bản bình xét, tổng hợp ý kiến and văn bản đề nghị;
* ``tdkt fund-report``, ``tdkt council-decision``, ``tdkt movement-plan``: the others
  (app.documents.registry lists them all)."""

from __future__ import annotations

from pathlib import Path

from app.cli.common import add_db_option, opened_db


def _out_options(p, single: bool = False) -> None:
    if single:
        p.add_argument("-o", "--output", required=True, metavar="TỆP",
                       help="tệp ghi ra (.pdf hoặc .docx)")
    else:
        p.add_argument("--format", choices=["pdf", "docx"], default="pdf")
        p.add_argument("-o", "--output", required=True, metavar="THƯ_MỤC")
    add_db_option(p)


def register(sub) -> None:
    p = sub.add_parser("documents", help="lập các văn bản của một quyết định hoặc một đợt xét "
                                         "(quyết định, tờ trình, biên bản, phiếu bầu, danh sách "
                                         "chi tiền, thông báo, báo cáo thành tích, trích ngang, "
                                         "hồ sơ, văn bản của khu dân cư)")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--decision", metavar="SỐ",
                       help='số và ký hiệu quyết định, ví dụ "15/QĐ-UBND"')
    which.add_argument("--batch", metavar="MÃ_ĐỢT", help="mã (hoặc tên) đợt xét khen thưởng")
    p.add_argument("--year", type=int, help="năm ký (khi số quyết định trùng giữa các năm)")
    _out_options(p)
    p.set_defaults(func=cmd_documents)

    f = sub.add_parser("fund-report", help="báo cáo thu, chi Quỹ thi đua, khen thưởng một năm")
    f.add_argument("--year", type=int, required=True, metavar="NĂM")
    _out_options(f, single=True)
    f.set_defaults(func=cmd_fund_report)

    c = sub.add_parser("council-decision", help="quyết định kiện toàn Hội đồng Thi đua - Khen "
                                                "thưởng kèm quy chế hoạt động")
    c.add_argument("--year", type=int, default=None, metavar="NĂM",
                   help="năm của quyết định (mặc định năm nay)")
    _out_options(c, single=True)
    c.set_defaults(func=cmd_council_decision)

    m = sub.add_parser("movement-plan", help="kế hoạch (hoặc quyết định) phát động phong trào "
                                             "thi đua")
    m.add_argument("--movement", required=True, metavar="MÃ", help="mã (hoặc tên) phong trào")
    m.add_argument("--decision", action="store_true",
                   help="lập quyết định phát động kèm kế hoạch")
    _out_options(m, single=True)
    m.set_defaults(func=cmd_movement_plan)


def _write(kind, doc_args, db, out: Path, fmt: str, suffix: str = "") -> Path | None:
    """Build one registered document; a document that does not apply is skipped, said why."""
    from app.documents import render
    from app.errors import DomainError

    try:
        doc = kind.builder()(db, *doc_args)
    except DomainError as exc:
        print(f"Bỏ qua {kind.title[0].lower()}{kind.title[1:]}: {exc}")
        return None
    name = f"{kind.stem}-{suffix}" if suffix else kind.stem
    return render(doc, out / f"{name}.{fmt}")


def _batch_kit(db, batch_id: int, fmt: str, out: Path) -> list[Path]:
    from app.documents import registry
    from app.services.rounds import achievement_reports, culture_review

    # Each file names its batch, so two batches written to one folder never overwrite.
    paths = [_write(k, (batch_id,), db, out, fmt, f"dot-{batch_id}")
             for k in registry.of_scope("batch")]
    report = registry.get("achievement_report")
    for ch in achievement_reports.report_choices(db, batch_id):
        paths.append(_write(report, (ch.candidate_id,), db, out, fmt,
                            registry.slug(ch.label.split(" — ")[0]) + f"-{ch.candidate_id}"))
    for area in culture_review.area_choices(db, batch_id):
        for k in registry.of_scope("area"):
            paths.append(_write(k, (batch_id, area.area_id), db, out, fmt,
                                registry.slug(area.label.split(" (")[0])))
    return [p for p in paths if p]


def find_batch(db, wanted: str) -> int:
    """A batch by its id or its name (case and diacritics ignored)."""
    from app import text
    from app.errors import NotFoundError
    from app.services.rounds import batches

    items = batches.list_batches(db)
    if wanted.strip().isdigit() and any(b.id == int(wanted) for b in items):
        return int(wanted)
    hits = [b for b in items if text.fold(b.name) == text.fold(wanted)]
    if len(hits) == 1:
        return hits[0].id
    known = "; ".join(f"{b.id} – {b.name} ({b.year})" for b in items[:20])
    raise NotFoundError(f"Không tìm thấy đợt xét “{wanted}”. Các đợt xét: {known or 'chưa có'}.")


def cmd_documents(args) -> int:
    from app.documents import registry
    from app.services.rounds import decisions, paperwork

    notes: list[str] = []
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    with opened_db(args) as db:
        if args.decision:
            d = decisions.find_decision(db, args.decision, args.year)
            paths = paperwork.write_decision_kit(db, d.id, args.format, out, notes)
            stem = (d.full_number or f"du-thao-{d.id}").replace("/", "-")
            paths += [p for k in registry.of_scope("decision")
                      if (p := _write(k, (d.id,), db, out, args.format, stem))]
        else:
            paths = _batch_kit(db, find_batch(db, args.batch), args.format, out)
    for p in paths:
        print(p)
    for note in notes:
        print(f"Chưa lập {note}")
    return 0


def _single(args, key: str, *doc_args) -> int:
    from app.documents import registry, render

    with opened_db(args) as db:
        doc = registry.get(key).builder()(db, *doc_args)
    print(render(doc, Path(args.output)))
    return 0


def cmd_fund_report(args) -> int:
    from datetime import date

    return _single(args, "fund_report", args.year, date.today())


def cmd_council_decision(args) -> int:
    from datetime import date

    return _single(args, "council_setup", args.year or date.today().year)


def cmd_movement_plan(args) -> int:
    from app import text
    from app.errors import NotFoundError
    from app.services.emulation.movements import movement_choices

    with opened_db(args) as db:
        choices = movement_choices(db)
    wanted = args.movement.strip()
    hits = [mid for mid, _ in choices if str(mid) == wanted]
    hits = hits or [mid for mid, label in choices if text.fold(label) == text.fold(wanted)]
    hits = hits or [mid for mid, label in choices
                    if text.fold(label).startswith(text.fold(wanted))]
    if len(hits) != 1:
        known = "; ".join(f"{mid} – {label}" for mid, label in choices[:20])
        raise NotFoundError(f"Không xác định được phong trào “{wanted}” "
                            f"({len(hits)} phong trào khớp). Các phong trào: {known}.")
    return _single(args, "movement_decision" if args.decision else "movement_plan", hits[0])
