; Inno Setup script for quizapp on Windows (Inno Setup 6).
;
; 1. On Windows, build the app folder:   py -3.11 packaging\build.py
; 2. Make the installer (Inno Setup 6.3 or newer, for "x64compatible"):
;                                         iscc /DAppVersion=0.1.0 packaging\windows\quizapp.iss
;    The installer is written to dist\quizapp-<version>-windows-x64-setup.exe
;
; Installs per machine by default (Program Files, for every user of a lab computer); the user may choose
; a per-user install instead. Student data lives in each user's data folder (or the folder set in
; quizapp.ini next to quizapp.exe) and is kept on uninstall unless the user answers Yes to "Also remove the
; student data"; a silent uninstall keeps it. quizapp-cli.exe (the console twin of quizapp.exe) runs commands.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "quizapp"
#define AppExe "quizapp.exe"

[Setup]
AppId={{6F0C2B8E-5E0B-4C55-9C1B-3B7C1A6F2D41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=quizapp developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
OutputDir=..\..\dist
OutputBaseFilename=quizapp-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}
WizardStyle=modern
DisableProgramGroupPage=yes
SetupIconFile=..\icons\quizapp.ico

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\quizapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function DataFolder(): String;
begin
  { platformdirs' user data folder on Windows: %LOCALAPPDATA%\quizapp of the user running the uninstaller }
  Result := ExpandConstant('{localappdata}\quizapp');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    if DirExists(DataFolder()) then
    begin
      { SuppressibleMsgBox: a silent uninstall (/VERYSILENT /SUPPRESSMSGBOXES) takes the default, No, and keeps
        the data; a plain MsgBox would stop it and wait for a click. }
      if SuppressibleMsgBox('Also remove the student data (progress, learners, settings) in ' + DataFolder() + '?' + #13#10#13#10 +
                'Choose No to keep it (recommended): it will be used again if quizapp is reinstalled. ' +
                'Data of other Windows users, and a data folder set in quizapp.ini, are always kept.',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
        DelTree(DataFolder(), True, True, True);
    end;
  end;
end;
