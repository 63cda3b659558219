"""The Inno Setup installer (packaging/tdkt.iss), read and checked here since ISCC runs only on
Windows: Vietnamese wizard from the project's own messages file, per-user install without
administrator, AppMutex matching the mutex the app holds, data folder never touched, shortcuts
named in Vietnamese. The Windows workflow then compiles, installs, upgrades and uninstalls it."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from app import app_mutex, paths
from app.backup import schedule
from app.cli import main
from tests.winfake import fake_posix, fake_windows

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "tdkt.iss"
ISL = ROOT / "packaging" / "Vietnamese.isl"
APP_NAME = "Thi đua – Khen thưởng"

# Every message of the pages and dialogs this installer and its uninstaller show.
PAGES_USED = {
    "titles": "SetupAppTitle SetupWindowTitle UninstallAppTitle UninstallAppFullTitle "
              "InformationTitle ConfirmTitle ErrorTitle",
    "app running": "SetupAppRunningError UninstallAppRunningError SetupAlreadyRunning",
    "platform": "WindowsVersionNotSupported WinVersionTooLowError OnlyOnTheseArchitectures",
    "buttons": "ButtonBack ButtonNext ButtonInstall ButtonOK ButtonCancel ButtonYes ButtonNo "
               "ButtonFinish ButtonBrowse ButtonWizardBrowse ClickNext ExitSetupTitle "
               "ExitSetupMessage",
    "welcome": "WelcomeLabel1 WelcomeLabel2",
    "tasks": "WizardSelectTasks SelectTasksDesc SelectTasksLabel2",
    "ready": "WizardReady ReadyLabel1 ReadyLabel2a ReadyLabel2b ReadyMemoDir ReadyMemoTasks",
    "preparing": "WizardPreparing PreparingDesc CannotContinue PreviousInstallNotCompleted "
                 "ApplicationsFound ApplicationsFound2 CloseApplications DontCloseApplications "
                 "ErrorCloseApplications PrepareToInstallNeedsRestart",
    "installing": "WizardInstalling InstallingLabel StatusExtractFiles StatusCreateIcons "
                  "StatusSavingUninstall StatusRunProgram StatusRollback SetupAborted "
                  "DiskSpaceWarningTitle DiskSpaceWarning ErrorCreatingDir",
    "file errors": "SourceIsCorrupted ErrorCopying ErrorReplacingExistingFile "
                   "AbortRetryIgnoreSelectAction AbortRetryIgnoreRetry AbortRetryIgnoreIgnore "
                   "AbortRetryIgnoreCancel FileAbortRetryIgnoreSkipNotRecommended",
    "finished": "FinishedHeadingLabel FinishedLabel FinishedLabelNoIcons ClickFinish "
                "RunEntryExec FinishedRestartLabel YesRadio NoRadio",
    "uninstall": "ConfirmUninstall UninstallStatusLabel UninstalledAll UninstalledMost "
                 "WizardUninstalling StatusUninstalling UninstalledAndNeedsRestart",
    "custom": "CreateDesktopIcon AdditionalIcons LaunchProgram",
}
ENGLISH = re.compile(r"\b(the|Setup|click|Click|Please|installation|computer|folder|"
                     r"Next|Cancel|Finish)\b")


def _iss() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    for name, value in re.findall(r'^#define (\w+) "([^"]*)"', text, re.MULTILINE):
        text = text.replace("{#" + name + "}", value)
    return text


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith((";", "#")):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return sections


def _entries(lines: list[str]) -> list[dict[str, str]]:
    """Inno's `Name: "x"; Flags: y` lines as dicts."""
    return [{k: v.strip('"') for k, v in re.findall(r'(\w+): ("(?:[^"]|"")*"|[^;]+)', line)}
            for line in lines]


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _sections(_iss())["Setup"])


def _messages() -> dict[str, str]:
    raw = ISL.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, or ISCC reads it as ANSI
    sections = _sections(raw.decode("utf-8-sig"))
    assert dict(line.split("=", 1) for line in sections["LangOptions"])["LanguageID"] == "$042A"
    return dict(line.split("=", 1) for line in sections["Messages"] + sections["CustomMessages"])


def test_installs_per_user_without_administrator_outside_the_data_folder():
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"] == "{localappdata}\\Programs\\ThiDuaKhenThuong"
    assert setup["DisableDirPage"] == "yes"  # the officer cannot pick the data folder instead
    data = "{localappdata}\\" + paths.APP_DIR_NAME  # platformdirs' user data folder on Windows
    program = setup["DefaultDirName"]
    assert not program.startswith(data + "\\") and not data.startswith(program + "\\")
    assert program != data


def test_upgrade_and_uninstall_never_name_the_data_folder():
    text = _iss()
    sections = _sections(text)
    for section in ("InstallDelete", "UninstallDelete"):
        for entry in _entries(sections.get(section, [])):
            assert entry["Name"].startswith("{app}\\"), entry
    assert "[Code]" not in text and "DelTree" not in text
    assert "{userappdata}" not in text
    assert "{localappdata}\\" + paths.APP_DIR_NAME not in text


def test_app_mutex_is_the_one_the_app_holds():
    assert _setup()["AppMutex"].split(",") == list(app_mutex.MUTEX_NAMES)
    assert _setup()["CloseApplications"] == "no"  # never kill a backup that is running


def test_uninstall_removes_the_monthly_backup_task():
    [entry] = _entries(_sections(_iss())["UninstallRun"])
    assert entry["Filename"] == "{sys}\\schtasks.exe"
    assert entry["Parameters"] == f'/Delete /TN ""{schedule.TASK_NAME}"" /F'


def test_shortcuts_are_named_in_vietnamese():
    icons = _entries(_sections(_iss())["Icons"])
    assert [i["Name"] for i in icons] == [f"{{autoprograms}}\\{APP_NAME}",
                                         f"{{autodesktop}}\\{APP_NAME}"]
    assert unicodedata.is_normalized("NFC", APP_NAME)
    assert all(i["Filename"] == "{app}\\tdkt.exe" for i in icons)
    assert icons[1]["Tasks"] == "desktopicon"
    [task] = _entries(_sections(_iss())["Tasks"])
    assert task["Description"] == "{cm:CreateDesktopIcon}"


def test_wizard_speaks_the_projects_vietnamese():
    [language] = _entries(_sections(_iss())["Languages"])
    assert language["MessagesFile"] == "compiler:Default.isl,{#SourcePath}Vietnamese.isl"
    messages = _messages()
    needed = {key for keys in PAGES_USED.values() for key in keys.split()}
    missing = needed - set(messages)
    assert not missing, f"add to packaging/Vietnamese.isl: {sorted(missing)}"
    for key, value in messages.items():
        assert unicodedata.is_normalized("NFC", value), key
        assert not ENGLISH.search(value), f"{key} is still English: {value}"
    for key in needed - {"ButtonOK", "ButtonFinish"}:  # "OK", "&Xong"
        assert re.search(r"[à-ỹđ]", messages[key], re.IGNORECASE), f"{key}: {messages[key]}"
    # the promises the officer reads while uninstalling
    assert "Dữ liệu" in messages["ConfirmUninstall"] and "giữ nguyên" in messages["UninstalledAll"]
    assert messages["SetupAppRunningError"].count("%1") == 1


def test_messages_keep_their_placeholders():
    messages = _messages()
    for key, placeholders in {"SetupWindowTitle": ["%1"], "DiskSpaceWarning": ["%1", "%2"],
                              "WelcomeLabel2": ["[name/ver]"], "ReadyLabel1": ["[name]"],
                              "FinishedLabel": ["[name]"], "UninstallStatusLabel": ["%1"],
                              "LaunchProgram": ["%1"], "ErrorFunctionFailed": ["%1", "%2"]
                              }.items():
        for placeholder in placeholders:
            assert placeholder in messages[key], key
    assert "&" in messages["ButtonNext"] and "&" in messages["CreateDesktopIcon"]


# ------------------------------------------------------------------ the mutex in the app
@pytest.fixture
def no_mutex_yet(monkeypatch):
    monkeypatch.setattr(app_mutex, "_held", [])


def test_the_program_holds_the_mutexes_from_its_start_on_windows(no_mutex_yet, monkeypatch, db,
                                                                 capsys):
    kernel32 = fake_windows(monkeypatch)
    assert main(["check", "--db", str(db.path)]) == 0
    assert list(kernel32.mutexes.values()) == list(app_mutex.MUTEX_NAMES)
    assert all(not initial for _, _, initial in
               [c for c in kernel32.calls if c[0] == "CreateMutexW"])
    assert app_mutex._held == list(kernel32.mutexes)  # kept open for the life of the process
    assert main(["check", "--db", str(db.path)]) == 0
    assert len(kernel32.mutexes) == 2  # once per process


def test_no_mutex_elsewhere(no_mutex_yet, monkeypatch):
    fake_posix(monkeypatch)
    assert app_mutex.hold_app_mutex() is False
    assert app_mutex._held == []
