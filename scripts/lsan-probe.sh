#!/usr/bin/env bash
# Prints 1 when LeakSanitizer works on this machine, else 0 with a warning on stderr. It stops
# the process's threads with ptrace; in a container without that capability every sanitized
# program would fail with an obscure message, so ci-sanitize.sh and ci-fuzz.sh ask first and,
# where it cannot run, go on without leak detection (ASan and UBSan still run), saying so.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'int main(void) { void* volatile p = __builtin_malloc(7); p = 0; return 0; }\n' >"$tmp/leak.c"
cc -fsanitize=address -g "$tmp/leak.c" -o "$tmp/leak"
if ASAN_OPTIONS=detect_leaks=1 "$tmp/leak" >"$tmp/leak.log" 2>&1 ||
    ! grep -q 'detected memory leaks' "$tmp/leak.log"; then
    cat "$tmp/leak.log" >&2
    echo "WARNING: LeakSanitizer cannot run here (it needs ptrace: in a container, add the" \
        "SYS_PTRACE capability); leak detection is OFF for this run" >&2
    echo 0
else
    echo 1
fi
