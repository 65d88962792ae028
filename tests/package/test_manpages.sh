#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The generated man pages render without groff warnings and hold every subcommand of
# rangefinder-cli (each from its own --help, so a new subcommand cannot be left out).
# Usage: test_manpages.sh MAN_DIR CLI
set -euo pipefail
man_dir="$1"
cli="$2"
command -v groff >/dev/null || { echo "groff is not installed"; exit 77; }
for page in rangefinder-cli rangefinder; do
    file="$man_dir/$page.1.gz"
    if [[ $page == rangefinder && ! -f $file ]]; then
        echo "no rangefinder(1): the app is not built"
        continue
    fi
    [[ -s $file ]] || { echo "FAIL: $file is missing"; exit 1; }
    warnings="$(zcat "$file" | groff -man -Tutf8 -ww -z 2>&1)"
    [[ -z $warnings ]] || { echo "FAIL: $page(1) has groff warnings:"; echo "$warnings"; exit 1; }
done
text="$(zcat "$man_dir/rangefinder-cli.1.gz" | groff -man -Tutf8 2>/dev/null | col -b)"
subs="$("$cli" --help | sed -n '/^Subcommands:/,$p' | sed -nE 's/^  ([a-z][a-z0-9-]*) .*/\1/p')"
for sub in $subs; do
    grep -q "rangefinder-cli $sub" <<<"$text" ||
        { echo "FAIL: rangefinder-cli(1) has no section for '$sub'"; exit 1; }
done
grep -q "RANGEFINDER_LOOKS_PATH" <<<"$text" || { echo "FAIL: no ENVIRONMENT section"; exit 1; }
echo "man pages render cleanly; rangefinder-cli(1) covers: $(tr '\n' ' ' <<<"$subs")"
