// SPDX-License-Identifier: GPL-3.0-or-later
// The dark theme is legible: every text colour reaches WCAG AA contrast against what it is
// drawn on — 4.5:1, or 3:1 for text marked large. The theme's own list of pairs (each palette
// text role over the background role it is shown on, in the active, inactive and disabled
// groups, and the colours the code paints itself) is checked with the WCAG formula written
// out here, independently of the app; the list must cover every text role; and every label
// of the real main window and export dialog (panel sub-headings, captions, the status bar,
// the dialog's problem line) is measured through its own palette.

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <cmath>

#include "app/main_window.h"
#include "app/theme.h"
#include "export/export_dialog.h"
#include "i18n/translations.h"
#include "support/test_support.h"

namespace {

// WCAG 2.x relative luminance of an sRGB colour.
double luminance(const QColor& c) {
    const auto channel = [](int v) {
        const double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue());
}

double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::string describe(const QString& where, const QColor& text, const QColor& background) {
    return QStringLiteral("%1: %2 on %3 is %4:1")
        .arg(where, text.name(), background.name())
        .arg(contrast(text, background), 0, 'f', 2)
        .toStdString();
}

/// Every QLabel with text under `root`, measured in its palette: its foreground role over its
/// background role, in the disabled group when it is disabled. Returns the texts checked.
QStringList checkLabels(QWidget* root) {
    QStringList checked;
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (label->text().isEmpty()) continue;
        const QPalette::ColorGroup group =
            label->isEnabled() ? QPalette::Active : QPalette::Disabled;
        const QPalette& p = label->palette();
        const QColor text = p.color(group, label->foregroundRole());
        const QColor background = p.color(group, label->backgroundRole());
        EXPECT_GE(contrast(text, background), 4.5)
            << describe(QStringLiteral("label “%1”").arg(label->text()), text, background);
        checked << label->text();
    }
    return checked;
}

}  // namespace

TEST(Contrast, TheFormulaGivesWcagsFigures) {
    EXPECT_NEAR(contrast(Qt::black, Qt::white), 21.0, 1e-9);
    EXPECT_NEAR(contrast(Qt::white, Qt::white), 1.0, 1e-9);
    // #777 on white is the classic "just misses AA" grey, #767676 the one that passes.
    EXPECT_LT(contrast(QColor(0x77, 0x77, 0x77), Qt::white), 4.5);
    EXPECT_GE(contrast(QColor(0x76, 0x76, 0x76), Qt::white), 4.5);
}

TEST(Theme, EveryTextColourReachesWcagAA) {
    const QList<rf::gui::TextContrastPair> pairs =
        rf::gui::textContrastPairs(QApplication::palette());
    ASSERT_FALSE(pairs.isEmpty());
    for (const rf::gui::TextContrastPair& pair : pairs)
        EXPECT_GE(contrast(pair.text, pair.background), pair.largeText ? 3.0 : 4.5)
            << describe(pair.where, pair.text, pair.background);
}

TEST(Theme, ThePairsCoverEveryTextRoleAndTheDisabledGroup) {
    QSet<int> roles;
    for (const rf::gui::PaletteTextUse& use : rf::gui::paletteTextUses()) roles << int(use.text);
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText,
          QPalette::HighlightedText, QPalette::ToolTipText, QPalette::Link, QPalette::LinkVisited,
          QPalette::BrightText})
        EXPECT_TRUE(roles.contains(int(role))) << "text role " << int(role) << " is not checked";

    // Disabled text is shown (a disabled control's label): its colours are in the list.
    const QPalette& p = QApplication::palette();
    bool disabled = false;
    for (const rf::gui::TextContrastPair& pair : rf::gui::textContrastPairs(p))
        disabled = disabled || (pair.text == p.color(QPalette::Disabled, QPalette::ButtonText) &&
                                pair.background == p.color(QPalette::Disabled, QPalette::Button));
    EXPECT_TRUE(disabled);
}

TEST(Theme, TheTooltipShowsThePalettesColours) {
    const QString sheet = qApp->styleSheet();
    const QPalette& p = QApplication::palette();
    EXPECT_TRUE(sheet.contains(p.color(QPalette::ToolTipText).name())) << sheet.toStdString();
    EXPECT_TRUE(sheet.contains(p.color(QPalette::ToolTipBase).name())) << sheet.toStdString();
}

TEST(Theme, EveryLabelOfTheMainWindowIsLegible) {
    rf::gui::MainWindow w;
    w.show();
    const QStringList checked = checkLabels(&w);
    // The editor's panels are built with the window: their sub-headings are among them.
    for (const char* heading : {"Tone", "Presence", "Rendering"})
        EXPECT_TRUE(checked.contains(QString::fromLatin1(heading)))
            << "no sub-heading " << heading << " among " << checked.join(", ").toStdString();
}

TEST(Theme, TheExportDialogsProblemIsLegible) {
    rf::test::TempDir dir("gui-theme");
    rf::gui::ExportDialog dialog({QString::fromStdString(dir.str("photo.dng"))});
    dialog.show();
    dialog.findChild<QLineEdit*>(QStringLiteral("outputDir"))->setText(QString());
    dialog.accept();  // refused: no folder; the problem is shown in the dialog
    ASSERT_FALSE(dialog.validationProblem().isEmpty());
    QLabel* problem = dialog.findChild<QLabel*>(QStringLiteral("problem"));
    ASSERT_NE(problem, nullptr);
    ASSERT_TRUE(problem->isVisible());
    QApplication::processEvents();  // the style sheet's colour reaches the palette on polish
    EXPECT_EQ(problem->palette().color(problem->foregroundRole()),
              rf::gui::themeColor(rf::gui::ThemeColor::ErrorText));
    checkLabels(&dialog);
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // The tests' settings live in a folder of their own, never in the user's.
    rf::test::TempDir config("gui-theme-config");
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.str()));
    QApplication app(argc, argv);
    QApplication::setOrganizationName("RangefinderTests");
    QApplication::setApplicationName("test_theme");
    rf::gui::applyDarkTheme(app);
    rf::gui::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
