// SPDX-License-Identifier: GPL-3.0-or-later
// The web formats beyond JPEG — WebP (libwebp), AVIF (libavif over libaom) and JPEG XL
// (libjxl) — as encoders into memory. Each takes the finished display-encoded image, the
// output ICC profile and the EXIF/XMP blocks of the metadata policy, and returns the whole
// file; writers.cpp writes it through the same checked output file as its own formats, so
// a failure leaves nothing behind. The user's quality (JPEG's scale) becomes each encoder's
// setting through one calibrated table (bench/format-quality.sh; docs/performance.md).
// This is the only code that includes those libraries' headers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rangefinder/image.h"
#include "rangefinder/writer.h"

namespace rf::modern {

/// Encodes `rgb` as options.format (WebP, AVIF or JPEG XL). `path` only names the file in
/// an rf::Error (a setting the format lacks, a size it cannot hold, a library failure).
std::vector<std::uint8_t> encode(const std::string& path, ConstImageView rgb,
                                 const EncodeOptions& options, const std::vector<std::uint8_t>& icc,
                                 const EmbeddedMetadata* metadata);

/// The encoder setting `quality` gives (encoderSettingFor, writer.h) for WebP, AVIF or JPEG XL.
double settingFor(FileFormat format, int quality);

}  // namespace rf::modern
