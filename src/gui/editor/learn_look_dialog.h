// SPDX-License-Identifier: GPL-3.0-or-later
// "Create Look from Example…": the photo being edited and the finished JPEG a camera or phone
// made of it (the JPEG beside the raw, one chosen, or the one embedded in the raw; more pairs
// of the same look may be added) become a look (rf::learnLook). Learning runs on a worker with
// a progress bar; the result is previewed on the photo, without and with the learned look, with
// how well it reproduces each example; Save writes it to the user's look folder as an ordinary
// look file, which the Looks panel then lists and, when asked, applies.
#pragma once

#include <QDialog>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <memory>
#include <vector>

#include "rangefinder/look_learn.h"
#include "rangefinder/params.h"

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace rf::gui {

class EditorWidget;

class LearnLookDialog : public QDialog {
    Q_OBJECT
  public:
    /// For the photo at `rawPath`, previewed with its `edits` (their look left out).
    LearnLookDialog(const QString& rawPath, const EditDocument& edits, QWidget* parent = nullptr);
    ~LearnLookDialog() override;

    /// The pairs listed (an empty JPEG: the one embedded in the raw).
    std::vector<ExamplePair> pairs() const;
    /// Sets the JPEG of the pair in `row` ("" for the raw's embedded one).
    void setJpeg(int row, const QString& jpegPath);
    /// Adds a pair of another photo of the same look.
    void addPair(const QString& rawPath, const QString& jpegPath);

    /// Starts learning (on a worker); `learned()` is emitted when it is done.
    void learn();
    bool isLearning() const { return watcher_.isRunning(); }
    bool hasLook() const { return learned_ != nullptr; }
    /// Writes the look into `folder` (the user's look folder by default); asks before
    /// replacing a look file of the same name unless `overwrite`. False when nothing was saved.
    bool save(const QString& folder = {}, bool overwrite = false);

    QLineEdit* nameEdit() const { return name_; }
    QTreeWidget* pairList() const { return pairs_; }
    QPushButton* learnButton() const { return learn_; }
    QPushButton* saveButton() const { return save_; }
    QCheckBox* applyBox() const { return apply_; }
    QLabel* beforeView() const { return before_; }
    QLabel* afterView() const { return after_; }
    QLabel* reportLabel() const { return report_; }

  signals:
    /// Learning finished (successfully or not: see hasLook()).
    void learned();
    /// A look was saved under `name` into `path`; `apply`: the photographer wants it applied.
    void lookSaved(const QString& name, const QString& path, bool apply);

  private:
    struct Result;
    void chooseJpeg();
    void useEmbedded();
    void choosePair();
    void removePair();
    void updateButtons();
    void finished();
    void showProgress(double fraction, const QString& what);

    QString rawPath_;
    EditDocument edits_;
    QTemporaryDir previewDir_;
    int previews_ = 0;
    QTreeWidget* pairs_;
    QPushButton *chooseJpeg_, *embedded_, *addPair_, *removePair_;
    QLineEdit* name_;
    QPushButton *learn_, *save_;
    QProgressBar* progress_;
    QLabel *status_, *before_, *after_, *report_;
    QCheckBox* apply_;
    QFutureWatcher<std::shared_ptr<Result>> watcher_;
    std::shared_ptr<CancelToken> cancel_;
    std::shared_ptr<const LearnedLook> learned_;
};

/// The menu action that opens the dialog for the editor's photo and, when a look is saved,
/// reloads the Looks panel and applies it if asked. Enabled once a photo is shown.
QAction* createLearnLookAction(EditorWidget* editor, QWidget* parent);

}  // namespace rf::gui
