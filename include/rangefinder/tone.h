// SPDX-License-Identifier: GPL-3.0-or-later
// Tone and colour: exposure, the base tone curve and the photographer's sliders (contrast,
// highlights, shadows, whites, blacks, saturation, vibrance). The input is scene-referred
// linear working-space RGB; the output is display-referred linear working-space RGB in
// [0, 1], ready for the output transform. The standard curve rolls highlights off smoothly,
// as a camera JPEG does; the linear curve applies no curve at all, for faithful reproduction.
// Per-pixel work is a few table look-ups so a 2 MP preview re-renders in milliseconds.
#pragma once

#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/params.h"

namespace rf {

enum class ToneCurve { Standard, Linear };

struct ToneParams {
    float exposureEv = 0;  ///< −5 … +5
    float contrast = 0;    ///< −100 … +100 (as are the rest)
    float highlights = 0;
    float shadows = 0;
    float whites = 0;
    float blacks = 0;
    float saturation = 0;
    float vibrance = 0;
    ToneCurve curve = ToneCurve::Standard;

    static ToneParams from(const EditDocument& doc);
    /// True when applying is the identity (linear curve, every slider at 0).
    bool isIdentity() const;
};

/// In place on a 3-channel linear working-space view.
void applyTone(ImageView rgb, const ToneParams& p, const CancelToken* cancel = nullptr);

/// The tone curve alone, as a function of scene-linear input (for tests, the GUI's curve
/// display and the looks' slope measurements): display-linear output.
float toneCurveValue(const ToneParams& p, float x);

}  // namespace rf
