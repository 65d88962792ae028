// SPDX-License-Identifier: GPL-3.0-or-later
// The preview after a slider change, in the core alone (no Qt): the 8 MP Canon raw decoded
// once, one Pipeline, renders fitted to 1732 × 1155 (2 MP). After a warm-up render each
// iteration changes one setting so every render is a real change — exposure (only the
// finishing stages re-run), white balance temperature (the balance and everything after it),
// the look's strength (Leica Authentic: the look and after) and a switch between two looks —
// and times the render. Each benchmark reports the median of its iterations as median_ms
// (target: < 20 ms) and the median CPU time of all threads as cpu_ms; a full first render (a fresh
// Pipeline: demosaic and all) is the reference. bench_gui_preview measures the same through the
// desktop app's RenderController. Usage: bench_preview [FILE.CR2] [benchmark flags].
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bench_input.h"
#include "rangefinder/looks.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

using Clock = std::chrono::steady_clock;

std::string gFile;
std::shared_ptr<const RawImage> gRaw;
std::map<std::string, double> gMedians;     // by benchmark name, wall ms
std::map<std::string, double> gCpuMedians;  // by benchmark name, CPU ms of every thread

// The process's CPU time: on a shared machine a render's wall time depends on the other
// loads, its CPU time (every thread's, so twice the wall time when both cores work) much less.
double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

const Look& look(const char* name) {
    static const LookLibrary library = LookLibrary::load({RF_SOURCE_DIR "/looks"});
    const Look* l = library.find(name);
    if (!l) {
        std::fprintf(stderr, "bench_preview: the look \"%s\" is not in %s/looks\n", name,
                     RF_SOURCE_DIR);
        std::exit(1);
    }
    return *l;
}

RenderOptions previewOptions() {
    RenderOptions o;
    o.size.mode = SizeMode::Fit;
    o.size.a = 1732;
    o.size.b = 1155;
    o.lookDirs = {RF_SOURCE_DIR "/looks"};
    return o;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Renders `edits(0)` to warm the cache, then `edits(i)` per iteration, timing each render.
template <class Edits>
void timeRenders(benchmark::State& state, const char* name, Edits edits) {
    Pipeline pipeline(gRaw);
    const RenderOptions options = previewOptions();
    RenderResult r = pipeline.render(edits(0), options);
    std::vector<double> times, cpu;
    int i = 1;
    for (auto _ : state) {
        const EditDocument e = edits(i++);
        const double c0 = cpuSeconds();
        const auto t0 = Clock::now();
        r = pipeline.render(e, options);
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        cpu.push_back((cpuSeconds() - c0) * 1e3);
        benchmark::DoNotOptimize(r.rgb.data());
        state.SetIterationTime(s);
        times.push_back(s * 1e3);
    }
    const double m = median(times);
    gMedians[name] = m;
    gCpuMedians[name] = median(cpu);
    state.counters["median_ms"] = m;
    state.counters["cpu_ms"] = median(cpu);
    state.counters["width"] = r.rgb.width();
    state.counters["height"] = r.rgb.height();
}

void BM_FirstRender(benchmark::State& state) {
    std::vector<double> times, cpu;
    const RenderOptions options = previewOptions();
    for (auto _ : state) {
        const double c0 = cpuSeconds();
        const auto t0 = Clock::now();
        Pipeline pipeline(gRaw);
        RenderResult r = pipeline.render(EditDocument(), options);
        benchmark::DoNotOptimize(r.rgb.data());
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        cpu.push_back((cpuSeconds() - c0) * 1e3);
        state.SetIterationTime(s);
        times.push_back(s * 1e3);
    }
    gMedians["BM_FirstRender"] = median(times);
    gCpuMedians["BM_FirstRender"] = median(cpu);
    state.counters["median_ms"] = median(times);
    state.counters["cpu_ms"] = median(cpu);
}

void BM_PreviewExposure(benchmark::State& state) {
    timeRenders(state, "BM_PreviewExposure", [](int i) {
        EditDocument e;
        e.setFloat("exposure.ev", i % 2 ? 0.4 : 0.3);
        return e;
    });
}

void BM_PreviewWhiteBalance(benchmark::State& state) {
    timeRenders(state, "BM_PreviewWhiteBalance", [](int i) {
        EditDocument e;
        e.setText("wb.mode", "custom");
        e.setFloat("wb.temperature", i % 2 ? 4600 : 4500);
        return e;
    });
}

void BM_PreviewLookStrength(benchmark::State& state) {
    timeRenders(state, "BM_PreviewLookStrength", [](int i) {
        return withLook(EditDocument(), look("leica-authentic"), i % 2 ? 70.0 : 80.0);
    });
}

void BM_PreviewLookSwitch(benchmark::State& state) {
    timeRenders(state, "BM_PreviewLookSwitch", [](int i) {
        return withLook(EditDocument(), look(i % 2 ? "leica-vibrant" : "leica-authentic"));
    });
}

}  // namespace

int main(int argc, char** argv) {
    gFile = benchRawFile(argc, argv, "bench_preview");
    if (gFile.empty()) return 1;
    gRaw = std::make_shared<const RawImage>(decodeRaw(gFile));

    using Fn = void (*)(benchmark::State&);
    const std::pair<const char*, Fn> changes[] = {
        {"BM_PreviewExposure", BM_PreviewExposure},
        {"BM_PreviewWhiteBalance", BM_PreviewWhiteBalance},
        {"BM_PreviewLookStrength", BM_PreviewLookStrength},
        {"BM_PreviewLookSwitch", BM_PreviewLookSwitch},
    };
    for (const auto& [name, fn] : changes)
        benchmark::RegisterBenchmark(name, fn)
            ->UseManualTime()
            ->Unit(benchmark::kMillisecond)
            ->Iterations(60);
    benchmark::RegisterBenchmark("BM_FirstRender", BM_FirstRender)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond)
        ->Iterations(10);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();

    std::printf("\npreview at 1732x1155 after a change, medians (target < 20 ms wall):\n");
    std::printf("  %-26s %9s %9s\n", "", "wall ms", "CPU ms");
    for (const auto& [name, ms] : gMedians)
        std::printf("  %-26s %9.2f %9.2f\n", name.c_str(), ms, gCpuMedians[name]);
    return 0;
}
