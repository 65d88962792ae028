// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of the demosaic paths on synthetic 24 MP and 8 MP mosaics, in megapixels of
// mosaic per second, and LibRaw's own AHD on a real CR2 for comparison: dcraw_process() with
// user_qual = 3 (AHD) and with user_qual = 0 (bilinear), so the difference isolates the cost of
// AHD from the rest of LibRaw's processing.
#include <benchmark/benchmark.h>
#include <libraw/libraw.h>

#include <cmath>
#include <memory>

#include "rangefinder/demosaic.h"
#include "rangefinder/parallel.h"

using namespace rf;

namespace {

const char* const kCr2 = "/usr/share/doc/rawtran/IMG_5952.CR2";

Image syntheticMosaic(int w, int h) {
    Image m(w, h, 1);
    for (int y = 0; y < h; ++y) {
        float* r = m.row(y);
        for (int x = 0; x < w; ++x)
            r[x] = 0.45f + 0.4f * std::sin(0.013f * float(x) * (1.f + 0.0003f * float(y))) *
                               std::cos(0.021f * float(y));
    }
    return m;
}

void setMegapixels(benchmark::State& state, double pixels) {
    state.counters["MP/s"] =
        benchmark::Counter(pixels * 1e-6, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_DemosaicHalf(benchmark::State& state) {
    const int w = int(state.range(0)), h = int(state.range(1));
    setThreadCount(int(state.range(2)));
    const Image mosaic = syntheticMosaic(w, h);
    const CfaPattern cfa = cfaFromString("RGGB");
    Image out;
    demosaicHalf(mosaic.view(), cfa, out);
    for (auto _ : state) {
        demosaicHalf(mosaic.view(), cfa, out);
        benchmark::DoNotOptimize(out.data());
    }
    setMegapixels(state, double(w) * h);
}

void BM_DemosaicFull(benchmark::State& state) {
    const int w = int(state.range(0)), h = int(state.range(1));
    setThreadCount(int(state.range(2)));
    const Image mosaic = syntheticMosaic(w, h);
    const CfaPattern cfa = cfaFromString("RGGB");
    Image out;
    demosaicFull(mosaic.view(), cfa, out);
    for (auto _ : state) {
        demosaicFull(mosaic.view(), cfa, out);
        benchmark::DoNotOptimize(out.data());
    }
    setMegapixels(state, double(w) * h);
}

// The same 18 MP size as the CR2, for a like-for-like comparison with LibRaw.
void BM_DemosaicFullCr2Size(benchmark::State& state) {
    auto raw = std::make_unique<LibRaw>();
    if (raw->open_file(kCr2) != LIBRAW_SUCCESS) {
        state.SkipWithError("sample CR2 not found");
        return;
    }
    const int w = raw->imgdata.sizes.width, h = raw->imgdata.sizes.height;
    raw.reset();
    setThreadCount(int(state.range(0)));
    const Image mosaic = syntheticMosaic(w, h);
    const CfaPattern cfa = cfaFromString("RGGB");
    Image out;
    demosaicFull(mosaic.view(), cfa, out);
    for (auto _ : state) {
        demosaicFull(mosaic.view(), cfa, out);
        benchmark::DoNotOptimize(out.data());
    }
    setMegapixels(state, double(w) * h);
}

void BM_LibRawProcess(benchmark::State& state) {
    auto raw = std::make_unique<LibRaw>();
    if (raw->open_file(kCr2) != LIBRAW_SUCCESS || raw->unpack() != LIBRAW_SUCCESS) {
        state.SkipWithError("cannot open/unpack sample CR2");
        return;
    }
    raw->imgdata.params.user_qual = int(state.range(0));
    raw->imgdata.params.output_bps = 16;
    for (auto _ : state) {
        if (raw->dcraw_process() != LIBRAW_SUCCESS) {
            state.SkipWithError("dcraw_process failed");
            return;
        }
        benchmark::DoNotOptimize(raw->imgdata.image);
    }
    setMegapixels(state, double(raw->imgdata.sizes.width) * raw->imgdata.sizes.height);
}

}  // namespace

// Arguments: width, height, threads.
BENCHMARK(BM_DemosaicHalf)
    ->Args({6000, 4000, 1})
    ->Args({6000, 4000, 2})
    ->Args({3464, 2309, 1})
    ->Args({3464, 2309, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_DemosaicFull)
    ->Args({6000, 4000, 1})
    ->Args({6000, 4000, 2})
    ->Args({3464, 2309, 1})
    ->Args({3464, 2309, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_DemosaicFullCr2Size)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
// user_qual: 0 = bilinear, 3 = AHD.
BENCHMARK(BM_LibRawProcess)->Arg(0)->Arg(3)->Unit(benchmark::kMillisecond)->UseRealTime();

BENCHMARK_MAIN();
