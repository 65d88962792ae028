#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# denoise-quality.sh: noise reduction against a known truth, Rangefinder beside darktable-cli
# and rawtherapee-cli. Each Kodak picture (../shared/testdata/kodak) is taken as a linear
# scene and written by the synthetic camera (rangefinder-denoise-quality, src/synth) as a
# clean DNG and as DNGs with Poisson photon noise plus Gaussian read noise at three ISO-like
# levels (l1 ≈ ISO 800, l2 ≈ 3200, l3 ≈ 12800; bench/denoise_quality.cpp). Every tool renders
# each noisy DNG with its noise reduction off and at its default, and is scored against its
# OWN render of the clean DNG (so each tool's tone and colour cancel out):
#
#   CPSNR   over R, G and B of the 16-bit TIFF, in dB
#   SSIM    on luma (0.299 R + 0.587 G + 0.114 B of the encoded values), 11×11 Gaussian window
#
# and a flat mid-grey scene at l3 gives the colour noise (standard deviation of R − G and
# B − G over its centre) with noise reduction off and on, as a ratio.
#
# Renders: full size, 16-bit TIFF (so the pipeline is measured, not a JPEG encoder), each tool
# as neutral as it allows (linear tone, no sharpening) and at the same brightness: PSNR on
# encoded values depends on how bright a rendering is, and the peers ignore the DNG's
# BaselineExposure (+1 EV) that Rangefinder honours, so ours is rendered 1 EV down to match.
#   rangefinder-cli export --preset full -f tiff --bit-depth 16 --sharpen 0 --set tone.curve=linear
#                  --set exposure.ev=-1 [--set denoise.luminance=0 --set denoise.color=0]
#   darktable-cli 4.2 IN XMP OUT.tif --core --configdir TMP --conf plugins/imageio/format/tiff/bpp=16
#                  --conf plugins/darkroom/workflow=none (no filmic or base curve, no exposure
#                  boost) with an XMP whose history is "denoise (profiled)" at its defaults
#                  (bench/dt-denoise-xmp.py), enabled or not
#   rawtherapee-cli -p NR.pp3 -b16 -t: RawTherapee's neutral processing (no -d: no default
#                  profile's curve or sharpening), with "Noise Reduction" ([Directional Pyramid
#                  Denoising]) Enabled=true or false at its defaults
#
# Usage: bench/denoise-quality.sh [--all | --images N] [--no-peers] [--keep] [--markdown FILE]
#   --images N   the first N of a fixed spread of the 24 pictures (default 8)
#   --all        all 24 (about three times as long)
#   --no-peers   Rangefinder only
#   --keep       keep the work folder and print where it is
# Environment: RF_BUILD_DIR (default build/ at the repo root) with rangefinder-cli and
# rangefinder-denoise-quality built.
set -euo pipefail
usage() { sed -n '3,37p' "$0" | sed 's/^# \{0,1\}//'; }
count=8
peers=1
keep=0
markdown=""
while (($#)); do
    case "$1" in
    --all) count=24 ;;
    --images)
        [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*$ ]] || { echo "denoise-quality: --images needs a number" >&2; exit 2; }
        count=$2
        shift
        ;;
    --no-peers) peers=0 ;;
    --keep) keep=1 ;;
    --markdown)
        [[ $# -ge 2 ]] || { echo "denoise-quality: --markdown needs a file" >&2; exit 2; }
        markdown="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
        shift
        ;;
    -h | --help) usage; exit 0 ;;
    *) echo "denoise-quality: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${RF_BUILD_DIR:-$repo/build}" && pwd)"
cli="$build/rangefinder-cli"
tool="$build/rangefinder-denoise-quality"
for exe in "$cli" "$tool"; do
    [[ -x $exe ]] || { echo "denoise-quality: $exe is missing (ninja -C $build $(basename "$exe"))" >&2; exit 2; }
done
kodak="$repo/../shared/testdata/kodak"
[[ -d $kodak ]] || { echo "denoise-quality: $kodak is missing" >&2; exit 2; }
if ((peers)); then
    for exe in darktable-cli rawtherapee-cli python3; do
        command -v "$exe" >/dev/null || { echo "denoise-quality: $exe is not installed (or use --no-peers)" >&2; exit 2; }
    done
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/denoise-quality.XXXXXX")"
if ((keep)); then
    echo "denoise-quality: work folder $work" >&2
else
    trap 'rm -rf "$work"' EXIT
fi
log() { printf '[denoise-quality] %s\n' "$*" >&2; }

# A fixed spread over the set, so a subset holds portraits, texture and flat sky alike.
order=(01 23 05 19 13 03 08 15 02 21 11 17 04 06 07 09 10 12 14 16 18 20 22 24)
images=("${order[@]:0:$count}")
levels=(l1 l2 l3)

tools=(rf)
if ((peers)); then
    tools+=(dt rt)
    python3 "$repo/bench/dt-denoise-xmp.py" on "$work/dt-on.xmp"
    python3 "$repo/bench/dt-denoise-xmp.py" off "$work/dt-off.xmp"
    printf '[Directional Pyramid Denoising]\nEnabled=true\n' >"$work/rt-on.pp3"
    printf '[Directional Pyramid Denoising]\nEnabled=false\n' >"$work/rt-off.pp3"
    mkdir -p "$work/dtconf" "$work/rtconf"
fi

# render TOOL IN.dng on|off OUT.tif
render() {
    local t=$1 in=$2 nr=$3 out=$4
    case $t in
    rf)
        local off=()
        [[ $nr == off ]] && off=(--set denoise.luminance=0 --set denoise.color=0)
        "$cli" export "$in" --preset full -f tiff --bit-depth 16 --sharpen 0 \
            --set tone.curve=linear --set exposure.ev=-1 "${off[@]}" --ignore-sidecars \
            --overwrite --quiet \
            -o "$(dirname "$out")" -t "$(basename "$out" .tif)" >"$work/rf.log" 2>&1
        ;;
    dt)
        rm -f "$out"
        darktable-cli "$in" "$work/dt-$nr.xmp" "$out" --core --configdir "$work/dtconf" \
            --conf plugins/imageio/format/tiff/bpp=16 --conf plugins/darkroom/workflow=none \
            >"$work/dt.log" 2>&1
        ;;
    rt)
        XDG_CONFIG_HOME="$work/rtconf" rawtherapee-cli -q -Y -p "$work/rt-$nr.pp3" -b16 -t \
            -o "$out" -c "$in" >"$work/rt.log" 2>&1
        ;;
    esac
    [[ -s $out ]] || { echo "denoise-quality: $t did not render $in" >&2; exit 1; }
}

declare -A sumP sumS
for img in "${images[@]}"; do
    log "kodim$img"
    d="$work/k$img"
    "$tool" make "$kodak/kodim$img.png" "$d" --seed "$((10#$img))"
    for t in "${tools[@]}"; do
        render "$t" "$d/clean.dng" off "$d/$t-clean.tif"
        for l in "${levels[@]}"; do
            for nr in off on; do
                render "$t" "$d/$l.dng" "$nr" "$d/$t-$l-$nr.tif"
                read -r p s < <("$tool" compare "$d/$t-clean.tif" "$d/$t-$l-$nr.tif")
                k="$t,$l,$nr"
                sumP[$k]=$(echo "${sumP[$k]:-0} + $p" | bc -l)
                sumS[$k]=$(echo "${sumS[$k]:-0} + $s" | bc -l)
            done
        done
    done
done

log "flat grey at l3"
"$tool" grey "$work/grey"
declare -A chroma
for t in "${tools[@]}"; do
    for nr in off on; do
        render "$t" "$work/grey/grey-l3.dng" "$nr" "$work/grey/$t-$nr.tif"
        chroma[$t,$nr]=$("$tool" chroma "$work/grey/$t-$nr.tif")
    done
done

name() { case $1 in rf) echo "Rangefinder" ;; dt) echo "darktable 4.2" ;; rt) echo "RawTherapee 5.9" ;; esac; }
n=${#images[@]}
{
    echo "Kodak pictures: $n (${images[*]/#/kodim}); CPSNR in dB over R, G, B; SSIM on luma; means."
    echo
    echo "| level | tool | PSNR off | PSNR default | gain | SSIM off | SSIM default |"
    echo "|---|---|---:|---:|---:|---:|---:|"
    for l in "${levels[@]}"; do
        for t in "${tools[@]}"; do
            po=$(echo "${sumP[$t,$l,off]} / $n" | bc -l)
            pn=$(echo "${sumP[$t,$l,on]} / $n" | bc -l)
            so=$(echo "${sumS[$t,$l,off]} / $n" | bc -l)
            sn=$(echo "${sumS[$t,$l,on]} / $n" | bc -l)
            printf '| %s | %s | %.2f | %.2f | %+.2f | %.4f | %.4f |\n' "$l" "$(name "$t")" \
                "$po" "$pn" "$(echo "$pn - $po" | bc -l)" "$so" "$sn"
        done
    done
    echo
    echo "Colour noise on flat grey at l3 (standard deviation of R − G and B − G, 16-bit TIFF as 0…1):"
    echo
    echo "| tool | off | default | falls by |"
    echo "|---|---|---|---:|"
    for t in "${tools[@]}"; do
        read -r ro bo <<<"${chroma[$t,off]}"
        read -r rn bn <<<"${chroma[$t,on]}"
        printf '| %s | %.5f, %.5f | %.5f, %.5f | %.1f×, %.1f× |\n' "$(name "$t")" "$ro" "$bo" \
            "$rn" "$bn" "$(echo "$ro / $rn" | bc -l)" "$(echo "$bo / $bn" | bc -l)"
    done
} | tee "${markdown:-/dev/null}"
