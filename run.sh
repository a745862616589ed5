#!/usr/bin/env bash
# The two commands of README.md:
#   ./run.sh            set up (first time only) and open the kiosk; extra arguments go to main.py
#   ./run.sh test       set up (first time only) and run the test suite; extra arguments go to pytest
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="${KIOSK_VENV:-$root/.venv}"
cd "$root"
if [ "${1:-}" = "test" ]; then
    shift
    "$root/installer/setup.sh" --with-tests
    # The tests run on real weights and photos kept beside the repository (../shared).
    export KIOSK_MODELS_DIR="${KIOSK_MODELS_DIR:-$root/../shared/models}"
    "$venv/bin/lint-imports" --config pyproject.toml
    # Real servers, started in temporary folders and stopped afterwards whatever the tests do:
    # an X server (Debian's Xvfb, a 1280x800 10" kiosk panel) that every window of the tests
    # opens on, and PostgreSQL (Debian's package) on a free local port for the site tests.
    "$root/installer/screen.sh" --virtual
    "$root/installer/postgres.sh"
    xdir="$(mktemp -d -t kiosk-test-x.XXXXXX)"
    pgdir="$(mktemp -d -t kiosk-test-pg.XXXXXX)"
    trap '"$venv/bin/python" -m kiosk.site.localserver stop "$pgdir" > /dev/null 2>&1 || true
          "$venv/bin/python" -m kiosk.ui.xserver stop "$xdir" > /dev/null 2>&1 || true
          rm -rf "$pgdir" "$xdir"' EXIT
    DISPLAY="$("$venv/bin/python" -m kiosk.ui.xserver start "$xdir" --size 1280x800 --dpi 149)"
    export DISPLAY QT_QPA_PLATFORM=xcb QT_XCB_NO_XRANDR=1
    KIOSK_TEST_DATABASE_URL="$("$venv/bin/python" -m kiosk.site.localserver start "$pgdir")"
    export KIOSK_TEST_DATABASE_URL
    "$venv/bin/python" -m pytest "$@"
    exit $?
fi
"$root/installer/setup.sh"
"$root/installer/screen.sh"
exec "$venv/bin/python" "$root/main.py" "$@"
