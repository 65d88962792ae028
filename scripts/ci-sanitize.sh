#!/usr/bin/env bash
# The sanitizer job: the whole test suite (desktop app included; the load tests, which measure
# memory and descriptors, excepted) under AddressSanitizer,
# LeakSanitizer and UndefinedBehaviorSanitizer, then the threaded code under ThreadSanitizer:
# parallelFor/parallelTasks, the pipeline and its cancellation, concurrent writers, metadata and
# sidecars, batch export through the command line with two jobs, and the desktop app's
# RenderController, export runner, library thumbnail loader and developed thumbnails. Any
# report fails the job: a sanitizer aborts the process (tests that run the command line see it
# die, not exit 0/1/2), and the logs are searched too.
# Only our code is instrumented; scripts/tsan.supp lists what TSan cannot judge in the
# uninstrumented system libraries, and why. Build dirs: build-asan, build-tsan. Budget: 9
# minutes on 2 cores, so each build makes only what it runs, at -O1 -g1.
# RF_SANITIZE_ONLY=asan or =tsan runs one half.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jobs=$(nproc)
start=$SECONDS

# Each phase is stamped with the wall time and the CPU time (user + system, all processes
# started so far) since the start: on a shared machine the second says what the job costs.
times_file=$(mktemp)
trap 'rm -f "$times_file"' EXIT
# `times` run in this shell (not in a $(...) subshell, which has no children of its own); its
# second line is the children's user and system time, as "1m2.345s 0m6.789s".
cpu_seconds() {
    times >"$times_file"
    awk 'NR == 2 {
        n = split($0, t, /[ ms]+/); s = 0
        for (i = 1; i + 1 <= n; i += 2) if (t[i] != "") s += t[i] * 60 + t[i + 1]
        printf "%d", s }' "$times_file"
}
phase() {
    local cpu
    cpu_seconds >"$times_file.cpu"
    cpu=$(<"$times_file.cpu")
    rm -f "$times_file.cpu"
    printf '\n== %s (%ds, CPU %ss)\n' "$1" $((SECONDS - start)) "$cpu"
}

# Tests that find a report in a child process (the command line) see it abort; a report in
# the test process itself ends it. Either way the log names it: check it, so no exit status
# that a test accepted can hide one.
check_logs() {
    local log=$1/Testing/Temporary/LastTest.log
    if grep -nE 'ERROR: (Address|Leak)Sanitizer|runtime error:|WARNING: ThreadSanitizer' "$log"; then
        echo "ci-sanitize: sanitizer reports in $log" >&2
        exit 1
    fi
}

phase "LeakSanitizer works here"
leaks=$(bash scripts/lsan-probe.sh)

# Every test executable (CMake makes one per file), and the command line they run.
tests=()
for f in tests/unit/test_*.cpp tests/integration/test_*.cpp tests/gui/test_*.cpp; do
    tests+=("$(basename "$f" .cpp)")
done

only=${RF_SANITIZE_ONLY:-}

# ---- AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer: the whole suite ----------
if [[ $only != tsan ]]; then
export ASAN_OPTIONS=detect_leaks=$leaks:abort_on_error=1
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/scripts/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1
phase "ASan+UBSan build"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Release -DRF_WERROR=ON \
    -DRF_SANITIZE=address,undefined -DRF_BUILD_TESTS=ON -DRF_BUILD_GUI=ON -DRF_BUILD_BENCH=OFF
cmake --build build-asan --parallel "$jobs" --target rangefinder-cli rangefinder "${tests[@]}"
phase "ASan+UBSan: the whole test suite"
# All but the load tests: they export 500 files twice to compare peak memory and count file
# descriptors, figures that ASan's shadow memory and quarantine make meaningless, through the
# same batch code the other export tests run here; in Release they take a minute, under ASan
# several, of a CI run that has to stay under 40 minutes.
ctest --test-dir build-asan --output-on-failure --parallel "$jobs" -E '^Load\.'
check_logs build-asan
unset ASAN_OPTIONS UBSAN_OPTIONS
fi


# ---- ThreadSanitizer: the threaded code ------------------------------------------------------
if [[ $only != asan ]]; then
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/scripts/tsan.supp"
tsan_tests=(test_core_basics test_pipeline test_color test_writers test_metadata test_sidecar
    test_cli test_editor test_export test_library test_decode test_thumbnails)
tsan_filter='^(Parallel\.'
tsan_filter+='|Pipeline\.'
tsan_filter+='|Output\.CachedAndThreadSafe'
tsan_filter+='|(Writers|Metadata|Sidecar)\.Concurrent'
tsan_filter+='|Cli\.(BatchGoesOnPastACorruptFile|TwoJobsAtOnce)'
tsan_filter+='|EditorTest\.|Export\.'
tsan_filter+='|DecodeSynthetic\.LosslessJpegDngs'
tsan_filter+='|LibraryFolder\.ThumbnailsAppear|PhotoLibrary\.VisibleThumbnailsLoadBeforeTheRest'
tsan_filter+='|DevelopedThumbnails\.)'
phase "TSan build"
cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=Release -DRF_WERROR=ON \
    -DRF_SANITIZE=thread -DRF_BUILD_TESTS=ON -DRF_BUILD_GUI=ON -DRF_BUILD_BENCH=OFF
cmake --build build-tsan --parallel "$jobs" --target rangefinder-cli "${tsan_tests[@]}"
phase "TSan: threaded tests"
ctest --test-dir build-tsan --output-on-failure --parallel "$jobs" --no-tests=error \
    -R "$tsan_filter"
check_logs build-tsan
fi

phase "ci-sanitize: no reports"
