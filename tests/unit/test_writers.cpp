// SPDX-License-Identifier: GPL-3.0-or-later
// The encoders against independent readers: OpenCV decodes the pixels, exiftool extracts the
// embedded ICC profile, and the JPEG frame header is parsed byte by byte for subsampling and
// progressive mode. Failures (missing folder, full disk, file-size limit) must surface as
// rf::Error naming the path and leave no file behind.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>

#include "rangefinder/error.h"
#include "rangefinder/export_schema.h"
#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/writer.h"
#include "support/writer_fixtures.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

// Smooth in every channel, so JPEG at high quality reproduces it closely.
Image gradient(int w, int h) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            img.at(x, y, 0) = float(x) / float(w - 1);
            img.at(x, y, 1) = float(y) / float(h - 1);
            img.at(x, y, 2) = 0.5f + 0.4f * std::sin(float(x + y) * 0.05f);
        }
    return img;
}

// Deterministic pseudo-random values: exercises every code, not just a ramp.
Image noise(int w, int h, unsigned seed = 1) {
    Image img(w, h, 3);
    std::uint32_t s = seed;
    for (std::size_t i = 0; i < img.sampleCount(); ++i) {
        s = s * 1664525u + 1013904223u;
        img.data()[i] = float(s >> 8) / float(1u << 24);
    }
    return img;
}

std::vector<std::uint8_t> readBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// OpenCV returns BGR; this gives channel c of the RGB pixel (x, y) as a double.
double sample(const cv::Mat& m, int x, int y, int c) {
    if (m.depth() == CV_16U) return m.at<cv::Vec3w>(y, x)[2 - c];
    return m.at<cv::Vec3b>(y, x)[2 - c];
}

// Half a code of rounding plus float arithmetic (v · 65535 in float carries ~2^-24 relative
// error, a few thousandths of a code near white).
constexpr double k16BitTolerance = 0.5 + 0.01;

struct DiffStats {
    double maxAbs = 0, meanAbs = 0;
};

DiffStats compare(const cv::Mat& m, ConstImageView ref, double scale) {
    DiffStats d;
    for (int y = 0; y < ref.height; ++y)
        for (int x = 0; x < ref.width; ++x)
            for (int c = 0; c < 3; ++c) {
                const double e = std::abs(sample(m, x, y, c) - ref.px(x, y)[c] * scale);
                d.maxAbs = std::max(d.maxAbs, e);
                d.meanAbs += e;
            }
    d.meanAbs /= double(ref.width) * ref.height * 3;
    return d;
}

struct JpegFrame {
    int sofMarker = -1;    // 0xC0 baseline, 0xC2 progressive
    int sampling[3] = {};  // (h << 4) | v per component
};

JpegFrame parseJpegFrame(const std::vector<std::uint8_t>& b) {
    JpegFrame f;
    std::size_t i = 2;  // after SOI
    while (i + 4 <= b.size() && b[i] == 0xFF) {
        const int marker = b[i + 1];
        const std::size_t len = (std::size_t(b[i + 2]) << 8) | b[i + 3];
        if (marker >= 0xC0 && marker <= 0xC2) {
            f.sofMarker = marker;
            const int n = b[i + 9];
            for (int c = 0; c < n && c < 3; ++c) f.sampling[c] = b[i + 11 + 3 * c];
            return f;
        }
        if (marker == 0xDA) break;
        i += 2 + len;
    }
    return f;
}

class Writers : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = test::scratchDir("writers");
        icc_ = test::makeTestIccProfile();
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    void expectIcc(const std::string& p) const {
        if (!test::haveExiftool()) GTEST_SKIP() << "exiftool not installed";
        EXPECT_EQ(test::extractIcc(p), icc_) << p;
    }

    fs::path dir_;
    std::vector<std::uint8_t> icc_;
};

}  // namespace

TEST(FileFormat, ParsesNamesAndExtensions) {
    EXPECT_EQ(fileFormatFromString("jpeg"), FileFormat::Jpeg);
    EXPECT_EQ(fileFormatFromString("JPG"), FileFormat::Jpeg);
    EXPECT_EQ(fileFormatFromString("tif"), FileFormat::Tiff);
    EXPECT_EQ(fileFormatFromString("TIFF"), FileFormat::Tiff);
    EXPECT_EQ(fileFormatFromString(".png"), FileFormat::Png);
    EXPECT_EQ(fileFormatFromString("webp"), FileFormat::WebP);
    EXPECT_THROW(fileFormatFromString("heic"), Error);
    EXPECT_THROW(fileFormatFromString(""), Error);
    EXPECT_STREQ(fileExtension(FileFormat::Jpeg), "jpg");
    EXPECT_STREQ(fileExtension(FileFormat::Tiff), "tif");
    EXPECT_STREQ(fileExtension(FileFormat::Png), "png");
}

TEST_F(Writers, JpegHighQuality444IsCloseAndCarriesTheProfile) {
    const Image img = gradient(160, 96);
    EncodeOptions o;
    o.quality = 95;
    o.subsampling = ChromaSubsampling::S444;
    const std::string p = path("q95.jpg");
    writeImage(p, img.view(), o, icc_);
    const cv::Mat m = cv::imread(p, cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m.cols, 160);
    EXPECT_EQ(m.rows, 96);
    EXPECT_EQ(m.depth(), CV_8U);
    const DiffStats d = compare(m, img.view(), 255.0);
    EXPECT_LE(d.maxAbs, 4.0);
    EXPECT_LT(d.meanAbs, 1.0);
    const JpegFrame f = parseJpegFrame(readBytes(p));
    EXPECT_EQ(f.sofMarker, 0xC0);  // baseline; optimised Huffman tables stay SOF0
    EXPECT_EQ(f.sampling[0], 0x11);
    EXPECT_EQ(f.sampling[1], 0x11);
    expectIcc(p);
}

TEST_F(Writers, JpegSubsamplingFactorsFollowTheOption) {
    const Image img = gradient(64, 64);
    const std::pair<ChromaSubsampling, int> cases[] = {{ChromaSubsampling::S444, 0x11},
                                                       {ChromaSubsampling::S422, 0x21},
                                                       {ChromaSubsampling::S420, 0x22}};
    for (const auto& [mode, luma] : cases) {
        EncodeOptions o;
        o.subsampling = mode;
        const std::string p = path("sub.jpg");
        writeImage(p, img.view(), o, icc_);
        const JpegFrame f = parseJpegFrame(readBytes(p));
        EXPECT_EQ(f.sampling[0], luma);
        EXPECT_EQ(f.sampling[1], 0x11);
        EXPECT_EQ(f.sampling[2], 0x11);
    }
}

TEST_F(Writers, JpegProgressiveWritesSof2AndDecodesTheSame) {
    const Image img = gradient(128, 80);
    EncodeOptions o;
    o.quality = 90;
    const std::string base = path("base.jpg"), prog = path("prog.jpg");
    writeImage(base, img.view(), o, icc_);
    o.progressive = true;
    writeImage(prog, img.view(), o, icc_);
    EXPECT_EQ(parseJpegFrame(readBytes(base)).sofMarker, 0xC0);
    EXPECT_EQ(parseJpegFrame(readBytes(prog)).sofMarker, 0xC2);
    // Progressive changes only the scan order: the decoded pixels are identical.
    const cv::Mat a = cv::imread(base, cv::IMREAD_UNCHANGED);
    const cv::Mat b = cv::imread(prog, cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(a.empty());
    ASSERT_FALSE(b.empty());
    EXPECT_EQ(cv::norm(a, b, cv::NORM_INF), 0.0);
    expectIcc(prog);
}

TEST_F(Writers, JpegLowerQualityIsSmaller) {
    const Image img = noise(128, 128);
    EncodeOptions o;
    o.quality = 95;
    writeImage(path("hi.jpg"), img.view(), o, icc_);
    o.quality = 30;
    writeImage(path("lo.jpg"), img.view(), o, icc_);
    EXPECT_LT(fs::file_size(path("lo.jpg")), fs::file_size(path("hi.jpg")));
}

TEST_F(Writers, Png16IsExactToTheCode) {
    const Image img = noise(97, 45);
    EncodeOptions o;
    o.format = FileFormat::Png;
    o.bitDepth = 16;
    const std::string p = path("n16.png");
    writeImage(p, img.view(), o, icc_);
    const cv::Mat m = cv::imread(p, cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m.depth(), CV_16U);
    EXPECT_EQ(m.cols, 97);
    EXPECT_EQ(m.rows, 45);
    EXPECT_LE(compare(m, img.view(), 65535.0).maxAbs, k16BitTolerance);
    expectIcc(p);
}

TEST_F(Writers, Png8IsWithinOneCodeAndDitherKeepsTheMean) {
    const Image img = noise(80, 40);
    EncodeOptions o;
    o.format = FileFormat::Png;
    o.bitDepth = 8;
    const std::string p = path("n8.png");
    writeImage(p, img.view(), o, icc_);
    const cv::Mat m = cv::imread(p, cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m.depth(), CV_8U);
    EXPECT_LT(compare(m, img.view(), 255.0).maxAbs, 1.0);
    expectIcc(p);

    // A flat field halfway between two codes: the ordered dither mixes them evenly, where
    // rounding would shift the whole field by half a code.
    Image flat(64, 64, 3);
    std::fill(flat.data(), flat.data() + flat.sampleCount(), 76.5f / 255.f);
    writeImage(p, flat.view(), o, icc_);
    const cv::Mat f = cv::imread(p, cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(f.empty());
    double sum = 0;
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x) {
            const double v = sample(f, x, y, 1);
            EXPECT_TRUE(v == 76 || v == 77) << v;
            sum += v;
        }
    EXPECT_NEAR(sum / (64 * 64), 76.5, 0.01);
}

TEST_F(Writers, Tiff16IsExactAndTagged) {
    const Image img = noise(70, 130);  // several strips, the last one short
    EncodeOptions o;
    o.format = FileFormat::Tiff;
    o.bitDepth = 16;
    const std::string p = path("n16.tif");
    writeImage(p, img.view(), o, icc_);
    const cv::Mat m = cv::imread(p, cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m.depth(), CV_16U);
    EXPECT_EQ(m.cols, 70);
    EXPECT_EQ(m.rows, 130);
    EXPECT_LE(compare(m, img.view(), 65535.0).maxAbs, k16BitTolerance);
    expectIcc(p);
    const std::string tags = test::runCommand(
        "exiftool -s -s -s -Software -Compression -Predictor " + test::shellQuote(p));
    EXPECT_NE(tags.find("Rangefinder"), std::string::npos) << tags;
    EXPECT_NE(tags.find("Adobe Deflate"), std::string::npos) << tags;
    EXPECT_NE(tags.find("Horizontal differencing"), std::string::npos) << tags;
}

TEST_F(Writers, Tiff8IsWithinOneCode) {
    const Image img = gradient(50, 20);
    EncodeOptions o;
    o.format = FileFormat::Tiff;
    o.bitDepth = 8;
    const std::string p = path("g8.tif");
    writeImage(p, img.view(), o, icc_);
    const cv::Mat m = cv::imread(p, cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m.depth(), CV_8U);
    EXPECT_LT(compare(m, img.view(), 255.0).maxAbs, 1.0);
    expectIcc(p);
}

TEST_F(Writers, EmptyProfileWritesNoProfile) {
    if (!test::haveExiftool()) GTEST_SKIP() << "exiftool not installed";
    const Image img = gradient(16, 16);
    for (FileFormat fmt : {FileFormat::Jpeg, FileFormat::Png, FileFormat::Tiff}) {
        EncodeOptions o;
        o.format = fmt;
        o.bitDepth = 16;
        const std::string p = path(std::string("noicc.") + fileExtension(fmt));
        writeImage(p, img.view(), o, {});
        EXPECT_TRUE(test::extractIcc(p).empty()) << p;
        EXPECT_FALSE(cv::imread(p, cv::IMREAD_UNCHANGED).empty()) << p;
    }
}

TEST_F(Writers, ReadsStridedViewsAndClampsOutOfRange) {
    Image big = gradient(40, 30);
    // Out-of-range and NaN samples inside the region written.
    big.at(12, 6, 0) = -0.5f;
    big.at(13, 6, 1) = 1.5f;
    big.at(14, 6, 2) = std::numeric_limits<float>::quiet_NaN();
    const ConstImageView region = big.view().region({10, 5, 20, 12});
    EncodeOptions o;
    o.format = FileFormat::Png;
    o.bitDepth = 16;
    const std::string p = path("region.png");
    writeImage(p, region, o, icc_);
    const cv::Mat m = cv::imread(p, cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(m.empty());
    EXPECT_EQ(m.cols, 20);
    EXPECT_EQ(m.rows, 12);
    EXPECT_EQ(sample(m, 2, 1, 0), 0.0);
    EXPECT_EQ(sample(m, 3, 1, 1), 65535.0);
    EXPECT_EQ(sample(m, 4, 1, 2), 0.0);
    for (int y = 0; y < 12; ++y)
        for (int x = 0; x < 20; ++x) {
            if (y == 1 && x >= 2 && x <= 4) continue;
            for (int c = 0; c < 3; ++c)
                ASSERT_NEAR(sample(m, x, y, c), region.px(x, y)[c] * 65535.0, k16BitTolerance);
        }
}

TEST_F(Writers, RejectsBadInput) {
    const Image img = gradient(8, 8);
    EncodeOptions o;
    o.quality = 0;
    EXPECT_THROW(writeImage(path("a.jpg"), img.view(), o, icc_), Error);
    o.quality = 101;
    EXPECT_THROW(writeImage(path("a.jpg"), img.view(), o, icc_), Error);
    o = {};
    o.format = FileFormat::Png;
    o.bitDepth = 12;
    EXPECT_THROW(writeImage(path("a.png"), img.view(), o, icc_), Error);
    Image gray(8, 8, 1);
    EXPECT_THROW(writeImage(path("a.tif"), gray.view(), {}, icc_), Error);
    EXPECT_THROW(writeImage(path("a.jpg"), ConstImageView{}, {}, icc_), Error);
    EXPECT_FALSE(fs::exists(path("a.jpg")));
    EXPECT_FALSE(fs::exists(path("a.png")));
    EXPECT_FALSE(fs::exists(path("a.tif")));
}

TEST_F(Writers, UnwritableFolderNamesThePathAndLeavesNothing) {
    const Image img = gradient(8, 8);
    std::ofstream(path("plainfile")) << "x";
    for (FileFormat fmt : {FileFormat::Jpeg, FileFormat::Png, FileFormat::Tiff}) {
        EncodeOptions o;
        o.format = fmt;
        for (const std::string& p : {path("missing/out.") + fileExtension(fmt),
                                     path("plainfile/out.") + fileExtension(fmt)}) {
            try {
                writeImage(p, img.view(), o, icc_);
                ADD_FAILURE() << "no error for " << p;
            } catch (const Error& e) {
                EXPECT_EQ(e.file(), p);
                EXPECT_NE(std::string(e.what()).find(p), std::string::npos) << e.what();
            }
            EXPECT_FALSE(fs::exists(p));
        }
    }
}

TEST_F(Writers, FullDiskIsReported) {
    struct stat st {};
    if (::stat("/dev/full", &st) != 0 || !S_ISCHR(st.st_mode)) GTEST_SKIP() << "no /dev/full";
    const Image img = noise(64, 64);
    for (FileFormat fmt : {FileFormat::Jpeg, FileFormat::Png, FileFormat::Tiff}) {
        EncodeOptions o;
        o.format = fmt;
        o.bitDepth = 16;
        try {
            writeImage("/dev/full", img.view(), o, icc_);
            ADD_FAILURE() << "no error for format " << fileExtension(fmt);
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), "/dev/full");
            EXPECT_NE(std::string(e.what()).find(std::strerror(ENOSPC)), std::string::npos)
                << e.what();
        }
        // The device must survive: only regular files are removed on failure.
        ASSERT_EQ(::stat("/dev/full", &st), 0);
        EXPECT_TRUE(S_ISCHR(st.st_mode));
    }
}

TEST_F(Writers, FailureHalfwayRemovesThePartialFile) {
    // A file-size limit makes write() fail part-way (EFBIG) on an ordinary file, the way a
    // disk that fills up mid-export would.
    rlimit old{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
    if (old.rlim_max != RLIM_INFINITY && old.rlim_max < 8192) GTEST_SKIP();
    auto* previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit lim = old;
    lim.rlim_cur = 8192;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &lim), 0);
    const Image img = noise(256, 256);
    for (FileFormat fmt : {FileFormat::Jpeg, FileFormat::Png, FileFormat::Tiff}) {
        EncodeOptions o;
        o.format = fmt;
        o.bitDepth = 16;
        o.quality = 100;
        const std::string p = path(std::string("big.") + fileExtension(fmt));
        try {
            writeImage(p, img.view(), o, icc_);
            ADD_FAILURE() << "no error for " << p;
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), p);
            EXPECT_NE(std::string(e.what()).find(std::strerror(EFBIG)), std::string::npos)
                << e.what();
        }
        EXPECT_FALSE(fs::exists(p)) << p;
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, previous);
}

TEST_F(Writers, ConcurrentWritesFromBatchTasksAreIndependent) {
    const int n = 6;
    const FileFormat formats[3] = {FileFormat::Jpeg, FileFormat::Png, FileFormat::Tiff};
    std::vector<Image> images;
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) {
        images.push_back(noise(90 + i, 50, unsigned(i + 1)));
        std::string name = "t";
        name += std::to_string(i);
        name += '.';
        name += fileExtension(formats[i % 3]);
        names.push_back(path(name));
    }
    parallelTasks(n, 2, [&](int i) {
        EncodeOptions o;
        o.format = formats[i % 3];
        o.bitDepth = 16;
        writeImage(names[i], images[i].view(), o, icc_);
    });
    for (int i = 0; i < n; ++i) {
        const cv::Mat m = cv::imread(names[i], cv::IMREAD_UNCHANGED);
        ASSERT_FALSE(m.empty()) << names[i];
        EXPECT_EQ(m.cols, 90 + i);
        if (formats[i % 3] != FileFormat::Jpeg) {
            EXPECT_LE(compare(m, images[i].view(), 65535.0).maxAbs, k16BitTolerance);
        }
    }
}

// Only TemporaryFile creates a temporary: a writer finding one gone (removed by a second
// interrupt while the encoder's thread ran on) fails instead of leaving a partial file.
TEST_F(Writers, ATemporaryRemovedBeforeItsWriterOpensItStaysGone) {
    const Image img = noise(64, 48);
    for (const FileFormat format : {FileFormat::Jpeg, FileFormat::Png, FileFormat::Tiff}) {
        EncodeOptions o;
        o.format = format;
        const std::string gone =
            path(std::string(".photo.rf-tmp-4242-Ab3dE9fGh1Jk.") + fileExtension(format));
        EXPECT_THROW(writeImage(gone, img.view(), o, icc_), Error);
        EXPECT_FALSE(fs::exists(gone));
        // The same name, created first (as TemporaryFile does), is written.
        { std::ofstream touch(gone); }
        writeImage(gone, img.view(), o, icc_);
        EXPECT_GT(fs::file_size(gone), 100u);
    }
}
