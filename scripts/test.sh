#!/usr/bin/env bash
# The README's second command, and what CI runs (.ci/run): installs what is needed, checks the
# formatting, builds in Release (warnings are errors) and runs the whole test suite; then fuzzes
# every parser for a bounded time (scripts/ci-fuzz.sh) and runs the suite again under
# AddressSanitizer + UndefinedBehaviorSanitizer and the threaded code under ThreadSanitizer
# (scripts/ci-sanitize.sh). About 40 minutes on 2 cores, most of it the sanitizer builds and runs.
# RF_TEST_QUICK=1 stops after the Release suite, for an edit-and-test loop.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
stamp() { printf '\n==== test.sh: %s (%d s)\n' "$1" $((SECONDS - start)); }

bash scripts/install-deps.sh
stamp "formatting"
# Formatting is part of the build's contract: .clang-format at the root.
find src include tests bench fuzz \( -name '*.cpp' -o -name '*.h' \) -print0 |
    xargs -0 clang-format --dry-run --Werror
stamp "Release build"
build=${RF_BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DRF_WERROR=ON
cmake --build "$build" --parallel "$(nproc)"
stamp "Release test suite"
ctest --test-dir "$build" --output-on-failure --parallel "$(nproc)"
if [[ ${RF_TEST_QUICK:-0} == 1 ]]; then
    stamp "done (RF_TEST_QUICK=1: no fuzzing, no sanitizers)"
    exit 0
fi
stamp "fuzzing"
bash scripts/ci-fuzz.sh
stamp "sanitizers"
bash scripts/ci-sanitize.sh
stamp "done: all passed"
