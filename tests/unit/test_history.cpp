// SPDX-License-Identifier: GPL-3.0-or-later
// The edit history: undo and redo restore exact documents (a key that was unset before is
// unset again), a new change discards the redo list, equal documents record nothing, the JSON
// form round-trips and is validated, and the step limit keeps the position consistent.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "rangefinder/error.h"
#include "rangefinder/history.h"
#include "rangefinder/params.h"

namespace {

rf::EditDocument docWith(double ev) {
    rf::EditDocument d;
    d.setFloat("exposure.ev", ev);
    return d;
}

}  // namespace

TEST(EditDocumentValueJson, ReadsAndWritesLiterals) {
    rf::EditDocument d;
    EXPECT_FALSE(d.valueJson("exposure.ev").has_value());
    d.setFloat("exposure.ev", 0.5);
    d.setText("wb.mode", "daylight");
    EXPECT_EQ(d.valueJson("exposure.ev"), "0.5");
    EXPECT_EQ(d.valueJson("wb.mode"), "\"daylight\"");

    rf::EditDocument e;
    e.setValueJson("exposure.ev", "0.5");
    e.setValueJson("wb.mode", "\"daylight\"");
    e.setValueJson("future.key", "{\"a\":[1,2]}");
    EXPECT_EQ(e.valueJson("future.key"), "{\"a\":[1,2]}");
    e.setValueJson("future.key", std::nullopt);
    EXPECT_EQ(e, d);
    e.setValueJson("exposure.ev", std::nullopt);
    EXPECT_FALSE(e.isSet("exposure.ev"));

    EXPECT_THROW(e.setValueJson("exposure.ev", "99"), rf::Error);
    EXPECT_THROW(e.setValueJson("exposure.ev", "\"x\""), rf::Error);
    EXPECT_THROW(e.setValueJson("wb.mode", "\"purple\""), rf::Error);
    EXPECT_THROW(e.setValueJson("exposure.ev", "{bad"), rf::Error);
}

TEST(EditHistory, UndoRedoRestoreExactDocuments) {
    rf::EditDocument d0;  // nothing set
    d0.setText("wb.mode", "cloudy");
    rf::EditDocument d1 = d0;
    d1.setFloat("exposure.ev", 0.5);  // unset before
    rf::EditDocument d2 = d1;
    d2.setFloat("exposure.ev", -1.25);
    d2.reset("wb.mode");  // set before, unset after
    d2.setValueJson("future.key", "[1]");

    rf::EditHistory h;
    EXPECT_FALSE(h.canUndo());
    EXPECT_FALSE(h.canRedo());
    h.record(d0, d1, "Exposure +0.50 EV");
    h.record(d1, d2, "Paste edits");
    ASSERT_EQ(h.steps().size(), 2u);
    EXPECT_EQ(h.position(), 2u);
    EXPECT_EQ(h.steps()[0].label, "Exposure +0.50 EV");
    ASSERT_EQ(h.steps()[0].changes.size(), 1u);
    const auto& c = h.steps()[0].changes.at("exposure.ev");
    EXPECT_FALSE(c.before.has_value());
    EXPECT_EQ(c.after, "0.5");
    EXPECT_EQ(h.steps()[1].changes.size(), 3u);
    EXPECT_TRUE(
        std::regex_match(h.steps()[0].time, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
        << h.steps()[0].time;

    rf::EditDocument doc = d2;
    ASSERT_TRUE(h.undo(doc));
    EXPECT_EQ(doc, d1);
    ASSERT_TRUE(h.undo(doc));
    EXPECT_EQ(doc, d0);
    EXPECT_FALSE(doc.isSet("exposure.ev"));
    EXPECT_FALSE(h.canUndo());
    EXPECT_FALSE(h.undo(doc));
    EXPECT_EQ(doc, d0);

    ASSERT_TRUE(h.redo(doc));
    EXPECT_EQ(doc, d1);
    ASSERT_TRUE(h.redo(doc));
    EXPECT_EQ(doc, d2);
    EXPECT_FALSE(h.redo(doc));
    EXPECT_EQ(doc, d2);
}

TEST(EditHistory, NewChangeDiscardsRedoList) {
    rf::EditHistory h;
    rf::EditDocument doc = docWith(1);
    h.record(rf::EditDocument{}, doc, "a");
    h.record(doc, docWith(2), "b");
    doc = docWith(2);
    h.undo(doc);
    EXPECT_TRUE(h.canRedo());
    h.record(doc, docWith(3), "c");
    doc = docWith(3);
    EXPECT_FALSE(h.canRedo());
    ASSERT_EQ(h.steps().size(), 2u);
    EXPECT_EQ(h.steps()[1].label, "c");
    h.undo(doc);
    EXPECT_EQ(doc, docWith(1));
}

TEST(EditHistory, EqualDocumentsRecordNothing) {
    rf::EditHistory h;
    h.record(docWith(1), docWith(1), "nothing");
    h.record(rf::EditDocument{}, rf::EditDocument{}, "nothing");
    EXPECT_TRUE(h.steps().empty());
    EXPECT_EQ(h.position(), 0u);
    // Nor does it discard the redo list.
    rf::EditDocument doc = docWith(1);
    h.record(rf::EditDocument{}, doc, "a");
    h.undo(doc);
    h.record(doc, doc, "nothing");
    EXPECT_TRUE(h.canRedo());
}

TEST(EditHistory, StepReadFromJsonUndoesToTheUnsetState) {
    const auto h = rf::EditHistory::fromJson(
        R"({"position":1,"steps":[{"label":"x","time":"","changes":{"exposure.ev":{"after":1},
            "wb.mode":{"after":"daylight"}}}]})");
    rf::EditDocument doc = docWith(1);
    doc.setText("wb.mode", "daylight");
    auto copy = h;
    ASSERT_TRUE(copy.undo(doc));
    EXPECT_EQ(doc, rf::EditDocument{});
}

TEST(EditHistory, JsonRoundTrip) {
    rf::EditHistory h;
    rf::EditDocument a;
    rf::EditDocument b = docWith(0.75);
    b.setText("wb.mode", "shade");
    b.setValueJson("future.key", "{\"x\":true}");
    h.record(a, b, "Paste \"edits\" — ünïcode");
    rf::EditDocument c = b;
    c.reset("exposure.ev");
    h.record(b, c, "Reset exposure");
    h.undo(c);

    const std::string text = h.toJson();
    const rf::EditHistory back = rf::EditHistory::fromJson(text, "h.json");
    EXPECT_EQ(back, h);
    EXPECT_EQ(back.position(), 1u);
    EXPECT_EQ(back.toJson(), text);
    EXPECT_EQ(rf::EditHistory::fromJson("{}"), rf::EditHistory{});
}

TEST(EditHistory, MalformedJsonNamesTheSource) {
    const char* bad[] = {
        "not json",
        "[1]",
        R"({"steps":{}})",
        R"({"steps":[1]})",
        R"({"steps":[{"label":3,"changes":{}}]})",
        R"({"steps":[{"label":"x"}]})",
        R"({"steps":[{"changes":{"exposure.ev":5}}]})",
        R"({"steps":[{"changes":{"exposure.ev":{"after":99}}}]})",
        R"({"steps":[{"changes":{"wb.mode":{"before":"purple"}}}]})",
        R"({"position":2,"steps":[{"changes":{}}]})",
        R"({"position":-1,"steps":[]})",
        R"({"position":"1","steps":[]})",
    };
    for (const char* text : bad) {
        try {
            (void)rf::EditHistory::fromJson(text, "/photos/IMG_1.history.json");
            ADD_FAILURE() << "accepted: " << text;
        } catch (const rf::Error& e) {
            EXPECT_NE(std::string(e.what()).find("/photos/IMG_1.history.json"), std::string::npos)
                << e.what();
            EXPECT_EQ(e.file(), "/photos/IMG_1.history.json");
        }
    }
}

TEST(EditHistory, TrimmingToMaxStepsKeepsPositionConsistent) {
    const std::size_t n = rf::EditHistory::kMaxSteps + 7;
    rf::EditHistory h;
    rf::EditDocument doc;
    for (std::size_t i = 1; i <= n; ++i) {
        rf::EditDocument next = doc;
        next.setFloat("exposure.ev", -5.0 + 0.01 * double(i));
        h.record(doc, next, "step " + std::to_string(i));
        doc = next;
    }
    ASSERT_EQ(h.steps().size(), rf::EditHistory::kMaxSteps);
    EXPECT_EQ(h.position(), rf::EditHistory::kMaxSteps);
    EXPECT_EQ(h.steps().front().label, "step 8");
    EXPECT_EQ(h.steps().back().label, "step " + std::to_string(n));

    // Undo everything that is kept: the document is the one after step 7.
    std::size_t undone = 0;
    while (h.undo(doc)) ++undone;
    EXPECT_EQ(undone, rf::EditHistory::kMaxSteps);
    EXPECT_DOUBLE_EQ(doc.getFloat("exposure.ev"), -5.0 + 0.07);

    // A new change with the redo list full drops the redo list, not the step it makes.
    rf::EditDocument next = doc;
    next.setFloat("exposure.ev", 1);
    h.record(doc, next, "new");
    EXPECT_EQ(h.steps().size(), 1u);
    EXPECT_EQ(h.position(), 1u);

    // A file with too many steps is trimmed on reading, keeping position in range.
    std::string text = R"({"position":3,"steps":[)";
    for (std::size_t i = 0; i < n; ++i)
        text += std::string(i ? "," : "") + R"({"label":"s)" + std::to_string(i) +
                R"(","changes":{"exposure.ev":{"after":1}}})";
    text += "]}";
    const auto big = rf::EditHistory::fromJson(text);
    EXPECT_EQ(big.steps().size(), rf::EditHistory::kMaxSteps);
    EXPECT_EQ(big.position(), 0u);
    EXPECT_EQ(big.steps().front().label, "s3");
}
