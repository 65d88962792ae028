// SPDX-License-Identifier: GPL-3.0-or-later
// Sidecars from the command line, as a photographer culls and edits a folder: rate and label,
// copy edits between photos, reset, undo after "restarting" (a new process), export with the
// sidecars' edits and a rating threshold. exiftool reads what we write, independently.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "rangefinder/sidecar.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

std::string chart(const test::TempDir& dir, const std::string& name) {
    const std::string path = dir.str(name);
    const Image scene = synth::renderChart(300, 200);
    synth::writeDng(path, scene.cview(), synth::DngOptions{});
    return path;
}

std::string checksum(const std::string& path) {
    std::string out;
    test::runCommand("sha256sum '" + path + "'", out);
    return out.substr(0, 64);
}

double meanOfJpeg(const std::string& path) {
    const cv::Mat m = cv::imread(path, cv::IMREAD_GRAYSCALE);
    EXPECT_FALSE(m.empty()) << path;
    return cv::mean(m)[0];
}

}  // namespace

TEST(CliSidecars, RatingsAndLabelsAreReadByExiftool) {
    std::string out;
    if (!test::haveExiftool()) GTEST_SKIP() << "exiftool is not installed";
    test::TempDir dir("cli-rate");
    const std::string a = chart(dir, "a.dng"), b = chart(dir, "b.dng");
    const std::string before = checksum(a);
    ASSERT_EQ(test::runCli("rate --stars 4 --label red " + a + " " + b, out), 0) << out;
    ASSERT_EQ(test::runCli("rate --reject " + b, out), 0) << out;
    ASSERT_EQ(
        test::runCommand("exiftool -q -j -XMP:Rating -XMP:Label " + a + ".xmp " + b + ".xmp", out),
        0)
        << out;
    const auto j = nlohmann::json::parse(out);
    EXPECT_EQ(j[0]["Rating"], 4);
    EXPECT_EQ(j[0]["Label"], "Red");
    EXPECT_EQ(j[1]["Rating"], -1);
    EXPECT_EQ(checksum(a), before) << "the raw itself must never change";
    EXPECT_EQ(test::runCli("rate " + a, out), 2) << "rate without anything to set is a usage error";
}

TEST(CliSidecars, CopyResetUndoAcrossRestarts) {
    test::TempDir dir("cli-edits");
    const std::string src = chart(dir, "src.dng"), dst = chart(dir, "dst.dng");
    Sidecar s;
    s.edits.setFloat("exposure.ev", 0.7);
    s.edits.setFloat("color.vibrance", 25);
    s.edits.setText("wb.mode", "shade");
    saveSidecar(src, s);

    std::string out;
    ASSERT_EQ(test::runCli("edits copy " + src + " " + dst, out), 0) << out;
    Sidecar d = loadSidecar(dst);
    EXPECT_DOUBLE_EQ(d.edits.getFloat("exposure.ev"), 0.7);
    EXPECT_DOUBLE_EQ(d.edits.getFloat("color.vibrance"), 25);
    EXPECT_FALSE(d.edits.isSet("wb.mode")) << "white balance is per photo unless asked";
    ASSERT_EQ(test::runCli("edits copy --groups wb " + src + " " + dst, out), 0) << out;
    EXPECT_EQ(loadSidecar(dst).edits.getText("wb.mode"), "shade");

    ASSERT_EQ(test::runCli("edits reset --groups tone " + dst, out), 0) << out;
    d = loadSidecar(dst);
    EXPECT_FALSE(d.edits.isSet("exposure.ev"));
    EXPECT_TRUE(d.edits.isSet("color.vibrance"));

    // Each command is a new process: the history in the sidecar is what makes undo work.
    ASSERT_EQ(test::runCli("edits undo " + dst, out), 0) << out;
    EXPECT_DOUBLE_EQ(loadSidecar(dst).edits.getFloat("exposure.ev"), 0.7);
    ASSERT_EQ(test::runCli("edits redo " + dst, out), 0) << out;
    EXPECT_FALSE(loadSidecar(dst).edits.isSet("exposure.ev"));

    ASSERT_EQ(test::runCli("edits show --json " + dst, out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    EXPECT_EQ(j[0]["history"]["steps"].size(), 3u);
    EXPECT_EQ(j[0]["edits"]["params"]["color.vibrance"], 25);
    ASSERT_EQ(test::runCli("edits show " + dst, out), 0) << out;
    EXPECT_NE(out.find("Copy edits from src.dng"), std::string::npos) << out;

    ASSERT_EQ(test::runCli("edits reset " + dst, out), 0) << out;
    EXPECT_TRUE(loadSidecar(dst).edits.keys().empty());
    EXPECT_EQ(test::runCli("edits copy --groups sky " + src + " " + dst, out), 2) << out;
    EXPECT_NE(out.find("sky"), std::string::npos) << out;
}

// The batch edit the app's "Apply Look to Selected…" makes, from the command line: a look and
// parameters written into every photo's sidecar as one history step, which undo takes back
// whole, and which an export then renders; a bad key or look changes no photo at all.
TEST(CliSidecars, EditsSetWritesALookAndParametersIntoABatch) {
    test::TempDir dir("cli-edits-set");
    const fs::path in = dir.path() / "in";
    fs::create_directories(in);
    const std::string a = chart(dir, "in/a.dng"), b = chart(dir, "in/b.dng");
    Sidecar kept;
    kept.edits.setText("wb.mode", "shade");
    saveSidecar(b, kept);
    const std::string before = checksum(a);

    std::string out;
    ASSERT_EQ(test::runCli("edits set " + in.string() +
                               " --look leica-vibrant --strength 70 -s exposure.ev=0.5 "
                               "-s tone.contrast=12",
                           out),
              0)
        << out;
    for (const std::string& raw : {a, b}) {
        const Sidecar s = loadSidecar(raw);
        EXPECT_EQ(s.edits.getText("look.name"), "Leica Vibrant") << raw;
        EXPECT_DOUBLE_EQ(s.edits.getFloat("look.strength"), 70) << raw;
        EXPECT_DOUBLE_EQ(s.edits.getFloat("exposure.ev"), 0.5) << raw;
        EXPECT_DOUBLE_EQ(s.edits.getFloat("tone.contrast"), 12) << raw;
        ASSERT_EQ(s.history.steps().size(), 1u) << raw << ": one step for the whole change";
        EXPECT_EQ(s.history.steps()[0].label,
                  "Look: Leica Vibrant; set exposure.ev=0.5, tone.contrast=12");
    }
    EXPECT_EQ(loadSidecar(b).edits.getText("wb.mode"), "shade") << "other edits are kept";
    EXPECT_EQ(checksum(a), before) << "the raw itself must never change";

    // What was written is what an export renders.
    ASSERT_EQ(test::runCli("export -o " + dir.str("set") + " " + a, out), 0) << out;
    ASSERT_EQ(test::runCli("export --ignore-sidecars -o " + dir.str("plain") + " " + a, out), 0)
        << out;
    EXPECT_GT(meanOfJpeg(dir.str("set/a.jpg")), meanOfJpeg(dir.str("plain/a.jpg")) + 5);

    ASSERT_EQ(test::runCli("edits undo " + a, out), 0) << out;
    EXPECT_TRUE(loadSidecar(a).edits.keys().empty()) << "undo takes the whole step back";

    // Checked before anything is written: an unknown key or look is a usage error.
    EXPECT_EQ(test::runCli("edits set " + a + " -s exposure.evv=1", out), 2) << out;
    EXPECT_NE(out.find("exposure.evv"), std::string::npos) << out;
    EXPECT_EQ(test::runCli("edits set " + a + " --look no-such-look -s exposure.ev=1", out), 2)
        << out;
    EXPECT_TRUE(loadSidecar(a).edits.keys().empty());
    EXPECT_EQ(test::runCli("edits set " + a, out), 2) << "nothing to set is a usage error";
}

TEST(CliSidecars, ExportUsesSidecarEditsAndRatingThreshold) {
    test::TempDir dir("cli-export-sidecar");
    const fs::path in = dir.path() / "in";
    fs::create_directories(in);
    const std::string bright = chart(dir, "in/bright.dng"), plain = chart(dir, "in/plain.dng");
    Sidecar s;
    s.edits.setFloat("exposure.ev", 1.0);
    s.info.rating = 4;
    saveSidecar(bright, s);
    Sidecar p;
    p.info.rating = 1;
    saveSidecar(plain, p);

    std::string out;
    ASSERT_EQ(test::runCli("export -o " + dir.str("all") + " " + in.string(), out), 0) << out;
    ASSERT_EQ(test::runCli("export --ignore-sidecars -o " + dir.str("raw") + " " + bright, out), 0)
        << out;
    EXPECT_GT(meanOfJpeg(dir.str("all/bright.jpg")), meanOfJpeg(dir.str("raw/bright.jpg")) + 10)
        << "the sidecar's +1 EV must reach the export";
    EXPECT_NEAR(meanOfJpeg(dir.str("all/plain.jpg")), meanOfJpeg(dir.str("raw/bright.jpg")), 1.0);

    ASSERT_EQ(
        test::runCli("export --min-rating 3 -o " + dir.str("culled") + " " + in.string(), out), 0)
        << out;
    EXPECT_TRUE(fs::exists(dir.str("culled/bright.jpg")));
    EXPECT_FALSE(fs::exists(dir.str("culled/plain.jpg")));
    EXPECT_NE(out.find("skipped"), std::string::npos) << out;

    // --set applies on top of the sidecar.
    ASSERT_EQ(test::runCli("export -s exposure.ev=0 -o " + dir.str("over") + " " + bright, out), 0)
        << out;
    EXPECT_NEAR(meanOfJpeg(dir.str("over/bright.jpg")), meanOfJpeg(dir.str("raw/bright.jpg")), 1.0);
}

TEST(CliSidecars, AMalformedSidecarFailsOnlyItsFileAndIsKept) {
    test::TempDir dir("cli-bad-sidecar");
    const std::string good = chart(dir, "good.dng"), bad = chart(dir, "bad.dng");
    {
        std::ofstream f(bad + ".xmp");
        f << "<x:xmpmeta><rdf:RDF><rdf:Description";  // cut off mid-element
    }
    const std::string badBytes = checksum(bad + ".xmp");
    std::string out;
    EXPECT_EQ(test::runCli("export -o " + dir.str("out") + " " + good + " " + bad, out), 1) << out;
    EXPECT_TRUE(fs::exists(dir.str("out/good.jpg")));
    EXPECT_FALSE(fs::exists(dir.str("out/bad.jpg")));
    EXPECT_NE(out.find("bad.dng.xmp"), std::string::npos) << out;
    // The photographer can still export it without the sidecar.
    EXPECT_EQ(test::runCli("export --ignore-sidecars -o " + dir.str("out") + " " + bad, out), 0)
        << out;
    EXPECT_EQ(checksum(bad + ".xmp"), badBytes) << "export must not touch sidecars";

    // Rating it keeps the unreadable sidecar aside, byte for byte, and starts a fresh one.
    EXPECT_EQ(test::runCli("rate --stars 2 " + bad, out), 0) << out;
    std::string backup;
    for (const auto& e : fs::directory_iterator(dir.path()))
        if (e.path().filename().string().rfind("bad.dng.xmp.bad-", 0) == 0)
            backup = e.path().string();
    ASSERT_FALSE(backup.empty()) << out;
    EXPECT_NE(out.find(backup), std::string::npos) << "the message must say where it went:\n"
                                                   << out;
    EXPECT_EQ(checksum(backup), badBytes);
    EXPECT_EQ(loadSidecar(bad).info.rating, 2);
}
