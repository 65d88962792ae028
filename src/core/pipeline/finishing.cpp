// SPDX-License-Identifier: GPL-3.0-or-later
// The fused finishing pass (finishing.h). A strip is a few rows: small enough that its
// pixels stay in the core's L2 cache from the matrix to the output transform, large enough
// that the per-strip set-up (the look's scratch space, the grain's lattice row) is noise.
#include "pipeline/finishing.h"

#include <algorithm>
#include <cstring>

#include "look/look_internal.h"
#include "rangefinder/error.h"
#include "stages/tone/tone_rows.h"

namespace rf::finishing {

namespace {

constexpr int kStripRows = 4;

void requireRgb(ConstImageView src, ImageView dst) {
    if (src.channels != 3 || dst.channels != 3 || src.width != dst.width ||
        src.height != dst.height)
        throw Error("finishing: source and result must be RGB images of one size");
}

}  // namespace

void run(ConstImageView src, ImageView dst, const Mat3& matrix, const ToneParams& tone,
         const LookParams& look, const OutputTransform& output, const CancelToken* cancel) {
    if (src.empty()) return;
    requireRgb(src, dst);
    const tone::RowRenderer toneRows(tone);
    const look::StripRenderer lookRows(look, dst.width, dst.height);
    parallelFor(
        0, dst.height,
        [&](int y0, int y1) {
            for (int s0 = y0; s0 < y1; s0 += kStripRows) {
                const Rect strip{0, s0, dst.width, std::min(kStripRows, y1 - s0)};
                const ImageView rows = dst.region(strip);
                toneRows.apply(src.region(strip), rows, matrix);
                lookRows.apply(rows, s0);
                output.applyRows(rows);
            }
        },
        8, cancel);
}

void runStageByStage(ConstImageView src, ImageView dst, const Mat3& matrix, const ToneParams& tone,
                     const LookParams& look, const OutputTransform& output,
                     const CancelToken* cancel) {
    if (src.empty()) return;
    requireRgb(src, dst);
    if (src.data != dst.data)
        for (int y = 0; y < src.height; ++y)
            std::memcpy(dst.row(y), src.row(y), std::size_t(src.width) * 3 * sizeof(float));
    applyMatrix(dst, matrix, cancel);
    applyTone(dst, tone, cancel);
    applyLook(dst, look, cancel);
    output.apply(dst, cancel);
}

}  // namespace rf::finishing
