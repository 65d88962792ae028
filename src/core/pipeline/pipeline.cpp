// SPDX-License-Identifier: GPL-3.0-or-later
// The pipeline's plan decides, before any pixel is touched, which demosaic path runs and what
// each cached stage's key is: a stage's key folds in the key of the stage before it, so a
// change anywhere upstream invalidates everything downstream and nothing else.
#include "rangefinder/pipeline.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <mutex>

#include "pipeline/finishing.h"
#include "rangefinder/demosaic.h"
#include "rangefinder/denoise.h"
#include "rangefinder/error.h"
#include "rangefinder/geometry.h"
#include "rangefinder/lens.h"
#include "rangefinder/look.h"
#include "rangefinder/tone.h"
#include "rangefinder/whitebalance.h"
#include "stages/lens/lens_stage.h"

namespace rf {

namespace {

std::uint64_t combine(std::uint64_t a, std::uint64_t b) {
    return a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
}

// reconstructHighlights leaves a pixel alone unless a balanced channel reaches 96 % of its
// ceiling m[c], i.e. unless the unbalanced value reaches 0.96 (the balance is a gain on both
// sides). Below this peak, with a margin for the rounding of the 2×2 green average, the
// highlight stage is the identity whatever the white balance.
constexpr float kNoHighlightWork = 0.95f;

// 2×2 box average of a 3-channel image: the "half size" path for sensors that arrive
// already demosaiced, so they cost no more than a Bayer sensor's superpixel path.
void halveLinear(ConstImageView in, Image& out) {
    const int w = in.width / 2, h = in.height / 2;
    out.resize(w, h, 3);
    parallelFor(0, h, [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            const float* a = in.row(2 * y);
            const float* b = in.row(2 * y + 1);
            float* o = out.row(y);
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < 3; ++c)
                    o[3 * x + c] =
                        0.25f * (a[6 * x + c] + a[6 * x + 3 + c] + b[6 * x + c] + b[6 * x + 3 + c]);
        }
    });
}

// The largest value of an image (0 if none is positive). Eight running maxima per row, each
// over its own lanes, so the loop vectorises without reassociating anything.
float peakOf(ConstImageView img, const CancelToken* cancel) {
    std::mutex mutex;
    float peak = 0;
    parallelFor(
        0, img.height,
        [&](int y0, int y1) {
            float lane[8] = {0, 0, 0, 0, 0, 0, 0, 0};
            const int n = img.width * img.channels;
            for (int y = y0; y < y1; ++y) {
                const float* d = img.row(y);
                int i = 0;
                for (; i + 8 <= n; i += 8)
                    for (int j = 0; j < 8; ++j) lane[j] = d[i + j] > lane[j] ? d[i + j] : lane[j];
                for (; i < n; ++i) lane[0] = d[i] > lane[0] ? d[i] : lane[0];
            }
            std::lock_guard lock(mutex);
            for (float v : lane) peak = v > peak ? v : peak;
        },
        64, cancel);
    return peak;
}

// A camera without a known matrix is treated as if its primaries were sRGB's: plausible
// colour rather than none.
Mat3 cameraMatrixOf(const RawImage& r) {
    return r.hasColorMatrix ? r.cameraFromXYZ : inverse(xyzFromLinearSRGB());
}

}  // namespace

struct Pipeline::Plan {
    bool half = false;
    // Full size by the gradient-corrected filter instead of the high-quality one: the output
    // is small enough that the resize hides the difference (see plan()).
    bool gradient = false;
    bool oneShot = false;  // the caller takes the result and drops the caches
    // Demosaic, highlights and resize in bands (resizeRows): the full-size developed image
    // is never held. Only for a one-shot render (nothing to cache) without geometry.
    bool banded = false;
    // White balance commutes with the demosaic (the half-size superpixel is linear; non-Bayer
    // data needs none) and is not followed by a clip, so the unbalanced demosaic can be cached.
    bool commutes = false;
    int developedWidth = 0, developedHeight = 0;
    int geometryWidth = 0, geometryHeight = 0;  // after geometry, at developed scale
    int outWidth = 0, outHeight = 0;
    Multipliers wb{1, 1, 1};
    HighlightMode highlights = HighlightMode::Reconstruct;
    GeometryParams geometry;
    // The lens correction's map when one applies: the shape step then resamples once through
    // geometry and lens together (shapeWithLens).
    std::shared_ptr<const lens::LensMap> lens;
    std::uint64_t baseKey = 0, developKey = 0;
    std::uint64_t shapeParams = 0;  // crop and output size; the shaped key adds its source's
};

void validateEdits(const EditDocument& edits) {
    GeometryParams::from(edits).validate();
}

struct Pipeline::LensCache {
    std::mutex mutex;
    bool valid = false;
    LensParams params;
    lens::Resolved resolved;
};

Pipeline::Pipeline(std::shared_ptr<const RawImage> raw)
    : raw_(std::move(raw)), lensCache_(std::make_shared<LensCache>()) {
    if (!raw_ || raw_->mosaic.empty()) throw Error("pipeline needs a decoded raw image");
}

LensProfile Pipeline::lensProfile(const EditDocument& edits) const {
    LensParams p = LensParams::from(edits);
    // The profile is reported even with every correction off: the app shows what it would use.
    if (p.isIdentity()) p.distortion = p.tca = p.vignetting = true;
    return findLensProfile(*raw_, p);
}

Mat3 Pipeline::workingMatrix() const {
    Mat3 m = workingFromCamera(cameraMatrixOf(*raw_));
    // DNG BaselineExposure: how bright the camera meant the data to be rendered.
    const double gain = std::exp2(double(raw_->baselineExposureEv));
    for (auto& row : m)
        for (double& v : row) v *= gain;
    return m;
}

ToneParams Pipeline::toneParams(const EditDocument& edits) const {
    ToneParams p = ToneParams::from(edits);
    p.placementEv = exposurePlacement(*raw_);
    p.sensorWhite = float(std::exp2(double(raw_->baselineExposureEv)));
    return p;
}

Pipeline::Plan Pipeline::plan(const EditDocument& edits, const RenderOptions& options) const {
    Plan p;
    const RawImage& r = *raw_;
    const int sensorW = r.mosaic.width(), sensorH = r.mosaic.height();
    p.geometry = GeometryParams::from(edits);

    // The size the photographer asked for is relative to the full-resolution frame.
    int fullGeoW = 0, fullGeoH = 0;
    geometryOutputSize(sensorW, sensorH, r.info.orientation, p.geometry, fullGeoW, fullGeoH);
    targetSize(fullGeoW, fullGeoH, options.size, p.outWidth, p.outHeight);

    const DemosaicChoice method = DemosaicParams::from(edits).method;
    if (method == DemosaicChoice::Fast)
        p.half = true;
    else if (method == DemosaicChoice::HighQuality)
        p.half = false;
    else  // A web export must not pay for a full-resolution demosaic it will throw away.
        p.half = 2 * p.outWidth <= fullGeoW && 2 * p.outHeight <= fullGeoH;
    p.half = p.half && sensorW >= 4 && sensorH >= 4;
    // Between half and 0.6 of the sensor (a 2048 px JPEG of an 8 MP camera) the resize's
    // Lanczos filter spans ~1.7 sensor sites per output pixel and averages away most of what
    // separates the gradient-corrected filter from the high-quality one: at 2048 px on the
    // Canon EOS 30D the two differ less than the web JPEG's own encoding error (mean CIEDE2000
    // 1.06 against 1.37, PSNR 46.4 against 42.2 dB; test_web_demosaic). "hq" always gets
    // the high-quality path.
    p.gradient = method == DemosaicChoice::Auto && !p.half && r.layout == SensorLayout::Bayer &&
                 sensorW >= 4 && sensorH >= 4 && 5 * p.outWidth <= 3 * fullGeoW &&
                 5 * p.outHeight <= 3 * fullGeoH;
    p.oneShot = options.oneShot;
    {
        const LensParams lensParams = LensParams::from(edits);
        std::lock_guard lock(lensCache_->mutex);
        LensCache& c = *lensCache_;
        if (!c.valid || c.params.distortion != lensParams.distortion ||
            c.params.tca != lensParams.tca || c.params.vignetting != lensParams.vignetting ||
            c.params.camera != lensParams.camera || c.params.lens != lensParams.lens) {
            c.resolved = lens::resolve(r, lensParams);
            c.params = lensParams;
            c.valid = true;
        }
        p.lens = c.resolved.map;
    }
    // With a lens correction too: without geometry the bands' resize gives the sensor frame at
    // the output's scale, which is what the lens's one resampling reads (shape()).
    p.banded = p.gradient && p.oneShot && p.geometry.isIdentity() && r.info.orientation == 1 &&
               p.outWidth <= sensorW && p.outHeight < sensorH;

    p.developedWidth = p.half ? sensorW / 2 : sensorW;
    p.developedHeight = p.half ? sensorH / 2 : sensorH;
    geometryOutputSize(p.developedWidth, p.developedHeight, r.info.orientation, p.geometry,
                       p.geometryWidth, p.geometryHeight);

    p.wb = resolveWhiteBalance(r, WhiteBalanceParams::from(edits));
    p.highlights = HighlightParams::from(edits).mode;
    p.commutes =
        (p.half || r.layout != SensorLayout::Bayer) && p.highlights == HighlightMode::Reconstruct;
    p.baseKey = combine(0x6261736500000000ull, p.half ? 1 : 2);
    // Each cached level is keyed by the parameters of the stages its scope holds (their
    // declarations say which), and by the level before it.
    p.developKey = combine(edits.hashKeys(scopeKeys(ParamScope::Develop)), p.half       ? 1
                                                                           : p.gradient ? 3
                                                                                        : 2);
    p.shapeParams = combine(edits.hashKeys(scopeKeys(ParamScope::Shape)),
                            std::uint64_t(p.outWidth) << 32 | std::uint32_t(p.outHeight));
    return p;
}

void Pipeline::demosaicUnbalanced(const Plan& p, const CancelToken* cancel) {
    const RawImage& r = *raw_;
    baseKey_ = 0;  // as in develop(): never trust a half-written buffer
    if (r.layout == SensorLayout::Bayer)
        demosaicHalf(r.mosaic.cview(), r.cfa, base_, cancel);
    else if (p.half)
        halveLinear(r.mosaic.cview(), base_);
    else
        base_ = r.mosaic;
    basePeak_ = peakOf(base_.cview(), cancel);
    baseKey_ = p.baseKey;
    ++stats_.demosaiced;
}

void Pipeline::develop(const Plan& p, const CancelToken* cancel) {
    const RawImage& r = *raw_;
    // Invalidate first: a cancelled run leaves half-written buffers that must never be
    // mistaken for the result of the parameters they held before.
    developedKey_ = 0;
    shapedKey_ = 0;
    if (p.banded) {  // shape() develops band by band
        developed_ = Image();
        scratch_ = Image();
        developedKey_ = p.developKey;
        ++stats_.developed;
        return;
    }
    if (p.commutes) {
        // Balance the cached demosaic: the same as balancing the raw before it, to rounding.
        developed_ = base_;
        applyWhiteBalance(developed_.view(), SensorLayout::Linear, r.cfa, p.wb, p.highlights,
                          cancel);
    } else if (r.layout == SensorLayout::Bayer) {
        // The demosaic white-balances as it reads the shared, never-changing decoded mosaic:
        // no full-size balanced copy (180 MB at 45 MP).
        const MosaicGains gains{p.wb, p.highlights == HighlightMode::Clip};
        if (p.half)
            demosaicHalf(r.mosaic.cview(), r.cfa, gains, developed_, cancel);
        else if (p.gradient)
            demosaicGradient(r.mosaic.cview(), r.cfa, gains, developed_, cancel);
        else
            demosaicFull(r.mosaic.cview(), r.cfa, gains, developed_, cancel);
    } else {
        // White balance works on a copy: the decoded raw is shared and never changes.
        scratch_ = r.mosaic;
        applyWhiteBalance(scratch_.view(), r.layout, r.cfa, p.wb, p.highlights, cancel);
        if (p.half)
            halveLinear(scratch_.cview(), developed_);
        else
            std::swap(developed_, scratch_);
        if (p.oneShot) scratch_ = Image();
    }
    if (p.highlights == HighlightMode::Reconstruct)
        reconstructHighlights(developed_.view(), p.wb, cancel);
    developedKey_ = p.developKey;
    ++stats_.developed;
}

void Pipeline::shape(const Plan& p, const Image& source, std::uint64_t key,
                     const CancelToken* cancel) {
    shapedKey_ = 0;  // as in develop(): never trust a half-written buffer
    if (p.banded) {
        const RawImage& r = *raw_;
        const MosaicGains gains{p.wb, p.highlights == HighlightMode::Clip};
        const ConstImageView mosaic = r.mosaic.cview();
        resizeRows(
            mosaic.width, mosaic.height, 3,
            [&](int y0, int y1, ImageView rows) {
                demosaicGradientRows(mosaic, r.cfa, gains, y0, y1, rows);
                if (p.highlights == HighlightMode::Reconstruct)
                    reconstructHighlights(rows, p.wb, cancel);
            },
            p.outWidth, p.outHeight, p.lens ? scratch_ : shaped_, cancel);
        if (p.lens) {
            double a[6];
            outputToSensor(p, a);
            lens::warpLens(scratch_.cview(), *p.lens, {a[0], a[1], a[2], a[3], a[4], a[5]},
                           double(p.outWidth) / mosaic.width, double(p.outHeight) / mosaic.height,
                           p.outWidth, p.outHeight, shaped_, cancel);
            scratch_ = Image();
        }
        shapedKey_ = key;
        ++stats_.geometry;
        return;
    }
    if (p.lens) {
        shapeWithLens(p, source, cancel);
    } else {
        shapeWithoutLens(p, source, cancel);
    }
    if (p.oneShot) {  // the full-size intermediates go before the finishing stages run
        developed_ = Image();
        developedKey_ = 0;
        base_ = Image();
        baseKey_ = 0;
        scratch_ = Image();
    }
    shapedKey_ = key;
    ++stats_.geometry;
}

void Pipeline::outputToSensor(const Plan& p, double affine[6]) const {
    // Output pixel → geometry's output at the developed scale → developed image → sensor
    // frame. Each step is affine (the geometry is orientation, rotation and crop), so three
    // points give the whole map.
    const RawImage& r = *raw_;
    const double sx = double(p.geometryWidth) / p.outWidth;
    const double sy = double(p.geometryHeight) / p.outHeight;
    const double k = p.half ? 2 : 1;
    double fx[3], fy[3];
    const double us[3] = {0, 1, 0}, vs[3] = {0, 0, 1};
    for (int i = 0; i < 3; ++i) {
        double dx, dy;
        geometryMapToInput(p.developedWidth, p.developedHeight, r.info.orientation, p.geometry,
                           (us[i] + 0.5) * sx - 0.5, (vs[i] + 0.5) * sy - 0.5, dx, dy);
        fx[i] = (dx + 0.5) * k - 0.5;
        fy[i] = (dy + 0.5) * k - 0.5;
    }
    const double a[6] = {fx[0], fx[1] - fx[0], fx[2] - fx[0], fy[0], fy[1] - fy[0], fy[2] - fy[0]};
    std::copy(a, a + 6, affine);
}

// With a lens correction, the developed image (sensor frame) is first brought to the scale of
// the output, then one resampling maps every output pixel through geometry and the lens to
// its sensor position, per plane, and applies the vignetting gain there: one interpolation,
// computed at the size being rendered.
void Pipeline::shapeWithLens(const Plan& p, const Image& source, const CancelToken* cancel) {
    ConstImageView src = source.cview();
    const double scale = std::min(1.0, std::max(double(p.outWidth) / p.geometryWidth,
                                                double(p.outHeight) / p.geometryHeight));
    if (scale < 1) {
        const int w = std::max(4, int(std::lround(src.width * scale)));
        const int h = std::max(4, int(std::lround(src.height * scale)));
        if (w < src.width && h < src.height) {
            resize(src, w, h, scratch_, cancel);
            src = scratch_.cview();
        }
    }
    const double k = p.half ? 2 : 1;
    double a[6];
    outputToSensor(p, a);
    lens::warpLens(src, *p.lens, {a[0], a[1], a[2], a[3], a[4], a[5]},
                   src.width / (p.developedWidth * k), src.height / (p.developedHeight * k),
                   p.outWidth, p.outHeight, shaped_, cancel);
}

void Pipeline::shapeWithoutLens(const Plan& p, const Image& source, const CancelToken* cancel) {
    const GeometryParams& g = p.geometry;
    ConstImageView src = source.cview();
    if (!g.isIdentity() || raw_->info.orientation != 1) {
        applyGeometry(src, raw_->info.orientation, g, scratch_, cancel);
        src = scratch_.cview();
    }
    if (src.width == p.outWidth && src.height == p.outHeight) {
        if (src.data != source.data()) {
            std::swap(shaped_, scratch_);
        } else if (p.oneShot) {
            // Nothing will render from the source again: hand it over instead of copying it
            // (a full-size RGB buffer, 545 MB at 45 MP).
            const bool base = &source == &base_;
            shaped_ = std::move(base ? base_ : developed_);
            (base ? base_ : developed_) = Image();
            (base ? baseKey_ : developedKey_) = 0;
        } else {
            shaped_ = source;
        }
    } else {
        resize(src, p.outWidth, p.outHeight, shaped_, cancel);
    }
}

Mat3 Pipeline::shapeFor(const Plan& p, const CancelToken* cancel, std::array<float, 3>* folded) {
    Mat3 matrix = workingMatrix();
    if (folded) *folded = {1, 1, 1};
    const Image* source = &developed_;
    std::uint64_t sourceKey = p.developKey;
    if (p.commutes && (base_.empty() || baseKey_ != p.baseKey)) demosaicUnbalanced(p, cancel);
    if (p.commutes && basePeak_ < kNoHighlightWork) {
        for (auto& row : matrix)
            for (int c = 0; c < 3; ++c) row[c] *= double(p.wb[c]);
        if (folded) *folded = p.wb;
        source = &base_;
        sourceKey = p.baseKey;
    } else if (developed_.empty() || developedKey_ != p.developKey) {
        develop(p, cancel);
    }
    const std::uint64_t shapeKey = combine(sourceKey, p.shapeParams);
    if (shaped_.empty() || shapedKey_ != shapeKey) shape(p, *source, shapeKey, cancel);
    return matrix;
}

Image Pipeline::sceneLinear(const EditDocument& edits, const OutputSize& size,
                            const CancelToken* cancel) {
    std::lock_guard lock(mutex_);
    RenderOptions options;
    options.size = size;
    const Plan p = plan(edits, options);
    const Mat3 matrix = shapeFor(p, cancel);
    Image out = shaped_;
    applyMatrix(out.view(), matrix, cancel);
    return out;
}

RenderResult Pipeline::render(const EditDocument& edits, const RenderOptions& options,
                              const CancelToken* cancel) {
    std::lock_guard lock(mutex_);
    const Plan p = plan(edits, options);
    // Read first: a malformed look (a missing LUT file) fails before any pixel work.
    const LookParams look = LookParams::from(edits, options.lookDirs);

    // Geometry, resize and the camera matrix are linear, so the matrix commutes with them
    // exactly and runs last, in the finishing pass, on output pixels. White balance is a
    // diagonal matrix: where nothing else stands between it and the camera matrix, it joins
    // that matrix and the cached images stay unbalanced.
    Multipliers folded{1, 1, 1};
    const Mat3 matrix = shapeFor(p, cancel, &folded);

    // Noise reduction works on balanced values (neutral = equal channels), balanced by the
    // camera's own (as-shot) balance rather than the photographer's: near enough to neutral
    // for separating luminance from colour noise, and fixed for the photo. Where the balance
    // joined the matrix (the shaped image is unbalanced) a white-balance slider then re-runs
    // only the finishing, as it does without noise reduction; where the shaped image carries
    // the photographer's balance, that is undone for the denoiser, so both paths denoise the
    // same values. Off, the finishing reads the shaped image itself.
    const DenoiseParams denoiseParams = DenoiseParams::from(edits);
    const bool denoising = !denoiseParams.isIdentity();
    const bool unbalanced = folded[0] != 1 || folded[1] != 1 || folded[2] != 1;
    const Multipliers reference = resolveWhiteBalance(*raw_, WhiteBalanceParams{});
    std::array<float, 3> gains{};
    for (int c = 0; c < 3; ++c) gains[c] = unbalanced ? reference[c] : reference[c] / p.wb[c];
    Image* finishFrom = &shaped_;
    if (denoising && options.oneShot) {
        // Nothing renders from the shaped image again: denoise it in place.
        shapedKey_ = 0;
        denoise(shaped_.cview(), shaped_.view(), denoiseParams, gains, cancel);
        ++stats_.denoised;
    } else if (denoising) {
        std::uint64_t key = combine(shapedKey_, edits.hashKeys(scopeKeys(ParamScope::Detail)));
        for (float g : gains) key = combine(key, std::bit_cast<std::uint32_t>(g));
        if (denoised_.empty() || denoisedKey_ != key) {
            denoisedKey_ = 0;  // as in develop(): never trust a half-written buffer
            // The noise is measured once per shaped image: a noise slider does not move it.
            std::uint64_t modelKey = shapedKey_;
            for (float g : gains) modelKey = combine(modelKey, std::bit_cast<std::uint32_t>(g));
            if (noiseKey_ != modelKey) {
                noiseKey_ = 0;
                noise_ = estimateNoise(shaped_.cview(), gains, cancel);
                noiseKey_ = modelKey;
            }
            denoised_.resize(shaped_.width(), shaped_.height(), shaped_.channels());
            denoise(shaped_.cview(), denoised_.view(), denoiseParams, gains, cancel, &noise_);
            denoisedKey_ = key;
            ++stats_.denoised;
        }
        finishFrom = &denoised_;
    }

    RenderResult result;
    result.halfSizeDemosaic = p.half;
    if (options.oneShot) {
        result.rgb = std::move(shaped_);
        shaped_ = Image();
        shapedKey_ = 0;
        denoised_ = Image();
        denoisedKey_ = 0;
    } else {
        result.rgb.resize(finishFrom->width(), finishFrom->height(), finishFrom->channels());
    }
    result.transform = outputTransform(options.space, options.intent);
    finishing::run(options.oneShot ? result.rgb.cview() : finishFrom->cview(), result.rgb.view(),
                   matrix, toneParams(edits), look, *result.transform, cancel);
    if (options.sharpen.enabled()) sharpen(result.rgb.view(), options.sharpen, cancel);
    ++stats_.finished;
    return result;
}

void Pipeline::outputSize(const EditDocument& edits, const RenderOptions& options, int& width,
                          int& height) const {
    const Plan p = plan(edits, options);
    width = p.outWidth;
    height = p.outHeight;
}

EditDocument Pipeline::whiteBalanceFromRegion(const EditDocument& edits,
                                              const RenderOptions& options, const Rect& region) {
    std::lock_guard lock(mutex_);
    const Plan p = plan(edits, options);
    // Where white balance commutes with the demosaic, the cached unbalanced demosaic is the
    // sensor's own response; otherwise the balance is undone below.
    const Image* image = &developed_;
    Multipliers undo = p.wb;
    if (p.commutes) {
        if (base_.empty() || baseKey_ != p.baseKey) demosaicUnbalanced(p, nullptr);
        image = &base_;
        undo = {1, 1, 1};
    } else if (developed_.empty() || developedKey_ != p.developKey) {
        develop(p, nullptr);
    }
    if (region.width <= 0 || region.height <= 0) throw Error("the neutral patch is empty");
    // Output pixels → geometry output (before the resize) → developed image.
    const double sx = double(p.geometryWidth) / p.outWidth;
    const double sy = double(p.geometryHeight) / p.outHeight;
    const RawImage& r = *raw_;
    double minX = 1e30, minY = 1e30, maxX = -1e30, maxY = -1e30;
    for (double cx : {double(region.x), double(region.x + region.width)})
        for (double cy : {double(region.y), double(region.y + region.height)}) {
            double ix, iy;
            geometryMapToInput(p.developedWidth, p.developedHeight, r.info.orientation, p.geometry,
                               cx * sx, cy * sy, ix, iy);
            if (p.lens) {  // the patch as the render shows it: through the same lens map
                const double k = p.half ? 2 : 1;
                double xs[3], ys[3];
                p.lens->source((ix + 0.5) * k - 0.5, (iy + 0.5) * k - 0.5, xs, ys);
                ix = (xs[1] + 0.5) / k - 0.5;
                iy = (ys[1] + 0.5) / k - 0.5;
            }
            minX = std::min(minX, ix), maxX = std::max(maxX, ix);
            minY = std::min(minY, iy), maxY = std::max(maxY, iy);
        }
    const int x0 = std::clamp(int(std::floor(minX)), 0, p.developedWidth - 1);
    const int y0 = std::clamp(int(std::floor(minY)), 0, p.developedHeight - 1);
    const int x1 = std::clamp(int(std::ceil(maxX)), x0 + 1, p.developedWidth);
    const int y1 = std::clamp(int(std::ceil(maxY)), y0 + 1, p.developedHeight);

    Vec3 sum{0, 0, 0};
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) {
            const float* px = image->row(y) + 3 * x;
            for (int c = 0; c < 3; ++c) sum[c] += px[c] / undo[c];
        }
    const double n = double(x1 - x0) * (y1 - y0);
    const Multipliers neutral = multipliersForNeutral({sum[0] / n, sum[1] / n, sum[2] / n});
    const auto [kelvin, tint] = temperatureForMultipliers(cameraMatrixOf(r), neutral);
    EditDocument out = edits;
    out.setText("wb.mode", "custom");
    const ParamDecl* t = findParam("wb.temperature");
    const ParamDecl* n2 = findParam("wb.tint");
    out.setFloat("wb.temperature", std::clamp(kelvin, t->minValue, t->maxValue));
    out.setFloat("wb.tint", std::clamp(tint, n2->minValue, n2->maxValue));
    return out;
}

Pipeline::Stats Pipeline::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

}  // namespace rf
