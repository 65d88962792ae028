// SPDX-License-Identifier: GPL-3.0-or-later
// Throughput of the tone and colour stage with every slider active, on a preview-sized
// (2 MP) and a full-resolution (24 MP) image; reported as pixels per second.
#include <benchmark/benchmark.h>

#include "rangefinder/tone.h"

namespace {

void fill(rf::Image& img) {
    unsigned seed = 1;
    for (std::size_t i = 0; i < img.sampleCount(); ++i) {
        seed = seed * 1664525u + 1013904223u;
        img.data()[i] = float(seed >> 8) / float(1u << 24) * 1.5f;
    }
}

void BM_ApplyTone(benchmark::State& state) {
    const int w = int(state.range(0)), h = int(state.range(1));
    rf::Image src(w, h, 3);
    fill(src);
    rf::Image img(w, h, 3);
    rf::ToneParams p;
    p.exposureEv = 0.3f;
    p.contrast = 20;
    p.highlights = -40;
    p.shadows = 30;
    p.whites = 10;
    p.blacks = -10;
    p.saturation = 15;
    p.vibrance = 25;
    for (auto _ : state) {
        state.PauseTiming();
        img = src;
        state.ResumeTiming();
        rf::applyTone(img.view(), p);
        benchmark::DoNotOptimize(img.data());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(w) * h);
    state.counters["MP/s"] = benchmark::Counter(double(w) * h * 1e-6 * double(state.iterations()),
                                                benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_ApplyTone)
    ->Args({1732, 1155})
    ->Args({6000, 4000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
