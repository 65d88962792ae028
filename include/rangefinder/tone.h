// SPDX-License-Identifier: GPL-3.0-or-later
// Tone and colour: exposure, the base rendering and the photographer's sliders (contrast,
// highlights, shadows, whites, blacks, saturation, vibrance). The input is scene-referred
// linear working-space RGB; the output is display-referred linear working-space RGB in
// [0, 1], ready for the output transform.
//
// The standard base rendering is what a camera's own JPEG does to its raw: it places the
// exposure (a raw file keeps highlight headroom, so a metered mid-grey sits about 3.5 stops
// under the sensor's clip; the rendering lifts it to display mid-grey, see placement.cpp),
// rolls the highlights off along a shoulder that ends at the sensor's clipping point wherever
// the placement put it (so no exposure placement clips a sky the sensor held), and gives
// colours a camera-like chroma. The linear curve applies none of this, for faithful
// reproduction. Per-pixel work is a few table look-ups so a 2 MP preview re-renders in
// milliseconds.
#pragma once

#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/params.h"
#include "rangefinder/raw.h"

namespace rf {

/// Legacy is the standard curve before exposure placement (December 2026): no placement, a
/// fixed shoulder with the clip at 0.95, chroma as the curve leaves it. Documents written
/// before then are migrated to it, so they render as they did (tone_params.cpp).
enum class ToneCurve { Standard, Linear, Legacy };

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
    /// Not edits but facts of the raw, set by the pipeline (exposurePlacement()): the stops
    /// the standard rendering lifts its input by, and the input value of the sensor's
    /// clipping point (2^BaselineExposure), which with the placement sets where the
    /// standard curve's shoulder ends. The linear curve ignores both.
    float placementEv = 0;
    float sensorWhite = 1;

    static ToneParams from(const EditDocument& doc);
    /// True when applying is the identity (linear curve, every slider at 0).
    bool isIdentity() const;
};

/// In place on a 3-channel linear working-space view.
void applyTone(ImageView rgb, const ToneParams& p, const CancelToken* cancel = nullptr);

/// The standard rendering's exposure placement for a raw, in EV (placement.cpp): the lift
/// from a raw's metered mid-grey (about 3.5 stops under the clip on current cameras) to the
/// 0.18 the base curve maps to display mid-grey; 0 for a DNG whose BaselineExposure (applied
/// in the camera matrix) states the placement itself.
float exposurePlacement(const RawImage& raw);

/// The tone curve alone, as a function of scene-linear input (for tests, the GUI's curve
/// display and the looks' slope measurements): display-linear output.
float toneCurveValue(const ToneParams& p, float x);

}  // namespace rf
