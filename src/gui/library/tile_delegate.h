// SPDX-License-Identifier: GPL-3.0-or-later
// How one photo is drawn in the grid and in the filmstrip. A grid tile is the thumbnail on a
// slightly lighter cell, with the file name, the rating stars, the colour label and, on the
// thumbnail's corner, a mark when the photo has edits; a filmstrip tile is the thumbnail with
// the same marks laid over it. Rejected photos are dimmed and crossed; a photo that cannot be
// shown gets the reason in place of its picture; one still loading is an empty cell. The
// colours are all neutral greys so that nothing around a photo tints how it is judged.
#pragma once

#include <QSize>
#include <QStyledItemDelegate>

namespace rf::gui {

class TileDelegate : public QStyledItemDelegate {
    Q_OBJECT

  public:
    enum class Style { Grid, Filmstrip };

    explicit TileDelegate(Style style, QObject* parent = nullptr);

    /// The tile's size without the gap between tiles.
    void setTileSize(QSize size) { tileSize_ = size; }
    QSize tileSize() const { return tileSize_; }

    /// A grid tile `width` wide: a square thumbnail area and two lines of text under it.
    static QSize gridTileSize(int width);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

  private:
    Style style_;
    QSize tileSize_;
};

}  // namespace rf::gui
