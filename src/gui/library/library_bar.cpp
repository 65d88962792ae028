// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/library_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

#include "library/color_labels.h"
#include "library/library_grid.h"
#include "library/photo_commands.h"
#include "library/photo_filter_model.h"

namespace rf::gui {

namespace {

QIcon swatch(const QColor& color) {
    QPixmap pm(12, 12);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pm);
}

QLabel* caption(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setForegroundRole(QPalette::PlaceholderText);
    return l;
}

}  // namespace

LibraryBar::LibraryBar(PhotoFilterModel* filter, LibraryGrid* grid, QWidget* parent)
    : QWidget(parent), filter_(filter), grid_(grid) {
    setObjectName(QStringLiteral("libraryBar"));
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(0);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(10, 5, 10, 5);
    row->setSpacing(6);
    rows->addLayout(row);

    sort_ = new QComboBox(this);
    sort_->addItem(tr("File name"), int(PhotoFilterModel::SortKey::Name));
    sort_->addItem(tr("Capture time"), int(PhotoFilterModel::SortKey::CaptureTime));
    sort_->setToolTip(tr("Order of the photos"));
    row->addWidget(caption(tr("Sort"), this));
    row->addWidget(sort_);
    row->addSpacing(14);

    rating_ = new QComboBox(this);
    rating_->addItem(tr("Any rating"), 0);
    for (int stars = 1; stars <= 5; ++stars)
        rating_->addItem(stars == 5 ? ratingText(5) : tr("%1 and up").arg(ratingText(stars)),
                         stars);
    rating_->setToolTip(tr("Show only photos rated at least this"));
    row->addWidget(caption(tr("Rating"), this));
    row->addWidget(rating_);

    rejected_ = new QCheckBox(tr("Rejected"), this);
    rejected_->setToolTip(tr("Show rejected photos"));
    row->addWidget(rejected_);
    row->addSpacing(14);

    label_ = new QComboBox(this);
    label_->addItem(tr("Any label"));
    for (const ColorLabel& l : colorLabels())
        label_->addItem(swatch(l.color), colorLabelName(l), QString::fromLatin1(l.name));
    label_->addItem(tr("No label"), QString(""));
    label_->setToolTip(tr("Show only photos with this colour label"));
    row->addWidget(caption(tr("Label"), this));
    row->addWidget(label_);

    row->addStretch(1);

    size_ = new QSlider(Qt::Horizontal, this);
    size_->setRange(LibraryGrid::kMinTileWidth, LibraryGrid::kMaxTileWidth);
    size_->setFixedWidth(110);
    size_->setToolTip(tr("Thumbnail size"));
    size_->setFocusPolicy(Qt::NoFocus);
    row->addWidget(caption(tr("Size"), this));
    row->addWidget(size_);

    // The indicator: a band of its own under the controls, full width so the reason always
    // fits, on the alternate-row grey so it stands out from the bar without a colour.
    indicator_ = new QWidget(this);
    indicator_->setObjectName(QStringLiteral("filterIndicator"));
    indicator_->setBackgroundRole(QPalette::AlternateBase);
    indicator_->setForegroundRole(QPalette::Text);
    indicator_->setAutoFillBackground(true);
    auto* band = new QHBoxLayout(indicator_);
    band->setContentsMargins(10, 4, 10, 4);
    band->setSpacing(10);
    indicatorText_ = new QLabel(indicator_);
    indicatorText_->setObjectName(QStringLiteral("filterIndicatorText"));
    indicatorText_->setForegroundRole(QPalette::Text);
    indicatorText_->setBackgroundRole(QPalette::AlternateBase);  // what it is drawn on
    indicatorText_->setTextFormat(Qt::PlainText);
    // One line that may be cut in a narrow window (the tooltip holds it whole) rather than
    // a wrapped label that makes the band grow or the window wider.
    indicatorText_->setMinimumWidth(120);
    QFont bold = indicatorText_->font();
    bold.setBold(true);
    indicatorText_->setFont(bold);
    clear_ = new QPushButton(tr("Clear Filter"), indicator_);
    clear_->setObjectName(QStringLiteral("clearFilter"));
    clear_->setToolTip(tr("Show every photo of the folder"));
    clear_->setFocusPolicy(Qt::NoFocus);  // the grid keeps the keyboard
    band->addWidget(indicatorText_);
    band->addWidget(clear_);  // beside what it clears, not across the window
    band->addStretch(1);
    rows->addWidget(indicator_);
    indicator_->hide();

    syncFromModels();

    connect(sort_, &QComboBox::currentIndexChanged, this, [this] {
        filter_->setSortKey(PhotoFilterModel::SortKey(sort_->currentData().toInt()));
    });
    connect(rating_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setMinimumRating(rating_->currentData().toInt()); });
    connect(rejected_, &QCheckBox::toggled, filter_, &PhotoFilterModel::setShowRejected);
    connect(label_, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant v = label_->currentData();
        filter_->setLabelFilter(v.isValid() ? std::optional<QString>(v.toString()) : std::nullopt);
    });
    connect(size_, &QSlider::valueChanged, grid_, &LibraryGrid::setTileWidth);
    connect(filter_, &PhotoFilterModel::filterChanged, this, &LibraryBar::syncFromModels);
    connect(clear_, &QPushButton::clicked, filter_, &PhotoFilterModel::clearFilters);
    // Ratings and labels arrive while a folder loads and change under the filter: the count
    // follows every change of what the filter lets through.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(filter_, signal, this, &LibraryBar::updateIndicator);
    connect(filter_, &QAbstractItemModel::modelReset, this, &LibraryBar::updateIndicator);
    connect(filter_, &QAbstractItemModel::layoutChanged, this, &LibraryBar::updateIndicator);
    updateIndicator();
}

QStringList LibraryBar::activeFilterNames() const {
    const PhotoFilterModel::Filters f = filter_->filters();
    QStringList names;
    if (f.minimumRating >= 5)
        names << tr("rating %1").arg(ratingText(5));
    else if (f.minimumRating > 0)
        names << tr("rating %1 and up").arg(ratingText(f.minimumRating));
    if (!f.showRejected && f.minimumRating == 0) names << tr("rejected photos off");
    if (f.label) {
        if (f.label->isEmpty()) {
            names << tr("no colour label");
        } else {
            QString name = *f.label;
            for (const ColorLabel& l : colorLabels())
                if (QString::fromLatin1(l.name).compare(*f.label, Qt::CaseInsensitive) == 0)
                    name = colorLabelName(l);
            names << tr("%1 label").arg(name);
        }
    }
    return names;
}

void LibraryBar::updateIndicator() {
    const int hidden = filter_->hiddenCount();
    const int total = filter_->sourceModel() ? filter_->sourceModel()->rowCount() : 0;
    if (hidden <= 0) {
        indicator_->hide();
        return;
    }
    const QString why = activeFilterNames().join(QStringLiteral(" · "));
    indicatorText_->setText(
        hidden == total
            ? tr("No photo shown: the filter (%1) hides all %2.").arg(why, photoCount(total))
            : tr("Filtered: %1 of %2 hidden (%3).").arg(hidden).arg(photoCount(total), why));
    indicatorText_->setToolTip(indicatorText_->text());
    indicator_->show();
}

void LibraryBar::syncFromModels() {
    const QSignalBlocker b1(sort_), b2(rating_), b3(rejected_), b4(label_), b5(size_);
    sort_->setCurrentIndex(sort_->findData(int(filter_->sortKey())));
    rating_->setCurrentIndex(rating_->findData(filter_->minimumRating()));
    rejected_->setChecked(filter_->showRejected());
    const auto label = filter_->labelFilter();
    int labelIndex = 0;
    if (label) {
        for (int i = 1; i < label_->count(); ++i)
            if (label_->itemData(i).toString().compare(*label, Qt::CaseInsensitive) == 0)
                labelIndex = i;
    }
    label_->setCurrentIndex(labelIndex);
    size_->setValue(grid_->tileWidth());
    updateIndicator();
}

}  // namespace rf::gui
