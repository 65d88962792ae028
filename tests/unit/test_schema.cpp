// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <filesystem>

#include "rangefinder/error.h"
#include "rangefinder/params.h"

using namespace rf;

TEST(Schema, EveryDeclarationIsWellFormed) {
    std::set<std::string> keys;
    for (const auto& d : schema()) {
        EXPECT_TRUE(keys.insert(d.key).second) << "duplicate key " << d.key;
        EXPECT_NE(d.key.find('.'), std::string::npos) << d.key;
        EXPECT_FALSE(d.label.empty()) << d.key;
        if (d.type == ParamType::Float || d.type == ParamType::Int) {
            EXPECT_LE(d.minValue, d.defaultValue) << d.key;
            EXPECT_GE(d.maxValue, d.defaultValue) << d.key;
        }
        if (d.type == ParamType::Choice) {
            EXPECT_NE(std::find(d.choices.begin(), d.choices.end(), d.defaultText), d.choices.end())
                << d.key;
        }
    }
}

TEST(EditDocument, DefaultsFillWhatIsMissing) {
    EditDocument doc;
    EXPECT_DOUBLE_EQ(doc.getFloat("exposure.ev"), 0.0);
    EXPECT_DOUBLE_EQ(doc.getFloat("crop.right"), 1.0);
    EXPECT_EQ(doc.getText("wb.mode"), "as_shot");
    EXPECT_FALSE(doc.getBool("geometry.flip_h"));
    EXPECT_TRUE(doc.keys().empty());
}

TEST(EditDocument, SetValidatesAgainstTheSchema) {
    EditDocument doc;
    doc.setAssignment("exposure.ev=1.5");
    EXPECT_DOUBLE_EQ(doc.getFloat("exposure.ev"), 1.5);
    doc.setAssignment("wb.mode=daylight");
    EXPECT_EQ(doc.getText("wb.mode"), "daylight");
    doc.setAssignment("geometry.flip_h=true");
    EXPECT_TRUE(doc.getBool("geometry.flip_h"));
    EXPECT_THROW(doc.setAssignment("exposure.ev=9"), Error);
    EXPECT_THROW(doc.setAssignment("exposure.ev=bright"), Error);
    EXPECT_THROW(doc.setAssignment("wb.mode=moonlight"), Error);
    EXPECT_THROW(doc.setAssignment("no.such=1"), Error);
    EXPECT_THROW(doc.setAssignment("geometry.rotate=45"), Error);
    EXPECT_THROW(doc.setAssignment("novalue"), Error);
    try {
        doc.setAssignment("exposure.ev=9");
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("-5"), std::string::npos) << e.what();
    }
}

TEST(EditDocument, JsonRoundTripKeepsUnknownKeys) {
    const std::string text = R"({
        "format": "rangefinder-edit", "version": 1,
        "history": [{"step": 1}],
        "params": {"exposure.ev": 0.7, "wb.mode": "shade", "geometry.flip_v": true,
                   "future.param": {"a": [1, 2]}, "geometry.rotate": 90}
    })";
    const EditDocument doc = EditDocument::fromJson(text, "t.json");
    EXPECT_DOUBLE_EQ(doc.getFloat("exposure.ev"), 0.7);
    EXPECT_EQ(doc.getInt("geometry.rotate"), 90);
    EXPECT_TRUE(doc.isSet("future.param"));
    const EditDocument again = EditDocument::fromJson(doc.toJson(), "again");
    EXPECT_EQ(doc, again);
    EXPECT_NE(again.toJson().find("future.param"), std::string::npos);
    EXPECT_NE(again.toJson().find("history"), std::string::npos);
}

TEST(EditDocument, MalformedDocumentsNameTheSourceAndProblem) {
    auto expectError = [](const std::string& text, const std::string& needle) {
        try {
            EditDocument::fromJson(text, "bad.json");
            ADD_FAILURE() << "accepted: " << text;
        } catch (const Error& e) {
            const std::string msg = e.what();
            EXPECT_NE(msg.find("bad.json"), std::string::npos) << msg;
            EXPECT_NE(msg.find(needle), std::string::npos) << msg;
        }
    };
    expectError("{", "JSON");
    expectError("[1,2]", "object");
    expectError(R"({"format":"other"})", "format");
    expectError(R"({"params":{"exposure.ev":"loud"}})", "exposure.ev");
    expectError(R"({"params":{"exposure.ev":42}})", "exposure.ev");
    expectError(R"({"params":{"wb.mode":"moon"}})", "wb.mode");
}

TEST(EditDocument, MergeAndGroupsAndHash) {
    EditDocument base, look;
    base.setFloat("exposure.ev", 1);
    base.setText("wb.mode", "cloudy");
    look.setFloat("tone.contrast", 30);
    look.setFloat("exposure.ev", -1);
    const auto h0 = base.hash({ParamGroup::WhiteBalance});
    const auto t0 = base.hash({ParamGroup::Tone});
    base.merge(look);
    EXPECT_DOUBLE_EQ(base.getFloat("exposure.ev"), -1);
    EXPECT_DOUBLE_EQ(base.getFloat("tone.contrast"), 30);
    EXPECT_EQ(base.hash({ParamGroup::WhiteBalance}), h0) << "unrelated group hash changed";
    EXPECT_NE(base.hash({ParamGroup::Tone}), t0);

    EditDocument dst;
    dst.mergeGroups(base, {ParamGroup::Tone});
    EXPECT_TRUE(dst.isSet("exposure.ev"));
    EXPECT_FALSE(dst.isSet("wb.mode"));
    base.resetGroup(ParamGroup::Tone);
    EXPECT_FALSE(base.isSet("exposure.ev"));
    EXPECT_TRUE(base.isSet("wb.mode"));
    // An explicitly set default hashes like an unset one: the effective value is what counts.
    EditDocument a, b;
    a.setFloat("exposure.ev", 0);
    EXPECT_EQ(a.hash(), b.hash());
}

TEST(EditDocument, SavesAtomicallyAndLoads) {
    const auto dir = std::filesystem::temp_directory_path() / "rf_schema_test";
    std::filesystem::create_directories(dir);
    const auto path = (dir / "doc.json").string();
    EditDocument doc;
    doc.setFloat("tone.shadows", 25);
    doc.saveFile(path);
    EXPECT_EQ(EditDocument::loadFile(path), doc);
    for (const auto& e : std::filesystem::directory_iterator(dir))
        EXPECT_EQ(e.path().filename().string().find(".rf-tmp"), std::string::npos);
    EXPECT_THROW(EditDocument::loadFile((dir / "missing.json").string()), Error);
    EXPECT_THROW(doc.saveFile("/proc/no/such/dir/doc.json"), Error);
    std::filesystem::remove_all(dir);
}
