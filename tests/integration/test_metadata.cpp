// SPDX-License-Identifier: GPL-3.0-or-later
// Metadata on export, checked with exiftool as an independent reader: the camera's EXIF
// arrives, the raw's own structure and maker notes do not, orientation is reset, and GPS
// goes unless kept.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "rangefinder/writer.h"
#include "support/test_support.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

bool haveExiftool() {
    std::string out;
    return test::runCommand("exiftool -ver", out) == 0;
}

nlohmann::json exiftool(const std::string& path) {
    std::string out;
    EXPECT_EQ(test::runCommand("exiftool -j -G1 -n '" + path + "'", out), 0) << out;
    return nlohmann::json::parse(out)[0];
}

std::string writeJpeg(const test::TempDir& dir, const std::string& name, int w = 96, int h = 64) {
    Image img(w, h, 3);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = 0.4f;
    const std::string path = dir.str(name);
    writeImage(path, img.cview(), EncodeOptions{}, {});
    return path;
}

bool hasGroup(const nlohmann::json& j, const std::string& group) {
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key().rfind(group + ":", 0) == 0) return true;
    return false;
}

}  // namespace

TEST(Metadata, CameraExifIsCopiedAndOrientationReset) {
    RF_REQUIRE_TESTDATA("raw/canon-eos30d.CR2");
    if (!haveExiftool()) GTEST_SKIP() << "exiftool is not installed";
    test::TempDir dir("meta");
    const std::string out = writeJpeg(dir, "a.jpg", 120, 80);
    CaptureInfo info;
    writeMetadata(out, (test::testdata() / "raw/canon-eos30d.CR2").string(), info, 120, 80, {});
    const auto j = exiftool(out);
    EXPECT_EQ(j["IFD0:Make"], "Canon");
    EXPECT_EQ(j["IFD0:Model"], "Canon EOS 30D");
    EXPECT_EQ(j["ExifIFD:ISO"], 640);
    EXPECT_NEAR(j["ExifIFD:ExposureTime"].get<double>(), 1.0 / 400, 1e-6);
    EXPECT_NEAR(j["ExifIFD:FNumber"].get<double>(), 22, 1e-6);
    EXPECT_EQ(j["ExifIFD:DateTimeOriginal"], "2009:07:21 13:03:20");
    EXPECT_EQ(j["IFD0:Orientation"], 1);
    EXPECT_EQ(j["ExifIFD:ExifImageWidth"], 120);
    EXPECT_EQ(j["ExifIFD:ExifImageHeight"], 80);
    EXPECT_NE(j["IFD0:Software"].get<std::string>().find("Rangefinder"), std::string::npos);
    EXPECT_FALSE(hasGroup(j, "Canon")) << "maker notes must not be copied";
    EXPECT_FALSE(hasGroup(j, "GPS"));
    EXPECT_FALSE(j.contains("IFD0:StripOffsets"));
}

TEST(Metadata, GpsIsStrippedUnlessKeptAndAuthorshipOverrides) {
    if (!haveExiftool()) GTEST_SKIP() << "exiftool is not installed";
    test::TempDir dir("gps");
    // A source with a location, as a phone would write it.
    const std::string src = writeJpeg(dir, "src.jpg");
    std::string log;
    ASSERT_EQ(test::runCommand("exiftool -q -overwrite_original -Make=Phone -Model=P1 "
                               "-GPSLatitude=48.85 -GPSLatitudeRef=N -GPSLongitude=2.35 "
                               "-GPSLongitudeRef=E -IPTC:City=Paris '" + src + "'",
                               log),
              0)
        << log;
    ASSERT_TRUE(hasGroup(exiftool(src), "GPS"));

    const std::string stripped = writeJpeg(dir, "stripped.jpg");
    writeMetadata(stripped, src, {}, 96, 64, {});
    auto j = exiftool(stripped);
    EXPECT_EQ(j["IFD0:Make"], "Phone");
    EXPECT_FALSE(hasGroup(j, "GPS"));
    EXPECT_FALSE(j.contains("IPTC:City"));

    const std::string kept = writeJpeg(dir, "kept.jpg");
    MetadataPolicy keep;
    keep.keepGps = true;
    keep.artist = "Ann Example";
    keep.copyright = "(c) 2026 Ann Example";
    writeMetadata(kept, src, {}, 96, 64, keep);
    j = exiftool(kept);
    EXPECT_TRUE(hasGroup(j, "GPS"));
    EXPECT_NEAR(j["GPS:GPSLatitude"].get<double>(), 48.85, 1e-3);
    EXPECT_EQ(j["IFD0:Artist"], "Ann Example");
    EXPECT_EQ(j["IFD0:Copyright"], "(c) 2026 Ann Example");
    EXPECT_EQ(j["XMP-dc:Creator"], "Ann Example");

    const std::string none = writeJpeg(dir, "none.jpg");
    MetadataPolicy off;
    off.copy = false;
    writeMetadata(none, src, {}, 96, 64, off);
    EXPECT_FALSE(exiftool(none).contains("IFD0:Make"));
}

TEST(Metadata, UnreadableSourceFallsBackToTheDecodersView) {
    if (!haveExiftool()) GTEST_SKIP() << "exiftool is not installed";
    test::TempDir dir("fallback");
    const std::string out = writeJpeg(dir, "a.jpg");
    CaptureInfo info;
    info.make = "Leica";
    info.model = "M11";
    info.iso = 200;
    info.shutterSeconds = 1.0f / 250;
    info.aperture = 2.8f;
    info.dateTime = "2026-05-01T10:20:30";
    writeMetadata(out, dir.str("no-such.raw"), info, 96, 64, {});
    const auto j = exiftool(out);
    EXPECT_EQ(j["IFD0:Make"], "Leica");
    EXPECT_EQ(j["ExifIFD:ISO"], 200);
    EXPECT_EQ(j["ExifIFD:DateTimeOriginal"], "2026:05:01 10:20:30");
    EXPECT_EQ(j["IFD0:Orientation"], 1);
}
