"""The Vietnamese translation of Qt's texts is compiled by the build (never committed) and
shipped with the resources."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
QM = ROOT / "resources" / "i18n" / "qt_vi.qm"


def test_the_compiled_translation_is_not_committed():
    tracked = subprocess.run(["git", "ls-files", "resources/i18n"], cwd=ROOT, text=True,
                             capture_output=True, check=False).stdout.split()
    if not tracked:  # not a git checkout (a source archive)
        return
    assert "resources/i18n/qt_vi.ts" in tracked
    assert "resources/i18n/qt_vi.qm" not in tracked


def test_build_compiles_the_translation_before_listing_what_it_ships(monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(PACKAGING))
    monkeypatch.delitem(sys.modules, "build", raising=False)
    import build

    if QM.exists():
        QM.unlink()
    seen = {}
    real_datas = build.bundle.datas

    def datas():
        seen["datas"] = real_datas()
        return seen["datas"]

    monkeypatch.setattr(build, "check_locked_environment", lambda: None)
    monkeypatch.setattr(build.bundle, "write_version_info", lambda name: tmp_path / name)
    monkeypatch.setattr(build.bundle, "datas", datas)
    monkeypatch.setattr(build, "run_pyinstaller", lambda clean: None)
    monkeypatch.setattr(build, "verify", lambda app_dir, datas: None)
    monkeypatch.setattr(build, "report_size", lambda app_dir, estimate: None)
    assert build.main(["--no-installer-estimate"]) == 0
    assert QM.is_file()
    assert (str(QM), "resources/i18n") in seen["datas"]


def test_makefile_builds_the_translation_for_run_test_and_build():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(QM): resources/i18n/qt_vi.ts" in makefile
    for target in ("run", "test", "build"):
        assert f"\n{target}: $(STAMP) $(QM)\n" in makefile
