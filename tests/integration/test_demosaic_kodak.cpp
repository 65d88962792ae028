// SPDX-License-Identifier: GPL-3.0-or-later
// Quality of the demosaic paths on the 24 Kodak images: each is mosaicked, demosaicked and
// compared with the original by CPSNR (all three channels, 8-pixel border excluded). The
// high-quality path must beat LibRaw's AHD (37.1 dB on this suite) and give the same quality
// on the other three CFA phases.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "rangefinder/demosaic.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

const fs::path kKodakDir = fs::path(RF_SOURCE_DIR) / ".." / "shared" / "testdata" / "kodak";

Image loadRgb(const fs::path& path) {
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

double cpsnr(const Image& ref, const Image& test, int border = 8) {
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

std::vector<fs::path> kodakFiles() {
    std::vector<fs::path> files;
    if (!fs::is_directory(kKodakDir)) return files;
    for (int i = 1; i <= 24; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "kodim%02d.png", i);
        if (fs::exists(kKodakDir / name)) files.push_back(kKodakDir / name);
    }
    return files;
}

}  // namespace

TEST(DemosaicKodak, HighQualityBeatsAhdAndIsPhaseIndependent) {
    const auto files = kodakFiles();
    if (files.empty()) GTEST_SKIP() << "Kodak test images not found in " << kKodakDir;
    ASSERT_EQ(files.size(), 24u) << "incomplete Kodak suite in " << kKodakDir;

    const CfaPattern rggb = cfaFromString("RGGB");
    const char* const otherPhases[] = {"BGGR", "GRBG", "GBRG"};
    double sumBilinear = 0, sumHq = 0, sumOther[3] = {0, 0, 0}, hqSeconds = 0;
    Image mosaic, out;
    for (const auto& file : files) {
        const Image ref = loadRgb(file);
        ASSERT_FALSE(ref.empty()) << "cannot read " << file;

        mosaicFromRgb(ref.view(), rggb, mosaic);
        demosaicBilinear(mosaic.view(), rggb, out);
        const double bilinear = cpsnr(ref, out);

        const auto t0 = std::chrono::steady_clock::now();
        demosaicFull(mosaic.view(), rggb, out);
        hqSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const double hq = cpsnr(ref, out);
        std::printf("%s  bilinear %6.2f  HQ RGGB %6.2f", file.filename().c_str(), bilinear, hq);

        for (int p = 0; p < 3; ++p) {
            const CfaPattern cfa = cfaFromString(otherPhases[p]);
            mosaicFromRgb(ref.view(), cfa, mosaic);
            demosaicFull(mosaic.view(), cfa, out);
            const double other = cpsnr(ref, out);
            sumOther[p] += other;
            std::printf("  %s %6.2f", otherPhases[p], other);
        }
        std::printf(" dB\n");
        sumBilinear += bilinear;
        sumHq += hq;
    }
    const double n = double(files.size());
    std::printf(
        "mean       bilinear %6.2f  HQ RGGB %6.2f  BGGR %6.2f  GRBG %6.2f  GBRG %6.2f dB"
        "  (HQ %.1f ms/image)\n",
        sumBilinear / n, sumHq / n, sumOther[0] / n, sumOther[1] / n, sumOther[2] / n,
        1000.0 * hqSeconds / n);
    EXPECT_GT(sumHq / n, sumBilinear / n);
    EXPECT_GE(sumHq / n, 37.1) << "high-quality demosaic must beat LibRaw AHD on Kodak";
    for (int p = 0; p < 3; ++p) EXPECT_NEAR(sumOther[p] / n, sumHq / n, 0.3) << otherPhases[p];
}
