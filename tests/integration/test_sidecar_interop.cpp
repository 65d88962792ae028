// SPDX-License-Identifier: GPL-3.0-or-later
// Our sidecars against an independent XMP implementation: exiftool writes sidecars that we
// read, reads the ones we write, and reads back every property we do not own — crs:, darktable:,
// exif: — before and after our save, value for value. The raw is never modified.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "rangefinder/error.h"
#include "rangefinder/sidecar.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using rf::test::haveExiftool;

#define RF_REQUIRE_EXIFTOOL() \
    if (!haveExiftool()) GTEST_SKIP() << "exiftool is not installed"

std::string q(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

void exiftool(const std::string& args) {
    std::string out;
    ASSERT_EQ(rf::test::runCommand("exiftool " + args, out), 0) << args << "\n" << out;
}

// Every XMP property of a file as exiftool sees it: group-qualified names, structures kept,
// values unconverted.
json readXmp(const std::string& file) {
    std::string out;
    const int rc = rf::test::runCommand("exiftool -j -G1 -struct -n -XMP:all " + q(file), out);
    EXPECT_EQ(rc, 0) << out;
    const json j = json::parse(out, nullptr, false);
    if (!j.is_array() || j.empty()) {
        ADD_FAILURE() << "exiftool output is not JSON: " << out;
        return json::object();
    }
    return j[0];
}

// What belongs to other tools: everything except the properties we own and exiftool's own
// bookkeeping. A lang-alt whose only value is empty (exiftool copies an empty EXIF
// UserComment that way) carries no text, and Exiv2 0.27 does not write empty lang-alt
// entries, so empty strings are compared as absent — a documented limitation.
json foreignOnly(json j) {
    for (auto it = j.begin(); it != j.end();) {
        const std::string k = it.key();
        const bool ours = k == "SourceFile" || k == "XMP-x:XMPToolkit" ||
                          k.rfind("XMP-rangefinder:", 0) == 0 || k == "XMP-xmp:Rating" ||
                          k == "XMP-xmp:Label" || k.rfind("XMP-dc:", 0) == 0;
        const bool empty = it.value().is_string() && it.value().get<std::string>().empty();
        it = ours || empty ? j.erase(it) : std::next(it);
    }
    return j;
}

std::string fakeRaw(const rf::test::TempDir& dir, const std::string& name = "IMG_0042.CR2") {
    const std::string raw = dir.str(name);
    rf::test::writeFile(raw, "dummy raw bytes");
    return raw;
}

}  // namespace

TEST(SidecarInterop, ExiftoolWrittenSidecarIsRead) {
    RF_REQUIRE_EXIFTOOL();
    rf::test::TempDir dir("sidecar-interop");
    const std::string raw = fakeRaw(dir);
    exiftool("-q -o " + q(raw + ".xmp") +
             " -XMP:Rating=4 -XMP:Label=Red -XMP-dc:Title='Old pier' "
             "-XMP-dc:Description='Fog at dawn' -XMP-dc:Subject=pier -XMP-dc:Subject=fog "
             "-XMP-dc:Creator='Jane Doe' -XMP-dc:Rights='CC BY 4.0'");
    const rf::Sidecar s = rf::loadSidecar(raw);
    EXPECT_EQ(s.path, raw + ".xmp");
    EXPECT_EQ(s.info.rating, 4);
    EXPECT_EQ(s.info.label, "Red");
    EXPECT_EQ(s.info.title, "Old pier");
    EXPECT_EQ(s.info.description, "Fog at dawn");
    EXPECT_EQ(s.info.keywords, (std::vector<std::string>{"pier", "fog"}));
    EXPECT_EQ(s.info.creator, "Jane Doe");
    EXPECT_EQ(s.info.rights, "CC BY 4.0");
    EXPECT_TRUE(s.edits.keys().empty());
}

TEST(SidecarInterop, OurSidecarIsReadByExiftool) {
    RF_REQUIRE_EXIFTOOL();
    rf::test::TempDir dir("sidecar-interop");
    const std::string raw = fakeRaw(dir);
    rf::Sidecar s;
    s.info.rating = 5;
    s.info.label = "Blue";
    s.info.title = "Tide & wind";
    s.info.description = "Low tide";
    s.info.keywords = {"beach", "wind"};
    s.info.creator = "Jane Doe";
    s.info.rights = "All rights reserved";
    s.edits.setFloat("exposure.ev", 0.75);
    s.edits.setText("wb.mode", "cloudy");
    rf::saveSidecar(raw, s);

    const json x = readXmp(raw + ".xmp");
    EXPECT_EQ(x.value("XMP-xmp:Rating", json()), 5) << x.dump(1);
    EXPECT_EQ(x.value("XMP-xmp:Label", json()), "Blue");
    EXPECT_EQ(x.value("XMP-dc:Title", json()), "Tide & wind");
    EXPECT_EQ(x.value("XMP-dc:Description", json()), "Low tide");
    EXPECT_EQ(x.value("XMP-dc:Subject", json()), json::array({"beach", "wind"}));
    EXPECT_EQ(x.value("XMP-dc:Creator", json()), json::array({"Jane Doe"}));
    EXPECT_EQ(x.value("XMP-dc:Rights", json()), "All rights reserved");
    EXPECT_EQ(x.value("XMP-rangefinder:Version", json()), rf::kSidecarFormatVersion);
    // The edit document is readable by key from outside.
    const json params = x.value("XMP-rangefinder:Params", json::array());
    ASSERT_TRUE(params.is_array()) << x.dump(1);
    // Values are JSON literals: a number as is, a string in quotes.
    std::map<std::string, json> byKey;
    for (const auto& p : params) byKey[p.value("Key", "")] = p.value("Value", json());
    EXPECT_EQ(byKey.size(), 2u) << x.dump(1);
    EXPECT_EQ(byKey["exposure.ev"], 0.75) << x.dump(1);
    EXPECT_EQ(byKey["wb.mode"], "\"cloudy\"") << x.dump(1);
}

TEST(SidecarInterop, ForeignCrsAndDarktablePropertiesSurviveOurSave) {
    RF_REQUIRE_EXIFTOOL();
    rf::test::TempDir dir("sidecar-interop");
    const std::string raw = fakeRaw(dir);
    const std::string side = raw + ".xmp";
    // darktable's own layout: attributes and a seq of structs in its namespace.
    rf::test::writeFile(side, R"(<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:darktable="http://darktable.sf.net/"
    xmp:Rating="2"
    darktable:xmp_version="5" darktable:history_end="2">
   <darktable:history>
    <rdf:Seq>
     <rdf:li darktable:operation="exposure" darktable:enabled="1" darktable:params="0000c03f"/>
     <rdf:li darktable:operation="colorin" darktable:enabled="0" darktable:params="gz02eJxj"/>
    </rdf:Seq>
   </darktable:history>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
)");
    // Lightroom's settings added by exiftool, including an ordered list.
    exiftool(
        "-q -overwrite_original -XMP-crs:Exposure2012=+0.5 -XMP-crs:Contrast2012=+12 "
        "-XMP-crs:ToneCurvePV2012='0, 0' -XMP-crs:ToneCurvePV2012='128, 140' "
        "-XMP-crs:ToneCurvePV2012='255, 255' -XMP-dc:Subject=kept " +
        q(side));
    const json before = readXmp(side);
    ASSERT_TRUE(before.contains("XMP-crs:Exposure2012")) << before.dump(1);
    ASSERT_TRUE(before.contains("XMP-darktable:History")) << before.dump(1);

    rf::Sidecar s = rf::loadSidecar(raw);
    EXPECT_EQ(s.info.rating, 2);
    EXPECT_EQ(s.info.keywords, std::vector<std::string>{"kept"});
    s.info.rating = 4;
    s.info.keywords.push_back("added");
    s.edits.setFloat("exposure.ev", 1.5);
    rf::saveSidecar(raw, s);

    const json after = readXmp(side);
    EXPECT_EQ(foreignOnly(after), foreignOnly(before)) << "before:\n"
                                                       << before.dump(1) << "\nafter:\n"
                                                       << after.dump(1);
    EXPECT_EQ(after.value("XMP-crs:Exposure2012", json()), before["XMP-crs:Exposure2012"]);
    EXPECT_EQ(after.value("XMP-xmp:Rating", json()), 4);
    EXPECT_EQ(after.value("XMP-dc:Subject", json()), json::array({"kept", "added"}));
    EXPECT_DOUBLE_EQ(rf::loadSidecar(raw).edits.getFloat("exposure.ev"), 1.5);
}

TEST(SidecarInterop, EditsSurviveExiftoolEditingOurSidecar) {
    RF_REQUIRE_EXIFTOOL();
    rf::test::TempDir dir("sidecar-interop");
    const std::string raw = fakeRaw(dir);
    rf::Sidecar s;
    s.edits = rf::EditDocument::fromJson(
        R"({"version":2,"params":{"exposure.ev":-0.5,"geometry.flip_v":true,
            "future.grain":{"amount":0.2,"size":[1,2]}}})");
    s.info.rating = 1;
    rf::saveSidecar(raw, s);
    // Another tool changes the rating in our file: it rewrites the whole packet.
    exiftool("-q -overwrite_original -XMP:Rating=3 " + q(raw + ".xmp"));
    const rf::Sidecar back = rf::loadSidecar(raw);
    EXPECT_EQ(back.info.rating, 3);
    EXPECT_EQ(back.edits, s.edits) << back.edits.toJson();
    const auto keys = back.edits.keys();
    EXPECT_NE(std::find(keys.begin(), keys.end(), "future.grain"), keys.end());
}

TEST(SidecarInterop, RejectedRoundTrip) {
    RF_REQUIRE_EXIFTOOL();
    rf::test::TempDir dir("sidecar-interop");
    const std::string a = fakeRaw(dir, "A.NEF");
    exiftool("-q -o " + q(a + ".xmp") + " -XMP:Rating=-1");
    EXPECT_EQ(rf::loadSidecar(a).info.rating, -1);

    const std::string b = fakeRaw(dir, "B.NEF");
    rf::Sidecar s;
    s.info.rating = -1;
    rf::saveSidecar(b, s);
    EXPECT_EQ(readXmp(b + ".xmp").value("XMP-xmp:Rating", json()), -1);
    EXPECT_EQ(rf::loadSidecar(b).info.rating, -1);
}

TEST(SidecarInterop, LightroomNamedSidecarIsRead) {
    RF_REQUIRE_EXIFTOOL();
    rf::test::TempDir dir("sidecar-interop");
    const std::string raw = fakeRaw(dir, "DSC_0007.NEF");
    exiftool("-q -o " + q(dir.str("DSC_0007.xmp")) +
             " -XMP:Rating=3 -XMP:Label=Yellow -XMP-crs:Exposure2012=-0.3");
    const rf::Sidecar s = rf::loadSidecar(raw);
    EXPECT_EQ(s.path, dir.str("DSC_0007.xmp"));
    EXPECT_EQ(s.info.rating, 3);
    EXPECT_EQ(s.info.label, "Yellow");
    // Saving in Lightroom's naming keeps Lightroom's settings.
    rf::saveSidecar(raw, s, rf::SidecarNaming::BaseNameXmp);
    EXPECT_EQ(readXmp(dir.str("DSC_0007.xmp")).value("XMP-crs:Exposure2012", json()), -0.3);
}

TEST(SidecarInterop, MalformedSidecarIsNamedAndQuarantinedIntact) {
    RF_REQUIRE_EXIFTOOL();
    rf::test::TempDir dir("sidecar-interop");
    const std::string raw = fakeRaw(dir);
    const std::string side = raw + ".xmp";
    exiftool("-q -o " + q(side) + " -XMP:Rating=4");
    std::string text = rf::test::readFile(side);
    text.resize(text.size() / 2);  // a truncated write by some other program
    rf::test::writeFile(side, text);
    try {
        rf::loadSidecar(raw);
        FAIL() << "a truncated sidecar must throw";
    } catch (const rf::Error& e) {
        EXPECT_EQ(e.file(), side) << e.what();
    }
    const std::string moved = rf::quarantineSidecar(side);
    EXPECT_EQ(rf::test::readFile(moved), text);
    EXPECT_FALSE(fs::exists(side));
    EXPECT_TRUE(rf::loadSidecar(raw).path.empty());
}

TEST(SidecarInterop, UnwritableFolderKeepsTheOldSidecar) {
    RF_REQUIRE_EXIFTOOL();
    rf::test::TempDir dir("sidecar-interop");
    const std::string raw = fakeRaw(dir);
    exiftool("-q -o " + q(raw + ".xmp") + " -XMP:Rating=2");
    const std::string before = rf::test::readFile(raw + ".xmp");
    rf::Sidecar s;
    s.info.rating = 5;
    // The "folder" is the raw file itself: nothing can be created below it.
    EXPECT_THROW(rf::saveSidecar(raw + "/IMG_0042.CR2", s), rf::Error);
    EXPECT_EQ(rf::test::readFile(raw + ".xmp"), before);
    EXPECT_EQ(rf::loadSidecar(raw).info.rating, 2);
}

TEST(SidecarInterop, RealRawMetadataSidecarIsPreservedAndRawUntouched) {
    RF_REQUIRE_TESTDATA("raw");
    RF_REQUIRE_EXIFTOOL();
    const fs::path src = rf::test::testdata() / "raw" / "canon-eos30d.CR2";
    if (!fs::exists(src)) GTEST_SKIP() << src << " is absent";
    rf::test::TempDir dir("sidecar-interop");
    const std::string raw = dir.str("canon-eos30d.CR2");
    fs::copy_file(src, raw);
    std::string sumBefore, sumAfter;
    ASSERT_EQ(rf::test::runCommand("sha256sum < " + q(raw), sumBefore), 0);

    // A sidecar as a DAM creates it from the raw: exif:, aux:, tiff:, crs: and structures.
    exiftool("-q -tagsfromfile " + q(raw) + " -o " + q(raw + ".xmp"));
    const json before = readXmp(raw + ".xmp");
    ASSERT_GT(before.size(), 10u) << before.dump(1);

    rf::Sidecar s = rf::loadSidecar(raw);
    s.info.rating = 3;
    s.info.title = "Test frame";
    s.edits.setFloat("exposure.ev", 0.25);
    rf::saveSidecar(raw, s);
    const json after = readXmp(raw + ".xmp");
    EXPECT_EQ(foreignOnly(after), foreignOnly(before)) << "before:\n"
                                                       << before.dump(1) << "\nafter:\n"
                                                       << after.dump(1);
    EXPECT_EQ(after.value("XMP-xmp:Rating", json()), 3);
    EXPECT_EQ(after.value("XMP-dc:Title", json()), "Test frame");

    (void)rf::loadSidecar(raw);
    ASSERT_EQ(rf::test::runCommand("sha256sum < " + q(raw), sumAfter), 0);
    EXPECT_EQ(sumAfter, sumBefore);
    EXPECT_EQ(fs::file_size(raw), fs::file_size(src));
}

// The edit history is named, readable data for other tools too: exiftool parses the sidecar
// and sees each step's label, time and per-key before/after values; other tools' properties
// are still preserved by a save that writes a history.
TEST(SidecarInterop, HistoryIsReadableByExiftoolAndForeignPropertiesSurvive) {
    RF_REQUIRE_EXIFTOOL();
    rf::test::TempDir dir("sidecar-interop");
    const std::string raw = fakeRaw(dir);
    const std::string side = raw + ".xmp";
    exiftool("-q -o " + q(side) + " -XMP-crs:Exposure2012=+0.5 -XMP-crs:Contrast2012=+12 " +
             "-XMP-dc:Subject=kept -XMP-xmp:Rating=2");
    const json before = readXmp(side);
    ASSERT_TRUE(before.contains("XMP-crs:Exposure2012")) << before.dump(1);

    rf::Sidecar s = rf::loadSidecar(raw);
    const rf::EditDocument d0 = s.edits;
    rf::EditDocument d1 = d0;
    d1.setFloat("exposure.ev", 0.5);
    d1.setText("wb.mode", "cloudy");
    rf::EditDocument d2 = d1;
    d2.reset("wb.mode");
    s.history.record(d0, d1, "Paste edits");
    s.history.record(d1, d2, "Reset white balance");
    s.edits = d2;
    ASSERT_TRUE(s.history.undo(s.edits));
    rf::saveSidecar(raw, s);

    const json after = readXmp(side);
    EXPECT_EQ(foreignOnly(after), foreignOnly(before)) << "before:\n"
                                                       << before.dump(1) << "\nafter:\n"
                                                       << after.dump(1);
    EXPECT_EQ(after.value("XMP-rangefinder:HistoryPosition", json()), 1) << after.dump(1);
    const json steps = after.value("XMP-rangefinder:History", json());
    ASSERT_TRUE(steps.is_array()) << after.dump(1);
    ASSERT_EQ(steps.size(), 2u) << after.dump(1);
    EXPECT_EQ(steps[0].value("Label", json()), "Paste edits");
    EXPECT_EQ(steps[1].value("Label", json()), "Reset white balance");
    // exiftool recognises the ISO 8601 time and prints it in its EXIF style.
    std::string exifTime = s.history.steps()[0].time;  // 2026-11-22T07:40:00Z
    std::replace(exifTime.begin(), exifTime.end(), '-', ':');
    std::replace(exifTime.begin(), exifTime.end(), 'T', ' ');
    EXPECT_EQ(steps[0].value("Time", json()), exifTime);
    // Changes by key; an unset side is absent. exiftool -n prints numeric text as a number.
    std::map<std::string, json> first, second;
    for (const auto& c : steps[0].value("Changes", json::array())) first[c.value("Key", "")] = c;
    for (const auto& c : steps[1].value("Changes", json::array())) second[c.value("Key", "")] = c;
    ASSERT_EQ(first.size(), 2u) << steps.dump(1);
    EXPECT_FALSE(first["exposure.ev"].contains("Before")) << steps.dump(1);
    EXPECT_EQ(first["exposure.ev"].value("After", json()), 0.5) << steps.dump(1);
    EXPECT_EQ(first["wb.mode"].value("After", json()), "\"cloudy\"") << steps.dump(1);
    ASSERT_EQ(second.size(), 1u) << steps.dump(1);
    EXPECT_EQ(second["wb.mode"].value("Before", json()), "\"cloudy\"") << steps.dump(1);
    EXPECT_FALSE(second["wb.mode"].contains("After")) << steps.dump(1);

    // exiftool editing an unrelated property leaves the history intact for us.
    exiftool("-q -overwrite_original -XMP-xmp:Label=Purple " + q(side));
    rf::Sidecar back = rf::loadSidecar(raw);
    EXPECT_EQ(back.info.label, "Purple");
    EXPECT_EQ(back.history, s.history);
    EXPECT_EQ(back.edits, d1);
    ASSERT_TRUE(back.history.redo(back.edits));
    EXPECT_EQ(back.edits, d2);
    ASSERT_TRUE(back.history.undo(back.edits));
    ASSERT_TRUE(back.history.undo(back.edits));
    EXPECT_EQ(back.edits, d0);
}
