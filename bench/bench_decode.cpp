// SPDX-License-Identifier: GPL-3.0-or-later
// Raw decoding cost: rf::decodeRaw against a bare LibRaw open + unpack of the same file (the
// floor any LibRaw-based decoder pays), plus the metadata-only and preview paths the library
// grid uses. The real Canon EOS 30D CR2 from shared/testdata; skipped when it is absent.

#include <benchmark/benchmark.h>
#include <libraw/libraw.h>

#include <filesystem>
#include <memory>
#include <string>

#include "rangefinder/raw.h"

namespace {

const std::string kCr2 = std::string(RF_SOURCE_DIR) + "/../shared/testdata/raw/canon-eos30d.CR2";

bool haveFile(benchmark::State& state) {
    if (std::filesystem::exists(kCr2)) return true;
    state.SkipWithError("shared/testdata/raw/canon-eos30d.CR2 not found");
    return false;
}

void BM_LibRawOpenUnpack(benchmark::State& state) {
    if (!haveFile(state)) return;
    for (auto _ : state) {
        auto lr = std::make_unique<LibRaw>();
        if (lr->open_file(kCr2.c_str()) != LIBRAW_SUCCESS || lr->unpack() != LIBRAW_SUCCESS) {
            state.SkipWithError("LibRaw failed");
            return;
        }
        benchmark::DoNotOptimize(lr->imgdata.rawdata.raw_image);
    }
}
BENCHMARK(BM_LibRawOpenUnpack)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DecodeRaw(benchmark::State& state) {
    if (!haveFile(state)) return;
    for (auto _ : state) {
        rf::RawImage raw = rf::decodeRaw(kCr2);
        benchmark::DoNotOptimize(raw.mosaic.data());
    }
}
BENCHMARK(BM_DecodeRaw)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ReadCaptureInfo(benchmark::State& state) {
    if (!haveFile(state)) return;
    for (auto _ : state) benchmark::DoNotOptimize(rf::readCaptureInfo(kCr2));
}
BENCHMARK(BM_ReadCaptureInfo)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ExtractPreview(benchmark::State& state) {
    if (!haveFile(state)) return;
    for (auto _ : state) benchmark::DoNotOptimize(rf::extractPreview(kCr2));
}
BENCHMARK(BM_ExtractPreview)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
