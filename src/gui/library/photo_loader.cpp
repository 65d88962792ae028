// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/photo_loader.h"

#include <QBuffer>
#include <QByteArray>
#include <QImageWriter>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <utility>

#include "common/display_image.h"

#include "rangefinder/auto_tone.h"
#include "rangefinder/error.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"
#include "rangefinder/sidecar.h"
#include "rangefinder/thumbnail_cache.h"

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

/// The raw rendered with `edits`, `size` pixels on the long edge: the same pipeline and
/// options as an export at that size (so the decode is the one any render makes, and a size
/// this small takes the half-size demosaic). No edits: as the camera would show it. With a
/// RecentPipeline and the file's identity (ThumbnailKey::file), the pipeline of the last render
/// of that file is used again and this one kept.
QImage renderThumbnail(const QString& path, int size, const rf::EditDocument& edits = {},
                       const DevelopContext* develop = nullptr, const std::string& file = {}) {
    RecentPipeline* recent = develop && !file.empty() ? develop->recent.get() : nullptr;
    std::shared_ptr<rf::Pipeline> pipeline = recent ? recent->find(file) : nullptr;
    if (!pipeline) {
        pipeline = std::make_shared<rf::Pipeline>(
            std::make_shared<const rf::RawImage>(rf::decodeRaw(path.toStdString())));
        if (develop) ++detail::developDecodes;
    }
    rf::RenderOptions options;
    options.size.mode = rf::SizeMode::LongEdge;
    options.size.a = size;
    // A pipeline kept for the next render keeps its caches; one rendered once hands over
    // its last buffer instead.
    options.oneShot = !recent;
    const rf::CancelToken* cancel = nullptr;
    if (develop) {
        options.lookDirs = develop->lookDirs;
        cancel = develop->cancel.get();
    }
    // Auto tone asked for in the sidecar (rangefinder-cli edits set tone.auto=true): chosen for
    // this photo, as an export does.
    const rf::EditDocument shown =
        edits.getBool("tone.auto") ? rf::applyAutoTone(*pipeline, edits, cancel) : edits;
    QImage image = toDisplayImage(pipeline->render(shown, options, cancel).rgb);
    if (recent) recent->keep(file, std::move(pipeline));
    return image;
}

// A developed thumbnail as the cache keeps it: a JPEG, small and decoded by the same reader
// as the embedded previews.
std::string encodeForCache(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(90);
    if (!writer.write(image)) return {};
    return bytes.toStdString();
}

QImage decodeFromCache(const std::string& bytes) {
    return decodePreview(std::vector<std::uint8_t>(bytes.begin(), bytes.end()), 1);
}

/// The cache only saves time: a folder it cannot write to is said once, then left alone.
void reportCacheProblem(const std::exception& e) {
    static std::atomic<bool> reported{false};
    if (!reported.exchange(true))
        std::fprintf(stderr,
                     "rangefinder: developed thumbnails cannot be kept on disk, so they are "
                     "rendered each time a folder opens: %s\n",
                     e.what());
}

/// The developed thumbnail of `edits` from the cache; with `render`, rendered (and cached) when
/// the cache has none. A null image when neither: `error` then says why, if a render failed.
QImage developedThumbnail(const QString& path, const rf::EditDocument& edits, int size,
                          const DevelopContext& develop, bool render, QString& error) {
    std::optional<rf::ThumbnailKey> key;
    if (develop.cache) {
        try {
            key = rf::thumbnailKey(path.toStdString(), edits, size);
        } catch (const std::exception&) {
            // The raw is gone or unreadable: the render below says so.
        }
    }
    if (key) {
        if (const auto bytes = develop.cache->load(*key)) {
            QImage cached = decodeFromCache(*bytes);
            if (!cached.isNull()) return cached;
            develop.cache->remove(*key);  // framed correctly but not a picture: made again
        }
    }
    if (!render) return {};
    QImage image;
    try {
        image = renderThumbnail(path, size, edits, &develop, key ? key->file : std::string());
    } catch (const rf::Cancelled&) {
        return {};
    } catch (const std::bad_alloc&) {
        error = QStringLiteral("out of memory while rendering the edits");
        return {};
    } catch (const std::exception& e) {
        error = reasonOf(e);
        return {};
    }
    ++detail::developedRenders;
    if (key) {
        try {
            const std::string bytes = encodeForCache(image);
            if (!bytes.empty()) develop.cache->store(*key, bytes);
        } catch (const std::exception& e) {
            reportCacheProblem(e);
        }
    }
    return image;
}

quint64 editsHashOf(const rf::EditDocument& edits) {
    if (edits.keys().empty()) return 0;
    const quint64 h = edits.hash();
    return h ? h : 1;  // 0 means "not edited"
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

std::atomic<long> detail::developedRenders{0};
std::atomic<long> detail::developDecodes{0};

std::shared_ptr<rf::Pipeline> RecentPipeline::find(const std::string& file) const {
    std::lock_guard lock(mutex_);
    return file == file_ ? pipeline_ : nullptr;
}

void RecentPipeline::keep(const std::string& file, std::shared_ptr<rf::Pipeline> pipeline) {
    std::shared_ptr<rf::Pipeline> old;  // freed outside the lock
    std::lock_guard lock(mutex_);
    old = std::exchange(pipeline_, std::move(pipeline));
    file_ = file;
}

void RecentPipeline::release() {
    keep({}, nullptr);
}

SidecarSummary summaryOf(const rf::Sidecar& sidecar) {
    SidecarSummary s;
    s.rating = sidecar.info.rating;
    s.label = QString::fromStdString(sidecar.info.label);
    s.edited = !sidecar.edits.keys().empty();
    s.editsHash = editsHashOf(sidecar.edits);
    return s;
}

namespace {
/// The sidecar's summary, and its edits in `edits`.
SidecarSummary readSidecar(const QString& path, rf::EditDocument& edits) {
    try {
        const rf::Sidecar sidecar = rf::loadSidecar(path.toStdString());
        edits = sidecar.edits;
        return summaryOf(sidecar);
    } catch (const std::exception& e) {
        SidecarSummary s;
        s.error = QString::fromStdString(e.what());
        return s;
    }
}
}  // namespace

SidecarSummary readSidecarSummary(const QString& path) {
    rf::EditDocument edits;
    return readSidecar(path, edits);
}

QImage loadThumbnail(const QString& path, int orientation, int size, QString& error,
                     const std::function<QImage()>& renderInstead) {
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
        return renderInstead ? renderInstead() : renderThumbnail(path, size);
    } catch (const std::bad_alloc&) {
        error = QStringLiteral("out of memory while making the thumbnail");
    } catch (const std::exception& e) {
        error = reasonOf(e);
    }
    return {};
}

PhotoLoad loadPhoto(const QString& path, int thumbnailSize, ThumbnailMode mode,
                    const DevelopContext& develop, const PhotoMetadata* knownMetadata) {
    PhotoLoad load;
    load.metadata = knownMetadata ? *knownMetadata : readMetadata(path);
    rf::EditDocument edits;
    load.sidecar = readSidecar(path, edits);
    if (mode == ThumbnailMode::None) return load;
    if (!load.metadata.ok) {
        // Nothing a render could do with a file LibRaw cannot even identify.
        load.thumbnailError = load.metadata.error;
        return load;
    }
    if (load.sidecar.edited) {
        const bool now = mode == ThumbnailMode::Developed;
        load.thumbnail =
            developedThumbnail(path, edits, thumbnailSize, develop, now, load.developError);
        if (!load.thumbnail.isNull() || now) {
            // Shown, or tried (a failed render is not tried again until the edits change).
            load.thumbnailEdits = load.sidecar.editsHash;
            return load;
        }
    }
    // Unedited, or edited and not developed yet: the camera's picture meanwhile. An edited raw
    // without a preview is developed at once, there being nothing quicker to show.
    std::function<QImage()> renderEdits;
    if (load.sidecar.edited)
        renderEdits = [&] {
            load.thumbnailEdits = load.sidecar.editsHash;
            QImage image =
                developedThumbnail(path, edits, thumbnailSize, develop, true, load.developError);
            if (image.isNull())
                throw std::runtime_error(load.developError.isEmpty()
                                             ? std::string("cancelled")
                                             : load.developError.toStdString());
            return image;
        };
    load.thumbnail = loadThumbnail(path, load.metadata.orientation, thumbnailSize,
                                   load.thumbnailError, renderEdits);
    return load;
}

}  // namespace rf::gui
