#!/usr/bin/env bash
# Install the MBROLA Arabic voices (the clearer offline voice) from Debian, when this machine can.
#
#   bash tools/install-mbrola.sh [REASON_FILE]
#
# The voices are in Debian's contrib (mbrola) and non-free (mbrola-ar1, mbrola-ar2) components.
# They are enabled for these packages only: a sources file adds the components and an APT pin
# keeps every other package of them out. The voices' licence forbids bundling or selling them,
# so the project depends on the system packages instead of shipping them.
# When they cannot be installed (not Debian, no root, no network), the reason is printed and
# written to REASON_FILE, the tests skip the MBROLA cases with that reason, and everything else
# runs with espeak-ng's own voice. Never fails the build.
set -u
reason_file="${1:-}"
pkgs="espeak-ng mbrola mbrola-ar1 mbrola-ar2"

have() { for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || return 1; done; }
give_up() {
    echo "MBROLA not installed: $1" >&2
    echo "  the offline voice is espeak-ng's own; for the clearer one see 'repackage doctor'" >&2
    [ -n "$reason_file" ] && mkdir -p "$(dirname "$reason_file")" && echo "$1" > "$reason_file"
    exit 0
}

[ -n "$reason_file" ] && rm -f "$reason_file"
have && exit 0
command -v apt-get >/dev/null && command -v dpkg >/dev/null || give_up "not a Debian system (no apt-get)"
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo"; else give_up "needs root (or sudo) to install $pkgs"; fi
. /etc/os-release 2>/dev/null || true
[ "${ID:-}" = debian ] || give_up "not Debian (${ID:-unknown}); MBROLA voices come from Debian's non-free"
codename="${VERSION_CODENAME:-bookworm}"

src=/etc/apt/sources.list.d/repackage-mbrola.sources
pin=/etc/apt/preferences.d/repackage-mbrola
if [ ! -f "$src" ]; then
    echo "Enabling Debian contrib and non-free for the MBROLA voices only ($src, pinned by $pin)"
    printf '%s\n' "Types: deb" "URIs: http://deb.debian.org/debian" \
        "Suites: $codename $codename-updates" "Components: contrib non-free" \
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" | $SUDO tee "$src" >/dev/null
    {
        echo "# contrib and non-free are enabled for the MBROLA voices only"
        for c in contrib non-free; do
            printf '%s\n' "Package: *" "Pin: release c=$c" "Pin-Priority: -1" ""
            printf '%s\n' "Package: mbrola mbrola-ar1 mbrola-ar2" "Pin: release c=$c" \
                "Pin-Priority: 500" ""
        done
    } | $SUDO tee "$pin" >/dev/null
fi
echo "Installing the MBROLA Arabic voices: $pkgs (licence: not for sale, not to be bundled)"
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null 2>&1 || true
if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        $pkgs >/dev/null; then
    give_up "apt-get could not install $pkgs"
fi
have || give_up "apt-get ran but $pkgs are not all installed"
echo "MBROLA voices installed: --engine auto uses them when Google TTS is unreachable"
