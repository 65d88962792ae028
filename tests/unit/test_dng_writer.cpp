// SPDX-License-Identifier: GPL-3.0-or-later
// The synthetic DNG writer, checked through the real decoder: every value written (CFA phase,
// levels, matrix, neutral, exposure, orientation, names, default crop) must come back out of
// rf::decodeRaw, and the chart's patch colours must be recoverable from the mosaic by
// undoing the documented scene → sensor chain. A mosaic written as it is comes back to within
// a DN, with its pattern, white balance and matrix.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/error.h"
#include "rangefinder/raw.h"
#include "synth.h"

using namespace rf;
using namespace rf::synth;
namespace fs = std::filesystem;

namespace {

std::string tempPath(const std::string& name) {
    const fs::path dir = fs::path(RF_BINARY_DIR) / "test_dng_writer_tmp";
    fs::create_directories(dir);
    return (dir / name).string();
}

struct Phase {
    const char* name;
    CfaPattern cfa;
};
const Phase kPhases[] = {
    {"RGGB", {0, 1, 1, 2}}, {"GRBG", {1, 0, 2, 1}}, {"GBRG", {1, 2, 0, 1}}, {"BGGR", {2, 1, 1, 0}}};

/// The scene → camera matrix of synth.h without the exposure gain.
Mat3 sceneToCamera(const DngOptions& o) {
    return mul(o.cameraFromXYZ, mul(bradford(kD65, o.illuminantXYZ), xyzFromLinearSRGB()));
}

/// Mean camera RGB (normalised units) over a rectangle of a decoded mosaic.
Vec3 meanCamera(const RawImage& raw, const Rect& r) {
    Vec3 sum{0, 0, 0};
    double n[3] = {0, 0, 0};
    for (int y = r.y; y < r.y + r.height; ++y)
        for (int x = r.x; x < r.x + r.width; ++x) {
            if (raw.layout == SensorLayout::Bayer) {
                const int c = raw.cfa[std::size_t((y & 1) * 2 + (x & 1))];
                sum[c] += raw.mosaic.at(x, y);
                n[c] += 1;
            } else {
                for (int c = 0; c < 3; ++c) {
                    sum[c] += raw.mosaic.at(x, y, c);
                    n[c] += 1;
                }
            }
        }
    for (int c = 0; c < 3; ++c) sum[c] /= n[c];
    return sum;
}

/// Within quantisation: every site of a flat patch is off by at most half a DN, and the
/// inverse matrix mixes the three channels' errors.
void expectPatchesRoundTrip(const RawImage& raw, const DngOptions& o) {
    const double range = o.whiteLevel - o.blackLevel;
    const Mat3 undo = inverse(sceneToCamera(o));
    const double gain = dngExposureGain(o);
    double tol[3];
    for (int c = 0; c < 3; ++c)
        tol[c] = 0.5 / gain * (std::abs(undo[c][0]) + std::abs(undo[c][1]) + std::abs(undo[c][2])) +
                 1e-6;
    for (int i = 0; i < 24; ++i) {
        const Rect r = patchRect(i, raw.mosaic.width(), raw.mosaic.height());
        Vec3 cam = meanCamera(raw, r);
        for (double& v : cam) v *= range / gain;
        const Vec3 scene = mul(undo, cam);
        const Vec3 truth = patchLinearSRGB(colorChecker()[std::size_t(i)]);
        for (int c = 0; c < 3; ++c)
            EXPECT_NEAR(scene[c], truth[c], tol[c])
                << "patch " << colorChecker()[i].name << " c" << c;
    }
}

}  // namespace

TEST(DngWriter, EveryCfaPhaseDecodesWithItsPatternLevelsAndColors) {
    const Image chart = renderChart(240, 160);
    for (const Phase& ph : kPhases) {
        SCOPED_TRACE(ph.name);
        DngOptions o;
        o.cfa = ph.cfa;
        const std::string path = tempPath(std::string("chart-") + ph.name + ".dng");
        writeDng(path, chart.cview(), o);
        const RawImage raw = decodeRaw(path);
        EXPECT_EQ(raw.path, path);
        ASSERT_EQ(raw.layout, SensorLayout::Bayer);
        EXPECT_EQ(raw.cfa, ph.cfa);
        ASSERT_EQ(raw.mosaic.width(), 240);
        ASSERT_EQ(raw.mosaic.height(), 160);
        EXPECT_EQ(raw.mosaic.channels(), 1);
        EXPECT_EQ(raw.info.width, 240);
        EXPECT_EQ(raw.info.height, 160);

        // Site by site: each mosaic value is the documented DN, black-subtracted and
        // divided by the white range, for the colour the written pattern puts there.
        const double gain = dngExposureGain(o), range = o.whiteLevel - o.blackLevel;
        const Mat3 m = sceneToCamera(o);
        for (int y = 0; y < 160; y += 7)
            for (int x = 0; x < 240; x += 5) {
                const int c = ph.cfa[std::size_t((y & 1) * 2 + (x & 1))];
                const Vec3 rgb{chart.at(x, y, 0), chart.at(x, y, 1), chart.at(x, y, 2)};
                const double dn = std::clamp(std::nearbyint(o.blackLevel + gain * mul(m, rgb)[c]),
                                             0.0, double(o.whiteLevel));
                ASSERT_NEAR(raw.mosaic.at(x, y), (dn - o.blackLevel) / range, 1e-6)
                    << "site " << x << "," << y;
            }
        // Averaging a patch and undoing the camera chain gives the scene back to well
        // within a quantisation step per site.
        expectPatchesRoundTrip(raw, o);
    }
}

TEST(DngWriter, LinearRawDecodesAsThreeChannelCameraRgb) {
    const Image chart = renderChart(120, 80);
    DngOptions o;
    o.linear = true;
    o.cameraFromXYZ = cameraMatrixB();
    const std::string path = tempPath("chart-linear.dng");
    writeDng(path, chart.cview(), o);
    const RawImage raw = decodeRaw(path);
    ASSERT_EQ(raw.layout, SensorLayout::Linear);
    ASSERT_EQ(raw.mosaic.channels(), 3);
    ASSERT_EQ(raw.mosaic.width(), 120);
    ASSERT_EQ(raw.mosaic.height(), 80);
    expectPatchesRoundTrip(raw, o);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            EXPECT_NEAR(raw.cameraFromXYZ[r][c], o.cameraFromXYZ[r][c], 1e-6);
}

TEST(DngWriter, BlackIsZeroClipIsOneAndNeutralFollowsTheExposureRule) {
    // Three vertical bands: black, a Y = 1 neutral, and far above clipping.
    Image scene(60, 30, 3);  // dcraw-derived readers refuse anything under 22 pixels
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 60; ++x)
            for (int c = 0; c < 3; ++c) scene.at(x, y, c) = x < 20 ? 0.f : x < 40 ? 1.f : 50.f;
    DngOptions o;
    o.exposureScale = 0.3;
    o.blackLevel = 1024;
    o.whiteLevel = 15000;
    const std::string path = tempPath("bands.dng");
    writeDng(path, scene.cview(), o);
    const RawImage raw = decodeRaw(path);
    const Vec3 black = meanCamera(raw, {2, 2, 16, 16});
    const Vec3 neutral = meanCamera(raw, {22, 2, 16, 16});
    const Vec3 clip = meanCamera(raw, {42, 2, 16, 16});
    const double q = 1.0 / (o.whiteLevel - o.blackLevel);
    for (int c = 0; c < 3; ++c) {
        EXPECT_EQ(black[c], 0.0);
        EXPECT_EQ(clip[c], 1.0);
    }
    // The neutral's largest channel sits at exposureScale; the others follow AsShotNeutral.
    const double largest = std::max({neutral[0], neutral[1], neutral[2]});
    EXPECT_NEAR(largest, o.exposureScale, q);
    const Vec3 n = dngAsShotNeutral(o);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(neutral[c], o.exposureScale * n[c], q);
    EXPECT_GT(neutral[1], neutral[0]);  // green is the largest channel for this matrix
    EXPECT_GT(neutral[1], neutral[2]);
    EXPECT_NEAR(raw.baselineExposureEv, -std::log2(o.exposureScale), 1e-5);
}

TEST(DngWriter, WhiteBalanceMatrixAndMetadataComeBack) {
    const Image chart = renderChart(60, 40);
    DngOptions o;
    o.cameraFromXYZ = cameraMatrixB();
    o.illuminantXYZ = xyToXYZ(0.44757, 0.40745);  // CIE A
    o.orientation = 6;
    o.make = "Acme";
    o.model = "Test Body 7";
    o.artist = "A. Photographer";
    o.copyright = "(c) 2026 A. Photographer";
    o.writeBaselineExposure = false;
    const std::string path = tempPath("meta.dng");
    writeDng(path, chart.cview(), o);
    const RawImage raw = decodeRaw(path);
    const Vec3 n = dngAsShotNeutral(o);
    EXPECT_NEAR(raw.asShotMultipliers[0], n[1] / n[0], 1e-5);
    EXPECT_FLOAT_EQ(raw.asShotMultipliers[1], 1.f);
    EXPECT_NEAR(raw.asShotMultipliers[2], n[1] / n[2], 1e-5);
    ASSERT_TRUE(raw.hasColorMatrix);
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            EXPECT_NEAR(raw.cameraFromXYZ[r][c], o.cameraFromXYZ[r][c], 1e-6);
    // Daylight multipliers come from the matrix: they make D65 neutral.
    const Vec3 d65 = mul(o.cameraFromXYZ, kD65);
    EXPECT_NEAR(raw.daylightMultipliers[0], d65[1] / d65[0], 2e-3);
    EXPECT_NEAR(raw.daylightMultipliers[2], d65[1] / d65[2], 2e-3);
    EXPECT_EQ(raw.info.orientation, 6);
    EXPECT_EQ(raw.info.make, "Acme");
    EXPECT_EQ(raw.info.model, "Test Body 7");
    EXPECT_EQ(raw.info.artist, "A. Photographer");
    EXPECT_EQ(raw.info.copyright, "(c) 2026 A. Photographer");
    EXPECT_EQ(raw.baselineExposureEv, 0.f);

    const CaptureInfo info = readCaptureInfo(path);
    EXPECT_EQ(info.make, "Acme");
    EXPECT_EQ(info.orientation, 6);
    EXPECT_EQ(info.width, 60);
    EXPECT_EQ(info.height, 40);
    EXPECT_EQ(info.copyright, o.copyright);

    for (int orientation : {1, 3, 8}) {
        o.orientation = orientation;
        writeDng(path, chart.cview(), o);
        EXPECT_EQ(readCaptureInfo(path).orientation, orientation);
    }
}

TEST(DngWriter, NoiseHasTheRequestedSpreadAndIsDeterministic) {
    Image grey(64, 64, 3);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            for (int c = 0; c < 3; ++c) grey.at(x, y, c) = 0.2f;
    DngOptions o;
    o.noise = 0.01;
    const std::string a = tempPath("noise-a.dng"), b = tempPath("noise-b.dng");
    writeDng(a, grey.cview(), o);
    writeDng(b, grey.cview(), o);
    const auto bytes = [](const std::string& p) {
        std::ifstream f(p, std::ios::binary);
        return std::vector<char>(std::istreambuf_iterator<char>(f), {});
    };
    EXPECT_EQ(bytes(a), bytes(b));

    const RawImage raw = decodeRaw(a);
    // Spread of the green sites around their mean.
    double sum = 0, sum2 = 0, n = 0;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            if (raw.cfa[std::size_t((y & 1) * 2 + (x & 1))] == 1) {
                const double v = raw.mosaic.at(x, y);
                sum += v;
                sum2 += v * v;
                n += 1;
            }
    const double sd = std::sqrt(sum2 / n - (sum / n) * (sum / n));
    EXPECT_NEAR(sd, 0.01, 0.001);
}

TEST(DngWriter, RefusesBadOptionsAndUnwritablePaths) {
    const Image chart = renderChart(24, 16);
    DngOptions o;
    o.whiteLevel = o.blackLevel;
    EXPECT_THROW(writeDng(tempPath("bad.dng"), chart.cview(), o), Error);
    o = {};
    o.cfa = {0, 1, 3, 2};
    EXPECT_THROW(writeDng(tempPath("bad.dng"), chart.cview(), o), Error);
    o = {};
    Image mono(8, 8, 1);
    EXPECT_THROW(writeDng(tempPath("bad.dng"), mono.cview(), o), Error);
    try {
        writeDng("/nonexistent-dir/x.dng", chart.cview(), o);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), "/nonexistent-dir/x.dng");
    }
}

TEST(DngWriter, XTransTakesTheInterpolatedCameraRgbPath) {
    // LibRaw interpolates X-Trans only from 512 × 512 up (its tile size).
    const Image chart = renderChart(780, 540);
    DngOptions o;
    o.xtrans = true;
    const std::string path = tempPath("chart-xtrans.dng");
    writeDng(path, chart.cview(), o);
    const RawImage raw = decodeRaw(path);
    ASSERT_EQ(raw.layout, SensorLayout::Linear);
    ASSERT_EQ(raw.mosaic.channels(), 3);
    EXPECT_EQ(raw.mosaic.width(), 780);
    EXPECT_EQ(raw.mosaic.height(), 540);
    // Interpolated, not balanced, not colour converted: flat patches keep their camera RGB.
    const double range = o.whiteLevel - o.blackLevel, gain = dngExposureGain(o);
    const Mat3 m = sceneToCamera(o);
    for (int i = 0; i < 24; ++i) {
        const Vec3 expected = mul(m, patchLinearSRGB(colorChecker()[std::size_t(i)]));
        const Vec3 got = meanCamera(raw, patchRect(i, 780, 540, 0.3));
        for (int c = 0; c < 3; ++c)
            EXPECT_NEAR(got[c], gain * expected[c] / range, 2e-3)
                << colorChecker()[i].name << " c" << c;
    }
    EXPECT_NEAR(raw.cameraFromXYZ[1][1], o.cameraFromXYZ[1][1], 1e-6);
}

TEST(DngWriter, BaselineExposureUndoesTheExposureScaleInADngStyleRender) {
    // The rule synth.h documents, played through the way a raw pipeline renders: balance
    // with multipliers whose smallest is 1, map camera → XYZ with the inverse matrix scaled
    // so a balanced neutral (1,1,1) is the white at Y = 1, then apply BaselineExposure.
    const Image chart = renderChart(120, 80);
    DngOptions o;
    o.exposureScale = 0.35;
    o.cameraFromXYZ = cameraMatrixB();
    const std::string path = tempPath("exposure-rule.dng");
    writeDng(path, chart.cview(), o);
    const RawImage raw = decodeRaw(path);

    const float smallest =
        std::min({raw.asShotMultipliers[0], raw.asShotMultipliers[1], raw.asShotMultipliers[2]});
    Vec3 neutral;  // camera value of a balanced neutral before balancing
    for (int c = 0; c < 3; ++c) neutral[c] = smallest / raw.asShotMultipliers[std::size_t(c)];
    Mat3 xyzFromCamera = inverse(raw.cameraFromXYZ);
    const double y = mul(xyzFromCamera, neutral)[1];
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) xyzFromCamera[r][c] *= neutral[c] / y;
    const double gain = std::exp2(raw.baselineExposureEv);
    EXPECT_NEAR(gain, 1.0 / o.exposureScale, 1e-5);
    const Mat3 srgbFromXYZ = inverse(xyzFromLinearSRGB());

    for (int i = 0; i < 24; ++i) {
        Vec3 cam = meanCamera(raw, patchRect(i, 120, 80));
        for (int c = 0; c < 3; ++c) cam[c] *= raw.asShotMultipliers[std::size_t(c)] / smallest;
        Vec3 rgb = mul(srgbFromXYZ, mul(xyzFromCamera, cam));
        for (double& v : rgb) v *= gain;
        const Vec3 truth = patchLinearSRGB(colorChecker()[std::size_t(i)]);
        for (int c = 0; c < 3; ++c)
            EXPECT_NEAR(rgb[c], truth[c], 1e-3) << colorChecker()[i].name << " c" << c;
    }
}

TEST(DngWriter, CutCopiesAreRefusedAsTruncated) {
    const std::string path = tempPath("whole.dng");
    writeDng(path, renderChart(120, 80).cview(), DngOptions{});
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes(std::istreambuf_iterator<char>(in), {});
    for (double keep : {0.5, 0.99}) {
        const std::string cut = tempPath("cut.dng");
        const auto n = std::streamsize(double(bytes.size()) * keep);
        std::ofstream(cut, std::ios::binary).write(bytes.data(), n);
        try {
            decodeRaw(cut);
            ADD_FAILURE() << "a DNG cut to " << keep << " decoded";
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), cut);
            EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
        }
    }
}

namespace {

/// The decoded value of the site the writer puts scene pixel (x, y) on, seen through colour
/// c: synth.h's DN, black-subtracted and divided by the white range.
double expectedSite(const Image& scene, const DngOptions& o, int x, int y, int c) {
    const Vec3 rgb{scene.at(x, y, 0), scene.at(x, y, 1), scene.at(x, y, 2)};
    const double dn = std::clamp(
        std::nearbyint(o.blackLevel + dngExposureGain(o) * mul(sceneToCamera(o), rgb)[c]), 0.0,
        double(o.whiteLevel));
    return (dn - o.blackLevel) / (o.whiteLevel - o.blackLevel);
}

/// A CFA DNG whose default crop is exactly the scene, inside its black border: the decode is
/// the scene alone, site for site, with the CFA phase of the crop's corner, which counts from
/// the active area's (the writer's pattern does too).
void expectCropIsTheScene(const std::string& path, const Image& scene, const DngOptions& o) {
    const int ax = o.activeArea.x, ay = o.activeArea.y;
    const int cx = o.defaultCrop.x, cy = o.defaultCrop.y;
    ASSERT_EQ(ax + cx, o.blackBorder.left) << "the test's crop must be the scene";
    ASSERT_EQ(ay + cy, o.blackBorder.top);
    ASSERT_EQ(o.defaultCrop.width, scene.width());
    ASSERT_EQ(o.defaultCrop.height, scene.height());

    const RawImage raw = decodeRaw(path);
    ASSERT_EQ(raw.layout, SensorLayout::Bayer);
    ASSERT_EQ(raw.mosaic.width(), scene.width());
    ASSERT_EQ(raw.mosaic.height(), scene.height());
    EXPECT_EQ(raw.info.width, scene.width());
    EXPECT_EQ(raw.info.height, scene.height());
    const CaptureInfo info = readCaptureInfo(path);
    EXPECT_EQ(info.width, scene.width());
    EXPECT_EQ(info.height, scene.height());

    CfaPattern shifted;
    for (int i = 0; i < 4; ++i)
        shifted[std::size_t(i)] =
            o.cfa[std::size_t(((cy + (i >> 1)) & 1) * 2 + ((cx + (i & 1)) & 1))];
    EXPECT_EQ(raw.cfa, shifted);
    float lowest = 1;
    for (int y = 0; y < scene.height(); ++y)
        for (int x = 0; x < scene.width(); ++x) {
            const int c = o.cfa[std::size_t(((y + cy) & 1) * 2 + ((x + cx) & 1))];
            ASSERT_NEAR(raw.mosaic.at(x, y), expectedSite(scene, o, x, y, c), 1e-6)
                << "site " << x << "," << y;
            lowest = std::min(lowest, raw.mosaic.at(x, y));
        }
    EXPECT_GT(lowest, 0.003f) << "a black border site came through";
    expectPatchesRoundTrip(raw, o);
}

}  // namespace

TEST(DngWriter, DefaultCropCutsOffTheBlackBorderWithTheCfaPhaseOfItsCorner) {
    const Image chart = renderChart(120, 80);
    const int origins[][2] = {{2, 4}, {3, 2}, {2, 1}, {3, 1}};
    for (const Phase& ph : kPhases)
        for (const auto& origin : origins) {
            const int ox = origin[0], oy = origin[1];
            SCOPED_TRACE(std::string(ph.name) + " crop at " + std::to_string(ox) + "," +
                         std::to_string(oy));
            DngOptions o;
            o.cfa = ph.cfa;
            o.blackBorder = {ox, oy, 4, 2};
            o.defaultCrop = {ox, oy, 120, 80};
            const std::string path = tempPath("crop.dng");
            writeDng(path, chart.cview(), o);
            expectCropIsTheScene(path, chart, o);
            // The same through lossless JPEG tiles and Rangefinder's own decoder.
            o.ljpegTileWidth = 64;
            o.ljpegTileHeight = 32;
            writeDng(path, chart.cview(), o);
            expectCropIsTheScene(path, chart, o);
        }
}

TEST(DngWriter, DefaultCropCountsFromTheActiveArea) {
    // LibRaw moves an odd ActiveArea corner on by a site to keep its Bayer phase; the crop
    // still counts from the corner the file states, even where that is the site LibRaw left.
    const Image chart = renderChart(120, 80);
    struct Case {
        int activeX, activeY, cropX, cropY;
    };
    const Case cases[] = {{2, 2, 1, 1}, {1, 1, 4, 2}, {1, 1, 0, 0}, {3, 0, 0, 3}};
    for (const Phase& ph : kPhases)
        for (const Case& k : cases) {
            SCOPED_TRACE(std::string(ph.name) + " active area at " + std::to_string(k.activeX) +
                         "," + std::to_string(k.activeY) + ", crop at " + std::to_string(k.cropX) +
                         "," + std::to_string(k.cropY));
            DngOptions o;
            o.cfa = ph.cfa;
            o.blackBorder = {k.activeX + k.cropX, k.activeY + k.cropY, 4, 2};
            const int w = 120 + o.blackBorder.left + 4, h = 80 + o.blackBorder.top + 2;
            o.activeArea = {k.activeX, k.activeY, w - k.activeX, h - k.activeY};
            o.defaultCrop = {k.cropX, k.cropY, 120, 80};
            const std::string path = tempPath("crop-active.dng");
            writeDng(path, chart.cview(), o);
            expectCropIsTheScene(path, chart, o);
        }
}

TEST(DngWriter, WithoutAUsableDefaultCropTheWholeImageDecodes) {
    const Image chart = renderChart(120, 80);
    DngOptions o;
    o.cfa = {1, 2, 0, 1};
    o.blackBorder = {3, 1, 4, 2};
    const Rect ignored[] = {
        {},                // no tags
        {3, 1, 125, 80},   // one column past the image
        {3, 1, 120, 83},   // one row past it
        {0, 0, 0, 80},     // empty
        {200, 1, 20, 20},  // outside
    };
    for (const Rect& crop : ignored) {
        SCOPED_TRACE("crop " + std::to_string(crop.x) + "," + std::to_string(crop.y) + " " +
                     std::to_string(crop.width) + "x" + std::to_string(crop.height));
        o.defaultCrop = crop;
        const std::string path = tempPath("no-crop.dng");
        writeDng(path, chart.cview(), o);
        const RawImage raw = decodeRaw(path);
        ASSERT_EQ(raw.mosaic.width(), 127);
        ASSERT_EQ(raw.mosaic.height(), 83);
        EXPECT_EQ(readCaptureInfo(path).width, 127);
        EXPECT_EQ(raw.cfa, o.cfa);
        for (int y = 0; y < 83; ++y)
            for (int x = 0; x < 127; ++x) {
                const bool border = x < 3 || y < 1 || x >= 123 || y >= 81;
                const int c = o.cfa[std::size_t((y & 1) * 2 + (x & 1))];
                ASSERT_NEAR(raw.mosaic.at(x, y),
                            border ? 0.0 : expectedSite(chart, o, x - 3, y - 1, c), 1e-6)
                    << "site " << x << "," << y;
            }
    }
    // Inside the image but past the active area, which then decodes whole.
    o.activeArea = {0, 0, 124, 83};
    o.defaultCrop = {3, 1, 122, 80};
    const std::string path = tempPath("no-crop.dng");
    writeDng(path, chart.cview(), o);
    const RawImage raw = decodeRaw(path);
    EXPECT_EQ(raw.mosaic.width(), 124);
    EXPECT_EQ(raw.mosaic.height(), 83);
}

TEST(DngWriter, DefaultCropOfLinearAndXTransDngs) {
    {
        const Image chart = renderChart(120, 80);
        DngOptions o;
        o.linear = true;
        o.blackBorder = {3, 1, 4, 2};
        o.defaultCrop = {3, 1, 120, 80};
        const std::string path = tempPath("crop-linear.dng");
        writeDng(path, chart.cview(), o);
        const RawImage raw = decodeRaw(path);
        ASSERT_EQ(raw.layout, SensorLayout::Linear);
        ASSERT_EQ(raw.mosaic.width(), 120);
        ASSERT_EQ(raw.mosaic.height(), 80);
        for (int y = 0; y < 80; ++y)
            for (int x = 0; x < 120; ++x)
                for (int c = 0; c < 3; ++c)
                    ASSERT_NEAR(raw.mosaic.at(x, y, c), expectedSite(chart, o, x, y, c), 1e-6)
                        << "site " << x << "," << y << " c" << c;
    }
    {
        // LibRaw interpolates X-Trans over its whole visible area; the crop is cut from that.
        const Image chart = renderChart(780, 540);
        DngOptions o;
        o.xtrans = true;
        o.blackBorder = {5, 3, 4, 2};
        o.defaultCrop = {5, 3, 780, 540};
        const std::string path = tempPath("crop-xtrans.dng");
        writeDng(path, chart.cview(), o);
        const RawImage raw = decodeRaw(path);
        ASSERT_EQ(raw.layout, SensorLayout::Linear);
        ASSERT_EQ(raw.mosaic.width(), 780);
        ASSERT_EQ(raw.mosaic.height(), 540);
        EXPECT_EQ(readCaptureInfo(path).width, 780);
        // The chart's surround runs along every edge: no black border column or row. LibRaw
        // interpolates the outermost ones partly from the border, so they come out darker
        // (not black); the next ones in are exact.
        const double range = o.whiteLevel - o.blackLevel, gain = dngExposureGain(o);
        const Vec3 surround = mul(sceneToCamera(o), Vec3{0.03, 0.03, 0.03});
        for (int inset : {0, 1}) {
            const Rect edges[] = {{0, inset, 780, 1},
                                  {0, 539 - inset, 780, 1},
                                  {inset, 0, 1, 540},
                                  {779 - inset, 0, 1, 540}};
            for (const Rect& e : edges) {
                const Vec3 got = meanCamera(raw, e);
                for (int c = 0; c < 3; ++c) {
                    const double want = gain * surround[c] / range;
                    EXPECT_NEAR(got[c], want, (inset ? 0.02 : 0.6) * want)
                        << "edge " << e.x << "," << e.y << " c" << c;
                }
            }
        }
        // Half size: the crop at half the scale.
        DecodeOptions half;
        half.halfSize = true;
        const RawImage small = decodeRaw(path, half);
        EXPECT_EQ(small.mosaic.width(), 390);
        EXPECT_EQ(small.mosaic.height(), 270);
        for (int i = 0; i < 24; ++i) {
            const Vec3 expected =
                mul(sceneToCamera(o), patchLinearSRGB(colorChecker()[std::size_t(i)]));
            const Vec3 got = meanCamera(raw, patchRect(i, 780, 540, 0.3));
            for (int c = 0; c < 3; ++c)
                EXPECT_NEAR(got[c], gain * expected[c] / range, 2e-3)
                    << colorChecker()[i].name << " c" << c;
        }
    }
}

TEST(DngWriter, AMosaicComesBackWithItsValuesPatternBalanceAndMatrix) {
    // A ramp from a little below black to past white, with a different slope per row so that
    // every site of the 2×2 tile sees many values.
    const int w = 64, h = 48;
    Image mosaic(w, h, 1);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            mosaic.at(x, y) = -0.02f + 1.1f * float(x) / float(w - 1) * (0.5f + float(y) / h);
    const CfaPattern phases[] = {{1, 2, 0, 1}, {2, 1, 1, 0}};
    const int blacks[] = {128, 0};
    for (int k = 0; k < 2; ++k) {
        MosaicDngOptions o;
        o.cfa = phases[k];
        o.blackLevel = blacks[k];
        o.cameraFromXYZ = cameraMatrixB();
        o.asShotMultipliers = {2.1f, 1.f, 1.55f};
        o.orientation = 8;
        o.make = "Acme";
        o.model = "Mosaic 2";
        if (k == 1) o.baselineExposureEv = 0.75;
        SCOPED_TRACE("black " + std::to_string(o.blackLevel));
        const std::string path = tempPath("mosaic.dng");
        writeMosaicDng(path, mosaic.cview(), o);
        const RawImage raw = decodeRaw(path);
        ASSERT_EQ(raw.layout, SensorLayout::Bayer);
        EXPECT_EQ(raw.cfa, o.cfa);
        ASSERT_EQ(raw.mosaic.width(), w);
        ASSERT_EQ(raw.mosaic.height(), h);
        ASSERT_EQ(raw.mosaic.channels(), 1);
        // Within one DN; clipped at white, and at DN 0, which is below 0 only above black 0.
        const double step = 1.0 / (o.whiteLevel - o.blackLevel);
        const double floor = -o.blackLevel * step;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                const double v = std::clamp(double(mosaic.at(x, y)), floor, 1.0);
                ASSERT_NEAR(raw.mosaic.at(x, y), v, step) << "site " << x << "," << y;
            }
        EXPECT_LT(raw.mosaic.at(0, 0), o.blackLevel > 0 ? -0.01f : 1e-6f);
        EXPECT_EQ(raw.mosaic.at(w - 1, h - 1), 1.f);

        EXPECT_TRUE(raw.asShotRecorded);
        for (int c = 0; c < 3; ++c)
            EXPECT_NEAR(raw.asShotMultipliers[std::size_t(c)], o.asShotMultipliers[std::size_t(c)],
                        1e-5);
        ASSERT_TRUE(raw.hasColorMatrix);
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 3; ++c)
                EXPECT_NEAR(raw.cameraFromXYZ[r][c], o.cameraFromXYZ[r][c], 1e-6);
        EXPECT_EQ(raw.info.make, "Acme");
        EXPECT_EQ(raw.info.model, "Mosaic 2");
        EXPECT_EQ(raw.info.orientation, 8);
        // No BaselineExposure unless asked: the file renders like a camera's own raw.
        EXPECT_EQ(raw.hasBaselineExposure, o.baselineExposureEv.has_value());
        EXPECT_NEAR(raw.baselineExposureEv, o.baselineExposureEv.value_or(0), 1e-5);
    }
}

TEST(DngWriter, AMosaicMustBeOneChannelOfNumbersWithPositiveMultipliers) {
    Image mosaic(32, 32, 1);
    MosaicDngOptions o;
    EXPECT_THROW(writeMosaicDng(tempPath("bad.dng"), renderChart(32, 32).cview(), o), Error);
    mosaic.at(5, 5) = std::nanf("");
    EXPECT_THROW(writeMosaicDng(tempPath("bad.dng"), mosaic.cview(), o), Error);
    mosaic.at(5, 5) = 0;
    o.asShotMultipliers = {2, 1, 0};
    EXPECT_THROW(writeMosaicDng(tempPath("bad.dng"), mosaic.cview(), o), Error);
    o = {};
    o.whiteLevel = 70000;
    EXPECT_THROW(writeMosaicDng(tempPath("bad.dng"), mosaic.cview(), o), Error);
}
