// SPDX-License-Identifier: GPL-3.0-or-later
// The raw file a benchmark measures: the 8 MP Canon EOS 30D raw from the shared test data (or
// the same file from Debian's rawtran-doc), unless the first argument names another; and the
// floor every export of it is compared with, LibRaw's own open + unpack. Shared by the
// benchmarks that time whole exports and renders, so they measure the same file the same way.
#pragma once

#include <benchmark/benchmark.h>
#include <libraw/libraw.h>

#include <cstdio>
#include <filesystem>
#include <string>

/// Takes a leading file argument off argv (before Google Benchmark sees its flags); empty,
/// with a message naming `program`, when no raw file is found.
inline std::string benchRawFile(int& argc, char**& argv, const char* program) {
    std::string file = RF_SOURCE_DIR "/../shared/testdata/raw/canon-eos30d.CR2";
    if (!std::filesystem::exists(file)) file = "/usr/share/doc/rawtran/IMG_5952.CR2";
    if (argc > 1 && argv[1][0] != '-') {
        file = argv[1];
        --argc, ++argv;
    }
    if (!std::filesystem::exists(file)) {
        std::fprintf(stderr, "%s: no raw file (give one as the first argument)\n", program);
        return {};
    }
    return file;
}

/// LibRaw's open_file() + unpack() of `file`, once per iteration: the decode floor.
inline void benchLibRawUnpack(benchmark::State& state, const std::string& file) {
    for (auto _ : state) {
        LibRaw raw;
        if (raw.open_file(file.c_str()) != LIBRAW_SUCCESS || raw.unpack() != LIBRAW_SUCCESS) {
            state.SkipWithError("LibRaw cannot unpack the file");
            return;
        }
        benchmark::DoNotOptimize(raw.imgdata.rawdata.raw_alloc);
    }
}
