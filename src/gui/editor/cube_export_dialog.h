// SPDX-License-Identifier: GPL-3.0-or-later
// "Export look as .cube": a look's colour baked into a 3D LUT for another tool, as
// `rangefinder-cli looks export-cube` writes it (rf::writeLookCube). The photographer picks the
// look (the photo's own by default), the LUT's colour space — sRGB unless the other tool works
// in linear light or ACEScct, with a line saying what each is for — the points per axis and
// the file. A failure is shown in the dialog, which stays open to try again.
#pragma once

#include <QDialog>

#include "rangefinder/look.h"
#include "rangefinder/looks.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rf::gui {

class CubeExportDialog : public QDialog {
    Q_OBJECT
  public:
    /// `library` must outlive the dialog; `look` is preselected (the first look when it is
    /// not in the library).
    CubeExportDialog(const LookLibrary& library, const QString& look, const QString& folder,
                     QWidget* parent = nullptr);

    QComboBox* lookBox() const { return look_; }
    QComboBox* spaceBox() const { return space_; }
    QSpinBox* sizeBox() const { return size_; }
    QLineEdit* fileEdit() const { return file_; }
    QLabel* errorLabel() const { return error_; }
    CubeSpace space() const;

    /// Writes the .cube; on success the dialog closes, accepted, after `exported`.
    void accept() override;

    /// What the interface calls each space, and what it is for.
    static QString spaceLabel(CubeSpace s);
    static QString spaceHelp(CubeSpace s);

  signals:
    void exported(const QString& path);

  private:
    void lookChanged();
    void chooseFile();

    const LookLibrary& library_;
    QComboBox* look_;
    QComboBox* space_;
    QLabel* about_;
    QSpinBox* size_;
    QLineEdit* file_;
    QLabel* error_;
    QDialogButtonBox* buttons_;
    QString defaultName_;  // the file name the current look suggested
};

}  // namespace rf::gui
