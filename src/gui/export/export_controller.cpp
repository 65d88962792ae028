// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_controller.h"

#include <QWidget>

#include "export/export_dialog.h"
#include "export/export_progress_widget.h"
#include "export/export_runner.h"
#include "export/export_summary_dialog.h"

namespace rf::gui {

ExportController::ExportController(QWidget* parentWindow)
    : QObject(parentWindow), window_(parentWindow), runner_(new ExportRunner(this)) {
    // No parent yet: the main window's status bar adopts it (and a parent here would draw it
    // over the window's corner until then).
    progress_ = new ExportProgressWidget;
    connect(progress_, &ExportProgressWidget::cancelRequested, this, [this] {
        runner_->cancel();
        progress_->setCancelling();
    });
    connect(runner_, &ExportRunner::started, progress_, &ExportProgressWidget::begin);
    connect(runner_, &ExportRunner::progress, this,
            [this](int done, int total, const QString& raw, const QString& preset) {
                if (progress_)
                    progress_->setProgress(done, total, raw, severalPresets_ ? preset : QString());
            });
    connect(runner_, &ExportRunner::finished, this, &ExportController::onFinished);
}

ExportController::~ExportController() {
    queue_.clear();
    runner_->cancel();
    delete runner_;  // waits for the worker before the widgets it reports to go
    if (progress_ && !progress_->parent()) delete progress_.data();
}

QWidget* ExportController::progressWidget() {
    return progress_;
}

bool ExportController::isRunning() const {
    return runner_->isRunning();
}

void ExportController::cancel() {
    queue_.clear();
    if (!runner_->isRunning()) return;
    runner_->cancel();
    if (progress_) progress_->setCancelling();
}

void ExportController::exportPhotos(const QStringList& rawPaths) {
    if (rawPaths.isEmpty()) return;
    if (dialog_) {
        dialog_->raise();
        dialog_->activateWindow();
        return;
    }
    dialog_ = new ExportDialog(rawPaths, window_);
    dialog_->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog_, &QDialog::accepted, this, [this, d = dialog_] {
        enqueue({d->photos(), d->targets()});
    });
    dialog_->open();
}

void ExportController::enqueue(const Request& request) {
    queue_.append(request);
    if (!runner_->isRunning())
        startNext();
    else if (progress_)
        progress_->setQueued(int(queue_.size()));
}

void ExportController::startNext() {
    if (queue_.isEmpty()) return;
    const Request next = queue_.takeFirst();
    severalPresets_ = next.targets.size() > 1;
    if (progress_) progress_->setQueued(int(queue_.size()));
    runner_->start(next.photos, next.targets);
}

void ExportController::onFinished() {
    const ExportSummary& s = runner_->summary();
    if (progress_) progress_->end();
    // A cancelled run that wrote nothing and hit no problem has nothing to report.
    if (!(s.cancelled && s.exported == 0 && s.failed == 0)) {
        if (summary_) summary_->close();
        summary_ = new ExportSummaryDialog(s, window_);
        summary_->setAttribute(Qt::WA_DeleteOnClose);
        summary_->show();
    }
    emit finished(s.exported, s.failed, s.cancelled);
    startNext();
}

}  // namespace rf::gui
