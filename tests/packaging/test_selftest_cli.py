"""``tdkt selftest``: what the packaged app runs to prove it has all its parts."""

from __future__ import annotations

from app.cli import main


def test_selftest_passes_in_a_complete_installation(capsys, qapp):
    assert main(["selftest"]) == 0
    out = capsys.readouterr().out
    for part in ("Tài nguyên", "Mô-đun", "Cơ sở dữ liệu", "PDF (ReportLab)", "Excel, Word",
                 "Mô-đun giao diện", "Qt", "Giao diện"):
        assert f"[OK ] {part}:" in out
    assert "Tự kiểm tra: đạt." in out


def test_selftest_names_the_missing_part_and_fails(capsys, monkeypatch, tmp_path):
    from app import paths

    monkeypatch.setattr(paths, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert main(["selftest", "--no-gui"]) == 1
    out = capsys.readouterr().out
    assert "[LỖI] Tài nguyên: RuntimeError: thiếu phông chữ Tinos-Regular.ttf" in out
    assert "[OK ] Cơ sở dữ liệu:" in out  # the other parts are still checked
    assert "Tự kiểm tra: 1 phần bị lỗi." in out


def test_selftest_fails_on_a_screen_that_cannot_be_opened(capsys, monkeypatch, qapp):
    from ui import screens

    broken = screens.ScreenSpec("thieu", "Màn hình thiếu", "Hệ thống", "ui.screens.khong_co:Trang")
    monkeypatch.setattr(screens, "SCREENS", [*screens.SCREENS, broken])
    assert main(["selftest"]) == 1
    out = capsys.readouterr().out
    assert ("[LỖI] Giao diện: RuntimeError: màn hình thieu: ModuleNotFoundError: "
            "No module named 'ui.screens.khong_co'") in out
