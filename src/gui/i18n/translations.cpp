// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace rf::gui {

namespace {

constexpr char kOwnedBy[] = "rangefinder-translator";

void install(QTranslator* t) {
    t->setObjectName(kOwnedBy);
    QCoreApplication::installTranslator(t);
}

}  // namespace

QString installTranslations(QCoreApplication& app, const QLocale& locale) {
    // The tests switch languages in one process; the app calls this once.
    for (QTranslator* old : app.findChildren<QTranslator*>(kOwnedBy, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    QLocale::setDefault(locale);

    // The last translator installed is asked first: English plurals go in first, underneath.
    auto* english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/rangefinder_en.qm")))
        install(english);
    else
        delete english;

    QString language = QStringLiteral("en");
    auto* own = new QTranslator(&app);
    // load() tries the locale's UI languages in order ("de-AT", "de"), so LANGUAGE=de:it finds
    // German and an Austrian locale the German catalogue.
    if (own->load(locale, QStringLiteral("rangefinder"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")) &&
        !own->language().startsWith(QLatin1String("en"))) {
        language = own->language().left(2);
        install(own);
        auto* qt = new QTranslator(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            install(qt);
        else
            delete qt;
    } else {
        delete own;
    }
    return language;
}

}  // namespace rf::gui
