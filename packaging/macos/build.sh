#!/usr/bin/env bash
# macOS: the PyInstaller build as "Studio Console.app" (Info.plist in packaging/studio-console.spec),
# then a .dmg with the app and a link to /Applications. Run on a Mac (no cross-compiling):
#   packaging/macos/build.sh
# Signing and notarising need an Apple Developer ID: set CODESIGN_IDENTITY (and NOTARY_PROFILE
# for `xcrun notarytool`); without them the .dmg is unsigned (Gatekeeper asks the user to allow it).
set -euo pipefail
cd "$(dirname "$0")/../.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q ".[test]" pillow   # pillow: PyInstaller turns the PNG icon into .icns
.venv/bin/python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/studio-console.spec
app="dist/Studio Console.app"
"$app/Contents/MacOS/studio-console" --version
/usr/libexec/PlistBuddy -c "Print :NSLocalNetworkUsageDescription" "$app/Contents/Info.plist"
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --deep --force --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
fi
version=$(.venv/bin/python -c "import studio; print(studio.__version__)")
stage=build/dmg
rm -rf "$stage" && mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg="dist/studio-console-${version}-macos-$(uname -m).dmg"
rm -f "$dmg"
hdiutil create -volname "直播中控台 Studio Console" -srcfolder "$stage" -ov -format UDZO "$dmg"
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$CODESIGN_IDENTITY" --timestamp "$dmg"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
  fi
fi
echo "$dmg"
