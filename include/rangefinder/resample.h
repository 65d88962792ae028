// SPDX-License-Identifier: GPL-3.0-or-later
// Output sizing and sharpening. Resizing happens in linear light with an antialiased,
// separable Lanczos-3 filter (a box average would soften, point sampling would alias).
// Sharpening comes after the resize, as photographers sharpen for the screen: an unsharp
// mask on luminance, so edges gain contrast without colour fringes.
#pragma once

#include <functional>
#include <string>

#include "rangefinder/image.h"
#include "rangefinder/parallel.h"

namespace rf {

enum class SizeMode { Original, LongEdge, ShortEdge, Fit, Megapixels };

struct OutputSize {
    SizeMode mode = SizeMode::Original;
    int a = 0;              ///< LongEdge / ShortEdge: the edge; Fit: width
    int b = 0;              ///< Fit: height
    double megapixels = 0;  ///< Megapixels
    bool allowUpscale = false;
};

/// Parses "2048" (long edge), "long:2048", "short:1080", "1920x1080", "12mp", "original"
/// (case and spaces ignored); anything else throws rf::Error quoting the string.
OutputSize outputSizeFromString(const std::string& s);

/// The output size for an input of width × height: aspect kept, rounded to the nearest
/// pixel, at least 1 px, never upscaled unless allowed.
void targetSize(int width, int height, const OutputSize& size, int& outWidth, int& outHeight);

/// Antialiased Lanczos-3 resize of any channel count into out (width × height); a copy when
/// the size does not change. Lanczos overshoot at hard edges is kept (values may leave the
/// input's range slightly): in linear light the tone stage handles it. `out` must not hold
/// `in`.
void resize(ConstImageView in, int width, int height, Image& out,
            const CancelToken* cancel = nullptr);

/// Produces rows [y0, y1) of an image into `rows` (y1 − y0 rows, tightly packed): the input
/// of resizeRows, for a stage that can compute any band of its output on demand.
using RowSource = std::function<void(int y0, int y1, ImageView rows)>;

/// The same resize as `resize` (bit-identical output) of an inWidth × inHeight image that is
/// never held whole: each task asks `source` for the band of input rows its output rows
/// need, a few dozen rows at a time, so a 45 MP input costs a few MB of memory instead of a
/// full-size buffer and stays in cache between being produced and being filtered. Rows
/// under two neighbouring bands' kernels are produced twice; `source` must be a pure
/// function of the row index and safe to call from several threads. Reductions only
/// (width ≤ inWidth, height < inHeight).
void resizeRows(int inWidth, int inHeight, int channels, const RowSource& source, int width,
                int height, Image& out, const CancelToken* cancel = nullptr);

struct SharpenParams {
    float amount = 0;     ///< 0 … 5 (1 = 100 %)
    float radius = 0.8f;  ///< Gaussian sigma in output pixels
    float threshold = 0;  ///< ignore luminance differences below this (0 … 1)
    bool enabled() const { return amount > 0; }
};

/// Unsharp mask on luminance of a display-encoded RGB view, in place: the same detail
/// amount·(L − blur(L)) goes to R, G and B (softly ignored below `threshold`), results are
/// clamped to [0, 1]. One channel: sharpened as luminance; channels past the third untouched.
void sharpen(ImageView rgb, const SharpenParams& p, const CancelToken* cancel = nullptr);

}  // namespace rf
