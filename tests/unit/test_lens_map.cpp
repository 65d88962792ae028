// SPDX-License-Identifier: GPL-3.0-or-later
// The lens map: lensfun's models as lens::LensMap evaluates them, checked against lensfun's own
// lfModifier at points across the frame (this test includes lensfun.h to do so; the product's
// only user of it is the adapter); the zoom that hides the empty border; and a DNG's
// WarpRectilinear and FixVignetteRadial opcodes against the DNG 1.4 specification's formulas,
// worked by hand, through the map and through a whole render.
#include <gtest/gtest.h>
#include <lensfun.h>

#include <cmath>
#include <memory>

#include "io/lensfun_adapter.h"
#include "rangefinder/lens.h"
#include "rangefinder/pipeline.h"
#include "stages/lens/lens_map.h"

using namespace rf;

namespace {

struct LfLens {
    lfDatabase* db = nullptr;
    const lfCamera* camera = nullptr;
    const lfLens* lens = nullptr;
    const lfCamera** cams = nullptr;
    const lfLens** lenses = nullptr;
    LfLens(const char* maker, const char* model, const char* lensName) {
        db = new lfDatabase();
        db->Load();
        cams = db->FindCameras(maker, model);
        camera = cams ? cams[0] : nullptr;
        lenses = db->FindLenses(camera, nullptr, lensName);
        lens = lenses ? lenses[0] : nullptr;
    }
    ~LfLens() {
        lf_free(cams);
        lf_free(lenses);
        delete db;
    }
};

CaptureInfo shot(const char* lens, float focal, float aperture) {
    CaptureInfo i;
    i.make = "Canon";
    i.model = "Canon EOS 30D";
    i.lens = lens;
    i.focalLengthMm = focal;
    i.aperture = aperture;
    return i;
}

}  // namespace

TEST(LensMap, MatchesLensfunsOwnModifier) {
    for (const char* name : {"Canon EF-S 17-85mm f/4-5.6 IS USM",
                             "Canon EF-S 10-22mm f/3.5-4.5 USM", "Canon EF-S 18-55mm f/3.5-5.6"}) {
        for (float focal : {11.f, 17.f, 20.f, 35.f}) {
            LfLens lf("Canon", "Canon EOS 30D", name);
            ASSERT_TRUE(lf.lens) << name;
            if (focal < lf.lens->MinFocal || focal > lf.lens->MaxFocal) continue;
            const int W = 3000, H = 2000;
            const lensfun::Found found = lensfun::find(shot(name, focal, 5.6f), "", name);
            ASSERT_EQ(found.profile.source, LensProfile::Source::Lensfun) << found.profile.message;
            const lens::LensMap map =
                lens::LensMap::fromLensfun(found.calibration, W, H, true, true, true);
            lfModifier mod(lf.lens, lf.camera->CropFactor, W, H);
            mod.Initialize(lf.lens, LF_PF_F32, focal, 5.6f, 1000, 1.0, lf.lens->Type,
                           LF_MODIFY_DISTORTION | LF_MODIFY_TCA, false);
            double worst = 0;
            for (double y : {0.0, 333.0, 999.5, 1700.0, 1999.0})
                for (double x : {0.0, 400.0, 1499.5, 2600.0, 2999.0}) {
                    float res[6];
                    mod.ApplySubpixelGeometryDistortion(float(x), float(y), 1, 1, res);
                    // Our map includes the zoom; undo it to compare the lens alone.
                    const double z = map.zoom();
                    const double ux = (W - 1) / 2.0 + (x - (W - 1) / 2.0) * z;
                    const double uy = (H - 1) / 2.0 + (y - (H - 1) / 2.0) * z;
                    double xs[3], ys[3];
                    map.source(ux, uy, xs, ys);
                    for (int c = 0; c < 3; ++c)
                        worst = std::max({worst, std::abs(xs[c] - res[2 * c]),
                                          std::abs(ys[c] - res[2 * c + 1])});
                }
            // lensfun computes in single precision: a few thousandths of a pixel.
            EXPECT_LT(worst, 0.02) << name << " at " << focal << " mm";
        }
    }
}

TEST(LensMap, VignettingMatchesLensfunsOwnModifier) {
    const char* name = "Canon EF-S 17-85mm f/4-5.6 IS USM";
    LfLens lf("Canon", "Canon EOS 30D", name);
    ASSERT_TRUE(lf.lens);
    const int W = 3000, H = 2000;
    const lensfun::Found found = lensfun::find(shot(name, 17, 4), "", name);
    const lens::LensMap map =
        lens::LensMap::fromLensfun(found.calibration, W, H, false, false, true);
    lfModifier mod(lf.lens, lf.camera->CropFactor, W, H);
    mod.Initialize(lf.lens, LF_PF_F32, 17, 4, 1000, 1.0, lf.lens->Type, LF_MODIFY_VIGNETTING,
                   false);
    for (int y : {0, 500, 1000, 1999})
        for (int x : {0, 700, 1500, 2999}) {
            float px[3] = {1, 1, 1};
            mod.ApplyColorModification(px, float(x), float(y), 1, 1, LF_CR_3(RED, GREEN, BLUE), 0);
            EXPECT_NEAR(map.gain(x, y), px[1], 2e-3 * px[1]) << x << ", " << y;
        }
}

TEST(LensMap, TheZoomLeavesNoEmptyBorder) {
    const char* name = "Canon EF-S 10-22mm f/3.5-4.5 USM";
    const lensfun::Found found = lensfun::find(shot(name, 10, 4), "", name);
    ASSERT_TRUE(found.profile.exact) << found.profile.message;
    const int W = 1200, H = 800;
    const lens::LensMap map =
        lens::LensMap::fromLensfun(found.calibration, W, H, true, true, false);
    bool touches = false;
    for (int i = 0; i <= 200; ++i) {
        const double t = i / 200.0;
        for (const auto& [x, y] : {std::pair{t * (W - 1), 0.0}, std::pair{t * (W - 1), H - 1.0},
                                   std::pair{0.0, t * (H - 1)}, std::pair{W - 1.0, t * (H - 1)}}) {
            double xs[3], ys[3];
            map.source(x, y, xs, ys);
            for (int c = 0; c < 3; ++c) {
                EXPECT_GE(xs[c], -1e-3);
                EXPECT_LE(xs[c], W - 1 + 1e-3);
                EXPECT_GE(ys[c], -1e-3);
                EXPECT_LE(ys[c], H - 1 + 1e-3);
                touches = touches || std::abs(xs[c]) < 0.01 || std::abs(ys[c]) < 0.01 ||
                          std::abs(xs[c] - (W - 1)) < 0.01 || std::abs(ys[c] - (H - 1)) < 0.01;
            }
        }
    }
    EXPECT_TRUE(touches) << "the zoom is the smallest that hides the border";
}

TEST(LensMap, DngWarpRectilinearFollowsTheSpecification) {
    DngLensOpcodes o;
    DngWarpRectilinear w;
    w.planes = 3;
    w.coefficients[0] = {1.001, -0.02, 0.004, 0, 0.001, -0.0005};
    w.coefficients[1] = {1.0, -0.02, 0.004, 0, 0.001, -0.0005};
    w.coefficients[2] = {0.999, -0.02, 0.004, 0, 0.001, -0.0005};
    w.centerX = 510;
    w.centerY = 380;
    w.radius = std::hypot(510.0, 380.0);
    o.warp = w;
    const lens::LensMap map = lens::LensMap::fromDng(o, 1000, 750, true, true, false);
    const double z = map.zoom();
    // The corrected image's (x, y) → the source, by the specification's formulas by hand.
    for (const auto& [x, y] : {std::pair{100.0, 80.0}, std::pair{900.0, 700.0},
                               std::pair{510.0, 380.0}, std::pair{20.0, 600.0}}) {
        double xs[3], ys[3];
        // The map's input is the zoomed frame: feed it the point that unzooms to (x, y).
        map.source(499.5 + (x - 499.5) * z, 374.5 + (y - 374.5) * z, xs, ys);
        for (int p = 0; p < 3; ++p) {
            const auto& k = w.coefficients[std::size_t(p)];
            const double dx = (x - w.centerX) / w.radius, dy = (y - w.centerY) / w.radius;
            const double r2 = dx * dx + dy * dy;
            const double f = k[0] + k[1] * r2 + k[2] * r2 * r2 + k[3] * r2 * r2 * r2;
            const double ex =
                w.centerX + w.radius * (dx * f + k[4] * 2 * dx * dy + k[5] * (r2 + 2 * dx * dx));
            const double ey =
                w.centerY + w.radius * (dy * f + k[5] * 2 * dx * dy + k[4] * (r2 + 2 * dy * dy));
            EXPECT_NEAR(xs[p], ex, 1e-9) << p;
            EXPECT_NEAR(ys[p], ey, 1e-9) << p;
        }
    }
}

TEST(LensMap, DngFixVignetteRadialFollowsTheSpecification) {
    DngLensOpcodes o;
    DngVignetteRadial v;
    v.k = {0.3, 0.1, 0.05, 0.01, 0.001};
    v.centerX = 400;
    v.centerY = 300;
    v.radius = 500;
    o.vignette = v;
    const lens::LensMap map = lens::LensMap::fromDng(o, 800, 600, true, true, true);
    EXPECT_FALSE(map.warps());
    EXPECT_DOUBLE_EQ(map.zoom(), 1);
    for (const auto& [x, y] :
         {std::pair{0.0, 0.0}, std::pair{400.0, 300.0}, std::pair{700.0, 100.0}}) {
        const double r2 = ((x - 400) * (x - 400) + (y - 300) * (y - 300)) / (500.0 * 500.0);
        double g = 1, rn = 1;
        for (double k : v.k) g += k * (rn *= r2);
        EXPECT_NEAR(map.gain(x, y), g, 1e-5 * g);
    }
}

// A whole render of a RawImage built by hand: linear camera RGB, a flat field darkened the way
// FixVignetteRadial says, comes out flat; with the switch off it keeps its falloff; and
// the DNG's opcodes are reported as the profile.
TEST(LensMap, ARenderAppliesTheDngsOpcodes) {
    auto raw = std::make_shared<RawImage>();
    raw->layout = SensorLayout::Linear;
    const int W = 300, H = 200;
    raw->mosaic.resize(W, H, 3);
    DngVignetteRadial v;
    v.k = {0.4, 0.1, 0, 0, 0};
    v.centerX = (W - 1) / 2.0;
    v.centerY = (H - 1) / 2.0;
    v.radius = std::hypot(v.centerX, v.centerY);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            const double r2 =
                (std::pow(x - v.centerX, 2) + std::pow(y - v.centerY, 2)) / (v.radius * v.radius);
            for (int c = 0; c < 3; ++c)
                raw->mosaic.row(y)[3 * x + c] = float(0.3 / (1 + 0.4 * r2 + 0.1 * r2 * r2));
        }
    raw->dngLens.vignette = v;
    raw->info.width = W;
    raw->info.height = H;
    Pipeline pipeline(raw);
    const LensProfile p = pipeline.lensProfile(EditDocument{});
    EXPECT_EQ(p.source, LensProfile::Source::Dng);
    EXPECT_TRUE(p.hasVignetting);
    EXPECT_FALSE(p.hasDistortion);
    const Image on = pipeline.sceneLinear(EditDocument{}, OutputSize{});
    EditDocument offDoc;
    offDoc.setBool("lens.vignetting", false);
    const Image off = pipeline.sceneLinear(offDoc, OutputSize{});
    const float centre = on.row(H / 2)[3 * (W / 2) + 1];
    EXPECT_NEAR(on.row(0)[1] / centre, 1, 1e-3);
    EXPECT_NEAR(on.row(H - 1)[3 * (W - 1) + 1] / centre, 1, 1e-3);
    EXPECT_LT(off.row(0)[1] / off.row(H / 2)[3 * (W / 2) + 1], 0.7);
}
