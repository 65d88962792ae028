// SPDX-License-Identifier: GPL-3.0-or-later
// Writing finished images: JPEG (quality, chroma subsampling, progressive), 16-bit TIFF and
// 8/16-bit PNG, each with the output ICC profile embedded; then the photographer's metadata
// (camera, exposure, date, lens, artist, copyright) copied from the raw through Exiv2, with
// the orientation reset because the pixels are already rotated and GPS dropped unless asked.
// Encoders sit in src/core/io/writers.cpp, Exiv2 only in src/core/io/exiv2_metadata.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rangefinder/image.h"
#include "rangefinder/raw.h"

namespace rf {

enum class FileFormat { Jpeg, Tiff, Png };

/// "jpeg"/"jpg", "tiff"/"tif", "png"; throws rf::Error otherwise.
FileFormat fileFormatFromString(const std::string& s);
const char* fileExtension(FileFormat f);  ///< "jpg", "tif", "png"

enum class ChromaSubsampling { S444, S422, S420 };

struct EncodeOptions {
    FileFormat format = FileFormat::Jpeg;
    int quality = 90;  ///< JPEG 1..100
    ChromaSubsampling subsampling = ChromaSubsampling::S420;
    bool progressive = false;
    int bitDepth = 8;  ///< PNG 8 or 16; TIFF 16 (8 allowed); JPEG 8
};

/// Encodes display-encoded RGB in [0, 1] (3 channels) to `path`, embedding `icc`.
/// Throws rf::Error naming the path on any failure (unwritable, disk full).
void writeImage(const std::string& path, ConstImageView rgb, const EncodeOptions& options,
                const std::vector<std::uint8_t>& icc);

struct MetadataPolicy {
    bool copy = true;  ///< false: write no metadata beyond the ICC profile
    bool keepGps = false;
    std::string artist;  ///< overrides the camera's when not empty
    std::string copyright;
};

/// Copies EXIF (and IPTC/XMP where present) from the source raw into the written file:
/// Orientation = 1, pixel dimensions = the written ones, Software = Rangefinder, GPS removed
/// unless kept. Throws rf::Error naming the file on failure.
void writeMetadata(const std::string& outputPath, const std::string& sourceRaw,
                   const CaptureInfo& info, int width, int height, const MetadataPolicy& policy);

}  // namespace rf
