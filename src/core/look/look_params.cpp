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
#include "schema/stage_tables.h"

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

}  // namespace

const std::array<const char*, kHueBands>& hueBandNames() {
    static const std::array<const char*, kHueBands> names = {"red",  "orange", "yellow", "green",
                                                             "aqua", "blue",   "purple", "magenta"};
    return names;
}

namespace {

// The rows, built once: the table's function is called several times a render.
decl::Table<LookParams> buildLookTable() {
    using P = LookParams;
    using G = ParamGroup;
    using decl::bind;
    using decl::num;
    // Sliders are in the schema's units (percent, degrees, EV); the struct holds the engine's
    // (−1 … 1 or 0 … 1), hence the divisor 100 on the percentages.
    constexpr double pct = 100;
    std::vector<decl::Row<P>> rows = {
        bind<P>(
            decl::text("look.name", "Look", G::Look, "the name of the applied look (empty: none)"),
            &P::name)
            .qualifier(),
        bind<P>(num("look.strength", 100, 0, 100, "%", "Look strength", G::Look,
                    "0 renders as if no look were applied, 100 is the full look"),
                &P::strength, pct)
            .qualifier(),
        decl::custom<P>(
            decl::text("look.tone.curve", "Look curve", G::Look,
                       "control points \"x,y x,y …\" on display-encoded values in [0, 1]; "
                       "replaces contrast, pivot, toe and shoulder when set"),
            [](P& p, const EditDocument& doc) {
                p.curve = parseCurve(doc.getText("look.tone.curve"));
            },
            [](decl::Hasher& h, const P& p) {
                h.add(std::uint64_t(p.curve.size()));
                for (const auto& [x, y] : p.curve) h.add(x), h.add(y);
            },
            [](const P& p) { return !p.curve.empty(); })
            .in("color"),
        bind<P>(num("look.tone.contrast", 0, -100, 100, "", "Look contrast", G::Look,
                    "slope of the look curve at the pivot: +100 doubles it"),
                &P::contrast, pct)
            .in("color"),
        bind<P>(num("look.tone.pivot", 0.47, 0.05, 0.95, "", "Look pivot", G::Look,
                    "display-encoded value the contrast turns around (0.47: the default "
                    "mid-grey)"),
                &P::pivot)
            .in("color")
            .qualifier(),
        bind<P>(num("look.tone.brightness", 0, -100, 100, "", "Look brightness", G::Look,
                    "mid-tone brightness, ends fixed"),
                &P::brightness, pct)
            .in("color"),
        bind<P>(num("look.tone.toe", 0, -100, 100, "", "Look toe", G::Look,
                    "+ lifts the black point (faded shadows), − crushes it (deeper shadows)"),
                &P::toe, pct)
            .in("color"),
        bind<P>(num("look.tone.shoulder", 0, -100, 100, "", "Look shoulder", G::Look,
                    "+ pulls the white point down (softer highlights), − pushes it up "
                    "(brighter)"),
                &P::shoulder, pct)
            .in("color"),
        bind<P>(num("look.color.saturation", 0, -100, 100, "%", "Look saturation", G::Look,
                    "chroma change of every colour; −100 gives black and white"),
                &P::saturation, pct)
            .in("color"),
        bind<P>(num("look.color.vibrance", 0, -100, 100, "%", "Look vibrance", G::Look,
                    "chroma change weighted towards muted colours, sparing skin"),
                &P::vibrance, pct)
            .in("color"),
    };
    // The per-hue bands: each has a hue shift, a saturation and a luminance.
    for (std::size_t i = 0; i < kHueBands; ++i) {
        const std::string band = hueBandNames()[i];
        const std::string k = "look.hsl." + band;
        rows.push_back(
            bind<P>(
                num(k + ".hue", 0, -60, 60, "°", band + " hue", G::Look, "hue shift of this band"),
                [i](auto& p) -> auto& { return p.bands[i].hue; })
                .in("color"));
        rows.push_back(bind<P>(
                           num(k + ".saturation", 0, -100, 100, "%", band + " saturation", G::Look,
                               "chroma change of this band"),
                           [i](auto& p) -> auto& { return p.bands[i].saturation; }, pct)
                           .in("color"));
        rows.push_back(bind<P>(
                           num(k + ".luminance", 0, -100, 100, "%", band + " luminance", G::Look,
                               "lightness change of this band"),
                           [i](auto& p) -> auto& { return p.bands[i].luminance; }, pct)
                           .in("color"));
    }
    const auto mix = [](std::size_t c) {
        return [c](auto& p) -> auto& {
            return p.monoMix[c];
        };
    };
    std::vector<decl::Row<P>> rest = {
        bind<P>(num("look.split.shadow_hue", 220, 0, 360, "°", "Shadow tint hue", G::Look,
                    "hue of the tint in the shadows"),
                &P::shadowHue)
            .in("color")
            .qualifier(),
        bind<P>(num("look.split.shadow_saturation", 0, 0, 100, "%", "Shadow tint", G::Look,
                    "strength of the shadow tint"),
                &P::shadowSaturation, pct)
            .in("color"),
        bind<P>(num("look.split.highlight_hue", 50, 0, 360, "°", "Highlight tint hue", G::Look,
                    "hue of the tint in the highlights"),
                &P::highlightHue)
            .in("color")
            .qualifier(),
        bind<P>(num("look.split.highlight_saturation", 0, 0, 100, "%", "Highlight tint", G::Look,
                    "strength of the highlight tint"),
                &P::highlightSaturation, pct)
            .in("color"),
        bind<P>(num("look.split.balance", 0, -100, 100, "", "Tint balance", G::Look,
                    "+ moves the split towards the shadows (more highlight tint)"),
                &P::splitBalance, pct)
            .in("color")
            .qualifier(),
        bind<P>(num("look.color.warmth", 0, -100, 100, "%", "Look warmth", G::Look,
                    "+ warms every colour towards amber, − cools it towards blue, more in the "
                    "brighter tones, as a filter on the lens; white stays white"),
                &P::warmth, pct)
            .in("color"),
        bind<P>(decl::flag("look.mono.enabled", false, "Monochrome", G::Look,
                           "render in black and white through the channel mix"),
                &P::mono)
            .in("color"),
        // Read as percentages; LookParams::from normalises them to sum 1.
        bind<P>(num("look.mono.red", 30, -200, 300, "%", "Mono red", G::Look,
                    "red's share of the grey (the shares are normalised to their sum)"),
                mix(0))
            .in("color")
            .qualifier(),
        bind<P>(num("look.mono.green", 60, -200, 300, "%", "Mono green", G::Look, "green's share"),
                mix(1))
            .in("color")
            .qualifier(),
        bind<P>(num("look.mono.blue", 10, -200, 300, "%", "Mono blue", G::Look, "blue's share"),
                mix(2))
            .in("color")
            .qualifier(),
        bind<P>(num("look.vignette.amount", 0, -3, 1, "EV", "Vignette", G::Look,
                    "exposure change at the frame's corners: − darkens"),
                &P::vignetteEv)
            .in("vignette")
            .at("detail", "Vignette", 20),
        bind<P>(num("look.vignette.midpoint", 50, 0, 100, "%", "Vignette midpoint", G::Look,
                    "where the fall-off starts, as a share of the centre-to-corner distance"),
                &P::vignetteMidpoint, pct)
            .in("vignette")
            .qualifier()
            .at("detail", "Vignette", 21),
        bind<P>(num("look.vignette.roundness", 0, -100, 100, "", "Vignette roundness", G::Look,
                    "0 follows the frame's shape, +100 is a circle, −100 squarer"),
                &P::vignetteRoundness, pct)
            .in("vignette")
            .qualifier()
            .at("detail", "Vignette", 22),
        bind<P>(num("look.vignette.feather", 50, 0, 100, "%", "Vignette feather", G::Look,
                    "softness of the fall-off"),
                &P::vignetteFeather, pct)
            .in("vignette")
            .qualifier()
            .at("detail", "Vignette", 23),
        bind<P>(num("look.grain.amount", 0, 0, 100, "", "Grain", G::Look, "film grain strength"),
                &P::grainAmount, pct)
            .in("grain")
            .at("detail", "Grain", 30),
        bind<P>(num("look.grain.size", 25, 0, 100, "", "Grain size", G::Look,
                    "grain size, relative to the frame (same look at every export size)"),
                &P::grainSize, pct)
            .in("grain")
            .qualifier()
            .at("detail", "Grain", 31),
        // Resolved against the look folders by LookParams::from, before anything hashes it.
        bind<P>(decl::text("look.lut.file", "LUT", G::Look,
                           "a .cube or Hald CLUT .png; relative paths are looked up in the look "
                           "folders"),
                &P::lutFile)
            .in("color"),
        bind<P>(decl::choice("look.lut.encoding", "srgb", {"srgb", "rec2020", "display-p3"},
                             "LUT input", G::Look,
                             "what the LUT expects: these primaries with the sRGB transfer "
                             "curve"),
                &P::lutEncoding,
                std::vector{LutEncoding::SRGB, LutEncoding::Rec2020, LutEncoding::DisplayP3})
            .in("color")
            .qualifier(),
    };
    rows.insert(rows.end(), std::make_move_iterator(rest.begin()),
                std::make_move_iterator(rest.end()));
    return decl::Table<P>("look", 1, ParamScope::Finish, std::move(rows));
}

}  // namespace

const decl::Table<LookParams>& lookTable() {
    static const decl::Table<LookParams> table = buildLookTable();
    return table;
}

LookParams LookParams::from(const EditDocument& doc, const std::vector<std::string>& lookDirs) {
    LookParams p = lookTable().read(doc);
    const double sum = p.monoMix[0] + p.monoMix[1] + p.monoMix[2];
    if (std::abs(sum) >= 1) {
        for (double& m : p.monoMix) m /= sum;
    } else if (p.mono) {
        // A mix summing to ~0 would divide by nothing: a black or wildly amplified image.
        throw Error("look.mono: the channel mix (red, green, blue) sums to " + std::to_string(sum) +
                    " %; it must not be zero");
    } else {
        p.monoMix = LookParams{}.monoMix;  // unused without monochrome
    }
    if (!p.lutFile.empty()) p.lutFile = resolveLutFile(p.lutFile, lookDirs);
    return p;
}

bool LookParams::hasColor() const {
    return lookTable().active(*this, "color");
}

bool LookParams::hasVignette() const {
    return lookTable().active(*this, "vignette");
}

bool LookParams::hasGrain() const {
    return lookTable().active(*this, "grain");
}

bool LookParams::isIdentity() const {
    return !(strength > 0) || !lookTable().active(*this);
}

std::uint64_t LookParams::colorHash() const {
    decl::Hasher h;
    h.add(lookTable().hash(*this, "color"));
    if (!lutFile.empty()) h.add(look::lutFileVersion(lutFile));
    return h.value();
}

}  // namespace rf
