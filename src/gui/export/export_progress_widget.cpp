// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_progress_widget.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>
#include <algorithm>

namespace rf::gui {

ExportProgressWidget::ExportProgressWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("exportProgress"));
    bar_ = new QProgressBar;
    bar_->setTextVisible(false);
    bar_->setFixedWidth(140);
    bar_->setMaximumHeight(12);
    label_ = new QLabel;
    label_->setMinimumWidth(200);
    label_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    cancel_ = new QToolButton;
    cancel_->setObjectName(QStringLiteral("cancelExport"));
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop the export (files already written stay)"));
    cancel_->setAutoRaise(true);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(4, 0, 4, 0);
    row->addWidget(label_);
    row->addWidget(bar_);
    row->addWidget(cancel_);
    connect(cancel_, &QToolButton::clicked, this, &ExportProgressWidget::cancelRequested);
    hide();  // explicitly, so a status bar adopting it leaves it hidden until an export runs
}

void ExportProgressWidget::begin(int total) {
    bar_->setRange(0, std::max(1, total));
    bar_->setValue(0);
    cancel_->setEnabled(true);
    status_ = tr("Exporting %n file(s)…", nullptr, total);
    updateText();
    show();
}

void ExportProgressWidget::setProgress(int done, int total, const QString& rawPath,
                                       const QString& preset) {
    bar_->setRange(0, std::max(1, total));
    bar_->setValue(done);
    if (!cancel_->isEnabled()) return;  // "Cancelling…" stays until the end
    const QString file = QFileInfo(rawPath).fileName();
    status_ = preset.isEmpty() ? tr("%1 of %2 — %3").arg(done).arg(total).arg(file)
                               : tr("%1 of %2 — %3 (%4)").arg(done).arg(total).arg(file, preset);
    updateText();
}

void ExportProgressWidget::setQueued(int queued) {
    queued_ = queued;
    updateText();
}

void ExportProgressWidget::setCancelling() {
    cancel_->setEnabled(false);
    status_ = tr("Cancelling export…");
    updateText();
}

void ExportProgressWidget::end() {
    hide();
    status_.clear();
    updateText();
}

void ExportProgressWidget::updateText() {
    QString text = status_;
    if (queued_ > 0) text += tr(" · %n more waiting", nullptr, queued_);
    label_->setText(text);
}

QString ExportProgressWidget::text() const {
    return label_->text();
}
int ExportProgressWidget::value() const {
    return bar_->value();
}
int ExportProgressWidget::maximum() const {
    return bar_->maximum();
}

}  // namespace rf::gui
