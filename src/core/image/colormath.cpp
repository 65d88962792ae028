// SPDX-License-Identifier: GPL-3.0-or-later
#include "rangefinder/colormath.h"

#include <cmath>
#include <numbers>

#include "rangefinder/error.h"

namespace rf {

const Vec3 kD50{0.9642, 1.0, 0.8251};
const Vec3 kD65{0.95047, 1.0, 1.08883};
const Vec3 kAcesWhite{0.32168 / 0.33767, 1.0, (1 - 0.32168 - 0.33767) / 0.33767};  // x, y → XYZ

Mat3 identity3() {
    return {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};
}

Mat3 mul(const Mat3& a, const Mat3& b) {
    Mat3 r{};
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j)
            for (int k = 0; k < 3; ++k) r[i][j] += a[i][k] * b[k][j];
    return r;
}

Vec3 mul(const Mat3& m, const Vec3& v) {
    return {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
}

Mat3 inverse(const Mat3& m) {
    const double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
                       m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
                       m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    if (std::abs(det) < 1e-12) throw Error("singular colour matrix");
    const double d = 1.0 / det;
    Mat3 r;
    r[0][0] = (m[1][1] * m[2][2] - m[1][2] * m[2][1]) * d;
    r[0][1] = (m[0][2] * m[2][1] - m[0][1] * m[2][2]) * d;
    r[0][2] = (m[0][1] * m[1][2] - m[0][2] * m[1][1]) * d;
    r[1][0] = (m[1][2] * m[2][0] - m[1][0] * m[2][2]) * d;
    r[1][1] = (m[0][0] * m[2][2] - m[0][2] * m[2][0]) * d;
    r[1][2] = (m[0][2] * m[1][0] - m[0][0] * m[1][2]) * d;
    r[2][0] = (m[1][0] * m[2][1] - m[1][1] * m[2][0]) * d;
    r[2][1] = (m[0][1] * m[2][0] - m[0][0] * m[2][1]) * d;
    r[2][2] = (m[0][0] * m[1][1] - m[0][1] * m[1][0]) * d;
    return r;
}

Mat3 normaliseRows(const Mat3& m) {
    Mat3 r = m;
    for (auto& row : r) {
        const double s = row[0] + row[1] + row[2];
        if (std::abs(s) > 1e-12)
            for (double& v : row) v /= s;
    }
    return r;
}

Vec3 xyToXYZ(double x, double y, double Y) {
    return {x * Y / y, Y, (1 - x - y) * Y / y};
}

Mat3 bradford(const Vec3& from, const Vec3& to) {
    const Mat3 b{{{0.8951, 0.2664, -0.1614}, {-0.7502, 1.7135, 0.0367}, {0.0389, -0.0685, 1.0296}}};
    const Vec3 s = mul(b, from);
    const Vec3 d = mul(b, to);
    const Mat3 scale{{{d[0] / s[0], 0, 0}, {0, d[1] / s[1], 0}, {0, 0, d[2] / s[2]}}};
    return mul(inverse(b), mul(scale, b));
}

// Primaries → XYZ matrix so that RGB (1,1,1) maps to the white point.
static Mat3 fromPrimaries(double rx, double ry, double gx, double gy, double bx, double by,
                          const Vec3& white) {
    const Vec3 r = xyToXYZ(rx, ry), g = xyToXYZ(gx, gy), b = xyToXYZ(bx, by);
    const Mat3 p{{{r[0], g[0], b[0]}, {r[1], g[1], b[1]}, {r[2], g[2], b[2]}}};
    const Vec3 s = mul(inverse(p), white);
    Mat3 m = p;
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) m[i][j] *= s[j];
    return m;
}

Mat3 xyzFromLinearSRGB() {
    return fromPrimaries(0.64, 0.33, 0.30, 0.60, 0.15, 0.06, kD65);
}
Mat3 xyzFromLinearRec2020() {
    return fromPrimaries(0.708, 0.292, 0.170, 0.797, 0.131, 0.046, kD65);
}
Mat3 xyzFromLinearDisplayP3() {
    return fromPrimaries(0.680, 0.320, 0.265, 0.690, 0.150, 0.060, kD65);
}
Mat3 xyzFromLinearAdobeRGB() {
    return fromPrimaries(0.64, 0.33, 0.21, 0.71, 0.15, 0.06, kD65);
}
Mat3 xyzFromLinearProPhoto() {
    return fromPrimaries(0.7347, 0.2653, 0.1596, 0.8404, 0.0366, 0.0001, kD50);
}
Mat3 xyzFromLinearAP1() {
    return fromPrimaries(0.713, 0.293, 0.165, 0.830, 0.128, 0.044, kAcesWhite);
}

static double labF(double t) {
    constexpr double e = 216.0 / 24389.0, k = 24389.0 / 27.0;
    return t > e ? std::cbrt(t) : (k * t + 16) / 116;
}

Vec3 xyzToLab(const Vec3& xyz, const Vec3& w) {
    const double fx = labF(xyz[0] / w[0]), fy = labF(xyz[1] / w[1]), fz = labF(xyz[2] / w[2]);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

Vec3 labToXyz(const Vec3& lab, const Vec3& w) {
    constexpr double e = 216.0 / 24389.0, k = 24389.0 / 27.0;
    const double fy = (lab[0] + 16) / 116, fx = fy + lab[1] / 500, fz = fy - lab[2] / 200;
    const double x = fx * fx * fx > e ? fx * fx * fx : (116 * fx - 16) / k;
    const double y = lab[0] > k * e ? fy * fy * fy : lab[0] / k;
    const double z = fz * fz * fz > e ? fz * fz * fz : (116 * fz - 16) / k;
    return {x * w[0], y * w[1], z * w[2]};
}

double deltaE2000(const Vec3& l1, const Vec3& l2) {
    using std::atan2, std::cos, std::sin, std::sqrt, std::pow, std::abs, std::exp;
    constexpr double pi = std::numbers::pi;
    const auto deg = [](double r) { return r * 180.0 / pi; };
    const auto rad = [](double d) { return d * pi / 180.0; };
    const double C1 = sqrt(l1[1] * l1[1] + l1[2] * l1[2]);
    const double C2 = sqrt(l2[1] * l2[1] + l2[2] * l2[2]);
    const double Cb = (C1 + C2) / 2;
    const double G = 0.5 * (1 - sqrt(pow(Cb, 7) / (pow(Cb, 7) + pow(25.0, 7))));
    const double a1 = (1 + G) * l1[1], a2 = (1 + G) * l2[1];
    const double C1p = sqrt(a1 * a1 + l1[2] * l1[2]), C2p = sqrt(a2 * a2 + l2[2] * l2[2]);
    auto hue = [&](double b, double a) {
        if (a == 0 && b == 0) return 0.0;
        double h = deg(atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(l1[2], a1), h2 = hue(l2[2], a2);
    const double dL = l2[0] - l1[0], dC = C2p - C1p;
    double dh = 0;
    if (C1p * C2p != 0) {
        dh = h2 - h1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
    }
    const double dH = 2 * sqrt(C1p * C2p) * sin(rad(dh / 2));
    const double Lb = (l1[0] + l2[0]) / 2, Cbp = (C1p + C2p) / 2;
    double hb = h1 + h2;
    if (C1p * C2p != 0) {
        if (abs(h1 - h2) <= 180)
            hb = (h1 + h2) / 2;
        else
            hb = (h1 + h2 < 360) ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
    const double T = 1 - 0.17 * cos(rad(hb - 30)) + 0.24 * cos(rad(2 * hb)) +
                     0.32 * cos(rad(3 * hb + 6)) - 0.20 * cos(rad(4 * hb - 63));
    const double dTheta = 30 * exp(-pow((hb - 275) / 25, 2));
    const double Rc = 2 * sqrt(pow(Cbp, 7) / (pow(Cbp, 7) + pow(25.0, 7)));
    const double Sl = 1 + 0.015 * pow(Lb - 50, 2) / sqrt(20 + pow(Lb - 50, 2));
    const double Sc = 1 + 0.045 * Cbp, Sh = 1 + 0.015 * Cbp * T;
    const double Rt = -sin(rad(2 * dTheta)) * Rc;
    return sqrt(pow(dL / Sl, 2) + pow(dC / Sc, 2) + pow(dH / Sh, 2) + Rt * (dC / Sc) * (dH / Sh));
}

double srgbEncode(double x) {
    return x <= 0.0031308 ? 12.92 * x : 1.055 * std::pow(x, 1 / 2.4) - 0.055;
}
double srgbDecode(double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

}  // namespace rf
