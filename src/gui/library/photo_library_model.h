// SPDX-License-Identifier: GPL-3.0-or-later
// The photos of one folder, as the grid, the filmstrip and the main window see them. Opening a
// folder lists its raw files at once (rows with a name and nothing else); everything that
// needs a file opened — capture metadata, the sidecar's rating and label, the thumbnail — is
// filled in by background jobs on the model's own thread pool, a few at a time so the model
// decides the order: first the thumbnails a view is painting (a view asks only for the rows
// it shows, so the visible tiles come first in a folder of hundreds), then the metadata of
// every photo (so sorting by time and filtering by rating settle quickly), then the other
// thumbnails, then the developed thumbnails of edited photos not found in the cache. Results
// of an older folder are dropped and its renders cancelled. A file that cannot be read gets an
// error instead of a thumbnail; the folder loads on.
//
// An edited photo's thumbnail is its edits rendered (photo_loader.h). The model knows which
// edits each thumbnail shows; whenever a sidecar reading says the edits are other than that
// (refreshPhoto after the editor saved, a batch look or paste, a rating read that finds edits
// made elsewhere), that row alone is developed again — visible rows first, at most all but one
// of the pool's threads at it so the grid's cheap jobs keep a thread — and until then it keeps
// the picture it has.
//
// Sidecars are written here on the GUI thread, each write loading the file fresh and changing
// only the rating or label (the editor writes edits the same way), so neither side overwrites
// the other's fields. A write or refreshPhoto() makes any sidecar reading still in flight for
// that photo stale, so an older read never undoes a newer write.
#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QImage>
#include <QSize>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "library/photo_loader.h"

namespace rf {
struct PhotoInfo;
class CancelToken;
class ThumbnailCache;
}  // namespace rf

namespace rf::gui {

class PhotoLibraryModel : public QAbstractListModel {
    Q_OBJECT

  public:
    enum Roles {
        PathRole = Qt::UserRole + 1,  ///< QString, absolute path of the raw
        ThumbnailRole,                ///< QImage; null until loaded or when it failed
        RatingRole,                   ///< int 0–5, -1 = rejected
        LabelRole,                    ///< QString colour label ("Red"), "" for none
        EditedRole,                   ///< bool: the sidecar holds edits
        ErrorRole,                    ///< QString: why the photo cannot be shown, "" when fine
        CaptureTimeRole,              ///< QDateTime, invalid when unknown
        CameraRole,                   ///< QString
        // Beyond the seam the editor relies on:
        FileNameRole,      ///< QString, the name without the folder
        LoadStateRole,     ///< LoadState
        LensRole,          ///< QString
        ExposureRole,      ///< QString "1/250 s  f/8  ISO 100  50 mm"
        PixelSizeRole,     ///< QSize, upright
        SidecarErrorRole,  ///< QString: the sidecar exists but cannot be read
    };
    enum class LoadState { Pending, Ready, Failed };
    Q_ENUM(LoadState)

    /// `thumbnailSize`: the long edge of the thumbnails kept, in device pixels.
    explicit PhotoLibraryModel(int thumbnailSize = 256, QObject* parent = nullptr);
    ~PhotoLibraryModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Lists the folder's raw files and starts loading them in the background. An unreadable
    /// folder leaves the model as it was and emits folderError.
    void openFolder(const QString& folder);
    QString folder() const { return folder_; }
    /// Reads the folder again (files added or removed), keeping what is already loaded but the
    /// sidecars, which are read again (edits made by another program are developed then).
    void reload();

    /// Re-reads that photo's sidecar (the editor calls it after saving edits).
    void refreshPhoto(const QString& path);

    int rowOf(const QString& path) const;
    QString pathAt(int row) const;
    int thumbnailSize() const { return thumbnailSize_; }

    /// Rows whose thumbnail (or error) and metadata are all in.
    int loadedCount() const { return loaded_; }
    bool isLoading() const { return loaded_ < int(photos_.size()); }
    /// Rows still loading (their sidecars read again after reload() included), or whose
    /// thumbnail does not show their edits yet (to be developed).
    int pendingThumbnails() const;

    /// The folder developed thumbnails are kept in (ThumbnailCache::defaultDir() when the model
    /// was made).
    QString thumbnailCacheDir() const;

    struct SidecarWrites {
        int written = 0;
        QStringList problems;  ///< one line per file not written, or moved aside first
    };
    /// Sets the rating (-1 … 5) of each photo in its sidecar; a file that fails does not stop
    /// the others.
    SidecarWrites setRating(const QStringList& paths, int rating);
    /// Sets the colour label ("" removes it).
    SidecarWrites setLabel(const QStringList& paths, const QString& label);
    /// Changes the photographer's info of each photo in its sidecar (load fresh, change, save).
    /// A sidecar that cannot be parsed is moved aside first, as the command line does, and
    /// noted in the problems.
    SidecarWrites updateSidecars(const QStringList& paths,
                                 const std::function<void(rf::PhotoInfo&)>& change);

  signals:
    void folderOpened(const QString& folder);
    void folderError(const QString& message);
    /// Emitted as photos finish loading; done == total at the end.
    void loadingProgress(int done, int total);
    void loadingFinished();

  private:
    /// The folder's raw files; nullopt (after emitting folderError) when it cannot be read.
    std::optional<std::vector<std::string>> listFolder(const QString& dir);
    struct Photo {
        QString path, name;
        PhotoMetadata metadata;
        bool metadataLoaded = false;
        SidecarSummary sidecar;
        bool sidecarLoaded = false;
        quint64 sidecarStamp = 0;   // bumped by each write/refresh from the GUI thread
        bool sidecarStale = false;  // to be read again (the folder was refreshed)
        QImage thumbnail;
        QString thumbnailError;
        bool thumbnailLoaded = false;
        quint64 thumbnailEdits = 0;  // the SidecarSummary::editsHash the thumbnail shows
        QString developError;        // those edits could not be rendered
        bool inFlight = false;
        mutable bool wanted = false;  // a view asked for its thumbnail
        bool counted = false;         // included in loaded_
    };
    struct Job {
        int row;
        quint64 generation;
        quint64 sidecarStamp;
        ThumbnailMode mode;
    };
    /// The thumbnail is in but shows other edits than the sidecar's.
    static bool needsDevelop(const Photo& p);

    void setPhotos(const QString& folder, std::vector<Photo> photos);
    void emitProgress();
    void pump();
    void schedulePump() const;
    bool nextJob(Job& job);
    void start(const Job& job);
    void finish(const Job& job, const PhotoLoad& load);
    void countIfLoaded(Photo& p);
    void applySidecar(int row, const SidecarSummary& summary);
    void noteDevelopNeed(int row);

    QString folder_;
    std::vector<Photo> photos_;
    QHash<QString, int> rowByPath_;
    int thumbnailSize_;
    quint64 generation_ = 0;
    int loaded_ = 0;
    int inFlight_ = 0;
    int maxInFlight_ = 2;
    int developing_ = 0;     // jobs in flight rendering developed thumbnails
    int maxDeveloping_ = 1;  // all threads but one: a view's next page still loads meanwhile
    std::size_t nextMetadataRow_ = 0;
    std::size_t nextThumbnailRow_ = 0;
    std::size_t nextDevelopRow_ = 0;
    DevelopContext develop_;  // its cancel token is the current folder's
    QTimer releaseRecent_;    // lets the last developed photo's pipeline go when idle
    // Written from data(), which is const: a view asking for a thumbnail is the signal that
    // the row is visible.
    mutable std::vector<int> freshlyWanted_;  // in the order the view painted them
    std::deque<int> wantedRows_;              // newest paint first
    mutable bool pumpScheduled_ = false;
    QThreadPool pool_;
};

}  // namespace rf::gui
