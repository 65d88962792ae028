// SPDX-License-Identifier: GPL-3.0-or-later
// What the library learns about one raw file in the background: its capture metadata, its
// sidecar's rating, label and whether it holds edits, and a thumbnail. The thumbnail shows the
// photo as the photographer left it. An unedited photo's is the raw's embedded JPEG preview,
// decoded straight to tile size (libjpeg's DCT scaling does most of the shrinking) and turned
// upright by the raw's EXIF orientation, which the preview itself does not carry
// (common/display_image.h's decodePreview, which the editor uses too). An edited photo's is
// developed: its sidecar's edits (look, crop, orientation, exposure…) rendered through the core
// pipeline at tile size, as export and the editor's preview render them; it is kept in the
// on-disk ThumbnailCache (rangefinder/thumbnail_cache.h) as a JPEG, so it is rendered once per
// version of the edits. Until it exists the embedded preview stands in. A raw without a usable
// preview is rendered small through the pipeline too, so a DNG without a preview still gets a
// picture; only when that fails too does the tile show the reason. Every function here is safe
// on a worker thread and reports failures in its result instead of throwing: one bad file never
// stops a folder loading.
#pragma once

#include <QDateTime>
#include <QImage>
#include <QSize>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace rf {
struct CaptureInfo;
struct Sidecar;
class CancelToken;
class Pipeline;
class ThumbnailCache;
}  // namespace rf

namespace rf::gui {

/// The capture metadata the library shows and sorts by.
struct PhotoMetadata {
    bool ok = false;
    QString error;       ///< why the file could not be read (empty when ok)
    QDateTime captured;  ///< invalid when the camera recorded no time
    QString camera;      ///< "Canon EOS 30D"
    QString lens;
    QString exposure;  ///< "1/250 s  f/8  ISO 100  50 mm", parts the camera recorded
    int orientation = 1;
    QSize size;  ///< pixels after orientation
};

/// The photographer's part of the sidecar.
struct SidecarSummary {
    int rating = 0;  ///< -1 rejected, 0 … 5
    QString label;
    bool edited = false;  ///< the sidecar sets any edit parameter
    /// The edits as the pipeline sees them (rf::EditDocument::hash), 0 when not edited: what a
    /// developed thumbnail is made for.
    quint64 editsHash = 0;
    QString error;  ///< the sidecar exists but cannot be read
};

/// What a thumbnail job is to produce.
enum class ThumbnailMode {
    None,       ///< metadata and sidecar only
    Quick,      ///< a cached developed thumbnail, else the embedded preview (an edited photo
                ///< without one is developed at once: there is nothing quicker to show)
    Developed,  ///< the thumbnail of the edits as they are now: cached, else rendered and cached
};

/// The pipeline of the photo developed last, kept for its next development: while a photo is
/// being edited its tile is developed again after every save, and the decode and the early
/// stages — most of a render at tile size — are then done once, not each time. One photo's at a
/// time; the model lets it go when the folder changes or nothing was developed for a while.
class RecentPipeline {
  public:
    /// The pipeline kept for `file` (ThumbnailKey::file), or nullptr.
    std::shared_ptr<rf::Pipeline> find(const std::string& file) const;
    /// Keeps `pipeline` of `file` in place of the one kept before.
    void keep(const std::string& file, std::shared_ptr<rf::Pipeline> pipeline);
    void release();

  private:
    mutable std::mutex mutex_;
    std::string file_;
    std::shared_ptr<rf::Pipeline> pipeline_;
};

/// What developing a thumbnail needs besides the photo.
struct DevelopContext {
    std::shared_ptr<rf::ThumbnailCache> cache;  ///< nullptr: nothing kept between renders
    std::shared_ptr<RecentPipeline> recent;     ///< nullptr: every render decodes
    std::vector<std::string> lookDirs;          ///< where a look's LUT file is found
    std::shared_ptr<rf::CancelToken> cancel;    ///< fired when the folder is left
};

struct PhotoLoad {
    PhotoMetadata metadata;
    SidecarSummary sidecar;
    QImage thumbnail;        ///< null when there is none; then thumbnailError says why
    QString thumbnailError;  ///< empty when the thumbnail loaded
    /// The SidecarSummary::editsHash the thumbnail shows (0: the photo unedited). For a
    /// developed render that failed it is the edits tried, and developError says why.
    quint64 thumbnailEdits = 0;
    QString developError;
};

PhotoMetadata metadataFrom(const rf::CaptureInfo& info);
PhotoMetadata readMetadata(const QString& path);
SidecarSummary readSidecarSummary(const QString& path);
SidecarSummary summaryOf(const rf::Sidecar& sidecar);

/// The thumbnail of `path`, at most `size` pixels on its long edge, upright for `orientation`
/// (EXIF 1–8): the embedded preview, else `renderInstead` (by default the raw rendered without
/// edits). Sets `error` and returns a null image when neither works.
QImage loadThumbnail(const QString& path, int orientation, int size, QString& error,
                     const std::function<QImage()>& renderInstead = {});

/// Everything at once, as a background job runs it. `knownMetadata` skips re-reading the
/// capture metadata when the model already has it.
PhotoLoad loadPhoto(const QString& path, int thumbnailSize, ThumbnailMode mode,
                    const DevelopContext& develop, const PhotoMetadata* knownMetadata = nullptr);

namespace detail {
/// Developed thumbnails rendered (not found in the cache) in this process, and the raws
/// decoded for them: tests count them.
extern std::atomic<long> developedRenders;
extern std::atomic<long> developDecodes;
}  // namespace detail

/// The reason of an rf::Error without the file name in front (tiles already show the name).
QString reasonOf(const std::exception& e);

}  // namespace rf::gui
