// SPDX-License-Identifier: GPL-3.0-or-later
// The lens correction as a map: for a position of the corrected picture, where each colour
// plane is read from in the sensor frame, and the gain that undoes the vignetting there. The
// map is one function of the position in the full sensor frame (the decoded mosaic's pixel
// indices), whatever scale the picture is rendered at, so that a preview, a web export and a
// full-size export correct the same way. Two sources fill it: lensfun's calibration
// interpolated for the shot (its models and its coordinate normalisation, reproduced here and
// checked against lfModifier by test_lens_map), or a DNG's WarpRectilinear and
// FixVignetteRadial opcodes (DNG 1.4, "Opcode List Processing").
//
// The map includes a zoom about the frame's centre, chosen so that every edge pixel of the
// corrected frame reads from inside the sensor image: no empty border, nothing wasted
// (lensfun's "auto scale"). Orientation, straighten and crop happen on the corrected frame,
// so they compose with it into one resampling (`warpLens`).
#pragma once

#include <array>

#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/raw.h"

namespace rf::lens {

/// lensfun's calibration of one lens, interpolated for one shot, in lensfun's own terms.
struct LensfunCalibration {
    enum class Distortion { None, Poly3, Poly5, PTLens };
    enum class Tca { None, Linear, Poly3 };
    Distortion distortion = Distortion::None;
    std::array<double, 3> d{};  ///< k1 | k1, k2 | a, b, c
    Tca tca = Tca::None;
    std::array<double, 6> t{};  ///< lensfun's order: kr, kb | vr, vb, cr, cb, br, bb
    bool vignetting = false;
    std::array<double, 3> v{};  ///< pa model: k1, k2, k3
    double calibrationCrop = 1, calibrationAspect = 1.5;
    double centerX = 0, centerY = 0;  ///< the lens's optical-centre shift (normalised)
    double crop = 1;                  ///< the camera's crop factor
};

/// Output position → frame position: x = x0 + xu·u + xv·v, y = y0 + yu·u + yv·v.
struct Affine {
    double x0 = 0, xu = 1, xv = 0, y0 = 0, yu = 0, yv = 1;
};

class LensMap {
  public:
    /// No correction.
    LensMap() = default;
    /// lensfun's models for a frame of width × height sensor pixels, only the corrections
    /// switched on.
    static LensMap fromLensfun(const LensfunCalibration& c, int width, int height, bool distortion,
                               bool tca, bool vignetting);
    /// A DNG's opcodes (coordinates already in `width` × `height` mosaic pixels).
    static LensMap fromDng(const DngLensOpcodes& o, int width, int height, bool distortion,
                           bool tca, bool vignetting);

    bool warps() const { return warp_ != Warp::None; }
    bool vignettes() const { return vig_ != Vig::None; }
    bool identity() const { return !warps() && !vignettes(); }
    /// The planes are read from different positions (TCA).
    bool perChannel() const { return perChannel_; }
    double zoom() const { return zoom_; }
    int width() const { return width_; }
    int height() const { return height_; }

    /// Where the corrected frame's position (x, y) reads plane c from (frame pixel indices).
    void source(double x, double y, double xs[3], double ys[3]) const;
    /// The gain that undoes the vignetting at a source position (1 without).
    float gain(double x, double y) const;

  private:
    enum class Warp { None, Lensfun, Dng };
    enum class Vig { None, Lensfun, Dng };
    // The map without the zoom: corrected (already unzoomed) → source, per plane.
    void sourceUnzoomed(double x, double y, double xs[3], double ys[3]) const;
    void chooseZoom();

    int width_ = 0, height_ = 0;
    Warp warp_ = Warp::None;
    Vig vig_ = Vig::None;
    bool perChannel_ = false;
    bool distortion_ = false, tca_ = false;
    double zoom_ = 1;
    double cx_ = 0, cy_ = 0;  // the zoom's centre
    LensfunCalibration lf_;
    double lfScale_ = 1, lfCenterX_ = 0, lfCenterY_ = 0, lfVigScale_ = 1;
    DngWarpRectilinear dngWarp_;
    DngVignetteRadial dngVig_;
};

/// One resampling: output pixel (u, v) reads the frame position `outToFrame(u, v)` through
/// the lens map, each plane with its own Catmull-Rom sample of `src` (a 3-channel image of
/// the whole sensor frame at another scale: frame pixel index x is src's
/// (x + 0.5) · scaleX − 0.5), times the vignetting gain. `out` is resized to
/// outWidth × outHeight.
void warpLens(ConstImageView src, const LensMap& map, const Affine& outToFrame, double scaleX,
              double scaleY, int outWidth, int outHeight, Image& out,
              const CancelToken* cancel = nullptr);

}  // namespace rf::lens
