// SPDX-License-Identifier: GPL-3.0-or-later
// The app's language. The desktop app speaks Italian, German or English, chosen from the
// locale the way the desktop chooses (LANGUAGE, then LC_ALL, LC_MESSAGES and LANG: what
// QLocale::system() reads); any other language gets English. The catalogues are compiled
// into the program (translations/*.ts → :/i18n/*.qm), so an installed or a relocated build
// speaks the same. English itself has a catalogue too, holding only the plural forms
// ("1 photo", "3 photos") of the messages that count something; it lies underneath the
// other languages, so a message a catalogue lacks falls back to correct English. Qt's own
// dialogs (file and colour pickers, standard buttons) are translated by Qt's catalogues when
// the system has them (qt6-translations-l10n). The command line stays English.
#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace rf::gui {

/// Installs the catalogues for `locale` on `app`, replacing any this function installed
/// before, and makes `locale` the default for numbers and dates. Returns the language the
/// app's own texts are in: "it", "de" or "en".
QString installTranslations(QCoreApplication& app, const QLocale& locale = QLocale::system());

}  // namespace rf::gui
