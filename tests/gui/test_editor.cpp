// SPDX-License-Identifier: GPL-3.0-or-later
// The Develop view driven as a photographer drives it, offscreen: open the synthetic chart DNG
// and the Canon raw, wait for the render, drag the exposure slider and see the image brighten,
// undo and redo, find the edits in the sidecar after the autosave, copy and paste (plain,
// selective, to other photos), compare before and after, pick white balance off a grey
// patch, crop to an aspect, and check that only the newest render is shown.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>
#include <QWidget>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "common/display_image.h"
#include "editor/crop_geometry.h"
#include "editor/cube_export_dialog.h"
#include "editor/editor_widget.h"
#include "editor/histogram_widget.h"
#include "editor/image_viewer.h"
#include "editor/looks_panel.h"
#include "editor/panels.h"
#include "editor/paste_dialog.h"
#include "editor/photo_session.h"
#include "editor/render_controller.h"
#include "i18n/translations.h"
#include "rangefinder/look.h"
#include "rangefinder/looks.h"
#include "rangefinder/lut.h"
#include "rangefinder/sidecar.h"
#include "support/qt_wait.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
using namespace rf::gui;
namespace fs = std::filesystem;

namespace {

const char* const kCanon = "/usr/share/doc/rawtran/IMG_5952.CR2";
constexpr int kChartW = 900, kChartH = 600;

using rf::test::waitUntil;

void mouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent e(type, pos, w->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// Drags a slider's handle by `dx` pixels in a few steps, as a hand would.
void dragSlider(QSlider* s, int dx) {
    const int len = s->style()->pixelMetric(QStyle::PM_SliderLength, nullptr, s);
    const int x = len / 2 + QStyle::sliderPositionFromValue(s->minimum(), s->maximum(), s->value(),
                                                            s->width() - len);
    const QPointF start(x, s->height() / 2.0);
    mouse(s, QEvent::MouseButtonPress, start, Qt::LeftButton);
    ASSERT_TRUE(s->isSliderDown()) << "the press must grab the handle";
    for (int i = 1; i <= 5; ++i) {
        mouse(s, QEvent::MouseMove, start + QPointF(dx * i / 5.0, 0), Qt::LeftButton);
        QCoreApplication::processEvents();
    }
    mouse(s, QEvent::MouseButtonRelease, start + QPointF(dx, 0), Qt::NoButton);
}

class EditorTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = std::make_unique<test::TempDir>("gui-editor");
        synth::DngOptions o;
        o.illuminantXYZ = kD65;
        synth::writeDng(dir_->str("chart.dng"), synth::renderChart(kChartW, kChartH).cview(), o);
        synth::writeDng(dir_->str("chart2.dng"), synth::renderChart(kChartW, kChartH).cview(), o);
        if (fs::exists(kCanon)) {
            fs::copy_file(kCanon, dir_->str("canon.CR2"));
            fs::copy_file(kCanon, dir_->str("canon2.CR2"));
        }
        editor_ = std::make_unique<EditorWidget>();
        editor_->resize(1400, 900);
        editor_->show();
        editor_->session()->setSaveDelay(50);
        QObject::connect(editor_->renderer(), &RenderController::frameReady, editor_.get(),
                         [this](const RenderedFrame& f) {
                             if (f.kind == RenderedFrame::View) shownKey_ = f.edits.hash();
                         });
    }

    void TearDown() override {
        editor_.reset();
        dir_.reset();
    }

    QString path(const std::string& name) const { return QString::fromStdString(dir_->str(name)); }

    bool haveCanon() const { return fs::exists(kCanon); }

    // Opens a photo and waits for its first render.
    void open(const std::string& name) {
        editor_->openPhoto(path(name));
        ASSERT_TRUE(waitUntil([&] { return editor_->viewer()->hasRender(); })) << name;
        settle();
    }

    // Waits until the newest interactive render shows the session's current edits (the
    // crop tool shows them without the crop).
    void settle() {
        ASSERT_TRUE(waitUntil([&] {
            const EditDocument& e = editor_->session()->edits();
            const bool cropTool = editor_->cropToolAction()->isChecked();
            return shownKey_ == (cropTool ? withoutCrop(e) : e).hash() &&
                   !editor_->viewer()->displayedImage().isNull();
        }));
    }

    double shownMean() const { return meanLevel(editor_->viewer()->displayedImage()); }

    ParamSlider* slider(const std::string& key) const {
        auto* s = editor_->findChild<ParamSlider*>(QString::fromStdString(key));
        EXPECT_NE(s, nullptr) << key;
        return s;
    }

    std::unique_ptr<test::TempDir> dir_;
    std::unique_ptr<EditorWidget> editor_;
    quint64 shownKey_ = 0;  // the edits behind the newest interactive frame
};

}  // namespace

TEST_F(EditorTest, OpensTheSyntheticDngWithInfoAndHistogram) {
    editor_->openPhoto(path("chart.dng"));
    EXPECT_EQ(editor_->currentPhoto(), path("chart.dng"));
    ASSERT_TRUE(waitUntil([&] { return editor_->viewer()->hasRender(); }));
    EXPECT_EQ(editor_->viewer()->frameSize(), QSize(kChartW, kChartH));
    EXPECT_FALSE(editor_->histogram()->histogram().empty());
    EXPECT_EQ(editor_->infoPanel()->field("Camera"), "Rangefinder Synthetic Chart");
    EXPECT_GT(shownMean(), 10);
}

TEST_F(EditorTest, CanonRawShowsItsEmbeddedPreviewThenTheRender) {
    if (!haveCanon()) GTEST_SKIP() << kCanon << " is absent";
    int previews = 0;
    QSize previewSize;
    QObject scope;
    QObject::connect(editor_->renderer(), &RenderController::previewReady, &scope,
                     [&](const QString&, const QImage& img) {
                         ++previews;
                         previewSize = img.size();
                     });
    open("canon.CR2");
    EXPECT_EQ(previews, 1);
    EXPECT_GT(previewSize.width(), 1000) << "the 30D's large embedded JPEG";
    const QSize frame = editor_->viewer()->frameSize();
    EXPECT_GT(frame.width() * frame.height(), 8'000'000);
    EXPECT_TRUE(editor_->infoPanel()->field("Camera").contains("Canon"));
    EXPECT_TRUE(editor_->infoPanel()->field("Camera").contains("30D"));
    EXPECT_TRUE(editor_->infoPanel()->field("ISO").toInt() > 0);
}

TEST_F(EditorTest, ExposureDragBrightensAsOneStepUndoAndRedo) {
    if (!haveCanon()) GTEST_SKIP() << kCanon << " is absent";
    open("canon.CR2");
    const double before = shownMean();
    QSlider* s = slider("exposure.ev")->slider();
    dragSlider(s, s->width() / 8);  // about +1.2 EV
    const double ev = editor_->session()->edits().getFloat("exposure.ev");
    EXPECT_GT(ev, 0.5);
    settle();
    const double after = shownMean();
    EXPECT_GT(after, before + 10) << "brighter by a visible amount";
    ASSERT_EQ(editor_->session()->history().steps().size(), 1u) << "a drag is one step";
    EXPECT_EQ(editor_->session()->history().steps()[0].label.rfind("Exposure +", 0), 0u)
        << editor_->session()->history().steps()[0].label;

    editor_->undoAction()->trigger();
    EXPECT_FALSE(editor_->session()->edits().isSet("exposure.ev"));
    settle();
    EXPECT_NEAR(shownMean(), before, 0.01);
    EXPECT_DOUBLE_EQ(slider("exposure.ev")->value(), 0.0) << "the slider follows the undo";

    editor_->redoAction()->trigger();
    EXPECT_DOUBLE_EQ(editor_->session()->edits().getFloat("exposure.ev"), ev);
    settle();
    EXPECT_NEAR(shownMean(), after, 0.01);
}

TEST_F(EditorTest, AutosaveWritesTheSidecarAndKeepsTheRating) {
    open("chart.dng");
    // The library rates the photo meanwhile: the autosave must keep that.
    Sidecar rated;
    rated.info.rating = 4;
    saveSidecar(dir_->str("chart.dng"), rated);

    QStringList saved;
    QObject scope;  // the connection ends with the test's locals
    QObject::connect(editor_.get(), &EditorWidget::editsSaved, &scope,
                     [&](const QString& p) { saved << p; });
    QSlider* s = slider("exposure.ev")->slider();
    dragSlider(s, s->width() / 10);
    ASSERT_TRUE(waitUntil([&] { return !saved.isEmpty(); }));
    EXPECT_EQ(saved.front(), path("chart.dng"));
    const Sidecar back = loadSidecar(dir_->str("chart.dng"));
    EXPECT_DOUBLE_EQ(back.edits.getFloat("exposure.ev"),
                     editor_->session()->edits().getFloat("exposure.ev"));
    EXPECT_EQ(back.history.steps().size(), 1u);
    EXPECT_EQ(back.info.rating, 4);
}

TEST_F(EditorTest, CopyAndPasteLeavesWhiteBalanceAndCropBehind) {
    open("chart.dng");
    EditDocument a = editor_->session()->edits();
    a.setFloat("exposure.ev", 0.7);
    a.setFloat("tone.contrast", 25);
    a.setText("wb.mode", "tungsten");
    a.setFloat("crop.left", 0.1);
    editor_->session()->apply(a, "edits");
    editor_->copyEditsAction()->trigger();
    ASSERT_TRUE(editor_->copiedEdits().has_value());

    open("chart2.dng");
    EditDocument b = editor_->session()->edits();
    b.setFloat("tone.shadows", 40);  // tone is replaced as a group: this goes
    editor_->session()->apply(b, "shadows");
    editor_->pasteEditsAction()->trigger();
    const EditDocument& pasted = editor_->session()->edits();
    EXPECT_DOUBLE_EQ(pasted.getFloat("exposure.ev"), 0.7);
    EXPECT_DOUBLE_EQ(pasted.getFloat("tone.contrast"), 25);
    EXPECT_FALSE(pasted.isSet("tone.shadows"));
    EXPECT_EQ(pasted.getText("wb.mode"), "as_shot");
    EXPECT_FALSE(pasted.isSet("crop.left"));
    ASSERT_TRUE(editor_->flush());
    const Sidecar side = loadSidecar(dir_->str("chart2.dng"));
    EXPECT_DOUBLE_EQ(side.edits.getFloat("exposure.ev"), 0.7);
    EXPECT_EQ(side.edits.getText("wb.mode"), "as_shot");
    EXPECT_EQ(side.history.steps().back().label, "Paste edits");

    editor_->undoAction()->trigger();  // the paste is one step
    EXPECT_DOUBLE_EQ(editor_->session()->edits().getFloat("tone.shadows"), 40);
}

TEST_F(EditorTest, SelectivePasteDialogDefaultsAndChoice) {
    open("chart.dng");
    EditDocument a = editor_->session()->edits();
    a.setFloat("exposure.ev", -0.4);
    a.setText("wb.mode", "shade");
    editor_->session()->apply(a, "edits");
    editor_->copyEditsAction()->trigger();
    open("chart2.dng");

    bool sawDefaults = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<PasteDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        sawDefaults = dialog->box(ParamGroup::Look)->isChecked() &&
                      dialog->box(ParamGroup::Tone)->isChecked() &&
                      dialog->box(ParamGroup::Color)->isChecked() &&
                      dialog->box(ParamGroup::Detail)->isChecked() &&
                      !dialog->box(ParamGroup::WhiteBalance)->isChecked() &&
                      !dialog->box(ParamGroup::Crop)->isChecked();
        dialog->box(ParamGroup::WhiteBalance)->setChecked(true);
        dialog->box(ParamGroup::Tone)->setChecked(false);
        dialog->accept();
    });
    editor_->pasteSelectiveAction()->trigger();
    EXPECT_TRUE(sawDefaults);
    EXPECT_EQ(editor_->session()->edits().getText("wb.mode"), "shade");
    EXPECT_FALSE(editor_->session()->edits().isSet("exposure.ev"));
}

TEST_F(EditorTest, PasteToOtherPhotosWritesTheirSidecars) {
    open("chart.dng");
    EditDocument a = editor_->session()->edits();
    a.setFloat("color.saturation", -30);
    editor_->session()->apply(a, "saturation");
    editor_->copyEditsAction()->trigger();
    QStringList saved;
    QObject scope;  // the connection ends with the test's locals
    QObject::connect(editor_.get(), &EditorWidget::editsSaved, &scope,
                     [&](const QString& p) { saved << p; });
    editor_->pasteEditsTo({path("chart2.dng")}, PasteDialog::defaultGroups());
    EXPECT_TRUE(saved.contains(path("chart2.dng")));
    const Sidecar side = loadSidecar(dir_->str("chart2.dng"));
    EXPECT_DOUBLE_EQ(side.edits.getFloat("color.saturation"), -30);
    EXPECT_EQ(side.history.steps().size(), 1u);
    EXPECT_EQ(editor_->currentPhoto(), path("chart.dng")) << "the open photo stays";
}

TEST_F(EditorTest, BeforeShowsTheUneditedRender) {
    open("chart.dng");
    const double unedited = shownMean();
    EditDocument a = editor_->session()->edits();
    a.setFloat("exposure.ev", 1.0);
    a.setText("wb.mode", "tungsten");
    editor_->session()->apply(a, "edits");
    settle();
    const double edited = shownMean();
    ASSERT_GT(std::abs(edited - unedited), 10);

    editor_->beforeAfterAction()->trigger();
    EXPECT_EQ(editor_->viewer()->compare(), ImageViewer::Compare::Before);
    ASSERT_TRUE(waitUntil([&] { return std::abs(shownMean() - unedited) < 0.01; }));

    editor_->splitViewAction()->trigger();
    EXPECT_EQ(editor_->viewer()->compare(), ImageViewer::Compare::Split);
    EXPECT_FALSE(editor_->beforeAfterAction()->isChecked());
    editor_->splitViewAction()->trigger();
    EXPECT_EQ(editor_->viewer()->compare(), ImageViewer::Compare::Off);
    EXPECT_NEAR(shownMean(), edited, 0.01);
}

TEST_F(EditorTest, EyedropperOnAGreyPatchSetsCustomWhiteBalance) {
    open("chart.dng");
    EditDocument a = editor_->session()->edits();
    a.setText("wb.mode", "tungsten");  // a strong blue cast on this daylight scene
    editor_->session()->apply(a, "tungsten");
    settle();

    ImageViewer* v = editor_->viewer();
    const Rect patch = synth::patchRect(21, kChartW, kChartH);  // neutral 5
    const QPointF centre(patch.x + patch.width / 2.0, patch.y + patch.height / 2.0);
    const auto cast = [&] {
        const QImage img = v->displayedImage();
        const double s = double(img.width()) / v->frameSize().width();
        const QRgb px = img.pixel(int(centre.x() * s), int(centre.y() * s));
        return qBlue(px) - qRed(px);
    };
    EXPECT_GT(cast(), 20) << "tungsten on daylight is blue";

    editor_->eyedropperAction()->trigger();
    EXPECT_EQ(v->tool(), ImageViewer::Tool::Eyedropper);
    const QPointF at = v->toView(centre);
    mouse(v, QEvent::MouseButtonPress, at, Qt::LeftButton);
    mouse(v, QEvent::MouseButtonRelease, at, Qt::NoButton);
    ASSERT_TRUE(
        waitUntil([&] { return editor_->session()->edits().getText("wb.mode") == "custom"; }));
    EXPECT_FALSE(editor_->eyedropperAction()->isChecked()) << "one pick ends the tool";
    settle();
    EXPECT_LE(std::abs(cast()), 3) << "the patch renders neutral";
    EXPECT_NEAR(editor_->session()->edits().getFloat("wb.temperature"), 6500, 800);
}

// Auto (the button at the Tone heading, Ctrl+U) sets the five tone values as one undoable
// step; they are ordinary values afterwards.
TEST_F(EditorTest, AutoToneSetsTheToneSlidersInOneUndoableStep) {
    open("chart.dng");
    ASSERT_TRUE(waitUntil([&] { return editor_->viewer()->hasRender(); }));
    auto* button = editor_->findChild<QAbstractButton*>("autoTone");
    ASSERT_NE(button, nullptr) << "Auto sits in the Basic panel";
    button->click();
    ASSERT_TRUE(waitUntil([&] { return editor_->session()->edits().isSet("exposure.ev"); }));
    for (const char* key : {"tone.highlights", "tone.shadows", "tone.whites", "tone.blacks"})
        EXPECT_TRUE(editor_->session()->edits().isSet(key)) << key;
    EXPECT_EQ(editor_->session()->history().steps().back().label, "Auto tone");
    editor_->undoAction()->trigger();
    EXPECT_FALSE(editor_->session()->edits().isSet("exposure.ev")) << "one step undoes it all";
}

TEST_F(EditorTest, AspectPresetSetsTheCropKeysAndTheFrameFollows) {
    if (!haveCanon()) GTEST_SKIP() << kCanon << " is absent";
    open("canon.CR2");
    const QSize whole = editor_->viewer()->frameSize();
    QComboBox* aspect = editor_->cropPanel()->aspectBox();
    emit aspect->activated(aspect->findData("1:1"));
    EXPECT_TRUE(editor_->cropToolAction()->isChecked());
    const EditDocument& e = editor_->session()->edits();
    EXPECT_EQ(e.getText("crop.aspect"), "1:1");
    const double w = (e.getFloat("crop.right") - e.getFloat("crop.left")) * whole.width();
    const double h = (e.getFloat("crop.bottom") - e.getFloat("crop.top")) * whole.height();
    EXPECT_NEAR(w, h, 1.0);
    EXPECT_NEAR(h, whole.height(), 1.0) << "the largest square";
    settle();
    EXPECT_EQ(editor_->viewer()->frameSize(), whole) << "the crop tool shows the whole frame";

    // Dragging the frame's right edge inwards keeps it square: it shrinks from the edge.
    ImageViewer* v = editor_->viewer();
    const QPointF edge =
        v->toView(QPointF(e.getFloat("crop.right") * whole.width(), 0.5 * whole.height()));
    mouse(v, QEvent::MouseButtonPress, edge, Qt::LeftButton);
    mouse(v, QEvent::MouseMove, edge - QPointF(60, 0), Qt::LeftButton);
    mouse(v, QEvent::MouseButtonRelease, edge - QPointF(60, 0), Qt::NoButton);
    const EditDocument& d = editor_->session()->edits();
    const double w2 = (d.getFloat("crop.right") - d.getFloat("crop.left")) * whole.width();
    const double h2 = (d.getFloat("crop.bottom") - d.getFloat("crop.top")) * whole.height();
    EXPECT_LT(w2, w - 50);
    EXPECT_NEAR(w2, h2, 1.0);
    EXPECT_EQ(editor_->session()->history().steps().back().label, "Crop");

    editor_->cropToolAction()->trigger();  // done: the render is cropped
    settle();
    const QSize cropped = v->frameSize();
    EXPECT_NEAR(cropped.width(), cropped.height(), 1);
    EXPECT_NEAR(cropped.width(), w2, 2);
}

TEST_F(EditorTest, QuarterTurnTurnsTheFrameAndTheCrop) {
    open("chart.dng");
    EditDocument a = editor_->session()->edits();
    a.setFloat("crop.left", 0.5);  // the right half
    editor_->session()->apply(a, "crop");
    settle();
    EXPECT_EQ(editor_->viewer()->frameSize(), QSize(kChartW / 2, kChartH));
    editor_->cropPanel()->findChild<QAbstractButton*>("rotate.right")->click();
    const EditDocument& e = editor_->session()->edits();
    EXPECT_EQ(e.getInt("geometry.rotate"), 90);
    // The right half of a landscape frame turned clockwise is the bottom half.
    EXPECT_DOUBLE_EQ(e.getFloat("crop.top"), 0.5);
    EXPECT_DOUBLE_EQ(e.getFloat("crop.left"), 0.0);
    settle();
    EXPECT_EQ(editor_->viewer()->frameSize(), QSize(kChartH, kChartW / 2));
}

TEST_F(EditorTest, ClippingWarningMarksBlownHighlights) {
    open("chart.dng");
    EditDocument a = editor_->session()->edits();
    a.setFloat("exposure.ev", 3);
    editor_->session()->apply(a, "exposure");
    settle();
    const auto count = [&](QRgb color) {
        const QImage img = editor_->viewer()->displayedImage();
        int n = 0;
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x) n += img.pixel(x, y) == color;
        return n;
    };
    EXPECT_EQ(count(kHighlightClipColor), 0);
    editor_->clippingAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return count(kHighlightClipColor) > 1000; }));
    editor_->clippingAction()->trigger();
    EXPECT_EQ(count(kHighlightClipColor), 0);
}

TEST_F(EditorTest, ResetAllAndPanelResetAreOneStepEach) {
    open("chart.dng");
    EditDocument a = editor_->session()->edits();
    a.setFloat("exposure.ev", 0.5);
    a.setFloat("geometry.angle", 3);
    editor_->session()->apply(a, "edits");
    editor_->basicPanel()->resetPanel();
    EXPECT_FALSE(editor_->session()->edits().isSet("exposure.ev"));
    EXPECT_TRUE(editor_->session()->edits().isSet("geometry.angle")) << "other panels' keys stay";
    editor_->resetAllAction()->trigger();
    EXPECT_TRUE(editor_->session()->edits().keys().empty());
    EXPECT_EQ(editor_->session()->history().steps().size(), 3u);

    // Double-clicking a slider resets it.
    a = editor_->session()->edits();
    a.setFloat("tone.contrast", 40);
    editor_->session()->apply(a, "contrast");
    QSlider* s = slider("tone.contrast")->slider();
    QMouseEvent dbl(QEvent::MouseButtonDblClick, QPointF(5, 5), s->mapToGlobal(QPointF(5, 5)),
                    Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(s, &dbl);
    EXPECT_FALSE(editor_->session()->edits().isSet("tone.contrast"));
}

TEST_F(EditorTest, TemperatureFromAsShotSwitchesToCustomWhereTheSliderWas) {
    open("chart.dng");
    ParamSlider* t = slider("wb.temperature");
    const double shown = t->value();
    EXPECT_NEAR(shown, 6500, 700) << "as shot under D65";
    dragSlider(t->slider(), 15);
    const EditDocument& e = editor_->session()->edits();
    EXPECT_EQ(e.getText("wb.mode"), "custom");
    EXPECT_GT(e.getFloat("wb.temperature"), shown);
    EXPECT_NEAR(e.getFloat("wb.tint"), slider("wb.tint")->value(), 1e-9);
}

TEST_F(EditorTest, UnreadableSidecarIsReportedKeptAndEditsStayInMemory) {
    const std::string side = dir_->str("chart.dng") + ".xmp";
    const std::string junk = "<x:xmpmeta this is not XMP";
    std::ofstream(side) << junk;
    QStringList messages;
    QObject scope;
    QObject::connect(editor_.get(), &EditorWidget::statusMessage, &scope,
                     [&](const QString& m) { messages << m; });
    open("chart.dng");
    ASSERT_FALSE(messages.isEmpty());
    EXPECT_TRUE(messages.back().contains("chart.dng.xmp")) << messages.back().toStdString();
    EditDocument a = editor_->session()->edits();
    a.setFloat("exposure.ev", 0.3);
    editor_->session()->apply(a, "exposure");
    EXPECT_FALSE(editor_->flush());
    EXPECT_TRUE(messages.back().contains("could not be saved")) << messages.back().toStdString();
    EXPECT_DOUBLE_EQ(editor_->session()->edits().getFloat("exposure.ev"), 0.3);
    std::ifstream in(side);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, junk) << "the unreadable sidecar is never overwritten";
}

TEST_F(EditorTest, OnlyTheNewestRenderIsDelivered) {
    open("chart.dng");
    RenderController* r = editor_->renderer();
    std::vector<double> delivered;
    QObject scope;
    QObject::connect(r, &RenderController::frameReady, &scope, [&](const RenderedFrame& f) {
        if (f.kind == RenderedFrame::View) delivered.push_back(f.edits.getFloat("exposure.ev"));
    });
    EditDocument e;
    for (int i = 1; i <= 12; ++i) {
        e.setFloat("exposure.ev", i * 0.1);
        r->render(RenderedFrame::View, e, QSize(800, 600));
    }
    ASSERT_TRUE(waitUntil([&] { return !delivered.empty() && delivered.back() > 1.15; }));
    waitUntil([] { return false; }, 300);  // nothing older may follow
    ASSERT_EQ(delivered.size(), 1u) << "stale renders are dropped";
    EXPECT_DOUBLE_EQ(delivered.back(), 1.2);
}

TEST_F(EditorTest, HundredPercentShowsTheFullResolutionRender) {
    open("chart.dng");
    editor_->resize(700, 500);  // smaller than the frame, so 100 % needs more pixels
    ASSERT_TRUE(
        waitUntil([&] { return editor_->viewer()->displayedImage().width() < kChartW * 0.7; }));
    editor_->zoom100Action()->trigger();
    EXPECT_NEAR(editor_->viewer()->zoom(), 1.0, 1e-9);
    ASSERT_TRUE(editor_->viewer()->wantsFullResolution());
    ASSERT_TRUE(waitUntil(
        [&] { return editor_->viewer()->displayedImage().size() == QSize(kChartW, kChartH); }));
    editor_->zoomFitAction()->trigger();
    EXPECT_TRUE(editor_->viewer()->isFit());
    EXPECT_LT(editor_->viewer()->displayedImage().width(), kChartW);
}

TEST_F(EditorTest, SwitchingPhotosSavesAtOnce) {
    open("chart.dng");
    editor_->session()->setSaveDelay(60000);  // only the switch can have saved it
    EditDocument a = editor_->session()->edits();
    a.setFloat("tone.blacks", -12);
    editor_->session()->apply(a, "blacks");
    editor_->openPhoto(path("chart2.dng"));
    EXPECT_DOUBLE_EQ(loadSidecar(dir_->str("chart.dng")).edits.getFloat("tone.blacks"), -12);
}

TEST_F(EditorTest, WheelZoomKeepsThePointUnderTheCursorAndDragPans) {
    open("chart.dng");
    editor_->resize(800, 600);
    ASSERT_TRUE(waitUntil([&] { return editor_->viewer()->fitRenderSize().width() < kChartW; }));
    ImageViewer* v = editor_->viewer();
    const QPointF at(v->width() * 0.3, v->height() * 0.6);
    const QPointF before = v->toFrame(at);
    QWheelEvent wheel(at, v->mapToGlobal(at), QPoint(), QPoint(0, 600), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(v, &wheel);  // five notches: larger than the view both ways
    EXPECT_FALSE(v->isFit());
    EXPECT_GT(v->zoom() * kChartH, v->height());
    const QPointF after = v->toFrame(at);
    EXPECT_NEAR(after.x(), before.x(), 0.5);
    EXPECT_NEAR(after.y(), before.y(), 0.5);

    // Dragging moves the frame with the mouse.
    const QPointF start(v->width() / 2.0, v->height() / 2.0);
    const QPointF underStart = v->toFrame(start);
    mouse(v, QEvent::MouseButtonPress, start, Qt::LeftButton);
    mouse(v, QEvent::MouseMove, start + QPointF(-40, -30), Qt::LeftButton);
    mouse(v, QEvent::MouseButtonRelease, start + QPointF(-40, -30), Qt::NoButton);
    const QPointF moved = v->toFrame(start + QPointF(-40, -30));
    EXPECT_NEAR(moved.x(), underStart.x(), 0.5);
    EXPECT_NEAR(moved.y(), underStart.y(), 0.5);

    QKeyEvent f(QEvent::KeyPress, Qt::Key_F, Qt::NoModifier, "f");
    QApplication::sendEvent(v, &f);
    EXPECT_TRUE(v->isFit());
    QApplication::sendEvent(v, &f);
    EXPECT_NEAR(v->zoom(), 1.0, 1e-9) << "F toggles fit and 100 %";
}

TEST_F(EditorTest, MonitorProfileReencodesTheDisplayNotTheHistogram) {
    open("chart.dng");
    const QImage srgb = editor_->viewer()->displayedImage();
    const Histogram hist = editor_->histogram()->histogram();
    const std::string profile = dir_->str("wide.icc");
    const auto icc = iccProfileFor(OutputSpace::AdobeRGB);
    std::ofstream(profile, std::ios::binary)
        .write(reinterpret_cast<const char*>(icc.data()), std::streamsize(icc.size()));
    QSettings().setValue("display/iccProfile", QString::fromStdString(profile));
    editor_->reloadDisplaySettings();
    ASSERT_TRUE(waitUntil([&] { return editor_->viewer()->displayedImage() != srgb; }));
    // A saturated patch moves inwards on a wider-gamut monitor; the histogram is the render's.
    const Rect red = synth::patchRect(14, kChartW, kChartH);
    const QRgb a = srgb.pixel(red.x + 10, red.y + 10);
    const QRgb b = editor_->viewer()->displayedImage().pixel(red.x + 10, red.y + 10);
    EXPECT_LT(qRed(b), qRed(a));
    EXPECT_EQ(editor_->histogram()->histogram().bins, hist.bins);

    QStringList messages;
    QObject scope;
    QObject::connect(editor_.get(), &EditorWidget::statusMessage, &scope,
                     [&](const QString& m) { messages << m; });
    QSettings().setValue("display/iccProfile", path("missing.icc"));
    editor_->reloadDisplaySettings();
    ASSERT_FALSE(messages.isEmpty());
    EXPECT_TRUE(messages.back().contains("missing.icc")) << messages.back().toStdString();
    ASSERT_TRUE(waitUntil([&] { return editor_->viewer()->displayedImage() == srgb; }))
        << "back to sRGB";
    QSettings().remove("display/iccProfile");
}

TEST_F(EditorTest, BrokenFilesAreReportedAndTheNextPhotoStillOpens) {
    RF_REQUIRE_TESTDATA("truncated");
    RF_REQUIRE_TESTDATA("raw/canon-eosd30.CRW");
    QStringList messages;
    QObject scope;
    QObject::connect(editor_.get(), &EditorWidget::statusMessage, &scope,
                     [&](const QString& m) { messages << m; });
    std::vector<fs::path> broken;
    for (const char* sub : {"truncated", "invalid"})
        for (const auto& e : fs::directory_iterator(test::testdata() / sub))
            if (e.path().extension() != ".md") broken.push_back(e.path());
    std::sort(broken.begin(), broken.end());
    ASSERT_FALSE(broken.empty());
    for (const fs::path& file : broken) {
        messages.clear();
        editor_->openPhoto(QString::fromStdString(file.string()));
        ASSERT_TRUE(waitUntil([&] {
            return !messages.isEmpty() || editor_->viewer()->hasRender();
        })) << file;
        EXPECT_FALSE(editor_->viewer()->hasRender()) << file << " must not render";
        ASSERT_FALSE(messages.isEmpty()) << file;
        EXPECT_TRUE(messages.back().contains(QString::fromStdString(file.filename().string())))
            << messages.back().toStdString();
    }
    // The editor goes on with the next photo.
    editor_->openPhoto(
        QString::fromStdString((test::testdata() / "raw/canon-eosd30.CRW").string()));
    ASSERT_TRUE(waitUntil([&] { return editor_->viewer()->hasRender(); }));
    EXPECT_TRUE(editor_->infoPanel()->field("Camera").contains("Canon"));
}

// ---- Looks ------------------------------------------------------------------------------

namespace {

// Clicks the gallery tile of a look ("" for None) as a person would.
void clickLook(LooksPanel* panel, const QString& name) {
    QListWidget* g = panel->gallery();
    for (int i = 0; i < g->count(); ++i) {
        if (g->item(i)->text() != (name.isEmpty() ? QString("None") : name)) continue;
        g->scrollToItem(g->item(i));
        const QPoint at = g->visualItemRect(g->item(i)).center();
        mouse(g->viewport(), QEvent::MouseButtonPress, at, Qt::LeftButton);
        mouse(g->viewport(), QEvent::MouseButtonRelease, at, Qt::NoButton);
        return;
    }
    ADD_FAILURE() << "no tile " << name.toStdString();
}

// Mean absolute difference of two same-sized images, 0…255.
double difference(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) return 255;
    double sum = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                   std::abs(qBlue(p) - qBlue(q));
        }
    return sum / (3.0 * a.width() * a.height());
}

}  // namespace

TEST_F(EditorTest, LooksGalleryShowsNoneEveryLookAndTheirThumbnails) {
    open("chart.dng");
    LooksPanel* looks = editor_->looksPanel();
    const LookLibrary& lib = looks->library();
    ASSERT_GE(lib.looks().size(), 2u) << "the installed looks and the test's user look";
    ASSERT_NE(lib.find("Test Mono"), nullptr) << "the user's folder is read";
    ASSERT_NE(lib.find("Leica Authentic"), nullptr) << "the installed folder is read";
    QListWidget* g = looks->gallery();
    EXPECT_EQ(g->item(0)->text(), "None");
    // Grouped by maker: a title tile (not selectable) opens each maker's looks, in the
    // library's order; the user's look, without a maker, comes last under "Other looks".
    int looksShown = 0, titles = 0;
    std::string maker = "?";
    for (int i = 1; i < g->count(); ++i) {
        const QListWidgetItem* item = g->item(i);
        if (item->flags() == Qt::NoItemFlags) {
            ++titles;
            continue;
        }
        const Look& look = lib.looks()[std::size_t(looksShown++)];
        EXPECT_EQ(item->text().toStdString(), look.name);
        if (look.maker != maker) {
            EXPECT_EQ(g->item(i - 1)->flags(), Qt::NoItemFlags) << look.name << " opens a group";
            EXPECT_TRUE(g->item(i - 1)->toolTip().contains(
                look.maker.empty() ? "Other" : QString::fromStdString(look.maker)))
                << g->item(i - 1)->toolTip().toStdString();
            maker = look.maker;
        }
    }
    EXPECT_EQ(looksShown, int(lib.looks().size()));
    EXPECT_GE(titles, 2) << "Leica and the user's own";
    EXPECT_EQ(lib.looks().back().name, "Test Mono") << "no maker: last";
    ASSERT_TRUE(waitUntil([&] { return looks->thumbnailsShown() == looksShown + 1; }));
    const QSize icon = g->iconSize();
    for (int i = 0; i < g->count(); ++i)
        EXPECT_FALSE(g->item(i)->icon().pixmap(icon).isNull()) << i;
}

TEST_F(EditorTest, ApplyingALookIsOneClickAndOneUndo) {
    open("chart.dng");
    const QImage plain = editor_->viewer()->displayedImage();
    clickLook(editor_->looksPanel(), "Test Mono");
    EXPECT_EQ(editor_->session()->edits().getText("look.name"), "Test Mono");
    EXPECT_TRUE(editor_->session()->edits().getBool("look.mono.enabled"));
    ASSERT_EQ(editor_->session()->history().steps().size(), 1u);
    EXPECT_EQ(editor_->session()->history().steps()[0].label, "Look: Test Mono");
    settle();
    const QImage mono = editor_->viewer()->displayedImage();
    EXPECT_GT(difference(plain, mono), 5) << "the image changes";
    // Black and white: the red patch (index 14) has no colour left.
    const Rect red = synth::patchRect(14, kChartW, kChartH);
    const QRgb px = mono.pixel(red.x + red.width / 2, red.y + red.height / 2);
    EXPECT_LE(std::abs(qRed(px) - qBlue(px)), 2);
    EXPECT_TRUE(editor_->looksPanel()->strength()->isEnabled());

    // Strength blends it back towards the plain render.
    QSlider* s = editor_->looksPanel()->strength()->slider();
    dragSlider(s, -s->width() / 2);
    EXPECT_LT(editor_->session()->edits().getFloat("look.strength"), 60);
    settle();
    const QImage half = editor_->viewer()->displayedImage();
    EXPECT_LT(difference(plain, half), difference(plain, mono));

    editor_->undoAction()->trigger();
    editor_->undoAction()->trigger();
    EXPECT_TRUE(editor_->session()->edits().getText("look.name").empty());
    settle();
    EXPECT_EQ(difference(plain, editor_->viewer()->displayedImage()), 0) << "undo removes it";

    clickLook(editor_->looksPanel(), "Leica Authentic");
    settle();
    EXPECT_GT(difference(plain, editor_->viewer()->displayedImage()), 1);
    clickLook(editor_->looksPanel(), "");  // None
    EXPECT_TRUE(editor_->session()->edits().getText("look.name").empty());
    EXPECT_FALSE(editor_->session()->edits().isSet("look.tone.contrast"));
}

TEST_F(EditorTest, ExportLookAsCubeOffersTheSpaceWithSrgbFirst) {
    open("chart.dng");
    clickLook(editor_->looksPanel(), "Leica Authentic");
    QStringList messages;
    QObject scope;
    QObject::connect(editor_->looksPanel(), &LooksPanel::message, &scope,
                     [&](const QString& m) { messages << m; });
    editor_->looksPanel()->exportCubeButton()->click();
    auto* dialog = editor_->looksPanel()->findChild<CubeExportDialog*>();
    ASSERT_NE(dialog, nullptr) << "the button opens the dialog";
    EXPECT_TRUE(dialog->isVisible());
    // The photo's look, display-referred sRGB, 33 points.
    EXPECT_EQ(dialog->lookBox()->currentText(), "Leica Authentic");
    EXPECT_EQ(dialog->space(), CubeSpace::SRGB);
    EXPECT_EQ(dialog->spaceBox()->count(), 3);
    EXPECT_EQ(dialog->sizeBox()->value(), 33);
    EXPECT_TRUE(dialog->fileEdit()->text().endsWith("leica-authentic.cube"))
        << dialog->fileEdit()->text().toStdString();

    // A folder that does not exist: the problem is shown and the dialog stays.
    dialog->fileEdit()->setText(path("missing/x.cube"));
    dialog->accept();
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_TRUE(dialog->errorLabel()->isVisibleTo(dialog));
    EXPECT_TRUE(dialog->errorLabel()->text().contains("x.cube"))
        << dialog->errorLabel()->text().toStdString();

    const std::string out = dir_->str("authentic.cube");
    dialog->fileEdit()->setText(QString::fromStdString(out));
    dialog->accept();
    ASSERT_TRUE(fs::exists(out));
    EXPECT_TRUE(waitUntil([&] { return !editor_->looksPanel()->findChild<CubeExportDialog*>(); }))
        << "closed after writing";
    ASSERT_FALSE(messages.isEmpty());
    EXPECT_TRUE(messages.back().contains("authentic.cube")) << messages.back().toStdString();
    const LookLibrary& lib = editor_->looksPanel()->library();
    const LookParams p = LookParams::from(withLook({}, *lib.find("Leica Authentic"), 100.0));
    EXPECT_EQ(readCube(out).data(), bakeLookCube(p, CubeSpace::SRGB, 33).data());
    EXPECT_NE(test::readFile(out).find("Space: sRGB"), std::string::npos);

    // Another look, ACEScct, 65 points: the suggested file name follows the look.
    dialog = editor_->looksPanel()->showCubeExport();
    ASSERT_NE(dialog, nullptr);
    dialog->lookBox()->setCurrentText("Leica Vibrant");
    EXPECT_TRUE(dialog->fileEdit()->text().endsWith("leica-vibrant.cube"))
        << dialog->fileEdit()->text().toStdString();
    EXPECT_EQ(QFileInfo(dialog->fileEdit()->text()).absolutePath(),
              QFileInfo(QString::fromStdString(out)).absolutePath())
        << "the last folder is remembered";
    dialog->spaceBox()->setCurrentIndex(2);
    EXPECT_EQ(dialog->space(), CubeSpace::ACEScct);
    dialog->sizeBox()->setValue(65);
    const std::string cct = dialog->fileEdit()->text().toStdString();
    dialog->accept();
    ASSERT_TRUE(fs::exists(cct));
    EXPECT_EQ(readCube(cct).size(), 65);
    EXPECT_NE(test::readFile(cct).find("Leica Vibrant"), std::string::npos);
    EXPECT_NE(test::readFile(cct).find("Space: ACEScct"), std::string::npos);
}

TEST_F(EditorTest, ApplyLookToOtherPhotosWritesTheirSidecars) {
    open("chart.dng");
    editor_->applyLookTo({path("chart.dng"), path("chart2.dng")}, "Leica Authentic");
    EXPECT_EQ(editor_->session()->edits().getText("look.name"), "Leica Authentic");
    const Sidecar other = loadSidecar(dir_->str("chart2.dng"));
    EXPECT_EQ(other.edits.getText("look.name"), "Leica Authentic");
    const LookLibrary looks = LookLibrary::load({std::string(RF_SOURCE_DIR) + "/looks"});
    const Look* authentic = looks.find("Leica Authentic");
    ASSERT_NE(authentic, nullptr);
    EXPECT_DOUBLE_EQ(other.edits.getFloat("look.tone.contrast"),
                     authentic->params.getFloat("look.tone.contrast"));
    EXPECT_EQ(other.history.steps().back().label, "Look: Leica Authentic");
    editor_->applyLookTo({path("chart2.dng")}, "");
    EXPECT_TRUE(loadSidecar(dir_->str("chart2.dng")).edits.getText("look.name").empty());
}

int main(int argc, char** argv) {
    // Offscreen unless told otherwise: test discovery at build time runs without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The app's English, its plural forms included, whatever the machine's language.
    rf::gui::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates));
    QCoreApplication::setOrganizationName("RangefinderTests");
    QCoreApplication::setApplicationName("test_editor");
    // Settings of the test run, not the user's.
    static rf::test::TempDir settings("gui-editor-settings");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       QString::fromStdString(settings.str()));
    // Looks: the source tree's installed ones and one user look, not the user's own.
    static rf::test::TempDir data("gui-editor-data");
    setenv("XDG_DATA_HOME", data.str().c_str(), 1);
    setenv("RANGEFINDER_LOOKS_PATH", (std::string(RF_SOURCE_DIR) + "/looks").c_str(), 1);
    fs::create_directories(data.path() / "rangefinder" / "looks");
    std::ofstream(data.path() / "rangefinder" / "looks" / "test-mono.look")
        << "format = \"rangefinder-look\"\nversion = 1\nname = \"Test Mono\"\n"
           "category = \"monochrome\"\n[mono]\nenabled = true\n";
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

// The panels come from the declarations: every parameter a stage places on a panel has its
// control there, of the kind its type asks for, and moving it changes the photo's edits.
TEST_F(EditorTest, EveryDeclaredControlIsOnItsPanel) {
    open("chart.dng");
    int shown = 0;
    for (const ParamDecl& d : schema()) {
        if (d.panel.empty()) continue;
        const QString key = QString::fromStdString(d.key);
        QWidget* control = nullptr;
        switch (d.type) {
            case ParamType::Float:
            case ParamType::Int:
                control = editor_->findChild<ParamSlider*>(key);
                break;
            case ParamType::Choice:
                control = editor_->findChild<QComboBox*>(key);
                break;
            case ParamType::Bool:
                control = editor_->findChild<QCheckBox*>(key);
                break;
            case ParamType::Text:  // a panel's own control (the lens picker), named by its key
                control = editor_->findChild<QWidget*>(key);
                break;
        }
        EXPECT_NE(control, nullptr) << d.key << " is placed on panel " << d.panel;
        ++shown;
    }
    EXPECT_GT(shown, 15);
    // A generated slider edits its key.
    ParamSlider* vignette = slider("look.vignette.amount");
    ASSERT_NE(vignette, nullptr);
    vignette->setValue(-1.0);
    emit vignette->changing(QString(), -1.0);
    emit vignette->committed(QString(), -1.0);
    EXPECT_DOUBLE_EQ(editor_->session()->edits().getFloat("look.vignette.amount"), -1.0);
}

// The lens panel says which profile the photo found, or that there is none, and a lens picked
// from the database's list is saved by its name; "From the photo" goes back to the match.
TEST_F(EditorTest, LensPanelShowsTheProfileAndPicksALensByName) {
    open("chart.dng");  // a synthetic camera no lens database knows
    LensPanel* lens = editor_->lensPanel();
    ASSERT_NE(lens, nullptr);
    ASSERT_TRUE(waitUntil([&] { return !lens->status().isEmpty(); }));
    EXPECT_TRUE(lens->status().contains("does not name its lens", Qt::CaseInsensitive))
        << lens->status().toStdString();
    if (!haveCanon()) GTEST_SKIP() << "no Canon raw at " << kCanon;
    if (lensesForCamera(CaptureInfo{}).empty()) GTEST_SKIP() << "lensfun's database absent";

    open("canon.CR2");  // Canon EOS 30D with the EF-S 18-55mm at 22 mm
    ASSERT_TRUE(waitUntil([&] { return lens->status().contains("18-55"); }))
        << lens->status().toStdString();
    QComboBox* box = lens->lensBox();
    ASSERT_GT(box->count(), 10) << "the lenses for the camera's mount";
    EXPECT_EQ(box->currentIndex(), 0) << box->currentText().toStdString();
    EXPECT_TRUE(box->itemData(0).toString().isEmpty()) << "first: the lens the photo names";
    int other = -1;
    for (int i = 1; i < box->count() && other < 0; ++i)
        if (!box->itemText(i).contains("18-55")) other = i;
    ASSERT_GE(other, 1);
    const QString name = box->itemData(other).toString();
    emit box->activated(other);
    EXPECT_EQ(editor_->session()->edits().getText("lens.lens"), name.toStdString());
    EXPECT_TRUE(lens->status().contains(name))
        << lens->status().toStdString() << " / " << name.toStdString();
    editor_->session()->undo();
    EXPECT_EQ(editor_->session()->edits().getText("lens.lens"), "");
    EXPECT_EQ(box->currentIndex(), 0);
}

// Scrolling the panel column with the wheel scrolls past a list box under the pointer instead
// of changing its setting (a lens or a demosaic picked by accident); with the focus, it steps.
TEST_F(EditorTest, WheelOverAListBoxScrollsPastIt) {
    open("chart.dng");
    auto* box = editor_->findChild<QComboBox*>("demosaic.method");
    ASSERT_NE(box, nullptr);
    const int before = box->currentIndex();
    const QPointF at(box->width() / 2.0, box->height() / 2.0);
    QWheelEvent wheel(at, box->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(box, &wheel);
    EXPECT_EQ(box->currentIndex(), before);
    EXPECT_FALSE(editor_->session()->edits().isSet("demosaic.method"));
}
