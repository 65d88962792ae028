#!/usr/bin/env bash
# Installs every Debian 12 package Rangefinder needs to build, test and benchmark.
# The one list of dependencies: the README's commands and CI both run this script.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git clang-format
    libraw-dev liblcms2-dev libexiv2-dev
    libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev
    libjpeg-dev libpng-dev libtiff-dev
    libwebp-dev libavif-dev libjxl-dev
    liblensfun-dev liblensfun-data-v1
    nlohmann-json3-dev libcli11-dev libtomlplusplus-dev
    libgtest-dev libgmock-dev libbenchmark-dev
    libimage-exiftool-perl rawtran-doc
    webp libavif-bin libjxl-tools
    # ffmpeg's lut3d filter: the independent reader test_cube_interop applies exported looks with.
    ffmpeg
    qt6-base-dev libgl-dev
    qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
    clang libclang-rt-14-dev
    # Installing and packaging: man pages from --help, CPack's DEB dependencies (dpkg-shlibdeps,
    # file), and the validators and renderers the package tests run.
    help2man dpkg-dev file appstream desktop-file-utils groff-base
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "install-deps: missing packages: ${missing[*]} (run as root, or install them)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
fi
