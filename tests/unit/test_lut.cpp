// SPDX-License-Identifier: GPL-3.0-or-later
// LUT interchange: .cube files written here by hand or with printf (not by formatCube) and
// Hald CLUT images written with OpenCV are read back against the transforms they encode;
// every malformed .cube names the file and the line; formatCube and parseCube round-trip bit
// for bit; and a few hundred mutated files either parse or throw rf::Error, nothing else.
#include <gtest/gtest.h>
#include <png.h>
#include <tiffio.h>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/image.h"
#include "rangefinder/lut.h"
#include "support/test_support.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

using Transform = std::function<Vec3(double r, double g, double b)>;

const Transform kIdentity = [](double r, double g, double b) { return Vec3{r, g, b}; };
// Linear in red and blue, quadratic in green: tests exactness at the grid points and the
// interpolation error between them.
const Transform kKnown = [](double r, double g, double b) {
    return Vec3{0.5 * b + 0.1, g * g, 1.0 - r};
};

// The float a .cube entry holds for a value, so grid points can be compared exactly.
float asFloat(double v) {
    return float(v);
}

// A .cube written the way other tools write them: printf with nine significant digits.
std::string cubeOf(int n, const Transform& f, const std::string& header = "") {
    std::string text = header + "LUT_3D_SIZE " + std::to_string(n) + "\n";
    char line[128];
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const Vec3 v = f(double(r) / (n - 1), double(g) / (n - 1), double(b) / (n - 1));
                std::snprintf(line, sizeof line, "%.9g %.9g %.9g\n", asFloat(v[0]), asFloat(v[1]),
                              asFloat(v[2]));
                text += line;
            }
    return text;
}

// Colours spread over the cube, the same on every run.
std::vector<Vec3> randomColors(int count, double lo = 0.0, double hi = 1.0) {
    std::mt19937 rng(20240601);
    std::uniform_real_distribution<double> u(lo, hi);
    std::vector<Vec3> out;
    for (int i = 0; i < count; ++i) out.push_back({u(rng), u(rng), u(rng)});
    return out;
}

void expectNear(const Vec3& got, const Vec3& want, double tol, const std::string& what) {
    for (int c = 0; c < 3; ++c)
        EXPECT_NEAR(got[c], want[c], tol) << what << " channel " << c << " at (" << want[0] << ", "
                                          << want[1] << ", " << want[2] << ")";
}

// The message of the rf::Error `f` throws (a failure if it throws none).
std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    ADD_FAILURE() << "no rf::Error thrown";
    return {};
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

// parseCube(text) fails at `line` of bad.cube, for a reason that mentions `reason`.
void expectCubeError(const std::string& text, int line, const std::string& reason) {
    const std::string msg = errorOf([&] { parseCube(text, "bad.cube"); });
    const std::string where = "bad.cube:" + std::to_string(line) + ": ";
    EXPECT_EQ(msg.rfind(where, 0), 0u) << "expected the error at " << where << "\ngot: " << msg;
    EXPECT_TRUE(contains(msg, reason)) << "expected '" << reason << "' in: " << msg;
}

std::string withCrlf(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

}  // namespace

// ---- reading .cube -----------------------------------------------------------------------

TEST(Cube, HandWrittenIdentityOfTwoPoints) {
    const std::string text =
        "# the smallest cube there is\n"
        "LUT_3D_SIZE 2\n"
        "0 0 0\n1 0 0\n0 1 0\n1 1 0\n"
        "0 0 1\n1 0 1\n0 1 1\n1 1 1\n";
    const Lut3D lut = parseCube(text, "identity.cube");
    ASSERT_EQ(lut.size(), 2);
    EXPECT_EQ(lut.at(1, 0, 0)[0], 1.0f);
    EXPECT_EQ(lut.at(0, 1, 1)[2], 1.0f);
    EXPECT_EQ(lut.title, "identity");  // no TITLE: the file name
    for (const Vec3& c : randomColors(200)) expectNear(lut.sample(c), c, 1e-6, "identity");
}

TEST(Cube, GeneratedIdentityOfSeventeenPoints) {
    const Lut3D lut = parseCube(cubeOf(17, kIdentity), "id17.cube");
    ASSERT_EQ(lut.size(), 17);
    for (const Vec3& c : randomColors(500)) expectNear(lut.sample(c), c, 1e-6, "identity 17");
}

TEST(Cube, LargestSizeIsRead) {
    const Lut3D lut = parseCube(cubeOf(Lut3D::kMaxSize, kIdentity), "id65.cube");
    ASSERT_EQ(lut.size(), 65);
    for (const Vec3& c : randomColors(50)) expectNear(lut.sample(c), c, 1e-6, "identity 65");
}

TEST(Cube, KnownTransformExactAtGridPointsCloseBetween) {
    const int n = 33;
    const Lut3D lut = parseCube(cubeOf(n, kKnown), "known.cube");
    ASSERT_EQ(lut.size(), n);
    for (int b = 0; b < n; b += 4)
        for (int g = 0; g < n; g += 3)
            for (int r = 0; r < n; r += 5) {
                const double x = double(r) / (n - 1), y = double(g) / (n - 1),
                             z = double(b) / (n - 1);
                const Vec3 want = kKnown(x, y, z);
                const Vec3 got = lut.sample({x, y, z});
                for (int c = 0; c < 3; ++c) EXPECT_EQ(got[c], double(asFloat(want[c])));
            }
    // Between points the linear channels stay exact; g² is off by at most h²/4.
    const double h = 1.0 / (n - 1);
    for (const Vec3& c : randomColors(500)) {
        const Vec3 got = lut.sample(c), want = kKnown(c[0], c[1], c[2]);
        EXPECT_NEAR(got[0], want[0], 1e-6);
        EXPECT_NEAR(got[1], want[1], h * h / 4 + 1e-6);
        EXPECT_NEAR(got[2], want[2], 1e-6);
    }
}

TEST(Cube, LinearMapIsExactEverywhere) {
    // Tetrahedral interpolation reproduces any affine map, channel mixing included.
    const Transform affine = [](double r, double g, double b) {
        return Vec3{0.7 * r + 0.2 * g + 0.1 * b - 0.05, -0.3 * r + 1.2 * g + 0.1 * b,
                    0.05 * r - 0.4 * g + 1.35 * b + 0.02};
    };
    const Lut3D lut = parseCube(cubeOf(5, affine), "affine.cube");
    for (const Vec3& c : randomColors(500)) {
        const Vec3 want = affine(c[0], c[1], c[2]);
        expectNear(lut.sample(c), want, 2e-6, "affine");
    }
}

TEST(Cube, DomainIsHonouredAndInputsOutsideItClamp) {
    // Grid point i of 3 sits at input i (domain 0 … 2); the table halves its input.
    const Lut3D lut =
        parseCube(cubeOf(3, kIdentity, "DOMAIN_MIN 0 0 0\nDOMAIN_MAX 2 2 2\n"), "d.cube");
    EXPECT_EQ(lut.domainMax, (Vec3{2, 2, 2}));
    const Vec3 last = lut.sample({2, 2, 2});
    for (int c = 0; c < 3; ++c) EXPECT_EQ(last[c], double(lut.at(2, 2, 2)[c]));
    expectNear(lut.sample({1, 0.5, 1.5}), {0.5, 0.25, 0.75}, 1e-6, "inside the domain");
    expectNear(lut.sample({3, -1, 7}), lut.sample({2, 0, 2}), 0, "clamped to the domain");

    // Per-channel domains, a linear table: sample(x) = (x - min) / (max - min).
    const Lut3D skew = parseCube(
        cubeOf(4, kIdentity, "DOMAIN_MAX 1 4 1.5\n# min after max\nDOMAIN_MIN -1 0 0.5\n"),
        "skew.cube");
    expectNear(skew.sample({0, 1, 1}), {0.5, 0.25, 0.5}, 1e-6, "per-channel domain");
    expectNear(skew.sample({-5, 9, 0}), {0, 1, 0}, 0, "clamped per channel");
}

TEST(Cube, ResolveInputRangeIsADomain) {
    const Lut3D lut = parseCube(cubeOf(3, kIdentity, "LUT_3D_INPUT_RANGE 0 2\n"), "resolve.cube");
    EXPECT_EQ(lut.domainMin, (Vec3{0, 0, 0}));
    EXPECT_EQ(lut.domainMax, (Vec3{2, 2, 2}));
    expectNear(lut.sample({1, 1, 1}), {0.5, 0.5, 0.5}, 1e-6, "input range");
    // The same range spelled both ways is accepted; a contradiction is not.
    EXPECT_NO_THROW(
        parseCube(cubeOf(2, kIdentity, "LUT_3D_INPUT_RANGE 0 2\nDOMAIN_MAX 2 2 2\n"), "both.cube"));
    expectCubeError(cubeOf(2, kIdentity, "LUT_3D_INPUT_RANGE 0 2\nDOMAIN_MAX 1 1 1\n"), 2,
                    "disagrees");
}

TEST(Cube, TitleAndCommentsInOddPlaces) {
    const std::string text =
        "   # indented comment first\n"
        "\n"
        "LUT_3D_SIZE\t2   # size, then a comment\n"
        "DOMAIN_MIN 0 0 0\n"
        "# a comment between keywords\n"
        "TITLE \"Film #2 \"   # a '#' inside the quotes belongs to the title\n"
        "DOMAIN_MAX 1 1 1\n"
        "\t\n"
        "0 0 0 # black\n"
        "1  0\t0\n"
        "# a comment inside the table\n"
        "0 1 0\n1 1 0\n\n0 0 1\n1 0 1\n0 1 1\n"
        "1 1 1\n"
        "# trailing comment\n\n";
    const Lut3D lut = parseCube(text, "odd.cube");
    EXPECT_EQ(lut.title, "Film #2 ");
    ASSERT_EQ(lut.size(), 2);
    EXPECT_EQ(lut.at(1, 0, 0)[0], 1.0f);
    EXPECT_EQ(lut.at(1, 1, 1)[2], 1.0f);
    for (const Vec3& c : randomColors(50)) expectNear(lut.sample(c), c, 1e-6, "identity");
}

TEST(Cube, QuotedTitleWithHashAndTrailingComment) {
    const std::string text = "LUT_3D_SIZE 2\nTITLE \"Film #2 look\"  # not part of it\n" +
                             cubeOf(2, kIdentity).substr(std::string("LUT_3D_SIZE 2\n").size());
    EXPECT_EQ(parseCube(text, "t.cube").title, "Film #2 look");
    const std::string bare = "TITLE Bare words # comment\n" + cubeOf(2, kIdentity);
    EXPECT_EQ(parseCube(bare, "t.cube").title, "Bare words");
}

TEST(Cube, ValuesOutsideTheUnitRangeAreKept) {
    std::string text = "LUT_3D_SIZE 2\n-0.25 1.75 0\n";
    for (int i = 1; i < 8; ++i) text += "0.5 -3e-2 +1.5e1\n";
    const Lut3D lut = parseCube(text, "wide.cube");
    EXPECT_EQ(lut.at(0, 0, 0)[0], -0.25f);
    EXPECT_EQ(lut.at(0, 0, 0)[1], 1.75f);
    EXPECT_EQ(lut.at(1, 1, 1)[1], -0.03f);
    EXPECT_EQ(lut.at(1, 1, 1)[2], 15.0f);
    const Vec3 black = lut.sample({0, 0, 0});
    EXPECT_EQ(black[0], -0.25);
    EXPECT_EQ(black[1], 1.75);
}

TEST(Cube, CrlfLineEndsAndByteOrderMark) {
    const std::string text = "TITLE \"x\"\n# comment\n" + cubeOf(3, kKnown);
    const Lut3D lf = parseCube(text, "lf.cube");
    for (const std::string& variant :
         {withCrlf(text), "\xEF\xBB\xBF" + text, "\xEF\xBB\xBF" + withCrlf(text)}) {
        const Lut3D other = parseCube(variant, "crlf.cube");
        EXPECT_EQ(other.data(), lf.data());
        EXPECT_EQ(other.title, "x");
    }
    // Line numbers count CRLF as one line end.
    expectCubeError(withCrlf("LUT_3D_SIZE 2\n\n0 0 zero\n"), 3, "'zero' is not a number");
}

// ---- malformed .cube ---------------------------------------------------------------------

TEST(CubeErrors, SizeOutOfRange) {
    expectCubeError("# c\nLUT_3D_SIZE 100\n", 2, "LUT_3D_SIZE 100 is larger than 65");
    expectCubeError("LUT_3D_SIZE 1\n0 0 0\n", 1, "LUT_3D_SIZE 1 is smaller than 2");
    expectCubeError("LUT_3D_SIZE -4\n", 1, "smaller than 2");
    expectCubeError("LUT_3D_SIZE 99999999999999999999\n", 1, "is larger than 65");
    expectCubeError("LUT_3D_SIZE 2.5\n", 1, "whole number");
    expectCubeError("LUT_3D_SIZE\n", 1, "LUT_3D_SIZE takes one number, this line has 0");
}

TEST(CubeErrors, HugeSizeIsRefusedAtTheHeaderLine) {
    // The table that follows is never read: the header line decides.
    std::string text = "TITLE \"huge\"\nLUT_3D_SIZE 10000\n";
    for (int i = 0; i < 1000; ++i) text += "garbage line\n";
    expectCubeError(text, 2, "LUT_3D_SIZE 10000 is larger than 65");
}

TEST(CubeErrors, BadNumbers) {
    expectCubeError("LUT_3D_SIZE 2\n0 0 0\n1.2x 0 0\n", 3, "'1.2x' is not a number");
    expectCubeError("LUT_3D_SIZE 2\n0 0 0\n0 0,5 0\n", 3, "'0,5' is not a number");
    expectCubeError("LUT_3D_SIZE 2\n0 0 0\n0 0 0\n0 nan 0\n", 4, "'nan' is not a finite number");
    expectCubeError("LUT_3D_SIZE 2\ninf 0 0\n", 2, "'inf' is not a finite number");
    expectCubeError("LUT_3D_SIZE 2\n0 0 -infinity\n", 2, "not a finite number");
    expectCubeError("LUT_3D_SIZE 2\n0 1e50 0\n", 2, "'1e50' is too large");
    expectCubeError("LUT_3D_SIZE 2\nDOMAIN_MAX 1 one 1\n", 2, "'one' is not a number");
    // A value too small for a float is zero, not an error.
    const Lut3D lut =
        parseCube("LUT_3D_SIZE 2\n1e-60 0 0\n" + cubeOf(2, kIdentity).substr(20), "tiny.cube");
    EXPECT_EQ(lut.at(0, 0, 0)[0], 0.0f);
}

TEST(CubeErrors, WrongNumberOfValuesOnALine) {
    expectCubeError("LUT_3D_SIZE 2\n0 0 0\n0 0\n", 3, "this line has 2");
    expectCubeError("LUT_3D_SIZE 2\n0 0 0 1\n", 2, "this line has 4");
    expectCubeError("LUT_3D_SIZE 2\nDOMAIN_MIN 0 0\n", 2,
                    "DOMAIN_MIN takes three numbers, this line has 2");
    expectCubeError("LUT_3D_SIZE 2\nLUT_3D_INPUT_RANGE 0 1 2\n", 2, "takes two numbers");
}

TEST(CubeErrors, TooFewEntriesReportedAtTheEnd) {
    std::string text = cubeOf(2, kIdentity);  // 9 lines
    text.erase(text.rfind("0 1 1"));          // keeps lines 1 … 7
    text += "# the end\n";                    // line 8
    expectCubeError(text, 8, "too few entries: LUT_3D_SIZE 2 needs 8, the file has 6");
    expectCubeError("LUT_3D_SIZE 3\n", 1, "needs 27, the file has 0");
}

TEST(CubeErrors, TooManyEntriesReportedAtTheFirstExtraOne) {
    const std::string text = cubeOf(2, kIdentity) + "# more\n0.5 0.5 0.5\n\n1 1 1\n";
    expectCubeError(text, 11, "too many entries: LUT_3D_SIZE 2 needs 8, the file has 10");
}

TEST(CubeErrors, MissingSize) {
    expectCubeError("TITLE \"t\"\n0 0 0\n", 2, "table data before LUT_3D_SIZE");
    expectCubeError("TITLE \"t\"\n# nothing else\n", 2, "no LUT_3D_SIZE");
    expectCubeError("", 1, "no LUT_3D_SIZE");
}

TEST(CubeErrors, OneDimensionalLutsAloneAreRefused) {
    expectCubeError("TITLE \"1d\"\nLUT_1D_SIZE 4\n0 0 0\n", 2,
                    "1D LUTs (LUT_1D_SIZE) are not supported on their own");
    expectCubeError("LUT_1D_INPUT_RANGE 0 1\nLUT_3D_SIZE 2\n", 1,
                    "LUT_1D_INPUT_RANGE without LUT_1D_SIZE");
}

TEST(CubeErrors, ShaperProblems) {
    expectCubeError("LUT_3D_SIZE 2\nLUT_1D_SIZE 1\n", 2, "LUT_1D_SIZE 1 is smaller than 2");
    expectCubeError("LUT_3D_SIZE 2\nLUT_1D_SIZE 65537\n", 2,
                    "LUT_1D_SIZE 65537 is larger than 65536");
    expectCubeError("LUT_3D_SIZE 2\nLUT_1D_SIZE 4.5\n", 2, "LUT_1D_SIZE must be a whole number");
    expectCubeError("LUT_1D_SIZE 2\nLUT_1D_SIZE 2\n", 2, "LUT_1D_SIZE given twice");
    expectCubeError("LUT_1D_SIZE 2\nLUT_1D_INPUT_RANGE 1 0\nLUT_3D_SIZE 2\n0 0 0\n", 2,
                    "LUT_1D_INPUT_RANGE's minimum must be below its maximum; it is 1 … 0");
    expectCubeError("LUT_1D_SIZE 2\nLUT_1D_INPUT_RANGE 0\n", 2, "takes two numbers");
    expectCubeError("LUT_1D_SIZE 2\nLUT_3D_SIZE 2\nDOMAIN_MAX 1 2 1\n0 0 0\n", 3,
                    "one input range for all three channels");
    // The shaper's entries come first and count towards the total.
    expectCubeError("LUT_1D_SIZE 4\nLUT_3D_SIZE 2\n0 0 0\n0 0 0\n", 4,
                    "too few entries: LUT_1D_SIZE 4 and LUT_3D_SIZE 2 need 12 (4 + 8), the file "
                    "has 2");
    std::string extra = "LUT_1D_SIZE 2\nLUT_3D_SIZE 2\n";
    for (int i = 0; i < 11; ++i) extra += "0.5 0.5 0.5\n";
    expectCubeError(extra, 13, "too many entries: LUT_1D_SIZE 2 and LUT_3D_SIZE 2 need 10");
}

TEST(Cube, ResolveShaperIsAppliedBeforeTheGrid) {
    // Resolve's documented example: a 1D shaper that inverts the signal and a 3D table that
    // inverts it again, so the file as a whole is the identity.
    std::string text =
        "# Sample 3D cube file containing 1D shaper LUT and 3D LUT.\n"
        "LUT_1D_SIZE 6\nLUT_1D_INPUT_RANGE 0.0 1.0\nLUT_3D_SIZE 3\nLUT_3D_INPUT_RANGE 0.0 1.0\n";
    for (int i = 0; i < 6; ++i) {
        const double v = 1.0 - i / 5.0;
        text += std::to_string(v) + " " + std::to_string(v) + " " + std::to_string(v) + "\n";
    }
    text += cubeOf(3, [](double r, double g, double b) {
                return Vec3{1 - r, 1 - g, 1 - b};
            }).substr(std::string("LUT_3D_SIZE 3\n").size());
    const Lut3D lut = parseCube(text, "resolve-shaper.cube");
    ASSERT_EQ(lut.size(), 3);
    ASSERT_EQ(lut.shaperSize(), 6);
    EXPECT_EQ(lut.shaperMin, 0.0);
    EXPECT_EQ(lut.shaperMax, 1.0);
    for (const Vec3& c : randomColors(200)) expectNear(lut.sample(c), c, 1e-5, "shaper + 3D");

    // A shaper of √(x / 4) over 0 … 4 in front of a grid that multiplies by 4: the file is
    // 4·√(x / 4) there, and inputs beyond the shaper's range clamp to it.
    std::string squares = "LUT_1D_SIZE 257\nLUT_1D_INPUT_RANGE 0 4\nLUT_3D_SIZE 2\n";
    for (int i = 0; i < 257; ++i) {
        const double x = 4.0 * i / 256, y = std::sqrt(x / 4);
        char line[96];
        std::snprintf(line, sizeof line, "%.9g %.9g %.9g\n", y, y, y);
        squares += line;
    }
    squares += cubeOf(2, [](double r, double g, double b) {
                   return Vec3{4 * r, 4 * g, 4 * b};
               }).substr(std::string("LUT_3D_SIZE 2\n").size());
    const Lut3D spread = parseCube(squares, "spread.cube");
    Image img(3, 1, 3);
    const float in[9] = {0.5f, 1.0f, 2.0f, 3.0f, 0.25f, 4.0f, 9.0f, -1.0f, 0.0f};
    std::copy(in, in + 9, img.data());
    spread.apply(img.view());
    for (int i = 0; i < 3; ++i) {
        const Vec3 s = spread.sample({in[3 * i], in[3 * i + 1], in[3 * i + 2]});
        for (int c = 0; c < 3; ++c) {
            EXPECT_NEAR(img.at(i, 0, c), s[c], 1e-6) << "apply() and sample() agree";
            // The shaper's linear interpolation of √ is not exact: a loose check.
            EXPECT_NEAR(s[c], 4 * std::sqrt(std::clamp(in[3 * i + c], 0.0f, 4.0f) / 4), 0.02);
        }
    }
}

TEST(CubeWrite, ShaperFilesAreWrittenAsResolveWritesThem) {
    Lut3D lut(3);
    lut.title = "Shaped";
    lut.shaper = {0, 0, 0, 0.25f, 0.5f, 0.75f, 1, 1, 1};
    lut.shaperMin = 0;
    lut.shaperMax = 2;
    lut.domainMin = {0, 0, 0};
    lut.domainMax = {1.5, 1.5, 1.5};
    const std::string text = formatCube(lut, {"made by the test"});
    // Comments first, then the four keywords readers of shaper files expect, and no TITLE
    // (OpenColorIO's reader of these files refuses one): the title is a comment.
    EXPECT_EQ(text.rfind("# made by the test\n# Title: Shaped\nLUT_1D_SIZE 3\n"
                         "LUT_1D_INPUT_RANGE 0 2\nLUT_3D_SIZE 3\nLUT_3D_INPUT_RANGE 0 1.5\n"
                         "0 0 0\n0.25 0.5 0.75\n1 1 1\n0 0 0\n",
                         0),
              0u)
        << text.substr(0, 300);
    EXPECT_EQ(text.find("TITLE"), std::string::npos);
    const Lut3D back = parseCube(text, "shaped.cube");
    EXPECT_EQ(back.shaper, lut.shaper);
    EXPECT_EQ(back.shaperMin, 0);
    EXPECT_EQ(back.shaperMax, 2);
    EXPECT_EQ(back.domainMax, lut.domainMax);
    EXPECT_EQ(back.data(), lut.data());

    // One range for all channels is all the format has.
    lut.domainMax = {1, 2, 1};
    EXPECT_NE(errorOf([&] { formatCube(lut); }).find("different domain per channel"),
              std::string::npos);
}

TEST(CubeErrors, KeywordProblems) {
    expectCubeError("LUT_3D_SIZE 2\nLUT_3D_SIZE 2\n", 2,
                    "LUT_3D_SIZE given twice (first on line 1)");
    expectCubeError("LUT_3D_SIZE 2\nFOO 1\n", 2, "unknown keyword 'FOO'");
    expectCubeError(cubeOf(2, kIdentity) + "TITLE \"late\"\n", 10, "TITLE after the table data");
    expectCubeError("LUT_3D_SIZE 2\n0 0 0\nDOMAIN_MAX 2 2 2\n", 3, "after the table data");
    expectCubeError("TITLE \"open\nLUT_3D_SIZE 2\n", 1, "closing quote is missing");
    expectCubeError("TITLE \"a\" b\n", 1, "after TITLE's closing quote");
}

TEST(CubeErrors, EmptyOrReversedDomain) {
    expectCubeError("DOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 0 1\nLUT_3D_SIZE 2\n0 0 0\n", 2,
                    "in green it is 0 … 0");
    expectCubeError("DOMAIN_MAX 1 1 1\nLUT_3D_SIZE 2\nDOMAIN_MIN 0 0 2\n0 0 0\n", 3,
                    "in blue it is 2 … 1");
    expectCubeError("LUT_3D_INPUT_RANGE 1 0\nLUT_3D_SIZE 2\n", 1, "in red it is 1 … 0");
}

TEST(CubeErrors, FilesNamedInReadErrors) {
    test::TempDir dir("lut-read");
    const std::string missing = dir.str("missing.cube");
    EXPECT_TRUE(contains(errorOf([&] { readCube(missing); }), missing));

    // A sparse file far larger than any LUT is refused from its size, without reading it.
    const std::string huge = dir.str("huge.cube");
    test::writeFile(huge, "#");
    fs::resize_file(huge, std::uintmax_t(1) << 30);
    const std::string msg = errorOf([&] { readCube(huge); });
    EXPECT_TRUE(contains(msg, huge)) << msg;
    EXPECT_TRUE(contains(msg, "far larger than any .cube")) << msg;

    const std::string bad = dir.str("bad.cube");
    test::writeFile(bad, "LUT_3D_SIZE 2\n0 0 0\nx\n");
    EXPECT_EQ(errorOf([&] { readCube(bad); }).rfind(bad + ":3: ", 0), 0u);
}

// ---- Hald CLUT images --------------------------------------------------------------------

namespace {

// A level-L Hald image of `f` (pixel i holds grid point i, red fastest), as OpenCV's BGR.
cv::Mat haldImage(int level, int depth, const Transform& f) {
    const int n = level * level, side = n * level;
    const double maxValue = depth == CV_8U ? 255.0 : 65535.0;
    cv::Mat img(side, side, CV_MAKETYPE(depth, 3));
    for (int i = 0; i < side * side; ++i) {
        const int r = i % n, g = (i / n) % n, b = i / (n * n);
        const Vec3 v = f(double(r) / (n - 1), double(g) / (n - 1), double(b) / (n - 1));
        for (int c = 0; c < 3; ++c) {
            const double q = std::lround(std::clamp(v[c], 0.0, 1.0) * maxValue);
            if (depth == CV_8U)
                img.at<cv::Vec3b>(i / side, i % side)[2 - c] = std::uint8_t(q);
            else
                img.at<cv::Vec3w>(i / side, i % side)[2 - c] = std::uint16_t(q);
        }
    }
    return img;
}

void expectHaldMatches(const Lut3D& lut, int level, const Transform& f, double tol) {
    const int n = level * level;
    ASSERT_EQ(lut.size(), n);
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const Vec3 want = f(double(r) / (n - 1), double(g) / (n - 1), double(b) / (n - 1));
                const float* got = lut.at(r, g, b);
                for (int c = 0; c < 3; ++c)
                    ASSERT_NEAR(got[c], want[c], tol) << "level " << level << " grid (" << r << ", "
                                                      << g << ", " << b << ") channel " << c;
            }
}

}  // namespace

TEST(Hald, IdentityAtSeveralLevelsAndDepths) {
    test::TempDir dir("hald");
    for (const int level : {2, 4, 8})
        for (const int depth : {CV_8U, CV_16U}) {
            const std::string path =
                dir.str("id" + std::to_string(level) + "_" + std::to_string(depth) + ".png");
            ASSERT_TRUE(cv::imwrite(path, haldImage(level, depth, kIdentity)));
            const Lut3D lut = readHaldClut(path);
            const double tol = depth == CV_8U ? 1.0 / 255 : 1.0 / 65535;
            expectHaldMatches(lut, level, kIdentity, tol);
            EXPECT_EQ(lut.title, "id" + std::to_string(level) + "_" + std::to_string(depth));
            // The corners are exact whatever the depth.
            EXPECT_EQ(lut.at(lut.size() - 1, 0, lut.size() - 1)[0], 1.0f);
            EXPECT_EQ(lut.at(lut.size() - 1, 0, lut.size() - 1)[1], 0.0f);
        }
}

TEST(Hald, KnownTransformAndChannelOrder) {
    test::TempDir dir("hald");
    const std::string png8 = dir.str("known8.png"), png16 = dir.str("known16.png");
    ASSERT_TRUE(cv::imwrite(png8, haldImage(4, CV_8U, kKnown)));
    ASSERT_TRUE(cv::imwrite(png16, haldImage(4, CV_16U, kKnown)));
    expectHaldMatches(readHaldClut(png8), 4, kKnown, 1.0 / 255);
    const Lut3D lut = readHaldClut(png16);
    expectHaldMatches(lut, 4, kKnown, 1.0 / 65535);
    // Pure red in: red 0.1, green 0, blue 0 out (the BGR order is undone).
    expectNear(lut.sample({1, 0, 0}), {0.1, 0, 0}, 1e-4, "red");
    expectNear(lut.sample({0, 0, 1}), {0.6, 0, 1}, 1e-4, "blue");
}

TEST(Hald, AlphaIsIgnoredAndTiffIsRead) {
    test::TempDir dir("hald");
    cv::Mat bgra;
    cv::cvtColor(haldImage(2, CV_8U, kKnown), bgra, cv::COLOR_BGR2BGRA);
    const std::string png = dir.str("alpha.png");
    ASSERT_TRUE(cv::imwrite(png, bgra));
    expectHaldMatches(readHaldClut(png), 2, kKnown, 1.0 / 255);

    const std::string tif = dir.str("known.TIFF");
    ASSERT_TRUE(cv::imwrite(dir.str("known.tiff"), haldImage(4, CV_16U, kKnown)));
    fs::rename(dir.str("known.tiff"), tif);
    expectHaldMatches(readLut(tif), 4, kKnown, 1.0 / 65535);
}

TEST(Hald, ImagesThatAreNotHaldCluts) {
    test::TempDir dir("hald");
    const std::string oblong = dir.str("oblong.png");
    ASSERT_TRUE(cv::imwrite(oblong, cv::Mat(500, 512, CV_8UC3, cv::Scalar(0, 0, 0))));
    std::string msg = errorOf([&] { readHaldClut(oblong); });
    EXPECT_TRUE(contains(msg, oblong + ": 512×500 is not a Hald CLUT")) << msg;

    const std::string square = dir.str("square.png");
    ASSERT_TRUE(cv::imwrite(square, cv::Mat(100, 100, CV_8UC3, cv::Scalar(0, 0, 0))));
    msg = errorOf([&] { readHaldClut(square); });
    EXPECT_TRUE(contains(msg, square + ": 100×100 is not a Hald CLUT")) << msg;

    const std::string level9 = dir.str("level9.png");
    ASSERT_TRUE(cv::imwrite(level9, haldImage(9, CV_8U, kIdentity)));
    msg = errorOf([&] { readHaldClut(level9); });
    EXPECT_TRUE(contains(msg, level9)) << msg;
    EXPECT_TRUE(contains(msg, "level-9 Hald CLUT (729×729) holds a cube of 81 points per axis"))
        << msg;

    const std::string grey = dir.str("grey.png");
    ASSERT_TRUE(cv::imwrite(grey, cv::Mat(64, 64, CV_8UC1, cv::Scalar(128))));
    msg = errorOf([&] { readHaldClut(grey); });
    EXPECT_TRUE(contains(msg, grey + ": is a greyscale image")) << msg;

    const std::string text = dir.str("text.png");
    test::writeFile(text, "not an image");
    msg = errorOf([&] { readHaldClut(text); });
    EXPECT_TRUE(contains(msg, text + ": not a PNG or TIFF image")) << msg;

    const std::string missing = dir.str("missing.png");
    msg = errorOf([&] { readHaldClut(missing); });
    EXPECT_TRUE(contains(msg, missing + ": cannot open")) << msg;
}

// ---- Hald CLUT decoding: depths, layouts and broken files ---------------------------------

namespace {

// Random samples for every pixel of a level-L Hald image (RGB, scan order), `bits` deep: a
// byte-order or channel-order slip changes almost every one of them.
std::vector<std::uint16_t> randomSamples(int level, int bits, unsigned seed) {
    const int side = level * level * level;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> u(0, (1 << bits) - 1);
    std::vector<std::uint16_t> out(std::size_t(side) * side * 3);
    for (auto& v : out) v = std::uint16_t(u(rng));
    return out;
}

// The grid holds exactly sample / max, channel for channel.
void expectExactly(const Lut3D& lut, const std::vector<std::uint16_t>& samples, int bits) {
    const float maxValue = bits == 16 ? 65535.0f : 255.0f;
    ASSERT_EQ(lut.data().size(), samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i)
        ASSERT_EQ(lut.data()[i], float(samples[i]) / maxValue) << "sample " << i;
}

// The samples as an OpenCV image (BGR).
cv::Mat matOf(const std::vector<std::uint16_t>& samples, int level, int bits) {
    const int side = level * level * level;
    cv::Mat img(side, side, bits == 16 ? CV_16UC3 : CV_8UC3);
    for (int i = 0; i < side * side; ++i)
        for (int c = 0; c < 3; ++c) {
            const std::uint16_t v = samples[std::size_t(i) * 3 + c];
            if (bits == 16)
                img.at<cv::Vec3w>(i / side, i % side)[2 - c] = v;
            else
                img.at<cv::Vec3b>(i / side, i % side)[2 - c] = std::uint8_t(v);
        }
    return img;
}

struct TiffLayout {
    int bits = 8;
    bool separate = false;  ///< a plane per channel instead of RGBRGB…
    bool tiled = false;     ///< 16 × 16 tiles instead of strips
    bool alpha = false;     ///< a fourth, unassociated-alpha channel
    std::uint16_t compression = COMPRESSION_NONE;
    std::uint16_t format = SAMPLEFORMAT_UINT;
};

// Writes the samples as a TIFF in layouts OpenCV's encoder does not produce.
void writeTiff(const std::string& path, const std::vector<std::uint16_t>& samples, int level,
               const TiffLayout& l) {
    const std::uint32_t side = std::uint32_t(level * level * level);
    const int spp = l.alpha ? 4 : 3;
    TIFF* tif = TIFFOpen(path.c_str(), "w");
    ASSERT_NE(tif, nullptr) << path;
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, side);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, side);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, l.bits);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, spp);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG,
                 l.separate ? PLANARCONFIG_SEPARATE : PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, l.compression);
    TIFFSetField(tif, TIFFTAG_SAMPLEFORMAT, l.format);
    if (l.alpha) {
        const std::uint16_t extra = EXTRASAMPLE_UNASSALPHA;
        TIFFSetField(tif, TIFFTAG_EXTRASAMPLES, 1, &extra);
    }
    const std::uint32_t block = l.tiled ? 16 : side;   // tile width, or a row's width
    const std::uint32_t blockRows = l.tiled ? 16 : 5;  // strips of 5 rows: the last is short
    if (l.tiled) {
        TIFFSetField(tif, TIFFTAG_TILEWIDTH, block);
        TIFFSetField(tif, TIFFTAG_TILELENGTH, blockRows);
    } else {
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, blockRows);
    }
    const int planes = l.separate ? spp : 1, perPixel = l.separate ? 1 : spp;
    const std::size_t bytes = std::size_t(l.bits / 8);
    std::vector<unsigned char> buf(std::size_t(block) * blockRows * perPixel * bytes);
    // Sample `c` of pixel (x, y): the alpha channel gets a pattern that must not leak.
    const auto sample = [&](std::uint32_t x, std::uint32_t y, int c) -> std::uint16_t {
        if (x >= side || y >= side) return 0;
        if (c == 3) return std::uint16_t((x * 7 + y) & 0xff);
        return samples[(std::size_t(y) * side + x) * 3 + std::size_t(c)];
    };
    const auto put = [&](std::size_t i, std::uint16_t v) {
        if (bytes == 2)
            std::memcpy(&buf[i * 2], &v, 2);  // libtiff takes host order
        else
            buf[i] = std::uint8_t(v);
    };
    for (int plane = 0; plane < planes; ++plane)
        for (std::uint32_t y0 = 0; y0 < side; y0 += blockRows)
            for (std::uint32_t x0 = 0; x0 < side; x0 += block) {
                for (std::uint32_t y = 0; y < blockRows; ++y)
                    for (std::uint32_t x = 0; x < block; ++x)
                        for (int k = 0; k < perPixel; ++k)
                            put((std::size_t(y) * block + x) * perPixel + k,
                                sample(x0 + x, y0 + y, l.separate ? plane : k));
                if (l.tiled) {
                    ASSERT_GE(TIFFWriteTile(tif, buf.data(), x0, y0, 0, tsample_t(plane)), 0);
                } else {
                    for (std::uint32_t y = 0; y < blockRows && y0 + y < side; ++y)
                        ASSERT_GE(
                            TIFFWriteScanline(tif, &buf[std::size_t(y) * side * perPixel * bytes],
                                              y0 + y, tsample_t(plane)),
                            0);
                }
            }
    TIFFClose(tif);
}

std::string readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// A PNG written with libpng in layouts OpenCV's encoder does not produce.
struct PngOut {
    const char* path;
    png_uint_32 side;
    int bits;
    int colorType;
    bool interlace;
    png_bytep* rows;  ///< samples big-endian when 16-bit, as PNG stores them
    const png_color* palette;
    int paletteSize;
    const png_byte* trans;  ///< palette alphas (tRNS), or nullptr
};

// Only trivially destructible locals between setjmp and libpng's longjmp.
bool writePng(const PngOut& o) {
    std::FILE* f = std::fopen(o.path, "wb");
    if (!f) return false;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        std::fclose(f);
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        std::fclose(f);
        return false;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, o.side, o.side, o.bits, o.colorType,
                 o.interlace ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (o.palette) png_set_PLTE(png, info, o.palette, o.paletteSize);
    if (o.trans) png_set_tRNS(png, info, o.trans, o.paletteSize, nullptr);
    png_write_info(png, info);
    png_write_image(png, o.rows);  // runs the interlace passes itself
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return std::fclose(f) == 0;
}

// The CRC-32 a PNG chunk carries over its type and data, so a forged header is a valid one.
std::uint32_t pngCrc(const std::string& bytes) {
    std::uint32_t crc = 0xffffffffu;
    for (const unsigned char b : bytes) {
        crc ^= b;
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return crc ^ 0xffffffffu;
}

std::string bigEndian32(std::uint32_t v) {
    return {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}

/// Random samples written by OpenCV, as other tools write Hald images, must read back exactly.
void expectOpenCvFileReadsExactly(const std::string& path, int level, int bits, unsigned seed) {
    const auto samples = randomSamples(level, bits, seed);
    ASSERT_TRUE(cv::imwrite(path, matOf(samples, level, bits)));
    expectExactly(readHaldClut(path), samples, bits);
}

}  // namespace

TEST(HaldDecoding, SixteenBitPngValuesAreExact) {
    test::TempDir dir("hald-decode");
    for (const int level : {2, 8})
        expectOpenCvFileReadsExactly(dir.str("random16-" + std::to_string(level) + ".png"), level,
                                     16, unsigned(level));
    expectOpenCvFileReadsExactly(dir.str("random8.png"), 4, 8, 3);
}

TEST(HaldDecoding, TiffEightAndSixteenBitInEveryLayout) {
    test::TempDir dir("hald-decode");
    struct Case {
        const char* name;
        TiffLayout layout;
    };
    const std::vector<Case> cases = {
        {"strips8", {8, false, false, false, COMPRESSION_NONE}},
        {"strips16", {16, false, false, false, COMPRESSION_NONE}},
        {"lzw16", {16, false, false, false, COMPRESSION_LZW}},
        {"deflate8-alpha", {8, false, false, true, COMPRESSION_ADOBE_DEFLATE}},
        {"planes8", {8, true, false, false, COMPRESSION_NONE}},
        {"planes16-alpha", {16, true, false, true, COMPRESSION_LZW}},
        {"tiles8", {8, false, true, false, COMPRESSION_NONE}},
        {"tiles16-planes", {16, true, true, false, COMPRESSION_ADOBE_DEFLATE}},
        {"tiles16-alpha", {16, false, true, true, COMPRESSION_LZW}},
    };
    for (const Case& c : cases)
        for (const int level : {2, 4}) {  // level 2 is 8 pixels: one partial 16 × 16 tile
            SCOPED_TRACE(std::string(c.name) + " level " + std::to_string(level));
            const auto samples = randomSamples(level, c.layout.bits, unsigned(level * 31));
            const std::string tif =
                dir.str(std::string(c.name) + "-" + std::to_string(level) + ".tif");
            writeTiff(tif, samples, level, c.layout);
            expectExactly(readHaldClut(tif), samples, c.layout.bits);
        }
    // OpenCV's own 16-bit TIFF, as other tools write them.
    expectOpenCvFileReadsExactly(dir.str("opencv16.tiff"), 4, 16, 9);
}

TEST(HaldDecoding, InterlacedAndPalettePngs) {
    test::TempDir dir("hald-decode");
    // Adam7-interlaced RGB, 16 and 8 bit.
    for (const int bits : {16, 8}) {
        const int level = 4, side = level * level * level;
        const auto samples = randomSamples(level, bits, unsigned(bits));
        const std::size_t rowBytes = std::size_t(side) * 3 * std::size_t(bits / 8);
        std::vector<png_byte> image(rowBytes * side);
        for (std::size_t i = 0; i < samples.size(); ++i) {
            if (bits == 16) {
                image[i * 2] = png_byte(samples[i] >> 8);
                image[i * 2 + 1] = png_byte(samples[i] & 0xff);
            } else {
                image[i] = png_byte(samples[i]);
            }
        }
        std::vector<png_bytep> rows(static_cast<std::size_t>(side));
        for (int y = 0; y < side; ++y) rows[std::size_t(y)] = &image[std::size_t(y) * rowBytes];
        const std::string path = dir.str("interlaced" + std::to_string(bits) + ".png");
        ASSERT_TRUE(writePng({path.c_str(), png_uint_32(side), bits, PNG_COLOR_TYPE_RGB, true,
                              rows.data(), nullptr, 0, nullptr}));
        expectExactly(readHaldClut(path), samples, bits);
    }
    // Palette-indexed (a level-2 Hald has 64 pixels: one entry each), with and without a
    // tRNS chunk (which libpng expands to an alpha channel that must be ignored).
    const int side = 8;
    const auto samples = randomSamples(2, 8, 77);
    std::vector<png_color> palette(side * side);
    std::vector<png_byte> alphas(side * side), indices(side * side);
    for (std::size_t i = 0; i < palette.size(); ++i) {
        palette[i] = {png_byte(samples[i * 3]), png_byte(samples[i * 3 + 1]),
                      png_byte(samples[i * 3 + 2])};
        alphas[i] = png_byte(i * 4);
        indices[i] = png_byte(i);
    }
    std::vector<png_bytep> rows(side);
    for (std::size_t y = 0; y < rows.size(); ++y) rows[y] = &indices[y * side];
    for (const bool transparency : {false, true}) {
        const std::string path = dir.str(transparency ? "palette-trns.png" : "palette.png");
        ASSERT_TRUE(writePng({path.c_str(), side, 8, PNG_COLOR_TYPE_PALETTE, false, rows.data(),
                              palette.data(), int(palette.size()),
                              transparency ? alphas.data() : nullptr}));
        expectExactly(readHaldClut(path), samples, 8);
    }
}

TEST(HaldDecoding, TiffsThatAreNotColorIntegerImages) {
    test::TempDir dir("hald-decode");
    const std::string grey = dir.str("grey.tif");
    ASSERT_TRUE(cv::imwrite(grey, cv::Mat(64, 64, CV_16UC1, cv::Scalar(1000))));
    std::string msg = errorOf([&] { readHaldClut(grey); });
    EXPECT_TRUE(contains(msg, grey + ": is a greyscale image")) << msg;

    // OpenCV writes float images as LogLuv TIFFs.
    const std::string logLuv = dir.str("float.tif");
    ASSERT_TRUE(cv::imwrite(logLuv, cv::Mat(8, 8, CV_32FC3, cv::Scalar(0.5, 0.5, 0.5))));
    msg = errorOf([&] { readHaldClut(logLuv); });
    EXPECT_TRUE(contains(msg, logLuv + ": is a TIFF image in LogLuv (high dynamic range); a Hald "
                                       "CLUT is an RGB image"))
        << msg;

    TiffLayout signedLayout;
    signedLayout.bits = 16;
    signedLayout.format = SAMPLEFORMAT_INT;
    const std::string signed16 = dir.str("signed16.tif");
    writeTiff(signed16, randomSamples(2, 15, 2), 2, signedLayout);
    msg = errorOf([&] { readHaldClut(signed16); });
    EXPECT_TRUE(contains(msg, signed16 + ": a Hald CLUT has 8 or 16 bits per channel; this image "
                                         "has signed 16-bit samples"))
        << msg;
}

TEST(HaldDecoding, TruncatedFilesNameTheFileAndTheProblem) {
    test::TempDir dir("hald-decode");
    const std::string whole = dir.str("whole.png");
    ASSERT_TRUE(cv::imwrite(whole, matOf(randomSamples(4, 16, 5), 4, 16)));
    const std::string bytes = readBytes(whole);
    for (const std::size_t keep : {bytes.size() / 2, std::size_t(40)}) {
        const std::string cut = dir.str("cut" + std::to_string(keep) + ".png");
        writeBytes(cut, bytes.substr(0, keep));
        const std::string msg = errorOf([&] { readHaldClut(cut); });
        EXPECT_TRUE(contains(msg, cut + ": cannot decode the PNG image: the file is truncated"))
            << msg;
    }
    // Damaged pixel data rather than missing data: libpng's own message, still an rf::Error.
    std::string damaged = bytes;
    for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i) damaged[i] = char(0x5a);
    const std::string bad = dir.str("damaged.png");
    writeBytes(bad, damaged);
    const std::string msg = errorOf([&] { readHaldClut(bad); });
    EXPECT_TRUE(contains(msg, bad + ": cannot decode the PNG image: ")) << msg;
}

TEST(HaldDecoding, AHugeDeclaredSizeIsRefusedBeforeDecoding) {
    test::TempDir dir("hald-decode");
    // A valid PNG signature and IHDR (right CRC) for a 1,000,000² RGB image: level 100, within
    // libpng's default limits, 3 TB of pixels. No image data follows, so any attempt to decode
    // would fail differently.
    const auto forged = [&](std::uint32_t side) {
        const std::string ihdr =
            "IHDR" + bigEndian32(side) + bigEndian32(side) + std::string("\x08\x02\x00\x00\x00", 5);
        return std::string("\x89PNG\r\n\x1a\n", 8) + bigEndian32(13) + ihdr +
               bigEndian32(pngCrc(ihdr));
    };
    const std::string huge = dir.str("huge.png");
    writeBytes(huge, forged(1000000));
    std::string msg = errorOf([&] { readHaldClut(huge); });
    EXPECT_TRUE(contains(msg, huge + ": a level-100 Hald CLUT (1000000×1000000) holds a cube of "
                                     "10000 points per axis"))
        << msg;
    const std::string odd = dir.str("odd.png");
    writeBytes(odd, forged(0x7fffffff));
    msg = errorOf([&] { readHaldClut(odd); });
    EXPECT_TRUE(contains(msg, odd + ": 2147483647×2147483647 is not a Hald CLUT")) << msg;
    // The same header with a Hald CLUT's size gets as far as the decoder, which finds no data.
    const std::string empty = dir.str("empty.png");
    writeBytes(empty, forged(512));
    msg = errorOf([&] { readHaldClut(empty); });
    EXPECT_TRUE(contains(msg, empty + ": cannot decode the PNG image: the file is truncated"))
        << msg;
}

TEST(HaldDecoding, OtherImageFormatsNamedPngAreRefused) {
    test::TempDir dir("hald-decode");
    const cv::Mat hald = matOf(randomSamples(2, 8, 1), 2, 8);
    for (const char* ext : {".jpg", ".bmp", ".ppm"}) {
        const std::string real = dir.str(std::string("hald") + ext);
        ASSERT_TRUE(cv::imwrite(real, hald)) << ext;
        const std::string named = real + ".png";
        fs::rename(real, named);
        const std::string msg = errorOf([&] { readHaldClut(named); });
        EXPECT_TRUE(contains(msg, named + ": not a PNG or TIFF image")) << msg;
    }
    // The fuzzer's finding: a DICOM-like file that asked OpenCV for 2 GB.
    const std::string dicom =
        std::string(RF_SOURCE_DIR) + "/tests/data/fuzz/hald/dicom-2gb-allocation.png";
    const std::string msg = errorOf([&] { readHaldClut(dicom); });
    EXPECT_TRUE(contains(msg, dicom + ": not a PNG or TIFF image")) << msg;
}

TEST(ReadLut, ChoosesTheReaderByExtension) {
    test::TempDir dir("readlut");
    const std::string cube = dir.str("Look.CUBE");
    test::writeFile(cube, cubeOf(2, kKnown));
    EXPECT_EQ(readLut(cube).size(), 2);
    const std::string png = dir.str("Look.Png");
    ASSERT_TRUE(cv::imwrite(png + ".png", haldImage(2, CV_8U, kKnown)));
    fs::rename(png + ".png", png);
    EXPECT_EQ(readLut(png).size(), 4);
    const std::string other = dir.str("look.3dl");
    test::writeFile(other, "0 0 0\n");
    const std::string msg = errorOf([&] { readLut(other); });
    EXPECT_TRUE(contains(msg, other + ": not a LUT file")) << msg;
}

// ---- writing .cube -----------------------------------------------------------------------

TEST(CubeWrite, FormatThenParseIsBitExact) {
    Lut3D lut(7);
    std::mt19937 rng(7);
    std::uniform_real_distribution<float> u(-0.5f, 1.5f);
    for (float& v : lut.data()) v = u(rng);
    // Values whose shortest decimal forms are awkward.
    lut.data()[0] = -0.0f;
    lut.data()[1] = 1e-40f;  // subnormal
    lut.data()[2] = 3.4e38f;
    lut.data()[3] = 1.0f / 3.0f;
    lut.data()[4] = 16777217.0f;
    lut.domainMin = {-0.1, 0.0, 1.0 / 3.0};
    lut.domainMax = {1.25, 2.0, 1e3};
    lut.title = "Round trip, with spaces  and #";
    const std::string text = formatCube(lut, {"input encoding: sRGB", "two\nlines", ""});
    EXPECT_EQ(text.rfind("# input encoding: sRGB\n# two\n# lines\n#\nTITLE \"Round trip", 0), 0u)
        << text.substr(0, 200);

    const Lut3D back = parseCube(text, "rt.cube");
    ASSERT_EQ(back.size(), lut.size());
    ASSERT_EQ(back.data().size(), lut.data().size());
    EXPECT_EQ(std::memcmp(back.data().data(), lut.data().data(), lut.data().size() * sizeof(float)),
              0);
    EXPECT_TRUE(std::signbit(back.data()[0]));
    EXPECT_EQ(back.domainMin, lut.domainMin);
    EXPECT_EQ(back.domainMax, lut.domainMax);
    EXPECT_EQ(back.title, lut.title);
}

TEST(CubeWrite, TitleCannotBreakTheFile) {
    Lut3D lut(2);
    lut.title = "a \"quoted\"\nname";
    EXPECT_EQ(parseCube(formatCube(lut), "t.cube").title, "a 'quoted' name");
}

TEST(CubeWrite, WriteThenReadFromDisk) {
    test::TempDir dir("cube-write");
    const Lut3D lut = parseCube(cubeOf(9, kKnown, "TITLE \"known\"\n"), "known.cube");
    const std::string path = dir.str("out.cube");
    writeCube(path, lut, {"baked by the test"});
    const Lut3D back = readCube(path);
    EXPECT_EQ(back.data(), lut.data());
    EXPECT_EQ(back.title, "known");
    EXPECT_EQ(test::readFile(path).rfind("# baked by the test\n", 0), 0u);
    // Only the finished file is left in the folder.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(CubeWrite, ErrorsNameThePath) {
    test::TempDir dir("cube-write");
    const std::string path = dir.str("no/such/folder/out.cube");
    const std::string msg = errorOf([&] { writeCube(path, Lut3D(2)); });
    EXPECT_TRUE(contains(msg, path)) << msg;
    const std::string empty = dir.str("empty.cube");
    EXPECT_TRUE(contains(errorOf([&] { writeCube(empty, Lut3D()); }), empty));
    EXPECT_FALSE(fs::exists(empty));
}

// ---- applying ----------------------------------------------------------------------------

TEST(LutApply, MixZeroIsIdentityMixOneIsSample) {
    const Lut3D lut = parseCube(cubeOf(17, kKnown, "DOMAIN_MIN -0.1 -0.1 -0.1\n"), "k.cube");
    Image img(61, 37, 3);
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> u(-0.2f, 1.2f);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = u(rng);
    const Image original = img;

    lut.apply(img.view(), 0.0f);
    EXPECT_EQ(std::memcmp(img.data(), original.data(), img.sampleCount() * sizeof(float)), 0);

    Image quarter = original;
    lut.apply(img.view(), 1.0f);
    lut.apply(quarter.view(), 0.25f);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const float* in = original.row(y) + 3 * x;
            const Vec3 want = lut.sample({in[0], in[1], in[2]});
            for (int c = 0; c < 3; ++c) {
                ASSERT_NEAR(img.at(x, y, c), want[c], 1e-6) << x << "," << y;
                ASSERT_NEAR(quarter.at(x, y, c), in[c] + 0.25 * (want[c] - in[c]), 1e-6);
            }
        }
}

// ---- robustness --------------------------------------------------------------------------

TEST(CubeFuzz, MutatedFilesParseOrThrowRfError) {
    const std::string valid =
        "# fuzz seed\nTITLE \"seed\"\nDOMAIN_MIN 0 0 0\nDOMAIN_MAX 1 1 1\n" + cubeOf(3, kKnown);
    const std::string alphabet = "0123456789.-+eE #\"\n\r\tnaifLUT_3DSIZE\xEF\xBB\xBF";
    std::mt19937 rng(424242);
    auto pick = [&](std::size_t n) {
        return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
    };
    int parsed = 0, refused = 0;
    for (int round = 0; round < 600; ++round) {
        std::string text = valid;
        switch (round % 4) {
            case 0:  // a few bytes replaced by characters that matter to the grammar
                for (std::size_t k = 1 + pick(4); k > 0; --k)
                    text[pick(text.size())] = alphabet[pick(alphabet.size())];
                break;
            case 1:  // arbitrary bytes
                for (std::size_t k = 1 + pick(4); k > 0; --k)
                    text[pick(text.size())] = char(pick(256));
                break;
            case 2:  // truncated anywhere
                text.resize(pick(text.size() + 1));
                break;
            case 3: {  // a slice repeated or removed
                const std::size_t a = pick(text.size()), len = pick(40);
                if (round % 8 == 3)
                    text.insert(a, text.substr(a, len));
                else
                    text.erase(a, len);
                break;
            }
        }
        try {
            const Lut3D lut = parseCube(text, "fuzz.cube");
            ++parsed;
            ASSERT_GE(lut.size(), 2);
            ASSERT_LE(lut.size(), Lut3D::kMaxSize);
            ASSERT_EQ(lut.data().size(), std::size_t(3) * lut.size() * lut.size() * lut.size());
            for (float v : lut.data()) ASSERT_TRUE(std::isfinite(v));
            for (int c = 0; c < 3; ++c) ASSERT_LT(lut.domainMin[c], lut.domainMax[c]);
        } catch (const Error& e) {
            ++refused;
            ASSERT_EQ(std::string(e.what()).rfind("fuzz.cube:", 0), 0u) << e.what();
        }
    }
    // Both outcomes occur, so the mutations reach past the first line.
    EXPECT_GT(parsed, 10);
    EXPECT_GT(refused, 100);
}
