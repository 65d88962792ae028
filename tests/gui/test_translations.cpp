// SPDX-License-Identifier: GPL-3.0-or-later
// The app in Italian and German. The catalogues are complete: lupdate, run on copies of the
// committed .ts files, finds no message missing, unfinished or gone, and every translation
// keeps its source's placeholders and has a keyboard accelerator exactly where the source
// has one. The list of the core's texts (core_strings.cpp) matches the declarations it is
// generated from, and each parameter's label, help, heading and choices, each export
// setting's texts and each installed look's description has a translation in the compiled
// catalogues. The main window opens in Italian and German with the loader main() uses, and
// the executable itself speaks Italian from LANGUAGE.

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QToolButton>
#include <QTranslator>
#include <QXmlStreamReader>
#include <filesystem>
#include <set>

#include "app/main_window.h"
#include "editor/editor_widget.h"
#include "editor/param_slider.h"
#include "i18n/core_contexts.h"
#include "i18n/core_text.h"
#include "i18n/translations.h"
#include "rangefinder/export_schema.h"
#include "rangefinder/looks.h"
#include "rangefinder/params.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}

namespace {

const QStringList kLanguages{"it", "de", "en"};

QString sourceDir() {
    return QStringLiteral(RF_SOURCE_DIR);
}

QString readText(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(f.readAll());
}

struct Message {
    QString context, source, comment;
    QStringList translations;  // one, or one per plural form
    QString type;              // "", "unfinished", "vanished", "obsolete"
};

std::vector<Message> readTs(const QString& path) {
    std::vector<Message> out;
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            m = Message{context, {}, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            m.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            // A plural message holds numerusform elements; a plain one its text.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters()) text += xml.text();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    m.translations << xml.readElementText();
                if (xml.isEndElement() && xml.name() == QLatin1String("translation")) break;
            }
            if (m.translations.isEmpty()) m.translations << text;
            out.push_back(m);
        }
    }
    EXPECT_FALSE(xml.hasError()) << path.toStdString() << ": " << xml.errorString().toStdString();
    return out;
}

QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression re(QStringLiteral("%L?([1-9]|n)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();) out.insert(it.next().captured(1));
    return out;
}

// A keyboard accelerator: '&' before a letter or digit ("&&" is a literal ampersand, "& " is
// text).
int accelerators(const QString& text) {
    int n = 0;
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&')) continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        if (text[i + 1].isLetterOrNumber()) ++n;
    }
    return n;
}

QString describe(const Message& m) {
    return m.context + QStringLiteral(" / ") + m.source;
}

// The compiled catalogue of a language, as the app embeds it.
std::unique_ptr<QTranslator> catalogue(const QString& language) {
    auto t = std::make_unique<QTranslator>();
    EXPECT_TRUE(t->load(QStringLiteral(":/i18n/rangefinder_%1.qm").arg(language)))
        << "the app does not embed the " << language.toStdString() << " catalogue";
    return t;
}

QString menuTitles(const rf::gui::MainWindow& w) {
    QStringList titles;
    for (QAction* a : w.menuBar()->actions()) titles << a->text();
    return titles.join(QLatin1Char('|'));
}

bool hasSectionTitled(const QWidget& w, const QString& title) {
    for (const QToolButton* b : w.findChildren<QToolButton*>())
        if (b->text() == title) return true;
    return false;
}

QString sliderLabel(const QWidget& w, const char* key) {
    const auto* slider = w.findChild<rf::gui::ParamSlider*>(QString::fromLatin1(key));
    if (!slider) return QStringLiteral("(no slider %1)").arg(QLatin1String(key));
    return slider->findChildren<QLabel*>().value(0)->text();
}

QString comboItem(const QWidget& w, const char* key, const QString& value) {
    const auto* box = w.findChild<QComboBox*>(QString::fromLatin1(key));
    if (!box) return QStringLiteral("(no list %1)").arg(QLatin1String(key));
    return box->itemText(box->findData(value));
}

class Translations : public ::testing::Test {
  protected:
    void TearDown() override {
        rf::gui::installTranslations(*QCoreApplication::instance(),
                                     QLocale(QLocale::English, QLocale::UnitedStates));
    }
};

}  // namespace

TEST_F(Translations, LupdateFindsNothingMissingOrUnfinished) {
    rf::test::TempDir dir("translations-lupdate");
    const QString copies = QString::fromStdString(dir.str());
    for (const QString& lang : kLanguages) {
        const QString name = QStringLiteral("rangefinder_%1.ts").arg(lang);
        ASSERT_TRUE(QFile::copy(sourceDir() + "/translations/" + name, copies + "/" + name));
    }
    QProcess lupdate;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LUPDATE"), QStringLiteral(RF_LUPDATE));
    env.remove(QStringLiteral("RF_CORE_STRINGS"));  // the committed core_strings.cpp, as is
    lupdate.setProcessEnvironment(env);
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(sourceDir() + "/scripts/update-translations.sh", {copies});
    ASSERT_TRUE(lupdate.waitForFinished(300000));
    ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAll().toStdString();

    for (const QString& lang : kLanguages) {
        const QString name = QStringLiteral("rangefinder_%1.ts").arg(lang);
        const QString updated = copies + "/" + name;
        // New messages arrive unfinished and vanished ones are dropped: an updated copy that
        // equals the committed file has neither.
        EXPECT_EQ(readText(updated), readText(sourceDir() + "/translations/" + name))
            << name.toStdString()
            << " is not what lupdate makes of the sources: run `cmake --build build --target "
               "update_translations` and translate what it adds";
        const std::vector<Message> messages = readTs(updated);
        EXPECT_GT(messages.size(), lang == "en" ? 10u : 500u) << name.toStdString();
        for (const Message& m : messages) {
            const std::string what = name.toStdString() + ": " + describe(m).toStdString();
            EXPECT_TRUE(m.type.isEmpty()) << what << " is " << m.type.toStdString();
            const QSet<QString> wanted = placeholders(m.source);
            for (const QString& t : m.translations) {
                EXPECT_FALSE(t.isEmpty()) << what << " has an empty translation";
                QSet<QString> got = placeholders(t);
                // A singular may say "one" instead of showing %n ("%1 (e un altro)").
                if (m.translations.size() > 1) got.insert(QStringLiteral("n"));
                EXPECT_EQ(got, wanted) << what << " → " << t.toStdString();
                EXPECT_EQ(accelerators(t), accelerators(m.source))
                    << what << " → " << t.toStdString() << ": accelerators differ";
            }
            if (lang != "en" && m.source.contains(QLatin1String("%n"))) {
                EXPECT_EQ(m.translations.size(), 2)
                    << what << ": Italian and German have two forms";
            }
        }
    }
}

TEST_F(Translations, CoreStringsFileMatchesTheDeclarations) {
    QProcess tool;
    tool.start(QStringLiteral(RF_CORE_STRINGS), {sourceDir()});
    ASSERT_TRUE(tool.waitForFinished(60000));
    ASSERT_EQ(tool.exitCode(), 0) << tool.readAllStandardError().toStdString();
    EXPECT_EQ(QString::fromUtf8(tool.readAllStandardOutput()),
              readText(sourceDir() + "/src/gui/i18n/core_strings.cpp"))
        << "src/gui/i18n/core_strings.cpp is out of date: run `cmake --build build --target "
           "update_translations` and translate the new texts";
}

TEST_F(Translations, EveryTextFromTheCoreIsTranslated) {
    namespace i18n = rf::i18n;
    for (const QString& lang : {QStringLiteral("it"), QStringLiteral("de")}) {
        const auto t = catalogue(lang);
        const auto has = [&](const char* context, const std::string& text) {
            if (text.empty()) return;
            EXPECT_FALSE(t->translate(context, text.c_str()).isEmpty())
                << lang.toStdString() << ": no translation of " << context << " \"" << text << '"';
        };
        for (const rf::ParamDecl& d : rf::schema()) {
            has(i18n::kParamLabel, d.label);
            has(i18n::kParamHelp, d.help);
            has(i18n::kParamSection, d.section);
            for (const std::string& c : d.choices) has(i18n::kParamChoice, i18n::choiceText(c));
        }
        for (const rf::ExportSettingDecl& d : rf::exportSchema()) {
            has(i18n::kExportLabel, d.label);
            has(i18n::kExportLabel, d.help);
            for (const rf::ExportChoice& c : d.choices) {
                has(i18n::kExportLabel, c.label);
                has(i18n::kExportLabel, c.help);
            }
        }
        const rf::LookLibrary looks =
            rf::LookLibrary::load({(sourceDir() + "/looks").toStdString()});
        ASSERT_FALSE(looks.looks().empty());
        for (const rf::Look& look : looks.looks()) has(i18n::kLookDescription, look.description);
        int count = 0;
        const rf::gui::CoreString* strings = rf::gui::coreStrings(&count);
        EXPECT_GT(count, 200);
        for (int i = 0; i < count; ++i) has(strings[i].context, strings[i].text);
    }
}

TEST_F(Translations, TheWindowOpensInItalian) {
    auto& app = *QCoreApplication::instance();
    ASSERT_EQ(rf::gui::installTranslations(app, QLocale(QLocale::Italian, QLocale::Italy)), "it");
    rf::gui::MainWindow w;
    EXPECT_EQ(menuTitles(w), "&File|&Modifica|&Visualizza|F&oto|&Aiuto");
    EXPECT_TRUE(hasSectionTitled(w, QStringLiteral("Correzione obiettivo")));
    EXPECT_TRUE(hasSectionTitled(w, QStringLiteral("Ritaglio e rotazione")));
    // Labels, headings and choices from the core's declarations.
    EXPECT_EQ(sliderLabel(w, "exposure.ev"), "Esposizione");
    EXPECT_EQ(sliderLabel(w, "tone.highlights"), "Alte luci");
    EXPECT_EQ(comboItem(w, "wb.mode", "as_shot"), "Come scattato");
    const auto* exposure = w.findChild<rf::gui::ParamSlider*>(QStringLiteral("exposure.ev"));
    ASSERT_TRUE(exposure);
    EXPECT_EQ(exposure->valueText(0.5), "+0,50 EV") << "numbers as Italians write them";
    EXPECT_EQ(rf::gui::paramSection("Noise reduction"), "Riduzione del rumore");
    EXPECT_EQ(
        QCoreApplication::translate("rf::gui::ExportDialog", "Export %n Photo(s)", nullptr, 1),
        "Esporta 1 foto");
    // Qt's own dialogs and buttons, from qt6-translations-l10n.
    EXPECT_EQ(QCoreApplication::translate("QPlatformTheme", "Cancel"), "Annulla");
}

TEST_F(Translations, TheWindowOpensInGerman) {
    auto& app = *QCoreApplication::instance();
    ASSERT_EQ(rf::gui::installTranslations(app, QLocale(QLocale::German, QLocale::Austria)), "de");
    rf::gui::MainWindow w;
    EXPECT_EQ(menuTitles(w), "&Datei|&Bearbeiten|&Ansicht|&Foto|&Hilfe");
    EXPECT_TRUE(hasSectionTitled(w, QStringLiteral("Objektivkorrektur")));
    EXPECT_TRUE(hasSectionTitled(w, QStringLiteral("Freistellen und drehen")));
    EXPECT_EQ(sliderLabel(w, "exposure.ev"), "Belichtung");
    EXPECT_EQ(sliderLabel(w, "tone.shadows"), "Tiefen");
    EXPECT_EQ(comboItem(w, "wb.mode", "as_shot"), "Wie aufgenommen");
    EXPECT_EQ(rf::gui::paramSection("Noise reduction"), "Rauschreduzierung");
    EXPECT_EQ(
        QCoreApplication::translate("rf::gui::ExportDialog", "Export %n Photo(s)", nullptr, 3),
        "3 Fotos exportieren");
}

TEST_F(Translations, AnyOtherLanguageGetsEnglishWithItsPlurals) {
    auto& app = *QCoreApplication::instance();
    EXPECT_EQ(rf::gui::installTranslations(app, QLocale(QLocale::French, QLocale::France)), "en");
    rf::gui::MainWindow w;
    EXPECT_EQ(menuTitles(w), "&File|&Edit|&View|&Photo|&Help");
    EXPECT_EQ(sliderLabel(w, "exposure.ev"), "Exposure");
    EXPECT_EQ(
        QCoreApplication::translate("rf::gui::ExportDialog", "Export %n Photo(s)", nullptr, 1),
        "Export 1 Photo");
    EXPECT_EQ(
        QCoreApplication::translate("rf::gui::ExportDialog", "Export %n Photo(s)", nullptr, 2),
        "Export 2 Photos");
}

TEST_F(Translations, TheProgramSpeaksTheLanguageOfItsLocale) {
    const QString program = QStringLiteral(RF_BINARY_DIR "/rangefinder");
    if (!QFile::exists(program)) GTEST_SKIP() << "the app is not built";
    const auto help = [&](const QString& language, const QString& lang) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LANGUAGE"), language);
        env.insert(QStringLiteral("LANG"), lang);
        env.remove(QStringLiteral("LC_ALL"));
        env.remove(QStringLiteral("LC_MESSAGES"));
        p.setProcessEnvironment(env);
        p.start(program, {QStringLiteral("--help")});
        EXPECT_TRUE(p.waitForFinished(60000));
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    EXPECT_TRUE(help("", "it_IT.UTF-8").contains("Una cartella di file raw"))
        << help("", "it_IT.UTF-8").toStdString();
    EXPECT_TRUE(help("de", "it_IT.UTF-8").contains("Ein Ordner mit Raw-Dateien"))
        << "LANGUAGE comes before LANG: " << help("de", "it_IT.UTF-8").toStdString();
    EXPECT_TRUE(help("", "C.UTF-8").contains("A folder of raw files"))
        << help("", "C.UTF-8").toStdString();
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    rf::test::TempDir config("gui-translations-config");
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.str()));
    rf::test::TempDir cache("gui-translations-cache");
    qputenv("XDG_CACHE_HOME", QByteArray::fromStdString(cache.str()));
    QApplication app(argc, argv);
    QApplication::setOrganizationName("RangefinderTests");
    QApplication::setApplicationName("test_translations");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
