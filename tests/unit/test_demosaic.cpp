// SPDX-License-Identifier: GPL-3.0-or-later
// Invariants of the demosaic stage on synthetic mosaics: flat fields survive every method and
// CFA phase, the half-size bin averages exactly the right samples, a mosaic shifted by one
// site and described by the matching phase demosaics to the same pixels, edges of neutral
// scenes stay neutral, hostile values stay finite, and cancellation is honoured.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "rangefinder/demosaic.h"
#include "rangefinder/error.h"

using namespace rf;

namespace {

const char* const kPhases[] = {"RGGB", "BGGR", "GRBG", "GBRG"};

Image flatRgb(int w, int h, float r, float g, float b) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            img.at(x, y, 0) = r;
            img.at(x, y, 1) = g;
            img.at(x, y, 2) = b;
        }
    return img;
}

/// A smooth colourful scene with some detail: different sinusoids per channel.
Image patternRgb(int w, int h) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            img.at(x, y, 0) = 0.5f + 0.4f * std::sin(0.11f * x + 0.05f * y);
            img.at(x, y, 1) = 0.5f + 0.3f * std::cos(0.07f * x - 0.13f * y);
            img.at(x, y, 2) = 0.4f + 0.35f * std::sin(0.03f * x * 0.5f + 0.17f * y);
        }
    return img;
}

float maxAbsDiff(ConstImageView a, ConstImageView b, int border = 0) {
    float m = 0;
    for (int y = border; y < a.height - border; ++y)
        for (int x = border; x < a.width - border; ++x)
            for (int c = 0; c < a.channels; ++c)
                m = std::max(m, std::fabs(a.px(x, y)[c] - b.px(x, y)[c]));
    return m;
}

enum class Method { Full, Bilinear };

void run(Method m, ConstImageView mosaic, const CfaPattern& cfa, Image& out) {
    if (m == Method::Full)
        demosaicFull(mosaic, cfa, out);
    else
        demosaicBilinear(mosaic, cfa, out);
}

}  // namespace

TEST(Demosaic, CfaFromStringParsesTheFourLayouts) {
    EXPECT_EQ(cfaFromString("RGGB"), (CfaPattern{0, 1, 1, 2}));
    EXPECT_EQ(cfaFromString("BGGR"), (CfaPattern{2, 1, 1, 0}));
    EXPECT_EQ(cfaFromString("GRBG"), (CfaPattern{1, 0, 2, 1}));
    EXPECT_EQ(cfaFromString("GBRG"), (CfaPattern{1, 2, 0, 1}));
    EXPECT_THROW(cfaFromString("RGBG"), Error);
    EXPECT_THROW(cfaFromString("RGGBX"), Error);
    EXPECT_THROW(cfaFromString(""), Error);
    EXPECT_THROW(cfaFromString(nullptr), Error);
}

TEST(Demosaic, MosaicPicksTheChannelOfEachSite) {
    const Image rgb = patternRgb(5, 4);
    for (const char* name : kPhases) {
        const CfaPattern cfa = cfaFromString(name);
        Image mosaic;
        mosaicFromRgb(rgb.view(), cfa, mosaic);
        ASSERT_EQ(mosaic.width(), 5);
        ASSERT_EQ(mosaic.channels(), 1);
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 5; ++x)
                EXPECT_EQ(mosaic.at(x, y), rgb.at(x, y, cfa[(y & 1) * 2 + (x & 1)]));
    }
}

TEST(Demosaic, RejectsBadInput) {
    Image out;
    Image rgb(8, 8, 3), mosaic(8, 8, 1), tiny(1, 8, 1);
    const CfaPattern notBayer{0, 0, 1, 2}, greensInARow{1, 1, 0, 2};
    EXPECT_THROW(demosaicFull(rgb.view(), cfaFromString("RGGB"), out), Error);
    EXPECT_THROW(demosaicFull(mosaic.view(), notBayer, out), Error);
    EXPECT_THROW(demosaicHalf(mosaic.view(), greensInARow, out), Error);
    EXPECT_THROW(demosaicBilinear(tiny.view(), cfaFromString("RGGB"), out), Error);
    EXPECT_THROW(demosaicHalf(ConstImageView{}, cfaFromString("RGGB"), out), Error);
}

TEST(Demosaic, FlatFieldIsReproducedByEveryMethodAndPhase) {
    const float r = 0.7f, g = 0.35f, b = 0.12f;
    // Odd sizes, a size spanning several tiles with a narrow last one, and the minimum.
    const int sizes[][2] = {{2, 2}, {3, 5}, {7, 9}, {37, 23}, {300, 131}};
    for (const auto& s : sizes) {
        const Image rgb = flatRgb(s[0], s[1], r, g, b);
        for (const char* name : kPhases) {
            const CfaPattern cfa = cfaFromString(name);
            Image mosaic, out;
            mosaicFromRgb(rgb.view(), cfa, mosaic);
            for (Method m : {Method::Full, Method::Bilinear}) {
                run(m, mosaic.view(), cfa, out);
                ASSERT_EQ(out.width(), s[0]);
                ASSERT_EQ(out.height(), s[1]);
                ASSERT_EQ(out.channels(), 3);
                EXPECT_LE(maxAbsDiff(out.view(), rgb.view()), 1e-6f)
                    << name << " " << s[0] << "x" << s[1] << " method " << int(m);
            }
            demosaicHalf(mosaic.view(), cfa, out);
            ASSERT_EQ(out.width(), s[0] / 2);
            ASSERT_EQ(out.height(), s[1] / 2);
            const Image half = flatRgb(s[0] / 2, s[1] / 2, r, g, b);
            EXPECT_LE(maxAbsDiff(out.view(), half.view()), 1e-7f) << name;
        }
    }
}

TEST(Demosaic, HalfSizeAveragesEachTile) {
    // Every sample distinct; odd sizes drop the last row and column.
    const int w = 9, h = 7;
    Image mosaic(w, h, 1);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) mosaic.at(x, y) = float(y * w + x) / 64.f;
    for (const char* name : kPhases) {
        const CfaPattern cfa = cfaFromString(name);
        Image out;
        demosaicHalf(mosaic.view(), cfa, out);
        ASSERT_EQ(out.width(), 4);
        ASSERT_EQ(out.height(), 3);
        for (int oy = 0; oy < 3; ++oy) {
            for (int ox = 0; ox < 4; ++ox) {
                float expect[3] = {0, 0, 0};
                for (int i = 0; i < 4; ++i) {
                    const float v = mosaic.at(2 * ox + (i & 1), 2 * oy + (i >> 1));
                    expect[cfa[i]] += cfa[i] == 1 ? 0.5f * v : v;
                }
                for (int c = 0; c < 3; ++c)
                    EXPECT_FLOAT_EQ(out.at(ox, oy, c), expect[c]) << name << " " << ox << "," << oy;
            }
        }
    }
}

TEST(Demosaic, ShiftedMosaicWithMatchingPhaseGivesTheSamePixels) {
    // Cropping an RGGB mosaic by one site changes the phase the crop starts on; demosaicking
    // the crop with that phase must reproduce the full result away from the crop's borders.
    const int w = 301, h = 203;
    const Image rgb = patternRgb(w, h);
    const CfaPattern rggb = cfaFromString("RGGB");
    Image mosaic;
    mosaicFromRgb(rgb.view(), rggb, mosaic);
    const struct {
        int dx, dy;
        const char* phase;
    } shifts[] = {{1, 0, "GRBG"}, {0, 1, "GBRG"}, {1, 1, "BGGR"}};
    for (Method m : {Method::Full, Method::Bilinear}) {
        Image full;
        run(m, mosaic.view(), rggb, full);
        for (const auto& s : shifts) {
            const Rect crop{s.dx, s.dy, w - 2, h - 2};
            Image shifted;
            run(m, mosaic.view().region(crop), cfaFromString(s.phase), shifted);
            EXPECT_LE(maxAbsDiff(shifted.view(), full.view().region(crop), 20), 1e-6f)
                << s.phase << " method " << int(m);
        }
    }
}

TEST(Demosaic, HighQualityKeepsANeutralEdgeNeutral) {
    // A grey step edge along each axis and a diagonal: bilinear smears colour fringes (zipper)
    // across it (half the step); the directional method must keep the edge sharp and grey.
    for (int orientation = 0; orientation < 3; ++orientation) {
        const int w = 64, h = 64;
        Image rgb(w, h, 3);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const int t = orientation == 0 ? x : orientation == 1 ? y : x + y;
                const float v = t < (orientation == 2 ? 63 : 31) ? 0.1f : 0.8f;
                for (int c = 0; c < 3; ++c) rgb.at(x, y, c) = v;
            }
        for (const char* name : kPhases) {
            const CfaPattern cfa = cfaFromString(name);
            Image mosaic, hq, bl;
            mosaicFromRgb(rgb.view(), cfa, mosaic);
            demosaicFull(mosaic.view(), cfa, hq);
            demosaicBilinear(mosaic.view(), cfa, bl);
            const float errHq = maxAbsDiff(hq.view(), rgb.view(), 4);
            const float errBl = maxAbsDiff(bl.view(), rgb.view(), 4);
            EXPECT_GT(errBl, 0.1f);
            // Axis-aligned edges are reproduced exactly; a pixel-sharp 45° step is not
            // band-limited, so a few per cent of the step is the best any interpolator does.
            EXPECT_LT(errHq, orientation == 2 ? 0.05f : 1e-4f)
                << name << " orientation " << orientation;
        }
    }
}

TEST(Demosaic, ZerosNegativesAndHighlightsStayFinite) {
    const int w = 67, h = 45;
    Image mosaic(w, h, 1);
    unsigned state = 12345;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            state = state * 1664525u + 1013904223u;
            const int k = int(state >> 28);
            // Runs of exact zeros, small negative noise, values above 1 and ordinary data.
            mosaic.at(x, y) = k < 5 ? 0.f : k < 9 ? -0.003f * float(k) : k < 12 ? 3.5f : 0.4f;
        }
    for (int y = 10; y < 20; ++y)
        for (int x = 0; x < w; ++x) mosaic.at(x, y) = 0.f;
    for (const char* name : kPhases) {
        const CfaPattern cfa = cfaFromString(name);
        Image out;
        for (int method = 0; method < 3; ++method) {
            if (method == 0) demosaicFull(mosaic.view(), cfa, out);
            if (method == 1) demosaicBilinear(mosaic.view(), cfa, out);
            if (method == 2) demosaicHalf(mosaic.view(), cfa, out);
            for (std::size_t i = 0; i < out.sampleCount(); ++i)
                ASSERT_TRUE(std::isfinite(out.data()[i])) << name << " method " << method;
        }
        // The all-zero band stays black (nothing leaks from the estimates of its neighbours
        // more than a few rows in).
        demosaicFull(mosaic.view(), cfa, out);
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c) EXPECT_EQ(out.at(x, 15, c), 0.f);
    }
}

TEST(Demosaic, NegativeValuesAreNotClamped) {
    // Noise around black averages below zero; a flat slightly negative field must stay so.
    const Image rgb = flatRgb(40, 30, -0.01f, -0.02f, 1.5f);
    Image mosaic, out;
    for (const char* name : kPhases) {
        mosaicFromRgb(rgb.view(), cfaFromString(name), mosaic);
        demosaicFull(mosaic.view(), cfaFromString(name), out);
        EXPECT_LE(maxAbsDiff(out.view(), rgb.view()), 1e-6f) << name;
    }
}

TEST(Demosaic, CancelledTokenStopsTheRender) {
    Image mosaic(512, 512, 1), out;
    for (std::size_t i = 0; i < mosaic.sampleCount(); ++i) mosaic.data()[i] = 0.5f;
    CancelToken token;
    token.cancel();
    const CfaPattern cfa = cfaFromString("RGGB");
    EXPECT_THROW(demosaicFull(mosaic.view(), cfa, out, &token), Cancelled);
    EXPECT_THROW(demosaicHalf(mosaic.view(), cfa, out, &token), Cancelled);
    CancelToken live;
    EXPECT_NO_THROW(demosaicFull(mosaic.view(), cfa, out, &live));
}
