// SPDX-License-Identifier: GPL-3.0-or-later
// Geometry and resample throughput at the sizes an export meets: a 24 MP and an 8 MP frame
// reduced to a 2048 px long edge, a 3000 px frame reduced to a 512 px preview, full-size
// geometry (straighten, and a lossless EXIF rotation) at 24 MP, and output sharpening at
// 2048 × 1365. "MP/s" counts input megapixels for resize and geometry, output megapixels
// for sharpen. Wall-clock time, as the stages thread through rf::parallelFor; output buffers
// are reused across iterations, as a batch reuses them.
#include <benchmark/benchmark.h>

#include <random>

#include "rangefinder/geometry.h"
#include "rangefinder/parallel.h"
#include "rangefinder/resample.h"

using namespace rf;

namespace {

Image noiseImage(int w, int h) {
    Image img(w, h, 3);
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> d(0.f, 1.f);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = d(rng);
    return img;
}

void setRate(benchmark::State& state, double pixels) {
    state.counters["MP/s"] =
        benchmark::Counter(pixels * 1e-6 * double(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_Resize(benchmark::State& state) {
    const int w = int(state.range(0)), h = int(state.range(1)), edge = int(state.range(2));
    setThreadCount(int(state.range(3)));
    const Image in = noiseImage(w, h);
    OutputSize size;
    size.mode = SizeMode::LongEdge;
    size.a = edge;
    int ow, oh;
    targetSize(w, h, size, ow, oh);
    Image out;
    resize(in.cview(), ow, oh, out);  // first touch of the output pages outside the timing
    for (auto _ : state) {
        resize(in.cview(), ow, oh, out);
        benchmark::DoNotOptimize(out.data());
    }
    setRate(state, double(w) * h);
    setThreadCount(0);
}
// Arguments: input width, height, output long edge, pool threads (0 = all cores).
BENCHMARK(BM_Resize)
    ->Args({6000, 4000, 2048, 1})
    ->Args({6000, 4000, 2048, 0})
    ->Args({3504, 2336, 2048, 0})
    ->Args({3000, 2000, 512, 0})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_GeometryStraighten24MP(benchmark::State& state) {
    setThreadCount(int(state.range(0)));
    const Image in = noiseImage(6000, 4000);
    GeometryParams p;
    p.angleDeg = 3.0;
    p.cropLeft = 0.02;
    Image out;
    applyGeometry(in.cview(), 1, p, out);
    for (auto _ : state) {
        applyGeometry(in.cview(), 1, p, out);
        benchmark::DoNotOptimize(out.data());
    }
    setRate(state, 6000.0 * 4000);
    setThreadCount(0);
}
// Argument: pool threads (0 = all cores).
BENCHMARK(BM_GeometryStraighten24MP)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_GeometryRotate90_24MP(benchmark::State& state) {
    const Image in = noiseImage(6000, 4000);
    Image out;
    applyOrientation(in.cview(), 6, out);
    for (auto _ : state) {
        applyOrientation(in.cview(), 6, out);
        benchmark::DoNotOptimize(out.data());
    }
    setRate(state, 6000.0 * 4000);
}
BENCHMARK(BM_GeometryRotate90_24MP)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Sharpen2048(benchmark::State& state) {
    setThreadCount(int(state.range(0)));
    const Image src = noiseImage(2048, 1365);
    Image img = src;
    const SharpenParams p{1.0f, 0.8f, 0.02f};
    for (auto _ : state) {
        state.PauseTiming();
        img = src;
        state.ResumeTiming();
        sharpen(img.view(), p);
        benchmark::DoNotOptimize(img.data());
    }
    setRate(state, 2048.0 * 1365);
    setThreadCount(0);
}
// Argument: pool threads (0 = all cores), to show how the strips scale.
BENCHMARK(BM_Sharpen2048)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
