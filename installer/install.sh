#!/usr/bin/env bash
# For the IT admin: sets up the environment, adds a menu entry and (with --autostart) starts the
# kiosk full screen at login. Data (embeddings/, attendance.db, models/) goes to DATA_DIR.
# Usage: installer/install.sh [--autostart] [--data-dir DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}/kiosk"
autostart=0
while [ $# -gt 0 ]; do
    case "$1" in
        --autostart) autostart=1 ;;
        --data-dir) data="$2"; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
"$root/installer/setup.sh"
mkdir -p "$data/models"
entry="$(sed -e "s#@KIOSK_DIR@#$root#g" -e "s#@DATA_DIR@#$data#g" "$root/installer/kiosk.desktop")"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
printf '%s\n' "$entry" > "$apps/kiosk.desktop"
if [ "$autostart" = 1 ]; then
    mkdir -p "$HOME/.config/autostart"
    printf '%s\n' "$entry" > "$HOME/.config/autostart/kiosk.desktop"
fi
cat <<MSG
Installed. Data folder: $data
  Menu entry: $apps/kiosk.desktop$( [ "$autostart" = 1 ] && printf '\n  Starts full screen at login.' )
  Model weights: copy them into $data/models (or run: $root/.venv/bin/python -m kiosk --data-dir $data models fetch)
  Check:        $root/.venv/bin/python -m kiosk --data-dir $data models
MSG
