// SPDX-License-Identifier: GPL-3.0-or-later
// Lens correction against known truth. A grid of dots and a flat field are "taken" through a
// lens from lensfun's database — the Canon EF-S 17-85mm at 17 mm, f/4, on a Canon EOS 30D, its
// calibration copied from the database's XML, so no interpolation stands between the truth and
// what the pipeline finds — by synth::lensMosaic, which inverts the lens's models on its own,
// and written as a DNG whose EXIF names the camera and lens. The pipeline finds the profile by
// itself, and what it renders is measured: dot centroids against the scene's positions (up to
// the zoom that hides the empty border), red and blue against green, the flat field's corners
// against its centre. A lens the database does not know renders as it did, with a message.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/lens.h"
#include "rangefinder/params.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;

namespace {

constexpr int kW = 1800, kH = 1200;
// Dots of σ = 3 px: sharper ones make the full-size demosaic (which interpolates red and blue
// from colour differences to green) pull red towards green by ~0.2 px whatever the lens
// correction does, which would measure the demosaic rather than the correction.
constexpr double kSpacing = 48, kSigma = 3.0, kBackground = 0.05, kDot = 0.6;
const char* const kLens = "Canon EF-S 17-85mm f/4-5.6 IS USM";

// slr-canon.xml, the EF-S 17-85mm at 17 mm (f/4 for vignetting); the EOS 30D's crop factor.
synth::LensTruth truth() {
    synth::LensTruth t;
    t.a = 0.021181, t.b = -0.055581, t.c = 0;
    t.br = -0.0000453, t.vr = 1.0007600, t.bb = -0.0000006, t.vb = 1.0000753;
    t.k1 = -0.9839, t.k2 = 0.7916, t.k3 = -0.4822;
    t.calibrationCrop = 1.611, t.calibrationAspect = 1.5, t.crop = 1.6;
    return t;
}

double centreX() {
    return (kW - 1) / 2.0;
}
double centreY() {
    return (kH - 1) / 2.0;
}

// The dot grid, centred on the frame's centre: Gaussian dots on a dark ground.
double dots(double x, double y, int) {
    const double gx = centreX() + std::round((x - centreX()) / kSpacing) * kSpacing;
    const double gy = centreY() + std::round((y - centreY()) / kSpacing) * kSpacing;
    const double d2 = (x - gx) * (x - gx) + (y - gy) * (y - gy);
    return kBackground + kDot * std::exp(-d2 / (2 * kSigma * kSigma));
}

std::shared_ptr<const RawImage> shoot(const test::TempDir& dir, const std::string& name,
                                      double (*scene)(double, double, int),
                                      const std::string& lens = kLens) {
    const auto fn = [scene](double x, double y, int c) { return scene(x, y, c); };
    const Image mosaic = synth::lensMosaic(kW, kH, {0, 1, 1, 2}, truth(), fn);
    synth::MosaicDngOptions o;
    // Camera RGB is linear Rec.2020, so the pipeline's working space is the camera's planes
    // unmixed and TCA can be measured plane by plane.
    o.cameraFromXYZ = inverse(xyzFromLinearRec2020());
    o.blackLevel = 512;
    o.whiteLevel = 16383;
    o.make = "Canon";
    o.model = "Canon EOS 30D";
    o.lensMake = "Canon";
    o.lensModel = lens;
    o.focalLength = 17;
    o.fNumber = 4;
    o.focalLength35mm = 27;
    o.baselineExposureEv = 0;
    const std::string path = dir.str(name);
    synth::writeMosaicDng(path, mosaic.cview(), o);
    // RF_LENS_TEST_OUT=folder keeps the charts, to look at them through the CLI.
    if (const char* keep = std::getenv("RF_LENS_TEST_OUT"))
        std::filesystem::copy_file(path, std::filesystem::path(keep) / name,
                                   std::filesystem::copy_options::overwrite_existing);
    return std::make_shared<const RawImage>(decodeRaw(path));
}

struct Centroid {
    double x = 0, y = 0;
    bool ok = false;
};

// Intensity-weighted centroid of one plane above the window's border level.
Centroid centroid(const Image& img, int c, double px, double py, int half) {
    const int x0 = int(std::lround(px)) - half, y0 = int(std::lround(py)) - half;
    if (x0 < 0 || y0 < 0 || x0 + 2 * half >= img.width() || y0 + 2 * half >= img.height())
        return {};
    std::vector<float> border;
    for (int i = 0; i <= 2 * half; ++i) {
        border.push_back(img.row(y0)[3 * (x0 + i) + c]);
        border.push_back(img.row(y0 + 2 * half)[3 * (x0 + i) + c]);
        border.push_back(img.row(y0 + i)[3 * x0 + c]);
        border.push_back(img.row(y0 + i)[3 * (x0 + 2 * half) + c]);
    }
    std::nth_element(border.begin(), border.begin() + std::ptrdiff_t(border.size() / 2),
                     border.end());
    const double bg = border[border.size() / 2];
    double s = 0, sx = 0, sy = 0;
    for (int y = y0; y <= y0 + 2 * half; ++y)
        for (int x = x0; x <= x0 + 2 * half; ++x) {
            const double v = std::max(0.0, double(img.row(y)[3 * x + c]) - bg);
            s += v;
            sx += v * x;
            sy += v * y;
        }
    if (s <= 0) return {};
    return {sx / s, sy / s, true};
}

EditDocument linearEdits() {
    EditDocument e;
    return e;
}

}  // namespace

TEST(Lens, TheProfileIsFoundFromTheFilesMetadata) {
    test::TempDir dir("lens-profile");
    const auto raw = shoot(dir, "dots.dng", dots);
    EXPECT_EQ(raw->info.lens, kLens);
    EXPECT_EQ(raw->info.lensMake, "Canon");
    EXPECT_FLOAT_EQ(raw->info.focalLengthMm, 17);
    EXPECT_FLOAT_EQ(raw->info.aperture, 4);
    const LensProfile p = Pipeline(raw).lensProfile(EditDocument{});
    EXPECT_EQ(p.source, LensProfile::Source::Lensfun) << p.message;
    EXPECT_TRUE(p.exact) << p.message;
    EXPECT_EQ(p.lensModel, kLens);
    EXPECT_EQ(p.cameraModel, "Canon EOS 30D");
    EXPECT_TRUE(p.hasDistortion && p.hasTca && p.hasVignetting) << p.message;
    EXPECT_TRUE(p.applies(LensParams{}));
}

TEST(Lens, DotsLandWhereTheSceneHasThemAndThePlanesRegister) {
    test::TempDir dir("lens-dots");
    const auto raw = shoot(dir, "dots.dng", dots);
    Pipeline pipeline(raw);
    const Image img = pipeline.sceneLinear(linearEdits(), OutputSize{});
    ASSERT_EQ(img.width(), kW);
    ASSERT_EQ(img.height(), kH);

    // The scene's dots, and where the first pass finds them (zoom 1 predicts them within a
    // few pixels; the window holds one dot).
    struct Dot {
        double x, y;  // in the scene
        Centroid g;
    };
    std::vector<Dot> found;
    for (double y = centreY() - 12 * kSpacing; y < kH; y += kSpacing)
        for (double x = centreX() - 19 * kSpacing; x < kW; x += kSpacing) {
            if (x < 0 || y < 0) continue;
            const Centroid g = centroid(img, 1, x, y, 16);
            if (g.ok) found.push_back({x, y, g});
        }
    ASSERT_GT(found.size(), 500u);
    // The zoom that hides the empty border is the framing's choice, not the lens's: fitted.
    double num = 0, den = 0;
    for (const Dot& d : found) {
        const double ux = d.x - centreX(), uy = d.y - centreY();
        num += (d.g.x - centreX()) * ux + (d.g.y - centreY()) * uy;
        den += ux * ux + uy * uy;
    }
    const double zoom = num / den;
    std::printf("zoom %.5f\n", zoom);

    double sum = 0, sumCorner = 0, worst = 0, sumR = 0, sumB = 0, worstRB = 0;
    int n = 0, nCorner = 0;
    const double rMax = std::hypot(centreX(), centreY());
    for (const Dot& d : found) {
        const double ex = centreX() + zoom * (d.x - centreX());
        const double ey = centreY() + zoom * (d.y - centreY());
        // A second, tighter pass around the predicted position.
        const Centroid g = centroid(img, 1, ex, ey, 7);
        const Centroid r = centroid(img, 0, ex, ey, 7);
        const Centroid b = centroid(img, 2, ex, ey, 7);
        if (!g.ok || !r.ok || !b.ok) continue;
        const double e = std::hypot(g.x - ex, g.y - ey);
        sum += e;
        ++n;
        worst = std::max(worst, e);
        if (std::hypot(ex - centreX(), ey - centreY()) > 0.75 * rMax) {
            sumCorner += e;
            ++nCorner;
        }
        const double er = std::hypot(r.x - g.x, r.y - g.y);
        const double eb = std::hypot(b.x - g.x, b.y - g.y);
        sumR += er;
        sumB += eb;
        worstRB = std::max({worstRB, er, eb});
    }
    ASSERT_GT(n, 500);
    ASSERT_GT(nCorner, 30);
    std::printf(
        "dots %d: mean error %.3f px, corners (%d) %.3f px, worst %.3f px; red %.3f px, "
        "blue %.3f px from green (worst %.3f)\n",
        n, sum / n, nCorner, sumCorner / nCorner, worst, sumR / n, sumB / n, worstRB);
    EXPECT_LE(sum / n, 0.3);
    EXPECT_LE(sumCorner / nCorner, 0.5);
    EXPECT_LE(sumR / n, 0.15);
    EXPECT_LE(sumB / n, 0.15);

    {
        EditDocument noTca;
        noTca.setBool("lens.tca", false);
        const Image t0 = pipeline.sceneLinear(noTca, OutputSize{});
        double sr = 0;
        int k = 0;
        for (const Dot& d : found) {
            const double ex = centreX() + zoom * (d.x - centreX());
            const double ey = centreY() + zoom * (d.y - centreY());
            const Centroid g = centroid(t0, 1, ex, ey, 7), r = centroid(t0, 0, ex, ey, 7);
            if (!g.ok || !r.ok) continue;
            sr += std::hypot(r.x - g.x, r.y - g.y);
            ++k;
        }
        std::printf("without TCA correction: red %.3f px from green\n", sr / k);
        // The lens's TCA is there to correct (0.6 px in the corners).
        EXPECT_GT(sr / k, 0.25);
    }
    // Without the correction the corners are far off: the test measures something.
    EditDocument off;
    off.setBool("lens.distortion", false);
    off.setBool("lens.tca", false);
    off.setBool("lens.vignetting", false);
    const Image raw0 = pipeline.sceneLinear(off, OutputSize{});
    double sumOff = 0;
    int nOff = 0;
    for (const Dot& d : found) {
        const Centroid g = centroid(raw0, 1, d.x, d.y, 16);
        if (!g.ok) continue;
        sumOff += std::hypot(g.x - d.x, g.y - d.y);
        ++nOff;
    }
    std::printf("uncorrected: mean error %.3f px\n", sumOff / nOff);
    EXPECT_GT(sumOff / nOff, 2.0);
}

double flat(double, double, int) {
    return 0.4;
}

TEST(Lens, AFlatFieldIsFlatAfterCorrection) {
    test::TempDir dir("lens-flat");
    const auto raw = shoot(dir, "flat.dng", flat);
    Pipeline pipeline(raw);
    const Image img = pipeline.sceneLinear(linearEdits(), OutputSize{});
    const int s = 24;
    const Vec3 centre = test::meanOf(img.cview(), {kW / 2 - s / 2, kH / 2 - s / 2, s, s});
    double worst = 0;
    for (const Rect& r : {Rect{4, 4, s, s}, Rect{kW - 4 - s, 4, s, s}, Rect{4, kH - 4 - s, s, s},
                          Rect{kW - 4 - s, kH - 4 - s, s, s}}) {
        const Vec3 corner = test::meanOf(img.cview(), r);
        for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(corner[c] / centre[c] - 1));
    }
    std::printf("flat field: worst corner/centre deviation %.4f\n", worst);
    EXPECT_LE(worst, 0.01);

    EditDocument off;
    off.setBool("lens.vignetting", false);
    const Image dark = pipeline.sceneLinear(off, OutputSize{});
    const Vec3 c0 = test::meanOf(dark.cview(), {kW / 2 - s / 2, kH / 2 - s / 2, s, s});
    const Vec3 k0 = test::meanOf(dark.cview(), {4, 4, s, s});
    std::printf("without vignetting correction: corner/centre %.3f\n", k0[1] / c0[1]);
    EXPECT_LT(k0[1] / c0[1], 0.5);
}

TEST(Lens, ALensTheDatabaseDoesNotKnowRendersUnchangedWithAMessage) {
    test::TempDir dir("lens-unknown");
    const auto raw = shoot(dir, "unknown.dng", dots, "Acme Unobtainium 17mm f/4");
    Pipeline pipeline(raw);
    const LensProfile p = pipeline.lensProfile(EditDocument{});
    EXPECT_EQ(p.source, LensProfile::Source::None);
    EXPECT_NE(p.message.find("no profile for the lens 'Acme Unobtainium 17mm f/4'"),
              std::string::npos)
        << p.message;
    EditDocument off;
    off.setBool("lens.distortion", false);
    off.setBool("lens.tca", false);
    off.setBool("lens.vignetting", false);
    RenderOptions o;
    o.size = OutputSize{};
    const RenderResult a = pipeline.render(EditDocument{}, o);
    Pipeline fresh(raw);
    const RenderResult b = fresh.render(off, o);
    ASSERT_EQ(a.rgb.sampleCount(), b.rgb.sampleCount());
    EXPECT_EQ(0, std::memcmp(a.rgb.data(), b.rgb.data(), a.rgb.sampleCount() * sizeof(float)));
}

TEST(Lens, EditsFromBeforeLensCorrectionKeepTheUncorrectedPicture) {
    // Format 2 with stage versions, written before the lens stage existed: it has edits and no
    // "lens" version, so the migration from version 0 switches the corrections off.
    const EditDocument old = EditDocument::fromJson(
        R"({"format": "rangefinder-edit", "version": 2, "stages": {"demosaic": 1,
            "highlights": 1, "whitebalance": 1, "tone": 2, "geometry": 1, "look": 1},
            "params": {"exposure.ev": 0.5}})");
    const LensParams p = LensParams::from(old);
    EXPECT_FALSE(p.distortion);
    EXPECT_FALSE(p.tca);
    EXPECT_FALSE(p.vignetting);
    EXPECT_TRUE(p.isIdentity());
    // Today's document (and an empty one) has them on.
    EXPECT_FALSE(LensParams::from(EditDocument{}).isIdentity());
    EditDocument now;
    now.setFloat("exposure.ev", 0.5);
    const EditDocument again = EditDocument::fromJson(now.toJson());
    EXPECT_TRUE(LensParams::from(again).distortion);
}

// At a web size the map is computed at the output's scale: the dots land where the scene has
// them, scaled, and a one-shot export (whose demosaic runs in bands straight into the resize)
// renders what a cached preview of the same size does.
TEST(Lens, AtAWebSizeTheDotsLandWhereTheSceneHasThem) {
    test::TempDir dir("lens-web");
    const auto raw = shoot(dir, "dots.dng", dots);
    const int longEdge = 1000;  // 0.56 of the sensor: the gradient demosaic, banded one-shot
    RenderOptions o;
    o.size = outputSizeFromString(std::to_string(longEdge));
    EditDocument linear;
    linear.setText("tone.curve", "linear");
    Pipeline cached(raw);
    const RenderResult a = cached.render(linear, o);
    o.oneShot = true;
    Pipeline once(raw);
    const RenderResult b = once.render(linear, o);
    ASSERT_EQ(a.rgb.width(), longEdge);
    ASSERT_EQ(b.rgb.width(), longEdge);
    float worst = 0;
    for (std::size_t i = 0; i < a.rgb.sampleCount(); ++i)
        worst = std::max(worst, std::abs(a.rgb.data()[i] - b.rgb.data()[i]));
    EXPECT_LT(worst, 2e-3f);

    const Image img = cached.sceneLinear(EditDocument{}, o.size);
    const double zoom = 1.00046;  // as measured at full size (the map's zoom is scale-free)
    // 1000 × 667: each axis has its own scale (667 / 1200 is not 1000 / 1800).
    const double sx = double(img.width()) / kW, sy = double(img.height()) / kH;
    double sum = 0;
    int n = 0;
    for (double y = centreY() - 12 * kSpacing; y < kH; y += kSpacing)
        for (double x = centreX() - 19 * kSpacing; x < kW; x += kSpacing) {
            if (x < 0 || y < 0) continue;
            const double ex = (centreX() + zoom * (x - centreX()) + 0.5) * sx - 0.5;
            const double ey = (centreY() + zoom * (y - centreY()) + 0.5) * sy - 0.5;
            const Centroid g = centroid(img, 1, ex, ey, 5);
            if (!g.ok) continue;
            sum += std::hypot(g.x - ex, g.y - ey);
            ++n;
        }
    ASSERT_GT(n, 500);
    std::printf("web size %d px: %d dots, mean error %.3f output px\n", longEdge, n, sum / n);
    EXPECT_LE(sum / n, 0.3);
}

// Geometry composes with the lens into the one resampling: a quarter turn and a crop of the
// corrected picture are that picture turned and cut, pixel for pixel (to the map's knots).
TEST(Lens, AQuarterTurnAndACropComposeWithTheCorrection) {
    test::TempDir dir("lens-geometry");
    const auto raw = shoot(dir, "dots.dng", dots);
    Pipeline pipeline(raw);
    const Image plain = pipeline.sceneLinear(EditDocument{}, OutputSize{});
    EditDocument turned;
    turned.setFloat("geometry.rotate", 90);
    turned.setFloat("crop.left", 0.25);
    turned.setFloat("crop.right", 0.75);
    const Image t = pipeline.sceneLinear(turned, OutputSize{});
    // Turned clockwise, the 1200-row frame is 1200 wide; the crop keeps its columns 300 … 899.
    ASSERT_EQ(t.width(), kH / 2);
    ASSERT_EQ(t.height(), kW);
    double worst = 0;
    for (int v = 0; v < t.height(); v += 7)
        for (int u = 0; u < t.width(); u += 5) {
            // out(u, v) = in(v, H − 1 − u) for a clockwise turn, u counted before the crop.
            const int x = v, y = kH - 1 - (u + kH / 4);
            for (int c = 0; c < 3; ++c)
                worst = std::max(worst,
                                 double(std::abs(t.row(v)[3 * u + c] - plain.row(y)[3 * x + c])));
        }
    EXPECT_LT(worst, 2e-3);
}
