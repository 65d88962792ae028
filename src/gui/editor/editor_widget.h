// SPDX-License-Identifier: GPL-3.0-or-later
// The Develop view: the image viewer with its tool bar, the live histogram and the editing
// panels, over one open photo. It ties the pieces together — the PhotoSession (edits,
// history, autosave) is the model, the panels edit it, every change asks the
// RenderController for a new render and the viewer shows what comes back — and it owns the
// editor's actions, which the main window puts into its menus; they are enabled only while
// the editor is shown. Batch operations on a library selection (paste edits, apply a look)
// write the other photos' sidecars through the core.
#pragma once

#include <QStringList>
#include <QWidget>
#include <functional>
#include <optional>
#include <vector>

#include "rangefinder/params.h"

class QAction;
class QComboBox;
class QLabel;
class QScrollArea;
class QSplitter;

namespace rf::gui {

class BasicPanel;
class CropPanel;
class DetailPanel;
class EditPanel;
class LensPanel;
class HistogramWidget;
class ImageViewer;
class InfoPanel;
class LooksPanel;
class PanelSection;
class PhotoSession;
class RenderController;
struct RenderedFrame;

class EditorWidget : public QWidget {
    Q_OBJECT
  public:
    explicit EditorWidget(QWidget* parent = nullptr);
    ~EditorWidget() override;

    /// Shows the embedded preview at once, then the render; saves the previous photo's
    /// pending edits first.
    void openPhoto(const QString& rawPath);
    QString currentPhoto() const;

    QAction* undoAction() const { return undo_; }
    QAction* redoAction() const { return redo_; }
    QAction* copyEditsAction() const { return copy_; }
    QAction* pasteEditsAction() const { return paste_; }
    QAction* pasteSelectiveAction() const { return pasteSelective_; }
    QAction* resetAllAction() const { return resetAll_; }
    QAction* beforeAfterAction() const { return beforeAfter_; }
    QAction* zoomFitAction() const { return zoomFit_; }
    QAction* zoom100Action() const { return zoom100_; }
    // Beyond the seam: the viewer's tools, for a View menu.
    QAction* splitViewAction() const { return split_; }
    QAction* sideBySideAction() const { return sideBySide_; }
    /// Checked: the before is the camera's JPEG (disabled for a raw without a usable one).
    QAction* cameraCompareAction() const { return cameraCompare_; }
    /// The bar's "compare with" list: the unedited render, or the camera's JPEG.
    QComboBox* compareWithBox() const { return compareWith_; }
    QAction* clippingAction() const { return clipping_; }
    QAction* eyedropperAction() const { return eyedropper_; }
    QAction* autoToneAction() const { return autoTone_; }
    QAction* cropToolAction() const { return cropTool_; }

    /// Pastes the copied edits' `groups` onto each photo (the open one through its
    /// history, the others in their sidecars, one history step each).
    void pasteEditsTo(const QStringList& rawPaths, const std::vector<ParamGroup>& groups);
    /// Applies the look named `lookName` ("" for none) to each photo, one history step each.
    void applyLookTo(const QStringList& rawPaths, const QString& lookName);

    /// The edits copied with Copy (nullopt before the first copy).
    const std::optional<EditDocument>& copiedEdits() const { return copied_; }
    /// Writes pending edits to the sidecar now (before quitting); false when it failed.
    bool flush();
    /// Re-reads the display colour setting (after Preferences changed it).
    void reloadDisplaySettings();

    // The parts, for the main window's status bar and for tests.
    ImageViewer* viewer() const { return viewer_; }
    HistogramWidget* histogram() const { return histogram_; }
    PhotoSession* session() const { return session_; }
    RenderController* renderer() const { return renderer_; }
    BasicPanel* basicPanel() const { return basic_; }
    CropPanel* cropPanel() const { return crop_; }
    DetailPanel* detailPanel() const { return detail_; }
    LensPanel* lensPanel() const { return lensPanel_; }
    InfoPanel* infoPanel() const { return info_; }
    LooksPanel* looksPanel() const { return looks_; }
    /// Milliseconds from the request to the newest interactive render.
    double lastRenderMilliseconds() const { return lastRenderMs_; }

  signals:
    void editsSaved(const QString& rawPath);
    /// Something to tell the photographer (a failed save, a render error).
    void statusMessage(const QString& message);
    /// A photo's render is on screen.
    void photoShown(const QString& rawPath);

  protected:
    void showEvent(QShowEvent*) override;
    void hideEvent(QHideEvent*) override;

  private:
    void buildActions();
    void buildLayout();
    void requestRenders();
    void requestBefore();
    void onFrame(const RenderedFrame& frame);
    void onEditsChanged();
    void updateActions();
    void refreshPanels();
    void report(const QString& message, bool error = false);
    EditDocument shownEdits() const;
    void setCompare(int mode);
    /// The photographer's choice of before (kept in the settings); shown when the photo has
    /// a camera JPEG.
    void setCameraWanted(bool on);
    /// Brings the compare controls, the viewer's labels and its before image in line with
    /// the choice and with what the open photo has.
    void updateCompareSource();
    void applyCrop(const QRectF& rect, const QString& aspect, const QString& label);
    void chooseAspect(const QString& preset);
    void turn(bool clockwise);
    void flip(bool horizontal);
    void paste(const std::vector<ParamGroup>& groups);
    /// Changes the edits of each photo with one history step named `label`; errors are
    /// collected and reported, the other photos still change.
    void changePhotos(const QStringList& rawPaths,
                      const std::function<EditDocument(const EditDocument&)>& change,
                      const QString& label);

    RenderController* renderer_;
    PhotoSession* session_;
    ImageViewer* viewer_;
    HistogramWidget* histogram_;
    BasicPanel* basic_ = nullptr;
    CropPanel* crop_ = nullptr;
    DetailPanel* detail_ = nullptr;
    LensPanel* lensPanel_ = nullptr;
    InfoPanel* info_ = nullptr;
    LooksPanel* looks_ = nullptr;
    std::vector<PanelSection*> sections_;
    std::vector<EditPanel*> panels_;  // in the column's order; each refreshes from the edits
    QSplitter* splitter_ = nullptr;
    QScrollArea* panelScroll_ = nullptr;
    PanelSection* cropSection_ = nullptr;
    QLabel* zoomLabel_ = nullptr;
    QLabel* messageLabel_ = nullptr;

    QAction *undo_, *redo_, *copy_, *paste_, *pasteSelective_, *resetAll_;
    QAction *beforeAfter_, *split_, *zoomFit_, *zoom100_, *clipping_, *eyedropper_, *cropTool_;
    QAction *sideBySide_, *cameraCompare_;
    QAction* autoTone_;
    QComboBox* compareWith_ = nullptr;

    std::optional<EditDocument> copied_;
    QSize uncropped_;  // the frame before the crop, full resolution
    QSize lastFit_;    // fit size of the newest interactive request
    quint64 lastBeforeKey_ = 0;
    bool cameraWanted_ = false;  // the choice
    bool cameraShown_ = false;   // what the before is now: the choice, if the photo allows
    int lastCompare_ = 0;        // the comparison last shown (0: none yet; the split then)
    QSize lastBeforeFit_;
    bool fullWanted_ = false;
    double lastRenderMs_ = 0;
};

}  // namespace rf::gui
