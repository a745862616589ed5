#!/usr/bin/env bash
# What a real screen needs from Debian's packages: Qt's xcb platform libraries, libpulse0
# (Qt Virtual Keyboard, the on-screen keyboard of kiosk mode, links it) and the speech engine of
# the liveness challenge's spoken prompts (Qt's speechd plugin loads libspeechd2 and talks to
# speech-dispatcher, which speaks with espeak-ng; kiosk/ui/speech.py). With --virtual also a
# virtual X server (Xvfb, kiosk/ui/xserver.py) and xdotool, for the tests, the screenshots and
# the soak benchmark. Idempotent: nothing happens when all of them are here. With --check it only
# prints the missing ones (one a line) and exits 1 if any are missing (install.sh uses it).
# Usage: installer/screen.sh [--virtual | --check]
set -euo pipefail
packages=(libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0
          libxcb-cursor0 libpulse0 libspeechd2 speech-dispatcher speech-dispatcher-espeak-ng espeak-ng)
[ "${1:-}" = "--virtual" ] && packages+=(xvfb xdotool)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2> /dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0
if [ "${1:-}" = "--check" ]; then
    printf '%s\n' "${missing[@]}"
    exit 1
fi
command -v apt-get > /dev/null || { echo "kiosk: please install ${missing[*]} (Debian/Ubuntu package names)" >&2; exit 0; }
echo "kiosk: installing ${missing[*]} from Debian's packages..." >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" > /dev/null
