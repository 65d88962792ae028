// SPDX-License-Identifier: GPL-3.0-or-later
// Rating, rejecting and colour-labelling the selected photos, as actions: 0–5 stars, X
// rejects, 6–9 label red, yellow, green, blue (as in Lightroom; pressing a label the whole
// selection already has removes it, and X on rejected photos un-rejects them). The main window
// puts the actions in its Photo menu, where their shortcuts work in both modes; the grid and
// the filmstrip also hand them key presses, so they work in a view on its own. Every change
// goes to the sidecars through the library model (load fresh, change, save).
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>
#include <functional>

#include "library/photo_library_model.h"

class QAction;
class QItemSelectionModel;
class QKeyEvent;

namespace rf::gui {

class PhotoCommands : public QObject {
    Q_OBJECT

  public:
    /// `selection` selects rows of any proxy of `model` (or of `model` itself).
    PhotoCommands(PhotoLibraryModel* model, QItemSelectionModel* selection,
                  QObject* parent = nullptr);

    /// No stars, 1–5 stars, reject.
    const QList<QAction*>& ratingActions() const { return ratingActions_; }
    /// Red, yellow, green, blue, purple, no label.
    const QList<QAction*>& labelActions() const { return labelActions_; }

    /// The selected photos' paths in view order; the current photo when nothing is selected.
    QStringList selectedPaths() const;

    /// Triggers the action whose shortcut is this key press; false when none is.
    bool handleKeyPress(QKeyEvent* event);

    void rate(int rating);
    void toggleReject();
    void toggleLabel(const QString& label);

  signals:
    /// A short report for the status bar ("3 photos rated ★★").
    void message(const QString& text);
    /// Sidecars that could not be written, one line each.
    void problems(const QStringList& lines);

  private:
    /// `what` words the report for the number of sidecars written, so each language can make
    /// the sentence agree with it.
    void report(const QStringList& paths, const std::function<QString(int)>& what,
                const PhotoLibraryModel::SidecarWrites& writes);

    PhotoLibraryModel* model_;
    QItemSelectionModel* selection_;
    QList<QAction*> ratingActions_;
    QList<QAction*> labelActions_;
};

/// "★★★" for a rating; "No stars" for 0 and "Rejected" for -1.
QString ratingText(int rating);
/// "1 photo", "12 photos".
QString photoCount(int count);

}  // namespace rf::gui
