// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of the colour stages on full images: the camera → working matrix and the lcms2
// output transform (the matrix + curve fast path, and lcms2 pixel by pixel as "lcms:1"), at a 2 MP
// preview size and a 24 MP full-resolution size.
#include <benchmark/benchmark.h>

#include <random>

#include "rangefinder/color.h"
#include "rangefinder/whitebalance.h"
#include "synth.h"

using namespace rf;

namespace {

Image randomImage(int w, int h) {
    Image img(w, h, 3);
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = u(rng);
    return img;
}

void setSize(benchmark::State& state, int& w, int& h) {
    w = int(state.range(0));
    h = int(state.range(1));
}

void counters(benchmark::State& state, int w, int h) {
    state.counters["MP/s"] = benchmark::Counter(double(w) * h * 1e-6 * double(state.iterations()),
                                                benchmark::Counter::kIsRate);
}

void BM_ApplyMatrix(benchmark::State& state) {
    int w = 0, h = 0;
    setSize(state, w, h);
    Image img = randomImage(w, h);
    const Mat3 m = workingFromCamera(synth::cameraMatrixA());
    for (auto _ : state) {
        applyMatrix(img.view(), m);
        benchmark::ClobberMemory();
    }
    counters(state, w, h);
}

void BM_OutputTransform(benchmark::State& state) {
    int w = 0, h = 0;
    setSize(state, w, h);
    const Image src = randomImage(w, h);
    Image img = src;
    const auto t =
        outputTransform(OutputSpace(state.range(2)), RenderingIntent::RelativeColorimetric);
    for (auto _ : state) {
        state.PauseTiming();
        img = src;  // the transform clips, so start from the same data each time
        state.ResumeTiming();
        if (state.range(3))
            t->applyExact(img.view());
        else
            t->apply(img.view());
        benchmark::ClobberMemory();
    }
    counters(state, w, h);
}

void BM_ReconstructHighlights(benchmark::State& state) {
    int w = 0, h = 0;
    setSize(state, w, h);
    const Multipliers m{2.1f, 1.0f, 1.55f};
    Image src = randomImage(w, h);
    for (std::size_t i = 0; i < src.sampleCount(); ++i) src.data()[i] *= 2.2f;
    Image img = src;
    for (auto _ : state) {
        state.PauseTiming();
        img = src;
        state.ResumeTiming();
        reconstructHighlights(img.view(), m);
        benchmark::ClobberMemory();
    }
    counters(state, w, h);
}

}  // namespace

BENCHMARK(BM_ApplyMatrix)
    ->Args({2048, 1365})
    ->Args({6000, 4000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_OutputTransform)
    ->ArgNames({"w", "h", "space", "lcms"})
    ->Args({2048, 1365, int(OutputSpace::SRGB), 0})
    ->Args({2048, 1365, int(OutputSpace::DisplayP3), 0})
    ->Args({2048, 1365, int(OutputSpace::AdobeRGB), 0})
    ->Args({6000, 4000, int(OutputSpace::SRGB), 0})
    ->Args({2048, 1365, int(OutputSpace::SRGB), 1})
    ->Args({6000, 4000, int(OutputSpace::SRGB), 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_ReconstructHighlights)
    ->Args({2048, 1365})
    ->Args({6000, 4000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
