// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/filmstrip.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QStyle>
#include <QWheelEvent>
#include <algorithm>

#include "library/photo_commands.h"
#include "library/tile_delegate.h"

namespace rf::gui {

Filmstrip::Filmstrip(QWidget* parent)
    : QListView(parent), delegate_(new TileDelegate(TileDelegate::Style::Filmstrip, this)) {
    setObjectName(QStringLiteral("filmstrip"));
    setItemDelegate(delegate_);
    setViewMode(QListView::ListMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setDragDropMode(QAbstractItemView::NoDragDrop);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setSpacing(2);
    setMinimumHeight(84);
    connect(this, &QListView::activated, this, &Filmstrip::openRequested);
    updateTiles();
}

void Filmstrip::setModel(QAbstractItemModel* model) {
    for (const QMetaObject::Connection& c : modelConnections_) disconnect(c);
    modelConnections_.clear();
    QListView::setModel(model);
    if (model) {
        // The number of tiles decides the scroll bar (updateTiles); queued, so the view has
        // taken in the change first.
        const auto later = [this, model](auto signal) {
            modelConnections_.push_back(
                connect(model, signal, this, &Filmstrip::updateTiles, Qt::QueuedConnection));
        };
        later(&QAbstractItemModel::rowsInserted);
        later(&QAbstractItemModel::rowsRemoved);
        later(&QAbstractItemModel::modelReset);
        later(&QAbstractItemModel::layoutChanged);
    }
    updateTiles();
}

void Filmstrip::updateTiles() {
    // Tiles as tall as the strip allows, 3:2 like most sensors. Whether the scroll bar shows is
    // decided here, from how many tiles of the full height would fit, and the tiles are sized
    // for that: left to the view, a strip just too narrow for them would loop (the bar shows,
    // the tiles shrink and fit, the bar hides, the tiles grow…) until the stack ran out.
    const int rows = model() ? model()->rowCount(rootIndex()) : 0;
    const int tall = std::max(60, height() - 2 * spacing() - 2);
    const int needed = rows * (tall * 3 / 2 + 2 * spacing()) + 2 * spacing();
    const bool scrolls = needed > width();
    setHorizontalScrollBarPolicy(scrolls ? Qt::ScrollBarAlwaysOn : Qt::ScrollBarAlwaysOff);
    const int bar = scrolls ? style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this) : 0;
    const int h = std::max(60, tall - bar);
    const QSize tile(h * 3 / 2, h);
    if (tile == delegate_->tileSize()) return;
    delegate_->setTileSize(tile);
    doItemsLayout();
}

void Filmstrip::resizeEvent(QResizeEvent* event) {
    QListView::resizeEvent(event);
    updateTiles();
}

void Filmstrip::keyPressEvent(QKeyEvent* event) {
    if (commands_ && commands_->handleKeyPress(event)) return;
    QListView::keyPressEvent(event);
}

void Filmstrip::currentChanged(const QModelIndex& current, const QModelIndex& previous) {
    QListView::currentChanged(current, previous);
    if (current.isValid()) scrollTo(current, QAbstractItemView::PositionAtCenter);
}

void Filmstrip::wheelEvent(QWheelEvent* event) {
    // A plain mouse wheel scrolls a horizontal strip sideways.
    QPoint delta = event->angleDelta();
    if (delta.x() == 0 && delta.y() != 0) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QListView::wheelEvent(event);
}

}  // namespace rf::gui
