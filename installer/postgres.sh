#!/usr/bin/env bash
# PostgreSQL's server from Debian's packages, for a site's database (kiosk.site) and for the
# tests, which start a throwaway server of their own (kiosk/site/localserver.py). Idempotent:
# nothing happens when a server is already installed.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    exit 0
fi
echo "kiosk: installing PostgreSQL from Debian's packages..." >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq postgresql > /dev/null
# Debian starts a cluster of its own on port 5432; the kiosk's tests do not use it.
$sudo systemctl disable --now postgresql > /dev/null 2>&1 || $sudo service postgresql stop > /dev/null 2>&1 || true
