; Inno Setup 6.3+ script: a per-user installer wrapping dist\tdkt\, in Vietnamese, no administrator.
; Saved as UTF-8 with a BOM, so ISCC reads the diacritics right; keep it that way.
; Build the app first (python packaging\build.py), then, from the project folder:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\tdkt.iss
; Output: dist\tdkt-setup-<version>.exe. Sign it like the executables (see README.md).
; The wizard speaks Vietnamese through the project's own packaging\Vietnamese.isl.
; The user's data lives in %LOCALAPPDATA%\ThiDuaKhenThuong, outside the program folder
; %LOCALAPPDATA%\Programs\ThiDuaKhenThuong: installing, updating and uninstalling never touch it.
; tests/packaging/test_installer.py checks these promises by reading this file.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z packaging\tdkt.iss
#endif
#define AppName "Thi đua – Khen thưởng"
; The Task Scheduler task of the monthly backup (app/backup/schedule.py TASK_NAME).
#define BackupTask "ThiDuaKhenThuong\SaoLuuHangThang"

[Setup]
AppId={{6B1E2C4A-7D35-4C1B-9F0E-54444B540001}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per user, no administrator: the program goes under the user's own AppData.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\ThiDuaKhenThuong
DisableDirPage=yes
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableWelcomePage=no
; Never install over (or uninstall) a running copy: the app holds these mutexes while it
; runs, a scheduled backup included (app/app_mutex.py MUTEX_NAMES).
AppMutex=ThiDuaKhenThuong.DangChay,Global\ThiDuaKhenThuong.DangChay
CloseApplications=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..
OutputDir=dist
OutputBaseFilename=tdkt-setup-{#AppVersion}
SetupIconFile=resources\icons\app.ico
UninstallDisplayIcon={app}\tdkt.exe
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
; Default.isl first: a message added by a newer Inno Setup shows in English instead of failing.
Name: "vi"; MessagesFile: "compiler:Default.isl,{#SourcePath}Vietnamese.isl"

[Files]
; Replace the whole program folder on update, so no file of an older version lingers.
Source: "dist\tdkt\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Only the program's own libraries; the data folder is elsewhere and never named here.
Type: filesandordirs; Name: "{app}\_internal"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\tdkt.exe"; Comment: "Công tác thi đua, khen thưởng cấp xã, phường"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\tdkt.exe"; Comment: "Công tác thi đua, khen thưởng cấp xã, phường"; Tasks: desktopicon

[Run]
Filename: "{app}\tdkt.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; A monthly backup task would otherwise start a program that is gone. The data stays.
Filename: "{sys}\schtasks.exe"; Parameters: "/Delete /TN ""{#BackupTask}"" /F"; Flags: runhidden; RunOnceId: "XoaLichSaoLuu"
