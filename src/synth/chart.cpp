// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>

#include "synth.h"

namespace rf::synth {

// BabelColor average of 30 charts (D. Pascale), L*a*b* D50; the same figures as
// shared/testdata/colorchecker/colorchecker24_babelcolor_avg_lab_d50.csv.
const std::array<Patch, 24>& colorChecker() {
    static const std::array<Patch, 24> patches{{
        {"dark skin", {38.45, 13.60, 14.53}},     {"light skin", {65.94, 17.88, 17.86}},
        {"blue sky", {50.06, -4.51, -22.28}},     {"foliage", {43.29, -13.23, 21.93}},
        {"blue flower", {55.32, 8.83, -24.62}},   {"bluish green", {70.69, -33.03, -0.13}},
        {"orange", {62.65, 35.35, 57.84}},        {"purplish blue", {40.25, 9.76, -44.38}},
        {"moderate red", {51.60, 47.80, 16.88}},  {"purple", {30.50, 21.06, -20.04}},
        {"yellow green", {72.46, -23.29, 56.99}}, {"orange yellow", {71.95, 19.48, 68.13}},
        {"blue", {28.88, 14.80, -50.15}},         {"green", {55.14, -37.81, 31.63}},
        {"red", {42.28, 54.10, 28.67}},           {"yellow", {82.28, 4.03, 80.01}},
        {"magenta", {51.92, 49.80, -13.85}},      {"cyan", {50.72, -28.10, -27.96}},
        {"white 9.5", {96.53, -0.47, 2.38}},      {"neutral 8", {81.21, -0.66, 0.25}},
        {"neutral 6.5", {66.48, -0.53, -0.04}},   {"neutral 5", {50.83, -0.63, -0.16}},
        {"neutral 3.5", {35.85, -0.54, -0.51}},   {"black 2", {20.83, 0.03, -0.40}},
    }};
    return patches;
}

Vec3 patchLinearSRGB(const Patch& p) {
    static const Mat3 srgbFromD50 = mul(inverse(xyzFromLinearSRGB()), bradford(kD50, kD65));
    Vec3 rgb = mul(srgbFromD50, labToXyz(p.lab, kD50));
    // The scene is defined in sRGB: the one patch slightly outside it (cyan) is clipped to
    // the gamut, so the truth is exactly representable in the output.
    for (double& v : rgb) v = std::clamp(v, 0.0, 1.0);
    return rgb;
}

Rect patchRect(int index, int width, int height, double inset) {
    const int col = index % 6, row = index / 6;
    const double cw = width / 6.0, ch = height / 4.0;
    const double x0 = col * cw + inset * cw, y0 = row * ch + inset * ch;
    const double x1 = (col + 1) * cw - inset * cw, y1 = (row + 1) * ch - inset * ch;
    return {int(x0 + 0.5), int(y0 + 0.5), std::max(1, int(x1 - x0)), std::max(1, int(y1 - y0))};
}

Image renderChart(int width, int height) {
    Image img(width, height, 3);
    const Vec3 surround{0.03, 0.03, 0.03};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c) img.at(x, y, c) = float(surround[c]);
    for (int i = 0; i < 24; ++i) {
        const Rect r = patchRect(i, width, height, 0.06);
        const Vec3 v = patchLinearSRGB(colorChecker()[i]);
        for (int y = r.y; y < r.y + r.height; ++y)
            for (int x = r.x; x < r.x + r.width; ++x)
                for (int c = 0; c < 3; ++c) img.at(x, y, c) = float(v[c]);
    }
    return img;
}

Mat3 cameraMatrixA() {
    // Shaped like a modern CMOS sensor's D65 ColorMatrix (XYZ → camera).
    return {{{0.6722, -0.0635, -0.0963}, {-0.4287, 1.2460, 0.2028}, {-0.0908, 0.2162, 0.5668}}};
}

Mat3 cameraMatrixB() {
    // Shaped like an older CCD's: weaker separation, more blue-green crosstalk.
    return {{{0.8139, -0.2171, -0.0663}, {-0.7747, 1.5473, 0.2506}, {-0.1532, 0.2630, 0.6571}}};
}

}  // namespace rf::synth
