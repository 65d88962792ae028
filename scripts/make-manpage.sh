#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# make-manpage.sh: a man page generated from a program's own --help, so the page cannot drift
# from the options the program takes. help2man writes the page from the top-level help and
# --version; for rangefinder-cli every subcommand's help (and the nested ones of `looks` and
# `edits`) becomes a section too, and data/man/<name>.h2m adds what help cannot say (files,
# environment, examples). The result is gzipped as Debian's policy asks.
#
# Usage: scripts/make-manpage.sh PROGRAM NAME OUTPUT.1.gz
set -euo pipefail

program="$1"
name="$2"
output="$3"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Run by its name from PATH, so the help's usage lines say "rangefinder-cli", not a build path.
export PATH="$(cd "$(dirname "$program")" && pwd):$PATH"
program="$(basename "$program")"

# The pages are English, whatever the locale of the build (the app speaks its user's language).
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LANGUAGE

# The app is a Qt program: --help must not need a display.
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="$work"

include="$work/include.h2m"
if [[ -f $here/data/man/$name.h2m ]]; then
    cp "$here/data/man/$name.h2m" "$include"
else
    : >"$include"
fi

# Subcommands, from the "Subcommands:" block of a help text: one name per line.
subcommands() {
    "$@" --help | sed -n '/^Subcommands:/,$p' | sed -nE 's/^  ([a-z][a-z0-9-]*) .*/\1/p'
}

if [[ $name == rangefinder-cli ]]; then
    {
        echo '[COMMANDS]'
        for sub in $(subcommands "$program"); do
            echo ".SS \"$name $sub\""
            echo '.nf'
            # Backslashes and leading dots would be read as roff requests.
            "$program" "$sub" --help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' | tail -n +2
            echo '.fi'
            for nested in $(subcommands "$program" "$sub"); do
                echo ".SS \"$name $sub $nested\""
                echo '.nf'
                "$program" "$sub" "$nested" --help | sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' |
                    tail -n +2
                echo '.fi'
            done
        done
    } >>"$include"
fi

summary="develop camera raw photos with film-like looks"
[[ $name == rangefinder-cli ]] && summary="develop camera raw files from the command line"
help2man --no-info --no-discard-stderr --section 1 --name "$summary" --include "$include" \
    --output "$work/$name.1" "$program" 2>/dev/null ||
    help2man --no-info --section 1 --name "$summary" --include "$include" \
        --output "$work/$name.1" "$program"
mkdir -p "$(dirname "$output")"
gzip -9n <"$work/$name.1" >"$output.tmp"
mv "$output.tmp" "$output"
