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

#include "rangefinder/error.h"
#include "rangefinder/tone.h"
#include "stages/tone/tone_curve.h"

namespace rf {
namespace {

constexpr float kWr = 0.2627f, kWg = 0.6780f, kWb = 0.0593f;

// Inputs are clamped to ±kHuge after NaN → 0, so Inf cannot turn into NaN downstream.
constexpr float kHuge = 1048576.f;

// Table domain: m in [2^−24, 2^8], nodes at every 2^16 step of the float's bit pattern.
constexpr float kLutMin = 0x1p-24f;
constexpr float kLutMax = 0x1p8f;
constexpr int kLutShift = 16;  // keeps 7 mantissa bits: 128 nodes per octave
constexpr std::uint32_t kLutBase = std::bit_cast<std::uint32_t>(kLutMin) >> kLutShift;
constexpr int kLutIntervals =
    int((std::bit_cast<std::uint32_t>(kLutMax) >> kLutShift) - kLutBase);  // 32 · 128

struct LutNode {
    float a, b;
};

inline float sanitise(float v) {
    v = v == v ? v : 0.f;  // NaN → 0
    return std::clamp(v, -kHuge, kHuge);
}

// The per-call state: curve table and colour settings.
struct Renderer {
    std::vector<LutNode> lut;  // kLutIntervals + 2 nodes (the last repeats for interpolation)
    float gain = 1;
    bool exact = false;   // exposure-only linear mode: out = clamp(c · gain)
    bool colour = false;  // saturation or vibrance active
    float satScale = 1;   // 1 + saturation/100
    float vibrance = 0;   // −1 … 1
};

Renderer makeRenderer(const ToneParams& p) {
    Renderer r;
    const tone::CurveModel model = tone::makeModel(p);
    r.gain = float(model.gain);
    r.exact = model.exposureOnly;
    r.satScale = 1.f + p.saturation / 100.f;
    r.vibrance = p.vibrance / 100.f;
    r.colour = p.saturation != 0 || p.vibrance != 0;
    if (r.exact) return r;

    r.lut.resize(std::size_t(kLutIntervals) + 2);
    const double t0 = tone::sceneToDisplay(model, 0.0);
    for (int i = 0; i <= kLutIntervals; ++i) {
        const double m = std::bit_cast<float>((kLutBase + std::uint32_t(i)) << kLutShift);
        const double t = tone::sceneToDisplay(model, m);
        const double d = tone::highlightDesaturation(model, t);
        r.lut[std::size_t(i)] = {float(t0 + (t - t0) * d), float((t - t0) * (1 - d))};
    }
    r.lut.back() = r.lut[std::size_t(kLutIntervals)];
    return r;
}

// Saturation and vibrance on one pixel, in place. Chroma is scaled about luminance by
// k = saturation factor × vibrance factor, where vibrance weighs muted colours more (by
// (1 − HSV saturation)²) and spares skin-like hues (red-orange, R ≥ G ≥ B) when boosting.
// A boost is limited to what keeps every channel non-negative, so colours stop at the edge
// of the working gamut instead of going through it.
inline void applyColour(const Renderer& r, float& cr, float& cg, float& cb) {
    const float lum = kWr * cr + kWg * cg + kWb * cb;
    float k = r.satScale;
    const float mx = std::max(cr, std::max(cg, cb));
    const float mn = std::min(cr, std::min(cg, cb));
    if (r.vibrance != 0.f) {
        const float sat = mx > 0.f ? std::clamp((mx - mn) / mx, 0.f, 1.f) : 0.f;
        float weight = (1.f - sat) * (1.f - sat);
        if (r.vibrance > 0.f && cr >= cg && cg >= cb && cr > cb) {
            // Hue position between red (0) and yellow (1); skin sits around 0.4.
            const float h = (cg - cb) / (cr - cb);
            const float u = (h - 0.4f) / 0.3f;
            weight *= 1.f - 0.6f * std::max(0.f, 1.f - u * u);
        }
        k *= 1.f + r.vibrance * weight;
    }
    if (k > 1.f && mn < lum && lum > 0.f) k = std::min(k, std::max(1.f, lum / (lum - mn)));
    cr = lum + k * (cr - lum);
    cg = lum + k * (cg - lum);
    cb = lum + k * (cb - lum);
}

inline void lookup(const LutNode* lut, float m, float& a, float& b) {
    const float mm = std::clamp(m, kLutMin, kLutMax);
    const std::uint32_t bits = std::bit_cast<std::uint32_t>(mm);
    const std::uint32_t idx = (bits >> kLutShift) - kLutBase;
    const float f = float(bits & ((1u << kLutShift) - 1)) * (1.f / float(1u << kLutShift));
    const LutNode n0 = lut[idx], n1 = lut[idx + 1];
    a = n0.a + f * (n1.a - n0.a);
    b = n0.b + f * (n1.b - n0.b);
}

template <bool kColour>
void renderRow(const Renderer& r, float* px, int width, int channels) {
    const LutNode* lut = r.lut.data();
    for (int x = 0; x < width; ++x, px += channels) {
        float cr = sanitise(px[0]), cg = sanitise(px[1]), cb = sanitise(px[2]);
        if constexpr (kColour) applyColour(r, cr, cg, cb);
        const float m = std::max(cr, std::max(cg, cb));
        float a, b;
        lookup(lut, m, a, b);
        // Below the table's floor every channel is at most m, so c/m stays bounded.
        const float s = b / std::max(m, kLutMin);
        px[0] = std::clamp(a + s * cr, 0.f, 1.f);
        px[1] = std::clamp(a + s * cg, 0.f, 1.f);
        px[2] = std::clamp(a + s * cb, 0.f, 1.f);
    }
}

template <bool kColour>
void renderRowExact(const Renderer& r, float* px, int width, int channels) {
    const float gain = r.gain;
    for (int x = 0; x < width; ++x, px += channels) {
        float cr = sanitise(px[0]), cg = sanitise(px[1]), cb = sanitise(px[2]);
        if constexpr (kColour) applyColour(r, cr, cg, cb);
        px[0] = std::clamp(cr * gain, 0.f, 1.f);
        px[1] = std::clamp(cg * gain, 0.f, 1.f);
        px[2] = std::clamp(cb * gain, 0.f, 1.f);
    }
}

}  // namespace

ToneParams ToneParams::from(const EditDocument& doc) {
    ToneParams p;
    p.exposureEv = float(doc.getFloat("exposure.ev"));
    p.curve = doc.getText("tone.curve") == "linear" ? ToneCurve::Linear : ToneCurve::Standard;
    p.contrast = float(doc.getFloat("tone.contrast"));
    p.highlights = float(doc.getFloat("tone.highlights"));
    p.shadows = float(doc.getFloat("tone.shadows"));
    p.whites = float(doc.getFloat("tone.whites"));
    p.blacks = float(doc.getFloat("tone.blacks"));
    p.saturation = float(doc.getFloat("color.saturation"));
    p.vibrance = float(doc.getFloat("color.vibrance"));
    return p;
}

bool ToneParams::isIdentity() const {
    return curve == ToneCurve::Linear && exposureEv == 0 && contrast == 0 && highlights == 0 &&
           shadows == 0 && whites == 0 && blacks == 0 && saturation == 0 && vibrance == 0;
}

void applyTone(ImageView rgb, const ToneParams& p, const CancelToken* cancel) {
    if (rgb.empty()) return;
    if (rgb.channels < 3) throw Error("", "tone: expected an RGB image");
    const Renderer r = makeRenderer(p);
    const int width = rgb.width, channels = rgb.channels;
    parallelFor(
        0, rgb.height,
        [&](int y0, int y1) {
            for (int y = y0; y < y1; ++y) {
                float* row = rgb.row(y);
                if (r.exact) {
                    r.colour ? renderRowExact<true>(r, row, width, channels)
                             : renderRowExact<false>(r, row, width, channels);
                } else {
                    r.colour ? renderRow<true>(r, row, width, channels)
                             : renderRow<false>(r, row, width, channels);
                }
            }
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
