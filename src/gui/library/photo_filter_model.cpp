// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/photo_filter_model.h"

#include <QDateTime>
#include <algorithm>

#include "library/photo_library_model.h"

namespace rf::gui {

int compareFileNames(const QString& a, const QString& b) {
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            // Compare the numbers: skip leading zeros, then the longer run is larger, else
            // the first differing digit decides.
            qsizetype si = i, sj = j;
            while (si < a.size() && a[si] == u'0') ++si;
            while (sj < b.size() && b[sj] == u'0') ++sj;
            qsizetype ei = si, ej = sj;
            while (ei < a.size() && a[ei].isDigit()) ++ei;
            while (ej < b.size() && b[ej].isDigit()) ++ej;
            if (ei - si != ej - sj) return ei - si < ej - sj ? -1 : 1;
            for (qsizetype k = 0; k < ei - si; ++k)
                if (a[si + k] != b[sj + k]) return a[si + k] < b[sj + k] ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb) return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size() || j < b.size()) return i < a.size() ? 1 : -1;
    return QString::compare(a, b);  // equal but for case or leading zeros: still an order
}

PhotoFilterModel::PhotoFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
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
    return filters().active();
}

PhotoFilterModel::Filters PhotoFilterModel::filters() const {
    return {minimumRating_, showRejected_, labelFilter_};
}

void PhotoFilterModel::setFilters(const Filters& filters) {
    const int stars = std::clamp(filters.minimumRating, 0, 5);
    if (stars == minimumRating_ && filters.showRejected == showRejected_ &&
        filters.label == labelFilter_)
        return;
    minimumRating_ = stars;
    showRejected_ = filters.showRejected;
    labelFilter_ = filters.label;
    refilter();
}

int PhotoFilterModel::hiddenCount() const {
    return sourceModel() ? sourceModel()->rowCount() - rowCount() : 0;
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
    const int byName = compareFileNames(left.data(PhotoLibraryModel::FileNameRole).toString(),
                                        right.data(PhotoLibraryModel::FileNameRole).toString());
    if (byName != 0) return byName < 0;
    return left.row() < right.row();
}

}  // namespace rf::gui
