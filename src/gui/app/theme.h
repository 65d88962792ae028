// SPDX-License-Identifier: GPL-3.0-or-later
// The app's look: Qt's Fusion style with a dark palette of neutral greys (R = G = B
// everywhere, selection included), so nothing around a photo shifts how its colours are
// seen. main() applies it; the widget tests apply it too, so they see what users see.
//
// Legible as well as quiet: every text the app shows reaches WCAG AA contrast (4.5:1, or 3:1
// for large text) against what it is drawn on, disabled text included. The theme keeps the
// list of what that means — which palette text role is shown on which background role, and
// the few colours the code paints text with itself (themeColor) over their backgrounds — so
// test_theme holds every pair to it. Secondary text (captions, panel sub-headings, the status
// bar) uses the palette's PlaceholderText; a widget that needs a colour the palette has no role
// for takes it from themeColor rather than writing its own.
#pragma once

#include <QColor>
#include <QList>
#include <QPalette>
#include <QString>

class QApplication;
class QIcon;

namespace rf::gui {

void applyDarkTheme(QApplication& app);

/// The window icon (data/rangefinder.svg as a PNG, compiled into the app's resources).
QIcon appIcon();

/// Colours the code paints itself, for text or behind text, where the palette has no role.
enum class ThemeColor {
    ErrorText,          ///< a problem stated in a dialog or a panel (bold or not)
    TileCell,           ///< a library tile's background (library/tile_delegate.cpp) …
    TileCellHover,      ///< … under the mouse
    TileCellSelected,   ///< … selected
    TileText,           ///< a tile's file name and error text
    TileSecondaryText,  ///< the smaller "Rejected" under a tile's picture
};
QColor themeColor(ThemeColor color);

/// A text colour and the colour behind it, named by where the app shows them.
struct TextContrastPair {
    QString where;
    QColor text;
    QColor background;
    /// 18 pt and up, or 14 pt bold and up: WCAG AA asks 3:1 of large text, 4.5:1 otherwise.
    bool largeText = false;
};

/// A palette text role and the background role it is shown on.
struct PaletteTextUse {
    QPalette::ColorRole text;
    QPalette::ColorRole background;
    const char* where;
    int lighter = 100;  ///< the style paints the background lighter by this (QColor::lighter)
};

/// Which palette text role the app (Fusion and our own widgets) shows on which background.
const QList<PaletteTextUse>& paletteTextUses();

/// Every text colour the app shows over its background: each palette use resolved in each
/// colour group (active, inactive, disabled) of `palette`, then the explicit colours.
QList<TextContrastPair> textContrastPairs(const QPalette& palette);

}  // namespace rf::gui
