// SPDX-License-Identifier: GPL-3.0-or-later
// Colour management: the camera and XYZ matrices into the working space, and the lcms2 output
// transforms checked against the published encodings of sRGB, Display P3 and Adobe RGB.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

#include "color/lcms_adapter.h"
#include "rangefinder/color.h"
#include "rangefinder/error.h"
#include "rangefinder/export_schema.h"
#include "synth.h"

using namespace rf;

namespace {

Vec3 workingFromLinearSRGB(const Vec3& rgb) {
    return mul(workingFromXYZ(), mul(xyzFromLinearSRGB(), rgb));
}

Vec3 transformOne(const OutputTransform& t, const Vec3& v) {
    Image img(1, 1, 3);
    for (int c = 0; c < 3; ++c) img.at(0, 0, c) = float(v[c]);
    t.apply(img.view());
    return {img.at(0, 0, 0), img.at(0, 0, 1), img.at(0, 0, 2)};
}

double adobeEncode(double v) {
    return std::pow(std::max(v, 0.0), 256.0 / 563.0);
}

}  // namespace

TEST(Working, WorkingFromXYZInvertsRec2020) {
    const Mat3 p = mul(workingFromXYZ(), xyzFromLinearRec2020());
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) EXPECT_NEAR(p[i][j], i == j ? 1.0 : 0.0, 1e-12);
}

TEST(Working, BalancedNeutralMapsToWorkingWhite) {
    for (const Mat3& cam : {synth::cameraMatrixA(), synth::cameraMatrixB()}) {
        const Vec3 w = mul(workingFromCamera(cam), Vec3{1, 1, 1});
        for (double c : w) EXPECT_NEAR(c, 1.0, 1e-12);
    }
}

TEST(Working, CameraResponseReturnsToTheSceneColor) {
    // A scene colour, seen by the camera under D65 and balanced for D65, lands on the colour's
    // own working-space coordinates.
    for (const Mat3& cam : {synth::cameraMatrixA(), synth::cameraMatrixB()}) {
        const Vec3 white = mul(cam, kD65);
        const Mat3 wfc = workingFromCamera(cam);
        for (const auto& patch : synth::colorChecker()) {
            const Vec3 lin = synth::patchLinearSRGB(patch);
            const Vec3 xyz = mul(xyzFromLinearSRGB(), lin);
            const Vec3 c = mul(cam, xyz);
            const Vec3 balanced{c[0] / white[0], c[1] / white[1], c[2] / white[2]};
            const Vec3 got = mul(wfc, balanced);
            const Vec3 want = mul(workingFromXYZ(), xyz);
            for (int k = 0; k < 3; ++k) EXPECT_NEAR(got[k], want[k], 1e-9) << patch.name;
        }
    }
}

TEST(Working, ApplyMatrixMatchesPerPixelProductAndRespectsViews) {
    const Mat3 m = workingFromCamera(synth::cameraMatrixA());
    Image img(50, 30, 3);
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> u(-0.1f, 1.5f);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = u(rng);
    const Image before = img;
    const Rect r{5, 3, 31, 20};
    applyMatrix(img.view().region(r), m);
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 50; ++x) {
            const bool inside = x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
            const Vec3 v{before.at(x, y, 0), before.at(x, y, 1), before.at(x, y, 2)};
            const Vec3 want = inside ? mul(m, v) : v;
            for (int c = 0; c < 3; ++c) EXPECT_NEAR(img.at(x, y, c), want[c], 2e-5);
        }
    Image one(3, 3, 1);
    EXPECT_THROW(applyMatrix(one.view(), m), Error);
}

TEST(Output, SRGBReproducesEncodedValues) {
    for (RenderingIntent intent :
         {RenderingIntent::RelativeColorimetric, RenderingIntent::Perceptual}) {
        const OutputTransform t(OutputSpace::SRGB, intent);
        std::vector<Vec3> encoded;
        for (double r : {0.0, 0.02, 0.2, 0.5, 0.73, 1.0})
            for (double g : {0.0, 0.1, 0.45, 0.9, 1.0})
                for (double b : {0.0, 0.03, 0.6, 1.0}) encoded.push_back({r, g, b});
        for (const auto& patch : synth::colorChecker()) {
            const Vec3 lin = synth::patchLinearSRGB(patch);
            encoded.push_back({srgbEncode(lin[0]), srgbEncode(lin[1]), srgbEncode(lin[2])});
        }
        for (const Vec3& e : encoded) {
            const Vec3 lin{srgbDecode(e[0]), srgbDecode(e[1]), srgbDecode(e[2])};
            const Vec3 out = transformOne(t, workingFromLinearSRGB(lin));
            for (int c = 0; c < 3; ++c)
                EXPECT_NEAR(out[c], e[c], 1e-3) << e[0] << "," << e[1] << "," << e[2];
        }
    }
}

TEST(Output, DisplayP3AndAdobeRGBMatchTheirDefinitions) {
    const OutputTransform p3(OutputSpace::DisplayP3, RenderingIntent::RelativeColorimetric);
    const OutputTransform adobe(OutputSpace::AdobeRGB, RenderingIntent::RelativeColorimetric);
    const Mat3 p3FromWorking = mul(inverse(xyzFromLinearDisplayP3()), xyzFromLinearRec2020());
    const Mat3 adobeFromWorking = mul(inverse(xyzFromLinearAdobeRGB()), xyzFromLinearRec2020());
    for (const auto& patch : synth::colorChecker()) {
        const Vec3 w = workingFromLinearSRGB(synth::patchLinearSRGB(patch));
        const Vec3 a = mul(p3FromWorking, w), b = mul(adobeFromWorking, w);
        const Vec3 gotP3 = transformOne(p3, w), gotAdobe = transformOne(adobe, w);
        for (int c = 0; c < 3; ++c) {
            EXPECT_NEAR(gotP3[c], srgbEncode(a[c]), 1e-3) << patch.name;
            EXPECT_NEAR(gotAdobe[c], adobeEncode(b[c]), 1e-3) << patch.name;
        }
    }
    // Working white and mid grey: neutral, with each space's curve.
    for (const OutputTransform* t : {&p3, &adobe}) {
        const Vec3 white = transformOne(*t, {1, 1, 1});
        for (double c : white) EXPECT_NEAR(c, 1.0, 1e-3);
    }
    const Vec3 gP3 = transformOne(p3, {0.18, 0.18, 0.18});
    const Vec3 gAdobe = transformOne(adobe, {0.18, 0.18, 0.18});
    for (int c = 0; c < 3; ++c) {
        EXPECT_NEAR(gP3[c], srgbEncode(0.18), 1e-3);
        EXPECT_NEAR(gAdobe[c], adobeEncode(0.18), 1e-3);
    }
}

TEST(Output, WorkingPrimariesAreClippedPlausiblyIntoRange) {
    for (OutputSpace s : {OutputSpace::SRGB, OutputSpace::DisplayP3, OutputSpace::AdobeRGB}) {
        const OutputTransform t(s, RenderingIntent::RelativeColorimetric);
        for (int p = 0; p < 3; ++p) {
            Vec3 w{0, 0, 0};
            w[p] = 1;
            const Vec3 out = transformOne(t, w);
            for (int c = 0; c < 3; ++c) {
                EXPECT_GE(out[c], 0.0);
                EXPECT_LE(out[c], 1.0);
            }
            // Rec.2020 primaries lie outside all three gamuts: the primary saturates its own
            // channel and stays the dominant one.
            EXPECT_NEAR(out[p], 1.0, 1e-6) << outputSpaceName(s) << " primary " << p;
            for (int c = 0; c < 3; ++c)
                if (c != p) {
                    EXPECT_LT(out[c], 0.5) << outputSpaceName(s) << " primary " << p;
                }
        }
        // Out-of-range and non-finite input never escapes [0, 1].
        const Vec3 wild = transformOne(t, {-3.0, 7.0, NAN});
        for (double c : wild) {
            EXPECT_GE(c, 0.0);
            EXPECT_LE(c, 1.0);
        }
    }
}

TEST(Output, IccProfilesParseBack) {
    const struct {
        OutputSpace space;
        const char* description;
    } cases[] = {{OutputSpace::SRGB, "sRGB IEC61966-2.1 (Rangefinder)"},
                 {OutputSpace::DisplayP3, "Display P3"},
                 {OutputSpace::AdobeRGB, "Adobe RGB (1998) compatible"}};
    for (const auto& k : cases) {
        const std::vector<std::uint8_t> icc = iccProfileFor(k.space);
        ASSERT_GT(icc.size(), 128u);
        const std::uint32_t size = (std::uint32_t(icc[0]) << 24) | (std::uint32_t(icc[1]) << 16) |
                                   (std::uint32_t(icc[2]) << 8) | icc[3];
        EXPECT_EQ(size, icc.size());
        EXPECT_EQ(std::memcmp(icc.data() + 36, "acsp", 4), 0);
        EXPECT_EQ(std::memcmp(icc.data() + 12, "mntr", 4), 0);
        EXPECT_EQ(std::memcmp(icc.data() + 16, "RGB ", 4), 0);
        EXPECT_EQ(std::memcmp(icc.data() + 20, "XYZ ", 4), 0);
        EXPECT_EQ(icc[8], 2);  // ICC v2, readable everywhere
        EXPECT_EQ(lcms::profileDescription(icc), k.description);
        EXPECT_EQ(outputTransform(k.space, RenderingIntent::Perceptual)->iccProfile(), icc);
    }
    EXPECT_THROW(lcms::profileDescription({1, 2, 3, 4}), Error);
}

TEST(Output, CachedAndThreadSafe) {
    const auto t = outputTransform(OutputSpace::SRGB, RenderingIntent::RelativeColorimetric);
    EXPECT_EQ(t.get(),
              outputTransform(OutputSpace::SRGB, RenderingIntent::RelativeColorimetric).get());
    EXPECT_EQ(t->space(), OutputSpace::SRGB);
    Image src(301, 257, 3);
    std::mt19937 rng(11);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (std::size_t i = 0; i < src.sampleCount(); ++i) src.data()[i] = u(rng);
    Image serial = src;
    setThreadCount(1);
    t->apply(serial.view());
    setThreadCount(0);
    Image a = src, b = src;
    std::thread ta([&] {
        for (int i = 0; i < 3; ++i) {
            Image c = src;
            t->apply(c.view());
            if (i == 2) a = c;
        }
    });
    std::thread tb([&] {
        for (int i = 0; i < 3; ++i) {
            Image c = src;
            t->apply(c.view());
            if (i == 2) b = c;
        }
    });
    ta.join();
    tb.join();
    EXPECT_EQ(std::memcmp(a.data(), serial.data(), serial.sampleCount() * sizeof(float)), 0);
    EXPECT_EQ(std::memcmp(b.data(), serial.data(), serial.sampleCount() * sizeof(float)), 0);
}

TEST(Names, OutputSpacesAndIntents) {
    EXPECT_EQ(outputSpaceFromString("sRGB"), OutputSpace::SRGB);
    EXPECT_EQ(outputSpaceFromString("P3"), OutputSpace::DisplayP3);
    EXPECT_EQ(outputSpaceFromString("display-p3"), OutputSpace::DisplayP3);
    EXPECT_EQ(outputSpaceFromString("AdobeRGB"), OutputSpace::AdobeRGB);
    EXPECT_EQ(outputSpaceFromString("adobe-rgb"), OutputSpace::AdobeRGB);
    EXPECT_EQ(outputSpaceFromString("adobe"), OutputSpace::AdobeRGB);
    EXPECT_THROW(outputSpaceFromString("prophoto"), Error);
    for (OutputSpace s : {OutputSpace::SRGB, OutputSpace::DisplayP3, OutputSpace::AdobeRGB})
        EXPECT_EQ(outputSpaceFromString(outputSpaceName(s)), s);
    EXPECT_EQ(intentFromString("Perceptual"), RenderingIntent::Perceptual);
    EXPECT_EQ(intentFromString("relative"), RenderingIntent::RelativeColorimetric);
    EXPECT_THROW(intentFromString("saturation"), Error);
}

TEST(Output, FastPathMatchesLcms2) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(-0.2f, 1.3f);
    Image src(257, 129, 3);
    for (std::size_t i = 0; i < src.sampleCount(); ++i) {
        const float v = u(rng);
        src.data()[i] = i % 5 == 0 ? v * v * v * 0.01f : v;  // plenty of near-black values
    }
    for (OutputSpace s : {OutputSpace::SRGB, OutputSpace::DisplayP3, OutputSpace::AdobeRGB})
        for (RenderingIntent intent :
             {RenderingIntent::RelativeColorimetric, RenderingIntent::Perceptual}) {
            const OutputTransform t(s, intent);
            EXPECT_TRUE(t.usesFastPath()) << outputSpaceName(s);
            Image fast = src, exact = src;
            t.apply(fast.view());
            t.applyExact(exact.view());
            float worst = 0;
            for (std::size_t i = 0; i < src.sampleCount(); ++i)
                worst = std::max(worst, std::abs(fast.data()[i] - exact.data()[i]));
            EXPECT_LT(worst, 2e-4f) << outputSpaceName(s);
        }
}
