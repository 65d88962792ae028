// SPDX-License-Identifier: GPL-3.0-or-later
// rangefinder-cli's export presets as files and its export options as the export schema
// reads them: the real binary, a synthetic raw, preset folders given by the environment.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

void writeChart(const std::string& path, int w, int h) {
    const Image scene = synth::renderChart(w, h);
    synth::writeDng(path, scene.cview(), synth::DngOptions{});
}

}  // namespace

// Presets are files: one of the user's is used like a shipped one, and a broken one is refused
// naming the file and the key, as a usage error before any raw is read.
TEST(CliPresets, PresetsComeFromFilesAndBrokenOnesAreNamed) {
    test::TempDir dir("cli-presets");
    const std::string raw = dir.str("chart.dng");
    writeChart(raw, 900, 600);
    const fs::path presets = dir.path() / "presets";
    fs::create_directories(presets);
    std::ofstream(presets / "thumb.json")
        << R"({"format": "rangefinder-export-preset", "version": 1,
               "settings": {"format": "png", "size": "long:90"}})";
    std::ofstream(presets / "broken.json")
        << R"({"format": "rangefinder-export-preset", "settings": {"quality": 101}})";
    std::string env = "RANGEFINDER_EXPORT_PRESETS_PATH=";
    env += presets.string() + " XDG_DATA_HOME=" + dir.str("data") + " ";
    std::string log;
    ASSERT_EQ(test::runCommand(
                  env + RF_CLI_PATH " export --preset thumb -o " + dir.str("o") + " " + raw, log),
              0)
        << log;
    const cv::Mat png = cv::imread(dir.str("o/chart.png"), cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(png.empty()) << log;
    EXPECT_EQ(png.cols, 90);

    EXPECT_EQ(test::runCommand(
                  env + RF_CLI_PATH " export --preset broken -o " + dir.str("b") + " " + raw, log),
              2);
    EXPECT_NE(log.find((presets / "broken.json").string() + ": settings.quality: '101'"),
              std::string::npos)
        << log;
    EXPECT_FALSE(fs::exists(dir.path() / "b"));
    EXPECT_EQ(test::runCommand(env + RF_CLI_PATH " export --preset print " + raw, log), 2);
    EXPECT_NE(
        log.find("unknown preset 'print' (presets: broken, full, thumb, web, web-avif, web-webp)"),
        std::string::npos)
        << log;
    // An option's value is checked by the schema when the command line is read.
    EXPECT_EQ(test::runCli("export --bit-depth 14 -o " + dir.str("x") + " " + raw, log), 2);
    EXPECT_NE(log.find("'14' is not one of 8, 10, 12 or 16"), std::string::npos) << log;
}

// The shipped presets are compiled in too: without any export-presets folder (a program run
// away from its data, a folder that went missing) the web and full presets still export, and
// exactly as the files do.
TEST(CliPresets, TheShippedPresetsWorkWithoutTheirFolder) {
    test::TempDir dir("cli-presets-builtin");
    const std::string raw = dir.str("chart.dng");
    writeChart(raw, 900, 600);
    const std::string nowhere = "RANGEFINDER_EXPORT_PRESETS_PATH=" + dir.str("none") +
                                " XDG_DATA_HOME=" + dir.str("data") + " ";
    for (const char* preset : {"web", "full"}) {
        std::string out;
        const std::string builtin = dir.str(std::string("builtin-") + preset);
        const std::string files = dir.str(std::string("files-") + preset);
        ASSERT_EQ(test::runCommand(nowhere + RF_CLI_PATH " export --preset " + std::string(preset) +
                                       " -o " + builtin + " " + raw,
                                   out),
                  0)
            << out;
        ASSERT_EQ(test::runCli(
                      "export --preset " + std::string(preset) + " -o " + files + " " + raw, out),
                  0)
            << out;
        const cv::Mat a = cv::imread(builtin + "/chart.jpg", cv::IMREAD_UNCHANGED);
        const cv::Mat b = cv::imread(files + "/chart.jpg", cv::IMREAD_UNCHANGED);
        ASSERT_FALSE(a.empty()) << out;
        ASSERT_EQ(a.size(), b.size()) << preset;
        EXPECT_EQ(cv::norm(a, b, cv::NORM_INF), 0) << preset;
    }
    std::string out;
    EXPECT_EQ(
        test::runCommand(
            nowhere + RF_CLI_PATH " export --preset nosuch -o " + dir.str("x") + " " + raw, out),
        2)
        << out;
    EXPECT_NE(out.find("full"), std::string::npos) << "the built-in names are listed: " << out;
}
