"""Shared fixtures: every test gets its own temporary data folder and database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app import paths


@pytest.fixture(autouse=True)
def tmp_data_dir(tmp_path, monkeypatch):
    """Keep the user data folder (logs, backups, settings) inside the test's temp folder."""
    folder = tmp_path / "dữ liệu người dùng"  # a Vietnamese path, as on real Windows PCs
    paths.set_data_dir(folder)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture(autouse=True)
def no_password_store(monkeypatch):
    """Tests never touch the PC's own password store (Windows Credential Manager, Keychain):
    no store at all, unless a test installs the in-memory one (tests/backup/conftest.py)."""
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # children
    keyring.set_keyring(fail.Keyring())


@pytest.fixture(scope="session", autouse=True)
def vietnamese_qt(qapp):
    """Every test sees Qt as the officer does: Vietnamese locale (decimal comma, "8.000") and
    Qt's own texts translated, as ui.app.make_application sets them up."""
    from tests.ui.vietnamese import started_app

    return started_app()


@pytest.fixture
def db(tmp_path):
    from app.context import open_app_database

    database = open_app_database(tmp_path / "thử nghiệm.sqlite")
    yield database
    database.dispose()


@pytest.fixture
def dialogs(monkeypatch):
    """ui.dialogs replaced by a recorder (no modal message boxes in tests)."""
    from tests.ui.helpers import DialogRecorder

    return DialogRecorder(monkeypatch)


@pytest.fixture
def org_db(db):
    """A database with the organisation and a signer set up (past the first-run screen)."""
    from app.services.system.organization import OrgData, SignerData, save_org, save_signers

    save_org(db, OrgData("UBND THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH ĐÔNG",
                         "phường Thành Đông", "Thành Đông"))
    save_signers(db, [SignerData("Nguyễn Văn Hùng", "Chủ tịch", "")])
    return db


# PySide6 6.12 over-releases a bool while tearing down the thousands of Qt wrappers a full
# run leaves behind ("bool_dealloc" abort at interpreter exit, after every test has passed).
# The report is complete by then: leave with pytest's own exit status, skipping the teardown.
_EXIT = {}


def pytest_sessionfinish(session, exitstatus):
    _EXIT["status"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if "status" in _EXIT and os.environ.get("TDKT_TEST_FULL_TEARDOWN") != "1":
        import sys

        config.get_terminal_writer().flush()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT["status"])
