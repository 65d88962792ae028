// SPDX-License-Identifier: GPL-3.0-or-later
// The Looks panel: every installed and user look (rf::LookLibrary) shown as a small render of
// the photo in front of you, plus "None". One click applies a look (rf::withLook: the look
// group is replaced, every other edit stays) as one history step; the strength slider
// (look.strength) blends it from nothing to full. The thumbnails are rendered by the
// RenderController at the least urgent priority, from the photo's current edits, and are
// renewed when the edits settle (never during a drag). "Export .cube…" bakes a look's colour
// into a LUT for another tool (CubeExportDialog).
#pragma once

#include <QTimer>
#include <QWidget>
#include <vector>

#include "rangefinder/looks.h"

class QLabel;
class QListWidget;
class QListWidgetItem;
class QToolButton;

namespace rf::gui {

class CubeExportDialog;
class ParamSlider;
class PhotoSession;
class RenderController;

class LooksPanel : public QWidget {
    Q_OBJECT
  public:
    LooksPanel(PhotoSession* session, RenderController* renderer, QWidget* parent = nullptr);

    /// Re-reads the look folders (a look added or edited on disk).
    void reload();
    const LookLibrary& library() const { return library_; }
    /// Shows the session's look and strength; schedules fresh thumbnails.
    void refresh();
    /// Thumbnails of the current edits, now (a photo was opened).
    void renderThumbnails();
    /// Applies a look by name ("" for none) to the open photo, as one step.
    void apply(const QString& name);

    /// Opens the .cube export for the photo's look (or the first), window-modal; returns it.
    CubeExportDialog* showCubeExport();

    QListWidget* gallery() const { return gallery_; }
    QToolButton* exportCubeButton() const { return exportCube_; }
    ParamSlider* strength() const { return strength_; }
    /// How many thumbnails of the current batch have arrived.
    int thumbnailsShown() const { return shown_; }

  signals:
    /// Problems worth telling (a look file that did not load, a look that cannot apply).
    void message(const QString& text, bool error);

  protected:
    void resizeEvent(QResizeEvent* e) override;

  private:
    void fitGallery();
    QListWidgetItem* itemFor(const QString& name) const;

    PhotoSession* session_;
    RenderController* renderer_;
    LookLibrary library_;
    QListWidget* gallery_;
    /// The gallery's look tiles (None first) in the order of the thumbnails rendered for
    /// them; the makers' title tiles are not among them.
    std::vector<QListWidgetItem*> tiles_;
    ParamSlider* strength_;
    QToolButton* exportCube_;
    QLabel* status_;
    QTimer renew_;
    quint64 batch_ = 0;
    quint64 renderedKey_ = 0;
    int shown_ = 0;
    int iconEdge_ = 150;
    QString lastCubeFolder_;  // where the last .cube went (the home folder at first)
};

}  // namespace rf::gui
