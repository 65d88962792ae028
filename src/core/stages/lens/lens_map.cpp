// SPDX-License-Identifier: GPL-3.0-or-later
// The lens map's models and the one resampling that applies them (lens_map.h).
//
// lensfun's coordinates (lfModifier in lensfun 0.3.3): pixel centres are the positions 0 …
// W − 1; the normalised coordinate is X = x · s − Cx with s = 2 / min(W − 1, H − 1) · k, where
// k = calibration crop / camera crop · √(calibration aspect² + 1) / √(image aspect² + 1)
// brings the image onto the calibration sensor (crop factors are ratios of diagonals), and
// the centre Cx = (W − 1) / 2 · s + the lens's centre shift. Distortion maps a corrected
// radius to the distorted one; TCA then scales the red and blue planes about the centre as a
// function of that distorted radius; vignetting is a function of the distorted radius
// divided by √(calibration aspect² + 1), i.e. normalised to the calibration sensor's half
// diagonal.
#include "stages/lens/lens_map.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "image/catmull_rom.h"

namespace rf::lens {

namespace {

constexpr int kZoomSamples = 64;  // per edge of the frame

}  // namespace

LensMap LensMap::fromLensfun(const LensfunCalibration& c, int width, int height, bool distortion,
                             bool tca, bool vignetting) {
    LensMap m;
    m.width_ = width;
    m.height_ = height;
    m.cx_ = (width - 1) / 2.0;
    m.cy_ = (height - 1) / 2.0;
    m.lf_ = c;
    const double w = std::max(1, width - 1), h = std::max(1, height - 1);
    const double size = std::min(w, h);
    const double imageAspect = std::max(w, h) / size;
    const double aspectCorrection = std::sqrt(c.calibrationAspect * c.calibrationAspect + 1);
    const double k = 1 / std::sqrt(imageAspect * imageAspect + 1) * c.calibrationCrop / c.crop *
                     aspectCorrection;
    m.lfScale_ = 2 / size * k;
    m.lfCenterX_ = w / 2 * m.lfScale_ + c.centerX;
    m.lfCenterY_ = h / 2 * m.lfScale_ + c.centerY;
    m.lfVigScale_ = 1 / aspectCorrection;
    m.distortion_ = distortion && c.distortion != LensfunCalibration::Distortion::None;
    m.tca_ = tca && c.tca != LensfunCalibration::Tca::None;
    if (m.distortion_ || m.tca_) m.warp_ = Warp::Lensfun;
    m.perChannel_ = m.tca_;
    if (vignetting && c.vignetting) m.vig_ = Vig::Lensfun;
    m.chooseZoom();
    return m;
}

LensMap LensMap::fromDng(const DngLensOpcodes& o, int width, int height, bool distortion, bool tca,
                         bool vignetting) {
    LensMap m;
    m.width_ = width;
    m.height_ = height;
    m.cx_ = (width - 1) / 2.0;
    m.cy_ = (height - 1) / 2.0;
    if (o.warp && o.warp->planes >= 1) {
        m.dngWarp_ = *o.warp;
        m.distortion_ = distortion;
        m.tca_ = tca && o.warp->planes == 3;
        if (m.distortion_ || m.tca_) m.warp_ = Warp::Dng;
        m.perChannel_ = m.tca_;
    }
    if (vignetting && o.vignette) {
        m.dngVig_ = *o.vignette;
        m.vig_ = Vig::Dng;
    }
    m.chooseZoom();
    return m;
}

void LensMap::sourceUnzoomed(double x, double y, double xs[3], double ys[3]) const {
    for (int c = 0; c < 3; ++c) xs[c] = x, ys[c] = y;
    if (warp_ == Warp::Lensfun) {
        const auto& c = lf_;
        double X = x * lfScale_ - lfCenterX_, Y = y * lfScale_ - lfCenterY_;
        if (distortion_) {
            const double r2 = X * X + Y * Y, r = std::sqrt(r2);
            double f = 1;
            switch (c.distortion) {
                case LensfunCalibration::Distortion::Poly3:
                    f = 1 - c.d[0] + c.d[0] * r2;
                    break;
                case LensfunCalibration::Distortion::Poly5:
                    f = 1 + c.d[0] * r2 + c.d[1] * r2 * r2;
                    break;
                case LensfunCalibration::Distortion::PTLens:
                    f = c.d[0] * r2 * r + c.d[1] * r2 + c.d[2] * r + 1 - c.d[0] - c.d[1] - c.d[2];
                    break;
                case LensfunCalibration::Distortion::None:
                    break;
            }
            X *= f;
            Y *= f;
        }
        double fr = 1, fb = 1;
        if (tca_) {
            if (c.tca == LensfunCalibration::Tca::Linear) {
                fr = c.t[0];
                fb = c.t[1];
            } else {
                const double r = std::sqrt(X * X + Y * Y);
                fr = c.t[0] + c.t[2] * r + c.t[4] * r * r;
                fb = c.t[1] + c.t[3] * r + c.t[5] * r * r;
            }
        }
        const double f[3] = {fr, 1, fb};
        for (int p = 0; p < 3; ++p) {
            xs[p] = (X * f[p] + lfCenterX_) / lfScale_;
            ys[p] = (Y * f[p] + lfCenterY_) / lfScale_;
        }
    } else if (warp_ == Warp::Dng) {
        const DngWarpRectilinear& w = dngWarp_;
        const double dx = (x - w.centerX) / w.radius, dy = (y - w.centerY) / w.radius;
        const double r2 = dx * dx + dy * dy;
        double px[3], py[3];
        for (int p = 0; p < 3; ++p) {
            const auto& k = w.coefficients[std::size_t(w.planes == 3 ? p : 0)];
            const double f = k[0] + r2 * (k[1] + r2 * (k[2] + r2 * k[3]));
            px[p] =
                w.centerX + w.radius * (f * dx + k[4] * 2 * dx * dy + k[5] * (r2 + 2 * dx * dx));
            py[p] =
                w.centerY + w.radius * (f * dy + k[5] * 2 * dx * dy + k[4] * (r2 + 2 * dy * dy));
        }
        for (int p = 0; p < 3; ++p) {
            // Without distortion, the planes keep only their offset from green; without
            // TCA, every plane follows green.
            const int q = tca_ ? p : 1;
            xs[p] = (distortion_ ? px[1] : x) + (px[q] - px[1]);
            ys[p] = (distortion_ ? py[1] : y) + (py[q] - py[1]);
        }
    }
}

void LensMap::source(double x, double y, double xs[3], double ys[3]) const {
    sourceUnzoomed(cx_ + (x - cx_) / zoom_, cy_ + (y - cy_) / zoom_, xs, ys);
}

float LensMap::gain(double x, double y) const {
    if (vig_ == Vig::Lensfun) {
        const double X = x * lfScale_ - lfCenterX_, Y = y * lfScale_ - lfCenterY_;
        const double r2 = (X * X + Y * Y) * lfVigScale_ * lfVigScale_;
        const auto& v = lf_.v;
        const double falloff = 1 + r2 * (v[0] + r2 * (v[1] + r2 * v[2]));
        return falloff > 1e-3 ? float(1 / falloff) : 1000.f;
    }
    if (vig_ == Vig::Dng) {
        const DngVignetteRadial& v = dngVig_;
        const double dx = (x - v.centerX) / v.radius, dy = (y - v.centerY) / v.radius;
        const double r2 = dx * dx + dy * dy;
        const auto& k = v.k;
        return float(1 + r2 * (k[0] + r2 * (k[1] + r2 * (k[2] + r2 * (k[3] + r2 * k[4])))));
    }
    return 1;
}

// The smallest zoom at which every edge pixel of the corrected frame reads every plane from
// inside the sensor image. Along a ray from the centre the source moves outwards as the
// corrected point does (any usable lens profile is monotonic there), so each edge point's
// zoom is found by bisection.
void LensMap::chooseZoom() {
    zoom_ = 1;
    if (!warps()) return;
    const double maxX = width_ - 1, maxY = height_ - 1;
    const auto inside = [&](double x, double y, double z) {
        double xs[3], ys[3];
        sourceUnzoomed(cx_ + (x - cx_) / z, cy_ + (y - cy_) / z, xs, ys);
        for (int p = 0; p < 3; ++p)
            if (!(xs[p] >= -1e-6 && xs[p] <= maxX + 1e-6 && ys[p] >= -1e-6 && ys[p] <= maxY + 1e-6))
                return false;
        return true;
    };
    double zoom = 0;
    for (int i = 0; i <= kZoomSamples; ++i) {
        const double t = double(i) / kZoomSamples;
        const double edge[4][2] = {
            {t * maxX, 0}, {t * maxX, maxY}, {0, t * maxY}, {maxX, t * maxY}};
        for (const auto& e : edge) {
            double lo = 0.25, hi = 4;  // outside at lo … inside at hi
            if (inside(e[0], e[1], lo)) {
                hi = lo;
            } else {
                for (int k = 0; k < 50; ++k) {
                    const double mid = 0.5 * (lo + hi);
                    (inside(e[0], e[1], mid) ? hi : lo) = mid;
                }
            }
            zoom = std::max(zoom, hi);
        }
    }
    zoom_ = zoom > 0 ? zoom : 1;
}

namespace {

// Catmull-Rom sample of `planes` consecutive channels from `first` at (x, y); taps beyond the
// edge repeat the edge pixel.
// Planes is a compile-time count so the interior loop keeps its sums in registers.
template <int planes>
[[gnu::always_inline]] inline void sample(ConstImageView in, float x, float y, int first,
                                          float* o) {
    const int maxX = in.width - 1, maxY = in.height - 1;
    x = std::clamp(x, -1.f, float(in.width));
    y = std::clamp(y, -1.f, float(in.height));
    // Positions are ≥ −1, so truncation after an offset is floor.
    const int ix = int(x + 2.f) - 2, iy = int(y + 2.f) - 2;
    float wx[4], wy[4];
    catmullRomWeights(float(x - ix), wx);
    catmullRomWeights(float(y - iy), wy);
    for (int c = 0; c < planes; ++c) o[c] = 0;
    if constexpr (planes == 3) {
        // One pixel's three planes (and the next pixel's first, weighted but dropped) per
        // four-lane vector, two rows side by side in eight lanes: 8 multiply-adds instead of
        // 48 where AVX2 is there. The fourth lane of the last tap needs one more pixel to its
        // right.
        if (ix >= 1 && iy >= 1 && ix + 3 <= maxX && iy + 2 <= maxY) {
            typedef float v4 __attribute__((vector_size(16)));
            typedef float v8 __attribute__((vector_size(32)));
            const float* r = in.px(ix - 1, iy - 1);
            const std::ptrdiff_t stride = in.stride;
            v8 acc = {0, 0, 0, 0, 0, 0, 0, 0};
            for (int j = 0; j < 4; j += 2, r += 2 * stride) {
                v8 h = {0, 0, 0, 0, 0, 0, 0, 0};
                for (int k = 0; k < 4; ++k) {
                    v4 a, b;
                    std::memcpy(&a, r + 3 * k, sizeof a);
                    std::memcpy(&b, r + stride + 3 * k, sizeof b);
                    h += wx[k] * __builtin_shufflevector(a, b, 0, 1, 2, 3, 4, 5, 6, 7);
                }
                const v8 wv = {wy[j],     wy[j],     wy[j],     wy[j],
                               wy[j + 1], wy[j + 1], wy[j + 1], wy[j + 1]};
                acc += wv * h;
            }
            const v4 sum = __builtin_shufflevector(acc, acc, 0, 1, 2, 3) +
                           __builtin_shufflevector(acc, acc, 4, 5, 6, 7);
            o[0] = sum[0];
            o[1] = sum[1];
            o[2] = sum[2];
            return;
        }
    }
    if constexpr (planes == 1) {
        // One plane: the four rows weighted together as one vector of the four columns.
        if (ix >= 1 && iy >= 1 && ix + 2 <= maxX && iy + 2 <= maxY) {
            typedef float v4 __attribute__((vector_size(16)));
            const float* r = in.px(ix - 1, iy - 1) + first;
            v4 h = {0, 0, 0, 0};
            for (int j = 0; j < 4; ++j, r += in.stride) {
                const v4 t = {r[0], r[3], r[6], r[9]};
                h += wy[j] * t;
            }
            o[0] = h[0] * wx[0] + h[1] * wx[1] + h[2] * wx[2] + h[3] * wx[3];
            return;
        }
    }
    if (ix >= 1 && iy >= 1 && ix + 2 <= maxX && iy + 2 <= maxY) {
        const float* r = in.px(ix - 1, iy - 1) + first;
        for (int j = 0; j < 4; ++j, r += in.stride) {
            float h[3] = {0, 0, 0};
            for (int k = 0; k < 4; ++k)
                for (int c = 0; c < planes; ++c) h[c] += wx[k] * r[k * 3 + c];
            for (int c = 0; c < planes; ++c) o[c] += wy[j] * h[c];
        }
        return;
    }
    int xs[4];
    for (int k = 0; k < 4; ++k) xs[k] = std::clamp(ix - 1 + k, 0, maxX) * 3 + first;
    for (int j = 0; j < 4; ++j) {
        const float* r = in.row(std::clamp(iy - 1 + j, 0, maxY));
        for (int k = 0; k < 4; ++k)
            for (int c = 0; c < planes; ++c) o[c] += wy[j] * wx[k] * r[xs[k] + c];
    }
}

// The map is evaluated exactly every kKnot pixels along a row and linearly in between: it is
// smooth (a strong wide-angle profile bends a row by well under 10⁻⁴ px per px²), so the
// in-between error stays below 0.002 px while the evaluation costs an eighth.
constexpr int kKnot = 8;

// One output row from its knots (7 floats each: the planes' source positions, the gain).
// Between two knots the positions move by a constant step, added rather than interpolated
// anew at every pixel; the choices that hold for the whole map are template arguments so the
// pixel loop carries no branch for them.
template <bool perChannel, bool vignettes>
[[gnu::always_inline]] inline void warpRow(ConstImageView src, const float* kn, int knots,
                                           int outWidth, float* o) {
    for (int k = 0; k + 1 < knots; ++k) {
        const int u0 = k * kKnot, u1 = std::min((k + 1) * kKnot, outWidth - 1);
        const int uEnd = k + 2 == knots ? outWidth : u1;
        const float* q0 = kn + 7 * k;
        const float* q1 = q0 + 7;
        const float inv = u1 > u0 ? 1.f / float(u1 - u0) : 0.f;
        float d[7];
        for (int i = 0; i < 7; ++i) d[i] = (q1[i] - q0[i]) * inv;
        for (int u = u0; u < uEnd; ++u, o += 3) {
            const float t = float(u - u0);
            if constexpr (perChannel) {
                for (int c = 0; c < 3; ++c)
                    sample<1>(src, q0[2 * c] + t * d[2 * c], q0[2 * c + 1] + t * d[2 * c + 1], c,
                              o + c);
            } else {
                sample<3>(src, q0[2] + t * d[2], q0[3] + t * d[3], 0, o);
            }
            if constexpr (vignettes) {
                const float g = q0[6] + t * d[6];
                o[0] *= g;
                o[1] *= g;
                o[2] *= g;
            }
        }
    }
}

// The resampling is most of the stage's time: AVX2 builds of the row loops, cloned as
// denoise.cpp's kernels are (and for the same reasons plain under TSan and clang's noinline).
#if defined(__SANITIZE_THREAD__)
#define RF_LENS_CLONES
#elif defined(__x86_64__) && defined(__clang__)
#define RF_LENS_CLONES __attribute__((target_clones("avx2", "default")))
#elif defined(__x86_64__) && defined(__GNUC__)
#define RF_LENS_CLONES __attribute__((noinline, target_clones("avx2", "default")))
#else
#define RF_LENS_CLONES
#endif

RF_LENS_CLONES
void warpRowShared(ConstImageView src, const float* kn, int knots, int outWidth, float* o,
                   bool vignettes) {
    if (vignettes)
        warpRow<false, true>(src, kn, knots, outWidth, o);
    else
        warpRow<false, false>(src, kn, knots, outWidth, o);
}

RF_LENS_CLONES
void warpRowPerChannel(ConstImageView src, const float* kn, int knots, int outWidth, float* o,
                       bool vignettes) {
    if (vignettes)
        warpRow<true, true>(src, kn, knots, outWidth, o);
    else
        warpRow<true, false>(src, kn, knots, outWidth, o);
}

}  // namespace

void warpLens(ConstImageView src, const LensMap& map, const Affine& a, double kx, double ky,
              int outWidth, int outHeight, Image& out, const CancelToken* cancel) {
    out.resize(outWidth, outHeight, 3);
    const int knots = std::max(2, (outWidth - 1 + kKnot - 1) / kKnot + 1);
    parallelFor(
        0, outHeight,
        [&](int y0, int y1) {
            // Per knot: the three planes' source positions in src's pixels, and the gain.
            std::vector<float> kn(std::size_t(knots) * 7);
            for (int v = y0; v < y1; ++v) {
                for (int k = 0; k < knots; ++k) {
                    const int u = std::min(k * kKnot, outWidth - 1);
                    const double fx = a.x0 + a.xu * u + a.xv * v;
                    const double fy = a.y0 + a.yu * u + a.yv * v;
                    double xs[3], ys[3];
                    map.source(fx, fy, xs, ys);
                    float* q = kn.data() + 7 * k;
                    for (int c = 0; c < 3; ++c) {
                        q[2 * c] = float((xs[c] + 0.5) * kx - 0.5);
                        q[2 * c + 1] = float((ys[c] + 0.5) * ky - 0.5);
                    }
                    q[6] = map.vignettes() ? map.gain(xs[1], ys[1]) : 1.f;
                }
                float* o = out.row(v);
                if (map.perChannel())
                    warpRowPerChannel(src, kn.data(), knots, outWidth, o, map.vignettes());
                else
                    warpRowShared(src, kn.data(), knots, outWidth, o, map.vignettes());
            }
        },
        8, cancel);
}

}  // namespace rf::lens
