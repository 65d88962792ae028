// SPDX-License-Identifier: GPL-3.0-or-later
// Noise reduction at the two sizes it runs at: a 2 MP preview, where a noise slider's render
// must stay within a slider's budget (tens of milliseconds), and a 24 MP full-size export.
// The input is a textured picture with Poisson–Gaussian noise of an ISO 1600-like level, in
// camera RGB with unequal gains as an unbalanced shaped image arrives; the estimate alone is
// timed too, since it runs whenever the shaped image changes (a slider move reuses it).
// Usage: bench_denoise [benchmark flags].
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "rangefinder/denoise.h"

namespace {

rf::Image noisyPicture(int w, int h) {
    rf::Image img(w, h, 3);
    std::mt19937 rng(11);
    std::normal_distribution<float> unit(0, 1);
    const float gains[3] = {0.5f, 1.f, 0.7f};
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) {
                const float v = gains[c] * (0.05f + 0.3f * float(x) / float(w) +
                                            0.05f * std::sin(0.2f * float(x + 2 * y)));
                img.row(y)[3 * x + c] = v + std::sqrt(v / 800 + 1e-5f) * unit(rng);
            }
    return img;
}

void run(benchmark::State& state, int w, int h) {
    const rf::Image in = noisyPicture(w, h);
    rf::Image out(w, h, 3);
    const std::array<float, 3> gains{2.f, 1.f, 1.43f};
    for (auto _ : state) rf::denoise(in.cview(), out.view(), rf::DenoiseParams{}, gains);
    state.counters["MP/s"] =
        benchmark::Counter(double(w) * h * 1e-6, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Denoise2MP(benchmark::State& state) {
    run(state, 1728, 1152);
}
void BM_Denoise24MP(benchmark::State& state) {
    run(state, 6000, 4000);
}
// A noise slider in the preview: the pipeline keeps the model of the shaped image.
void BM_DenoiseSlider2MP(benchmark::State& state) {
    const rf::Image in = noisyPicture(1728, 1152);
    rf::Image out(1728, 1152, 3);
    const std::array<float, 3> gains{2.f, 1.f, 1.43f};
    const rf::NoiseModel model = rf::estimateNoise(in.cview(), gains);
    for (auto _ : state)
        rf::denoise(in.cview(), out.view(), rf::DenoiseParams{}, gains, nullptr, &model);
}
void BM_Estimate2MP(benchmark::State& state) {
    const rf::Image in = noisyPicture(1728, 1152);
    for (auto _ : state) benchmark::DoNotOptimize(rf::estimateNoise(in.cview()));
}

}  // namespace

BENCHMARK(BM_Estimate2MP)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_DenoiseSlider2MP)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Denoise2MP)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Denoise24MP)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(2);
BENCHMARK_MAIN();
