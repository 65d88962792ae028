#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package, end to end: CPack builds it from this build, apt-get installs it into
# the machine (its dependencies must all resolve), the installed programs run from /usr (the
# command line's version, its looks, one export with a look; the man page; the completion
# file; the app's --version), and apt-get removes it again. It needs root and apt, which CI
# has; elsewhere it is skipped, as it is when a rangefinder package is already installed (it
# would be replaced). RF_TEST_DEB=0 skips it too.
# Usage: test_deb.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
[[ ${RF_TEST_DEB:-1} != 0 ]] || { echo "RF_TEST_DEB=0: skipped"; exit 77; }
[[ $(id -u) -eq 0 ]] || { echo "needs root to install a package: skipped"; exit 77; }
command -v apt-get >/dev/null && command -v cpack >/dev/null ||
    { echo "needs apt-get and cpack: skipped"; exit 77; }
if dpkg-query -W -f='${Status}' rangefinder 2>/dev/null | grep -q "install ok installed"; then
    echo "a rangefinder package is already installed: skipped"
    exit 77
fi
work="$(mktemp -d)"
installed=0
cleanup() {
    if ((installed)); then
        DEBIAN_FRONTEND=noninteractive apt-get remove -y rangefinder >/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

(cd "$build" && cpack -G DEB -B "$work/pkg" >/dev/null)
deb="$(ls "$work"/pkg/rangefinder_*.deb)"
echo "built $(basename "$deb"): $(dpkg-deb -f "$deb" Depends | cut -c1-200)..."
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
    { cat "$work/apt.log"; echo "FAIL: apt-get could not install the package"; exit 1; }
installed=1

export HOME="$work/home"
mkdir -p "$HOME"
/usr/bin/rangefinder-cli --version
/usr/bin/rangefinder-cli looks list | grep -q "/usr/share/rangefinder/looks/leica-authentic.look" ||
    { echo "FAIL: the installed CLI does not list /usr/share/rangefinder/looks"; exit 1; }
"$build/rangefinder-make-sample" -o "$work/in" --size 600x400 >/dev/null
/usr/bin/rangefinder-cli export --preset web --look leica-vibrant -o "$work/out" \
    "$work/in/rangefinder-chart.dng"
[[ -s $work/out/rangefinder-chart.jpg ]] || { echo "FAIL: no JPEG from the installed CLI"; exit 1; }
[[ -s /usr/share/man/man1/rangefinder-cli.1.gz ]] || { echo "FAIL: no man page installed"; exit 1; }
[[ -s /usr/share/bash-completion/completions/rangefinder-cli ]] ||
    { echo "FAIL: no completion installed"; exit 1; }
[[ -s /usr/share/doc/rangefinder/copyright ]] || { echo "FAIL: no copyright file"; exit 1; }
if [[ -x /usr/bin/rangefinder ]]; then
    QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" /usr/bin/rangefinder --version
fi
DEBIAN_FRONTEND=noninteractive apt-get remove -y rangefinder >/dev/null
installed=0
[[ ! -e /usr/bin/rangefinder-cli ]] || { echo "FAIL: removing left /usr/bin/rangefinder-cli"; exit 1; }
echo "installed, ran an export from /usr, removed"
