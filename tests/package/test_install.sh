#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A relocatable install: `cmake --install` into a temporary prefix, the prefix then moved
# elsewhere, and the moved programs still find their looks and export presets (beside their
# bin folder, not at a path compiled in), list them and export a photo with a look.
# Usage: test_install.sh BUILD_DIR
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share"
unset RANGEFINDER_LOOKS_PATH RANGEFINDER_EXPORT_PRESETS_PATH
mkdir -p "$HOME"

cmake --install "$build" --prefix "$work/first" >/dev/null
mv "$work/first" "$work/moved"
cli="$work/moved/bin/rangefinder-cli"
[[ -x $cli ]] || { echo "FAIL: no rangefinder-cli in the installed prefix"; exit 1; }

looks="$("$cli" looks list)"
grep -q "$work/moved/share/rangefinder/looks/leica-authentic.look" <<<"$looks" ||
    { echo "FAIL: the moved install does not list its own looks:"; echo "$looks"; exit 1; }
presets="$("$cli" presets)"
grep -q "$work/moved/share/rangefinder/export-presets/web.json" <<<"$presets" ||
    { echo "FAIL: the moved install does not list its own presets:"; echo "$presets"; exit 1; }

# An export from the installed files: the sample DNG, the web preset, a look.
"$build/rangefinder-make-sample" -o "$work/in" --size 600x400 >/dev/null
"$cli" export --preset web --look leica-authentic -o "$work/out" "$work/in/rangefinder-chart.dng"
[[ -s $work/out/rangefinder-chart.jpg ]] || { echo "FAIL: no exported JPEG"; exit 1; }

# The environment variable still replaces the installed folder.
mkdir -p "$work/mylooks"
cp "$work/moved/share/rangefinder/looks/leica-vibrant.look" "$work/mylooks/"
only="$(RANGEFINDER_LOOKS_PATH="$work/mylooks" "$cli" looks list)"
grep -q "$work/mylooks/leica-vibrant.look" <<<"$only" && ! grep -q "leica-authentic" <<<"$only" ||
    { echo "FAIL: RANGEFINDER_LOOKS_PATH did not replace the installed looks:"; echo "$only"; exit 1; }
echo "installed, moved, listed $(grep -c '\.look$' <<<"$looks") looks and exported with one"
