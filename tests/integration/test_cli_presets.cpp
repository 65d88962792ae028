// SPDX-License-Identifier: GPL-3.0-or-later
// rangefinder-cli's export presets as files and its export options as the export schema
// reads them: the real binary, a synthetic raw, preset folders given by the environment.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "rangefinder/export.h"
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

// Several presets in one batch: each raw decoded once, rendered and written once per preset
// into that preset's folder, the files the same as one preset at a time would write, and the
// outcomes in job-major order.
TEST(ExportTargets, SeveralPresetsShareOneDecodeOfEachRaw) {
    test::TempDir dir("export-targets");
    std::vector<std::string> files;
    for (const char* name : {"a.dng", "b.dng", "c.dng"}) {
        files.push_back(dir.str(name));
        writeChart(files.back(), 600, 400);
    }
    const PreparedJobs prepared = prepareExportJobs(files);
    ExportSettings web = exportPreset("web"), full = exportPreset("full");
    web.outputDir = dir.str("both/web");
    full.outputDir = dir.str("both/full-size");
    const long before = detail::exportDecodes.load();
    const auto outcomes = exportBatch(prepared.jobs, std::vector<ExportSettings>{web, full}, 2);
    EXPECT_EQ(detail::exportDecodes.load() - before, 3) << "one decode per raw, not per preset";
    ASSERT_EQ(outcomes.size(), 6u);
    for (std::size_t k = 0; k < outcomes.size(); ++k) {
        ASSERT_TRUE(outcomes[k].ok()) << outcomes[k].error;
        EXPECT_EQ(outcomes[k].input, files[k / 2]);
        EXPECT_EQ(fs::path(outcomes[k].output).parent_path().filename(),
                  k % 2 ? "full-size" : "web");
    }

    // The same as each preset alone.
    web.outputDir = dir.str("alone/web");
    full.outputDir = dir.str("alone/full");
    ASSERT_TRUE(exportBatch(prepared.jobs, web)[0].ok());
    ASSERT_TRUE(exportBatch(prepared.jobs, full)[0].ok());
    for (const auto& [both, alone] : {std::pair{"both/web/a.jpg", "alone/web/a.jpg"},
                                      std::pair{"both/full-size/c.jpg", "alone/full/c.jpg"}}) {
        const cv::Mat x = cv::imread(dir.str(both)), y = cv::imread(dir.str(alone));
        ASSERT_FALSE(x.empty() || y.empty()) << both;
        EXPECT_EQ(cv::norm(x, y, cv::NORM_INF), 0) << both << " differs from " << alone;
    }

    // A preset whose folder cannot be written fails its own files; the other goes on.
    const fs::path blocked = dir.path() / "blocked";
    std::ofstream(blocked) << "a file where a folder should be";
    full.outputDir = (blocked / "full").string();
    web.outputDir = dir.str("partly/web");
    const auto partly = exportBatch(prepared.jobs, std::vector<ExportSettings>{web, full});
    ASSERT_EQ(partly.size(), 6u);
    for (std::size_t k = 0; k < partly.size(); ++k) {
        EXPECT_EQ(partly[k].ok(), k % 2 == 0) << k << ": " << partly[k].error;
        if (k % 2) {
            EXPECT_NE(partly[k].error.find("blocked"), std::string::npos) << partly[k].error;
        }
    }
}

TEST(ExportTargets, PresetFolderNamesAreTheAppsNames) {
    EXPECT_EQ(presetFolderName("Full size"), "full-size");
    EXPECT_EQ(presetFolderName("Web"), "web");
    EXPECT_EQ(presetFolderName("  Ünïcode / 4:5 "), "Ünïcode-4-5") << "non-ASCII bytes are kept";
    EXPECT_EQ(presetFolderName("../.."), "preset");
    EXPECT_EQ(presetFolderName("a/../b"), "a-..-b") << "never a path";
}

// The command line: --preset repeated writes one sub-folder per preset, named as the app
// names them, and says where.
TEST(CliPresets, SeveralPresetsInOneRunGoIntoTheirOwnSubFolders) {
    test::TempDir dir("cli-several-presets");
    const std::string raw = dir.str("chart.dng");
    writeChart(raw, 900, 600);
    std::string out;
    ASSERT_EQ(
        test::runCli("export --preset web --preset full -o " + dir.str("out") + " " + raw, out), 0)
        << out;
    const cv::Mat web = cv::imread(dir.str("out/web/chart.jpg"));
    const cv::Mat full = cv::imread(dir.str("out/full-size/chart.jpg"));
    ASSERT_FALSE(web.empty()) << out;
    ASSERT_FALSE(full.empty()) << out;
    EXPECT_EQ(full.cols, 900);
    EXPECT_NE(out.find("Exported 2 of 2"), std::string::npos) << out;
    EXPECT_EQ(
        test::runCli("export --preset web --preset web -o " + dir.str("twice") + " " + raw, out), 2)
        << "one preset twice writes into one folder: a usage error";
    EXPECT_NE(out.find("same folder"), std::string::npos) << out;
}
