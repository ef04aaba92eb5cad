; Windows installer for the standalone bundle (Inno Setup 6): per user, no administrator
; rights. It copies dist\isv-assistent\ (built by `bash .ci/bundle`) to
; %LOCALAPPDATA%\Programs\ISV-assistent and adds a Start-menu entry. The user's data
; (%LOCALAPPDATA%\isv-assistent) and settings (%APPDATA%\isv-assistent) are not touched by
; installing, upgrading or uninstalling. Built by .github/workflows/bundle.yml:
;   iscc /DAppVersion=0.1.0 tools\installer\isv-assistent.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{5B0F3C1E-7A52-4C55-9F2B-1E8D6A9C4B17}
AppName=ISV-assistent
AppVersion={#AppVersion}
AppPublisher=ISV-assistent
PrivilegesRequired=lowest
DefaultDirName={autopf}\ISV-assistent
DisableProgramGroupPage=yes
DisableDirPage=yes
UninstallDisplayIcon={app}\isv-assistent.exe
OutputDir=..\..\dist\installer
OutputBaseFilename=isv-assistent-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Files]
; An upgrade replaces the program folder whole: no file of an older bundle stays behind.
Source: "..\..\dist\isv-assistent\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\ISV-assistent"; Filename: "{app}\isv-assistent.exe"
Name: "{autodesktop}\ISV-assistent"; Filename: "{app}\isv-assistent.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\isv-assistent.exe"; Description: "{cm:LaunchProgram,ISV-assistent}"; Flags: nowait postinstall skipifsilent
