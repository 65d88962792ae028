// SPDX-License-Identifier: GPL-3.0-or-later
// Small colour maths shared by the stages and the tests: 3×3 matrices, the XYZ, Lab and sRGB
// relations, chromaticities, and CIEDE2000, the colour difference our accuracy targets are
// stated in. Doubles throughout: these run per setting, not per pixel.
#pragma once

#include <array>

namespace rf {

using Vec3 = std::array<double, 3>;
using Mat3 = std::array<std::array<double, 3>, 3>;

Mat3 identity3();
Mat3 mul(const Mat3& a, const Mat3& b);
Vec3 mul(const Mat3& m, const Vec3& v);
/// Throws rf::Error when singular.
Mat3 inverse(const Mat3& m);
/// Scales each row so it sums to 1 (maps (1,1,1) to (1,1,1) when applied to a neutral).
Mat3 normaliseRows(const Mat3& m);

/// Standard illuminant white points, XYZ with Y = 1.
extern const Vec3 kD50;
extern const Vec3 kD65;

Vec3 xyToXYZ(double x, double y, double Y = 1.0);
/// Bradford chromatic adaptation from one white to another.
Mat3 bradford(const Vec3& fromWhite, const Vec3& toWhite);

/// Linear RGB ↔ XYZ (own white point) for the primaries we use.
Mat3 xyzFromLinearSRGB();       ///< D65
Mat3 xyzFromLinearRec2020();    ///< D65
Mat3 xyzFromLinearDisplayP3();  ///< D65
Mat3 xyzFromLinearAdobeRGB();   ///< D65
Mat3 xyzFromLinearProPhoto();   ///< D50
/// ACES AP1 (ACEScg, ACEScct), on the ACES white point (x 0.32168, y 0.33767): SMPTE ST
/// 2065-1's white, near D60.
Mat3 xyzFromLinearAP1();
extern const Vec3 kAcesWhite;

Vec3 xyzToLab(const Vec3& xyz, const Vec3& white = kD50);
Vec3 labToXyz(const Vec3& lab, const Vec3& white = kD50);
/// CIEDE2000 (kL = kC = kH = 1).
double deltaE2000(const Vec3& lab1, const Vec3& lab2);

double srgbEncode(double linear);  ///< IEC 61966-2-1 transfer, unclamped for x >= 0
double srgbDecode(double encoded);

}  // namespace rf
