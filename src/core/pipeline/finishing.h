// SPDX-License-Identifier: GPL-3.0-or-later
// The finishing stages fused. After the cached, resized image come the camera matrix (into
// the working space, with a white balance still to apply folded into it), tone, the look and
// the output transform: all per pixel (the look's vignette and grain only need to know which
// row they are on). Run one after the other, each stage streams the whole 2 MP image through
// memory; run fused, each thread takes a strip of a few rows, reads it from the cached image
// once, runs every stage on it while it is in cache and writes it to the result once. The
// stages are the very row kernels the separate stages run, in the same order, so the fused
// pass gives the same bits (a test holds it to that).
#pragma once

#include "rangefinder/color.h"
#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "rangefinder/look.h"
#include "rangefinder/parallel.h"
#include "rangefinder/tone.h"

namespace rf::finishing {

/// dst ← output(look(tone(matrix · src))), in strips on every core. src and dst are the same
/// size with 3 channels; they may be the same pixels (in place).
void run(ConstImageView src, ImageView dst, const Mat3& matrix, const ToneParams& tone,
         const LookParams& look, const OutputTransform& output,
         const CancelToken* cancel = nullptr);

/// The same, one whole-image stage after another (copy, applyMatrix, applyTone, applyLook,
/// OutputTransform::apply): the reference the fused pass is tested against.
void runStageByStage(ConstImageView src, ImageView dst, const Mat3& matrix, const ToneParams& tone,
                     const LookParams& look, const OutputTransform& output,
                     const CancelToken* cancel = nullptr);

}  // namespace rf::finishing
