; Inno Setup script for quizapp on Windows (Inno Setup 6).
;
; 1. On Windows, build the app folder:   py -3.11 packaging\build.py
; 2. Make the installer:                  iscc /DAppVersion=0.1.0 packaging\windows\quizapp.iss
;    The installer is written to dist\quizapp-<version>-windows-x64-setup.exe
;
; Installs per machine by default (Program Files, for every user of a lab computer); the user may choose
; a per-user install instead. Student data lives in each user's data folder (or the folder set in
; quizapp.ini next to quizapp.exe) and is kept on uninstall unless the user ticks "also remove student data".

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
var
  RemoveDataPage: TInputOptionWizardPage;

procedure InitializeUninstallProgressForm();
begin
end;

function DataFolder(): String;
begin
  { platformdirs' user data folder on Windows: %LOCALAPPDATA%\quizapp }
  Result := ExpandConstant('{localappdata}\quizapp');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    if DirExists(DataFolder()) then
    begin
      if MsgBox('Also remove the student data (progress, learners, settings) in ' + DataFolder() + '?' + #13#10 +
                'Choose No to keep it (recommended): it will be used again if quizapp is reinstalled.',
                mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
        DelTree(DataFolder(), True, True, True);
    end;
  end;
end;
