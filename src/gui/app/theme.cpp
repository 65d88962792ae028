// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/theme.h"

#include <QApplication>
#include <QIcon>
#include <QPalette>
#include <QStyleFactory>

// Resources compiled into a static library are registered only when something refers to them;
// this must sit outside any namespace.
static void initAppResources() {
    Q_INIT_RESOURCE(app);
}

namespace rf::gui {

namespace {

QColor grey(int v) {
    return QColor(v, v, v);
}

QPalette darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, grey(0x2b));
    p.setColor(QPalette::WindowText, grey(0xd2));
    p.setColor(QPalette::Base, grey(0x24));
    p.setColor(QPalette::AlternateBase, grey(0x2f));
    p.setColor(QPalette::ToolTipBase, grey(0x1e));
    p.setColor(QPalette::ToolTipText, grey(0xdc));
    // Secondary text: captions, panel sub-headings, the status bar. 0x86 looked quiet but
    // missed 4.5:1 on the window grey; this is the quietest grey that clears it on every
    // background it is shown on (the alternate rows are the lightest).
    p.setColor(QPalette::PlaceholderText, grey(0x9c));
    p.setColor(QPalette::Text, grey(0xd2));
    p.setColor(QPalette::Button, grey(0x36));
    p.setColor(QPalette::ButtonText, grey(0xd2));
    p.setColor(QPalette::BrightText, grey(0xff));
    p.setColor(QPalette::Light, grey(0x48));
    p.setColor(QPalette::Midlight, grey(0x3c));
    p.setColor(QPalette::Mid, grey(0x30));
    p.setColor(QPalette::Dark, grey(0x1c));
    p.setColor(QPalette::Shadow, grey(0x10));
    // Selection in a neutral grey rather than the usual blue.
    p.setColor(QPalette::Highlight, grey(0x5c));
    p.setColor(QPalette::HighlightedText, grey(0xff));
    p.setColor(QPalette::Link, grey(0xe6));
    p.setColor(QPalette::LinkVisited, grey(0xb4));

    // Disabled text is dimmer than enabled text but still readable (a disabled control's
    // label says what would be there); the button grey, the lightest it sits on, decides.
    p.setColor(QPalette::Disabled, QPalette::WindowText, grey(0xa0));
    p.setColor(QPalette::Disabled, QPalette::Text, grey(0xa0));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, grey(0xa0));
    p.setColor(QPalette::Disabled, QPalette::Highlight, grey(0x44));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, grey(0xb8));
    return p;
}

}  // namespace

void applyDarkTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette p = darkPalette();
    app.setPalette(p);

    // Fusion draws tooltips from the palette but gives them a light frame; keep them quiet.
    // The colours are the palette's, so the contrast test sees what a tooltip shows.
    app.setStyleSheet(
        QStringLiteral("QToolTip { color: %1; background-color: %2; border: 1px solid #444; }"
                       "QMainWindow::separator { background: #1c1c1c; width: 1px; height: 1px; }"
                       "QStatusBar { border-top: 1px solid #1c1c1c; }"
                       "QStatusBar::item { border: none; }")
            .arg(p.color(QPalette::ToolTipText).name(), p.color(QPalette::ToolTipBase).name()));
}

QIcon appIcon() {
    initAppResources();
    return QIcon(QStringLiteral(":/icons/rangefinder.png"));
}

QColor themeColor(ThemeColor color) {
    switch (color) {
        case ThemeColor::ErrorText:
            return QColor(0xff, 0x8a, 0x80);  // a light red: 6:1 on the window grey
        case ThemeColor::TileCell:
            return grey(0x32);
        case ThemeColor::TileCellHover:
            return grey(0x38);
        case ThemeColor::TileCellSelected:
            return grey(0x4a);
        case ThemeColor::TileText:
            return grey(0xc8);
        case ThemeColor::TileSecondaryText:
            return grey(0xbc);  // dimmer than the name, yet 4.5:1 on a selected tile
    }
    return {};
}

const QList<PaletteTextUse>& paletteTextUses() {
    using P = QPalette;
    static const QList<PaletteTextUse> uses{
        {P::WindowText, P::Window, "labels, check boxes, group and dock titles"},
        {P::ButtonText, P::Button, "push buttons, combo boxes, headers"},
        {P::ButtonText, P::Window, "flat tool buttons (the panels' section titles)"},
        {P::Text, P::Base, "lists, trees, line edits, spin boxes"},
        {P::Text, P::AlternateBase, "alternate rows of a list, the library's filter band"},
        {P::Text, P::Base, "menu entries (Fusion paints menus in Base lightened 8 %)", 108},
        {P::PlaceholderText, P::Base, "placeholders in line edits"},
        {P::PlaceholderText, P::AlternateBase, "secondary text on alternate rows"},
        {P::PlaceholderText, P::Window,
         "captions, panel sub-headings (Tone, Presence, Rendering), the status bar"},
        {P::HighlightedText, P::Highlight, "selected items and menu entries"},
        {P::ToolTipText, P::ToolTipBase, "tooltips"},
        {P::Link, P::Window, "links in labels"},
        {P::Link, P::Base, "links in text views"},
        {P::LinkVisited, P::Window, "visited links in labels"},
        {P::LinkVisited, P::Base, "visited links in text views"},
        {P::BrightText, P::Dark, "bright text"},
    };
    return uses;
}

QList<TextContrastPair> textContrastPairs(const QPalette& palette) {
    QList<TextContrastPair> pairs;
    const std::pair<QPalette::ColorGroup, const char*> groups[] = {
        {QPalette::Active, "active"},
        {QPalette::Inactive, "inactive"},
        {QPalette::Disabled, "disabled"}};
    for (const auto& [group, groupName] : groups)
        for (const PaletteTextUse& use : paletteTextUses())
            pairs.append(
                {QStringLiteral("%1 (%2)").arg(QLatin1String(use.where), QLatin1String(groupName)),
                 palette.color(group, use.text),
                 palette.color(group, use.background).lighter(use.lighter)});

    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    pairs.append({QStringLiteral("error messages"), themeColor(ThemeColor::ErrorText), window});
    for (const auto& [cell, name] : {std::pair{ThemeColor::TileCell, "a tile"},
                                     std::pair{ThemeColor::TileCellHover, "a tile under the mouse"},
                                     std::pair{ThemeColor::TileCellSelected, "a selected tile"}}) {
        pairs.append({QStringLiteral("file name on %1").arg(QLatin1String(name)),
                      themeColor(ThemeColor::TileText), themeColor(cell)});
        pairs.append({QStringLiteral("\"Rejected\" on %1").arg(QLatin1String(name)),
                      themeColor(ThemeColor::TileSecondaryText), themeColor(cell)});
    }
    return pairs;
}

}  // namespace rf::gui
