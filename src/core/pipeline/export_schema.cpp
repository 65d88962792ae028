// SPDX-License-Identifier: GPL-3.0-or-later
// THE table of export settings (export_schema.h) and the reading and printing every front
// end shares. A setting is one row: adding one means a row here and the code that uses the
// field; the command line, the dialog and preset files pick it up from the row.
#include "rangefinder/export_schema.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "util/text.h"

namespace rf {

namespace {

using T = ExportSettingType;

// The getters and setters see values already checked against the row, so a choice's text
// always names one of its choices and a number lies in its range.
const ExportSettingDecl& decl(const char* key);

int choiceValue(const char* key, const ExportValue& v) {
    const ExportChoice* c = decl(key).findChoice(std::get<std::string>(v));
    if (!c) throw std::logic_error(std::string("unchecked value for ") + key);
    return c->value;
}

std::string choiceText(const char* key, int value) {
    return decl(key).choiceFor(value).name;
}

const std::string& text(const ExportValue& v) {
    return std::get<std::string>(v);
}

// A float field as the double people wrote: 0.6f reads as 0.6, not 0.6000000238418579, and
// goes back to the same float.
double widen(float f) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f);
    double d = f;
    if (ec == std::errc()) std::from_chars(buf, end, d);
    return d;
}

std::vector<ExportSettingDecl> makeSchema() {
    std::vector<ExportSettingDecl> s;
    const auto add = [&](ExportSettingDecl d) { s.push_back(std::move(d)); };

    add({"format",
         T::Choice,
         "Format",
         "File format",
         {{"jpeg", {"jpg", ".jpeg", ".jpg"}, "JPEG", "", int(FileFormat::Jpeg)},
          {"tiff",
           {"tif", ".tiff", ".tif"},
           "TIFF",
           "16 bits per channel unless asked",
           int(FileFormat::Tiff)},
          {"png", {".png"}, "PNG", "", int(FileFormat::Png)},
          {"webp", {".webp"}, "WebP", "8 bits, 4:2:0; smaller than JPEG", int(FileFormat::WebP)},
          {"avif",
           {".avif"},
           "AVIF",
           "8, 10 or 12 bits; much smaller than JPEG, slower to write",
           int(FileFormat::Avif)},
          {"jxl",
           {"jpeg-xl", "jpegxl", ".jxl"},
           "JPEG XL",
           "8 to 16 bits; much smaller than JPEG",
           int(FileFormat::Jxl)}},
         0,
         0,
         "-f,--format",
         [](const ExportSettings& e) -> ExportValue {
             return choiceText("format", int(e.encode.format));
         },
         [](ExportSettings& e, const ExportValue& v) {
             e.encode.format = FileFormat(choiceValue("format", v));
         }});
    add({"quality",
         T::Int,
         "Quality",
         "Quality on JPEG's scale, for every lossy format alike: 85 suits the web, 92 and above "
         "keeps fine detail",
         {},
         1,
         100,
         "-q,--quality",
         [](const ExportSettings& e) -> ExportValue { return e.encode.quality; },
         [](ExportSettings& e, const ExportValue& v) { e.encode.quality = std::get<int>(v); }});
    add({"subsampling",
         T::Choice,
         "Chroma",
         "JPEG and AVIF chroma subsampling",
         {{"444", {"4:4:4"}, "4:4:4 (full colour detail)", "", int(ChromaSubsampling::S444)},
          {"422", {"4:2:2"}, "4:2:2", "", int(ChromaSubsampling::S422)},
          {"420", {"4:2:0"}, "4:2:0 (smallest files)", "", int(ChromaSubsampling::S420)}},
         0,
         0,
         "--subsampling",
         [](const ExportSettings& e) -> ExportValue {
             return choiceText("subsampling", int(e.encode.subsampling));
         },
         [](ExportSettings& e, const ExportValue& v) {
             e.encode.subsampling = ChromaSubsampling(choiceValue("subsampling", v));
         }});
    add({"progressive",
         T::Bool,
         "Progressive JPEG",
         "Progressive JPEG",
         {},
         0,
         0,
         "--progressive",
         [](const ExportSettings& e) -> ExportValue { return e.encode.progressive; },
         [](ExportSettings& e, const ExportValue& v) {
             e.encode.progressive = std::get<bool>(v);
         }});
    add({"bitDepth",
         T::Choice,
         "Bit depth",
         "Bits per channel: PNG/TIFF 8 or 16, AVIF 8, 10 or 12, JPEG XL 8 to 16",
         {{"8", {}, "8 bits per channel", "", 8},
          {"10", {}, "10 bits per channel", "AVIF, JPEG XL", 10},
          {"12", {}, "12 bits per channel", "AVIF, JPEG XL", 12},
          {"16", {}, "16 bits per channel", "", 16}},
         0,
         0,
         "--bit-depth",
         [](const ExportSettings& e) -> ExportValue {
             return choiceText("bitDepth", e.encode.bitDepth);
         },
         [](ExportSettings& e, const ExportValue& v) {
             e.encode.bitDepth = choiceValue("bitDepth", v);
         }});
    // The size's text is read by the resample stage's outputSizeFromString; the modes here
    // name its spellings, which outputSizeText writes and the dialog offers.
    add({"size",
         T::Size,
         "Size",
         "2048, long:2048, short:1080, 1920x1080 (fit), 12mp, original",
         {{"original", {"full"}, "Original size", "", int(SizeMode::Original)},
          {"long", {}, "Long edge", "", int(SizeMode::LongEdge)},
          {"short", {}, "Short edge", "", int(SizeMode::ShortEdge)},
          {"fit", {}, "Fit in a box", "", int(SizeMode::Fit)},
          {"mp", {}, "Megapixels", "", int(SizeMode::Megapixels)}},
         0,
         0,
         "--size",
         [](const ExportSettings& e) -> ExportValue { return outputSizeText(e.render.size); },
         [](ExportSettings& e, const ExportValue& v) {
             const bool upscale = e.render.size.allowUpscale;
             e.render.size = outputSizeFromString(text(v));
             e.render.size.allowUpscale = upscale;
         }});
    add({"allowUpscale",
         T::Bool,
         "Enlarge small photos",
         "Enlarge a photo smaller than the size asked for (otherwise it keeps its own size)",
         {},
         0,
         0,
         "",
         [](const ExportSettings& e) -> ExportValue { return e.render.size.allowUpscale; },
         [](ExportSettings& e, const ExportValue& v) {
             e.render.size.allowUpscale = std::get<bool>(v);
         }});
    add({"colorSpace",
         T::Choice,
         "Colour space",
         "Output colour space",
         {{"srgb", {}, "sRGB (web, most screens)", "", int(OutputSpace::SRGB)},
          {"display-p3", {"p3", "displayp3"}, "Display P3", "", int(OutputSpace::DisplayP3)},
          {"adobe-rgb", {"adobergb", "adobe"}, "Adobe RGB (1998)", "", int(OutputSpace::AdobeRGB)}},
         0,
         0,
         "--colorspace",
         [](const ExportSettings& e) -> ExportValue {
             return choiceText("colorSpace", int(e.render.space));
         },
         [](ExportSettings& e, const ExportValue& v) {
             e.render.space = OutputSpace(choiceValue("colorSpace", v));
         }});
    add({"intent",
         T::Choice,
         "Intent",
         "Rendering intent into the output colour space",
         {{"perceptual", {}, "Perceptual", "", int(RenderingIntent::Perceptual)},
          {"relative",
           {"relative-colorimetric", "relative_colorimetric"},
           "Relative colorimetric",
           "",
           int(RenderingIntent::RelativeColorimetric)}},
         0,
         0,
         "--intent",
         [](const ExportSettings& e) -> ExportValue {
             return choiceText("intent", int(e.render.intent));
         },
         [](ExportSettings& e, const ExportValue& v) {
             e.render.intent = RenderingIntent(choiceValue("intent", v));
         }});
    add({"sharpenAmount",
         T::Float,
         "Sharpening amount",
         "Output sharpening amount (0 = off, 1 = 100%)",
         {},
         0,
         5,
         "--sharpen",
         [](const ExportSettings& e) -> ExportValue { return widen(e.render.sharpen.amount); },
         [](ExportSettings& e, const ExportValue& v) {
             e.render.sharpen.amount = float(std::get<double>(v));
         }});
    add({"sharpenRadius",
         T::Float,
         "Sharpening radius",
         "Sharpening radius in pixels",
         {},
         0.1,
         10,
         "--sharpen-radius",
         [](const ExportSettings& e) -> ExportValue { return widen(e.render.sharpen.radius); },
         [](ExportSettings& e, const ExportValue& v) {
             e.render.sharpen.radius = float(std::get<double>(v));
         }});
    add({"sharpenThreshold",
         T::Float,
         "Sharpening threshold",
         "Luminance differences below this are not sharpened (0 … 1)",
         {},
         0,
         1,
         "",
         [](const ExportSettings& e) -> ExportValue { return widen(e.render.sharpen.threshold); },
         [](ExportSettings& e, const ExportValue& v) {
             e.render.sharpen.threshold = float(std::get<double>(v));
         }});
    add({"metadata",
         T::Choice,
         "Metadata",
         "Metadata carried",
         {{"all",
           {},
           "All",
           "Camera, exposure, date, GPS, rating, keywords…",
           int(MetadataMode::All)},
          {"no-location",
           {},
           "All but location",
           "As All, without GPS or any place name",
           int(MetadataMode::NoLocation)},
          {"copyright-only",
           {},
           "Copyright and contact only",
           "Creator, copyright and contact: no camera, date or place",
           int(MetadataMode::CopyrightOnly)},
          {"none", {}, "None", "Nothing but the colour profile", int(MetadataMode::None)}},
         0,
         0,
         "--metadata",
         [](const ExportSettings& e) -> ExportValue {
             return choiceText("metadata", int(e.metadata.mode));
         },
         [](ExportSettings& e, const ExportValue& v) {
             e.metadata.mode = MetadataMode(choiceValue("metadata", v));
         }});
    add({"artist",
         T::Text,
         "Artist",
         "Artist written into the exported files",
         {},
         0,
         0,
         "--artist",
         [](const ExportSettings& e) -> ExportValue { return e.metadata.artist; },
         [](ExportSettings& e, const ExportValue& v) { e.metadata.artist = text(v); }});
    add({"copyright",
         T::Text,
         "Copyright",
         "Copyright written into the exported files",
         {},
         0,
         0,
         "--copyright",
         [](const ExportSettings& e) -> ExportValue { return e.metadata.copyright; },
         [](ExportSettings& e, const ExportValue& v) { e.metadata.copyright = text(v); }});
    add({"outputDir",
         T::Text,
         "Folder",
         "Output folder (created if missing)",
         {},
         0,
         0,
         "-o,--output",
         [](const ExportSettings& e) -> ExportValue { return e.outputDir; },
         [](ExportSettings& e, const ExportValue& v) { e.outputDir = text(v); }});
    add({"nameTemplate",
         T::Text,
         "File name",
         "Output name: {name} {ext} {camera} {date} {seq} {look}",
         {},
         0,
         0,
         "-t,--template",
         [](const ExportSettings& e) -> ExportValue { return e.nameTemplate; },
         [](ExportSettings& e, const ExportValue& v) { e.nameTemplate = text(v); }});
    add({"overwrite",
         T::Bool,
         "Replace existing files",
         "Replace existing outputs (otherwise a numbered name is chosen)",
         {},
         0,
         0,
         "--overwrite",
         [](const ExportSettings& e) -> ExportValue { return e.overwrite; },
         [](ExportSettings& e, const ExportValue& v) { e.overwrite = std::get<bool>(v); }});
    return s;
}

const ExportSettingDecl& decl(const char* key) {
    return exportSetting(key);
}

// The shortest text that reads back as the same double: "0.6", not "0.59999999999999998".
std::string numberText(double v) {
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

// What is wrong with `given` for `d`, in words that say what would be right.
std::string valueProblem(const ExportSettingDecl& d, const std::string& given) {
    const std::string q = "'" + given + "'";
    switch (d.type) {
        case T::Choice:
            return q + " is not one of " + d.allowedText();
        case T::Int:
            return q + " is not a whole number from " + numberText(d.minValue) + " to " +
                   numberText(d.maxValue);
        case T::Float:
            return q + " is not a number from " + numberText(d.minValue) + " to " +
                   numberText(d.maxValue);
        case T::Bool:
            return q + " is not true or false";
        case T::Size:
            return q + " is not a size (e.g. " + d.help + ")";
        case T::Text:
            break;
    }
    return q + " is not allowed";
}

[[noreturn]] void refuse(const ExportSettingDecl& d, const std::string& given) {
    throw Error(d.key + ": " + valueProblem(d, given));
}

ExportValue checkedNumber(const ExportSettingDecl& d, double v, const std::string& given) {
    if (!std::isfinite(v) || v < d.minValue || v > d.maxValue) refuse(d, given);
    if (d.type == T::Int) {
        if (v != std::floor(v)) refuse(d, given);
        return int(v);
    }
    return v;
}

bool parseDouble(const std::string& s, double& out) {
    const char* b = s.data();
    const char* e = b + s.size();
    while (b < e && *b == ' ') ++b;
    while (e > b && e[-1] == ' ') --e;
    if (b < e && *b == '+') ++b;
    const auto [p, ec] = std::from_chars(b, e, out);
    return b < e && ec == std::errc() && p == e;
}

}  // namespace

ExportValue ExportSettingDecl::defaultValue() const {
    return get(ExportSettings{});
}

const ExportChoice* ExportSettingDecl::findChoice(const std::string& t) const {
    const std::string l = asciiLower(t);
    for (const auto& c : choices) {
        if (l == asciiLower(c.name)) return &c;
        for (const auto& a : c.aliases)
            if (l == asciiLower(a)) return &c;
    }
    return nullptr;
}

const ExportChoice& ExportSettingDecl::choiceFor(int v) const {
    for (const auto& c : choices)
        if (c.value == v) return c;
    throw std::logic_error(key + ": no choice has the value " + std::to_string(v));
}

std::string ExportSettingDecl::allowedText() const {
    switch (type) {
        case T::Choice: {
            std::string s;
            for (std::size_t i = 0; i < choices.size(); ++i)
                s += (i == 0 ? "" : i + 1 == choices.size() ? " or " : ", ") + choices[i].name;
            return s;
        }
        case T::Int:
        case T::Float:
            return numberText(minValue) + " … " + numberText(maxValue);
        case T::Bool:
            return "true or false";
        case T::Size:
            return help;
        case T::Text:
            break;
    }
    return {};
}

const std::vector<ExportSettingDecl>& exportSchema() {
    static const std::vector<ExportSettingDecl> schema = makeSchema();
    return schema;
}

const ExportSettingDecl* findExportSetting(const std::string& key) {
    for (const auto& d : exportSchema())
        if (d.key == key) return &d;
    return nullptr;
}

const ExportSettingDecl& exportSetting(const std::string& key) {
    const ExportSettingDecl* d = findExportSetting(key);
    if (!d) throw std::logic_error("undeclared export setting '" + key + "'");
    return *d;
}

ExportValue parseExportValue(const ExportSettingDecl& d, const std::string& t) {
    switch (d.type) {
        case T::Choice: {
            const ExportChoice* c = d.findChoice(t);
            if (!c) refuse(d, t);
            return c->name;
        }
        case T::Int:
        case T::Float: {
            double v = 0;
            if (!parseDouble(t, v)) refuse(d, t);
            return checkedNumber(d, v, t);
        }
        case T::Bool: {
            const std::string l = asciiLower(t);
            if (l == "true" || l == "yes" || l == "on" || l == "1") return true;
            if (l == "false" || l == "no" || l == "off" || l == "0") return false;
            refuse(d, t);
        }
        case T::Size: {
            OutputSize size;
            try {
                size = outputSizeFromString(t);
            } catch (const Error&) {
                refuse(d, t);
            }
            return outputSizeText(size);
        }
        case T::Text:
            return t;
    }
    return t;
}

ExportValue checkExportValue(const ExportSettingDecl& d, const ExportValue& v) {
    if (const auto* s = std::get_if<std::string>(&v)) return parseExportValue(d, *s);
    switch (d.type) {
        case T::Bool:
            if (const auto* b = std::get_if<bool>(&v)) return *b;
            break;
        case T::Int:
        case T::Float:
            if (const auto* i = std::get_if<int>(&v))
                return checkedNumber(d, *i, exportValueText(v));
            if (const auto* x = std::get_if<double>(&v))
                return checkedNumber(d, *x, exportValueText(v));
            break;
        case T::Choice:
            // A bit depth written as the number 16.
            if (std::holds_alternative<int>(v)) return parseExportValue(d, exportValueText(v));
            break;
        case T::Text:
        case T::Size:
            break;
    }
    refuse(d, exportValueText(v));
}

std::string exportValueProblem(const ExportSettingDecl& d, const std::string& text) {
    try {
        parseExportValue(d, text);
        return {};
    } catch (const Error&) {
        return valueProblem(d, text);
    }
}

std::string exportValueText(const ExportValue& v) {
    if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    if (const auto* i = std::get_if<int>(&v)) return std::to_string(*i);
    if (const auto* x = std::get_if<double>(&v)) return numberText(*x);
    return std::get<std::string>(v);
}

ExportValue getExportSetting(const ExportSettings& settings, const std::string& key) {
    return exportSetting(key).get(settings);
}

void setExportSetting(ExportSettings& settings, const std::string& key, const ExportValue& value) {
    const ExportSettingDecl& d = exportSetting(key);
    d.set(settings, checkExportValue(d, value));
}

namespace {

template <class E>
E enumFromString(const char* key, const std::string& s) {
    const ExportSettingDecl& d = decl(key);
    const ExportChoice* c = d.findChoice(s);
    if (!c) throw Error(d.key + ": " + valueProblem(d, s));
    return E(c->value);
}

}  // namespace

FileFormat fileFormatFromString(const std::string& s) {
    return enumFromString<FileFormat>("format", s);
}
const char* fileFormatName(FileFormat f) {
    return decl("format").choiceFor(int(f)).name.c_str();
}
ChromaSubsampling subsamplingFromString(const std::string& s) {
    return enumFromString<ChromaSubsampling>("subsampling", s);
}
const char* subsamplingName(ChromaSubsampling s) {
    return decl("subsampling").choiceFor(int(s)).name.c_str();
}
OutputSpace outputSpaceFromString(const std::string& s) {
    return enumFromString<OutputSpace>("colorSpace", s);
}
const char* outputSpaceName(OutputSpace s) {
    return decl("colorSpace").choiceFor(int(s)).name.c_str();
}
RenderingIntent intentFromString(const std::string& s) {
    return enumFromString<RenderingIntent>("intent", s);
}
const char* intentName(RenderingIntent i) {
    return decl("intent").choiceFor(int(i)).name.c_str();
}
MetadataMode metadataModeFromString(const std::string& s) {
    return enumFromString<MetadataMode>("metadata", s);
}
const char* metadataModeName(MetadataMode mode) {
    return decl("metadata").choiceFor(int(mode)).name.c_str();
}

std::string outputSizeText(const OutputSize& size) {
    const std::string& name = decl("size").choiceFor(int(size.mode)).name;
    switch (size.mode) {
        case SizeMode::Original:
            return name;
        case SizeMode::LongEdge:
        case SizeMode::ShortEdge:
            return name + ":" + std::to_string(size.a);
        case SizeMode::Fit:
            return std::to_string(size.a) + "x" + std::to_string(size.b);
        case SizeMode::Megapixels:
            return numberText(size.megapixels) + name;
    }
    return name;
}

}  // namespace rf
