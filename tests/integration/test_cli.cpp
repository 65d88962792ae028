// SPDX-License-Identifier: GPL-3.0-or-later
// rangefinder-cli as a photographer runs it: the real binary, real and synthetic raws, a
// corrupt file in the batch, existing outputs, folders that cannot be written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <utility>

#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

void writeChart(const std::string& path, int w = 600, int h = 400) {
    const Image scene = synth::renderChart(w, h);
    synth::writeDng(path, scene.cview(), synth::DngOptions{});
}

std::size_t countFiles(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file();
    return n;
}

// Fraction of pixels at the extremes and the mean, of an 8-bit image.
struct Exposure {
    double mean, black, white;
};
Exposure measure(const cv::Mat& img) {
    double sum = 0;
    std::size_t black = 0, white = 0, n = 0;
    for (int y = 0; y < img.rows; ++y)
        for (int x = 0; x < img.cols; ++x) {
            const cv::Vec3b v = img.at<cv::Vec3b>(y, x);
            const int m = (v[0] + v[1] + v[2]) / 3;
            sum += m;
            black += m <= 2;
            white += m >= 253;
            ++n;
        }
    return {sum / n / 255.0, double(black) / n, double(white) / n};
}

}  // namespace

TEST(Cli, HelpAndUsageErrors) {
    std::string out;
    EXPECT_EQ(test::runCli("--help", out), 0);
    EXPECT_NE(out.find("export"), std::string::npos);
    EXPECT_EQ(test::runCli("export --help", out), 0);
    EXPECT_NE(out.find("--preset"), std::string::npos);
    EXPECT_NE(out.find("--set"), std::string::npos);
    EXPECT_EQ(test::runCli("export", out), 2) << out;
    EXPECT_EQ(test::runCli("frobnicate", out), 2) << out;
    test::TempDir dir("cli-usage");
    EXPECT_EQ(test::runCli("export --set exposure.ev=99 -o " + dir.str() + " x.dng", out), 2);
    EXPECT_NE(out.find("exposure.ev"), std::string::npos) << out;
    EXPECT_EQ(test::runCli("params", out), 0);
    EXPECT_NE(out.find("wb.temperature"), std::string::npos);
}

TEST(Cli, BatchGoesOnPastACorruptFileAndFailsOverall) {
    test::TempDir dir("cli-batch");
    const fs::path in = dir.path() / "in", out = dir.path() / "out";
    fs::create_directories(in);
    writeChart((in / "a.dng").string());
    writeChart((in / "b.dng").string());
    {
        std::ofstream bad(in / "c.dng", std::ios::binary);
        bad << "II*\0this is not a raw file at all";
    }
    std::string log;
    const int rc = test::runCli("export --preset web -o " + out.string() + " " + in.string(), log);
    EXPECT_EQ(rc, 1) << log;
    EXPECT_TRUE(fs::exists(out / "a.jpg")) << log;
    EXPECT_TRUE(fs::exists(out / "b.jpg")) << log;
    EXPECT_FALSE(fs::exists(out / "c.jpg"));
    EXPECT_NE(log.find("c.dng"), std::string::npos) << log;
    EXPECT_NE(log.find("Exported 2 of 3"), std::string::npos) << log;
    EXPECT_EQ(countFiles(out), 2u) << "no temporary or partial files may remain";
}

TEST(Cli, TwoJobsAtOnceWriteExactlyWhatOneAtATimeDoes) {
    // Files exported side by side share the process's caches (the image buffer pool, the
    // look's baked LUT, the output transform); what is written must not depend on which other
    // file was being exported at the same time. The sanitizer job runs this under TSan.
    test::TempDir dir("cli-jobs");
    const fs::path in = dir.path() / "in";
    fs::create_directories(in);
    const std::pair<int, int> sizes[] = {{600, 400}, {640, 480}, {400, 600}, {900, 600}};
    for (std::size_t i = 0; i < std::size(sizes); ++i)
        writeChart((in / ("c" + std::to_string(i) + ".dng")).string(), sizes[i].first,
                   sizes[i].second);
    const std::string look =
        "--look leica-authentic --looks-dir " + test::shellQuote(RF_SOURCE_DIR "/looks") + " ";
    std::string log;
    ASSERT_EQ(test::runCli("export -j 1 " + look + "-o " + dir.str("one") + " " + in.string(), log),
              0)
        << log;
    ASSERT_EQ(test::runCli("export -j 2 " + look + "-o " + dir.str("two") + " " + in.string(), log),
              0)
        << log;
    EXPECT_NE(log.find("Exported 4 of 4"), std::string::npos) << log;
    for (std::size_t i = 0; i < std::size(sizes); ++i) {
        const std::string name = "c" + std::to_string(i) + ".jpg";
        const cv::Mat one = cv::imread(dir.str("one/" + name), cv::IMREAD_UNCHANGED);
        const cv::Mat two = cv::imread(dir.str("two/" + name), cv::IMREAD_UNCHANGED);
        ASSERT_FALSE(one.empty()) << name;
        ASSERT_FALSE(two.empty()) << name << "\n" << log;
        EXPECT_EQ(two.cols, sizes[i].first) << name;
        EXPECT_EQ(cv::norm(one, two, cv::NORM_INF), 0.0) << name;
    }
}

TEST(Cli, NeverOverwritesSilently) {
    test::TempDir dir("cli-overwrite");
    const std::string raw = dir.str("shot.dng");
    writeChart(raw);
    const fs::path out = dir.path() / "out";
    fs::create_directories(out);
    {
        std::ofstream existing(out / "shot.jpg");
        existing << "precious";
    }
    std::string log;
    ASSERT_EQ(test::runCli("export -o " + out.string() + " " + raw, log), 0) << log;
    std::ifstream keep(out / "shot.jpg");
    std::string content((std::istreambuf_iterator<char>(keep)), {});
    EXPECT_EQ(content, "precious");
    EXPECT_TRUE(fs::exists(out / "shot-1.jpg")) << log;
    ASSERT_EQ(test::runCli("export --overwrite -o " + out.string() + " " + raw, log), 0) << log;
    EXPECT_GT(fs::file_size(out / "shot.jpg"), 1000u);
}

TEST(Cli, UnwritableOutputFailsCleanly) {
    test::TempDir dir("cli-unwritable");
    const std::string raw = dir.str("shot.dng");
    writeChart(raw);
    {
        std::ofstream f(dir.path() / "a-file");
        f << "x";
    }
    // A folder below a regular file can never be created, even by root.
    std::string log;
    EXPECT_EQ(test::runCli("export -o " + dir.str("a-file/out") + " " + raw, log), 1) << log;
    EXPECT_NE(log.find("a-file"), std::string::npos) << log;
    // /proc refuses new files whoever asks.
    EXPECT_EQ(test::runCli("export -o /proc " + raw, log), 1) << log;
    EXPECT_NE(log.find("FAILED"), std::string::npos) << log;
}

TEST(Cli, TemplatesFormatsAndSizes) {
    test::TempDir dir("cli-formats");
    const std::string raw = dir.str("chart.dng");
    writeChart(raw, 900, 600);
    std::string log;
    ASSERT_EQ(test::runCli("export --format png --size 300x300 -t '{name}_{camera}' -o " +
                               dir.str("o") + " " + raw,
                           log),
              0)
        << log;
    const cv::Mat png = cv::imread(dir.str("o/chart_Synthetic-Chart.png"), cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(png.empty()) << log;
    EXPECT_EQ(png.cols, 300);
    EXPECT_EQ(png.rows, 200);
    ASSERT_EQ(
        test::runCli("export --format tiff --preset full -o " + dir.str("t") + " " + raw, log), 0)
        << log;
    const cv::Mat tif = cv::imread(dir.str("t/chart.tif"), cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(tif.empty()) << log;
    EXPECT_EQ(tif.depth(), CV_16U);
    EXPECT_EQ(tif.cols, 900);
    EXPECT_EQ(test::runCli("export -t '{nope}' -o " + dir.str("x") + " " + raw, log), 2);
    EXPECT_NE(log.find("{nope}"), std::string::npos) << log;
}

TEST(Cli, InfoPrintsCameraMetadata) {
    RF_REQUIRE_TESTDATA("raw/canon-eos30d.CR2");
    std::string out;
    const auto cr2 = (test::testdata() / "raw/canon-eos30d.CR2").string();
    ASSERT_EQ(test::runCli("info --json " + cr2, out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["make"], "Canon");
    EXPECT_NE(j[0]["model"].get<std::string>().find("30D"), std::string::npos);
    EXPECT_GT(j[0]["iso"].get<double>(), 0);
    EXPECT_EQ(test::runCli("info " + cr2 + " /nonexistent.CR2", out), 1);
    EXPECT_NE(out.find("/nonexistent.CR2"), std::string::npos) << out;
}

TEST(Cli, RealRawsExportToWebJpegsOfTheRightSizeAndExposure) {
    RF_REQUIRE_TESTDATA("raw");
    test::TempDir dir("cli-real");
    std::string log;
    ASSERT_EQ(
        test::runCli(
            "export --preset web -o " + dir.str() + " " + (test::testdata() / "raw").string(), log),
        0)
        << log;
    struct Expect {
        const char* name;
        int w, h;
    };
    // Both cameras shot these in landscape; the long edge is the preset's 2048.
    for (const Expect& e :
         {Expect{"canon-eos30d.jpg", 2048, 1365}, Expect{"canon-eosd30.jpg", 2048, 1365}}) {
        const cv::Mat img = cv::imread(dir.str(e.name), cv::IMREAD_COLOR);
        ASSERT_FALSE(img.empty()) << e.name << "\n" << log;
        EXPECT_EQ(img.cols, e.w) << e.name;
        EXPECT_NEAR(img.rows, e.h, 2) << e.name;
        const Exposure x = measure(img);
        EXPECT_GT(x.mean, 0.15) << e.name << " is nearly black";
        EXPECT_LT(x.mean, 0.85) << e.name << " is washed out";
        EXPECT_LT(x.white, 0.05) << e.name << " is clipped";
        EXPECT_LT(x.black, 0.05) << e.name << " is crushed";
    }
}

TEST(Cli, TruncatedAndInvalidFilesNeverCrashOrHang) {
    RF_REQUIRE_TESTDATA("truncated");
    test::TempDir dir("cli-hostile");
    for (const char* sub : {"truncated", "invalid"}) {
        for (const auto& e : fs::directory_iterator(test::testdata() / sub)) {
            std::string log;
            const int rc = test::runCli(
                "export --quiet -o " + dir.str() + " '" + e.path().string() + "'", log);
            EXPECT_TRUE(rc == 0 || rc == 1) << e.path() << " exit " << rc << "\n" << log;
            if (rc == 1) {
                EXPECT_NE(log.find(e.path().filename().string()), std::string::npos)
                    << "the error must name the file:\n"
                    << log;
            }
        }
    }
}

TEST(Cli, ExportedJpegsCarryTheProfileAndTheCamerasExif) {
    RF_REQUIRE_TESTDATA("raw/canon-eos30d.CR2");
    std::string out;
    if (!test::haveExiftool()) GTEST_SKIP() << "exiftool is not installed";
    test::TempDir dir("cli-meta");
    std::string log;
    ASSERT_EQ(test::runCli("export --colorspace p3 -o " + dir.str() + " " +
                               (test::testdata() / "raw/canon-eos30d.CR2").string(),
                           log),
              0)
        << log;
    ASSERT_EQ(test::runCommand("exiftool -j -G1 '" + dir.str("canon-eos30d.jpg") + "'", out), 0);
    const auto j = nlohmann::json::parse(out)[0];
    EXPECT_EQ(j["IFD0:Make"], "Canon");
    EXPECT_EQ(j["IFD0:Orientation"], "Horizontal (normal)");
    EXPECT_EQ(j["ExifIFD:ExifImageWidth"], 2048);
    EXPECT_EQ(j["ICC_Profile:ProfileDescription"], "Display P3");
}

TEST(Cli, MetadataModesCopyrightOnlyAndNone) {
    std::string out;
    if (!test::haveExiftool()) GTEST_SKIP() << "exiftool is not installed";
    test::TempDir dir("cli-metamode");
    const std::string raw = dir.str("signed.dng");
    synth::DngOptions o;
    o.artist = "Jane Doe";
    o.copyright = "(c) 2026 Jane Doe";
    synth::writeDng(raw, synth::renderChart(300, 200).cview(), o);
    auto tags = [&](const std::string& file) {
        EXPECT_EQ(test::runCommand("exiftool -j -a -G0:1 '" + file + "'", out), 0) << out;
        return nlohmann::json::parse(out)[0];
    };
    auto anyGroup = [](const nlohmann::json& j, const std::string& prefix) {
        for (const auto& [k, v] : j.items())
            if (k.rfind(prefix, 0) == 0) return true;
        return false;
    };
    std::string log;

    ASSERT_EQ(test::runCli("export --metadata copyright-only -o " + dir.str("c") + " " + raw, log),
              0)
        << log;
    const auto c = tags(dir.str("c/signed.jpg"));
    EXPECT_EQ(c["EXIF:IFD0:Artist"], "Jane Doe") << c.dump(1);
    EXPECT_EQ(c["EXIF:IFD0:Copyright"], "(c) 2026 Jane Doe");
    EXPECT_EQ(c["XMP:XMP-dc:Creator"], "Jane Doe");
    EXPECT_FALSE(c.contains("EXIF:IFD0:Make")) << c.dump(1);
    EXPECT_FALSE(c.contains("EXIF:IFD0:Model")) << c.dump(1);
    EXPECT_FALSE(c.contains("EXIF:ExifIFD:DateTimeOriginal")) << c.dump(1);
    EXPECT_FALSE(c.contains("EXIF:ExifIFD:ExposureTime")) << c.dump(1);

    ASSERT_EQ(test::runCli("export --metadata none -o " + dir.str("n") + " " + raw, log), 0) << log;
    const auto n = tags(dir.str("n/signed.jpg"));
    EXPECT_FALSE(anyGroup(n, "EXIF:")) << n.dump(1);
    EXPECT_FALSE(anyGroup(n, "XMP:")) << n.dump(1);
    EXPECT_FALSE(anyGroup(n, "IPTC:")) << n.dump(1);
    EXPECT_TRUE(anyGroup(n, "ICC_Profile:")) << n.dump(1);

    // The preset's default (web: no-location) still carries the camera.
    ASSERT_EQ(test::runCli("export -o " + dir.str("d") + " " + raw, log), 0) << log;
    EXPECT_EQ(tags(dir.str("d/signed.jpg"))["EXIF:IFD0:Make"], "Rangefinder");

    EXPECT_EQ(test::runCli("export --metadata gps-only -o " + dir.str("x") + " " + raw, log), 2)
        << log;
    EXPECT_NE(log.find("copyright-only"), std::string::npos) << log;
}
