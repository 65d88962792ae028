// SPDX-License-Identifier: GPL-3.0-or-later
// 3D colour look-up tables: the interchange format of colour grading. A look's colour
// transform is baked into one (so a preview pays a few table reads per pixel, whatever the
// look does), and photographers bring their own from other tools as Adobe/Resolve `.cube`
// files or Hald CLUT images. Values are floats and are kept as read, outside [0, 1] too;
// sampling is tetrahedral (exact for any linear map, neutral-preserving on a neutral LUT).
// A LUT may carry a 1D shaper in front of its grid (DaVinci Resolve's "1D shaper + 3D"
// .cube): a per-channel curve that spreads the grid's points evenly over input that is not,
// such as linear light, where a plain grid would spend most of its points on the highlights.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "rangefinder/parallel.h"

namespace rf {

class Lut3D {
  public:
    static constexpr int kMaxSize = 65;  ///< the largest LUT_3D_SIZE / Hald cube we read

    Lut3D() = default;
    /// An identity LUT of `size` points per axis (2 … kMaxSize).
    explicit Lut3D(int size);

    int size() const { return size_; }
    bool empty() const { return size_ == 0; }

    /// Grid point (r, g, b), red fastest as in .cube files: data()[3 * (r + n·g + n²·b) + c].
    float* at(int r, int g, int b) { return &data_[3 * (r + size_ * (g + size_ * b))]; }
    const float* at(int r, int g, int b) const { return &data_[3 * (r + size_ * (g + size_ * b))]; }
    std::vector<float>& data() { return data_; }
    const std::vector<float>& data() const { return data_; }

    /// The input range the grid spans (.cube DOMAIN_MIN / DOMAIN_MAX); inputs outside are
    /// clamped to it.
    Vec3 domainMin{0, 0, 0};
    Vec3 domainMax{1, 1, 1};
    std::string title;  ///< .cube TITLE, or the file name

    static constexpr int kMaxShaperSize = 65536;  ///< the largest LUT_1D_SIZE we read
    /// The 1D shaper run on each channel before the grid, as .cube lists it: shaperSize()
    /// entries of (r, g, b) spanning shaperMin … shaperMax (LUT_1D_INPUT_RANGE) evenly, read
    /// with linear interpolation, inputs outside the range clamped to it; its output is the
    /// grid's input. Empty: no shaper.
    std::vector<float> shaper;
    double shaperMin = 0, shaperMax = 1;
    int shaperSize() const { return int(shaper.size() / 3); }

    /// Tetrahedral interpolation at one colour (the reference; per setting, not per pixel).
    Vec3 sample(const Vec3& rgb) const;

    /// In place over a 3-channel view, tetrahedral, parallel. `mix` in [0, 1] blends the
    /// result with the input (a look's strength) in the same pass.
    void apply(ImageView rgb, float mix = 1.0f, const CancelToken* cancel = nullptr) const;

  private:
    int size_ = 0;
    std::vector<float> data_;
};

/// Reads an Adobe / Resolve .cube 3D LUT: TITLE, comments, LUT_3D_SIZE (2 … 65),
/// DOMAIN_MIN / DOMAIN_MAX or LUT_3D_INPUT_RANGE, and Resolve's 1D shaper (LUT_1D_SIZE,
/// 2 … kMaxShaperSize, and LUT_1D_INPUT_RANGE; its entries come first). A 1D LUT without a 3D
/// one is refused. Errors (a wrong number of entries, a value that is not a number, a size out
/// of range, an unknown keyword) throw rf::Error naming the file and the line.
Lut3D parseCube(const std::string& text, const std::string& source);
Lut3D readCube(const std::string& path);

/// Reads a Hald CLUT image (PNG or TIFF, 8 or 16 bit, level 2 … 8: an image of level L is
/// L³ × L³ pixels holding an L²-point cube; level 9 would exceed kMaxSize). Throws rf::Error
/// naming the file otherwise.
Lut3D readHaldClut(const std::string& path);

/// .cube or Hald by extension (".cube"; ".png" / ".tif" / ".tiff" for Hald).
Lut3D readLut(const std::string& path);

/// Writes a .cube (LUT_3D_SIZE, DOMAIN_MIN/MAX, TITLE) with `comments` as leading `#` lines,
/// atomically. A LUT with a shaper is written as Resolve writes one, which is what the readers
/// of shaper files accept: LUT_1D_SIZE, LUT_1D_INPUT_RANGE, LUT_3D_SIZE, LUT_3D_INPUT_RANGE
/// (one range for all channels: a per-channel domain is refused) and no TITLE, the title
/// becoming a comment. Throws rf::Error naming the file on failure.
void writeCube(const std::string& path, const Lut3D& lut,
               const std::vector<std::string>& comments = {});
/// The same text, for tests and for in-memory round trips.
std::string formatCube(const Lut3D& lut, const std::vector<std::string>& comments = {});

}  // namespace rf
