// SPDX-License-Identifier: GPL-3.0-or-later
// Tone and colour invariants on synthetic pixels: linear mode with neutral sliders is the
// identity, exposure is a multiply, the standard curve has the promised shape, every slider
// moves the tones it names in the direction it names, neutrals stay neutral, and no input
// (NaN, Inf, negative, huge) produces output outside [0, 1].
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/params.h"
#include "rangefinder/tone.h"

using namespace rf;

namespace {

struct Rgb {
    float r, g, b;
};

Rgb applyOne(const ToneParams& p, Rgb c) {
    Image img(1, 1, 3);
    img.at(0, 0, 0) = c.r;
    img.at(0, 0, 1) = c.g;
    img.at(0, 0, 2) = c.b;
    applyTone(img.view(), p, nullptr);
    return {img.at(0, 0, 0), img.at(0, 0, 1), img.at(0, 0, 2)};
}

float neutral(const ToneParams& p, float v) {
    return applyOne(p, {v, v, v}).g;
}

float lum(Rgb c) {
    return 0.2627f * c.r + 0.6780f * c.g + 0.0593f * c.b;
}

// Chroma relative to luminance: invariant under the ratio-preserving curve.
float relChroma(Rgb c) {
    const float y = lum(c);
    return std::sqrt((c.r - y) * (c.r - y) + (c.g - y) * (c.g - y) + (c.b - y) * (c.b - y)) / y;
}

ToneParams linear() {
    ToneParams p;
    p.curve = ToneCurve::Linear;
    return p;
}

double slopeAt(const ToneParams& p, float x) {
    const float h = x * 0.01f;
    return (toneCurveValue(p, x + h) - toneCurveValue(p, x - h)) / (2.0 * h);
}

// Every slider, both ends, plus combinations, for the neutrality and range sweeps.
std::vector<ToneParams> sliderSweep() {
    std::vector<ToneParams> out;
    for (ToneCurve curve : {ToneCurve::Standard, ToneCurve::Linear}) {
        for (float v : {-100.f, -50.f, 50.f, 100.f}) {
            for (int which = 0; which < 9; ++which) {
                ToneParams p;
                p.curve = curve;
                float* fields[] = {&p.contrast, &p.highlights, &p.shadows,
                                   &p.whites,   &p.blacks,     &p.saturation,
                                   &p.vibrance, &p.exposureEv, &p.exposureEv};
                *fields[which] = which >= 7 ? v / 20.f : v;
                out.push_back(p);
            }
            ToneParams all;
            all.curve = curve;
            all.exposureEv = v / 40.f;
            all.contrast = all.highlights = all.shadows = all.whites = all.blacks = v;
            all.saturation = all.vibrance = v;
            out.push_back(all);
        }
    }
    return out;
}

}  // namespace

TEST(ToneParams, ReadsTheDocumentAndDetectsIdentity) {
    EditDocument doc;
    EXPECT_FALSE(ToneParams::from(doc).isIdentity());  // default curve is standard
    doc.setText("tone.curve", "linear");
    EXPECT_TRUE(ToneParams::from(doc).isIdentity());
    doc.setFloat("exposure.ev", 1.5);
    doc.setFloat("tone.contrast", 20);
    doc.setFloat("tone.highlights", -30);
    doc.setFloat("tone.shadows", 40);
    doc.setFloat("tone.whites", 5);
    doc.setFloat("tone.blacks", -6);
    doc.setFloat("color.saturation", 7);
    doc.setFloat("color.vibrance", 8);
    const ToneParams p = ToneParams::from(doc);
    EXPECT_EQ(p.curve, ToneCurve::Linear);
    EXPECT_FLOAT_EQ(p.exposureEv, 1.5f);
    EXPECT_FLOAT_EQ(p.contrast, 20);
    EXPECT_FLOAT_EQ(p.highlights, -30);
    EXPECT_FLOAT_EQ(p.shadows, 40);
    EXPECT_FLOAT_EQ(p.whites, 5);
    EXPECT_FLOAT_EQ(p.blacks, -6);
    EXPECT_FLOAT_EQ(p.saturation, 7);
    EXPECT_FLOAT_EQ(p.vibrance, 8);
    EXPECT_FALSE(p.isIdentity());
}

TEST(Tone, LinearModeWithNeutralSlidersIsTheIdentity) {
    Image img(64, 37, 3);
    unsigned seed = 12345;
    for (std::size_t i = 0; i < img.sampleCount(); ++i) {
        seed = seed * 1664525u + 1013904223u;
        img.data()[i] = float(seed >> 8) / float(1u << 24);
    }
    img.at(0, 0, 0) = 0.f;
    img.at(1, 0, 1) = 1.f;
    const Image before = img;
    applyTone(img.view(), linear(), nullptr);
    for (std::size_t i = 0; i < img.sampleCount(); ++i)
        ASSERT_NEAR(img.data()[i], before.data()[i], 1e-6f) << i;
}

TEST(Tone, OneStopDoublesLinearValues) {
    ToneParams p = linear();
    p.exposureEv = 1;
    const Rgb out = applyOne(p, {0.1f, 0.2f, 0.3f});
    EXPECT_NEAR(out.r, 0.2f, 1e-6f);
    EXPECT_NEAR(out.g, 0.4f, 1e-6f);
    EXPECT_NEAR(out.b, 0.6f, 1e-6f);
    EXPECT_FLOAT_EQ(applyOne(p, {0.7f, 0.7f, 0.7f}).r, 1.f);  // linear mode clips
    EXPECT_NEAR(toneCurveValue(p, 0.3f), 0.6f, 1e-6f);
}

TEST(Tone, StandardCurveHasTheCameraLikeShape) {
    const ToneParams p;
    EXPECT_EQ(toneCurveValue(p, 0.f), 0.f);
    const float grey = toneCurveValue(p, 0.18f);
    EXPECT_GE(grey, 0.18f);
    EXPECT_LE(grey, 0.20f);
    // The sensor's clip (1 here: no placement, no BaselineExposure) lands just under white.
    EXPECT_NEAR(toneCurveValue(p, 1.f), 0.985f, 1e-4f);
    EXPECT_GT(toneCurveValue(p, 4.f), 0.995f);
    EXPECT_LT(toneCurveValue(p, 4.f), 1.f);
    EXPECT_GT(toneCurveValue(p, 100.f), 0.99999f);
    EXPECT_LE(toneCurveValue(p, 1e6f), 1.f);
    // Contrast around grey steeper than the identity, i.e. an S in log terms.
    EXPECT_GT(slopeAt(p, 0.18f), 1.2);
    EXPECT_LT(slopeAt(p, 0.18f), 1.8);
    // Monotonic and smooth: no jumps and no kinks over 20 stops.
    double prev = 0, prevSlope = -1;
    for (double s = -16; s <= 4; s += 1.0 / 64) {
        const float x = float(0.18 * std::exp2(s));
        const double y = toneCurveValue(p, x);
        ASSERT_GT(y, prev) << x;
        ASSERT_LT(y, 1.0);
        const double slope = slopeAt(p, x);
        if (prevSlope > 0) {
            ASSERT_LT(std::abs(slope - prevSlope) / prevSlope, 0.07) << x;
        }
        prev = y;
        prevSlope = slope;
    }
}

// The placement lifts a raw's metered grey to the curve's mid-grey, and the shoulder ends at
// the sensor's clip wherever placement and BaselineExposure (sensorWhite) put it: nothing the
// sensor held reaches display white, and a long headroom is compressed, not clipped.
TEST(Tone, ThePlacementLiftsGreyAndTheShoulderEndsAtTheSensorClip) {
    const ToneParams base;
    for (float placement : {0.f, 1.f, 3.f})
        for (float sensorWhite : {1.f, 6.28f}) {
            ToneParams p;
            p.placementEv = placement;
            p.sensorWhite = sensorWhite;
            EXPECT_NEAR(toneCurveValue(p, 0.18f / std::exp2(placement)),
                        toneCurveValue(base, 0.18f), 1e-4f)
                << placement << " " << sensorWhite;
            EXPECT_NEAR(toneCurveValue(p, sensorWhite), 0.985f, 2e-4f)
                << placement << " " << sensorWhite;
            // Half a stop under the clip is still clearly under it: a shoulder, not a clip.
            EXPECT_LT(toneCurveValue(p, sensorWhite * 0.7071f), 0.985f - 0.005f)
                << placement << " " << sensorWhite;
        }
    // The linear curve ignores both: faithful reproduction.
    ToneParams p = linear();
    p.placementEv = 1;
    p.sensorWhite = 4;
    EXPECT_NEAR(toneCurveValue(p, 0.3f), 0.3f, 1e-6f);
}

TEST(Tone, PixelsFollowToneCurveValueForNeutrals) {
    ToneParams p;
    p.contrast = 30;
    p.shadows = 20;
    p.highlights = -40;
    p.exposureEv = 0.3f;
    for (float v : {0.001f, 0.01f, 0.05f, 0.18f, 0.5f, 1.f, 3.f})
        EXPECT_NEAR(neutral(p, v), toneCurveValue(p, v), 2e-4f) << v;
}

TEST(Tone, ContrastSteepensMidGreyAndKeepsItFixed) {
    const ToneParams base;
    ToneParams p;
    p.contrast = 50;
    EXPECT_NEAR(toneCurveValue(p, 0.18f), toneCurveValue(base, 0.18f), 1e-4f);
    EXPECT_GT(slopeAt(p, 0.18f), 1.2 * slopeAt(base, 0.18f));
    EXPECT_LT(toneCurveValue(p, 0.05f), toneCurveValue(base, 0.05f));
    EXPECT_GT(toneCurveValue(p, 0.5f), toneCurveValue(base, 0.5f));
    p.contrast = -50;
    EXPECT_LT(slopeAt(p, 0.18f), 0.8 * slopeAt(base, 0.18f));
}

TEST(Tone, ShadowsLiftTheDarkTonesMoreThanTheBright) {
    const ToneParams base;
    ToneParams p;
    p.shadows = 60;
    const float darkGain = toneCurveValue(p, 0.02f) / toneCurveValue(base, 0.02f);
    const float brightGain = toneCurveValue(p, 0.6f) / toneCurveValue(base, 0.6f);
    EXPECT_GT(darkGain, 1.3f);
    EXPECT_NEAR(brightGain, 1.f, 1e-3f);
    p.shadows = -60;
    EXPECT_LT(toneCurveValue(p, 0.02f), 0.8f * toneCurveValue(base, 0.02f));
}

TEST(Tone, NegativeHighlightsLowerTheBrightTonesMoreThanTheDark) {
    for (ToneCurve curve : {ToneCurve::Standard, ToneCurve::Linear}) {
        ToneParams base;
        base.curve = curve;
        ToneParams p = base;
        p.highlights = -60;
        const float brightDrop = toneCurveValue(p, 0.7f) / toneCurveValue(base, 0.7f);
        const float darkDrop = toneCurveValue(p, 0.03f) / toneCurveValue(base, 0.03f);
        EXPECT_LT(brightDrop, 0.85f);
        EXPECT_NEAR(darkDrop, 1.f, 1e-3f);
    }
    // In linear mode, negative highlights bring values above the clip back into range.
    ToneParams p = linear();
    p.highlights = -100;
    EXPECT_LT(toneCurveValue(p, 1.5f), 1.f);
    EXPECT_LT(toneCurveValue(p, 1.2f), toneCurveValue(p, 1.5f));
}

TEST(Tone, WhitesAndBlacksMoveTheEnds) {
    const ToneParams base;
    ToneParams p;
    p.whites = 100;
    EXPECT_GT(toneCurveValue(p, 1.f), toneCurveValue(base, 1.f) + 0.01f);
    EXPECT_NEAR(toneCurveValue(p, 0.18f), toneCurveValue(base, 0.18f), 1e-5f);
    p.whites = -100;
    EXPECT_LT(toneCurveValue(p, 1.f), toneCurveValue(base, 1.f) - 0.05f);

    ToneParams b;
    b.blacks = -100;
    EXPECT_EQ(toneCurveValue(b, 0.f), 0.f);
    EXPECT_LT(toneCurveValue(b, 0.005f), 0.5f * toneCurveValue(base, 0.005f));
    EXPECT_NEAR(toneCurveValue(b, 0.18f), toneCurveValue(base, 0.18f), 1e-5f);
    b.blacks = 100;
    EXPECT_GT(toneCurveValue(b, 0.f), 0.002f);
    EXPECT_GT(neutral(b, 0.f), 0.002f);
    EXPECT_NEAR(toneCurveValue(b, 0.18f), toneCurveValue(base, 0.18f), 1e-5f);
}

TEST(Tone, SaturationMinus100IsMonochromeByLuminance) {
    for (ToneCurve curve : {ToneCurve::Standard, ToneCurve::Linear}) {
        ToneParams p;
        p.curve = curve;
        p.saturation = -100;
        const Rgb in{0.4f, 0.1f, 0.05f};
        const Rgb out = applyOne(p, in);
        EXPECT_EQ(out.r, out.g);
        EXPECT_EQ(out.g, out.b);
        ToneParams noSat = p;
        noSat.saturation = 0;
        EXPECT_NEAR(out.g, toneCurveValue(noSat, lum(in)), 2e-4f);
    }
}

TEST(Tone, SaturationIncreasesChroma) {
    const Rgb in{0.3f, 0.15f, 0.1f};
    const ToneParams base;
    ToneParams p;
    p.saturation = 50;
    const float c0 = relChroma(applyOne(base, in));
    const float c1 = relChroma(applyOne(p, in));
    EXPECT_GT(c1, 1.3f * c0);
    EXPECT_LT(c1, 1.7f * c0);
}

TEST(Tone, VibranceFavoursMutedColors) {
    const Rgb muted{0.16f, 0.18f, 0.22f};
    const Rgb vivid{0.03f, 0.12f, 0.45f};
    const ToneParams base;
    ToneParams p;
    p.vibrance = 60;
    const float mutedGain = relChroma(applyOne(p, muted)) / relChroma(applyOne(base, muted));
    const float vividGain = relChroma(applyOne(p, vivid)) / relChroma(applyOne(base, vivid));
    EXPECT_GT(mutedGain, 1.2f);
    EXPECT_GT(mutedGain, vividGain + 0.1f);
    EXPECT_GE(vividGain, 1.f);
    // Skin-like hues are boosted less than a muted blue of similar saturation.
    const Rgb skin{0.22f, 0.18f, 0.155f};
    const float skinGain = relChroma(applyOne(p, skin)) / relChroma(applyOne(base, skin));
    EXPECT_LT(skinGain, mutedGain);
}

TEST(Tone, NeutralsStayExactlyNeutralUnderEverySlider) {
    for (const ToneParams& p : sliderSweep()) {
        for (float v : {0.f, 1e-5f, 0.003f, 0.05f, 0.18f, 0.5f, 0.9f, 1.f, 2.f, 16.f, 1e4f}) {
            const Rgb out = applyOne(p, {v, v, v});
            ASSERT_EQ(out.r, out.g) << v;
            ASSERT_EQ(out.g, out.b) << v;
        }
    }
}

TEST(Tone, OutputIsAlwaysInRangeAndFinite) {
    const float inf = std::numeric_limits<float>::infinity();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const std::vector<Rgb> inputs = {{nan, 0.2f, 0.3f},  {inf, 0.1f, 0.1f}, {-inf, 0.5f, 0.5f},
                                     {nan, nan, nan},    {inf, inf, inf},   {-0.2f, 0.3f, 0.4f},
                                     {-1.f, -1.f, -1.f}, {50.f, 0.f, 0.f},  {1e30f, 2.f, 0.f},
                                     {0.f, 0.f, 1e-30f}, {3.f, 2.f, 1.f},   {1e-8f, -1e-3f, 0.f}};
    for (const ToneParams& p : sliderSweep()) {
        for (const Rgb& in : inputs) {
            const Rgb out = applyOne(p, in);
            for (float v : {out.r, out.g, out.b}) {
                ASSERT_TRUE(v >= 0.f && v <= 1.f)
                    << v << " from " << in.r << "," << in.g << "," << in.b;
            }
        }
        for (float v : {nan, inf, -inf, -1.f}) {
            const float y = toneCurveValue(p, v);
            ASSERT_TRUE(y >= 0.f && y <= 1.f) << y;
        }
    }
    // NaN is black, not garbage.
    EXPECT_EQ(applyOne(linear(), {nan, nan, nan}).r, 0.f);
}

TEST(Tone, BrightSaturatedColorsRollToWhite) {
    const ToneParams p;
    // A saturated red going from bright to far over the clip: the weaker channels catch up,
    // smoothly, instead of red sitting flat at 1 while green and blue stay put.
    float prevG = 0;
    for (float k = 0.5f; k <= 64.f; k *= 1.25f) {
        const Rgb out = applyOne(p, {k, 0.1f * k, 0.05f * k});
        EXPECT_LE(out.r, 1.f);
        EXPECT_GE(out.g, prevG);
        prevG = out.g;
    }
    const Rgb far = applyOne(p, {64.f, 6.4f, 3.2f});
    EXPECT_GT(far.g, 0.95f);
    EXPECT_GT(far.b, 0.95f);
    // Near the sensor clip a saturated colour is still clearly saturated. (Near the clip in
    // sRGB, where this red's strongest channel is 1.6 × its Rec.2020 value: the standard
    // rendering's norm includes the sRGB channels.)
    const Rgb near = applyOne(p, {0.58f, 0.058f, 0.029f});
    EXPECT_LT(near.g, 0.4f * near.r);
}

TEST(Tone, AppliesToRegionsAndFourChannelViews) {
    Image img(8, 8, 3);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = 0.18f;
    ToneParams p;
    applyTone(img.view().region({2, 2, 3, 3}), p, nullptr);
    EXPECT_FLOAT_EQ(img.at(0, 0, 0), 0.18f);
    EXPECT_NEAR(img.at(3, 3, 1), toneCurveValue(p, 0.18f), 2e-4f);
    EXPECT_FLOAT_EQ(img.at(5, 5, 2), 0.18f);

    // A fourth channel is left alone.
    Image rgba(4, 2, 4);
    for (std::size_t i = 0; i < rgba.sampleCount(); ++i) rgba.data()[i] = 0.18f;
    rgba.at(1, 1, 3) = 0.5f;
    applyTone(rgba.view(), p, nullptr);
    EXPECT_NEAR(rgba.at(1, 1, 0), toneCurveValue(p, 0.18f), 2e-4f);
    EXPECT_FLOAT_EQ(rgba.at(1, 1, 3), 0.5f);
    EXPECT_FLOAT_EQ(rgba.at(0, 0, 3), 0.18f);
}

TEST(Tone, StopsWhenCancelled) {
    Image img(64, 64, 3);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = 0.5f;
    CancelToken token;
    token.cancel();
    EXPECT_THROW(applyTone(img.view(), ToneParams{}, &token), Cancelled);
}
