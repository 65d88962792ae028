// SPDX-License-Identifier: GPL-3.0-or-later
// `rangefinder-cli looks learn` end to end, as a photographer runs it: a raw and the finished
// JPEG of it become a look file with its LUT, which `looks list` shows with its sources and
// `export --look` applies; a JPEG of another picture, an odd number of files and an existing
// look are refused with a message naming the problem.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "rangefinder/color.h"
#include "rangefinder/looks.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"
#include "rangefinder/writer.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

// A picture with structure all over (for registration) and broad flat colours (to learn
// from): the chart on a sinusoidal backdrop.
Image scene(int width, int height, int seed) {
    Image chart = synth::renderChart(width, height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            float* p = chart.row(y) + 3 * x;
            if (p[0] == p[1] && p[1] == p[2]) {  // the chart's surround
                const double u = double(x) / width, v = double(y) / height;
                for (int c = 0; c < 3; ++c)
                    p[c] =
                        float(0.05 + 0.04 * (1 + std::sin(9 * u * (c + 1 + seed) + 7 * v * seed)));
            }
        }
    return chart;
}

// The raw's rendering with the look `name` from the shipped looks, as the phone's JPEG.
void finishedJpeg(const std::string& raw, const std::string& name, const std::string& jpeg) {
    const std::string dir = std::string(RF_SOURCE_DIR) + "/looks";
    const LookLibrary lib = LookLibrary::load({dir});
    Pipeline p(std::make_shared<RawImage>(decodeRaw(raw)));
    RenderOptions o;
    o.lookDirs = {dir};
    const Image img = p.render(withLook({}, *lib.find(name)), o).rgb;
    EncodeOptions e;
    e.quality = 95;
    writeImage(jpeg, img.cview(), e, iccProfileFor(OutputSpace::SRGB));
}

double meanDeltaE(const std::string& a, const std::string& b) {
    const cv::Mat ma = cv::imread(a, cv::IMREAD_COLOR), mb = cv::imread(b, cv::IMREAD_COLOR);
    EXPECT_EQ(ma.size(), mb.size());
    double sum = 0;
    for (int y = 0; y < ma.rows; ++y)
        for (int x = 0; x < ma.cols; ++x) {
            const cv::Vec3b p = ma.at<cv::Vec3b>(y, x), q = mb.at<cv::Vec3b>(y, x);
            sum += deltaE2000(test::labOfEncodedSRGB({p[2] / 255.0, p[1] / 255.0, p[0] / 255.0}),
                              test::labOfEncodedSRGB({q[2] / 255.0, q[1] / 255.0, q[0] / 255.0}));
        }
    return sum / (double(ma.rows) * ma.cols);
}

}  // namespace

TEST(CliLookLearn, LearnsAPairIntoALookThatListsAndExports) {
    test::TempDir dir("cli-look-learn");
    const std::string raw = dir.str("phone.dng"), jpeg = dir.str("phone.jpg");
    synth::writeDng(raw, scene(480, 320, 1).cview(), synth::DngOptions{});
    finishedJpeg(raw, "Leica Vibrant", jpeg);
    const fs::path looks = dir.path() / "looks";

    std::string out;
    ASSERT_EQ(test::runCli("looks learn " + raw + " " + jpeg + " --name \"Phone Vibrant\" --out " +
                               (looks / "phone-vibrant.look").string(),
                           out),
              0)
        << out;
    EXPECT_NE(out.find((looks / "phone-vibrant.look").string()), std::string::npos) << out;
    EXPECT_NE(out.find("mean CIEDE2000"), std::string::npos) << out;
    EXPECT_TRUE(fs::is_regular_file(looks / "luts" / "phone-vibrant.cube"));

    ASSERT_EQ(test::runCli("looks list --looks-dir " + looks.string(), out), 0) << out;
    EXPECT_NE(out.find("Phone Vibrant (colour)"), std::string::npos) << out;
    EXPECT_NE(out.find("Learned from an example: phone.dng → phone.jpg"), std::string::npos) << out;

    // Exported with the learned look, the raw comes out as the phone's JPEG did.
    const fs::path exported = dir.path() / "out";
    ASSERT_EQ(test::runCli("export " + raw + " --looks-dir " + looks.string() +
                               " --look \"Phone Vibrant\" --size original -q 95 --sharpen 0 -o " +
                               exported.string(),
                           out),
              0)
        << out;
    const double d = meanDeltaE((exported / "phone.jpg").string(), jpeg);
    std::printf("  exported with the learned look against the phone's JPEG: mean ΔE2000 %.2f\n", d);
    EXPECT_LT(d, 1.0);

    // Learning again into the same file needs --overwrite.
    EXPECT_EQ(test::runCli("looks learn " + raw + " " + jpeg + " --name \"Phone Vibrant\" --out " +
                               (looks / "phone-vibrant.look").string(),
                           out),
              1)
        << out;
    EXPECT_NE(out.find("already exists"), std::string::npos) << out;
}

TEST(CliLookLearn, RefusesAJpegOfAnotherPictureAndAnOddNumberOfFiles) {
    test::TempDir dir("cli-look-learn-refuse");
    const std::string raw = dir.str("a.dng"), other = dir.str("b.dng"), jpeg = dir.str("b.jpg");
    synth::writeDng(raw, scene(480, 320, 1).cview(), synth::DngOptions{});
    Image noise(480, 320, 3);
    std::uint32_t state = 12345;
    for (std::size_t i = 0; i < noise.sampleCount(); i += 3) {
        state = state * 1664525u + 1013904223u;
        const float v = 0.02f + 0.3f * float(state >> 8) / float(1u << 24);
        noise.data()[i] = noise.data()[i + 1] = noise.data()[i + 2] = v;
    }
    cv::Mat m(320, 480, CV_32FC3, noise.data());
    cv::Mat blurred;
    cv::GaussianBlur(m, blurred, cv::Size(0, 0), 6);
    std::copy_n(blurred.ptr<float>(), noise.sampleCount(), noise.data());
    synth::writeDng(other, noise.cview(), synth::DngOptions{});
    finishedJpeg(other, "Leica Vibrant", jpeg);

    std::string out;
    EXPECT_EQ(test::runCli(
                  "looks learn " + raw + " " + jpeg + " --name X --out " + dir.str("x.look"), out),
              1)
        << out;
    EXPECT_NE(out.find(jpeg + ": does not show the same shot as " + raw), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir.str("x.look")));

    EXPECT_EQ(test::runCli("looks learn " + raw + " " + jpeg + " " + other + " --name X --out " +
                               dir.str("x.look"),
                           out),
              2)
        << out;
    EXPECT_NE(out.find("has no JPEG"), std::string::npos) << out;
}
