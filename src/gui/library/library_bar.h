// SPDX-License-Identifier: GPL-3.0-or-later
// The bar above the grid: how the photos are sorted, which ones are shown (minimum rating,
// rejected or not, colour label), and the tile size. It only drives a
// PhotoFilterModel and a LibraryGrid; the main window remembers its choices.
//
// Whenever the filters hide photos a second row says so — how many of the folder's photos are
// hidden and by which filters — with a button that clears them, so a grid emptied by a filter
// is never a silent mystery ("0 of 40 shown" with nothing saying why).
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
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
    /// The "filtered" row: shown while the filters hide any photo.
    QWidget* filterIndicator() const { return indicator_; }
    QLabel* filterIndicatorLabel() const { return indicatorText_; }
    QPushButton* clearFilterButton() const { return clear_; }

    /// The active filters in words ("rating ★★★ and up", "Red label"), for the indicator.
    QStringList activeFilterNames() const;

  private:
    void updateIndicator();

    PhotoFilterModel* filter_;
    LibraryGrid* grid_;
    QComboBox* sort_;
    QComboBox* rating_;
    QComboBox* label_;
    QCheckBox* rejected_;
    QSlider* size_;
    QWidget* indicator_;
    QLabel* indicatorText_;
    QPushButton* clear_;
};

}  // namespace rf::gui
