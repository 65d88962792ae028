// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/filmstrip.h"

#include <QKeyEvent>
#include <QScrollBar>
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

void Filmstrip::updateTiles() {
    // Tiles as tall as the strip allows, 3:2 like most sensors.
    const int scrollbar = horizontalScrollBar()->isVisible() ? horizontalScrollBar()->height() : 0;
    const int h = std::max(60, height() - scrollbar - 2 * spacing() - 2);
    delegate_->setTileSize(QSize(h * 3 / 2, h));
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
