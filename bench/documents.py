"""Long documents on the large demo: time and peak memory of each, against LibreOffice.

    .venv/bin/python bench/documents.py --db /work/data/large.sqlite [--no-soffice] [--only NAME]

Each document is written in its own child process (so its peak memory is its own): the
largest decision with its attached list (PDF, DOCX), the register book of the year with the
most entries (PDF, DOCX), the public-disclosure list of that decision (PDF), the five-year
report (PDF), and, for the page-cost comparison, the certificates of that decision (PDF).
Time = gathering from the database + building the document + rendering, after a warm-up
that loads the fonts and libraries (as a second export in the same session). Peak memory =
the child's maximum resident set (ru_maxrss: Python, SQLite, lxml and ReportLab together);
"base" is the same figure just before the document, after the imports and the warm-up.
LibreOffice (`soffice --headless --convert-to pdf`) converts the decision's DOCX in the same
run. Goals (issue 17): decision < 3 s as PDF and as DOCX, register book < 5 s, each < 300 MB,
a table page at most 8 times a certificate page.

Measured (large demo, 2 cores, load about 2): decision 14,256 lines 2.5 s as PDF (395 pages,
177 MB) and 1.9 s as DOCX; register book 2017 (18,943 entries) 2.1 s PDF (716 pages), 1.1 s
DOCX; public list 2.0 s; five-year report 1.0 s; a table page 4.6 times a certificate page;
LibreOffice took 502 s on the decision's DOCX (ours 200 times faster). Before: 15.8 s, 11.4 s,
29.1 s, ~60 times a certificate page.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

GOALS_S = {"decision": 3.0, "book": 5.0}
GOAL_MB = 300
GOAL_PAGE_RATIO = 8


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def pick(db_path: Path) -> dict:
    """The largest decision (most lines), the register year with most entries, the last
    five years of the register."""
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        dec, number, lines = con.execute(
            "SELECT d.id, d.full_number, COUNT(*) FROM decision d JOIN decision_line l "
            "ON l.decision_id = d.id WHERE d.kind = 'khen_thuong' AND d.external = 0 "
            "GROUP BY d.id ORDER BY COUNT(*) DESC, d.id LIMIT 1").fetchone()
        year, entries = con.execute(
            "SELECT register_year, COUNT(*) FROM award_record GROUP BY register_year "
            "ORDER BY COUNT(*) DESC, register_year DESC LIMIT 1").fetchone()
        last = con.execute("SELECT MAX(year) FROM award_record").fetchone()[0]
    finally:
        con.close()
    return {"decision": dec, "number": number, "lines": lines, "year": year,
            "entries": entries, "report": (last - 4, last)}


# --- child side: one document per process -------------------------------------------------

def _warm_up(out: Path) -> None:
    """Load fonts and the rendering libraries, as a first small export would."""
    from app.documents import Document, Table, para, render

    doc = Document("khởi động").add(para("Khởi động"), Table(("A", "B"), (("1", "2"),)))
    render(doc, out / "warm.pdf")
    render(doc, out / "warm.docx")


def _job(name: str, fmt: str, db, p: dict, out: Path) -> Path:
    target = out / f"{name}.{fmt}"
    if name == "decision":
        from app.documents import render
        from app.services.rounds.paperwork import decision_document

        render(decision_document(db, p["decision"]), target)
    elif name == "book":
        from app.documents import render
        from app.services.awards.register import register_book

        render(register_book(db, p["year"]), target)
    elif name == "public":
        from app.reports.public_list import build_public_list

        build_public_list(db, target, decision_id=p["decision"])
    elif name == "report":
        from app.reports.summary import build_summary

        build_summary(db, p["report"][0], p["report"][1], fmt, target)
    elif name == "certificates":
        from app.certificates import render_pdf
        from app.services.awards import certificates as svc

        render_pdf(svc.gather(db, p["decision"]), target)
    else:
        raise SystemExit(f"unknown document {name}")
    return target


def child(args) -> int:
    from app import paths
    from app.context import open_app_database

    out = Path(args.out)
    paths.set_data_dir(out / "data")
    p = json.loads(args.params)
    db = open_app_database(Path(args.db))
    _warm_up(out)
    base = _maxrss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    target = _job(args.child, args.format, db, p, out)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = _maxrss_mb()
    db.dispose()
    pages = None
    if target.suffix == ".pdf":
        import pypdf

        pages = len(pypdf.PdfReader(target).pages)
    print(json.dumps({"seconds": wall, "cpu": cpu, "peak_mb": peak, "base_mb": base,
                      "pages": pages, "path": str(target), "bytes": target.stat().st_size}))
    return 0


# --- parent side ----------------------------------------------------------------------------

def run_child(name: str, fmt: str, db: Path, p: dict, out: Path) -> dict:
    cmd = [sys.executable, __file__, "--child", name, "--format", fmt, "--db", str(db),
           "--out", str(out), "--params", json.dumps(p)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(cmd, check=False, capture_output=True, text=True, env=env,
                          timeout=1800)
    if done.returncode != 0:
        raise SystemExit(f"{name} {fmt} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def soffice_pdf(docx: Path, outdir: Path) -> tuple[float, float, int] | None:
    """(wall s, CPU s, pages) of LibreOffice converting ``docx``; None when not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    lo_out = outdir / "libreoffice"
    cmd = [soffice, f"-env:UserInstallation=file://{outdir / 'lo-profile'}", "--headless",
           "--convert-to", "pdf", "--outdir", str(lo_out), str(docx)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, timeout=3600)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    import pypdf

    pages = len(pypdf.PdfReader(lo_out / (docx.stem + ".pdf")).pages)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), pages


def _verdict(ok: bool) -> str:
    return "đạt" if ok else "CHƯA ĐẠT"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="large demo database (made when missing)")
    ap.add_argument("--no-soffice", action="store_true", help="skip the LibreOffice comparison")
    ap.add_argument("--only", action="append", help="decision, book, public, report, certificates")
    ap.add_argument("--keep", type=Path, help="folder to keep the files in (default: temporary)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--format", default="pdf", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--params", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args)

    from large_demo import ensure_db

    db = ensure_db(args.db)
    p = pick(db)
    out = args.keep or Path(tempfile.mkdtemp(prefix="tdkt-bench-documents-"))
    out.mkdir(parents=True, exist_ok=True)
    print(f"Cơ sở dữ liệu {db}: quyết định lớn nhất {p['number']} ({p['lines']} dòng); sổ năm "
          f"{p['year']} ({p['entries']} mục); báo cáo {p['report'][0]}–{p['report'][1]}. "
          f"Tải máy lúc bắt đầu: {os.getloadavg()[0]:.1f} (2 nhân).", flush=True)
    jobs = [("decision", "pdf"), ("decision", "docx"), ("book", "pdf"), ("book", "docx"),
            ("public", "pdf"), ("report", "pdf"), ("certificates", "pdf")]
    if args.only:
        jobs = [j for j in jobs if j[0] in args.only]
    results = {}
    for name, fmt in jobs:
        r = results[name, fmt] = run_child(name, fmt, db, p, out)
        goal = GOALS_S.get(name)
        pages = f"{r['pages']} trang, " if r["pages"] else ""
        verdict = (f"  [mục tiêu < {goal:g} s: {_verdict(r['seconds'] < goal)}; "
                   f"< {GOAL_MB} MB: {_verdict(r['peak_mb'] < GOAL_MB)}]") if goal else (
                   f"  [< {GOAL_MB} MB: {_verdict(r['peak_mb'] < GOAL_MB)}]")
        print(f"{name:>12} {fmt:<4} {r['seconds']:6.2f} s (CPU {r['cpu']:5.2f} s)  "
              f"{pages}{r['bytes'] / 1e6:.1f} MB tệp; bộ nhớ đỉnh {r['peak_mb']:.0f} MB "
              f"(nền {r['base_mb']:.0f} MB){verdict}", flush=True)
    book, certs = results.get(("book", "pdf")), results.get(("certificates", "pdf"))
    if book and certs:
        table_page = book["cpu"] / book["pages"]
        cert_page = certs["cpu"] / certs["pages"]
        ratio = table_page / cert_page
        print(f"Trang bảng (sổ) {table_page * 1000:.2f} ms CPU, trang giấy khen "
              f"{cert_page * 1000:.2f} ms CPU (cùng lần chạy, kể cả lấy dữ liệu): "
              f"gấp {ratio:.1f} lần [mục tiêu ≤ {GOAL_PAGE_RATIO}: "
              f"{_verdict(ratio <= GOAL_PAGE_RATIO)}]")
    decision_docx = results.get(("decision", "docx"))
    if decision_docx and not args.no_soffice:
        timed = soffice_pdf(Path(decision_docx["path"]), out)
        if timed is None:
            print("LibreOffice chưa cài: apt-get install -y libreoffice-writer-nogui")
        else:
            wall, cpu, pages = timed
            ours = results.get(("decision", "pdf"))
            line = (f"LibreOffice DOCX → PDF của quyết định: {wall:.1f} s (CPU {cpu:.1f} s), "
                    f"{pages} trang")
            if ours:
                line += (f"; PDF của ứng dụng nhanh gấp {wall / ours['seconds']:.0f} lần "
                         f"(CPU {cpu / ours['cpu']:.0f} lần)")
            print(line)
    print(f"Tải máy lúc kết thúc: {os.getloadavg()[0]:.1f}. Tệp: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
