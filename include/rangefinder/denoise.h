// SPDX-License-Identifier: GPL-3.0-or-later
// Noise reduction. A sensor's noise is signal-dependent: photon (shot) noise grows with the
// light a site collects and read noise does not, so the variance of a linear raw value x is
// close to a·x + b (a Poisson–Gaussian model). The stage measures a and b per channel from
// the image it is about to denoise — no per-camera table, and the measurement follows the
// scale it runs at (a web export's downscaled image is quieter than the sensor). The sliders
// are relative to that measurement: 100 % removes the noise that was measured.
//
// The denoiser splits the white-balanced image into luminance and two colour differences and
// shrinks their undecimated (à-trous) wavelet coefficients against a threshold drawn from the
// model at each pixel's own brightness. Colour noise is blotchy and the eye forgives lost
// colour detail, so chroma is shrunk harder and over coarser scales than luminance, whose
// finest scale carries the texture a photographer wants kept (`detail`).
#pragma once

#include <array>
#include <cstdint>

#include "rangefinder/image.h"
#include "rangefinder/parallel.h"
#include "rangefinder/params.h"

namespace rf {

/// Variance of a (white-balanced) linear value x in channel c: a[c]·x + b[c], for noise that is
/// independent from pixel to pixel. Values are in the image's own units (1 = sensor clip).
struct NoiseModel {
    std::array<float, 3> a{0, 0, 0};    ///< shot noise: variance per unit of signal
    std::array<float, 3> b{0, 0, 0};    ///< read noise: variance at black
    float sigma(int c, float x) const;  ///< the standard deviation at x (never negative)
};

/// Measures the noise of a linear RGB image, multiplied by `gains` first (the white balance
/// when the image is unbalanced). In 8×8 patches the finest diagonal detail measures noise
/// plus texture; per brightness range the quietest patches are taken as noise alone, and a
/// line a·x + b is fitted to the ranges, leaving out those well above it. Ranges near the
/// clip are left out.
NoiseModel estimateNoise(ConstImageView rgb, const std::array<float, 3>& gains = {1, 1, 1},
                         const CancelToken* cancel = nullptr);

struct DenoiseParams {
    float luminance = 1;  ///< 0 … 2: multiple of the measured luminance noise removed
    float color = 1;      ///< 0 … 2: multiple of the measured colour noise removed
    float detail = 0.5f;  ///< 0 … 1: how much of the finest luminance texture is kept

    static DenoiseParams from(const EditDocument& doc);
    bool isIdentity() const;
};

/// Denoises a linear camera-RGB image; `dst` may be `src` (in place) or an image of its size.
/// `gains` multiply the values before (and divide them after), so the denoiser sees neutral as
/// equal channels. With both strengths 0 the result is the input, bit for bit. `model` is
/// estimateNoise(src, gains) when the caller kept it (a slider moved, the image did not);
/// otherwise it is measured here. Throws rf::Cancelled when `cancel` fires.
void denoise(ConstImageView src, ImageView dst, const DenoiseParams& p,
             const std::array<float, 3>& gains = {1, 1, 1}, const CancelToken* cancel = nullptr,
             const NoiseModel* model = nullptr);

namespace detail {
/// Images above this many pixels are denoised in bands of rows, with the levels' noise measured
/// once on the band holding the most flat patches (a 45 MP image then needs band-sized buffers,
/// not three full-size ones). 16 MP; tests lower it to compare the two ways on small images.
extern std::int64_t denoiseWholeImagePixels;
}  // namespace detail

}  // namespace rf
