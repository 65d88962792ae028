#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The bash completion (data/completion/rangefinder-cli) completes subcommands, options,
# nested subcommands, look names, preset names and edit parameters, from the program itself.
# Usage: test_completion.sh SOURCE_DIR CLI
set -uo pipefail
source_dir="$1"
export PATH="$(cd "$(dirname "$2")" && pwd):$PATH"
# shellcheck source=/dev/null
source "$source_dir/data/completion/rangefinder-cli"
fails=0

# complete WORD... : the completions for the last word of the line.
complete_line() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _rangefinder_cli
    printf '%s\n' "${COMPREPLY[@]}"
}
expect() {  # expect WANTED -- WORD...
    local wanted="$1"
    shift 2
    local got
    got="$(complete_line "$@")"
    if grep -qx -- "$wanted" <<<"$got"; then
        echo "ok: '$*' offers '$wanted'"
    else
        echo "FAIL: '$*' should offer '$wanted', got: $(tr '\n' ' ' <<<"$got")"
        fails=$((fails + 1))
    fi
}
expect export -- rangefinder-cli ex
expect presets -- rangefinder-cli pre
expect --preset -- rangefinder-cli export --pre
expect --look -- rangefinder-cli export --lo
expect leica-authentic -- rangefinder-cli export --look leica-a
expect hasselblad-xpan -- rangefinder-cli export IMG.CR2 --look hass
expect web -- rangefinder-cli export --preset w
expect full -- rangefinder-cli export --preset ""
expect exposure.ev= -- rangefinder-cli export --set expo
expect display-p3 -- rangefinder-cli export --colorspace d
expect export-cube -- rangefinder-cli looks exp
expect --encoding -- rangefinder-cli looks import --enc
expect rec2020 -- rangefinder-cli looks import LUT.cube --encoding r
expect acescct -- rangefinder-cli looks export-cube leica-authentic --space a
expect rec2020-linear -- rangefinder-cli looks export-cube --space r
expect undo -- rangefinder-cli edits u
((fails == 0)) || { echo "$fails completion(s) missing"; exit 1; }
