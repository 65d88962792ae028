// SPDX-License-Identifier: GPL-3.0-or-later
// Demosaicing turns a Bayer mosaic into camera RGB. Two paths: a 2×2 superpixel bin that gives
// a half-size image at almost no cost (used automatically when the output is at most half the
// sensor size, as every web export is), and a high-quality full-resolution interpolation
// whose CPSNR on the Kodak suite beats LibRaw's AHD.
#pragma once

#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/raw.h"

namespace rf {

enum class DemosaicMethod { Fast, HighQuality, Bilinear };

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
