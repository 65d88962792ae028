// SPDX-License-Identifier: GPL-3.0-or-later
// Display colour management: a render's 8-bit pixels re-encoded for a monitor profile read
// from a file. The same space in and out changes nothing; another space matches the float
// output transform into it; files that are not RGB ICC profiles are refused by name.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <vector>

#include "rangefinder/color.h"
#include "rangefinder/error.h"
#include "support/test_support.h"

using namespace rf;

namespace {

std::string writeFile(const test::TempDir& dir, const std::string& name,
                      const std::vector<std::uint8_t>& bytes) {
    const std::string path = dir.str(name);
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    return path;
}

// Every 8-bit value of each channel once, with the others varying too.
std::vector<std::uint8_t> rampRgb(int n) {
    std::vector<std::uint8_t> px(std::size_t(n) * 3);
    for (int i = 0; i < n; ++i) {
        px[3 * i] = std::uint8_t(i & 255);
        px[3 * i + 1] = std::uint8_t((i * 7 + 3) & 255);
        px[3 * i + 2] = std::uint8_t((255 - i) & 255);
    }
    return px;
}

}  // namespace

TEST(DisplayTransform, SameSpaceIsIdentityInBothLayouts) {
    test::TempDir dir("display-transform");
    const std::string srgb = writeFile(dir, "srgb.icc", iccProfileFor(OutputSpace::SRGB));
    DisplayTransform t(OutputSpace::SRGB, srgb);
    EXPECT_EQ(t.source(), OutputSpace::SRGB);
    EXPECT_NE(t.description().find("sRGB"), std::string::npos) << t.description();

    const int n = 256;
    const std::vector<std::uint8_t> in = rampRgb(n);
    std::vector<std::uint8_t> rgb = in;
    t.apply(rgb.data(), 64, 4, 64 * 3, DisplayPixels::RGB8);
    for (std::size_t i = 0; i < rgb.size(); ++i) EXPECT_NEAR(rgb[i], in[i], 1) << i;

    std::vector<std::uint32_t> words(n);
    for (int i = 0; i < n; ++i)
        words[i] = 0xff000000u | std::uint32_t(in[3 * i]) << 16 |
                   std::uint32_t(in[3 * i + 1]) << 8 | in[3 * i + 2];
    t.apply(reinterpret_cast<std::uint8_t*>(words.data()), 16, 16, 16 * 4, DisplayPixels::ARGB32);
    for (int i = 0; i < n; ++i) {
        EXPECT_EQ(words[i] >> 24, 0xffu) << "alpha kept";
        EXPECT_NEAR(int(words[i] >> 16 & 255), in[3 * i], 1) << i;
        EXPECT_NEAR(int(words[i] >> 8 & 255), in[3 * i + 1], 1) << i;
        EXPECT_NEAR(int(words[i] & 255), in[3 * i + 2], 1) << i;
    }
}

TEST(DisplayTransform, WideMonitorMatchesTheOutputTransformIntoIt) {
    test::TempDir dir("display-transform");
    const std::string adobe = writeFile(dir, "adobe.icc", iccProfileFor(OutputSpace::AdobeRGB));
    DisplayTransform t(OutputSpace::SRGB, adobe, RenderingIntent::RelativeColorimetric);
    const auto adobeOut =
        outputTransform(OutputSpace::AdobeRGB, RenderingIntent::RelativeColorimetric);
    const Mat3 workingFromSrgb = mul(workingFromXYZ(), xyzFromLinearSRGB());

    std::vector<std::uint8_t> px = rampRgb(256);
    const std::vector<std::uint8_t> in = px;
    t.apply(px.data(), 256, 1, 256 * 3, DisplayPixels::RGB8);
    int differing = 0;
    for (int i = 0; i < 256; ++i) {
        const Vec3 lin{srgbDecode(in[3 * i] / 255.0), srgbDecode(in[3 * i + 1] / 255.0),
                       srgbDecode(in[3 * i + 2] / 255.0)};
        const Vec3 w = mul(workingFromSrgb, lin);
        Image ref(1, 1, 3);
        for (int c = 0; c < 3; ++c) ref.at(0, 0, c) = float(w[c]);
        adobeOut->apply(ref.view());
        for (int c = 0; c < 3; ++c) {
            const double want = ref.at(0, 0, c) * 255.0;
            EXPECT_NEAR(px[3 * i + c], want, 1.6) << "pixel " << i << " channel " << c;
            differing += px[3 * i + c] != in[3 * i + c];
        }
    }
    EXPECT_GT(differing, 200) << "Adobe RGB encodes sRGB colours differently";
}

TEST(DisplayTransform, RefusesFilesThatAreNotRgbProfiles) {
    test::TempDir dir("display-transform");
    const std::string missing = dir.str("missing.icc");
    const std::string text = writeFile(dir, "notes.icc", {'h', 'e', 'l', 'l', 'o'});
    for (const std::string& path : {missing, text}) {
        try {
            DisplayTransform t(OutputSpace::SRGB, path);
            ADD_FAILURE() << path << " was accepted";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        }
    }
}
