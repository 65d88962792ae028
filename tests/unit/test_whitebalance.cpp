// SPDX-License-Identifier: GPL-3.0-or-later
// White balance and highlight handling: multipliers neutralise the light they were made for,
// temperature/tint invert, presets are ordered, clipped data turns neutral and never magenta.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/whitebalance.h"
#include "stages/whitebalance/locus.h"
#include "synth.h"

using namespace rf;

namespace {

Vec3 balance(const Mat3& cam, const Vec3& xyz, const Multipliers& m) {
    const Vec3 c = mul(cam, xyz);
    return {c[0] * m[0], c[1] * m[1], c[2] * m[2]};
}

void expectNeutral(const Vec3& v, double relTol) {
    const double mean = (v[0] + v[1] + v[2]) / 3;
    for (double c : v) EXPECT_NEAR(c / mean, 1.0, relTol) << v[0] << " " << v[1] << " " << v[2];
}

const Mat3 kCams[2] = {synth::cameraMatrixA(), synth::cameraMatrixB()};

}  // namespace

TEST(Locus, PlanckianMatchesIlluminantA) {
    // CIE illuminant A is a black body at 2856 K: (x, y) = (0.44757, 0.40745).
    double x = 0, y = 0;
    locus::uvToXy(locus::planckianUv(2856), x, y);
    EXPECT_NEAR(x, 0.44757, 5e-4);  // the approximation is good to a few 1e-4
    EXPECT_NEAR(y, 0.40745, 5e-4);
}

TEST(Locus, D65IsSlightlyGreenOfTheLocus) {
    double k = 0, tint = 0;
    locus::temperatureForUv(locus::xyzToUv(kD65), k, tint);
    EXPECT_NEAR(k, 6504, 30);
    // Duv of D65 is about +0.0032 (above the locus, green), which is tint ≈ −9.6.
    EXPECT_NEAR(tint, -9.6, 1.0);
}

TEST(WhiteBalance, GreyCardUnderIlluminantABecomesNeutral) {
    const Vec3 a = xyToXYZ(0.44757, 0.40745, 0.4);  // a grey card lit by illuminant A
    for (const Mat3& cam : kCams) {
        const Multipliers m = multipliersForTemperature(cam, 2856, 0);
        expectNeutral(balance(cam, a, m), 2e-3);
    }
}

TEST(WhiteBalance, GreyCardUnderDaylightBecomesNeutral) {
    // D65's own temperature and tint (6504 K, slightly green) must balance a D65 grey.
    double k = 0, tint = 0;
    locus::temperatureForUv(locus::xyzToUv(kD65), k, tint);
    const Vec3 grey{kD65[0] * 0.18, kD65[1] * 0.18, kD65[2] * 0.18};
    for (const Mat3& cam : kCams)
        expectNeutral(balance(cam, grey, multipliersForTemperature(cam, k, tint)), 1e-6);
}

TEST(WhiteBalance, MultipliersAreNormalisedToSmallestOne) {
    for (const Mat3& cam : kCams)
        for (double k : {2000.0, 3000.0, 5000.0, 9000.0, 30000.0, 50000.0}) {
            const Multipliers m = multipliersForTemperature(cam, k, 0);
            EXPECT_FLOAT_EQ(*std::min_element(m.begin(), m.end()), 1.0f);
            for (float v : m) EXPECT_TRUE(std::isfinite(v) && v >= 1.0f);
        }
}

TEST(WhiteBalance, WholeSliderRangeGivesValidMultipliers) {
    for (const Mat3& cam : kCams)
        for (double k : {2000.0, 50000.0})
            for (double tint : {-150.0, 150.0}) {
                const Multipliers m = multipliersForTemperature(cam, k, tint);
                for (float v : m) EXPECT_TRUE(std::isfinite(v) && v >= 1.0f);
            }
    EXPECT_THROW(multipliersForTemperature(kCams[0], 0, 0), Error);
    EXPECT_THROW(multipliersForTemperature(kCams[0], NAN, 0), Error);
}

TEST(WhiteBalance, TemperatureRoundTrip) {
    for (const Mat3& cam : kCams)
        for (double k : {2500.0, 3200.0, 5000.0, 6500.0, 10000.0})
            for (double tint : {-50.0, 0.0, 50.0}) {
                const auto [k2, t2] =
                    temperatureForMultipliers(cam, multipliersForTemperature(cam, k, tint));
                EXPECT_NEAR(k2, k, k * 1e-3) << k << " " << tint;
                EXPECT_NEAR(t2, tint, 0.2) << k << " " << tint;
            }
}

TEST(WhiteBalance, WarmerLightNeedsMoreBlueGainAndTintSignIsMagenta) {
    const Mat3& cam = kCams[0];
    double lastBlueOverRed = 1e9;
    for (double k : {2000.0, 2850.0, 4000.0, 5500.0, 7500.0, 15000.0}) {
        const Multipliers m = multipliersForTemperature(cam, k, 0);
        EXPECT_LT(m[2] / m[0], lastBlueOverRed) << k;
        lastBlueOverRed = m[2] / m[0];
    }
    // + tint is a magenta light (less green), so green needs relatively more gain.
    const Multipliers m0 = multipliersForTemperature(cam, 5000, 0);
    const Multipliers mp = multipliersForTemperature(cam, 5000, 50);
    const Multipliers mn = multipliersForTemperature(cam, 5000, -50);
    EXPECT_GT(mp[1] / mp[0], m0[1] / m0[0]);
    EXPECT_LT(mn[1] / mn[0], m0[1] / m0[0]);
}

TEST(WhiteBalance, PresetsAreOrdered) {
    const Mat3& cam = kCams[0];
    auto blueGain = [&](const char* p) {
        const auto [k, t] = presetTemperature(p);
        const Multipliers m = multipliersForTemperature(cam, k, t);
        return m[2] / m[0];
    };
    EXPECT_GT(blueGain("tungsten"), blueGain("fluorescent"));
    EXPECT_GT(blueGain("fluorescent"), blueGain("daylight"));
    EXPECT_GT(blueGain("daylight"), blueGain("flash"));
    EXPECT_GT(blueGain("flash"), blueGain("cloudy"));
    EXPECT_GT(blueGain("cloudy"), blueGain("shade"));
    EXPECT_GT(presetTemperature("fluorescent").second, 0);  // corrects the green cast
    EXPECT_THROW(presetTemperature("moonlight"), Error);
}

TEST(WhiteBalance, NeutralPicker) {
    const Vec3 patch{0.21, 0.47, 0.33};
    const Multipliers m = multipliersForNeutral(patch);
    EXPECT_FLOAT_EQ(*std::min_element(m.begin(), m.end()), 1.0f);
    expectNeutral({patch[0] * m[0], patch[1] * m[1], patch[2] * m[2]}, 1e-6);
    EXPECT_THROW(multipliersForNeutral({0.0, 0.4, 0.3}), Error);
    EXPECT_THROW(multipliersForNeutral({0.2, -0.1, 0.3}), Error);
    EXPECT_THROW(multipliersForNeutral({0.2, 0.99, 0.3}), Error);
    EXPECT_THROW(multipliersForNeutral({0.2, 0.4, NAN}), Error);
    // The picked multipliers map back to a temperature that reproduces them.
    const Mat3& cam = kCams[1];
    const Vec3 light = mul(cam, xyToXYZ(0.40, 0.39, 0.3));
    const Multipliers mp = multipliersForNeutral(light);
    const auto [k, t] = temperatureForMultipliers(cam, mp);
    const Multipliers back = multipliersForTemperature(cam, k, t);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(back[c], mp[c], 1e-3 * mp[c]);
}

TEST(WhiteBalance, ParamsFromDocument) {
    EditDocument doc;
    WhiteBalanceParams p = WhiteBalanceParams::from(doc);
    EXPECT_EQ(p.mode, "as_shot");
    doc.setText("wb.mode", "custom");
    doc.setFloat("wb.temperature", 3400);
    doc.setFloat("wb.tint", -12);
    p = WhiteBalanceParams::from(doc);
    EXPECT_EQ(p.mode, "custom");
    EXPECT_DOUBLE_EQ(p.temperature, 3400);
    EXPECT_DOUBLE_EQ(p.tint, -12);
}

TEST(WhiteBalance, ResolveModes) {
    RawImage raw;
    raw.path = "x.dng";
    raw.asShotMultipliers = {2.0f, 1.0f, 1.5f};
    raw.daylightMultipliers = {2.2f, 1.0f, 1.3f};
    raw.cameraFromXYZ = kCams[0];
    raw.hasColorMatrix = true;
    WhiteBalanceParams p;
    Multipliers m = resolveWhiteBalance(raw, p);
    EXPECT_FLOAT_EQ(m[0], 2.0f);
    EXPECT_FLOAT_EQ(m[1], 1.0f);
    EXPECT_FLOAT_EQ(m[2], 1.5f);
    raw.asShotMultipliers = {1.0f, 0.5f, 0.75f};  // not normalised: renormalised
    m = resolveWhiteBalance(raw, p);
    EXPECT_FLOAT_EQ(m[0], 2.0f);
    EXPECT_FLOAT_EQ(m[1], 1.0f);

    p.mode = "custom";
    p.temperature = 4100;
    p.tint = 7;
    EXPECT_EQ(resolveWhiteBalance(raw, p), multipliersForTemperature(kCams[0], 4100, 7));
    p.mode = "tungsten";
    EXPECT_EQ(resolveWhiteBalance(raw, p), multipliersForTemperature(kCams[0], 2850, 0));

    // No colour matrix: the daylight multipliers anchor a stand-in temperature model.
    raw.hasColorMatrix = false;
    double kD = 0, tD = 0;
    locus::temperatureForUv(locus::xyzToUv(kD65), kD, tD);
    p.mode = "custom";
    p.temperature = kD;
    p.tint = tD;
    m = resolveWhiteBalance(raw, p);
    EXPECT_NEAR(m[0], 2.2f, 1e-4);
    EXPECT_NEAR(m[1], 1.0f, 1e-4);
    EXPECT_NEAR(m[2], 1.3f, 1e-4);
    p.mode = "tungsten";
    const Multipliers mt = resolveWhiteBalance(raw, p);
    EXPECT_GT(mt[2] / mt[0], m[2] / m[0]);
    p.mode = "nonsense";
    EXPECT_THROW(resolveWhiteBalance(raw, p), Error);
}

// The sliders show what "as shot" stands for; switching to custom at those values must
// render the same balance, with and without a colour matrix.
TEST(WhiteBalance, TemperatureOfASettingRoundTrips) {
    RawImage raw;
    raw.path = "x.dng";
    raw.cameraFromXYZ = kCams[1];
    raw.hasColorMatrix = true;
    raw.asShotMultipliers = multipliersForTemperature(kCams[1], 4300, 12);
    raw.daylightMultipliers = {2.2f, 1.0f, 1.3f};
    for (bool matrix : {true, false}) {
        raw.hasColorMatrix = matrix;
        WhiteBalanceParams p;
        const auto [kelvin, tint] = whiteBalanceTemperature(raw, p);
        if (matrix) {
            EXPECT_NEAR(kelvin, 4300, 5);
            EXPECT_NEAR(tint, 12, 0.5);
        }
        const Multipliers asShot = resolveWhiteBalance(raw, p);
        p.mode = "custom";
        p.temperature = kelvin;
        p.tint = tint;
        const Multipliers custom = resolveWhiteBalance(raw, p);
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(custom[c], asShot[c], 2e-3 * asShot[c]) << c;
        EXPECT_EQ(whiteBalanceTemperature(raw, p), std::make_pair(kelvin, tint));
    }
    WhiteBalanceParams shade;
    shade.mode = "shade";
    EXPECT_EQ(whiteBalanceTemperature(raw, shade), presetTemperature("shade"));
}

TEST(WhiteBalance, ApplyBayerPerSiteAndClip) {
    const Multipliers m{2.0f, 1.0f, 1.6f};
    for (const CfaPattern cfa : {CfaPattern{0, 1, 1, 2}, CfaPattern{1, 0, 2, 1},
                                 CfaPattern{2, 1, 1, 0}, CfaPattern{1, 2, 0, 1}}) {
        Image img(37, 21, 1);
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                img.at(x, y) = (x + 3 * y) % 7 == 0 ? 1.0f : 0.05f * float((x * y) % 9);
        Image rec = img;
        applyWhiteBalance(img.view(), SensorLayout::Bayer, cfa, m, HighlightMode::Clip);
        applyWhiteBalance(rec.view(), SensorLayout::Bayer, cfa, m, HighlightMode::Reconstruct);
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) {
                const float in = (x + 3 * y) % 7 == 0 ? 1.0f : 0.05f * float((x * y) % 9);
                const float g = m[cfa[(y & 1) * 2 + (x & 1)]];
                EXPECT_FLOAT_EQ(rec.at(x, y), in * g);
                EXPECT_FLOAT_EQ(img.at(x, y), std::min(in * g, 1.0f));
                if (in == 1.0f) {
                    EXPECT_EQ(img.at(x, y), 1.0f);  // clipped site → exactly 1
                }
            }
    }
    Image wrong(4, 4, 3);
    EXPECT_THROW(
        applyWhiteBalance(wrong.view(), SensorLayout::Bayer, {0, 1, 1, 2}, m, HighlightMode::Clip),
        Error);
}

TEST(WhiteBalance, ClipModeMakesClippedLinearPixelsExactlyNeutral) {
    const Multipliers m = multipliersForTemperature(kCams[0], 3000, 0);
    Image img(8, 4, 3);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 8; ++x) {
            img.at(x, y, 0) = x < 4 ? 1.0f : 0.2f;
            img.at(x, y, 1) = 1.0f;
            img.at(x, y, 2) = x < 4 ? 1.0f : 0.3f;
        }
    applyWhiteBalance(img.view(), SensorLayout::Linear, {}, m, HighlightMode::Clip);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x)
            for (int c = 0; c < 3; ++c) EXPECT_EQ(img.at(x, y, c), 1.0f);
    EXPECT_FLOAT_EQ(img.at(5, 1, 0), std::min(0.2f * m[0], 1.0f));
    EXPECT_FLOAT_EQ(img.at(5, 1, 2), std::min(0.3f * m[2], 1.0f));
}

namespace {

// One pixel through reconstructHighlights.
Vec3 reconstruct(const Vec3& v, const Multipliers& m) {
    Image img(1, 1, 3);
    for (int c = 0; c < 3; ++c) img.at(0, 0, c) = float(v[c]);
    reconstructHighlights(img.view(), m);
    return {img.at(0, 0, 0), img.at(0, 0, 1), img.at(0, 0, 2)};
}

// Balanced camera RGB of a light of the given balanced colour and brightness, clipped the way
// the sensor clips (at m[c] after balancing).
Vec3 clippedLight(const Vec3& color, double s, const Multipliers& m) {
    return {std::min(color[0] * s, double(m[0])), std::min(color[1] * s, double(m[1])),
            std::min(color[2] * s, double(m[2]))};
}

const Multipliers kMults[3] = {{2.1f, 1.0f, 1.55f}, {1.0f, 1.3f, 2.4f}, {1.4f, 1.0f, 3.0f}};

}  // namespace

TEST(Highlights, FullyClippedIsNeutralWhiteAtTheTopLevel) {
    for (const Multipliers& m : kMults) {
        const float top = std::max({m[0], m[1], m[2]});
        const Vec3 out = reconstruct({m[0], m[1], m[2]}, m);
        EXPECT_EQ(out[0], out[1]);
        EXPECT_EQ(out[1], out[2]);
        EXPECT_FLOAT_EQ(float(out[0]), top);
        // Demosaicing overshoot above the ceilings is still neutral.
        const Vec3 over = reconstruct({m[0] * 1.02, m[1] * 1.05, m[2]}, m);
        EXPECT_EQ(over[0], over[1]);
        EXPECT_EQ(over[1], over[2]);
    }
}

TEST(Highlights, NeutralLightStaysNeutralAsChannelsClip) {
    for (const Multipliers& m : kMults) {
        double lastLevel = 0;
        for (double s = 0.5; s <= 4.0; s += 0.01) {
            const Vec3 out = reconstruct(clippedLight({1, 1, 1}, s, m), m);
            expectNeutral(out, 0.015);
            const double level = (out[0] + out[1] + out[2]) / 3;
            EXPECT_GE(level, lastLevel - 1e-6) << s;  // brighter light never renders darker
            lastLevel = level;
        }
    }
}

TEST(Highlights, ColoredLightsNeverTurnMagenta) {
    // Warm, cool, greenish and skin-like lights brightening through every clipping stage.
    const Vec3 lights[] = {{1.0, 0.7, 0.45}, {0.55, 0.8, 1.0}, {0.6, 1.0, 0.5}, {1.0, 0.8, 0.7}};
    for (const Multipliers& m : kMults)
        for (const Vec3& light : lights)
            for (double s = 0.3; s <= 6.0; s += 0.02) {
                const Vec3 out = reconstruct(clippedLight(light, s, m), m);
                for (double c : out) EXPECT_TRUE(std::isfinite(c));
                // Magenta is green below both red and blue; unclipped input was not magenta,
                // so the repaired pixel must not be either.
                EXPECT_GE(out[1], std::min(out[0], out[2]) - 1e-5)
                    << "light " << light[0] << "," << light[1] << "," << light[2] << " s=" << s;
            }
}

TEST(Highlights, ClippedGreenIsRebuiltFromRedAndBlue) {
    const Multipliers m{2.1f, 1.0f, 1.55f};
    const Vec3 out = reconstruct({1.5, 1.0, 1.4}, m);
    EXPECT_GT(out[1], 1.4);  // green raised to the level of the others, not left at 1
    EXPECT_FLOAT_EQ(float(out[0]), 1.5f);
    EXPECT_FLOAT_EQ(float(out[2]), 1.4f);
}

TEST(Highlights, UnclippedPixelsAreUntouchedAndOutputIsFinite) {
    const Multipliers m{2.1f, 1.0f, 1.55f};
    Image img(64, 16, 3);
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 64; ++x)
            for (int c = 0; c < 3; ++c) img.at(x, y, c) = 0.9f * m[c] * float((x + c) % 8) / 8;
    Image before = img;
    reconstructHighlights(img.view(), m);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) EXPECT_EQ(img.data()[i], before.data()[i]);

    for (const Vec3& v :
         {Vec3{1e30, 1e30, 1e30}, Vec3{-0.01, 1.0, 0.0}, Vec3{0, 0, 0}, Vec3{5.0, -1.0, 5.0}}) {
        const Vec3 out = reconstruct(v, m);
        for (double c : out) {
            EXPECT_TRUE(std::isfinite(c));
            EXPECT_LE(c, 2.1 + 1e-6);
        }
    }
}
