// SPDX-License-Identifier: GPL-3.0-or-later
// XMP sidecars without external tools: naming and lookup, round trips of the edit document
// (unknown keys included) and of the photographer's metadata, preservation of properties we
// do not own, refusal to overwrite an unreadable sidecar, quarantine, and atomic failure.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "rangefinder/error.h"
#include "rangefinder/parallel.h"
#include "rangefinder/sidecar.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace {

std::string rawIn(const rf::test::TempDir& dir, const std::string& name = "IMG_0001.CR2") {
    const std::string raw = dir.str(name);
    rf::test::writeFile(raw, "not really a raw, sidecars never read it");
    return raw;
}

// A sidecar as another tool might leave it: a foreign namespace with a simple property, a
// seq of structs and a lang-alt title with two languages.
const char* kForeign = R"(<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmlns:darktable="http://darktable.sf.net/"
    xmp:Rating="3"
    xmp:Label="Green"
    crs:Exposure2012="+0.50"
    darktable:xmp_version="5">
   <darktable:history>
    <rdf:Seq>
     <rdf:li darktable:operation="exposure" darktable:enabled="1"/>
     <rdf:li darktable:operation="colorin" darktable:enabled="0"/>
    </rdf:Seq>
   </darktable:history>
   <dc:title>
    <rdf:Alt>
     <rdf:li xml:lang="x-default">Harbour</rdf:li>
     <rdf:li xml:lang="de-DE">Hafen</rdf:li>
    </rdf:Alt>
   </dc:title>
   <dc:creator>
    <rdf:Seq>
     <rdf:li>Ada</rdf:li>
     <rdf:li>Grace</rdf:li>
    </rdf:Seq>
   </dc:creator>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
)";

}  // namespace

TEST(Sidecar, NamingConventions) {
    EXPECT_EQ(rf::sidecarPath("/p/IMG_1.CR2"), "/p/IMG_1.CR2.xmp");
    EXPECT_EQ(rf::sidecarPath("/p/IMG_1.CR2", rf::SidecarNaming::BaseNameXmp), "/p/IMG_1.xmp");
}

TEST(Sidecar, MissingSidecarGivesDefaults) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    EXPECT_EQ(rf::findSidecar(raw), "");
    const rf::Sidecar s = rf::loadSidecar(raw);
    EXPECT_TRUE(s.path.empty());
    EXPECT_EQ(s.formatVersion, 0);
    EXPECT_TRUE(s.edits.keys().empty());
    EXPECT_EQ(s.info, rf::PhotoInfo{});
}

TEST(Sidecar, RoundTripEditsAndInfo) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::Sidecar s;
    s.edits.setFloat("exposure.ev", 1.25);
    s.edits.setText("wb.mode", "daylight");
    s.edits.setBool("geometry.flip_h", true);
    s.edits.setFloat("geometry.rotate", 90);
    s.info.rating = 4;
    s.info.label = "Red";
    s.info.title = "Dawn <over> \"the\" bay & more";
    s.info.description = "Line one\nline two, ünïcödé";
    s.info.keywords = {"sea", "boats", "morning light"};
    s.info.creator = "Jane Doe";
    s.info.rights = "© 2026 Jane Doe";
    rf::saveSidecar(raw, s);

    EXPECT_EQ(rf::findSidecar(raw), raw + ".xmp");
    const rf::Sidecar back = rf::loadSidecar(raw);
    EXPECT_EQ(back.path, raw + ".xmp");
    EXPECT_EQ(back.formatVersion, rf::kSidecarFormatVersion);
    EXPECT_EQ(back.edits, s.edits);
    EXPECT_DOUBLE_EQ(back.edits.getFloat("exposure.ev"), 1.25);
    EXPECT_EQ(back.edits.getText("wb.mode"), "daylight");
    EXPECT_TRUE(back.edits.getBool("geometry.flip_h"));
    EXPECT_EQ(back.edits.getInt("geometry.rotate"), 90);
    EXPECT_EQ(back.info, s.info);

    // Stored by parameter key in our namespace, not as one opaque blob.
    const std::string text = rf::test::readFile(raw + ".xmp");
    EXPECT_NE(text.find(rf::kSidecarNamespace), std::string::npos);
    EXPECT_NE(text.find("exposure.ev"), std::string::npos);
    EXPECT_NE(text.find("wb.mode"), std::string::npos);
}

TEST(Sidecar, UnknownKeysFromANewerVersionSurvive) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::EditDocument doc = rf::EditDocument::fromJson(
        R"({"format":"rangefinder-edit","version":3,"note":{"by":"v3"},
            "params":{"exposure.ev":0.5,"future.mask":{"kind":"radial","r":0.25},
                      "future.name":"x"}})");
    rf::Sidecar s;
    s.edits = doc;
    rf::saveSidecar(raw, s);
    rf::Sidecar back = rf::loadSidecar(raw);
    EXPECT_EQ(back.edits, doc);
    // A second save of what was read keeps them again.
    back.edits.setFloat("exposure.ev", -1);
    rf::saveSidecar(raw, back);
    const rf::Sidecar again = rf::loadSidecar(raw);
    const auto keys = again.edits.keys();
    EXPECT_NE(std::find(keys.begin(), keys.end(), "future.mask"), keys.end());
    EXPECT_NE(std::find(keys.begin(), keys.end(), "future.name"), keys.end());
    EXPECT_DOUBLE_EQ(again.edits.getFloat("exposure.ev"), -1);
    EXPECT_NE(again.edits.toJson().find("\"radial\""), std::string::npos);
    EXPECT_NE(again.edits.toJson().find("\"note\""), std::string::npos);
}

TEST(Sidecar, RejectedAndClearedFields) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::Sidecar s;
    s.info.rating = -1;
    s.info.label = "Purple";
    s.info.keywords = {"a"};
    s.edits.setFloat("exposure.ev", 2);
    rf::saveSidecar(raw, s);
    EXPECT_EQ(rf::loadSidecar(raw).info.rating, -1);

    // Clearing a field removes it; a reset edit disappears from the sidecar.
    s.info = rf::PhotoInfo{};
    s.edits.clear();
    rf::saveSidecar(raw, s);
    const rf::Sidecar back = rf::loadSidecar(raw);
    EXPECT_EQ(back.info, rf::PhotoInfo{});
    EXPECT_TRUE(back.edits.keys().empty());
    const std::string text = rf::test::readFile(raw + ".xmp");
    EXPECT_EQ(text.find("Purple"), std::string::npos);
    EXPECT_EQ(text.find("exposure.ev"), std::string::npos);
}

TEST(Sidecar, ForeignPropertiesArePreserved) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::test::writeFile(raw + ".xmp", kForeign);
    rf::Sidecar s = rf::loadSidecar(raw);
    EXPECT_EQ(s.info.rating, 3);
    EXPECT_EQ(s.info.label, "Green");
    EXPECT_EQ(s.info.title, "Harbour");
    EXPECT_EQ(s.info.creator, "Ada");
    EXPECT_EQ(s.formatVersion, 0);

    s.info.rating = 5;
    s.info.title = "Port";
    s.info.creator = "Ada L.";
    s.edits.setFloat("exposure.ev", 0.7);
    rf::saveSidecar(raw, s);

    const std::string text = rf::test::readFile(raw + ".xmp");
    EXPECT_NE(text.find("http://ns.adobe.com/camera-raw-settings/1.0/"), std::string::npos);
    EXPECT_NE(text.find("+0.50"), std::string::npos);
    EXPECT_NE(text.find("http://darktable.sf.net/"), std::string::npos);
    EXPECT_NE(text.find("colorin"), std::string::npos);
    EXPECT_NE(text.find("Hafen"), std::string::npos);  // other languages of dc:title stay
    EXPECT_NE(text.find("Grace"), std::string::npos);  // co-authors stay
    const rf::Sidecar back = rf::loadSidecar(raw);
    EXPECT_EQ(back.info.rating, 5);
    EXPECT_EQ(back.info.title, "Port");
    EXPECT_EQ(back.info.creator, "Ada L.");
    EXPECT_EQ(back.info.label, "Green");
}

TEST(Sidecar, LightroomNamedSidecarIsFoundAfterOurs) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    EXPECT_EQ(rf::sidecarNamingFor(raw, rf::SidecarNaming::BaseNameXmp),
              rf::SidecarNaming::BaseNameXmp);
    EXPECT_EQ(rf::sidecarNamingFor(raw), rf::SidecarNaming::RawExtXmp);
    rf::Sidecar lr;
    lr.info.rating = 2;
    rf::saveSidecar(raw, lr, rf::SidecarNaming::BaseNameXmp);
    EXPECT_EQ(rf::findSidecar(raw), dir.str("IMG_0001.xmp"));
    EXPECT_EQ(rf::sidecarNamingFor(raw), rf::SidecarNaming::BaseNameXmp) << "saves keep to it";
    EXPECT_EQ(rf::loadSidecar(raw).info.rating, 2);

    rf::Sidecar ours;
    ours.info.rating = 4;
    rf::saveSidecar(raw, ours);
    EXPECT_EQ(rf::findSidecar(raw), raw + ".xmp");
    EXPECT_EQ(rf::loadSidecar(raw).info.rating, 4);
    EXPECT_EQ(rf::loadSidecarFile(dir.str("IMG_0001.xmp")).info.rating, 2);
}

TEST(Sidecar, MalformedSidecarIsReportedNeverOverwrittenAndQuarantined) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    const std::string side = raw + ".xmp";
    const std::string bad =
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
        "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
        "rdf:about=\"\" <<broken";
    rf::test::writeFile(side, bad);
    try {
        rf::loadSidecar(raw);
        FAIL() << "a malformed sidecar must throw";
    } catch (const rf::Error& e) {
        EXPECT_EQ(e.file(), side);
        EXPECT_NE(std::string(e.what()).find("IMG_0001.CR2.xmp"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("parse"), std::string::npos) << e.what();
    }
    rf::Sidecar s;
    s.info.rating = 1;
    EXPECT_THROW(rf::saveSidecar(raw, s), rf::Error);
    EXPECT_EQ(rf::test::readFile(side), bad);

    const std::string moved = rf::quarantineSidecar(side);
    EXPECT_FALSE(fs::exists(side));
    EXPECT_EQ(moved.rfind(side + ".bad-", 0), 0u) << moved;
    EXPECT_EQ(rf::test::readFile(moved), bad);
    // A second quarantine in the same second gets its own name.
    rf::test::writeFile(side, "second");
    const std::string moved2 = rf::quarantineSidecar(side);
    EXPECT_NE(moved2, moved);
    EXPECT_EQ(rf::test::readFile(moved), bad);
    EXPECT_EQ(rf::test::readFile(moved2), "second");

    // With the bad file aside, a save starts afresh.
    rf::saveSidecar(raw, s);
    EXPECT_EQ(rf::loadSidecar(raw).info.rating, 1);
}

TEST(Sidecar, NonXmpFileIsAnError) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::test::writeFile(raw + ".xmp", "{\"json\": true}");
    EXPECT_THROW(rf::loadSidecar(raw), rf::Error);
}

TEST(Sidecar, InvalidParameterValueIsAnError) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::Sidecar s;
    s.edits.setFloat("exposure.ev", 1.375);
    rf::saveSidecar(raw, s);
    std::string text = rf::test::readFile(raw + ".xmp");
    const auto pos = text.find(">1.375<");
    ASSERT_NE(pos, std::string::npos) << text;
    text.replace(pos, 7, ">[oops<");
    rf::test::writeFile(raw + ".xmp", text);
    try {
        rf::loadSidecar(raw);
        FAIL() << "a malformed parameter value must throw";
    } catch (const rf::Error& e) {
        EXPECT_EQ(e.file(), raw + ".xmp");
        EXPECT_NE(std::string(e.what()).find("exposure.ev"), std::string::npos) << e.what();
    }
}

TEST(Sidecar, UnwritableFolderFailsCleanly) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::Sidecar s;
    s.info.rating = 3;
    rf::saveSidecar(raw, s);
    const std::string before = rf::test::readFile(raw + ".xmp");

    // A folder that is a regular file cannot hold anything, even for root.
    const std::string blocked = (fs::path(raw) / "IMG_0002.CR2").string();
    EXPECT_THROW(rf::saveSidecar(blocked, s), rf::Error);
    EXPECT_FALSE(fs::exists(blocked + ".xmp"));
    // The existing sidecar and the raw are untouched; no temporary files are left behind.
    EXPECT_EQ(rf::test::readFile(raw + ".xmp"), before);
    int files = 0;
    for (const auto& e : fs::directory_iterator(dir.path())) {
        (void)e;
        ++files;
    }
    EXPECT_EQ(files, 2);
}

TEST(Sidecar, RawIsNeverWritten) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    const std::string before = rf::test::readFile(raw);
    const auto mtime = fs::last_write_time(raw);
    rf::Sidecar s;
    s.info.rating = 2;
    s.edits.setFloat("exposure.ev", 0.3);
    rf::saveSidecar(raw, s);
    rf::saveSidecar(raw, s, rf::SidecarNaming::BaseNameXmp);
    (void)rf::loadSidecar(raw);
    EXPECT_EQ(rf::test::readFile(raw), before);
    EXPECT_EQ(fs::last_write_time(raw), mtime);
}

TEST(Sidecar, NewerVersionPropertiesOfOurNamespaceAreKept) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::test::writeFile(raw + ".xmp", R"(<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:rangefinder="http://rangefinder.photo/xmp/1.0/"
    rangefinder:Version="2" rangefinder:Masks="three radial masks">
   <rangefinder:Params>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <rangefinder:Key>exposure.ev</rangefinder:Key>
      <rangefinder:Value>0.5</rangefinder:Value>
     </rdf:li>
     <rdf:li rdf:parseType="Resource">
      <rangefinder:Key>mask.count</rangefinder:Key>
      <rangefinder:Value>3</rangefinder:Value>
     </rdf:li>
    </rdf:Bag>
   </rangefinder:Params>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
)");
    rf::Sidecar s = rf::loadSidecar(raw);
    EXPECT_EQ(s.formatVersion, 2);
    EXPECT_DOUBLE_EQ(s.edits.getFloat("exposure.ev"), 0.5);
    EXPECT_TRUE(s.edits.isSet("mask.count"));
    s.info.rating = 4;
    rf::saveSidecar(raw, s);
    const std::string text = rf::test::readFile(raw + ".xmp");
    EXPECT_NE(text.find("three radial masks"), std::string::npos) << text;
    const rf::Sidecar back = rf::loadSidecar(raw);
    EXPECT_TRUE(back.edits.isSet("mask.count"));
    EXPECT_EQ(back.edits, s.edits);
    EXPECT_EQ(back.info.rating, 4);
}

TEST(Sidecar, EmptySidecarFileIsTreatedAsEmpty) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::test::writeFile(raw + ".xmp", "");
    const rf::Sidecar s = rf::loadSidecar(raw);
    EXPECT_EQ(s.path, raw + ".xmp");
    EXPECT_EQ(s.info, rf::PhotoInfo{});
    rf::Sidecar w;
    w.info.label = "Red";
    rf::saveSidecar(raw, w);
    EXPECT_EQ(rf::loadSidecar(raw).info.label, "Red");
}

TEST(Sidecar, ConcurrentSavesAndLoadsOfDifferentPhotos) {
    // A batch export saves sidecars from pool threads; Exiv2 0.27's XMP toolkit is not
    // thread-safe, so this checks the shared lock keeps every file whole.
    rf::test::TempDir dir("sidecar");
    constexpr int kCount = 24;
    std::vector<std::string> raws;
    for (int i = 0; i < kCount; ++i)
        raws.push_back(rawIn(dir, "IMG_" + std::to_string(i) + ".CR2"));
    rf::parallelTasks(kCount, 4, [&](int i) {
        rf::Sidecar s;
        s.info.rating = i % 6;
        s.info.title = "photo " + std::to_string(i);
        s.edits.setFloat("exposure.ev", i * 0.125);
        rf::saveSidecar(raws[i], s);
        const rf::Sidecar back = rf::loadSidecar(raws[i]);
        if (back.info.title != s.info.title) throw rf::Error(raws[i], "title mismatch");
    });
    for (int i = 0; i < kCount; ++i) {
        const rf::Sidecar back = rf::loadSidecar(raws[i]);
        EXPECT_EQ(back.info.rating, i % 6);
        EXPECT_EQ(back.info.title, "photo " + std::to_string(i));
        EXPECT_DOUBLE_EQ(back.edits.getFloat("exposure.ev"), i * 0.125);
    }
}

// "Undo survives a restart": the history saved with the edits is read back by a fresh load,
// and undoing there gives the earlier document, unset keys included.
TEST(Sidecar, HistorySurvivesARestart) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::EditDocument d0;
    d0.setText("wb.mode", "cloudy");
    rf::EditDocument d1 = d0;
    d1.setFloat("exposure.ev", 0.5);
    rf::EditDocument d2 = d1;
    d2.setFloat("exposure.ev", -0.25);
    d2.reset("wb.mode");
    d2.setBool("geometry.flip_h", true);

    {
        rf::Sidecar s;
        s.history.record(d0, d1, "Exposure +0.50 EV");
        s.history.record(d1, d2, "Paste edits <\"&\">");
        s.edits = d2;
        rf::saveSidecar(raw, s);
    }
    // Named, readable properties, not a blob.
    const std::string text = rf::test::readFile(raw + ".xmp");
    EXPECT_NE(text.find("rangefinder:History"), std::string::npos) << text;
    EXPECT_NE(text.find("rangefinder:HistoryPosition"), std::string::npos) << text;
    EXPECT_NE(text.find("Exposure +0.50 EV"), std::string::npos) << text;
    EXPECT_NE(text.find("rangefinder:Before"), std::string::npos) << text;

    rf::Sidecar back = rf::loadSidecar(raw);
    EXPECT_EQ(back.edits, d2);
    ASSERT_EQ(back.history.steps().size(), 2u);
    EXPECT_EQ(back.history.position(), 2u);
    EXPECT_EQ(back.history.steps()[1].label, "Paste edits <\"&\">");
    ASSERT_TRUE(back.history.undo(back.edits));
    EXPECT_EQ(back.edits, d1);
    ASSERT_TRUE(back.history.undo(back.edits));
    EXPECT_EQ(back.edits, d0);
    EXPECT_FALSE(back.edits.isSet("exposure.ev"));

    // An undone state (redo list pending) survives a second restart too.
    ASSERT_TRUE(back.history.redo(back.edits));
    rf::saveSidecar(raw, back);
    rf::Sidecar again = rf::loadSidecar(raw);
    EXPECT_EQ(again.history, back.history);
    EXPECT_EQ(again.history.position(), 1u);
    EXPECT_EQ(again.edits, d1);
    ASSERT_TRUE(again.history.redo(again.edits));
    EXPECT_EQ(again.edits, d2);

    // Clearing the history removes it from the file.
    again.history.clear();
    rf::saveSidecar(raw, again);
    EXPECT_EQ(rf::test::readFile(raw + ".xmp").find("rangefinder:History"), std::string::npos);
    EXPECT_TRUE(rf::loadSidecar(raw).history.steps().empty());
}

TEST(Sidecar, HistoryIsSavedAlongsideForeignProperties) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::test::writeFile(raw + ".xmp", kForeign);
    rf::Sidecar s = rf::loadSidecar(raw);
    const rf::EditDocument before = s.edits;
    s.edits.setFloat("exposure.ev", 1);
    s.history.record(before, s.edits, "Exposure");
    rf::saveSidecar(raw, s);
    const std::string text = rf::test::readFile(raw + ".xmp");
    // Exiv2 re-serialises attributes as elements, so look for the values.
    EXPECT_NE(text.find("http://darktable.sf.net/"), std::string::npos) << text;
    EXPECT_NE(text.find("colorin"), std::string::npos) << text;
    EXPECT_NE(text.find("+0.50"), std::string::npos) << text;
    EXPECT_NE(text.find("Grace"), std::string::npos) << text;
    rf::Sidecar back = rf::loadSidecar(raw);
    EXPECT_EQ(back.history, s.history);
    ASSERT_TRUE(back.history.undo(back.edits));
    EXPECT_EQ(back.edits, before);
}

TEST(Sidecar, MalformedHistoryIsAnErrorNamingFileAndHistory) {
    rf::test::TempDir dir("sidecar");
    const std::string raw = rawIn(dir);
    rf::Sidecar s;
    s.edits.setFloat("exposure.ev", 1.375);
    s.history.record(rf::EditDocument{}, s.edits, "Exposure");
    rf::saveSidecar(raw, s);
    const std::string good = rf::test::readFile(raw + ".xmp");

    auto expectHistoryError = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const auto pos = text.find(from);
        ASSERT_NE(pos, std::string::npos) << from << "\n" << text;
        text.replace(pos, from.size(), to);
        rf::test::writeFile(raw + ".xmp", text);
        try {
            rf::loadSidecar(raw);
            ADD_FAILURE() << "a malformed history must throw: " << to;
        } catch (const rf::Error& e) {
            EXPECT_EQ(e.file(), raw + ".xmp");
            EXPECT_NE(std::string(e.what()).find("history"), std::string::npos) << e.what();
        }
    };
    // After value not JSON; out of the schema's range; position not a number / out of range.
    expectHistoryError("<rangefinder:After>1.375<", "<rangefinder:After>[oops<");
    expectHistoryError("<rangefinder:After>1.375<", "<rangefinder:After>99<");
    expectHistoryError("<rangefinder:HistoryPosition>1<", "<rangefinder:HistoryPosition>x<");
    expectHistoryError("<rangefinder:HistoryPosition>1<", "<rangefinder:HistoryPosition>5<");
    // A history in some other shape (one text value) is not silently ignored.
    {
        std::string text = good;
        const auto open = text.find("<rangefinder:History>");
        const auto close = text.find("</rangefinder:History>");
        ASSERT_NE(open, std::string::npos) << text;
        ASSERT_NE(close, std::string::npos) << text;
        text.replace(open, close - open, "<rangefinder:History>blob");
        rf::test::writeFile(raw + ".xmp", text);
        try {
            rf::loadSidecar(raw);
            ADD_FAILURE() << "a history that is not a list must throw";
        } catch (const rf::Error& e) {
            EXPECT_EQ(e.file(), raw + ".xmp");
            EXPECT_NE(std::string(e.what()).find("history"), std::string::npos) << e.what();
        }
    }
    // The edits themselves were fine: the untouched file loads.
    rf::test::writeFile(raw + ".xmp", good);
    EXPECT_EQ(rf::loadSidecar(raw).history, s.history);
}
