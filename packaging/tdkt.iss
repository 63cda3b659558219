; Inno Setup 6.3+ script: a per-user installer wrapping dist\tdkt\ (no administrator needed).
; Saved as UTF-8 with a BOM, so ISCC reads the diacritics right; keep it that way.
; Build the app first (python packaging\build.py), then, from the project folder:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\tdkt.iss
; Output: dist\tdkt-setup-<version>.exe. Sign it like the executables (see README.md).
; Inno Setup has no official Vietnamese wizard translation: its pages are in English.
; The user's data lives in %LOCALAPPDATA%\ThiDuaKhenThuong and is never touched by
; installing, updating or uninstalling.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z packaging\tdkt.iss
#endif

[Setup]
AppId={{6B1E2C4A-7D35-4C1B-9F0E-54444B540001}
AppName=Thi đua – Khen thưởng
AppVersion={#AppVersion}
AppPublisher=Thi đua – Khen thưởng
DefaultDirName={localappdata}\Programs\ThiDuaKhenThuong
DefaultGroupName=Thi đua – Khen thưởng
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SourceDir=..
OutputDir=dist
OutputBaseFilename=tdkt-setup-{#AppVersion}
SetupIconFile=resources\icons\app.ico
UninstallDisplayIcon={app}\tdkt.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Files]
; Replace the whole program folder on update, so no file of an older version lingers.
Source: "dist\tdkt\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Thi đua – Khen thưởng"; Filename: "{app}\tdkt.exe"
Name: "{userdesktop}\Thi đua – Khen thưởng"; Filename: "{app}\tdkt.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình nền"

[Run]
Filename: "{app}\tdkt.exe"; Description: "Mở Thi đua – Khen thưởng"; Flags: nowait postinstall skipifsilent
