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

// dst ← m · src over a strip; the arithmetic of applyMatrix, so the bits agree.
void matrixRows(ConstImageView src, ImageView dst, const Mat3& m) {
    const float a = float(m[0][0]), b = float(m[0][1]), c = float(m[0][2]);
    const float d = float(m[1][0]), e = float(m[1][1]), f = float(m[1][2]);
    const float g = float(m[2][0]), h = float(m[2][1]), i = float(m[2][2]);
    for (int y = 0; y < src.height; ++y) {
        const float* s = src.row(y);
        float* p = dst.row(y);
        const int w = src.width;
        for (int x = 0; x < w; ++x) {
            const float r = s[3 * x], gg = s[3 * x + 1], bb = s[3 * x + 2];
            p[3 * x] = a * r + b * gg + c * bb;
            p[3 * x + 1] = d * r + e * gg + f * bb;
            p[3 * x + 2] = g * r + h * gg + i * bb;
        }
    }
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
                matrixRows(src.region(strip), rows, matrix);
                toneRows.apply(rows);
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
