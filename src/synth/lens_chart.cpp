// SPDX-License-Identifier: GPL-3.0-or-later
// A scene taken through a lens (synth.h, LensTruth): the forward model a lens applies, inverted
// here site by site with Newton's method, on its own — the correction code evaluates the
// models forwards only, so the two meet only in the picture.
#include <cmath>

#include "rangefinder/error.h"
#include "rangefinder/parallel.h"
#include "synth.h"

namespace rf::synth {

namespace {

// Solves g(r) = target for r ≥ 0 by Newton's method from r = target; g is close to the
// identity for any real lens.
template <class G>
double invert(double target, const G& g) {
    double r = target;
    for (int i = 0; i < 50; ++i) {
        const double h = 1e-7 * std::max(1.0, r);
        const double v = g(r) - target;
        const double d = (g(r + h) - g(r - h)) / (2 * h);
        const double step = v / d;
        r -= step;
        if (std::abs(step) < 1e-13) break;
    }
    return r;
}

}  // namespace

Image lensMosaicOf(int width, int height, const CfaPattern& cfa, const LensTruth& L,
                   double (*scene)(double x, double y, int c, const void* ctx), const void* ctx) {
    if (width < 2 || height < 2) throw Error("lens mosaic: the frame is too small");
    // lensfun's normalisation: pixel centres 0 … W − 1, unit = half the calibration sensor's
    // short side, brought to this sensor by the crop factors (ratios of diagonals).
    const double w = width - 1, h = height - 1, size = std::min(w, h);
    const double aspect = std::max(w, h) / size;
    const double calibrationDiagonal = std::sqrt(L.calibrationAspect * L.calibrationAspect + 1);
    const double unit = size / 2 * std::sqrt(aspect * aspect + 1) / calibrationDiagonal * L.crop /
                        L.calibrationCrop;  // pixels per normalised unit
    const double cx = w / 2, cy = h / 2;
    const auto distort = [&](double r) {
        return r * (L.a * r * r * r + L.b * r * r + L.c * r + 1 - L.a - L.b - L.c);
    };
    const auto tcaRed = [&](double r) { return r * (L.br * r * r + L.cr * r + L.vr); };
    const auto tcaBlue = [&](double r) { return r * (L.bb * r * r + L.cb * r + L.vb); };
    Image out(width, height, 1);
    parallelFor(0, height, [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            float* o = out.row(y);
            for (int x = 0; x < width; ++x) {
                const int c = cfa[std::size_t((y & 1) * 2 + (x & 1))];
                const double X = (x - cx) / unit, Y = (y - cy) / unit;
                const double rs = std::hypot(X, Y);
                // The site's radius is its plane's; green's distorted radius behind it …
                const double rd = c == 0 ? invert(rs, tcaRed) : c == 2 ? invert(rs, tcaBlue) : rs;
                // … and the undistorted radius behind that.
                const double ru = invert(rd, distort);
                const double k = rs > 0 ? ru / rs : 1;
                const double sx = cx + X * k * unit, sy = cy + Y * k * unit;
                // Vignetting darkens the sensor where the site is.
                const double rho2 = rs * rs / (calibrationDiagonal * calibrationDiagonal);
                const double falloff = 1 + rho2 * (L.k1 + rho2 * (L.k2 + rho2 * L.k3));
                o[x] = float(scene(sx, sy, c, ctx) * falloff);
            }
        }
    });
    return out;
}

}  // namespace rf::synth
