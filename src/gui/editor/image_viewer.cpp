// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/image_viewer.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace rf::gui {

namespace {

constexpr double kMargin = 6;       // logical px around a fitted frame
constexpr double kZoomStep = 1.25;  // one wheel notch or one +/- press
constexpr double kMaxZoom = 8;      // device px per frame px (800 %)
constexpr double kHandle = 9;       // crop handle grab distance, logical px
constexpr double kMinCrop = 0.02;   // smallest crop, as a fraction of the frame
constexpr double kGutter = 6;       // logical px between the panes side by side
const QColor kBackground(0x26, 0x26, 0x26);

}  // namespace

ImageViewer::ImageViewer(QWidget* parent)
    : QWidget(parent), beforeLabel_(tr("Before")), afterLabel_(tr("After")) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
}

void ImageViewer::setPreview(const QImage& preview) {
    preview_ = preview;
    update();
}

void ImageViewer::setViewImage(const QImage& image, const QImage& clipping, QSize fullSize,
                               quint64 key) {
    const bool sizeChanged = fullSize != doc_;
    view_ = image;
    viewClip_ = clipping;
    viewKey_ = key;
    if (fullKey_ != key || sizeChanged) {
        full_ = fullClip_ = QImage();  // full resolution of other edits: not to be shown
    }
    if (sizeChanged) {
        // A new frame (another photo, a crop): keep the zoom, stay inside the frame.
        if (!doc_.isEmpty() && !fit_) {
            centre_.rx() *= double(fullSize.width()) / doc_.width();
            centre_.ry() *= double(fullSize.height()) / doc_.height();
        }
        doc_ = fullSize;
        // A before image arrived for this frame ahead of the view is kept; any other goes.
        if (beforeFrame_ != doc_) before_ = QImage();
        clampCentre();
    }
    message_.clear();
    changed();
}

void ImageViewer::setFullImage(const QImage& image, const QImage& clipping, quint64 key) {
    if (key != viewKey_) return;
    full_ = image;
    fullClip_ = clipping;
    fullKey_ = key;
    update();
}

void ImageViewer::setBeforeImage(const QImage& image, QSize frameSize) {
    before_ = image;
    beforeFrame_ = frameSize.isEmpty() ? doc_ : frameSize;
    update();
}

void ImageViewer::setCompareLabels(const QString& before, const QString& after) {
    beforeLabel_ = before;
    afterLabel_ = after;
    update();
}

bool ImageViewer::hasBefore() const {
    return !before_.isNull() && beforeFrame_ == doc_;
}

QImage ImageViewer::beforeImage() const {
    return hasBefore() ? before_ : QImage();
}

void ImageViewer::clear(const QString& message) {
    preview_ = view_ = viewClip_ = full_ = fullClip_ = before_ = QImage();
    viewKey_ = fullKey_ = 0;
    doc_ = beforeFrame_ = QSize();
    message_ = message;
    fit_ = true;
    changed();
}

void ImageViewer::setMessage(const QString& message) {
    message_ = message;
    update();
}

QImage ImageViewer::displayedImage() const {
    if (view_.isNull()) return preview_;
    if (compare_ == Compare::Before && hasBefore()) return before_;
    QRectF source;
    const QImage& after = afterImage(&source);
    return after;
}

QRectF ImageViewer::paneRect(bool before) const {
    if (compare_ != Compare::SideBySide) return QRectF(rect());
    const double w = std::max(1.0, (width() - kGutter) / 2.0);
    return before ? QRectF(0, 0, w, height()) : QRectF(width() - w, 0, w, height());
}

QPointF ImageViewer::paneCentre() const {
    return paneRect(false).center();
}

QPointF ImageViewer::inAfterPane(const QPointF& v) const {
    if (compare_ != Compare::SideBySide || v.x() >= width() / 2.0) return v;
    return v + QPointF(paneRect(false).left() - paneRect(true).left(), 0);
}

double ImageViewer::fitScale() const {
    if (doc_.isEmpty()) return 1;
    const QRectF pane = paneRect(false);
    const double w = std::max(1.0, pane.width() - 2 * kMargin),
                 h = std::max(1.0, pane.height() - 2 * kMargin);
    // Never enlarged beyond 100 %: a small image is shown at its size, not blurred.
    return std::min({w / doc_.width(), h / doc_.height(), 1.0 / devicePixelRatioF()});
}

double ImageViewer::scale() const {
    return fit_ ? fitScale() : scale_;
}

double ImageViewer::zoom() const {
    return scale() * devicePixelRatioF();
}

QSize ImageViewer::fitRenderSize() const {
    const double dpr = devicePixelRatioF();
    const QRectF pane = paneRect(false);
    return QSize(std::max(1, int((pane.width() - 2 * kMargin) * dpr)),
                 std::max(1, int((pane.height() - 2 * kMargin) * dpr)));
}

bool ImageViewer::wantsFullResolution() const {
    if (view_.isNull() || doc_.isEmpty()) return false;
    return zoom() > 1.02 * double(view_.width()) / doc_.width();
}

QPointF ImageViewer::toView(const QPointF& f) const {
    const QPointF centre = fit_ ? QPointF(doc_.width() / 2.0, doc_.height() / 2.0) : centre_;
    return paneCentre() + (f - centre) * scale();
}

QPointF ImageViewer::toFrame(const QPointF& v) const {
    const QPointF centre = fit_ ? QPointF(doc_.width() / 2.0, doc_.height() / 2.0) : centre_;
    return centre + (inAfterPane(v) - paneCentre()) / scale();
}

void ImageViewer::clampCentre() {
    if (fit_ || doc_.isEmpty()) return;
    const double s = scale_;
    const auto axis = [s](double c, double doc, double view) {
        const double half = view / 2.0 / s;
        if (doc * s <= view) return doc / 2.0;
        return std::clamp(c, half, doc - half);
    };
    const QRectF pane = paneRect(false);
    centre_.setX(axis(centre_.x(), doc_.width(), pane.width()));
    centre_.setY(axis(centre_.y(), doc_.height(), pane.height()));
}

void ImageViewer::changed() {
    const bool want = wantsFullResolution();
    if (want != wantedFull_) {
        wantedFull_ = want;
        emit fullResolutionWanted(want);
    }
    emit zoomChanged();
    update();
}

void ImageViewer::zoomToFit() {
    fit_ = true;
    changed();
}

void ImageViewer::zoomTo100(const QPointF& around) {
    if (doc_.isEmpty()) return;
    const QPointF at = around.x() < 0 ? paneCentre() : inAfterPane(around);
    const double target = 1.0 / devicePixelRatioF();
    if (target <= fitScale() * 1.0001) {  // the whole frame fits at 100 %
        zoomToFit();
        return;
    }
    const QPointF f = toFrame(at);
    fit_ = false;
    scale_ = target;
    centre_ = f - (at - paneCentre()) / scale_;
    clampCentre();
    changed();
}

void ImageViewer::zoomBy(double factor, const QPointF& viewPos) {
    if (doc_.isEmpty()) return;
    const double dpr = devicePixelRatioF();
    const double target = std::clamp(scale() * factor, 0.0, kMaxZoom / dpr);
    if (target <= fitScale() * 1.0001) {
        zoomToFit();
        return;
    }
    const QPointF at = inAfterPane(viewPos);
    const QPointF f = toFrame(at);
    fit_ = false;
    scale_ = target;
    centre_ = f - (at - paneCentre()) / scale_;
    clampCentre();
    changed();
}

void ImageViewer::setCompare(Compare mode) {
    if (mode == compare_) return;
    compare_ = mode;
    // Side by side halves the room a frame has: the fit, the centre's limits and the size a
    // fit render should have all change.
    clampCentre();
    changed();
}

void ImageViewer::setSplitPosition(double fraction) {
    split_ = std::clamp(fraction, 0.0, 1.0);
    update();
}

void ImageViewer::setClippingShown(bool on) {
    clipping_ = on;
    update();
}

void ImageViewer::setTool(Tool tool) {
    tool_ = tool;
    drag_ = Drag::None;
    updateCursor(inAfterPane(mapFromGlobal(QCursor::pos())));
    update();
}

void ImageViewer::setCropRect(const QRectF& normalised) {
    crop_ = normalised;
    update();
}

void ImageViewer::setCropAspect(double ratio) {
    aspect_ = ratio;
}

const QImage& ImageViewer::afterImage(QRectF* source) const {
    const bool useFull = !full_.isNull() && fullKey_ == viewKey_ && wantsFullResolution();
    const QImage& plain = useFull ? full_ : view_;
    const QImage& marked = useFull ? fullClip_ : viewClip_;
    const QImage& img = clipping_ && !marked.isNull() ? marked : plain;
    if (source) *source = QRectF(img.rect());
    return img;
}

void ImageViewer::drawFrame(QPainter& p, const QImage& img, const QRectF& source,
                            const QRectF& clip, double dx) {
    const QRectF target =
        QRectF(toView(QPointF(0, 0)), toView(QPointF(doc_.width(), doc_.height())))
            .translated(dx, 0);
    p.save();
    p.setClipRect(clip);
    // Enlarged beyond its own resolution a frame shows its pixels, as an editor should at
    // 200 %; reduced, it is filtered.
    const double devicePerImagePixel = target.width() * devicePixelRatioF() / source.width();
    p.setRenderHint(QPainter::SmoothPixmapTransform, devicePerImagePixel < 0.999);
    p.drawImage(target, img, source);
    p.restore();
}

void ImageViewer::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), kBackground);

    if (!view_.isNull() && !doc_.isEmpty()) {
        QRectF source;
        const QImage& after = afterImage(&source);
        const QRectF all = rect();
        // Until the before image of this frame arrives its half shows the after one, as the
        // frame it will be, rather than an empty hole.
        const bool before = hasBefore();
        const QImage& beforeImg = before ? before_ : after;
        const QRectF beforeSource = before ? QRectF(before_.rect()) : source;
        if (compare_ == Compare::Before) {
            drawFrame(p, beforeImg, beforeSource, all);
        } else if (compare_ == Compare::SideBySide) {
            const QRectF left = paneRect(true), right = paneRect(false);
            drawFrame(p, beforeImg, beforeSource, left, left.left() - right.left());
            drawFrame(p, after, source, right);
        } else if (compare_ == Compare::Split) {
            const double x = split_ * width();
            drawFrame(p, beforeImg, beforeSource, QRectF(0, 0, x, height()));
            drawFrame(p, after, source, QRectF(x, 0, width() - x, height()));
            p.setPen(QPen(QColor(230, 230, 230), 1.5));
            p.drawLine(QPointF(x, 0), QPointF(x, height()));
            p.setBrush(QColor(230, 230, 230));
            p.setPen(Qt::NoPen);
            p.drawEllipse(QPointF(x, height() / 2.0), 6, 6);
        } else {
            drawFrame(p, after, source, all);
        }
        if (tool_ == Tool::Crop) drawCropOverlay(p);
        if (drag_ == Drag::Pick) {
            p.setPen(QPen(QColor(250, 250, 250), 1, Qt::DashLine));
            p.setBrush(Qt::NoBrush);
            // Where the mouse is: in the before pane when the drag began there.
            p.drawRect(QRectF(pressView_, lastView_).normalized().translated(-dragShift_));
        }
    } else if (!preview_.isNull()) {
        const QSizeF s =
            QSizeF(preview_.size())
                .scaled(QSizeF(width() - 2 * kMargin, height() - 2 * kMargin), Qt::KeepAspectRatio);
        const QRectF target(QPointF((width() - s.width()) / 2, (height() - s.height()) / 2), s);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(target, preview_);
    }

    // Labels.
    p.setRenderHint(QPainter::Antialiasing);
    QFont f = font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    p.setFont(f);
    const auto tag = [&](const QString& text, Qt::Alignment side, const QRectF& pane) {
        const QRect r = p.fontMetrics().boundingRect(text).adjusted(-8, -4, 8, 4);
        QRect box(QPoint(0, 0), r.size());
        box.moveTop(int(pane.top()) + 10);
        if (side == Qt::AlignLeft)
            box.moveLeft(int(pane.left()) + 10);
        else
            box.moveRight(int(pane.right()) - 10);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 150));
        p.drawRoundedRect(box, 4, 4);
        p.setPen(QColor(235, 235, 235));
        p.drawText(box, Qt::AlignCenter, text);
    };
    if (!view_.isNull()) {
        const QRectF all = rect();
        if (compare_ == Compare::Before) tag(beforeLabel_, Qt::AlignLeft, all);
        if (compare_ == Compare::Split) {
            tag(beforeLabel_, Qt::AlignLeft, all);
            tag(afterLabel_, Qt::AlignRight, all);
        }
        if (compare_ == Compare::SideBySide) {
            tag(beforeLabel_, Qt::AlignLeft, paneRect(true));
            tag(afterLabel_, Qt::AlignLeft, paneRect(false));
        }
    }
    if (!message_.isEmpty()) {
        const QRect r = p.fontMetrics()
                            .boundingRect(QRect(0, 0, width() * 2 / 3, height()),
                                          Qt::AlignCenter | Qt::TextWordWrap, message_)
                            .adjusted(-14, -10, 14, 10);
        QRect box(QPoint(0, 0), r.size());
        box.moveCenter(rect().center());
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 170));
        p.drawRoundedRect(box, 6, 6);
        p.setPen(QColor(235, 235, 235));
        p.drawText(box, Qt::AlignCenter | Qt::TextWordWrap, message_);
    }
}

QRectF ImageViewer::cropViewRect() const {
    return QRectF(toView(QPointF(crop_.left() * doc_.width(), crop_.top() * doc_.height())),
                  toView(QPointF(crop_.right() * doc_.width(), crop_.bottom() * doc_.height())));
}

void ImageViewer::drawCropOverlay(QPainter& p) {
    const QRectF frame(toView(QPointF(0, 0)), toView(QPointF(doc_.width(), doc_.height())));
    const QRectF c = cropViewRect();
    QPainterPath outside;
    outside.addRect(frame);
    outside.addRect(c);
    p.save();
    p.setRenderHint(QPainter::Antialiasing, false);
    p.fillPath(outside, QColor(0, 0, 0, 150));
    // Rule of thirds while the frame is being shaped.
    if (drag_ == Drag::Crop) {
        p.setPen(QPen(QColor(255, 255, 255, 110), 1));
        for (int i = 1; i < 3; ++i) {
            const double x = c.left() + c.width() * i / 3, y = c.top() + c.height() * i / 3;
            p.drawLine(QPointF(x, c.top()), QPointF(x, c.bottom()));
            p.drawLine(QPointF(c.left(), y), QPointF(c.right(), y));
        }
    }
    p.setPen(QPen(QColor(240, 240, 240), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(c);
    // Handles: L-shaped corners and short bars at the edges' middles.
    p.setPen(QPen(QColor(250, 250, 250), 3, Qt::SolidLine, Qt::SquareCap));
    const double l = std::min({18.0, c.width() / 3, c.height() / 3});
    const QPointF corners[4] = {c.topLeft(), c.topRight(), c.bottomLeft(), c.bottomRight()};
    for (const QPointF& q : corners) {
        const double dx = q.x() == c.left() ? l : -l, dy = q.y() == c.top() ? l : -l;
        p.drawLine(q, q + QPointF(dx, 0));
        p.drawLine(q, q + QPointF(0, dy));
    }
    const QPointF mid[4] = {QPointF(c.center().x(), c.top()), QPointF(c.center().x(), c.bottom()),
                            QPointF(c.left(), c.center().y()), QPointF(c.right(), c.center().y())};
    for (int i = 0; i < 4; ++i) {
        if (i < 2)
            p.drawLine(mid[i] - QPointF(l / 2, 0), mid[i] + QPointF(l / 2, 0));
        else
            p.drawLine(mid[i] - QPointF(0, l / 2), mid[i] + QPointF(0, l / 2));
    }
    p.restore();
}

ImageViewer::Handle ImageViewer::cropHandleAt(const QPointF& v) const {
    const QRectF c = cropViewRect();
    const bool nearL = std::abs(v.x() - c.left()) <= kHandle;
    const bool nearR = std::abs(v.x() - c.right()) <= kHandle;
    const bool nearT = std::abs(v.y() - c.top()) <= kHandle;
    const bool nearB = std::abs(v.y() - c.bottom()) <= kHandle;
    const bool inX = v.x() >= c.left() - kHandle && v.x() <= c.right() + kHandle;
    const bool inY = v.y() >= c.top() - kHandle && v.y() <= c.bottom() + kHandle;
    if (nearL && nearT) return TopLeft;
    if (nearR && nearT) return TopRight;
    if (nearL && nearB) return BottomLeft;
    if (nearR && nearB) return BottomRight;
    if (nearL && inY) return Left;
    if (nearR && inY) return Right;
    if (nearT && inX) return Top;
    if (nearB && inX) return Bottom;
    if (c.contains(v)) return Move;
    return None;
}

QRectF ImageViewer::constrained(QRectF r, Handle h) const {
    const double minW = kMinCrop, minH = kMinCrop;
    // The ratio in fraction units (a fraction of the width is not one of the height).
    const double rn =
        aspect_ > 0 && !doc_.isEmpty() ? aspect_ * doc_.height() / double(doc_.width()) : 0;
    const QRectF start = pressCrop_;
    const bool left = h == Left || h == TopLeft || h == BottomLeft;
    const bool right = h == Right || h == TopRight || h == BottomRight;
    const bool top = h == Top || h == TopLeft || h == TopRight;
    const bool bottom = h == Bottom || h == BottomLeft || h == BottomRight;
    // The edges that move stay within the frame and never cross the fixed ones.
    if (left) r.setLeft(std::clamp(r.left(), 0.0, start.right() - minW));
    if (right) r.setRight(std::clamp(r.right(), start.left() + minW, 1.0));
    if (top) r.setTop(std::clamp(r.top(), 0.0, start.bottom() - minH));
    if (bottom) r.setBottom(std::clamp(r.bottom(), start.top() + minH, 1.0));
    if (rn <= 0) return r;

    const bool corner = (left || right) && (top || bottom);
    double w = r.width(), hgt = r.height();
    if (corner) {
        // Follow whichever side the mouse moved more, then fit inside the frame from the
        // fixed corner.
        if (w / rn > hgt)
            hgt = w / rn;
        else
            w = hgt * rn;
        const double maxW = left ? start.right() : 1.0 - start.left();
        const double maxH = top ? start.bottom() : 1.0 - start.top();
        if (w > maxW) w = maxW, hgt = w / rn;
        if (hgt > maxH) hgt = maxH, w = hgt * rn;
        const double x0 = left ? start.right() - w : start.left();
        const double y0 = top ? start.bottom() - hgt : start.top();
        return QRectF(x0, y0, w, hgt);
    }
    // An edge: the other dimension follows, centred on where it was.
    if (left || right) {
        hgt = w / rn;
        const double maxW = left ? start.right() : 1.0 - start.left();
        if (hgt > 1.0) hgt = 1.0, w = hgt * rn;
        if (w > maxW) w = maxW, hgt = w / rn;
        const double x0 = left ? start.right() - w : start.left();
        const double y0 = std::clamp(start.center().y() - hgt / 2, 0.0, 1.0 - hgt);
        return QRectF(x0, y0, w, hgt);
    }
    w = hgt * rn;
    const double maxH = top ? start.bottom() : 1.0 - start.top();
    if (w > 1.0) w = 1.0, hgt = w / rn;
    if (hgt > maxH) hgt = maxH, w = hgt * rn;
    const double y0 = top ? start.bottom() - hgt : start.top();
    const double x0 = std::clamp(start.center().x() - w / 2, 0.0, 1.0 - w);
    return QRectF(x0, y0, w, hgt);
}

void ImageViewer::dragCrop(const QPointF& v) {
    const QPointF d = (v - pressView_) / scale();
    const double dx = d.x() / doc_.width(), dy = d.y() / doc_.height();
    QRectF r = pressCrop_;
    switch (cropHandle_) {
        case Move:
            r.moveLeft(std::clamp(r.left() + dx, 0.0, 1.0 - r.width()));
            r.moveTop(std::clamp(r.top() + dy, 0.0, 1.0 - r.height()));
            crop_ = r;
            break;
        case Left:
        case TopLeft:
        case BottomLeft:
        case Right:
        case TopRight:
        case BottomRight:
        case Top:
        case Bottom: {
            if (cropHandle_ == Left || cropHandle_ == TopLeft || cropHandle_ == BottomLeft)
                r.setLeft(r.left() + dx);
            if (cropHandle_ == Right || cropHandle_ == TopRight || cropHandle_ == BottomRight)
                r.setRight(r.right() + dx);
            if (cropHandle_ == Top || cropHandle_ == TopLeft || cropHandle_ == TopRight)
                r.setTop(r.top() + dy);
            if (cropHandle_ == Bottom || cropHandle_ == BottomLeft || cropHandle_ == BottomRight)
                r.setBottom(r.bottom() + dy);
            crop_ = constrained(r, cropHandle_);
            break;
        }
        case None:
            break;
    }
    update();
    emit cropChanged(crop_, false);
}

void ImageViewer::updateCursor(const QPointF& v) {
    if (tool_ == Tool::Eyedropper) {
        setCursor(Qt::CrossCursor);
        return;
    }
    if (tool_ == Tool::Crop && !doc_.isEmpty()) {
        switch (cropHandleAt(v)) {
            case TopLeft:
            case BottomRight:
                setCursor(Qt::SizeFDiagCursor);
                return;
            case TopRight:
            case BottomLeft:
                setCursor(Qt::SizeBDiagCursor);
                return;
            case Left:
            case Right:
                setCursor(Qt::SizeHorCursor);
                return;
            case Top:
            case Bottom:
                setCursor(Qt::SizeVerCursor);
                return;
            case Move:
                setCursor(Qt::SizeAllCursor);
                return;
            case None:
                break;
        }
    }
    if (compare_ == Compare::Split && std::abs(v.x() - split_ * width()) <= 6) {
        setCursor(Qt::SplitHCursor);
        return;
    }
    setCursor(fit_ ? Qt::ArrowCursor : Qt::OpenHandCursor);
}

void ImageViewer::resizeEvent(QResizeEvent*) {
    clampCentre();
    changed();
}

void ImageViewer::wheelEvent(QWheelEvent* e) {
    const double steps = e->angleDelta().y() / 120.0;
    if (steps != 0) zoomBy(std::pow(kZoomStep, steps), e->position());
    e->accept();
}

void ImageViewer::mousePressEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton || doc_.isEmpty()) return QWidget::mousePressEvent(e);
    // A press in the before pane acts where its twin in the after pane would, and the drag
    // it starts stays in that pane.
    dragShift_ = inAfterPane(e->position()) - e->position();
    pressView_ = lastView_ = e->position() + dragShift_;
    if (tool_ == Tool::Eyedropper) {
        drag_ = Drag::Pick;
    } else if (tool_ == Tool::Crop && (cropHandle_ = cropHandleAt(pressView_)) != None) {
        drag_ = Drag::Crop;
        pressCrop_ = crop_;
    } else if (compare_ == Compare::Split && std::abs(e->position().x() - split_ * width()) <= 6) {
        drag_ = Drag::Split;
    } else {
        drag_ = Drag::Pan;
        if (!fit_) setCursor(Qt::ClosedHandCursor);
    }
    update();
}

void ImageViewer::mouseMoveEvent(QMouseEvent* e) {
    const QPointF v = drag_ == Drag::None ? inAfterPane(e->position()) : e->position() + dragShift_;
    switch (drag_) {
        case Drag::None:
            updateCursor(v);
            break;
        case Drag::Pan:
            if (!fit_) {
                centre_ -= (v - lastView_) / scale_;
                clampCentre();
                update();
            }
            break;
        case Drag::Split:
            setSplitPosition(v.x() / std::max(1, width()));
            emit splitPositionChanged(split_);
            break;
        case Drag::Pick:
            update();
            break;
        case Drag::Crop:
            dragCrop(v);
            break;
    }
    lastView_ = v;
}

void ImageViewer::mouseReleaseEvent(QMouseEvent* e) {
    if (e->button() != Qt::LeftButton) return QWidget::mouseReleaseEvent(e);
    const Drag was = drag_;
    drag_ = Drag::None;
    if (was == Drag::Pick) {
        // A click picks a small square; a drag picks the box.
        QRectF box = QRectF(pressView_, e->position() + dragShift_).normalized();
        if (box.width() < 4 && box.height() < 4)
            box = QRectF(pressView_ - QPointF(4, 4), QSizeF(9, 9));
        const QRectF frame = QRectF(toFrame(box.topLeft()), toFrame(box.bottomRight()))
                                 .intersected(QRectF(0, 0, doc_.width(), doc_.height()));
        if (!frame.isEmpty()) emit neutralRegionPicked(frame);
    } else if (was == Drag::Crop) {
        emit cropChanged(crop_, true);
    }
    updateCursor(inAfterPane(e->position()));
    update();
}

void ImageViewer::mouseDoubleClickEvent(QMouseEvent* e) {
    if (tool_ != Tool::None || e->button() != Qt::LeftButton) return;
    if (fit_)
        zoomTo100(e->position());
    else
        zoomToFit();
}

void ImageViewer::keyPressEvent(QKeyEvent* e) {
    const QPointF cursor = mapFromGlobal(QCursor::pos());
    const QPointF at = rect().contains(cursor.toPoint()) ? cursor : paneCentre();
    switch (e->key()) {
        case Qt::Key_Space:
        case Qt::Key_F:
            if (fit_)
                zoomTo100(at);
            else
                zoomToFit();
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomBy(kZoomStep, at);
            break;
        case Qt::Key_Minus:
            zoomBy(1.0 / kZoomStep, at);
            break;
        case Qt::Key_Escape:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (tool_ != Tool::None) {
                emit toolCancelled();
                break;
            }
            return QWidget::keyPressEvent(e);
        default:
            return QWidget::keyPressEvent(e);
    }
    e->accept();
}

}  // namespace rf::gui
