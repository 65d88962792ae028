// SPDX-License-Identifier: GPL-3.0-or-later
// Demosaicing turns a Bayer mosaic into camera RGB. Three paths: a 2×2 superpixel bin that
// gives a half-size image at almost no cost (used automatically when the output is at most
// half the sensor size), a gradient-corrected linear interpolation at full size for outputs a
// little larger than that (a 2048 px web JPEG of an 8 MP sensor: the resize that follows
// averages away what separates it from the high-quality path), and a high-quality
// full-resolution interpolation whose CPSNR on the Kodak suite beats LibRaw's AHD.
//
// Each path can white-balance the mosaic as it reads it (MosaicGains), so the balanced mosaic
// never exists as a full-size copy of the decoded one.
#pragma once

#include <array>

#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/params.h"
#include "rangefinder/raw.h"

namespace rf {

enum class DemosaicMethod { Fast, HighQuality, Bilinear };

/// What the photographer chose (`demosaic.method`): the pipeline picks the path from it and
/// the output size (pipeline.cpp).
enum class DemosaicChoice { Auto, Fast, HighQuality };

struct DemosaicParams {
    DemosaicChoice method = DemosaicChoice::Auto;
    static DemosaicParams from(const EditDocument& doc);
};

/// White balance applied while the mosaic is read: each site times gain[its colour], then
/// limited to 1 when `clip` — the same arithmetic as applyWhiteBalance on a copy, so the
/// result is bit-identical to balancing first and demosaicing after.
struct MosaicGains {
    std::array<float, 3> gain{1, 1, 1};
    bool clip = false;
};

void demosaicHalf(ConstImageView mosaic, const CfaPattern& cfa, const MosaicGains& gains,
                  Image& out, const CancelToken* cancel = nullptr);
void demosaicFull(ConstImageView mosaic, const CfaPattern& cfa, const MosaicGains& gains,
                  Image& out, const CancelToken* cancel = nullptr);

/// Full size, gradient-corrected bilinear (Malvar, He and Cutler 2004: a 5×5 linear filter
/// per site and colour, negative results floored at 0): several times cheaper than
/// demosaicFull and sharper than bilinear, but with some zipper on fine high-contrast detail.
/// Meant for outputs downscaled by about 0.6 or less, where the resize hides that.
void demosaicGradient(ConstImageView mosaic, const CfaPattern& cfa, const MosaicGains& gains,
                      Image& out, const CancelToken* cancel = nullptr);
/// Rows [y0, y1) of demosaicGradient's output into `out` (row 0 of `out` is row y0),
/// bit-identical to the same rows of the whole image: lets a consumer demosaic in bands
/// (resizeRows) without a full-size buffer. Serial; safe to call concurrently.
void demosaicGradientRows(ConstImageView mosaic, const CfaPattern& cfa, const MosaicGains& gains,
                          int y0, int y1, ImageView out);

/// Half size: out is (width/2, height/2, 3); each output pixel averages the 2×2 tile (both
/// greens), so the result is spatially aligned and alias-reduced.
void demosaicHalf(ConstImageView mosaic, const CfaPattern& cfa, Image& out,
                  const CancelToken* cancel = nullptr);

/// Full size, high quality: out is (width, height, 3).
void demosaicFull(ConstImageView mosaic, const CfaPattern& cfa, Image& out,
                  const CancelToken* cancel = nullptr);

/// Full size bilinear: the reference baseline for tests.
void demosaicBilinear(ConstImageView mosaic, const CfaPattern& cfa, Image& out);

/// Builds a mosaic from an RGB image (tests, the synthetic DNG writer).
void mosaicFromRgb(ConstImageView rgb, const CfaPattern& cfa, Image& out);

/// Parses "RGGB", "BGGR", "GRBG", "GBRG".
CfaPattern cfaFromString(const char* name);

}  // namespace rf
