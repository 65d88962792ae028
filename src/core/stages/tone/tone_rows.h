// SPDX-License-Identifier: GPL-3.0-or-later
// The tone stage one strip of rows at a time. applyTone runs it over the whole image; the
// pipeline's fused finishing pass runs it on a few rows at a time, between the camera matrix
// and the look, while those rows are in cache. Prepared once per setting (the curve table),
// then applied serially to any number of strips, from any number of threads.
#pragma once

#include <memory>

#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "rangefinder/tone.h"

namespace rf::tone {

class RowRenderer {
  public:
    explicit RowRenderer(const ToneParams& p);
    ~RowRenderer();
    RowRenderer(const RowRenderer&) = delete;
    RowRenderer& operator=(const RowRenderer&) = delete;

    /// In place on a 3-or-more-channel view, serially; the same result as applyTone.
    void apply(ImageView rows) const;
    /// dst ← tone(matrix · src) (the fused pass's first step), the same bits as applyMatrix
    /// followed by apply(); src and dst are the same size and may be the same pixels.
    void apply(ConstImageView src, ImageView dst, const Mat3& matrix) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rf::tone
