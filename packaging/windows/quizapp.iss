; Inno Setup script for quizapp on Windows (Inno Setup 6).
;
; 1. On Windows, build the app folder:   py -3.11 packaging\build.py
; 2. Make the installer (Inno Setup 6.3 or newer, for "x64compatible"):
;                                         iscc /DAppVersion=0.1.0 packaging\windows\quizapp.iss
;    The installer is written to dist\quizapp-<version>-windows-x64-setup.exe
;
;    Signed builds: define SignTool (the workflow does this only when a certificate secret is set), e.g.
;       iscc /DAppVersion=0.1.0 /DSignTool "/Ssigntool=signtool.exe sign /fd sha256 /f cert.pfx /p PASS /tr URL /td sha256 $f" ...
;
; Installs per machine by default (Program Files, for every user of a lab computer); the user may choose
; a per-user install instead. quizapp-cli.exe (the console twin of quizapp.exe) runs commands.
;
; Where pupils' data lives: each Windows account's own %LOCALAPPDATA%\quizapp (C:\Users\NAME\AppData\Local\quizapp),
; or, with the "shared data folder" task, C:\ProgramData\quizapp for every account (a quizapp.ini next to
; quizapp.exe points there; see docs/data.md). The uninstaller of a per-machine install runs elevated, where
; {localappdata} is the administrator's own profile, not the pupils': it never touches any data folder. Only a
; per-user install's uninstaller (running as that user) offers to remove that user's data, defaulting to No.
; The shared folder is never removed. An upgrade removes the previous version's _internal folder first.

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
; made from assets\icons\app.svg by packaging\make_icons.py when build.py runs (16 to 256 px frames)
SetupIconFile=..\..\build\icons\quizapp.ico
#ifdef SignTool
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "shareddata"; Description: "Keep every user's data in one shared folder (ProgramData\quizapp), for labs where children log in with different accounts"; GroupDescription: "Data"; Flags: unchecked; Check: IsAdminInstallMode

[InstallDelete]
; The previous version's libraries: left in place, a mix of old and new files could fail to start.
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
Name: "{commonappdata}\quizapp"; Tasks: shareddata; Flags: uninsneveruninstall

[Files]
Source: "..\..\dist\quizapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; Every user of the computer may create and change files in the shared folder (and the files in it): Users
; (S-1-5-32-545, named by SID so that it works on Windows in any language) get Modify, inherited.
Filename: "{sys}\icacls.exe"; Parameters: """{commonappdata}\quizapp"" /grant *S-1-5-32-545:(OI)(CI)M /T /Q"; Flags: runhidden waituntilterminated; Tasks: shareddata
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The administrator's setting written by the shared-data task (not data: the folder it names is kept).
Type: files; Name: "{app}\quizapp.ini"

[Code]
const
  IniNote = '; Written by the quizapp installer: every user''s data is kept in this folder (see docs/data.md).';

procedure CurStepChanged(CurStep: TSetupStep);
var
  Lines: TArrayOfString;
begin
  { The shared-data task points quizapp at the shared folder with a quizapp.ini next to quizapp.exe, in UTF-8.
    An existing quizapp.ini (an administrator's own choice) is left as it is. }
  if (CurStep = ssPostInstall) and WizardIsTaskSelected('shareddata') and not FileExists(ExpandConstant('{app}\quizapp.ini')) then
  begin
    SetArrayLength(Lines, 3);
    Lines[0] := IniNote;
    Lines[1] := '[paths]';
    Lines[2] := 'data_dir = ' + ExpandConstant('{commonappdata}\quizapp');
    if not SaveStringsToUTF8File(ExpandConstant('{app}\quizapp.ini'), Lines, False) then
      SuppressibleMsgBox('Could not write ' + ExpandConstant('{app}\quizapp.ini') + '; each user keeps their own data folder.', mbError, MB_OK, IDOK);
  end;
end;

function UserDataFolder(): String;
begin
  { platformdirs' user data folder on Windows: %LOCALAPPDATA%\quizapp of the user running the uninstaller }
  Result := ExpandConstant('{localappdata}\quizapp');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  { A per-machine uninstall runs elevated: {localappdata} is then the administrator's profile, not a pupil's,
    so it touches no data folder at all. Only a per-user uninstall, running as the user whose data it is,
    offers to remove it. }
  if (CurUninstallStep = usPostUninstall) and not IsAdminInstallMode() then
  begin
    if DirExists(UserDataFolder()) then
    begin
      { SuppressibleMsgBox: a silent uninstall (/VERYSILENT /SUPPRESSMSGBOXES) takes the default, No, and keeps
        the data; a plain MsgBox would stop it and wait for a click. }
      if SuppressibleMsgBox('Also remove your quizapp data (progress, learners, settings) in ' + UserDataFolder() + '?' + #13#10#13#10 +
                'Choose No to keep it (recommended): it will be used again if quizapp is reinstalled. ' +
                'Data of other Windows users, and a data folder set in quizapp.ini, are always kept.',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
        DelTree(UserDataFolder(), True, True, True);
    end;
  end;
end;
