// SPDX-License-Identifier: GPL-3.0-or-later
// The export as the main window sees it: exportPhotos() opens the export dialog for the
// selection and, when the photographer clicks Export, runs it in the background (an export
// asked for while one runs waits its turn); progressWidget() goes into the status bar; at
// the end a summary lists failures and offers to open the output folder.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include "export/export_targets.h"

class QWidget;

namespace rf::gui {

class ExportDialog;
class ExportProgressWidget;
class ExportRunner;
class ExportSummaryDialog;

class ExportController : public QObject {
    Q_OBJECT
  public:
    explicit ExportController(QWidget* parentWindow);
    /// Cancels a running export and waits for it to stop.
    ~ExportController() override;

    /// Opens the export dialog for these raws (not modal: it returns at once); Export starts
    /// the run. Does nothing for an empty list; raises the dialog when it is already open.
    void exportPhotos(const QStringList& rawPaths);
    /// For the status bar; the controller keeps it up to date and hidden when idle.
    QWidget* progressWidget();
    bool isRunning() const;
    /// Stops the running export and drops the waiting ones.
    void cancel();

    /// The open export dialog, or nullptr.
    ExportDialog* dialog() const { return dialog_; }
    /// The last summary shown, or nullptr.
    ExportSummaryDialog* summaryDialog() const { return summary_; }
    ExportRunner* runner() const { return runner_; }

  signals:
    void finished(int exported, int failed, bool cancelled);

  private:
    struct Request {
        QStringList photos;
        QList<ExportTarget> targets;
    };
    void enqueue(const Request& request);
    void startNext();
    void onFinished();

    QWidget* window_;
    ExportRunner* runner_;
    QPointer<ExportProgressWidget> progress_;
    QPointer<ExportDialog> dialog_;
    QPointer<ExportSummaryDialog> summary_;
    QList<Request> queue_;
    bool severalPresets_ = false;
};

}  // namespace rf::gui
