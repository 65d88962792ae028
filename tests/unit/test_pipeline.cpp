// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline as a whole, on raws built in memory: which stages re-run after a change, which
// demosaic path a size chooses, orientation, exposure and the neutral-patch picker; and on
// synthetic DNGs, what a file's default crop and BaselineExposure do to a render.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <memory>
#include <span>
#include <thread>

#include "rangefinder/color.h"
#include "rangefinder/demosaic.h"
#include "rangefinder/error.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/whitebalance.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;

namespace {

// A camera whose primaries are sRGB's, so working-space truth is easy to state.
const Mat3 kSrgbCamera = inverse(xyzFromLinearSRGB());

// A Bayer (RGGB) raw of a flat grey field at `level`, lit so the camera sees `light`.
std::shared_ptr<RawImage> greyRaw(int w, int h, float level, const Vec3& light = {1, 1, 1},
                                  int orientation = 1) {
    auto raw = std::make_shared<RawImage>();
    raw->path = "memory.raw";
    raw->cfa = {0, 1, 1, 2};
    raw->cameraFromXYZ = kSrgbCamera;
    raw->hasColorMatrix = true;
    raw->info.orientation = orientation;
    raw->info.width = w;
    raw->info.height = h;
    raw->mosaic.resize(w, h, 1);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int c = raw->cfa[(y & 1) * 2 + (x & 1)];
            raw->mosaic.at(x, y) = float(level * light[c]);
        }
    const float g = float(light[1]);
    raw->asShotMultipliers = {g / float(light[0]), 1.f, g / float(light[2])};
    raw->daylightMultipliers = raw->asShotMultipliers;
    return raw;
}

// A Bayer (RGGB) raw of a smooth coloured pattern peaking at `peak`, with a square clipped
// (1.0 at every site) when `clippedPatch` is set.
std::shared_ptr<RawImage> patternRaw(int w, int h, float peak, bool clippedPatch = false) {
    auto raw = greyRaw(w, h, 0, {1.3, 1.0, 0.7});
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const int c = raw->cfa[(y & 1) * 2 + (x & 1)];
            const double shade = 0.55 + 0.45 * std::sin(0.11 * x + c) * std::cos(0.07 * y);
            const double light[3] = {1.0, 0.8, 0.6};
            raw->mosaic.at(x, y) = float(peak * light[c] * shade);
            if (clippedPatch && x >= w / 4 && x < w / 2 && y >= h / 4 && y < h / 2)
                raw->mosaic.at(x, y) = 1.f;
        }
    return raw;
}

EditDocument linearEdits() {
    EditDocument e;
    e.setText("tone.curve", "linear");
    return e;
}

}  // namespace

TEST(Pipeline, OnlyStagesAfterAChangeRecompute) {
    Pipeline p(greyRaw(64, 48, 0.2f));
    EditDocument e = linearEdits();
    RenderOptions o;
    p.render(e, o);
    EXPECT_EQ(p.stats().developed, 1);
    EXPECT_EQ(p.stats().geometry, 1);

    e.setFloat("tone.contrast", 20);  // tone: only the finishing stages
    e.setFloat("exposure.ev", 0.5);
    p.render(e, o);
    EXPECT_EQ(p.stats().developed, 1);
    EXPECT_EQ(p.stats().geometry, 1);
    EXPECT_EQ(p.stats().finished, 2);

    e.setFloat("crop.left", 0.25);  // geometry: from the crop on
    p.render(e, o);
    EXPECT_EQ(p.stats().developed, 1);
    EXPECT_EQ(p.stats().geometry, 2);

    e.setText("wb.mode", "tungsten");  // white balance: everything
    p.render(e, o);
    EXPECT_EQ(p.stats().developed, 2);
    EXPECT_EQ(p.stats().geometry, 3);

    o.size = {SizeMode::LongEdge, 16};  // a new size: geometry and resize again
    p.render(e, o);
    EXPECT_EQ(p.stats().geometry, 4);
}

TEST(Pipeline, HalfSizeDemosaicOnlyWhenTheOutputIsSmallEnough) {
    Pipeline p(greyRaw(200, 100, 0.2f));
    RenderOptions o;
    o.size = {SizeMode::LongEdge, 100};
    RenderResult r = p.render(linearEdits(), o);
    EXPECT_TRUE(r.halfSizeDemosaic);
    EXPECT_EQ(r.rgb.width(), 100);
    EXPECT_EQ(r.rgb.height(), 50);
    o.size = {SizeMode::LongEdge, 101};
    r = p.render(linearEdits(), o);
    EXPECT_FALSE(r.halfSizeDemosaic);
    EXPECT_EQ(r.rgb.width(), 101);
}

TEST(Pipeline, NeutralGreyStaysNeutralAndExposureDoublesLinearLight) {
    Pipeline p(greyRaw(40, 40, 0.1f, {1.8, 1.0, 0.6}));
    EditDocument e = linearEdits();
    RenderOptions o;
    const Vec3 a = test::meanOf(p.render(e, o).rgb.cview(), {10, 10, 20, 20});
    EXPECT_NEAR(a[0], a[1], 2e-3);
    EXPECT_NEAR(a[2], a[1], 2e-3);
    e.setFloat("exposure.ev", 1);
    const Vec3 b = test::meanOf(p.render(e, o).rgb.cview(), {10, 10, 20, 20});
    EXPECT_NEAR(srgbDecode(b[1]) / srgbDecode(a[1]), 2.0, 0.01);
}

TEST(Pipeline, OrientationSwapsTheFrame) {
    Pipeline p(greyRaw(60, 40, 0.2f, {1, 1, 1}, 6));
    RenderOptions o;
    const RenderResult r = p.render(EditDocument(), o);
    EXPECT_EQ(r.rgb.width(), 40);
    EXPECT_EQ(r.rgb.height(), 60);
    int w, h;
    p.outputSize(EditDocument(), o, w, h);
    EXPECT_EQ(w, 40);
    EXPECT_EQ(h, 60);
}

TEST(Pipeline, NeutralPatchPickerMakesThePatchNeutral) {
    // A grey card under 3200 K light; the camera's as-shot balance was left at daylight.
    const Multipliers m = multipliersForTemperature(kSrgbCamera, 3200, 10);
    const Vec3 light{1 / m[0], 1 / m[1], 1 / m[2]};
    const double peak = std::max({light[0], light[1], light[2]});
    auto raw = greyRaw(64, 64, 0.25f, {light[0] / peak, light[1] / peak, light[2] / peak});
    raw->asShotMultipliers = {1, 1, 1};
    Pipeline p(raw);
    RenderOptions o;
    EditDocument e = linearEdits();
    const Vec3 before = test::meanOf(p.render(e, o).rgb.cview(), {20, 20, 24, 24});
    EXPECT_GT(std::abs(before[0] - before[2]), 0.05) << "the test light should be coloured";

    const EditDocument picked = p.whiteBalanceFromRegion(e, o, {16, 16, 32, 32});
    EXPECT_EQ(picked.getText("wb.mode"), "custom");
    EXPECT_NEAR(picked.getFloat("wb.temperature"), 3200, 60);
    const Vec3 after = test::meanOf(p.render(picked, o).rgb.cview(), {20, 20, 24, 24});
    EXPECT_NEAR(after[0], after[1], 0.01);
    EXPECT_NEAR(after[2], after[1], 0.01);
}

TEST(Pipeline, CancelledRenderThrows) {
    Pipeline p(greyRaw(256, 256, 0.2f));
    CancelToken t;
    t.cancel();
    EXPECT_THROW(p.render(EditDocument(), RenderOptions(), &t), Cancelled);
    // A later render is unaffected by the abandoned one.
    EXPECT_EQ(p.render(EditDocument(), RenderOptions()).rgb.width(), 256);
}

TEST(Pipeline, ACancelledRenderNeverPoisonsTheCache) {
    // Whenever the cancellation lands (before, during or after the new white balance is
    // developed), rendering the earlier edits again must give exactly the fresh result.
    auto raw = greyRaw(1200, 800, 0.2f, {1.4, 1.0, 0.7});
    EditDocument a = linearEdits();
    EditDocument b = a;
    b.setText("wb.mode", "tungsten");
    const RenderOptions o;
    const Image fresh = Pipeline(raw).render(a, o).rgb;
    for (int delayUs : {0, 200, 1000, 3000, 10000}) {
        Pipeline p(raw);
        p.render(a, o);
        CancelToken t;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::microseconds(delayUs));
            t.cancel();
        });
        try {
            p.render(b, o, &t);
        } catch (const Cancelled&) {
        }
        canceller.join();
        const Image again = p.render(a, o).rgb;
        ASSERT_EQ(again.sampleCount(), fresh.sampleCount());
        EXPECT_EQ(std::memcmp(again.data(), fresh.data(), fresh.sampleCount() * sizeof(float)), 0)
            << "after a cancellation at " << delayUs << " µs";
    }
}

TEST(Pipeline, HalfSizeWhiteBalanceJoinsTheCameraMatrixWhenNothingIsNearClipping) {
    Pipeline p(patternRaw(400, 300, 0.3f));
    RenderOptions o;
    o.size = {SizeMode::LongEdge, 150};
    EditDocument e;
    EXPECT_TRUE(p.render(e, o).halfSizeDemosaic);
    EXPECT_EQ(p.stats().demosaiced, 1);
    EXPECT_EQ(p.stats().developed, 0) << "the balance is part of the camera matrix";
    EXPECT_EQ(p.stats().geometry, 1);

    e.setFloat("exposure.ev", 0.5);  // tone: only the finishing stages
    p.render(e, o);
    e.setFloat("look.strength", 80);
    e.setFloat("look.vignette.amount", -0.5);  // the look: only the finishing stages
    p.render(e, o);
    EXPECT_EQ(p.stats().demosaiced, 1);
    EXPECT_EQ(p.stats().geometry, 1);
    EXPECT_EQ(p.stats().finished, 3);

    e.setText("wb.mode", "custom");  // white balance: still only the finishing stages
    e.setFloat("wb.temperature", 4300);
    p.render(e, o);
    e.setFloat("wb.temperature", 7100);
    p.render(e, o);
    EXPECT_EQ(p.stats().demosaiced, 1);
    EXPECT_EQ(p.stats().developed, 0);
    EXPECT_EQ(p.stats().geometry, 1);
    EXPECT_EQ(p.stats().finished, 5);

    e.setFloat("crop.left", 0.2);  // geometry: from the crop on, on the same demosaic
    p.render(e, o);
    EXPECT_EQ(p.stats().demosaiced, 1);
    EXPECT_EQ(p.stats().geometry, 2);
}

TEST(Pipeline, NearClippingWhiteBalanceReRunsTheBalanceButNotTheDemosaic) {
    Pipeline p(patternRaw(400, 300, 0.3f, true));
    RenderOptions o;
    o.size = {SizeMode::LongEdge, 150};
    EditDocument e;
    p.render(e, o);
    EXPECT_EQ(p.stats().demosaiced, 1);
    EXPECT_EQ(p.stats().developed, 1);
    EXPECT_EQ(p.stats().geometry, 1);

    e.setText("wb.mode", "tungsten");  // balance and highlights on the cached demosaic
    p.render(e, o);
    EXPECT_EQ(p.stats().demosaiced, 1);
    EXPECT_EQ(p.stats().developed, 2);
    EXPECT_EQ(p.stats().geometry, 2);

    e.setFloat("exposure.ev", -1);  // tone: only the finishing stages
    p.render(e, o);
    EXPECT_EQ(p.stats().developed, 2);
    EXPECT_EQ(p.stats().geometry, 2);
    EXPECT_EQ(p.stats().finished, 3);
}

TEST(Pipeline, BalanceInTheCameraMatrixEqualsBalancingTheRaw) {
    // With nothing near clipping, clip mode balances the raw itself before the demosaic (its
    // clip changes nothing) and reconstruct mode folds the balance into the camera matrix:
    // the same image, to float rounding. (Dim, so even tungsten's blue gain of 8 stays below
    // the clip.)
    auto raw = patternRaw(400, 300, 0.1f);
    RenderOptions o;
    o.size = {SizeMode::LongEdge, 150};
    for (const char* wb : {"as_shot", "tungsten", "shade"}) {
        EditDocument folded;
        folded.setText("wb.mode", wb);
        EditDocument balanced = folded;
        balanced.setText("highlights.mode", "clip");
        Pipeline a(raw), b(raw);
        const Image x = a.render(folded, o).rgb;
        const Image y = b.render(balanced, o).rgb;
        EXPECT_EQ(a.stats().developed, 0);
        EXPECT_EQ(b.stats().developed, 1);
        ASSERT_EQ(x.sampleCount(), y.sampleCount());
        float worst = 0;
        for (std::size_t i = 0; i < x.sampleCount(); ++i)
            worst = std::max(worst, std::abs(x.data()[i] - y.data()[i]));
        EXPECT_LT(worst, 1e-5f) << wb;
    }
}

TEST(Pipeline, BalancingTheCachedDemosaicEqualsBalancingTheRaw) {
    // Near clipping the balance and highlights run on the cached unbalanced demosaic; a
    // full-size render binned afterwards cannot stand in for the old path, so compare with
    // the stages run by hand: balance the raw, demosaic, rebuild highlights.
    auto raw = patternRaw(200, 160, 0.3f, true);
    RenderOptions o;
    o.size = {SizeMode::LongEdge, 100};  // the half-size demosaic's own size: no resize
    EditDocument e = linearEdits();
    e.setText("wb.mode", "tungsten");
    e.setFloat("denoise.luminance", 0);  // not among the stages run by hand below
    e.setFloat("denoise.color", 0);
    Pipeline p(raw);
    const Image got = p.render(e, o).rgb;
    EXPECT_EQ(p.stats().developed, 1);

    const Multipliers m = resolveWhiteBalance(*raw, WhiteBalanceParams::from(e));
    Image mosaic = raw->mosaic, want;
    applyWhiteBalance(mosaic.view(), raw->layout, raw->cfa, m, HighlightMode::Reconstruct);
    demosaicHalf(mosaic.cview(), raw->cfa, want);
    reconstructHighlights(want.view(), m);
    applyMatrix(want.view(), workingFromCamera(raw->cameraFromXYZ));
    for (float& v : std::span(want.data(), want.sampleCount())) v = std::clamp(v, 0.f, 1.f);
    outputTransform(OutputSpace::SRGB, RenderingIntent::Perceptual)->apply(want.view());
    ASSERT_EQ(got.sampleCount(), want.sampleCount());
    float worst = 0;
    for (std::size_t i = 0; i < got.sampleCount(); ++i)
        worst = std::max(worst, std::abs(got.data()[i] - want.data()[i]));
    EXPECT_LT(worst, 1e-5f);
}

namespace {

/// A DNG written by the synthetic writer, decoded, in a pipeline.
Pipeline pipelineOf(const std::string& path, const Image& scene, const synth::DngOptions& o) {
    synth::writeDng(path, scene.cview(), o);
    return Pipeline(std::make_shared<RawImage>(decodeRaw(path)));
}

}  // namespace

TEST(Pipeline, ADngsDefaultCropLeavesItsBlackColumnsOutOfTheRender) {
    // A cinema camera's layout, scaled down: 12 bits, the default crop 16 columns and 8 rows
    // in from the sensor's edges, and the sensor's last 4 columns black.
    const test::TempDir dir("pipeline-crop");
    Image grey(540, 296, 3);
    for (float& v : std::span(grey.data(), grey.sampleCount())) v = 0.18f;
    synth::DngOptions o;
    o.blackLevel = 256;
    o.whiteLevel = 4095;
    o.blackBorder = {0, 0, 4, 0};
    o.defaultCrop = {16, 8, 512, 280};
    Pipeline p = pipelineOf(dir.str("cinema.dng"), grey, o);
    ASSERT_EQ(p.raw().mosaic.width(), 512);
    ASSERT_EQ(p.raw().mosaic.height(), 280);
    const Image out = p.render(EditDocument(), RenderOptions()).rgb;
    ASSERT_EQ(out.width(), 512);
    ASSERT_EQ(out.height(), 280);
    const Vec3 mean = test::meanOf(out.cview(), {0, 0, 512, 280});
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x)
            for (int c = 0; c < 3; ++c)
                ASSERT_NEAR(out.at(x, y, c), mean[c], 0.02) << "pixel " << x << "," << y;
}

namespace {

/// A camera that records 2.65 stops under and says so in BaselineExposure: mid-grey sits at
/// 0.18 once the tag is applied, and highlights of the given colour (linear sRGB) rise from
/// 0.3 to 0.9 of the sensor's clip in their largest camera channel, 1.9–5.7 times brighter
/// than a white card. Rendered with default edits, the highlights' share at display white (any
/// channel ≥ 254.5/255) must stay at 1 % or less: none of them is clipped in the raw.
void expectUnclippedHighlightsOffDisplayWhite(const Vec3& highlight) {
    const double ev = 2.65;
    synth::DngOptions o;
    o.exposureScale = std::exp2(-ev);
    const int w = 300, h = 200, greyW = 100;
    const Vec3 cam = mul(mul(o.cameraFromXYZ, xyzFromLinearSRGB()), highlight);
    const double largest = std::max({cam[0], cam[1], cam[2]}) * synth::dngExposureGain(o) /
                           (o.whiteLevel - o.blackLevel);
    Image scene(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double t = 0.3 + 0.6 * double(std::max(x - greyW, 0)) / (w - greyW - 1);
            for (int c = 0; c < 3; ++c)
                scene.at(x, y, c) = x < greyW ? 0.18f : float(t / largest * highlight[c]);
        }
    const test::TempDir dir("pipeline-baseline");
    Pipeline p = pipelineOf(dir.str("baseline.dng"), scene, o);
    const RawImage& raw = p.raw();
    ASSERT_NEAR(raw.baselineExposureEv, ev, 1e-5);
    float brightest = 0;
    for (int y = 0; y < h; ++y)
        for (int x = greyW; x < w; ++x) brightest = std::max(brightest, raw.mosaic.at(x, y));
    EXPECT_GT(brightest, 0.85f);
    ASSERT_LT(brightest, 1.f) << "the test's highlights must stay under the clip";

    const Image out = p.render(EditDocument(), RenderOptions()).rgb;
    ASSERT_EQ(out.width(), w);
    // Mid-grey lands where a camera's JPEG puts it (L* ≈ 51): the tag was applied.
    const Vec3 grey = test::meanOf(out.cview(), {10, 10, greyW - 20, h - 20});
    EXPECT_NEAR(test::labOfEncodedSRGB(grey)[0], 51, 4);
    int white = 0, counted = 0;
    for (int y = 0; y < h; ++y)
        for (int x = greyW; x < w; ++x) {
            ++counted;
            const float* px = out.cview().px(x, y);
            if (std::max({px[0], px[1], px[2]}) * 255.f >= 254.5f) ++white;
        }
    EXPECT_LE(white, counted / 100)
        << white << " of " << counted << " unclipped highlight pixels render at display white";
}

}  // namespace

TEST(Pipeline, ALargeBaselineExposureKeepsUnclippedNeutralHighlightsOffDisplayWhite) {
    expectUnclippedHighlightsOffDisplayWhite({1, 1, 1});  // clouds
}

// A saturated colour has a stronger channel in sRGB than in the Rec.2020 working space
// (this sky's blue ≈ 1.06 ×, pure blue up to 1.12 ×): with a norm taken in Rec.2020 alone,
// 99.5 % of this sky rendered with blue at 255. The standard rendering's norm includes the
// sRGB channels (tone.cpp), so the shoulder holds in every output space.
TEST(Pipeline, ALargeBaselineExposureKeepsAnUnclippedBlueSkyOffDisplayWhite) {
    expectUnclippedHighlightsOffDisplayWhite({0.24, 0.51, 1.0});
}
