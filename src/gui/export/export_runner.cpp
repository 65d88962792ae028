// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_runner.h"

#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>
#include <chrono>
#include <string>
#include <vector>

#include "common/post_to.h"

namespace rf::gui {

namespace {

// The core's messages start with the file they concern; the summary shows the file in its
// own column, so a leading input path is not repeated in the reason.
QString reasonOf(const ExportOutcome& o) {
    QString reason = QString::fromStdString(o.error);
    const QString prefix = QString::fromStdString(o.input) + QStringLiteral(": ");
    if (reason.startsWith(prefix)) reason.remove(0, prefix.size());
    return reason;
}

bool isCancelled(const ExportOutcome& o) {
    return o.error == "cancelled";
}

}  // namespace

ExportRunner::ExportRunner(QObject* parent) : QObject(parent) {
    pool_.setMaxThreadCount(1);
    pool_.setObjectName(QStringLiteral("export"));
    connect(&watcher_, &QFutureWatcher<ExportSummary>::finished, this,
            &ExportRunner::onWorkerFinished);
}

ExportRunner::~ExportRunner() {
    watcher_.disconnect(this);
    if (cancel_) cancel_->cancel();
    watcher_.waitForFinished();
}

bool ExportRunner::start(const QStringList& rawPaths, const QList<ExportTarget>& targets) {
    if (running_) return false;
    running_ = true;
    cancel_ = std::make_shared<CancelToken>();
    const int total = int(rawPaths.size() * targets.size());
    emit started(total);

    std::vector<std::string> files;
    files.reserve(rawPaths.size());
    for (const auto& p : rawPaths) files.push_back(p.toStdString());

    auto work = [this, files = std::move(files), targets, total, cancel = cancel_] {
        const auto t0 = std::chrono::steady_clock::now();
        ExportSummary s;
        s.total = total;
        s.folders = targetFolders(targets);
        int done = 0;
        const auto report = [&](const ExportOutcome& o, const QString& preset) {
            ++done;
            if (o.ok()) {
                ++s.exported;
                s.outputs.append(QString::fromStdString(o.output));
            } else if (isCancelled(o)) {
                ++s.notStarted;
            } else {
                ++s.failed;
                s.failures.append({QString::fromStdString(o.input), preset, reasonOf(o)});
            }
            postTo(this, [this, done, total, input = QString::fromStdString(o.input), preset] {
                emit progress(done, total, input, preset);
            });
        };

        // Sidecars are read once for all presets, and each raw is decoded once for all of
        // them: the same edits go into every output.
        try {
            const PreparedJobs prepared = prepareExportJobs(files);
            std::vector<ExportSettings> settings;
            for (const auto& target : targets) {
                for (const auto& failure : prepared.failed) report(failure, target.presetName);
                settings.push_back(target.settings);
            }
            exportBatch(
                prepared.jobs, settings, 0,
                [&](const ExportOutcome& o, int, int) { report(o, targets[o.target].presetName); },
                cancel.get());
        } catch (const std::exception& e) {
            // Only running out of memory gets here (the core reports bad files per file);
            // the summary says so instead of the app ending.
            s.failures.append({QString(), QString(), QString::fromLocal8Bit(e.what())});
            s.failed += total - done;
        }
        s.cancelled = cancel->cancelled();
        s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return s;
    };
    watcher_.setFuture(QtConcurrent::run(&pool_, std::move(work)));
    return true;
}

void ExportRunner::cancel() {
    if (running_ && cancel_) cancel_->cancel();
}

void ExportRunner::onWorkerFinished() {
    summary_ = watcher_.result();
    running_ = false;
    emit finished(summary_);
}

}  // namespace rf::gui
