// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's renderer: one open photo, decoded once, rendered on a worker thread so the
// interface never waits. Requests come in channels — the interactive fit-size view, the
// full-resolution view (at 100 %), the "before" image (the unedited render, or the camera's
// embedded JPEG in the same frame: editor/camera_jpeg.h), look thumbnails, the
// white-balance picker — and in each channel the newest request wins: it replaces a waiting
// one, cancels a running one (rf::CancelToken) and any result that arrives late is
// dropped. A request of a more urgent channel pre-empts a running less urgent one, which
// then runs again afterwards. Each kind of render has its own rf::Pipeline over the shared
// raw, so the interactive view keeps its cache (a tone slider re-runs only tone → output)
// while a full-size or thumbnail render fills another.
//
// Results are delivered on the GUI thread as QImages ready to paint, with the histogram
// computed on the worker (see common/display_image.h).
#pragma once

#include <QImage>
#include <QObject>
#include <QRectF>
#include <QSize>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/display_image.h"
#include "rangefinder/lens.h"
#include "rangefinder/params.h"
#include "rangefinder/raw.h"

namespace rf::gui {

/// What a render produced, as the viewer needs it.
struct RenderedFrame {
    enum Kind { View, Full, Before };
    Kind kind = View;
    quint64 serial = 0;
    EditDocument edits;  ///< what was rendered
    QImage image;        ///< display pixels (monitor-encoded when a profile is set)
    QImage clipping;     ///< with clipping marks; null unless asked for
    Histogram histogram;
    QSize fullSize;       ///< the same frame's size at full resolution (the viewer's coordinates)
    QSize uncroppedSize;  ///< the full-resolution frame before the crop (the crop tool's)
    std::pair<double, double> whiteBalance{0, 0};  ///< temperature and tint it stands for
    bool halfSizeDemosaic = false;
    bool cameraJpeg = false;  ///< a Before frame made of the camera's JPEG
    double milliseconds = 0;  ///< request to result
};

class RenderController : public QObject {
    Q_OBJECT
  public:
    explicit RenderController(QObject* parent = nullptr);
    ~RenderController() override;

    /// Starts opening a photo: the embedded preview is announced first (previewReady), then
    /// the raw is decoded (opened, or openFailed). Requests for the previous photo are
    /// dropped.
    void open(const QString& rawPath);
    /// Forgets the photo and frees its memory.
    void close();
    QString path() const { return path_; }
    bool isOpen() const { return decoded_; }
    const CaptureInfo& captureInfo() const { return info_; }
    /// Whether the open photo's embedded JPEG can be compared with (renderCameraJpeg), known
    /// once it is open; when not, cameraJpegProblem() says why.
    bool hasCameraJpeg() const { return isOpen() && cameraJpegProblem_.isEmpty(); }
    QString cameraJpegProblem() const { return cameraJpegProblem_; }
    /// The lens profile these lens parameters find for the open photo (its DNG opcodes, or
    /// the lens database by its camera and lens); a database search, cheap enough for the
    /// GUI thread.
    LensProfile lensProfile(const LensParams& params) const;

    /// A render of `edits` to fit `fitSize` (device pixels), or at full resolution when
    /// `fitSize` is empty. Returns the request's serial.
    quint64 render(RenderedFrame::Kind kind, const EditDocument& edits, QSize fitSize,
                   bool clippingMarks = false);
    /// The camera's JPEG shown as a render of `edits` would frame it — placed on the raw's
    /// frame, then through the edits' geometry and crop — to fit `fitSize` (device pixels;
    /// full resolution when empty). It comes as a Before frame with cameraJpeg set, and
    /// replaces any Before request still waiting.
    quint64 renderCameraJpeg(const EditDocument& edits, QSize fitSize);
    /// Where the camera's JPEG was found to lie on the frame, for `edits`' lens correction
    /// (after the first renderCameraJpeg; for tests and the status bar).
    std::optional<QRectF> cameraJpegPlacement() const { return placement_; }
    /// The serial of the newest request of a kind (results older than it are dropped).
    quint64 latestSerial(RenderedFrame::Kind kind) const { return latest_[kind]; }

    /// White balance from a patch the user marked as neutral, in the coordinates of a render
    /// of `edits` fitted to `fitSize`; answers with whiteBalancePicked or pickFailed.
    void pickWhiteBalance(const EditDocument& edits, QSize fitSize, const QRect& region);

    /// Auto tone for `edits` (rf::applyAutoTone on the worker, sharing the preview's caches);
    /// answers with autoTonePicked (the edits with its values) or pickFailed.
    void autoTone(const EditDocument& edits);

    /// Small renders of variants of the photo (one per look), `longEdge` device pixels;
    /// answered one by one with thumbnailReady(batch, index, image). A new batch replaces
    /// the previous one.
    quint64 renderThumbnails(const std::vector<EditDocument>& variants, int longEdge);

    /// The monitor transform applied to every image from now on (nullptr: sRGB as is).
    void setDisplayTransform(std::shared_ptr<const DisplayTransform> transform);

  signals:
    void previewReady(const QString& path, const QImage& preview);
    void opened(const QString& path);
    void openFailed(const QString& path, const QString& message);
    void frameReady(const rf::gui::RenderedFrame& frame);
    void renderFailed(const QString& message);
    void whiteBalancePicked(const rf::EditDocument& edits);
    void autoTonePicked(const rf::EditDocument& edits);
    void pickFailed(const QString& message);
    void thumbnailReady(quint64 batch, int index, const QImage& image);

  private:
    class Worker;
    struct Photo;
    void deliver(const RenderedFrame& frame);
    // Runs `work` on the open photo on the worker (the pick channel) and answers with `done`
    // (its edits) or pickFailed (its error), unless another photo was opened meanwhile.
    using PickWork = std::function<EditDocument(Photo& photo, const CancelToken& token)>;
    void pick(PickWork work, void (RenderController::*done)(const rf::EditDocument&));

    std::unique_ptr<Worker> worker_;
    QString path_;
    quint64 openSerial_ = 0;
    bool decoded_ = false;
    CaptureInfo info_;
    DngLensOpcodes dngLens_;  // the open photo's, for lensProfile
    QString cameraJpegProblem_;
    std::optional<QRectF> placement_;
    quint64 latest_[3] = {0, 0, 0};
    quint64 thumbBatch_ = 0;
    quint64 nextSerial_ = 0;
    std::shared_ptr<const DisplayTransform> monitor_;
    std::vector<std::string> lookDirs_;  // where a look's LUT file is found, first match wins
};

}  // namespace rf::gui
