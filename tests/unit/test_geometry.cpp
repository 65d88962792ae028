// SPDX-License-Identifier: GPL-3.0-or-later
// Geometry stage: EXIF orientations against hand-computed layouts, group identities
// (6 then 8, flips twice), straighten (inscribed size, no empty corners, centre kept, sense
// of rotation), crops and aspect constraints, and geometryMapToInput as the exact inverse of
// applyGeometry, checked on an image whose channels hold the input coordinates.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/geometry.h"
#include "rangefinder/params.h"

using namespace rf;

namespace {

// 3 × 2, one channel, value 10·y + x + 1:   1  2  3 / 11 12 13
Image labelled() {
    Image img(3, 2, 1);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 3; ++x) img.at(x, y) = float(10 * y + x + 1);
    return img;
}

std::vector<std::vector<float>> rows(const Image& img, int c = 0) {
    std::vector<std::vector<float>> r(img.height());
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) r[y].push_back(img.at(x, y, c));
    return r;
}

Image randomImage(int w, int h, int c, unsigned seed, float lo = 0.2f, float hi = 0.8f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(lo, hi);
    Image img(w, h, c);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = d(rng);
    return img;
}

// Channel 0 = x, channel 1 = y, channel 2 = 1: geometry turns it into a map of where each
// output pixel was read from.
Image coordinateImage(int w, int h) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            img.at(x, y, 0) = float(x);
            img.at(x, y, 1) = float(y);
            img.at(x, y, 2) = 1.f;
        }
    return img;
}

bool sameImage(const Image& a, const Image& b) {
    if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels())
        return false;
    for (std::size_t i = 0; i < a.sampleCount(); ++i)
        if (a.data()[i] != b.data()[i]) return false;
    return true;
}

using Rows = std::vector<std::vector<float>>;

}  // namespace

TEST(Geometry, ExifOrientationsMatchHandComputedLayouts) {
    const Image in = labelled();
    const std::vector<Rows> expected = {
        {},
        {{1, 2, 3}, {11, 12, 13}},    // 1 as stored
        {{3, 2, 1}, {13, 12, 11}},    // 2 mirror horizontal
        {{13, 12, 11}, {3, 2, 1}},    // 3 rotate 180
        {{11, 12, 13}, {1, 2, 3}},    // 4 mirror vertical
        {{1, 11}, {2, 12}, {3, 13}},  // 5 transpose
        {{11, 1}, {12, 2}, {13, 3}},  // 6 rotate 90 CW
        {{13, 3}, {12, 2}, {11, 1}},  // 7 transverse
        {{3, 13}, {2, 12}, {1, 11}},  // 8 rotate 270 CW
    };
    for (int o = 1; o <= 8; ++o) {
        Image out;
        applyOrientation(in.cview(), o, out);
        EXPECT_EQ(rows(out), expected[o]) << "orientation " << o;
        int w, h;
        geometryOutputSize(3, 2, o, GeometryParams{}, w, h);
        EXPECT_EQ(w, out.width());
        EXPECT_EQ(h, out.height());
    }
    // Unknown values are treated as "as stored".
    Image out;
    applyOrientation(in.cview(), 0, out);
    EXPECT_EQ(rows(out), expected[1]);
}

TEST(Geometry, UserTurnsAndFlipsComposeAfterExif) {
    const Image in = labelled();
    GeometryParams p;
    p.quarterTurns = 1;
    Image a, b;
    applyGeometry(in.cview(), 1, p, a);
    applyOrientation(in.cview(), 6, b);
    EXPECT_TRUE(sameImage(a, b));
    // EXIF 6 plus a clockwise turn is 180°.
    applyGeometry(in.cview(), 6, p, a);
    applyOrientation(in.cview(), 3, b);
    EXPECT_TRUE(sameImage(a, b));
    // Turn then mirror: EXIF 7 is "mirror horizontal, rotate 90 CW" = rotate CW then flip V.
    p.flipV = true;
    applyGeometry(in.cview(), 1, p, a);
    applyOrientation(in.cview(), 7, b);
    EXPECT_TRUE(sameImage(a, b));
    p = {};
    p.flipH = p.flipV = true;
    applyGeometry(in.cview(), 1, p, a);
    applyOrientation(in.cview(), 3, b);
    EXPECT_TRUE(sameImage(a, b));
}

TEST(Geometry, InverseOperationsGiveIdentity) {
    const Image in = randomImage(37, 23, 3, 1);
    Image a, b;
    applyOrientation(in.cview(), 6, a);
    applyOrientation(a.cview(), 8, b);
    EXPECT_TRUE(sameImage(b, in));
    for (int f = 0; f < 2; ++f) {
        GeometryParams p;
        (f ? p.flipV : p.flipH) = true;
        applyGeometry(in.cview(), 1, p, a);
        EXPECT_FALSE(sameImage(a, in));
        applyGeometry(a.cview(), 1, p, b);
        EXPECT_TRUE(sameImage(b, in));
    }
    GeometryParams turn;
    turn.quarterTurns = 1;
    Image c = Image::copyOf(in.cview());
    for (int i = 0; i < 4; ++i) {
        applyGeometry(c.cview(), 1, turn, a);
        c = a;
    }
    EXPECT_TRUE(sameImage(c, in));
    // Identity parameters copy the input, whatever the channel count.
    const Image five = randomImage(9, 4, 5, 2);
    applyGeometry(five.cview(), 1, GeometryParams{}, a);
    EXPECT_TRUE(sameImage(a, five));
    EXPECT_TRUE(GeometryParams{}.isIdentity());
}

TEST(Geometry, StraightenZeroIsIdentity) {
    const Image in = randomImage(40, 30, 3, 3);
    GeometryParams p;
    p.angleDeg = 0.0;
    Image out;
    applyGeometry(in.cview(), 1, p, out);
    EXPECT_TRUE(sameImage(out, in));
}

TEST(Geometry, StraightenTrimsToTheInscribedRectangle) {
    const int W = 301, H = 201;
    const Image in = randomImage(W, H, 3, 4);
    for (double deg : {10.0, -10.0, 3.0, 45.0}) {
        GeometryParams p;
        p.angleDeg = deg;
        Image out;
        applyGeometry(in.cview(), 1, p, out);
        const double a = std::abs(deg) * M_PI / 180;
        const double s = std::min(double(W) / (W * std::cos(a) + H * std::sin(a)),
                                  double(H) / (W * std::sin(a) + H * std::cos(a)));
        EXPECT_LE(out.width(), s * W + 1e-9) << deg;
        EXPECT_GE(out.width(), s * W - 2) << deg;
        EXPECT_LE(out.height(), s * H + 1e-9) << deg;
        EXPECT_GE(out.height(), s * H - 2) << deg;
        // Same parity trims keep the centre pixel on the input grid.
        EXPECT_EQ(out.width() % 2, 1);
        EXPECT_EQ(out.height() % 2, 1);
        for (int c = 0; c < 3; ++c)
            EXPECT_NEAR(out.at(out.width() / 2, out.height() / 2, c), in.at(W / 2, H / 2, c), 1e-5);
        // Every input value is in [0.2, 0.8]: an empty corner would show as ~0, and bicubic
        // overshoot on random data stays well above 0.
        float lo = 1;
        for (std::size_t i = 0; i < out.sampleCount(); ++i) lo = std::min(lo, out.data()[i]);
        EXPECT_GT(lo, 0.0f) << deg;
        for (int y : {0, out.height() - 1})
            for (int x : {0, out.width() - 1})
                for (int c = 0; c < 3; ++c) EXPECT_GT(out.at(x, y, c), 0.05f) << deg;
    }
}

TEST(Geometry, StraightenFlatFieldStaysFlat) {
    Image in(120, 80, 3);
    for (std::size_t i = 0; i < in.sampleCount(); ++i) in.data()[i] = 0.42f;
    GeometryParams p;
    p.angleDeg = 7.3;
    Image out;
    applyGeometry(in.cview(), 1, p, out);
    for (std::size_t i = 0; i < out.sampleCount(); ++i) ASSERT_NEAR(out.data()[i], 0.42f, 1e-5);
}

TEST(Geometry, PositiveAngleTurnsCounterClockwise) {
    const int W = 201, H = 151;
    Image in(W, H, 1);
    for (std::size_t i = 0; i < in.sampleCount(); ++i) in.data()[i] = 0;
    // A bright 3×3 spot 50 px right of the centre.
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) in.at(W / 2 + 50 + dx, H / 2 + dy) = 1;
    GeometryParams p;
    p.angleDeg = 20;
    Image out;
    applyGeometry(in.cview(), 1, p, out);
    int bx = 0, by = 0;
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x)
            if (out.at(x, y) > out.at(bx, by)) bx = x, by = y;
    const double a = 20 * M_PI / 180;
    // On screen, counter-clockwise moves a point right of the centre upwards.
    EXPECT_NEAR(bx, out.width() / 2 + 50 * std::cos(a), 1.0);
    EXPECT_NEAR(by, out.height() / 2 - 50 * std::sin(a), 1.0);
}

TEST(Geometry, CropFractionsGiveThePixelRect) {
    const Image in = randomImage(100, 50, 3, 5);
    GeometryParams p;
    p.cropLeft = 0.1;
    p.cropTop = 0.2;
    p.cropRight = 0.6;
    p.cropBottom = 0.9;
    Image out;
    applyGeometry(in.cview(), 1, p, out);
    ASSERT_EQ(out.width(), 50);
    ASSERT_EQ(out.height(), 35);
    EXPECT_TRUE(sameImage(out, Image::copyOf(in.cview().region({10, 10, 50, 35}))));
    EXPECT_FALSE(p.isIdentity());

    // The crop applies to the oriented image: after a clockwise turn the 100 × 50 frame is
    // 50 × 100 and the fractions are of that.
    p.quarterTurns = 1;
    int w, h;
    geometryOutputSize(100, 50, 1, p, w, h);
    EXPECT_EQ(w, 25);
    EXPECT_EQ(h, 70);
}

TEST(Geometry, AspectConstraintsTakeTheLargestCentredFrame) {
    const Image in = randomImage(300, 200, 3, 6);
    GeometryParams p;
    p.aspect = "1:1";
    Image out;
    applyGeometry(in.cview(), 1, p, out);
    ASSERT_EQ(out.width(), 200);
    ASSERT_EQ(out.height(), 200);
    EXPECT_TRUE(sameImage(out, Image::copyOf(in.cview().region({50, 0, 200, 200}))));

    int w, h;
    p.aspect = "16:9";
    geometryOutputSize(300, 200, 1, p, w, h);
    EXPECT_EQ(w, 300);
    EXPECT_EQ(h, 169);
    p.aspect = "4:5";
    geometryOutputSize(300, 200, 1, p, w, h);
    EXPECT_EQ(w, 160);
    EXPECT_EQ(h, 200);
    // "original" keeps the uncropped frame's shape inside a free-form crop rectangle.
    p.aspect = "original";
    p.cropRight = 0.5;  // 150 × 200 → 150 × 100
    geometryOutputSize(300, 200, 1, p, w, h);
    EXPECT_EQ(w, 150);
    EXPECT_EQ(h, 100);
    p.aspect = "3:2";
    geometryOutputSize(300, 200, 6, GeometryParams{}, w, h);
    EXPECT_EQ(w, 200);
    EXPECT_EQ(h, 300);
    geometryOutputSize(300, 200, 6, p, w, h);  // crop 100 × 300, 3:2 inside → 100 × 67
    EXPECT_EQ(w, 100);
    EXPECT_EQ(h, 67);
}

TEST(Geometry, DegenerateCropsAreErrors) {
    const Image in = randomImage(10, 10, 3, 7);
    Image out;
    GeometryParams p;
    p.cropLeft = 0.5;
    p.cropRight = 0.5;
    EXPECT_THROW(applyGeometry(in.cview(), 1, p, out), Error);
    p = {};
    p.cropTop = 0.8;
    p.cropBottom = 0.2;
    EXPECT_THROW(applyGeometry(in.cview(), 1, p, out), Error);
    p = {};
    p.cropLeft = 0.50;
    p.cropRight = 0.52;  // a fifth of a pixel
    int w, h;
    EXPECT_THROW(geometryOutputSize(10, 10, 1, p, w, h), Error);
    p = {};
    p.cropRight = 1.5;
    EXPECT_THROW(geometryOutputSize(10, 10, 1, p, w, h), Error);
    p = {};
    p.aspect = "wide";
    EXPECT_THROW(geometryOutputSize(10, 10, 1, p, w, h), Error);
    p = {};
    p.angleDeg = 60;
    EXPECT_THROW(geometryOutputSize(10, 10, 1, p, w, h), Error);
    EXPECT_THROW(applyGeometry(ConstImageView{}, 1, GeometryParams{}, out), Error);
    try {
        p = {};
        p.cropLeft = 0.7;
        p.cropRight = 0.3;
        geometryOutputSize(10, 10, 1, p, w, h);
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("left"), std::string::npos) << e.what();
    }
}

// For every combination, the value applyGeometry puts at an output pixel of a coordinate
// image is where geometryMapToInput says that pixel comes from.
TEST(Geometry, MapToInputIsTheExactInverse) {
    const int W = 64, H = 48;
    const Image in = coordinateImage(W, H);
    std::mt19937 rng(8);
    std::uniform_real_distribution<double> frac(0.0, 0.3);
    int checkedRotated = 0;
    for (int exif = 1; exif <= 8; ++exif)
        for (int turns = 0; turns < 4; ++turns)
            for (int flips = 0; flips < 4; ++flips)
                for (double angle : {0.0, 7.5, -12.0}) {
                    GeometryParams p;
                    p.quarterTurns = turns;
                    p.flipH = flips & 1;
                    p.flipV = flips & 2;
                    p.angleDeg = angle;
                    p.cropLeft = frac(rng);
                    p.cropTop = frac(rng);
                    p.cropRight = 1 - frac(rng);
                    p.cropBottom = 1 - frac(rng);
                    p.aspect = (flips + turns) % 3 == 0 ? "4:3" : "free";
                    Image out;
                    applyGeometry(in.cview(), exif, p, out);
                    int ow, oh;
                    geometryOutputSize(W, H, exif, p, ow, oh);
                    ASSERT_EQ(ow, out.width());
                    ASSERT_EQ(oh, out.height());
                    for (int v = 0; v < oh; ++v)
                        for (int u = 0; u < ow; ++u) {
                            double x, y;
                            geometryMapToInput(W, H, exif, p, u, v, x, y);
                            // Inside the input, pixel centres being the integer coordinates.
                            ASSERT_GE(x, -0.5);
                            ASSERT_LE(x, W - 0.5);
                            ASSERT_GE(y, -0.5);
                            ASSERT_LE(y, H - 0.5);
                            const bool interior = x >= 2 && y >= 2 && x <= W - 3 && y <= H - 3;
                            if (angle == 0) {
                                // Lossless: exact integers.
                                ASSERT_EQ(x, out.at(u, v, 0));
                                ASSERT_EQ(y, out.at(u, v, 1));
                            } else if (interior) {
                                // Cubic interpolation reproduces a linear ramp.
                                ASSERT_NEAR(x, out.at(u, v, 0), 2e-3);
                                ASSERT_NEAR(y, out.at(u, v, 1), 2e-3);
                                ++checkedRotated;
                            }
                        }
                }
    EXPECT_GT(checkedRotated, 10000);
}

TEST(Geometry, MarkedPixelRoundTrips) {
    const int W = 50, H = 30;
    Image in(W, H, 1);
    for (std::size_t i = 0; i < in.sampleCount(); ++i) in.data()[i] = 0;
    in.at(13, 7) = 1;
    GeometryParams p;
    p.quarterTurns = 3;
    p.flipH = true;
    p.cropLeft = 0.1;
    p.cropBottom = 0.9;
    Image out;
    applyGeometry(in.cview(), 5, p, out);
    int mx = -1, my = -1;
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x)
            if (out.at(x, y) == 1) mx = x, my = y;
    ASSERT_GE(mx, 0);
    double x, y;
    geometryMapToInput(W, H, 5, p, mx, my, x, y);
    EXPECT_EQ(x, 13);
    EXPECT_EQ(y, 7);
    // And the output corners and centre land inside the input.
    for (auto [u, v] : {std::pair{0, 0},
                        {out.width() - 1, 0},
                        {0, out.height() - 1},
                        {out.width() - 1, out.height() - 1},
                        {out.width() / 2, out.height() / 2}}) {
        geometryMapToInput(W, H, 5, p, u, v, x, y);
        EXPECT_TRUE(x >= 0 && x <= W - 1 && y >= 0 && y <= H - 1) << u << "," << v;
        EXPECT_EQ(x, std::round(x));
    }
}

TEST(Geometry, ParamsFromTheEditDocument) {
    EditDocument doc;
    EXPECT_TRUE(GeometryParams::from(doc).isIdentity());
    doc.setAssignment("geometry.rotate=270");
    doc.setAssignment("geometry.flip_v=true");
    doc.setAssignment("geometry.angle=-3.5");
    doc.setAssignment("crop.left=0.25");
    doc.setAssignment("crop.bottom=0.75");
    doc.setAssignment("crop.aspect=16:9");
    const GeometryParams p = GeometryParams::from(doc);
    EXPECT_EQ(p.quarterTurns, 3);
    EXPECT_FALSE(p.flipH);
    EXPECT_TRUE(p.flipV);
    EXPECT_DOUBLE_EQ(p.angleDeg, -3.5);
    EXPECT_DOUBLE_EQ(p.cropLeft, 0.25);
    EXPECT_DOUBLE_EQ(p.cropTop, 0);
    EXPECT_DOUBLE_EQ(p.cropRight, 1);
    EXPECT_DOUBLE_EQ(p.cropBottom, 0.75);
    EXPECT_EQ(p.aspect, "16:9");
    EXPECT_FALSE(p.isIdentity());
    GeometryParams orig;
    orig.aspect = "original";
    EXPECT_TRUE(orig.isIdentity());
}

TEST(Geometry, CancellationStopsTheRender) {
    const Image in = randomImage(200, 200, 3, 9);
    CancelToken token;
    token.cancel();
    GeometryParams p;
    p.angleDeg = 5;
    Image out;
    EXPECT_THROW(applyGeometry(in.cview(), 1, p, out, &token), Cancelled);
}

TEST(Geometry, WorksOnRegionViewsAndRefusesAliasing) {
    const Image big = randomImage(40, 30, 3, 10);
    const ConstImageView part = big.cview().region({5, 4, 20, 10});
    Image out, ref;
    applyOrientation(part, 8, out);
    applyOrientation(Image::copyOf(part).cview(), 8, ref);
    EXPECT_TRUE(sameImage(out, ref));
    Image self = randomImage(20, 10, 3, 11);
    EXPECT_THROW(applyOrientation(self.cview(), 3, self), std::logic_error);
}
