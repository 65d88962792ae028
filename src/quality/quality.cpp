// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison's arithmetic. CIELAB is taken relative to D65, sRGB's own white, so a
// neutral of either picture is a neutral here without any adaptation.
#include "quality/quality.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <opencv2/imgcodecs.hpp>

#include "rangefinder/colormath.h"
#include "rangefinder/error.h"
#include "rangefinder/geometry.h"
#include "rangefinder/raw.h"
#include "rangefinder/resample.h"
#include "rangefinder/writer.h"

namespace rf::quality {

namespace {

Vec3 labOf(const float* px) {
    static const Mat3 toXyz = xyzFromLinearSRGB();
    const Vec3 lin{srgbDecode(px[0]), srgbDecode(px[1]), srgbDecode(px[2])};
    return xyzToLab(mul(toXyz, lin), kD65);
}

void requireRgb(ConstImageView v, const char* what) {
    if (v.empty() || v.channels != 3) throw Error(std::string("quality: ") + what + " is not RGB");
}

}  // namespace

Stats measure(ConstImageView srgb) {
    requireRgb(srgb, "the picture");
    double sumL = 0, sumL2 = 0, sumC = 0, clipped = 0;
    for (int y = 0; y < srgb.height; ++y)
        for (int x = 0; x < srgb.width; ++x) {
            const float* p = srgb.px(x, y);
            const Vec3 lab = labOf(p);
            sumL += lab[0];
            sumL2 += lab[0] * lab[0];
            sumC += std::hypot(lab[1], lab[2]);
            if (std::max({p[0], p[1], p[2]}) >= 254.5f / 255.f) clipped += 1;
        }
    const double n = double(srgb.width) * srgb.height;
    Stats s;
    s.meanL = sumL / n;
    s.meanChroma = sumC / n;
    s.sdL = std::sqrt(std::max(0.0, sumL2 / n - s.meanL * s.meanL));
    s.clipped = clipped / n;
    return s;
}

Comparison compare(ConstImageView picture, ConstImageView reference) {
    requireRgb(picture, "the picture");
    requireRgb(reference, "the reference");
    if (picture.width != reference.width || picture.height != reference.height)
        throw Error("quality: the picture and the reference differ in size");
    double sumE = 0;
    for (int y = 0; y < picture.height; ++y)
        for (int x = 0; x < picture.width; ++x)
            sumE += deltaE2000(labOf(picture.px(x, y)), labOf(reference.px(x, y)));
    Comparison c;
    c.deltaE = sumE / (double(picture.width) * picture.height);
    c.picture = measure(picture);
    c.reference = measure(reference);
    c.deltaL = c.picture.meanL - c.reference.meanL;
    c.chromaRatio = c.picture.meanChroma / std::max(c.reference.meanChroma, 1e-9);
    c.contrastRatio = c.picture.sdL / std::max(c.reference.sdL, 1e-9);
    return c;
}

Image decodeJpeg(const std::vector<std::uint8_t>& bytes, const std::string& what) {
    cv::Mat bgr;
    if (!bytes.empty()) bgr = cv::imdecode(bytes, cv::IMREAD_COLOR);
    if (bgr.empty() || bgr.type() != CV_8UC3) throw Error(what, "not a readable JPEG");
    Image out(bgr.cols, bgr.rows, 3);
    for (int y = 0; y < bgr.rows; ++y) {
        const std::uint8_t* s = bgr.ptr<std::uint8_t>(y);
        float* d = out.row(y);
        for (int x = 0; x < bgr.cols; ++x)
            for (int c = 0; c < 3; ++c) d[3 * x + c] = s[3 * x + 2 - c] / 255.f;
    }
    return out;
}

Image readJpeg(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, "cannot open");
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    return decodeJpeg(bytes, path);
}

Image reduce(ConstImageView srgb, int width, int height) {
    requireRgb(srgb, "the picture");
    Image linear(srgb.width, srgb.height, 3);
    for (int y = 0; y < srgb.height; ++y)
        for (int i = 0; i < srgb.width * 3; ++i)
            linear.row(y)[i] = float(srgbDecode(srgb.row(y)[i]));
    Image out;
    resize(linear.cview(), width, height, out);
    for (int y = 0; y < height; ++y)
        for (int i = 0; i < width * 3; ++i)
            out.row(y)[i] = float(srgbEncode(std::clamp(out.row(y)[i], 0.f, 1.f)));
    return out;
}

Image cameraJpeg(const RawImage& raw) {
    const Image preview = decodeJpeg(extractPreview(raw.path), raw.path + " (embedded JPEG)");
    // Embedded previews are stored as the sensor reads, like the raw data.
    Image upright;
    applyGeometry(preview.cview(), raw.info.orientation, GeometryParams{}, upright);
    int w = 0, h = 0;
    OutputSize size;
    size.mode = SizeMode::LongEdge;
    size.a = kCompareLongEdge;
    targetSize(upright.width(), upright.height(), size, w, h);
    return reduce(upright.cview(), w, h);
}

Image render(Pipeline& pipeline, const EditDocument& edits,
             const std::vector<std::string>& lookDirs) {
    RenderOptions options;
    options.size.mode = SizeMode::LongEdge;
    options.size.a = kRegisterLongEdge;
    options.lookDirs = lookDirs;
    return std::move(pipeline.render(edits, options).rgb);
}

namespace {

// Luminance (encoded, as the eye compares structure) of an sRGB picture.
std::vector<float> lumaOf(ConstImageView srgb) {
    std::vector<float> out(std::size_t(srgb.width) * srgb.height);
    for (int y = 0; y < srgb.height; ++y)
        for (int x = 0; x < srgb.width; ++x) {
            const float* p = srgb.px(x, y);
            out[std::size_t(y) * srgb.width + x] = 0.2126f * p[0] + 0.7152f * p[1] + 0.0722f * p[2];
        }
    return out;
}

struct Luma {
    std::vector<float> v;
    int w = 0, h = 0;
    float at(double x, double y) const {  // bilinear, clamped
        x = std::clamp(x, 0.0, double(w - 1));
        y = std::clamp(y, 0.0, double(h - 1));
        const int x0 = std::min(int(x), w - 2 < 0 ? 0 : w - 2),
                  y0 = std::min(int(y), h - 2 < 0 ? 0 : h - 2);
        const double fx = x - x0, fy = y - y0;
        const float* r0 = &v[std::size_t(y0) * w + x0];
        const float* r1 = r0 + w;
        return float((1 - fy) * ((1 - fx) * r0[0] + fx * r0[1]) +
                     fy * ((1 - fx) * r1[0] + fx * r1[1]));
    }
};

// Correlation between the reference (sampled on a grid of gw × gh) and the picture's frame
// (x0, y0, fw, fh) sampled on the same grid.
double correlation(const Luma& pic, const Luma& ref, double x0, double y0, double fw, double fh,
                   int gw, int gh) {
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (int j = 0; j < gh; ++j)
        for (int i = 0; i < gw; ++i) {
            const double u = (i + 0.5) / gw, v = (j + 0.5) / gh;
            const double a = ref.at(u * ref.w - 0.5, v * ref.h - 0.5);
            const double b = pic.at(x0 + u * fw - 0.5, y0 + v * fh - 0.5);
            sa += a, sb += b, saa += a * a, sbb += b * b, sab += a * b;
        }
    const double n = double(gw) * gh;
    const double cov = sab / n - sa * sb / (n * n);
    const double va = saa / n - sa * sa / (n * n), vb = sbb / n - sb * sb / (n * n);
    return cov / std::sqrt(std::max(va * vb, 1e-20));
}

}  // namespace

Rect registerTo(ConstImageView picture, ConstImageView reference) {
    requireRgb(picture, "the picture");
    requireRgb(reference, "the reference");
    const Luma pic{lumaOf(picture), picture.width, picture.height};
    const Luma ref{lumaOf(reference), reference.width, reference.height};
    const double aspect = double(reference.width) / reference.height;
    const double fullW = std::min(double(picture.width), picture.height * aspect);
    struct Best {
        double score = -2, scale = 1, x = 0, y = 0;
    } best;
    // Coarse: every scale, offsets in steps of 4 picture pixels, on a quarter of the grid.
    const int cw = std::max(8, reference.width / 2), ch = std::max(8, reference.height / 2);
    for (double s = 0.90; s <= 1.0001; s += 0.005) {
        const double fw = fullW * s, fh = fw / aspect;
        for (double y = 0; y <= picture.height - fh + 1e-9; y += 4)
            for (double x = 0; x <= picture.width - fw + 1e-9; x += 4) {
                const double c = correlation(pic, ref, x, y, fw, fh, cw, ch);
                if (c > best.score) best = {c, s, x, y};
            }
    }
    // Fine: a neighbourhood of the coarse best at a pixel and a fifth of the scale step.
    const Best coarse = best;
    best.score = -2;  // the fine search samples the full grid: its scores start afresh
    for (double s = coarse.scale - 0.005; s <= coarse.scale + 0.0051; s += 0.001) {
        if (s > 1.0001) continue;
        const double fw = fullW * s, fh = fw / aspect;
        for (double y = coarse.y - 4; y <= coarse.y + 4; y += 1)
            for (double x = coarse.x - 4; x <= coarse.x + 4; x += 1) {
                if (x < 0 || y < 0 || x + fw > picture.width + 1e-9 ||
                    y + fh > picture.height + 1e-9)
                    continue;
                const double c =
                    correlation(pic, ref, x, y, fw, fh, reference.width, reference.height);
                if (c > best.score) best = {c, s, x, y};
            }
    }
    const double fw = fullW * best.scale, fh = fw / aspect;
    Rect r{int(std::lround(best.x)), int(std::lround(best.y)), int(std::lround(fw)),
           int(std::lround(fh))};
    r.width = std::min(r.width, picture.width - r.x);
    r.height = std::min(r.height, picture.height - r.y);
    return r;
}

Image framed(ConstImageView picture, const Rect& frame, int width, int height) {
    return reduce(picture.region(frame), width, height);
}

void writeStrip(const std::string& path, const std::vector<const Image*>& pictures, int height,
                int columns) {
    constexpr int kGutter = 6;
    if (pictures.empty()) throw Error(path, "no pictures for the gallery");
    columns = std::max(1, std::min(columns, int(pictures.size())));
    const int rows = (int(pictures.size()) + columns - 1) / columns;
    std::vector<Image> scaled;
    int cell = 0;
    for (const Image* p : pictures) {
        const int w = std::max(1, int(std::lround(double(p->width()) * height / p->height())));
        scaled.push_back(reduce(p->cview(), w, height));
        cell = std::max(cell, w);
    }
    Image grid(columns * cell + (columns - 1) * kGutter, rows * height + (rows - 1) * kGutter, 3);
    std::fill(grid.data(), grid.data() + grid.sampleCount(), 0.08f);
    for (std::size_t i = 0; i < scaled.size(); ++i) {
        const Image& s = scaled[i];
        const int x0 = int(i) % columns * (cell + kGutter),
                  y0 = int(i) / columns * (height + kGutter);
        for (int y = 0; y < height; ++y)
            std::copy(s.row(y), s.row(y) + 3 * s.width(), grid.row(y0 + y) + 3 * x0);
    }
    EncodeOptions o;
    o.quality = 88;
    writeImage(path, grid.cview(), o, iccProfileFor(OutputSpace::SRGB));
}

}  // namespace rf::quality
