// SPDX-License-Identifier: GPL-3.0-or-later
// Selective paste: which groups of the copied edits to paste. White balance and crop belong
// to one photo's light and framing, so they start unchecked; the rest start checked.
#pragma once

#include <QDialog>
#include <map>
#include <vector>

#include "rangefinder/params.h"

class QCheckBox;

namespace rf::gui {

class PasteDialog : public QDialog {
    Q_OBJECT
  public:
    explicit PasteDialog(QWidget* parent = nullptr);
    std::vector<ParamGroup> groups() const;
    QCheckBox* box(ParamGroup g) const { return boxes_.at(g); }

    /// The groups pasted when nothing is chosen: all but white balance and crop.
    static std::vector<ParamGroup> defaultGroups();
    /// How a group is called in the interface.
    static QString groupTitle(ParamGroup g);

  private:
    std::map<ParamGroup, QCheckBox*> boxes_;
};

}  // namespace rf::gui
