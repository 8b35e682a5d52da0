; Windows installer around the PyInstaller one-folder build (dist\studio-console).
; Build on Windows after PyInstaller (packaging\windows\build.ps1 does both):
;   makensis /DVERSION=0.1.0 packaging\windows\installer.nsi
; Per-user install (no admin prompt at a studio desk), Chinese and English pages, a Start-menu
; entry and a desktop shortcut. The uninstaller keeps the user's plans, show logs and keyring
; entries unless the user ticks "also delete". Sign the result (unsigned builds trip SmartScreen).
; Defines: VERSION, OUTFILE (default ..\..\dist\studio-console-setup.exe), BUILD (the one-folder
; build, default ..\..\dist\studio-console), FAST (no compression: the Linux test compiles it).
Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef BUILD
  !define BUILD "..\..\dist\studio-console"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\studio-console-setup-${VERSION}.exe"
!endif
!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif
!define APPKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\StudioConsole"
!define EXE "studio-console.exe"

Name "直播中控台 Studio Console"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\StudioConsole"
InstallDirRegKey HKCU "${APPKEY}" "InstallLocation"
RequestExecutionLevel user
ShowInstDetails show
ShowUninstDetails show
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Studio Console"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "直播中控台 Studio Console"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; the language dialog offers both.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString ShortcutName ${LANG_SIMPCHINESE} "直播中控台"
LangString ShortcutName ${LANG_ENGLISH} "Studio Console"
LangString SecProgram ${LANG_SIMPCHINESE} "卸载程序文件"
LangString SecProgram ${LANG_ENGLISH} "Remove the program"
LangString SecUserData ${LANG_SIMPCHINESE} "同时删除我的设置、直播记录和保存的密码（直播方案文件保留在“文档”中）"
LangString SecUserData ${LANG_ENGLISH} "Also delete my settings, show logs and saved passwords (plans in Documents are kept)"
LangString KeptData ${LANG_SIMPCHINESE} "已保留你的设置、直播记录和钥匙串中的密码。"
LangString KeptData ${LANG_ENGLISH} "Your settings, show logs and saved passwords were kept."

Function .onInit
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Install"
  SetOutPath "$INSTDIR"
  ; The file list is the build's: tests/integration/test_packaging.py compiles this script with
  ; /DFAST against the Linux build and compares what makensis packed with the build folder.
  File /r "${BUILD}\*.*"
  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\${EXE}"
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\${EXE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${APPKEY}" "DisplayName" "直播中控台 Studio Console"
  WriteRegStr HKCU "${APPKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${APPKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${APPKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${APPKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${APPKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${APPKEY}" "NoRepair" 1
SectionEnd

Section "!un.$(SecProgram)" UnProgram
  SectionIn RO
  Delete "$SMPROGRAMS\$(ShortcutName).lnk"
  Delete "$DESKTOP\$(ShortcutName).lnk"
  ; Only our own folder: the program files and the uninstaller, nothing the user made.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${APPKEY}"
SectionEnd

; Off unless ticked (/o): settings and show logs (platformdirs: %LOCALAPPDATA%\studio-console)
; and the keyring entries (Windows Credential Manager, service "studio-console"). Plans the
; user saved (Documents) are never touched.
Section /o "un.$(SecUserData)" UnUserData
  RMDir /r "$LOCALAPPDATA\studio-console"
  nsExec::ExecToLog 'powershell -NoProfile -ExecutionPolicy Bypass -Command "cmdkey /list | Select-String -Pattern ''target=(.*studio-console.*)$$'' | ForEach-Object { cmdkey /delete:$$($$_.Matches[0].Groups[1].Value.Trim()) }"'
  Pop $0
SectionEnd

Function un.onUninstSuccess
  SectionGetFlags ${UnUserData} $0
  IntOp $0 $0 & ${SF_SELECTED}
  StrCmp $0 ${SF_SELECTED} done
  MessageBox MB_OK|MB_ICONINFORMATION "$(KeptData)"
  done:
FunctionEnd
