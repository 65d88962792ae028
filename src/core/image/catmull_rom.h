// SPDX-License-Identifier: GPL-3.0-or-later
// Catmull-Rom interpolation, the cubic both resamplings that move pixels by fractions use (the
// straighten rotation and the lens warp): it passes through the samples, so a shift of zero
// is the identity, and overshoots little at edges. Keys's cubic with a = −0.5.
#pragma once

namespace rf {

/// The four taps' weights for a fractional offset t in [0, 1) past the second tap.
inline void catmullRomWeights(float t, float w[4]) {
    const float t2 = t * t, t3 = t2 * t;
    w[0] = -0.5f * t3 + t2 - 0.5f * t;
    w[1] = 1.5f * t3 - 2.5f * t2 + 1.0f;
    w[2] = -1.5f * t3 + 2.0f * t2 + 0.5f * t;
    w[3] = 0.5f * t3 - 0.5f * t2;
}

}  // namespace rf
