// SPDX-License-Identifier: GPL-3.0-or-later
// The fused finishing pass (camera matrix → tone → look → output in strips) against the same
// stages run one after the other over the whole image: the same bits, with every part of the
// look on, tone sliders moved, values outside [0, 1] and NaN in the input, in place or not.
// (The output transform's own shortcut is held to lcms2 in test_color.)
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "pipeline/finishing.h"
#include "rangefinder/color.h"

using namespace rf;

namespace {

// Deterministic pixels over scene-linear values from deep shadow to well above white.
Image testImage(int w, int h) {
    Image img(w, h, 3);
    std::uint32_t state = 12345;
    for (std::size_t i = 0; i < img.sampleCount(); ++i) {
        state = state * 1664525u + 1013904223u;
        const float u = float(state >> 8) * 0x1p-24f;
        img.data()[i] = std::exp2(12.f * u - 10.f) - 0.001f;  // a few slightly negative
    }
    img.data()[7] = std::numeric_limits<float>::quiet_NaN();
    img.data()[20] = 1e30f;
    return img;
}

LookParams everyPartOfALook() {
    LookParams p;
    p.name = "Fused";
    p.strength = 0.8f;
    p.contrast = 0.3f;
    p.toe = 0.1f;
    p.saturation = 0.2f;
    p.vibrance = 0.1f;
    p.bands[2] = {10, 0.2f, -0.1f};
    p.shadowSaturation = 0.2f;
    p.vignetteEv = -0.7f;
    p.grainAmount = 0.4f;
    p.grainSize = 0.3f;
    return p;
}

const Mat3 kMatrix{{{1.6, -0.4, -0.2}, {-0.25, 1.5, -0.25}, {0.05, -0.45, 1.4}}};

void expectSameBits(const Image& a, const Image& b) {
    ASSERT_EQ(a.sampleCount(), b.sampleCount());
    EXPECT_EQ(std::memcmp(a.data(), b.data(), a.sampleCount() * sizeof(float)), 0);
}

}  // namespace

TEST(Finishing, FusedEqualsStageByStage) {
    const Image src = testImage(301, 97);  // not a multiple of any strip or block size
    const auto out = outputTransform(OutputSpace::SRGB, RenderingIntent::Perceptual);
    ToneParams tone;
    tone.exposureEv = 0.4f;
    tone.contrast = 25;
    tone.shadows = 30;
    tone.saturation = 15;
    tone.vibrance = 20;
    for (const LookParams& look : {LookParams(), everyPartOfALook()}) {
        Image fused(src.width(), src.height(), 3), staged(src.width(), src.height(), 3);
        finishing::run(src.cview(), fused.view(), kMatrix, tone, look, *out);
        finishing::runStageByStage(src.cview(), staged.view(), kMatrix, tone, look, *out);
        expectSameBits(fused, staged);
        Image inPlace = src;
        finishing::run(inPlace.cview(), inPlace.view(), kMatrix, tone, look, *out);
        expectSameBits(inPlace, staged);
    }
}

TEST(Finishing, FusedEqualsStageByStageForEveryOutputSpaceAndLinearTone) {
    const Image src = testImage(64, 40);
    ToneParams linear;
    linear.curve = ToneCurve::Linear;
    linear.exposureEv = -0.5f;
    for (OutputSpace space : {OutputSpace::SRGB, OutputSpace::DisplayP3, OutputSpace::AdobeRGB}) {
        const auto out = outputTransform(space, RenderingIntent::RelativeColorimetric);
        Image fused(64, 40, 3), staged(64, 40, 3);
        finishing::run(src.cview(), fused.view(), kMatrix, linear, everyPartOfALook(), *out);
        finishing::runStageByStage(src.cview(), staged.view(), kMatrix, linear, everyPartOfALook(),
                                   *out);
        expectSameBits(fused, staged);
    }
}
