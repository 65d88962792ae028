// SPDX-License-Identifier: GPL-3.0-or-later
// The look stage: a full look (baked colour LUT + vignette + grain) on a 2 MP preview, the
// bake of a 33³ LUT (what a colour slider costs once), and what a look adds to a web export
// of a synthetic 24 MP raw, printed as a ratio measured in the same run.
// Usage: bench_look [benchmark flags]. Times are medians of five repetitions.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "rangefinder/export.h"
#include "rangefinder/look.h"
#include "rangefinder/tone.h"
#include "ratio_reporter.h"
#include "synth.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

std::string gRaw, gOutDir;

// Every part of the colour transform at once, so the bake does all its work.
LookParams colorLook() {
    LookParams p;
    p.name = "Bench";
    p.contrast = 0.3f;
    p.toe = 0.15f;
    p.shoulder = 0.1f;
    p.saturation = 0.15f;
    p.vibrance = 0.25f;
    p.bands[0] = {8, 0.2f, -0.1f};
    p.bands[5] = {-12, 0.25f, 0.1f};
    p.shadowSaturation = 0.2f;
    p.highlightSaturation = 0.15f;
    return p;
}

// The same look as edits, plus the spatial effects.
EditDocument lookEdits() {
    EditDocument e;
    e.setText("look.name", "Bench");
    e.setFloat("look.tone.contrast", 30);
    e.setFloat("look.tone.toe", 15);
    e.setFloat("look.color.saturation", 15);
    e.setFloat("look.color.vibrance", 25);
    e.setFloat("look.hsl.blue.hue", -12);
    e.setFloat("look.split.shadow_saturation", 20);
    e.setFloat("look.vignette.amount", -0.8);
    e.setFloat("look.grain.amount", 30);
    return e;
}

void BM_ApplyLook2MP(benchmark::State& state) {
    const int w = 1732, h = 1155;
    // Realistic input: the chart scene through the base tone stage (display-linear).
    Image src = synth::renderChart(w, h);
    applyTone(src.view(), ToneParams{});
    Image img(w, h, 3);
    LookParams p = colorLook();
    p.vignetteEv = -0.8f;
    p.grainAmount = 0.3f;
    p.strength = 0.9f;
    img = src;
    applyLook(img.view(), p);  // the one-time bake, outside the timing
    for (auto _ : state) {
        state.PauseTiming();
        img = src;
        state.ResumeTiming();
        applyLook(img.view(), p);
        benchmark::DoNotOptimize(img.data());
    }
    state.counters["MP/s"] = benchmark::Counter(double(w) * h * 1e-6 * double(state.iterations()),
                                                benchmark::Counter::kIsRate);
}

void BM_BakeLut33(benchmark::State& state) {
    LookParams p = colorLook();
    int n = 0;
    for (auto _ : state) {
        p.saturation = 0.15f + 1e-5f * float(++n);  // a new setting each time: no cache hit
        benchmark::DoNotOptimize(bakedLookLut(p, 33));
    }
}

void webExport(benchmark::State& state, const EditDocument& edits) {
    ExportSettings s = exportPreset("web");
    s.outputDir = gOutDir;
    s.overwrite = true;
    for (auto _ : state) {
        const ExportOutcome o = exportFile({gRaw, edits}, s);
        if (!o.ok()) {
            state.SkipWithError(o.error.c_str());
            return;
        }
    }
}

void BM_WebExportNoLook(benchmark::State& state) {
    webExport(state, EditDocument());
}

void BM_WebExportLook(benchmark::State& state) {
    webExport(state, lookEdits());
}

}  // namespace

int main(int argc, char** argv) {
    gOutDir = (fs::temp_directory_path() / "rf-bench-look").string();
    fs::create_directories(gOutDir);
    gRaw = gOutDir + "/chart-24mp.dng";
    synth::writeDng(gRaw, synth::renderChart(6000, 4000).cview(), synth::DngOptions{});

    // Medians of five repetitions, run in random order across the benchmarks, so a load
    // spike on the shared machine cannot land on one side of the export pair only.
    benchmark::RegisterBenchmark("BM_ApplyLook2MP", BM_ApplyLook2MP)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Repetitions(5)
        ->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark("BM_BakeLut33", BM_BakeLut33)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Repetitions(5)
        ->ReportAggregatesOnly(true);
    using Fn = void (*)(benchmark::State&);
    for (const auto& [name, fn] :
         {std::pair<const char*, Fn>{"BM_WebExportNoLook", BM_WebExportNoLook},
          std::pair<const char*, Fn>{"BM_WebExportLook", BM_WebExportLook}})
        benchmark::RegisterBenchmark(name, fn)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->MinTime(2.0)
            ->Repetitions(5)
            ->ReportAggregatesOnly(true);
    RatioReporter reporter;
    runInterleaved(argc, argv, reporter);

    const auto plain = reporter.seconds.find("BM_WebExportNoLook");
    const auto look = reporter.seconds.find("BM_WebExportLook");
    if (plain != reporter.seconds.end() && look != reporter.seconds.end() && plain->second > 0)
        std::printf(
            "\nweb export of a 24 MP DNG: %.1f ms without a look, %.1f ms with one, "
            "ratio %.3f (target <= 1.15)\n",
            plain->second * 1e3, look->second * 1e3, look->second / plain->second);
    fs::remove_all(gOutDir);
    return 0;
}
