// SPDX-License-Identifier: GPL-3.0-or-later
// A look's exported .cube, read by an independent reader. For each look in looks/ whose colour
// a LUT can hold, the command line renders a photo twice, without a look and with it, as
// 16-bit PNGs in sRGB; the look's .cube (the default space, sRGB) is applied to the look-free
// render by ffmpeg's lut3d filter with tetrahedral interpolation; and the result must match
// Rangefinder's own render with the look: mean CIEDE2000 at most 1.0 over every pixel. The
// look's vignette and grain depend on the position in the frame, which a LUT cannot know, and
// a look's frame (crop.aspect) is not colour either, so the render with the look has them off
// (--set). The photos: the real Canon 30D landscape (/usr/share/doc/rawtran, or
// ../shared/testdata) and the synthetic ColorChecker chart. Skipped, saying so, without
// ffmpeg (scripts/install-deps.sh installs it). The figures are printed; docs/looks.md lists
// them.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "rangefinder/colormath.h"
#include "rangefinder/look.h"
#include "rangefinder/looks.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

bool haveFfmpeg() {
    return std::system("ffmpeg -version >/dev/null 2>&1") == 0;
}

#define REQUIRE_FFMPEG()                                                                     \
    do {                                                                                     \
        if (!haveFfmpeg())                                                                   \
            GTEST_SKIP() << "ffmpeg is not installed: the exported .cube is checked with "   \
                            "ffmpeg's lut3d filter, an independent reader (scripts/install-" \
                            "deps.sh installs it)";                                          \
    } while (0)

std::string q(const std::string& s) {
    return test::shellQuote(s);
}

std::string looksDir() {
    return std::string(RF_SOURCE_DIR) + "/looks";
}

// The real photo: the Debian package's copy, else the test data's (the same file).
fs::path realCr2() {
    const fs::path system = "/usr/share/doc/rawtran/IMG_5952.CR2";
    if (fs::exists(system)) return system;
    return test::testdata() / "raw" / "canon-eos30d.CR2";
}

// The looks a .cube can carry: those with a colour part.
std::vector<const Look*> cubeLooks(const LookLibrary& lib) {
    std::vector<const Look*> out;
    for (const Look& l : lib.looks())
        if (LookParams::from(withLook({}, l, 100.0), {looksDir()}).hasColor()) out.push_back(&l);
    return out;
}

struct Figures {
    double mean = 0, p95 = 0;  // over every pixel
    double inGamutMean = 0;    // over the pixels the look-free sRGB render holds unclipped
    double clippedShare = 0;   // the share of pixels it clips (a channel at 0 or 1)
};

// CIEDE2000 per pixel between two 16-bit sRGB images of one size; `neutral` (the look-free
// render) tells which pixels lie outside the sRGB gamut, where an sRGB LUT's input has lost
// the colour the pipeline still had.
Figures compare(const cv::Mat& a, const cv::Mat& b, const cv::Mat& neutral) {
    static const std::vector<double> linear = [] {
        std::vector<double> t(65536);
        for (int i = 0; i < 65536; ++i) t[std::size_t(i)] = srgbDecode(i / 65535.0);
        return t;
    }();
    std::vector<double> de;
    de.reserve(std::size_t(a.total()));
    double inGamut = 0;
    std::size_t inGamutCount = 0;
    for (int y = 0; y < a.rows; ++y) {
        const auto* pa = a.ptr<cv::Vec3w>(y);
        const auto* pb = b.ptr<cv::Vec3w>(y);
        const auto* pn = neutral.ptr<cv::Vec3w>(y);
        for (int x = 0; x < a.cols; ++x) {
            // OpenCV reads BGR.
            const Vec3 la =
                test::labOfLinearSRGB({linear[pa[x][2]], linear[pa[x][1]], linear[pa[x][0]]});
            const Vec3 lb =
                test::labOfLinearSRGB({linear[pb[x][2]], linear[pb[x][1]], linear[pb[x][0]]});
            const double d = deltaE2000(la, lb);
            de.push_back(d);
            bool clipped = false;
            for (int c = 0; c < 3; ++c) clipped = clipped || pn[x][c] == 0 || pn[x][c] == 65535;
            if (!clipped) {
                inGamut += d;
                ++inGamutCount;
            }
        }
    }
    Figures f;
    for (double d : de) f.mean += d / double(de.size());
    std::nth_element(de.begin(), de.begin() + std::ptrdiff_t(de.size() * 95 / 100), de.end());
    f.p95 = de[de.size() * 95 / 100];
    f.inGamutMean = inGamutCount ? inGamut / double(inGamutCount) : 0;
    f.clippedShare = 1 - double(inGamutCount) / double(de.size());
    return f;
}

cv::Mat read16(const std::string& path) {
    cv::Mat m = cv::imread(path, cv::IMREAD_UNCHANGED);
    EXPECT_FALSE(m.empty()) << path;
    EXPECT_EQ(m.type(), CV_16UC3) << path;
    return m;
}

// Renders `raw` without a look and with each look, exports each look's .cube, applies it to
// the look-free render with ffmpeg and compares; returns the figures per look.
void checkPhoto(const std::string& raw, const std::string& tag, const std::string& size,
                bool chart) {
    test::TempDir dir("cube-interop-" + tag);
    const LookLibrary lib = LookLibrary::load({looksDir()});
    const std::vector<const Look*> looks = cubeLooks(lib);
    ASSERT_GE(looks.size(), 2u);
    const std::string common = " --preset full -f png --bit-depth 16 --ignore-sidecars " + size +
                               " --looks-dir " + q(looksDir()) + " --overwrite -t {name}-{look}";
    std::string out;
    ASSERT_EQ(test::runCli("export " + q(raw) + common + " -o " + q(dir.str()), out), 0) << out;
    std::string withLooks;
    for (const Look* l : looks) withLooks += " --look " + q(l->name);
    ASSERT_EQ(test::runCli("export " + q(raw) + common + withLooks +
                               " --set look.vignette.amount=0 --set look.grain.amount=0" +
                               " --set crop.aspect=free -o " + q(dir.str()),
                           out),
              0)
        << out;
    const std::string stem = fs::path(raw).stem().string();
    const cv::Mat neutral = read16(dir.str(stem + "-none.png"));

    for (const Look* l : looks) {
        const std::string slug = lookSlug(l->name);
        const std::string cube = dir.str(slug + ".cube");
        ASSERT_EQ(test::runCli("looks export-cube " + q(slug) + " -o " + q(cube) + " --looks-dir " +
                                   q(looksDir()),
                               out),
                  0)
            << out;
        const std::string viaCube = dir.str(slug + "-ffmpeg.png");
        ASSERT_EQ(
            test::runCommand("ffmpeg -nostdin -v error -y -i " + q(dir.str(stem + "-none.png")) +
                                 " -vf " + q("lut3d=file=" + cube + ":interp=tetrahedral") +
                                 " -pix_fmt rgb48be " + q(viaCube),
                             out),
            0)
            << out;
        const cv::Mat want = read16(dir.str(stem + "-" + slug + ".png"));
        const cv::Mat got = read16(viaCube);
        ASSERT_EQ(want.size(), neutral.size()) << l->name;
        ASSERT_EQ(got.size(), neutral.size()) << l->name;
        const Figures f = compare(got, want, neutral);
        std::printf(
            "[ %-30s ] %s: ffmpeg lut3d vs Rangefinder, CIEDE2000 mean %.2f, p95 %.2f; "
            "%.2f where the look-free sRGB render is unclipped (%.1f %% clipped)\n",
            l->name.c_str(), tag.c_str(), f.mean, f.p95, f.inGamutMean, 100 * f.clippedShare);
        EXPECT_LE(f.mean, 1.0) << l->name << " on " << tag;
        // Where the sRGB input holds the colour, the LUT reproduces the pipeline (up to the
        // two grids' interpolation): the differences above are the gamut's.
        EXPECT_LE(f.inGamutMean, 0.25) << l->name << " on " << tag;
        if (chart) {
            // Patch by patch, every patch the look-free render holds inside the gamut.
            for (int i = 0; i < 24; ++i) {
                const Rect r = synth::patchRect(i, got.cols, got.rows, 0.25);
                const cv::Rect cr(r.x, r.y, r.width, r.height);
                const Figures p = compare(got(cr), want(cr), neutral(cr));
                if (p.clippedShare == 0) {
                    EXPECT_LE(p.mean, 0.5) << l->name << ", patch " << i << " ("
                                           << synth::colorChecker()[std::size_t(i)].name << ")";
                }
            }
        }
        // And the look is really there: the two renders differ.
        EXPECT_GT(compare(neutral, want, neutral).mean, 1.0) << l->name << " on " << tag;
    }
}

}  // namespace

TEST(CubeInterop, FfmpegAppliesTheSrgbCubeAsRangefinderRendersTheLookOnTheRealPhoto) {
    REQUIRE_FFMPEG();
    if (!fs::exists(realCr2())) GTEST_SKIP() << realCr2().string() << " is absent";
    checkPhoto(realCr2().string(), "canon-30d", "--long-edge 1200", false);
}

TEST(CubeInterop, FfmpegAppliesTheSrgbCubeAsRangefinderRendersTheLookOnTheChart) {
    REQUIRE_FFMPEG();
    test::TempDir dir("cube-interop-chart");
    const std::string dng = dir.str("chart.dng");
    synth::writeDng(dng, synth::renderChart(720, 480).cview(), synth::DngOptions{});
    checkPhoto(dng, "chart", "--size original", true);
}
