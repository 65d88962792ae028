// SPDX-License-Identifier: GPL-3.0-or-later
// The bar above the grid: how the photos are sorted, which ones are shown (minimum rating,
// rejected or not, colour label), and the tile size. It only drives a
// PhotoFilterModel and a LibraryGrid; the main window remembers its choices.
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QSlider;

namespace rf::gui {

class LibraryGrid;
class PhotoFilterModel;

class LibraryBar : public QWidget {
    Q_OBJECT

  public:
    LibraryBar(PhotoFilterModel* filter, LibraryGrid* grid, QWidget* parent = nullptr);

    /// Shows the filter's and the grid's current state (after they were restored).
    void syncFromModels();

    QComboBox* sortBox() const { return sort_; }
    QComboBox* ratingBox() const { return rating_; }
    QComboBox* labelBox() const { return label_; }
    QCheckBox* rejectedBox() const { return rejected_; }
    QSlider* sizeSlider() const { return size_; }

  private:
    PhotoFilterModel* filter_;
    LibraryGrid* grid_;
    QComboBox* sort_;
    QComboBox* rating_;
    QComboBox* label_;
    QCheckBox* rejected_;
    QSlider* size_;
};

}  // namespace rf::gui
