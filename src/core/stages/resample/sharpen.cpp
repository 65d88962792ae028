// SPDX-License-Identifier: GPL-3.0-or-later
// Output sharpening: an unsharp mask on luminance. The detail signal L − blur(L) is computed
// on Rec.709 luminance of the display-encoded values and added equally to R, G and B, so
// edges gain contrast while hue and neutrality are untouched (sharpening each channel would
// draw coloured halos along saturated edges). A soft threshold, d · d² / (d² + t²), leaves
// differences well below t (noise, grain) alone and passes larger ones almost unchanged,
// without the visible step a hard threshold draws in smooth gradients.
//
// The Gaussian is OpenCV's (SIMD separable filter) applied to row strips inside
// rf::parallelFor. A strip is a ROI of the whole luminance plane and OpenCV reads its
// neighbours outside the ROI as the border, so strips join without seams. OpenCV's float
// separable filter does not thread by itself, so the pool alone decides the parallelism and
// a batch running one image per core is not oversubscribed; OpenCV's global thread setting
// is left alone because the core does not own it.
#include <algorithm>
#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/resample.h"

namespace rf {

namespace {

// Operands in the order that lets the vectoriser turn min/max into compare-and-blend.
inline float clamp01(float v) {
    return std::min(1.0f, std::max(0.0f, v));
}

}  // namespace

void sharpen(ImageView rgb, const SharpenParams& p, const CancelToken* cancel) {
    if (!p.enabled() || rgb.empty() || !(p.radius > 0)) return;
    if (!std::isfinite(p.amount) || !std::isfinite(p.radius) || !std::isfinite(p.threshold))
        throw Error("sharpen: parameters must be finite numbers");
    const int W = rgb.width, H = rgb.height, C = rgb.channels;
    const bool color = C >= 3;
    // Plane buffers are allocated once per call (uninitialised), never per pixel or strip.
    Image lumImg(W, H, 1), blurImg(W, H, 1);
    float* const lum = lumImg.data();
    float* const blur = blurImg.data();

    parallelFor(
        0, H,
        [&](int b, int e) {
            for (int y = b; y < e; ++y) {
                const float* s = rgb.row(y);
                float* l = lum + std::size_t(y) * W;
                if (color) {
                    for (int x = 0; x < W; ++x, s += C)
                        l[x] = 0.2126f * s[0] + 0.7152f * s[1] + 0.0722f * s[2];
                } else {
                    for (int x = 0; x < W; ++x, s += C) l[x] = s[0];
                }
            }
        },
        32, cancel);

    const cv::Mat lumM(H, W, CV_32F, lum);
    cv::Mat blurM(H, W, CV_32F, blur);
    const double sigma = p.radius;
    const float amount = p.amount;
    const float t2 = p.threshold * p.threshold;

    parallelFor(
        0, H,
        [&](int b, int e) {
            std::vector<float> add3(C == 3 ? 3 * std::size_t(W) : 0);  // one per strip
            cv::Mat dst = blurM.rowRange(b, e);
            cv::GaussianBlur(lumM.rowRange(b, e), dst, cv::Size(0, 0), sigma, sigma,
                             cv::BORDER_REFLECT_101);
            for (int y = b; y < e; ++y) {
                const float* l = lum + std::size_t(y) * W;
                // The blurred row is overwritten by the detail to add: a plain float loop
                // the compiler vectorises, apart from the per-channel one below.
                float* add = blur + std::size_t(y) * W;
                if (t2 > 0) {
                    for (int x = 0; x < W; ++x) {
                        const float d = l[x] - add[x], d2 = d * d;
                        // d2 + t2 > 0 whenever t2 > 0.
                        add[x] = amount * d * (d2 / (d2 + t2));
                    }
                } else {
                    for (int x = 0; x < W; ++x) add[x] = amount * (l[x] - add[x]);
                }
                float* o = rgb.row(y);
                if (C == 3) {
                    // Spread the detail over the three channels first: a flat loop over the
                    // row then vectorises, clamp included (the strided form compiles to
                    // compare-and-jump, which mispredicts on textured images).
                    for (int x = 0; x < W; ++x)
                        add3[3 * x] = add3[3 * x + 1] = add3[3 * x + 2] = add[x];
                    for (int i = 0; i < 3 * W; ++i) o[i] = clamp01(o[i] + add3[i]);
                } else {
                    const int nc = color ? 3 : 1;
                    for (int x = 0; x < W; ++x, o += C)
                        for (int c = 0; c < nc; ++c) o[c] = clamp01(o[c] + add[x]);
                }
            }
        },
        32, cancel);
}

}  // namespace rf
