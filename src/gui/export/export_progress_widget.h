// SPDX-License-Identifier: GPL-3.0-or-later
// The export's presence in the main window's status bar while it runs: a progress bar,
// "3 of 12 — IMG_0001.CR2" and a cancel button. Hidden when no export runs, so it costs the
// status bar nothing the rest of the time.
#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace rf::gui {

class ExportProgressWidget : public QWidget {
    Q_OBJECT
  public:
    explicit ExportProgressWidget(QWidget* parent = nullptr);

    void begin(int total);
    /// `done` of `total` files finished, the last being `rawPath` under `preset` (named when
    /// the export runs several presets).
    void setProgress(int done, int total, const QString& rawPath, const QString& preset);
    /// Exports waiting behind the running one.
    void setQueued(int queued);
    /// Shown after Cancel until the run has stopped.
    void setCancelling();
    void end();

    QString text() const;
    int value() const;
    int maximum() const;

  signals:
    void cancelRequested();

  private:
    void updateText();

    QProgressBar* bar_ = nullptr;
    QLabel* label_ = nullptr;
    QToolButton* cancel_ = nullptr;
    QString status_;
    int queued_ = 0;
};

}  // namespace rf::gui
