// SPDX-License-Identifier: GPL-3.0-or-later
// The photo being edited: its edit document, its edit history and the autosave to its
// sidecar. A change is either live (a slider being dragged: the document follows the mouse
// and renders, but no history step is made yet) or committed (one history step, however
// many live changes led to it), so a whole drag undoes in one go. Committed changes are
// saved a moment later (debounced, so a burst of clicks is one write) and at once when the
// photo is switched or the app quits. A save reads the sidecar fresh, replaces only the
// edits and the history and writes atomically, so ratings set in the library meanwhile are
// kept. A failed save never loses anything: the edits stay in memory, the error is reported
// and the next change tries again.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include "rangefinder/history.h"
#include "rangefinder/params.h"

namespace rf::gui {

class PhotoSession : public QObject {
    Q_OBJECT
  public:
    explicit PhotoSession(QObject* parent = nullptr);
    ~PhotoSession() override;

    /// Saves the current photo if needed and loads `rawPath`'s edits and history from its
    /// sidecar. An unreadable sidecar is reported (loadFailed) and the photo starts with no
    /// edits; the file is left alone (a save will refuse to overwrite it).
    void open(const QString& rawPath);
    /// Saves if needed and forgets the photo.
    void close();
    QString path() const { return path_; }
    bool isOpen() const { return !path_.isEmpty(); }

    const EditDocument& edits() const { return current_; }
    const EditHistory& history() const { return history_; }

    /// A live change: the document becomes `doc`, no history step yet.
    void setLive(const EditDocument& doc);
    /// Ends the live changes (if any) as one history step named `label`.
    void commit(const QString& label);
    /// setLive + commit: one discrete change.
    void apply(const EditDocument& doc, const QString& label);
    bool hasLiveChange() const { return !(current_ == committed_); }

    bool canUndo() const;
    bool canRedo() const;
    /// A pending live change is committed first, so undo always undoes the last thing done.
    bool undo();
    bool redo();
    /// Label of the step undo / redo would act on ("" when none).
    QString undoLabel() const;
    QString redoLabel() const;

    /// Writes a pending save now (a photo switch, quitting). Returns false on failure.
    bool saveNow();
    bool hasUnsavedChanges() const { return dirty_; }
    /// The last save error ("" after a successful save).
    QString saveError() const { return saveError_; }

    /// Debounce of the autosave, in milliseconds (tests shorten it).
    void setSaveDelay(int ms) { saveTimer_.setInterval(ms); }

  signals:
    void editsChanged();    ///< the document changed (live or committed, undo, redo, open)
    void historyChanged();  ///< a step was added, undone or redone
    void saved(const QString& rawPath);
    void saveFailed(const QString& rawPath, const QString& message);
    void loadFailed(const QString& rawPath, const QString& message);

  private:
    void scheduleSave();

    QString path_;
    EditDocument current_;    // what is shown
    EditDocument committed_;  // the document at the last history step
    EditHistory history_;
    bool dirty_ = false;
    QString saveError_;
    QTimer saveTimer_;
};

}  // namespace rf::gui
