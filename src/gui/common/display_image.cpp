// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/display_image.h"

#include <QBuffer>
#include <QByteArray>
#include <QImageReader>
#include <QTransform>
#include <algorithm>
#include <cmath>
#include <mutex>

#include "rangefinder/error.h"
#include "rangefinder/parallel.h"

namespace rf::gui {

namespace {

inline int quantise(float v) {
    // The output transform clips to [0, 1] (NaN becomes 0), so this only rounds.
    const float s = v * 255.0f + 0.5f;
    return s <= 0.0f ? 0 : (s >= 255.0f ? 255 : int(s));
}

// Rec. 709 weights on the encoded values, in 1/256 units: what every editor's luminance
// histogram shows.
inline int luma(int r, int g, int b) {
    return (54 * r + 183 * g + 19 * b + 128) >> 8;
}

}  // namespace

QImage toDisplayImage(const Image& rgb, const DisplayOptions& options) {
    if (rgb.empty()) return {};
    if (rgb.channels() != 3) throw Error("display: a render must have 3 channels");
    const int w = rgb.width(), h = rgb.height();
    QImage out(w, h, QImage::Format_RGB32);
    if (out.isNull())
        throw Error("display: out of memory for a " + std::to_string(w) + "×" + std::to_string(h) +
                    " image");
    QImage* clip = options.clipping;
    if (clip) *clip = QImage(w, h, QImage::Format_RGB32);
    if (options.histogram) *options.histogram = Histogram{};
    std::mutex merge;

    parallelFor(0, h, [&](int y0, int y1) {
        Histogram local;
        for (int y = y0; y < y1; ++y) {
            const float* src = rgb.row(y);
            auto* dst = reinterpret_cast<QRgb*>(out.scanLine(y));
            for (int x = 0; x < w; ++x) {
                const int r = quantise(src[3 * x]), g = quantise(src[3 * x + 1]),
                          b = quantise(src[3 * x + 2]);
                dst[x] = qRgb(r, g, b);
                if (options.histogram) {
                    ++local.bins[Histogram::Red][r];
                    ++local.bins[Histogram::Green][g];
                    ++local.bins[Histogram::Blue][b];
                    ++local.bins[Histogram::Luminance][luma(r, g, b)];
                }
            }
        }
        if (options.monitor)
            options.monitor->apply(out.scanLine(y0), w, y1 - y0, out.bytesPerLine(),
                                   DisplayPixels::ARGB32);
        if (clip) {
            // The marks are drawn over the monitor-encoded pixels: they are signals, not
            // colours of the photo, so they are not colour managed.
            for (int y = y0; y < y1; ++y) {
                const auto* shown = reinterpret_cast<const QRgb*>(out.constScanLine(y));
                const float* src = rgb.row(y);
                auto* dst = reinterpret_cast<QRgb*>(clip->scanLine(y));
                for (int x = 0; x < w; ++x) {
                    const int r = quantise(src[3 * x]), g = quantise(src[3 * x + 1]),
                              b = quantise(src[3 * x + 2]);
                    if (r == 255 || g == 255 || b == 255)
                        dst[x] = kHighlightClipColor;
                    else if ((r | g | b) == 0)
                        dst[x] = kShadowClipColor;
                    else
                        dst[x] = shown[x];
                }
            }
        }
        if (options.histogram) {
            std::lock_guard lock(merge);
            for (int c = 0; c < 4; ++c)
                for (int i = 0; i < 256; ++i) options.histogram->bins[c][i] += local.bins[c][i];
        }
    });
    if (options.histogram) options.histogram->pixels = std::uint64_t(w) * std::uint64_t(h);
    return out;
}

QImage decodePreview(const std::vector<std::uint8_t>& jpeg, int exifOrientation, int maxSize) {
    if (jpeg.empty()) return {};
    QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(jpeg.data()), qsizetype(jpeg.size()));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize full = reader.size();
    if (maxSize > 0 && full.isValid() && (full.width() > maxSize || full.height() > maxSize))
        reader.setScaledSize(full.scaled(maxSize, maxSize, Qt::KeepAspectRatio));
    QImage img = reader.read();
    if (img.isNull()) return {};
    // EXIF orientation as a transform of the stored image: mirror first, then rotate.
    QTransform t;
    bool mirror = false;
    switch (exifOrientation) {
        case 2:
            mirror = true;
            break;
        case 3:
            t.rotate(180);
            break;
        case 4:
            mirror = true;
            t.rotate(180);
            break;
        case 5:
            mirror = true;
            t.rotate(270);
            break;
        case 6:
            t.rotate(90);
            break;
        case 7:
            mirror = true;
            t.rotate(90);
            break;
        case 8:
            t.rotate(270);
            break;
        default:
            break;
    }
    if (mirror) img = img.mirrored(true, false);
    if (!t.isIdentity()) img = img.transformed(t);
    return img.convertToFormat(QImage::Format_RGB32);
}

double meanLevel(const QImage& image) {
    if (image.isNull()) return 0;
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    double sum = 0;
    for (int y = 0; y < img.height(); ++y) {
        const auto* row = reinterpret_cast<const QRgb*>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) sum += qRed(row[x]) + qGreen(row[x]) + qBlue(row[x]);
    }
    return sum / (3.0 * img.width() * img.height());
}

}  // namespace rf::gui
