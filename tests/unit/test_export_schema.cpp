// SPDX-License-Identifier: GPL-3.0-or-later
// The export schema and the preset files read through it: every declared name round-trips,
// every enum value has a name, the shipped presets are the settings they always were, and a
// broken preset file is refused naming the file and the key.
#include <gtest/gtest.h>

#include <algorithm>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>

#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/export_presets.h"
#include "rangefinder/export_schema.h"
#include "support/test_support.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

const fs::path kShipped = fs::path(RF_SOURCE_DIR) / "export-presets";

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

std::string presetText(const std::string& settings, const std::string& extra = "") {
    return R"({"format": "rangefinder-export-preset", "version": 1, )" + extra +
           R"("settings": {)" + settings + "}}";
}

// What "web" and "full" were before they became files (export.cpp, until the schema): the
// files must give exactly these, or exports would change.
ExportSettings legacyPreset(const std::string& name) {
    ExportSettings s;
    if (name == "web") {
        s.render.size = {SizeMode::LongEdge, 2048};
        s.render.sharpen = {0.6f, 0.6f, 0.01f};
        s.encode.quality = 85;
        s.encode.subsampling = ChromaSubsampling::S420;
        s.encode.progressive = true;
        s.metadata.mode = MetadataMode::NoLocation;
    } else {
        s.render.size = {SizeMode::Original};
        s.encode.quality = 92;
        s.encode.subsampling = ChromaSubsampling::S444;
        s.metadata.mode = MetadataMode::All;
    }
    return s;
}

void expectSameSettings(const ExportSettings& a, const ExportSettings& b, const std::string& what) {
    // Field by field, bit for bit: the schema's view could hide a float that differs in its
    // last place.
    EXPECT_EQ(a.render.size.mode, b.render.size.mode) << what;
    EXPECT_EQ(a.render.size.a, b.render.size.a) << what;
    EXPECT_EQ(a.render.size.b, b.render.size.b) << what;
    EXPECT_EQ(a.render.size.megapixels, b.render.size.megapixels) << what;
    EXPECT_EQ(a.render.size.allowUpscale, b.render.size.allowUpscale) << what;
    EXPECT_EQ(a.render.space, b.render.space) << what;
    EXPECT_EQ(a.render.intent, b.render.intent) << what;
    EXPECT_EQ(a.render.sharpen.amount, b.render.sharpen.amount) << what;
    EXPECT_EQ(a.render.sharpen.radius, b.render.sharpen.radius) << what;
    EXPECT_EQ(a.render.sharpen.threshold, b.render.sharpen.threshold) << what;
    EXPECT_EQ(a.render.oneShot, b.render.oneShot) << what;
    EXPECT_EQ(a.render.lookDirs, b.render.lookDirs) << what;
    EXPECT_EQ(a.encode.format, b.encode.format) << what;
    EXPECT_EQ(a.encode.quality, b.encode.quality) << what;
    EXPECT_EQ(a.encode.subsampling, b.encode.subsampling) << what;
    EXPECT_EQ(a.encode.progressive, b.encode.progressive) << what;
    EXPECT_EQ(a.encode.bitDepth, b.encode.bitDepth) << what;
    EXPECT_EQ(a.metadata.mode, b.metadata.mode) << what;
    EXPECT_EQ(a.metadata.artist, b.metadata.artist) << what;
    EXPECT_EQ(a.metadata.copyright, b.metadata.copyright) << what;
    EXPECT_EQ(a.outputDir, b.outputDir) << what;
    EXPECT_EQ(a.nameTemplate, b.nameTemplate) << what;
    EXPECT_EQ(a.overwrite, b.overwrite) << what;
}

// The shipped presets, not the user's or an installed copy.
class ShippedPresets : public ::testing::Test {
  protected:
    void SetUp() override {
        set("RANGEFINDER_EXPORT_PRESETS_PATH", kShipped.string());
        set("XDG_DATA_HOME", home_.str());
    }
    void TearDown() override {
        for (const auto& [name, value] : saved_) {
            if (value)
                ::setenv(name.c_str(), value->c_str(), 1);
            else
                ::unsetenv(name.c_str());
        }
    }
    void set(const std::string& name, const std::string& value) {
        const char* old = std::getenv(name.c_str());
        saved_.emplace_back(name, old ? std::optional<std::string>(old) : std::nullopt);
        ::setenv(name.c_str(), value.c_str(), 1);
    }
    test::TempDir home_{"export-presets-home"};
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

}  // namespace

TEST(ExportSchema, KeysAreUniqueAndEveryRowIsComplete) {
    std::set<std::string> keys, options;
    for (const auto& d : exportSchema()) {
        EXPECT_TRUE(keys.insert(d.key).second) << "two rows for " << d.key;
        EXPECT_FALSE(d.label.empty()) << d.key;
        EXPECT_FALSE(d.help.empty()) << d.key;
        ASSERT_NE(d.get, nullptr) << d.key;
        ASSERT_NE(d.set, nullptr) << d.key;
        if (!d.cliOption.empty()) {
            EXPECT_TRUE(options.insert(d.cliOption).second) << d.key;
        }
        if (d.type == ExportSettingType::Int || d.type == ExportSettingType::Float) {
            EXPECT_LT(d.minValue, d.maxValue) << d.key;
        }
        // The default is a value the row accepts.
        EXPECT_EQ(checkExportValue(d, d.defaultValue()), d.defaultValue()) << d.key;
    }
    EXPECT_EQ(findExportSetting("no-such-setting"), nullptr);
}

TEST(ExportSchema, EveryChoiceRoundTripsAndEveryAliasReadsAsItsChoice) {
    for (const auto& d : exportSchema()) {
        if (d.type != ExportSettingType::Choice && d.type != ExportSettingType::Size) continue;
        std::set<std::string> spellings;
        std::set<int> values;
        for (const auto& c : d.choices) {
            EXPECT_FALSE(c.label.empty()) << d.key << " " << c.name;
            EXPECT_TRUE(values.insert(c.value).second) << d.key << ": two choices for one value";
            // string → enum → string
            ASSERT_EQ(d.findChoice(c.name), &c) << d.key << " " << c.name;
            EXPECT_EQ(d.choiceFor(c.value).name, c.name) << d.key;
            std::string upper = c.name;
            for (char& ch : upper) ch = char(std::toupper(static_cast<unsigned char>(ch)));
            EXPECT_EQ(d.findChoice(upper), &c) << d.key << " " << upper;
            EXPECT_TRUE(spellings.insert(c.name).second) << d.key << " " << c.name;
            for (const auto& a : c.aliases) {
                EXPECT_EQ(d.findChoice(a), &c) << d.key << " " << a;
                EXPECT_TRUE(spellings.insert(a).second) << d.key << ": '" << a << "' twice";
            }
            if (d.type == ExportSettingType::Choice) {
                ExportSettings s;
                d.set(s, parseExportValue(d, c.name));
                EXPECT_EQ(exportValueText(d.get(s)), c.name) << d.key;
            }
        }
        EXPECT_EQ(d.findChoice("no-such-choice"), nullptr) << d.key;
    }
}

TEST(ExportSchema, EveryEnumValueHasItsName) {
    for (FileFormat f : {FileFormat::Jpeg, FileFormat::Tiff, FileFormat::Png})
        EXPECT_EQ(fileFormatFromString(fileFormatName(f)), f);
    for (ChromaSubsampling c :
         {ChromaSubsampling::S444, ChromaSubsampling::S422, ChromaSubsampling::S420})
        EXPECT_EQ(subsamplingFromString(subsamplingName(c)), c);
    for (OutputSpace o : {OutputSpace::SRGB, OutputSpace::DisplayP3, OutputSpace::AdobeRGB})
        EXPECT_EQ(outputSpaceFromString(outputSpaceName(o)), o);
    for (RenderingIntent i : {RenderingIntent::Perceptual, RenderingIntent::RelativeColorimetric})
        EXPECT_EQ(intentFromString(intentName(i)), i);
    for (MetadataMode m : {MetadataMode::All, MetadataMode::NoLocation, MetadataMode::CopyrightOnly,
                           MetadataMode::None})
        EXPECT_EQ(metadataModeFromString(metadataModeName(m)), m);
    for (int bits : {8, 16}) EXPECT_EQ(exportSetting("bitDepth").choiceFor(bits).value, bits);

    // The spellings people have always typed.
    EXPECT_EQ(fileFormatFromString(".JPG"), FileFormat::Jpeg);
    EXPECT_EQ(outputSpaceFromString("p3"), OutputSpace::DisplayP3);
    EXPECT_EQ(outputSpaceFromString("AdobeRGB"), OutputSpace::AdobeRGB);
    EXPECT_EQ(intentFromString("relative-colorimetric"), RenderingIntent::RelativeColorimetric);
    try {
        metadataModeFromString("gps-only");
        FAIL() << "accepted";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(),
                     "metadata: 'gps-only' is not one of all, no-location, copyright-only or none");
    }
}

TEST(ExportSchema, EverySizeModeRoundTripsThroughTheResampleStagesReader) {
    const std::vector<OutputSize> sizes = {{SizeMode::Original},
                                           {SizeMode::LongEdge, 2048},
                                           {SizeMode::ShortEdge, 1080},
                                           {SizeMode::Fit, 1920, 1080},
                                           {SizeMode::Megapixels, 0, 0, 12.5}};
    std::set<SizeMode> modes;
    for (const auto& size : sizes) {
        const std::string text = outputSizeText(size);
        const OutputSize back = outputSizeFromString(text);
        EXPECT_EQ(back.mode, size.mode) << text;
        EXPECT_EQ(back.a, size.a) << text;
        EXPECT_EQ(back.b, size.b) << text;
        EXPECT_EQ(back.megapixels, size.megapixels) << text;
        modes.insert(size.mode);
    }
    EXPECT_EQ(modes.size(), exportSetting("size").choices.size()) << "a size mode untested";
    EXPECT_EQ(outputSizeText({SizeMode::LongEdge, 2048}), "long:2048");
}

TEST(ExportSchema, EverySettingRoundTripsThroughTextAndJson) {
    ExportSettings s;
    const std::vector<std::pair<std::string, std::string>> values = {
        {"format", "tiff"},        {"quality", "77"},          {"subsampling", "422"},
        {"progressive", "yes"},    {"bitDepth", "16"},         {"size", "1920x1080"},
        {"allowUpscale", "true"},  {"colorSpace", "Adobe"},    {"intent", "relative"},
        {"sharpenAmount", "1.25"}, {"sharpenRadius", "1.5"},   {"sharpenThreshold", "0.02"},
        {"metadata", "none"},      {"artist", "A. Person"},    {"copyright", "© 2024"},
        {"outputDir", "/tmp/out"}, {"nameTemplate", "{date}"}, {"overwrite", "on"}};
    ASSERT_EQ(values.size(), exportSchema().size()) << "a setting without a round trip";
    for (const auto& [key, text] : values)
        setExportSetting(s, key, parseExportValue(exportSetting(key), text));
    EXPECT_EQ(s.render.space, OutputSpace::AdobeRGB);
    EXPECT_EQ(s.render.sharpen.threshold, 0.02f);
    EXPECT_TRUE(s.render.size.allowUpscale) << "a size keeps the upscale switch";

    for (const auto& d : exportSchema()) {
        const ExportValue v = d.get(s);
        EXPECT_EQ(parseExportValue(d, exportValueText(v)), v) << d.key;
        EXPECT_NE(v, d.defaultValue()) << d.key << ": the test sets every setting";
    }
    const ExportSettings back = exportSettingsFromJson(exportSettingsToJson(s), "test", {});
    expectSameSettings(back, s, "through JSON");
    // Floats come back as the decimals people wrote, not the float's binary expansion.
    EXPECT_NE(exportSettingsToJson(s).find("\"sharpenAmount\": 1.25"), std::string::npos)
        << exportSettingsToJson(s);
}

TEST(ExportSchema, RefusedValuesNameTheKeyAndWhatIsAllowed) {
    const auto message = [](const std::string& key, const std::string& text) {
        try {
            parseExportValue(exportSetting(key), text);
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_EQ(message("quality", "101"), "quality: '101' is not a whole number from 1 to 100");
    EXPECT_EQ(message("quality", "85.5"), "quality: '85.5' is not a whole number from 1 to 100");
    EXPECT_EQ(message("sharpenAmount", "x"), "sharpenAmount: 'x' is not a number from 0 to 5");
    EXPECT_EQ(message("format", "heic"),
              "format: 'heic' is not one of jpeg, tiff, png, webp, avif or jxl");
    EXPECT_EQ(message("progressive", "maybe"), "progressive: 'maybe' is not true or false");
    EXPECT_NE(message("size", "huge").find("size: 'huge' is not a size"), std::string::npos);
    EXPECT_EQ(exportValueProblem(exportSetting("bitDepth"), "14"),
              "'14' is not one of 8, 10, 12 or 16");
    EXPECT_EQ(exportValueProblem(exportSetting("bitDepth"), "16"), "");
    ExportSettings s;
    EXPECT_THROW(setExportSetting(s, "quality", 0), Error);
    EXPECT_THROW(setExportSetting(s, "overwrite", 3.5), Error);
    EXPECT_EQ(s.encode.quality, ExportSettings{}.encode.quality);
}

TEST_F(ShippedPresets, WebAndFullAreTheSettingsTheyAlwaysWere) {
    for (const std::string name : {"web", "full"}) {
        expectSameSettings(exportPreset(name), legacyPreset(name), name);
        const ExportPresetFile f = loadExportPresetFile((kShipped / (name + ".json")).string());
        EXPECT_EQ(f.name, name);
        EXPECT_FALSE(f.description.empty());
        // The file written back from its settings reads as the same settings.
        const fs::path copy = home_.path() / (name + ".json");
        write(copy, exportPresetFileText(f));
        expectSameSettings(loadExportPresetFile(copy.string()).settings, f.settings,
                           name + " rewritten");
    }
    const ExportPresetList list = loadExportPresets(defaultExportPresetDirs());
    EXPECT_TRUE(list.errors.empty());
    ASSERT_EQ(list.presets.size(), 4u);
    EXPECT_EQ(list.presets[0].label, "Web");
    EXPECT_EQ(list.presets[1].label, "Full size");
    EXPECT_EQ(list.presets[2].label, "Web (AVIF)");
    EXPECT_EQ(list.presets[3].label, "Web (WebP)");
    try {
        exportPreset("print");
        FAIL() << "accepted";
    } catch (const Error& e) {
        EXPECT_STREQ(e.what(), "unknown preset 'print' (presets: full, web, web-avif, web-webp)");
    }
}

// The AVIF and WebP web presets are the web preset in another format: the same size,
// sharpening, colour and metadata policy, and the same quality, which means the same look.
TEST_F(ShippedPresets, WebAvifAndWebWebpAreTheWebPresetInAnotherFormat) {
    for (const auto& [name, format] :
         {std::pair<std::string, FileFormat>{"web-avif", FileFormat::Avif},
          {"web-webp", FileFormat::WebP}}) {
        const ExportSettings s = exportPreset(name);
        EXPECT_EQ(s.encode.format, format) << name;
        ExportSettings web = exportPreset("web");
        web.encode.format = format;
        web.encode.progressive = false;  // a JPEG option
        expectSameSettings(s, web, name);
        EXPECT_EQ(loadExportPresetFile((kShipped / (name + ".json")).string()).name, name);
    }
}

TEST(FileFormats, NamesExtensionsDepthsAndTheQualityScale) {
    EXPECT_EQ(fileFormatFromString("webp"), FileFormat::WebP);
    EXPECT_EQ(fileFormatFromString("AVIF"), FileFormat::Avif);
    EXPECT_EQ(fileFormatFromString("jpeg-xl"), FileFormat::Jxl);
    EXPECT_STREQ(fileExtension(FileFormat::WebP), "webp");
    EXPECT_STREQ(fileExtension(FileFormat::Avif), "avif");
    EXPECT_STREQ(fileExtension(FileFormat::Jxl), "jxl");
    EXPECT_EQ(bitDepthsFor(FileFormat::WebP), (std::vector<int>{8}));
    EXPECT_EQ(bitDepthsFor(FileFormat::Avif), (std::vector<int>{8, 10, 12}));
    EXPECT_EQ(bitDepthsFor(FileFormat::Jxl), (std::vector<int>{8, 10, 12, 16}));
    EXPECT_TRUE(embedsMetadata(FileFormat::Jxl));
    EXPECT_FALSE(embedsMetadata(FileFormat::Jpeg));
    // Higher quality: a higher WebP quality, a finer AVIF quantizer, a smaller JPEG XL
    // distance, never the other way; between the table's rows, in between.
    for (int q = 2; q <= 100; ++q) {
        EXPECT_GE(encoderSettingFor(FileFormat::WebP, q),
                  encoderSettingFor(FileFormat::WebP, q - 1));
        EXPECT_LE(encoderSettingFor(FileFormat::Avif, q),
                  encoderSettingFor(FileFormat::Avif, q - 1));
        EXPECT_LE(encoderSettingFor(FileFormat::Jxl, q), encoderSettingFor(FileFormat::Jxl, q - 1));
    }
    EXPECT_GT(encoderSettingFor(FileFormat::Jxl, 50), encoderSettingFor(FileFormat::Jxl, 95));
    EXPECT_GT(encoderSettingFor(FileFormat::Avif, 50), encoderSettingFor(FileFormat::Avif, 95));
    EXPECT_EQ(encoderSettingFor(FileFormat::Jpeg, 85), 85);
    for (FileFormat f : {FileFormat::WebP, FileFormat::Avif, FileFormat::Jxl}) {
        const double a = encoderSettingFor(f, 80), b = encoderSettingFor(f, 85),
                     mid = encoderSettingFor(f, 82);
        EXPECT_GE(mid, std::min(a, b));
        EXPECT_LE(mid, std::max(a, b));
    }
}

TEST_F(ShippedPresets, TheUsersFolderAddsAndOverridesPresets) {
    const fs::path user = home_.path() / "rangefinder" / "export-presets";
    write(user / "web.json", presetText(R"("quality": 60)", R"("label": "My web", )"));
    write(user / "print.json", presetText(R"("size": "original", "format": "tiff")"));
    EXPECT_EQ(exportPreset("web").encode.quality, 60);
    EXPECT_EQ(exportPreset("web").render.size.mode, SizeMode::Original)
        << "a preset file starts from the schema's defaults, not from another preset";
    EXPECT_EQ(exportPreset("print").encode.format, FileFormat::Tiff);
    const ExportPresetList list = loadExportPresets(defaultExportPresetDirs());
    ASSERT_EQ(list.presets.size(), 5u);
    EXPECT_EQ(list.presets[0].name, "full");
    EXPECT_EQ(list.presets[1].name, "web-avif");
    EXPECT_EQ(list.presets[2].name, "web-webp");
    EXPECT_EQ(list.presets[3].name, "print");
    EXPECT_EQ(list.presets[4].label, "My web");
}

TEST(ExportPresetFiles, BrokenFilesAreRefusedNamingTheFileAndTheKey) {
    test::TempDir dir("export-presets-broken");
    const auto refusal = [&](const std::string& name, const std::string& text) {
        const fs::path p = dir.path() / (name + ".json");
        write(p, text);
        try {
            loadExportPresetFile(p.string());
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), p.string());
            return std::string(e.what()).substr(p.string().size() + 2);
        }
        return std::string("accepted");
    };
    EXPECT_EQ(refusal("q", presetText(R"("quality": 101)")),
              "settings.quality: '101' is not a whole number from 1 to 100");
    EXPECT_EQ(refusal("c", presetText(R"("colorSpace": "prophoto")")),
              "settings.colorSpace: 'prophoto' is not one of srgb, display-p3 or adobe-rgb");
    EXPECT_EQ(refusal("b", presetText(R"("progressive": "sometimes")")),
              "settings.progressive: 'sometimes' is not true or false");
    EXPECT_EQ(refusal("a", presetText(R"("quality": [85])")).rfind("settings.quality: [85]", 0),
              0u);
    EXPECT_EQ(
        refusal("u", presetText(R"("qualty": 85)")).rfind("settings.qualty: unknown setting", 0),
        0u);
    EXPECT_EQ(refusal("t", presetText("", R"("colour": "red", )")).rfind("colour: unknown key", 0),
              0u);
    EXPECT_EQ(refusal("f", R"({"version": 1, "settings": {}})"),
              "format: missing (\"rangefinder-export-preset\")");
    EXPECT_NE(refusal("l", R"({"format": "rangefinder-look"})").find("not a Rangefinder export"),
              std::string::npos);
    EXPECT_EQ(refusal("v", R"({"format": "rangefinder-export-preset", "version": 2})")
                  .rfind("version: 2 is newer", 0),
              0u);
    EXPECT_EQ(refusal("j", R"({"format": )").rfind("not valid JSON", 0), 0u);
    EXPECT_EQ(refusal("s", R"({"format": "rangefinder-export-preset", "settings": 3})"),
              "settings: must be a JSON object of settings");

    // A broken file does not hide the others; it is listed with its problem.
    write(dir.path() / "good.json", presetText(R"("quality": 70)"));
    const ExportPresetList list = loadExportPresets({dir.str()});
    // good.json, and the compiled-in web and full (no file of theirs here).
    std::vector<std::string> names;
    for (const auto& p : list.presets) names.push_back(p.name);
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"full", "good", "web", "web-avif", "web-webp"}));
    EXPECT_FALSE(list.errors.empty());
    EXPECT_EQ(findExportPreset("good", {dir.str()}).settings.encode.quality, 70);
    EXPECT_THROW(findExportPreset("q", {dir.str()}), Error);
}
