// SPDX-License-Identifier: GPL-3.0-or-later
// The look engine: reading look.* parameters, the colour transform (curve, mono, saturation,
// hue bands, split toning, external LUT), its bake, the spatial effects (vignette, grain),
// strength, and the stage's place in the pipeline (after tone, before the output profile).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "look/look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/look.h"
#include "rangefinder/lut.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;

namespace {

double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}

Vec3 decoded(const Vec3& e) {
    return {lookDecode(float(e[0])), lookDecode(float(e[1])), lookDecode(float(e[2]))};
}

// CIELAB (D65) of a display-linear Rec.2020 colour; of a look-encoded one.
Vec3 labOfLinear(const Vec3& lin) {
    return xyzToLab(mul(xyzFromLinearRec2020(), lin), kD65);
}
Vec3 labOfEncoded(const Vec3& e) {
    return labOfLinear(decoded(e));
}
double chroma(const Vec3& lab) {
    return std::hypot(lab[1], lab[2]);
}

// Look-encoded colour of a linear-sRGB colour.
Vec3 encodedFromLinearSRGB(const Vec3& srgb) {
    const Vec3 rec = mul(inverse(xyzFromLinearRec2020()), mul(xyzFromLinearSRGB(), srgb));
    return {lookEncode(float(clamp01(rec[0]))), lookEncode(float(clamp01(rec[1]))),
            lookEncode(float(clamp01(rec[2])))};
}

// The published definitions the interchange spaces are checked against, written out here
// rather than taken from the code under test: ITU-R BT.2087's BT.709 (sRGB) → BT.2020 matrix,
// the BT.709 → ACEScg (AP1) matrix with Bradford adaptation as the ACES documentation and
// OpenColorIO's ACES configurations give it (four decimals), and ACEScct's curve from Academy
// S-2016-001.
const Mat3 kRec2020FromSrgb = {
    {{0.6274, 0.3293, 0.0433}, {0.0691, 0.9195, 0.0114}, {0.0164, 0.0880, 0.8956}}};
const Mat3 kAp1FromSrgb = {
    {{0.6131, 0.3395, 0.0474}, {0.0702, 0.9164, 0.0135}, {0.0206, 0.1096, 0.8698}}};
const Mat3 kAp1FromRec2020 = mul(kAp1FromSrgb, inverse(kRec2020FromSrgb));

double acesCctFromLinear(double x) {
    return x <= 0.0078125 ? 10.5402377416545 * x + 0.0729055341958355
                          : (std::log2(x) + 9.72) / 17.52;
}
double linearFromAcesCct(double y) {
    return y <= 0.155251141552511 ? (y - 0.0729055341958355) / 10.5402377416545
                                  : std::exp2(y * 17.52 - 9.72);
}
Vec3 acesCctFromRec2020(const Vec3& lin) {
    const Vec3 ap1 = mul(kAp1FromRec2020, lin);
    return {acesCctFromLinear(ap1[0]), acesCctFromLinear(ap1[1]), acesCctFromLinear(ap1[2])};
}
Vec3 rec2020FromAcesCct(const Vec3& cct) {
    return mul(inverse(kAp1FromRec2020), Vec3{linearFromAcesCct(cct[0]), linearFromAcesCct(cct[1]),
                                              linearFromAcesCct(cct[2])});
}

std::vector<Vec3> randomColors(int n, unsigned seed = 7) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<Vec3> out;
    for (int i = 0; i < n; ++i) out.push_back({u(rng), u(rng), u(rng)});
    return out;
}

// A look that exercises every part of the colour transform.
LookParams fullColorLook() {
    LookParams p;
    p.contrast = 0.35f;
    p.brightness = 0.1f;
    p.toe = 0.2f;
    p.shoulder = 0.15f;
    p.saturation = 0.2f;
    p.vibrance = 0.3f;
    p.bands[0] = {10, 0.2f, -0.1f};  // red
    p.bands[5] = {-15, 0.3f, 0.2f};  // blue
    p.bands[3] = {5, -0.3f, 0.0f};   // green
    p.shadowHue = 220;
    p.shadowSaturation = 0.3f;
    p.highlightHue = 60;
    p.highlightSaturation = 0.2f;
    return p;
}

Image flat(int w, int h, float v) {
    Image img(w, h, 3);
    std::fill(img.data(), img.data() + img.sampleCount(), v);
    return img;
}

Image randomImage(int w, int h, unsigned seed = 3) {
    Image img(w, h, 3);
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(0, 1);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = u(rng);
    return img;
}

// Curve value at a grey.
double curveAt(const LookParams& p, double x) {
    return lookColor(p, {x, x, x})[1];
}

// Tests that register in-memory LUTs for paths do so through this, which undoes it.
struct LutOverride {
    std::string path;
    LutOverride(std::string pth, Lut3D lut) : path(std::move(pth)) {
        look::overrideLutFile(path, std::make_shared<const Lut3D>(std::move(lut)));
    }
    ~LutOverride() { look::overrideLutFile(path, nullptr); }
};

}  // namespace

// ---- parameters ----------------------------------------------------------------------

TEST(LookParams, ReadsSlidersInEngineUnits) {
    EditDocument d;
    d.setText("look.name", "Test");
    d.setFloat("look.strength", 60);
    d.setFloat("look.tone.contrast", 50);
    d.setFloat("look.tone.pivot", 0.4);
    d.setFloat("look.color.vibrance", -20);
    d.setFloat("look.hsl.blue.hue", -12);
    d.setFloat("look.hsl.blue.saturation", 30);
    d.setFloat("look.split.shadow_saturation", 25);
    d.setFloat("look.vignette.amount", -1.5);
    d.setFloat("look.vignette.midpoint", 30);
    d.setFloat("look.grain.amount", 40);
    const LookParams p = LookParams::from(d);
    EXPECT_EQ(p.name, "Test");
    EXPECT_FLOAT_EQ(p.strength, 0.6f);
    EXPECT_FLOAT_EQ(p.contrast, 0.5f);
    EXPECT_FLOAT_EQ(p.pivot, 0.4f);
    EXPECT_FLOAT_EQ(p.vibrance, -0.2f);
    EXPECT_FLOAT_EQ(p.bands[5].hue, -12.f);
    EXPECT_FLOAT_EQ(p.bands[5].saturation, 0.3f);
    EXPECT_FLOAT_EQ(p.shadowSaturation, 0.25f);
    EXPECT_FLOAT_EQ(p.vignetteEv, -1.5f);
    EXPECT_FLOAT_EQ(p.vignetteMidpoint, 0.3f);
    EXPECT_FLOAT_EQ(p.grainAmount, 0.4f);
    EXPECT_TRUE(p.hasColor());
    EXPECT_TRUE(p.hasVignette());
    EXPECT_TRUE(p.hasGrain());
    EXPECT_FALSE(p.isIdentity());
    EXPECT_EQ(std::string(hueBandNames()[5]), "blue");
}

TEST(LookParams, DefaultsAndZeroStrengthAreTheIdentity) {
    EXPECT_TRUE(LookParams::from(EditDocument()).isIdentity());
    EXPECT_FALSE(LookParams::from(EditDocument()).hasColor());
    EditDocument d;
    d.setFloat("look.tone.contrast", 40);
    EXPECT_FALSE(LookParams::from(d).isIdentity());
    d.setFloat("look.strength", 0);
    EXPECT_TRUE(LookParams::from(d).isIdentity());
}

TEST(LookParams, CurvePointsAreParsedSortedAndValidated) {
    EditDocument d;
    d.setText("look.tone.curve", " 1,1  0,0.05 0.5,0.55 ");
    const LookParams p = LookParams::from(d);
    ASSERT_EQ(p.curve.size(), 3u);
    EXPECT_FLOAT_EQ(p.curve[0].first, 0.f);
    EXPECT_FLOAT_EQ(p.curve[0].second, 0.05f);
    EXPECT_FLOAT_EQ(p.curve[1].first, 0.5f);
    EXPECT_FLOAT_EQ(p.curve[2].second, 1.f);
    for (const char* junk : {"0,0 abc", "0,0 0.5", "0,0 0.5;0.5 1,1", "0,0 1,1.5", "0.5,0.5",
                             "0,0 0.5,0.4 0.5,0.6", "0,0 -0.1,0.2", "0,0 1,1x"}) {
        d.setText("look.tone.curve", junk);
        try {
            LookParams::from(d);
            ADD_FAILURE() << "accepted '" << junk << "'";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("look.tone.curve"), std::string::npos) << e.what();
        }
    }
}

TEST(LookParams, MonoMixIsNormalisedAndAZeroSumIsAnError) {
    EditDocument d;
    d.setBool("look.mono.enabled", true);
    d.setFloat("look.mono.red", 100);
    d.setFloat("look.mono.green", 200);
    d.setFloat("look.mono.blue", -100);
    const LookParams p = LookParams::from(d);
    EXPECT_NEAR(p.monoMix[0], 0.5, 1e-12);
    EXPECT_NEAR(p.monoMix[1], 1.0, 1e-12);
    EXPECT_NEAR(p.monoMix[2], -0.5, 1e-12);
    d.setFloat("look.mono.red", 100);
    d.setFloat("look.mono.green", 100);
    d.setFloat("look.mono.blue", -200);  // sums to 0
    EXPECT_THROW(LookParams::from(d), Error);
}

TEST(LookParams, LutFilesResolveAgainstTheLookFolders) {
    test::TempDir a("look-dirs-a"), b("look-dirs-b");
    std::ofstream(b.str("film.cube")) << "LUT_3D_SIZE 2\n";
    EditDocument d;
    d.setText("look.lut.file", "film.cube");
    d.setText("look.lut.encoding", "display-p3");
    const LookParams p = LookParams::from(d, {a.str(), b.str()});
    EXPECT_EQ(p.lutFile, b.str("film.cube"));
    EXPECT_EQ(p.lutEncoding, LutEncoding::DisplayP3);
    EXPECT_TRUE(p.hasColor());

    d.setText("look.lut.file", b.str("film.cube"));  // absolute
    EXPECT_EQ(LookParams::from(d).lutFile, b.str("film.cube"));

    d.setText("look.lut.file", "missing.cube");
    try {
        LookParams::from(d, {a.str(), b.str()});
        FAIL() << "a missing LUT was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("missing.cube"), std::string::npos) << e.what();
    }
    d.setText("look.lut.file", a.str("missing.cube"));
    EXPECT_THROW(LookParams::from(d), Error);
}

TEST(LookParams, ColorHashFollowsColorOnly) {
    LookParams p = fullColorLook();
    const std::uint64_t h = p.colorHash();
    p.strength = 0.3f;
    p.vignetteEv = -1;
    p.grainAmount = 0.5f;
    EXPECT_EQ(p.colorHash(), h);
    p.bands[2].luminance = 0.1f;
    EXPECT_NE(p.colorHash(), h);
}

// ---- the curve -----------------------------------------------------------------------

TEST(LookCurve, SlopeAtThePivotIsOnePlusContrast) {
    for (float contrast : {-1.0f, -0.6f, -0.2f, 0.25f, 0.5f, 1.0f})
        for (float pivot : {0.25f, 0.47f, 0.7f}) {
            LookParams p;
            p.contrast = contrast;
            p.pivot = pivot;
            const double h = 1e-4;
            const double slope = (curveAt(p, pivot + h) - curveAt(p, pivot - h)) / (2 * h);
            EXPECT_NEAR(slope, 1 + contrast, 2e-3) << "contrast " << contrast << " pivot " << pivot;
            EXPECT_NEAR(curveAt(p, pivot), pivot, 1e-6);
            EXPECT_NEAR(curveAt(p, 0), 0, 1e-9);
            EXPECT_NEAR(curveAt(p, 1), 1, 1e-9);
            for (double x = 0; x < 1; x += 0.01)
                EXPECT_LE(curveAt(p, x), curveAt(p, x + 0.01) + 1e-12) << "not monotone at " << x;
        }
}

TEST(LookCurve, ToeShoulderAndBrightness) {
    LookParams p;
    p.toe = 1;
    EXPECT_NEAR(curveAt(p, 0), 0.08, 1e-9);  // faded blacks
    p.toe = -1;
    EXPECT_NEAR(curveAt(p, 0.06), 0, 1e-9);  // crushed: the input black point moved up
    EXPECT_GT(curveAt(p, 0.1), 0);
    p.toe = 0;
    p.shoulder = 1;
    EXPECT_NEAR(curveAt(p, 1), 0.92, 1e-9);
    p.shoulder = -1;
    EXPECT_NEAR(curveAt(p, 0.94), 1, 1e-9);
    p.shoulder = 0;
    p.brightness = 0.5f;
    EXPECT_GT(curveAt(p, 0.4), 0.45);
    EXPECT_NEAR(curveAt(p, 0), 0, 1e-12);
    EXPECT_NEAR(curveAt(p, 1), 1, 1e-12);
}

TEST(LookCurve, ControlPointsAreInterpolatedMonotonically) {
    LookParams p;
    p.curve = {{0, 0.02f}, {0.25f, 0.1f}, {0.5f, 0.6f}, {0.75f, 0.62f}, {1, 0.95f}};
    for (const auto& [x, y] : p.curve) EXPECT_NEAR(curveAt(p, x), y, 1e-6);
    // Fritsch–Carlson: no overshoot between the nearly flat pair.
    for (double x = 0; x < 1; x += 0.002) {
        EXPECT_LE(curveAt(p, x), curveAt(p, x + 0.002) + 1e-12);
        if (x > 0.5 && x < 0.75) {
            EXPECT_LE(curveAt(p, x), 0.62 + 1e-9);
        }
    }
}

TEST(LookCurve, AppliedToTheNormSoHuesAreKept) {
    LookParams p;
    p.contrast = 0.6f;
    const Vec3 in = {0.7, 0.35, 0.2};
    const Vec3 out = lookColor(p, in);
    // max-norm scaling: the channel ratios survive (no toe or shoulder here).
    EXPECT_NEAR(out[1] / out[0], in[1] / in[0], 1e-9);
    EXPECT_NEAR(out[2] / out[0], in[2] / in[0], 1e-9);
    EXPECT_NEAR(out[0], curveAt(p, 0.7), 1e-9);
}

// ---- colour --------------------------------------------------------------------------

TEST(LookColor, GreysStayNeutralExceptUnderSplitToning) {
    std::vector<std::pair<std::string, LookParams>> looks;
    LookParams p;
    p.contrast = 0.5f, p.toe = 0.3f, p.shoulder = -0.4f, p.brightness = -0.2f;
    looks.push_back({"curve", p});
    p = {};
    p.curve = {{0, 0.1f}, {0.4f, 0.5f}, {1, 0.9f}};
    looks.push_back({"control points", p});
    p = {};
    p.saturation = 0.8f, p.vibrance = 0.7f;
    looks.push_back({"saturation", p});
    p = {};
    for (auto& b : p.bands) b = {30, 0.5f, 0.5f};
    looks.push_back({"bands", p});
    p = {};
    p.mono = true, p.monoMix = {0.6, 0.5, -0.1};
    looks.push_back({"mono", p});
    looks.push_back({"everything but split", [] {
                         LookParams q = fullColorLook();
                         q.shadowSaturation = q.highlightSaturation = 0;
                         return q;
                     }()});

    for (const auto& [name, look] : looks)
        for (double g = 0; g <= 1.0; g += 0.05) {
            const Vec3 out = lookColor(look, {g, g, g});
            EXPECT_EQ(out[0], out[1]) << name << " at " << g;
            EXPECT_EQ(out[1], out[2]) << name << " at " << g;
            // And through the baked LUT the stage uses, exactly as well.
            Image img = flat(4, 1, float(lookDecode(float(g))));
            LookParams full = look;
            applyLook(img.view(), full);
            EXPECT_EQ(img.at(1, 0, 0), img.at(1, 0, 1)) << name << " (stage) at " << g;
            EXPECT_EQ(img.at(1, 0, 1), img.at(1, 0, 2)) << name << " (stage) at " << g;
        }

    LookParams split;
    split.shadowHue = 220, split.shadowSaturation = 0.5f;
    split.highlightHue = 60, split.highlightSaturation = 0.5f;
    const Vec3 dark = labOfEncoded(lookColor(split, {0.2, 0.2, 0.2}));
    const Vec3 light = labOfEncoded(lookColor(split, {0.8, 0.8, 0.8}));
    EXPECT_GT(chroma(dark), 2.0);
    EXPECT_GT(chroma(light), 2.0);
    EXPECT_LT(dark[2], 0);   // shadows towards blue (b* < 0)
    EXPECT_GT(light[2], 0);  // highlights towards yellow-orange
}

TEST(LookColor, MonoLeavesNoChroma) {
    LookParams p;
    p.mono = true;
    p.monoMix = {0.2, 0.7, 0.1};
    p.contrast = 0.3f;
    for (const Vec3& c : randomColors(2000)) {
        const Vec3 out = lookColor(p, c);
        EXPECT_LE(chroma(labOfEncoded(out)), 1.0);
        EXPECT_EQ(out[0], out[1]);
        EXPECT_EQ(out[1], out[2]);
    }
    // The channel mix decides the grey: a red filter lightens reds.
    LookParams red = p;
    red.monoMix = {1, 0, 0};
    const Vec3 redPatch = {0.8, 0.2, 0.2};
    EXPECT_GT(lookColor(red, redPatch)[0], lookColor(p, redPatch)[0] + 0.1);

    Image img = randomImage(64, 48);
    applyLook(img.view(), p);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const Vec3 lin = {img.at(x, y, 0), img.at(x, y, 1), img.at(x, y, 2)};
            EXPECT_LE(chroma(labOfLinear(lin)), 1.0);
        }
}

TEST(LookColor, SaturationAndVibrance) {
    LookParams sat;
    sat.saturation = -1;  // black and white
    for (const Vec3& c : randomColors(300)) EXPECT_LT(chroma(labOfEncoded(lookColor(sat, c))), 1);
    sat.saturation = 0.4f;
    const Vec3 muted = {0.5, 0.42, 0.45};
    EXPECT_GT(chroma(labOfEncoded(lookColor(sat, muted))), chroma(labOfEncoded(muted)) * 1.3);

    // Vibrance lifts a muted colour more than a saturated one, and spares skin.
    LookParams vib;
    vib.vibrance = 1;
    const auto gain = [&](const Vec3& c) {
        return chroma(labOfEncoded(lookColor(vib, c))) / chroma(labOfEncoded(c));
    };
    const Vec3 mutedBlue = {0.45, 0.5, 0.58}, vividBlue = {0.1, 0.25, 0.9};
    EXPECT_GT(gain(mutedBlue), gain(vividBlue) + 0.2);
    const Vec3 skin = encodedFromLinearSRGB(synth::patchLinearSRGB(synth::colorChecker()[1]));
    const Vec3 mutedGreen = {0.42, 0.5, 0.42};
    EXPECT_LT(gain(skin), gain(mutedGreen) - 0.2) << "skin is not spared";
}

TEST(LookColor, AHueBandMovesOnlyItsBand) {
    LookParams p;
    p.bands[5].hue = 30;  // blue
    p.bands[5].saturation = 0.3f;
    const auto& chart = synth::colorChecker();
    const auto shift = [&](int patch) {
        const Vec3 in = encodedFromLinearSRGB(synth::patchLinearSRGB(chart[patch]));
        return deltaE2000(labOfEncoded(in), labOfEncoded(lookColor(p, in)));
    };
    EXPECT_GT(shift(12), 5.0);  // blue
    EXPECT_LT(shift(14), 1e-6) << "red moved";
    EXPECT_LT(shift(15), 1e-6) << "yellow moved";
    EXPECT_LT(shift(13), 1e-6) << "green moved";
    for (int grey = 18; grey < 24; ++grey) EXPECT_LT(shift(grey), 0.01);  // nearly neutral

    // Luminance darkens the band's colours only.
    LookParams lum;
    lum.bands[0].luminance = -0.8f;  // red
    const Vec3 red = encodedFromLinearSRGB(synth::patchLinearSRGB(chart[14]));
    const Vec3 blue = encodedFromLinearSRGB(synth::patchLinearSRGB(chart[12]));
    EXPECT_LT(labOfEncoded(lookColor(lum, red))[0], labOfEncoded(red)[0] - 3);
    EXPECT_NEAR(labOfEncoded(lookColor(lum, blue))[0], labOfEncoded(blue)[0], 1e-6);
}

TEST(LookColor, AnIdentityExternalLutChangesNothing) {
    const LutOverride lut("/nonexistent/identity.cube", Lut3D(17));
    LookParams p;
    p.lutFile = lut.path;
    p.lutEncoding = LutEncoding::Rec2020;
    for (const Vec3& c : randomColors(500)) {
        const Vec3 out = lookColor(p, c);
        for (int k = 0; k < 3; ++k) EXPECT_NEAR(out[k], c[k], 1e-6);  // the LUT holds floats
    }
    // In sRGB encoding, every colour inside the sRGB gamut comes back too.
    p.lutEncoding = LutEncoding::SRGB;
    for (const Vec3& s : randomColors(500, 11)) {
        const Vec3 c =
            encodedFromLinearSRGB({srgbDecode(s[0]), srgbDecode(s[1]), srgbDecode(s[2])});
        const Vec3 out = lookColor(p, c);
        for (int k = 0; k < 3; ++k) EXPECT_NEAR(out[k], c[k], 1e-6);
    }
    // And through the stage, within the baked grid's interpolation.
    Image img = randomImage(64, 32);
    const Image before = img;
    p.lutEncoding = LutEncoding::Rec2020;
    applyLook(img.view(), p);
    double worst = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const Vec3 a = {before.at(x, y, 0), before.at(x, y, 1), before.at(x, y, 2)};
            const Vec3 b = {img.at(x, y, 0), img.at(x, y, 1), img.at(x, y, 2)};
            worst = std::max(worst, deltaE2000(labOfLinear(a), labOfLinear(b)));
        }
    EXPECT_LT(worst, 0.5);
}

// Warmth tints greys towards amber (+) or blue (−) in proportion to their lightness: black
// stays black, white stays white, mid-grey moves most visibly.
TEST(LookColor, WarmthTintsByLightnessAndKeepsBlackAndWhite) {
    LookParams warm;
    warm.warmth = 0.6f;
    LookParams cool;
    cool.warmth = -0.6f;
    EXPECT_TRUE(warm.hasColor());
    const Vec3 grey = {0.47, 0.47, 0.47};
    const Vec3 w = lookColor(warm, grey), c = lookColor(cool, grey);
    EXPECT_GT(w[0], w[2] + 0.03) << "warm: more red than blue";
    EXPECT_GT(c[2], c[0] + 0.03) << "cool: more blue than red";
    for (const Vec3& end : {Vec3{0, 0, 0}, Vec3{1, 1, 1}}) {
        const Vec3 out = lookColor(warm, end);
        for (int ch = 0; ch < 3; ++ch) EXPECT_NEAR(out[ch], end[ch], 2e-3) << ch;
    }
    const Vec3 dark = lookColor(warm, {0.2, 0.2, 0.2});
    EXPECT_LT(dark[0] - dark[2], w[0] - w[2]) << "a darker grey is tinted less";
}

TEST(LookColor, AnExternalLutIsReadInItsOwnEncoding) {
    // A LUT that swaps red and blue, in sRGB encoding: an sRGB red becomes an sRGB blue.
    Lut3D swap(9);
    for (int b = 0; b < 9; ++b)
        for (int g = 0; g < 9; ++g)
            for (int r = 0; r < 9; ++r) {
                float* v = swap.at(r, g, b);
                std::swap(v[0], v[2]);
            }
    const LutOverride lut("/nonexistent/swap.cube", swap);
    LookParams p;
    p.lutFile = lut.path;
    p.lutEncoding = LutEncoding::SRGB;
    const Vec3 red = encodedFromLinearSRGB({0.6, 0.1, 0.05});
    const Vec3 want = encodedFromLinearSRGB({0.05, 0.1, 0.6});
    const Vec3 got = lookColor(p, red);
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(got[k], want[k], 1e-6);
}

TEST(LookColor, LutFilesAreReadAndReadAgainWhenTheyChange) {
    test::TempDir dir("look-lut-file");
    const std::string path = dir.str("film.cube");
    writeCube(path, Lut3D(9));
    EditDocument d;
    d.setText("look.lut.file", "film.cube");
    d.setText("look.lut.encoding", "rec2020");
    const LookParams identity = LookParams::from(d, {dir.str()});
    const Vec3 c = {0.6, 0.4, 0.2};
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(lookColor(identity, c)[k], c[k], 1e-6);
    const std::uint64_t before = identity.colorHash();

    // The same path, new contents (and a new modification time): read again, baked afresh.
    Lut3D swap(9);
    for (int b = 0; b < 9; ++b)
        for (int g = 0; g < 9; ++g)
            for (int r = 0; r < 9; ++r) std::swap(swap.at(r, g, b)[0], swap.at(r, g, b)[2]);
    writeCube(path, swap);
    std::filesystem::last_write_time(
        path, std::filesystem::last_write_time(path) + std::chrono::seconds(2));
    const LookParams swapped = LookParams::from(d, {dir.str()});
    EXPECT_NE(swapped.colorHash(), before);
    EXPECT_NEAR(lookColor(swapped, c)[0], 0.2, 1e-6);
    EXPECT_NEAR(lookColor(swapped, c)[2], 0.6, 1e-6);

    // A malformed file is an error naming it when the look is applied.
    std::ofstream(path) << "LUT_3D_SIZE 2\n0 0 0\n";
    std::filesystem::last_write_time(
        path, std::filesystem::last_write_time(path) + std::chrono::seconds(4));
    Image img = flat(8, 8, 0.5f);
    try {
        applyLook(img.view(), LookParams::from(d, {dir.str()}));
        FAIL() << "a malformed LUT was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("film.cube"), std::string::npos) << e.what();
    }
}

namespace {

// ΔE2000 statistics of a baked transform against the direct one over random colours.
struct Agreement {
    double mean = 0, p99 = 0;
};

template <class Baked>
Agreement agreement(const LookParams& p, const std::vector<Vec3>& colors, const Baked& baked) {
    std::vector<double> de;
    for (const Vec3& c : colors) de.push_back(deltaE2000(labOfEncoded(lookColor(p, c)), baked(c)));
    std::sort(de.begin(), de.end());
    double sum = 0;
    for (double d : de) sum += d;
    return {sum / double(de.size()), de[de.size() * 99 / 100]};
}

}  // namespace

TEST(LookColor, BakedLutMatchesTheDirectTransform) {
    // The grid cannot follow the kink where a saturation boost meets the gamut's edge, so a
    // few very saturated colours differ by a few ΔE; everything else agrees closely.
    const LookParams p = fullColorLook();
    const auto colors = randomColors(3000, 5);
    const auto lut = bakedLookLut(p);
    ASSERT_EQ(lut->size(), 33);
    const Agreement linear =
        agreement(p, colors, [&](const Vec3& c) { return labOfLinear(lut->sample(c)); });
    EXPECT_LT(linear.mean, 0.2);
    EXPECT_LT(linear.p99, 1.5);

    // The interchange cube in linear Rec.2020 (through its shaper) and in ACEScct.
    const Lut3D linearCube = bakeLookCube(p, CubeSpace::Rec2020Linear);
    const Agreement inLinear = agreement(
        p, colors, [&](const Vec3& c) { return labOfLinear(linearCube.sample(decoded(c))); });
    EXPECT_LT(inLinear.mean, 0.2);
    EXPECT_LT(inLinear.p99, 1.5);
    // ACEScct spans 0 … 1 as its LUTs conventionally do, though display white is 0.555: at 33
    // points the display range gets about half of them, so 65 is the size to use.
    const auto inCct = [&](int size) {
        const Lut3D cube = bakeLookCube(p, CubeSpace::ACEScct, size);
        return agreement(p, colors, [&](const Vec3& c) {
            return labOfLinear(rec2020FromAcesCct(cube.sample(acesCctFromRec2020(decoded(c)))));
        });
    };
    const Agreement cct33 = inCct(33), cct65 = inCct(65);
    EXPECT_LT(cct33.mean, 1.0);
    EXPECT_LT(cct65.mean, 0.3);
    EXPECT_LT(cct65.p99, 2.0);

    // The stage's own grid (over √linear input), through applyLook at full strength.
    Image img(int(colors.size()), 1, 3);
    for (std::size_t i = 0; i < colors.size(); ++i)
        for (int k = 0; k < 3; ++k) img.at(int(i), 0, k) = lookDecode(float(colors[i][k]));
    applyLook(img.view(), p);
    int i = 0;
    const Agreement stage = agreement(p, colors, [&](const Vec3&) {
        const Vec3 got = {img.at(i, 0, 0), img.at(i, 0, 1), img.at(i, 0, 2)};
        ++i;
        return labOfLinear(got);
    });
    EXPECT_LT(stage.mean, 0.2);
    EXPECT_LT(stage.p99, 1.5);
    std::printf(
        "baked vs direct, mean/p99 ΔE2000: LUT %.3f/%.3f, stage %.3f/%.3f, .cube in linear "
        "Rec.2020 %.3f/%.3f, in ACEScct %.3f/%.3f (65 points: %.3f/%.3f)\n",
        linear.mean, linear.p99, stage.mean, stage.p99, inLinear.mean, inLinear.p99, cct33.mean,
        cct33.p99, cct65.mean, cct65.p99);
}

TEST(LookColor, BakesAreCachedByColorHash) {
    LookParams p = fullColorLook();
    const auto a = bakedLookLut(p);
    p.strength = 0.4f;
    p.vignetteEv = -1;
    EXPECT_EQ(bakedLookLut(p).get(), a.get());
    p.saturation = 0.25f;
    EXPECT_NE(bakedLookLut(p).get(), a.get());
}

// ---- strength ------------------------------------------------------------------------

namespace {

// The encoded value of grid index i of an n-point axis.
double node(int i, int n) {
    return double(i) / (n - 1);
}

double srgbOut(double linear) {
    return srgbEncode(clamp01(linear));
}

// A look whose result is known in closed form: grey = mix · linear Rec.2020.
LookParams monoLook() {
    LookParams p;
    p.mono = true;
    p.monoMix = {0.2, 0.7, 0.1};
    return p;
}

}  // namespace

TEST(LookCube, SrgbHoldsThePipelineFromTheLookFreeExportToTheExportWithTheLook) {
    // At the grid points (no interpolation): sRGB in → BT.2087 → Rec.2020 → the look → back to
    // sRGB with the export's clipping and curve. Checked against the published matrix and a
    // look computed here.
    const LookParams p = monoLook();
    const int n = 17;
    const Lut3D cube = bakeLookCube(p, CubeSpace::SRGB, n);
    ASSERT_EQ(cube.size(), n);
    EXPECT_TRUE(cube.shaper.empty());
    double worst = 0;
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const Vec3 lin = mul(
                    kRec2020FromSrgb,
                    Vec3{srgbDecode(node(r, n)), srgbDecode(node(g, n)), srgbDecode(node(b, n))});
                const double grey = srgbOut(0.2 * lin[0] + 0.7 * lin[1] + 0.1 * lin[2]);
                for (int k = 0; k < 3; ++k)
                    worst = std::max(worst, std::abs(cube.at(r, g, b)[k] - grey));
            }
    EXPECT_LT(worst, 5e-4);

    // With no colour to apply, the cube is the identity: its way in is exactly the inverse of
    // the export's way out.
    const Lut3D identity = bakeLookCube(LookParams{}, CubeSpace::SRGB, n);
    worst = 0;
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const Vec3 want{node(r, n), node(g, n), node(b, n)};
                for (int k = 0; k < 3; ++k)
                    worst = std::max(worst, std::abs(identity.at(r, g, b)[k] - want[k]));
            }
    EXPECT_LT(worst, 2e-4);

    // Saturated sRGB colours through a saturation boost leave the gamut and are clipped as an
    // export clips them.
    LookParams vivid;
    vivid.saturation = 0.8f;
    const Vec3 red = bakeLookCube(vivid, CubeSpace::SRGB, n).sample({0.9, 0.1, 0.1});
    EXPECT_GT(red[0], 0.9);
    for (int k = 0; k < 3; ++k) {
        EXPECT_GE(red[k], 0.0);
        EXPECT_LE(red[k], 1.0);
    }
}

TEST(LookCube, Rec2020LinearIsTheStagesOwnSpaceThroughAShaper) {
    const LookParams p = monoLook();
    const int n = 17;
    const Lut3D cube = bakeLookCube(p, CubeSpace::Rec2020Linear, n);
    // The shaper is the sRGB curve over 0 … 1; the grid is over its output.
    ASSERT_EQ(cube.shaperSize(), 4096);
    EXPECT_EQ(cube.shaperMin, 0);
    EXPECT_EQ(cube.shaperMax, 1);
    for (int i : {0, 1, 100, 2048, 4095})
        for (int k = 0; k < 3; ++k)
            EXPECT_NEAR(cube.shaper[std::size_t(3 * i + k)], srgbEncode(i / 4095.0), 1e-6) << i;
    double worst = 0;
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const Vec3 lin{srgbDecode(node(r, n)), srgbDecode(node(g, n)),
                               srgbDecode(node(b, n))};
                const double grey = 0.2 * lin[0] + 0.7 * lin[1] + 0.1 * lin[2];
                for (int k = 0; k < 3; ++k)
                    worst = std::max(worst, std::abs(cube.at(r, g, b)[k] - grey));
            }
    EXPECT_LT(worst, 1e-5);
    // Linear in, linear out: the whole file, shaper and grid, on a colour between the points.
    const Vec3 out = cube.sample({0.05, 0.3, 0.6});
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(out[k], 0.2 * 0.05 + 0.7 * 0.3 + 0.1 * 0.6, 2e-3);

    // Strength blends the look with its input in linear light, as the stage does.
    LookParams half = fullColorLook();
    half.strength = 0.5f;
    const Lut3D blended = bakeLookCube(half, CubeSpace::Rec2020Linear, n);
    const LookParams full = fullColorLook();
    worst = 0;
    for (int i = 0; i < n; i += 3) {
        const Vec3 enc{node(i, n), node(n - 1 - i, n), node(n / 2, n)};
        const Vec3 in = decoded(enc), looked = decoded(lookColor(full, enc));
        for (int k = 0; k < 3; ++k)
            worst = std::max(worst, std::abs(blended.at(i, n - 1 - i, n / 2)[k] -
                                             (in[k] + 0.5 * (looked[k] - in[k]))));
    }
    EXPECT_LT(worst, 1e-5);
}

TEST(LookCube, AcesCctFollowsTheAcademysDefinition) {
    // The curve as published: mid grey and display white.
    EXPECT_NEAR(acesCctFromLinear(0.18), 0.4135884, 1e-6);
    EXPECT_NEAR(acesCctFromLinear(1.0), 0.5547945, 1e-6);
    EXPECT_NEAR(acesCctFromLinear(0.0), 0.0729055, 1e-6);

    const LookParams p = monoLook();
    const int n = 17;
    const Lut3D cube = bakeLookCube(p, CubeSpace::ACEScct, n);
    EXPECT_TRUE(cube.shaper.empty());
    EXPECT_EQ(cube.domainMin, (Vec3{0, 0, 0}));  // 0 … 1, as ACEScct LUTs span
    EXPECT_EQ(cube.domainMax, (Vec3{1, 1, 1}));
    double worst = 0;
    int inside = 0;
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const Vec3 lin = rec2020FromAcesCct({node(r, n), node(g, n), node(b, n)});
                if (*std::min_element(lin.begin(), lin.end()) < 0 ||
                    *std::max_element(lin.begin(), lin.end()) > 1)
                    continue;  // outside the display range the look reads: clipped first
                ++inside;
                const double grey = acesCctFromLinear(0.2 * lin[0] + 0.7 * lin[1] + 0.1 * lin[2]);
                for (int k = 0; k < 3; ++k)
                    worst = std::max(worst, std::abs(cube.at(r, g, b)[k] - grey));
            }
    EXPECT_GT(inside, 100);
    EXPECT_LT(worst, 1e-3);
    // Above display white everything is white, as the look clips it.
    const Vec3 hot = cube.sample({0.8, 0.8, 0.8});
    for (int k = 0; k < 3; ++k) EXPECT_NEAR(hot[k], acesCctFromLinear(1.0), 1e-4);
}

TEST(LookCube, SpacesHaveNamesAndTheCommentsSayWhatTheFileHolds) {
    for (CubeSpace s : kCubeSpaces) EXPECT_EQ(cubeSpaceFromName(cubeSpaceName(s)), s);
    EXPECT_EQ(cubeSpaceFromName("ACEScct"), CubeSpace::ACEScct);
    EXPECT_EQ(cubeSpaceFromName("rec2020"), std::nullopt);
    const auto text = [](const std::vector<std::string>& lines) {
        std::string t;
        for (const auto& l : lines) t += l + "\n";
        return t;
    };
    LookParams p = fullColorLook();
    p.vignetteEv = -0.5f;
    const std::string srgb = text(lookCubeComments("Test", p, CubeSpace::SRGB));
    EXPECT_NE(srgb.find("Test at 100 % strength"), std::string::npos) << srgb;
    EXPECT_NE(srgb.find("sRGB (IEC 61966-2-1"), std::string::npos) << srgb;
    EXPECT_NE(srgb.find("without a look"), std::string::npos) << srgb;
    EXPECT_NE(srgb.find("Not included: this look's vignette,"), std::string::npos) << srgb;
    const std::string linear = text(lookCubeComments("Test", p, CubeSpace::Rec2020Linear));
    EXPECT_NE(linear.find("linear Rec.2020"), std::string::npos) << linear;
    EXPECT_NE(linear.find("1D shaper"), std::string::npos) << linear;
    const std::string cct = text(lookCubeComments("Test", p, CubeSpace::ACEScct));
    EXPECT_NE(cct.find("ACEScct (Academy S-2016-001"), std::string::npos) << cct;
}

TEST(LookStrength, ZeroIsExactlyTheInputAndOneIsTheFullLook) {
    LookParams p = fullColorLook();
    p.vignetteEv = -1;
    p.grainAmount = 0.5f;
    p.strength = 0;
    Image img = randomImage(50, 40);
    const Image before = img;
    applyLook(img.view(), p);
    EXPECT_TRUE(std::equal(img.data(), img.data() + img.sampleCount(), before.data()));

    // Colour only: strength 1 gives lookColour, ½ lands halfway in linear light.
    LookParams c = fullColorLook();
    const Vec3 in = {0.55, 0.35, 0.2};
    const Vec3 full = decoded(lookColor(c, in));
    for (float s : {1.0f, 0.5f}) {
        c.strength = s;
        Image px(1, 1, 3);
        for (int k = 0; k < 3; ++k) px.at(0, 0, k) = lookDecode(float(in[k]));
        applyLook(px.view(), c);
        for (int k = 0; k < 3; ++k) {
            const double lin = lookDecode(float(in[k]));
            EXPECT_NEAR(px.at(0, 0, k), lin + s * (full[k] - lin), 3e-3) << "strength " << s;
        }
    }
}

TEST(LookStage, BothInstructionSetsGiveTheSameImage) {
    // Where the CPU runs the AVX2 row function, the baseline one must agree with it (on other
    // machines both runs take the baseline path and agree trivially).
    LookParams p = fullColorLook();
    p.strength = 0.8f;
    p.vignetteEv = -1;
    p.vignetteRoundness = -0.5f;
    p.grainAmount = 0.5f;
    const Image src = randomImage(301, 203);  // not a multiple of any vector width
    Image fast = src, baseline = src;
    applyLook(fast.view(), p);
    look::useBaselineKernel(true);
    applyLook(baseline.view(), p);
    look::useBaselineKernel(false);
    double worst = 0;
    for (std::size_t i = 0; i < src.sampleCount(); ++i)
        worst = std::max(worst, double(std::abs(fast.data()[i] - baseline.data()[i])));
    EXPECT_LT(worst, 1e-5);
    // Four channels (an alpha the stage leaves alone) take the general path.
    Image rgba(37, 23, 4);
    for (int y = 0; y < rgba.height(); ++y)
        for (int x = 0; x < rgba.width(); ++x)
            for (int c = 0; c < 4; ++c) rgba.at(x, y, c) = c == 3 ? 0.5f : src.at(x, y, c);
    applyLook(rgba.view(), p);
    Image rgb(37, 23, 3);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x)
            for (int c = 0; c < 3; ++c) rgb.at(x, y, c) = src.at(x, y, c);
    applyLook(rgb.view(), p);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x) {
            for (int c = 0; c < 3; ++c) EXPECT_EQ(rgba.at(x, y, c), rgb.at(x, y, c));
            EXPECT_EQ(rgba.at(x, y, 3), 0.5f);
        }
}

// ---- vignette ------------------------------------------------------------------------

namespace {

// Gain of the vignette at pixel (x, y) of a flat field.
struct Vignetted {
    Image img;
    float level;
    double ev(int x, int y) const { return std::log2(img.at(x, y, 1) / level); }
};

Vignetted vignette(int w, int h, float ev, float midpoint = 0.5f, float roundness = 0,
                   float feather = 0.5f, float strength = 1) {
    LookParams p;
    p.vignetteEv = ev;
    p.vignetteMidpoint = midpoint;
    p.vignetteRoundness = roundness;
    p.vignetteFeather = feather;
    p.strength = strength;
    Vignetted v{flat(w, h, 0.3f), 0.3f};
    applyLook(v.img.view(), p);
    return v;
}

}  // namespace

TEST(LookVignette, TheCornerGetsTheFullAmount) {
    for (float ev : {-2.0f, -1.0f, 0.5f}) {
        const Vignetted v = vignette(600, 400, ev);
        EXPECT_NEAR(v.ev(0, 0), ev, 0.02);
        EXPECT_NEAR(v.ev(599, 399), ev, 0.02);
        EXPECT_NEAR(v.ev(300, 200), 0, 1e-6);
    }
    // In output-linear terms, scaled by strength.
    EXPECT_NEAR(vignette(600, 400, -2, 0.5f, 0, 0.5f, 0.5f).ev(0, 0), -1, 0.02);
    // Whatever the shape.
    for (float roundness : {-1.0f, 1.0f})
        EXPECT_NEAR(vignette(600, 400, -1, 0.5f, roundness).ev(0, 0), -1, 0.02);
}

TEST(LookVignette, MidpointSetsWhereTheFalloffStarts) {
    const int w = 600, h = 400;
    const auto r = [&](int x, int y) {  // the frame's ellipse, 1 at the corners
        const double u = (x + 0.5 - w / 2.0) / (w / 2.0), v = (y + 0.5 - h / 2.0) / (h / 2.0);
        return std::sqrt((u * u + v * v) / 2);
    };
    for (float mid : {0.3f, 0.7f}) {
        const Vignetted v = vignette(w, h, -1, mid);
        for (int y = 0; y < h; y += 7)
            for (int x = 0; x < w; x += 7) {
                if (r(x, y) < mid - 0.01) {
                    EXPECT_EQ(v.ev(x, y), 0) << x << "," << y;
                }
                if (r(x, y) > mid + 0.02) {
                    EXPECT_LT(v.ev(x, y), -1e-4) << x << "," << y;
                }
            }
    }
    // The same for the squarest shape, whose norm is (|u|^8 + |v|^8)^(1/8).
    const auto rSquare = [&](int x, int y) {
        const double u = (x + 0.5 - w / 2.0) / (w / 2.0), v = (y + 0.5 - h / 2.0) / (h / 2.0);
        return std::pow((std::pow(std::abs(u), 8) + std::pow(std::abs(v), 8)) / 2, 1.0 / 8);
    };
    const Vignetted square = vignette(w, h, -1, 0.3f, -1);
    for (int y = 0; y < h; y += 5)
        for (int x = 0; x < w; x += 5) {
            if (rSquare(x, y) < 0.29) {
                EXPECT_EQ(square.ev(x, y), 0) << x << "," << y;
            }
            if (rSquare(x, y) > 0.32) {
                EXPECT_LT(square.ev(x, y), -1e-4) << x << "," << y;
            }
        }
    // A later start leaves more of the frame untouched.
    EXPECT_LT(vignette(w, h, -1, 0.3f).ev(60, 200), vignette(w, h, -1, 0.7f).ev(60, 200) - 0.1);
}

TEST(LookVignette, RoundnessShapesTheFalloff) {
    const int w = 600, h = 400;
    // 0 follows the frame: the middles of all four edges lie on one ellipse.
    const Vignetted frame = vignette(w, h, -1, 0.2f);
    EXPECT_NEAR(frame.ev(0, 200), frame.ev(300, 0), 0.01);
    // +100 is a circle: equal distances from the centre, equal gains.
    const Vignetted circle = vignette(w, h, -1, 0.2f, 1);
    EXPECT_NEAR(circle.ev(300 + 150, 200), circle.ev(300, 200 + 150), 0.01);
    EXPECT_NEAR(circle.ev(300 - 150, 200), circle.ev(300, 200 - 150), 0.01);
    EXPECT_GT(std::abs(frame.ev(450, 200) - frame.ev(300, 350)), 0.05);
    // −100 is squarer: the edges' middles darken towards the corners' amount.
    const Vignetted soft = vignette(w, h, -1, 0.5f, 0, 1);
    const Vignetted square = vignette(w, h, -1, 0.5f, -1, 1);
    EXPECT_LT(square.ev(0, 200), soft.ev(0, 200) - 0.3);
    EXPECT_LT(square.ev(300, 0), soft.ev(300, 0) - 0.3);
    EXPECT_NEAR(square.ev(300, 200), 0, 1e-6);
}

// ---- grain ---------------------------------------------------------------------------

namespace {

struct GrainStats {
    double mean = 0, sd = 0;
};

GrainStats grainOn(int w, int h, float amount, float size, Image* out = nullptr) {
    LookParams p;
    p.grainAmount = amount;
    p.grainSize = size;
    Image img = flat(w, h, 0.2f);
    applyLook(img.view(), p);
    double s = 0, s2 = 0;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double d = img.at(x, y, 1) / 0.2 - 1;
            s += d, s2 += d * d;
            EXPECT_EQ(img.at(x, y, 0), img.at(x, y, 1));  // luminance only: greys stay grey
        }
    const double n = double(w) * h;
    if (out) *out = std::move(img);
    return {s / n, std::sqrt(s2 / n - (s / n) * (s / n))};
}

}  // namespace

TEST(LookGrain, ZeroMeanDeterministicAndTheSameAtEverySize) {
    Image a, b;
    const GrainStats small = grainOn(1200, 800, 0.6f, 0.8f, &a);
    grainOn(1200, 800, 0.6f, 0.8f, &b);
    EXPECT_TRUE(std::equal(a.data(), a.data() + a.sampleCount(), b.data())) << "not deterministic";
    EXPECT_GT(small.sd, 0.02);
    EXPECT_LT(std::abs(small.mean), 0.03 * small.sd);

    const GrainStats large = grainOn(2400, 1600, 0.6f, 0.8f);
    EXPECT_LT(std::abs(large.mean), 0.03 * large.sd);
    EXPECT_NEAR(large.sd / small.sd, 1.0, 0.05);

    // The grain's structure scales with the frame: neighbouring pixels at the larger size
    // are as alike as pixels twice as far apart at the smaller one.
    const auto correlation = [](const Image& img, int dx) {
        double sxy = 0, sxx = 0;
        for (int y = 0; y < img.height(); y += 3)
            for (int x = 0; x + dx < img.width(); ++x) {
                const double p = img.at(x, y, 1) / 0.2 - 1, q = img.at(x + dx, y, 1) / 0.2 - 1;
                sxy += p * q, sxx += p * p;
            }
        return sxy / sxx;
    };
    Image big;
    grainOn(2400, 1600, 0.6f, 0.8f, &big);
    EXPECT_NEAR(correlation(big, 2), correlation(a, 1), 0.08);

    // More amount, more grain; none at black or white.
    EXPECT_GT(grainOn(600, 400, 1.0f, 0.8f).sd, 1.4 * grainOn(600, 400, 0.5f, 0.8f).sd);
    for (float level : {0.0f, 1.0f}) {
        LookParams p;
        p.grainAmount = 1;
        Image img = flat(64, 64, level);
        applyLook(img.view(), p);
        for (std::size_t i = 0; i < img.sampleCount(); ++i) ASSERT_NEAR(img.data()[i], level, 1e-6);
    }
}

// ---- the pipeline --------------------------------------------------------------------

namespace {

class LookPipeline : public testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new test::TempDir("look-pipeline");
        const std::string path = dir_->str("chart.dng");
        synth::writeDng(path, synth::renderChart(480, 320).cview(), synth::DngOptions{});
        raw_ = new std::shared_ptr<const RawImage>(std::make_shared<RawImage>(decodeRaw(path)));
    }
    static void TearDownTestSuite() {
        delete raw_;
        delete dir_;
    }

    static Vec3 patch(const RenderResult& r, int i) {
        return test::meanOf(r.rgb.cview(),
                            synth::patchRect(i, r.rgb.width(), r.rgb.height(), 0.25));
    }

    static EditDocument lookEdits() {
        EditDocument e;
        e.setText("look.name", "Leica Test");
        e.setFloat("look.tone.contrast", 40);
        e.setFloat("look.color.saturation", 20);
        e.setFloat("look.hsl.blue.hue", -20);
        e.setFloat("look.split.shadow_saturation", 30);
        e.setFloat("look.vignette.amount", -1);
        e.setFloat("look.grain.amount", 30);
        return e;
    }

    static test::TempDir* dir_;
    static std::shared_ptr<const RawImage>* raw_;
};

test::TempDir* LookPipeline::dir_ = nullptr;
std::shared_ptr<const RawImage>* LookPipeline::raw_ = nullptr;

}  // namespace

TEST_F(LookPipeline, StrengthZeroRendersAsIfNoLook) {
    Pipeline pipeline(*raw_);
    RenderOptions o;
    const RenderResult plain = pipeline.render(EditDocument(), o);
    EditDocument e = lookEdits();
    e.setFloat("look.strength", 0);
    const RenderResult zero = pipeline.render(e, o);
    for (int i = 0; i < 24; ++i)
        EXPECT_LE(deltaE2000(test::labOfEncodedSRGB(patch(plain, i)),
                             test::labOfEncodedSRGB(patch(zero, i))),
                  0.5)
            << synth::colorChecker()[i].name;
    e.setFloat("look.strength", 100);
    const RenderResult full = pipeline.render(e, o);
    double moved = 0;
    for (int i = 0; i < 24; ++i)
        moved += deltaE2000(test::labOfEncodedSRGB(patch(plain, i)),
                            test::labOfEncodedSRGB(patch(full, i)));
    EXPECT_GT(moved / 24, 2.0) << "the full look changed little";
}

TEST_F(LookPipeline, ALookSliderReRunsOnlyTheFinishingStages) {
    Pipeline pipeline(*raw_);
    RenderOptions o;
    EditDocument e = lookEdits();
    pipeline.render(e, o);
    const Pipeline::Stats before = pipeline.stats();
    e.setFloat("look.strength", 60);
    pipeline.render(e, o);
    e.setFloat("look.vignette.amount", -0.5);
    pipeline.render(e, o);
    const Pipeline::Stats after = pipeline.stats();
    EXPECT_EQ(after.developed, before.developed);
    EXPECT_EQ(after.geometry, before.geometry);
    EXPECT_EQ(after.finished, before.finished + 2);
}

TEST_F(LookPipeline, TheLookSeesToneOutputAndPrecedesTheOutputProfile) {
    // A red-filter monochrome look turns every pixel into the red channel of the tone stage's
    // display-linear Rec.2020 output. Rendering without the look and undoing the output
    // profile (sRGB) recovers that channel, so the look's grey is predicted exactly — at any
    // exposure, because the look runs after tone. Were it before tone, the tone curve would
    // bend the grey; were it after the output profile, it would take sRGB's red instead.
    Pipeline pipeline(*raw_);
    RenderOptions o;
    o.intent = RenderingIntent::RelativeColorimetric;
    const Mat3 rec2020FromSrgb = mul(inverse(xyzFromLinearRec2020()), xyzFromLinearSRGB());
    for (double ev : {0.0, 1.0}) {
        EditDocument plain;
        plain.setFloat("exposure.ev", ev);
        EditDocument mono = plain;
        mono.setBool("look.mono.enabled", true);
        mono.setFloat("look.mono.red", 100);
        mono.setFloat("look.mono.green", 0);
        mono.setFloat("look.mono.blue", 0);
        const RenderResult a = pipeline.render(plain, o);
        const RenderResult b = pipeline.render(mono, o);
        int checked = 0;
        for (int i = 0; i < 24; ++i) {
            const Vec3 enc = patch(a, i);
            // A channel the output profile clipped cannot be undone: only unclipped patches.
            if (std::max({enc[0], enc[1], enc[2]}) > 0.98 ||
                std::min({enc[0], enc[1], enc[2]}) < 0.02)
                continue;
            ++checked;
            const Vec3 srgbLinear = {srgbDecode(enc[0]), srgbDecode(enc[1]), srgbDecode(enc[2])};
            const double red = mul(rec2020FromSrgb, srgbLinear)[0];
            const double wantGrey = srgbEncode(clamp01(red));
            const Vec3 got = patch(b, i);
            EXPECT_NEAR(got[0], wantGrey, 0.01) << synth::colorChecker()[i].name << " at " << ev;
            EXPECT_NEAR(got[0], got[2], 1e-3);
            // sRGB's own red channel would be a visibly different grey.
            if (i == 14 && ev == 0) {
                EXPECT_GT(std::abs(srgbEncode(srgbLinear[0]) - wantGrey), 0.05);
            }
        }
        EXPECT_GE(checked, 10) << "at " << ev;
    }
}

TEST_F(LookPipeline, ARelativeLutPathWithoutLookFoldersIsAnError) {
    Pipeline pipeline(*raw_);
    EditDocument e;
    e.setText("look.lut.file", "film.cube");
    EXPECT_THROW(pipeline.render(e, RenderOptions()), Error);
    EXPECT_EQ(pipeline.stats().developed, 0) << "the look is read before any pixel work";

    test::TempDir looks("look-folder");
    std::ofstream(looks.str("film.cube")) << "LUT_3D_SIZE 2\n";
    const LutOverride lut(looks.str("film.cube"), Lut3D(5));
    RenderOptions o;
    o.lookDirs = {looks.str()};
    EXPECT_NO_THROW(pipeline.render(e, o));
}

TEST(LookExport, NameTemplateHasTheLook) {
    EditDocument e;
    EXPECT_EQ(expandNameTemplate("{name}-{look}", "/photos/IMG_1.CR2", {}, e, 1, FileFormat::Jpeg),
              "IMG_1-none.jpg");
    e.setText("look.name", "Leica  Authentic (v2)");
    EXPECT_EQ(expandNameTemplate("{name}-{look}", "/photos/IMG_1.CR2", {}, e, 1, FileFormat::Jpeg),
              "IMG_1-leica-authentic-v2.jpg");
    e.setText("look.name", "Café Noir");
    EXPECT_EQ(expandNameTemplate("{look}", "IMG_1.CR2", {}, e, 1, FileFormat::Jpeg),
              "café-noir.jpg");
}
