// SPDX-License-Identifier: GPL-3.0-or-later
// rangefinder-make-sample: writes the built-in sample raw, a ColorChecker chart "taken" by a
// synthetic camera, so the README's first command has a file to edit without any download.
// The chart is colorimetrically defined, so its render can be checked against the truth.

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <regex>
#include <string>

#include "rangefinder/error.h"
#include "synth.h"

int main(int argc, char** argv) {
    CLI::App app{"Writes Rangefinder's sample raw files (a synthetic ColorChecker chart DNG)"};
    std::string dir = ".";
    std::string size = "3000x2000";
    app.add_option("-o,--output", dir, "Directory to write into (created if missing)");
    app.add_option("--size", size, "Chart size as WIDTHxHEIGHT")->capture_default_str();
    int tile = 0;
    app.add_option("--ljpeg-tiles", tile,
                   "Compress the raw data as lossless JPEG tiles of this size (square, even), as "
                   "DNG converters and phones do; 0: uncompressed")
        ->capture_default_str()
        ->check(CLI::Range(0, 4096));
    CLI11_PARSE(app, argc, argv);
    if (tile % 2 != 0) {
        std::fprintf(stderr, "rangefinder-make-sample: --ljpeg-tiles must be even\n");
        return 2;
    }

    std::smatch m;
    if (!std::regex_match(size, m, std::regex(R"((\d{1,5})[xX](\d{1,5}))"))) {
        std::fprintf(stderr, "rangefinder-make-sample: --size must look like 3000x2000\n");
        return 2;
    }
    const int w = std::stoi(m[1]), h = std::stoi(m[2]);
    if (w < 60 || h < 40 || w > 20000 || h > 20000) {
        std::fprintf(stderr, "rangefinder-make-sample: size must be 60x40 .. 20000x20000\n");
        return 2;
    }
    try {
        std::error_code ec;
        std::filesystem::create_directories(dir, ec);
        if (ec) throw rf::Error(dir, "cannot create directory: " + ec.message());
        const std::string path = (std::filesystem::path(dir) / "rangefinder-chart.dng").string();
        rf::synth::DngOptions o;
        o.cfa = {0, 1, 1, 2};
        o.cameraFromXYZ = rf::synth::cameraMatrixA();
        o.noise = 0.002;
        o.model = "Synthetic ColorChecker";
        o.ljpegTileWidth = o.ljpegTileHeight = tile;
        rf::synth::writeDng(path, rf::synth::renderChart(w, h).cview(), o);
        std::printf("%s\n", path.c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rangefinder-make-sample: %s\n", e.what());
        return 1;
    }
    return 0;
}
