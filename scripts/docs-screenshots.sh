#!/usr/bin/env bash
# Regenerates the pictures of the app in docs/images from the real window: each scene of
# rangefinder-docs-screenshots (src/tools/docs_screenshots.cpp) runs offscreen in its own
# process with a fresh HOME, on a sample folder made from ../shared/testdata. Run it after a
# change to what the app shows, look at every picture, and commit them.
# Usage: scripts/docs-screenshots.sh [BUILD_DIR] [SCENE ...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
[[ -d ../shared/testdata/raw ]] || { echo "docs-screenshots: ../shared/testdata is absent" >&2; exit 1; }
cmake --build "$build" --target rangefinder-docs-screenshots
tool=$build/rangefinder-docs-screenshots

# scene  file  locale
scenes=(
    "library library.jpg C.UTF-8"
    "library-filtered library-filtered.png C.UTF-8"
    "editor editor.jpg C.UTF-8"
    "editor-localised editor-italian.jpg it_IT.UTF-8"
    "looks looks.png C.UTF-8"
    "compare compare-camera-jpeg.jpg C.UTF-8"
    "crop crop.jpg C.UTF-8"
    "export export.png C.UTF-8"
)
wanted=("$@")
for entry in "${scenes[@]}"; do
    read -r scene file locale <<<"$entry"
    if ((${#wanted[@]})) && [[ " ${wanted[*]} " != *" $scene "* ]]; then continue; fi
    # A home of its own, under /home where a photographer's is, so the folder panel shows a
    # plausible tree (and no setting of the user running this is read or changed).
    home=/home/photographer
    if [[ -e $home || ! -w /home ]]; then home=$(mktemp -d); else mkdir "$home"; fi
    language=${locale%%_*}
    [[ $language == C.UTF-8 ]] && language=en
    HOME=$home XDG_CONFIG_HOME=$home/.config XDG_CACHE_HOME=$home/.cache \
        LANG=$locale LANGUAGE=$language LC_ALL= QT_QPA_PLATFORM=offscreen \
        "$tool" "$scene" "docs/images/$file"
    rm -rf "$home"
done
