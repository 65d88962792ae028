// SPDX-License-Identifier: GPL-3.0-or-later
// DNG opcode lists (DNG 1.4 specification, chapter 7). A DNG can carry corrections that a
// reader must apply at fixed points of its processing: OpcodeList1 on the raw values as
// stored, OpcodeList2 once they are linear (black subtracted, scaled to 0…1: what
// RawImage::mosaic holds), OpcodeList3 after demosaicing. Phones and fixed-lens cameras put
// their lens shading there (GainMap, usually one per Bayer phase in OpcodeList2) and their
// distortion and vignetting (WarpRectilinear, FixVignetteRadial in OpcodeList3), instead of
// leaving them to a lens database. LibRaw 0.20 reads none of it.
//
// This file parses a list's bytes (big-endian whatever the file's byte order), applies a
// GainMap to a decoded image, and places the lens opcodes in its pixels. Every count and
// size is checked against the bytes actually there before anything is allocated or read:
// the list comes from the file, and the file may be hostile. The decoder
// (libraw_decoder.cpp) finds the lists in the raw IFD and decides what is applied.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rangefinder/image.h"
#include "rangefinder/limits.h"
#include "rangefinder/raw.h"

namespace rf::dng {

/// The largest opcode list read: real ones are a few KB (a phone's four gain maps) to a few
/// hundred KB (a bad pixel list). A larger list is refused unread.
inline constexpr std::int64_t kMaxOpcodeListBytes = 16 * kMiB;

enum OpcodeId : std::uint32_t {
    kWarpRectilinear = 1,
    kWarpFisheye = 2,
    kFixVignetteRadial = 3,
    kFixBadPixelsConstant = 4,
    kFixBadPixelsList = 5,
    kTrimBounds = 6,
    kMapTable = 7,
    kMapPolynomial = 8,
    kGainMap = 9,
    kDeltaPerRow = 10,
    kDeltaPerColumn = 11,
    kScalePerRow = 12,
    kScalePerColumn = 13,
    kWarpRectilinear2 = 14,
};

/// The name the specification gives an opcode id, or "opcode N".
std::string opcodeName(std::uint32_t id);

/// A GainMap's parameters as stored. The area (top, left, bottom, right) and the pitches are
/// in the pixels of the image the list applies to; the map's origin and spacing are fractions
/// of that image's height and width, and map point (0, 0) lies at the origin.
struct GainMap {
    std::uint32_t top = 0, left = 0, bottom = 0, right = 0;
    std::uint32_t plane = 0, planes = 1, rowPitch = 1, colPitch = 1;
    std::uint32_t pointsV = 1, pointsH = 1;
    double spacingV = 1, spacingH = 1, originV = 0, originH = 0;
    std::uint32_t mapPlanes = 1;
    std::vector<float> gains;  ///< [pointsV][pointsH][mapPlanes]
};

struct WarpRectilinear {
    std::uint32_t planes = 1;
    std::array<std::array<double, 6>, 3> coefficients{};
    double centerX = 0.5, centerY = 0.5;  ///< fractions of the image's width and height
};

struct VignetteRadial {
    std::array<double, 5> k{};
    double centerX = 0.5, centerY = 0.5;
};

struct Opcode {
    std::uint32_t id = 0;
    std::uint32_t version = 0;  ///< the DNG version the opcode was written for, as 4 bytes
    bool optional = false;      ///< a reader may skip it
    bool previewOnly = false;   ///< a reader may skip it when rendering a preview
    std::uint32_t byteCount = 0;
    /// Filled for the opcodes read (GainMap, WarpRectilinear, FixVignetteRadial) when their
    /// parameters make sense; otherwise `problem` says what is wrong with them.
    std::optional<GainMap> gainMap;
    std::optional<WarpRectilinear> warp;
    std::optional<VignetteRadial> vignette;
    std::string problem;
};

/// Parses OpcodeList`list` (1, 2 or 3) from its bytes. A list whose structure cannot be
/// trusted (cut short, more opcodes than bytes, an opcode running past the end) throws
/// rf::Error with no file name, saying which list and what is wrong; an opcode whose own
/// parameters are impossible (zero spacing, a map larger than its bytes, NaN) is returned
/// with `problem` set, for the caller to refuse or skip.
std::vector<Opcode> parseOpcodeList(int list, const std::uint8_t* data, std::size_t size);

/// Where a decoded image lies in the image an opcode list applies to (for OpcodeList2 and 3,
/// the raw IFD's active area): pixel (x, y) of the decoded image is pixel (x + x0, y + y0)
/// of an image `width` × `height`, at `scale` decoded pixels per opcode-image pixel.
struct Frame {
    double x0 = 0, y0 = 0;
    double width = 1, height = 1;
    double scale = 1;
};

/// A GainMap prepared for one decoded image (`width` × `height` × `channels`, placed by
/// `frame`), applied a row at a time, so that a decoder can apply it to each row it has just
/// written while the row is still in cache. What applyGainMap does, row by row; `map` must
/// outlive it. Rows the map does not select are left alone.
class GainMapRows {
  public:
    GainMapRows(const GainMap& map, int width, int height, int channels, const Frame& frame);
    /// Row `y` of the image, `width` × `channels` floats.
    void apply(float* row, int y) const;

  private:
    struct Run {
        int k0, k1;       // selected sites k0 … k1 − 1 of a row
        std::uint32_t i;  // the map point before them
        double a, b;      // fraction of the way to point i + 1: a + k · b
    };
    const GainMap* map_;
    std::int64_t x0_ = 0, y0_ = 0;
    double frameHeight_ = 1;
    std::int64_t rowBegin_ = 0, rowEnd_ = 0;  // frame rows; empty when nothing is selected
    int planeEnd_ = 0;
    std::ptrdiff_t stride_ = 0, firstSite_ = 0;
    std::vector<Run> runs_;
};

/// Multiplies the pixels of `image` (1 channel: a CFA mosaic, or 3: linear camera RGB) that
/// the map's area, planes and pitches select by the map's gain, interpolated bilinearly
/// between map points and held at the edge outside them, as the DNG SDK does; results are
/// clipped at 1 (the clipping point). Only for scale 1. Parallel over rows.
void applyGainMap(const GainMap& map, Image& image, const Frame& frame);

/// The lens opcodes in the decoded image's pixels: the centre from fractions of the opcode
/// image, the radius the largest distance from it to a corner of that image.
DngWarpRectilinear placeWarp(const WarpRectilinear& w, const Frame& frame);
DngVignetteRadial placeVignette(const VignetteRadial& v, const Frame& frame);

}  // namespace rf::dng
