#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates the 100 % demosaic crops in docs/images/demosaic-*.png (docs/performance.md,
# "Demosaic quality"): each test raw is rendered at full size by rangefinder-cli with the
# high-quality demosaic (RCD) and by LibRaw's AHD (dcraw_emu -q 3, from libraw-bin, with the
# camera's white balance); the same region is cut from both, unscaled, and set side by side
# under a label. The regions hold fine, high-contrast detail, where zipper and maze artefacts
# show. LibRaw brightens its output to put 1 % of the pixels at white; the CR2 is rendered
# by us with +1.5 EV to about match it, so the two halves compare at similar brightness.
#
# Needs a build of rangefinder-cli (RF_CLI, default build/rangefinder-cli), dcraw_emu and
# ImageMagick. Usage: bench/make-crops.sh [OUTPUT_DIR]   (default docs/images)
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cli=${RF_CLI:-$root/build/rangefinder-cli}
raws=$root/../shared/testdata/raw
out=${1:-$root/docs/images}
for tool in "$cli" dcraw_emu convert; do
    command -v "$tool" >/dev/null || { echo "make-crops.sh: $tool not found" >&2; exit 1; }
done
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# label IMAGE GEOMETRY TEXT OUT: the region, unscaled, under a one-line caption.
label() {
    convert "$1" -crop "$2" +repage -background white -gravity north -splice 0x22 \
        -font DejaVu-Sans -pointsize 14 -fill black -annotate +0+3 "$3" "$4"
}

# pair NAME RAW GEOMETRY [rangefinder-cli options...]
pair() {
    name=$1 raw=$2 geometry=$3
    shift 3
    "$cli" export --preset full --format png --size original --set demosaic.method=hq \
        --ignore-sidecars --metadata none --overwrite -o "$tmp" "$@" "$raws/$raw" >/dev/null
    dcraw_emu -w -q 3 -T -Z "$tmp/ahd.tiff" "$raws/$raw"
    label "$tmp/${raw%.*}.png" "$geometry" "Rangefinder RCD" "$tmp/ours.png"
    label "$tmp/ahd.tiff" "$geometry" "LibRaw 0.20 AHD" "$tmp/ahd.png"
    # No timestamps in the PNG, so an unchanged render gives an unchanged file.
    convert "$tmp/ours.png" -size 8x1 xc:white "$tmp/ahd.png" -background white +append \
        -strip -define png:exclude-chunks=date,time "$out/demosaic-$name.png"
    echo "$out/demosaic-$name.png ($raw, $geometry)"
}

pair crw-tinsel canon-eosd30.CRW 256x256+620+740
pair cr2-mast canon-eos30d.CR2 256x256+1170+1030 --set exposure.ev=1.5
