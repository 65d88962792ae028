// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_summary_dialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace rf::gui {

namespace {

QString duration(double seconds) {
    if (seconds < 60) return ExportSummaryDialog::tr("%1 s").arg(seconds, 0, 'f', 1);
    const int s = int(seconds + 0.5);
    return ExportSummaryDialog::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

}  // namespace

ExportSummaryDialog::ExportSummaryDialog(const ExportSummary& summary, QWidget* parent)
    : QDialog(parent), summary_(summary) {
    setWindowTitle(summary.cancelled ? tr("Export Cancelled")
                   : summary.failed  ? tr("Export Finished with Problems")
                                     : tr("Export Finished"));
    setObjectName(QStringLiteral("exportSummary"));

    headline_ = new QLabel(headline());
    headline_->setObjectName(QStringLiteral("headline"));
    headline_->setWordWrap(true);
    QStringList folders;
    for (const auto& f : summary.folders) folders << QDir::toNativeSeparators(f);
    auto* where = new QLabel(tr("Written to: %1").arg(folders.join(QStringLiteral(", "))));
    where->setWordWrap(true);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);

    failures_ = new QStandardItemModel(0, 3, this);
    failures_->setHorizontalHeaderLabels({tr("File"), tr("Preset"), tr("Reason")});
    for (const auto& f : summary.failures) {
        auto* file =
            new QStandardItem(f.input.isEmpty() ? tr("(export)") : QFileInfo(f.input).fileName());
        file->setData(f.input, Qt::UserRole);
        file->setToolTip(QDir::toNativeSeparators(f.input));
        auto* reason = new QStandardItem(f.reason);
        reason->setToolTip(f.reason);
        failures_->appendRow({file, new QStandardItem(f.preset), reason});
    }
    for (int r = 0; r < failures_->rowCount(); ++r)
        for (int c = 0; c < 3; ++c) failures_->item(r, c)->setEditable(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(headline_);
    layout->addWidget(where);
    if (!summary.failures.isEmpty()) {
        auto* label = new QLabel(tr("These could not be exported:"));
        auto* view = new QTreeView;
        view->setObjectName(QStringLiteral("failures"));
        view->setModel(failures_);
        view->setRootIsDecorated(false);
        view->setAlternatingRowColors(true);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
        view->header()->setStretchLastSection(true);
        view->resizeColumnToContents(0);
        view->resizeColumnToContents(1);
        view->setMinimumSize(640, 160);
        label->setBuddy(view);
        layout->addWidget(label);
        layout->addWidget(view, 1);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    auto* open = buttons->addButton(tr("&Open Folder"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openFolder"));
    QStringList existing;
    for (const auto& f : summary.folders)
        if (QFileInfo(f).isDir()) existing << f;
    open->setEnabled(!existing.isEmpty());
    if (existing.size() > 1) {
        // Several presets wrote to several folders: let the photographer pick one.
        auto* menu = new QMenu(open);
        for (const auto& f : existing)
            menu->addAction(QDir::toNativeSeparators(f), this, [this, f] { openFolder(f); });
        open->setMenu(menu);
    } else if (!existing.isEmpty()) {
        connect(open, &QPushButton::clicked, this, [this, f = existing.first()] { openFolder(f); });
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Close)->setDefault(true);
    layout->addWidget(buttons);
}

QString ExportSummaryDialog::headline() const {
    const ExportSummary& s = summary_;
    const auto files = [](int n) { return tr("%n file(s)", nullptr, n); };
    if (s.cancelled) {
        QString text = tr("Cancelled: %1 of %2 written.").arg(s.exported).arg(files(s.total));
        if (s.failed) text += tr(" %1 failed.").arg(s.failed);
        return text;
    }
    if (s.failed == 0)
        return s.exported == 1
                   ? tr("The file was exported in %1.").arg(duration(s.seconds))
                   : tr("All %1 were exported in %2.").arg(files(s.exported), duration(s.seconds));
    return tr("%1 of %2 exported, %3 failed, in %4.")
        .arg(s.exported)
        .arg(files(s.total))
        .arg(s.failed)
        .arg(duration(s.seconds));
}

bool ExportSummaryDialog::openFolder(const QString& folder) {
    return QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

}  // namespace rf::gui
