#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# quality.sh: renders every real raw of ../shared/testdata/raw (or the raws given) with
# Rangefinder's default rendering and with every look, and with darktable-cli's and
# rawtherapee-cli's defaults when they are installed, and measures each against the JPEG the
# camera made (embedded in the raw): mean CIEDE2000, mean ΔL*, chroma ratio, contrast ratio
# and clipped share (build/rangefinder-quality; src/quality/quality.h says how). Writes the
# tables into docs/quality.md between its markers and the gallery strips (camera JPEG,
# default, each look) into docs/images/quality/, and, since the grid registers every picture
# to the camera's 3:2 frame, the looks that frame the picture otherwise (the Hasselblad XPan
# looks' 65:24 panorama) once more as exported, one above the other, into
# docs/images/quality/<raw>-framed.jpg (needs ImageMagick's convert).
#
# Usage: bench/quality.sh [--no-docs] [RAW ...]
#   --no-docs   print the tables only
# Environment: RF_BUILD_DIR, a build with rangefinder-quality (default: build/).
# The peers run with a throwaway configuration folder, so no user preset applies: darktable
# 4.2's scene-referred default, RawTherapee 5.9's default profile (its "Auto-Matched Curve",
# which fits a tone curve to the embedded JPEG).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${RF_BUILD_DIR:-build}
docs=1
if [[ ${1:-} == --no-docs ]]; then
    docs=0
    shift
fi
raws=("$@")
if ((${#raws[@]} == 0)); then
    shopt -s nullglob
    raws=(../shared/testdata/raw/*)
fi
((${#raws[@]})) || { echo "quality.sh: no raws (../shared/testdata/raw is absent)" >&2; exit 1; }
[[ -x $build/rangefinder-quality ]] || cmake --build "$build" --target rangefinder-quality

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
peers=()
if command -v darktable-cli >/dev/null; then
    mkdir -p "$work/darktable"
    for r in "${raws[@]}"; do
        stem=$(basename "${r%.*}")
        darktable-cli "$r" "$work/darktable/$stem.jpg" --core --configdir "$work/dtconf" \
            --cachedir "$work/dtcache" >"$work/darktable.log" 2>&1 || echo "darktable-cli failed on $r"
    done
    peers+=(--peer "darktable-cli 4.2, default=$work/darktable")
fi
if command -v rawtherapee-cli >/dev/null; then
    mkdir -p "$work/rawtherapee"
    XDG_CONFIG_HOME=$work/rtconf rawtherapee-cli -o "$work/rawtherapee/" -d -Y -j95 \
        -c "${raws[@]}" >"$work/rawtherapee.log" 2>&1 || echo "rawtherapee-cli failed"
    peers+=(--peer "rawtherapee-cli 5.9, default=$work/rawtherapee")
fi

# The looks are measured on the camera's frame: a look's own frame (a [crop] table, the XPan
# looks' 65:24) is left out here, so that each rendering is compared with the same scene; the
# framed pictures are shown as exported below.
mkdir -p "$work/looks"
for f in looks/*.look; do
    awk '/^\[/ { skip = ($0 == "[crop]") } !skip' "$f" >"$work/looks/$(basename "$f")"
done
registered=$work/registered.md
unregistered=$work/unregistered.md
gallery=()
((docs)) && gallery=(--gallery docs/images/quality)
"$build/rangefinder-quality" --markdown --looks-dir "$work/looks" "${peers[@]}" "${gallery[@]}" \
    "${raws[@]}" | tee "$registered"
"$build/rangefinder-quality" --markdown --unregistered --looks-dir "$work/looks" "${peers[@]}" \
    "${raws[@]}" >"$unregistered"
echo
cat "$unregistered"
((docs)) || exit 0

# Replace what stands between each pair of markers in docs/quality.md.
replace() {  # marker file
    awk -v m="$1" -v f="$2" '
        $0 == "<!-- " m " -->" { print; while ((getline l < f) > 0) print l; skip = 1; next }
        $0 == "<!-- /" m " -->" { skip = 0 }
        !skip { print }' docs/quality.md >"$work/quality.md"
    mv "$work/quality.md" docs/quality.md
}
replace table "$registered"
replace unregistered "$unregistered"

# The looks with a frame of their own (a [crop] aspect in the look file), as exported at the
# grid's width.
framed=()
for f in looks/*.look; do
    if grep -q '^\[crop\]' "$f"; then framed+=("$(basename "${f%.look}")"); fi
done
if ((${#framed[@]})); then
    if command -v convert >/dev/null; then
        width=$(identify -format '%w' "docs/images/quality/$(basename "${raws[0]%.*}").jpg")
        [[ -x $build/rangefinder-cli ]] || cmake --build "$build" --target rangefinder-cli
        for r in "${raws[@]}"; do
            stem=$(basename "${r%.*}")
            "$build/rangefinder-cli" export "$r" --ignore-sidecars --preset full -f png \
                --size "long:$width" --looks-dir looks "${framed[@]/#/--look=}" -o "$work/framed" \
                -t "$stem-{look}" --quiet >/dev/null
            pictures=()
            for look in "${framed[@]}"; do
                ((${#pictures[@]})) && pictures+=(-size "${width}x6" xc:'#141414')
                pictures+=("$work/framed/$stem-$look.png")
            done
            convert "${pictures[@]}" -append -quality 88 "docs/images/quality/$stem-framed.jpg"
        done
    else
        echo "quality.sh: ImageMagick's convert is absent: docs/images/quality/*-framed.jpg not updated" >&2
    fi
fi
echo "docs/quality.md and docs/images/quality/ updated"
