// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/editor_widget.h"

#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "app/theme.h"
#include "common/display_profile.h"
#include "editor/crop_geometry.h"
#include "editor/histogram_widget.h"
#include "editor/image_viewer.h"
#include "editor/looks_panel.h"
#include "editor/panels.h"
#include "editor/paste_dialog.h"
#include "editor/photo_session.h"
#include "editor/render_controller.h"
#include "rangefinder/auto_tone.h"
#include "rangefinder/error.h"
#include "rangefinder/history.h"
#include "rangefinder/looks.h"
#include "rangefinder/sidecar.h"

namespace rf::gui {

namespace {

enum CompareMode { kCompareOff, kCompareBefore, kCompareSplit, kCompareSideBySide };

// The "before" the photographer compares with, kept between runs.
constexpr char kCompareSourceKey[] = "editor/compareWith";  // "unedited" or "camera"

QRect toRenderPixels(const QRectF& frameRect, QSize frame, QSize render) {
    const double sx = double(render.width()) / frame.width();
    const double sy = double(render.height()) / frame.height();
    QRect r(QPoint(int(std::floor(frameRect.left() * sx)), int(std::floor(frameRect.top() * sy))),
            QPoint(int(std::ceil(frameRect.right() * sx)) - 1,
                   int(std::ceil(frameRect.bottom() * sy)) - 1));
    return r.intersected(QRect(QPoint(0, 0), render));
}

}  // namespace

EditorWidget::EditorWidget(QWidget* parent)
    : QWidget(parent),
      renderer_(new RenderController(this)),
      session_(new PhotoSession(this)),
      viewer_(new ImageViewer(this)),
      histogram_(new HistogramWidget(this)) {
    buildActions();
    buildLayout();

    connect(renderer_, &RenderController::previewReady, this,
            [this](const QString& path, const QImage& preview) {
                if (path == currentPhoto() && !viewer_->hasRender()) viewer_->setPreview(preview);
            });
    connect(renderer_, &RenderController::opened, this, [this](const QString& path) {
        info_->showPhoto(path, renderer_->captureInfo());
        updateCompareSource();
        requestRenders();
        looks_->renderThumbnails();
    });
    connect(renderer_, &RenderController::openFailed, this,
            [this](const QString&, const QString& message) {
                viewer_->setMessage(message);
                report(message, true);
            });
    connect(renderer_, &RenderController::frameReady, this, &EditorWidget::onFrame);
    connect(renderer_, &RenderController::renderFailed, this,
            [this](const QString& message) { report(message, true); });
    connect(renderer_, &RenderController::whiteBalancePicked, this,
            [this](const EditDocument& picked) {
                EditDocument doc = session_->edits();
                doc.mergeGroups(picked, {ParamGroup::WhiteBalance});
                session_->apply(doc, tr("White balance from a neutral area"));
                eyedropper_->setChecked(false);
            });
    connect(renderer_, &RenderController::autoTonePicked, this, [this](const EditDocument& picked) {
        EditDocument doc = session_->edits();
        for (const std::string& key : autoToneKeys()) doc.setFloat(key, picked.getFloat(key));
        session_->apply(doc, tr("Auto tone"));
    });
    connect(autoTone_, &QAction::triggered, this, [this] {
        if (renderer_->isOpen()) renderer_->autoTone(session_->edits());
    });
    connect(renderer_, &RenderController::pickFailed, this,
            [this](const QString& message) { report(tr("White balance: %1").arg(message), true); });

    connect(session_, &PhotoSession::editsChanged, this, &EditorWidget::onEditsChanged);
    connect(session_, &PhotoSession::historyChanged, this, &EditorWidget::updateActions);
    // A finished drag changes no value, only the history: the looks' thumbnails follow then.
    connect(session_, &PhotoSession::historyChanged, looks_, &LooksPanel::refresh);
    connect(looks_, &LooksPanel::message, this, &EditorWidget::report);
    connect(session_, &PhotoSession::saved, this, [this](const QString& path) {
        if (messageLabel_->property("error").toBool()) report(tr("Edits saved"));
        emit editsSaved(path);
    });
    connect(session_, &PhotoSession::saveFailed, this, [this](const QString&, const QString& m) {
        report(tr("Edits are kept here but could not be saved: %1").arg(m), true);
    });
    connect(session_, &PhotoSession::loadFailed, this, [this](const QString&, const QString& m) {
        report(tr("The sidecar could not be read, so the photo opens unedited (the file is "
                  "left as it is): %1")
                   .arg(m),
               true);
    });

    connect(viewer_, &ImageViewer::fullResolutionWanted, this, [this](bool wanted) {
        fullWanted_ = wanted;
        if (wanted && renderer_->isOpen())
            renderer_->render(RenderedFrame::Full, shownEdits(), QSize(), clipping_->isChecked());
        if (cameraShown_ && viewer_->compare() != ImageViewer::Compare::Off) requestBefore();
    });
    connect(viewer_, &ImageViewer::zoomChanged, this, [this] {
        zoomLabel_->setText(viewer_->isFit()
                                ? tr("Fit  %1 %").arg(std::lround(viewer_->zoom() * 100))
                                : tr("%1 %").arg(std::lround(viewer_->zoom() * 100)));
        // A new window size needs a new fit-size render.
        if (renderer_->isOpen() && viewer_->fitRenderSize() != lastFit_) requestRenders();
    });
    connect(viewer_, &ImageViewer::neutralRegionPicked, this, [this](const QRectF& region) {
        // In the coordinates of the fit-size render, whose pipeline has the developed image
        // cached; at 100 % the full-resolution one would have to be developed again.
        const QSize render = viewer_->renderSize();
        if (render.isEmpty()) return;
        const QRect r = toRenderPixels(region, viewer_->frameSize(), render);
        if (r.isEmpty()) return;
        renderer_->pickWhiteBalance(shownEdits(), render, r);
    });
    connect(viewer_, &ImageViewer::cropChanged, this, [this](const QRectF& rect, bool finished) {
        if (!finished) return;
        applyCrop(rect, QString::fromStdString(session_->edits().getText("crop.aspect")),
                  tr("Crop"));
    });
    connect(viewer_, &ImageViewer::toolCancelled, this, [this] {
        eyedropper_->setChecked(false);
        cropTool_->setChecked(false);
    });

    connect(crop_, &CropPanel::aspectChosen, this, &EditorWidget::chooseAspect);
    connect(crop_, &CropPanel::orientationSwapRequested, this, [this] {
        const QString aspect = QString::fromStdString(session_->edits().getText("crop.aspect"));
        chooseAspect(swappedAspect(aspect == "free" || aspect == "original" ? "original" : aspect));
    });
    connect(crop_, &CropPanel::turnRequested, this, &EditorWidget::turn);
    connect(crop_, &CropPanel::flipRequested, this, &EditorWidget::flip);

    // Quitting must not lose the last change: write it before the event loop ends.
    connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this,
            [this] { flush(); });

    reloadDisplaySettings();
    refreshPanels();
    updateCompareSource();
}

EditorWidget::~EditorWidget() {
    QSettings().setValue("editor/splitter", splitter_->saveState());
    session_->close();
}

void EditorWidget::buildActions() {
    const auto make = [this](const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setToolTip(tip.isEmpty() ? text : tip);
        addAction(a);
        return a;
    };
    undo_ = make(tr("&Undo"), QKeySequence(Qt::CTRL | Qt::Key_Z), {});
    redo_ = make(tr("&Redo"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), {});
    copy_ =
        make(tr("&Copy Edits"), QKeySequence(Qt::CTRL | Qt::Key_C), tr("Copy this photo's edits"));
    paste_ = make(tr("&Paste Edits"), QKeySequence(Qt::CTRL | Qt::Key_V),
                  tr("Paste the copied edits except white balance and crop"));
    pasteSelective_ =
        make(tr("Paste &Selected Edits…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
             tr("Choose which parts of the copied edits to paste"));
    resetAll_ = make(tr("Reset &All Edits"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
                     tr("Back to the photo as shot (undoable)"));
    beforeAfter_ = make(tr("&Before / After"), QKeySequence(Qt::Key_Backslash),
                        tr("Show the photo without edits (\\)"));
    split_ = make(tr("&Split Before / After"), QKeySequence(Qt::Key_Y),
                  tr("Before on the left, after on the right; drag the divider (Y)"));
    sideBySide_ = make(tr("Side b&y Side Before / After"), QKeySequence(Qt::SHIFT | Qt::Key_Y),
                       tr("Before and after next to each other, zooming and panning together "
                          "(Shift+Y)"));
    // The bar under the photo holds every way of comparing: short names keep it narrow.
    split_->setIconText(tr("Split"));
    sideBySide_->setIconText(tr("Side by Side"));
    cameraCompare_ =
        make(tr("Compare with the Camera's &JPEG"), QKeySequence(Qt::Key_C),
             tr("Compare with the JPEG the camera made instead of the unedited render (C)"));
    zoomFit_ = make(tr("Zoom to &Fit"), QKeySequence(Qt::CTRL | Qt::Key_0),
                    tr("Fit the photo in the window (Space or F toggles)"));
    zoom100_ = make(tr("Zoom to &100 %"), QKeySequence(Qt::CTRL | Qt::Key_1),
                    tr("One photo pixel per screen pixel, full quality"));
    clipping_ = make(tr("Show &Clipping"), QKeySequence(Qt::Key_J),
                     tr("Blown highlights in red, blocked shadows in blue (J)"));
    clipping_->setIconText(tr("Clipping"));
    eyedropper_ = make(tr("White Balance &Picker"), QKeySequence(Qt::Key_W),
                       tr("Click or drag over something that should be neutral grey (W)"));
    autoTone_ = make(tr("&Auto Tone"), QKeySequence(Qt::CTRL | Qt::Key_U),
                     tr("Set exposure, highlights, shadows, whites and blacks from the photo "
                        "(undoable; the values stay yours to move)"));
    autoTone_->setIconText(tr("Auto"));
    cropTool_ = make(tr("C&rop"), QKeySequence(Qt::Key_R),
                     tr("Show the crop frame: drag its edges, corners or inside (R)"));
    for (QAction* a :
         {beforeAfter_, split_, sideBySide_, cameraCompare_, clipping_, eyedropper_, cropTool_})
        a->setCheckable(true);
    cameraWanted_ = QSettings().value(kCompareSourceKey).toString() == QLatin1String("camera");
    eyedropper_->setText(tr("Pick"));

    connect(undo_, &QAction::triggered, this, [this] { session_->undo(); });
    connect(redo_, &QAction::triggered, this, [this] { session_->redo(); });
    connect(copy_, &QAction::triggered, this, [this] {
        copied_ = session_->edits();
        report(tr("Edits copied"));
        updateActions();
    });
    connect(paste_, &QAction::triggered, this, [this] { paste(PasteDialog::defaultGroups()); });
    connect(pasteSelective_, &QAction::triggered, this, [this] {
        PasteDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted) paste(dialog.groups());
    });
    connect(resetAll_, &QAction::triggered, this,
            [this] { session_->apply(EditDocument(), tr("Reset all")); });
    connect(beforeAfter_, &QAction::toggled, this,
            [this](bool on) { setCompare(on ? kCompareBefore : kCompareOff); });
    connect(split_, &QAction::toggled, this,
            [this](bool on) { setCompare(on ? kCompareSplit : kCompareOff); });
    connect(sideBySide_, &QAction::toggled, this,
            [this](bool on) { setCompare(on ? kCompareSideBySide : kCompareOff); });
    connect(cameraCompare_, &QAction::toggled, this, [this](bool on) { setCameraWanted(on); });
    connect(zoomFit_, &QAction::triggered, viewer_, &ImageViewer::zoomToFit);
    connect(zoom100_, &QAction::triggered, this, [this] { viewer_->zoomTo100(); });
    connect(clipping_, &QAction::toggled, this, [this](bool on) {
        viewer_->setClippingShown(on);
        requestRenders();
    });
    connect(eyedropper_, &QAction::toggled, this, [this](bool on) {
        if (on) cropTool_->setChecked(false);
        viewer_->setTool(on                       ? ImageViewer::Tool::Eyedropper
                         : cropTool_->isChecked() ? ImageViewer::Tool::Crop
                                                  : ImageViewer::Tool::None);
        if (on) report(tr("Click or drag over a neutral grey or white area"));
    });
    connect(cropTool_, &QAction::toggled, this, [this](bool on) {
        if (on) eyedropper_->setChecked(false);
        const EditDocument& doc = session_->edits();
        if (on && !uncropped_.isEmpty()) {
            viewer_->setCropAspect(
                aspectRatioOf(QString::fromStdString(doc.getText("crop.aspect")), uncropped_));
            viewer_->setCropRect(cropRectOf(doc, uncropped_));
        }
        viewer_->setTool(on ? ImageViewer::Tool::Crop : ImageViewer::Tool::None);
        // The aspect presets and straighten belong with the frame: bring them into view.
        if (on && cropSection_ && panelScroll_) {
            cropSection_->setExpanded(true);
            panelScroll_->ensureWidgetVisible(cropSection_, 0, 0);
        }
        requestRenders();
    });
}

void EditorWidget::buildLayout() {
    // The viewer and its bar.
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(6, 2, 6, 2);
    bar->setSpacing(2);
    const auto button = [this, bar](QAction* a) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setAutoRaise(true);
        bar->addWidget(b);
    };
    for (QAction* a : {beforeAfter_, split_, sideBySide_}) button(a);
    // What "before" is, beside the ways of showing it (the bar stays narrow: a small window
    // still shrinks the photo rather than the panels).
    compareWith_ = new QComboBox(this);
    compareWith_->setObjectName("compareWith");
    compareWith_->addItem(tr("Unedited"));
    compareWith_->addItem(tr("Camera JPEG"));
    compareWith_->setFocusPolicy(Qt::NoFocus);
    connect(compareWith_, &QComboBox::activated, this,
            [this](int index) { cameraCompare_->setChecked(index == 1); });
    bar->addWidget(compareWith_);
    for (QAction* a : {clipping_, eyedropper_, cropTool_}) button(a);
    bar->addSpacing(12);
    messageLabel_ = new QLabel(this);
    messageLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->addWidget(messageLabel_, 1);
    zoomLabel_ = new QLabel(this);
    zoomLabel_->setMinimumWidth(70);
    zoomLabel_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    bar->addWidget(zoomLabel_);
    auto* left = new QWidget(this);
    auto* leftCol = new QVBoxLayout(left);
    leftCol->setContentsMargins(0, 0, 0, 0);
    leftCol->setSpacing(0);
    leftCol->addWidget(viewer_, 1);
    leftCol->addLayout(bar);

    // The panels.
    basic_ = new BasicPanel(session_, eyedropper_, autoTone_);
    crop_ = new CropPanel(session_, cropTool_);
    lensPanel_ = new LensPanel(session_, renderer_);
    detail_ = new DetailPanel(session_);
    info_ = new InfoPanel;
    looks_ = new LooksPanel(session_, renderer_);
    auto* column = new QWidget;
    auto* col = new QVBoxLayout(column);
    col->setContentsMargins(8, 4, 8, 8);
    col->setSpacing(4);
    auto* looksSection = new PanelSection(tr("Looks"), looks_, column);
    sections_.push_back(looksSection);
    col->addWidget(looksSection);
    panels_ = {basic_, crop_, lensPanel_, detail_};
    for (EditPanel* p : panels_) {
        auto* s = new PanelSection(p->title(), p, column);
        s->setResettable(true);
        connect(s, &PanelSection::resetClicked, p, &EditPanel::resetPanel);
        sections_.push_back(s);
        col->addWidget(s);
        if (p == crop_) cropSection_ = s;
    }
    auto* infoSection = new PanelSection(tr("Info"), info_, column);
    sections_.push_back(infoSection);
    col->addWidget(infoSection);
    col->addStretch(1);
    auto* scroll = new QScrollArea;
    panelScroll_ = scroll;
    scroll->setWidget(column);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* right = new QWidget(this);
    auto* rightCol = new QVBoxLayout(right);
    rightCol->setContentsMargins(8, 8, 0, 0);
    rightCol->setSpacing(6);
    rightCol->addWidget(histogram_);
    rightCol->addWidget(scroll, 1);
    right->setMinimumWidth(340);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->addWidget(left);
    splitter_->addWidget(right);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 0);
    splitter_->setSizes({1200, 390});
    splitter_->restoreState(QSettings().value("editor/splitter").toByteArray());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter_);
}

void EditorWidget::openPhoto(const QString& rawPath) {
    if (rawPath == currentPhoto() && renderer_->path() == rawPath) return;
    session_->open(rawPath);  // saves the previous photo's pending edits first
    eyedropper_->setChecked(false);
    cropTool_->setChecked(false);
    uncropped_ = QSize();
    lastFit_ = QSize();
    lastBeforeKey_ = 0;
    viewer_->clear();
    histogram_->clear();
    info_->clear();
    if (!messageLabel_->property("error").toBool()) report({});
    renderer_->open(rawPath);
    viewer_->setFocus();
    updateCompareSource();  // not known until the raw is open
    updateActions();
}

QString EditorWidget::currentPhoto() const {
    return session_->path();
}

EditDocument EditorWidget::shownEdits() const {
    // The crop tool shows the whole frame with the crop drawn over it.
    return cropTool_->isChecked() ? withoutCrop(session_->edits()) : session_->edits();
}

void EditorWidget::requestRenders() {
    if (!renderer_->isOpen()) return;
    const EditDocument shown = shownEdits();
    lastFit_ = viewer_->fitRenderSize();
    const bool marks = clipping_->isChecked();
    renderer_->render(RenderedFrame::View, shown, lastFit_, marks);
    if (fullWanted_) renderer_->render(RenderedFrame::Full, shown, QSize(), marks);
    if (viewer_->compare() != ImageViewer::Compare::Off) requestBefore();
}

void EditorWidget::requestBefore() {
    if (!renderer_->isOpen()) return;
    // "Before" is the photo without edits, or the camera's JPEG, in the same frame so the two
    // line up. The camera's is placed on the frame the lens correction makes.
    const EditDocument shown = shownEdits();
    EditDocument before;
    before.mergeGroups(shown, {ParamGroup::Crop});
    if (cameraShown_)
        for (const std::string& key : shown.keys())
            if (key.rfind("lens.", 0) == 0) before.setValueJson(key, shown.valueJson(key));
    // Zoomed in, the camera's JPEG comes at its own resolution (a few tens of milliseconds);
    // an unedited render at full resolution would cost what the after's does, so it stays
    // at the fit size.
    const QSize size = cameraShown_ && fullWanted_ ? QSize() : lastFit_;
    const quint64 key = before.hash();
    if (key == lastBeforeKey_ && lastBeforeFit_ == size) return;
    lastBeforeKey_ = key;
    lastBeforeFit_ = size;
    if (cameraShown_)
        renderer_->renderCameraJpeg(before, size);
    else
        renderer_->render(RenderedFrame::Before, before, size);
}

void EditorWidget::setCameraWanted(bool on) {
    cameraWanted_ = on;
    QSettings().setValue(kCompareSourceKey,
                         on ? QStringLiteral("camera") : QStringLiteral("unedited"));
    // Asking for the camera's picture is asking to see it: with nothing compared yet, the
    // comparison last used (at first the split view) comes on.
    if (on && viewer_->compare() == ImageViewer::Compare::Off) {
        QAction* mode = lastCompare_ == kCompareBefore       ? beforeAfter_
                        : lastCompare_ == kCompareSideBySide ? sideBySide_
                                                             : split_;
        mode->setChecked(true);
    }
    updateCompareSource();
}

void EditorWidget::updateCompareSource() {
    const bool available = renderer_->hasCameraJpeg();
    const bool camera = cameraWanted_ && available;
    {
        const QSignalBlocker block(cameraCompare_);
        cameraCompare_->setChecked(camera);
    }
    compareWith_->setCurrentIndex(camera ? 1 : 0);
    // The reason the camera's JPEG cannot be had, where the photographer looks for it.
    QString why;
    if (!available)
        why = renderer_->isOpen()
                  ? renderer_->cameraJpegProblem()
                  : tr("The camera's JPEG can be compared with once the raw is open");
    auto* model = qobject_cast<QStandardItemModel*>(compareWith_->model());
    if (QStandardItem* item = model ? model->item(1) : nullptr) {
        item->setEnabled(available);
        item->setToolTip(why);
    }
    const QString tip =
        tr("Compare with the JPEG the camera made instead of the unedited render (C)");
    cameraCompare_->setToolTip(available ? tip : why);
    compareWith_->setToolTip(available ? tr("What the edit is compared with: the unedited "
                                            "render or the JPEG the camera made (C)")
                                       : why);
    viewer_->setCompareLabels(camera ? tr("Camera JPEG") : tr("Before"),
                              camera ? tr("Edited") : tr("After"));
    if (camera != cameraShown_) {
        cameraShown_ = camera;
        viewer_->setBeforeImage(QImage());  // the other source's: not to be shown as this one
        lastBeforeKey_ = 0;
        if (viewer_->compare() != ImageViewer::Compare::Off) requestBefore();
    }
    updateActions();
}

void EditorWidget::onFrame(const RenderedFrame& f) {
    switch (f.kind) {
        case RenderedFrame::View: {
            const bool first = !viewer_->hasRender();
            viewer_->setViewImage(f.image, f.clipping, f.fullSize, f.edits.hash());
            histogram_->setHistogram(f.histogram);
            basic_->setWhiteBalanceReadout(f.whiteBalance.first, f.whiteBalance.second);
            const bool sizeKnown = !uncropped_.isEmpty();
            uncropped_ = f.uncroppedSize;
            if (!sizeKnown && cropTool_->isChecked()) {
                viewer_->setCropAspect(aspectRatioOf(
                    QString::fromStdString(session_->edits().getText("crop.aspect")), uncropped_));
                viewer_->setCropRect(cropRectOf(session_->edits(), uncropped_));
            }
            lastRenderMs_ = f.milliseconds;
            if (first) emit photoShown(currentPhoto());
            break;
        }
        case RenderedFrame::Full:
            viewer_->setFullImage(f.image, f.clipping, f.edits.hash());
            break;
        case RenderedFrame::Before:
            if (f.cameraJpeg != cameraShown_) break;  // asked for before the source changed
            viewer_->setBeforeImage(f.image, f.fullSize);
            break;
    }
}

void EditorWidget::onEditsChanged() {
    refreshPanels();
    if (cropTool_->isChecked() && !uncropped_.isEmpty()) {
        const EditDocument& doc = session_->edits();
        viewer_->setCropAspect(
            aspectRatioOf(QString::fromStdString(doc.getText("crop.aspect")), uncropped_));
        viewer_->setCropRect(cropRectOf(doc, uncropped_));
    }
    requestRenders();
    updateActions();
}

void EditorWidget::refreshPanels() {
    looks_->refresh();
    for (EditPanel* p : panels_) p->refresh();
}

void EditorWidget::updateActions() {
    const bool open = session_->isOpen() && isVisible();
    undo_->setEnabled(open && session_->canUndo());
    redo_->setEnabled(open && session_->canRedo());
    const QString u = session_->undoLabel(), r = session_->redoLabel();
    undo_->setText(u.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(u));
    redo_->setText(r.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(r));
    copy_->setEnabled(open);
    paste_->setEnabled(open && copied_.has_value());
    pasteSelective_->setEnabled(open && copied_.has_value());
    for (QAction* a : {resetAll_, beforeAfter_, split_, sideBySide_, zoomFit_, zoom100_, clipping_,
                       eyedropper_, cropTool_})
        a->setEnabled(open);
    cameraCompare_->setEnabled(open && renderer_->hasCameraJpeg());
}

void EditorWidget::showEvent(QShowEvent* e) {
    QWidget::showEvent(e);
    updateActions();
}

void EditorWidget::hideEvent(QHideEvent* e) {
    QWidget::hideEvent(e);
    updateActions();  // the editor's keys do nothing while the library is shown
}

void EditorWidget::report(const QString& message, bool error) {
    messageLabel_->setText(message);
    messageLabel_->setProperty("error", error);
    messageLabel_->setStyleSheet(
        error ? QStringLiteral("color: %1;").arg(themeColor(ThemeColor::ErrorText).name())
              : QString());
    if (!message.isEmpty()) emit statusMessage(message);
}

void EditorWidget::setCompare(int mode) {
    // The toggles are exclusive; unchecking one while another is on changes nothing.
    if (mode == kCompareOff &&
        (beforeAfter_->isChecked() || split_->isChecked() || sideBySide_->isChecked()))
        return;
    {
        const QSignalBlocker a(beforeAfter_), b(split_), c(sideBySide_);
        beforeAfter_->setChecked(mode == kCompareBefore);
        split_->setChecked(mode == kCompareSplit);
        sideBySide_->setChecked(mode == kCompareSideBySide);
    }
    viewer_->setCompare(mode == kCompareBefore       ? ImageViewer::Compare::Before
                        : mode == kCompareSplit      ? ImageViewer::Compare::Split
                        : mode == kCompareSideBySide ? ImageViewer::Compare::SideBySide
                                                     : ImageViewer::Compare::Off);
    if (mode != kCompareOff) {
        lastCompare_ = mode;
        requestBefore();
    }
}

void EditorWidget::applyCrop(const QRectF& rect, const QString& aspect, const QString& label) {
    EditDocument doc = session_->edits();
    try {
        setCrop(doc, rect, aspect);
    } catch (const Error& e) {
        report(QString::fromStdString(e.what()), true);
        return;
    }
    session_->apply(doc, label);
}

void EditorWidget::chooseAspect(const QString& preset) {
    if (uncropped_.isEmpty()) return;
    const EditDocument& doc = session_->edits();
    const QRectF current = cropRectOf(doc, uncropped_);
    const QString oriented = orientedAspect(preset, current, uncropped_);
    QRectF rect = current;
    if (preset != "free") {
        // The largest frame of the new shape, centred where the crop was.
        rect = fitAspect(QRectF(0, 0, 1, 1), aspectRatioOf(oriented, uncropped_), uncropped_);
        rect.moveCenter(current.center());
        rect.moveLeft(std::clamp(rect.left(), 0.0, 1.0 - rect.width()));
        rect.moveTop(std::clamp(rect.top(), 0.0, 1.0 - rect.height()));
    }
    applyCrop(rect, oriented, tr("Crop aspect %1").arg(crop_->aspectBox()->currentText()));
    cropTool_->setChecked(true);
}

void EditorWidget::turn(bool clockwise) {
    EditDocument doc = session_->edits();
    const int rotate = (doc.getInt("geometry.rotate") + (clockwise ? 90 : 270)) % 360;
    const QRectF rect = turnedCrop(cropRectOf(doc, uncropped_), clockwise);
    const QString aspect = swappedAspect(QString::fromStdString(doc.getText("crop.aspect")));
    if (rotate == 0)
        doc.reset("geometry.rotate");
    else
        doc.setFloat("geometry.rotate", rotate);
    setCrop(doc, rect, aspect);
    session_->apply(doc, clockwise ? tr("Rotate right") : tr("Rotate left"));
}

void EditorWidget::flip(bool horizontal) {
    EditDocument doc = session_->edits();
    const char* key = horizontal ? "geometry.flip_h" : "geometry.flip_v";
    const QRectF rect = flippedCrop(cropRectOf(doc, uncropped_), horizontal);
    doc.setBool(key, !doc.getBool(key));
    setCrop(doc, rect, QString::fromStdString(doc.getText("crop.aspect")));
    session_->apply(doc, horizontal ? tr("Flip horizontal") : tr("Flip vertical"));
}

void EditorWidget::paste(const std::vector<ParamGroup>& groups) {
    if (!copied_ || !session_->isOpen()) return;
    pasteEditsTo({currentPhoto()}, groups);
}

void EditorWidget::pasteEditsTo(const QStringList& rawPaths,
                                const std::vector<ParamGroup>& groups) {
    if (!copied_) {
        report(tr("Nothing to paste: copy a photo's edits first"), true);
        return;
    }
    const EditDocument source = *copied_;
    changePhotos(
        rawPaths,
        [&](EditDocument doc) {
            // The copied groups replace the photo's: a setting left at its default in the
            // source resets it here too.
            for (ParamGroup g : groups) doc.resetGroup(g);
            doc.mergeGroups(source, groups);
            return doc;
        },
        tr("Paste edits"));
}

void EditorWidget::applyLookTo(const QStringList& rawPaths, const QString& lookName) {
    const Look* look = nullptr;
    if (!lookName.isEmpty() && !(look = looks_->library().find(lookName.toStdString()))) {
        report(tr("The look “%1” is not installed").arg(lookName), true);
        return;
    }
    changePhotos(
        rawPaths,
        [look, &library = looks_->library()](const EditDocument& doc) {
            const Look* held = library.find(doc.getText("look.name"));
            return look ? withLook(doc, *look, std::nullopt, held) : withoutLook(doc, held);
        },
        look ? tr("Look: %1").arg(lookName) : tr("No look"));
}

void EditorWidget::changePhotos(const QStringList& rawPaths,
                                const std::function<EditDocument(const EditDocument&)>& change,
                                const QString& label) {
    int done = 0;
    QStringList failed;
    for (const QString& path : rawPaths) {
        if (path == currentPhoto()) {  // through its history, and on screen at once
            session_->apply(change(session_->edits()), label);
            ++done;
            continue;
        }
        // Any other photo: its sidecar, read fresh, changed and saved with a history step.
        const std::string raw = path.toStdString();
        try {
            bool changed = false;
            updateSidecar(
                raw,
                [&](Sidecar& s) {
                    const EditDocument after = change(s.edits);
                    if (after == s.edits) return false;
                    s.history.record(s.edits, after, label.toStdString());
                    s.edits = after;
                    return changed = true;
                },
                sidecarNamingFor(raw));
            if (!changed) continue;
            ++done;
            emit editsSaved(path);
        } catch (const Error& e) {
            failed << QString::fromStdString(e.what());
        }
    }
    if (!failed.isEmpty())
        report(tr("%1: %n photo(s) changed, %2 failed: %3", nullptr, done)
                   .arg(label)
                   .arg(failed.size())
                   .arg(failed.join("; ")),
               true);
    else if (rawPaths.size() > 1)
        report(tr("%1: %n photo(s) changed", nullptr, done).arg(label));
}

bool EditorWidget::flush() {
    if (session_->hasLiveChange()) session_->commit(tr("Edit"));
    return session_->saveNow();
}

void EditorWidget::reloadDisplaySettings() {
    const DisplayProfile p = displayProfileFromSettings();
    renderer_->setDisplayTransform(p.transform);
    if (!p.error.isEmpty())
        report(tr("Display profile not used, showing sRGB: %1").arg(p.error), true);
    requestRenders();
}

}  // namespace rf::gui
