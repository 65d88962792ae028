// SPDX-License-Identifier: GPL-3.0-or-later
// Preferences. For now one choice that matters for judging colour: the monitor's ICC profile.
// By default the display is taken to be sRGB; a profile chosen here (a file, checked to be an
// ICC profile before it is accepted) is stored in QSettings under display/iccProfile, and the
// editor converts what it shows through it.
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace rf::gui {

class PreferencesDialog : public QDialog {
    Q_OBJECT

  public:
    explicit PreferencesDialog(QWidget* parent = nullptr);

    /// The profile chosen; empty for sRGB.
    QString displayProfile() const;
    void setDisplayProfile(const QString& path);

    /// Stores the choices in QSettings (OK does this).
    void save() const;

    /// A description of the ICC profile in `path`, or an empty string and the reason in
    /// `error` when it is not a readable ICC profile.
    static QString describeProfile(const QString& path, QString& error);

  private:
    void updateState();

    QRadioButton* srgb_;
    QRadioButton* custom_;
    QLineEdit* path_;
    QPushButton* browse_;
    QLabel* status_;
    QPushButton* ok_;
};

}  // namespace rf::gui
