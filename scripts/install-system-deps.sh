#!/usr/bin/env bash
# Debian/Ubuntu packages the real-OBS lab and the GUI tests need (runs as root, or via sudo).
# OBS + obs-websocket, a virtual screen with a window manager (window capture needs EWMH),
# nginx with the RTMP module (the local ingest), gnome-keyring on dbus (the real Secret Service),
# a CJK font (Chinese overlays), and Qt's xcb libraries for screenshots of a real window.
set -euo pipefail
PACKAGES=(
  obs-studio xvfb xauth openbox x11-utils  # x11-utils: xmessage, a window to capture in tests
  nginx-light libnginx-mod-rtmp ffmpeg
  gnome-keyring dbus dbus-x11
  fonts-wqy-microhei fontconfig
  libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0 libegl1 libgl1
  iproute2
  chromium                  # a real browser for page tests (Playwright drives it; no browser download)
  poppler-utils             # pdftoppm / pdftotext / pdffonts: the review's PDF is checked for real
  nsis desktop-file-utils   # the Windows installer compiles here; the .desktop file validates
  xdotool                   # typing into the real window under Xvfb
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
