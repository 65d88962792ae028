// SPDX-License-Identifier: GPL-3.0-or-later
// The one declaration of every parameter. Adding a parameter here makes it settable with
// `--set`, saved in edit documents and sidecars, hashed into the render cache, and (later)
// shown as a slider; a stage reads it through its Params::from(EditDocument).
#include <algorithm>

#include "rangefinder/params.h"

namespace rf {

namespace {

ParamDecl num(std::string key, double def, double lo, double hi, std::string unit,
              std::string label, ParamGroup g, std::string help) {
    ParamDecl d;
    d.key = std::move(key);
    d.type = ParamType::Float;
    d.defaultValue = def;
    d.minValue = lo;
    d.maxValue = hi;
    d.unit = std::move(unit);
    d.label = std::move(label);
    d.group = g;
    d.help = std::move(help);
    return d;
}

ParamDecl integer(std::string key, double def, double lo, double hi, std::string unit,
                  std::string label, ParamGroup g, std::string help) {
    ParamDecl d =
        num(std::move(key), def, lo, hi, std::move(unit), std::move(label), g, std::move(help));
    d.type = ParamType::Int;
    return d;
}

ParamDecl flag(std::string key, bool def, std::string label, ParamGroup g, std::string help) {
    ParamDecl d;
    d.key = std::move(key);
    d.type = ParamType::Bool;
    d.defaultValue = def ? 1 : 0;
    d.maxValue = 1;
    d.label = std::move(label);
    d.group = g;
    d.help = std::move(help);
    return d;
}

ParamDecl choice(std::string key, std::string def, std::vector<std::string> choices,
                 std::string label, ParamGroup g, std::string help) {
    ParamDecl d;
    d.key = std::move(key);
    d.type = ParamType::Choice;
    d.defaultText = std::move(def);
    d.choices = std::move(choices);
    d.label = std::move(label);
    d.group = g;
    d.help = std::move(help);
    return d;
}

ParamDecl text(std::string key, std::string label, ParamGroup g, std::string help) {
    ParamDecl d;
    d.key = std::move(key);
    d.type = ParamType::Text;
    d.label = std::move(label);
    d.group = g;
    d.help = std::move(help);
    return d;
}

// The look's per-hue bands: each has a hue shift, a saturation and a luminance.
void addHueBands(std::vector<ParamDecl>& out) {
    for (const char* band :
         {"red", "orange", "yellow", "green", "aqua", "blue", "purple", "magenta"}) {
        const std::string k = std::string("look.hsl.") + band;
        out.push_back(num(k + ".hue", 0, -60, 60, "°", std::string(band) + " hue", ParamGroup::Look,
                          "hue shift of this band"));
        out.push_back(num(k + ".saturation", 0, -100, 100, "%", std::string(band) + " saturation",
                          ParamGroup::Look, "chroma change of this band"));
        out.push_back(num(k + ".luminance", 0, -100, 100, "%", std::string(band) + " luminance",
                          ParamGroup::Look, "lightness change of this band"));
    }
}

std::vector<ParamDecl> buildSchema() {
    using G = ParamGroup;
    std::vector<ParamDecl> s = {
        // Raw development.
        choice("demosaic.method", "auto", {"auto", "fast", "hq"}, "Demosaic", G::Detail,
               "auto: 2×2 superpixel when the output is at most half the sensor size, "
               "high quality otherwise"),
        choice("highlights.mode", "reconstruct", {"clip", "reconstruct"}, "Highlight recovery",
               G::Tone, "how clipped sensor channels are repaired"),
        // White balance.
        choice("wb.mode", "as_shot",
               {"as_shot", "auto", "daylight", "cloudy", "shade", "tungsten", "fluorescent",
                "flash", "custom"},
               "White balance", G::WhiteBalance,
               "as_shot: the camera's (auto when it recorded none); auto: estimated from the "
               "image; custom uses wb.temperature and wb.tint"),
        num("wb.temperature", 5000, 2000, 50000, "K", "Temperature", G::WhiteBalance,
            "correlated colour temperature of the light (custom white balance)"),
        num("wb.tint", 0, -150, 150, "", "Tint", G::WhiteBalance,
            "+ magenta, − green (custom white balance)"),
        // Tone.
        num("exposure.ev", 0, -5, 5, "EV", "Exposure", G::Tone, "exposure compensation"),
        flag("tone.auto", false, "Auto tone", G::Tone,
             "set exposure, highlights, shadows, whites and blacks from the image when the file "
             "is exported (the values are written in place of this flag)"),
        choice("tone.curve", "standard", {"standard", "linear"}, "Base curve", G::Tone,
               "standard: camera-like curve with a soft highlight roll-off; linear: none"),
        num("tone.contrast", 0, -100, 100, "", "Contrast", G::Tone, "mid-tone contrast"),
        num("tone.highlights", 0, -100, 100, "", "Highlights", G::Tone,
            "− recovers bright areas, + brightens them"),
        num("tone.shadows", 0, -100, 100, "", "Shadows", G::Tone,
            "+ opens dark areas, − deepens them"),
        num("tone.whites", 0, -100, 100, "", "Whites", G::Tone, "sets the white point"),
        num("tone.blacks", 0, -100, 100, "", "Blacks", G::Tone, "sets the black point"),
        // Colour.
        num("color.saturation", 0, -100, 100, "", "Saturation", G::Colour,
            "−100 gives black and white"),
        num("color.vibrance", 0, -100, 100, "", "Vibrance", G::Colour,
            "saturation that spares already saturated colours"),
        // Geometry.
        integer("geometry.rotate", 0, 0, 270, "°", "Rotate", G::Crop,
                "clockwise quarter turns on top of the camera's orientation: 0, 90, 180, 270"),
        flag("geometry.flip_h", false, "Flip horizontal", G::Crop, "mirror left to right"),
        flag("geometry.flip_v", false, "Flip vertical", G::Crop, "mirror top to bottom"),
        num("geometry.angle", 0, -45, 45, "°", "Straighten", G::Crop,
            "rotation, + counter-clockwise; the frame is trimmed to hide empty corners"),
        num("crop.left", 0, 0, 1, "", "Crop left", G::Crop, "fraction of the width"),
        num("crop.top", 0, 0, 1, "", "Crop top", G::Crop, "fraction of the height"),
        num("crop.right", 1, 0, 1, "", "Crop right", G::Crop, "fraction of the width"),
        num("crop.bottom", 1, 0, 1, "", "Crop bottom", G::Crop, "fraction of the height"),
        choice(
            "crop.aspect", "free",
            {"free", "original", "3:2", "2:3", "4:3", "3:4", "1:1", "16:9", "9:16", "4:5", "5:4"},
            "Aspect", G::Crop, "constrains the crop to the largest centred frame of this ratio"),
        // The look: display-referred, after the base tone curve (docs/looks.md). A look file
        // sets these keys; `look.strength` blends its colour, vignette and grain in.
        text("look.name", "Look", G::Look, "the name of the applied look (empty: none)"),
        num("look.strength", 100, 0, 100, "%", "Look strength", G::Look,
            "0 renders as if no look were applied, 100 is the full look"),
        text("look.tone.curve", "Look curve", G::Look,
             "control points \"x,y x,y …\" on display-encoded values in [0, 1]; replaces "
             "contrast, pivot, toe and shoulder when set"),
        num("look.tone.contrast", 0, -100, 100, "", "Look contrast", G::Look,
            "slope of the look curve at the pivot: +100 doubles it"),
        num("look.tone.pivot", 0.47, 0.05, 0.95, "", "Look pivot", G::Look,
            "display-encoded value the contrast turns around (0.47: the default mid-grey)"),
        num("look.tone.brightness", 0, -100, 100, "", "Look brightness", G::Look,
            "mid-tone brightness, ends fixed"),
        num("look.tone.toe", 0, -100, 100, "", "Look toe", G::Look,
            "+ lifts the black point (faded shadows), − crushes it (deeper shadows)"),
        num("look.tone.shoulder", 0, -100, 100, "", "Look shoulder", G::Look,
            "+ pulls the white point down (softer highlights), − pushes it up (brighter)"),
        num("look.color.saturation", 0, -100, 100, "%", "Look saturation", G::Look,
            "chroma change of every colour; −100 gives black and white"),
        num("look.color.vibrance", 0, -100, 100, "%", "Look vibrance", G::Look,
            "chroma change weighted towards muted colours, sparing skin"),
    };
    addHueBands(s);
    const std::vector<ParamDecl> rest = {
        num("look.split.shadow_hue", 220, 0, 360, "°", "Shadow tint hue", G::Look,
            "hue of the tint in the shadows"),
        num("look.split.shadow_saturation", 0, 0, 100, "%", "Shadow tint", G::Look,
            "strength of the shadow tint"),
        num("look.split.highlight_hue", 50, 0, 360, "°", "Highlight tint hue", G::Look,
            "hue of the tint in the highlights"),
        num("look.split.highlight_saturation", 0, 0, 100, "%", "Highlight tint", G::Look,
            "strength of the highlight tint"),
        num("look.split.balance", 0, -100, 100, "", "Tint balance", G::Look,
            "+ moves the split towards the shadows (more highlight tint)"),
        flag("look.mono.enabled", false, "Monochrome", G::Look,
             "render in black and white through the channel mix"),
        num("look.mono.red", 30, -200, 300, "%", "Mono red", G::Look,
            "red's share of the grey (the shares are normalised to their sum)"),
        num("look.mono.green", 60, -200, 300, "%", "Mono green", G::Look, "green's share"),
        num("look.mono.blue", 10, -200, 300, "%", "Mono blue", G::Look, "blue's share"),
        num("look.vignette.amount", 0, -3, 1, "EV", "Vignette", G::Look,
            "exposure change at the frame's corners: − darkens"),
        num("look.vignette.midpoint", 50, 0, 100, "%", "Vignette midpoint", G::Look,
            "where the fall-off starts, as a share of the centre-to-corner distance"),
        num("look.vignette.roundness", 0, -100, 100, "", "Vignette roundness", G::Look,
            "0 follows the frame's shape, +100 is a circle, −100 squarer"),
        num("look.vignette.feather", 50, 0, 100, "%", "Vignette feather", G::Look,
            "softness of the fall-off"),
        num("look.grain.amount", 0, 0, 100, "", "Grain", G::Look, "film grain strength"),
        num("look.grain.size", 25, 0, 100, "", "Grain size", G::Look,
            "grain size, relative to the frame (same look at every export size)"),
        text("look.lut.file", "LUT", G::Look,
             "a .cube or Hald CLUT .png; relative paths are looked up in the look folders"),
        choice("look.lut.encoding", "srgb", {"srgb", "rec2020", "display-p3"}, "LUT input", G::Look,
               "what the LUT expects: these primaries with the sRGB transfer curve"),
    };
    s.insert(s.end(), rest.begin(), rest.end());
    return s;
}

}  // namespace

const std::vector<ParamDecl>& schema() {
    static const std::vector<ParamDecl> s = buildSchema();
    return s;
}

const ParamDecl* findParam(const std::string& key) {
    const auto& s = schema();
    auto it = std::find_if(s.begin(), s.end(), [&](const ParamDecl& d) { return d.key == key; });
    return it == s.end() ? nullptr : &*it;
}

const char* groupName(ParamGroup g) {
    switch (g) {
        case ParamGroup::Look:
            return "look";
        case ParamGroup::Tone:
            return "tone";
        case ParamGroup::Colour:
            return "colour";
        case ParamGroup::WhiteBalance:
            return "wb";
        case ParamGroup::Crop:
            return "crop";
        case ParamGroup::Detail:
            return "detail";
    }
    return "?";
}

std::optional<ParamGroup> groupFromName(const std::string& name) {
    for (ParamGroup g : {ParamGroup::Look, ParamGroup::Tone, ParamGroup::Colour,
                         ParamGroup::WhiteBalance, ParamGroup::Crop, ParamGroup::Detail})
        if (name == groupName(g)) return g;
    if (name == "color") return ParamGroup::Colour;
    if (name == "white-balance" || name == "whitebalance") return ParamGroup::WhiteBalance;
    return std::nullopt;
}

}  // namespace rf
