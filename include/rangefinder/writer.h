// SPDX-License-Identifier: GPL-3.0-or-later
// Writing finished images: JPEG (quality, chroma subsampling, progressive), 16-bit TIFF and
// 8/16-bit PNG, and for the web WebP, AVIF and JPEG XL, each with the output ICC profile
// embedded; then the photographer's metadata (camera, exposure, date, lens, artist, copyright)
// copied from the raw through Exiv2, with the orientation reset because the pixels are already
// rotated, under a policy that decides whether location, or everything but authorship, leaves
// with the picture. JPEG, TIFF and PNG get it written into the finished file; WebP, AVIF and
// JPEG XL get it from Exiv2 as an EXIF block and an XMP packet that their encoders embed
// (embedsMetadata), since Exiv2 0.27 cannot write AVIF or JPEG XL.
//
// One quality scale: `quality` means the same visual quality in every lossy format. It is
// JPEG's own quality; for the others a table calibrated against JPEG with butteraugli
// (bench/format-quality.sh, docs/performance.md) turns it into the encoder's setting.
// Encoders sit in src/core/io/writers.cpp (libjpeg, libpng, libtiff) and
// src/core/io/modern_writers.cpp (libwebp, libavif, libjxl); Exiv2 only in
// src/core/io/exiv2_metadata.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rangefinder/image.h"
#include "rangefinder/raw.h"
#include "rangefinder/sidecar.h"

namespace rf {

enum class FileFormat { Jpeg, Tiff, Png, WebP, Avif, Jxl };

/// The formats' names are the export schema's (fileFormatFromString, export_schema.h).
const char* fileExtension(FileFormat f);  ///< "jpg", "tif", "png", "webp", "avif", "jxl"

/// True for the formats whose encoder embeds the metadata (WebP, AVIF, JPEG XL): pass
/// metadataToEmbed()'s result to writeImage instead of calling writeMetadata afterwards.
bool embedsMetadata(FileFormat f);

/// The bit depths a format can be written at, smallest first: JPEG and WebP 8; PNG and TIFF
/// 8, 16; AVIF 8, 10, 12; JPEG XL 8, 10, 12, 16.
std::vector<int> bitDepthsFor(FileFormat f);

enum class ChromaSubsampling { S444, S422, S420 };

struct EncodeOptions {
    FileFormat format = FileFormat::Jpeg;
    int quality = 90;  ///< 1..100, JPEG's scale for every lossy format (encoderSettingFor)
    ChromaSubsampling subsampling = ChromaSubsampling::S420;  ///< JPEG and AVIF
    bool progressive = false;                                 ///< JPEG
    int bitDepth = 8;  ///< one of bitDepthsFor(format); TIFF 16 unless asked
    /// The encoder's own setting instead of the one `quality` maps to (WebP quality 0..100,
    /// AVIF quantizer 0..63, JPEG XL distance 0.1..25): how bench/format-quality.sh sweeps
    /// the encoders to calibrate that mapping. Negative: use `quality`.
    double encoderSetting = -1;
    /// The encoder's speed setting instead of the writer's (AVIF speed 0..10, JPEG XL effort
    /// 1..9, WebP method 0..6), for the same benchmark. Negative: the writer's.
    int encoderEffort = -1;
};

/// The encoder setting `quality` (1..100) gives in `format`, interpolated in the calibrated
/// table: WebP's quality, AVIF's quantizer (lower is better), JPEG XL's butteraugli distance
/// (lower is better); JPEG's quality is `quality` itself. PNG and TIFF are lossless: 0.
double encoderSettingFor(FileFormat format, int quality);

/// EXIF and XMP as WebP, AVIF and JPEG XL carry them: `exif` is a TIFF-header EXIF block
/// (starting "II*\0"), `xmp` a serialised packet; either empty when there is nothing to say.
struct EmbeddedMetadata {
    std::vector<std::uint8_t> exif;
    std::string xmp;
};

/// Encodes display-encoded RGB in [0, 1] (3 channels) to `path`, embedding `icc` and, for
/// a format that embedsMetadata(), `metadata`. Throws rf::Error naming the path on any
/// failure (unwritable, disk full, a setting the format does not have); a failed write
/// leaves no partial file behind.
void writeImage(const std::string& path, ConstImageView rgb, const EncodeOptions& options,
                const std::vector<std::uint8_t>& icc, const EmbeddedMetadata* metadata = nullptr);

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

/// What writeMetadata would write, as the blocks an encoder embeds (the same allow-list,
/// policy, overrides and sidecar fields). IPTC has no place in these formats: its fields
/// go into the XMP as Exiv2 maps them (dc:creator, dc:rights, photoshop:City…), under the
/// same policy. Under MetadataMode::None both are empty. Throws rf::Error naming
/// `sourceRaw` when Exiv2 cannot serialise them.
EmbeddedMetadata metadataToEmbed(const std::string& sourceRaw, const CaptureInfo& info, int width,
                                 int height, const MetadataPolicy& policy,
                                 const PhotoInfo* photo = nullptr);

}  // namespace rf
