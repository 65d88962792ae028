// SPDX-License-Identifier: GPL-3.0-or-later
// The tone curve as a scalar function, in double precision: the reference that the per-pixel
// table of tone.cpp samples, and what toneCurveValue() evaluates exactly. It is a chain of
// monotonic maps of one scene-linear value (the pixel's max(R,G,B) norm): exposure; the
// tonal-range sliders as offsets in stops, weighted by where a value sits relative to
// mid-grey; contrast as an S-curve in stops around mid-grey; the black point; and finally
// the base curve (standard or linear). Each link is monotonic and C1 on its own, so the
// chain is too, whatever the slider settings.
#pragma once

#include "rangefinder/tone.h"

namespace rf::tone {

/// Scene-linear mid-grey: the pivot of contrast and the reference of the tonal-range weights.
inline constexpr double kMidGrey = 0.18;

/// The slider settings turned into curve coefficients once per call.
struct CurveModel {
    double gain = 1;         ///< 2^EV
    double highlightEv = 0;  ///< stops added to highlights (weighted)
    double whiteEv = 0;      ///< stops added to the brightest tones (weighted)
    double shadowEv = 0;     ///< stops added to shadows (weighted)
    double contrast = 0;     ///< relative slope change at mid-grey, in (−1, 1)
    double crush = 0;        ///< scene black point subtracted (blacks < 0)
    double pedestal = 0;     ///< scene level added under everything (blacks > 0)
    bool standard = true;    ///< a base curve (standard or legacy), else linear
    double placement = 1;    ///< standard only: 2^placementEv, applied with the exposure
    double white = 1;        ///< standard only: base-curve input of the sensor's clip
    // The base curve's constants: for the standard curve solved for this white point, for
    // the legacy curve fixed (see tone_curve.cpp).
    double toe = 0, shoulder = 0, scale = 0;
    /// True when only exposure acts, so applying is an exact multiply.
    bool exposureOnly = false;
};

CurveModel makeModel(const ToneParams& p);

/// The standard base curve f: [0, ∞) → [0, 1): scene-linear to display-linear.
double standardCurve(const CurveModel& m, double x);

/// Its inverse, for y in [0, 1) (+inf at 1).
double inverseStandardCurve(const CurveModel& m, double y);

/// Scene-linear x (before exposure) to display-linear output; not clamped, so in linear mode
/// values above 1 are still above 1.
double sceneToDisplay(const CurveModel& m, double x);

/// How far (0…1) a pixel whose curve output is `y` is pulled towards white, so that very
/// bright saturated colours roll off to white instead of flattening into one clipped channel.
double highlightDesaturation(const CurveModel& m, double y);

}  // namespace rf::tone
