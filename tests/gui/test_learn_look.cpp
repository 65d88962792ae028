// SPDX-License-Identifier: GPL-3.0-or-later
// "Create Look from Example…" driven offscreen: the dialog finds the phone's JPEG beside its
// raw, learns on its worker, previews the photo without and with the learned look, reports
// the fit, and saves an ordinary look file; from the Photo menu's action the saved look is
// listed by the Looks panel and applied to the photo. A JPEG of another picture is refused
// with the reason shown and nothing to save.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTimer>
#include <QTreeWidget>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <thread>

#include "editor/editor_widget.h"
#include "editor/learn_look_dialog.h"
#include "editor/looks_panel.h"
#include "editor/photo_session.h"
#include "i18n/translations.h"
#include "rangefinder/color.h"
#include "rangefinder/looks.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/writer.h"
#include "support/qt_wait.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
using namespace rf::gui;
namespace fs = std::filesystem;

namespace {

/// The shared wait with a longer deadline: learning renders and fits a whole look.
bool waitUntil(const std::function<bool()>& done, int milliseconds = 120000) {
    return rf::test::waitUntil(done, milliseconds);
}

// The chart on a backdrop of colour waves: structure to register on, broad colours to learn
// from.
Image scene() {
    Image img = synth::renderChart(480, 320);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            float* p = img.row(y) + 3 * x;
            if (p[0] == p[1] && p[1] == p[2]) {
                const double u = x / 480.0, v = y / 320.0;
                for (int c = 0; c < 3; ++c)
                    p[c] = float(0.05 + 0.04 * (1 + std::sin(9 * u * (c + 1) + 7 * v)));
            }
        }
    return img;
}

// Another picture altogether: soft grey blobs.
Image blobs() {
    Image img(480, 320, 3);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const double v = 0.15 + 0.1 * std::sin(x / 23.0) * std::cos(y / 17.0) +
                             0.05 * std::sin((x + 2 * y) / 41.0);
            for (int c = 0; c < 3; ++c) img.row(y)[3 * x + c] = float(v);
        }
    return img;
}

// Writes `raw` and, as the phone's finished picture, its rendering with Leica Vibrant.
void phonePair(const std::string& raw, const std::string& jpeg, const Image& picture) {
    synth::writeDng(raw, picture.cview(), synth::DngOptions{});
    const std::string looks = std::string(RF_SOURCE_DIR) + "/looks";
    const LookLibrary lib = LookLibrary::load({looks});
    Pipeline p(std::make_shared<RawImage>(decodeRaw(raw)));
    RenderOptions o;
    o.lookDirs = {looks};
    EncodeOptions e;
    e.quality = 95;
    writeImage(jpeg, p.render(withLook({}, *lib.find("Leica Vibrant")), o).rgb.cview(), e,
               iccProfileFor(OutputSpace::SRGB));
}

}  // namespace

TEST(LearnLookDialog, LearnsFromTheJpegBesideTheRawPreviewsAndSaves) {
    test::TempDir dir("gui-learn");
    phonePair(dir.str("phone.dng"), dir.str("phone.jpg"), scene());
    LearnLookDialog dialog(QString::fromStdString(dir.str("phone.dng")), EditDocument{});
    ASSERT_EQ(dialog.pairs().size(), 1u);
    EXPECT_EQ(dialog.pairs()[0].jpeg, dir.str("phone.jpg")) << "the JPEG beside the raw";
    EXPECT_EQ(dialog.nameEdit()->text(), "phone");
    EXPECT_FALSE(dialog.saveButton()->isEnabled()) << "nothing learned yet";

    QSignalSpy learned(&dialog, &LearnLookDialog::learned);
    dialog.learn();
    EXPECT_FALSE(dialog.learnButton()->isEnabled()) << "while learning";
    ASSERT_TRUE(waitUntil([&] { return learned.count() == 1; }));
    ASSERT_TRUE(dialog.hasLook()) << dialog.reportLabel()->text().toStdString();
    EXPECT_FALSE(dialog.beforeView()->pixmap().isNull());
    EXPECT_FALSE(dialog.afterView()->pixmap().isNull());
    EXPECT_NE(dialog.beforeView()->pixmap().toImage(), dialog.afterView()->pixmap().toImage());
    EXPECT_TRUE(dialog.reportLabel()->text().contains("phone.dng → phone.jpg"))
        << dialog.reportLabel()->text().toStdString();
    EXPECT_TRUE(dialog.saveButton()->isEnabled());

    const QString folder = QString::fromStdString(dir.str("looks"));
    QSignalSpy saved(&dialog, &LearnLookDialog::lookSaved);
    dialog.nameEdit()->setText("Phone Vibrant");
    ASSERT_TRUE(dialog.save(folder));
    ASSERT_EQ(saved.count(), 1);
    EXPECT_EQ(saved[0][0].toString(), "Phone Vibrant");
    EXPECT_TRUE(saved[0][2].toBool()) << "apply is checked by default";
    const Look look = loadLook(dir.str("looks/phone-vibrant.look"));
    EXPECT_EQ(look.name, "Phone Vibrant");
    EXPECT_NE(look.description.find("phone.dng → phone.jpg"), std::string::npos);
    EXPECT_TRUE(fs::is_regular_file(dir.str("looks/luts/phone-vibrant.cube")));
}

TEST(LearnLookDialog, AJpegOfAnotherPictureIsRefusedWithTheReason) {
    test::TempDir dir("gui-learn-refuse");
    phonePair(dir.str("a.dng"), dir.str("a.jpg"), scene());
    phonePair(dir.str("b.dng"), dir.str("b.jpg"), blobs());
    LearnLookDialog dialog(QString::fromStdString(dir.str("a.dng")), EditDocument{});
    dialog.setJpeg(0, QString::fromStdString(dir.str("b.jpg")));
    QSignalSpy learned(&dialog, &LearnLookDialog::learned);
    dialog.learn();
    ASSERT_TRUE(waitUntil([&] { return learned.count() == 1; }));
    EXPECT_FALSE(dialog.hasLook());
    EXPECT_FALSE(dialog.saveButton()->isEnabled());
    bool reasonShown = false;
    for (QLabel* l : dialog.findChildren<QLabel*>())
        reasonShown = reasonShown || l->text().contains("does not show the same shot");
    EXPECT_TRUE(reasonShown) << "the reason is shown";
    EXPECT_TRUE(dialog.learnButton()->isEnabled()) << "another JPEG can be tried";
}

// The Photo menu's action: the saved look joins the Looks panel and is applied to the photo.
TEST(LearnLookDialog, TheMenuActionAppliesTheSavedLookToThePhoto) {
    test::TempDir dir("gui-learn-action");
    phonePair(dir.str("phone.dng"), dir.str("phone.jpg"), scene());
    EditorWidget editor;
    editor.resize(1200, 800);
    editor.show();
    QWidget window;
    QAction* action = createLearnLookAction(&editor, &window);
    EXPECT_FALSE(action->isEnabled()) << "no photo yet";
    editor.openPhoto(QString::fromStdString(dir.str("phone.dng")));
    ASSERT_TRUE(waitUntil([&] { return action->isEnabled(); }));

    bool saved = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<LearnLookDialog*>(QApplication::activeModalWidget());
        if (!dialog) return;
        QSignalSpy learned(dialog, &LearnLookDialog::learned);
        dialog->learn();
        if (waitUntil([&] { return learned.count() == 1; }) && dialog->hasLook()) {
            dialog->nameEdit()->setText("Phone From Menu");
            dialog->saveButton()->click();  // saves into the user's look folder and closes
            saved = true;
        }
        if (dialog->isVisible()) dialog->reject();
    });
    action->trigger();
    ASSERT_TRUE(saved);
    EXPECT_NE(editor.looksPanel()->library().find("Phone From Menu"), nullptr);
    EXPECT_EQ(editor.session()->edits().getText("look.name"), "Phone From Menu");
    EXPECT_TRUE(fs::exists(fs::path(userLookDir()) / "phone-from-menu.look"));
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    rf::gui::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates));
    QCoreApplication::setOrganizationName("RangefinderTests");
    QCoreApplication::setApplicationName("test_learn_look");
    static rf::test::TempDir settings("gui-learn-settings");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       QString::fromStdString(settings.str()));
    // Looks: the source tree's and the test's own user folder, not the user's.
    static rf::test::TempDir data("gui-learn-data");
    setenv("XDG_DATA_HOME", data.str().c_str(), 1);
    setenv("RANGEFINDER_LOOKS_PATH", (std::string(RF_SOURCE_DIR) + "/looks").c_str(), 1);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
