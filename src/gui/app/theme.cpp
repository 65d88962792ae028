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
}  // namespace

void applyDarkTheme(QApplication& app) {
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QPalette p;
    p.setColor(QPalette::Window, grey(0x2b));
    p.setColor(QPalette::WindowText, grey(0xd2));
    p.setColor(QPalette::Base, grey(0x24));
    p.setColor(QPalette::AlternateBase, grey(0x2f));
    p.setColor(QPalette::ToolTipBase, grey(0x1e));
    p.setColor(QPalette::ToolTipText, grey(0xdc));
    p.setColor(QPalette::PlaceholderText, grey(0x86));
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

    p.setColor(QPalette::Disabled, QPalette::WindowText, grey(0x70));
    p.setColor(QPalette::Disabled, QPalette::Text, grey(0x70));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, grey(0x70));
    p.setColor(QPalette::Disabled, QPalette::Highlight, grey(0x44));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, grey(0x90));
    app.setPalette(p);

    // Fusion draws tooltips from the palette but gives them a light frame; keep them quiet.
    app.setStyleSheet(QStringLiteral(
        "QToolTip { color: #dcdcdc; background-color: #1e1e1e; border: 1px solid #444; }"
        "QMainWindow::separator { background: #1c1c1c; width: 1px; height: 1px; }"
        "QStatusBar { border-top: 1px solid #1c1c1c; }"
        "QStatusBar::item { border: none; }"));
}

QIcon appIcon() {
    initAppResources();
    return QIcon(QStringLiteral(":/icons/rangefinder.png"));
}

}  // namespace rf::gui
