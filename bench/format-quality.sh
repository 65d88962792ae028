#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# format-quality.sh: one quality scale across JPEG, WebP, AVIF and JPEG XL, and what each
# format costs at it (docs/performance.md, "Web formats at matched quality").
#
# References: the Kodak pictures (../shared/testdata/kodak, 768×512 sRGB PNGs) as they are,
# and the two real raws (canon-eos30d.CR2, canon-eosd30.CRW) rendered by rangefinder-cli with
# the web preset as 16-bit PNG: the pixels a web export hands its encoder. Each reference is
# encoded by Rangefinder's own writers, decoded by the format's own decoder (libjpeg through
# OpenCV, dwebp, avifdec, djxl) and scored against the reference with butteraugli (libjxl
# 0.7's API; Debian 12's libjxl-tools ships no butteraugli_main or ssimulacra2): the 3-norm,
# averaged over the pictures, is the score matched; the max is reported beside it.
#
#   calibrate  sweeps each encoder's own setting on ten Kodak pictures (01 03 05 07 09 13 15
#              19 21 23) and the two raws, and prints the table of modern_writers.cpp:
#              for each JPEG quality (4:2:0, as the web preset), the WebP quality, AVIF
#              quantizer and JPEG XL distance with the same mean score
#   verify     every format at the user's qualities (default 85 70 95) through that table,
#              on all 24 Kodak pictures and the two raws: size, encode time and score
#              against JPEG's
#   speeds     AVIF speed, JPEG XL effort and WebP method at quality 85 on the two raws
#
# Usage: bench/format-quality.sh calibrate|verify|speeds [QUALITY...]
# Environment: RF_BUILD_DIR (default build/ at the repository root) with rangefinder-cli and
# rangefinder-format-quality built; RF_TESTDATA (default ../shared/testdata); RF_WORK (the
# scratch folder, default a fresh one under /tmp, removed afterwards).
set -euo pipefail
usage() { sed -n '3,28p' "$0" | sed 's/^# \{0,1\}//'; }

root=$(cd "$(dirname "$0")/.." && pwd)
build=${RF_BUILD_DIR:-$root/build}
data=${RF_TESTDATA:-$root/../shared/testdata}
mode=${1:-}
[[ $mode == calibrate || $mode == verify || $mode == speeds ]] || { usage >&2; exit 2; }
shift
qualities=("$@")
((${#qualities[@]})) || qualities=(85 70 95)

for tool in rangefinder-cli rangefinder-format-quality; do
    [[ -x $build/$tool ]] || { echo "format-quality: $build/$tool is not built" >&2; exit 1; }
done
for tool in dwebp avifdec djxl; do
    command -v "$tool" >/dev/null || {
        echo "format-quality: $tool is missing (scripts/install-deps.sh installs it)" >&2
        exit 1
    }
done
[[ -d $data/kodak && -d $data/raw ]] || { echo "format-quality: no test data in $data" >&2; exit 1; }

work=${RF_WORK:-$(mktemp -d /tmp/rf-format-quality.XXXXXX)}
[[ -n ${RF_WORK:-} ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work/refs"

raws=()
for raw in canon-eos30d.CR2 canon-eosd30.CRW; do
    "$build/rangefinder-cli" export --preset web --format png --bit-depth 16 --overwrite \
        -o "$work/refs" "$data/raw/$raw" >/dev/null
    raws+=("$work/refs/${raw%.*}.png")
done

tool=("$build/rangefinder-format-quality" --work "$work/scratch")
case $mode in
    calibrate)
        kodak=()
        for n in 01 03 05 07 09 13 15 19 21 23; do kodak+=("$data/kodak/kodim$n.png"); done
        "${tool[@]}" --kodak "${kodak[@]}" --raws "${raws[@]}" calibrate --csv "$work/sweep.csv"
        [[ -z ${RF_WORK:-} ]] || echo "every encode: $work/sweep.csv"
        ;;
    verify)
        "${tool[@]}" --kodak "$data"/kodak/kodim*.png --raws "${raws[@]}" verify "${qualities[@]}"
        ;;
    speeds)
        "${tool[@]}" --raws "${raws[@]}" speeds
        ;;
esac
