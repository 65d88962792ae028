#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# compare-peers.sh: Rangefinder's export against darktable-cli and rawtherapee-cli on the same
# raws, the same output sizes and the same JPEG quality, measured in one run so the ratios hold
# on a noisy machine. LibRaw's own tools are timed beside them as the decode floor.
#
# Usage: bench/compare-peers.sh [--quick] [--markdown FILE] [--keep]
#   --quick          one run, the Canon raw only (to try the script)
#   --markdown FILE  also write the table as Markdown to FILE (for docs/performance.md)
#   --keep           keep the work folder (inputs, outputs, logs) and print where it is
# Environment:
#   RF_BUILD_DIR      an existing build with rangefinder-cli and rangefinder-make-sample;
#                     without it, a Release build is made in build-peers/ at the repo root
#   RF_PEERS_RUNS     repetitions of every invocation (default 3; the median is reported)
#   RF_PEERS_BATCH    copies of the Canon raw in the web batch (default 8, as issue 7 measured)
#   RF_PEERS_TIMEOUT  seconds before one invocation is killed and counted as failed (default 1800)
#   RF_PEERS_CANON    the Canon raw (default ../shared/testdata/raw/canon-eos30d.CR2)
#
# What is measured. Every invocation runs under GNU time: wall time, CPU time (user + sys, all
# threads and child processes) and peak resident memory of the process. Each (case, tool) pair
# runs RF_PEERS_RUNS times; the runs are interleaved (run 1 of every case and tool, then run 2,
# ...) so that a change in the machine's load hits every tool alike. Reported per image: the
# median wall and CPU time of an invocation divided by the number of images it exported; the
# peak memory is the largest of the runs (per invocation, not per image). Ratios are peer time
# divided by Rangefinder's time in the same case, so 5.0 means Rangefinder is five times faster.
# Before timing, each tool exports the Canon raw once untimed (it creates its configuration
# folder and brings libraries and the file into the page cache).
#
# Equivalent settings (each tool keeps its own default rendering: tone curve, colour, demosaic,
# sharpening; only size, format and quality are set):
#   full: full-size sRGB JPEG, quality 90, chroma 4:2:0. darktable's JPEG writer chooses 4:2:0
#         by itself at quality 90, so the others are told 4:2:0 to match it.
#   web:  2048 px on the long edge, sRGB JPEG, quality 85, chroma 4:2:0.
#   darktable-cli 4.2: a throwaway --configdir and --cachedir (so no user preset or style is
#         applied), quality through --core --conf plugins/imageio/format/jpeg/quality=Q; for web
#         --width 2048 --height 2048 (a bounding box: the long edge becomes 2048) and --hq true,
#         which develops at full resolution and downscales at the end, as the others do
#         (--hq false would develop a downscaled mosaic: faster, and not the same quality).
#   rawtherapee-cli 5.9: a throwaway configuration folder (XDG_CONFIG_HOME), -d (its default
#         raw profile), -jQ, -js1 (4:2:0), -Y (overwrite); for web a generated .pp3 on top that
#         enables Resize: Lanczos, a 2048 x 2048 bounding box, no upscaling.
#   rangefinder-cli: export --preset full|web with -q, --subsampling 420 and, for web,
#         --long-edge 2048 (the web preset also sharpens for the screen and writes progressive
#         JPEG), plus --look leica-authentic (a look is part of the issue's target), with
#         --ignore-sidecars and --overwrite; -j is left at its default (one job per core), as
#         the peers use every core by default too.
#   LibRaw (reference rows, when libraw-bin is installed): `unprocessed_raw` is open + unpack()
#         + writing the mosaic as PGM, the floor of any LibRaw-based decoder; `dcraw_emu -w -q 3`
#         (camera white balance, AHD) piped into libjpeg-turbo's `cjpeg -quality 90` is LibRaw's
#         own pipeline to a full-size JPEG.
# The output dimensions, chroma subsampling and JPEG quality of every tool are read back with
# ImageMagick's identify and printed, so a reader can see that the outputs are comparable
# (sizes differ by a few pixels where the tools crop the sensor's border differently).
#
# Cases: every test raw all three tools open (the Canon EOS 30D CR2 at least; other files in
# shared/testdata/raw are tried once and left out, with a note, if a tool cannot open them),
# and synthetic 24 MP (6000x4000) and 45 MP (8256x5504) DNGs from rangefinder-make-sample, each
# exported alone in full and web; the Canon raw in a batch of RF_PEERS_BATCH copies and the two
# synthetic DNGs together, to web, one invocation each.
#
# Exit status: 0 when every tool exported every file; 1 when a tool failed on a file (named on
# standard error; the table is still finished for the others); 2 for a usage error.
set -euo pipefail

usage() { sed -n '3,17p' "$0" | sed 's/^# \{0,1\}//'; }

quick=0
markdown=""
keep=0
while (($#)); do
    case "$1" in
    --quick) quick=1 ;;
    --markdown)
        [[ $# -ge 2 ]] || { echo "compare-peers: --markdown needs a file" >&2; exit 2; }
        markdown="$2"
        shift
        ;;
    --keep) keep=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "compare-peers: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RF_PEERS_RUNS:-3}"
batch="${RF_PEERS_BATCH:-8}"
timeout_s="${RF_PEERS_TIMEOUT:-1800}"
canon="${RF_PEERS_CANON:-$repo/../shared/testdata/raw/canon-eos30d.CR2}"
((quick)) && runs=1
for v in runs batch timeout_s; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || { echo "compare-peers: $v must be a positive integer" >&2; exit 2; }
done
if [[ -n $markdown ]]; then
    # Resolved now: the script changes folder later.
    markdown="$(cd "$(dirname "$markdown")" && pwd)/$(basename "$markdown")"
fi
[[ -r $canon ]] || { echo "compare-peers: $canon: the Canon test raw is missing" >&2; exit 2; }
canon="$(cd "$(dirname "$canon")" && pwd)/$(basename "$canon")"

log() { printf '[compare-peers] %s\n' "$*" >&2; }

# ---- tools ---------------------------------------------------------------------------------
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
apt_updated=0
apt_install() {
    if ((!apt_updated)); then
        "${sudo_cmd[@]}" apt-get update >&2
        apt_updated=1
    fi
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >&2
}
missing=()
command -v darktable-cli >/dev/null || missing+=(darktable)
command -v rawtherapee-cli >/dev/null || missing+=(rawtherapee)
[[ -x /usr/bin/time ]] || missing+=(time)
command -v identify >/dev/null || missing+=(imagemagick)
command -v column >/dev/null || missing+=(bsdextrautils)
if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt_install "${missing[@]}"
fi
# The LibRaw floor is a reference only: without these tools its rows are left out.
optional=()
command -v unprocessed_raw >/dev/null || optional+=(libraw-bin)
command -v cjpeg >/dev/null || optional+=(libjpeg-turbo-progs)
if ((${#optional[@]})); then
    log "installing ${optional[*]} (LibRaw's reference rows)"
    apt_install "${optional[@]}" || log "could not install ${optional[*]}; no LibRaw rows"
fi
have_libraw=0
if command -v unprocessed_raw >/dev/null && command -v dcraw_emu >/dev/null &&
    command -v cjpeg >/dev/null; then
    have_libraw=1
fi

if [[ -n ${RF_BUILD_DIR:-} ]]; then
    build="$(cd "$RF_BUILD_DIR" && pwd)"
else
    build="$repo/build-peers"
    log "building rangefinder-cli and rangefinder-make-sample (Release) in $build"
    generator=()
    command -v ninja >/dev/null && generator=(-G Ninja)
    cmake -S "$repo" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
        -DRF_BUILD_TESTS=OFF -DRF_BUILD_BENCH=OFF -DRF_BUILD_GUI=OFF >&2
    cmake --build "$build" --target rangefinder-cli rangefinder-make-sample -j "$(nproc)" >&2
fi
rf_cli="$build/rangefinder-cli"
make_sample="$build/rangefinder-make-sample"
for exe in "$rf_cli" "$make_sample"; do
    [[ -x $exe ]] || { echo "compare-peers: $exe is missing (RF_BUILD_DIR=$build)" >&2; exit 2; }
done

# ---- work folder and inputs ----------------------------------------------------------------
work="$(mktemp -d "${TMPDIR:-/tmp}/compare-peers.XXXXXX")"
cleanup() {
    if ((keep)); then log "work folder kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
mkdir -p "$work/in" "$work/out" "$work/logs" "$work/times" "$work/cfg"

# Each case is a folder of inputs; one invocation exports all of them.
# case_files[c] holds the inputs, case_label[c] the table's name for the case.
declare -A case_label case_kind
cases=()
add_case() { # id label kind(full|web) files...
    local id="$1" label="$2" kind="$3"
    shift 3
    mkdir -p "$work/in/$id"
    local f
    for f in "$@"; do cp "$f" "$work/in/$id/"; done
    case_label[$id]="$label"
    case_kind[$id]="$kind"
}
case_inputs() { find "$work/in/$1" -maxdepth 1 -type f ! -name '*.pgm' | sort; }

singles=("$canon")
if ((!quick)); then
    log "making the synthetic 24 MP and 45 MP DNGs"
    for spec in 24mp:6000x4000 45mp:8256x5504; do
        name="${spec%%:*}"
        "$make_sample" --size "${spec#*:}" -o "$work/synth-$name" >/dev/null
        mv "$work/synth-$name/rangefinder-chart.dng" "$work/synthetic-$name.dng"
        singles+=("$work/synthetic-$name.dng")
    done
fi

# ---- running one tool on one case ----------------------------------------------------------
resize_pp3="$work/cfg/rawtherapee-resize-2048.pp3"
cat >"$resize_pp3" <<'EOF'
[Version]
AppVersion=5.9
Version=349

[Resize]
Enabled=true
Scale=1
AppliesTo=Cropped area
Method=Lanczos
DataSpecified=3
Width=2048
Height=2048
AllowUpscaling=false
EOF

tools=(rangefinder darktable rawtherapee)
((have_libraw)) && tools+=(libraw-unpack libraw-ahd)
declare -A tool_label=(
    [rangefinder]="rangefinder-cli"
    [darktable]="darktable-cli"
    [rawtherapee]="rawtherapee-cli"
    [libraw-unpack]="LibRaw unpack (unprocessed_raw)"
    [libraw-ahd]="LibRaw AHD + cjpeg (dcraw_emu)"
)

# Whether a tool takes part in a case: the LibRaw rows are references for single files only
# (unpack for both sizes, AHD + cjpeg for full size, which is what it makes).
tool_in_case() { # tool case
    local files
    files=$(case_inputs "$2" | wc -l)
    case "$1" in
    libraw-unpack) [[ $files -eq 1 ]] ;;
    libraw-ahd) [[ $files -eq 1 && ${case_kind[$2]} == full ]] ;;
    *) true ;;
    esac
}

# Prints the command line of TOOL for CASE into the array named cmd, writing into OUT.
build_command() { # tool case out
    local tool="$1" id="$2" out="$3" kind="${case_kind[$2]}"
    local -a inputs
    mapfile -t inputs < <(case_inputs "$id")
    local q=90
    [[ $kind == web ]] && q=85
    case "$tool" in
    rangefinder)
        cmd=("$rf_cli" export --preset "$kind" -q "$q" --subsampling 420
            --look leica-authentic --ignore-sidecars --overwrite --quiet -o "$out")
        [[ $kind == web ]] && cmd+=(--long-edge 2048)
        cmd+=("${inputs[@]}")
        ;;
    darktable)
        # A second positional argument would be taken for an XMP file: inputs go by --import.
        cmd=(darktable-cli "$out/\$(FILE_NAME)")
        local f
        for f in "${inputs[@]}"; do cmd+=(--import "$f"); done
        cmd+=(--out-ext jpg --hq true)
        [[ $kind == web ]] && cmd+=(--width 2048 --height 2048)
        cmd+=(--core --configdir "$work/cfg/darktable" --cachedir "$work/cfg/darktable/cache"
            --conf "plugins/imageio/format/jpeg/quality=$q")
        ;;
    rawtherapee)
        cmd=(env "XDG_CONFIG_HOME=$work/cfg/rawtherapee" "XDG_CACHE_HOME=$work/cfg/rawtherapee/cache"
            rawtherapee-cli -o "$out" -d)
        [[ $kind == web ]] && cmd+=(-p "$resize_pp3")
        cmd+=("-j$q" -js1 -Y -c "${inputs[@]}")
        ;;
    libraw-unpack)
        # Writes NAME.pgm beside the input (case_inputs skips it); the output folder stays
        # empty, so this row has no output dimensions.
        cmd=(unprocessed_raw -q "${inputs[@]}")
        ;;
    libraw-ahd)
        local name
        name="$(basename "${inputs[0]}")"
        # shellcheck disable=SC2016 # expanded by the inner shell, from its arguments
        cmd=(bash -o pipefail -c 'dcraw_emu -w -q 3 -Z - "$1" | cjpeg -quality 90 >"$2"'
            dcraw-cjpeg "${inputs[0]}" "$out/${name%.*}.jpg")
        ;;
    esac
}

failures=()
declare -A failed
recording=1 # 0 while warming up and probing: those failures are notes, not results
# Runs TOOL on CASE once (run number RUN), records "wall user sys maxrss_kb" in the times
# folder, and checks that one JPEG per input came out. Returns 1 on failure.
measure() { # tool case run
    local tool="$1" id="$2" run="$3"
    local out="$work/out/$id/$tool" logf="$work/logs/$id.$tool.$run.log"
    local tf="$work/times/$id.$tool.$run"
    rm -rf "$out"
    mkdir -p "$out"
    local -a cmd
    build_command "$tool" "$id" "$out"
    local status=0
    /usr/bin/time -o "$tf" -f '%e %U %S %M' \
        timeout --kill-after=10 "$timeout_s" "${cmd[@]}" >"$logf" 2>&1 || status=$?
    local want got reason=""
    want=$(case_inputs "$id" | wc -l)
    got=$(find "$out" -maxdepth 1 -name '*.jpg' | wc -l)
    [[ $tool == libraw-unpack ]] && got=$(find "$work/in/$id" -maxdepth 1 -name '*.pgm' | wc -l)
    if [[ $status -eq 124 || $status -eq 137 ]]; then
        reason="timed out after ${timeout_s}s"
    elif [[ $status -ne 0 ]]; then
        reason="exit status $status"
    elif [[ $got -ne $want ]]; then
        reason="wrote $got of $want images"
    fi
    [[ $tool == libraw-unpack ]] && rm -f "$work/in/$id"/*.pgm
    if [[ -n $reason ]]; then
        local inputs
        inputs=$(case_inputs "$id" | xargs -n1 basename | paste -sd' ')
        ((recording)) || return 1
        failures+=("${tool_label[$tool]} failed on $inputs (${case_label[$id]}): $reason; log: $logf")
        failed[$id.$tool]=1
        {
            echo "compare-peers: ${tool_label[$tool]} failed on $inputs: $reason"
            tail -n 15 "$logf" | sed 's/^/    /'
        } >&2
        ((keep)) || keep=1 # the log is the evidence: keep it
        return 1
    fi
    # GNU time writes "Command exited..." lines only on failure, so the last line is ours.
    tail -n 1 "$tf" >"$tf.ok"
}

# Dimensions, chroma subsampling and quality of the first JPEG TOOL wrote for CASE.
describe_output() { # tool case
    local f
    f=$(find "$work/out/$2/$1" -maxdepth 1 -name '*.jpg' 2>/dev/null | sort | head -n 1)
    [[ -n $f ]] || { echo "-"; return; }
    identify -format '%wx%h %[jpeg:sampling-factor] q%Q' "$f" 2>/dev/null |
        sed -e 's/2x2,1x1,1x1/4:2:0/' -e 's/2x1,1x1,1x1/4:2:2/' -e 's/1x1,1x1,1x1/4:4:4/'
}

# ---- cases ---------------------------------------------------------------------------------
recording=0
log "warming up each tool on $(basename "$canon") (untimed)"
add_case warmup "warm-up" web "$canon"
for tool in rangefinder darktable rawtherapee; do
    measure "$tool" warmup 0 || log "note: ${tool_label[$tool]} failed the warm-up"
done

# Other test raws join the comparison only if all three tools export them.
if ((!quick)); then
    for f in "$(dirname "$canon")"/*; do
        [[ -f $f && $f != "$canon" ]] || continue
        [[ ${f,,} =~ \.(cr2|crw|cr3|nef|nrw|arw|raf|orf|rw2|pef|srw|dng)$ ]] || continue
        id="probe-$(basename "$f")"
        add_case "$id" "probe" web "$f"
        ok=1
        for tool in rangefinder darktable rawtherapee; do
            if ! measure "$tool" "$id" 0 2>/dev/null; then
                ok=0
                log "note: ${tool_label[$tool]} cannot export $(basename "$f"), so it is left out"
            fi
        done
        if ((ok)); then singles+=("$f"); fi
    done
fi
recording=1

for f in "${singles[@]}"; do
    base="$(basename "$f")"
    add_case "${base%.*}-full" "$base, full size" full "$f"
    add_case "${base%.*}-web" "$base, web 2048" web "$f"
    cases+=("${base%.*}-full" "${base%.*}-web")
done
# The batches: copies of the Canon raw under distinct names, and the synthetic DNGs together.
mkdir -p "$work/batch"
copies=()
for ((i = 1; i <= batch; i++)); do
    copies+=("$work/batch/$(basename "${canon%.*}")-$i.${canon##*.}")
    cp "$canon" "${copies[-1]}"
done
add_case canon-batch "$(basename "$canon") x$batch, web 2048" web "${copies[@]}"
cases+=(canon-batch)
if ((!quick)); then
    add_case synthetic-batch "synthetic 24 MP + 45 MP, web 2048" web \
        "$work/synthetic-24mp.dng" "$work/synthetic-45mp.dng"
    cases+=(synthetic-batch)
fi

# ---- timed runs ----------------------------------------------------------------------------
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"
for ((run = 1; run <= runs; run++)); do
    for id in "${cases[@]}"; do
        for tool in "${tools[@]}"; do
            tool_in_case "$tool" "$id" || continue
            [[ -z ${failed[$id.$tool]:-} ]] || continue
            log "run $run/$runs: ${case_label[$id]}: ${tool_label[$tool]}"
            measure "$tool" "$id" "$run" || true
        done
    done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# ---- table ---------------------------------------------------------------------------------
median() {
    sort -g | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Prints "wall cpu peak_mb" (per image, per image, per invocation) for TOOL in CASE, or nothing
# when it has no successful run.
stats() { # tool case
    local -a files
    mapfile -t files < <(find "$work/times" -maxdepth 1 -name "$2.$1.[1-9]*.ok" | sort)
    ((${#files[@]})) || return 0
    local n wall cpu peak
    n=$(case_inputs "$2" | wc -l)
    wall=$(awk '{ print $1 }' "${files[@]}" | median)
    cpu=$(awk '{ print $2 + $3 }' "${files[@]}" | median)
    peak=$(awk '$4 > m { m = $4 } END { print m / 1024 }' "${files[@]}")
    awk -v w="$wall" -v c="$cpu" -v p="$peak" -v n="$n" \
        'BEGIN { printf "%.3f %.3f %.0f\n", w / n, c / n, p }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

rows=()
for id in "${cases[@]}"; do
    rf_wall="" rf_cpu=""
    read -r rf_wall rf_cpu _ < <(stats rangefinder "$id") || true
    for tool in "${tools[@]}"; do
        tool_in_case "$tool" "$id" || continue
        wall="" cpu="" peak=""
        read -r wall cpu peak < <(stats "$tool" "$id") || true
        if [[ -z $wall ]]; then
            rows+=("${case_label[$id]}|${tool_label[$tool]}|failed|-|-|-|-|-")
            continue
        fi
        wr="-" cr="-"
        if [[ $tool == rangefinder ]]; then
            wr="1.00" cr="1.00"
        elif [[ -n $rf_wall ]]; then
            wr="$(ratio "$wall" "$rf_wall")"
            cr="$(ratio "$cpu" "$rf_cpu")"
        fi
        rows+=("${case_label[$id]}|${tool_label[$tool]}|$wall|$cpu|$peak|$wr|$cr|$(describe_output "$tool" "$id")")
    done
done

header="case|tool|wall s/image|CPU s/image|peak MB|wall ratio|CPU ratio|output"
echo ""
{
    echo "$header"
    printf '%s\n' "${rows[@]}"
} | column -t -s '|'
echo ""
echo "Ratios: the tool's time over rangefinder-cli's in the same case (above 1: Rangefinder is"
echo "faster). Median of $runs run(s), interleaved; peak MB per invocation. Load average"
echo "$load_before before the runs, $load_after after; $(nproc) cores."

if [[ -n $markdown ]]; then
    {
        echo "Measured $started, $runs run(s) per case (median), $(nproc) cores, load average"
        echo "$load_before before the runs and $load_after after;"
        echo "$("$rf_cli" --version 2>&1 | head -n 1), $(darktable-cli --version 2>&1 | head -n 1 |
            sed 's/^this is //'), RawTherapee $(rawtherapee-cli -h 2>&1 |
            sed -n 's/.*version \([0-9.]*\).*/\1/p' | head -n 1)$(
                ((have_libraw)) && unprocessed_raw 2>&1 | sed -n 's/.*\(LibRaw [0-9.]*\).*/, \1/p' |
                head -n 1)."
        echo "Ratios: the tool's time over rangefinder-cli's in the same case (above 1: Rangefinder"
        echo "is faster; the LibRaw rows are a reference floor). Peak MB is per invocation."
        echo ""
        echo "| ${header//|/ | } |"
        echo "|---|---|--:|--:|--:|--:|--:|---|"
        for r in "${rows[@]}"; do echo "| ${r//|/ | } |"; done
    } >"$markdown"
    log "wrote $markdown"
fi

if ((${#failures[@]})); then
    echo "" >&2
    printf 'compare-peers: %s\n' "${failures[@]}" >&2
    exit 1
fi
