// SPDX-License-Identifier: GPL-3.0-or-later
// The fit of a learned look on samples made by a known transform (no pictures, no
// registration): the parameters recover a parametric look; the residual lattice reproduces
// what the samples say where they are, falls back smoothly where they are not (an offset seen
// on reds fades over the blues instead of growing or turning into noise), and keeps the grey
// axis neutral and monotone.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "look/look_internal.h"
#include "rangefinder/look.h"
#include "rangefinder/look_learn.h"

using namespace rf;

namespace {

Vec3 encodedOf(const Vec3& linear) {
    return {lookEncode(float(linear[0])), lookEncode(float(linear[1])),
            lookEncode(float(linear[2]))};
}

Vec3 linearOf(const Vec3& encoded) {
    return {lookDecode(float(encoded[0])), lookDecode(float(encoded[1])),
            lookDecode(float(encoded[2]))};
}

// A grid of look-encoded colours whose Oklab hue lies within `halfWidth` degrees of `hue`
// (all hues when halfWidth ≥ 180), and the greys.
std::vector<Vec3> colours(double hue, double halfWidth) {
    std::vector<Vec3> out;
    for (int r = 0; r <= 16; ++r)
        for (int g = 0; g <= 16; ++g)
            for (int b = 0; b <= 16; ++b) {
                const Vec3 e{r / 16.0, g / 16.0, b / 16.0};
                const Vec3 lab = look::oklabFromLinear(linearOf(e));
                const double h = std::atan2(lab[2], lab[1]) * 180 / 3.14159265358979;
                const double d = std::abs(std::remainder(h - hue, 360.0));
                if (halfWidth >= 180 || (std::hypot(lab[1], lab[2]) > 0.03 && d <= halfWidth))
                    out.push_back(e);
            }
    return out;
}

double oklabDistance(const Vec3& a, const Vec3& b) {
    const Vec3 la = look::oklabFromLinear(linearOf(a)), lb = look::oklabFromLinear(linearOf(b));
    return std::sqrt((la[0] - lb[0]) * (la[0] - lb[0]) + (la[1] - lb[1]) * (la[1] - lb[1]) +
                     (la[2] - lb[2]) * (la[2] - lb[2]));
}

}  // namespace

TEST(LookLearnFit, ParametersOfAParametricLookAreRecovered) {
    LookParams truth;
    truth.contrast = 0.3f;
    truth.brightness = 0.1f;
    truth.saturation = -0.2f;
    const look::ColorModel model(truth);
    std::vector<ColorSample> samples;
    for (const Vec3& c : colours(0, 180)) samples.push_back({c, model(c), 1});
    LearnOptions o;
    o.fitResidual = false;
    const LearnedLook l = fitLook(samples, o);
    // The values, a little shrunk by the fit's pull towards zero (which keeps parameters the
    // samples cannot tell apart from running off), and the look they make.
    EXPECT_NEAR(l.params.getFloat("look.tone.contrast"), 30, 7);
    EXPECT_NEAR(l.params.getFloat("look.tone.brightness"), 10, 4);
    EXPECT_NEAR(l.params.getFloat("look.color.saturation"), -20, 4);
    EXPECT_TRUE(l.lut.empty());
    const look::ColorModel fitted(LookParams::from(l.params));
    double sum = 0;
    for (const ColorSample& s : samples) sum += oklabDistance(fitted(s.base), s.target);
    EXPECT_LT(sum / double(samples.size()), 0.008);
}

// Only reds are shown, each shifted by the same Oklab offset towards yellow, and greys
// unchanged; nothing else.
TEST(LookLearnFit, TheLatticeFallsBackToTheNearestLearnedBehaviour) {
    const double db = 0.03;  // Oklab b offset, about 3 ΔE
    std::vector<ColorSample> samples;
    for (const Vec3& c : colours(25, 25)) {
        Vec3 lab = look::oklabFromLinear(linearOf(c));
        lab[2] += db;
        Vec3 lin = look::linearFromOklab(lab);
        bool inside = true;
        for (double v : lin) inside = inside && v >= 0 && v <= 1;
        if (inside) samples.push_back({c, encodedOf(lin), 1});
    }
    // The greys are in the examples too, and stay grey.
    for (int i = 0; i <= 16; ++i)
        samples.push_back({{i / 16.0, i / 16.0, i / 16.0}, {i / 16.0, i / 16.0, i / 16.0}, 1});
    ASSERT_GT(samples.size(), 50u);
    LearnOptions o;
    o.fitParameters = false;  // the lattice alone
    const LearnedLook l = fitLook(samples, o);
    ASSERT_EQ(l.lut.size(), 33);

    const auto offsetB = [&](const Vec3& c) {
        return look::oklabFromLinear(linearOf(l.lut.sample(c)))[2] -
               look::oklabFromLinear(linearOf(c))[2];
    };
    // Where the samples are, the lattice reproduces them.
    double worst = 0;
    for (const ColorSample& s : samples)
        worst = std::max(worst, oklabDistance(l.lut.sample(s.base), s.target));
    EXPECT_LT(worst, 0.01);
    // Next to them (an orange the samples stop short of) the offset carries over; far from
    // them (blues, the opposite hue) it fades towards none, never beyond what was learned.
    const double nearby = offsetB({0.85, 0.55, 0.3});
    const double far = offsetB({0.2, 0.3, 0.8});
    std::printf("  offset towards yellow: learned %.3f, nearby %.3f, far %.3f\n", db, nearby, far);
    EXPECT_GT(nearby, 0.4 * db);
    EXPECT_LT(std::abs(far), 0.4 * db);
    for (float v : l.lut.data()) {
        ASSERT_TRUE(std::isfinite(v));
        EXPECT_GE(v, -1e-4f);
        EXPECT_LE(v, 1 + 1e-4f);
    }
    // The grey axis stays neutral (the reds' offset does not leak into the greys next to
    // them) and monotone.
    double last = -1;
    for (int i = 0; i < 33; ++i) {
        const float* p = l.lut.at(i, i, i);
        const Vec3 lab = look::oklabFromLinear(linearOf({p[0], p[1], p[2]}));
        EXPECT_LT(std::hypot(lab[1], lab[2]), 0.01) << i;
        EXPECT_GE(lab[0], last - 1e-6) << i;
        last = lab[0];
    }
}
