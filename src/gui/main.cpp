// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app: `rangefinder [FOLDER | RAW FILE]`. With no argument it reopens the folder
// used last. Everything but this function lives in the rangefinder_gui library, so the widget
// tests drive the same window.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include "app/main_window.h"
#include "app/quit_signals.h"
#include "app/theme.h"
#include "i18n/translations.h"

int main(int argc, char** argv) {
    rf::gui::blockQuitSignals();  // before QApplication starts any thread
    QApplication app(argc, argv);
    // These name the settings file (~/.config/Rangefinder/Rangefinder.conf) and, on Wayland,
    // tie the window to rangefinder.desktop and its icon.
    QApplication::setApplicationName(QStringLiteral("Rangefinder"));
    QApplication::setOrganizationName(QStringLiteral("Rangefinder"));
    QApplication::setOrganizationDomain(QStringLiteral("rangefinder.photo"));
    QApplication::setApplicationVersion(QStringLiteral(RF_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("rangefinder"));
    QApplication::setWindowIcon(rf::gui::appIcon());
    rf::gui::installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Rangefinder raw photo editor"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QCoreApplication::translate("main", "A folder of raw files, or one raw file"),
        QStringLiteral("[path]"));
    parser.process(app);

    rf::gui::applyDarkTheme(app);
    rf::gui::MainWindow window;
    window.show();
    rf::gui::quitOnSignals(&window);
    QStringList arguments{app.arguments().value(0)};
    arguments << parser.positionalArguments().mid(0, 1);
    window.openFromArguments(arguments);
    return app.exec();
}
