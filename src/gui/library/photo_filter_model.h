// SPDX-License-Identifier: GPL-3.0-or-later
// Which photos the grid and the filmstrip show, and in what order: sorted by file name
// (numbers compared as numbers, so IMG_2 comes before IMG_10) or by capture time (name breaks
// ties; photos without a time come last), filtered by a minimum rating, whether rejected photos
// are shown, and a colour label. The grid and the filmstrip share one of these and one
// selection model, so a selection made in one is the selection in the other. The three filters
// travel together as Filters: the main window keeps them per folder, and hiddenCount() says
// how many of the folder's photos they hide, for the bar's "filtered" indicator.
#pragma once

#include <QSortFilterProxyModel>
#include <optional>

namespace rf::gui {

class PhotoLibraryModel;

class PhotoFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

  public:
    enum class SortKey { Name, CaptureTime };
    Q_ENUM(SortKey)

    /// What hides photos; the default hides none.
    struct Filters {
        int minimumRating = 0;  ///< 0: any rating; 1–5 hides lower ratings and rejected photos
        bool showRejected = true;
        std::optional<QString> label;  ///< nullopt: any; "": without a label; "Red": red only
        bool operator==(const Filters&) const = default;
        /// True when these filters hide anything at all (some photo could be hidden).
        bool active() const { return *this != Filters{}; }
    };

    explicit PhotoFilterModel(QObject* parent = nullptr);

    void setSortKey(SortKey key);
    SortKey sortKey() const { return sortKey_; }

    /// 0 shows every rating; 1–5 hides photos rated lower (and rejected ones).
    void setMinimumRating(int stars);
    int minimumRating() const { return minimumRating_; }

    void setShowRejected(bool show);
    bool showRejected() const { return showRejected_; }

    /// nullopt: any label; "": photos without a label; "Red": only red ones.
    void setLabelFilter(const std::optional<QString>& label);
    std::optional<QString> labelFilter() const { return labelFilter_; }

    /// True when any filter hides photos.
    bool isFiltering() const;

    Filters filters() const;
    /// Sets all three at once: one refilter, one filterChanged.
    void setFilters(const Filters& filters);
    /// Shows every photo again (the sort order stays).
    void clearFilters() { setFilters({}); }
    /// The folder's photos the filters hide now (they change as ratings load).
    int hiddenCount() const;

  signals:
    void filterChanged();

  protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

  private:
    void refilter();

    SortKey sortKey_ = SortKey::Name;
    int minimumRating_ = 0;
    bool showRejected_ = true;
    std::optional<QString> labelFilter_;
};

/// File names in the order people expect: runs of digits compare as numbers ("IMG_9" before
/// "IMG_10"), letters without regard to case. (QCollator's numeric mode needs ICU, which not
/// every Qt build has.) Negative, zero or positive like strcmp.
int compareFileNames(const QString& a, const QString& b);

}  // namespace rf::gui
