// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/photo_library_model.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMetaObject>
#include <QThread>
#include <algorithm>
#include <optional>

#include "common/post_to.h"
#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/looks.h"
#include "rangefinder/parallel.h"
#include "rangefinder/sidecar.h"
#include "rangefinder/thumbnail_cache.h"

namespace rf::gui {

PhotoLibraryModel::PhotoLibraryModel(int thumbnailSize, QObject* parent)
    : QAbstractListModel(parent), thumbnailSize_(std::max(32, thumbnailSize)) {
    // As many jobs as cores: each is a file read plus a JPEG decode, mostly CPU.
    maxInFlight_ = std::max(2, QThread::idealThreadCount());
    maxDeveloping_ = maxInFlight_ - 1;
    pool_.setMaxThreadCount(maxInFlight_);
    develop_.cache = std::make_shared<rf::ThumbnailCache>(rf::ThumbnailCache::defaultDir());
    // The user's folder first: a user look's LUT shadows an installed one of the same name.
    const std::vector<std::string> dirs = rf::defaultLookDirs();
    develop_.lookDirs.assign(dirs.rbegin(), dirs.rend());
    develop_.cancel = std::make_shared<rf::CancelToken>();
    develop_.recent = std::make_shared<RecentPipeline>();
    // Kept while a photo is being edited (a save every few seconds), not for the session.
    releaseRecent_.setSingleShot(true);
    releaseRecent_.setInterval(30000);
    connect(&releaseRecent_, &QTimer::timeout, this, [this] { develop_.recent->release(); });
}

PhotoLibraryModel::~PhotoLibraryModel() {
    // Jobs post their results to this object; let the running ones finish first (queued
    // results still pending are dropped with the object), their renders cut short.
    pool_.clear();
    develop_.cancel->cancel();
    pool_.waitForDone();
}

QString PhotoLibraryModel::thumbnailCacheDir() const {
    return QString::fromStdString(develop_.cache->dir());
}

bool PhotoLibraryModel::needsDevelop(const Photo& p) {
    return p.thumbnailLoaded && !p.thumbnail.isNull() && p.sidecarLoaded &&
           p.sidecar.error.isEmpty() && p.sidecar.editsHash != p.thumbnailEdits;
}

int PhotoLibraryModel::pendingThumbnails() const {
    return int(std::count_if(photos_.begin(), photos_.end(), [](const Photo& p) {
        return !p.counted || p.inFlight || p.sidecarStale || needsDevelop(p);
    }));
}

int PhotoLibraryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(photos_.size());
}

QVariant PhotoLibraryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(photos_.size())) return {};
    const Photo& p = photos_[std::size_t(index.row())];
    const QString error = p.metadataLoaded && !p.metadata.ok          ? p.metadata.error
                          : p.thumbnailLoaded && p.thumbnail.isNull() ? p.thumbnailError
                                                                      : QString();
    switch (role) {
        case Qt::DisplayRole:
        case FileNameRole:
            return p.name;
        case PathRole:
            return p.path;
        case ThumbnailRole:
            if ((!p.thumbnailLoaded || needsDevelop(p)) && !p.inFlight && !p.wanted) {
                p.wanted = true;
                freshlyWanted_.push_back(index.row());
                schedulePump();
            }
            return p.thumbnail;
        case RatingRole:
            return p.sidecar.rating;
        case LabelRole:
            return p.sidecar.label;
        case EditedRole:
            return p.sidecar.edited;
        case ErrorRole:
            return error;
        case SidecarErrorRole:
            return p.sidecar.error;
        case CaptureTimeRole:
            return p.metadata.captured;
        case CameraRole:
            return p.metadata.camera;
        case LensRole:
            return p.metadata.lens;
        case ExposureRole:
            return p.metadata.exposure;
        case PixelSizeRole:
            return p.metadata.size;
        case LoadStateRole:
            return QVariant::fromValue(!error.isEmpty()       ? LoadState::Failed
                                       : p.thumbnail.isNull() ? LoadState::Pending
                                                              : LoadState::Ready);
        case Qt::ToolTipRole: {
            QStringList lines{p.name};
            if (!error.isEmpty()) lines << error;
            for (const QString& s : {p.metadata.camera, p.metadata.lens, p.metadata.exposure})
                if (!s.isEmpty()) lines << s;
            if (p.metadata.captured.isValid())
                lines << QLocale().toString(p.metadata.captured, QLocale::ShortFormat);
            if (!p.sidecar.error.isEmpty()) lines << p.sidecar.error;
            if (!p.developError.isEmpty())
                lines << tr("The edits could not be shown: %1").arg(p.developError);
            return lines.join(QLatin1Char('\n'));
        }
        default:
            return {};
    }
}

QHash<int, QByteArray> PhotoLibraryModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{PathRole, "path"},
                  {ThumbnailRole, "thumbnail"},
                  {RatingRole, "rating"},
                  {LabelRole, "label"},
                  {EditedRole, "edited"},
                  {ErrorRole, "error"},
                  {CaptureTimeRole, "captureTime"},
                  {CameraRole, "camera"},
                  {FileNameRole, "fileName"},
                  {LoadStateRole, "loadState"},
                  {LensRole, "lens"},
                  {ExposureRole, "exposure"},
                  {PixelSizeRole, "pixelSize"},
                  {SidecarErrorRole, "sidecarError"}});
    return names;
}

std::optional<std::vector<std::string>> PhotoLibraryModel::listFolder(const QString& dir) {
    try {
        return rf::rawFilesIn(dir.toStdString());
    } catch (const std::exception& e) {
        emit folderError(QString::fromStdString(e.what()));
        return std::nullopt;
    }
}

void PhotoLibraryModel::openFolder(const QString& folder) {
    const QString dir = QDir(folder).absolutePath();
    const auto listed = listFolder(dir);
    if (!listed) return;
    const std::vector<std::string>& files = *listed;
    std::vector<Photo> photos(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        photos[i].path = QString::fromStdString(files[i]);
        photos[i].name = QFileInfo(photos[i].path).fileName();
    }
    setPhotos(dir, std::move(photos));
}

void PhotoLibraryModel::reload() {
    if (folder_.isEmpty()) return;
    const auto listed = listFolder(folder_);
    if (!listed) return;
    const std::vector<std::string>& files = *listed;
    std::vector<Photo> photos(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        const QString path = QString::fromStdString(files[i]);
        if (const int old = rowOf(path); old >= 0) {
            photos[i] = photos_[std::size_t(old)];
            // Jobs of the old listing are about to become stale.
            photos[i].inFlight = photos[i].wanted = false;
            if (!photos[i].thumbnailLoaded) photos[i].counted = false;
            photos[i].sidecarStale = true;
        } else {
            photos[i].path = path;
            photos[i].name = QFileInfo(path).fileName();
        }
    }
    setPhotos(folder_, std::move(photos));
}

void PhotoLibraryModel::setPhotos(const QString& folder, std::vector<Photo> photos) {
    beginResetModel();
    ++generation_;
    // The old listing's renders are of no use now; the new one's get a token of their own.
    develop_.cancel->cancel();
    develop_.cancel = std::make_shared<rf::CancelToken>();
    develop_.recent->release();
    folder_ = folder;
    photos_ = std::move(photos);
    rowByPath_.clear();
    loaded_ = 0;
    for (std::size_t i = 0; i < photos_.size(); ++i) {
        rowByPath_.insert(photos_[i].path, int(i));
        if (photos_[i].counted) ++loaded_;
    }
    freshlyWanted_.clear();
    wantedRows_.clear();
    nextMetadataRow_ = nextThumbnailRow_ = nextDevelopRow_ = 0;
    endResetModel();
    emit folderOpened(folder_);
    emitProgress();
    schedulePump();
}

void PhotoLibraryModel::emitProgress() {
    const int total = int(photos_.size());
    emit loadingProgress(loaded_, total);
    if (loaded_ == total) emit loadingFinished();
}

int PhotoLibraryModel::rowOf(const QString& path) const {
    return rowByPath_.value(QDir::cleanPath(path), -1);
}

QString PhotoLibraryModel::pathAt(int row) const {
    return row >= 0 && row < int(photos_.size()) ? photos_[std::size_t(row)].path : QString();
}

void PhotoLibraryModel::schedulePump() const {
    if (pumpScheduled_) return;
    pumpScheduled_ = true;
    // Deferred: data() runs inside a view's paint, and a whole page of tiles asks at once.
    auto* self = const_cast<PhotoLibraryModel*>(this);
    QMetaObject::invokeMethod(
        self, [self] { self->pump(); }, Qt::QueuedConnection);
}

void PhotoLibraryModel::pump() {
    pumpScheduled_ = false;
    // The page painted last goes first, in the order it was painted.
    wantedRows_.insert(wantedRows_.begin(), freshlyWanted_.begin(), freshlyWanted_.end());
    freshlyWanted_.clear();
    Job job;
    while (inFlight_ < maxInFlight_ && nextJob(job)) start(job);
}

bool PhotoLibraryModel::nextJob(Job& job) {
    const std::size_t n = photos_.size();
    const bool mayDevelop = developing_ < maxDeveloping_;
    for (auto it = wantedRows_.begin(); it != wantedRows_.end();) {
        const int row = *it;
        if (row >= int(n)) {
            it = wantedRows_.erase(it);
            continue;
        }
        Photo& p = photos_[std::size_t(row)];
        if (!p.inFlight && !p.thumbnailLoaded) {
            wantedRows_.erase(it);
            p.wanted = false;
            job = {row, generation_, p.sidecarStamp, ThumbnailMode::Quick};
            return true;
        }
        if (!p.inFlight && needsDevelop(p)) {
            // Waits here, ahead of the rows nobody looks at, until a thread may develop it.
            if (!mayDevelop) {
                ++it;
                continue;
            }
            wantedRows_.erase(it);
            p.wanted = false;
            job = {row, generation_, p.sidecarStamp, ThumbnailMode::Developed};
            return true;
        }
        // Loaded, or in flight (its result repaints it).
        p.wanted = false;
        it = wantedRows_.erase(it);
    }
    // Metadata of every photo before the remaining thumbnails: sorting by time and filtering
    // by rating need it, and it costs a fraction of a thumbnail.
    for (; nextMetadataRow_ < n; ++nextMetadataRow_) {
        Photo& p = photos_[nextMetadataRow_];
        if ((!p.metadataLoaded || p.sidecarStale) && !p.inFlight) {
            job = {int(nextMetadataRow_++), generation_, p.sidecarStamp, ThumbnailMode::None};
            return true;
        }
    }
    for (; nextThumbnailRow_ < n; ++nextThumbnailRow_) {
        Photo& p = photos_[nextThumbnailRow_];
        if (!p.thumbnailLoaded && !p.inFlight) {
            job = {int(nextThumbnailRow_++), generation_, p.sidecarStamp, ThumbnailMode::Quick};
            return true;
        }
    }
    // Last, the developed thumbnails nobody is looking at: each is a decode and a render.
    if (!mayDevelop) return false;
    for (; nextDevelopRow_ < n; ++nextDevelopRow_) {
        Photo& p = photos_[nextDevelopRow_];
        if (needsDevelop(p) && !p.inFlight) {
            job = {int(nextDevelopRow_++), generation_, p.sidecarStamp, ThumbnailMode::Developed};
            return true;
        }
    }
    return false;
}

void PhotoLibraryModel::start(const Job& job) {
    Photo& p = photos_[std::size_t(job.row)];
    p.inFlight = true;
    ++inFlight_;
    if (job.mode == ThumbnailMode::Developed) ++developing_;
    const QString path = p.path;
    const int size = thumbnailSize_;
    std::optional<PhotoMetadata> known;
    if (p.metadataLoaded) known = p.metadata;
    startOn(pool_, [this, job, path, size, known, develop = develop_] {
        PhotoLoad load = loadPhoto(path, size, job.mode, develop, known ? &*known : nullptr);
        postTo(this, [this, job, load] { finish(job, load); });
    });
}

void PhotoLibraryModel::finish(const Job& job, const PhotoLoad& load) {
    --inFlight_;
    if (job.mode == ThumbnailMode::Developed) {
        --developing_;
        releaseRecent_.start();
    }
    if (job.generation != generation_ || job.row >= int(photos_.size())) {
        pump();
        return;
    }
    Photo& p = photos_[std::size_t(job.row)];
    p.inFlight = false;
    if (!p.metadataLoaded) {
        p.metadata = load.metadata;
        p.metadataLoaded = true;
    }
    // A write or refresh since this job started knows better than what the job read.
    if (p.sidecarStamp == job.sidecarStamp) {
        p.sidecar = load.sidecar;
        p.sidecarLoaded = true;
        p.sidecarStale = false;
    }
    switch (job.mode) {
        case ThumbnailMode::Quick:
            p.thumbnail = load.thumbnail;
            p.thumbnailError = load.thumbnailError;
            p.thumbnailLoaded = true;
            p.thumbnailEdits = load.thumbnailEdits;
            p.developError = load.developError;
            break;
        case ThumbnailMode::Developed:
            // Newer edits than these may have come meanwhile: the picture is still closer to
            // them than the one shown, and needsDevelop sends the row round again. A render
            // that failed keeps the picture there was.
            if (!load.thumbnail.isNull()) p.thumbnail = load.thumbnail;
            p.thumbnailEdits = load.thumbnailEdits;
            p.developError = load.developError;
            break;
        case ThumbnailMode::None:
            if (!p.metadata.ok) {
                // Nothing more to learn from a file that cannot be identified.
                p.thumbnailError = p.metadata.error;
                p.thumbnailLoaded = true;
            } else if (!p.thumbnailLoaded && std::size_t(job.row) < nextThumbnailRow_) {
                // The thumbnail pass went by while this row was busy.
                nextThumbnailRow_ = std::size_t(job.row);
            }
            break;
    }
    noteDevelopNeed(job.row);
    const bool wasCounted = p.counted;
    countIfLoaded(p);
    // All roles: the sort/filter proxy re-sorts only on changes of the roles it is told.
    const QModelIndex i = index(job.row);
    emit dataChanged(i, i);
    if (p.counted != wasCounted) emitProgress();
    pump();
}

void PhotoLibraryModel::noteDevelopNeed(int row) {
    // The develop pass may have gone by this row already.
    if (needsDevelop(photos_[std::size_t(row)]))
        nextDevelopRow_ = std::min(nextDevelopRow_, std::size_t(row));
}

void PhotoLibraryModel::countIfLoaded(Photo& p) {
    if (p.counted || !p.metadataLoaded || !p.thumbnailLoaded) return;
    p.counted = true;
    ++loaded_;
}

void PhotoLibraryModel::applySidecar(int row, const SidecarSummary& summary) {
    Photo& p = photos_[std::size_t(row)];
    p.sidecar = summary;
    p.sidecarLoaded = true;
    p.sidecarStale = false;
    ++p.sidecarStamp;
    // Edits other than the thumbnail's: developed again (the views repaint the row, so a
    // visible one goes first).
    noteDevelopNeed(row);
    const QModelIndex i = index(row);
    emit dataChanged(i, i);
    if (needsDevelop(p)) schedulePump();
}

void PhotoLibraryModel::refreshPhoto(const QString& path) {
    const int row = rowOf(path);
    if (row >= 0) applySidecar(row, readSidecarSummary(pathAt(row)));
}

PhotoLibraryModel::SidecarWrites PhotoLibraryModel::setRating(const QStringList& paths,
                                                              int rating) {
    rating = std::clamp(rating, -1, 5);
    return updateSidecars(paths, [rating](rf::PhotoInfo& info) { info.rating = rating; });
}

PhotoLibraryModel::SidecarWrites PhotoLibraryModel::setLabel(const QStringList& paths,
                                                             const QString& label) {
    const std::string text = label.toStdString();
    return updateSidecars(paths, [text](rf::PhotoInfo& info) { info.label = text; });
}

PhotoLibraryModel::SidecarWrites PhotoLibraryModel::updateSidecars(
    const QStringList& paths, const std::function<void(rf::PhotoInfo&)>& change) {
    SidecarWrites result;
    QStringList& problems = result.problems;
    for (const QString& path : paths) {
        const std::string raw = path.toStdString();
        try {
            // Keep the naming the photo's sidecar already has (NAME.xmp for Lightroom users),
            // also when an unreadable one is moved aside.
            const std::string existing = rf::findSidecar(raw);
            const rf::SidecarNaming naming = rf::sidecarNamingFor(raw);
            // Read, changed and saved under the photo's lock, so the editor or a command
            // changing the same photo at the same moment loses nothing.
            const auto apply = [&](rf::Sidecar& s) {
                change(s.info);
                return true;
            };
            rf::Sidecar sidecar;
            try {
                sidecar = rf::updateSidecar(raw, apply, naming);
            } catch (const rf::Error& e) {
                // Only an existing sidecar that does not parse is moved aside; anything else
                // (its lock held too long, an unreadable file) is reported as it is.
                std::error_code ec;
                bool parses = true;
                try {
                    rf::loadSidecar(raw);
                } catch (const rf::Error&) {
                    parses = false;
                }
                if (existing.empty() || parses || !std::filesystem::is_regular_file(existing, ec))
                    throw;
                const std::string moved = rf::quarantineSidecar(existing);
                problems << tr("%1 (moved aside to %2; a new sidecar was started)")
                                .arg(QString::fromStdString(e.what()),
                                     QString::fromStdString(moved));
                sidecar = rf::updateSidecar(raw, apply, naming);
            }
            ++result.written;
            if (const int row = rowOf(path); row >= 0) applySidecar(row, summaryOf(sidecar));
        } catch (const std::exception& e) {
            problems << QString::fromStdString(e.what());
        }
    }
    return result;
}

}  // namespace rf::gui
