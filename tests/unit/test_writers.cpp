// SPDX-License-Identifier: GPL-3.0-or-later
// Encoders: what is written reads back as what was meant, with the ICC profile embedded and
// the requested JPEG structure, and a failure leaves no file behind.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "rangefinder/color.h"
#include "rangefinder/error.h"
#include "rangefinder/writer.h"
#include "support/test_support.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

// A real profile: libpng validates what it embeds.
std::vector<std::uint8_t> fakeIcc() { return iccProfileFor(OutputSpace::SRGB); }

Image gradient(int w, int h) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            img.at(x, y, 0) = float(x) / (w - 1);
            img.at(x, y, 1) = float(y) / (h - 1);
            img.at(x, y, 2) = 0.5f;
        }
    return img;
}

std::string slurp(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), {}};
}

bool containsBytes(const std::string& hay, const std::vector<std::uint8_t>& needle) {
    return hay.find(std::string(needle.begin(), needle.end())) != std::string::npos;
}

// The sampling factors of the first SOF segment, and whether it is progressive (SOF2).
struct Sof {
    bool progressive = false;
    int lumaH = 0, lumaV = 0;
};
Sof readSof(const std::string& jpg) {
    for (std::size_t i = 2; i + 4 < jpg.size();) {
        if (std::uint8_t(jpg[i]) != 0xFF) break;
        const int marker = std::uint8_t(jpg[i + 1]);
        const int len = (std::uint8_t(jpg[i + 2]) << 8) | std::uint8_t(jpg[i + 3]);
        if (marker == 0xC0 || marker == 0xC1 || marker == 0xC2) {
            const int factors = std::uint8_t(jpg[i + 4 + 7]);
            return {marker == 0xC2, factors >> 4, factors & 15};
        }
        i += 2 + len;
    }
    return {};
}

}  // namespace

TEST(Writers, JpegRoundTripsWithIccAndStructure) {
    test::TempDir dir("jpeg");
    const Image img = gradient(64, 48);
    EncodeOptions o;
    o.quality = 98;
    o.subsampling = ChromaSubsampling::S444;
    const auto icc = fakeIcc();
    const std::string path = dir.str("a.jpg");
    writeImage(path, img.cview(), o, icc);
    const cv::Mat back = cv::imread(path, cv::IMREAD_COLOR);
    ASSERT_EQ(back.cols, 64);
    ASSERT_EQ(back.rows, 48);
    double worst = 0;
    for (int y = 0; y < 48; ++y)
        for (int x = 0; x < 64; ++x)
            for (int c = 0; c < 3; ++c)
                worst = std::max(worst, std::abs(back.at<cv::Vec3b>(y, x)[2 - c] / 255.0 -
                                                 img.at(x, y, c)));
    EXPECT_LT(worst, 6 / 255.0);
    const std::string bytes = slurp(path);
    EXPECT_NE(bytes.find("ICC_PROFILE"), std::string::npos);
    EXPECT_TRUE(containsBytes(bytes, icc));
    Sof sof = readSof(bytes);
    EXPECT_FALSE(sof.progressive);
    EXPECT_EQ(sof.lumaH, 1);

    o.progressive = true;
    o.subsampling = ChromaSubsampling::S420;
    writeImage(path, img.cview(), o, icc);
    sof = readSof(slurp(path));
    EXPECT_TRUE(sof.progressive);
    EXPECT_EQ(sof.lumaH, 2);
    EXPECT_EQ(sof.lumaV, 2);
    o.subsampling = ChromaSubsampling::S422;
    writeImage(path, img.cview(), o, icc);
    sof = readSof(slurp(path));
    EXPECT_EQ(sof.lumaH, 2);
    EXPECT_EQ(sof.lumaV, 1);
}

TEST(Writers, SixteenBitTiffAndPngKeepPrecision) {
    test::TempDir dir("deep");
    const Image img = gradient(300, 20);
    const auto icc = fakeIcc();
    for (FileFormat f : {FileFormat::Tiff, FileFormat::Png}) {
        EncodeOptions o;
        o.format = f;
        o.bitDepth = 16;
        const std::string path = dir.str(std::string("a.") + fileExtension(f));
        writeImage(path, img.cview(), o, icc);
        const cv::Mat back = cv::imread(path, cv::IMREAD_UNCHANGED);
        ASSERT_EQ(back.depth(), CV_16U) << path;
        ASSERT_EQ(back.cols, 300);
        for (int x = 0; x < 300; x += 37)
            EXPECT_NEAR(back.at<cv::Vec3w>(5, x)[2] / 65535.0, img.at(x, 5, 0), 1.0 / 65535)
                << path;
        EXPECT_TRUE(containsBytes(slurp(path), icc) ||
                    f == FileFormat::Png)  // PNG stores the profile deflated
            << path;
    }
    EncodeOptions o;
    o.format = FileFormat::Png;
    o.bitDepth = 8;
    writeImage(dir.str("b.png"), img.cview(), o, icc);
    EXPECT_NE(slurp(dir.str("b.png")).find("iCCP"), std::string::npos);
    EXPECT_EQ(cv::imread(dir.str("b.png"), cv::IMREAD_UNCHANGED).depth(), CV_8U);
}

TEST(Writers, FailuresNameThePathAndLeaveNothing) {
    test::TempDir dir("fail");
    const Image img = gradient(32, 32);
    for (FileFormat f : {FileFormat::Jpeg, FileFormat::Tiff, FileFormat::Png}) {
        EncodeOptions o;
        o.format = f;
        const std::string path = dir.str("missing/sub/x.") + fileExtension(f);
        try {
            writeImage(path, img.cview(), o, fakeIcc());
            ADD_FAILURE() << "wrote into a missing folder";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        }
        EXPECT_FALSE(fs::exists(path));
    }
    // /dev/full accepts the open and fails every write: the disk-full case.
    if (fs::exists("/dev/full")) {
        EncodeOptions o;
        const Image big = gradient(1024, 1024);
        EXPECT_THROW(writeImage("/dev/full", big.cview(), o, fakeIcc()), Error);
        o.format = FileFormat::Png;
        EXPECT_THROW(writeImage("/dev/full", big.cview(), o, fakeIcc()), Error);
    }
}

TEST(Writers, FormatNames) {
    EXPECT_EQ(fileFormatFromString("JPG"), FileFormat::Jpeg);
    EXPECT_EQ(fileFormatFromString("tif"), FileFormat::Tiff);
    EXPECT_EQ(fileFormatFromString("png"), FileFormat::Png);
    EXPECT_THROW(fileFormatFromString("gif"), Error);
    EXPECT_STREQ(fileExtension(FileFormat::Tiff), "tif");
}
