// SPDX-License-Identifier: GPL-3.0-or-later
// The large image view. It shows the photo's frame in "document" coordinates — the pixels of
// the frame at full resolution — whatever image it currently has for it: the embedded
// preview while the raw decodes, the fit-size render, or at high zoom the full-resolution
// render once it arrives (the fit-size one, enlarged, until then). It zooms (fit, 100 %,
// wheel and +/- around the cursor, Space or F to toggle), pans by dragging, compares with a
// "before" image of the same frame (the unedited render or the camera's own JPEG, whichever
// the editor gives it: shown alone, in a split view with a divider to drag, or side by side
// in two panes that zoom and pan together), labels what each half shows, overlays clipping
// warnings, and hosts two tools: the white-balance eyedropper (a click or a dragged box) and
// the crop frame (handles, aspect constraint, move by dragging inside). It paints; it does
// no image processing and knows nothing of edits: the editor feeds it images and listens to
// its signals.
//
// Side by side, each pane holds the whole frame at the same zoom; the right one ("after") is
// the view's own, where the tools work, and a point of the left pane stands for the same
// frame point as the point of the right pane beside it.
#pragma once

#include <QImage>
#include <QPointF>
#include <QRectF>
#include <QWidget>

namespace rf::gui {

class ImageViewer : public QWidget {
    Q_OBJECT
  public:
    enum class Compare { Off, Before, Split, SideBySide };
    enum class Tool { None, Eyedropper, Crop };

    explicit ImageViewer(QWidget* parent = nullptr);

    /// The embedded preview, shown fitted until the first render arrives.
    void setPreview(const QImage& preview);
    /// The interactive render: `image` (and its clipping-marked twin, may be null) shows
    /// the frame whose full-resolution size is `fullSize`. `key` identifies the edits it
    /// shows, so a full-resolution image of older edits is not used over it.
    void setViewImage(const QImage& image, const QImage& clipping, QSize fullSize, quint64 key);
    /// The full-resolution render of the edits `key`.
    void setFullImage(const QImage& image, const QImage& clipping, quint64 key);
    /// The "before" image of the frame whose full-resolution size is `frameSize` (the
    /// unedited render or the camera's JPEG); shown only while the view shows that frame. An
    /// empty `frameSize` takes the current frame's.
    void setBeforeImage(const QImage& image, QSize frameSize = {});
    /// What the two halves are called ("Before" / "After" unless told otherwise).
    void setCompareLabels(const QString& before, const QString& after);
    QString beforeLabel() const { return beforeLabel_; }
    QString afterLabel() const { return afterLabel_; }
    /// Forgets every image (a new photo); `message` is shown until one arrives.
    void clear(const QString& message = {});
    /// A message over the image (an error), or none.
    void setMessage(const QString& message);

    /// What is on screen now (the render, else the preview), for tests.
    QImage displayedImage() const;
    /// The before image the comparison shows (null when it has none for this frame).
    QImage beforeImage() const;
    QSize frameSize() const { return doc_; }
    bool hasRender() const { return !view_.isNull(); }
    /// The size of the interactive (fit-size) render, whatever the zoom shows.
    QSize renderSize() const { return view_.size(); }

    // Zoom.
    bool isFit() const { return fit_; }
    /// Screen device pixels per frame pixel (1 at 100 %).
    double zoom() const;
    void zoomToFit();
    void zoomTo100(const QPointF& around = QPointF(-1, -1));
    /// Multiplies the zoom, keeping the frame point under `viewPos` in place.
    void zoomBy(double factor, const QPointF& viewPos);
    /// True when the screen shows more detail than the fit-size render has.
    bool wantsFullResolution() const;
    /// The device-pixel size a fit render should have to fill the view.
    QSize fitRenderSize() const;

    // Comparison and overlays.
    void setCompare(Compare mode);
    Compare compare() const { return compare_; }
    void setSplitPosition(double fraction);  ///< 0…1 of the view's width
    /// Where a pane is drawn (view coordinates): side by side the left (before) and right
    /// (after) halves, otherwise the whole view.
    QRectF paneRect(bool before) const;
    double splitPosition() const { return split_; }
    void setClippingShown(bool on);
    bool clippingShown() const { return clipping_; }

    // Tools.
    void setTool(Tool tool);
    Tool tool() const { return tool_; }
    /// The crop frame in [0, 1] fractions of the frame (crop tool only).
    void setCropRect(const QRectF& normalised);
    QRectF cropRect() const { return crop_; }
    /// Width / height in pixels the crop must keep; 0 for free.
    void setCropAspect(double ratio);

    /// View (widget) coordinates ↔ frame coordinates, in the after pane (side by side, a
    /// point of the before pane is taken as its twin in the after pane).
    QPointF toFrame(const QPointF& viewPos) const;
    QPointF toView(const QPointF& framePos) const;

  signals:
    void zoomChanged();
    void fullResolutionWanted(bool wanted);
    /// The eyedropper marked `region` (frame coordinates) as neutral.
    void neutralRegionPicked(const QRectF& region);
    /// The crop frame moved; `finished` when the mouse is released.
    void cropChanged(const QRectF& normalised, bool finished);
    void splitPositionChanged(double fraction);
    void toolCancelled();

  protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;
    void keyPressEvent(QKeyEvent*) override;

  private:
    enum Handle {
        None,
        Move,
        Left,
        Right,
        Top,
        Bottom,
        TopLeft,
        TopRight,
        BottomLeft,
        BottomRight
    };

    double fitScale() const;  // logical px per frame px when fitted
    double scale() const;     // logical px per frame px now
    void clampCentre();
    void changed();
    QPointF paneCentre() const;  // the after pane's centre, where the frame's centre goes
    QPointF inAfterPane(const QPointF& viewPos) const;
    bool hasBefore() const;
    const QImage& afterImage(QRectF* source) const;
    void drawFrame(QPainter& p, const QImage& img, const QRectF& source, const QRectF& clip,
                   double dx = 0);
    void drawCropOverlay(QPainter& p);
    QRectF cropViewRect() const;
    Handle cropHandleAt(const QPointF& viewPos) const;
    void dragCrop(const QPointF& viewPos);
    QRectF constrained(QRectF r, Handle anchor) const;
    void updateCursor(const QPointF& viewPos);

    QImage preview_, view_, viewClip_, full_, fullClip_, before_;
    quint64 viewKey_ = 0, fullKey_ = 0;
    QSize doc_, beforeFrame_;
    QString beforeLabel_, afterLabel_;
    QString message_;

    bool fit_ = true;
    double scale_ = 1;  // logical px per frame px, when not fitted
    QPointF centre_;    // frame point at the view's centre
    bool wantedFull_ = false;

    Compare compare_ = Compare::Off;
    double split_ = 0.5;
    bool clipping_ = false;

    Tool tool_ = Tool::None;
    QRectF crop_{0, 0, 1, 1};
    double aspect_ = 0;

    // Mouse gestures.
    enum class Drag { None, Pan, Split, Pick, Crop };
    Drag drag_ = Drag::None;
    QPointF pressView_, lastView_;  // in the after pane
    QPointF dragShift_;             // from the pane the drag began in to the after pane
    QRectF pressCrop_;
    Handle cropHandle_ = None;
};

}  // namespace rf::gui
