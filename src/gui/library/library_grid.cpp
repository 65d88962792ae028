// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/library_grid.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QStyle>
#include <algorithm>

#include "library/photo_commands.h"
#include "library/tile_delegate.h"

namespace rf::gui {

namespace {
constexpr int kGap = 6;
}

LibraryGrid::LibraryGrid(QWidget* parent)
    : QListView(parent), delegate_(new TileDelegate(TileDelegate::Style::Grid, this)) {
    setObjectName(QStringLiteral("libraryGrid"));
    setItemDelegate(delegate_);
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setDragDropMode(QAbstractItemView::NoDragDrop);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setMouseTracking(true);
    setFrameShape(QFrame::NoFrame);
    setSpacing(0);
    connect(this, &QListView::activated, this, &LibraryGrid::openRequested);
    updateGrid();
}

void LibraryGrid::setTileWidth(int width) {
    width = std::clamp(width, kMinTileWidth, kMaxTileWidth);
    if (width == tileWidth_) return;
    tileWidth_ = width;
    updateGrid();
}

void LibraryGrid::updateGrid() {
    const QSize tile = TileDelegate::gridTileSize(tileWidth_);
    delegate_->setTileSize(tile);
    // Spread the columns over the whole width instead of leaving a ragged gap on the right.
    // QListView wraps within the viewport less a scroll bar's width, shown or not.
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    const int available = std::max(1, maximumViewportSize().width() - scrollBar - 1);
    const int columns = std::max(1, available / (tile.width() + kGap));
    const int cellWidth = std::max(tile.width() + kGap, available / columns);
    setGridSize(QSize(cellWidth, tile.height() + kGap));
    verticalScrollBar()->setSingleStep(tile.height() / 4);
}

void LibraryGrid::resizeEvent(QResizeEvent* event) {
    QListView::resizeEvent(event);
    updateGrid();
}

void LibraryGrid::keyPressEvent(QKeyEvent* event) {
    if (commands_ && commands_->handleKeyPress(event)) return;
    QListView::keyPressEvent(event);
}

}  // namespace rf::gui
