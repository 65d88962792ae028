// SPDX-License-Identifier: GPL-3.0-or-later
// Learning a look from an example (issue 24's budgets): the whole of `looks learn` on one
// 24 MP pair — a synthetic 24 MP DNG and the 24 MP JPEG its rendering with a shipped look
// makes — from the files to the fitted look (target: under 10 s); and what the learned look
// costs to apply on a 2 MP preview next to a look of an imported LUT of the same size,
// printed as a ratio measured in the same run (target: no more).
// Usage: bench_look_learn [benchmark flags].
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "rangefinder/color.h"
#include "rangefinder/look.h"
#include "rangefinder/look_learn.h"
#include "rangefinder/looks.h"
#include "rangefinder/lut.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/tone.h"
#include "rangefinder/writer.h"
#include "ratio_reporter.h"
#include "synth.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

std::string gDir, gRaw, gJpeg;
LookParams gLearned, gImported;

// The chart on a backdrop of slow colour waves: structure everywhere for the registration and
// broad flat colours to learn from, at any size.
Image scene(int width, int height) {
    Image img = synth::renderChart(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            float* p = img.row(y) + 3 * x;
            if (p[0] == p[1] && p[1] == p[2]) {
                const double u = double(x) / width, v = double(y) / height;
                for (int c = 0; c < 3; ++c)
                    p[c] = float(0.05 + 0.04 * (1 + std::sin(9 * u * (c + 2) + 7 * v)));
            }
        }
    return img;
}

void BM_LearnFrom24MPPair(benchmark::State& state) {
    for (auto _ : state) {
        const LearnedLook l = learnLook({{gRaw, gJpeg}});
        benchmark::DoNotOptimize(l.lut.data().data());
    }
}

void applyLook2MP(benchmark::State& state, const LookParams& p) {
    const int w = 1732, h = 1155;
    Image src = synth::renderChart(w, h);
    applyTone(src.view(), ToneParams{});
    Image img = src;
    applyLook(img.view(), p);  // the one-time bake, outside the timing
    for (auto _ : state) {
        state.PauseTiming();
        img = src;
        state.ResumeTiming();
        applyLook(img.view(), p);
        benchmark::DoNotOptimize(img.data());
    }
}

void BM_ApplyLearnedLook2MP(benchmark::State& state) {
    applyLook2MP(state, gLearned);
}

void BM_ApplyImportedLutLook2MP(benchmark::State& state) {
    applyLook2MP(state, gImported);
}

}  // namespace

int main(int argc, char** argv) {
    gDir = (fs::temp_directory_path() / "rf-bench-look-learn").string();
    fs::create_directories(gDir);
    gRaw = gDir + "/scene-24mp.dng";
    gJpeg = gDir + "/scene-24mp.jpg";
    std::fprintf(stderr, "writing a 24 MP DNG and its 24 MP JPEG (Leica Vibrant)…\n");
    synth::writeDng(gRaw, scene(6000, 4000).cview(), synth::DngOptions{});
    {
        const std::string looks = RF_SOURCE_DIR "/looks";
        const LookLibrary lib = LookLibrary::load({looks});
        Pipeline p(std::make_shared<RawImage>(decodeRaw(gRaw)));
        RenderOptions o;
        o.lookDirs = {looks};
        const Image img = p.render(withLook({}, *lib.find("Leica Vibrant")), o).rgb;
        EncodeOptions e;
        e.quality = 92;
        writeImage(gJpeg, img.cview(), e, iccProfileFor(OutputSpace::SRGB));
    }
    // The looks to apply: the learned one, and an imported LUT of the same size (the learned
    // LUT itself, as `looks import` would bring it in) without parameters.
    const LearnedLook learned = learnLook({{gRaw, gJpeg}});
    gLearned = LookParams::from(learnedLookEdits(learned, gDir + "/learned.cube"));
    EditDocument imported;
    imported.setText("look.lut.file", gDir + "/learned.cube");
    imported.setText("look.lut.encoding", "srgb");
    gImported = LookParams::from(imported);

    benchmark::RegisterBenchmark("BM_LearnFrom24MPPair", BM_LearnFrom24MPPair)
        ->Unit(benchmark::kSecond)
        ->UseRealTime()
        ->MeasureProcessCPUTime()
        ->Iterations(1)
        ->Repetitions(3)
        ->ReportAggregatesOnly(true);
    for (const auto& [name, fn] : {std::pair<const char*, void (*)(benchmark::State&)>{
                                       "BM_ApplyLearnedLook2MP", BM_ApplyLearnedLook2MP},
                                   {"BM_ApplyImportedLutLook2MP", BM_ApplyImportedLutLook2MP}})
        benchmark::RegisterBenchmark(name, fn)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->Repetitions(5)
            ->ReportAggregatesOnly(true);
    RatioReporter reporter;
    runInterleaved(argc, argv, reporter);

    if (const auto l = reporter.seconds.find("BM_LearnFrom24MPPair"); l != reporter.seconds.end())
        std::printf(
            "\nlearning a look from one 24 MP pair: %.2f s (%.2f s of CPU; target < 10 s)\n",
            l->second, reporter.cpuSeconds["BM_LearnFrom24MPPair"]);
    const auto a = reporter.seconds.find("BM_ApplyLearnedLook2MP");
    const auto b = reporter.seconds.find("BM_ApplyImportedLutLook2MP");
    if (a != reporter.seconds.end() && b != reporter.seconds.end() && b->second > 0)
        std::printf(
            "applying it to 2 MP: %.2f ms, an imported LUT's look %.2f ms, ratio %.3f "
            "(target <= 1)\n",
            a->second * 1e3, b->second * 1e3, a->second / b->second);
    fs::remove_all(gDir);
    return 0;
}
