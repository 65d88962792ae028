// SPDX-License-Identifier: GPL-3.0-or-later
// The chromaticity of a light given as a correlated colour temperature and a tint. A
// temperature names a point on the Planckian (black-body) locus; the tint moves the light
// perpendicular to the locus in the CIE 1960 uv diagram, which is exactly how CCT and Duv are
// defined, so the pair is a coordinate system around the locus and can be inverted by finding
// the nearest locus point. We use the Planckian locus at every temperature (as the DNG SDK
// does) rather than switching to the CIE daylight locus at 4000 K: a switch would put a
// chromaticity jump into the temperature slider and make the inverse ambiguous. Real
// daylight sits slightly above the locus (D65 is 6504 K with Duv ≈ +0.0032, i.e. tint ≈ −10).
#pragma once

#include "rangefinder/colormath.h"

namespace rf::locus {

/// Tint units per unit of Duv, with the sign flipped: + tint = magenta = below the locus.
/// The scale is the one common raw editors use (tint 1 = Duv 1/3000), so the slider's ±150
/// spans Duv ±0.05, from strong green fluorescent to strong magenta casts.
constexpr double kTintPerDuv = -3000.0;

struct Uv {
    double u = 0, v = 0;
};

/// Planckian locus in CIE 1960 uv (Krystek's 1985 rational approximation: within a few 1e-4
/// in xy of the true locus over 1000–15000 K, e.g. illuminant A at 2856 K; beyond, it stays
/// smooth and monotonic towards the infinite-temperature point). That is far below what a
/// temperature slider resolves, and the inverse uses the same curve, so round trips are exact.
Uv planckianUv(double kelvin);

/// Unit normal to the locus at `kelvin`, pointing to positive Duv (above, towards green).
Uv locusNormal(double kelvin);

/// The chromaticity of (temperature, tint) in uv.
Uv uvForTemperature(double kelvin, double tint);
/// The inverse: nearest locus point (searched over 1000–100000 K); tint from the signed
/// distance. Not clamped.
void temperatureForUv(const Uv& uv, double& kelvin, double& tint);

Uv xyToUv(double x, double y);
void uvToXy(const Uv& uv, double& x, double& y);
/// XYZ (any scale) → uv; throws rf::Error for a non-positive chromaticity denominator.
Uv xyzToUv(const Vec3& xyz);

}  // namespace rf::locus
