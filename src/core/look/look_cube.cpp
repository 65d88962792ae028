// SPDX-License-Identifier: GPL-3.0-or-later
// A look as an interchange .cube for other tools, in a colour space they know. Whatever the
// space, the grid holds what the pipeline does from the look stage's input to the file's
// pixels, written in that space at both ends:
//
//   grid point ─ decode the space ─ display-linear Rec.2020 (clipped to 0 … 1, as the stage
//   reads it) ─ the look's colour transform, blended by strength in linear light ─ encode
//
// and for sRGB the encoding is the export's own output transform (OutputTransform: its matrix,
// its clipping, its curve), so a LUT applied to Rangefinder's look-free sRGB export gives what
// Rangefinder's export with the look gives.
//
// Why these spaces. sRGB is what photo and web-video tools (Photoshop's Color Lookup,
// ffmpeg's lut3d, Premiere's Lumetri for Rec.709-like footage) apply LUTs to. Linear Rec.2020
// is the look's own working space, for compositing tools; a grid on linear values would put
// half its points in the top stop, so a 1D shaper (the sRGB curve) goes in front, written as
// DaVinci Resolve's shaper + 3D .cube (Resolve and OpenColorIO read it; ffmpeg refuses it
// rather than misreading it). For a log encoding ACEScct is the one with a public
// specification (Academy S-2016-001: its curve, AP1 primaries, ACES white) that grading tools
// (Resolve, Baselight, Nuke through OpenColorIO) offer by name as a working space; its LUTs
// conventionally span 0 … 1, which ffmpeg reads too (ffmpeg ignores a DOMAIN_MIN, so a
// narrower domain is not an option), and the curve itself spaces the grid evenly in stops.
// D65 → ACES white is Bradford, as the ACES reference transforms adapt.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "look/look_internal.h"
#include "rangefinder/color.h"
#include "rangefinder/error.h"
#include "rangefinder/look.h"
#include "util/text.h"

namespace rf {

namespace {

constexpr int kShaperSize = 4096;  // as OpenColorIO bakes shapers; linear steps of 2.4e-4

// ACEScct (Academy S-2016-001): a linear segment below 2^−7, then log2.
constexpr double kCctXBreak = 0.0078125;
constexpr double kCctYBreak = 0.155251141552511;
constexpr double kCctA = 10.5402377416545;
constexpr double kCctB = 0.0729055341958355;

double cctEncode(double lin) {
    return lin <= kCctXBreak ? kCctA * lin + kCctB : (std::log2(lin) + 9.72) / 17.52;
}

double cctDecode(double cct) {
    return cct <= kCctYBreak ? (cct - kCctB) / kCctA : std::exp2(cct * 17.52 - 9.72);
}

Mat3 ap1FromRec2020() {
    return normaliseRows(
        mul(inverse(xyzFromLinearAP1()), mul(bradford(kD65, kAcesWhite), xyzFromLinearRec2020())));
}

double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}

// The look at one display-linear Rec.2020 colour: what the stage computes at this strength.
struct LookAt {
    explicit LookAt(const LookParams& p)
        : model(p), strength(p.hasColor() ? std::clamp(double(p.strength), 0.0, 1.0) : 0.0) {}
    Vec3 operator()(Vec3 lin) const {
        for (double& v : lin) v = clamp01(v);
        if (strength == 0) return lin;
        const Vec3 looked =
            model.linear({look::encode(lin[0]), look::encode(lin[1]), look::encode(lin[2])});
        Vec3 out;
        for (int k = 0; k < 3; ++k) out[k] = lin[k] + strength * (looked[k] - lin[k]);
        return out;
    }
    look::ColorModel model;
    double strength;
};

}  // namespace

const char* cubeSpaceName(CubeSpace s) {
    switch (s) {
        case CubeSpace::SRGB:
            return "srgb";
        case CubeSpace::Rec2020Linear:
            return "rec2020-linear";
        case CubeSpace::ACEScct:
            return "acescct";
    }
    return "";
}

std::optional<CubeSpace> cubeSpaceFromName(const std::string& name) {
    const std::string lower = asciiLower(name);
    for (CubeSpace s : kCubeSpaces)
        if (lower == cubeSpaceName(s)) return s;
    return std::nullopt;
}

Lut3D bakeLookCube(const LookParams& p, CubeSpace space, int size) {
    const LookAt lookAt(p);
    Lut3D lut(size);
    lut.title = p.name;
    const auto store = [&](int r, int g, int b, const Vec3& v) {
        float* out = lut.at(r, g, b);
        for (int k = 0; k < 3; ++k) out[k] = float(v[k]);
    };
    switch (space) {
        case CubeSpace::SRGB: {
            // The grid first holds display-linear Rec.2020; the export's output transform then
            // turns it into sRGB in place, as it turns a render's pixels.
            const auto output = outputTransform(OutputSpace::SRGB, RenderingIntent::Perceptual);
            const Mat3 rec2020FromSrgb = inverse(output->matrix());
            look::bakeGrid(
                [&](const Vec3& enc) {
                    return lookAt(mul(
                        rec2020FromSrgb,
                        Vec3{look::decode(enc[0]), look::decode(enc[1]), look::decode(enc[2])}));
                },
                size, store);
            const int points = size * size * size;
            const ImageView grid{lut.data().data(), points, 1, 3, std::ptrdiff_t(3) * points};
            output->apply(grid);
            break;
        }
        case CubeSpace::Rec2020Linear: {
            look::bakeGrid(
                [&](const Vec3& enc) {
                    return lookAt(
                        {look::decode(enc[0]), look::decode(enc[1]), look::decode(enc[2])});
                },
                size, store);
            lut.shaper.resize(std::size_t(3) * kShaperSize);
            for (int i = 0; i < kShaperSize; ++i) {
                const float v = float(look::encode(double(i) / (kShaperSize - 1)));
                for (int k = 0; k < 3; ++k) lut.shaper[std::size_t(3 * i + k)] = v;
            }
            lut.shaperMin = 0;
            lut.shaperMax = 1;
            break;
        }
        case CubeSpace::ACEScct: {
            const Mat3 toAp1 = ap1FromRec2020(), fromAp1 = inverse(toAp1);
            look::bakeGrid(
                [&](const Vec3& cct) {
                    const Vec3 out =
                        mul(toAp1, lookAt(mul(fromAp1, Vec3{cctDecode(cct[0]), cctDecode(cct[1]),
                                                            cctDecode(cct[2])})));
                    return Vec3{cctEncode(out[0]), cctEncode(out[1]), cctEncode(out[2])};
                },
                size, store);
            break;
        }
    }
    return lut;
}

std::vector<std::string> lookCubeComments(const std::string& lookName, const LookParams& p,
                                          CubeSpace space) {
    char strength[32];
    std::snprintf(strength, sizeof strength, "%.0f %%", 100.0 * std::clamp(p.strength, 0.f, 1.f));
    std::vector<std::string> c = {"Rangefinder look: " + lookName + " at " + strength +
                                  " strength."};
    switch (space) {
        case CubeSpace::SRGB:
            c.insert(c.end(),
                     {"Space: sRGB (IEC 61966-2-1: sRGB primaries, D65, sRGB transfer curve),",
                      "display-referred, in and out.",
                      "Input: the photo as Rangefinder exports it in sRGB without a look.",
                      "Output: the same photo with this look, as Rangefinder exports it in sRGB."});
            break;
        case CubeSpace::Rec2020Linear:
            c.insert(c.end(),
                     {"Space: linear Rec.2020 (ITU-R BT.2020 primaries, D65, no transfer curve),",
                      "display-referred, 0 to 1, in and out.",
                      "Input: Rangefinder's rendering before the look (after its base tone curve).",
                      "Output: the same with this look. A 1D shaper (the sRGB transfer curve) in",
                      "front of the 3D table spaces its points evenly in lightness; the file is",
                      "DaVinci Resolve's 1D shaper + 3D .cube. Values above 1 are clipped."});
            break;
        case CubeSpace::ACEScct:
            c.insert(c.end(),
                     {"Space: ACEScct (Academy S-2016-001: AP1 primaries, ACES white point, the",
                      "ACEScct log curve), in and out.",
                      "Input: Rangefinder's display-referred rendering before the look (after its",
                      "base tone curve), adapted from D65 to the ACES white (Bradford).",
                      "Output: the same with this look. Display white is ACEScct 0.5548 (linear",
                      "1.0); values above it are clipped."});
            break;
    }
    if (p.hasVignette() || p.hasGrain()) {
        c.push_back(std::string("Not included: this look's ") +
                    (p.hasVignette() && p.hasGrain() ? "vignette and grain"
                     : p.hasVignette()               ? "vignette"
                                                     : "grain") +
                    ", which depend on the position");
        c.push_back("in the frame and so cannot be part of a LUT.");
    } else {
        c.push_back("A vignette or grain would not be included (this look has neither).");
    }
    return c;
}

void writeLookCube(const std::string& path, const std::string& lookName, const LookParams& p,
                   CubeSpace space, int size) {
    if (size < 2 || size > Lut3D::kMaxSize)
        throw Error(path, "a .cube's size must be 2 to " + std::to_string(Lut3D::kMaxSize) +
                              " points per axis, not " + std::to_string(size));
    Lut3D lut = bakeLookCube(p, space, size);
    lut.title = lookName;
    writeCube(path, lut, lookCubeComments(lookName, p, space));
}

}  // namespace rf
