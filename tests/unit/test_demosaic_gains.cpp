// SPDX-License-Identifier: GPL-3.0-or-later
// White balance applied while demosaicing (MosaicGains) is the same arithmetic as balancing a
// copy first, so every path must give bit-identical pixels either way; and the gradient-
// corrected path keeps flat fields and linear ramps exact, floors overshoot at 0, and
// honours cancellation.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <utility>

#include "rangefinder/demosaic.h"
#include "rangefinder/error.h"
#include "rangefinder/resample.h"
#include "rangefinder/whitebalance.h"

using namespace rf;

namespace {

const char* const kPhases[] = {"RGGB", "BGGR", "GRBG", "GBRG"};

// A colourful mosaic with values above 1 after balancing (to exercise the clip), at an odd
// size so the mirrored borders and the last odd column are covered.
Image testMosaic(int w, int h) {
    Image m(w, h, 1);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            m.at(x, y) = 0.5f + 0.45f * std::sin(0.37f * x + 0.21f * y) * std::cos(0.05f * x * y);
    return m;
}

bool sameBits(const Image& a, const Image& b) {
    return a.width() == b.width() && a.height() == b.height() && a.channels() == b.channels() &&
           std::memcmp(a.data(), b.data(), sizeof(float) * a.width() * a.height() * a.channels()) ==
               0;
}

}  // namespace

TEST(DemosaicGains, EveryPathMatchesBalancingACopyFirst) {
    const Image mosaic = testMosaic(101, 67);
    const Multipliers wb{2.1f, 1.0f, 1.6f};
    for (const char* phase : kPhases) {
        const CfaPattern cfa = cfaFromString(phase);
        for (const bool clip : {false, true}) {
            Image balanced = mosaic;
            applyWhiteBalance(balanced.view(), SensorLayout::Bayer, cfa, wb,
                              clip ? HighlightMode::Clip : HighlightMode::Reconstruct);
            const MosaicGains gains{wb, clip};
            Image want, got;
            demosaicFull(balanced.cview(), cfa, want);
            demosaicFull(mosaic.cview(), cfa, gains, got);
            EXPECT_TRUE(sameBits(want, got)) << phase << " full, clip " << clip;
            demosaicHalf(balanced.cview(), cfa, want);
            demosaicHalf(mosaic.cview(), cfa, gains, got);
            EXPECT_TRUE(sameBits(want, got)) << phase << " half, clip " << clip;
            demosaicGradient(balanced.cview(), cfa, MosaicGains{}, want);
            demosaicGradient(mosaic.cview(), cfa, gains, got);
            EXPECT_TRUE(sameBits(want, got)) << phase << " gradient, clip " << clip;
        }
    }
}

TEST(DemosaicGains, InvalidMultipliersAreRefused) {
    const Image mosaic = testMosaic(8, 8);
    Image out;
    EXPECT_THROW(demosaicGradient(mosaic.cview(), cfaFromString("RGGB"),
                                  MosaicGains{{1.f, 0.f, 1.f}, false}, out),
                 Error);
    EXPECT_THROW(demosaicHalf(mosaic.cview(), cfaFromString("RGGB"),
                              MosaicGains{{1.f, NAN, 1.f}, false}, out),
                 Error);
}

TEST(DemosaicGradient, FlatFieldsAndLinearRampsAreExact) {
    for (const char* phase : kPhases) {
        const CfaPattern cfa = cfaFromString(phase);
        // A ramp per channel: bilinear interpolation is exact on it and its Laplacian, the
        // correction term, is zero, so the interior must be exact (the mirrored border is
        // not linear any more, hence 2 sites of margin).
        const int w = 40, h = 30;
        Image rgb(w, h, 3);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                rgb.at(x, y, 0) = 0.2f + 0.01f * x;
                rgb.at(x, y, 1) = 0.3f + 0.005f * x + 0.008f * y;
                rgb.at(x, y, 2) = 0.7f - 0.01f * y;
            }
        Image mosaic, out;
        mosaicFromRgb(rgb.cview(), cfa, mosaic);
        demosaicGradient(mosaic.cview(), cfa, MosaicGains{}, out);
        ASSERT_EQ(out.width(), w);
        ASSERT_EQ(out.height(), h);
        float worst = 0;
        for (int y = 2; y < h - 2; ++y)
            for (int x = 2; x < w - 2; ++x)
                for (int c = 0; c < 3; ++c)
                    worst = std::max(worst, std::fabs(out.at(x, y, c) - rgb.at(x, y, c)));
        EXPECT_LT(worst, 2e-6f) << phase;

        for (int y = 0; y < h; ++y)  // a flat field is exact everywhere, borders included
            for (int x = 0; x < w; ++x) {
                rgb.at(x, y, 0) = 0.6f;
                rgb.at(x, y, 1) = 0.4f;
                rgb.at(x, y, 2) = 0.25f;
            }
        mosaicFromRgb(rgb.cview(), cfa, mosaic);
        demosaicGradient(mosaic.cview(), cfa, MosaicGains{}, out);
        worst = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < 3; ++c)
                    worst = std::max(worst, std::fabs(out.at(x, y, c) - rgb.at(x, y, c)));
        EXPECT_LT(worst, 2e-6f) << phase;
    }
}

TEST(DemosaicGradient, OvershootIsFlooredAtZero) {
    // A single bright site on black: the gradient correction goes negative around it.
    Image mosaic(16, 16, 1);
    std::fill(mosaic.data(), mosaic.data() + 16 * 16, 0.0f);
    mosaic.at(8, 8) = 1.0f;
    Image out;
    demosaicGradient(mosaic.cview(), cfaFromString("RGGB"), MosaicGains{}, out);
    float lowest = 1;
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x)
            for (int c = 0; c < 3; ++c) lowest = std::min(lowest, out.at(x, y, c));
    EXPECT_EQ(lowest, 0.0f);
}

TEST(DemosaicGradient, CancelledRunThrows) {
    const Image mosaic = testMosaic(64, 64);
    CancelToken cancel;
    cancel.cancel();
    Image out;
    EXPECT_THROW(
        demosaicGradient(mosaic.cview(), cfaFromString("RGGB"), MosaicGains{}, out, &cancel),
        Cancelled);
}

TEST(DemosaicGradient, BandsMatchTheWholeImageAndResizeRowsMatchesResize) {
    // The banded export path: demosaicGradientRows fed to resizeRows must give exactly what
    // demosaicGradient followed by resize gives.
    const Image mosaic = testMosaic(203, 151);
    const CfaPattern cfa = cfaFromString("GBRG");
    const MosaicGains gains{{1.9f, 1.0f, 1.4f}, false};
    Image whole, want, got;
    demosaicGradient(mosaic.cview(), cfa, gains, whole);
    for (const auto& [w, h] : {std::pair{118, 88}, std::pair{203, 90}, std::pair{40, 150}}) {
        resize(whole.cview(), w, h, want);
        resizeRows(
            203, 151, 3,
            [&](int y0, int y1, ImageView rows) {
                demosaicGradientRows(mosaic.cview(), cfa, gains, y0, y1, rows);
            },
            w, h, got);
        EXPECT_TRUE(sameBits(want, got)) << w << "×" << h;
    }
    EXPECT_THROW(resizeRows(
                     203, 151, 3, [](int, int, ImageView) {}, 203, 151, got),
                 Error);
}
