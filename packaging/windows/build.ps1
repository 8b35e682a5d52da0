# Windows: the PyInstaller one-folder build, then the NSIS installer around it.
# Run on Windows (PyInstaller does not cross-compile), from the checkout:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs Python 3.11+ and NSIS 3 (makensis on PATH, e.g. `choco install nsis`).
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
if (-not (Test-Path .venv)) { python -m venv .venv }
.venv\Scripts\python -m pip install -q --upgrade pip
.venv\Scripts\python -m pip install -q ".[test]" pillow   # pillow: PyInstaller turns the PNG icon into .ico
.venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\studio-console.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
# The frozen app answers before it is packed: the CLI and its bundled resources.
dist\studio-console\studio-console.exe --version
if ($LASTEXITCODE -ne 0) { throw "the frozen app does not start" }
$version = .venv\Scripts\python -c "import studio; print(studio.__version__)"
Push-Location packaging\windows
makensis /DVERSION=$version installer.nsi
$rc = $LASTEXITCODE
Pop-Location
if ($rc -ne 0) { throw "makensis failed" }
# Sign dist\studio-console-setup-$version.exe here (signtool) when a certificate is available:
# unsigned installers trip SmartScreen and some antivirus programs.
Get-ChildItem dist\studio-console-setup-*.exe
