#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# budgets.sh: every speed and memory budget the issues set, measured on this machine and
# printed against its target, so a change sees at once what it costs. Run by hand (it takes
# ten minutes or more); it is not part of CI's pass/fail, because shared machines are noisy.
# Every ratio is taken within one benchmark run (both sides in the same process, interleaved
# by Google Benchmark), which is what holds on a busy machine; absolute times do not.
#
# Usage: bench/budgets.sh [--quick] [--markdown FILE]
#   --quick          the Canon CR2 and the 24 MP DNGs only, no batch
#   --markdown FILE  also write the table as Markdown (for docs/performance.md)
# Environment: RF_BUILD_DIR (default build/), a Release build with the benchmarks.
#
# The budgets:
#   web export ≤ 1.30× LibRaw's open + unpack() of the same file, with the web preset, the
#     Leica Authentic look and the default rendering (lens correction, noise reduction);
#   full-size export (q90, 4:4:4, defaults) ≤ 2.00× unpack;          (issue 22, point 1)
#   uncompressed DNG: decodeRaw ≤ 1.00× LibRaw's open + unpack       (issue 22, point 3)
#   noise reduction + lens correction at their defaults, against neither, on the CR2: web
#     ≤ +60 %, full size ≤ +100 %                                    (issue 18)
#   45 MP full-size export: peak memory ≤ 1.5 GB, system time ≤ 25 % of user time
#                                                                    (issues 7 and 22, point 2)
#   the 2 MP preview after a slider change ≤ 20 ms wall             (issue 7)
#   a batch on two cores: two jobs ≥ 1.7× the throughput of one job on one core (issue 7)
set -euo pipefail

quick=0
markdown=""
while (($#)); do
    case "$1" in
    --quick) quick=1 ;;
    --markdown)
        [[ $# -ge 2 ]] || { echo "budgets: --markdown needs a file" >&2; exit 2; }
        markdown="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
        shift
        ;;
    -h | --help) sed -n '3,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "budgets: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$(cd "${RF_BUILD_DIR:-$repo/build}" && pwd)"
for exe in bench_export bench_preview bench_batch rangefinder-cli rangefinder-make-sample; do
    [[ -x $build/$exe ]] || { echo "budgets: $build/$exe is missing (ninja -C $build $exe)" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "budgets: needs python3" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "budgets: needs GNU time (apt-get install time)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log() { printf '[budgets] %s\n' "$*" >&2; }

# ---- the files -------------------------------------------------------------------------
inputs="$build/budget-inputs"
mkdir -p "$inputs"
files=()
for raw in "$repo/../shared/testdata/raw/canon-eos30d.CR2" "$repo/../shared/testdata/raw/canon-eosd30.CRW"; do
    if [[ -f $raw ]]; then
        ((quick)) && [[ $raw == *.CRW ]] && continue
        files+=("$(cd "$(dirname "$raw")" && pwd)/$(basename "$raw")")
    else
        log "$raw is absent: left out"
    fi
done
synthetic() {  # NAME SIZE TILES
    local out="$inputs/$1.dng"
    if [[ ! -f $out ]]; then
        log "making $1 ($2, lossless JPEG tiles: $3)"
        "$build/rangefinder-make-sample" --size "$2" --ljpeg-tiles "$3" -o "$work/s" >/dev/null
        mv "$work/s/rangefinder-chart.dng" "$out"
    fi
    files+=("$out")
}
synthetic synthetic-24mp 6000x4000 0
synthetic synthetic-24mp-ljpeg 6000x4000 256
if ((!quick)); then
    synthetic synthetic-45mp 8256x5504 0
    synthetic synthetic-45mp-ljpeg 8256x5504 256
fi

results="$work/results.tsv"  # check, file, measured, target, unit (x, %, ms, MB, share)
: >"$results"
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$results"; }

# The real time of each benchmark of a Google Benchmark JSON file, by name (without the
# "/min_time:..." suffixes), in seconds; and a counter when asked.
bench_json() {  # FILE [COUNTER]
    python3 - "$@" <<'EOF'
import json, sys
data = json.load(open(sys.argv[1]))
counter = sys.argv[2] if len(sys.argv) > 2 else None
unit = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
for b in data["benchmarks"]:
    if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
        continue
    name = b.get("run_name", b["name"]).split("/")[0]
    if counter:
        if counter in b:
            print(f"{name}\t{b[counter]}")
    else:
        print(f"{name}\t{b['real_time'] * unit[b['time_unit']]}")
EOF
}
ratio() {  # TABLE A B: A / B from a name<TAB>seconds table
    awk -F'\t' -v a="$2" -v b="$3" '$1 == a {x = $2} $1 == b {y = $2} END {if (x > 0 && y > 0) printf "%.2f", x / y}' "$1"
}

# ---- exports against LibRaw's unpack, per file ---------------------------------------------
for f in "${files[@]}"; do
    name="$(basename "$f")"
    filter='LibRaw_unpack|rf_decode/|rf_web_export/|rf_full_export/'
    [[ $name == *.CR2 ]] && filter='LibRaw_unpack|rf_decode/|rf_web_export/|rf_web_export_tools_off/|rf_full_export/|rf_full_export_tools_off/'
    log "bench_export $name"
    "$build/bench_export" "$f" --benchmark_filter="$filter" --benchmark_format=json \
        --benchmark_out="$work/export.json" --benchmark_out_format=json >/dev/null 2>"$work/err" ||
        { cat "$work/err" >&2; log "bench_export failed on $name"; continue; }
    bench_json "$work/export.json" >"$work/export.tsv"
    record "web export / unpack" "$name" "$(ratio "$work/export.tsv" rf_web_export LibRaw_unpack)" 1.30 x
    record "full-size export / unpack" "$name" "$(ratio "$work/export.tsv" rf_full_export LibRaw_unpack)" 2.00 x
    if [[ $name == *.dng && $name != *ljpeg* ]]; then
        record "uncompressed DNG decode / unpack" "$name" "$(ratio "$work/export.tsv" rf_decode LibRaw_unpack)" 1.00 x
    fi
    if [[ $name == *.CR2 ]]; then
        web="$(ratio "$work/export.tsv" rf_web_export rf_web_export_tools_off)"
        full="$(ratio "$work/export.tsv" rf_full_export rf_full_export_tools_off)"
        record "NR + lens, web export" "$name" "$(awk -v r="$web" 'BEGIN {printf "%+.0f", 100 * (r - 1)}')" +60 %
        record "NR + lens, full-size export" "$name" "$(awk -v r="$full" 'BEGIN {printf "%+.0f", 100 * (r - 1)}')" +100 %
    fi
done

# ---- the 45 MP full-size export as a process: peak memory, user and system time ------------
big="$inputs/synthetic-45mp.dng"
((quick)) && big="$inputs/synthetic-24mp.dng"
log "rangefinder-cli export --preset full $(basename "$big")"
/usr/bin/time -f '%M %U %S' -o "$work/time" "$build/rangefinder-cli" export --preset full \
    --overwrite -o "$work/out" "$big" >/dev/null 2>&1
read -r peak_kb user sys <"$work/time"
record "full-size export, peak memory" "$(basename "$big")" "$((peak_kb / 1024))" 1536 MB
record "full-size export, system / user time" "$(basename "$big")" \
    "$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", (u > 0 ? s / u : 0)}')" 0.25 share

# ---- the preview after a slider change ---------------------------------------------------
log "bench_preview"
"$build/bench_preview" --benchmark_format=json --benchmark_out="$work/preview.json" \
    --benchmark_out_format=json >/dev/null 2>&1
bench_json "$work/preview.json" median_ms | while IFS=$'\t' read -r bench ms; do
    [[ $bench == BM_FirstRender ]] && continue
    record "2 MP preview after: ${bench#BM_Preview}" canon-eos30d.CR2 "$(printf '%.1f' "$ms")" 20 ms
done

# ---- the batch on two cores --------------------------------------------------------------
if ((!quick)); then
    log "bench_batch (eight copies of the CR2; a few minutes)"
    "$build/bench_batch" --benchmark_format=json --benchmark_out="$work/batch.json" \
        --benchmark_out_format=json >/dev/null 2>&1
    bench_json "$work/batch.json" >"$work/batch.tsv"
    record "batch: 2 jobs / 1 job on 1 core" canon-eos30d.CR2 \
        "$(ratio "$work/batch.tsv" batch_j1_one_core batch_j2)" 1.70 "x (min)"
fi

# ---- the table ---------------------------------------------------------------------------
python3 - "$results" "$markdown" "$(uptime | sed 's/.*load average: //')" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
markdown, load = sys.argv[2], sys.argv[3]
def verdict(measured, target, unit):
    if measured in ("", "nan"):
        return "not measured"
    m, t = float(measured), float(target)
    ok = m >= t if unit.endswith("(min)") else m <= t
    return "within" if ok else "OVER"
out = [(c, f, m or "—", ("≥ " if u.endswith("(min)") else "≤ ") + t + " " + u.split()[0],
        verdict(m, t, u)) for c, f, m, t, u in rows]
head = ("check", "file", "measured", "target", "")
w = [max(len(str(r[i])) for r in out + [head]) for i in range(5)]
print()
for r in [head] + out:
    print("  ".join(str(x).ljust(w[i]) for i, x in enumerate(r)))
over = sum(1 for r in out if r[4] != "within")
print(f"\n{len(out) - over} of {len(out)} within their budgets (load average {load})")
if markdown:
    with open(markdown, "w") as f:
        f.write("| check | file | measured | target | |\n| --- | --- | --: | --: | --- |\n")
        for r in out:
            f.write("| " + " | ".join(str(x) for x in r) + " |\n")
EOF
