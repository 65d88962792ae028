// SPDX-License-Identifier: GPL-3.0-or-later
// The Kodak suite as demosaicing ground truth, shared by the CPSNR test and bench_demosaic's
// comparison with LibRaw: the 24 images of ../shared/testdata/kodak, read as RGB in [0, 1]
// (the 8-bit values taken as they are, as demosaicing papers do), and CPSNR, the PSNR over all
// three channels with an 8-pixel border left out.
#pragma once

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "rangefinder/image.h"
#include "rangefinder/raw.h"

namespace rf::test {

inline std::filesystem::path kodakDir(const std::string& sourceDir) {
    return std::filesystem::path(sourceDir) / ".." / "shared" / "testdata" / "kodak";
}

/// kodim01.png … kodim24.png, those present, in order; empty when the folder is absent.
inline std::vector<std::filesystem::path> kodakFiles(const std::string& sourceDir) {
    const std::filesystem::path dir = kodakDir(sourceDir);
    std::vector<std::filesystem::path> files;
    if (!std::filesystem::is_directory(dir)) return files;
    for (int i = 1; i <= 24; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "kodim%02d.png", i);
        if (std::filesystem::exists(dir / name)) files.push_back(dir / name);
    }
    return files;
}

/// An 8-bit image as RGB in [0, 1]; empty when it cannot be read.
inline Image loadRgb8(const std::filesystem::path& path) {
    const cv::Mat bgr = cv::imread(path.string(), cv::IMREAD_COLOR);
    if (bgr.empty() || bgr.depth() != CV_8U) return {};
    Image img(bgr.cols, bgr.rows, 3);
    for (int y = 0; y < bgr.rows; ++y) {
        const auto* s = bgr.ptr<unsigned char>(y);
        float* d = img.row(y);
        for (int x = 0; x < bgr.cols; ++x) {
            d[3 * x] = float(s[3 * x + 2]) / 255.f;
            d[3 * x + 1] = float(s[3 * x + 1]) / 255.f;
            d[3 * x + 2] = float(s[3 * x]) / 255.f;
        }
    }
    return img;
}

/// CPSNR in dB of `test` against `ref` (same size, 3 channels, peak 1).
inline double cpsnr(const Image& ref, const Image& test, int border = 8) {
    double sse = 0;
    std::size_t n = 0;
    for (int y = border; y < ref.height() - border; ++y) {
        for (int x = border; x < ref.width() - border; ++x) {
            for (int c = 0; c < 3; ++c) {
                const double e = double(ref.at(x, y, c)) - double(test.at(x, y, c));
                sse += e * e;
                ++n;
            }
        }
    }
    return 10.0 * std::log10(1.0 / (sse / double(n)));
}

/// Scales each channel of `out` by the gain that maps its native CFA samples onto `ref`'s
/// (least squares): LibRaw scales the data to its own range, and a demosaic keeps the native
/// samples, so this undoes the scaling exactly and nothing else.
inline void matchNativeGain(const Image& ref, const CfaPattern& cfa, Image& out) {
    double num[3] = {0, 0, 0}, den[3] = {0, 0, 0};
    for (int y = 0; y < ref.height(); ++y)
        for (int x = 0; x < ref.width(); ++x) {
            const int c = cfa[(y & 1) * 2 + (x & 1)];
            num[c] += double(out.at(x, y, c)) * ref.at(x, y, c);
            den[c] += double(ref.at(x, y, c)) * ref.at(x, y, c);
        }
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x)
            for (int c = 0; c < 3; ++c)
                if (num[c] > 0) out.at(x, y, c) = float(out.at(x, y, c) * den[c] / num[c]);
}

}  // namespace rf::test
