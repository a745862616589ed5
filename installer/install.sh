#!/usr/bin/env bash
# For the IT admin: installs the kiosk for the user who runs it (the kiosk's login user), so that
# it starts full screen at login and is started again if it dies. docs/install.md is the guide.
#
#   installer/install.sh [options]                  install (or repair) from this folder
#   installer/install.sh --upgrade [options]        the application from this folder, data kept and migrated
#   installer/install.sh --uninstall [--purge]      remove it; the data stays unless --purge
#
# Where things go (each can be changed):
#   --prefix DIR     the application and its environment   (~/.local/opt/kiosk: app/, venv/, bin/)
#   --data-dir DIR   people, attendance, settings, models   (~/.local/share/kiosk)
#   --state-dir DIR  the log and the supervisor's pid files (~/.local/state/kiosk)
# The environment:
#   --python PY          the interpreter for the virtual environment (default python3)
#   --wheels DIR         install from this folder of wheels only, no network (pip --find-links --no-index)
#   --index-url URL      a local package index instead of PyPI
#   --reuse-packages-of PY   the new environment also sees PY's installed packages (an image's
#                        prebuilt environment, the tests): nothing is downloaded
# The models (the kiosk never downloads by itself):
#   --models DIR     copy the weight files found in DIR, each checked against its sha256
#   --fetch-models   download the specified pair now (`kiosk models fetch`: sha256-checked, fails fast)
# Starting:
#   --no-autostart   no start at login (a menu entry only)
#   --no-systemd     the supervisor script even where a systemd user manager runs
#   --apt            install the missing system packages with apt-get (as root, or through sudo)
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${KIOSK_PREFIX:-$HOME/.local/opt/kiosk}"
data="${XDG_DATA_HOME:-$HOME/.local/share}/kiosk"
state="${XDG_STATE_HOME:-$HOME/.local/state}/kiosk"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
autostart_dir="${XDG_CONFIG_HOME:-$HOME/.config}/autostart"
units="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
python="python3"
mode=install purge=0 autostart=1 use_systemd=auto apt=0 models="" fetch=0 reuse="" data_given=0 state_given=0

die() { echo "kiosk install: $*" >&2; exit 1; }
say() { echo "kiosk install: $*" >&2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --upgrade) mode=upgrade ;;
        --uninstall) mode=uninstall ;;
        --purge) purge=1 ;;
        --prefix) prefix="$2"; shift ;;
        --data-dir) data="$2"; data_given=1; shift ;;
        --state-dir) state="$2"; state_given=1; shift ;;
        --python) python="$2"; shift ;;
        --wheels) [ -d "$2" ] || die "--wheels $2 is not a folder"
                  export PIP_FIND_LINKS="$(cd "$2" && pwd)" PIP_NO_INDEX=1; shift ;;
        --index-url) export PIP_INDEX_URL="$2"; shift ;;
        --reuse-packages-of) reuse="$2"; shift ;;
        --models) [ -d "$2" ] || die "--models $2 is not a folder"; models="$(cd "$2" && pwd)"; shift ;;
        --fetch-models) fetch=1 ;;
        --no-autostart) autostart=0 ;;
        --no-systemd) use_systemd=0 ;;
        --apt) apt=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
    shift
done
[ "$purge" = 0 ] || [ "$mode" = uninstall ] || die "--purge goes with --uninstall"
prefix="$(mkdir -p "$prefix" && cd "$prefix" && pwd)"
record="$prefix/install.env"

# An existing installation's folders win for --upgrade and --uninstall (they are in install.env).
# After an uninstall that kept the data, --uninstall --purge still finds it at the default folders.
if [ "$mode" != install ] && [ -f "$record" ]; then
    # shellcheck disable=SC1090
    . "$record"
    [ "$data_given" = 1 ] || data="$KIOSK_DATA_DIR"
    [ "$state_given" = 1 ] || state="$KIOSK_STATE_DIR"
elif [ "$mode" = upgrade ]; then
    die "no installation in $prefix to upgrade (give --prefix DIR, or install first)"
fi

systemd_user() { command -v systemctl > /dev/null && systemctl --user show-environment > /dev/null 2>&1; }

# -- stopping the running kiosk (upgrade, uninstall) ----------------------------------------------
# Alive: running, not a zombie waiting for its parent (the session) to collect it.
pid_alive() { [ -n "$1" ] && kill -0 "$1" 2> /dev/null && ! grep -q '^State:.*Z' "/proc/$1/status" 2> /dev/null; }
read_pid() { cat "$1" 2> /dev/null || true; }

stop_kiosk() {
    if [ "${KIOSK_SYSTEMD:-0}" = 1 ] && systemd_user; then
        systemctl --user stop kiosk.service 2> /dev/null || true
    fi
    local sup
    sup="$(read_pid "$state/supervisor.pid")"
    if pid_alive "$sup" && grep -q supervise.py "/proc/$sup/cmdline" 2> /dev/null; then
        kill -TERM "$sup"
        for _ in $(seq 1 150); do pid_alive "$sup" || break; sleep 0.1; done
        pid_alive "$sup" && die "the kiosk's supervisor (pid $sup) did not stop"
        say "stopped the running kiosk"
    fi
}

restart_kiosk() {
    # The supervisor (or systemd) starts it again, now on the new version.
    if [ "${KIOSK_SYSTEMD:-0}" = 1 ] && systemd_user; then
        systemctl --user daemon-reload
        systemctl --user try-restart kiosk.service || true
        return
    fi
    local child
    child="$(read_pid "$state/kiosk.pid")"
    if pid_alive "$child"; then
        kill -TERM "$child"
        say "restarting the running kiosk on the new version"
    fi
}

# -- uninstall -------------------------------------------------------------------------------------
if [ "$mode" = uninstall ]; then
    stop_kiosk
    if [ "${KIOSK_SYSTEMD:-0}" = 1 ] && systemd_user; then
        systemctl --user disable kiosk.service 2> /dev/null || true
    fi
    rm -f "$units/kiosk.service" "$apps/kiosk.desktop" "$autostart_dir/kiosk.desktop"
    systemd_user && systemctl --user daemon-reload 2> /dev/null || true
    # Only what this script made: a folder it installed into, a data folder that holds kiosk data.
    if [ -f "$record" ] || [ -d "$prefix/venv" ]; then
        rm -rf "$prefix"
    elif [ -d "$prefix" ]; then
        rmdir "$prefix" 2> /dev/null || true
    fi
    if [ "$purge" = 1 ]; then
        [ "$data" != "$HOME" ] && [ "$data" != / ] || die "refusing to purge $data"
        if [ -d "$data" ] && [ -n "$(ls -A "$data")" ] && ! ls "$data" | grep -qE '^(attendance\.db|kiosk\.toml|embeddings|models|backups)$'; then
            die "$data does not look like a kiosk data folder: not purged"
        fi
        # The gallery's key lives outside the data folder (kiosk/security/at_rest.py): remove it too.
        marker="$data/embeddings/.encryption.json"
        if [ -f "$marker" ]; then
            key_id="$(sed -n 's/.*"key_id": *"\([0-9a-zA-Z]*\)".*/\1/p' "$marker")"
            keys="${KIOSK_KEY_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/kiosk/keys}"
            [ -n "$key_id" ] && rm -f "$keys/$key_id.key"
        fi
        rm -rf "$data" "$state"
        say "removed the kiosk, its data ($data) and its logs ($state)"
    else
        say "removed the kiosk; its data is kept in $data (remove it with --uninstall --purge)"
    fi
    exit 0
fi

# -- the system's packages (Qt's xcb libraries, libpulse0) -------------------------------------------
missing="$("$src/installer/screen.sh" --check || true)"
if [ -n "$missing" ]; then
    if [ "$apt" = 1 ]; then
        "$src/installer/screen.sh"  # apt-get, as root or through sudo
        missing=""
    else
        say "a real screen needs these Debian/Ubuntu packages, missing here:" $missing
        say "  install them with: sudo installer/screen.sh   (or give --apt, as root or with sudo rights)"
    fi
fi

# -- the application and its environment -----------------------------------------------------------
version="$(sed -n 's/^version = "\(.*\)"/\1/p' "$src/pyproject.toml")"
if [ "$mode" = upgrade ]; then
    # A copy of the database and settings before anything changes (the app migrates them at start).
    stamp="$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$data/backups"
    if [ -f "$data/attendance.db" ]; then
        "$prefix/venv/bin/python" - "$data/attendance.db" "$data/backups/attendance-$stamp.db" <<'PY'
import sqlite3, sys
source, target = sqlite3.connect(sys.argv[1]), sqlite3.connect(sys.argv[2])
with target:
    source.backup(target)
PY
    fi
    if [ -f "$data/kiosk.toml" ]; then cp -p "$data/kiosk.toml" "$data/backups/kiosk-$stamp.toml"; fi
    say "backed up the database and settings to $data/backups (stamp $stamp)"
fi
# The application: this folder's code and resources, replaced as a whole.
rm -rf "$prefix/app.new"
mkdir -p "$prefix/app.new"
(cd "$src" && tar -c --exclude=__pycache__ --exclude='*.pyc' kiosk resources main.py run.sh pyproject.toml \
    README.md installer) | tar -x -C "$prefix/app.new"
rm -rf "$prefix/app.old"
[ -d "$prefix/app" ] && mv "$prefix/app" "$prefix/app.old"
mv "$prefix/app.new" "$prefix/app"
rm -rf "$prefix/app.old"
# The environment: installer/setup.sh (the same as the developer's, here for the copy).
venv="$prefix/venv"
if [ ! -x "$venv/bin/python" ]; then
    if [ -n "$reuse" ]; then
        "$python" -m venv --without-pip "$venv"
    else
        "$python" -m venv "$venv"
    fi
fi
if [ -n "$reuse" ]; then
    # pip, setuptools and every dependency come from PY's environment: no download, no build env.
    site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    "$reuse" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' > "$site/kiosk-reuse.pth"
    export PIP_NO_INDEX=1 PIP_FIND_LINKS="" PIP_NO_BUILD_ISOLATION=0
fi
KIOSK_VENV="$venv" PYTHON="$python" "$prefix/app/installer/setup.sh"
# The translations (.qm) built by PySide6's own pyside6-lrelease beside their .ts sources in the
# installed copy, where the kiosk looks first (docs/languages.md): none is built at the first start.
(cd "$prefix/app" && "$venv/bin/python" -m kiosk.ui.i18n build --installed > /dev/null) \
    || die "the translations could not be built (pyside6-lrelease of the PySide6 package)"

# -- the data folder and the models ------------------------------------------------------------------
mkdir -p "$data/models" "$state"
chmod 700 "$data" "$state"
kiosk=("$venv/bin/python" -m kiosk --data-dir "$data")
if [ -n "$models" ]; then
    mapfile -t files < <(find "$models" -type f \( -name '*.onnx' -o -name '*.pt' -o -name '*.param' \
                                                  -o -name '*.bin' -o -name '*.dat' \) | sort)
    [ "${#files[@]}" -gt 0 ] || die "no weight files (*.onnx, *.pt, *.param, *.bin) in $models"
    env -u KIOSK_MODELS_DIR "${kiosk[@]}" models install "${files[@]}" > /dev/null
    say "copied ${#files[@]} model files from $models into $data/models (sha256 checked)"
fi
if [ "$fetch" = 1 ]; then
    env -u KIOSK_MODELS_DIR "${kiosk[@]}" models fetch
fi
# Opening the data once migrates attendance.db and the gallery now, not at the kiosk's first frame;
# a failure here stops the upgrade with the backup above still in place.
env -u KIOSK_MODELS_DIR "${kiosk[@]}" stats > /dev/null

# -- starting: the command line, the session starter, the menu and autostart entries ---------------------
if [ "$use_systemd" = auto ]; then
    use_systemd=0
    systemd_user && use_systemd=1
fi
cat > "$record" <<ENV
# Written by installer/install.sh: read by --upgrade, --uninstall and bin/kiosk-session.
KIOSK_VERSION="$version"
KIOSK_PREFIX="$prefix"
KIOSK_DATA_DIR="$data"
KIOSK_STATE_DIR="$state"
KIOSK_SYSTEMD="$use_systemd"
ENV
mkdir -p "$prefix/bin"
cat > "$prefix/bin/kiosk" <<SH
#!/bin/sh
# The kiosk's command line on its data folder (kiosk --help).
exec "$venv/bin/python" -m kiosk --data-dir "$data" "\$@"
SH
screen=("$venv/bin/python" "$prefix/app/main.py" --kiosk --data-dir "$data")
cat > "$prefix/bin/kiosk-session" <<SH
#!/bin/sh
# Started at login (autostart) and from the menu: the kiosk, full screen, restarted if it dies,
# by the systemd user unit where there is one, else by the supervisor (installer/supervise.py).
if [ "$use_systemd" = 1 ] && systemctl --user show-environment > /dev/null 2>&1; then
    systemctl --user import-environment DISPLAY XAUTHORITY WAYLAND_DISPLAY 2> /dev/null
    exec systemctl --user start kiosk.service
fi
exec "$venv/bin/python" "$prefix/app/installer/supervise.py" --state "$state" -- $(printf '%q ' "${screen[@]}")
SH
chmod 755 "$prefix/bin/kiosk" "$prefix/bin/kiosk-session"
# The unit, rendered beside the application always (checkable with systemd-analyze verify), in
# use where a systemd user manager runs.
sed -e "/^#/d" -e "s#@EXEC@#${screen[*]}#" -e "s#@DATA_DIR@#$data#" "$prefix/app/installer/kiosk.service" \
    > "$prefix/kiosk.service"
if [ "$use_systemd" = 1 ]; then
    mkdir -p "$units"
    cp "$prefix/kiosk.service" "$units/kiosk.service"
    systemctl --user daemon-reload
fi
entry="$(sed -e "/^#/d" -e "s#@EXEC@#$prefix/bin/kiosk-session#" -e "s#@APP_DIR@#$prefix/app#g" "$prefix/app/installer/kiosk.desktop")"
mkdir -p "$apps"
printf '%s\n' "$entry" > "$apps/kiosk.desktop"
if [ "$autostart" = 1 ]; then
    mkdir -p "$autostart_dir"
    printf '%s\n' "$entry" > "$autostart_dir/kiosk.desktop"
else
    rm -f "$autostart_dir/kiosk.desktop"
fi
[ "$mode" = upgrade ] && restart_kiosk

cat <<MSG
Kiosk $version $( [ "$mode" = upgrade ] && echo upgraded || echo installed ) in $prefix
  Data folder:   $data$( [ "$mode" = upgrade ] && printf '  (backup in %s/backups)' "$data" )
  Starts:        $( [ "$autostart" = 1 ] && echo "full screen at login, " )from the menu, or $prefix/bin/kiosk-session
  Restarted by:  $( [ "$use_systemd" = 1 ] && echo "systemd (kiosk.service); log: journalctl --user -u kiosk" || echo "the supervisor; log: $state/kiosk.log" )
  Command line:  $prefix/bin/kiosk --help
  Models:        $prefix/bin/kiosk models$( [ -z "$missing" ] || printf '\n  Missing system packages: %s' "$(echo $missing)" )
MSG
