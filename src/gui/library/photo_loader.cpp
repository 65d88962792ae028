// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/photo_loader.h"

#include <QBuffer>
#include <QByteArray>
#include <QImageReader>
#include <QTransform>
#include <algorithm>
#include <cmath>
#include <memory>

#include "rangefinder/error.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"
#include "rangefinder/sidecar.h"

namespace rf::gui {

namespace {

QString formatExposure(const rf::CaptureInfo& info) {
    QStringList parts;
    if (info.shutterSeconds > 0) {
        if (info.shutterSeconds >= 0.3f)
            parts << QStringLiteral("%1 s").arg(double(info.shutterSeconds), 0, 'g', 2);
        else
            parts << QStringLiteral("1/%1 s").arg(std::lround(1.0 / info.shutterSeconds));
    }
    if (info.aperture > 0) parts << QStringLiteral("f/%1").arg(double(info.aperture), 0, 'g', 2);
    if (info.iso > 0) parts << QStringLiteral("ISO %1").arg(std::lround(info.iso));
    if (info.focalLengthMm > 0)
        parts << QStringLiteral("%1 mm").arg(std::lround(info.focalLengthMm));
    return parts.join(QStringLiteral("  "));
}

/// The pipeline's display-encoded sRGB floats as 8-bit pixels. Only previews that lack an
/// embedded JPEG come this way, at thumbnail size, so a plain loop is fast enough.
QImage toQImage(const rf::Image& rgb) {
    QImage out(rgb.width(), rgb.height(), QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const float* src = rgb.row(y);
        auto* dst = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < rgb.width(); ++x, src += rgb.channels()) {
            const auto byte = [](float v) {
                return int(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f);
            };
            dst[x] = qRgb(byte(src[0]), byte(src[1]), byte(src[2]));
        }
    }
    return out;
}

/// The raw rendered as the camera would show it (no edits), `size` pixels on the long edge.
QImage renderThumbnail(const QString& path, int size) {
    auto raw = std::make_shared<const rf::RawImage>(rf::decodeRaw(path.toStdString()));
    rf::Pipeline pipeline(raw);
    rf::RenderOptions options;
    options.size.mode = rf::SizeMode::LongEdge;
    options.size.a = size;
    options.oneShot = true;
    return toQImage(pipeline.render(rf::EditDocument{}, options).rgb);
}

QImage decodePreview(const std::vector<std::uint8_t>& jpeg, int size) {
    QByteArray bytes =
        QByteArray::fromRawData(reinterpret_cast<const char*>(jpeg.data()), qsizetype(jpeg.size()));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "jpeg");
    // The raw's orientation is applied afterwards; a preview rarely has EXIF of its own, and
    // when it does it would turn the picture twice.
    reader.setAutoTransform(false);
    const QSize full = reader.size();
    if (full.isValid() && (full.width() > size || full.height() > size))
        reader.setScaledSize(full.scaled(size, size, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull()) return {};
    return image.format() == QImage::Format_RGB32 ? image
                                                  : image.convertToFormat(QImage::Format_RGB32);
}

}  // namespace

QString reasonOf(const std::exception& e) {
    QString message = QString::fromStdString(e.what());
    if (const auto* error = dynamic_cast<const rf::Error*>(&e); error && !error->file().empty()) {
        const QString prefix = QString::fromStdString(error->file()) + QStringLiteral(": ");
        if (message.startsWith(prefix)) message.remove(0, prefix.size());
    }
    return message;
}

PhotoMetadata metadataFrom(const rf::CaptureInfo& info) {
    PhotoMetadata m;
    m.ok = true;
    if (!info.dateTime.empty())
        m.captured = QDateTime::fromString(QString::fromStdString(info.dateTime), Qt::ISODate);
    const QString make = QString::fromStdString(info.make);
    const QString model = QString::fromStdString(info.model);
    m.camera = model.startsWith(make, Qt::CaseInsensitive) || make.isEmpty()
                   ? model
                   : make + QLatin1Char(' ') + model;
    m.lens = QString::fromStdString(info.lens);
    m.exposure = formatExposure(info);
    m.orientation = info.orientation;
    m.size =
        info.orientation >= 5 ? QSize(info.height, info.width) : QSize(info.width, info.height);
    return m;
}

PhotoMetadata readMetadata(const QString& path) {
    try {
        return metadataFrom(rf::readCaptureInfo(path.toStdString()));
    } catch (const std::exception& e) {
        PhotoMetadata m;
        m.error = reasonOf(e);
        return m;
    }
}

SidecarSummary readSidecarSummary(const QString& path) {
    SidecarSummary s;
    try {
        const rf::Sidecar sidecar = rf::loadSidecar(path.toStdString());
        s.rating = sidecar.info.rating;
        s.label = QString::fromStdString(sidecar.info.label);
        s.edited = !sidecar.edits.keys().empty();
    } catch (const std::exception& e) {
        s.error = QString::fromStdString(e.what());
    }
    return s;
}

QImage orientImage(const QImage& image, int orientation) {
    // EXIF 5 and 7 are a mirror followed by a quarter turn.
    switch (orientation) {
        case 2:
            return image.mirrored(true, false);
        case 3:
            return image.transformed(QTransform().rotate(180));
        case 4:
            return image.mirrored(false, true);
        case 5:
            return image.mirrored(true, false).transformed(QTransform().rotate(270));
        case 6:
            return image.transformed(QTransform().rotate(90));
        case 7:
            return image.mirrored(true, false).transformed(QTransform().rotate(90));
        case 8:
            return image.transformed(QTransform().rotate(270));
        default:
            return image;
    }
}

QImage loadThumbnail(const QString& path, int orientation, int size, QString& error) {
    error.clear();
    try {
        const std::vector<std::uint8_t> jpeg = rf::extractPreview(path.toStdString());
        if (!jpeg.empty()) {
            QImage preview = decodePreview(jpeg, size);
            // A preview much smaller than the tile (some cameras embed only a 160 px one)
            // is still better than nothing; a broken one falls through to the render.
            if (!preview.isNull()) return orientImage(preview, orientation);
        }
        // The render applies the orientation itself.
        return renderThumbnail(path, size);
    } catch (const std::bad_alloc&) {
        error = QStringLiteral("out of memory while making the thumbnail");
    } catch (const std::exception& e) {
        error = reasonOf(e);
    }
    return {};
}

PhotoLoad loadPhoto(const QString& path, int thumbnailSize, bool withThumbnail,
                    const PhotoMetadata* knownMetadata) {
    PhotoLoad load;
    load.metadata = knownMetadata ? *knownMetadata : readMetadata(path);
    load.sidecar = readSidecarSummary(path);
    if (!withThumbnail) return load;
    if (!load.metadata.ok) {
        // Nothing a render could do with a file LibRaw cannot even identify.
        load.thumbnailError = load.metadata.error;
        return load;
    }
    load.thumbnail =
        loadThumbnail(path, load.metadata.orientation, thumbnailSize, load.thumbnailError);
    return load;
}

}  // namespace rf::gui
