// SPDX-License-Identifier: GPL-3.0-or-later
// Colour-temperature geometry: Planckian locus, Duv normal and its inverse (see locus.h).
#include "stages/whitebalance/locus.h"

#include <algorithm>
#include <cmath>

#include "rangefinder/error.h"

namespace rf::locus {

Uv planckianUv(double t) {
    const double t2 = t * t;
    return {(0.860117757 + 1.54118254e-4 * t + 1.28641212e-7 * t2) /
                (1 + 8.42420235e-4 * t + 7.08145163e-7 * t2),
            (0.317398726 + 4.22806245e-5 * t + 4.20481691e-8 * t2) /
                (1 - 2.89741816e-5 * t + 1.61456053e-7 * t2)};
}

Uv locusNormal(double t) {
    // Differentiating in mired keeps the step meaningful from 1000 K to 100000 K.
    const double mired = 1e6 / t, h = 0.01;
    const Uv a = planckianUv(1e6 / (mired - h)), b = planckianUv(1e6 / (mired + h));
    const double du = b.u - a.u, dv = b.v - a.v;
    const double len = std::hypot(du, dv);
    Uv n{-dv / len, du / len};
    if (n.v < 0) n = {-n.u, -n.v};
    return n;
}

Uv uvForTemperature(double kelvin, double tint) {
    const Uv p = planckianUv(kelvin), n = locusNormal(kelvin);
    const double duv = tint / kTintPerDuv;
    return {p.u + duv * n.u, p.v + duv * n.v};
}

void temperatureForUv(const Uv& uv, double& kelvin, double& tint) {
    const auto dist2 = [&](double mired) {
        const Uv p = planckianUv(1e6 / mired);
        return (p.u - uv.u) * (p.u - uv.u) + (p.v - uv.v) * (p.v - uv.v);
    };
    // A coarse scan brackets the nearest point (the distance need not be unimodal over the
    // whole range for points far from the locus); golden sections then refine it.
    constexpr double lo = 10, hi = 1000, step = 2;
    double best = lo, bestD = dist2(lo);
    for (double m = lo + step; m <= hi; m += step) {
        const double d = dist2(m);
        if (d < bestD) bestD = d, best = m;
    }
    double a = std::max(lo, best - step), b = std::min(hi, best + step);
    constexpr double g = 0.6180339887498949;
    double c = b - g * (b - a), d = a + g * (b - a);
    double fc = dist2(c), fd = dist2(d);
    for (int i = 0; i < 80 && b - a > 1e-9; ++i) {
        if (fc < fd) {
            b = d, d = c, fd = fc;
            c = b - g * (b - a), fc = dist2(c);
        } else {
            a = c, c = d, fc = fd;
            d = a + g * (b - a), fd = dist2(d);
        }
    }
    kelvin = 1e6 / (0.5 * (a + b));
    const Uv p = planckianUv(kelvin), n = locusNormal(kelvin);
    const double duv = (uv.u - p.u) * n.u + (uv.v - p.v) * n.v;
    tint = duv * kTintPerDuv;
}

Uv xyToUv(double x, double y) {
    const double d = -2 * x + 12 * y + 3;
    return {4 * x / d, 6 * y / d};
}

void uvToXy(const Uv& uv, double& x, double& y) {
    const double d = 2 * uv.u - 8 * uv.v + 4;
    x = 3 * uv.u / d;
    y = 2 * uv.v / d;
}

Uv xyzToUv(const Vec3& xyz) {
    const double d = xyz[0] + 15 * xyz[1] + 3 * xyz[2];
    if (!(d > 0) || !std::isfinite(d)) throw Error("white balance: colour has no chromaticity");
    return {4 * xyz[0] / d, 6 * xyz[1] / d};
}

}  // namespace rf::locus
