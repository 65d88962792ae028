// SPDX-License-Identifier: GPL-3.0-or-later
// Picture quality against a reference rendering: how far a render of a raw is from the JPEG
// the camera itself made (the preview embedded in the raw), or from a peer's rendering. Both
// pictures are reduced to the same small size in linear light (so a few pixels of different
// framing and the encoders' noise do not count) and compared pixel by pixel in CIELAB:
// the mean CIEDE2000, the mean L* difference (brightness), the ratio of mean chroma
// (colourfulness) and the ratio of the standard deviation of L* (global contrast). A
// default rendering is good when it is close to the camera's own picture on all four; a
// look is measured by the same figures against the camera and against the default.
// Used by the `rangefinder-quality` report (bench/quality.sh) and by test_quality.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rangefinder/image.h"
#include "rangefinder/params.h"
#include "rangefinder/pipeline.h"

namespace rf::quality {

/// The long edge both pictures are reduced to before they are compared.
inline constexpr int kCompareLongEdge = 360;

/// Figures of one picture alone (sRGB-encoded, reduced).
struct Stats {
    double meanL = 0;       ///< mean CIE L* (D65)
    double meanChroma = 0;  ///< mean C*ab
    double sdL = 0;         ///< standard deviation of L*
    double clipped = 0;     ///< fraction of pixels with a channel at 255 (≥ 254.5/255)
};

/// One picture against a reference of the same size.
struct Comparison {
    double deltaE = 0;         ///< mean CIEDE2000
    double deltaL = 0;         ///< mean L* of the picture − mean L* of the reference
    double chromaRatio = 0;    ///< mean chroma of the picture / the reference's
    double contrastRatio = 0;  ///< standard deviation of L* of the picture / the reference's
    Stats picture, reference;
};

Stats measure(ConstImageView srgb);
/// Both sRGB-encoded, same size (throws rf::Error otherwise).
Comparison compare(ConstImageView picture, ConstImageView reference);

/// Decodes a JPEG (bytes or a file) to sRGB-encoded float RGB in [0, 1]; throws rf::Error
/// naming `what` when it cannot.
Image decodeJpeg(const std::vector<std::uint8_t>& bytes, const std::string& what);
Image readJpeg(const std::string& path);

/// Reduces an sRGB-encoded picture to exactly width × height, resampling in linear light.
Image reduce(ConstImageView srgb, int width, int height);

/// The camera's JPEG embedded in a raw, upright (the raw's EXIF orientation applied), reduced
/// to kCompareLongEdge. Throws rf::Error when the raw has no usable preview.
Image cameraJpeg(const RawImage& raw);

/// The long edge pictures are rendered or read at before they are registered to the camera's
/// JPEG: three times the comparison's, so registration is exact to a third of its pixel.
inline constexpr int kRegisterLongEdge = 3 * kCompareLongEdge;

/// Renders the raw with the edits to sRGB at kRegisterLongEdge (no output sharpening).
Image render(Pipeline& pipeline, const EditDocument& edits,
             const std::vector<std::string>& lookDirs = {});

/// Cameras frame their JPEGs a little inside the sensor's visible area (the Canon EOS 30D's is
/// 66 sensor pixels narrower), so a picture of the whole area is shifted and scaled against
/// it by a few comparison pixels: enough, on a forest or a Christmas tree, to dominate a
/// per-pixel colour difference. The frame of `picture` (at kRegisterLongEdge) that matches
/// the reference best: the crop, with the reference's aspect, whose luminance correlates
/// best with the reference's (a search over scales from 90 % to 100 % and every offset, coarse
/// to fine). Correlation, not difference, so that a brighter or flatter rendering registers
/// as well as a matching one.
Rect registerTo(ConstImageView picture, ConstImageView reference);

/// The picture's `frame` reduced to the reference's size.
Image framed(ConstImageView picture, const Rect& frame, int width, int height);

/// Writes pictures in a grid of `columns`, left to right and top to bottom (each scaled to
/// `height`), separated by a thin dark gutter, as a JPEG: the galleries of docs/quality.md.
void writeStrip(const std::string& path, const std::vector<const Image*>& pictures, int height,
                int columns);

}  // namespace rf::quality
