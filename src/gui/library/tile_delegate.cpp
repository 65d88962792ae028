// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/tile_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>
#include <QtMath>

#include "app/theme.h"
#include "library/color_labels.h"
#include "library/photo_library_model.h"

namespace rf::gui {

namespace {

// Neutral greys only (R = G = B): the surroundings of a photo must not tint it.
const QColor kCell = themeColor(ThemeColor::TileCell);
const QColor kCellHover = themeColor(ThemeColor::TileCellHover);
const QColor kCellSelected = themeColor(ThemeColor::TileCellSelected);
const QColor kFrameSelected(0xa8, 0xa8, 0xa8);
const QColor kFrameCurrent(0xe0, 0xe0, 0xe0);
const QColor kPlaceholder(0x3a, 0x3a, 0x3a);
const QColor kErrorFill(0x2a, 0x2a, 0x2a);
const QColor kText = themeColor(ThemeColor::TileText);
const QColor kTextDim = themeColor(ThemeColor::TileSecondaryText);  // legible when selected
const QColor kStarOn(0xd8, 0xd8, 0xd8);
const QColor kStarOff(0x5a, 0x5a, 0x5a);
const QColor kWarning(0xd0, 0xa8, 0x50);

constexpr int kPad = 8;
constexpr int kFooter = 40;

QPainterPath starPath(QPointF centre, qreal radius) {
    QPainterPath path;
    for (int i = 0; i < 10; ++i) {
        const qreal r = (i % 2 == 0) ? radius : radius * 0.45;
        const qreal a = qDegreesToRadians(-90.0 + i * 36.0);
        const QPointF p(centre.x() + r * qCos(a), centre.y() + r * qSin(a));
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    path.closeSubpath();
    return path;
}

/// Five stars from `left`, vertically centred on `y`; returns the right edge.
qreal drawStars(QPainter* p, qreal left, qreal y, qreal size, int rating) {
    p->save();
    p->setPen(Qt::NoPen);
    for (int i = 0; i < 5; ++i) {
        const QPointF c(left + size / 2 + i * (size + 2), y);
        if (i < rating) {
            p->setBrush(kStarOn);
            p->drawPath(starPath(c, size / 2));
        } else {
            // Unrated positions as small dots, so a row of five reads as "0 of 5" quietly.
            p->setBrush(kStarOff);
            p->drawEllipse(c, 1.5, 1.5);
        }
    }
    p->restore();
    return left + 5 * (size + 2);
}

/// The rejected mark: a small ✕.
void drawReject(QPainter* p, QPointF centre, qreal size, const QColor& color) {
    p->save();
    p->setPen(QPen(color, 1.6, Qt::SolidLine, Qt::RoundCap));
    const qreal h = size / 2;
    p->drawLine(centre + QPointF(-h, -h), centre + QPointF(h, h));
    p->drawLine(centre + QPointF(-h, h), centre + QPointF(h, -h));
    p->restore();
}

/// The "has edits" mark: two slider tracks with knobs on a dark disc, on the picture's corner.
void drawEditedMark(QPainter* p, QPointF centre, qreal size) {
    p->save();
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0x1c, 0x1c, 0x1c, 0xd8));
    p->drawEllipse(centre, size / 2, size / 2);
    const qreal w = size * 0.26;
    p->setPen(QPen(QColor(0xe8, 0xe8, 0xe8), 1.2, Qt::SolidLine, Qt::RoundCap));
    p->drawLine(centre + QPointF(-w, -size * 0.13), centre + QPointF(w, -size * 0.13));
    p->drawLine(centre + QPointF(-w, size * 0.13), centre + QPointF(w, size * 0.13));
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0xe8, 0xe8, 0xe8));
    p->drawEllipse(centre + QPointF(w * 0.4, -size * 0.13), size * 0.08, size * 0.08);
    p->drawEllipse(centre + QPointF(-w * 0.5, size * 0.13), size * 0.08, size * 0.08);
    p->restore();
}

void drawWarningSign(QPainter* p, QPointF centre, qreal size) {
    p->save();
    QPainterPath triangle;
    triangle.moveTo(centre + QPointF(0, -size / 2));
    triangle.lineTo(centre + QPointF(size / 2, size / 2 - size * 0.07));
    triangle.lineTo(centre + QPointF(-size / 2, size / 2 - size * 0.07));
    triangle.closeSubpath();
    p->setPen(QPen(kWarning, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p->setBrush(Qt::NoBrush);
    p->drawPath(triangle);
    p->drawLine(centre + QPointF(0, -size * 0.12), centre + QPointF(0, size * 0.17));
    p->drawPoint(centre + QPointF(0, size * 0.3));
    p->restore();
}

/// The picture fitted into `box`, centred.
QRectF fitted(QSizeF image, const QRectF& box) {
    const QSizeF s = image.scaled(box.size(), Qt::KeepAspectRatio);
    return QRectF(box.center() - QPointF(s.width() / 2, s.height() / 2), s);
}

struct TileState {
    QImage thumbnail;
    QString name, error, label;
    int rating = 0;
    bool edited = false;
    bool selected = false, current = false, hover = false;
};

TileState stateOf(const QStyleOptionViewItem& option, const QModelIndex& index) {
    TileState s;
    s.thumbnail = index.data(PhotoLibraryModel::ThumbnailRole).value<QImage>();
    s.name = index.data(PhotoLibraryModel::FileNameRole).toString();
    s.error = index.data(PhotoLibraryModel::ErrorRole).toString();
    s.label = index.data(PhotoLibraryModel::LabelRole).toString();
    s.rating = index.data(PhotoLibraryModel::RatingRole).toInt();
    s.edited = index.data(PhotoLibraryModel::EditedRole).toBool();
    s.selected = option.state & QStyle::State_Selected;
    s.hover = option.state & QStyle::State_MouseOver;
    s.current = option.state & QStyle::State_HasFocus;
    return s;
}

/// The thumbnail (dimmed when rejected), the error, or the empty placeholder, in `box`;
/// returns where the picture went.
QRectF drawPicture(QPainter* p, const TileState& s, const QRectF& box, bool withReason) {
    if (!s.thumbnail.isNull()) {
        const QRectF r = fitted(s.thumbnail.size(), box);
        p->save();
        if (s.rating < 0) p->setOpacity(0.35);
        p->setRenderHint(QPainter::SmoothPixmapTransform);
        p->drawImage(r, s.thumbnail);
        p->restore();
        return r;
    }
    if (!s.error.isEmpty()) {
        const QRectF r = fitted(QSizeF(3, 2), box);
        p->fillRect(r, kErrorFill);
        p->save();
        p->setPen(QPen(QColor(0x50, 0x50, 0x50), 1));
        p->drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5));
        p->restore();
        const qreal sign = std::min<qreal>(22, r.height() * 0.3);
        if (!withReason) {
            drawWarningSign(p, r.center(), sign);
            return r;
        }
        drawWarningSign(p, QPointF(r.center().x(), r.top() + 10 + sign / 2), sign);
        p->save();
        QFont f = p->font();
        f.setPointSizeF(f.pointSizeF() * 0.85);
        p->setFont(f);
        p->setPen(kText);
        const QRectF text = r.adjusted(8, 16 + sign, -8, -6);
        p->drawText(text, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, s.error);
        p->restore();
        return r;
    }
    const QRectF r = fitted(QSizeF(3, 2), box);
    p->fillRect(r, kPlaceholder);
    return r;
}

}  // namespace

TileDelegate::TileDelegate(Style style, QObject* parent)
    : QStyledItemDelegate(parent),
      style_(style),
      tileSize_(style == Style::Grid ? gridTileSize(196) : QSize(120, 96)) {}

namespace {
/// The picture area of a grid tile: 4:3, so 3:2 landscapes fill it nearly and portraits
/// still get a fair size.
int gridBoxHeight(int width) {
    return (width - 2 * kPad) * 3 / 4;
}
}  // namespace

QSize TileDelegate::gridTileSize(int width) {
    return QSize(width, kPad + gridBoxHeight(width) + kFooter);
}

QSize TileDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const {
    return tileSize_;
}

void TileDelegate::paint(QPainter* p, const QStyleOptionViewItem& option,
                         const QModelIndex& index) const {
    const TileState s = stateOf(option, index);
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    // The view may hand out a wider cell than the tile (to spread the columns evenly).
    const QRect tile(option.rect.center() - QPoint(tileSize_.width() / 2, tileSize_.height() / 2),
                     tileSize_);
    const QColor cell = s.selected ? kCellSelected : s.hover ? kCellHover : kCell;
    const QColor labelColor = rf::gui::labelColor(s.label);

    if (style_ == Style::Grid) {
        p->fillRect(tile, cell);
        const QRectF box(tile.left() + kPad, tile.top() + kPad, tile.width() - 2 * kPad,
                         gridBoxHeight(tile.width()));
        const QRectF picture = drawPicture(p, s, box, true);
        if (s.edited && !s.thumbnail.isNull())
            drawEditedMark(p, picture.bottomRight() - QPointF(12, 12), 18);

        const QFontMetrics fm(option.font);
        const qreal line1 = box.bottom() + 6 + fm.ascent();
        const qreal dot = 9;
        const int nameWidth = int(box.width() - (labelColor.isValid() ? dot + 6 : 0));
        p->setFont(option.font);
        p->setPen(s.selected ? QColor(0xf0, 0xf0, 0xf0) : kText);
        p->drawText(QPointF(box.left(), line1), fm.elidedText(s.name, Qt::ElideMiddle, nameWidth));
        if (labelColor.isValid()) {
            p->setPen(Qt::NoPen);
            p->setBrush(labelColor);
            p->drawEllipse(
                QRectF(box.right() - dot, line1 - fm.ascent() / 2.0 - dot / 2 + 1, dot, dot));
        }
        const qreal line2 = line1 + fm.descent() + 9;
        if (s.rating < 0) {
            drawReject(p, QPointF(box.left() + 5, line2), 8, kText);
            p->setPen(kTextDim);
            QFont small = option.font;
            small.setPointSizeF(small.pointSizeF() * 0.9);
            p->setFont(small);
            p->drawText(QPointF(box.left() + 16, line2 + QFontMetrics(small).ascent() / 2.0 - 1),
                        QObject::tr("Rejected"));
        } else {
            drawStars(p, box.left(), line2, 10, s.rating);
        }
        if (labelColor.isValid()) {
            // A thin strip along the cell's bottom makes labels visible from across the grid.
            p->fillRect(QRectF(tile.left(), tile.bottom() - 2, tile.width(), 3), labelColor);
        }
    } else {
        p->fillRect(tile, cell);
        const QRectF box = QRectF(tile).adjusted(4, 4, -4, -4);
        const QRectF picture = drawPicture(p, s, box, false);
        if (s.edited && !s.thumbnail.isNull())
            drawEditedMark(p, picture.topRight() + QPointF(-9, 9), 14);
        if (s.rating != 0 && !s.thumbnail.isNull()) {
            const QRectF band(picture.left(), picture.bottom() - 13, picture.width(), 13);
            p->fillRect(band, QColor(0x18, 0x18, 0x18, 0xc0));
            if (s.rating < 0)
                drawReject(p, QPointF(band.left() + 8, band.center().y()), 6, kText);
            else
                drawStars(p, band.left() + 4, band.center().y(), 7, s.rating);
        }
        if (labelColor.isValid())
            p->fillRect(QRectF(tile.left(), tile.bottom() - 2, tile.width(), 3), labelColor);
    }

    if (s.selected || s.current) {
        p->setBrush(Qt::NoBrush);
        p->setPen(QPen(s.current && s.selected ? kFrameCurrent : kFrameSelected, 1));
        p->drawRect(QRectF(tile).adjusted(0.5, 0.5, -0.5, -0.5));
    }
    p->restore();
}

}  // namespace rf::gui
