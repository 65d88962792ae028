// SPDX-License-Identifier: GPL-3.0-or-later
// The tone curve's scalar definition. The standard base curve is a generalised
// Naka–Rushton (log-logistic family) shoulder over a power-law toe:
//
//     y = c · x^g,        f(x) = y / (1 + y^k)^(1/k)
//
// For small x, f ≈ c·x^g: a straight line of slope g in log-log terms, which in encoded
// (perceptual) terms is the gentle toe of an S; for large x, f → 1 − y^(−k)/k: a smooth
// shoulder that reaches display white only asymptotically, so scene values above the sensor
// clip (after highlight reconstruction or positive exposure) still keep some separation.
// f is C∞ on (0, ∞), strictly increasing (df/dy = (1 + y^k)^(−1/k − 1) > 0), f(0) = 0, f < 1.
// The three constants are solved from three targets of a camera-JPEG-like rendering:
//   g = 1.35          log-log slope of the toe and, nearly, at mid-grey (≈ 50 sRGB codes per
//                     stop around mid-grey: the contrast of a typical camera "standard" look)
//   f(0.18) = 0.19    mid-grey lands at sRGB ≈ 121
//   f(1.0)  = 0.95    the sensor's clipping point lands at sRGB ≈ 249, not at 255
// giving k = 2.82588, c = 1.92997. Then f(0.018) = 0.0085 (sRGB 23, 3.3 stops under grey),
// f(2) = 0.9961, f(4) = 0.99972, and df/dx(0.18) = 1.412.
// One family cannot also put f(4) as low as 0.995 without a much steeper mid-tone: the
// shoulder's tail falls as x^(−g·k); we chose the mid-tone contrast over a longer tail.
#include "stages/tone/tone_curve.h"

#include <algorithm>
#include <cmath>

namespace rf::tone {
namespace {

constexpr double kToe = 1.35;
constexpr double kShoulder = 2.8258820702639396;
constexpr double kScale = 1.9299665609065884;

// Slider full-scale amounts, in stops, chosen so ±100 is strong but each link stays
// monotonic: a weight w(s) of maximum slope w' added with amount a keeps ds'/ds ≥ 1 − |a|·w'.
constexpr double kHighlightStops = 1.25;  // weight ramp 3 stops wide: slope ≥ 1 − 1.25/2
constexpr double kWhiteStops = 1.0;       // ramp 2.5 stops wide: slope ≥ 1 − 0.6
constexpr double kShadowStops = 1.5;      // bump falling over 3.5 stops: slope ≥ 1 − 0.64
constexpr double kContrast = 0.6;         // slope at mid-grey × (1 ± 0.6)
constexpr double kContrastRange = 2.5;    // stops over which the contrast S acts
constexpr double kCrush = 0.008;          // scene black point at blacks −100 (≈ −4.5 stops)
constexpr double kPedestal = 0.012;       // scene lift at blacks +100 (sRGB ≈ 12/255)

double smoothstep(double e0, double e1, double x) {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

// Shadows act on a band below mid-grey: rising from 9 stops under grey (the noise floor,
// which the blacks slider owns) to full effect at 3 stops under, fading out just above grey.
double shadowWeight(double s) {
    return smoothstep(-9, -3, s) * (1 - smoothstep(-3, 0.5, s));
}
// Highlights act from just under mid-grey upwards, fully from 2.5 stops over (near clipping).
double highlightWeight(double s) {
    return smoothstep(-0.5, 2.5, s);
}
// Whites act on the top of the range only, fully from 3.5 stops over mid-grey.
double whiteWeight(double s) {
    return smoothstep(1.0, 3.5, s);
}

}  // namespace

CurveModel makeModel(const ToneParams& p) {
    CurveModel m;
    m.gain = std::exp2(double(p.exposureEv));
    m.highlightEv = kHighlightStops * p.highlights / 100.0;
    m.whiteEv = kWhiteStops * p.whites / 100.0;
    m.shadowEv = kShadowStops * p.shadows / 100.0;
    m.contrast = kContrast * p.contrast / 100.0;
    if (p.blacks < 0) m.crush = kCrush * -p.blacks / 100.0;
    if (p.blacks > 0) m.pedestal = kPedestal * p.blacks / 100.0;
    m.standard = p.curve == ToneCurve::Standard;
    m.exposureOnly = !m.standard && p.contrast == 0 && p.highlights == 0 && p.shadows == 0 &&
                     p.whites == 0 && p.blacks == 0;
    return m;
}

double standardCurve(double x) {
    if (!(x > 0)) return 0;
    const double y = kScale * std::pow(x, kToe);
    return y / std::pow(1 + std::pow(y, kShoulder), 1 / kShoulder);
}

double sceneToDisplay(const CurveModel& m, double x) {
    x *= m.gain;
    if (x > 0) {
        // The tonal sliders are composed (not summed) so each link's monotonicity suffices.
        double s = std::log2(x / kMidGrey);
        s += m.highlightEv * highlightWeight(s);
        s += m.whiteEv * whiteWeight(s);
        s += m.shadowEv * shadowWeight(s);
        // An S in stops: slope 1 + contrast at grey, 1 far from it, so contrast does not
        // stretch the deep shadows' noise or push highlights without limit.
        s += m.contrast * kContrastRange * std::tanh(s / kContrastRange);
        x = kMidGrey * std::exp2(s);
    } else {
        x = 0;
    }
    if (m.crush > 0) {
        // Black point: subtract `crush`, with a quadratic toe below 2·crush so the curve stays
        // C1 and reaches 0 at 0; rescale so mid-grey stays where it was.
        const double b = m.crush;
        const double h = x < 2 * b ? x * x / (4 * b) : x - b;
        x = h * kMidGrey / (kMidGrey - b);
    } else if (m.pedestal > 0) {
        // Raised black point: a neutral floor, scaled so mid-grey stays fixed.
        x = m.pedestal + x * (1 - m.pedestal / kMidGrey);
    }
    return m.standard ? standardCurve(x) : x;
}

double inverseStandardCurve(double y) {
    if (!(y > 0)) return 0;
    if (y >= 1) return HUGE_VAL;
    const double yk = std::pow(y, kShoulder);
    const double scaled = y / std::pow(1 - yk, 1 / kShoulder);
    return std::pow(scaled / kScale, 1 / kToe);
}

double highlightDesaturation(const CurveModel& m, double y) {
    if (!m.standard) return 0;  // linear means linear: bright colours clip as they are
    // Measured in stops of the base curve's input, so the blend follows the shoulder whatever
    // the sliders did before it: none below half the sensor clip, a smooth step over four
    // stops, complete 3 stops above the clip (where the curve is within 1e-5 of white).
    // Colours near the clip keep most of their saturation (d(1.0) ≈ 0.16).
    const double x = inverseStandardCurve(y);
    if (!(x > 0)) return 0;
    const double t = std::clamp((std::log2(x) + 1) / 4, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

}  // namespace rf::tone
