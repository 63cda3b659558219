"""What the application loads at run time, to decide what the package may leave out.

    python packaging/runtime_use.py modules            # source tree: Python modules imported
    python packaging/runtime_use.py files [dist/tdkt]  # built app (Linux, strace): files opened

Both run the same work: the selftest (every module, every screen offscreen, the PDF preview),
then the commands a ward officer's year goes through on a small demo (documents of a decision
as PDF and DOCX, the register book and its Excel export, the reports, the public list, a
history certificate, certificates, Excel templates and exports, an Excel import, a
password-protected backup and its restore). ``modules`` prints the top-level packages imported
and writes the full list as JSON (``-o``); ``files`` prints the bundled files nobody opened,
largest first, with their total: the candidates for bundle.py's drop lists.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "thử-nghiệm-123"
DB_NAME = "phường thử.sqlite"


def workload(tmp: Path) -> list[list[str]]:
    """The commands, in order (the demo database first); paths inside ``tmp``."""
    out = tmp / "ra"
    (tmp / "usb").mkdir(exist_ok=True)
    db = ["--db", "@DB@"]
    return [
        ["selftest"],
        ["demo", "--scale", "small", *db],
        ["documents", "--decision", "@DECISION@", "--format", "pdf", "-o", str(out / "pdf"), *db],
        ["documents", "--decision", "@DECISION@", "--format", "docx", "-o", str(out / "docx"),
         *db],
        ["register", "book", "--year", "@YEAR@", "-o", str(out / "so.pdf"), *db],
        ["register", "book", "--year", "@YEAR@", "-o", str(out / "so.docx"), *db],
        ["register", "export", "--year", "@YEAR@", "-o", str(out / "so.xlsx"), *db],
        ["report", "summary", "--from", "@FROM@", "--to", "@YEAR@", "-o", str(out / "bc.pdf"),
         *db],
        ["report", "summary", "--from", "@FROM@", "--to", "@YEAR@", "-o", str(out / "bc.docx"),
         *db],
        ["report", "summary", "--from", "@FROM@", "--to", "@YEAR@", "-o", str(out / "bc.xlsx"),
         *db],
        ["report", "forms", "--year", "@YEAR@", "-o", str(out / "bieu.xlsx"), *db],
        ["report", "public-list", "--decision", "@DECISION@", "-o", str(out / "ck.pdf"), *db],
        ["report", "history", "--subject", "1", "-o", str(out / "xn.pdf"), *db],
        ["certificates", "--decision", "@DECISION@", "-o", str(out / "gk.pdf"), *db],
        ["template", "person", "-o", str(out / "mau.xlsx")],
        ["export", "person", "-o", str(out / "ca-nhan.xlsx"), *db],
        ["import", "person", str(out / "ca-nhan.xlsx"), "--dry-run", *db],
        ["backup", "--to", str(tmp / "usb"), "--password", PASSWORD, *db],
        ["check", *db],
    ]


def fill(argv: list[str], db: str) -> list[str]:
    """Replace the placeholders: the database, its largest decision and its latest year."""
    values = {"@DB@": db}
    if Path(db).exists():
        con = sqlite3.connect(db)
        try:
            values["@DECISION@"] = con.execute(
                "SELECT d.full_number FROM decision d JOIN decision_line l ON l.decision_id = d.id "
                "WHERE d.external = 0 AND d.kind = 'khen_thuong' GROUP BY d.id "
                "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
            year = con.execute("SELECT MAX(register_year) FROM award_record").fetchone()[0]
        finally:
            con.close()
        values.update({"@YEAR@": str(year), "@FROM@": str(year - 4)})
    return [values.get(a, a) for a in argv]


def run_in_process(tmp: Path) -> set[str]:
    """Every command through app.cli.main in this process; returns sys.modules' names."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["TDKT_DATA_DIR"] = str(tmp / "dữ liệu")
    sys.path.insert(0, str(ROOT))
    from app.cli import main

    db = str(tmp / DB_NAME)
    for argv in workload(tmp):
        argv = fill(argv, db)
        if main(argv) != 0:
            raise SystemExit(f"command failed: {argv}")
    restore = [str(p) for p in (tmp / "usb").glob("TDKT-sao-luu-*")]
    if main(["restore", restore[0], "--db", db, "--password", PASSWORD]) != 0:
        raise SystemExit("restore failed")
    return set(sys.modules)


def modules(args) -> int:
    with tempfile.TemporaryDirectory(prefix="tdkt-runtime-") as tmp:
        names = run_in_process(Path(tmp))
    top = sorted({n.split(".")[0] for n in names})
    if args.output:
        Path(args.output).write_text(json.dumps(sorted(names), indent=0), encoding="utf-8")
    print(f"{len(names)} modules, {len(top)} top-level packages:")
    print(" ".join(top))
    return 0


def opened_files(app_dir: Path, tmp: Path) -> set[Path]:
    """Run the workload with the built tdkt-cli under strace; the bundled files opened."""
    if not shutil.which("strace"):
        raise SystemExit("strace is needed (apt-get install strace)")
    cli = app_dir / "tdkt-cli"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TDKT_DATA_DIR=str(tmp / "dữ liệu"))
    db = str(tmp / DB_NAME)
    trace = tmp / "trace"
    trace.mkdir()
    steps = workload(tmp)
    for i, argv in enumerate(steps):
        _traced([str(cli), *fill(argv, db)], trace / f"{i}", env)
    restore = next((tmp / "usb").glob("TDKT-sao-luu-*"))
    _traced([str(cli), "restore", str(restore), "--db", db, "--password", PASSWORD],
            trace / "restore", env)
    internal = (app_dir / "_internal").resolve()
    seen: set[Path] = set()
    for log in trace.glob("*"):
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            if "ENOENT" in line or '"' not in line:
                continue
            path = Path(line.split('"')[1])
            if str(path).startswith(str(internal)):
                seen.add(path.resolve())
    return seen


def _traced(cmd: list[str], log: Path, env: dict) -> None:
    done = subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,execve",
                           "-o", str(log), *cmd], check=False, env=env, capture_output=True,
                          text=True, timeout=900)
    if done.returncode != 0:
        raise SystemExit(f"{cmd[1:]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")


def files(args) -> int:
    app_dir = Path(args.app_dir).resolve()
    with tempfile.TemporaryDirectory(prefix="tdkt-runtime-") as tmp:
        seen = opened_files(app_dir, Path(tmp))
    internal = app_dir / "_internal"
    unused = [(p.stat().st_size, p.relative_to(internal)) for p in internal.rglob("*")
              if p.is_file() and not p.is_symlink() and p.resolve() not in seen]
    total = sum(p.stat().st_size for p in internal.rglob("*") if p.is_file() and not p.is_symlink())
    unused.sort(reverse=True)
    for size, rel in unused[:args.top]:
        print(f"{size / 1024:9.0f} KB  {rel.as_posix()}")
    waste = sum(s for s, _ in unused)
    print(f"{len(unused)} bundled files never opened: {waste / 1e6:.1f} MB of {total / 1e6:.1f} MB "
          "(the PYZ archive and base_library.zip hold the Python modules: see `modules`)")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    m = sub.add_parser("modules", help="Python modules the source tree imports at run time")
    m.add_argument("-o", "--output", help="write every module name to this JSON file")
    f = sub.add_parser("files", help="bundled files the built app never opens (Linux)")
    f.add_argument("app_dir", nargs="?", default=str(ROOT / "dist" / "tdkt"))
    f.add_argument("--top", type=int, default=80, help="how many to list")
    args = ap.parse_args(argv)
    return modules(args) if args.what == "modules" else files(args)


if __name__ == "__main__":
    raise SystemExit(main())
