// SPDX-License-Identifier: GPL-3.0-or-later
// Metadata copy from a real Canon CR2 (and from a JPEG that exiftool has loaded with GPS,
// location and a rotated orientation) into freshly written JPEG, TIFF and PNG files, checked
// with exiftool as the independent reader: the photographic tags arrive, the raw's structure,
// maker notes and thumbnails do not, GPS leaves unless kept, the ICC profile and the pixels
// survive the rewrite.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "rangefinder/error.h"
#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/writer.h"
#include "support/writer_fixtures.h"

using namespace rf;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kCr2 = RF_SOURCE_DIR "/../shared/testdata/raw/canon-eos30d.CR2";

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
    static void requireCr2() {
        if (!fs::exists(kCr2)) GTEST_SKIP() << "test raw absent: " << kCr2;
    }

    const int w_ = 200, h_ = 120;
    Image image_ = testImage(200, 120);
    fs::path dir_;
    std::vector<std::uint8_t> icc_;
};

}  // namespace

TEST_F(Metadata, CopiesPhotographicTagsFromTheCr2IntoAJpeg) {
    requireCr2();
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
    requireCr2();
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
    requireCr2();
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
        keep.keepGps = true;
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

TEST_F(Metadata, CopyOffLeavesTheFileAlone) {
    requireCr2();
    const std::string out = writeTestImage("off.jpg");
    const auto size = fs::file_size(out);
    MetadataPolicy off;
    off.copy = false;
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
    requireCr2();
    const int n = 4;
    std::vector<std::string> outs;
    for (const char* name : {"c0.jpg", "c1.jpg", "c2.jpg", "c3.jpg"})
        outs.push_back(writeTestImage(name));
    parallelTasks(n, 2, [&](int i) { writeMetadata(outs[i], kCr2, {}, w_, h_, {}); });
    for (const auto& o : outs) EXPECT_EQ(str(exif(o), "EXIF:IFD0:Model"), "Canon EOS 30D") << o;
}
