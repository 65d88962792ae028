// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/photo_loader.h"

#include <cmath>
#include <memory>

#include "common/display_image.h"

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

/// The raw rendered as the camera would show it (no edits), `size` pixels on the long edge.
QImage renderThumbnail(const QString& path, int size) {
    auto raw = std::make_shared<const rf::RawImage>(rf::decodeRaw(path.toStdString()));
    rf::Pipeline pipeline(raw);
    rf::RenderOptions options;
    options.size.mode = rf::SizeMode::LongEdge;
    options.size.a = size;
    options.oneShot = true;
    return toDisplayImage(pipeline.render(rf::EditDocument{}, options).rgb);
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

QImage loadThumbnail(const QString& path, int orientation, int size, QString& error) {
    error.clear();
    try {
        const std::vector<std::uint8_t> jpeg = rf::extractPreview(path.toStdString());
        if (!jpeg.empty()) {
            // A preview much smaller than the tile (some cameras embed only a 160 px one)
            // is still better than nothing; a broken one falls through to the render.
            QImage preview = decodePreview(jpeg, orientation, size);
            if (!preview.isNull()) return preview;
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
