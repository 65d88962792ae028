#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# build-deb.sh: the Debian package of Rangefinder, built by CPack from a Release build (the
# app, the command line, looks, export presets, desktop entry, icons, MIME types, AppStream
# metadata, man pages, bash completion). Its dependencies come from dpkg-shlibdeps, so it
# installs on a Debian 12 machine with:
#     sudo apt-get install ./rangefinder_<version>_amd64.deb
#
# Usage: scripts/build-deb.sh [OUTPUT_DIR]      (default: the repository root)
# Environment: RF_BUILD_DIR, the build folder to package (default build-deb/, configured and
# built in Release here; an existing Release build is reused as it is).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "${1:-$repo}" && cd "${1:-$repo}" && pwd)"
build="${RF_BUILD_DIR:-$repo/build-deb}"

bash "$repo/scripts/install-deps.sh"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build "$build" --parallel "$(nproc)"
(cd "$build" && cpack -G DEB -B "$out/.cpack" >&2)
deb="$(ls -t "$out"/.cpack/rangefinder_*.deb | head -1)"
mv "$deb" "$out/"
rm -rf "$out/.cpack"
echo "$out/$(basename "$deb")"
