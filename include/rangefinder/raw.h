// SPDX-License-Identifier: GPL-3.0-or-later
// A decoded raw file, as the rest of the pipeline sees it: sensor data scaled to [0, 1]
// (black subtracted per channel, divided by white minus black), the colour filter layout,
// the camera's white balance and colour matrix, and the metadata a photographer reads.
// Decoding lives behind this header in one adapter (src/core/io/libraw_decoder.cpp); no
// LibRaw type leaks out. Decoding never writes to the file.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "rangefinder/limits.h"

namespace rf {

enum class SensorLayout {
    Bayer,   ///< `mosaic` has 1 channel; `cfa` says which colour each 2×2 site is
    Linear,  ///< `mosaic` has 3 channels of camera RGB: linear DNGs (ProRAW) and sensors
             ///< LibRaw demosaics itself (X-Trans, SuperCCD), never balanced or converted.
             ///< Four-colour (CMYG) sensors are the exception: LibRaw balances them as
             ///< shot and maps them to linear sRGB, reported as the camera space
             ///< (cameraFromXYZ = sRGB's, multipliers 1).
};

/// The colour of the sites of a 2×2 Bayer tile: cfa[(y & 1) * 2 + (x & 1)], 0 = R, 1 = G,
/// 2 = B, for coordinates in `RawImage::mosaic`.
using CfaPattern = std::array<std::uint8_t, 4>;

/// One opcode of a DNG's opcode lists (OpcodeList1…3, DNG 1.4 chapter 7) and what the
/// decoder does with it, for `info` and bug reports.
struct DngOpcodeNote {
    int list = 0;              ///< 1, 2 or 3
    std::uint32_t id = 0;      ///< the specification's opcode id (9 = GainMap)
    std::string name;          ///< "GainMap", or "opcode N" for an id the specification has not
    bool optional = false;     ///< the file allows a reader to skip it
    bool previewOnly = false;  ///< the file allows a reader to skip it for previews
    enum class Fate {
        Applied,    ///< applied by the decoder (GainMap of OpcodeList2)
        LensStage,  ///< passed on in RawImage::dngLens for the lens stage
        Skipped,    ///< not applied; `note` says why
    };
    Fate fate = Fate::Skipped;
    /// Why it is skipped; a warning when the file requires it (not optional), since the
    /// picture may then differ from the camera's own rendering.
    std::string note;
};

struct CaptureInfo {
    std::string make, model, lens;
    std::string lensMake;  ///< when the file names it (EXIF LensMake, maker notes); may be empty
    std::string software;
    float iso = 0;
    float shutterSeconds = 0;  ///< exposure time
    float aperture = 0;        ///< f-number
    float focalLengthMm = 0;
    float focalLength35mm = 0;      ///< EXIF FocalLengthIn35mmFilm; 0 when not recorded
    float focusDistanceM = 0;       ///< subject distance in metres; 0 when not recorded
    std::string dateTime;           ///< "YYYY-MM-DDTHH:MM:SS" local time as the camera recorded it
    int orientation = 1;            ///< EXIF orientation 1..8
    int width = 0, height = 0;      ///< image size after decoding, before orientation
    std::string artist, copyright;  ///< TIFF Artist (or the maker note owner), Copyright
    bool hasGps = false;
    /// The opcodes of a DNG's raw IFD, in list order; empty for other files.
    std::vector<DngOpcodeNote> dngOpcodes;
    /// Why the opcode lists cannot be read (cut short, counts that do not fit, a required
    /// opcode with impossible parameters); decodeRaw refuses such a file with this reason,
    /// readCaptureInfo reports it here. Empty when they are fine or absent.
    std::string dngOpcodeProblem;
};

/// What a DNG's OpcodeList3 says about its lens (DNG 1.3+ §6; phones and fixed-lens cameras
/// write these instead of leaving the correction to a lens database). Coordinates are in the
/// decoded image's pixels (RawImage::mosaic), converted from the DNG's frame by the decoder:
/// the optical centre, and the radius the opcode normalises by (the largest distance from the
/// centre to a corner of the image the opcode applied to). Positions are continuous: pixel
/// (x, y) covers [x, x + 1) × [y, y + 1), so the centre of a W-wide image is at W / 2 (the
/// DNG SDK's convention, where the image's edges are at 0 and its width).
struct DngWarpRectilinear {
    int planes = 0;  ///< 1: one set for all channels; 3: R, G, B
    /// Per plane: kr0..kr3 (radial, in r², r⁴, r⁶ after kr0) and kt0, kt1 (tangential).
    std::array<std::array<double, 6>, 3> coefficients{};
    double centerX = 0, centerY = 0, radius = 1;
};
struct DngVignetteRadial {
    std::array<double, 5> k{};  ///< gain = 1 + k0 r² + k1 r⁴ + … + k4 r¹⁰
    double centerX = 0, centerY = 0, radius = 1;
};
struct DngLensOpcodes {
    std::optional<DngWarpRectilinear> warp;
    std::optional<DngVignetteRadial> vignette;
    bool any() const { return warp || vignette; }
};

struct RawImage {
    std::string path;
    CaptureInfo info;
    SensorLayout layout = SensorLayout::Bayer;
    CfaPattern cfa{0, 1, 1, 2};
    /// Scaled sensor data, 0 = black, 1 = the clipping point of the channel. Values slightly
    /// below 0 (noise around black) are kept; nothing above 1 exists.
    Image mosaic;
    /// As-shot white balance as camera RGB multipliers, normalised so green = 1. When the
    /// camera did not record it (`asShotRecorded` false), the daylight ones stand in here and
    /// "as shot" renders with the auto white balance instead (resolveWhiteBalance).
    std::array<float, 3> asShotMultipliers{1, 1, 1};
    /// False when the file holds no as-shot balance: some cameras on auto white balance never
    /// store what they chose (LibRaw reports this as a red multiplier of −1, dcraw's "use my
    /// auto white balance"; the Canon EOS D30 is one).
    bool asShotRecorded = true;
    /// The auto white balance (estimateWhiteBalance), worked out once when the file is decoded
    /// so that renders need not; zeros when not worked out (it is then estimated on use).
    std::array<float, 3> autoMultipliers{0, 0, 0};
    /// Camera multipliers for daylight (D65-ish), normalised so green = 1; falls back to the
    /// as-shot ones when the camera does not record them.
    std::array<float, 3> daylightMultipliers{1, 1, 1};
    /// XYZ (D65) → camera RGB, rows R, G, B, as DNG's ColorMatrix or LibRaw's tables give it.
    Mat3 cameraFromXYZ = identity3();
    bool hasColorMatrix = false;
    /// DNG BaselineExposure (EV): how much the camera meant the data to be brightened.
    float baselineExposureEv = 0;
    bool hasBaselineExposure = false;  ///< the file carries the tag (even when it says 0)
    /// The lens corrections the DNG itself carries (OpcodeList3), applied by the lens stage.
    /// OpcodeList2's GainMap is applied by the decoder to `mosaic` already.
    DngLensOpcodes dngLens;
    /// Which code turned the file's raw data into sensor values: LibRaw's loader by its name
    /// ("lossless_jpeg_load_raw()") or "Rangefinder lossless JPEG". For bug reports and tests.
    std::string decoder;
};

struct DecodeOptions {
    /// Refuse images with more pixels than this before allocating (hostile headers). Counts
    /// the whole sensor area LibRaw unpacks, masked borders included. Default: the process's
    /// ResourceLimits::maxPixels.
    std::int64_t maxPixels = resourceLimits().maxPixels;
    /// Refuse images whose estimated working memory (decodeMemoryEstimate()) exceeds this,
    /// before allocating. Default: the process's ResourceLimits::maxDecodeBytes.
    std::int64_t maxMemoryBytes = resourceLimits().maxDecodeBytes;
    /// Decode to half size where LibRaw can do it cheaply (unused for Bayer: the fast
    /// demosaic does its own 2×2 binning).
    bool halfSize = false;
    /// Decode with Rangefinder's own loaders where they apply (lossless JPEG in CR2s and DNGs,
    /// uncompressed DNGs, Canon CRWs), which give LibRaw's values bit for bit in less time.
    /// Off: LibRaw's loaders throughout, for tests and benchmarks that compare the two.
    bool ownLoaders = true;
};

/// Decodes a raw file. Throws rf::Error naming the file and the reason (not a raw file,
/// unsupported camera, truncated data, over the pixel or memory limit, unreadable). Files
/// whose raw data cannot fit in the file, or that LibRaw reports any data error for, are
/// refused as truncated or corrupt rather than returned half decoded.
RawImage decodeRaw(const std::string& path, const DecodeOptions& options = {});

/// Reads metadata only (no pixel decoding): fast, for `info` and the library grid.
CaptureInfo readCaptureInfo(const std::string& path);

/// The largest embedded JPEG preview, as encoded bytes, without decoding the raw data.
/// Empty when the file has none. Throws rf::Error when the file cannot be opened.
std::vector<std::uint8_t> extractPreview(const std::string& path);

}  // namespace rf
