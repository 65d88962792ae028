// SPDX-License-Identifier: GPL-3.0-or-later
// Geometry stage. The chain is: EXIF orientation → user quarter turns → flips → straighten →
// crop. The first three are lossless symmetries of the pixel grid (the dihedral group of the
// square), so they are folded into one 2×2 matrix with entries in {−1, 0, 1} acting on
// centred coordinates; the straighten rotation is another 2×2 matrix on the same centred
// coordinates. Every output pixel is therefore an affine function of the input, which gives
// one pass over the pixels (an integer remap when there is no straighten, bicubic sampling
// otherwise) and an exact inverse for `geometryMapToInput` from the very same plan.
//
// Coordinates: pixel (i, j) covers [i, i+1) × [j, j+1); `geometryMapToInput` takes and returns
// pixel indices, i.e. the centre of pixel i is the coordinate i.
#include "rangefinder/geometry.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include "image/catmull_rom.h"
#include "rangefinder/error.h"

namespace rf {

namespace {

// A symmetry of the pixel grid: in_centred = m · out_centred.
struct D4 {
    int m00 = 1, m01 = 0, m10 = 0, m11 = 1;
    bool swapsAxes() const { return m00 == 0; }
    bool isIdentity() const { return m00 == 1 && m11 == 1 && m01 == 0 && m10 == 0; }
    // The chain with operation o applied after this one. As matrices map an output back to
    // its input, the later operation's matrix multiplies on the right.
    D4 then(const D4& o) const {
        return {m00 * o.m00 + m01 * o.m10, m00 * o.m01 + m01 * o.m11, m10 * o.m00 + m11 * o.m10,
                m10 * o.m01 + m11 * o.m11};
    }
};

// Each operation maps its output back to its input (centred coordinates, y down).
constexpr D4 kIdentity{1, 0, 0, 1};
constexpr D4 kRotCW{0, 1, -1, 0};  // out(u,v) = in(v, H−1−u)
constexpr D4 kRot180{-1, 0, 0, -1};
constexpr D4 kRotCCW{0, -1, 1, 0};  // out(u,v) = in(W−1−v, u)
constexpr D4 kFlipH{-1, 0, 0, 1};
constexpr D4 kFlipV{1, 0, 0, -1};
constexpr D4 kTranspose{0, 1, 1, 0};
constexpr D4 kTransverse{0, -1, -1, 0};

D4 exifOp(int orientation) {
    switch (orientation) {
        case 2:
            return kFlipH;
        case 3:
            return kRot180;
        case 4:
            return kFlipV;
        case 5:
            return kTranspose;
        case 6:
            return kRotCW;
        case 7:
            return kTransverse;
        case 8:
            return kRotCCW;
        default:
            return kIdentity;  // 1, and the 0 / garbage some cameras write
    }
}

std::string fmt(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
}

// Aspect ratio (width / height) of a crop constraint, 0 for "free".
double aspectRatio(const std::string& aspect, double originalRatio) {
    if (aspect.empty() || aspect == "free") return 0;
    if (aspect == "original") return originalRatio;
    const auto colon = aspect.find(':');
    if (colon != std::string::npos) {
        try {
            const double a = std::stod(aspect.substr(0, colon));
            const double b = std::stod(aspect.substr(colon + 1));
            if (a > 0 && b > 0 && std::isfinite(a / b)) return a / b;
        } catch (const std::exception&) {
        }
    }
    throw Error("crop.aspect: unknown aspect ratio '" + aspect + "'");
}

// Everything the stage needs, derived once from the sizes and parameters.
struct Plan {
    int inW = 0, inH = 0;
    D4 d4;                   // oriented → input
    int oriW = 0, oriH = 0;  // after orientation, turns and flips
    bool straighten = false;
    double cosA = 1, sinA = 0;
    int strW = 0, strH = 0;  // after straighten (== oriented size without)
    Rect crop;               // in the straightened image
};

Plan makePlan(int width, int height, int exifOrientation, const GeometryParams& p) {
    if (width <= 0 || height <= 0)
        throw Error("geometry: empty input image (" + std::to_string(width) + "×" +
                    std::to_string(height) + ")");
    Plan plan;
    plan.inW = width;
    plan.inH = height;

    D4 d = exifOp(exifOrientation);
    const int turns = ((p.quarterTurns % 4) + 4) % 4;
    for (int i = 0; i < turns; ++i) d = d.then(kRotCW);
    if (p.flipH) d = d.then(kFlipH);
    if (p.flipV) d = d.then(kFlipV);
    plan.d4 = d;
    plan.oriW = d.swapsAxes() ? height : width;
    plan.oriH = d.swapsAxes() ? width : height;

    p.validate();
    plan.strW = plan.oriW;
    plan.strH = plan.oriH;
    if (p.angleDeg != 0) {
        const double a = p.angleDeg * M_PI / 180.0;
        plan.cosA = std::cos(a);
        plan.sinA = std::sin(a);
        // Largest centred rectangle of the same aspect inside the rotated frame: both of
        // its corners, rotated back, must stay inside W × H, which gives
        // s = min(W / (W|cos| + H|sin|), H / (W|sin| + H|cos|)).
        const double c = std::abs(plan.cosA), s = std::abs(plan.sinA);
        const double W = plan.oriW, H = plan.oriH;
        const double scale = std::min(W / (W * c + H * s), H / (W * s + H * c));
        // Trim the same whole number of pixels from each side: the output grid then stays
        // aligned with the input grid (a small angle barely resamples the centre) and the
        // frame stays inside the inscribed rectangle.
        const auto trimmed = [scale](int n) {
            const int trim = int(std::ceil((n - scale * n) / 2 - 1e-9));
            return std::max(1, n - 2 * trim);
        };
        plan.strW = trimmed(plan.oriW);
        plan.strH = trimmed(plan.oriH);
        plan.straighten = true;
    }

    // Crop, in fractions of the straightened image.
    const double l = p.cropLeft, t = p.cropTop, r = p.cropRight, b = p.cropBottom;
    const double W = plan.strW, H = plan.strH;
    const double x0 = l * W, x1 = r * W, y0 = t * H, y1 = b * H;
    const double ratio = aspectRatio(p.aspect, double(plan.oriW) / plan.oriH);
    int ix0, ix1, iy0, iy1;
    if (ratio > 0) {
        // Round the size, then place it: the ratio stays as exact as whole pixels allow.
        const double cw = x1 - x0, ch = y1 - y0;
        const int w = std::min(plan.strW, int(std::lround(std::min(cw, ch * ratio))));
        const int h = std::min(plan.strH, int(std::lround(std::min(ch, cw / ratio))));
        ix0 = std::clamp(int(std::lround((x0 + x1 - w) / 2)), 0, plan.strW - w);
        iy0 = std::clamp(int(std::lround((y0 + y1 - h) / 2)), 0, plan.strH - h);
        ix1 = ix0 + w;
        iy1 = iy0 + h;
    } else {
        // Free crops round each edge, so neighbouring crops of one frame tile it.
        ix0 = std::clamp(int(std::lround(x0)), 0, plan.strW);
        ix1 = std::clamp(int(std::lround(x1)), 0, plan.strW);
        iy0 = std::clamp(int(std::lround(y0)), 0, plan.strH);
        iy1 = std::clamp(int(std::lround(y1)), 0, plan.strH);
    }
    if (ix1 - ix0 < 1 || iy1 - iy0 < 1)
        throw Error("crop: the frame (left " + fmt(l) + ", top " + fmt(t) + ", right " + fmt(r) +
                    ", bottom " + fmt(b) + ", aspect " + p.aspect +
                    ") is less than one pixel of a " + std::to_string(plan.strW) + "×" +
                    std::to_string(plan.strH) + " image");
    plan.crop = {ix0, iy0, ix1 - ix0, iy1 - iy0};
    return plan;
}

// Output pixel centre (pixel-index coordinates) → input pixel-index coordinates.
void mapPoint(const Plan& pl, double u, double v, double& x, double& y) {
    // Into the straightened image, centred.
    double sx = u + pl.crop.x + 0.5 - pl.strW / 2.0;
    double sy = v + pl.crop.y + 0.5 - pl.strH / 2.0;
    // Undo the counter-clockwise rotation (y down: CCW on screen is x' = x c + y s,
    // y' = −x s + y c, whose inverse is below). Oriented and straightened share a centre.
    double ox = sx, oy = sy;
    if (pl.straighten) {
        ox = sx * pl.cosA - sy * pl.sinA;
        oy = sx * pl.sinA + sy * pl.cosA;
    }
    const double ix = pl.d4.m00 * ox + pl.d4.m01 * oy;
    const double iy = pl.d4.m10 * ox + pl.d4.m11 * oy;
    x = ix + pl.inW / 2.0 - 0.5;
    y = iy + pl.inH / 2.0 - 0.5;
}

void checkInput(ConstImageView in, const Image* out = nullptr) {
    if (in.empty() || in.channels <= 0) throw Error("geometry: empty input image");
    // Writing into the buffer being read would scramble the remap: a programming error.
    if (out && !out->empty() && in.data >= out->data() &&
        in.data < out->data() + out->sampleCount())
        throw std::logic_error("geometry: the output image must not hold the input view");
}

// Lossless remap of the crop window of the oriented image. Rows of the output are read from
// columns of the input when the axes swap, so the loop walks 64-pixel column blocks over a
// band of rows to keep the reads within a few cache lines per row.
void remapLossless(ConstImageView in, const Plan& pl, Image& out, const CancelToken* cancel) {
    const int C = in.channels;
    const int W = pl.crop.width, H = pl.crop.height;
    out.resize(W, H, C);
    const D4& d = pl.d4;
    // Integer form of mapPoint: doubled centred coordinates are integers.
    // 2·ix + 1 − inW = m · (2·(u + cx) + 1 − oriW, 2·(v + cy) + 1 − oriH).
    const auto inIndex = [&](int u, int v, int& x, int& y) {
        const long su = 2L * (u + pl.crop.x) + 1 - pl.oriW;
        const long sv = 2L * (v + pl.crop.y) + 1 - pl.oriH;
        x = int((d.m00 * su + d.m01 * sv + pl.inW - 1) / 2);
        y = int((d.m10 * su + d.m11 * sv + pl.inH - 1) / 2);
    };
    if (d.isIdentity()) {
        const ConstImageView src = in.region(pl.crop);
        parallelFor(
            0, H,
            [&](int b, int e) {
                for (int v = b; v < e; ++v)
                    std::memcpy(out.row(v), src.row(v), std::size_t(W) * C * sizeof(float));
            },
            64, cancel);
        return;
    }
    // Per output step in u, the input moves by (m00, m10); per step in v by (m01, m11).
    const std::ptrdiff_t du = d.m00 * C + d.m10 * in.stride;
    parallelFor(
        0, H,
        [&](int b, int e) {
            // 32 × 32 tiles: one tile of input and output (12 KiB each at 3 channels) stays
            // in L1 while a transposing remap walks it across and down.
            constexpr int kBlock = 32;
            for (int v0 = b; v0 < e; v0 += kBlock) {
                const int v1 = std::min(e, v0 + kBlock);
                for (int u0 = 0; u0 < W; u0 += kBlock) {
                    const int u1 = std::min(W, u0 + kBlock);
                    for (int v = v0; v < v1; ++v) {
                        int x, y;
                        inIndex(u0, v, x, y);
                        const float* s = in.px(x, y);
                        float* o = out.row(v) + std::ptrdiff_t(u0) * C;
                        if (C == 3) {
                            for (int u = u0; u < u1; ++u, s += du, o += 3) {
                                o[0] = s[0];
                                o[1] = s[1];
                                o[2] = s[2];
                            }
                        } else {
                            for (int u = u0; u < u1; ++u, s += du, o += C)
                                for (int c = 0; c < C; ++c) o[c] = s[c];
                        }
                    }
                }
            }
        },
        16, cancel);
}

// Generic bicubic sample with edge clamping: any channel count, any position.
inline void sampleClamped(ConstImageView in, int ix, int iy, const float wx[4], const float wy[4],
                          float* o) {
    const int C = in.channels, maxX = in.width - 1, maxY = in.height - 1;
    // Taps beyond the edge repeat the edge pixel; the inscribed frame keeps every pixel
    // centre inside the image, so this only shapes the outermost kernel taps.
    int xs[4];
    for (int k = 0; k < 4; ++k) xs[k] = std::clamp(ix - 1 + k, 0, maxX) * C;
    for (int c = 0; c < C; ++c) o[c] = 0;
    for (int j = 0; j < 4; ++j) {
        const float* r = in.row(std::clamp(iy - 1 + j, 0, maxY));
        for (int k = 0; k < 4; ++k) {
            const float w = wy[j] * wx[k];
            const float* s = r + xs[k];
            for (int c = 0; c < C; ++c) o[c] += w * s[c];
        }
    }
}

// Rows [b, e) of the straightened output. CT is the channel count when known at compile
// time (1, 3, 4), which lets the interior path keep its accumulators in registers; 0 runs
// everything through the generic clamped sampler.
template <int CT>
void straightenRows(ConstImageView in, const Plan& pl, Image& out, int b, int e) {
    const int C = in.channels;
    const int W = pl.crop.width;
    const int maxX = in.width - 1, maxY = in.height - 1;
    const std::ptrdiff_t stride = in.stride;
    double x0, y0, x1, y1;
    for (int v = b; v < e; ++v) {
        // The input position is affine in u: step along the row instead of re-mapping.
        mapPoint(pl, 0, v, x0, y0);
        mapPoint(pl, 1, v, x1, y1);
        const double dx = x1 - x0, dy = y1 - y0;
        float* o = out.row(v);
        for (int u = 0; u < W; ++u, o += C) {
            const double x = x0 + dx * u, y = y0 + dy * u;
            // Positions are ≥ −0.5, so truncation after an offset is floor.
            const int ix = int(x + 2.0) - 2, iy = int(y + 2.0) - 2;
            float wx[4], wy[4];
            catmullRomWeights(float(x - ix), wx);
            catmullRomWeights(float(y - iy), wy);
            if constexpr (CT > 0) {
                if (ix >= 1 && iy >= 1 && ix + 2 <= maxX && iy + 2 <= maxY) {
                    const float* r = in.px(ix - 1, iy - 1);
                    float acc[CT] = {};
                    for (int j = 0; j < 4; ++j, r += stride) {
                        float h[CT] = {};
                        for (int k = 0; k < 4; ++k)
                            for (int c = 0; c < CT; ++c) h[c] += wx[k] * r[k * CT + c];
                        for (int c = 0; c < CT; ++c) acc[c] += wy[j] * h[c];
                    }
                    for (int c = 0; c < CT; ++c) o[c] = acc[c];
                    continue;
                }
            }
            sampleClamped(in, ix, iy, wx, wy, o);
        }
    }
}

void straighten(ConstImageView in, const Plan& pl, Image& out, const CancelToken* cancel) {
    const int C = in.channels;
    out.resize(pl.crop.width, pl.crop.height, C);
    parallelFor(
        0, pl.crop.height,
        [&](int b, int e) {
            switch (C) {
                case 1:
                    straightenRows<1>(in, pl, out, b, e);
                    break;
                case 3:
                    straightenRows<3>(in, pl, out, b, e);
                    break;
                case 4:
                    straightenRows<4>(in, pl, out, b, e);
                    break;
                default:
                    straightenRows<0>(in, pl, out, b, e);
                    break;
            }
        },
        8, cancel);
}

}  // namespace

void GeometryParams::validate() const {
    if (!std::isfinite(angleDeg) || std::abs(angleDeg) > 45)
        throw Error("geometry.angle: " + fmt(angleDeg) + "° is outside −45 … 45");
    const double l = cropLeft, t = cropTop, r = cropRight, b = cropBottom;
    for (double v : {l, t, r, b})
        if (!std::isfinite(v) || v < 0 || v > 1)
            throw Error("crop: edges must be fractions in [0, 1] (left " + fmt(l) + ", top " +
                        fmt(t) + ", right " + fmt(r) + ", bottom " + fmt(b) + ")");
    if (!(l < r))
        throw Error("crop: left (" + fmt(l) + ") must be less than right (" + fmt(r) + ")");
    if (!(t < b))
        throw Error("crop: top (" + fmt(t) + ") must be less than bottom (" + fmt(b) + ")");
    aspectRatio(aspect, 1.0);  // an unknown aspect throws
}

void geometryOutputSize(int width, int height, int exifOrientation, const GeometryParams& p,
                        int& outWidth, int& outHeight) {
    const Plan pl = makePlan(width, height, exifOrientation, p);
    outWidth = pl.crop.width;
    outHeight = pl.crop.height;
}

void applyGeometry(ConstImageView in, int exifOrientation, const GeometryParams& p, Image& out,
                   const CancelToken* cancel) {
    checkInput(in, &out);
    const Plan pl = makePlan(in.width, in.height, exifOrientation, p);
    if (pl.straighten)
        straighten(in, pl, out, cancel);
    else
        remapLossless(in, pl, out, cancel);
}

void geometryMapToInput(int width, int height, int exifOrientation, const GeometryParams& p,
                        double outX, double outY, double& inX, double& inY) {
    const Plan pl = makePlan(width, height, exifOrientation, p);
    mapPoint(pl, outX, outY, inX, inY);
}

void applyOrientation(ConstImageView in, int exifOrientation, Image& out) {
    applyGeometry(in, exifOrientation, GeometryParams{}, out);
}

}  // namespace rf
