// SPDX-License-Identifier: GPL-3.0-or-later
// One 24 MP frame through every pipeline stage, in pipeline order, each stage timed on the
// output the stage before it really produces (not on noise), ending in a table of
// milliseconds and megapixels per second and what share of a full-size export each takes:
// where an export's time goes, in one run. The frame is a synthetic 6000 × 4000 DNG
// (src/synth: the ColorChecker chart, some noise, exposed so the brightest patches clip and
// highlight reconstruction has work to do) written to a temporary file and decoded like any
// raw; the real 8 MP Canon CR2 is decoded too, for a decoder figure on real compressed data.
//
// The stage benches hold the variants this one leaves out: thread scaling and the 8 MP size
// (bench_demosaic, bench_resample), lcms2's exact path and 2 MP previews (bench_color,
// bench_tone, bench_look), other encoders and the Exiv2 copy (bench_writers), and the
// whole-export ratios (bench_export, bench_look).
// Usage: bench_stages [--threads=N] [benchmark flags]; "MP/s" counts the stage's input
// megapixels per second of real time.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "rangefinder/color.h"
#include "rangefinder/demosaic.h"
#include "rangefinder/error.h"
#include "rangefinder/geometry.h"
#include "rangefinder/look.h"
#include "rangefinder/looks.h"
#include "rangefinder/parallel.h"
#include "rangefinder/raw.h"
#include "rangefinder/resample.h"
#include "rangefinder/tone.h"
#include "rangefinder/whitebalance.h"
#include "rangefinder/writer.h"
#include "ratio_reporter.h"
#include "synth.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

constexpr int kWidth = 6000, kHeight = 4000;

// The frame at each point of the chain, built once before timing starts.
struct Chain {
    std::string dng, cr2, jpeg;
    RawImage raw;
    Multipliers wb{1, 1, 1};
    Image balanced;   // mosaic after white balance (reconstruct mode: values above 1 kept)
    Image developed;  // RCD demosaic + highlight reconstruction: balanced camera RGB
    Mat3 matrix{};
    Image working;  // × camera matrix: linear Rec.2020
    Image toned;    // + base tone: display-linear

    LookParams look;
    Image looked;  // + leica-authentic
    std::shared_ptr<const OutputTransform> transform;
    Image encoded;  // + output transform: display-encoded sRGB
    Image work;     // the timed in-place stages run on a fresh copy of their input here
    Image out;      // the stages that write a new image write here
};

Chain gChain;

/// A stage: `reset` (untimed) restores what `run` (timed) consumes; `megapixels` of input.
struct Stage {
    std::string name;
    double megapixels;
    bool fullSizeExport;  // part of a full-size, high-quality export's chain
    std::function<void()> reset, run;
};

void runStage(benchmark::State& state, const Stage& s) {
    for (auto _ : state) {
        if (s.reset) {
            state.PauseTiming();
            s.reset();
            state.ResumeTiming();
        }
        s.run();
        benchmark::ClobberMemory();
    }
    state.counters["MP/s"] =
        benchmark::Counter(s.megapixels * double(state.iterations()), benchmark::Counter::kIsRate);
}

void buildChain(Chain& c) {
    const fs::path dir = fs::temp_directory_path() / "rf-bench-stages";
    fs::create_directories(dir);
    c.dng = (dir / "chart-24mp.dng").string();
    c.jpeg = (dir / "out.jpg").string();
    c.cr2 = RF_SOURCE_DIR "/../shared/testdata/raw/canon-eos30d.CR2";
    if (!fs::exists(c.cr2)) c.cr2 = "/usr/share/doc/rawtran/IMG_5952.CR2";

    synth::DngOptions o;
    o.noise = 0.002;
    o.exposureScale = 1.3;  // the white and lightest grey patches clip
    synth::writeDng(c.dng, synth::renderChart(kWidth, kHeight).cview(), o);
    c.raw = decodeRaw(c.dng);

    c.wb = resolveWhiteBalance(c.raw, WhiteBalanceParams{});
    c.balanced = c.raw.mosaic;
    applyWhiteBalance(c.balanced.view(), c.raw.layout, c.raw.cfa, c.wb, HighlightMode::Reconstruct);
    demosaicFull(c.balanced.cview(), c.raw.cfa, c.developed);
    reconstructHighlights(c.developed.view(), c.wb);

    c.matrix = workingFromCamera(c.raw.cameraFromXYZ);
    c.working = c.developed;
    applyMatrix(c.working.view(), c.matrix);
    c.toned = c.working;
    applyTone(c.toned.view(), ToneParams::from(EditDocument()));

    const LookLibrary library = LookLibrary::load({RF_SOURCE_DIR "/looks"});
    const Look* look = library.find("leica-authentic");
    if (!look) throw Error(RF_SOURCE_DIR "/looks", "the leica-authentic look is missing");
    c.look = LookParams::from(withLook(EditDocument(), *look));
    c.looked = c.toned;
    applyLook(c.looked.view(), c.look);

    c.transform = outputTransform(OutputSpace::SRGB, RenderingIntent::Perceptual);
    c.encoded = c.looked;
    c.transform->apply(c.encoded.view());
}

std::vector<Stage> stages(Chain& c) {
    const double mp = double(kWidth) * kHeight * 1e-6;
    auto copyTo = [&c](const Image& from) { return [&c, &from] { c.work = from; }; };
    std::vector<Stage> s;
    const Image cr2 = decodeRaw(c.cr2).mosaic;
    s.push_back({"decode CR2 (8 MP)", double(cr2.width()) * cr2.height() * 1e-6, false, nullptr,
                 [&c] { benchmark::DoNotOptimize(decodeRaw(c.cr2).mosaic.data()); }});
    s.push_back({"decode DNG", mp, true, nullptr,
                 [&c] { benchmark::DoNotOptimize(decodeRaw(c.dng).mosaic.data()); }});
    s.push_back({"white balance, clip", mp, false, copyTo(c.raw.mosaic), [&c] {
                     applyWhiteBalance(c.work.view(), c.raw.layout, c.raw.cfa, c.wb,
                                       HighlightMode::Clip);
                 }});
    s.push_back({"white balance, reconstruct", mp, true, copyTo(c.raw.mosaic), [&c] {
                     applyWhiteBalance(c.work.view(), c.raw.layout, c.raw.cfa, c.wb,
                                       HighlightMode::Reconstruct);
                 }});
    s.push_back({"demosaic half", mp, false, nullptr,
                 [&c] { demosaicHalf(c.balanced.cview(), c.raw.cfa, c.out); }});
    s.push_back({"demosaic full (RCD)", mp, true, nullptr,
                 [&c] { demosaicFull(c.balanced.cview(), c.raw.cfa, c.out); }});
    s.push_back({"highlight reconstruction", mp, true, copyTo(c.developed),
                 [&c] { reconstructHighlights(c.work.view(), c.wb); }});
    s.push_back({"geometry (straighten 2°, crop)", mp, false, nullptr, [&c] {
                     GeometryParams g;
                     g.angleDeg = 2;
                     g.cropLeft = g.cropTop = 0.05;
                     applyGeometry(c.developed.cview(), 1, g, c.out);
                 }});
    s.push_back({"resize to 2048", mp, false, nullptr, [&c] {
                     int w = 0, h = 0;
                     targetSize(kWidth, kHeight, {SizeMode::LongEdge, 2048}, w, h);
                     resize(c.developed.cview(), w, h, c.out);
                 }});
    s.push_back({"camera matrix", mp, true, copyTo(c.developed),
                 [&c] { applyMatrix(c.work.view(), c.matrix); }});
    s.push_back({"tone (defaults)", mp, true, copyTo(c.working),
                 [&c] { applyTone(c.work.view(), ToneParams::from(EditDocument())); }});
    s.push_back({"look (leica-authentic)", mp, true, copyTo(c.toned),
                 [&c] { applyLook(c.work.view(), c.look); }});
    s.push_back({"output transform (sRGB)", mp, true, copyTo(c.looked),
                 [&c] { c.transform->apply(c.work.view()); }});
    s.push_back({"sharpen", mp, false, copyTo(c.encoded), [&c] {
                     sharpen(c.work.view(), {0.6f, 0.6f, 0.01f});
                 }});
    s.push_back({"JPEG encode (q92, 4:4:4)", mp, true, nullptr, [&c] {
                     EncodeOptions e;
                     e.quality = 92;
                     e.subsampling = ChromaSubsampling::S444;
                     writeImage(c.jpeg, c.encoded.cview(), e, c.transform->iccProfile());
                 }});
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    // --threads=N: the pool size for every stage (default all cores; 1 is steadier on a busy
    // machine, where a two-thread stage waits for whichever thread was descheduled).
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i)
        if (std::strncmp(argv[i], "--threads=", 10) == 0)
            setThreadCount(std::atoi(argv[i] + 10));
        else
            args.push_back(argv[i]);
    int count = int(args.size());
    benchmark::Initialize(&count, args.data());
    std::printf("building the 24 MP chain...\n");
    buildChain(gChain);
    const std::vector<Stage> all = stages(gChain);
    for (const Stage& s : all)
        benchmark::RegisterBenchmark(s.name.c_str(),
                                     [&s](benchmark::State& st) { runStage(st, s); })
            ->Unit(benchmark::kMillisecond)
            ->MeasureProcessCPUTime()  // the pool's threads too
            ->UseRealTime();
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    // Shares of the full-size export by CPU time, which the machine's load disturbs least.
    double total = 0, totalReal = 0;
    for (const Stage& s : all)
        if (s.fullSizeExport && reporter.cpuSeconds.count(s.name)) {
            total += reporter.cpuSeconds[s.name];
            totalReal += reporter.seconds[s.name];
        }
    std::printf("\n%d thread(s)\n%-32s %9s %9s %9s %11s\n", threadCount(),
                "stage (24 MP unless said)", "real ms", "CPU ms", "MP/s", "full export");
    for (const Stage& s : all) {
        const auto it = reporter.seconds.find(s.name);
        if (it == reporter.seconds.end()) continue;
        const double sec = it->second, cpu = reporter.cpuSeconds[s.name];
        std::printf("%-32s %9.1f %9.1f %9.1f", s.name.c_str(), sec * 1e3, cpu * 1e3,
                    s.megapixels / sec);
        if (s.fullSizeExport && total > 0) std::printf(" %10.1f%%", 100.0 * cpu / total);
        std::printf("\n");
    }
    if (total > 0)
        std::printf("%-32s %9.1f %9.1f %9.1f  (the stages with a share)\n",
                    "full-size export chain", totalReal * 1e3, total * 1e3,
                    double(kWidth) * kHeight * 1e-6 / totalReal);
    fs::remove_all(fs::path(gChain.dng).parent_path());
    return 0;
}
