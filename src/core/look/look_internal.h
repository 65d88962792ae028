// SPDX-License-Identifier: GPL-3.0-or-later
// The look engine's insides, shared by its translation units and its tests: the colour model
// prepared once per setting (the curve's coefficients, the hue bands, the loaded external LUT),
// Oklab on linear Rec.2020, the baked-LUT cache and the cache of parsed LUT files.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "rangefinder/look.h"

namespace rf::look {

/// The sRGB transfer curve, extended to negative values by its linear segment (values a LUT
/// returns may lie slightly outside [0, 1]): the look encoding's curve.
double encode(double linear);
double decode(double encoded);

/// Linear Rec.2020 → linear RGB of a LUT encoding's primaries (rows normalised: white stays
/// white).
Mat3 rec2020ToPrimaries(LutEncoding e);

/// Linear Rec.2020 (D65) ↔ Oklab (L in 0 … 1, a and b about ±0.4).
Vec3 oklabFromLinear(const Vec3& rgb);
Vec3 linearFromOklab(const Vec3& lab);

/// The Oklab hue, in degrees, at the centre of each hue band (ascending).
const std::array<double, kHueBands>& hueBandCentres();

/// The look curve on display-encoded values in [0, 1]: a monotone cubic through the
/// photographer's points, or the parametric S with brightness, toe and shoulder.
class ToneShape {
  public:
    explicit ToneShape(const LookParams& p);
    double operator()(double x) const;

  private:
    double parametric(double x) const;
    double spline(double x) const;

    bool custom_ = false;
    std::vector<double> xs_, ys_, ms_;  // points and Fritsch–Carlson tangents
    double contrast_ = 0, pivot_ = 0.5, gamma_ = 1;
    double inBlack_ = 0, inWhite_ = 1, outBlack_ = 0, outWhite_ = 1;
};

/// Everything the colour transform needs, prepared once per setting (lookColour prepares it
/// per call; a bake prepares it once for the whole grid).
struct ColorModel {
    explicit ColorModel(const LookParams& p);
    /// The transform at one look-encoded colour (clamped to [0, 1]), look-encoded out.
    Vec3 operator()(const Vec3& encoded) const;
    /// The same with display-linear output (what the baked LUT holds).
    Vec3 linear(const Vec3& encoded) const;

    bool mono = false;
    Vec3 monoMix{};
    bool hasCurve = false;
    ToneShape curve;
    double curveBlack = 0;  // curve(0): where the norm's scaling starts
    bool oklab = false;     // saturation, vibrance, bands, split toning or warmth active
    double satScale = 1, vibrance = 0;
    bool bands = false;
    std::array<LookParams::Band, kHueBands> band{};
    bool split = false;
    double splitPoint = 0.5;
    Vec3 shadowTint{}, highlightTint{};  // Oklab (·, a, b) at full weight
    bool warm = false;
    Vec3 warmTint{};  // Oklab (·, a, b) offset at L = 1
    std::shared_ptr<const Lut3D> lut;
    Mat3 lutFromLook{}, lookFromLut{};  // linear Rec.2020 ↔ the LUT's primaries
};

/// Fills an n³ grid by evaluating `eval` at every point of [0, 1]³ (red fastest), one blue
/// slice per task; `store(r, g, b, value)` keeps each result.
template <class Eval, class Store>
void bakeGrid(const Eval& eval, int n, const Store& store) {
    const double step = 1.0 / (n - 1);
    parallelFor(
        0, n,
        [&](int b0, int b1) {
            for (int b = b0; b < b1; ++b)
                for (int g = 0; g < n; ++g)
                    for (int r = 0; r < n; ++r)
                        store(r, g, b, eval({r * step, g * step, b * step}));
        },
        1);
}

/// What a baked grid's axes are: look-encoded values (bakedLookLut's contract), or the square
/// root of display-linear values (the stage's own grid: √ is one vector instruction per
/// channel where the sRGB curve costs a table read, and spaces the grid as evenly in
/// lightness).
enum class GridInput { Encoded, SqrtLinear };

/// A baked look: the Lut3D (display-linear out) and the same grid with each point padded to
/// four floats, which the stage reads with one unaligned 16-byte load per corner.
struct BakedLook {
    Lut3D lut;
    std::vector<float> rgba;
};
std::shared_ptr<const BakedLook> bakedLook(const LookParams& p, int size, GridInput input);

/// LUT files are read whole, so anything far larger than a real one is refused before it costs
/// memory: a 65-point .cube written with nine significant digits is about 14 MB of text, and a
/// level-8 Hald CLUT (512 × 512 pixels) about 2 MB as uncompressed 16-bit RGBA.
inline constexpr std::uintmax_t kMaxCubeFileBytes = std::uintmax_t(64) << 20;
inline constexpr std::uintmax_t kMaxHaldFileBytes = std::uintmax_t(32) << 20;

/// Why `path` cannot be read as a LUT file, from its metadata alone (nothing is opened, so a
/// device or a FIFO costs nothing): it does not exist, is not a regular file, or is larger than
/// the cap for its extension. "" when it can be read. Symbolic links are followed.
std::string lutFileProblem(const std::string& path);

/// A LUT file's bytes. The file is opened without blocking (a FIFO would wait for a writer) and
/// refused unless the file opened is a regular one within `maxBytes`; the read stops at the cap
/// too, for a file that grows meanwhile. rf::Error names the file and, for `kind` ("a .cube
/// LUT"), the cap.
std::string readLutFileBytes(const std::string& path, std::uintmax_t maxBytes, const char* kind);

/// A parsed LUT file, cached by path and modification time (re-read when the file changes).
std::shared_ptr<const Lut3D> lutFile(const std::string& path);
/// What identifies the current contents of a LUT file in the bake cache's key.
std::uint64_t lutFileVersion(const std::string& path);
/// Makes `path` read as `lut` (nullptr: back to the file). Tests use this to run external
/// LUTs built in memory; each call changes the path's version so earlier bakes are not reused.
void overrideLutFile(const std::string& path, std::shared_ptr<const Lut3D> lut);

/// Makes applyLook run its baseline x86-64 row function even where the AVX2 one could run
/// (tests compare the two).
void useBaselineKernel(bool baselineOnly);

/// The look stage one strip of rows at a time: applyLook runs it over the whole frame, the
/// pipeline's fused finishing pass on a few rows at a time while they are in cache. Prepared
/// once per setting and frame size (the bake, the vignette and grain tables), then applied
/// serially to strips of that frame, from any number of threads.
class StripRenderer {
  public:
    StripRenderer(const LookParams& p, int frameWidth, int frameHeight);
    ~StripRenderer();
    StripRenderer(const StripRenderer&) = delete;
    StripRenderer& operator=(const StripRenderer&) = delete;

    /// Applying changes nothing (LookParams::isIdentity()).
    bool identity() const;
    /// In place on the frame's rows [y0, y0 + rows.height); rows.width is the frame's width.
    void apply(ImageView rows, int y0) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace rf::look
