// SPDX-License-Identifier: GPL-3.0-or-later
// Looks from the command line: listing the library (text and JSON) with a bad file reported
// beside the good ones, the folders taken from the environment, and `export --look`.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rangefinder/looks.h"
#include "rangefinder/lut.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

const fs::path kShippedLooks = fs::path(RF_SOURCE_DIR) / "looks";

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    test::writeFile(p.string(), text);
}

std::string chart(const test::TempDir& dir, const std::string& name) {
    const std::string path = dir.str(name);
    const Image scene = synth::renderChart(300, 200);
    synth::writeDng(path, scene.cview(), synth::DngOptions{});
    return path;
}

// Two look folders: "installed" (a copy of the shipped look and a monochrome one) and
// "user" (overriding the monochrome one, plus a file with an out-of-range value).
struct Folders {
    test::TempDir dir{"cli-looks"};
    fs::path installed = dir.path() / "installed", user = dir.path() / "user";
    Folders() {
        fs::create_directories(installed);
        fs::copy_file(kShippedLooks / "leica-authentic.look", installed / "leica-authentic.look");
        write(installed / "mono.look",
              "name = \"Mono Test\"\ncategory = \"monochrome\"\n"
              "description = \"\"\"\nInstalled mono.\nMore.\n\"\"\"\n[mono]\nenabled = true\n");
        write(user / "my-mono.look",
              "name = \"mono test\"\ncategory = \"monochrome\"\ndescription = \"User mono.\"\n"
              "strength = 70\n[mono]\nenabled = true\nred = 80\n");
        write(user / "bad.look", "name = \"Bad\"\n\n[grain]\namount = 300\n");
    }
    std::string args() const {
        return "--looks-dir " + installed.string() + " --looks-dir " + user.string();
    }
};

}  // namespace

TEST(CliLooks, ListShowsEveryLookAndReportsABadFile) {
    Folders f;
    std::string out;
    EXPECT_EQ(test::runCli("looks list " + f.args(), out), 1) << out;
    EXPECT_NE(out.find("Leica Authentic (colour)"), std::string::npos) << out;
    EXPECT_NE(out.find("Natural colour with a firm, film-like tone curve."), std::string::npos);
    EXPECT_EQ(out.find("Deeper shadows"), std::string::npos) << "only the first line";
    EXPECT_NE(out.find("mono test (monochrome)"), std::string::npos) << out;
    EXPECT_NE(out.find("User mono."), std::string::npos) << "the user's folder wins";
    EXPECT_EQ(out.find("Installed mono."), std::string::npos) << out;
    EXPECT_NE(out.find((f.user / "my-mono.look").string()), std::string::npos) << out;
    EXPECT_NE(out.find((f.user / "bad.look").string() + ":4: "), std::string::npos) << out;
    EXPECT_NE(out.find("look.grain.amount"), std::string::npos) << out;

    // JSON, from a folder without bad files (standard error stays empty).
    ASSERT_EQ(test::runCli("looks list --json --looks-dir " + f.installed.string(), out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["name"], "Leica Authentic");
    EXPECT_EQ(j[0]["slug"], "leica-authentic");
    EXPECT_EQ(j[0]["category"], "colour");
    EXPECT_EQ(j[0]["strength"], 100);
    EXPECT_EQ(j[0]["file"], (f.installed / "leica-authentic.look").string());
    EXPECT_NE(j[0]["description"].get<std::string>().find("Leica Camera AG"), std::string::npos);
    EXPECT_EQ(j[1]["name"], "Mono Test");
    EXPECT_EQ(j[1]["category"], "monochrome");
    EXPECT_EQ(j[1]["description"], "Installed mono.\nMore.");
}

TEST(CliLooks, FoldersComeFromTheEnvironment) {
    Folders f;
    fs::remove(f.user / "bad.look");
    const fs::path data = f.dir.path() / "data";
    write(data / "rangefinder" / "looks" / "x.look", "name = \"XDG Look\"\n");
    std::string out;
    const std::string env = "RANGEFINDER_LOOKS_PATH=" + f.installed.string() + ":" +
                            f.user.string() + " XDG_DATA_HOME=" + data.string() + " ";
    ASSERT_EQ(test::runCommand(env + RF_CLI_PATH " looks list --json", out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j.size(), 3u) << out;
    EXPECT_EQ(j[0]["name"], "Leica Authentic");
    EXPECT_EQ(j[1]["name"], "mono test");
    EXPECT_EQ(j[2]["name"], "XDG Look");
}

TEST(CliLooks, ExportWithALookAndUsageErrors) {
    Folders f;
    test::TempDir dir("cli-export-look");
    const std::string raw = chart(dir, "chart.dng");
    std::string out;
    ASSERT_EQ(test::runCli("export --look leica-authentic --looks-dir " + f.installed.string() +
                               " -o " + dir.str("one") + " " + raw,
                           out),
              0)
        << out;
    EXPECT_TRUE(fs::exists(dir.str("one/chart.jpg"))) << out;

    // An unknown look is a usage error that names the looks there are; nothing is written.
    EXPECT_EQ(test::runCli(
                  "export --look velvia " + f.args() + " -o " + dir.str("none") + " " + raw, out),
              2)
        << out;
    EXPECT_NE(out.find("velvia"), std::string::npos) << out;
    EXPECT_NE(out.find("Leica Authentic"), std::string::npos) << out;
    EXPECT_NE(out.find("mono test"), std::string::npos) << out;
    EXPECT_NE(out.find("bad.look:4:"), std::string::npos) << "bad files are warned about";
    EXPECT_FALSE(fs::exists(dir.str("none")));

    EXPECT_EQ(test::runCli("export --look-strength 50 -o " + dir.str("x") + " " + raw, out), 2)
        << out;
    EXPECT_EQ(test::runCli("export --look leica-authentic --look-strength 150 -o " + dir.str("x") +
                               " " + raw,
                           out),
              2)
        << out;
}

TEST(CliLooks, ImportALutAsALook) {
    test::TempDir dir("cli-looks-import");
    Lut3D lut(5);
    for (float& v : lut.data()) v = 0.1f + 0.8f * v;  // a faded print
    writeCube(dir.str("faded.cube"), lut);
    std::string out;
    ASSERT_EQ(test::runCli("looks import " + dir.str("faded.cube") + " --name 'Faded Print' " +
                               "--encoding rec2020 --to " + dir.str("mine"),
                           out),
              0)
        << out;
    EXPECT_NE(out.find(dir.str("mine/faded-print.look")), std::string::npos) << out;
    const Look l = loadLook(dir.str("mine/faded-print.look"));
    EXPECT_EQ(l.params.getText("look.lut.file"), "luts/faded.cube");
    EXPECT_EQ(l.params.getText("look.lut.encoding"), "rec2020");
    ASSERT_EQ(test::runCli("looks list --looks-dir " + dir.str("mine"), out), 0) << out;
    EXPECT_NE(out.find("Faded Print (colour)"), std::string::npos) << out;
    EXPECT_NE(out.find("Imported from faded.cube"), std::string::npos) << out;

    // By default into the user's folder, named after the file.
    const std::string env = "XDG_DATA_HOME=" + dir.str("data") + " ";
    ASSERT_EQ(test::runCommand(env + RF_CLI_PATH " looks import " + dir.str("faded.cube"), out), 0)
        << out;
    EXPECT_TRUE(fs::exists(dir.str("data/rangefinder/looks/faded.look"))) << out;
    EXPECT_TRUE(fs::exists(dir.str("data/rangefinder/looks/luts/faded.cube"))) << out;

    // A file that is not a LUT fails, named; a missing file or encoding is a usage error.
    write(dir.path() / "notes.cube", "hello\n");
    EXPECT_EQ(test::runCli("looks import " + dir.str("notes.cube") + " --to " + dir.str("x"), out),
              1)
        << out;
    EXPECT_NE(out.find("notes.cube"), std::string::npos) << out;
    EXPECT_FALSE(fs::exists(dir.str("x/notes.look")));
    EXPECT_EQ(test::runCli("looks import " + dir.str("absent.cube"), out), 2) << out;
    EXPECT_EQ(test::runCli("looks import --encoding prophoto " + dir.str("faded.cube"), out), 2)
        << out;
}
