// SPDX-License-Identifier: GPL-3.0-or-later
// End-to-end colour accuracy against known truth: a ColorChecker scene defined in sRGB is
// photographed by a synthetic camera (known XYZ→camera matrix, white balance, Bayer phase),
// written as a DNG, decoded by LibRaw and developed by the whole pipeline in linear mode with
// sRGB output. Each patch must come back as the colour it was, by CIEDE2000.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>

#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;

namespace {

struct Case {
    const char* cfa;
    int matrix;  // 0: camera A, 1: camera B
    bool half;
};

std::string caseName(const testing::TestParamInfo<Case>& info) {
    return std::string(info.param.cfa) + "_camera" + char('A' + info.param.matrix) +
           (info.param.half ? "_half" : "_full");
}

class ColorAccuracy : public testing::TestWithParam<Case> {};

CfaPattern pattern(const std::string& name) {
    const char* n = name.c_str();
    CfaPattern p{};
    for (int i = 0; i < 4; ++i) p[i] = n[i] == 'R' ? 0 : n[i] == 'G' ? 1 : 2;
    return p;
}

}  // namespace

TEST_P(ColorAccuracy, ChartPatchesReproduceWithinDeltaE) {
    const Case c = GetParam();
    test::TempDir dir("accuracy");
    const int w = 720, h = 480;
    const Image scene = synth::renderChart(w, h);
    synth::DngOptions opt;
    opt.cfa = pattern(c.cfa);
    opt.cameraFromXYZ = c.matrix == 0 ? synth::cameraMatrixA() : synth::cameraMatrixB();
    const std::string path = dir.str("chart.dng");
    synth::writeDng(path, scene.cview(), opt);

    auto raw = std::make_shared<RawImage>(decodeRaw(path));
    EditDocument edits;
    edits.setText("tone.curve", "linear");
    // Full size forces the high-quality path; half size lets `auto` pick the superpixel.
    if (!c.half) edits.setText("demosaic.method", "hq");
    // The writer exposes scene white at `exposureScale` of the sensor range; whatever part of
    // that the DNG's BaselineExposure does not already undo, exposure compensation does.
    edits.setFloat("exposure.ev", -std::log2(opt.exposureScale) - raw->baselineExposureEv);
    Pipeline pipeline(raw);
    RenderOptions ro;
    ro.intent = RenderingIntent::RelativeColorimetric;
    if (c.half) ro.size = {SizeMode::LongEdge, w / 2};
    const RenderResult r = pipeline.render(edits, ro);
    ASSERT_EQ(r.halfSizeDemosaic, c.half);
    ASSERT_EQ(r.rgb.width(), c.half ? w / 2 : w);

    double sum = 0, worst = 0;
    std::string worstName;
    for (int i = 0; i < 24; ++i) {
        const auto& patch = synth::colorChecker()[i];
        const Rect rect = synth::patchRect(i, r.rgb.width(), r.rgb.height(), 0.25);
        const Vec3 got = test::labOfEncodedSRGB(test::meanOf(r.rgb.cview(), rect));
        const Vec3 want = test::labOfLinearSRGB(synth::patchLinearSRGB(patch));
        const double de = deltaE2000(got, want);
        sum += de;
        if (de > worst) worst = de, worstName = patch.name;
    }
    const double mean = sum / 24;
    RecordProperty("mean_de2000", std::to_string(mean));
    std::printf("[ %s ] mean ΔE2000 %.3f, max %.3f (%s)\n", caseName({c, 0}).c_str(), mean, worst,
                worstName.c_str());
    EXPECT_LE(mean, 1.0);
    EXPECT_LE(worst, 2.5) << "worst patch: " << worstName;
}

INSTANTIATE_TEST_SUITE_P(AllPhasesCamerasScales, ColorAccuracy,
                         testing::Values(Case{"RGGB", 0, false}, Case{"BGGR", 0, false},
                                         Case{"GRBG", 0, false}, Case{"GBRG", 0, false},
                                         Case{"RGGB", 1, false}, Case{"GBRG", 1, false},
                                         Case{"RGGB", 0, true}, Case{"BGGR", 0, true},
                                         Case{"GRBG", 1, true}, Case{"GBRG", 1, true}),
                         caseName);
