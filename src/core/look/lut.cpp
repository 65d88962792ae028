// SPDX-License-Identifier: GPL-3.0-or-later
// Tetrahedral interpolation: the cube cell around the input is split into six tetrahedra
// along its neutral diagonal, so a neutral input is interpolated from neutral grid points
// only and any linear map is reproduced exactly; it reads four grid points instead of
// trilinear's eight. A shaper in front of the grid is read with linear interpolation, one
// channel at a time, as Resolve reads one.
#include "rangefinder/lut.h"

#include <algorithm>
#include <cmath>

#include "rangefinder/error.h"

namespace rf {

namespace {

// The cell and the fractional position of one input coordinate.
inline void locate(float v, float lo, float hi, int n, int& i, float& f) {
    const float scale = float(n - 1) / (hi - lo);
    float t = (v - lo) * scale;
    // Not std::clamp, which passes a NaN through (a NaN colour, or a domain so narrow that
    // hi − lo is 0 in float): it would become an index far outside the table.
    t = t > 0.0f ? std::min(t, float(n - 1)) : 0.0f;
    i = std::min(int(t), n - 2);
    f = t - float(i);
}

// One channel through the shaper (n ≥ 2 entries of three floats over lo … hi).
inline float shape(const float* shaper, int n, int c, float lo, float hi, float v) {
    int i;
    float f;
    locate(v, lo, hi, n, i, f);
    const float a = shaper[3 * i + c], b = shaper[3 * (i + 1) + c];
    return a + f * (b - a);
}

// Interpolates one colour; `lut` is the grid, n its size.
inline void tetra(const float* lut, int n, int ri, int gi, int bi, float fr, float fg, float fb,
                  float out[3]) {
    const int sr = 3, sg = 3 * n, sb = 3 * n * n;
    const float* c000 = lut + ri * sr + gi * sg + bi * sb;
    const float* c111 = c000 + sr + sg + sb;
    const float *a, *b;
    float w0, w1, w2, w3;  // weights of c000, a, b, c111
    if (fr >= fg) {
        if (fg >= fb) {  // r > g > b
            a = c000 + sr, b = c000 + sr + sg;
            w0 = 1 - fr, w1 = fr - fg, w2 = fg - fb, w3 = fb;
        } else if (fr >= fb) {  // r > b > g
            a = c000 + sr, b = c000 + sr + sb;
            w0 = 1 - fr, w1 = fr - fb, w2 = fb - fg, w3 = fg;
        } else {  // b > r > g
            a = c000 + sb, b = c000 + sr + sb;
            w0 = 1 - fb, w1 = fb - fr, w2 = fr - fg, w3 = fg;
        }
    } else {
        if (fb >= fg) {  // b > g > r
            a = c000 + sb, b = c000 + sg + sb;
            w0 = 1 - fb, w1 = fb - fg, w2 = fg - fr, w3 = fr;
        } else if (fb >= fr) {  // g > b > r
            a = c000 + sg, b = c000 + sg + sb;
            w0 = 1 - fg, w1 = fg - fb, w2 = fb - fr, w3 = fr;
        } else {  // g > r > b
            a = c000 + sg, b = c000 + sr + sg;
            w0 = 1 - fg, w1 = fg - fr, w2 = fr - fb, w3 = fb;
        }
    }
    for (int c = 0; c < 3; ++c) out[c] = w0 * c000[c] + w1 * a[c] + w2 * b[c] + w3 * c111[c];
}

}  // namespace

Lut3D::Lut3D(int size) : size_(size) {
    if (size < 2 || size > kMaxSize)
        throw Error("a 3D LUT must have 2 to " + std::to_string(kMaxSize) + " points per axis");
    data_.resize(std::size_t(3) * size * size * size);
    const float step = 1.0f / float(size - 1);
    for (int b = 0; b < size; ++b)
        for (int g = 0; g < size; ++g)
            for (int r = 0; r < size; ++r) {
                float* p = at(r, g, b);
                p[0] = r * step, p[1] = g * step, p[2] = b * step;
            }
}

Vec3 Lut3D::sample(const Vec3& rgb) const {
    float in[3] = {float(rgb[0]), float(rgb[1]), float(rgb[2])};
    if (const int n = shaperSize(); n >= 2)
        for (int c = 0; c < 3; ++c)
            in[c] = shape(shaper.data(), n, c, float(shaperMin), float(shaperMax), in[c]);
    int i[3];
    float f[3];
    for (int c = 0; c < 3; ++c)
        locate(in[c], float(domainMin[c]), float(domainMax[c]), size_, i[c], f[c]);
    float out[3];
    tetra(data_.data(), size_, i[0], i[1], i[2], f[0], f[1], f[2], out);
    return {out[0], out[1], out[2]};
}

void Lut3D::apply(ImageView rgb, float mix, const CancelToken* cancel) const {
    if (empty()) return;
    const float lo[3] = {float(domainMin[0]), float(domainMin[1]), float(domainMin[2])};
    const float hi[3] = {float(domainMax[0]), float(domainMax[1]), float(domainMax[2])};
    const int shaperN = shaperSize() >= 2 ? shaperSize() : 0;
    const float shapeLo = float(shaperMin), shapeHi = float(shaperMax);
    parallelFor(
        0, rgb.height,
        [&](int y0, int y1) {
            for (int y = y0; y < y1; ++y) {
                float* px = rgb.row(y);
                for (int x = 0; x < rgb.width; ++x, px += 3) {
                    float in[3] = {px[0], px[1], px[2]};
                    if (shaperN)
                        for (int c = 0; c < 3; ++c)
                            in[c] = shape(shaper.data(), shaperN, c, shapeLo, shapeHi, in[c]);
                    int i[3];
                    float f[3];
                    for (int c = 0; c < 3; ++c) locate(in[c], lo[c], hi[c], size_, i[c], f[c]);
                    float out[3];
                    tetra(data_.data(), size_, i[0], i[1], i[2], f[0], f[1], f[2], out);
                    for (int c = 0; c < 3; ++c) px[c] += mix * (out[c] - px[c]);
                }
            }
        },
        16, cancel);
}

}  // namespace rf
