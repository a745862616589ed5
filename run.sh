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
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    "$venv/bin/lint-imports" --config pyproject.toml
    # A real PostgreSQL server for the site tests (kiosk.site): Debian's package, started in a
    # temporary folder on a free local port, stopped afterwards whatever the tests do.
    "$root/installer/postgres.sh"
    pgdir="$(mktemp -d -t kiosk-test-pg.XXXXXX)"
    trap '"$venv/bin/python" -m kiosk.site.localserver stop "$pgdir" > /dev/null 2>&1 || true; rm -rf "$pgdir"' EXIT
    KIOSK_TEST_DATABASE_URL="$("$venv/bin/python" -m kiosk.site.localserver start "$pgdir")"
    export KIOSK_TEST_DATABASE_URL
    "$venv/bin/python" -m pytest "$@"
    exit $?
fi
"$root/installer/setup.sh"
exec "$venv/bin/python" "$root/main.py" "$@"
