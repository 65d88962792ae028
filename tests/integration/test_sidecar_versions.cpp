// SPDX-License-Identifier: GPL-3.0-or-later
// Sidecars written by release 0.1 (tests/data/sidecars-0.1) load and export exactly as 0.1
// exported them: their tone settings are migrated to the legacy curve, and saving them again
// keeps that, now with the stage versions recorded.
#include <gtest/gtest.h>

#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "rangefinder/params.h"
#include "rangefinder/sidecar.h"
#include "support/test_support.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(RF_SOURCE_DIR) / "tests" / "data" / "sidecars-0.1";
const char* const kNames[] = {"standard", "look-crop", "linear"};

// Copies the Canon raw under each fixture's name with its 0.1 sidecar.
void laySidecars(const fs::path& dir) {
    const fs::path raw = test::testdata() / "raw" / "canon-eos30d.CR2";
    for (const char* name : kNames) {
        fs::copy_file(raw, dir / (std::string(name) + ".CR2"));
        fs::copy_file(kFixtures / (std::string(name) + ".CR2.xmp"),
                      dir / (std::string(name) + ".CR2.xmp"));
    }
}

// Exports every photo of `dir` as 0.1's references were made, and compares pixel for pixel.
void expectExportsEqualTheReleases(const fs::path& dir) {
    std::string log;
    const fs::path out = dir / "out";
    ASSERT_EQ(test::runCli("export --size 400 --format png --metadata none -o " + out.string() +
                               " " + dir.string(),
                           log),
              0)
        << log;
    for (const char* name : kNames) {
        const cv::Mat ours = cv::imread((out / (std::string(name) + ".png")).string());
        const cv::Mat theirs = cv::imread((kFixtures / (std::string(name) + ".0.1.png")).string());
        ASSERT_FALSE(ours.empty()) << name << ": " << log;
        ASSERT_FALSE(theirs.empty()) << name;
        ASSERT_EQ(ours.size(), theirs.size()) << name;
        EXPECT_EQ(cv::norm(ours, theirs, cv::NORM_INF), 0) << name << " renders differently";
    }
}

}  // namespace

TEST(SidecarVersions, ReleaseZeroOneSidecarsExportAsZeroOneDid) {
    RF_REQUIRE_TESTDATA("raw/canon-eos30d.CR2");
    test::TempDir dir("sidecar-versions");
    laySidecars(dir.path());
    expectExportsEqualTheReleases(dir.path());
}

TEST(SidecarVersions, TheMigrationIsKeptWhenTheSidecarIsSavedAgain) {
    RF_REQUIRE_TESTDATA("raw/canon-eos30d.CR2");
    test::TempDir dir("sidecar-versions-saved");
    laySidecars(dir.path());
    for (const char* name : kNames) {
        const std::string raw = (dir.path() / (std::string(name) + ".CR2")).string();
        Sidecar s = loadSidecar(raw);
        const bool linear = std::string(name) == "linear";
        EXPECT_EQ(s.edits.getText("tone.curve"), linear ? "linear" : "legacy") << name;
        EXPECT_EQ(s.info.rating, 3) << name;
        s.info.rating = 4;
        saveSidecar(raw, s);
        const std::string text = test::readFile(raw + ".xmp");
        EXPECT_NE(text.find("<rangefinder:Version>2</rangefinder:Version>"), std::string::npos)
            << text;
        EXPECT_NE(text.find("stages"), std::string::npos) << text;
        const Sidecar again = loadSidecar(raw);
        EXPECT_EQ(again.edits, s.edits) << name << ": a saved migration is not migrated again";
    }
    expectExportsEqualTheReleases(dir.path());
}
