// SPDX-License-Identifier: GPL-3.0-or-later
// Running an export off the GUI thread. The photos' jobs are built from their sidecars
// (rf::prepareExportJobs, as the command line does) and each target (a ticked preset) runs
// as one rf::exportBatch, all on a worker thread of the runner's own, so the window — its
// previews, thumbnails and sliders — stays usable. Progress arrives as queued signals on the
// GUI thread. Cancelling fires the core's CancelToken: renders stop at their next chunk,
// files not started are not started, and nothing half-written is left (the core writes
// beside the target and links the finished file into place).
#pragma once

#include <QElapsedTimer>
#include <QFuture>
#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <memory>

#include "export/export_targets.h"
#include "rangefinder/parallel.h"

namespace rf::gui {

struct ExportFailure {
    QString input;   ///< the raw file
    QString preset;  ///< the preset it failed under
    QString reason;  ///< the core's message, without the input's path when it leads
};

/// What a finished run did.
struct ExportSummary {
    int total = 0;     ///< photos × presets
    int exported = 0;  ///< files written
    int failed = 0;
    int notStarted = 0;  ///< left out or stopped because the run was cancelled
    bool cancelled = false;
    double seconds = 0;
    QList<ExportFailure> failures;
    QStringList outputs;  ///< every file written
    QStringList folders;  ///< the folders the targets write to (targetFolders)
};

class ExportRunner : public QObject {
    Q_OBJECT
  public:
    explicit ExportRunner(QObject* parent = nullptr);
    /// Cancels a run in progress and waits for it (promptly: see CancelToken).
    ~ExportRunner() override;

    /// Exports every photo once per target. Returns false (and does nothing) while a run is
    /// in progress.
    bool start(const QStringList& rawPaths, const QList<ExportTarget>& targets);
    /// Stops the run; finished() follows with summary().cancelled set.
    void cancel();
    bool isRunning() const { return running_; }
    /// The last finished run.
    const ExportSummary& summary() const { return summary_; }

  signals:
    void started(int total);
    /// One file finished (well or not): `done` of `total`, its raw and its preset.
    void progress(int done, int total, const QString& rawPath, const QString& preset);
    void finished(const rf::gui::ExportSummary& summary);

  private:
    void onWorkerFinished();

    QThreadPool pool_;  // one thread, so a long export never takes a slot of the global pool
    QFutureWatcher<ExportSummary> watcher_;
    std::shared_ptr<CancelToken> cancel_;
    ExportSummary summary_;
    bool running_ = false;
};

}  // namespace rf::gui
