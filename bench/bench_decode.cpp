// SPDX-License-Identifier: GPL-3.0-or-later
// Raw decoding cost: rf::decodeRaw against a bare LibRaw open + unpack of the same file (the
// floor any LibRaw-based decoder pays), decodeRaw with LibRaw's loaders in place of our own
// (lossless JPEG, uncompressed DNG, Canon CRW), plus the metadata-only and preview paths the
// library grid uses. The ratios of one run are printed at the end: on a noisy shared machine
// they hold where absolute times do not.
// Usage: bench_decode [RAW FILE] [benchmark flags]; the Canon EOS 30D CR2 from shared/testdata
// when no file is given.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "bench_input.h"
#include "rangefinder/raw.h"
#include "ratio_reporter.h"

namespace {

std::string gFile;

void BM_LibRawOpenUnpack(benchmark::State& state) {
    benchLibRawUnpack(state, gFile);
}

void BM_DecodeRaw(benchmark::State& state) {
    for (auto _ : state) {
        rf::RawImage raw = rf::decodeRaw(gFile);
        benchmark::DoNotOptimize(raw.mosaic.data());
    }
}

void BM_DecodeRawLibRawLoader(benchmark::State& state) {
    rf::DecodeOptions o;
    o.ownLoaders = false;
    for (auto _ : state) {
        rf::RawImage raw = rf::decodeRaw(gFile, o);
        benchmark::DoNotOptimize(raw.mosaic.data());
    }
}

void BM_ReadCaptureInfo(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(rf::readCaptureInfo(gFile));
}

void BM_ExtractPreview(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(rf::extractPreview(gFile));
}

}  // namespace

int main(int argc, char** argv) {
    gFile = benchRawFile(argc, argv, "bench_decode");
    if (gFile.empty()) return 1;
    const std::pair<const char*, void (*)(benchmark::State&)> benches[] = {
        {"BM_LibRawOpenUnpack", BM_LibRawOpenUnpack},
        {"BM_DecodeRaw", BM_DecodeRaw},
        {"BM_DecodeRawLibRawLoader", BM_DecodeRawLibRawLoader},
        {"BM_ReadCaptureInfo", BM_ReadCaptureInfo},
        {"BM_ExtractPreview", BM_ExtractPreview},
    };
    for (const auto& [name, fn] : benches)
        benchmark::RegisterBenchmark(name, fn)->Unit(benchmark::kMillisecond)->UseRealTime();
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const auto at = [&](const char* name) {
        const auto it = reporter.seconds.find(name);
        return it == reporter.seconds.end() ? 0.0 : it->second;
    };
    const double unpack = at("BM_LibRawOpenUnpack"), ours = at("BM_DecodeRaw"),
                 theirs = at("BM_DecodeRawLibRawLoader");
    const std::string name = std::filesystem::path(gFile).filename().string();
    if (ours > 0 && theirs > 0)
        std::printf("\n%s: decodeRaw %.3f s, with LibRaw's loader %.3f s (ours %.2fx faster)\n",
                    name.c_str(), ours, theirs, theirs / ours);
    if (ours > 0 && unpack > 0)
        std::printf("%s: decodeRaw / LibRaw open + unpack %.2fx (%.3f s against %.3f s)\n",
                    name.c_str(), ours / unpack, ours, unpack);
    return 0;
}
