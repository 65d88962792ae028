// SPDX-License-Identifier: GPL-3.0-or-later
// Export cost at a typical web/print size (2048×1365): each encoder including its parallel
// quantisation, and the Exiv2 metadata copy from a real CR2 (which runs under a mutex, so its
// time bounds how much it can serialise a batch).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "../tests/support/writer_fixtures.h"
#include "rangefinder/image.h"
#include "rangefinder/writer.h"

namespace {

namespace fs = std::filesystem;

rf::Image photoLike(int w, int h) {
    rf::Image img(w, h, 3);
    std::uint32_t s = 7;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            s = s * 1664525u + 1013904223u;
            const float grain = (float(s >> 8) / float(1u << 24) - 0.5f) * 0.02f;
            img.at(x, y, 0) = std::clamp(0.5f + 0.4f * std::sin(x * 0.01f) + grain, 0.f, 1.f);
            img.at(x, y, 1) = std::clamp(float(y) / float(h) + grain, 0.f, 1.f);
            img.at(x, y, 2) =
                std::clamp(0.5f + 0.4f * std::cos((x + y) * 0.004f) + grain, 0.f, 1.f);
        }
    return img;
}

std::string scratch(const char* name) {
    const fs::path dir =
        fs::temp_directory_path() / ("rf-bench-writers-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return (dir / name).string();
}

const std::vector<std::uint8_t> kIcc = rf::test::makeTestIccProfile();

void encode(benchmark::State& state, rf::EncodeOptions o, const char* name) {
    static const rf::Image img = photoLike(2048, 1365);
    const std::string p = scratch(name);
    for (auto _ : state) rf::writeImage(p, img.view(), o, kIcc);
    state.counters["MB"] = double(fs::file_size(p)) / 1e6;
    state.SetItemsProcessed(state.iterations() * img.width() * img.height());
    fs::remove(p);
}

void BM_Jpeg420q90(benchmark::State& state) {
    rf::EncodeOptions o;
    o.quality = 90;
    o.progressive = state.range(0) != 0;
    encode(state, o, "b.jpg");
}
BENCHMARK(BM_Jpeg420q90)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Jpeg444q95(benchmark::State& state) {
    rf::EncodeOptions o;
    o.quality = 95;
    o.subsampling = rf::ChromaSubsampling::S444;
    encode(state, o, "c.jpg");
}
BENCHMARK(BM_Jpeg444q95)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Png(benchmark::State& state) {
    rf::EncodeOptions o;
    o.format = rf::FileFormat::Png;
    o.bitDepth = int(state.range(0));
    encode(state, o, "b.png");
}
BENCHMARK(BM_Png)->Arg(8)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Tiff(benchmark::State& state) {
    rf::EncodeOptions o;
    o.format = rf::FileFormat::Tiff;
    o.bitDepth = int(state.range(0));
    encode(state, o, "b.tif");
}
BENCHMARK(BM_Tiff)->Arg(8)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_WriteMetadataFromCr2(benchmark::State& state) {
    const std::string raw = RF_SOURCE_DIR "/../shared/testdata/raw/canon-eos30d.CR2";
    if (!fs::exists(raw)) {
        state.SkipWithError("test raw absent");
        return;
    }
    const rf::Image img = photoLike(2048, 1365);
    const std::string p = scratch("m.jpg");
    rf::writeImage(p, img.view(), {}, {});
    for (auto _ : state) rf::writeMetadata(p, raw, {}, img.width(), img.height(), {});
    fs::remove(p);
}
BENCHMARK(BM_WriteMetadataFromCr2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
