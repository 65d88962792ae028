// SPDX-License-Identifier: GPL-3.0-or-later
// Colour management. Camera RGB goes through the camera matrix into one linear, floating-point
// working space (Rec.2020 primaries, D65 white) where every adjustment happens; at the end an
// lcms2 transform takes the working space to the output profile (sRGB, Display P3 or Adobe
// RGB), whose ICC profile is embedded in every file written. lcms2 sits behind this header
// in one adapter (src/core/color/lcms_adapter.cpp) with RAII handles and a transform cache.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/raw.h"

namespace rf {

enum class OutputSpace { SRGB, DisplayP3, AdobeRGB };
enum class RenderingIntent { Perceptual, RelativeColorimetric };

// Their names, read and printed, are the export schema's choices: outputSpaceFromString and
// the others in export_schema.h.

/// XYZ (D65) ↔ the linear working space (Rec.2020, D65).
Mat3 workingFromXYZ();

/// The matrix taking white-balanced camera RGB to the linear working space: a white-balanced
/// neutral (1,1,1) maps to working white (1,1,1).
Mat3 workingFromCamera(const Mat3& cameraFromXYZ);

/// rgb ← m · rgb for every pixel of a 3-channel view.
void applyMatrix(ImageView rgb, const Mat3& m, const CancelToken* cancel = nullptr);

/// Working space (linear Rec.2020) → an output profile, encoded with that profile's transfer
/// curve, as floats in [0, 1]. Built once per (space, intent) and cached; thread-safe.
class OutputTransform {
  public:
    OutputTransform(OutputSpace space, RenderingIntent intent);
    ~OutputTransform();
    OutputTransform(const OutputTransform&) = delete;
    OutputTransform& operator=(const OutputTransform&) = delete;

    /// In place; values are clipped to [0, 1] after the transform. Runs a matrix + curve
    /// shortcut taken from (and verified against) the lcms2 transform when it is exact to
    /// 2e-4, which it is for every space here; otherwise the lcms2 transform itself.
    void apply(ImageView rgb, const CancelToken* cancel = nullptr) const;
    /// The same through lcms2 pixel by pixel: the reference (slow, ~10× slower).
    void applyExact(ImageView rgb, const CancelToken* cancel = nullptr) const;
    /// apply() without threads, for callers that run their own strips of rows in parallel
    /// (the pipeline's fused finishing pass); the same result.
    void applyRows(ImageView rows) const;
    bool usesFastPath() const;
    /// The 3×3 matrix the transform applies to linear working RGB before the output curve
    /// (every output space here is a matrix-shaper profile), as lcms2 computes it: what
    /// inverts an export exactly (a look's sRGB .cube reads pixels back into the working
    /// space with it).
    Mat3 matrix() const;
    /// The output profile as ICC bytes, to embed.
    const std::vector<std::uint8_t>& iccProfile() const;
    OutputSpace space() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// A shared, cached transform (profiles and lcms2 transforms are costly to build).
std::shared_ptr<const OutputTransform> outputTransform(OutputSpace space, RenderingIntent intent);

/// The ICC profile of an output space (for writers and tests).
std::vector<std::uint8_t> iccProfileFor(OutputSpace space);

/// How 8-bit display pixels are laid out in memory.
enum class DisplayPixels {
    RGB8,    ///< bytes R, G, B
    ARGB32,  ///< native-endian 32-bit words 0xAARRGGBB (alpha kept as it is)
};

/// Display colour management: a render, encoded in an output space, re-encoded for a
/// monitor described by its ICC profile (a calibrator's file) so the screen shows the
/// colours the output space means. It works on the 8-bit pixels sent to the screen, where
/// lcms2's optimised 8-bit transforms make it cheap enough for every preview frame, and
/// accepts any RGB display profile (matrix-shaper or table-based). Thread-safe.
class DisplayTransform {
  public:
    /// Reads the monitor profile from `iccPath`. Throws rf::Error naming the file when it
    /// cannot be read, is not an ICC profile or does not describe an RGB device.
    DisplayTransform(OutputSpace source, const std::string& iccPath,
                     RenderingIntent intent = RenderingIntent::Perceptual);
    ~DisplayTransform();
    DisplayTransform(const DisplayTransform&) = delete;
    DisplayTransform& operator=(const DisplayTransform&) = delete;

    /// In place on `height` rows of `width` pixels, `strideBytes` apart.
    void apply(std::uint8_t* pixels, int width, int height, std::ptrdiff_t strideBytes,
               DisplayPixels layout, const CancelToken* cancel = nullptr) const;
    /// The monitor profile's description ("" when it has none).
    const std::string& description() const;
    OutputSpace source() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rf
