// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a look's parameters from an edit document. Sliders arrive in the schema's units
// (percent, degrees, EV) and leave in the engine's (−1 … 1 or 0 … 1); text values (the curve's
// points, the LUT's path) are validated here, once per render, so a malformed look is an
// rf::Error naming the key before any pixel is touched.
#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <system_error>

#include "look/look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/look.h"

namespace fs = std::filesystem;

namespace rf {

namespace {

// Parses "x,y x,y …" into points sorted by x; every value in [0, 1], no x twice, at least two.
std::vector<std::pair<float, float>> parseCurve(const std::string& text) {
    const std::string key = "look.tone.curve";
    std::vector<std::pair<float, float>> points;
    std::istringstream in(text);
    std::string token;
    while (in >> token) {
        const auto comma = token.find(',');
        const char* s = token.data();
        const char* e = s + token.size();
        float v[2];
        const auto number = [](const char* b, const char* end, float& out) {
            const auto [stop, ec] = std::from_chars(b, end, out);
            return b != end && ec == std::errc() && stop == end;
        };
        const bool ok = comma != std::string::npos && number(s, s + comma, v[0]) &&
                        number(s + comma + 1, e, v[1]);
        if (!ok)
            throw Error(key + ": '" + token +
                        "' is not a point \"x,y\" (points are separated by "
                        "spaces, e.g. \"0,0 0.5,0.55 1,1\")");
        for (float c : v)
            if (!(c >= 0 && c <= 1))
                throw Error(key + ": the point '" + token + "' lies outside [0, 1]");
        points.emplace_back(v[0], v[1]);
    }
    if (points.empty()) return points;
    if (points.size() < 2) throw Error(key + ": a curve needs at least two points");
    std::sort(points.begin(), points.end());
    for (std::size_t i = 1; i < points.size(); ++i)
        if (points[i].first == points[i - 1].first)
            throw Error(key + ": two points share x = " + std::to_string(points[i].first));
    return points;
}

// A relative path is looked up in the look folders, first match wins; an absolute one must
// exist. Either way the result is absolute, so the LUT cache has one key per file.
std::string resolveLutFile(const std::string& file, const std::vector<std::string>& dirs) {
    std::error_code ec;
    const fs::path path(file);
    if (path.is_absolute()) {
        // Said as it is: "does not exist", "is not a regular file (it is a device)", too large.
        const std::string problem = look::lutFileProblem(file);
        if (!problem.empty()) throw Error(file, "the look's LUT file (look.lut.file) " + problem);
        return path.lexically_normal().string();
    }
    for (const std::string& d : dirs) {
        const fs::path candidate = fs::path(d) / path;
        if (fs::is_regular_file(candidate, ec))
            return fs::absolute(candidate, ec).lexically_normal().string();
    }
    std::string where;
    for (const std::string& d : dirs) where += (where.empty() ? "" : ", ") + d;
    throw Error(file, "the look's LUT file (look.lut.file) is not in any look folder (" +
                          (where.empty() ? std::string("none configured") : where) + ")");
}

// FNV-1a over the bit patterns of the values, so the hash is exact: any change to a setting
// gives a different bake.
class Hasher {
  public:
    void add(std::uint64_t v) {
        for (int i = 0; i < 8; ++i) {
            h_ ^= (v >> (8 * i)) & 0xff;
            h_ *= 0x100000001b3ull;
        }
    }
    void add(float v) { add(std::uint64_t(std::bit_cast<std::uint32_t>(v == 0 ? 0.f : v))); }
    void add(double v) { add(std::bit_cast<std::uint64_t>(v == 0 ? 0.0 : v)); }
    void add(const std::string& s) {
        add(std::uint64_t(s.size()));
        for (unsigned char c : s) add(std::uint64_t(c));
    }
    std::uint64_t value() const { return h_; }

  private:
    std::uint64_t h_ = 0xcbf29ce484222325ull;
};

}  // namespace

const std::array<const char*, kHueBands>& hueBandNames() {
    static const std::array<const char*, kHueBands> names = {"red",  "orange", "yellow", "green",
                                                             "aqua", "blue",   "purple", "magenta"};
    return names;
}

LookParams LookParams::from(const EditDocument& doc, const std::vector<std::string>& lookDirs) {
    LookParams p;
    const auto pct = [&](const char* key) { return float(doc.getFloat(key) / 100.0); };
    p.name = doc.getText("look.name");
    p.strength = pct("look.strength");

    p.curve = parseCurve(doc.getText("look.tone.curve"));
    p.contrast = pct("look.tone.contrast");
    p.pivot = float(doc.getFloat("look.tone.pivot"));
    p.brightness = pct("look.tone.brightness");
    p.toe = pct("look.tone.toe");
    p.shoulder = pct("look.tone.shoulder");
    p.saturation = pct("look.color.saturation");
    p.vibrance = pct("look.color.vibrance");
    for (int i = 0; i < kHueBands; ++i) {
        const std::string k = std::string("look.hsl.") + hueBandNames()[std::size_t(i)];
        Band& b = p.bands[std::size_t(i)];
        b.hue = float(doc.getFloat(k + ".hue"));
        b.saturation = float(doc.getFloat(k + ".saturation") / 100.0);
        b.luminance = float(doc.getFloat(k + ".luminance") / 100.0);
    }
    p.shadowHue = float(doc.getFloat("look.split.shadow_hue"));
    p.shadowSaturation = pct("look.split.shadow_saturation");
    p.highlightHue = float(doc.getFloat("look.split.highlight_hue"));
    p.highlightSaturation = pct("look.split.highlight_saturation");
    p.splitBalance = pct("look.split.balance");

    p.mono = doc.getBool("look.mono.enabled");
    if (p.mono) {
        const Vec3 mix = {doc.getFloat("look.mono.red"), doc.getFloat("look.mono.green"),
                          doc.getFloat("look.mono.blue")};
        const double sum = mix[0] + mix[1] + mix[2];
        // A mix summing to ~0 would divide by nothing: a black or wildly amplified image.
        if (std::abs(sum) < 1)
            throw Error("look.mono: the channel mix (red, green, blue) sums to " +
                        std::to_string(sum) + " %; it must not be zero");
        p.monoMix = {mix[0] / sum, mix[1] / sum, mix[2] / sum};
    }

    const std::string lut = doc.getText("look.lut.file");
    if (!lut.empty()) p.lutFile = resolveLutFile(lut, lookDirs);
    const std::string enc = doc.getText("look.lut.encoding");
    p.lutEncoding = enc == "rec2020"      ? LutEncoding::Rec2020
                    : enc == "display-p3" ? LutEncoding::DisplayP3
                                          : LutEncoding::SRGB;

    p.vignetteEv = float(doc.getFloat("look.vignette.amount"));
    p.vignetteMidpoint = pct("look.vignette.midpoint");
    p.vignetteRoundness = pct("look.vignette.roundness");
    p.vignetteFeather = pct("look.vignette.feather");
    p.grainAmount = pct("look.grain.amount");
    p.grainSize = pct("look.grain.size");
    return p;
}

bool LookParams::hasColour() const {
    if (mono || !curve.empty() || !lutFile.empty()) return true;
    if (contrast != 0 || brightness != 0 || toe != 0 || shoulder != 0) return true;
    if (saturation != 0 || vibrance != 0) return true;
    if (shadowSaturation > 0 || highlightSaturation > 0) return true;
    return std::any_of(bands.begin(), bands.end(), [](const Band& b) {
        return b.hue != 0 || b.saturation != 0 || b.luminance != 0;
    });
}

bool LookParams::hasVignette() const {
    return vignetteEv != 0;
}

bool LookParams::hasGrain() const {
    return grainAmount > 0;
}

bool LookParams::isIdentity() const {
    return !(strength > 0) || (!hasColour() && !hasVignette() && !hasGrain());
}

std::uint64_t LookParams::colourHash() const {
    Hasher h;
    h.add(std::uint64_t(mono));
    if (mono)
        for (double m : monoMix) h.add(m);
    h.add(std::uint64_t(curve.size()));
    for (const auto& [x, y] : curve) h.add(x), h.add(y);
    for (float v : {contrast, pivot, brightness, toe, shoulder, saturation, vibrance}) h.add(v);
    for (const Band& b : bands) h.add(b.hue), h.add(b.saturation), h.add(b.luminance);
    for (float v : {shadowHue, shadowSaturation, highlightHue, highlightSaturation, splitBalance})
        h.add(v);
    h.add(lutFile);
    if (!lutFile.empty()) {
        h.add(std::uint64_t(lutEncoding));
        h.add(look::lutFileVersion(lutFile));
    }
    return h.value();
}

}  // namespace rf
