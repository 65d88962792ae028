// SPDX-License-Identifier: GPL-3.0-or-later
// The tone curve's scalar definition. The standard base curve is a generalised
// Naka–Rushton (log-logistic family) shoulder over a power-law toe:
//
//     y = c · x^g,        f(x) = y / (1 + y^k)^(1/k)
//
// For small x, f ≈ c·x^g: a straight line of slope g in log-log terms, which in encoded
// (perceptual) terms is the toe of an S; for large x, f → 1 − y^(−k)/k: a smooth shoulder
// that reaches display white only asymptotically, so values beyond the sensor's clip (after
// highlight reconstruction or positive exposure) keep some separation. f is C∞ on (0, ∞),
// strictly increasing (df/dy = (1 + y^k)^(−1/k − 1) > 0), f(0) = 0, f < 1. The same family
// as darktable's sigmoid and the log-logistic fits of camera tone curves.
//
// g is fixed; k and c are solved per raw from two targets, so the shoulder is as long as the
// file's highlight headroom:
//   f(0.18) = 0.19    mid-grey (after the exposure placement) lands at sRGB ≈ 121, L* ≈ 51,
//                     where a camera's standard JPEG puts a metered grey
//   f(W)    = 0.985   the sensor's clipping point W (2^(BaselineExposure + placement)) lands
//                     at sRGB ≈ 253: everything the sensor held stays below display white,
//                     however far a placement or a file's BaselineExposure lifted it
// g = 1.5 is the log-log slope of the toe: deeper shadows than a straight power of 1.35, as
// the camera JPEGs of docs/quality.md have (a steeper toe is also most of a camera picture's
// contrast). W is kept within [0.6, 64]: outside that the targets ask for no curve of the
// family (a raw whose clip sits below mid-grey's own stop, or 8½ stops above it).
//
// The legacy curve (documents written before December 2026, migrated to it) is the same
// family with constants fixed for a sensor clip at input 1 and no placement: g = 1.35,
// f(0.18) = 0.19, f(1) = 0.95, giving k = 2.82588, c = 1.92997.
#include "stages/tone/tone_curve.h"

#include <algorithm>
#include <cmath>

namespace rf::tone {
namespace {

constexpr double kToe = 1.5;
constexpr double kGreyOut = 0.19;
constexpr double kWhiteOut = 0.985;
constexpr double kMinWhite = 0.6, kMaxWhite = 64;
constexpr double kLegacyToe = 1.35;
constexpr double kLegacyShoulder = 2.8258820702639396;
constexpr double kLegacyScale = 1.9299665609065884;

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

// The y = c·x^g value at which f reaches v, for a shoulder k.
double yFor(double v, double k) {
    return v / std::pow(1 - std::pow(v, k), 1 / k);
}

// k and c such that f(0.18) = kGreyOut and f(white) = kWhiteOut. The ratio y(white)/y(grey)
// must equal (white/0.18)^g; it falls monotonically from +∞ (k → 0) to kWhiteOut/kGreyOut
// (k → ∞), so bisection on log k finds the one root.
void solveShoulder(double white, double& shoulder, double& scale) {
    const double want = kToe * std::log(white / kMidGrey);
    double lo = std::log(0.05), hi = std::log(200.0);
    for (int i = 0; i < 80; ++i) {
        const double mid = 0.5 * (lo + hi), k = std::exp(mid);
        const double have = std::log(yFor(kWhiteOut, k)) - std::log(yFor(kGreyOut, k));
        (have > want ? lo : hi) = mid;
    }
    shoulder = std::exp(0.5 * (lo + hi));
    scale = yFor(kGreyOut, shoulder) / std::pow(kMidGrey, kToe);
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
    m.standard = p.curve != ToneCurve::Linear;
    if (p.curve == ToneCurve::Legacy) {
        m.toe = kLegacyToe;
        m.shoulder = kLegacyShoulder;
        m.scale = kLegacyScale;
    } else if (m.standard) {
        m.toe = kToe;
        const double place = std::isfinite(p.placementEv) ? p.placementEv : 0.0;
        const double sensor =
            p.sensorWhite > 0 && std::isfinite(p.sensorWhite) ? p.sensorWhite : 1.0;
        m.placement = std::exp2(std::clamp(place, -8.0, 8.0));
        m.white = std::clamp(sensor * m.placement, kMinWhite, kMaxWhite);
        solveShoulder(m.white, m.shoulder, m.scale);
    }
    m.exposureOnly = !m.standard && p.contrast == 0 && p.highlights == 0 && p.shadows == 0 &&
                     p.whites == 0 && p.blacks == 0;
    return m;
}

double standardCurve(const CurveModel& m, double x) {
    if (!(x > 0)) return 0;
    const double y = m.scale * std::pow(x, m.toe);
    return y / std::pow(1 + std::pow(y, m.shoulder), 1 / m.shoulder);
}

double sceneToDisplay(const CurveModel& m, double x) {
    x *= m.standard ? m.gain * m.placement : m.gain;
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
    return m.standard ? standardCurve(m, x) : x;
}

double inverseStandardCurve(const CurveModel& m, double y) {
    if (!(y > 0)) return 0;
    if (y >= 1) return HUGE_VAL;
    return std::pow(yFor(y, m.shoulder) / m.scale, 1 / m.toe);
}

double highlightDesaturation(const CurveModel& m, double y) {
    if (!m.standard) return 0;  // linear means linear: bright colours clip as they are
    // Measured in stops of the base curve's input relative to the sensor's clip there, so the
    // blend follows the shoulder whatever the sliders did before it: none below half the
    // clip, a smooth step over four stops, complete 3 stops above the clip. Colours near the
    // clip keep most of their saturation (d(W) ≈ 0.16).
    const double x = inverseStandardCurve(m, y);
    if (!(x > 0)) return 0;
    const double t = std::clamp((std::log2(x / m.white) + 1) / 4, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

}  // namespace rf::tone
