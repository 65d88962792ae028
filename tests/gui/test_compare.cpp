// SPDX-License-Identifier: GPL-3.0-or-later
// Comparing an edit with the camera's own picture, offscreen: the before half of the split
// view, of the side-by-side view and the full before show the camera's embedded JPEG (pixel
// for pixel what decodePreview gives, where the registration placed it on the frame), cropped
// and turned as the edit is; side by side both panes show the same part of the frame and zoom
// together; the halves are labelled; a raw without a usable JPEG disables the choice and says
// why; the choice is kept in the settings. The registration itself is checked against a
// known crop of a real picture.
#include <gtest/gtest.h>

#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QMouseEvent>
#include <QSettings>
#include <QStandardItemModel>
#include <QWheelEvent>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <thread>

#include "common/display_image.h"
#include "editor/camera_jpeg.h"
#include "editor/crop_geometry.h"
#include "editor/editor_widget.h"
#include "editor/image_viewer.h"
#include "editor/photo_session.h"
#include "editor/render_controller.h"
#include "i18n/translations.h"
#include "rangefinder/raw.h"
#include "support/qt_wait.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
using namespace rf::gui;
namespace fs = std::filesystem;

namespace {

const char* const kCanon = "/usr/share/doc/rawtran/IMG_5952.CR2";

using rf::test::waitUntil;

// Mean colour of a (2r+1)² patch, clamped to the image.
struct Rgb {
    double r = 0, g = 0, b = 0;
};

Rgb patch(const QImage& img, QPointF at, int r = 3) {
    Rgb m;
    int n = 0;
    for (int y = int(at.y()) - r; y <= int(at.y()) + r; ++y)
        for (int x = int(at.x()) - r; x <= int(at.x()) + r; ++x) {
            const QRgb p =
                img.pixel(std::clamp(x, 0, img.width() - 1), std::clamp(y, 0, img.height() - 1));
            m.r += qRed(p), m.g += qGreen(p), m.b += qBlue(p);
            ++n;
        }
    m.r /= n, m.g /= n, m.b /= n;
    return m;
}

double difference(const Rgb& a, const Rgb& b) {
    return (std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b)) / 3;
}

QImage cameraPreview(const std::string& raw = kCanon) {
    return decodePreview(extractPreview(raw), readCaptureInfo(raw).orientation);
}

// A copy of the Canon raw whose embedded JPEG has its red and blue swapped — still the same
// picture, but one no rendering of the raw looks like — written in the old one's place and
// padded, so the raw data and every offset stay.
void writeSwappedCanon(const std::string& out) {
    std::ifstream in(kCanon, std::ios::binary);
    std::vector<char> file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::vector<std::uint8_t> jpeg = extractPreview(kCanon);
    ASSERT_FALSE(jpeg.empty());
    const auto at = std::search(file.begin(), file.end(), jpeg.begin(), jpeg.end(),
                                [](char a, std::uint8_t b) { return std::uint8_t(a) == b; });
    ASSERT_NE(at, file.end());
    QImage stored;
    ASSERT_TRUE(stored.loadFromData(jpeg.data(), int(jpeg.size())));
    QByteArray bytes;
    for (int quality = 90; quality > 40; quality -= 10) {
        bytes.clear();
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        ASSERT_TRUE(stored.rgbSwapped().save(&buffer, "JPG", quality));
        if (bytes.size() <= qsizetype(jpeg.size())) break;
    }
    ASSERT_LE(bytes.size(), qsizetype(jpeg.size()));
    std::fill(at, at + std::ptrdiff_t(jpeg.size()), 0);
    std::copy(bytes.begin(), bytes.end(), at);
    std::ofstream(out, std::ios::binary).write(file.data(), std::streamsize(file.size()));
}

// A display image as the core's float RGB.
Image toImage(const QImage& q) {
    const QImage img = q.convertToFormat(QImage::Format_RGB32);
    Image out(img.width(), img.height(), 3);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const QRgb p = img.pixel(x, y);
            out.row(y)[3 * x] = qRed(p) / 255.f;
            out.row(y)[3 * x + 1] = qGreen(p) / 255.f;
            out.row(y)[3 * x + 2] = qBlue(p) / 255.f;
        }
    return out;
}

class CompareTest : public ::testing::Test {
  protected:
    void SetUp() override {
        QSettings().remove("editor/compareWith");
        dir_ = std::make_unique<test::TempDir>("gui-compare");
        synth::DngOptions o;
        o.illuminantXYZ = kD65;
        synth::writeDng(dir_->str("chart.dng"), synth::renderChart(600, 400).cview(), o);
        if (fs::exists(kCanon)) {
            fs::copy_file(kCanon, dir_->str("canon.CR2"));
            writeSwappedCanon(dir_->str("swapped.CR2"));
        }
        makeEditor();
    }

    void TearDown() override {
        editor_.reset();
        dir_.reset();
        QSettings().remove("editor/compareWith");
    }

    void makeEditor() {
        editor_ = std::make_unique<EditorWidget>();
        editor_->resize(1400, 900);
        editor_->show();
        editor_->session()->setSaveDelay(50);
        QObject::connect(editor_->renderer(), &RenderController::frameReady, editor_.get(),
                         [this](const RenderedFrame& f) {
                             if (f.kind == RenderedFrame::View) shownKey_ = f.edits.hash();
                             if (f.kind == RenderedFrame::Before && f.cameraJpeg)
                                 cameraFrame_ = f.fullSize;
                         });
    }

    QString path(const std::string& name) const { return QString::fromStdString(dir_->str(name)); }

    void open(const std::string& name) {
        editor_->openPhoto(path(name));
        ASSERT_TRUE(waitUntil([&] { return editor_->viewer()->hasRender(); })) << name;
        settle();
    }

    // The newest view shows the current edits and the before image of its frame is there.
    void settle(bool before = false) {
        ASSERT_TRUE(waitUntil([&] {
            const EditDocument& e = editor_->session()->edits();
            const bool cropTool = editor_->cropToolAction()->isChecked();
            return shownKey_ == (cropTool ? withoutCrop(e) : e).hash() &&
                   (!before || !editor_->viewer()->beforeImage().isNull());
        }));
    }

    // What the camera's JPEG shows at a point of the frame (full-resolution frame pixels of
    // the uncropped, unturned frame), by the placement the renderer found: the mean over the
    // area a `radius` patch covers on screen at `zoom` (screen pixels per frame pixel).
    Rgb jpegAt(const QImage& jpeg, QPointF frame, QSize frameSize, double zoom,
               int radius = 3) const {
        const QRectF place = *editor_->renderer()->cameraJpegPlacement();
        const double u = frame.x() / frameSize.width(), v = frame.y() / frameSize.height();
        const QPointF at((u - place.x()) / place.width() * jpeg.width(),
                         (v - place.y()) / place.height() * jpeg.height());
        const double perScreen = jpeg.width() / (place.width() * frameSize.width()) / zoom;
        return patch(jpeg, at, std::max(1, int(std::lround(radius * perScreen))));
    }

    std::unique_ptr<test::TempDir> dir_;
    std::unique_ptr<EditorWidget> editor_;
    quint64 shownKey_ = 0;
    QSize cameraFrame_;
};

// Points of the 30D's frame (fractions) with distinct detail: the red and white mast, the
// second mast, the horizon, the forest, the wall, the clouds.
const QPointF kSpots[] = {{0.22, 0.30}, {0.38, 0.40}, {0.55, 0.50}, {0.70, 0.20},
                          {0.15, 0.75}, {0.80, 0.62}, {0.45, 0.92}, {0.60, 0.08}};

}  // namespace

TEST_F(CompareTest, CameraJpegIsTheBeforeHalfOfTheSplit) {
    if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
    open("swapped.CR2");
    ImageViewer* v = editor_->viewer();
    ASSERT_TRUE(editor_->cameraCompareAction()->isEnabled());
    EXPECT_EQ(v->compare(), ImageViewer::Compare::Off);

    // Unedited first: what the test tells the camera's picture from.
    editor_->splitViewAction()->trigger();
    settle(true);
    v->setSplitPosition(1.0);  // the before everywhere
    const QImage unedited = v->grab().toImage();

    editor_->cameraCompareAction()->trigger();
    EXPECT_EQ(v->compare(), ImageViewer::Compare::Split);
    EXPECT_EQ(v->beforeLabel(), "Camera JPEG");
    EXPECT_EQ(v->afterLabel(), "Edited");
    ASSERT_TRUE(waitUntil([&] { return cameraFrame_ == v->frameSize(); }));
    settle(true);
    ASSERT_TRUE(editor_->renderer()->cameraJpegPlacement().has_value());
    const QImage shown = v->grab().toImage();
    const QImage jpeg = cameraPreview(dir_->str("swapped.CR2"));
    const QSize frame = v->frameSize();
    double camera = 0, render = 0;
    for (const QPointF& s : kSpots) {
        const QPointF f(s.x() * frame.width(), s.y() * frame.height());
        const QPointF at = v->toView(f) * shown.devicePixelRatio();
        const Rgb want = jpegAt(jpeg, f, frame, v->zoom());
        camera += difference(patch(shown, at), want);
        render += difference(patch(unedited, at), want);
    }
    camera /= std::size(kSpots);
    render /= std::size(kSpots);
    EXPECT_LT(camera, 4.0) << "the before half is the camera's JPEG";
    EXPECT_GT(render, 5 * camera) << "and not the unedited render";

    // The full before, too; back to the unedited render on C.
    editor_->beforeAfterAction()->trigger();
    EXPECT_EQ(v->displayedImage(), v->beforeImage());
    editor_->cameraCompareAction()->trigger();
    EXPECT_EQ(v->beforeLabel(), "Before");
    EXPECT_EQ(v->compare(), ImageViewer::Compare::Before) << "the view stays";
}

TEST_F(CompareTest, RegistrationFindsTheCameraJpegsFrame) {
    if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
    open("canon.CR2");
    editor_->cameraCompareAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return cameraFrame_ == editor_->viewer()->frameSize(); }));
    const QRectF place = *editor_->renderer()->cameraJpegPlacement();
    // The 30D frames its JPEG a little inside the area the raw decodes to (3504 of the
    // sensor's columns), centred; with the lens correction's zoom it may reach slightly past.
    EXPECT_GT(place.width(), 0.95);
    EXPECT_LT(place.width(), 1.05);
    EXPECT_NEAR(place.center().x(), 0.5, 0.02);
    EXPECT_NEAR(place.center().y(), 0.5, 0.02);
    const QSize frame = editor_->viewer()->frameSize();
    const QSize jpeg = cameraPreview().size();
    EXPECT_NEAR(place.width() * frame.width() / (place.height() * frame.height()),
                double(jpeg.width()) / jpeg.height(), 1e-3)
        << "the JPEG keeps its own shape";
}

// A known truth: the frame is a real picture, the "JPEG" a crop of it of another shape,
// reduced; the registration finds the crop to a fraction of a pixel.
TEST(CameraPlacement, RegistrationFindsAKnownCrop) {
    if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
    const QImage picture = cameraPreview();
    ASSERT_FALSE(picture.isNull());
    const Image frame =
        toImage(picture.scaled(400, 267, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
    struct Case {
        QRectF crop;
    } cases[] = {{QRectF(0.02, 0.015, 0.96, 0.97)},  // a few pixels of sensor border
                 {QRectF(0.0, 0.125, 1.0, 0.75)},    // a phone's 16:9 of a 3:2 sensor
                 {QRectF(0.08, 0.02, 0.80, 0.93)}};  // off centre, another shape
    for (const Case& c : cases) {
        const QRect px(int(std::lround(c.crop.x() * picture.width())),
                       int(std::lround(c.crop.y() * picture.height())),
                       int(std::lround(c.crop.width() * picture.width())),
                       int(std::lround(c.crop.height() * picture.height())));
        const QRectF truth(double(px.x()) / picture.width(), double(px.y()) / picture.height(),
                           double(px.width()) / picture.width(),
                           double(px.height()) / picture.height());
        const QImage jpeg = picture.copy(px).scaled(px.size() * 0.22, Qt::KeepAspectRatio,
                                                    Qt::SmoothTransformation);
        const CameraPlacement found =
            placeCameraJpeg(jpeg, QSizeF(px.size()), frame, QSizeF(picture.size()));
        EXPECT_TRUE(found.registered) << found.correlation;
        EXPECT_NEAR(found.rect.left(), truth.left(), 0.003);
        EXPECT_NEAR(found.rect.top(), truth.top(), 0.003);
        EXPECT_NEAR(found.rect.right(), truth.right(), 0.003);
        EXPECT_NEAR(found.rect.bottom(), truth.bottom(), 0.003);
    }
    // Nothing to register by: centred, at the largest size of its shape.
    QImage flat(320, 180, QImage::Format_RGB32);
    flat.fill(QColor(120, 130, 140));
    const CameraPlacement none = placeCameraJpeg(flat, {}, frame);
    EXPECT_FALSE(none.registered);
    EXPECT_EQ(none.rect, centredPlacement(QSizeF(320, 180), QSizeF(400, 267)));
    EXPECT_NEAR(none.rect.height(), (400.0 / 267) / (320.0 / 180), 1e-9);
}

TEST_F(CompareTest, SideBySideShowsBothAndZoomsThemTogether) {
    if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
    open("swapped.CR2");
    ImageViewer* v = editor_->viewer();
    const QSize wholeFit = v->fitRenderSize();
    editor_->sideBySideAction()->trigger();
    EXPECT_EQ(v->compare(), ImageViewer::Compare::SideBySide);
    EXPECT_LT(v->fitRenderSize().width(), wholeFit.width() / 2 + 1) << "each pane half the room";
    settle();
    ASSERT_TRUE(waitUntil([&] { return v->renderSize().width() <= v->fitRenderSize().width(); }));
    editor_->cameraCompareAction()->trigger();
    EXPECT_EQ(v->compare(), ImageViewer::Compare::SideBySide) << "the chosen view stays";
    ASSERT_TRUE(waitUntil([&] { return cameraFrame_ == v->frameSize(); }));
    settle(true);

    const QRectF left = v->paneRect(true), right = v->paneRect(false);
    EXPECT_LE(left.right(), right.left());
    const double shift = right.left() - left.left();
    const QImage shown = v->grab().toImage();
    const QImage jpeg = cameraPreview(dir_->str("swapped.CR2"));
    const QImage after = v->displayedImage();
    const QSize frame = v->frameSize();
    double camera = 0, edited = 0, swapped = 0;
    for (const QPointF& s : kSpots) {
        const QPointF f(s.x() * frame.width(), s.y() * frame.height());
        const QPointF at = v->toView(f);  // in the after pane
        ASSERT_TRUE(right.contains(at));
        ASSERT_TRUE(left.contains(at - QPointF(shift, 0)));
        const Rgb want = jpegAt(jpeg, f, frame, v->zoom());
        camera +=
            difference(patch(shown, (at - QPointF(shift, 0)) * shown.devicePixelRatio()), want);
        const QPointF inRender(s.x() * after.width(), s.y() * after.height());
        const Rgb inRight = patch(shown, at * shown.devicePixelRatio());
        edited += difference(inRight, patch(after, inRender));
        swapped += difference(inRight, want);
    }
    EXPECT_LT(camera / std::size(kSpots), 4.0) << "the left pane is the camera's JPEG";
    EXPECT_LT(edited / std::size(kSpots), 4.0) << "the right pane is the edit";
    EXPECT_GT(swapped / std::size(kSpots), 8.0) << "and they differ";

    // The wheel over the left pane zooms both around the point under it.
    const QPointF at = left.center() + QPointF(40, -30);
    const QPointF before = v->toFrame(at);
    QWheelEvent wheel(at, v->mapToGlobal(at), QPoint(), QPoint(0, 960), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(v, &wheel);
    EXPECT_FALSE(v->isFit());
    const QPointF afterZoom = v->toFrame(at);
    EXPECT_NEAR(afterZoom.x(), before.x(), 0.5);
    EXPECT_NEAR(afterZoom.y(), before.y(), 0.5);
    const QPointF twin = v->toFrame(at + QPointF(shift, 0));
    EXPECT_NEAR(twin.x(), afterZoom.x(), 1e-6) << "both panes show the same frame point";
    EXPECT_NEAR(twin.y(), afterZoom.y(), 1e-6);
}

TEST_F(CompareTest, CropAndTurnFrameTheCameraJpegAsTheEdit) {
    if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
    open("swapped.CR2");
    ImageViewer* v = editor_->viewer();
    const QSize uncropped = v->frameSize();
    editor_->cameraCompareAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return cameraFrame_ == v->frameSize(); }));
    editor_->beforeAfterAction()->trigger();  // the before alone

    // The mast's top half, as a tall crop.
    const QRectF crop(0.12, 0.05, 0.25, 0.6);
    EditDocument doc = editor_->session()->edits();
    setCrop(doc, crop, "free");
    editor_->session()->apply(doc, "crop");
    settle();
    ASSERT_TRUE(waitUntil([&] { return cameraFrame_ == v->frameSize(); }));
    settle(true);
    const QImage before = v->beforeImage();
    const QSize frame = v->frameSize();
    ASSERT_LT(frame.width(), frame.height());
    EXPECT_NEAR(double(before.width()) / before.height(), double(frame.width()) / frame.height(),
                0.01)
        << "the camera's half has the crop's shape";
    const QImage jpeg = cameraPreview(dir_->str("swapped.CR2"));
    const double zoom = double(before.width()) / frame.width();  // image px per frame px
    double diff = 0;
    for (const QPointF& s : {QPointF(0.4, 0.4), QPointF(0.6, 0.7), QPointF(0.5, 0.15)}) {
        // A point of the crop, and the same scene point on the uncropped frame.
        const QPointF inCrop(s.x() * before.width(), s.y() * before.height());
        const QPointF onFrame((crop.x() + s.x() * crop.width()) * uncropped.width(),
                              (crop.y() + s.y() * crop.height()) * uncropped.height());
        diff += difference(patch(before, inCrop, 2), jpegAt(jpeg, onFrame, uncropped, zoom, 2));
    }
    EXPECT_LT(diff / 3, 5.0) << "the same part of the scene";

    // A quarter turn turns it too.
    doc = editor_->session()->edits();
    doc.setFloat("geometry.rotate", 90);
    setCrop(doc, turnedCrop(crop, true), "free");
    editor_->session()->apply(doc, "turn");
    settle();
    ASSERT_TRUE(waitUntil([&] { return cameraFrame_ == v->frameSize(); }));
    settle(true);
    const QImage turned = v->beforeImage();
    EXPECT_GT(turned.width(), turned.height());
    // The crop's top-left corner is now at the top right.
    const Rgb corner = patch(before, QPointF(before.width() * 0.1, before.height() * 0.1), 2);
    const Rgb turnedCorner = patch(turned, QPointF(turned.width() * 0.9, turned.height() * 0.1), 2);
    EXPECT_LT(difference(corner, turnedCorner), 6.0);
}

// Side by side the tools work in either pane: a white-balance pick in the before pane marks
// the frame region its twin in the after pane would.
TEST_F(CompareTest, APickInTheBeforePaneMarksTheSameFrameRegion) {
    open("chart.dng");
    ImageViewer* v = editor_->viewer();
    editor_->sideBySideAction()->trigger();
    settle();
    QRectF picked;
    QObject scope;
    QObject::connect(v, &ImageViewer::neutralRegionPicked, &scope,
                     [&](const QRectF& r) { picked = r; });
    v->setTool(ImageViewer::Tool::Eyedropper);
    const QRectF left = v->paneRect(true), right = v->paneRect(false);
    const QPointF at = left.center() + QPointF(-25, 15);
    const QPointF twin = at + QPointF(right.left() - left.left(), 0);
    const auto send = [&](QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
        QMouseEvent e(type, pos, v->mapToGlobal(pos),
                      type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton, buttons,
                      Qt::NoModifier);
        QApplication::sendEvent(v, &e);
    };
    send(QEvent::MouseButtonPress, at, Qt::LeftButton);
    send(QEvent::MouseMove, at + QPointF(20, 10), Qt::LeftButton);
    send(QEvent::MouseButtonRelease, at + QPointF(20, 10), Qt::NoButton);
    ASSERT_FALSE(picked.isEmpty());
    const QRectF want(v->toFrame(twin), v->toFrame(twin + QPointF(20, 10)));
    EXPECT_NEAR(picked.left(), want.left(), 0.5);
    EXPECT_NEAR(picked.top(), want.top(), 0.5);
    EXPECT_NEAR(picked.right(), want.right(), 0.5);
    EXPECT_NEAR(picked.bottom(), want.bottom(), 0.5);
    v->setTool(ImageViewer::Tool::None);
}

// Zoomed in, the camera's half is the JPEG at its own resolution rather than enlarged from
// the fit size: a comparison of detail at 100 %.
TEST_F(CompareTest, AtHundredPercentTheCameraHalfHasTheJpegsResolution) {
    if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
    open("canon.CR2");
    ImageViewer* v = editor_->viewer();
    editor_->cameraCompareAction()->trigger();
    ASSERT_TRUE(waitUntil([&] { return cameraFrame_ == v->frameSize(); }));
    settle(true);
    const int fitWidth = v->beforeImage().width();
    const int jpegWidth = cameraPreview().width();
    ASSERT_LT(fitWidth, jpegWidth * 0.9);
    editor_->zoom100Action()->trigger();
    ASSERT_TRUE(v->wantsFullResolution());
    ASSERT_TRUE(waitUntil([&] { return v->beforeImage().width() > jpegWidth; }))
        << v->beforeImage().width();
    // The JPEG covers 98 % of the frame's width: the frame at its scale is a little wider.
    EXPECT_NEAR(v->beforeImage().width(), jpegWidth / 0.983, 15);
}

TEST_F(CompareTest, ARawWithoutAJpegCannotCompareWithIt) {
    ASSERT_TRUE(extractPreview(dir_->str("chart.dng")).empty())
        << "the synthetic DNG holds no preview";
    QSettings().setValue("editor/compareWith", "camera");  // chosen for an earlier photo
    makeEditor();
    open("chart.dng");
    ASSERT_TRUE(editor_->renderer()->isOpen());
    EXPECT_FALSE(editor_->cameraCompareAction()->isEnabled());
    EXPECT_FALSE(editor_->cameraCompareAction()->isChecked());
    EXPECT_TRUE(editor_->cameraCompareAction()->toolTip().contains("no JPEG"))
        << editor_->cameraCompareAction()->toolTip().toStdString();
    QComboBox* with = editor_->compareWithBox();
    EXPECT_EQ(with->currentIndex(), 0);
    auto* model = qobject_cast<QStandardItemModel*>(with->model());
    ASSERT_NE(model, nullptr);
    EXPECT_FALSE(model->item(1)->isEnabled());
    EXPECT_TRUE(with->toolTip().contains("no JPEG"));
    editor_->splitViewAction()->trigger();
    EXPECT_EQ(editor_->viewer()->beforeLabel(), "Before");
    EXPECT_EQ(QSettings().value("editor/compareWith").toString(), "camera")
        << "the choice stays for the next photo that has a JPEG";
}

TEST_F(CompareTest, TheChoiceIsKept) {
    if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
    open("canon.CR2");
    emit editor_->compareWithBox()->activated(1);
    EXPECT_TRUE(editor_->cameraCompareAction()->isChecked());
    EXPECT_EQ(QSettings().value("editor/compareWith").toString(), "camera");
    makeEditor();
    open("canon.CR2");
    EXPECT_TRUE(editor_->cameraCompareAction()->isChecked());
    EXPECT_EQ(editor_->compareWithBox()->currentIndex(), 1);
    editor_->cameraCompareAction()->trigger();
    EXPECT_EQ(QSettings().value("editor/compareWith").toString(), "unedited");
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    rf::gui::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates));
    QCoreApplication::setOrganizationName("RangefinderTests");
    QCoreApplication::setApplicationName("test_compare");
    static rf::test::TempDir settings("gui-compare-settings");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       QString::fromStdString(settings.str()));
    static rf::test::TempDir data("gui-compare-data");
    setenv("XDG_DATA_HOME", data.str().c_str(), 1);
    setenv("RANGEFINDER_LOOKS_PATH", (std::string(RF_SOURCE_DIR) + "/looks").c_str(), 1);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
