// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/photo_filter_model.h"

#include <QDateTime>
#include <algorithm>

#include "library/photo_library_model.h"

namespace rf::gui {

PhotoFilterModel::PhotoFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    collator_.setNumericMode(true);
    collator_.setCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    sort(0);
}

void PhotoFilterModel::setSortKey(SortKey key) {
    if (key == sortKey_) return;
    sortKey_ = key;
    invalidate();
    emit filterChanged();
}

void PhotoFilterModel::setMinimumRating(int stars) {
    stars = std::clamp(stars, 0, 5);
    if (stars == minimumRating_) return;
    minimumRating_ = stars;
    refilter();
}

void PhotoFilterModel::setShowRejected(bool show) {
    if (show == showRejected_) return;
    showRejected_ = show;
    refilter();
}

void PhotoFilterModel::setLabelFilter(const std::optional<QString>& label) {
    if (label == labelFilter_) return;
    labelFilter_ = label;
    refilter();
}

bool PhotoFilterModel::isFiltering() const {
    return minimumRating_ > 0 || !showRejected_ || labelFilter_.has_value();
}

void PhotoFilterModel::refilter() {
    invalidateRowsFilter();
    emit filterChanged();
}

bool PhotoFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    const int rating = i.data(PhotoLibraryModel::RatingRole).toInt();
    if (rating < 0 && !showRejected_) return false;
    if (minimumRating_ > 0 && rating < minimumRating_) return false;
    if (labelFilter_ &&
        i.data(PhotoLibraryModel::LabelRole).toString().compare(*labelFilter_, Qt::CaseInsensitive))
        return false;
    return true;
}

bool PhotoFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    if (sortKey_ == SortKey::CaptureTime) {
        const QDateTime a = left.data(PhotoLibraryModel::CaptureTimeRole).toDateTime();
        const QDateTime b = right.data(PhotoLibraryModel::CaptureTimeRole).toDateTime();
        if (a.isValid() != b.isValid()) return a.isValid();
        if (a.isValid() && a != b) return a < b;
    }
    const int byName = collator_.compare(left.data(PhotoLibraryModel::FileNameRole).toString(),
                                         right.data(PhotoLibraryModel::FileNameRole).toString());
    if (byName != 0) return byName < 0;
    return left.row() < right.row();
}

}  // namespace rf::gui
