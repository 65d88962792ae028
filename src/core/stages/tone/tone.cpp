// SPDX-License-Identifier: GPL-3.0-or-later
// Applying tone and colour to an image. The curve is applied to a hue-preserving norm,
// max(R,G,B), and the pixel is scaled by the curve's ratio: unlike a per-channel curve this
// neither shifts hues nor pushes a saturated colour's strongest channel into a flat clip
// (the norm's output never exceeds 1, so neither does any channel). Pure ratio scaling keeps
// bright saturated colours garishly saturated, so as the standard curve approaches white the
// pixel is also blended towards neutral of the same curve output: very bright colours roll
// smoothly to white, as film and camera renderings do. With c the pixel, m = max(c), T the
// curve, T0 = T(0) (the black floor) and d the blend towards white:
//
//     out = T0 + (T(m) − T0)·d(m)  +  (T(m) − T0)·(1 − d(m)) · c/m  =  A(m) + B(m)·c/m
//
// A and B are sampled once per call into a table over m, indexed by the float's exponent
// and top mantissa bits (128 nodes per octave from 2^−24 to 2^8) and interpolated linearly
// in m, so a pixel costs one division, one table read and a few multiplies. A neutral pixel
// (c/m = 1 in every channel) goes through identical arithmetic per channel, so it stays
// exactly neutral. Saturation and vibrance act before the curve, in scene-linear light,
// relative to Rec.2020 luminance; they scale chroma, which the ratio curve then preserves.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/error.h"
#include "rangefinder/tone.h"
#include "stages/tone/tone_curve.h"
#include "stages/tone/tone_rows.h"

namespace rf {
namespace {

constexpr float kWr = 0.2627f, kWg = 0.6780f, kWb = 0.0593f;

// The standard rendering's chroma relative to the scene's. The ratio curve keeps scene-linear
// chroma, but a camera's JPEG engine applies its curve per channel, which raises chroma by
// about the curve's log-log slope in the mid-tones; its standard picture adds more. Matched
// on the real raws of docs/quality.md (chroma ratio to the camera's JPEG about 1.0).
constexpr float kStandardChroma = 1.15f;

// Inputs are clamped to ±kHuge after NaN → 0, so Inf cannot turn into NaN downstream.
constexpr float kHuge = 1048576.f;
// Guards divisions by differences that may be zero.
constexpr float kTiny = 1e-30f;

// Table domain: m in [2^−24, 2^8], nodes at every 2^16 step of the float's bit pattern.
constexpr float kLutMin = 0x1p-24f;
constexpr float kLutMax = 0x1p8f;
constexpr int kLutShift = 16;  // keeps 7 mantissa bits: 128 nodes per octave
constexpr std::uint32_t kLutBase = std::bit_cast<std::uint32_t>(kLutMin) >> kLutShift;
constexpr int kLutIntervals =
    int((std::bit_cast<std::uint32_t>(kLutMax) >> kLutShift) - kLutBase);  // 32 · 128
constexpr std::int32_t kLutMinBits = std::bit_cast<std::int32_t>(kLutMin);
constexpr std::int32_t kLutMaxBits = std::bit_cast<std::int32_t>(kLutMax);
constexpr std::uint32_t kFracMask = (1u << kLutShift) - 1;
constexpr float kFracScale = 1.f / float(1u << kLutShift);

// By-value min/max and min(max()) rather than std::clamp: unconditional compares, which the
// vectoriser turns into min/max instructions (std::clamp's second compare is conditional).
inline float maxf(float a, float b) {
    return a > b ? a : b;
}
inline float minf(float a, float b) {
    return a < b ? a : b;
}
inline float clampf(float v, float lo, float hi) {
    return minf(maxf(v, lo), hi);
}

inline float sanitise(float v) {
    v = v == v ? v : 0.f;  // NaN → 0
    return clampf(v, -kHuge, kHuge);
}

// The per-call state: curve table and colour settings.
struct Renderer {
    // A(m) and B(m) at kLutIntervals + 2 nodes (the last repeats for interpolation), in two
    // arrays so that AVX2 reads them with gathers.
    std::vector<float> lutA, lutB;
    float gain = 1;
    bool exact = false;  // exposure-only linear mode: out = clamp(c · gain)
    bool color = false;  // saturation or vibrance active
    float satScale = 1;  // 1 + saturation/100
    float vibrance = 0;  // −1 … 1
    // Standard rendering: the norm is also taken over the pixel in linear sRGB (this matrix
    // from the working space), see renderRowBody.
    bool gamutNorm = false;
    float toSrgb[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
};

Renderer makeRenderer(const ToneParams& p) {
    Renderer r;
    const tone::CurveModel model = tone::makeModel(p);
    r.gain = float(model.gain);
    r.exact = model.exposureOnly;
    // The legacy curve (ToneCurve::Legacy) left chroma and the norm as the curve does.
    const bool standard = p.curve == ToneCurve::Standard;
    r.satScale = (1.f + p.saturation / 100.f) * (standard ? kStandardChroma : 1.f);
    r.vibrance = p.vibrance / 100.f;
    r.color = standard || p.saturation != 0 || p.vibrance != 0;
    r.gamutNorm = standard;
    const Mat3 toSrgb = mul(inverse(xyzFromLinearSRGB()), xyzFromLinearRec2020());
    for (int i = 0; i < 3; ++i)
        for (int j = 0; j < 3; ++j) r.toSrgb[3 * i + j] = float(toSrgb[i][j]);
    if (r.exact) return r;

    r.lutA.resize(std::size_t(kLutIntervals) + 2);
    r.lutB.resize(std::size_t(kLutIntervals) + 2);
    const double t0 = tone::sceneToDisplay(model, 0.0);
    // A dozen transcendental functions a node, 4097 nodes: most of a millisecond, which every
    // exposure change waits for before the pixels; the nodes are independent, so on all cores.
    parallelFor(
        0, kLutIntervals + 1,
        [&](int i0, int i1) {
            for (int i = i0; i < i1; ++i) {
                const double m = std::bit_cast<float>((kLutBase + std::uint32_t(i)) << kLutShift);
                const double t = tone::sceneToDisplay(model, m);
                const double d = tone::highlightDesaturation(model, t);
                r.lutA[std::size_t(i)] = float(t0 + (t - t0) * d);
                r.lutB[std::size_t(i)] = float((t - t0) * (1 - d));
            }
        },
        256);
    r.lutA.back() = r.lutA[std::size_t(kLutIntervals)];
    r.lutB.back() = r.lutB[std::size_t(kLutIntervals)];
    return r;
}

// Pixels are processed in blocks of kBlock, de-interleaved into arrays, so that each pass
// below is a branch-free loop the compiler vectorises; only the table read is scalar (GCC's
// generic tuning emits no gathers, and where it did they measured five times slower).
constexpr int kBlock = 256;

struct Block {
    alignas(64) float r[kBlock], g[kBlock], b[kBlock], a[kBlock], s[kBlock], m[kBlock], f[kBlock];
    alignas(64) std::int32_t idx[kBlock];
};

// Saturation and vibrance. Chroma is scaled about luminance by k = saturation factor ×
// vibrance factor, where vibrance weighs muted colours more (by (1 − HSV saturation)²) and,
// when boosting, spares skin-like hues (between red and yellow with R ≥ G ≥ B, around 40 %
// of the way to yellow). A boost is limited to what keeps every channel non-negative, so
// colours stop at the edge of the working gamut instead of going through it.
template <bool kVibrance>
[[gnu::always_inline]] inline void colorPass(const Renderer& rd, Block& bl, int n) {
    const float satScale = rd.satScale, vib = rd.vibrance;
    const float skinProtect = vib > 0.f ? 0.6f : 0.f;
    // Written so every select is one compare between values computed unconditionally: GCC
    // (with the default -ftrapping-math) vectorises that, but not chained selects after a
    // division, nor short-circuit conditions.
    for (int i = 0; i < n; ++i) {
        const float cr = bl.r[i], cg = bl.g[i], cb = bl.b[i];
        const float lum = kWr * cr + kWg * cg + kWb * cb;
        const float mx = maxf(cr, maxf(cg, cb));
        const float mn = minf(cr, minf(cg, cb));
        const float range = mx - mn;
        float k = satScale;
        if constexpr (kVibrance) {
            // HSV saturation, in [0, 1] even with negative channels (then range > mx).
            const float sat = range / maxf(maxf(mx, range), kTiny);
            float weight = (1.f - sat) * (1.f - sat);
            // Skin: R >= G >= B and G at about 40 % of the way from B to R.
            const float u = ((cg - cb) / maxf(range, kTiny) - 0.4f) * (1.f / 0.3f);
            const float bump = maxf(0.f, 1.f - u * u);
            const float skin = minf(cr - cg, cg - cb) >= 0.f ? bump : 0.f;
            weight *= 1.f - skinProtect * skin;
            k *= 1.f + vib * weight;
        }
        // Limit a boost (k > 1, positive luminance) so the weakest channel stays >= 0.
        const float limit = maxf(1.f, lum / maxf(lum - mn, kTiny));
        const float limited = minf(k, limit);
        const float kk = minf(k - 1.f, lum) > 0.f ? limited : k;
        bl.r[i] = lum + kk * (cr - lum);
        bl.g[i] = lum + kk * (cg - lum);
        bl.b[i] = lum + kk * (cb - lum);
    }
}

// A 3×3 matrix the fused finishing pass applies on the way in (a row-major float[9], the
// arithmetic of applyMatrix, so the bits agree with running it before the stage).
template <bool kMatrix>
[[gnu::always_inline]] inline void loadBlock(const float* in, const float* m, Block& bl, int n,
                                             int channels) {
    for (int i = 0; i < n; ++i) {
        float r = in[i * channels], g = in[i * channels + 1], b = in[i * channels + 2];
        if constexpr (kMatrix) {
            const float mr = m[0] * r + m[1] * g + m[2] * b;
            const float mg = m[3] * r + m[4] * g + m[5] * b;
            const float mb = m[6] * r + m[7] * g + m[8] * b;
            r = mr, g = mg, b = mb;
        }
        bl.r[i] = sanitise(r);
        bl.g[i] = sanitise(g);
        bl.b[i] = sanitise(b);
    }
}

[[gnu::always_inline]] inline void storeBlock(const Block& bl, float* px, int n, int channels) {
    for (int i = 0; i < n; ++i) {
        px[i * channels] = clampf(bl.a[i] + bl.s[i] * bl.r[i], 0.f, 1.f);
        px[i * channels + 1] = clampf(bl.a[i] + bl.s[i] * bl.g[i], 0.f, 1.f);
        px[i * channels + 2] = clampf(bl.a[i] + bl.s[i] * bl.b[i], 0.f, 1.f);
    }
}

template <bool kColor>
[[gnu::always_inline]] inline void renderRowBody(const Renderer& rd, const float* in, float* row,
                                                 int width, int channels, const float* matrix) {
    Block bl;
    for (int x0 = 0; x0 < width; x0 += kBlock) {
        const int n = std::min(kBlock, width - x0);
        float* px = row + std::ptrdiff_t(x0) * channels;
        const float* src = in + std::ptrdiff_t(x0) * channels;
        if (channels == 3)  // a constant stride: the (de-)interleaving vectorises
            matrix ? loadBlock<true>(src, matrix, bl, n, 3)
                   : loadBlock<false>(src, matrix, bl, n, 3);
        else
            matrix ? loadBlock<true>(src, matrix, bl, n, channels)
                   : loadBlock<false>(src, matrix, bl, n, channels);
        if constexpr (kColor) {
            rd.vibrance != 0.f ? colorPass<true>(rd, bl, n) : colorPass<false>(rd, bl, n);
        }
        if (rd.exact) {
            const float gain = rd.gain;
            for (int i = 0; i < n; ++i) {
                bl.a[i] = 0.f;
                bl.s[i] = gain;
            }
        } else {
            // Index and fraction (vectorised), table reads (scalar), then interpolation and the
            // ratio (vectorised).
            // In the standard rendering the norm is the largest channel in the working space
            // or in linear sRGB, whichever is larger: a saturated colour (a blue sky) has a
            // stronger channel in sRGB than in Rec.2020, and a norm taken in Rec.2020 alone
            // would let the shoulder's 0.985 become more than 1 on the way out, clipping a sky
            // the sensor held. sRGB is the smallest output gamut, so every output is safe; a
            // neutral has the same channels in both, so greys are unchanged.
            if (rd.gamutNorm) {
                const float* t = rd.toSrgb;
                for (int i = 0; i < n; ++i) {
                    const float r = bl.r[i], g = bl.g[i], b = bl.b[i];
                    const float sr = t[0] * r + t[1] * g + t[2] * b;
                    const float sg = t[3] * r + t[4] * g + t[5] * b;
                    const float sb = t[6] * r + t[7] * g + t[8] * b;
                    bl.m[i] = maxf(maxf(r, maxf(g, b)), maxf(sr, maxf(sg, sb)));
                }
            } else {
                for (int i = 0; i < n; ++i) bl.m[i] = maxf(bl.r[i], maxf(bl.g[i], bl.b[i]));
            }
            for (int i = 0; i < n; ++i) {
                const float m = bl.m[i];
                // Clamped on the bit pattern: for floats, signed-integer order is numeric order
                // (negatives, sign bit set, sort below every positive), and m is never NaN.
                const std::int32_t bits =
                    std::min(std::max(std::bit_cast<std::int32_t>(m), kLutMinBits), kLutMaxBits);
                bl.idx[i] = std::int32_t(std::uint32_t(bits >> kLutShift) - kLutBase);
                bl.f[i] = float(bits & std::int32_t(kFracMask)) * kFracScale;
            }
            const float* lutA = rd.lutA.data();
            const float* lutB = rd.lutB.data();
            for (int i = 0; i < n; ++i) {
                const std::int32_t k = bl.idx[i];
                const float a0 = lutA[k], a1 = lutA[k + 1], b0 = lutB[k], b1 = lutB[k + 1];
                bl.a[i] = a0 + bl.f[i] * (a1 - a0);
                bl.s[i] = b0 + bl.f[i] * (b1 - b0);
            }
            // Below the table's floor every channel is at most m, so c/m stays bounded.
            for (int i = 0; i < n; ++i) bl.s[i] /= maxf(bl.m[i], kLutMin);
        }
        if (channels == 3)
            storeBlock(bl, px, n, 3);
        else
            storeBlock(bl, px, n, channels);
    }
}

// The row compiled for the baseline x86-64 and for x86-64-v3 (AVX2: twice the vector width),
// picked by the CPU it runs on, as the look stage does.
// Contraction into fused multiply-adds is switched off for the AVX2 build, so both give the
// same bits, and the fused finishing pass (which runs the camera matrix here) gives the bits
// of applyMatrix followed by applyTone.
void renderRowBaseline(const Renderer& rd, const float* in, float* row, int width, int channels,
                       const float* matrix) {
    rd.color ? renderRowBody<true>(rd, in, row, width, channels, matrix)
             : renderRowBody<false>(rd, in, row, width, channels, matrix);
}

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
[[gnu::target("arch=x86-64-v3"), gnu::optimize("fp-contract=off")]] void renderRowV3(
    const Renderer& rd, const float* in, float* row, int width, int channels, const float* matrix) {
    rd.color ? renderRowBody<true>(rd, in, row, width, channels, matrix)
             : renderRowBody<false>(rd, in, row, width, channels, matrix);
}
#endif

using RowFn = void (*)(const Renderer&, const float*, float*, int, int, const float*);

RowFn chooseRow() {
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
    static const bool v3 = __builtin_cpu_supports("x86-64-v3");
    if (v3) return renderRowV3;
#endif
    return renderRowBaseline;
}

}  // namespace

namespace tone {

struct RowRenderer::Impl {
    Renderer renderer;
    RowFn row = nullptr;
};

RowRenderer::RowRenderer(const ToneParams& p) : impl_(std::make_unique<Impl>()) {
    impl_->renderer = makeRenderer(p);
    impl_->row = chooseRow();
}

RowRenderer::~RowRenderer() = default;

void RowRenderer::apply(ImageView rows) const {
    if (rows.empty()) return;
    if (rows.channels < 3) throw Error("", "tone: expected an RGB image");
    for (int y = 0; y < rows.height; ++y)
        impl_->row(impl_->renderer, rows.row(y), rows.row(y), rows.width, rows.channels, nullptr);
}

void RowRenderer::apply(ConstImageView src, ImageView dst, const Mat3& matrix) const {
    if (dst.empty()) return;
    if (src.channels != dst.channels || src.width != dst.width || src.height != dst.height)
        throw Error("", "tone: the source and result differ in size");
    if (dst.channels < 3) throw Error("", "tone: expected an RGB image");
    float m[9];
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) m[3 * r + c] = float(matrix[r][c]);
    for (int y = 0; y < dst.height; ++y)
        impl_->row(impl_->renderer, src.row(y), dst.row(y), dst.width, dst.channels, m);
}

}  // namespace tone

void applyTone(ImageView rgb, const ToneParams& p, const CancelToken* cancel) {
    if (rgb.empty()) return;
    if (rgb.channels < 3) throw Error("", "tone: expected an RGB image");
    const tone::RowRenderer r(p);
    parallelFor(
        0, rgb.height,
        [&](int y0, int y1) {
            r.apply(rgb.region({0, y0, rgb.width, y1 - y0}));
        },
        8, cancel);
}

float toneCurveValue(const ToneParams& p, float x) {
    const float v = sanitise(x);
    const tone::CurveModel model = tone::makeModel(p);
    if (model.exposureOnly) return std::clamp(v * float(model.gain), 0.f, 1.f);
    // For a neutral the blend towards white changes nothing: the output is the curve itself.
    return std::clamp(float(tone::sceneToDisplay(model, std::max(v, 0.f))), 0.f, 1.f);
}

}  // namespace rf
