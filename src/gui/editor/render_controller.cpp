// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/render_controller.h"

#include <QRect>
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "common/post_to.h"
#include "editor/camera_jpeg.h"
#include "editor/crop_geometry.h"
#include "rangefinder/auto_tone.h"
#include "rangefinder/error.h"
#include "rangefinder/geometry.h"
#include "rangefinder/looks.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/whitebalance.h"

namespace rf::gui {

namespace {

// Lower is more urgent. Opening a photo outranks everything; the picker answers a click;
// the interactive view is what the photographer is looking at; the rest can wait.
enum Channel { kOpen, kPick, kView, kBefore, kFull, kThumbs, kChannels };

Channel channelOf(RenderedFrame::Kind kind) {
    switch (kind) {
        case RenderedFrame::Full:
            return kFull;
        case RenderedFrame::Before:
            return kBefore;
        case RenderedFrame::View:
            break;
    }
    return kView;
}

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// The long edge of the render the camera's JPEG is registered on (camera_jpeg.h): an eighth
// of its pixel is a few hundredths of a percent of the frame.
constexpr int kRegisterEdge = 400;

// The edits' lens correction alone: what decides the frame the camera's JPEG is placed on
// (the sensor frame with the correction's border-hiding zoom), and nothing that moves it.
EditDocument lensOnly(const EditDocument& edits) {
    EditDocument out;
    for (const std::string& key : edits.keys())
        if (key.rfind("lens.", 0) == 0) out.setValueJson(key, edits.valueJson(key));
    return out;
}

}  // namespace

// Everything about the open photo that only the worker thread touches.
struct RenderController::Photo {
    quint64 serial = 0;
    std::shared_ptr<const RawImage> raw;
    // One pipeline per kind of render, each keeping its own cache (see the header).
    Pipeline view, full, aux;
    // The embedded JPEG (empty when there is none worth comparing with) and where it lies on
    // the frame for the lens correction whose hash is `placementKey`.
    std::vector<std::uint8_t> jpeg;
    QSize jpegSize;  // upright
    std::optional<CameraPlacement> placement;
    std::uint64_t placementKey = 0;
    Photo(quint64 s, std::shared_ptr<const RawImage> r)
        : serial(s), raw(r), view(r), full(r), aux(std::move(r)) {}
};

// One thread, one job at a time (the core's parallelFor spreads each job over the cores),
// one waiting job per channel.
class RenderController::Worker {
  public:
    using Job = std::function<void(const CancelToken&)>;

    Worker() : thread_([this] { loop(); }) {}

    ~Worker() { shutdown(); }

    /// Cancels the running job and waits for the thread to end; pending jobs are dropped.
    void shutdown() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
            if (token_) token_->cancel();
        }
        cv_.notify_all();
        if (thread_.joinable()) thread_.join();
    }

    void post(Channel c, Job job) {
        {
            std::lock_guard lock(mutex_);
            if (c == kOpen)
                for (auto& s : slots_) s.reset();
            slots_[c] = std::move(job);
            if (running_ >= 0 && token_) {
                // Same channel (or a new photo): the running job is stale. A less urgent
                // one is only in the way: it gives up the thread and runs again later.
                if (running_ == c || c == kOpen) {
                    token_->cancel();
                    preempted_ = false;
                } else if (running_ > c) {
                    token_->cancel();
                    preempted_ = true;
                }
            }
        }
        cv_.notify_one();
    }

    /// The open photo; only jobs (on the worker thread) read or replace it.
    std::shared_ptr<Photo> photo;

  private:
    void loop() {
        for (;;) {
            Job job;
            int c = -1;
            std::shared_ptr<CancelToken> token;
            {
                std::unique_lock lock(mutex_);
                cv_.wait(lock, [this] { return stop_ || hasWork(); });
                if (stop_) return;
                for (c = 0; !slots_[c]; ++c) {
                }
                job = std::move(*slots_[c]);
                slots_[c].reset();
                token_ = token = std::make_shared<CancelToken>();
                running_ = c;
                preempted_ = false;
            }
            bool cancelled = false;
            try {
                job(*token);
            } catch (const Cancelled&) {
                cancelled = true;
            }
            std::lock_guard lock(mutex_);
            if (cancelled && preempted_ && !slots_[c]) slots_[c] = std::move(job);
            running_ = -1;
            token_.reset();
        }
    }

    bool hasWork() const {
        for (const auto& s : slots_)
            if (s) return true;
        return false;
    }

    std::mutex mutex_;
    std::condition_variable cv_;
    std::array<std::optional<Job>, kChannels> slots_;
    std::shared_ptr<CancelToken> token_;
    int running_ = -1;
    bool preempted_ = false;
    bool stop_ = false;
    std::thread thread_;  // last: starts after everything above exists
};

RenderController::RenderController(QObject* parent)
    : QObject(parent), worker_(std::make_unique<Worker>()) {
    // The user's folder first: a user look's LUT shadows an installed one of the same name.
    const std::vector<std::string> dirs = defaultLookDirs();
    lookDirs_.assign(dirs.rbegin(), dirs.rend());
}

RenderController::~RenderController() {
    // Jobs use this object's members (and worker_ itself): the thread ends first.
    worker_->shutdown();
}

void RenderController::open(const QString& rawPath) {
    path_ = rawPath;
    decoded_ = false;
    info_ = CaptureInfo{};
    cameraJpegProblem_.clear();
    placement_.reset();
    const quint64 serial = ++openSerial_;
    const std::string file = rawPath.toStdString();
    worker_->post(kOpen, [this, serial, file, rawPath](const CancelToken& token) {
        worker_->photo.reset();  // free the previous photo before decoding the next
        // The embedded preview first: it shows in a few milliseconds while the raw decodes.
        // A photo without one (or whose preview is damaged) simply waits for the render;
        // a file that cannot be read at all is reported by the decoder below.
        QImage preview;
        std::vector<std::uint8_t> jpeg;
        try {
            const CaptureInfo info = readCaptureInfo(file);
            jpeg = extractPreview(file);
            preview = decodePreview(jpeg, info.orientation);
        } catch (const Error&) {
        }
        // What the camera's JPEG is good for, said once for the compare control's tooltip.
        QString jpegProblem;
        if (preview.isNull())
            jpegProblem = tr("This raw file holds no JPEG from the camera to compare with");
        else if (std::max(preview.width(), preview.height()) < kMinCameraJpegEdge)
            jpegProblem = tr("The camera's JPEG in this raw file is a %1×%2 thumbnail, too small "
                             "to compare with")
                              .arg(preview.width())
                              .arg(preview.height());
        if (!jpegProblem.isEmpty()) jpeg.clear();
        if (!preview.isNull())
            postTo(this, [this, serial, rawPath, preview] {
                if (serial == openSerial_) emit previewReady(rawPath, preview);
            });
        token.check();
        std::shared_ptr<const RawImage> raw;
        try {
            raw = std::make_shared<const RawImage>(decodeRaw(file));
        } catch (const Error& e) {
            const QString message = QString::fromStdString(e.what());
            postTo(this, [this, serial, rawPath, message] {
                if (serial == openSerial_) emit openFailed(rawPath, message);
            });
            return;
        }
        token.check();
        worker_->photo = std::make_shared<Photo>(serial, raw);
        worker_->photo->jpeg = std::move(jpeg);
        worker_->photo->jpegSize = preview.size();
        const CaptureInfo info = raw->info;
        const DngLensOpcodes dngLens = raw->dngLens;
        postTo(this, [this, serial, rawPath, info, dngLens, jpegProblem] {
            if (serial != openSerial_) return;
            decoded_ = true;
            info_ = info;
            dngLens_ = dngLens;
            cameraJpegProblem_ = jpegProblem;
            placement_.reset();
            emit opened(rawPath);
        });
    });
}

LensProfile RenderController::lensProfile(const LensParams& params) const {
    RawImage raw;  // what the profile is found from: the metadata and the DNG's opcodes
    raw.info = info_;
    raw.dngLens = dngLens_;
    return findLensProfile(raw, params);
}

void RenderController::close() {
    path_.clear();
    decoded_ = false;
    info_ = CaptureInfo{};
    dngLens_ = DngLensOpcodes{};
    cameraJpegProblem_.clear();
    placement_.reset();
    ++openSerial_;
    worker_->post(kOpen, [this](const CancelToken&) { worker_->photo.reset(); });
}

quint64 RenderController::render(RenderedFrame::Kind kind, const EditDocument& edits, QSize fitSize,
                                 bool clippingMarks) {
    const quint64 serial = ++nextSerial_;
    latest_[kind] = serial;
    const quint64 photo = openSerial_;
    const auto start = Clock::now();
    worker_->post(
        channelOf(kind), [this, kind, serial, photo, edits, fitSize, clippingMarks,
                          monitor = monitor_, dirs = lookDirs_, start](const CancelToken& token) {
            const std::shared_ptr<Photo> p = worker_->photo;
            if (!p || p->serial != photo) return;
            Pipeline& pipeline = kind == RenderedFrame::Full     ? p->full
                                 : kind == RenderedFrame::Before ? p->aux
                                                                 : p->view;
            RenderOptions options;
            if (!fitSize.isEmpty())
                options.size = OutputSize{SizeMode::Fit, fitSize.width(), fitSize.height()};
            options.lookDirs = dirs;
            RenderedFrame frame;
            frame.kind = kind;
            frame.serial = serial;
            frame.edits = edits;
            try {
                const RenderResult result = pipeline.render(edits, options, &token);
                DisplayOptions display;
                display.monitor = monitor.get();
                if (kind == RenderedFrame::View) display.histogram = &frame.histogram;
                if (clippingMarks) display.clipping = &frame.clipping;
                frame.image = toDisplayImage(result.rgb, display);
                frame.halfSizeDemosaic = result.halfSizeDemosaic;
                int w = 0, h = 0;
                pipeline.outputSize(edits, RenderOptions{}, w, h);
                frame.fullSize = QSize(w, h);
                pipeline.outputSize(withoutCrop(edits), RenderOptions{}, w, h);
                frame.uncroppedSize = QSize(w, h);
                frame.whiteBalance =
                    whiteBalanceTemperature(pipeline.raw(), WhiteBalanceParams::from(edits));
            } catch (const Error& e) {
                const QString message = QString::fromStdString(e.what());
                postTo(this, [this, kind, serial, message] {
                    if (serial == latest_[kind]) emit renderFailed(message);
                });
                return;
            }
            frame.milliseconds = millisecondsSince(start);
            postTo(this, [this, frame] { deliver(frame); });
        });
    return serial;
}

quint64 RenderController::renderCameraJpeg(const EditDocument& edits, QSize fitSize) {
    const quint64 serial = ++nextSerial_;
    latest_[RenderedFrame::Before] = serial;
    const quint64 photo = openSerial_;
    const auto start = Clock::now();
    worker_->post(kBefore, [this, serial, photo, edits, fitSize, monitor = monitor_,
                            dirs = lookDirs_, start](const CancelToken& token) {
        const std::shared_ptr<Photo> p = worker_->photo;
        if (!p || p->serial != photo || p->jpeg.empty()) return;
        RenderedFrame frame;
        frame.kind = RenderedFrame::Before;
        frame.cameraJpeg = true;
        frame.serial = serial;
        frame.edits = edits;
        try {
            Pipeline& pipeline = p->aux;  // the before channel's, as the unedited render's
            const int orientation = p->raw->info.orientation;
            int w = 0, h = 0;
            pipeline.outputSize(edits, RenderOptions{}, w, h);
            frame.fullSize = QSize(w, h);
            pipeline.outputSize(withoutCrop(edits), RenderOptions{}, w, h);
            frame.uncroppedSize = QSize(w, h);
            // The frame before the photographer's geometry, at full resolution.
            const EditDocument shape = lensOnly(edits);
            int frameW = 0, frameH = 0;
            pipeline.outputSize(shape, RenderOptions{}, frameW, frameH);

            const std::uint64_t key = shape.hash();
            if (!p->placement || p->placementKey != key) {
                RenderOptions small;
                small.size = OutputSize{SizeMode::LongEdge, kRegisterEdge, 0};
                small.lookDirs = dirs;
                const Image reference = std::move(pipeline.render(shape, small, &token).rgb);
                const QImage jpeg = decodePreview(p->jpeg, orientation, kRegisterEdge);
                p->placement = placeCameraJpeg(jpeg, QSizeF(p->jpegSize), reference,
                                               QSizeF(frameW, frameH), &token);
                p->placementKey = key;
            }
            const QRectF place = p->placement->rect;

            // The scale the render shows the frame at, and no finer than the JPEG's own.
            const QSize shown = frame.fullSize;
            double scale = 1;
            if (!fitSize.isEmpty())
                scale = std::min({1.0, double(fitSize.width()) / shown.width(),
                                  double(fitSize.height()) / shown.height()});
            scale = std::min(scale, p->jpegSize.width() / (place.width() * frameW));
            const QSize work(std::max(1, int(std::lround(frameW * scale))),
                             std::max(1, int(std::lround(frameH * scale))));
            // Decoded at about the size it takes on the frame (libjpeg scales while decoding).
            const double edge =
                std::max(place.width() * work.width(), place.height() * work.height());
            token.check();
            const QImage jpeg = decodePreview(p->jpeg, orientation, int(std::ceil(edge)) + 1);
            if (jpeg.isNull()) throw Error(p->raw->path, "the camera's JPEG cannot be decoded");
            const Image pixels =
                cameraJpegInFrame(jpeg, place, work, GeometryParams::from(edits), &token);
            DisplayOptions display;
            display.monitor = monitor.get();
            frame.image = toDisplayImage(pixels, display);
        } catch (const Error& e) {
            const QString message = QString::fromStdString(e.what());
            postTo(this, [this, serial, message] {
                if (serial == latest_[RenderedFrame::Before]) emit renderFailed(message);
            });
            return;
        }
        frame.milliseconds = millisecondsSince(start);
        const QRectF place = p->placement ? p->placement->rect : QRectF();
        postTo(this, [this, frame, place] {
            if (frame.serial == latest_[RenderedFrame::Before]) placement_ = place;
            deliver(frame);
        });
    });
    return serial;
}

void RenderController::deliver(const RenderedFrame& frame) {
    // A newer request of the same kind is on its way: this one is stale.
    if (frame.serial != latest_[frame.kind]) return;
    emit frameReady(frame);
}

void RenderController::pick(PickWork work,
                            void (RenderController::*done)(const rf::EditDocument&)) {
    const quint64 photo = openSerial_;
    worker_->post(kPick, [this, photo, work = std::move(work), done](const CancelToken& token) {
        const std::shared_ptr<Photo> p = worker_->photo;
        if (!p || p->serial != photo) return;
        try {
            const EditDocument picked = work(*p, token);
            postTo(this, [this, photo, picked, done] {
                if (photo == openSerial_) emit(this->*done)(picked);
            });
        } catch (const Error& e) {
            const QString message = QString::fromStdString(e.what());
            postTo(this, [this, photo, message] {
                if (photo == openSerial_) emit pickFailed(message);
            });
        }
    });
}

void RenderController::pickWhiteBalance(const EditDocument& edits, QSize fitSize,
                                        const QRect& region) {
    const Rect r{region.x(), region.y(), region.width(), region.height()};
    RenderOptions options;
    if (!fitSize.isEmpty())
        options.size = OutputSize{SizeMode::Fit, fitSize.width(), fitSize.height()};
    pick(
        [edits, options, r](Photo& p, const CancelToken&) {
            return p.view.whiteBalanceFromRegion(edits, options, r);
        },
        &RenderController::whiteBalancePicked);
}

void RenderController::autoTone(const EditDocument& edits) {
    pick([edits](Photo& p,
                 const CancelToken& token) { return applyAutoTone(p.view, edits, &token); },
         &RenderController::autoTonePicked);
}

quint64 RenderController::renderThumbnails(const std::vector<EditDocument>& variants,
                                           int longEdge) {
    const quint64 batch = ++thumbBatch_;
    const quint64 photo = openSerial_;
    // Shared by the job and its re-runs: a pre-empted batch resumes where it stopped.
    auto next = std::make_shared<std::size_t>(0);
    worker_->post(kThumbs, [this, batch, photo, variants, longEdge, next, monitor = monitor_,
                            dirs = lookDirs_](const CancelToken& token) {
        const std::shared_ptr<Photo> p = worker_->photo;
        if (!p || p->serial != photo) return;
        RenderOptions options;
        options.size = OutputSize{SizeMode::LongEdge, longEdge, 0};
        options.lookDirs = dirs;
        for (; *next < variants.size(); ++*next) {
            token.check();
            QImage image;
            try {
                const RenderResult r = p->aux.render(variants[*next], options, &token);
                DisplayOptions display;
                display.monitor = monitor.get();
                image = toDisplayImage(r.rgb, display);
            } catch (const Error&) {
                // A variant that cannot render (a look whose LUT is missing) shows no
                // thumbnail; applying it reports the reason.
            }
            const int index = int(*next);
            postTo(this, [this, batch, index, image] {
                if (batch == thumbBatch_) emit thumbnailReady(batch, index, image);
            });
        }
    });
    return batch;
}

void RenderController::setDisplayTransform(std::shared_ptr<const DisplayTransform> transform) {
    monitor_ = std::move(transform);
}

}  // namespace rf::gui
