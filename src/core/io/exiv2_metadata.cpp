// SPDX-License-Identifier: GPL-3.0-or-later
// The photographer's metadata travels from the raw into the exported file: camera, lens,
// exposure, date, author and rights, plus any IPTC and XMP the raw carries. Only an allow-list
// of photographic EXIF tags is copied — a raw's IFDs also describe its own sensor data,
// previews and maker notes, none of which is true of the exported pixels. The pixels are
// already rotated, so Orientation becomes 1; the pixel dimensions are the written ones. The
// policy then decides how much leaves with the picture: all of it, all but the place
// (NoLocation), only who made it and who owns it (CopyrightOnly; the tags that describe the
// exported file itself — orientation, size, EXIF version, Software/CreatorTool — stay, since
// they say nothing about the camera, the moment or the place), or nothing. Edit histories —
// ours in the `rangefinder:` namespace, Camera Raw's, darktable's — never leave: they are
// the workshop, not the picture. Exiv2 0.27 is not thread-safe throughout, so
// every call here runs under the mutex of io/exiv2_common.h, shared with the XMP sidecars: a
// metadata write takes milliseconds, a render seconds.
#include <fcntl.h>
#include <unistd.h>
#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <mutex>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>

#include "io/exiv2_common.h"
#include "rangefinder/error.h"
#include "rangefinder/writer.h"

namespace rf {

namespace {

// Exiv2 0.27 rewrites a file through FileIo::transfer, which ignores a failed write: past a
// file size limit or on a full disk the file was cut short and reported written (seen with
// `ulimit -f`: a 28 KB JPEG left at 25.6 KB, exit status 0). For the new contents Exiv2
// builds in memory — how it writes JPEG, PNG and TIFF — this writes them itself and reports
// any failure with its errno; anything else goes the library's way.
class CheckedFileIo : public Exiv2::FileIo {
  public:
    explicit CheckedFileIo(const std::string& path) : Exiv2::FileIo(path) {}

    void transfer(Exiv2::BasicIo& src) override {
        if (isopen() || dynamic_cast<Exiv2::MemIo*>(&src) == nullptr) {
            Exiv2::FileIo::transfer(src);
            return;
        }
        const std::string file = path();
        const auto fail = [&](int err) {
            return Error(file, std::string("cannot write metadata: ") + std::strerror(err), err);
        };
        if (src.open() != 0) throw Error(file, "cannot write metadata: the new data is unreadable");
        const Exiv2::byte* data = src.mmap();
        const std::size_t size = src.size();
        const int fd = ::open(file.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0) {
            const int err = errno;
            src.close();
            throw fail(err);
        }
        for (std::size_t done = 0; done < size;) {
            const ssize_t n = ::write(fd, data + done, size - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                const int err = n < 0 ? errno : ENOSPC;
                ::close(fd);
                src.close();
                throw fail(err);
            }
            done += std::size_t(n);
        }
        src.munmap();
        src.close();
        if (::close(fd) != 0) throw fail(errno);
    }
};

// Photographic EXIF tags: what the camera recorded about the scene and the shot.
constexpr std::string_view kExifAllowList[] = {
    "Exif.Image.Make",
    "Exif.Image.Model",
    "Exif.Image.DateTime",
    "Exif.Image.Artist",
    "Exif.Image.Copyright",
    "Exif.Photo.ExifVersion",
    "Exif.Photo.ExposureTime",
    "Exif.Photo.FNumber",
    "Exif.Photo.ExposureProgram",
    "Exif.Photo.ISOSpeedRatings",
    "Exif.Photo.SensitivityType",
    "Exif.Photo.StandardOutputSensitivity",
    "Exif.Photo.RecommendedExposureIndex",
    "Exif.Photo.ISOSpeed",
    "Exif.Photo.DateTimeOriginal",
    "Exif.Photo.DateTimeDigitized",
    "Exif.Photo.OffsetTime",
    "Exif.Photo.OffsetTimeOriginal",
    "Exif.Photo.OffsetTimeDigitized",
    "Exif.Photo.SubSecTime",
    "Exif.Photo.SubSecTimeOriginal",
    "Exif.Photo.SubSecTimeDigitized",
    "Exif.Photo.ShutterSpeedValue",
    "Exif.Photo.ApertureValue",
    "Exif.Photo.BrightnessValue",
    "Exif.Photo.ExposureBiasValue",
    "Exif.Photo.MaxApertureValue",
    "Exif.Photo.SubjectDistance",
    "Exif.Photo.MeteringMode",
    "Exif.Photo.LightSource",
    "Exif.Photo.Flash",
    "Exif.Photo.FocalLength",
    "Exif.Photo.ExposureIndex",
    "Exif.Photo.ExposureMode",
    "Exif.Photo.WhiteBalance",
    "Exif.Photo.DigitalZoomRatio",
    "Exif.Photo.FocalLengthIn35mmFilm",
    "Exif.Photo.SceneCaptureType",
    "Exif.Photo.SubjectDistanceRange",
    "Exif.Photo.CameraOwnerName",
    "Exif.Photo.BodySerialNumber",
    "Exif.Photo.LensSpecification",
    "Exif.Photo.LensMake",
    "Exif.Photo.LensModel",
    "Exif.Photo.LensSerialNumber",
    "Exif.Photo.ImageTitle",
    "Exif.Photo.Photographer",
};

// TIFF/EP raws (some NEF, older DNG) keep exposure tags in IFD0; EXIF wants them in the
// Exif IFD.
constexpr std::pair<std::string_view, std::string_view> kTiffEpToExif[] = {
    {"Exif.Image.ExposureTime", "Exif.Photo.ExposureTime"},
    {"Exif.Image.FNumber", "Exif.Photo.FNumber"},
    {"Exif.Image.ExposureProgram", "Exif.Photo.ExposureProgram"},
    {"Exif.Image.ISOSpeedRatings", "Exif.Photo.ISOSpeedRatings"},
    {"Exif.Image.DateTimeOriginal", "Exif.Photo.DateTimeOriginal"},
    {"Exif.Image.MeteringMode", "Exif.Photo.MeteringMode"},
    {"Exif.Image.Flash", "Exif.Photo.Flash"},
    {"Exif.Image.FocalLength", "Exif.Photo.FocalLength"},
};

// IPTC fields that say where the picture was taken.
constexpr std::string_view kIptcLocation[] = {
    "Iptc.Application2.City",          "Iptc.Application2.SubLocation",
    "Iptc.Application2.ProvinceState", "Iptc.Application2.CountryName",
    "Iptc.Application2.CountryCode",   "Iptc.Application2.LocationCode",
    "Iptc.Application2.LocationName",
};

// IPTC fields that CopyrightOnly keeps: who made it, who owns it, whom to ask.
constexpr std::string_view kIptcCopyright[] = {
    "Iptc.Envelope.CharacterSet",    "Iptc.Application2.RecordVersion", "Iptc.Application2.Byline",
    "Iptc.Application2.BylineTitle", "Iptc.Application2.Copyright",     "Iptc.Application2.Contact",
    "Iptc.Application2.Credit",      "Iptc.Application2.Source",
};

// XMP properties that describe the raw's own data, another editor's settings or an edit
// history; the `rangefinder:` namespace is dropped by its URI as well (see keepXmp()).
constexpr std::string_view kXmpDropPrefixes[] = {
    "Xmp.rangefinder.",
    "Xmp.crs.",
    "Xmp.crss.",
    "Xmp.darktable.",
    "Xmp.xmpMM.",
    "Xmp.photoshop.History",
    "Xmp.tiff.ImageWidth",
    "Xmp.tiff.ImageLength",
    "Xmp.tiff.BitsPerSample",
    "Xmp.tiff.Compression",
    "Xmp.tiff.PhotometricInterpretation",
    "Xmp.tiff.SamplesPerPixel",
    "Xmp.tiff.PlanarConfiguration",
    "Xmp.tiff.YCbCr",
    "Xmp.tiff.Orientation",
    "Xmp.exif.PixelXDimension",
    "Xmp.exif.PixelYDimension",
    "Xmp.xmp.CreatorTool",
};

// XMP location properties, dropped with GPS (LocationCreated/LocationShown share the
// "Xmp.iptcExt.Location" prefix).
constexpr std::string_view kXmpLocationPrefixes[] = {
    "Xmp.exif.GPS",
    "Xmp.photoshop.City",
    "Xmp.photoshop.State",
    "Xmp.photoshop.Country",
    "Xmp.iptc.Location",
    "Xmp.iptc.CountryCode",
    "Xmp.iptcExt.Location",
    "Xmp.iptcExt.City",
    "Xmp.iptcExt.CountryName",
    "Xmp.iptcExt.CountryCode",
    "Xmp.iptcExt.ProvinceState",
    "Xmp.iptcExt.Sublocation",
};

// XMP properties that CopyrightOnly keeps.
constexpr std::string_view kXmpCopyrightPrefixes[] = {
    "Xmp.dc.creator",       "Xmp.dc.rights",        "Xmp.iptc.CreatorContactInfo",
    "Xmp.photoshop.Credit", "Xmp.photoshop.Source", "Xmp.photoshop.AuthorsPosition",
    "Xmp.xmpRights.",
};

// The source's EXIF tags CopyrightOnly copies; the tags describing the exported file itself
// (orientation, size, EXIF version, Software) are written under every mode.
constexpr std::string_view kExifCopyrightOnly[] = {
    "Exif.Image.Artist",
    "Exif.Image.Copyright",
};

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

template <std::size_t N>
bool startsWithAny(std::string_view s, const std::string_view (&prefixes)[N]) {
    return std::any_of(std::begin(prefixes), std::end(prefixes),
                       [&](std::string_view p) { return startsWith(s, p); });
}

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view s) {
    return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

Exiv2::URational rational(double v, std::uint32_t den) {
    const auto num = static_cast<std::uint32_t>(std::lround(std::max(0.0, v) * den));
    const std::uint32_t g = std::gcd(num, den);
    return g ? Exiv2::URational(num / g, den / g) : Exiv2::URational(0, 1);
}

// 1/250 stays 1/250; long exposures keep a tenth of a second.
Exiv2::URational exposureRational(double seconds) {
    if (seconds >= 1.0) return rational(seconds, 10);
    const double inv = 1.0 / seconds;
    const auto den = static_cast<std::uint32_t>(std::lround(inv));
    if (den > 0 && std::abs(inv - den) / inv < 0.01) return Exiv2::URational(1, den);
    return rational(seconds, 1000000);
}

// "YYYY-MM-DDTHH:MM:SS" → EXIF's "YYYY:MM:DD HH:MM:SS"; empty when malformed.
std::string exifDate(const std::string& iso) {
    if (iso.size() < 19) return {};
    std::string d = iso.substr(0, 19);
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18})
        if (d[i] < '0' || d[i] > '9') return {};
    d[4] = d[7] = ':';
    d[10] = ' ';
    d[13] = d[16] = ':';
    return d;
}

bool hasKey(const Exiv2::ExifData& exif, const char* key) {
    return exif.findKey(Exiv2::ExifKey(key)) != exif.end();
}

// What the decoder already read, for sources Exiv2 cannot parse and gaps in those it can
// (a Canon 30D names its lens only in the maker notes).
void fillFromCaptureInfo(Exiv2::ExifData& exif, const CaptureInfo& info) {
    if (!info.make.empty() && !hasKey(exif, "Exif.Image.Make")) exif["Exif.Image.Make"] = info.make;
    if (!info.model.empty() && !hasKey(exif, "Exif.Image.Model"))
        exif["Exif.Image.Model"] = info.model;
    if (!info.lens.empty() && !hasKey(exif, "Exif.Photo.LensModel"))
        exif["Exif.Photo.LensModel"] = info.lens;
    if (info.iso > 0 && !hasKey(exif, "Exif.Photo.ISOSpeedRatings"))
        exif["Exif.Photo.ISOSpeedRatings"] =
            static_cast<std::uint16_t>(std::min(65535L, std::lround(info.iso)));
    if (info.shutterSeconds > 0 && !hasKey(exif, "Exif.Photo.ExposureTime"))
        exif["Exif.Photo.ExposureTime"] = exposureRational(info.shutterSeconds);
    if (info.aperture > 0 && !hasKey(exif, "Exif.Photo.FNumber"))
        exif["Exif.Photo.FNumber"] = rational(info.aperture, 10);
    if (info.focalLengthMm > 0 && !hasKey(exif, "Exif.Photo.FocalLength"))
        exif["Exif.Photo.FocalLength"] = rational(info.focalLengthMm, 10);
    const std::string date = exifDate(info.dateTime);
    if (!date.empty() && !hasKey(exif, "Exif.Photo.DateTimeOriginal"))
        exif["Exif.Photo.DateTimeOriginal"] = date;
    if (!info.artist.empty() && !hasKey(exif, "Exif.Image.Artist"))
        exif["Exif.Image.Artist"] = info.artist;
    if (!info.copyright.empty() && !hasKey(exif, "Exif.Image.Copyright"))
        exif["Exif.Image.Copyright"] = info.copyright;
}

struct SourceMetadata {
    Exiv2::ExifData exif;
    Exiv2::IptcData iptc;
    Exiv2::XmpData xmp;
};

// Reads the source's metadata; a source Exiv2 cannot read leaves it empty (the caller then
// relies on CaptureInfo) rather than failing the export.
SourceMetadata readSource(const std::string& path) {
    SourceMetadata m;
    if (path.empty()) return m;
    try {
        auto image = Exiv2::ImageFactory::open(path);
        image->readMetadata();
        m.exif = image->exifData();
        m.iptc = image->iptcData();
        m.xmp = image->xmpData();
    } catch (const Exiv2::AnyError&) {
        m = SourceMetadata{};
    }
    return m;
}

enum class OutputKind { Jpeg, Tiff, Other };

// An EXIF "undefined" tag holding these bytes (versions are four ASCII digits).
void setUndefined(Exiv2::ExifData& exif, const char* key, const std::string& bytes) {
    Exiv2::DataValue v(reinterpret_cast<const Exiv2::byte*>(bytes.data()), long(bytes.size()),
                       Exiv2::invalidByteOrder, Exiv2::undefined);
    exif[key].setValue(&v);
}

// What one export writes: the mode, the author and rights after the overrides and the
// sidecar's defaults, and the sidecar's descriptive fields when the mode carries them.
struct Plan {
    MetadataMode mode;
    std::string artist, copyright;
    const PhotoInfo* photo;  ///< null under CopyrightOnly or when not given
    /// The EXIF Artist/Copyright as written: they fill dc:creator, dc:rights, IPTC By-line
    /// and CopyrightNotice where the source had none, so every reader sees the same author.
    std::string exifArtist, exifCopyright;
    bool keepLocation() const { return mode == MetadataMode::All; }
    bool copyrightOnly() const { return mode == MetadataMode::CopyrightOnly; }
};

void mergeExif(Exiv2::ExifData& out, const Exiv2::ExifData& src, const CaptureInfo& info, int width,
               int height, const Plan& plan, OutputKind format) {
    // The output's own tags (a TIFF's structure, its ICC profile) stay; GPS goes unless kept.
    for (auto it = out.begin(); it != out.end();) {
        if (it->groupName() == "GPSInfo")
            it = out.erase(it);
        else
            ++it;
    }
    Exiv2::ExifData picked;
    if (plan.copyrightOnly()) {
        for (const auto& d : src)
            if (contains(kExifCopyrightOnly, d.key())) picked[d.key()].setValue(&d.value());
        if (!info.artist.empty() && !hasKey(picked, "Exif.Image.Artist"))
            picked["Exif.Image.Artist"] = info.artist;
        if (!info.copyright.empty() && !hasKey(picked, "Exif.Image.Copyright"))
            picked["Exif.Image.Copyright"] = info.copyright;
    } else {
        for (const auto& d : src) {
            const std::string key = d.key();
            if (contains(kExifAllowList, key) ||
                (plan.keepLocation() && d.groupName() == "GPSInfo"))
                picked[key].setValue(&d.value());
        }
        for (const auto& [from, to] : kTiffEpToExif) {
            auto it = src.findKey(Exiv2::ExifKey(std::string(from)));
            if (it != src.end() && !hasKey(picked, std::string(to).c_str()))
                picked[std::string(to)].setValue(&it->value());
        }
        fillFromCaptureInfo(picked, info);
        if (plan.photo && !plan.photo->description.empty())
            picked["Exif.Image.ImageDescription"] = plan.photo->description;
    }
    for (const auto& d : picked) out[d.key()].setValue(&d.value());

    // The copied set uses EXIF 2.3 tags (LensModel, SensitivityType), so declare at least 2.30.
    {
        std::string version;
        auto it = out.findKey(Exiv2::ExifKey("Exif.Photo.ExifVersion"));
        if (it != out.end() && it->count() == 4)
            for (long i = 0; i < 4; ++i) version += static_cast<char>(it->toLong(i));
        if (version.size() != 4 || version < "0230")
            setUndefined(out, "Exif.Photo.ExifVersion", "0230");
    }
    if (!hasKey(out, "Exif.Photo.FlashpixVersion"))
        setUndefined(out, "Exif.Photo.FlashpixVersion", "0100");
    // The embedded ICC profile defines the colours, whatever the camera's JPEG used.
    out["Exif.Photo.ColorSpace"] = static_cast<std::uint16_t>(0xFFFF);  // uncalibrated
    out["Exif.Image.Orientation"] = static_cast<std::uint16_t>(1);
    if (format == OutputKind::Tiff) {
        // A TIFF's own ImageWidth/ImageLength are its dimensions; EXIF forbids these there.
        for (const char* key : {"Exif.Photo.PixelXDimension", "Exif.Photo.PixelYDimension"}) {
            auto it = out.findKey(Exiv2::ExifKey(key));
            if (it != out.end()) out.erase(it);
        }
    } else {
        out["Exif.Photo.PixelXDimension"] = static_cast<std::uint32_t>(width);
        out["Exif.Photo.PixelYDimension"] = static_cast<std::uint32_t>(height);
    }
    if (format == OutputKind::Jpeg) {
        // Tags EXIF requires in a JPEG; the resolution matches the encoder's JFIF 300 dpi.
        setUndefined(out, "Exif.Photo.ComponentsConfiguration", std::string("\x01\x02\x03\0", 4));
        out["Exif.Image.XResolution"] = Exiv2::URational(300, 1);
        out["Exif.Image.YResolution"] = Exiv2::URational(300, 1);
        out["Exif.Image.ResolutionUnit"] = static_cast<std::uint16_t>(2);    // inches
        out["Exif.Image.YCbCrPositioning"] = static_cast<std::uint16_t>(1);  // centred
    }
    out["Exif.Image.Software"] = std::string("Rangefinder ") + RF_VERSION;
    if (!plan.artist.empty()) out["Exif.Image.Artist"] = plan.artist;
    if (!plan.copyright.empty()) out["Exif.Image.Copyright"] = plan.copyright;
    // Thumbnails, maker notes and interoperability tags never come from the allow-list, but
    // an output that already had them (not ours) should not keep a stale preview either.
    for (auto it = out.begin(); it != out.end();) {
        const std::string group = it->groupName();
        if (group == "Thumbnail" || it->key() == "Exif.Photo.MakerNote")
            it = out.erase(it);
        else
            ++it;
    }
}

void eraseIptc(Exiv2::IptcData& iptc, const std::string& key) {
    for (auto it = iptc.begin(); it != iptc.end();) {
        if (it->key() == key)
            it = iptc.erase(it);
        else
            ++it;
    }
}

void mergeIptc(Exiv2::IptcData& out, const Exiv2::IptcData& src, const Plan& plan) {
    out.clear();
    for (const auto& d : src) {
        if (plan.copyrightOnly() && !contains(kIptcCopyright, d.key())) continue;
        if (!plan.keepLocation() && contains(kIptcLocation, d.key())) continue;
        out.add(d);
    }
    bool wrote = false;
    auto add = [&](const char* key, const std::string& value) {
        Exiv2::StringValue v(value);
        out.add(Exiv2::IptcKey(key), &v);
        wrote = true;
    };
    auto replace = [&](const char* key, const std::string& value) {
        if (value.empty()) return;
        eraseIptc(out, key);
        add(key, value);
    };
    replace("Iptc.Application2.Byline", plan.artist);
    replace("Iptc.Application2.Copyright", plan.copyright);
    auto fill = [&](const char* key, const std::string& value) {
        if (!value.empty() && out.findKey(Exiv2::IptcKey(key)) == out.end()) add(key, value);
    };
    fill("Iptc.Application2.Byline", plan.exifArtist);
    fill("Iptc.Application2.Copyright", plan.exifCopyright);
    if (plan.photo) {
        replace("Iptc.Application2.ObjectName", plan.photo->title);
        replace("Iptc.Application2.Caption", plan.photo->description);
        if (!plan.photo->keywords.empty()) {
            eraseIptc(out, "Iptc.Application2.Keywords");
            for (const auto& k : plan.photo->keywords)
                if (!k.empty()) add("Iptc.Application2.Keywords", k);
        }
    }
    // Our strings are UTF-8; IPTC says so with the ISO 2022 escape "ESC % G".
    if (wrote) {
        eraseIptc(out, "Iptc.Envelope.CharacterSet");
        add("Iptc.Envelope.CharacterSet", "\x1b%G");
    }
}

// Whether an XMP property of the source may reach the export under `plan`.
bool keepXmp(const Exiv2::Xmpdatum& d, const Plan& plan) {
    const std::string key = d.key();
    if (startsWithAny(key, kXmpDropPrefixes)) return false;
    // Our namespace under whatever prefix the file declared it with.
    try {
        if (Exiv2::XmpProperties::ns(d.groupName()) == kSidecarNamespace) return false;
    } catch (const Exiv2::AnyError&) {
        return false;  // a namespace Exiv2 cannot name cannot be judged either
    }
    if (!plan.keepLocation() && startsWithAny(key, kXmpLocationPrefixes)) return false;
    if (plan.copyrightOnly() && !startsWithAny(key, kXmpCopyrightPrefixes)) return false;
    return true;
}

void mergeXmp(Exiv2::XmpData& out, const Exiv2::XmpData& src, const Plan& plan) {
    // Whatever the output file already held is judged by the same rules as the source.
    for (auto it = out.begin(); it != out.end();) {
        if (!keepXmp(*it, plan))
            it = out.erase(it);
        else
            ++it;
    }
    auto eraseAll = [&](const std::string& prefix) {
        for (auto it = out.begin(); it != out.end();) {
            if (startsWith(it->key(), prefix))
                it = out.erase(it);
            else
                ++it;
        }
    };
    for (const auto& d : src) {
        if (!keepXmp(d, plan)) continue;
        auto it = out.findKey(Exiv2::XmpKey(d.key()));
        if (it != out.end()) out.erase(it);
        out.add(d);
    }
    out["Xmp.xmp.CreatorTool"] = std::string("Rangefinder ") + RF_VERSION;
    // Language alternatives get an explicit tag, so a text that itself begins "lang=" is kept.
    auto setLangAlt = [&](const char* key, const std::string& text) {
        if (text.empty()) return;
        eraseAll(key);
        Exiv2::LangAltValue v;
        v.read("lang=x-default " + text);
        out.add(Exiv2::XmpKey(key), &v);
    };
    if (!plan.artist.empty()) {
        eraseAll("Xmp.dc.creator");
        Exiv2::XmpArrayValue creator(Exiv2::xmpSeq);
        creator.read(plan.artist);
        out.add(Exiv2::XmpKey("Xmp.dc.creator"), &creator);
    }
    setLangAlt("Xmp.dc.rights", plan.copyright);
    auto absent = [&](const char* key) { return out.findKey(Exiv2::XmpKey(key)) == out.end(); };
    if (absent("Xmp.dc.creator") && !plan.exifArtist.empty()) {
        Exiv2::XmpArrayValue creator(Exiv2::xmpSeq);
        creator.read(plan.exifArtist);
        out.add(Exiv2::XmpKey("Xmp.dc.creator"), &creator);
    }
    if (absent("Xmp.dc.rights")) setLangAlt("Xmp.dc.rights", plan.exifCopyright);
    if (!plan.photo) return;
    const PhotoInfo& p = *plan.photo;
    if (p.rating != 0) {
        eraseAll("Xmp.xmp.Rating");
        out["Xmp.xmp.Rating"] = std::to_string(p.rating);
    }
    if (!p.label.empty()) {
        eraseAll("Xmp.xmp.Label");
        out["Xmp.xmp.Label"] = p.label;
    }
    setLangAlt("Xmp.dc.title", p.title);
    setLangAlt("Xmp.dc.description", p.description);
    if (!p.keywords.empty()) {
        eraseAll("Xmp.dc.subject");
        Exiv2::XmpArrayValue subject(Exiv2::xmpBag);
        for (const auto& k : p.keywords)
            if (!k.empty()) subject.read(k);
        if (subject.count() > 0) out.add(Exiv2::XmpKey("Xmp.dc.subject"), &subject);
    }
}

Plan makePlan(const MetadataPolicy& policy, const PhotoInfo* photo) {
    Plan plan{policy.mode,
              policy.artist,
              policy.copyright,
              policy.mode == MetadataMode::CopyrightOnly ? nullptr : photo,
              {},
              {}};
    if (photo) {
        if (plan.artist.empty()) plan.artist = photo->creator;
        if (plan.copyright.empty()) plan.copyright = photo->rights;
    }
    return plan;
}

std::string writtenExif(const Exiv2::ExifData& exif, const char* key) {
    auto it = exif.findKey(Exiv2::ExifKey(key));
    return it == exif.end() ? std::string() : it->toString();
}

}  // namespace

EmbeddedMetadata metadataToEmbed(const std::string& sourceRaw, const CaptureInfo& info, int width,
                                 int height, const MetadataPolicy& policy, const PhotoInfo* photo) {
    EmbeddedMetadata out;
    if (policy.mode == MetadataMode::None) return out;
    Plan plan = makePlan(policy, photo);
    initialiseExiv2();
    const std::lock_guard<std::mutex> lock(exivMutex());
    const SourceMetadata src = readSource(sourceRaw);
    try {
        Exiv2::ExifData exif;
        mergeExif(exif, src.exif, info, width, height, plan, OutputKind::Other);
        plan.exifArtist = writtenExif(exif, "Exif.Image.Artist");
        plan.exifCopyright = writtenExif(exif, "Exif.Image.Copyright");
        Exiv2::IptcData iptc;
        mergeIptc(iptc, src.iptc, plan);
        // The XMP starts as the policy's IPTC in XMP's terms, then takes the source's XMP
        // over it, as a JPEG's readers would see the two side by side.
        Exiv2::XmpData xmp;
        Exiv2::copyIptcToXmp(iptc, xmp);
        mergeXmp(xmp, src.xmp, plan);
        Exiv2::Blob blob;
        Exiv2::ExifParser::encode(blob, Exiv2::littleEndian, exif);
        out.exif.assign(blob.begin(), blob.end());
        if (Exiv2::XmpParser::encode(out.xmp, xmp, Exiv2::XmpParser::useCompactFormat) != 0)
            throw Error(sourceRaw, "cannot serialise the XMP metadata for embedding");
    } catch (const Exiv2::AnyError& e) {
        throw Error(sourceRaw, std::string("cannot prepare metadata for embedding: ") + e.what());
    }
    return out;
}

void writeMetadata(const std::string& outputPath, const std::string& sourceRaw,
                   const CaptureInfo& info, int width, int height, const MetadataPolicy& policy,
                   const PhotoInfo* photo) {
    // The encoders write no EXIF, IPTC or XMP of their own, so "none" is the file as written.
    if (policy.mode == MetadataMode::None) return;
    Plan plan = makePlan(policy, photo);
    initialiseExiv2();
    const std::lock_guard<std::mutex> lock(exivMutex());

    const SourceMetadata src = readSource(sourceRaw);
    try {
        // Exiv2 0.27 takes the stream as a std::auto_ptr (0.28 as a std::unique_ptr); clang
        // warns about auto_ptr where the system header's use does not count.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        auto image =
            Exiv2::ImageFactory::open(Exiv2::BasicIo::AutoPtr(new CheckedFileIo(outputPath)));
#pragma GCC diagnostic pop
        image->readMetadata();  // keeps what the encoder wrote (ICC profile, TIFF structure)
        Exiv2::ExifData exif = image->exifData();
        Exiv2::IptcData iptc = image->iptcData();
        Exiv2::XmpData xmp = image->xmpData();
        const std::string mime = image->mimeType();
        const OutputKind kind = mime == "image/jpeg"   ? OutputKind::Jpeg
                                : mime == "image/tiff" ? OutputKind::Tiff
                                                       : OutputKind::Other;
        mergeExif(exif, src.exif, info, width, height, plan, kind);
        plan.exifArtist = writtenExif(exif, "Exif.Image.Artist");
        plan.exifCopyright = writtenExif(exif, "Exif.Image.Copyright");
        mergeIptc(iptc, src.iptc, plan);
        mergeXmp(xmp, src.xmp, plan);
        image->setExifData(exif);
        image->setIptcData(iptc);
        image->setXmpData(xmp);
        image->writeMetadata();
    } catch (const Exiv2::AnyError& e) {
        throw Error(outputPath, std::string("cannot write metadata: ") + e.what());
    }
}

}  // namespace rf
