// SPDX-License-Identifier: GPL-3.0-or-later
// What an export did, shown when it ends: how many files were written where and how long it
// took, every failure with its file and reason, and "Open Folder" to see the results in
// the desktop's file manager. It is not modal: the photographer can keep working and read
// it later.
#pragma once

#include <QDialog>
#include <QStringList>

#include "export/export_runner.h"

class QStandardItemModel;
class QPushButton;
class QLabel;

namespace rf::gui {

class ExportSummaryDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ExportSummaryDialog(const ExportSummary& summary, QWidget* parent = nullptr);

    /// One row per failure: file name, preset, reason (the full path is in the file's
    /// Qt::ToolTipRole and Qt::UserRole).
    QStandardItemModel* failuresModel() const { return failures_; }
    const ExportSummary& summary() const { return summary_; }
    QString headline() const;
    /// Opens a folder the export wrote to in the file manager (QDesktopServices).
    bool openFolder(const QString& folder);

  private:
    ExportSummary summary_;
    QStandardItemModel* failures_ = nullptr;
    QLabel* headline_ = nullptr;
};

}  // namespace rf::gui
