// SPDX-License-Identifier: GPL-3.0-or-later
// Writing finished images: JPEG (quality, chroma subsampling, progressive), 16-bit TIFF and
// 8/16-bit PNG, each with the output ICC profile embedded; then the photographer's metadata
// (camera, exposure, date, lens, artist, copyright) copied from the raw through Exiv2, with
// the orientation reset because the pixels are already rotated, under a policy that decides
// whether location, or everything but authorship, leaves with the picture.
// Encoders sit in src/core/io/writers.cpp, Exiv2 only in src/core/io/exiv2_metadata.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rangefinder/image.h"
#include "rangefinder/raw.h"
#include "rangefinder/sidecar.h"

namespace rf {

enum class FileFormat { Jpeg, Tiff, Png };

/// The formats' names are the export schema's (fileFormatFromString, export_schema.h).
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

/// How much of the photographer's metadata an export carries (docs/cli.md, --metadata).
enum class MetadataMode {
    All,            ///< everything the allow-list carries, GPS and location included
    NoLocation,     ///< as All without GPS or any location field (the web preset's default)
    CopyrightOnly,  ///< creator, copyright and contact only: no camera, exposure, date or place
    None,           ///< no EXIF, IPTC or XMP at all; the ICC profile stays
};

// The modes' names are the export schema's (metadataModeFromString, export_schema.h).

struct MetadataPolicy {
    MetadataMode mode = MetadataMode::NoLocation;
    std::string artist;  ///< overrides the camera's and the sidecar's creator when not empty
    std::string copyright;
};

/// Copies EXIF, IPTC and XMP from the source raw into the written file as `policy.mode`
/// allows: Orientation = 1, pixel dimensions = the written ones, Software and xmp:CreatorTool
/// name Rangefinder. `photo` (the sidecar's rating, label, title, description, keywords)
/// travels under All and NoLocation; under CopyrightOnly only its creator and rights. Edit
/// histories and the `rangefinder:` namespace are never embedded. Throws rf::Error naming
/// the file on failure.
void writeMetadata(const std::string& outputPath, const std::string& sourceRaw,
                   const CaptureInfo& info, int width, int height, const MetadataPolicy& policy,
                   const PhotoInfo* photo = nullptr);

}  // namespace rf
