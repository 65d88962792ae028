// SPDX-License-Identifier: GPL-3.0-or-later
// White balance and clipped highlights. White balance is chosen as the camera recorded it, as
// a preset, as a correlated colour temperature and tint (turned into camera multipliers
// through the camera's colour matrix), or from a patch the user marks as neutral. It is
// applied to the sensor data before demosaicing. Clipped highlights are handled right after:
// a channel that hit the sensor's ceiling must never tint a highlight magenta.
#pragma once

#include <array>
#include <string>
#include <utility>

#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/params.h"
#include "rangefinder/raw.h"

namespace rf {

using Multipliers = std::array<float, 3>;

enum class HighlightMode { Clip, Reconstruct };

/// How clipped sensor channels are treated (`highlights.mode`).
struct HighlightParams {
    HighlightMode mode = HighlightMode::Reconstruct;
    static HighlightParams from(const EditDocument& doc);
};

/// White balance as the edit document states it ("wb.*" keys).
struct WhiteBalanceParams {
    std::string mode = "as_shot";  ///< as_shot, auto, daylight, cloudy, shade, tungsten,
                                   ///< fluorescent, flash, custom
    double temperature = 5000;     ///< K, used by "custom"
    double tint = 0;               ///< + towards magenta, − towards green; used by "custom"
    static WhiteBalanceParams from(const EditDocument& doc);
};

/// The multipliers to use for a raw and a setting, normalised so the smallest is 1 (so a
/// clipped site of any channel maps to ≥ 1 after balancing).
Multipliers resolveWhiteBalance(const RawImage& raw, const WhiteBalanceParams& p);

/// Auto white balance: the multipliers that make the image's near-neutral surfaces neutral,
/// estimated from the unbalanced sensor data alone ("auto"; also "as shot" when the camera did
/// not record its own choice). Grey world first, then refined towards the pixels that the
/// current estimate already renders close to grey, so a scene dominated by one colour (a
/// forest, a tungsten-lit room) does not pull the balance to its complement. Clipped and
/// near-black sites are left out; a sparse grid of at most ~65 000 sites (plenty for a mean)
/// keeps it about a millisecond at any sensor size. Normalised so the smallest is 1.
Multipliers estimateWhiteBalance(const RawImage& raw);

/// Camera multipliers that make a light of the given temperature and tint neutral.
Multipliers multipliersForTemperature(const Mat3& cameraFromXYZ, double kelvin, double tint);
/// The inverse: the temperature and tint a set of multipliers corresponds to (for showing
/// "as shot" on the sliders and for the neutral-patch picker).
std::pair<double, double> temperatureForMultipliers(const Mat3& cameraFromXYZ,
                                                    const Multipliers& m);
/// The (temperature, tint) of a named preset.
std::pair<double, double> presetTemperature(const std::string& preset);
/// The (temperature, tint) a setting stands for on this raw: the preset's or the custom
/// values, or for "as shot" the camera's multipliers read back through its colour matrix.
/// What the sliders show, so that moving one from "as shot" starts where the photo is.
std::pair<double, double> whiteBalanceTemperature(const RawImage& raw, const WhiteBalanceParams& p);

/// Multipliers that make `meanCameraRgb` (the average of a patch of unbalanced camera RGB)
/// neutral. Throws rf::Error when the patch is black or clipped.
Multipliers multipliersForNeutral(const Vec3& meanCameraRgb);

/// Multiplies the sensor data (Bayer: per site by its CFA colour; Linear: per channel) by
/// the multipliers. Clip mode clips every value at 1 afterwards, so anything that clipped
/// in any channel becomes neutral white. Reconstruct mode leaves values above 1 for
/// `reconstructHighlights` to repair after demosaicing.
void applyWhiteBalance(ImageView data, SensorLayout layout, const CfaPattern& cfa,
                       const Multipliers& m, HighlightMode mode,
                       const CancelToken* cancel = nullptr);

/// After demosaicing (camera RGB, balanced): rebuilds pixels where a channel reached its
/// clipping level (m[c], since the sensor clipped at 1 before balancing) from the channels
/// that did not clip, blending towards neutral as all three approach clipping. No output
/// channel exceeds the brightest plausible value and clipped areas never turn magenta.
void reconstructHighlights(ImageView rgb, const Multipliers& m,
                           const CancelToken* cancel = nullptr);

}  // namespace rf
