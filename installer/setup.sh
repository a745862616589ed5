#!/usr/bin/env bash
# Creates (or updates) the kiosk's virtual environment. Idempotent: a second run with the same
# pyproject.toml and this script does nothing, so ./run.sh starts quickly after the first time.
# Usage: installer/setup.sh [--with-tests]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${KIOSK_VENV:-$root/.venv}"
python="${PYTHON:-python3}"
extras=""
[ "${1:-}" = "--with-tests" ] && extras="[test]"

stamp_id="$(cat "$root/pyproject.toml" "$root/installer/setup.sh" | sha256sum | cut -c1-16)"
stamp="$venv/.kiosk-setup"
# Up to date when the stamp names this set-up (and the test tools, if they are wanted).
if [ -f "$stamp" ] && case "$(cat "$stamp")" in "$stamp_id[test]") true ;; "$stamp_id") [ -z "$extras" ] ;; *) false ;; esac; then
    exit 0
fi

echo "kiosk: setting up the environment in $venv (first run takes a few minutes)..." >&2
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
pip=("$venv/bin/python" -m pip --disable-pip-version-check)
"${pip[@]}" install --upgrade --quiet pip setuptools wheel
# Torch first, pinned: on this kind of machine these two wheels come from local disk.
"${pip[@]}" install --quiet "torch==${KIOSK_TORCH_VERSION:-2.14.1}" "torchvision==${KIOSK_TORCHVISION_VERSION:-0.29.1}"
# facenet-pytorch pins torch<2.3 and numpy<2, which are wrong for current torch: install it alone
# and let pyproject.toml declare what it really needs at run time.
"${pip[@]}" install --quiet --no-deps "facenet-pytorch==2.6.0"
"${pip[@]}" install --quiet -e "$root$extras"
echo "$stamp_id$extras" > "$stamp"
echo "kiosk: environment ready." >&2
