// SPDX-License-Identifier: GPL-3.0-or-later
// The one place Exiv2 is used. Exported files get the photographer's metadata from the raw:
// an allow-list of EXIF tags (camera, exposure, lens, dates, authorship) rather than a copy
// of everything, because a raw's EXIF also describes the raw itself (strip offsets, sensor
// crops, maker notes with preview offsets) and would be wrong in a JPEG. Orientation becomes
// 1 because the pixels are already turned, the dimensions are the written ones, and location
// is dropped unless the photographer keeps it. Exiv2 0.27's XMP toolkit is not thread-safe,
// so calls are serialised; they take milliseconds next to the render.
#include <algorithm>
#include <cstring>
#include <mutex>
#include <set>
#include <string>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"  // Exiv2 0.27 uses std::auto_ptr
#include <exiv2/exiv2.hpp>

#include "rangefinder/error.h"
#include "rangefinder/writer.h"

namespace rf {

namespace {

std::mutex& exivMutex() {
    static std::mutex m;
    return m;
}

void initialiseExiv2() {
    static std::once_flag once;
    std::call_once(once, [] {
        Exiv2::XmpParser::initialize();
        // Exiv2 would print warnings about makernotes of every raw to stderr.
        Exiv2::LogMsg::setLevel(Exiv2::LogMsg::mute);
    });
}

bool allowedExif(const std::string& key) {
    static const std::set<std::string> allowed = {
        "Exif.Image.Make", "Exif.Image.Model", "Exif.Image.DateTime", "Exif.Image.Artist",
        "Exif.Image.Copyright", "Exif.Image.ImageDescription",
        "Exif.Photo.ExposureTime", "Exif.Photo.FNumber", "Exif.Photo.ExposureProgram",
        "Exif.Photo.ISOSpeedRatings", "Exif.Photo.SensitivityType",
        "Exif.Photo.RecommendedExposureIndex", "Exif.Photo.ExifVersion",
        "Exif.Photo.DateTimeOriginal", "Exif.Photo.DateTimeDigitized", "Exif.Photo.OffsetTime",
        "Exif.Photo.OffsetTimeOriginal", "Exif.Photo.OffsetTimeDigitized",
        "Exif.Photo.SubSecTime", "Exif.Photo.SubSecTimeOriginal",
        "Exif.Photo.SubSecTimeDigitized", "Exif.Photo.ShutterSpeedValue",
        "Exif.Photo.ApertureValue", "Exif.Photo.ExposureBiasValue",
        "Exif.Photo.MaxApertureValue", "Exif.Photo.SubjectDistance", "Exif.Photo.MeteringMode",
        "Exif.Photo.LightSource", "Exif.Photo.Flash", "Exif.Photo.FocalLength",
        "Exif.Photo.ExposureMode", "Exif.Photo.WhiteBalance", "Exif.Photo.DigitalZoomRatio",
        "Exif.Photo.FocalLengthIn35mmFilm", "Exif.Photo.SceneCaptureType",
        "Exif.Photo.SubjectDistanceRange", "Exif.Photo.BodySerialNumber",
        "Exif.Photo.CameraOwnerName", "Exif.Photo.LensSpecification", "Exif.Photo.LensMake",
        "Exif.Photo.LensModel", "Exif.Photo.LensSerialNumber", "Exif.Photo.ImageUniqueID",
    };
    return allowed.count(key) != 0;
}

bool isLocationIptc(const std::string& key) {
    static const std::set<std::string> location = {
        "Iptc.Application2.City", "Iptc.Application2.SubLocation",
        "Iptc.Application2.ProvinceState", "Iptc.Application2.CountryName",
        "Iptc.Application2.CountryCode", "Iptc.Application2.LocationName",
        "Iptc.Application2.LocationCode"};
    return location.count(key) != 0;
}

// XMP from the raw is carried over except what describes the raw file or another editor's
// develop settings, which would be meaningless (or wrongly re-applied) on a finished image.
bool droppedXmp(const std::string& key, bool keepGps) {
    static const char* const prefixes[] = {"Xmp.crs.",         "Xmp.darktable.",
                                           "Xmp.tiff.",        "Xmp.xmpMM.",
                                           "Xmp.exif.PixelX",  "Xmp.exif.PixelY",
                                           "Xmp.photoshop.SidecarForExtension"};
    for (const char* p : prefixes)
        if (key.rfind(p, 0) == 0) return true;
    if (!keepGps) {
        if (key.rfind("Xmp.exif.GPS", 0) == 0) return true;
        static const char* const location[] = {"Xmp.photoshop.City", "Xmp.photoshop.State",
                                               "Xmp.photoshop.Country",
                                               "Xmp.iptc.Location", "Xmp.iptc.CountryCode",
                                               "Xmp.iptcExt.LocationCreated",
                                               "Xmp.iptcExt.LocationShown"};
        for (const char* p : location)
            if (key.rfind(p, 0) == 0) return true;
    }
    return false;
}

std::string exifDate(const std::string& iso) {
    // "YYYY-MM-DDTHH:MM:SS" → EXIF's "YYYY:MM:DD HH:MM:SS".
    if (iso.size() < 19) return "";
    std::string s = iso.substr(0, 19);
    s[4] = s[7] = ':';
    s[10] = ' ';
    return s;
}

Exiv2::Rational rationalOf(double v, int den) {
    return {int(v * den + 0.5), den};
}

// When Exiv2 cannot read the raw (CR3 in 0.27, for instance) the decoder's view is used.
void fillFromCaptureInfo(Exiv2::ExifData& ex, const CaptureInfo& i) {
    if (!i.make.empty()) ex["Exif.Image.Make"] = i.make;
    if (!i.model.empty()) ex["Exif.Image.Model"] = i.model;
    if (!i.lens.empty()) ex["Exif.Photo.LensModel"] = i.lens;
    if (i.iso > 0) ex["Exif.Photo.ISOSpeedRatings"] = std::uint16_t(std::min(i.iso, 65535.f));
    if (i.shutterSeconds > 0) {
        ex["Exif.Photo.ExposureTime"] =
            i.shutterSeconds < 1 ? Exiv2::Rational(1, int(1.0 / i.shutterSeconds + 0.5))
                                 : rationalOf(i.shutterSeconds, 10);
    }
    if (i.aperture > 0) ex["Exif.Photo.FNumber"] = rationalOf(i.aperture, 10);
    if (i.focalLengthMm > 0) ex["Exif.Photo.FocalLength"] = rationalOf(i.focalLengthMm, 10);
    const std::string date = exifDate(i.dateTime);
    if (!date.empty()) ex["Exif.Photo.DateTimeOriginal"] = date;
    if (!i.artist.empty()) ex["Exif.Image.Artist"] = i.artist;
    if (!i.copyright.empty()) ex["Exif.Image.Copyright"] = i.copyright;
}

}  // namespace

void writeMetadata(const std::string& outputPath, const std::string& sourceRaw,
                   const CaptureInfo& info, int width, int height, const MetadataPolicy& policy) {
    if (!policy.copy) return;
    std::lock_guard lock(exivMutex());
    initialiseExiv2();

    Exiv2::ExifData srcExif;
    Exiv2::IptcData srcIptc;
    Exiv2::XmpData srcXmp;
    bool haveSource = false;
    try {
        Exiv2::Image::AutoPtr src = Exiv2::ImageFactory::open(sourceRaw);
        src->readMetadata();
        srcExif = src->exifData();
        srcIptc = src->iptcData();
        srcXmp = src->xmpData();
        haveSource = true;
    } catch (const Exiv2::AnyError&) {
        // Not an error for the export: the pixels are fine, the decoder's metadata is used.
    }

    try {
        Exiv2::Image::AutoPtr out = Exiv2::ImageFactory::open(outputPath);
        out->readMetadata();  // keeps what the encoder wrote, the ICC profile among it
        Exiv2::ExifData& ex = out->exifData();
        if (haveSource) {
            for (const auto& d : srcExif) {
                const std::string key = d.key();
                if (allowedExif(key) || (policy.keepGps && d.groupName() == "GPSInfo"))
                    ex[key].setValue(&d.value());
            }
        }
        if (!haveSource || ex.findKey(Exiv2::ExifKey("Exif.Image.Make")) == ex.end())
            fillFromCaptureInfo(ex, info);
        ex["Exif.Image.Orientation"] = std::uint16_t(1);
        ex["Exif.Photo.PixelXDimension"] = std::uint32_t(width);
        ex["Exif.Photo.PixelYDimension"] = std::uint32_t(height);
        ex["Exif.Image.Software"] = std::string("Rangefinder ") + RF_VERSION;
        if (!policy.artist.empty()) ex["Exif.Image.Artist"] = policy.artist;
        if (!policy.copyright.empty()) ex["Exif.Image.Copyright"] = policy.copyright;
        if (!policy.keepGps)
            for (auto it = ex.begin(); it != ex.end();)
                it = it->groupName() == "GPSInfo" ? ex.erase(it) : std::next(it);

        Exiv2::IptcData& iptc = out->iptcData();
        for (const auto& d : srcIptc)
            if (policy.keepGps || !isLocationIptc(d.key())) iptc.add(d);

        Exiv2::XmpData& xmp = out->xmpData();
        for (const auto& d : srcXmp)
            if (!droppedXmp(d.key(), policy.keepGps)) xmp.add(d);
        xmp["Xmp.xmp.CreatorTool"] = std::string("Rangefinder ") + RF_VERSION;
        if (!policy.artist.empty()) {
            for (auto it = xmp.begin(); it != xmp.end();)
                it = it->key().rfind("Xmp.dc.creator", 0) == 0 ? xmp.erase(it) : std::next(it);
            Exiv2::XmpArrayValue creator(Exiv2::xmpSeq);
            creator.read(policy.artist);
            xmp.add(Exiv2::XmpKey("Xmp.dc.creator"), &creator);
        }
        if (!policy.copyright.empty())
            xmp["Xmp.dc.rights"] = "lang=x-default " + policy.copyright;
        out->writeMetadata();
    } catch (const Exiv2::AnyError& e) {
        throw Error(outputPath, std::string("cannot write metadata: ") + e.what());
    }
}

}  // namespace rf

#pragma GCC diagnostic pop
