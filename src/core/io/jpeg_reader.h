// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a finished JPEG (a phone's or a camera's picture) into the core, through libjpeg:
// the product links no imgcodecs, and libjpeg can decode at 1/2, 1/4 or 1/8 of the size in
// its inverse DCT, so a 24 MP picture wanted at a thousand pixels costs a sixteenth of a full
// decode. The embedded ICC profile comes with the pixels, so a Display P3 picture is not read
// as sRGB.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rangefinder/image.h"

namespace rf::jpeg {

struct Decoded {
    Image rgb;  ///< 3 channels in [0, 1], as stored (encoded by `icc`'s curve, sRGB without one)
    std::vector<std::uint8_t> icc;      ///< the embedded ICC profile, empty when there is none
    int fullWidth = 0, fullHeight = 0;  ///< the picture's own size, before any scaling
};

/// Decodes a baseline or progressive JPEG (greyscale, YCbCr or RGB; CMYK is refused) at the
/// smallest of libjpeg's scales (1, 1/2, 1/4, 1/8) whose long edge is still at least
/// `minLongEdge` (0: full size). Throws rf::Error naming `what` when it is not a readable
/// JPEG or is larger than the process's pixel limit.
Decoded decode(const std::vector<std::uint8_t>& bytes, const std::string& what,
               int minLongEdge = 0);
/// The same from a file.
Decoded read(const std::string& path, int minLongEdge = 0);

}  // namespace rf::jpeg
