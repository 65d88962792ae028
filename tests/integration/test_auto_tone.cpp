// SPDX-License-Identifier: GPL-3.0-or-later
// Auto tone: the same photo exposed two stops under or over comes out within 0.3 EV of the
// normally exposed one; its values are ordinary parameters; an export with tone.auto applies
// them. The real Canon CR2's sensor data is scaled as a camera would have recorded it two
// stops off and written as a 12-bit DNG with the CR2's pattern, matrix and white balance, then
// decoded as any raw: under, quantised to the camera's 12-bit steps; over, clipped at the
// sensor's white (its clouds clip, as they would). The DNG carries no BaselineExposure, so it
// renders with the same +1 EV placement as the CR2.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>
#include <string>

#include "quality/quality.h"
#include "rangefinder/auto_tone.h"
#include "rangefinder/raw.h"
#include "support/test_support.h"
#include "synth.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

// The raw as its camera would have recorded it `stops` brighter, written to `dir` as a DNG
// and decoded from there.
std::shared_ptr<const RawImage> exposedBy(const RawImage& raw, double stops,
                                          const test::TempDir& dir) {
    Image mosaic = raw.mosaic;
    const float gain = float(std::exp2(stops));
    for (std::size_t i = 0; i < mosaic.sampleCount(); ++i)
        mosaic.data()[i] = std::min(1.f, mosaic.data()[i] * gain);
    synth::MosaicDngOptions o;
    o.cfa = raw.cfa;
    o.cameraFromXYZ = raw.cameraFromXYZ;
    o.asShotMultipliers = raw.asShotMultipliers;
    o.make = raw.info.make;
    o.model = raw.info.model;
    o.orientation = raw.info.orientation;
    const std::string path = dir.str("exposed" + std::to_string(int(stops)) + ".dng");
    synth::writeMosaicDng(path, mosaic.cview(), o);
    return std::make_shared<const RawImage>(decodeRaw(path));
}

// Mean L* of a render with these edits, at the comparison size.
double meanL(Pipeline& p, const EditDocument& edits) {
    const Image img = quality::render(p, edits);
    return quality::measure(img.cview()).meanL;
}

}  // namespace

TEST(AutoTone, TwoStopsUnderOrOverComeOutWithinAThirdOfAStop) {
    const fs::path cr2 = test::testdata() / "raw" / "canon-eos30d.CR2";
    if (!fs::exists(cr2)) GTEST_SKIP() << cr2 << " not found (../shared/testdata)";
    const RawImage raw = decodeRaw(cr2.string());
    ASSERT_EQ(raw.layout, SensorLayout::Bayer);
    const test::TempDir dir("auto-tone");
    double ev[3], lstar[3];
    const double stops[3] = {-2, 0, 2};
    for (int i = 0; i < 3; ++i) {
        Pipeline p(exposedBy(raw, stops[i], dir));
        const EditDocument edits = applyAutoTone(p, {});
        ev[i] = edits.getFloat("exposure.ev");
        lstar[i] = meanL(p, edits);
        std::printf(
            "%+.0f EV: auto exposure %+.2f, highlights %+.0f, shadows %+.0f, whites %+.0f, "
            "blacks %+.0f; mean L* %.1f\n",
            stops[i], ev[i], edits.getFloat("tone.highlights"), edits.getFloat("tone.shadows"),
            edits.getFloat("tone.whites"), edits.getFloat("tone.blacks"), lstar[i]);
    }
    // The exposure each picks undoes the two stops, to within 0.3 EV.
    EXPECT_NEAR(ev[0] - ev[1], 2.0, 0.3) << "two stops under";
    EXPECT_NEAR(ev[1] - ev[2], 2.0, 0.3) << "two stops over";
    // And the pictures agree: within 0.3 EV of mid-tone brightness is about 4 L*.
    EXPECT_NEAR(lstar[0], lstar[1], 4.0);
    EXPECT_NEAR(lstar[2], lstar[1], 4.0);
}

TEST(AutoTone, ItsValuesAreOrdinaryParametersAndTheRestIsKept) {
    const fs::path cr2 = test::testdata() / "raw" / "canon-eos30d.CR2";
    if (!fs::exists(cr2)) GTEST_SKIP() << cr2 << " not found (../shared/testdata)";
    Pipeline p(std::make_shared<const RawImage>(decodeRaw(cr2.string())));
    EditDocument edits;
    edits.setBool("tone.auto", true);
    edits.setFloat("color.vibrance", 20);
    edits.setFloat("crop.left", 0.1);
    const EditDocument a = applyAutoTone(p, edits);
    EXPECT_FALSE(a.getBool("tone.auto")) << "the flag is replaced by the values";
    for (const char* key :
         {"exposure.ev", "tone.highlights", "tone.shadows", "tone.whites", "tone.blacks"}) {
        EXPECT_TRUE(a.isSet(key)) << key;
        const ParamDecl* d = findParam(key);
        EXPECT_GE(a.getFloat(key), d->minValue) << key;
        EXPECT_LE(a.getFloat(key), d->maxValue) << key;
    }
    EXPECT_DOUBLE_EQ(a.getFloat("color.vibrance"), 20);
    EXPECT_DOUBLE_EQ(a.getFloat("crop.left"), 0.1);
    // Deterministic: asked again, the same values.
    EXPECT_EQ(applyAutoTone(p, edits), a);
}

TEST(AutoTone, EachSliderAnswersItsMeasurement) {
    ToneParams tone;
    tone.placementEv = 1;
    // A flat, hazy, dim picture: everything between 0.01 and 0.025 of the clip.
    Image hazy(64, 64, 3);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            for (int c = 0; c < 3; ++c) hazy.at(x, y, c) = 0.01f + 0.015f * float(x + y) / 126.f;
    const AutoToneValues h = analyseAutoTone(hazy.cview(), tone);
    EXPECT_GT(h.exposureEv, 0.5) << "dim: brightened";
    EXPECT_LT(h.blacks, 0) << "hazy floor: set down";
    EXPECT_GT(h.whites, 0) << "no brights: lifted";
    EXPECT_EQ(h.highlights, 0);
    // A contrasty picture: a deep shadow half and a bright half near the clip.
    Image contrasty(64, 64, 3);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            for (int c = 0; c < 3; ++c) contrasty.at(x, y, c) = x < 32 ? 0.0008f : 0.9f;
    const AutoToneValues c = analyseAutoTone(contrasty.cview(), tone);
    EXPECT_LT(c.highlights, 0) << "brights near the clip: pulled back";
    EXPECT_GT(c.shadows, 0) << "deep shadows: opened";
    EXPECT_EQ(c.whites, 0);
    // Exposure follows the picture: the same scene two stops darker gets two stops more.
    Image darker = hazy;
    for (std::size_t i = 0; i < darker.sampleCount(); ++i) darker.data()[i] *= 0.25f;
    EXPECT_NEAR(analyseAutoTone(darker.cview(), tone).exposureEv - h.exposureEv, 2.0, 0.02);
}
