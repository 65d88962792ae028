// SPDX-License-Identifier: GPL-3.0-or-later
// Batch throughput: eight copies of one raw exported to web JPEGs with a look, the way
// `rangefinder-cli export --preset web --look leica-authentic -j N` does it, with one job and
// with two, next to LibRaw's own unpack() of the same file, all in one run so the ratios hold
// on a noisy shared machine. "j1" is the CLI's -j 1 (one file at a time, the stages free to
// use every core); "j1_one_core" is one job with one worker thread and the process pinned to
// one CPU, the baseline of "two jobs on two cores against one". CPU seconds per image are
// printed too: when they do not grow from j1 to j2 the jobs do not get in each other's way,
// and a wall-clock ratio short of that is the machine being shared (other processes, or
// fair-share scheduling that gives this process the same CPU time however many threads it
// runs). Usage: bench_batch [FILE] [benchmark flags]. Times are medians of three repetitions.
#include <benchmark/benchmark.h>
#include <sched.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "bench_input.h"
#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/looks.h"
#include "rangefinder/parallel.h"
#include "ratio_reporter.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

constexpr int kCopies = 8;

std::string gFile, gTempDir;
std::vector<ExportJob> gJobs;
ExportSettings gSettings;
std::map<std::string, std::vector<double>> gCpuPerImage;  // by benchmark, one per repetition

double processCpuSeconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// The CLI's setup: the web preset, the look folders (the user's first), the look merged
// into each photo's edits as prepareExportJobs builds them.
void prepare() {
    const fs::path in = fs::path(gTempDir) / "in";
    fs::create_directories(in);
    std::vector<std::string> files;
    for (int i = 1; i <= kCopies; ++i) {
        const fs::path copy =
            in / ("IMG_" + std::to_string(i) + fs::path(gFile).extension().string());
        fs::copy_file(gFile, copy, fs::copy_options::overwrite_existing);
        files.push_back(copy.string());
    }
    gSettings = exportPreset("web");
    const auto lookDirs = defaultLookDirs();
    gSettings.render.lookDirs.assign(lookDirs.rbegin(), lookDirs.rend());
    gSettings.outputDir = (fs::path(gTempDir) / "out").string();
    gSettings.overwrite = true;
    const LookLibrary library = LookLibrary::load(lookDirs);
    const Look* look = library.find("leica-authentic");
    if (!look) throw Error("bench_batch: the look 'leica-authentic' is not installed");
    PreparedJobs prepared = prepareExportJobs(files, withLook({}, *look));
    if (!prepared.failed.empty()) throw Error(prepared.failed.front().error);
    gJobs = std::move(prepared.jobs);
}

// Every thread of the process: the pool's helpers were started before the pinning.
void setProcessAffinity(const cpu_set_t& set) {
    for (const auto& task : fs::directory_iterator("/proc/self/task"))
        sched_setaffinity(pid_t(std::stol(task.path().filename().string())), sizeof set, &set);
}

void BM_LibRawUnpack(benchmark::State& state) {
    benchLibRawUnpack(state, gFile);
}

// One iteration is the whole batch; the time is divided by the copies afterwards.
// `oneCpu` pins the process to the first CPU it may run on, so the lane's reader thread
// shares that core too: one job on one core, the baseline two jobs on two cores are
// measured against.
void runBatch(benchmark::State& state, const std::string& name, int jobs, int threads,
              bool oneCpu = false) {
    cpu_set_t all;
    CPU_ZERO(&all);
    sched_getaffinity(0, sizeof all, &all);
    if (oneCpu) {
        cpu_set_t one;
        CPU_ZERO(&one);
        for (int c = 0; c < CPU_SETSIZE; ++c)
            if (CPU_ISSET(c, &all)) {
                CPU_SET(c, &one);
                break;
            }
        setProcessAffinity(one);
    }
    struct Restore {
        cpu_set_t all;
        bool on;
        ~Restore() {
            if (on) setProcessAffinity(all);
            setThreadCount(0);
        }
    } restore{all, oneCpu};
    setThreadCount(threads);
    for (auto _ : state) {
        const double cpu0 = processCpuSeconds();
        const auto outcomes = exportBatch(gJobs, gSettings, jobs);
        gCpuPerImage[name].push_back((processCpuSeconds() - cpu0) / kCopies);
        for (const auto& o : outcomes)
            if (!o.ok()) {
                state.SkipWithError(o.error.c_str());
                return;
            }
    }
    state.counters["images"] = kCopies;
}

void BM_BatchJ1(benchmark::State& state) {
    runBatch(state, "batch_j1", 1, 0);
}
void BM_BatchJ1OneCore(benchmark::State& state) {
    runBatch(state, "batch_j1_one_core", 1, 1, true);
}
void BM_BatchJ2(benchmark::State& state) {
    runBatch(state, "batch_j2", 2, 0);
}

// CPU seconds `threads` busy threads get in `seconds` of wall time: how much more the
// scheduler gives this process for a second thread. On an idle two-core machine two threads
// get twice as much; under fair-share scheduling on a busy one they may get no more at all,
// and then no wall-clock ratio of this run can show two jobs beating one.
double spinCpuSeconds(int threads, double seconds) {
    std::atomic<bool> stop{false};
    const double cpu0 = processCpuSeconds();
    std::vector<std::thread> spinners;
    for (int t = 0; t < threads; ++t)
        spinners.emplace_back([&] {
            volatile unsigned x = 0;
            while (!stop.load(std::memory_order_relaxed)) x = x + 1;
        });
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& t : spinners) t.join();
    return processCpuSeconds() - cpu0;
}

}  // namespace

int main(int argc, char** argv) {
    gFile = benchRawFile(argc, argv, "bench_batch");
    if (gFile.empty()) return 1;
    gTempDir =
        (fs::temp_directory_path() / ("rf-bench-batch-" + std::to_string(::getpid()))).string();
    try {
        prepare();
    } catch (const Error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        fs::remove_all(gTempDir);
        return 1;
    }

    benchmark::RegisterBenchmark("LibRaw_unpack", BM_LibRawUnpack)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MinTime(2.0);
    using Fn = void (*)(benchmark::State&);
    const std::pair<const char*, Fn> batches[] = {{"batch_j1", BM_BatchJ1},
                                                  {"batch_j1_one_core", BM_BatchJ1OneCore},
                                                  {"batch_j2", BM_BatchJ2}};
    for (const auto& [name, fn] : batches)
        benchmark::RegisterBenchmark(name, fn)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Iterations(1)
            ->Repetitions(3)
            ->ReportAggregatesOnly(true);
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    fs::remove_all(gTempDir);

    const auto& s = reporter.seconds;
    const auto perImage = [&](const char* name) {
        const auto it = s.find(name);
        return it == s.end() ? 0.0 : it->second / kCopies;
    };
    const double unpack = s.count("LibRaw_unpack") ? s.at("LibRaw_unpack") : 0.0;
    std::printf("\n%s, %d copies, web preset + leica-authentic, %d worker threads:\n",
                fs::path(gFile).filename().c_str(), kCopies, threadCount());
    for (const char* name : {"batch_j1", "batch_j1_one_core", "batch_j2"}) {
        const double t = perImage(name);
        if (t <= 0) continue;
        std::printf("  %-18s %.3f s/image (%.2fx LibRaw unpack), %.3f CPU s/image\n", name, t,
                    unpack > 0 ? t / unpack : 0.0, median(gCpuPerImage[name]));
    }
    const double j1 = perImage("batch_j1"), j1one = perImage("batch_j1_one_core"),
                 j2 = perImage("batch_j2");
    if (j2 > 0 && j1 > 0) std::printf("  throughput j2 / j1:          %.2fx\n", j1 / j2);
    if (j2 > 0 && j1one > 0) std::printf("  throughput j2 / j1 one core: %.2fx\n", j1one / j2);
    if (unpack > 0) std::printf("  LibRaw unpack: %.3f s\n", unpack);
    // No figure for darktable or RawTherapee stands in for a measurement here: they are timed
    // on the same batch by bench/compare-peers.sh, in one run with Rangefinder.
    std::printf("  peers: not measured by this benchmark (bench/compare-peers.sh times them)\n");
    const double cpuOne = median(gCpuPerImage["batch_j1_one_core"]),
                 cpuTwo = median(gCpuPerImage["batch_j2"]);
    if (cpuOne > 0 && cpuTwo > 0)
        std::printf(
            "  CPU per image j2 / j1 one core: %.2fx, so on two idle cores j2 / j1 one "
            "core is at most %.2fx\n",
            cpuTwo / cpuOne, 2 * cpuOne / cpuTwo);
    const double spinOne = spinCpuSeconds(1, 2.0), spinTwo = spinCpuSeconds(2, 2.0);
    if (spinOne > 0)
        std::printf(
            "  scheduler check: 2 busy threads got %.2fx the CPU of 1 (2.00x on idle "
            "cores)\n",
            spinTwo / spinOne);
    return 0;
}
