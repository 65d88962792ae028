// SPDX-License-Identifier: GPL-3.0-or-later
// Looks from the command line: listing the library (text and JSON) with a bad file reported
// beside the good ones, the folders taken from the environment, and `export --look`.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "rangefinder/look.h"
#include "rangefinder/looks.h"
#include "rangefinder/lut.h"
#include "rangefinder/sidecar.h"
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

// A flat grey scene: a vignette shows as darker corners and nothing else.
std::string grey(const test::TempDir& dir, const std::string& name) {
    const std::string path = dir.str(name);
    Image scene(300, 200, 3);
    for (std::size_t i = 0; i < scene.sampleCount(); ++i) scene.data()[i] = 0.18f;
    synth::writeDng(path, scene.cview(), synth::DngOptions{});
    return path;
}

cv::Mat jpeg(const std::string& path) {
    cv::Mat m = cv::imread(path, cv::IMREAD_COLOR);
    EXPECT_FALSE(m.empty()) << path;
    return m;
}

// Mean grey level of a rectangle given in fractions of the frame.
double meanAt(const cv::Mat& m, double x0, double y0, double x1, double y1) {
    const cv::Rect r(int(x0 * m.cols), int(y0 * m.rows), int((x1 - x0) * m.cols),
                     int((y1 - y0) * m.rows));
    const cv::Scalar s = cv::mean(m(r));
    return (s[0] + s[1] + s[2]) / 3;
}

// The largest difference between any two colour channels, averaged over the image.
double meanChroma(const cv::Mat& m) {
    double sum = 0;
    for (int y = 0; y < m.rows; ++y)
        for (int x = 0; x < m.cols; ++x) {
            const cv::Vec3b p = m.at<cv::Vec3b>(y, x);
            sum += std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]});
        }
    return sum / (double(m.rows) * m.cols);
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
    // Grouped by maker: the Leica look under its heading, the makerless test look after.
    const auto leica = out.find("Inspired by Leica\n");
    const auto other = out.find("Other looks\n");
    ASSERT_NE(leica, std::string::npos) << out;
    ASSERT_NE(other, std::string::npos) << out;
    EXPECT_LT(leica, out.find("Leica Authentic (colour)")) << out;
    EXPECT_LT(out.find("Leica Authentic (colour)"), other) << out;
    EXPECT_LT(other, out.find("mono test (monochrome)")) << out;

    // JSON, from a folder without bad files (standard error stays empty).
    ASSERT_EQ(test::runCli("looks list --json --looks-dir " + f.installed.string(), out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[0]["name"], "Leica Authentic");
    EXPECT_EQ(j[0]["slug"], "leica-authentic");
    EXPECT_EQ(j[0]["maker"], "Leica");
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

TEST(CliLooks, ExportedPixelsCarryTheLook) {
    Folders f;
    write(f.installed / "dark-corners.look", "name = \"Dark Corners\"\n[vignette]\namount = -2\n");
    test::TempDir dir("cli-look-pixels");
    const std::string flat = grey(dir, "grey.dng"), color = chart(dir, "chart.dng");
    std::string out;
    const std::string common = " --looks-dir " + f.installed.string() + " --looks-dir " +
                               f.user.string() + " --format png ";
    ASSERT_EQ(
        test::runCli("export" + common + "-o " + dir.str("plain") + " " + flat + " " + color, out),
        0)
        << out;
    ASSERT_EQ(
        test::runCli("export --look 'dark corners'" + common + "-o " + dir.str("vig") + " " + flat,
                     out),
        0)
        << out;
    ASSERT_EQ(test::runCli("export --look 'dark corners' --look-strength 0" + common + "-o " +
                               dir.str("zero") + " " + flat,
                           out),
              0)
        << out;
    const cv::Mat plain = jpeg(dir.str("plain/grey.png")), vig = jpeg(dir.str("vig/grey.png")),
                  zero = jpeg(dir.str("zero/grey.png"));
    const double plainCorner = meanAt(plain, 0, 0, 0.08, 0.1);
    EXPECT_LT(meanAt(vig, 0, 0, 0.08, 0.1), 0.75 * plainCorner) << "a -2 EV vignette";
    EXPECT_NEAR(meanAt(vig, 0.45, 0.45, 0.55, 0.55), meanAt(plain, 0.45, 0.45, 0.55, 0.55), 3)
        << "the centre keeps its exposure";
    EXPECT_NEAR(meanAt(zero, 0, 0, 1, 1), meanAt(plain, 0, 0, 1, 1), 0.5) << "strength 0: no look";

    // Two looks: one file per look, named by the look's slug; the monochrome one is grey
    // (at full strength: the user's Mono Test starts at 70 %).
    ASSERT_EQ(test::runCli("export --look 'Mono Test' --look leica-authentic --look-strength 100" +
                               common + "-o " + dir.str("two") + " " + color,
                           out),
              0)
        << out;
    EXPECT_NE(out.find(dir.str("two/chart-mono-test.png")), std::string::npos) << out;
    EXPECT_NE(out.find(dir.str("two/chart-leica-authentic.png")), std::string::npos) << out;
    EXPECT_GT(meanChroma(jpeg(dir.str("plain/chart.png"))), 20) << "the chart is colourful";
    EXPECT_LT(meanChroma(jpeg(dir.str("two/chart-mono-test.png"))), 2);
    EXPECT_GT(meanChroma(jpeg(dir.str("two/chart-leica-authentic.png"))), 15);
    // An explicit {look} field is kept where it is.
    ASSERT_EQ(test::runCli("export --look 'Mono Test' --look leica-authentic -t '{look}_{name}'" +
                               common + "-o " + dir.str("tpl") + " " + color,
                           out),
              0)
        << out;
    EXPECT_TRUE(fs::exists(dir.str("tpl/mono-test_chart.png"))) << out;
    EXPECT_TRUE(fs::exists(dir.str("tpl/leica-authentic_chart.png"))) << out;
}

TEST(CliLooks, ASidecarsLookFindsItsLutInTheLookFolders) {
    test::TempDir dir("cli-look-sidecar-lut");
    Lut3D invert(2);
    for (float& v : invert.data()) v = 1 - v;
    writeCube(dir.str("invert.cube"), invert);
    const Look l = importLutAsLook(dir.str("invert.cube"), dir.str("mine"), "Invert", "srgb");
    const std::string raw = chart(dir, "chart.dng");
    Sidecar s;
    s.edits = withLook({}, l);
    ASSERT_EQ(s.edits.getText("look.lut.file"), "luts/invert.cube") << "kept relative";
    saveSidecar(raw, s);

    std::string out;
    ASSERT_EQ(test::runCli(
                  "export --ignore-sidecars --format png -o " + dir.str("plain") + " " + raw, out),
              0)
        << out;
    ASSERT_EQ(test::runCli("export --looks-dir " + dir.str("mine") + " --format png -o " +
                               dir.str("inv") + " " + raw,
                           out),
              0)
        << out;
    const double plain = meanAt(jpeg(dir.str("plain/chart.png")), 0, 0, 1, 1);
    const double inv = meanAt(jpeg(dir.str("inv/chart.png")), 0, 0, 1, 1);
    EXPECT_GT(std::abs(inv - plain), 20) << "the sidecar's LUT look must reach the export";
    // Looked for elsewhere, the LUT is missing: that file fails, naming it.
    EXPECT_EQ(
        test::runCli(
            "export --looks-dir " + dir.str("elsewhere") + " -o " + dir.str("x") + " " + raw, out),
        1)
        << out;
    EXPECT_NE(out.find("invert.cube"), std::string::npos) << out;
}

TEST(CliLooks, ExportCubeWritesTheLookInTheSpaceAsked) {
    Folders f;
    test::TempDir dir("cli-export-cube");
    std::string out;
    // The default: display-referred sRGB, the output file as the second positional.
    ASSERT_EQ(test::runCli("looks export-cube leica-authentic " + dir.str("leica.cube") +
                               " --looks-dir " + f.installed.string(),
                           out),
              0)
        << out;
    const std::string text = test::readFile(dir.str("leica.cube"));
    EXPECT_NE(text.find("Leica Authentic at 100 % strength"), std::string::npos)
        << text.substr(0, 600);
    EXPECT_NE(text.find("Space: sRGB (IEC 61966-2-1"), std::string::npos) << text.substr(0, 600);
    EXPECT_NE(text.find("exports it in sRGB without a look"), std::string::npos);
    EXPECT_NE(text.find("vignette and grain"), std::string::npos) << "honest about what is left";
    EXPECT_NE(text.find("TITLE \"Leica Authentic\""), std::string::npos);
    const Lut3D cube = readCube(dir.str("leica.cube"));
    ASSERT_EQ(cube.size(), 33);
    EXPECT_TRUE(cube.shaper.empty());
    // What the library bakes for that look, number for number.
    const LookLibrary lib = LookLibrary::load({f.installed.string()});
    ASSERT_NE(lib.find("leica-authentic"), nullptr);
    const LookParams p = LookParams::from(withLook({}, *lib.find("leica-authentic"), 100.0));
    EXPECT_EQ(cube.data(), bakeLookCube(p, CubeSpace::SRGB, 33).data());
    EXPECT_GT(std::abs(cube.sample({0.2, 0.2, 0.2})[0] - 0.2), 0.01) << "not the identity";

    // Linear Rec.2020 with Resolve's shaper; ACEScct; -o still names the file.
    ASSERT_EQ(
        test::runCli("looks export-cube leica-authentic --space rec2020-linear --size 17 -o " +
                         dir.str("linear.cube") + " --looks-dir " + f.installed.string(),
                     out),
        0)
        << out;
    const std::string linear = test::readFile(dir.str("linear.cube"));
    EXPECT_NE(linear.find("linear Rec.2020"), std::string::npos) << linear.substr(0, 800);
    EXPECT_NE(linear.find("LUT_1D_SIZE 4096\nLUT_1D_INPUT_RANGE 0 1\nLUT_3D_SIZE 17\n"
                          "LUT_3D_INPUT_RANGE 0 1\n"),
              std::string::npos)
        << linear.substr(0, 800);
    EXPECT_EQ(linear.find("TITLE"), std::string::npos);
    const Lut3D shaped = readCube(dir.str("linear.cube"));
    EXPECT_EQ(shaped.size(), 17);
    EXPECT_EQ(shaped.shaperSize(), 4096);
    ASSERT_EQ(test::runCli("looks export-cube 'Leica Authentic' " + dir.str("cct.cube") +
                               " --space ACEScct --looks-dir " + f.installed.string(),
                           out),
              0)
        << out;
    EXPECT_NE(test::readFile(dir.str("cct.cube")).find("Space: ACEScct (Academy S-2016-001"),
              std::string::npos);
    EXPECT_EQ(readCube(dir.str("cct.cube")).data(), bakeLookCube(p, CubeSpace::ACEScct, 33).data());
    // An unknown space is a usage error naming the choices.
    EXPECT_EQ(test::runCli("looks export-cube leica-authentic " + dir.str("x.cube") +
                               " --space rec2020 --looks-dir " + f.installed.string(),
                           out),
              2)
        << out;
    EXPECT_NE(out.find("srgb,rec2020-linear,acescct"), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(dir.str("x.cube")));

    // An sRGB LUT imported as a look comes back out of an sRGB export unchanged.
    Lut3D lut(9);
    for (int b = 0; b < 9; ++b)
        for (int g = 0; g < 9; ++g)
            for (int r = 0; r < 9; ++r) {
                float* v = lut.at(r, g, b);
                v[0] = 0.1f + 0.8f * g / 8.0f, v[1] = 0.1f + 0.8f * b / 8.0f,
                v[2] = 0.1f + 0.8f * r / 8.0f;  // channels rotated: nothing like an identity
            }
    writeCube(dir.str("rotate.cube"), lut);
    ASSERT_EQ(
        test::runCli("looks import " + dir.str("rotate.cube") + " --to " + dir.str("mine"), out), 0)
        << out;
    ASSERT_EQ(test::runCli("looks export-cube rotate --size 9 -o " + dir.str("back.cube") +
                               " --looks-dir " + dir.str("mine"),
                           out),
              0)
        << out;
    const std::string back = test::readFile(dir.str("back.cube"));
    EXPECT_NE(back.find("neither"), std::string::npos) << "no vignette or grain to leave out";
    const Lut3D round = readCube(dir.str("back.cube"));
    ASSERT_EQ(round.size(), 9);
    double diff = 0;
    for (std::size_t i = 0; i < lut.data().size(); ++i)
        diff = std::max(diff, double(std::abs(lut.data()[i] - round.data()[i])));
    EXPECT_LT(diff, 1e-3);

    // Existing files are kept; unknown looks are usage errors.
    EXPECT_EQ(test::runCli("looks export-cube rotate -o " + dir.str("back.cube") + " --looks-dir " +
                               dir.str("mine"),
                           out),
              1)
        << out;
    EXPECT_EQ(test::runCli("looks export-cube rotate --overwrite --size 5 -o " +
                               dir.str("back.cube") + " --looks-dir " + dir.str("mine"),
                           out),
              0)
        << out;
    EXPECT_EQ(readCube(dir.str("back.cube")).size(), 5);
    EXPECT_EQ(test::runCli("looks export-cube velvia -o " + dir.str("v.cube") + " --looks-dir " +
                               dir.str("mine"),
                           out),
              2)
        << out;
    EXPECT_NE(out.find("rotate"), std::string::npos) << out;
}

TEST(CliLooks, ListPrintsNoTerminalControlCharacters) {
    test::TempDir dir("cli-looks-control");
    // A description that would turn the terminal red and clear it, a name that would retitle
    // it (refused as malformed), and a good look beside them.
    write(dir.path() / "red.look",
          "name = \"Red\"\ndescription = \"\"\"\n\\u001b[31mAlarm\\u001b[2J"
          "\\u009b0m\there\nsecond line\n\"\"\"\n");
    write(dir.path() / "title.look", "name = \"Title\\u001b]0;owned\\u0007\"\n");
    write(dir.path() / "plain.look", "name = \"Plain\"\n");
    std::string out;
    EXPECT_EQ(test::runCli("looks list --looks-dir " + dir.str(), out), 1) << out;
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
    EXPECT_EQ(out.find('\x07'), std::string::npos) << out;
    EXPECT_EQ(out.find("\xc2\x9b"), std::string::npos) << out;
    EXPECT_NE(out.find("Red (colour)"), std::string::npos) << out;
    EXPECT_NE(out.find("    \\x1b[31mAlarm\\x1b[2J\\u009b0m\there\n"), std::string::npos) << out;
    EXPECT_NE(out.find("Plain (colour)"), std::string::npos) << out;
    EXPECT_NE(out.find(dir.str("title.look") + ":1: "), std::string::npos) << out;
    EXPECT_NE(out.find("control character U+001B"), std::string::npos) << out;

    // JSON escapes them itself, and stays valid JSON carrying the text as it is.
    fs::remove(dir.path() / "title.look");
    ASSERT_EQ(test::runCli("looks list --json --looks-dir " + dir.str(), out), 0) << out;
    EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j.size(), 2u);
    EXPECT_EQ(j[1]["description"],
              "\x1b[31mAlarm\x1b[2J\xc2\x9b"
              "0m\there\nsecond line");
}

TEST(CliLooks, ALutOutsideTheLookFolderOrNotAFileIsRefused) {
    test::TempDir dir("cli-looks-lut-escape");
    Lut3D invert(2);
    for (float& v : invert.data()) v = 1 - v;
    writeCube(dir.str("outside.cube"), invert);
    write(dir.path() / "looks" / "climb.look",
          "name = \"Climb\"\n[lut]\nfile = \"../outside.cube\"\n");
    std::string out;
    EXPECT_EQ(test::runCli("looks list --looks-dir " + dir.str("looks"), out), 1) << out;
    // An assertion: a build that accepts this look has none of the checks, and its import
    // below would read /dev/zero without end.
    ASSERT_NE(out.find(dir.str("looks/climb.look") + ":3: the LUT '../outside.cube' is outside "
                                                     "the look's folder"),
              std::string::npos)
        << out;
    EXPECT_EQ(out.find("Climb (colour)"), std::string::npos) << out;

    // A device is not a LUT, whatever it is called.
    fs::create_symlink("/dev/zero", dir.path() / "zero.cube");
    EXPECT_EQ(
        test::runCli("looks import " + dir.str("zero.cube") + " --to " + dir.str("mine"), out), 1)
        << out;
    EXPECT_NE(out.find("zero.cube: is not a regular file (it is a character device)"),
              std::string::npos)
        << out;
    EXPECT_FALSE(fs::exists(dir.path() / "mine" / "zero.look"));
}
