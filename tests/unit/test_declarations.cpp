// SPDX-License-Identifier: GPL-3.0-or-later
// The stages' declaration tables are the only list of parameters: these tests enumerate them,
// so a parameter added tomorrow is checked the same way without touching this file. Each
// declared value reaches its stage's struct and its hash; a struct's defaults are the
// declared ones; a change re-runs exactly its cache level and those after it; documents
// written for older stage versions are migrated.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "rangefinder/error.h"
#include "rangefinder/params.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/sidecar.h"
#include "schema/stage_tables.h"
#include "support/test_support.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

// A valid value other than the default, for any declared parameter.
void setOtherValue(EditDocument& doc, const ParamDecl& d) {
    switch (d.type) {
        case ParamType::Float:
        case ParamType::Int: {
            const double step = d.type == ParamType::Int ? 90 : 0.1 * (d.maxValue - d.minValue);
            const double v =
                d.defaultValue + step <= d.maxValue ? d.defaultValue + step : d.defaultValue - step;
            doc.setFloat(d.key, v);
            break;
        }
        case ParamType::Bool:
            doc.setBool(d.key, d.defaultValue == 0);
            break;
        case ParamType::Choice:
            for (const std::string& c : d.choices)
                if (c != d.defaultText) {
                    doc.setText(d.key, c);
                    break;
                }
            break;
        case ParamType::Text:
            doc.setText(d.key, d.key == "look.tone.curve" ? "0,0 0.5,0.6 1,1"
                               : d.key == "look.lut.file" ? "identity.cube"
                                                          : "something");
            break;
    }
}

// Runs `check(table)` for each stage's table, whatever its params type.
template <class F>
void forEachTable(F check) {
    check(demosaicTable());
    check(highlightTable());
    check(whiteBalanceTable());
    check(toneTable());
    check(lensTable());
    check(geometryTable());
    check(denoiseTable());
    check(lookTable());
}

}  // namespace

TEST(Declarations, TheSchemaIsTheTablesInPipelineOrder) {
    std::size_t rows = 0;
    std::vector<std::string> names;
    forEachTable([&](const auto& table) {
        rows += table.rows().size();
        names.push_back(table.entry().info.name);
    });
    EXPECT_EQ(rows, schema().size());
    std::vector<std::string> listed;
    for (const StageInfo& s : stages()) listed.push_back(s.name);
    EXPECT_EQ(listed, names);
    for (const ParamDecl& d : schema()) {
        EXPECT_FALSE(d.stage.empty()) << d.key;
        EXPECT_EQ(findParam(d.key), &d) << d.key;
    }
}

TEST(Declarations, EveryStructDefaultIsTheDeclaredDefault) {
    forEachTable([](const auto& table) {
        using P = std::remove_cvref_t<decltype(table.read(EditDocument{}))>;
        EXPECT_EQ(table.hash(P{}), table.hash(P::from(EditDocument{})))
            << table.entry().info.name << ": a field's initialiser and its row disagree";
    });
}

TEST(Declarations, EveryParameterReachesItsStageAndItsHash) {
    forEachTable([](const auto& table) {
        const auto base = table.read(EditDocument{});
        for (const auto& row : table.rows()) {
            if (!row.read) continue;  // declared for the front ends only (tone.auto)
            EditDocument doc;
            setOtherValue(doc, row.decl);
            EXPECT_NE(table.hash(table.read(doc)), table.hash(base))
                << row.decl.key << " is not read into " << table.entry().info.name
                << "'s struct, or not hashed";
        }
    });
}

// A qualifier (a pivot, a tint's hue) shapes another value's effect and does nothing alone.
TEST(Declarations, QualifiersAloneLeaveAStageInactive) {
    EXPECT_FALSE(LookParams{}.hasColor());
    EditDocument pivotOnly;
    pivotOnly.setFloat("look.tone.pivot", 0.3);
    EXPECT_FALSE(LookParams::from(pivotOnly).hasColor()) << "a pivot without contrast is no look";
    EditDocument contrast = pivotOnly;
    contrast.setFloat("look.tone.contrast", 20);
    EXPECT_TRUE(LookParams::from(contrast).hasColor());
}

// The app lays a panel out by the rows' order, with a heading where the section changes: a
// section split by another's rows would show its heading twice.
TEST(Declarations, EachPanelsSectionsAreContiguousInOrder) {
    std::map<std::string, std::vector<const ParamDecl*>> panels;
    for (const ParamDecl& d : schema())
        if (!d.panel.empty()) panels[d.panel].push_back(&d);
    for (auto& [panel, rows] : panels) {
        std::stable_sort(rows.begin(), rows.end(), [](const ParamDecl* a, const ParamDecl* b) {
            return a->order < b->order;
        });
        std::set<std::string> closed;
        std::string current;
        for (const ParamDecl* d : rows) {
            if (d->section == current) continue;
            EXPECT_FALSE(closed.count(d->section))
                << panel << ": section '" << d->section << "' resumes at " << d->key;
            closed.insert(current);
            current = d->section;
        }
    }
}

TEST(Declarations, EveryScopeHoldsExactlyItsStagesKeys) {
    std::size_t total = 0;
    for (ParamScope scope :
         {ParamScope::Develop, ParamScope::Shape, ParamScope::Detail, ParamScope::Finish}) {
        for (const std::string& key : scopeKeys(scope)) EXPECT_EQ(findParam(key)->scope, scope);
        total += scopeKeys(scope).size();
    }
    EXPECT_EQ(total, schema().size());
}

// The cache test of issue 17: every declared parameter, changed alone, re-runs its stage's
// cache level and every later one, and no earlier one.
TEST(Declarations, AChangeReRunsItsCacheLevelAndThoseAfterIt) {
    test::TempDir dir("declarations-cache");
    {
        std::ofstream cube(dir.path() / "identity.cube");
        cube << "LUT_3D_SIZE 2\n";
        for (int b = 0; b < 2; ++b)
            for (int g = 0; g < 2; ++g)
                for (int r = 0; r < 2; ++r) cube << r << ' ' << g << ' ' << b << '\n';
    }
    auto raw = std::make_shared<RawImage>();
    raw->path = "memory.raw";
    raw->cfa = {0, 1, 1, 2};
    raw->cameraFromXYZ = inverse(xyzFromLinearSRGB());
    raw->hasColorMatrix = true;
    raw->info.width = 96;
    raw->info.height = 64;
    raw->mosaic.resize(96, 64, 1);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 96; ++x) raw->mosaic.at(x, y) = 0.05f + 0.4f * float(x + y) / 160;
    raw->asShotMultipliers = raw->daylightMultipliers = {2.f, 1.f, 1.5f};

    RenderOptions options;
    options.lookDirs = {dir.str()};
    // Full-size Bayer through the high-quality demosaic: white balance does not commute with
    // it, so every Develop parameter must re-develop.
    EditDocument base;
    base.setText("demosaic.method", "hq");
    for (const ParamDecl& d : schema()) {
        Pipeline pipeline(raw);
        EditDocument before = base;
        if (d.key == "demosaic.method") before.reset(d.key);
        EditDocument after = before;
        setOtherValue(after, d);
        if (d.key == "wb.temperature" || d.key == "wb.tint") {
            before.setText("wb.mode", "custom");
            after.setText("wb.mode", "custom");
        }
        pipeline.render(before, options);
        const Pipeline::Stats s0 = pipeline.stats();
        pipeline.render(after, options);
        const Pipeline::Stats s1 = pipeline.stats();
        const int developed = s1.developed + s1.demosaiced - s0.developed - s0.demosaiced;
        const int shaped = s1.geometry - s0.geometry;
        const int denoised = s1.denoised - s0.denoised;
        const int finished = s1.finished - s0.finished;
        EXPECT_EQ(finished, 1) << d.key;
        // Noise reduction is on by default, so every level before it re-runs it too (a
        // denoise strength set to 0 turns it off: nothing to run then).
        const bool denoising = !DenoiseParams::from(after).isIdentity();
        switch (d.scope) {
            case ParamScope::Develop:
                EXPECT_GE(developed, 1) << d.key;
                EXPECT_EQ(shaped, 1) << d.key;
                EXPECT_EQ(denoised, 1) << d.key;
                break;
            case ParamScope::Shape:
                EXPECT_EQ(developed, 0) << d.key;
                EXPECT_EQ(shaped, 1) << d.key;
                EXPECT_EQ(denoised, 1) << d.key;
                break;
            case ParamScope::Detail:
                EXPECT_EQ(developed, 0) << d.key;
                EXPECT_EQ(shaped, 0) << d.key;
                EXPECT_EQ(denoised, denoising ? 1 : 0) << d.key;
                break;
            case ParamScope::Finish:
                EXPECT_EQ(developed, 0) << d.key;
                EXPECT_EQ(shaped, 0) << d.key;
                EXPECT_EQ(denoised, 0) << d.key;
                break;
        }
    }
}

// ---- versions and migrations ---------------------------------------------------------------

TEST(Migrations, EveryStageHasOneMigrationPerVersionStep) {
    for (const decl::StageEntry* e : decl::stageEntries()) {
        EXPECT_EQ(e->migrations.size(), std::size_t(e->info.version - 1)) << e->info.name;
        for (const decl::Migration& m : e->migrations) EXPECT_FALSE(m.what.empty());
    }
}

TEST(Migrations, DocumentsRecordTheirStageVersions) {
    EditDocument doc;
    doc.setFloat("exposure.ev", 0.5);
    const std::string json = doc.toJson();
    for (const StageInfo& s : stages())
        EXPECT_NE(json.find('"' + s.name + "\": " + std::to_string(s.version)), std::string::npos)
            << json;
    EXPECT_EQ(EditDocument::fromJson(json), doc) << "a current document is not migrated";
}

TEST(Migrations, AVersionOneDocumentKeepsTheCurveItWasEditedWith) {
    // What Rangefinder 0.1 wrote: format version 1, no stage versions.
    const EditDocument standard = EditDocument::fromJson(
        R"({"format":"rangefinder-edit","version":1,"params":{"exposure.ev":0.5}})");
    EXPECT_EQ(standard.getText("tone.curve"), "legacy");
    EXPECT_DOUBLE_EQ(standard.getFloat("exposure.ev"), 0.5);
    const EditDocument linear = EditDocument::fromJson(
        R"({"format":"rangefinder-edit","version":1,"params":{"tone.curve":"linear"}})");
    EXPECT_EQ(linear.getText("tone.curve"), "linear");
    // No values, nothing edited: today's defaults.
    const EditDocument empty =
        EditDocument::fromJson(R"({"format":"rangefinder-edit","version":1,"params":{}})");
    EXPECT_FALSE(empty.isSet("tone.curve"));
    // Written by hand, without a version: taken as today's.
    const EditDocument hand = EditDocument::fromJson(R"({"params":{"exposure.ev":0.5}})");
    EXPECT_FALSE(hand.isSet("tone.curve"));
    // Stage versions stated: tone 1 is migrated, the rest is as written.
    const EditDocument stated = EditDocument::fromJson(
        R"({"version":2,"stages":{"tone":1},"params":{"tone.contrast":10}})");
    EXPECT_EQ(stated.getText("tone.curve"), "legacy");
    // Format 1 with stage versions: a newer Rangefinder's "stages" that 0.1 carried along while
    // it edited the values, which are 0.1's.
    const EditDocument carried = EditDocument::fromJson(
        R"({"version":1,"stages":{"tone":2},"params":{"tone.contrast":10}})");
    EXPECT_EQ(carried.getText("tone.curve"), "legacy");
}

TEST(Migrations, ALegacyCurveRendersAsTheFirstStandardCurveDid) {
    // The first standard curve: c·x^1.35 / (1 + (c·x^1.35)^k)^(1/k), f(0.18) = 0.19, f(1) = 0.95.
    ToneParams p;
    p.curve = ToneCurve::Legacy;
    p.placementEv = 1;  // a fact of the raw the legacy curve ignores, as the first one did
    EXPECT_NEAR(toneCurveValue(p, 0.18f), 0.19f, 2e-4);
    EXPECT_NEAR(toneCurveValue(p, 1.0f), 0.95f, 2e-4);
    ToneParams now;
    now.placementEv = 1;
    EXPECT_GT(toneCurveValue(now, 0.18f), toneCurveValue(p, 0.18f) + 0.05f)
        << "today's standard curve places the exposure one stop up";
}

TEST(Migrations, ADocumentFromANewerReleaseIsRefused) {
    try {
        EditDocument::fromJson(R"({"version":2,"stages":{"tone":99},"params":{}})", "new.json");
        FAIL() << "accepted";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("new.json"), std::string::npos) << what;
        EXPECT_NE(what.find("newer"), std::string::npos) << what;
    }
    EXPECT_THROW(EditDocument::fromJson(R"({"stages":{"tone":"two"}})"), Error);
    EXPECT_THROW(EditDocument::fromJson(R"({"stages":[2]})"), Error);
}

// The edit history is migrated with the document it belongs to: undo and redo restore values
// in today's meaning (a 0.1 photo's "standard" is today's "legacy").
TEST(Migrations, TheHistoryOfAVersionOneSidecarIsMigratedToo) {
    test::TempDir dir("migrations-history");
    const std::string raw = dir.str("photo.CR2");
    test::writeFile(raw, "not read");
    EditDocument none, linear;
    none.setFloat("tone.contrast", 10);
    linear = none;
    linear.setText("tone.curve", "linear");
    Sidecar s;
    s.edits = none;
    s.history.record(none, linear, "Base curve: Linear");
    s.history.record(linear, none, "Base curve: Standard");
    saveSidecar(raw, s);
    // As 0.1 would have written it: rangefinder:Version 1 (a "stages" member is then ignored).
    std::string text = test::readFile(raw + ".xmp");
    const std::string v2 = "<rangefinder:Version>2</rangefinder:Version>";
    ASSERT_NE(text.find(v2), std::string::npos) << text;
    text.replace(text.find(v2), v2.size(), "<rangefinder:Version>1</rangefinder:Version>");
    test::writeFile(raw + ".xmp", text);

    Sidecar back = loadSidecar(raw);
    EXPECT_EQ(back.edits.getText("tone.curve"), "legacy");
    EditDocument doc = back.edits;
    ASSERT_TRUE(back.history.undo(doc));
    EXPECT_EQ(doc.getText("tone.curve"), "linear");
    ASSERT_TRUE(back.history.undo(doc));
    EXPECT_EQ(doc.getText("tone.curve"), "legacy") << "the first standard curve, not today's";
    ASSERT_TRUE(back.history.redo(doc));
    ASSERT_TRUE(back.history.redo(doc));
    EXPECT_EQ(doc.getText("tone.curve"), "legacy");
    // Values outside the migrated stages are untouched.
    EXPECT_EQ(EditDocument::migrateValue("exposure.ev", std::string("0.5"), {{"tone", 1}}),
              std::optional<std::string>("0.5"));
    EXPECT_EQ(EditDocument::migrateValue("tone.curve", std::nullopt, {{"tone", 1}}),
              std::optional<std::string>("\"legacy\""));
}
