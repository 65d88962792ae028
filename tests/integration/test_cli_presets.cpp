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
    EXPECT_NE(log.find("unknown preset 'print' (presets: broken, thumb)"), std::string::npos)
        << log;
    // An option's value is checked by the schema when the command line is read.
    EXPECT_EQ(test::runCli("export --bit-depth 12 -o " + dir.str("x") + " " + raw, log), 2);
    EXPECT_NE(log.find("'12' is not one of 8 or 16"), std::string::npos) << log;
}
