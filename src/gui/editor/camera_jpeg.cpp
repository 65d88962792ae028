// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/camera_jpeg.h"

#include <QPainter>
#include <algorithm>
#include <cmath>
#include <mutex>
#include <vector>

namespace rf::gui {

namespace {

// The viewer's background: where the camera's picture does not reach, nothing is shown.
const QColor kNoPicture(0x26, 0x26, 0x26);

// Luminance of display RGB (Rec. 709 weights on the encoded values: structure, not light).
struct Luma {
    std::vector<float> v;
    int w = 0, h = 0;
    // Bilinear; (x, y) in [0, w − 1] × [0, h − 1].
    float at(double x, double y) const {
        const int x0 = std::min(int(x), std::max(0, w - 2));
        const int y0 = std::min(int(y), std::max(0, h - 2));
        const double fx = x - x0, fy = y - y0;
        const float* r0 = &v[std::size_t(y0) * w + x0];
        const float* r1 = h > 1 ? r0 + w : r0;
        const int dx = w > 1 ? 1 : 0;
        return float((1 - fy) * ((1 - fx) * r0[0] + fx * r0[dx]) +
                     fy * ((1 - fx) * r1[0] + fx * r1[dx]));
    }
};

Luma lumaOf(const QImage& image) {
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    Luma l{std::vector<float>(std::size_t(img.width()) * img.height()), img.width(), img.height()};
    for (int y = 0; y < img.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            l.v[std::size_t(y) * l.w + x] =
                (0.2126f * qRed(row[x]) + 0.7152f * qGreen(row[x]) + 0.0722f * qBlue(row[x])) /
                255.f;
    }
    return l;
}

Luma lumaOf(const Image& img) {
    Luma l{std::vector<float>(std::size_t(img.width()) * img.height()), img.width(), img.height()};
    for (int y = 0; y < img.height(); ++y) {
        const float* row = img.row(y);
        for (int x = 0; x < img.width(); ++x)
            l.v[std::size_t(y) * l.w + x] =
                0.2126f * row[3 * x] + 0.7152f * row[3 * x + 1] + 0.0722f * row[3 * x + 2];
    }
    return l;
}

// Half the size, each pixel the mean of four (a continuous coordinate halves exactly).
Luma halved(const Luma& l) {
    Luma h{{}, std::max(1, l.w / 2), std::max(1, l.h / 2)};
    h.v.resize(std::size_t(h.w) * h.h);
    for (int y = 0; y < h.h; ++y)
        for (int x = 0; x < h.w; ++x) {
            const int x0 = std::min(2 * x, l.w - 1), x1 = std::min(2 * x + 1, l.w - 1);
            const int y0 = std::min(2 * y, l.h - 1), y1 = std::min(2 * y + 1, l.h - 1);
            h.v[std::size_t(y) * h.w + x] =
                0.25f * (l.v[std::size_t(y0) * l.w + x0] + l.v[std::size_t(y0) * l.w + x1] +
                         l.v[std::size_t(y1) * l.w + x0] + l.v[std::size_t(y1) * l.w + x1]);
        }
    return h;
}

// The JPEG's luminance sampled at the centres of a gw × gh grid over it.
struct Grid {
    int gw = 0, gh = 0;
    std::vector<float> a;
    std::vector<double> u, v;  // the cells' centres, fractions of the JPEG
};

Grid gridOf(const Luma& jpeg, int gw, int gh) {
    Grid g{gw, gh, std::vector<float>(std::size_t(gw) * gh), {}, {}};
    for (int i = 0; i < gw; ++i) g.u.push_back((i + 0.5) / gw);
    for (int j = 0; j < gh; ++j) g.v.push_back((j + 0.5) / gh);
    for (int j = 0; j < gh; ++j)
        for (int i = 0; i < gw; ++i)
            g.a[std::size_t(j) * gw + i] =
                jpeg.at(std::clamp(g.u[i] * jpeg.w - 0.5, 0.0, jpeg.w - 1.0),
                        std::clamp(g.v[j] * jpeg.h - 0.5, 0.0, jpeg.h - 1.0));
    return g;
}

// Correlation between the grid and the frame under the JPEG placed with its centre at
// (cx, cy) and size pw × ph (frame pixels). Only the grid's points inside the frame count, and
// at least 60 % of them must be: a placement mostly off the frame is no placement.
double correlation(const Grid& g, const Luma& f, double cx, double cy, double pw, double ph) {
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    int n = 0;
    const double x0 = cx - pw / 2 - 0.5, y0 = cy - ph / 2 - 0.5;
    for (int j = 0; j < g.gh; ++j) {
        const double y = y0 + g.v[j] * ph;
        if (y < 0 || y > f.h - 1) continue;
        for (int i = 0; i < g.gw; ++i) {
            const double x = x0 + g.u[i] * pw;
            if (x < 0 || x > f.w - 1) continue;
            const double a = g.a[std::size_t(j) * g.gw + i], b = f.at(x, y);
            sa += a, sb += b, saa += a * a, sbb += b * b, sab += a * b;
            ++n;
        }
    }
    if (n < 0.6 * g.gw * g.gh) return -2;
    const double cov = sab / n - sa * sb / (double(n) * n);
    const double va = saa / n - sa * sa / (double(n) * n), vb = sbb / n - sb * sb / (double(n) * n);
    return cov / std::sqrt(std::max(va * vb, 1e-20));
}

struct Candidate {
    double score = -2, cx = 0, cy = 0, pw = 0;
};

// The best placement around `from`: widths from − to + `widthRange` in `widthSteps` steps
// either side, centres within ± `shiftRange` frame pixels in steps of `shiftStep`.
Candidate search(const Grid& g, const Luma& frame, double aspect, const Candidate& from,
                 double widthRange, int widthSteps, double shiftRange, double shiftStep,
                 const CancelToken* cancel) {
    Candidate best;
    std::mutex mutex;
    const int shifts = int(std::lround(shiftRange / shiftStep));
    parallelFor(
        -widthSteps, widthSteps + 1,
        [&](int k0, int k1) {
            Candidate local;
            for (int k = k0; k < k1; ++k) {
                const double pw = from.pw * (1 + widthRange * k / std::max(1, widthSteps));
                for (int dy = -shifts; dy <= shifts; ++dy)
                    for (int dx = -shifts; dx <= shifts; ++dx) {
                        const double cx = from.cx + dx * shiftStep, cy = from.cy + dy * shiftStep;
                        const double c = correlation(g, frame, cx, cy, pw, pw / aspect);
                        if (c > local.score) local = {c, cx, cy, pw};
                    }
            }
            std::lock_guard lock(mutex);
            if (local.score > best.score) best = local;
        },
        1, cancel);
    return best;
}

}  // namespace

QRectF centredPlacement(QSizeF jpeg, QSizeF frame) {
    if (jpeg.isEmpty() || frame.isEmpty()) return QRectF(0, 0, 1, 1);
    const double ja = jpeg.width() / jpeg.height(), fa = frame.width() / frame.height();
    if (std::abs(ja / fa - 1) < 0.01) return QRectF(0, 0, 1, 1);
    if (ja > fa) {  // wider: the whole width, a band of the height
        const double h = fa / ja;
        return QRectF(0, (1 - h) / 2, 1, h);
    }
    const double w = ja / fa;
    return QRectF((1 - w) / 2, 0, w, 1);
}

CameraPlacement placeCameraJpeg(const QImage& jpeg, QSizeF jpegSize, const Image& frame,
                                QSizeF frameSize, const CancelToken* cancel) {
    if (jpegSize.isEmpty()) jpegSize = QSizeF(jpeg.size());
    if (frameSize.isEmpty()) frameSize = QSizeF(frame.width(), frame.height());
    CameraPlacement out;
    out.rect = centredPlacement(jpegSize, frameSize);
    if (jpeg.width() < 16 || jpeg.height() < 16 || frame.width() < 16 || frame.height() < 16 ||
        frame.channels() != 3)
        return out;
    const Luma j = lumaOf(jpeg), f = lumaOf(frame);
    // The JPEG keeps its own shape on the frame. Both small pictures' sizes were rounded, so
    // their pixels may be a little off square: the shape is said in `frame`'s pixels.
    const double fw = f.w, fh = f.h;
    const double aspect =
        jpegSize.width() / jpegSize.height() * (fw / fh) / (frameSize.width() / frameSize.height());
    Candidate centred;
    centred.pw = out.rect.width() * fw;
    centred.cx = out.rect.center().x() * fw;
    centred.cy = out.rect.center().y() * fh;
    // Coarse to fine: each stage searches around the last one's best, a little beyond the
    // previous stage's step, on a denser grid. The coarse one compares quarter-size pictures,
    // so that its sparse grid sees areas rather than single pixels.
    const double longEdge = std::max(fw, fh);
    const Luma j4 = halved(halved(j)), f4 = halved(halved(f));
    const Grid coarse = gridOf(j4, 32, std::max(8, int(std::lround(32 / aspect))));
    Candidate start = centred;
    start.cx /= 4, start.cy /= 4, start.pw /= 4;
    Candidate best =
        search(coarse, f4, aspect, start, 0.2, 13, 0.02 * longEdge, 0.00125 * longEdge, cancel);
    best.cx *= 4, best.cy *= 4, best.pw *= 4;
    const Grid fine = gridOf(j, 64, std::max(16, int(std::lround(64 / aspect))));
    best = search(fine, f, aspect, best, 0.02, 8, 0.006 * longEdge, 0.0012 * longEdge, cancel);
    best = search(fine, f, aspect, best, 0.003, 6, 0.0012 * longEdge, 0.0003 * longEdge, cancel);
    out.correlation = best.score;
    if (best.score < 0.7) return out;
    const double ph = best.pw / aspect;
    out.rect = QRectF((best.cx - best.pw / 2) / fw, (best.cy - ph / 2) / fh, best.pw / fw, ph / fh);
    out.registered = true;
    return out;
}

Image cameraJpegInFrame(const QImage& jpeg, const QRectF& placement, QSize frameSize,
                        const GeometryParams& geometry, const CancelToken* cancel) {
    const int w = std::max(1, frameSize.width()), h = std::max(1, frameSize.height());
    QImage canvas(w, h, QImage::Format_RGB32);
    canvas.fill(kNoPicture);
    {
        QPainter p(&canvas);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(QRectF(placement.x() * w, placement.y() * h, placement.width() * w,
                           placement.height() * h),
                    jpeg);
    }
    Image frame(w, h, 3);
    parallelFor(
        0, h,
        [&](int y0, int y1) {
            for (int y = y0; y < y1; ++y) {
                const auto* src = reinterpret_cast<const QRgb*>(canvas.constScanLine(y));
                float* dst = frame.row(y);
                for (int x = 0; x < w; ++x) {
                    dst[3 * x] = qRed(src[x]) / 255.f;
                    dst[3 * x + 1] = qGreen(src[x]) / 255.f;
                    dst[3 * x + 2] = qBlue(src[x]) / 255.f;
                }
            }
        },
        16, cancel);
    if (geometry.isIdentity()) return frame;
    Image out;
    applyGeometry(frame.cview(), 1, geometry, out, cancel);
    return out;
}

}  // namespace rf::gui
