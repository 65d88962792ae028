// SPDX-License-Identifier: GPL-3.0-or-later
// The look stage: a creative rendering on top of the base one. It runs display-referred,
// after the base tone curve and before the output profile, on linear working-space RGB
// (Rec.2020, D65) in [0, 1], and it is the same for preview, export and the command line:
//
//   base tone ─ look colour (one 3D LUT) ─ vignette (spatial) ─ grain (spatial) ─ output
//
// The colour part (monochrome mix, look curve, saturation and vibrance, per-hue bands, split
// toning, an external LUT) is a function of the colour alone, so it is baked into one 3D LUT
// over display-encoded values (Rec.2020 primaries, sRGB transfer curve: "look encoding") and
// cached, which makes a preview cost the same whatever the look does. The vignette and grain
// depend on the position in the frame and stay separate, sized relative to the frame so a
// preview and an export of any size show the same look. `look.strength` blends colour,
// vignette and grain from none (0 %: the look-free render, exactly) to the full look.
//
// The colour part also leaves as an interchange .cube for other tools (CubeSpace): in sRGB
// around the export's own output transform, so the LUT turns a look-free export into the
// export with the look, or in linear Rec.2020 or ACEScct for tools that grade in those.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "rangefinder/lut.h"
#include "rangefinder/parallel.h"
#include "rangefinder/params.h"

namespace rf {

/// The eight hue bands, in order of hue: red, orange, yellow, green, aqua, blue, purple,
/// magenta (the names in `look.hsl.<band>.*`).
inline constexpr int kHueBands = 8;
const std::array<const char*, kHueBands>& hueBandNames();

enum class LutEncoding { SRGB, Rec2020, DisplayP3 };  ///< primaries; sRGB transfer curve

struct LookParams {
    std::string name;
    float strength = 1;  ///< 0 … 1

    // Colour (baked into the LUT).
    std::vector<std::pair<float, float>> curve;  ///< control points; empty: parametric
    float contrast = 0, pivot = 0.47f, brightness = 0, toe = 0, shoulder = 0;  ///< −1 … 1
    float saturation = 0, vibrance = 0;                                        ///< −1 … 1
    struct Band {
        float hue = 0;         ///< degrees
        float saturation = 0;  ///< −1 … 1
        float luminance = 0;   ///< −1 … 1
    };
    std::array<Band, kHueBands> bands{};
    float shadowHue = 220, shadowSaturation = 0;  ///< degrees, 0 … 1
    float highlightHue = 50, highlightSaturation = 0;
    float splitBalance = 0;  ///< −1 … 1
    float warmth = 0;        ///< −1 … 1: towards amber (+) or blue (−), by lightness
    bool mono = false;
    Vec3 monoMix{0.3, 0.6, 0.1};  ///< normalised to sum 1
    std::string lutFile;          ///< resolved path, empty for none
    LutEncoding lutEncoding = LutEncoding::SRGB;

    // Spatial.
    float vignetteEv = 0;  ///< at the corners, −3 … 1
    float vignetteMidpoint = 0.5f, vignetteRoundness = 0, vignetteFeather = 0.5f;
    float grainAmount = 0, grainSize = 0.25f;  ///< 0 … 1

    /// Reads the look.* keys. A relative `look.lut.file` is resolved against `lookDirs`
    /// (first match); an unresolvable one throws rf::Error naming it. A malformed curve or a
    /// monochrome mix summing to zero throws rf::Error naming the key.
    static LookParams from(const EditDocument& doc, const std::vector<std::string>& lookDirs = {});

    bool hasColor() const;     ///< the colour transform is not the identity
    bool hasVignette() const;  ///< vignetteEv != 0
    bool hasGrain() const;     ///< grainAmount > 0
    /// Applying at this strength changes nothing (strength 0, or nothing set).
    bool isIdentity() const;
    /// Hash of everything the baked LUT depends on (not strength, vignette or grain), the LUT
    /// file's size and modification time included, so an edited file is baked afresh.
    std::uint64_t colorHash() const;
};

/// Display-linear working RGB ↔ look encoding (Rec.2020, sRGB transfer curve).
float lookEncode(float linear);
float lookDecode(float encoded);

/// The look's colour transform at one colour, computed directly (the reference the baked LUT
/// is tested against): look-encoded in, look-encoded out, at full strength. In this order:
///   1. monochrome: grey = monoMix · linear RGB in every channel (exactly neutral);
///   2. the curve (control points through a monotone cubic, or the parametric S of contrast
///      about the pivot, then brightness, toe and shoulder) on the encoded max(R, G, B), the
///      pixel scaled by it above the curve's black: hues kept, greys stay grey;
///   3. saturation and vibrance, as OkLCh chroma (vibrance favours muted colours and spares
///      skin hues when boosting);
///   4. the hue bands in OkLCh, faded out at low chroma so greys never move;
///   5. split toning: Oklab a, b offsets towards the shadow and highlight hues (OkLCh
///      degrees), weighted by lightness around a split point the balance moves; warmth: an
///      offset towards amber or blue in proportion to lightness (black stays black, and
///      white, where the gamut has no chroma, stays white);
///   6. the external LUT, in its own input encoding (clipped to [0, 1] on the way in).
/// Oklab results outside the Rec.2020 gamut lose chroma at constant lightness and hue.
Vec3 lookColor(const LookParams& p, const Vec3& encodedRec2020);

/// The colour transform baked over look-encoded input with display-LINEAR Rec.2020 output,
/// full strength; for front ends that apply a look elsewhere (a GPU preview). Cached by
/// colourHash(); thread-safe. applyLook bakes the same transform over √(display-linear)
/// input instead, which it can compute per pixel faster than the sRGB curve.
std::shared_ptr<const Lut3D> bakedLookLut(const LookParams& p, int size = 33);

/// The colour spaces a look is exported in as an interchange .cube (`looks export-cube
/// --space`). Each names what goes in and what comes out, in one encoding:
enum class CubeSpace {
    /// Display-referred sRGB, the default and what most tools expect: in, the look-free
    /// render as Rangefinder exports it in sRGB; out, the same photo with the look, exactly
    /// as the pipeline makes it (the look applied to display-linear Rec.2020, then the sRGB
    /// output transform with its clipping). Colours the sRGB input cannot hold (outside its
    /// gamut) arrive clipped, so they can differ.
    SRGB,
    /// Linear Rec.2020 (D65), display-referred, 0 … 1: the look stage's own input and output.
    /// A 1D shaper (the sRGB curve, 4096 entries) spreads the grid evenly in lightness;
    /// written as Resolve's "1D shaper + 3D" .cube.
    Rec2020Linear,
    /// ACEScct (Academy S-2016-001: AP1 primaries, the ACES white, the ACEScct log curve) of
    /// the display-referred values, over the usual 0 … 1 domain; values above display white
    /// (ACEScct 0.5548) are clipped as the look clips them.
    ACEScct,
};
inline constexpr CubeSpace kCubeSpaces[] = {CubeSpace::SRGB, CubeSpace::Rec2020Linear,
                                            CubeSpace::ACEScct};
/// "srgb", "rec2020-linear", "acescct": the command line's names.
const char* cubeSpaceName(CubeSpace s);
/// By name (as cubeSpaceName, case-insensitive); nullopt for an unknown one.
std::optional<CubeSpace> cubeSpaceFromName(const std::string& name);

/// A look's colour transform (at p.strength, blended in linear light as the stage blends
/// it) as an interchange LUT in `space`, `size` points per axis (2 … 65).
Lut3D bakeLookCube(const LookParams& p, CubeSpace space = CubeSpace::SRGB, int size = 33);

/// What a .cube of this look says about itself in its comments: the look and strength, the
/// space in and out, and the parts of the look a LUT cannot hold (vignette, grain).
std::vector<std::string> lookCubeComments(const std::string& lookName, const LookParams& p,
                                          CubeSpace space);

/// Bakes and writes the look's .cube (title: the look's name; comments: lookCubeComments),
/// atomically. Throws rf::Error naming the file.
void writeLookCube(const std::string& path, const std::string& lookName, const LookParams& p,
                   CubeSpace space = CubeSpace::SRGB, int size = 33);

/// The whole look stage, in place on display-linear working-space RGB in [0, 1]. The view is
/// the whole frame (vignette and grain are placed relative to it). No-op when isIdentity().
/// The colour is blended with the input by strength in linear light; the vignette multiplies
/// by 2^(strength · vignetteEv · falloff(r)) with r = 1 at the corners (the corner gets the
/// full amount); grain multiplies by 1 + noise weighted towards the mid-tones, zero-mean and
/// the same for the same frame size every time, its lattice a share of the long edge.
void applyLook(ImageView rgb, const LookParams& p, const CancelToken* cancel = nullptr);

}  // namespace rf
