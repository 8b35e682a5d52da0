; Windows installer around the PyInstaller one-folder build (dist\studio-console).
; Build on Windows after PyInstaller: makensis packaging\windows\installer.nsi
; Per-user install (no admin prompt at a studio desk); Chinese wizard first. Sign the result.
Unicode true
!include "MUI2.nsh"
Name "直播中控台 Studio Console"
OutFile "..\..\dist\studio-console-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\StudioConsole"
RequestExecutionLevel user
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
Section "Install"
  SetOutPath "$INSTDIR"
  File /r "..\..\dist\studio-console\*.*"
  CreateShortcut "$SMPROGRAMS\直播中控台.lnk" "$INSTDIR\studio-console.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
SectionEnd
Section "Uninstall"
  Delete "$SMPROGRAMS\直播中控台.lnk"
  RMDir /r "$INSTDIR"
SectionEnd
