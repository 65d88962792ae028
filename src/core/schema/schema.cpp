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

std::vector<ParamDecl> buildSchema() {
    using G = ParamGroup;
    return {
        // Raw development.
        choice("demosaic.method", "auto", {"auto", "fast", "hq"}, "Demosaic", G::Detail,
               "auto: 2×2 superpixel when the output is at most half the sensor size, "
               "high quality otherwise"),
        choice("highlights.mode", "reconstruct", {"clip", "reconstruct"}, "Highlight recovery",
               G::Tone, "how clipped sensor channels are repaired"),
        // White balance.
        choice("wb.mode", "as_shot",
               {"as_shot", "daylight", "cloudy", "shade", "tungsten", "fluorescent", "flash",
                "custom"},
               "White balance", G::WhiteBalance, "custom uses wb.temperature and wb.tint"),
        num("wb.temperature", 5000, 2000, 50000, "K", "Temperature", G::WhiteBalance,
            "correlated colour temperature of the light (custom white balance)"),
        num("wb.tint", 0, -150, 150, "", "Tint", G::WhiteBalance,
            "+ magenta, − green (custom white balance)"),
        // Tone.
        num("exposure.ev", 0, -5, 5, "EV", "Exposure", G::Tone, "exposure compensation"),
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
    };
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
