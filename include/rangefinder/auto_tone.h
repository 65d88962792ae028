// SPDX-License-Identifier: GPL-3.0-or-later
// Auto tone: exposure, highlights, shadows, whites and blacks chosen from the image, as
// Lightroom's Auto does. It runs once, when asked (the editor's Auto button, `--set
// tone.auto=true` on an export, `rangefinder-cli auto`), and writes ordinary values the
// photographer can then move; a render never analyses the image by itself, so a photo looks
// the same every time it is opened.
//
// The analysis reads what the tone stage sees (Pipeline::sceneLinear, a small preview) as
// luminance in stops around the standard rendering's mid-grey. Exposure brings the
// picture's key (the median and the central mean of its log-luminance, which clipped
// highlights or a dark border barely move) to where a well-exposed photo of the real raws
// has it; then each tonal slider answers one measurement: highlights pull the brightest
// percent back from the shoulder, whites lift a picture whose brightest tones stop short of
// it, shadows open a picture whose darkest tenth is deep in the toe, blacks set a hazy floor
// down. Each is zero when its measurement is already where a good picture has it.
#pragma once

#include "rangefinder/image.h"
#include "rangefinder/params.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/tone.h"

namespace rf {

struct AutoToneValues {
    double exposureEv = 0;
    double highlights = 0, shadows = 0, whites = 0, blacks = 0;
};

/// From scene-linear working-space RGB (what applyTone would receive) and the tone
/// parameters of the render (their placement and sensor white; their slider values are
/// ignored: Auto replaces them).
AutoToneValues analyseAutoTone(ConstImageView sceneLinear, const ToneParams& tone);

/// The keys Auto tone sets: exposure.ev, tone.highlights, tone.shadows, tone.whites and
/// tone.blacks.
const std::vector<std::string>& autoToneKeys();

/// The edits with autoToneKeys() set by Auto tone for this raw (everything else as it was,
/// tone.auto cleared).
EditDocument applyAutoTone(Pipeline& pipeline, const EditDocument& edits,
                           const CancelToken* cancel = nullptr);

}  // namespace rf
