// SPDX-License-Identifier: GPL-3.0-or-later
// Look files and the look library: every table and key reaches its schema parameter, a file
// survives formatLook/parseLook unchanged, every kind of malformed file is refused with its
// name and the right line, and the library reads folders in order, lets a later folder
// override a look by name, and still loads the good files beside a bad one.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <optional>
#include <tuple>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/looks.h"
#include "rangefinder/lut.h"
#include "support/test_support.h"
#include "util/data_dirs.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

// Sets an environment variable for one test and restores it afterwards.
using test::ScopedEnv;

const char* kFull = R"(# every section
format = "rangefinder-look"
version = 1
name = "Test Full"
description = """
First line.
Second line with a "quote" and a back\\slash.
"""
category = "monochrome"
strength = 80

[tone]
curve = [[0, 0.02], [0.25, 0.2], [0.75, 0.8], [1, 0.97]]
contrast = 25
pivot = 0.5
brightness = -10
toe = -20
shoulder = 10.5

[colour]
saturation = -5
vibrance = 12

[hsl.red]
hue = 4
saturation = -10
luminance = 5

[hsl]
blue = { hue = -8, saturation = 20, luminance = -15 }

[split]
shadow_hue = 210
shadow_saturation = 15
highlight_hue = 45
highlight_saturation = 10
balance = -20

[mono]
enabled = true
red = 40
green = 50
blue = 10

[vignette]
amount = -0.5
midpoint = 40
roundness = 20
feather = 70

[grain]
amount = 12
size = 30

[lut]
file = "luts/film.cube"
encoding = "rec2020"
)";

// The message of the rf::Error `fn` throws ("" when it does not throw).
template <class Fn>
std::string errorOf(Fn fn) {
    try {
        fn();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

std::string parseError(const std::string& text) {
    return errorOf([&] { parseLook(text, "bad.look"); });
}

const std::string kHead = "name = \"X\"\n";

void expectSameLook(const Look& a, const Look& b) {
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.maker, b.maker);
    EXPECT_EQ(a.description, b.description);
    EXPECT_EQ(a.category, b.category);
    EXPECT_EQ(a.defaultStrength, b.defaultStrength);
    EXPECT_EQ(a.formatVersion, b.formatVersion);
    EXPECT_TRUE(a.params == b.params) << a.params.toJson() << "\nvs\n" << b.params.toJson();
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    test::writeFile(p.string(), text);
}

}  // namespace

TEST(LookFile, EverySectionMapsToItsSchemaKey) {
    const Look l = parseLook(kFull, "full.look");
    EXPECT_EQ(l.name, "Test Full");
    EXPECT_EQ(l.description, "First line.\nSecond line with a \"quote\" and a back\\slash.");
    EXPECT_EQ(l.category, LookCategory::Monochrome);
    EXPECT_EQ(l.defaultStrength, 80);
    EXPECT_EQ(l.formatVersion, 1);
    EXPECT_EQ(l.path, "");
    const EditDocument& p = l.params;
    EXPECT_EQ(p.getText("look.tone.curve"), "0,0.02 0.25,0.2 0.75,0.8 1,0.97");
    EXPECT_EQ(p.getFloat("look.tone.contrast"), 25);
    EXPECT_EQ(p.getFloat("look.tone.pivot"), 0.5);
    EXPECT_EQ(p.getFloat("look.tone.brightness"), -10);
    EXPECT_EQ(p.getFloat("look.tone.toe"), -20);
    EXPECT_EQ(p.getFloat("look.tone.shoulder"), 10.5);
    EXPECT_EQ(p.getFloat("look.color.saturation"), -5) << "[colour] is [color]";
    EXPECT_EQ(p.getFloat("look.color.vibrance"), 12);
    EXPECT_EQ(p.getFloat("look.hsl.red.hue"), 4);
    EXPECT_EQ(p.getFloat("look.hsl.red.saturation"), -10);
    EXPECT_EQ(p.getFloat("look.hsl.red.luminance"), 5);
    EXPECT_EQ(p.getFloat("look.hsl.blue.hue"), -8) << "inline tables under [hsl]";
    EXPECT_EQ(p.getFloat("look.hsl.blue.saturation"), 20);
    EXPECT_EQ(p.getFloat("look.hsl.blue.luminance"), -15);
    EXPECT_FALSE(p.isSet("look.hsl.green.hue"));
    EXPECT_EQ(p.getFloat("look.split.shadow_hue"), 210);
    EXPECT_EQ(p.getFloat("look.split.shadow_saturation"), 15);
    EXPECT_EQ(p.getFloat("look.split.highlight_hue"), 45);
    EXPECT_EQ(p.getFloat("look.split.highlight_saturation"), 10);
    EXPECT_EQ(p.getFloat("look.split.balance"), -20);
    EXPECT_TRUE(p.getBool("look.mono.enabled"));
    EXPECT_EQ(p.getFloat("look.mono.red"), 40);
    EXPECT_EQ(p.getFloat("look.mono.green"), 50);
    EXPECT_EQ(p.getFloat("look.mono.blue"), 10);
    EXPECT_EQ(p.getFloat("look.vignette.amount"), -0.5);
    EXPECT_EQ(p.getFloat("look.vignette.midpoint"), 40);
    EXPECT_EQ(p.getFloat("look.vignette.roundness"), 20);
    EXPECT_EQ(p.getFloat("look.vignette.feather"), 70);
    EXPECT_EQ(p.getFloat("look.grain.amount"), 12);
    EXPECT_EQ(p.getFloat("look.grain.size"), 30);
    EXPECT_EQ(p.getText("look.lut.file"), "luts/film.cube");
    EXPECT_EQ(p.getText("look.lut.encoding"), "rec2020");
    EXPECT_FALSE(p.isSet("look.name")) << "the application sets the name and strength";
    EXPECT_FALSE(p.isSet("look.strength"));
    for (const auto& k : p.keys()) EXPECT_EQ(k.rfind("look.", 0), 0u) << k;
}

TEST(LookFile, EveryLookParameterOfTheSchemaIsAKey) {
    // A parameter added to the schema is a look key at once: write each one as a dotted key.
    std::string text = kHead;
    int expected = 0;
    for (const auto& d : schema()) {
        if (d.group != ParamGroup::Look || d.key == "look.name" || d.key == "look.strength")
            continue;
        std::string value;
        switch (d.type) {
            case ParamType::Float:
            case ParamType::Int:
                value = std::to_string(d.maxValue);
                break;
            case ParamType::Bool:
                value = "true";
                break;
            case ParamType::Choice:
                value = "\"" + d.choices.back() + "\"";
                break;
            case ParamType::Text:
                value = d.key == "look.tone.curve" ? "[[0, 0], [1, 1]]" : "\"x\"";
                break;
        }
        text += d.key.substr(5) + " = " + value + "\n";
        ++expected;
    }
    const Look l = parseLook(text, "all.look");
    EXPECT_EQ(int(l.params.keys().size()), expected);
    EXPECT_GE(expected, 8 * 3 + 20) << "eight hue bands and the rest";
}

TEST(LookFile, DefaultsAndLenientForms) {
    const Look l = parseLook(kHead +
                                 "[tone]\ncurve = \"0,0 0.5,0.6 1,1\"\n"
                                 "[color]\nsaturation = 10\n",
                             "x.look");
    EXPECT_EQ(l.category, LookCategory::Color);
    EXPECT_EQ(l.defaultStrength, 100);
    EXPECT_EQ(l.description, "");
    EXPECT_EQ(l.params.getText("look.tone.curve"), "0,0 0.5,0.6 1,1");
    EXPECT_EQ(l.params.getFloat("look.color.saturation"), 10) << "an integer for a float key";
    EXPECT_EQ(parseLook(kHead + "category = \"color\"\n", "x").category, LookCategory::Color);
}

TEST(LookFile, FormatThenParseGivesTheSameLook) {
    const Look a = parseLook(kFull, "full.look");
    const std::string text = formatLook(a);
    const Look b = parseLook(text, "formatted.look");
    expectSameLook(a, b);
    EXPECT_EQ(formatLook(b), text) << "formatting is stable";
    // Stable order: tables follow the schema, whatever the order in the source file.
    EXPECT_LT(text.find("[tone]"), text.find("[color]"));
    EXPECT_LT(text.find("[hsl.red]"), text.find("[hsl.blue]"));
    EXPECT_LT(text.find("[vignette]"), text.find("[lut]"));
    EXPECT_NE(text.find("description = \"\"\"\nFirst line.\n"), std::string::npos) << text;
    EXPECT_NE(text.find("curve = [[0, 0.02], [0.25, 0.2], [0.75, 0.8], [1, 0.97]]"),
              std::string::npos)
        << text;

    // A look built in memory, with awkward text and fractional values.
    Look m;
    // A tab is a control character, which a name may not hold; a description may.
    m.name = "Quotes \"and\" \\ ünïcode";
    m.description = "line 1\n\n  line\t3 \"\"\" triple, \"quoted\"";
    m.defaultStrength = 37.25;
    m.params.setFloat("look.tone.pivot", 0.123456789012345);
    m.params.setFloat("look.vignette.amount", -1.0 / 3.0);
    m.params.setBool("look.mono.enabled", false);
    m.params.setText("look.lut.file", "a \"b\".cube");
    expectSameLook(m, parseLook(formatLook(m), "m.look"));
}

TEST(LookFile, FormatRefusesKeysALookCannotHold) {
    Look m;
    m.name = "X";
    m.params.setFloat("exposure.ev", 1);
    EXPECT_NE(errorOf([&] { formatLook(m); }).find("exposure.ev"), std::string::npos);
}

TEST(LookFile, MalformedFilesNameTheFileAndLine) {
    struct Case {
        std::string text;
        int line;
        std::string reason;
    };
    const std::vector<Case> cases = {
        {kHead + "[tone]\ncontrast = = 3\n", 3, ""},                           // TOML syntax
        {kHead + "description = \"unterminated\n", 2, ""},                     // TOML syntax
        {kHead + "[tone]\ncontrast = 3\ncontrats = 4\n", 4, "tone.contrats"},  // unknown key
        {kHead + "\n[grainy]\namount = 3\n", 4, "grainy.amount"},              // unknown table
        {kHead + "foo = 1\n", 2, "foo"},                                       // unknown top-level
        {kHead + "[hsl.reds]\nhue = 3\n", 3, "red, orange, yellow"},           // unknown band
        {kHead + "[tone]\ncontrast = \"high\"\n", 3, "number"},                // wrong type
        {kHead + "[mono]\nenabled = 1\n", 3, "true or false"},                 // wrong type
        {kHead + "[lut]\nencoding = 5\n", 3, "string"},                        // wrong type
        {kHead + "[tone]\n\ncontrast = 250\n", 4, "look.tone.contrast"},       // out of range
        {kHead + "[vignette]\namount = -4\n", 3, "look.vignette.amount"},      // out of range
        {kHead + "[lut]\nencoding = \"prophoto\"\n", 3, "srgb"},               // bad choice
        {"# no name\n[tone]\ncontrast = 3\n", 1, "no name"},                   // missing name
        {"name = \"\"\n", 1, "empty"},                                         // empty name
        {"version = 2\nname = \"X\"\n[future]\nthing = 1\n", 1, "version 2"},  // newer version
        {kHead + "category = \"sepia\"\n", 2, "category"},                     // bad category
        {"format = \"something-else\"\n" + kHead, 1, "not a Rangefinder look"},
        {kHead + "strength = 120\n", 2, "strength"},
        {kHead + "[tone]\ncurve = [[0, 0], [0.5, 1.5], [1, 1]]\n", 3, "outside [0, 1]"},
        {kHead + "[tone]\ncurve = [[0, 0], [0.6, 0.5], [0.5, 0.6], [1, 1]]\n", 3, "right of"},
        {kHead + "[tone]\ncurve = [[0, 0]]\n", 3, "two points"},
        {kHead + "[tone]\n\ncurve = [[0, 0], [0.5], [1, 1]]\n", 4, "two numbers"},
        {kHead + "[tone]\ncurve = \"0,0 zero,1\"\n", 3, "points"},
    };
    for (const auto& c : cases) {
        const std::string e = parseError(c.text);
        const std::string prefix = "bad.look:" + std::to_string(c.line) + ":";
        EXPECT_EQ(e.rfind(prefix, 0), 0u) << "want " << prefix << " for:\n"
                                          << c.text << "\ngot: " << e;
        EXPECT_NE(e.find(c.reason), std::string::npos) << "want '" << c.reason << "' in: " << e;
    }
}

TEST(LookFile, HugeFilesAndCurvesAreRefused) {
    // A million-point curve: refused for its size before toml++ sees it.
    std::string huge = kHead + "[tone]\ncurve = [\n";
    for (int i = 0; i < 1000000; ++i) huge += "[0.5, 0.5],\n";
    huge += "]\n";
    const std::string e = parseError(huge);
    EXPECT_EQ(e.rfind("bad.look: ", 0), 0u) << e.substr(0, 200);
    EXPECT_NE(e.find("too large"), std::string::npos) << e.substr(0, 200);

    // Small enough as a file, too many points for a curve.
    std::string many = kHead + "[tone]\ncurve = [";
    for (int i = 0; i <= 300; ++i) {
        many += '[';
        many += std::to_string(i / 300.0);
        many += ", 0.5], ";
    }
    many += "]\n";
    const std::string m = parseError(many);
    EXPECT_EQ(m.rfind("bad.look:3:", 0), 0u) << m;
    EXPECT_NE(m.find("at most 256 points"), std::string::npos) << m;

    // The same size check on disk, before reading the file.
    test::TempDir dir("looks-huge");
    write(dir.path() / "huge.look", huge);
    const std::string d = errorOf([&] { loadLook(dir.str("huge.look")); });
    EXPECT_NE(d.find("huge.look"), std::string::npos) << d.substr(0, 200);
    EXPECT_NE(d.find("too large"), std::string::npos) << d.substr(0, 200);
}

TEST(LookFile, SaveLoadAndTheLutMustExist) {
    test::TempDir dir("looks-save");
    Look a = parseLook(kHead + "[lut]\nfile = \"luts/a.cube\"\n", "mem");
    saveLook(dir.str("a.look"), a);
    // Loaded from disk, a relative LUT must exist beside the look file.
    const std::string e = errorOf([&] { loadLook(dir.str("a.look")); });
    EXPECT_NE(e.find(dir.str("a.look") + ":"), std::string::npos) << e;
    EXPECT_NE(e.find("luts/a.cube"), std::string::npos) << e;
    write(dir.path() / "luts" / "a.cube", "LUT_3D_SIZE 2\n");
    const Look b = loadLook(dir.str("a.look"));
    EXPECT_EQ(b.path, dir.str("a.look"));
    expectSameLook(a, b);
    EXPECT_NE(errorOf([&] { loadLook(dir.str("missing.look")); }).find("missing.look"),
              std::string::npos);
}

TEST(LookFile, ALutPathThatLeavesTheLookFolderIsRefused) {
    test::TempDir dir("looks-lut-escape");
    const fs::path user = dir.path() / "looks";
    // A real LUT outside the look folder: found, were the path followed.
    write(dir.path() / "secret.cube",
          "LUT_3D_SIZE 2\n0 0 0\n1 0 0\n0 1 0\n1 1 0\n"
          "0 0 1\n1 0 1\n0 1 1\n1 1 1\n");
    const auto lookWith = [&](const std::string& file, const std::string& lut) {
        write(user / file, "name = \"" + file + "\"\n[lut]\nfile = \"" + lut + "\"\n");
        return errorOf([&] { loadLook((user / file).string()); });
    };
    const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
        {"climb.look", "../secret.cube", "outside the look's folder"},
        {"deep.look", "luts/../../secret.cube", "outside the look's folder"},
        {"passwd.look", "../../../../etc/passwd", "outside the look's folder"},
        {"abs.look", (dir.path() / "secret.cube").string(), "absolute path"},
        {"zero.look", "/dev/zero", "absolute path"},
    };
    for (const auto& [file, lut, why] : cases) {
        const std::string e = lookWith(file, lut);
        EXPECT_NE(e.find((user / file).string() + ":3: "), std::string::npos) << e;
        EXPECT_NE(e.find("'" + lut + "'"), std::string::npos) << e;
        EXPECT_NE(e.find(why), std::string::npos) << e;
    }
    // The shape of the path is enough: no folder is needed to refuse it.
    EXPECT_NE(parseError(kHead + "[lut]\nfile = \"../x.cube\"\n").find("outside"),
              std::string::npos);
    // Inside the folder, through "..", is fine.
    write(user / "luts" / "ok.cube", test::readFile(dir.str("secret.cube")));
    EXPECT_EQ(lookWith("fine.look", "luts/../luts/ok.cube"), "");

    // A symbolic link inside the folder that leads out of it is leaving it too.
    fs::create_symlink(dir.path() / "secret.cube", user / "luts" / "link.cube");
    const std::string link = lookWith("link.look", "luts/link.cube");
    EXPECT_NE(link.find((user / "link.look").string() + ":3: "), std::string::npos) << link;
    EXPECT_NE(link.find("symbolic link"), std::string::npos) << link;

    // The library reports them like any malformed look, and loads the rest.
    const LookLibrary lib = LookLibrary::load({user.string()});
    EXPECT_EQ(lib.looks().size(), 1u);
    EXPECT_EQ(lib.errors().size(), 6u);
}

TEST(LookFile, ALutThatIsNotARegularFileOrTooLargeIsRefused) {
    test::TempDir dir("looks-lut-kind");
    const fs::path user = dir.path() / "looks";
    const auto lookWith = [&](const std::string& file, const std::string& lut) {
        write(user / file, "name = \"" + file + "\"\n[lut]\nfile = \"" + lut + "\"\n");
        return errorOf([&] { loadLook((user / file).string()); });
    };
    fs::create_directories(user / "luts" / "folder.cube");
    std::string e = lookWith("folder.look", "luts/folder.cube");
    EXPECT_NE(e.find((user / "folder.look").string() + ":3: "), std::string::npos) << e;
    EXPECT_NE(e.find("'luts/folder.cube'"), std::string::npos) << e;
    EXPECT_NE(e.find("not a regular file (it is a folder)"), std::string::npos) << e;

    ASSERT_EQ(::mkfifo((user / "luts" / "pipe.cube").c_str(), 0600), 0);
    e = lookWith("pipe.look", "luts/pipe.cube");
    EXPECT_NE(e.find("not a regular file (it is a FIFO"), std::string::npos) << e;

    // Sparse files just over the caps: nothing is written to disk, and nothing is read.
    const auto sparse = [&](const fs::path& p, std::uintmax_t bytes) {
        fs::create_directories(p.parent_path());
        test::writeFile(p.string(), "");
        fs::resize_file(p, bytes);
    };
    sparse(user / "luts" / "big.cube", (std::uintmax_t(64) << 20) + 1);
    e = lookWith("big.look", "luts/big.cube");
    EXPECT_NE(e.find((user / "big.look").string() + ":3: "), std::string::npos) << e;
    EXPECT_NE(e.find("'luts/big.cube'"), std::string::npos) << e;
    EXPECT_NE(e.find("at most 64 MB"), std::string::npos) << e;
    e = errorOf([&] { readLut((user / "luts" / "big.cube").string()); });
    EXPECT_NE(e.find("at most 64 MB"), std::string::npos) << e;

    sparse(user / "luts" / "big.png", (std::uintmax_t(32) << 20) + 1);
    e = lookWith("hald.look", "luts/big.png");
    EXPECT_NE(e.find("a Hald CLUT image file may be at most 32 MB"), std::string::npos) << e;
}

TEST(Lut, ADeviceOrFifoIsNotARegularFile) {
    // /dev/zero has no extension: its kind is what refuses it, before it could be read.
    std::string e = errorOf([] { readLut("/dev/zero"); });
    ASSERT_NE(e.find("/dev/zero: is not a regular file (it is a character device)"),
              std::string::npos)
        << e;
    // A FIFO with a LUT's name is refused, not waited on for a writer.
    test::TempDir dir("lut-fifo");
    ASSERT_EQ(::mkfifo(dir.str("pipe.cube").c_str(), 0600), 0);
    e = errorOf([&] { readLut(dir.str("pipe.cube")); });
    EXPECT_NE(e.find("not a regular file (it is a FIFO"), std::string::npos) << e;
    e = errorOf([&] { readHaldClut(dir.str("pipe.cube")); });
    EXPECT_NE(e.find("not a regular file (it is a FIFO"), std::string::npos) << e;
    e = errorOf([&] { importLutAsLook("/dev/zero", dir.str("user")); });
    EXPECT_NE(e.find("not a regular file"), std::string::npos) << e;
    EXPECT_FALSE(fs::exists(dir.path() / "user" / "luts" / "zero"));
}

TEST(LookFile, ShippedLooksAreValid) {
    const fs::path dir = fs::path(RF_SOURCE_DIR) / "looks";
    const LookLibrary lib = LookLibrary::load({dir.string()});
    for (const auto& e : lib.errors()) ADD_FAILURE() << e.message;
    const Look* l = lib.find("leica-authentic");
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->name, "Leica Authentic");
    // What each shipped look does is measured by test_look_library; here, that each one is a
    // well-formed partial edit document that survives a round trip through the format.
    for (const Look& look : lib.looks()) {
        EXPECT_FALSE(look.params.keys().empty()) << look.name;
        expectSameLook(look, parseLook(formatLook(look), look.path));
    }
}

TEST(LookSlug, FileSystemSafeStems) {
    EXPECT_EQ(lookSlug("Leica Authentic"), "leica-authentic");
    EXPECT_EQ(lookSlug("  B&W / High Contrast!  "), "b-w-high-contrast");
    EXPECT_EQ(lookSlug("../etc/passwd"), "etc-passwd");
    EXPECT_EQ(lookSlug("Velvia 50"), "velvia-50");
    EXPECT_EQ(lookSlug("Ilford Délta"), "ilford-délta");
    EXPECT_EQ(lookSlug("***"), "look");
}

TEST(LookDirs, XdgDataHomeHomeAndTheLooksPath) {
    {
        ScopedEnv xdg("XDG_DATA_HOME", "/tmp/xdg-data");
        EXPECT_EQ(userLookDir(), "/tmp/xdg-data/rangefinder/looks");
    }
    {
        ScopedEnv xdg("XDG_DATA_HOME", nullptr);
        ScopedEnv home("HOME", "/home/someone");
        EXPECT_EQ(userLookDir(), "/home/someone/.local/share/rangefinder/looks");
        ScopedEnv relative("XDG_DATA_HOME", "relative/path");
        EXPECT_EQ(userLookDir(), "/home/someone/.local/share/rangefinder/looks")
            << "the XDG spec ignores relative paths";
    }
    {
        ScopedEnv xdg("XDG_DATA_HOME", "/tmp/xdg-data");
        ScopedEnv path("RANGEFINDER_LOOKS_PATH", "/a/looks::/b/looks");
        EXPECT_EQ(defaultLookDirs(), (std::vector<std::string>{"/a/looks", "/b/looks",
                                                               "/tmp/xdg-data/rangefinder/looks"}));
    }
    {
        // Run from this build tree: nothing is installed beside the test executable (its
        // ../share/rangefinder/looks), so the source tree's looks/ come first. An absolute
        // install prefix compiled in would be ignored here too: no such path is compiled in.
        ScopedEnv path("RANGEFINDER_LOOKS_PATH", nullptr);
        ASSERT_FALSE(fs::exists(installedDataDir("looks"))) << installedDataDir("looks");
        EXPECT_TRUE(installedDataDir("looks").ends_with("/share/rangefinder/looks"));
        const auto dirs = defaultLookDirs();
        ASSERT_EQ(dirs.size(), 2u);
        EXPECT_TRUE(fs::equivalent(dirs[0], fs::path(RF_SOURCE_DIR) / "looks")) << dirs[0];
        EXPECT_EQ(dirs[1], userLookDir());
    }
}

TEST(LookLibrary, LaterFoldersOverrideAndBadFilesAreReported) {
    test::TempDir dir("looks-lib");
    const fs::path installed = dir.path() / "installed", user = dir.path() / "user";
    write(installed / "b-look.look", "name = \"B Look\"\n[tone]\ncontrast = 10\n");
    write(installed / "a.look", "name = \"Alpha\"\ndescription = \"installed\"\n");
    write(installed / "broken.look", "name = \"Broken\"\n[tone]\ncontrast = 500\n");
    write(installed / "notes.txt", "not a look");
    write(installed / ".a.rf-tmp-1.look", "half written");
    write(user / "mine.look", "name = \"alpha\"\ndescription = \"user\"\n");  // overrides Alpha
    write(user / "zeta.look", "name = \"Zeta\"\n");
    write(user / "zz.look", "name = \"ZETA\"\n");  // same name, same folder

    const LookLibrary lib =
        LookLibrary::load({installed.string(), (dir.path() / "absent").string(), user.string()});
    ASSERT_EQ(lib.looks().size(), 3u);
    EXPECT_EQ(lib.looks()[0].name, "alpha");
    EXPECT_EQ(lib.looks()[0].description, "user");
    EXPECT_EQ(lib.looks()[1].name, "B Look");
    EXPECT_EQ(lib.looks()[2].name, "Zeta");
    EXPECT_EQ(lib.dirs().size(), 3u);

    ASSERT_EQ(lib.errors().size(), 2u);
    EXPECT_EQ(lib.errors()[0].path, (installed / "broken.look").string());
    EXPECT_EQ(lib.errors()[0].message.rfind((installed / "broken.look").string() + ":3:", 0), 0u)
        << lib.errors()[0].message;
    EXPECT_NE(lib.errors()[1].message.find("already defined"), std::string::npos);

    ASSERT_NE(lib.find("ALPHA"), nullptr);
    EXPECT_EQ(lib.find("ALPHA")->path, (user / "mine.look").string());
    ASSERT_NE(lib.find("b-look"), nullptr) << "by slug";
    EXPECT_EQ(lib.find("b-look")->params.getFloat("look.tone.contrast"), 10);
    EXPECT_NE(lib.find("b look"), nullptr);
    EXPECT_EQ(lib.find("Broken"), nullptr);
    EXPECT_EQ(lib.find("gamma"), nullptr);
}

TEST(LookLibrary, DefaultFoldersComeFromTheEnvironment) {
    test::TempDir dir("looks-env");
    write(dir.path() / "shared" / "s.look", "name = \"Shared\"\n");
    write(dir.path() / "data" / "rangefinder" / "looks" / "u.look", "name = \"User\"\n");
    ScopedEnv path("RANGEFINDER_LOOKS_PATH", dir.str("shared").c_str());
    ScopedEnv xdg("XDG_DATA_HOME", dir.str("data").c_str());
    const LookLibrary lib = LookLibrary::load();
    ASSERT_EQ(lib.looks().size(), 2u);
    EXPECT_EQ(lib.looks()[0].name, "Shared");
    EXPECT_EQ(lib.looks()[1].name, "User");
}

TEST(WithLook, ReplacesThePreviousLookAndKeepsEverythingElse) {
    EditDocument edits;
    edits.setFloat("exposure.ev", 0.7);
    edits.setFloat("color.saturation", 15);
    edits.setText("crop.aspect", "4:5");
    const Look first = parseLook(
        "name = \"First\"\nstrength = 60\n[grain]\namount = 40\n"
        "[tone]\ncontrast = 30\n",
        "first.look");
    const Look second = parseLook("name = \"Second\"\n[tone]\ntoe = -10\n", "second.look");

    const EditDocument a = withLook(edits, first);
    EXPECT_EQ(a.getText("look.name"), "First");
    EXPECT_EQ(a.getFloat("look.strength"), 60) << "the look's default strength";
    EXPECT_EQ(a.getFloat("look.grain.amount"), 40);
    EXPECT_EQ(a.getFloat("exposure.ev"), 0.7);
    EXPECT_EQ(a.getFloat("color.saturation"), 15);
    EXPECT_EQ(a.getText("crop.aspect"), "4:5");

    EditDocument tweaked = a;
    tweaked.setFloat("look.vignette.amount", -1);  // the photographer moved a look slider
    const EditDocument b = withLook(tweaked, second, 25.0);
    EXPECT_EQ(b.getText("look.name"), "Second");
    EXPECT_EQ(b.getFloat("look.strength"), 25);
    EXPECT_EQ(b.getFloat("look.tone.toe"), -10);
    EXPECT_FALSE(b.isSet("look.grain.amount")) << "the previous look's keys are gone";
    EXPECT_FALSE(b.isSet("look.tone.contrast"));
    EXPECT_FALSE(b.isSet("look.vignette.amount"));
    EXPECT_EQ(b.getFloat("exposure.ev"), 0.7);
    EXPECT_EQ(b.getText("crop.aspect"), "4:5");

    EXPECT_NE(errorOf([&] { withLook(edits, second, 150.0); }).find("look.strength"),
              std::string::npos);

    const EditDocument none = withoutLook(b);
    for (const auto& k : none.keys()) EXPECT_NE(k.rfind("look.", 0), 0u) << k;
    EXPECT_TRUE(none == edits);
}

namespace {

// A small .cube that is not the identity (so two of them can differ).
std::string writeTestCube(const fs::path& path, float gain) {
    Lut3D lut(3);
    for (float& v : lut.data()) v *= gain;
    lut.title = "test";
    fs::create_directories(path.parent_path());
    writeCube(path.string(), lut);
    return path.string();
}

}  // namespace

TEST(ImportLut, BecomesAUserLookBesideItsCopy) {
    test::TempDir dir("looks-import");
    const std::string cube = writeTestCube(dir.path() / "src" / "Kodak 2383.cube", 0.9f);
    const fs::path user = dir.path() / "user";
    const Look l = importLutAsLook(cube, user.string(), "", "rec2020");
    EXPECT_EQ(l.name, "Kodak 2383");
    EXPECT_EQ(l.path, (user / "kodak-2383.look").string());
    EXPECT_EQ(l.description, "Imported from Kodak 2383.cube");
    EXPECT_EQ(l.category, LookCategory::Color);
    EXPECT_EQ(l.defaultStrength, 100);
    EXPECT_EQ(l.params.getText("look.lut.file"), "luts/Kodak 2383.cube");
    EXPECT_EQ(l.params.getText("look.lut.encoding"), "rec2020");
    EXPECT_EQ(test::readFile((user / "luts" / "Kodak 2383.cube").string()), test::readFile(cube));
    EXPECT_EQ(readLut((user / "luts" / "Kodak 2383.cube").string()).size(), 3);

    const LookLibrary lib = LookLibrary::load({user.string()});
    EXPECT_TRUE(lib.errors().empty());
    ASSERT_NE(lib.find("kodak-2383"), nullptr);
    expectSameLook(*lib.find("kodak-2383"), l);

    // The same LUT under the same name again: nothing new is written.
    const Look again = importLutAsLook(cube, user.string(), "", "rec2020");
    EXPECT_EQ(again.path, l.path);
    EXPECT_EQ(std::distance(fs::directory_iterator(user / "luts"), fs::directory_iterator()), 1);

    // A different LUT with the same file name: refused under the taken name, and kept apart
    // (never overwriting the first) under a new one.
    const std::string other = writeTestCube(dir.path() / "other" / "Kodak 2383.cube", 0.5f);
    const std::string e = errorOf([&] { importLutAsLook(other, user.string()); });
    EXPECT_NE(e.find("already exists"), std::string::npos) << e;
    EXPECT_NE(e.find(other), std::string::npos) << e;
    const Look second = importLutAsLook(other, user.string(), "Print Film", "srgb");
    EXPECT_EQ(second.params.getText("look.lut.file"), "luts/Kodak 2383-2.cube");
    EXPECT_EQ(test::readFile((user / "luts" / "Kodak 2383.cube").string()), test::readFile(cube));
    EXPECT_EQ(test::readFile((user / "luts" / "Kodak 2383-2.cube").string()),
              test::readFile(other));
    EXPECT_EQ(LookLibrary::load({user.string()}).looks().size(), 2u);
}

TEST(ImportLut, BadLutsAndEncodingsWriteNothing) {
    test::TempDir dir("looks-import-bad");
    write(dir.path() / "broken.cube", "LUT_3D_SIZE 2\n0 0 0\n1 1 oops\n");
    const fs::path user = dir.path() / "user";
    const std::string e = errorOf([&] { importLutAsLook(dir.str("broken.cube"), user.string()); });
    EXPECT_NE(e.find("broken.cube"), std::string::npos) << e;
    const std::string cube = writeTestCube(dir.path() / "ok.cube", 1.0f);
    const std::string enc = errorOf([&] { importLutAsLook(cube, user.string(), "", "prophoto"); });
    EXPECT_NE(enc.find("prophoto"), std::string::npos) << enc;
    EXPECT_NE(errorOf([&] { importLutAsLook(cube, user.string(), "two\nlines"); }), "");
    EXPECT_FALSE(fs::exists(user / "ok.look"));
    EXPECT_FALSE(fs::exists(user / "luts" / "ok.cube"));
}

TEST(ImportLut, AHaldClutKeepsItsExtension) {
    // A level-2 Hald CLUT (8 × 8 pixels, a 4-point cube) that swaps red and blue.
    const int level = 2, n = level * level, side = level * level * level;
    cv::Mat hald(side, side, CV_16UC3);
    for (int i = 0; i < n * n * n; ++i) {
        const int r = i % n, g = (i / n) % n, b = i / (n * n);
        auto scale = [&](int v) { return static_cast<unsigned short>(v * 65535 / (n - 1)); };
        // OpenCV stores blue, green, red; the swap puts the input's red into blue's place.
        hald.at<cv::Vec3w>(i / side, i % side) = cv::Vec3w(scale(r), scale(g), scale(b));
    }
    test::TempDir dir("looks-import-hald");
    ASSERT_TRUE(cv::imwrite(dir.str("swap.png"), hald));
    const Look l = importLutAsLook(dir.str("swap.png"), dir.str("user"), "Swap");
    EXPECT_EQ(l.params.getText("look.lut.file"), "luts/swap.png");
    const Lut3D lut = readLut(dir.str("user/luts/swap.png"));
    ASSERT_EQ(lut.size(), n);
    const Vec3 v = lut.sample({1, 0, 0});
    EXPECT_NEAR(v[0], 0, 1e-3);
    EXPECT_NEAR(v[2], 1, 1e-3);
}

TEST(LookFile, ANameWithControlCharactersIsRefused) {
    test::TempDir dir("looks-control");
    write(dir.path() / "red.look", "name = \"Red\\u001b[31m Alert\"\n");
    const std::string e = errorOf([&] { loadLook(dir.str("red.look")); });
    EXPECT_NE(e.find(dir.str("red.look") + ":1: "), std::string::npos) << e;
    EXPECT_NE(e.find("control character U+001B"), std::string::npos) << e;
    EXPECT_EQ(e.find('\x1b'), std::string::npos) << "the message itself is printable";
    EXPECT_NE(parseError("name = \"Tab\\tName\"\n").find("U+0009"), std::string::npos);
    EXPECT_NE(parseError("name = \"C1 \\u009b2J\"\n").find("U+009B"), std::string::npos);

    // A description keeps its line breaks and tabs, and its other control characters are
    // left to the printing (`looks list` escapes them: test_cli_looks).
    write(dir.path() / "desc.look",
          "name = \"Desc\"\ndescription = \"\"\"\nOne\\u001b[2J\ttwo\r\nthree\n\"\"\"\n");
    const LookLibrary lib = LookLibrary::load({dir.str()});
    ASSERT_EQ(lib.looks().size(), 1u);
    EXPECT_EQ(lib.looks()[0].description, "One\x1b[2J\ttwo\nthree");
    ASSERT_EQ(lib.errors().size(), 1u);
    EXPECT_NE(lib.errors()[0].message.find("red.look:1: "), std::string::npos);

    // Nor can an imported LUT's name hold one.
    const std::string cube = writeTestCube(dir.path() / "src" / "ok.cube", 1.0f);
    const std::string imp =
        errorOf([&] { importLutAsLook(cube, dir.str("user"), "Evil\x1b]0;title\x07"); });
    EXPECT_NE(imp.find("control character U+001B"), std::string::npos) << imp;
    EXPECT_EQ(imp.find('\x1b'), std::string::npos) << imp;
    EXPECT_FALSE(fs::exists(dir.path() / "user" / "luts" / "ok.cube"));
    Look m;
    m.name = "Bell\x07";
    EXPECT_NE(errorOf([&] { formatLook(m); }).find("U+0007"), std::string::npos);
}

// A maker groups looks; a look may ask for a frame ([crop] aspect, the photo's crop.aspect).
TEST(LookFile, MakerAndFrameAreReadAndWrittenBack) {
    const Look l = parseLook(kHead +
                                 "maker = \"Hasselblad\"\n[crop]\naspect = \"65:24\"\n"
                                 "[tone]\ncontrast = 20\n",
                             "xpan.look");
    EXPECT_EQ(l.maker, "Hasselblad");
    EXPECT_EQ(l.params.getText("crop.aspect"), "65:24");
    const std::string text = formatLook(l);
    EXPECT_NE(text.find("maker = \"Hasselblad\""), std::string::npos) << text;
    EXPECT_NE(text.find("[crop]\naspect = \"65:24\""), std::string::npos) << text;
    expectSameLook(l, parseLook(text, "again.look"));
    EXPECT_NE(parseError(kHead + "[crop]\naspect = \"7:1\"\n").find("bad.look:"),
              std::string::npos);
    EXPECT_NE(parseError(kHead + "[crop]\nleft = 0.2\n").find("unknown key"), std::string::npos)
        << "a look frames the picture by its ratio, never crops it by hand";
    EXPECT_NE(parseError(kHead + "maker = \"A\\u001b[31m\"\n").find("control character"),
              std::string::npos);
}

TEST(WithLook, ALooksFrameGoesWithItUnlessThePhotographerChoseAnother) {
    Look xpan = parseLook("name = \"XPan\"\n[crop]\naspect = \"65:24\"\n", "x");
    Look plain = parseLook("name = \"Plain\"\n[tone]\ncontrast = 10\n", "p");
    EditDocument photo;
    photo.setFloat("exposure.ev", 0.5);
    const EditDocument framed = withLook(photo, xpan);
    EXPECT_EQ(framed.getText("crop.aspect"), "65:24");
    EXPECT_DOUBLE_EQ(framed.getFloat("exposure.ev"), 0.5);
    // Replaced by another look, or removed: the frame goes.
    EXPECT_FALSE(withLook(framed, plain, std::nullopt, &xpan).isSet("crop.aspect"));
    EXPECT_FALSE(withoutLook(framed, &xpan).isSet("crop.aspect"));
    // Not when the photographer chose another ratio since.
    EditDocument chosen = framed;
    chosen.setText("crop.aspect", "3:2");
    EXPECT_EQ(withoutLook(chosen, &xpan).getText("crop.aspect"), "3:2");
    // Nor the photographer's own ratio when a look without a frame is replaced.
    EditDocument own = withLook(photo, plain);
    own.setText("crop.aspect", "1:1");
    EXPECT_EQ(withLook(own, xpan, std::nullopt, &plain).getText("crop.aspect"), "65:24");
    EXPECT_EQ(withoutLook(own, &plain).getText("crop.aspect"), "1:1");
}

TEST(LookLibrary, LooksAreGroupedByMakerThenName) {
    test::TempDir dir("looks-makers");
    write(dir.path() / "a.look", "name = \"Zeta\"\nmaker = \"Zeiss\"\n");
    write(dir.path() / "b.look", "name = \"Alpha\"\nmaker = \"Zeiss\"\n");
    write(dir.path() / "c.look", "name = \"Mine\"\n");
    write(dir.path() / "d.look", "name = \"Bravo\"\nmaker = \"Hasselblad\"\n");
    const LookLibrary lib = LookLibrary::load({dir.str()});
    std::vector<std::string> order;
    for (const Look& l : lib.looks()) order.push_back(l.name);
    EXPECT_EQ(order, (std::vector<std::string>{"Bravo", "Alpha", "Zeta", "Mine"}));
}
