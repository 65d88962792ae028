// SPDX-License-Identifier: GPL-3.0-or-later
// Metadata copy from a real Canon CR2 (and from a JPEG that exiftool has loaded with GPS,
// location and a rotated orientation) into freshly written JPEG, TIFF and PNG files, checked
// with exiftool as the independent reader: the photographic tags arrive, the raw's structure,
// maker notes and thumbnails do not, each metadata mode carries exactly its share, the
// sidecar's rating/label/title/keywords arrive, edit histories never leave, the ICC profile
// and the pixels survive the rewrite.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/export_schema.h"
#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/writer.h"
#include "support/test_support.h"
#include "support/writer_fixtures.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The real Canon raw, relative to test::testdata() (RF_TESTDATA moves it, see the last test).
const std::string kCr2Rel = "raw/canon-eos30d.CR2";
const std::string kCr2 = (test::testdata() / kCr2Rel).string();

Image testImage(int w, int h) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            img.at(x, y, 0) = float(x) / float(w);
            img.at(x, y, 1) = float(y) / float(h);
            img.at(x, y, 2) = 0.5f + 0.3f * std::sin(float(x * y) * 0.01f);
        }
    return img;
}

/// exiftool's view of a file, keys "Family0:Family1:Tag" (e.g. "EXIF:IFD0:Make").
json exif(const std::string& path) {
    const std::string out = test::runCommand("exiftool -j -a -G0:1 " + test::shellQuote(path));
    const json j = json::parse(out, nullptr, false);
    if (j.is_discarded() || !j.is_array() || j.empty()) return json::object();
    return j[0];
}

std::string str(const json& j, const std::string& key) {
    if (!j.contains(key)) return "<missing " + key + ">";
    return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

bool anyKeyContains(const json& j, const std::string& needle) {
    for (const auto& [k, v] : j.items())
        if (k.find(needle) != std::string::npos) return true;
    return false;
}

// As anyKeyContains(), over the metadata only: the ICC profile's header (DeviceModel,
// ProfileCopyright, ProfileDateTime) and the file system's dates are not the photo's.
bool anyTagContains(const json& j, const std::string& needle) {
    for (const auto& [k, v] : j.items())
        if (k.rfind("ICC_Profile:", 0) != 0 && k.rfind("File:", 0) != 0 &&
            k.find(needle) != std::string::npos)
            return true;
    return false;
}

class Metadata : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!test::haveExiftool()) GTEST_SKIP() << "exiftool not installed";
        dir_ = test::scratchDir("metadata");
        icc_ = test::makeTestIccProfile();
    }
    void TearDown() override {
        if (!dir_.empty()) fs::remove_all(dir_);
    }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::string writeTestImage(const std::string& name, FileFormat fmt = FileFormat::Jpeg) {
        EncodeOptions o;
        o.format = fmt;
        o.bitDepth = 16;
        const std::string p = path(name);
        writeImage(p, image_.view(), o, icc_);
        return p;
    }

    const int w_ = 200, h_ = 120;
    Image image_ = testImage(200, 120);
    fs::path dir_;
    std::vector<std::uint8_t> icc_;
};

}  // namespace

TEST_F(Metadata, CopiesPhotographicTagsFromTheCr2IntoAJpeg) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    const std::string out = writeTestImage("cr2.jpg");
    const cv::Mat before = cv::imread(out, cv::IMREAD_UNCHANGED);
    CaptureInfo info;
    info.lens = "EF-S18-55mm f/3.5-5.6";  // the 30D records it only in its maker notes
    writeMetadata(out, kCr2, info, w_, h_, {});

    const json j = exif(out);
    EXPECT_EQ(str(j, "EXIF:IFD0:Make"), "Canon");
    EXPECT_EQ(str(j, "EXIF:IFD0:Model"), "Canon EOS 30D");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ISO"), "640");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ExposureTime"), "1/400");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:FNumber"), "22.0");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:FocalLength"), "22.0 mm");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:DateTimeOriginal"), "2009:07:21 13:03:20");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ExposureProgram"), "Manual");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:MeteringMode"), "Partial");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:LensModel"), info.lens);
    EXPECT_EQ(str(j, "EXIF:IFD0:Orientation"), "Horizontal (normal)");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ExifImageWidth"), std::to_string(w_));
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ExifImageHeight"), std::to_string(h_));
    EXPECT_NE(str(j, "EXIF:IFD0:Software").find("Rangefinder"), std::string::npos);
    EXPECT_NE(str(j, "XMP:XMP-xmp:CreatorTool").find("Rangefinder"), std::string::npos);
    // None of the raw's own structure, previews or maker notes.
    EXPECT_FALSE(anyKeyContains(j, "MakerNotes:")) << j.dump(1);
    EXPECT_FALSE(anyKeyContains(j, "GPS")) << j.dump(1);
    EXPECT_FALSE(anyKeyContains(j, ":IFD1:")) << j.dump(1);
    EXPECT_FALSE(anyKeyContains(j, ":IFD2:")) << j.dump(1);
    EXPECT_FALSE(anyKeyContains(j, "PreviewImage")) << j.dump(1);
    EXPECT_FALSE(anyKeyContains(j, "StripOffsets")) << j.dump(1);
    EXPECT_FALSE(anyKeyContains(j, "CR2CFAPattern")) << j.dump(1);
    // The ICC profile, not the camera's sRGB/Adobe RGB flag, defines the colours.
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ColorSpace"), "Uncalibrated");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ExifVersion"), "0230");
    // Every tag EXIF requires in a JPEG is there, and nothing exiftool objects to.
    const std::string validation =
        test::runCommand("exiftool -s -s -s -validate -warning -a " + test::shellQuote(out));
    EXPECT_EQ(validation, "OK\n") << validation;
    // The encoder's work is untouched.
    EXPECT_EQ(test::extractIcc(out), icc_);
    const cv::Mat after = cv::imread(out, cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(after.empty());
    EXPECT_EQ(cv::norm(before, after, cv::NORM_INF), 0.0);
}

TEST_F(Metadata, TiffAndPngKeepTheirProfileAndPixels) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    for (FileFormat fmt : {FileFormat::Tiff, FileFormat::Png}) {
        const std::string out = writeTestImage(std::string("cr2.") + fileExtension(fmt), fmt);
        const cv::Mat before = cv::imread(out, cv::IMREAD_UNCHANGED);
        writeMetadata(out, kCr2, {}, w_, h_, {});
        const json j = exif(out);
        EXPECT_NE(j.dump().find("\"Canon EOS 30D\""), std::string::npos) << out << j.dump(1);
        EXPECT_NE(j.dump().find("2009:07:21 13:03:20"), std::string::npos) << out;
        EXPECT_FALSE(anyKeyContains(j, "MakerNotes:")) << out;
        EXPECT_NE(j.dump().find("Horizontal (normal)"), std::string::npos) << out;
        if (fmt == FileFormat::Tiff) {
            EXPECT_EQ(str(j, "EXIF:IFD0:ImageWidth"), std::to_string(w_));
            EXPECT_FALSE(anyKeyContains(j, "ExifImageWidth")) << "not allowed in TIFF";
        }
        EXPECT_EQ(test::extractIcc(out), icc_) << out;
        const cv::Mat after = cv::imread(out, cv::IMREAD_UNCHANGED);
        ASSERT_FALSE(after.empty()) << out;
        EXPECT_EQ(after.depth(), CV_16U) << out;
        EXPECT_EQ(cv::norm(before, after, cv::NORM_INF), 0.0) << out;
    }
}

TEST_F(Metadata, UnreadableSourceFallsBackToCaptureInfo) {
    const std::string out = writeTestImage("fallback.jpg");
    const std::string notRaw = path("broken.CR2");
    std::ofstream(notRaw) << "this is not a raw file";
    CaptureInfo info;
    info.make = "Fujifilm";
    info.model = "X-T5";
    info.lens = "XF23mmF1.4 R LM WR";
    info.iso = 250;
    info.shutterSeconds = 1.f / 250.f;
    info.aperture = 5.6f;
    info.focalLengthMm = 23.f;
    info.dateTime = "2021-05-04T10:11:12";
    info.orientation = 6;
    writeMetadata(out, notRaw, info, w_, h_, {});
    const json j = exif(out);
    EXPECT_EQ(str(j, "EXIF:IFD0:Make"), "Fujifilm");
    EXPECT_EQ(str(j, "EXIF:IFD0:Model"), "X-T5");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:LensModel"), "XF23mmF1.4 R LM WR");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ISO"), "250");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ExposureTime"), "1/250");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:FNumber"), "5.6");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:FocalLength"), "23.0 mm");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:DateTimeOriginal"), "2021:05:04 10:11:12");
    EXPECT_EQ(str(j, "EXIF:IFD0:Orientation"), "Horizontal (normal)");
    EXPECT_EQ(test::extractIcc(out), icc_);
}

TEST_F(Metadata, GpsAndLocationLeaveUnlessKeptAndOverridesApply) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    // A source carrying camera EXIF plus GPS, location, a rotated orientation and an artist.
    const std::string source = writeTestImage("source.jpg");
    writeMetadata(source, kCr2, {}, w_, h_, {});
    const std::string cmd =
        "exiftool -q -overwrite_original -GPSLatitude=48.8584 -GPSLatitudeRef=N "
        "-GPSLongitude=2.2945 -GPSLongitudeRef=E -XMP:GPSLatitude=48.8584N "
        "-IPTC:City=Paris -IPTC:Country-PrimaryLocationName=France -IPTC:Keywords=tower "
        "-Orientation#=6 -Artist='Camera Owner' " +
        test::shellQuote(source);
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    const json src = exif(source);
    ASSERT_TRUE(src.contains("EXIF:GPS:GPSLatitude")) << src.dump(1);
    ASSERT_TRUE(src.contains("XMP:XMP-exif:GPSLatitude")) << src.dump(1);
    ASSERT_EQ(str(src, "EXIF:IFD0:Orientation"), "Rotate 90 CW");
    ASSERT_EQ(str(src, "IPTC:City"), "Paris") << src.dump(1);

    {
        const std::string out = writeTestImage("nogps.jpg");
        writeMetadata(out, source, {}, w_, h_, {});
        const json j = exif(out);
        EXPECT_FALSE(anyKeyContains(j, "GPS")) << j.dump(1);
        EXPECT_FALSE(j.contains("IPTC:City")) << j.dump(1);
        EXPECT_FALSE(j.contains("IPTC:Country-PrimaryLocationName")) << j.dump(1);
        EXPECT_EQ(str(j, "IPTC:Keywords"), "tower");
        EXPECT_EQ(str(j, "EXIF:IFD0:Orientation"), "Horizontal (normal)");
        EXPECT_EQ(str(j, "EXIF:IFD0:Artist"), "Camera Owner");
        EXPECT_EQ(str(j, "EXIF:IFD0:Model"), "Canon EOS 30D");
    }
    {
        const std::string out = writeTestImage("keepgps.jpg");
        MetadataPolicy keep;
        keep.mode = MetadataMode::All;
        writeMetadata(out, source, {}, w_, h_, keep);
        const json j = exif(out);
        EXPECT_EQ(str(j, "EXIF:GPS:GPSLatitude"), str(src, "EXIF:GPS:GPSLatitude"));
        EXPECT_EQ(str(j, "EXIF:GPS:GPSLongitudeRef"), "East");
        EXPECT_TRUE(j.contains("XMP:XMP-exif:GPSLatitude")) << j.dump(1);
        EXPECT_EQ(str(j, "IPTC:City"), "Paris");
    }
    {
        const std::string out = writeTestImage("override.jpg");
        MetadataPolicy p;
        p.artist = "Jane Doe";
        p.copyright = "(c) 2024 Jane Doe";
        writeMetadata(out, source, {}, w_, h_, p);
        const json j = exif(out);
        EXPECT_EQ(str(j, "EXIF:IFD0:Artist"), "Jane Doe");
        EXPECT_EQ(str(j, "EXIF:IFD0:Copyright"), "(c) 2024 Jane Doe");
        EXPECT_EQ(str(j, "XMP:XMP-dc:Creator"), "Jane Doe");
        EXPECT_EQ(str(j, "XMP:XMP-dc:Rights"), "(c) 2024 Jane Doe");
        EXPECT_EQ(str(j, "IPTC:By-line"), "Jane Doe");
        EXPECT_FALSE(anyKeyContains(j, "GPS"));
    }
}

TEST_F(Metadata, NoneLeavesTheFileAlone) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    const std::string out = writeTestImage("off.jpg");
    const auto size = fs::file_size(out);
    MetadataPolicy off;
    off.mode = MetadataMode::None;
    writeMetadata(out, kCr2, {}, w_, h_, off);
    EXPECT_EQ(fs::file_size(out), size);
    const json j = exif(out);
    EXPECT_FALSE(j.contains("EXIF:IFD0:Make"));
    EXPECT_EQ(test::extractIcc(out), icc_);
}

TEST_F(Metadata, MissingOrNonImageOutputIsAnErrorNamingIt) {
    const std::string missing = path("nothing-here.jpg");
    try {
        writeMetadata(missing, kCr2, {}, w_, h_, {});
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), missing);
    }
    const std::string text = path("text.jpg");
    std::ofstream(text) << "not an image";
    EXPECT_THROW(writeMetadata(text, kCr2, {}, w_, h_, {}), Error);
}

TEST_F(Metadata, ConcurrentWritesFromBatchTasks) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    const int n = 4;
    std::vector<std::string> outs;
    for (const char* name : {"c0.jpg", "c1.jpg", "c2.jpg", "c3.jpg"})
        outs.push_back(writeTestImage(name));
    parallelTasks(n, 2, [&](int i) { writeMetadata(outs[i], kCr2, {}, w_, h_, {}); });
    for (const auto& o : outs) EXPECT_EQ(str(exif(o), "EXIF:IFD0:Model"), "Canon EOS 30D") << o;
}

TEST(MetadataMode, NamesRoundTripAndUnknownNamesAreErrors) {
    for (MetadataMode m : {MetadataMode::All, MetadataMode::NoLocation, MetadataMode::CopyrightOnly,
                           MetadataMode::None})
        EXPECT_EQ(metadataModeFromString(metadataModeName(m)), m);
    EXPECT_EQ(metadataModeFromString("no-location"), MetadataMode::NoLocation);
    EXPECT_EQ(MetadataPolicy{}.mode, MetadataMode::NoLocation);
    try {
        metadataModeFromString("gps");
        ADD_FAILURE() << "no error";
    } catch (const Error& e) {
        const std::string what = e.what();
        for (const char* name : {"all", "no-location", "copyright-only", "none", "gps"})
            EXPECT_NE(what.find(name), std::string::npos) << what;
    }
}

namespace {

// An XMP packet as other tools leave it in a file: location in every vocabulary, the
// creator's contact details, Camera Raw settings and history, and Rangefinder's own namespace.
const char* kRichXmp = R"(<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
    xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"
    xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmlns:rangefinder="http://rangefinder.photo/xmp/1.0/"
    photoshop:City="Paris" photoshop:State="Ile-de-France" photoshop:Country="France"
    photoshop:Credit="Doe Photo" Iptc4xmpCore:Location="Champ de Mars"
    Iptc4xmpCore:CountryCode="FR" crs:Exposure2012="+1.00" crs:HasSettings="True"
    rangefinder:Version="1" rangefinder:EditHash="abc123">
   <dc:creator><rdf:Seq><rdf:li>Camera Owner</rdf:li></rdf:Seq></dc:creator>
   <dc:subject><rdf:Bag><rdf:li>tower</rdf:li></rdf:Bag></dc:subject>
   <Iptc4xmpCore:CreatorContactInfo rdf:parseType="Resource">
    <Iptc4xmpCore:CiEmailWork>jane@example.org</Iptc4xmpCore:CiEmailWork>
    <Iptc4xmpCore:CiUrlWork>https://example.org</Iptc4xmpCore:CiUrlWork>
   </Iptc4xmpCore:CreatorContactInfo>
   <Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType="Resource">
    <Iptc4xmpExt:City>Paris</Iptc4xmpExt:City>
   </rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>
   <Iptc4xmpExt:LocationCreated><rdf:Bag><rdf:li rdf:parseType="Resource">
    <Iptc4xmpExt:Sublocation>Trocadero</Iptc4xmpExt:Sublocation>
   </rdf:li></rdf:Bag></Iptc4xmpExt:LocationCreated>
   <xmpMM:History><rdf:Seq><rdf:li rdf:parseType="Resource">
    <stEvt:action>saved</stEvt:action>
   </rdf:li></rdf:Seq></xmpMM:History>
   <rangefinder:History><rdf:Seq><rdf:li>exposure.ev=1</rdf:li></rdf:Seq></rangefinder:History>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>)";

}  // namespace

class MetadataModes : public Metadata {
  protected:
    // A JPEG with the CR2's camera EXIF, GPS, IPTC location and contact, and kRichXmp.
    std::string richSource() {
        const std::string source = writeTestImage("rich-source.jpg");
        writeMetadata(source, kCr2, {}, w_, h_, MetadataPolicy{MetadataMode::All, {}, {}});
        const std::string packet = path("rich.xmp");
        std::ofstream(packet) << kRichXmp;
        const std::string cmd =
            "exiftool -q -overwrite_original " + test::shellQuote("-xmp<=" + packet) + " " +
            test::shellQuote(source) +
            " && exiftool -q -overwrite_original -GPSLatitude=48.8584 -GPSLatitudeRef=N "
            "-GPSLongitude=2.2945 -GPSLongitudeRef=E -GPSAltitude=35 -XMP:GPSLatitude=48.8584N "
            "-IPTC:City=Paris -IPTC:Sub-location=Trocadero -IPTC:Province-State=IDF "
            "-IPTC:Country-PrimaryLocationName=France -IPTC:Country-PrimaryLocationCode=FRA "
            "-IPTC:Keywords=tower -IPTC:By-line='Camera Owner' "
            "-IPTC:CopyrightNotice='(c) Camera Owner' -IPTC:Contact=jane@example.org "
            "-IPTC:Credit='Doe Photo' -Artist='Camera Owner' -Copyright='(c) Camera Owner' " +
            test::shellQuote(source);
        EXPECT_EQ(std::system(cmd.c_str()), 0);
        return source;
    }
    static std::string rawXmp(const std::string& file) {
        return test::runCommand("exiftool -b -xmp " + test::shellQuote(file));
    }
};

TEST_F(MetadataModes, AllKeepsGpsAndLocationButNeverTheEditHistories) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    const std::string source = richSource();
    const json src = exif(source);
    ASSERT_TRUE(src.contains("EXIF:GPS:GPSLatitude")) << src.dump(1);
    ASSERT_TRUE(src.contains("XMP:XMP-photoshop:City")) << src.dump(1);
    ASSERT_NE(rawXmp(source).find("rangefinder.photo"), std::string::npos) << rawXmp(source);
    ASSERT_NE(rawXmp(source).find("crs:Exposure2012"), std::string::npos);

    const std::string out = writeTestImage("all.jpg");
    writeMetadata(out, source, {}, w_, h_, MetadataPolicy{MetadataMode::All, {}, {}});
    const json j = exif(out);
    EXPECT_EQ(str(j, "EXIF:GPS:GPSLatitude"), str(src, "EXIF:GPS:GPSLatitude"));
    EXPECT_TRUE(j.contains("EXIF:GPS:GPSAltitude")) << j.dump(1);
    EXPECT_TRUE(j.contains("XMP:XMP-exif:GPSLatitude")) << j.dump(1);
    EXPECT_EQ(str(j, "IPTC:City"), "Paris");
    EXPECT_EQ(str(j, "XMP:XMP-photoshop:City"), "Paris");
    EXPECT_EQ(str(j, "XMP:XMP-iptcCore:Location"), "Champ de Mars");
    EXPECT_TRUE(anyKeyContains(j, "LocationShown")) << j.dump(1);
    EXPECT_EQ(str(j, "EXIF:IFD0:Model"), "Canon EOS 30D");
    EXPECT_EQ(str(j, "EXIF:IFD0:Orientation"), "Horizontal (normal)");
    EXPECT_NE(str(j, "XMP:XMP-xmp:CreatorTool").find("Rangefinder"), std::string::npos);
    // Edit histories, ours and others', stay home.
    const std::string packet = rawXmp(out);
    EXPECT_FALSE(packet.empty());
    EXPECT_EQ(packet.find("rangefinder.photo"), std::string::npos) << packet;
    EXPECT_EQ(packet.find("rangefinder:"), std::string::npos) << packet;
    EXPECT_EQ(packet.find("camera-raw-settings"), std::string::npos) << packet;
    EXPECT_EQ(packet.find("History"), std::string::npos) << packet;
    EXPECT_FALSE(anyKeyContains(j, "XMP-crs")) << j.dump(1);
    EXPECT_FALSE(anyKeyContains(j, "History")) << j.dump(1);
}

TEST_F(MetadataModes, NoLocationRemovesEveryGpsAndPlaceField) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    const std::string source = richSource();
    for (FileFormat fmt : {FileFormat::Jpeg, FileFormat::Tiff, FileFormat::Png}) {
        const std::string out = writeTestImage(std::string("noloc.") + fileExtension(fmt), fmt);
        writeMetadata(out, source, {}, w_, h_, MetadataPolicy{});
        const json j = exif(out);
        EXPECT_FALSE(anyKeyContains(j, "GPS")) << out << j.dump(1);
        EXPECT_FALSE(anyKeyContains(j, "Location")) << out << j.dump(1);
        EXPECT_FALSE(anyKeyContains(j, "City")) << out << j.dump(1);
        EXPECT_FALSE(anyKeyContains(j, "Sub-location")) << out << j.dump(1);
        EXPECT_FALSE(anyKeyContains(j, "Province-State")) << out << j.dump(1);
        EXPECT_FALSE(anyKeyContains(j, "Country")) << out << j.dump(1);
        EXPECT_FALSE(anyKeyContains(j, "XMP-photoshop:State")) << out << j.dump(1);
        const std::string packet = rawXmp(out);
        EXPECT_EQ(packet.find("Paris"), std::string::npos) << packet;
        EXPECT_EQ(packet.find("Trocadero"), std::string::npos) << packet;
        EXPECT_EQ(packet.find("rangefinder"), std::string::npos) << packet;
        // Everything else still travels.
        EXPECT_NE(j.dump().find("\"Canon EOS 30D\""), std::string::npos) << out;
        EXPECT_NE(j.dump().find("tower"), std::string::npos) << out;
        EXPECT_NE(j.dump().find("jane@example.org"), std::string::npos) << out;
        EXPECT_EQ(test::extractIcc(out), icc_) << out;
    }
}

TEST_F(MetadataModes, CopyrightOnlyKeepsCreatorRightsAndContactAndNothingElse) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    const std::string source = richSource();
    const std::string out = writeTestImage("copyright.jpg");
    PhotoInfo photo;
    photo.rating = 5;
    photo.title = "Tower";
    photo.keywords = {"secret-place"};
    writeMetadata(out, source, {}, w_, h_, MetadataPolicy{MetadataMode::CopyrightOnly, {}, {}},
                  &photo);
    const json j = exif(out);
    EXPECT_EQ(str(j, "EXIF:IFD0:Artist"), "Camera Owner");
    EXPECT_EQ(str(j, "EXIF:IFD0:Copyright"), "(c) Camera Owner");
    EXPECT_EQ(str(j, "XMP:XMP-dc:Creator"), "Camera Owner");
    EXPECT_EQ(str(j, "IPTC:By-line"), "Camera Owner");
    EXPECT_EQ(str(j, "IPTC:CopyrightNotice"), "(c) Camera Owner");
    EXPECT_EQ(str(j, "IPTC:Contact"), "jane@example.org");
    EXPECT_EQ(str(j, "IPTC:Credit"), "Doe Photo");
    EXPECT_EQ(str(j, "XMP:XMP-iptcCore:CreatorWorkEmail"), "jane@example.org") << j.dump(1);
    EXPECT_EQ(str(j, "XMP:XMP-photoshop:Credit"), "Doe Photo");
    // No camera, exposure, date, place, keywords or the sidecar's description.
    for (const char* absent :
         {"Make", "Model", "ExposureTime", "FNumber", "ISO", "DateTimeOriginal", "CreateDate",
          "LensModel", "GPS", "City", "Location", "Country", "Keywords", "Subject", "Rating",
          "Title", "ObjectName", "History", "crs"})
        EXPECT_FALSE(anyTagContains(j, absent)) << absent << "\n" << j.dump(1);
    EXPECT_EQ(str(j, "EXIF:IFD0:Orientation"), "Horizontal (normal)");
    EXPECT_EQ(test::extractIcc(out), icc_);
    const std::string validation =
        test::runCommand("exiftool -s -s -s -validate -warning -a " + test::shellQuote(out));
    EXPECT_EQ(validation, "OK\n") << validation;

    // The sidecar's creator and rights, then the export's own, win over the camera's.
    const std::string out2 = writeTestImage("copyright2.jpg");
    photo.creator = "Sidecar Jane";
    photo.rights = "(c) Sidecar Jane";
    writeMetadata(out2, source, {}, w_, h_,
                  MetadataPolicy{MetadataMode::CopyrightOnly, "Export Jane", {}}, &photo);
    const json k = exif(out2);
    EXPECT_EQ(str(k, "EXIF:IFD0:Artist"), "Export Jane");
    EXPECT_EQ(str(k, "IPTC:By-line"), "Export Jane");
    EXPECT_EQ(str(k, "EXIF:IFD0:Copyright"), "(c) Sidecar Jane");
    EXPECT_EQ(str(k, "XMP:XMP-dc:Rights"), "(c) Sidecar Jane");
    EXPECT_FALSE(anyKeyContains(k, "Rating")) << k.dump(1);
}

TEST_F(MetadataModes, NoneWritesNoMetadataGroupsInAnyFormat) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    const std::string source = richSource();
    PhotoInfo photo;
    photo.rating = 3;
    photo.creator = "Jane";
    for (FileFormat fmt : {FileFormat::Jpeg, FileFormat::Tiff, FileFormat::Png}) {
        const std::string out = writeTestImage(std::string("none.") + fileExtension(fmt), fmt);
        writeMetadata(out, source, {}, w_, h_,
                      MetadataPolicy{MetadataMode::None, "Jane", "(c) Jane"}, &photo);
        const json j = exif(out);
        for (const auto& [key, value] : j.items()) {
            EXPECT_NE(key.rfind("XMP:", 0), 0u) << out << " " << key;
            EXPECT_NE(key.rfind("IPTC:", 0), 0u) << out << " " << key;
            // A TIFF's IFD0 is its structure (size, strips, the ICC profile), not metadata.
            if (fmt != FileFormat::Tiff) {
                EXPECT_NE(key.rfind("EXIF:", 0), 0u) << out << " " << key;
            }
        }
        for (const char* absent : {"Make", "Model", "Artist", "Copyright", "GPS", "DateTime"})
            EXPECT_FALSE(anyTagContains(j, absent)) << out << " " << absent << j.dump(1);
        EXPECT_EQ(test::extractIcc(out), icc_) << out;
    }
}

TEST_F(MetadataModes, SidecarPhotoInfoArrives) {
    RF_REQUIRE_TESTDATA(kCr2Rel);
    PhotoInfo photo;
    photo.rating = 4;
    photo.label = "Red";
    photo.title = "Eiffel at noon";
    photo.description = "The tower from the Trocadéro";
    photo.keywords = {"tower", "Paris", "été"};
    photo.creator = "Sidecar Jane";
    photo.rights = "(c) 2026 Sidecar Jane";
    for (FileFormat fmt : {FileFormat::Jpeg, FileFormat::Tiff}) {
        const std::string out = writeTestImage(std::string("photo.") + fileExtension(fmt), fmt);
        writeMetadata(out, kCr2, {}, w_, h_, MetadataPolicy{}, &photo);
        const json j = exif(out);
        EXPECT_EQ(str(j, "XMP:XMP-xmp:Rating"), "4") << out << j.dump(1);
        EXPECT_EQ(str(j, "XMP:XMP-xmp:Label"), "Red") << out;
        EXPECT_EQ(str(j, "XMP:XMP-dc:Title"), photo.title) << out;
        EXPECT_EQ(str(j, "IPTC:ObjectName"), photo.title) << out;
        EXPECT_EQ(str(j, "XMP:XMP-dc:Description"), photo.description) << out;
        EXPECT_EQ(str(j, "IPTC:Caption-Abstract"), photo.description) << out;
        EXPECT_EQ(str(j, "EXIF:IFD0:ImageDescription"), photo.description) << out;
        EXPECT_EQ(j.value("XMP:XMP-dc:Subject", json()), json(photo.keywords)) << out;
        EXPECT_EQ(j.value("IPTC:Keywords", json()), json(photo.keywords)) << out;
        EXPECT_EQ(str(j, "EXIF:IFD0:Artist"), "Sidecar Jane") << out;
        EXPECT_EQ(str(j, "XMP:XMP-dc:Creator"), "Sidecar Jane") << out;
        EXPECT_EQ(str(j, "IPTC:By-line"), "Sidecar Jane") << out;
        EXPECT_EQ(str(j, "XMP:XMP-dc:Rights"), photo.rights) << out;
        EXPECT_EQ(str(j, "EXIF:IFD0:Model"), "Canon EOS 30D") << out;
    }
    // The export's own artist wins over the sidecar's creator.
    const std::string out = writeTestImage("photo-override.jpg");
    writeMetadata(out, kCr2, {}, w_, h_, MetadataPolicy{MetadataMode::All, "Export Jane", {}},
                  &photo);
    const json j = exif(out);
    EXPECT_EQ(str(j, "EXIF:IFD0:Artist"), "Export Jane");
    EXPECT_EQ(str(j, "XMP:XMP-dc:Creator"), "Export Jane");
    EXPECT_EQ(str(j, "XMP:XMP-dc:Rights"), photo.rights);
}

TEST_F(Metadata, ExportCarriesTheJobsPhotoInfoUnderThePresetsMode) {
    EXPECT_EQ(exportPreset("web").metadata.mode, MetadataMode::NoLocation);
    EXPECT_EQ(exportPreset("full").metadata.mode, MetadataMode::All);
    const std::string raw = path("chart.dng");
    synth::DngOptions o;
    o.artist = "Camera Jane";
    synth::writeDng(raw, synth::renderChart(240, 160).cview(), o);
    ExportSettings s = exportPreset("web");
    s.render.size = {SizeMode::LongEdge, 120};
    s.outputDir = path("out");
    ExportJob job;
    job.input = raw;
    job.photo = PhotoInfo{};
    job.photo->rating = 2;
    job.photo->keywords = {"chart", "test"};
    job.photo->rights = "(c) Sidecar Jane";
    const ExportOutcome r = exportFile(job, s);
    ASSERT_TRUE(r.ok()) << r.error;
    const json j = exif(r.output);
    EXPECT_EQ(str(j, "XMP:XMP-xmp:Rating"), "2") << j.dump(1);
    EXPECT_EQ(j.value("XMP:XMP-dc:Subject", json()), json(job.photo->keywords));
    EXPECT_EQ(str(j, "EXIF:IFD0:Artist"), "Camera Jane");
    EXPECT_EQ(str(j, "XMP:XMP-dc:Creator"), "Camera Jane");
    EXPECT_EQ(str(j, "EXIF:IFD0:Copyright"), "(c) Sidecar Jane");
    EXPECT_EQ(str(j, "EXIF:ExifIFD:ExifImageWidth"), "120");

    s.metadata.mode = MetadataMode::None;
    s.nameTemplate = "{name}-none";
    const ExportOutcome n = exportFile(job, s);
    ASSERT_TRUE(n.ok()) << n.error;
    EXPECT_FALSE(anyTagContains(exif(n.output), "Rating"));
    EXPECT_FALSE(anyTagContains(exif(n.output), "Artist"));
}

// Without the shared test data every test that needs the Canon raw skips, saying so, and the
// others still pass: this binary is run again with RF_TESTDATA naming a missing folder and its
// JSON report read. (A GTEST_SKIP() in a helper function only returns from the helper, and the
// test went on to fail; RF_REQUIRE_TESTDATA skips from the test body.)
TEST(MetadataWithoutTestData, TestsNeedingTheCanonRawSkipAndNoneFails) {
    if (std::getenv("RF_TESTDATA")) GTEST_SKIP() << "already running with RF_TESTDATA set";
    if (!test::haveExiftool())
        GTEST_SKIP() << "exiftool not installed: the Metadata tests skip before the raw matters";
    const fs::path self = fs::read_symlink("/proc/self/exe");
    const fs::path dir = test::scratchDir("metadata-no-testdata");
    const fs::path report = dir / "report.json";
    const fs::path missing = dir / "no-testdata-here";
    std::string log;
    const int rc =
        test::runCommand("RF_TESTDATA=" + test::shellQuote(missing.string()) + " timeout 600 " +
                             test::shellQuote(self.string()) +
                             " --gtest_filter=-MetadataWithoutTestData.* --gtest_output=json:" +
                             test::shellQuote(report.string()),
                         log);
    const json j = json::parse(test::readFile(report.string()), nullptr, false);
    fs::remove_all(dir);
    EXPECT_EQ(rc, 0) << "a test failed without the test data:\n" << log;
    ASSERT_TRUE(j.is_object() && j.contains("testsuites")) << "no JSON report:\n" << log;
    int skipped = 0, ran = 0;
    for (const auto& suite : j["testsuites"])
        for (const auto& t : suite["testsuite"]) {
            const std::string name =
                suite["name"].get<std::string>() + "." + t["name"].get<std::string>();
            EXPECT_FALSE(t.contains("failures")) << name << " failed without the test data";
            if (t.value("result", "") == "SKIPPED") {
                ++skipped;
                // The skip says why, naming the missing folder, between the test's start and end.
                const std::size_t from = log.find("[ RUN      ] " + name + "\n");
                const std::size_t to = log.find("[  SKIPPED ] " + name + " (", from);
                ASSERT_TRUE(from != std::string::npos && to != std::string::npos) << name << log;
                EXPECT_NE(log.substr(from, to - from).find(missing.string()), std::string::npos)
                    << name << " skipped without naming the missing test data\n"
                    << log.substr(from, to - from);
            } else {
                ++ran;
            }
        }
    // The ten tests that read the raw skip; the rest (fallbacks, errors, names) still run.
    EXPECT_EQ(skipped, 10) << log;
    EXPECT_GT(ran, 0) << log;
}
