// SPDX-License-Identifier: GPL-3.0-or-later
// Developed thumbnails: an edited photo's tile shows its edits (exposure, crop, look), rendered
// through the pipeline from its sidecar, and an unedited one the camera's preview; an edit in
// Develop, a batch look or paste from the library and a sidecar changed elsewhere each develop
// again only the rows concerned; a second model over the folder takes them from the disk cache
// without rendering; a damaged cache entry is rendered again and an unwritable cache folder
// costs only the renders. Real raws (copies of the Canon EOS 30D CR2), offscreen.

#include <QApplication>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>

#include "app/main_window.h"
#include "app/theme.h"
#include "common/display_image.h"
#include "editor/editor_widget.h"
#include "editor/photo_session.h"
#include "i18n/translations.h"
#include "library/filmstrip.h"
#include "library/photo_filter_model.h"
#include "library/photo_library_model.h"
#include "library/photo_loader.h"
#include "rangefinder/looks.h"
#include "rangefinder/params.h"
#include "rangefinder/sidecar.h"
#include "rangefinder/thumbnail_cache.h"
#include "support/qt_wait.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using rf::gui::PhotoLibraryModel;

namespace {

const fs::path kCanon = "/usr/share/doc/rawtran/IMG_5952.CR2";

/// The shared wait with a longer deadline: developed thumbnails render whole raws.
bool waitUntil(const std::function<bool()>& done, int milliseconds = 120000) {
    return rf::test::waitUntil(done, milliseconds);
}

/// Everything loaded and every thumbnail showing its photo's edits.
bool waitSettled(const PhotoLibraryModel& model) {
    return waitUntil([&] { return model.pendingThumbnails() == 0; });
}

long renders() {
    return rf::gui::detail::developedRenders.load();
}

/// Mean absolute difference between the channels: 0 for a grey picture.
double chroma(const QImage& image) {
    double sum = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb c = image.pixel(x, y);
            sum += std::abs(qRed(c) - qGreen(c)) + std::abs(qGreen(c) - qBlue(c));
        }
    return sum / std::max(1, image.width() * image.height());
}

const rf::Look& monochromeLook(const rf::LookLibrary& looks) {
    const rf::Look* look = looks.find("Leica Monochrome");
    if (!look) throw std::runtime_error("the source tree's looks/leica-monochrome.look");
    return *look;
}

/// A folder of copies of the Canon CR2 (each its own file, so its own cache key) and a cache
/// folder of the test's own (XDG_CACHE_HOME).
class DevelopedThumbnails : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
        fs::create_directories(photos());
    }

    fs::path photos() const { return dir.path() / "photos"; }
    QString folder() const { return QString::fromStdString(photos().string()); }
    QString add(const std::string& name) {
        const fs::path p = photos() / name;
        fs::copy_file(kCanon, p, fs::copy_options::overwrite_existing);
        fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write);
        return QString::fromStdString(p.string());
    }
    static void setEdits(const QString& raw, const std::function<void(rf::EditDocument&)>& f) {
        rf::updateSidecar(raw.toStdString(), [&](rf::Sidecar& s) {
            f(s.edits);
            return true;
        });
    }
    static QImage thumbnail(const PhotoLibraryModel& m, const QString& path) {
        return m.index(m.rowOf(path)).data(PhotoLibraryModel::ThumbnailRole).value<QImage>();
    }
    fs::path cacheFolder() const { return dir.path() / "cache" / "rangefinder" / "thumbnails"; }
    std::vector<fs::path> cacheEntries() const {
        std::vector<fs::path> out;
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(cacheFolder(), ec))
            if (e.path().extension() == ".thumb") out.push_back(e.path());
        return out;
    }

    rf::test::TempDir dir{"gui-thumbnails"};
    rf::test::ScopedEnv cache{"XDG_CACHE_HOME", (dir.path() / "cache").c_str()};
};

}  // namespace

TEST_F(DevelopedThumbnails, AnEditedPhotosThumbnailShowsItsEdits) {
    const QString plain = add("a_plain.CR2");
    const QString bright = add("b_bright.CR2");
    const QString dark = add("c_dark.CR2");
    const QString cropped = add("d_cropped.CR2");
    const QString mono = add("e_mono.CR2");
    setEdits(bright, [](rf::EditDocument& e) { e.setFloat("exposure.ev", 2); });
    setEdits(dark, [](rf::EditDocument& e) { e.setFloat("exposure.ev", -2); });
    // The left half: a landscape frame becomes an upright one.
    setEdits(cropped, [](rf::EditDocument& e) { e.setFloat("crop.right", 0.5); });
    const rf::LookLibrary looks = rf::LookLibrary::load();
    setEdits(mono, [&](rf::EditDocument& e) { e = rf::withLook(e, monochromeLook(looks)); });
    // Auto tone asked for (rangefinder-cli edits set tone.auto=true): chosen for the photo, as
    // an export does, whatever exposure was set.
    const QString automatic = add("f_auto.CR2");
    setEdits(automatic, [](rf::EditDocument& e) {
        e.setFloat("exposure.ev", -2);
        e.setBool("tone.auto", true);
    });

    const long before = renders();
    PhotoLibraryModel model(200);
    EXPECT_EQ(model.thumbnailCacheDir().toStdString(), cacheFolder().string());
    model.openFolder(folder());
    ASSERT_TRUE(waitSettled(model)) << model.pendingThumbnails() << " pending";
    EXPECT_EQ(renders() - before, 5) << "the five edited photos, the plain one not";

    // Unedited: the camera's preview, as before.
    const QImage camera = thumbnail(model, plain);
    ASSERT_EQ(camera.size(), QSize(200, 133));
    const double level = rf::gui::meanLevel(camera);

    const QImage b = thumbnail(model, bright);
    EXPECT_EQ(b.width(), 200);
    EXPECT_NEAR(b.height(), 133, 1);
    EXPECT_GT(rf::gui::meanLevel(b), level + 25) << "+2 EV";
    const double darkLevel = rf::gui::meanLevel(thumbnail(model, dark));
    EXPECT_LT(darkLevel, level - 25) << "-2 EV";
    EXPECT_GT(rf::gui::meanLevel(thumbnail(model, automatic)), darkLevel + 25)
        << "auto tone, not -2 EV";

    const QImage c = thumbnail(model, cropped);
    EXPECT_EQ(c.height(), 200) << "the crop's long edge is its height now";
    EXPECT_NEAR(c.width(), 200 * 864 / 1152, 2) << "half of a 3:2 frame is 3:4";

    const QImage m = thumbnail(model, mono);
    EXPECT_EQ(m.size(), b.size());
    EXPECT_GT(chroma(camera), 8);
    EXPECT_LT(chroma(m), 2.5) << "the monochrome look's greys";

    // Every edited tile is marked, and the thumbnails stay within the requested size.
    for (const QString& p : {bright, dark, cropped, mono, automatic}) {
        const QModelIndex i = model.index(model.rowOf(p));
        EXPECT_TRUE(i.data(PhotoLibraryModel::EditedRole).toBool());
        const QImage t = i.data(PhotoLibraryModel::ThumbnailRole).value<QImage>();
        EXPECT_LE(std::max(t.width(), t.height()), 200);
    }
}

TEST_F(DevelopedThumbnails, ASecondModelTakesThemFromTheCacheWithoutRendering) {
    const QString plain = add("a_plain.CR2");
    const QString bright = add("b_bright.CR2");
    const QString cropped = add("c_cropped.CR2");
    setEdits(bright, [](rf::EditDocument& e) { e.setFloat("exposure.ev", 2); });
    setEdits(cropped, [](rf::EditDocument& e) { e.setFloat("crop.bottom", 0.5); });

    QImage first;
    {
        PhotoLibraryModel model(200);
        model.openFolder(folder());
        ASSERT_TRUE(waitSettled(model));
        first = thumbnail(model, bright);
    }
    EXPECT_EQ(cacheEntries().size(), 2u) << "one entry per edited photo";

    const long before = renders();
    PhotoLibraryModel again(200);
    again.openFolder(folder());
    ASSERT_TRUE(waitSettled(again));
    EXPECT_EQ(renders(), before) << "nothing rendered: both came from the cache";
    const QImage cached = thumbnail(again, bright);
    EXPECT_EQ(cached.size(), first.size());
    EXPECT_NEAR(rf::gui::meanLevel(cached), rf::gui::meanLevel(first), 1.5)
        << "the same picture, through a JPEG";
    EXPECT_EQ(thumbnail(again, cropped).width(), 200);
    EXPECT_NEAR(thumbnail(again, cropped).height(), 67, 1) << "the top half of a 3:2 frame";
    EXPECT_EQ(thumbnail(again, plain).size(), QSize(200, 133));

    // Another thumbnail size is another picture.
    PhotoLibraryModel larger(300);
    larger.openFolder(folder());
    ASSERT_TRUE(waitSettled(larger));
    EXPECT_EQ(renders(), before + 2);
    EXPECT_EQ(thumbnail(larger, bright).width(), 300);
}

TEST_F(DevelopedThumbnails, ADamagedCacheEntryIsRenderedAgain) {
    const QString bright = add("a_bright.CR2");
    const QString dark = add("b_dark.CR2");
    setEdits(bright, [](rf::EditDocument& e) { e.setFloat("exposure.ev", 2); });
    setEdits(dark, [](rf::EditDocument& e) { e.setFloat("exposure.ev", -2); });
    double brightLevel = 0;
    {
        PhotoLibraryModel model(200);
        model.openFolder(folder());
        ASSERT_TRUE(waitSettled(model));
        brightLevel = rf::gui::meanLevel(thumbnail(model, bright));
    }
    const auto entries = cacheEntries();
    ASSERT_EQ(entries.size(), 2u);
    // One cut short, one overwritten with something else entirely.
    fs::resize_file(entries[0], fs::file_size(entries[0]) / 2);
    std::ofstream(entries[1], std::ios::binary | std::ios::trunc) << "not a thumbnail";

    const long before = renders();
    PhotoLibraryModel model(200);
    model.openFolder(folder());
    ASSERT_TRUE(waitSettled(model));
    EXPECT_EQ(renders() - before, 2) << "both rendered again";
    EXPECT_NEAR(rf::gui::meanLevel(thumbnail(model, bright)), brightLevel, 1.5)
        << "the developed picture, never a broken one";

    // And stored again, whole.
    PhotoLibraryModel third(200);
    third.openFolder(folder());
    ASSERT_TRUE(waitSettled(third));
    EXPECT_EQ(renders() - before, 2);
}

TEST_F(DevelopedThumbnails, AnUnwritableCacheFolderOnlyCostsTheRenders) {
    const QString bright = add("a_bright.CR2");
    setEdits(bright, [](rf::EditDocument& e) { e.setFloat("exposure.ev", 2); });
    // The cache folder cannot be made: a file is in its way (refused even for root).
    std::ofstream(dir.path() / "in-the-way") << "x";
    rf::test::ScopedEnv unwritable("XDG_CACHE_HOME", (dir.path() / "in-the-way").c_str());
    double level = 0;
    for (int open = 0; open < 2; ++open) {
        const long before = renders();
        PhotoLibraryModel model(200);
        model.openFolder(folder());
        ASSERT_TRUE(waitSettled(model));
        EXPECT_EQ(renders() - before, 1) << "rendered on every opening";
        const QImage t = thumbnail(model, bright);
        ASSERT_FALSE(t.isNull());
        if (open == 0) level = rf::gui::meanLevel(t);
        EXPECT_NEAR(rf::gui::meanLevel(t), level, 0.01);
    }
}

TEST_F(DevelopedThumbnails, AnEditSavedElsewhereIsDevelopedAgainOnRefresh) {
    const QString photo = add("a.CR2");
    const QString other = add("b.CR2");
    PhotoLibraryModel model(200);
    model.openFolder(folder());
    ASSERT_TRUE(waitSettled(model));
    const double level = rf::gui::meanLevel(thumbnail(model, photo));
    const QImage otherBefore = thumbnail(model, other);

    long before = renders();
    setEdits(photo, [](rf::EditDocument& e) { e.setFloat("exposure.ev", 2); });
    model.refreshPhoto(photo);
    ASSERT_TRUE(waitSettled(model));
    EXPECT_EQ(renders() - before, 1) << "that row only";
    const double brighter = rf::gui::meanLevel(thumbnail(model, photo));
    EXPECT_GT(brighter, level + 25);
    EXPECT_EQ(thumbnail(model, other), otherBefore) << "the other row is left alone";

    // Edited again (in Develop, say): the raw decoded for the last render serves this one.
    const long decodes = rf::gui::detail::developDecodes.load();
    setEdits(photo, [](rf::EditDocument& e) { e.setFloat("exposure.ev", -2); });
    model.refreshPhoto(photo);
    ASSERT_TRUE(waitSettled(model));
    EXPECT_LT(rf::gui::meanLevel(thumbnail(model, photo)), level - 25);
    EXPECT_EQ(renders() - before, 2);
    EXPECT_EQ(rf::gui::detail::developDecodes.load(), decodes) << "not decoded again";

    // Back to +2 EV: that key is in the cache already.
    setEdits(photo, [](rf::EditDocument& e) { e.setFloat("exposure.ev", 2); });
    model.refreshPhoto(photo);
    ASSERT_TRUE(waitSettled(model));
    EXPECT_EQ(renders() - before, 2) << "found, not rendered";
    EXPECT_NEAR(rf::gui::meanLevel(thumbnail(model, photo)), brighter, 1.5);

    // Every edit removed: the camera's preview again.
    setEdits(photo, [](rf::EditDocument& e) { e.clear(); });
    model.refreshPhoto(photo);
    ASSERT_TRUE(waitSettled(model));
    EXPECT_NEAR(rf::gui::meanLevel(thumbnail(model, photo)), level, 0.01);

    // A rating changes no edit: nothing is developed.
    before = renders();
    ASSERT_EQ(model.setRating({photo, other}, 3).written, 2);
    ASSERT_TRUE(waitSettled(model));
    EXPECT_EQ(renders(), before);
}

TEST_F(DevelopedThumbnails, EditsMadeByAnotherProgramShowAfterRefreshingTheFolder) {
    const QString photo = add("a.CR2");
    PhotoLibraryModel model(200);
    model.openFolder(folder());
    ASSERT_TRUE(waitSettled(model));
    const double level = rf::gui::meanLevel(thumbnail(model, photo));
    // rangefinder-cli edits set, say: the app is not told.
    setEdits(photo, [](rf::EditDocument& e) { e.setFloat("exposure.ev", 2); });
    model.reload();
    ASSERT_TRUE(waitSettled(model));
    EXPECT_GT(rf::gui::meanLevel(thumbnail(model, photo)), level + 25);
    EXPECT_TRUE(model.index(model.rowOf(photo)).data(PhotoLibraryModel::EditedRole).toBool());
}

TEST_F(DevelopedThumbnails, ABatchLookFromTheLibraryUpdatesTheSelectedRows) {
    const QString a = add("a.CR2");
    const QString b = add("b.CR2");
    const QString c = add("c.CR2");
    rf::gui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    w.openPath(folder());
    PhotoLibraryModel& model = *w.library();
    ASSERT_TRUE(waitSettled(model));
    const double colour = chroma(thumbnail(model, a));
    ASSERT_GT(colour, 8);
    const QImage untouched = thumbnail(model, c);

    QItemSelection both;
    for (const QString& p : {a, b}) {
        const QModelIndex i = w.filterModel()->mapFromSource(model.index(model.rowOf(p)));
        both.select(i, i);
    }
    w.selectionModel()->select(both, QItemSelectionModel::ClearAndSelect);
    const long before = renders();
    w.applyLookToSelection(QStringLiteral("Leica Monochrome"));
    ASSERT_TRUE(waitUntil([&] {
        return chroma(thumbnail(model, a)) < 2.5 && chroma(thumbnail(model, b)) < 2.5;
    })) << "the selected tiles turn black and white";
    ASSERT_TRUE(waitSettled(model));
    EXPECT_EQ(renders() - before, 2);
    EXPECT_EQ(thumbnail(model, c), untouched) << "not selected";

    // None: the camera's pictures again.
    w.applyLookToSelection(QString());
    ASSERT_TRUE(waitUntil(
        [&] { return chroma(thumbnail(model, a)) > 8 && chroma(thumbnail(model, b)) > 8; }));
}

TEST_F(DevelopedThumbnails, AnEditInDevelopReachesTheTile) {
    const QString photo = add("a.CR2");
    add("b.CR2");
    rf::gui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    w.openPath(photo);
    PhotoLibraryModel& model = *w.library();
    ASSERT_TRUE(waitSettled(model));
    const double level = rf::gui::meanLevel(thumbnail(model, photo));
    ASSERT_TRUE(w.setMode(rf::gui::MainWindow::Mode::Develop));
    rf::gui::PhotoSession* session = w.editor()->session();
    ASSERT_TRUE(waitUntil([&] { return session->isOpen(); }));
    rf::EditDocument edits = session->edits();
    edits.setFloat("exposure.ev", 2);
    session->apply(edits, "Exposure +2.00 EV");
    // The autosave, its editsSaved, the model's refresh and the render, with no other help.
    EXPECT_TRUE(waitUntil([&] { return rf::gui::meanLevel(thumbnail(model, photo)) > level + 25; }))
        << "the filmstrip's tile shows the brighter photo";
}

TEST_F(DevelopedThumbnails, TheFilmstripLaysOutAtEveryWidth) {
    // Ten tiles: at some widths they fit only without a scroll bar, which the tiles' own height
    // must not depend on (it did: the strip re-laid itself out until the stack overflowed).
    for (int i = 0; i < 10; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "%02d.CR2", i);
        fs::create_symlink(kCanon, photos() / name);
    }
    PhotoLibraryModel model(200);
    model.openFolder(folder());
    rf::gui::Filmstrip strip;
    strip.setModel(&model);
    strip.resize(1000, 120);
    strip.show();
    ASSERT_TRUE(waitSettled(model));
    for (int width = 1000; width <= 2200; width += 7) {
        strip.resize(width, 120);
        QCoreApplication::processEvents();
        const QSize tile = strip.itemDelegate()->sizeHint({}, model.index(0));
        EXPECT_GE(tile.height(), 90) << width;
        EXPECT_LE(strip.visualRect(model.index(0)).bottom(), strip.viewport()->height()) << width;
    }
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings, user data and the cache in folders of the tests' own, never the user's.
    rf::test::TempDir config("gui-config");
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.str()));
    rf::test::TempDir data("gui-data");
    qputenv("XDG_DATA_HOME", QByteArray::fromStdString(data.str()));
    rf::test::TempDir cache("gui-cache");
    qputenv("XDG_CACHE_HOME", QByteArray::fromStdString(cache.str()));
    QApplication app(argc, argv);
    QApplication::setOrganizationName("RangefinderTests");
    QApplication::setApplicationName("test_thumbnails");
    rf::gui::applyDarkTheme(app);
    rf::gui::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
