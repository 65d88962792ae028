// SPDX-License-Identifier: GPL-3.0-or-later
// How long a photographer waits for a .cube to load or be written: parsing and formatting a
// 33-point LUT (the common size) and a 65-point one (the largest we read), with values that
// need all nine significant digits, as graded LUTs from other tools do.
#include <benchmark/benchmark.h>

#include <random>

#include "rangefinder/lut.h"

using namespace rf;

namespace {

Lut3D gradedLut(int size) {
    Lut3D lut(size);
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> jitter(-0.05f, 0.05f);
    for (float& v : lut.data()) v += jitter(rng);
    lut.title = "bench";
    return lut;
}

void BM_ParseCube(benchmark::State& state) {
    const std::string text = formatCube(gradedLut(int(state.range(0))));
    for (auto _ : state) {
        Lut3D lut = parseCube(text, "bench.cube");
        benchmark::DoNotOptimize(lut.data().data());
    }
    state.SetBytesProcessed(std::int64_t(text.size()) * state.iterations());
}
BENCHMARK(BM_ParseCube)->Arg(33)->Arg(65)->Unit(benchmark::kMillisecond);

void BM_FormatCube(benchmark::State& state) {
    const Lut3D lut = gradedLut(int(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string text = formatCube(lut);
        bytes = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.SetBytesProcessed(std::int64_t(bytes) * state.iterations());
}
BENCHMARK(BM_FormatCube)->Arg(33)->Arg(65)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
