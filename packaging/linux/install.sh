#!/bin/sh
# Install Studio Console for this user only (no root): the app under ~/.local/opt, a command in
# ~/.local/bin, the menu entry and icon. Run from the unpacked tarball: ./install.sh
# Remove with ./install.sh --uninstall (your plans, show logs and keyring entries are kept).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
opt="$HOME/.local/opt/studio-console"
bin="$HOME/.local/bin"
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt" "$bin/studio-console" "$data/applications/studio-console.desktop" \
         "$data/icons/hicolor/scalable/apps/studio-console.svg" "$data/icons/hicolor/256x256/apps/studio-console.png"
  echo "Studio Console removed. Your plans, show logs and saved passwords were kept."
  exit 0
fi
mkdir -p "$opt" "$bin" "$data/applications" "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/256x256/apps"
rm -rf "$opt" && cp -a "$here/studio-console" "$opt"
ln -sf "$opt/studio-console" "$bin/studio-console"
sed "s|^Exec=studio-console|Exec=$opt/studio-console|" "$here/studio-console.desktop" \
  > "$data/applications/studio-console.desktop"
cp "$here/studio-console.svg" "$data/icons/hicolor/scalable/apps/"
cp "$here/studio-console.png" "$data/icons/hicolor/256x256/apps/"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Studio Console installed: start it from the menu or run $bin/studio-console"
