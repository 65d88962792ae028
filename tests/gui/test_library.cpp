// SPDX-License-Identifier: GPL-3.0-or-later
// The library as a photographer uses it, driven through the real widgets offscreen: a folder of
// real raws, a synthetic DNG without a preview and a corrupt file opens; thumbnails appear (the
// visible ones first) and the corrupt file gets an error tile; keys rate and label photos and
// the sidecars hold the result; sorting, filtering and multi-selection; the main window opens a
// folder from its command line, remembers it, accepts a drop, and lists its shortcuts.

#include <QApplication>
#include <QBuffer>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileSystemModel>
#include <QMimeData>
#include <QScrollBar>
#include <QSettings>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUrl>
#include <filesystem>
#include <fstream>
#include <functional>

#include "app/main_window.h"
#include "app/preferences_dialog.h"
#include "app/settings.h"
#include "app/shortcuts_dialog.h"
#include "app/theme.h"
#include "common/display_image.h"
#include "editor/editor_widget.h"
#include "editor/photo_session.h"
#include "export/export_controller.h"
#include "export/export_dialog.h"
#include "export/export_summary_dialog.h"
#include "i18n/translations.h"
#include "library/filmstrip.h"
#include "library/library_grid.h"
#include "library/photo_commands.h"
#include "library/photo_filter_model.h"
#include "library/photo_library_model.h"
#include "rangefinder/color.h"
#include "rangefinder/looks.h"
#include "rangefinder/sidecar.h"
#include "support/qt_wait.h"
#include "support/test_support.h"
#include "synth.h"

namespace fs = std::filesystem;

// gtest prints QStrings (and lists of them) as text.
void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}
using rf::gui::PhotoLibraryModel;

namespace {

const fs::path kCanon = "/usr/share/doc/rawtran/IMG_5952.CR2";

using rf::test::waitUntil;

bool waitLoaded(const PhotoLibraryModel& model) {
    return waitUntil([&] { return !model.isLoading(); });
}

void copyFile(const fs::path& from, const fs::path& to) {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write);
}

/// A folder whose name order differs from its capture-time order:
///   a_sony.ARW 2017, b_nikon.NEF 2013, c_canon.CR2 2009 (both truncated raws keep their
///   previews), d_chart.dng (synthetic, no preview, no time, orientation 6),
///   e_broken.CR2 (the Canon cut after 5000 bytes).
class LibraryFolder : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
        RF_REQUIRE_TESTDATA("truncated");
        const fs::path truncated = rf::test::testdata() / "truncated";
        copyFile(truncated / "ARW_SonySLT-A55V_truncated.ARW", dir.path() / "a_sony.ARW");
        copyFile(truncated / "NEF_NikonD7100_truncated.NEF", dir.path() / "b_nikon.NEF");
        copyFile(kCanon, dir.path() / "c_canon.CR2");
        rf::synth::DngOptions o;
        o.orientation = 6;
        const rf::Image chart = rf::synth::renderChart(300, 200);
        rf::synth::writeDng(dir.str("d_chart.dng"), chart.cview(), o);
        std::ifstream in(kCanon, std::ios::binary);
        std::string head(5000, '\0');
        in.read(head.data(), std::streamsize(head.size()));
        std::ofstream(dir.path() / "e_broken.CR2", std::ios::binary) << head;
        // Not a raw: must not be listed.
        std::ofstream(dir.path() / "notes.txt") << "not a photo";
    }

    QString folder() const { return QString::fromStdString(dir.str()); }
    QString path(const char* name) const { return QString::fromStdString(dir.str(name)); }
    static int ratingInSidecar(const QString& p) {
        return rf::loadSidecar(p.toStdString()).info.rating;
    }
    static std::string labelInSidecar(const QString& p) {
        return rf::loadSidecar(p.toStdString()).info.label;
    }

    rf::test::TempDir dir{"gui-library"};
};

QStringList namesInViewOrder(const QAbstractItemModel& m) {
    QStringList names;
    for (int r = 0; r < m.rowCount(); ++r)
        names << m.index(r, 0).data(PhotoLibraryModel::FileNameRole).toString();
    return names;
}

QModelIndex viewIndexOf(const rf::gui::MainWindow& w, const QString& path) {
    return w.filterModel()->mapFromSource(w.library()->index(w.library()->rowOf(path)));
}

}  // namespace

TEST_F(LibraryFolder, ThumbnailsAppearAndTheCorruptFileShowsItsReason) {
    PhotoLibraryModel model(200);
    int progressSignals = 0;
    QObject::connect(&model, &PhotoLibraryModel::loadingProgress, [&] { ++progressSignals; });
    model.openFolder(folder());
    ASSERT_EQ(model.rowCount(), 5) << "notes.txt is not a raw file";
    EXPECT_EQ(model.folder(), folder());
    ASSERT_TRUE(waitLoaded(model)) << model.loadedCount() << " of 5 loaded";
    EXPECT_GT(progressSignals, 1);

    for (const char* name : {"a_sony.ARW", "b_nikon.NEF", "c_canon.CR2", "d_chart.dng"}) {
        const QModelIndex i = model.index(model.rowOf(path(name)));
        const QImage thumb = i.data(PhotoLibraryModel::ThumbnailRole).value<QImage>();
        EXPECT_FALSE(thumb.isNull())
            << name << ": " << i.data(PhotoLibraryModel::ErrorRole).toString().toStdString();
        EXPECT_LE(std::max(thumb.width(), thumb.height()), 200) << name;
        EXPECT_TRUE(i.data(PhotoLibraryModel::ErrorRole).toString().isEmpty()) << name;
        EXPECT_EQ(i.data(PhotoLibraryModel::LoadStateRole).value<PhotoLibraryModel::LoadState>(),
                  PhotoLibraryModel::LoadState::Ready)
            << name;
    }
    const QModelIndex canon = model.index(model.rowOf(path("c_canon.CR2")));
    const QImage canonThumb = canon.data(PhotoLibraryModel::ThumbnailRole).value<QImage>();
    EXPECT_EQ(canonThumb.width(), 200);  // the 1728×1152 preview, scaled to the long edge
    EXPECT_NEAR(canonThumb.height(), 133, 1);
    EXPECT_EQ(canon.data(PhotoLibraryModel::CameraRole).toString(), "Canon EOS 30D");
    EXPECT_EQ(canon.data(PhotoLibraryModel::CaptureTimeRole).toDateTime(),
              QDateTime(QDate(2009, 7, 21), QTime(13, 3, 20)));
    const QSize pixels = canon.data(PhotoLibraryModel::PixelSizeRole).toSize();
    EXPECT_GT(pixels.width(), 3400);
    EXPECT_GT(pixels.width(), pixels.height());

    // No preview in the DNG: rendered through the pipeline, turned by its orientation 6.
    const QImage chart = model.index(model.rowOf(path("d_chart.dng")))
                             .data(PhotoLibraryModel::ThumbnailRole)
                             .value<QImage>();
    EXPECT_EQ(chart.size(), QSize(200 * 2 / 3, 200));

    const QModelIndex broken = model.index(model.rowOf(path("e_broken.CR2")));
    EXPECT_TRUE(broken.data(PhotoLibraryModel::ThumbnailRole).value<QImage>().isNull());
    const QString reason = broken.data(PhotoLibraryModel::ErrorRole).toString();
    EXPECT_TRUE(reason.contains("truncated") || reason.contains("corrupt")) << reason.toStdString();
    EXPECT_FALSE(reason.contains(folder())) << "the tile shows the reason, not the path";
    EXPECT_EQ(broken.data(PhotoLibraryModel::LoadStateRole).value<PhotoLibraryModel::LoadState>(),
              PhotoLibraryModel::LoadState::Failed);
}

TEST(PhotoLibrary, VisibleThumbnailsLoadBeforeTheRest) {
    if (!fs::exists(kCanon)) GTEST_SKIP() << kCanon << " is absent";
    rf::test::TempDir dir("gui-many");
    constexpr int kFiles = 80;
    for (int i = 0; i < kFiles; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "IMG_%04d.CR2", i);
        fs::create_symlink(kCanon, dir.path() / name);
    }
    PhotoLibraryModel model(160);
    rf::gui::PhotoFilterModel filter;
    filter.setSourceModel(&model);
    rf::gui::LibraryGrid grid;
    grid.setModel(&filter);
    grid.setTileWidth(rf::gui::LibraryGrid::kMinTileWidth);
    grid.resize(600, 300);
    grid.show();
    model.openFolder(QString::fromStdString(dir.str()));
    // The photographer goes straight to the end of the folder.
    grid.scrollToBottom();
    const QModelIndex last = filter.index(kFiles - 1, 0);
    const auto ready = [&](const QModelIndex& i) {
        return !i.data(PhotoLibraryModel::ThumbnailRole).value<QImage>().isNull();
    };
    ASSERT_TRUE(waitUntil([&] { return ready(last); }));
    int readyCount = 0;
    for (int r = 0; r < kFiles; ++r) readyCount += ready(model.index(r));
    EXPECT_LT(readyCount, kFiles / 2) << "the last tile waited for the ones above it";
    ASSERT_TRUE(waitLoaded(model));
    for (int r = 0; r < kFiles; ++r) EXPECT_TRUE(ready(model.index(r))) << r;
}

TEST_F(LibraryFolder, RatingAndLabelKeysOnTheGridGoToTheSidecar) {
    rf::gui::MainWindow w;
    w.show();
    w.openPath(path("c_canon.CR2"));
    ASSERT_EQ(w.library()->folder(), folder());
    ASSERT_EQ(w.currentPhoto(), path("c_canon.CR2")) << "a raw file opens its folder, selected";
    w.grid()->setFocus();

    QTest::keyClick(w.grid(), Qt::Key_3);
    EXPECT_EQ(ratingInSidecar(path("c_canon.CR2")), 3);
    EXPECT_EQ(viewIndexOf(w, path("c_canon.CR2")).data(PhotoLibraryModel::RatingRole).toInt(), 3);
    EXPECT_FALSE(fs::exists(dir.path() / "b_nikon.NEF.xmp")) << "only the selection is rated";

    QTest::keyClick(w.grid(), Qt::Key_6);
    EXPECT_EQ(labelInSidecar(path("c_canon.CR2")), "Red");
    EXPECT_EQ(ratingInSidecar(path("c_canon.CR2")), 3) << "the label keeps the rating";
    QTest::keyClick(w.grid(), Qt::Key_9);
    EXPECT_EQ(labelInSidecar(path("c_canon.CR2")), "Blue");
    QTest::keyClick(w.grid(), Qt::Key_9);
    EXPECT_EQ(labelInSidecar(path("c_canon.CR2")), "") << "the same label again removes it";

    QTest::keyClick(w.grid(), Qt::Key_X);
    EXPECT_EQ(ratingInSidecar(path("c_canon.CR2")), -1);
    QTest::keyClick(w.grid(), Qt::Key_X);
    EXPECT_EQ(ratingInSidecar(path("c_canon.CR2")), 0) << "X again takes the reject away";
    QTest::keyClick(w.grid(), Qt::Key_0 + 5);
    EXPECT_EQ(ratingInSidecar(path("c_canon.CR2")), 5);
    EXPECT_EQ(viewIndexOf(w, path("c_canon.CR2")).data(PhotoLibraryModel::RatingRole).toInt(), 5);
}

TEST_F(LibraryFolder, RatingKeepsTheEditsAndTheSidecarNaming) {
    // Edits saved by the editor (or darktable) and a Lightroom-style NAME.xmp sidecar.
    rf::Sidecar s;
    s.edits.setFloat("exposure.ev", 0.7);
    s.info.title = "Mast";
    rf::saveSidecar(path("c_canon.CR2").toStdString(), s, rf::SidecarNaming::BaseNameXmp);
    ASSERT_TRUE(fs::exists(dir.path() / "c_canon.xmp"));

    PhotoLibraryModel model;
    model.openFolder(folder());
    ASSERT_TRUE(waitLoaded(model));
    const QModelIndex canon = model.index(model.rowOf(path("c_canon.CR2")));
    EXPECT_TRUE(canon.data(PhotoLibraryModel::EditedRole).toBool());
    EXPECT_FALSE(
        model.index(model.rowOf(path("a_sony.ARW"))).data(PhotoLibraryModel::EditedRole).toBool());

    const auto writes = model.setRating({path("c_canon.CR2")}, 4);
    EXPECT_EQ(writes.written, 1);
    EXPECT_TRUE(writes.problems.isEmpty()) << writes.problems.join('\n').toStdString();
    EXPECT_FALSE(fs::exists(dir.path() / "c_canon.CR2.xmp")) << "the existing naming is kept";
    const rf::Sidecar after = rf::loadSidecar(path("c_canon.CR2").toStdString());
    EXPECT_EQ(after.info.rating, 4);
    EXPECT_EQ(after.info.title, "Mast");
    EXPECT_DOUBLE_EQ(after.edits.getFloat("exposure.ev"), 0.7);
    EXPECT_TRUE(canon.data(PhotoLibraryModel::EditedRole).toBool());
}

TEST_F(LibraryFolder, RefreshPhotoShowsEditsSavedElsewhere) {
    PhotoLibraryModel model;
    model.openFolder(folder());
    ASSERT_TRUE(waitLoaded(model));
    const QModelIndex sony = model.index(model.rowOf(path("a_sony.ARW")));
    ASSERT_FALSE(sony.data(PhotoLibraryModel::EditedRole).toBool());

    // What the editor does after its autosave.
    rf::Sidecar s = rf::loadSidecar(path("a_sony.ARW").toStdString());
    s.edits.setFloat("exposure.ev", -0.3);
    s.info.rating = 2;
    rf::saveSidecar(path("a_sony.ARW").toStdString(), s);
    int changed = 0;
    QObject::connect(&model, &QAbstractItemModel::dataChanged,
                     [&](const QModelIndex& from) { changed += from.row() == sony.row(); });
    model.refreshPhoto(path("a_sony.ARW"));
    EXPECT_EQ(changed, 1);
    EXPECT_TRUE(sony.data(PhotoLibraryModel::EditedRole).toBool());
    EXPECT_EQ(sony.data(PhotoLibraryModel::RatingRole).toInt(), 2);
}

TEST_F(LibraryFolder, AnUnreadableSidecarIsMovedAsideWhenRating) {
    const fs::path sidecar = dir.path() / "b_nikon.NEF.xmp";
    std::ofstream(sidecar) << "<x:xmpmeta this is not XML";
    PhotoLibraryModel model;
    model.openFolder(folder());
    ASSERT_TRUE(waitLoaded(model));
    const QModelIndex nikon = model.index(model.rowOf(path("b_nikon.NEF")));
    EXPECT_FALSE(nikon.data(PhotoLibraryModel::SidecarErrorRole).toString().isEmpty());
    EXPECT_TRUE(nikon.data(PhotoLibraryModel::ErrorRole).toString().isEmpty())
        << "a bad sidecar does not make the photo an error tile";

    const auto writes = model.setRating({path("b_nikon.NEF")}, 1);
    EXPECT_EQ(writes.written, 1);
    ASSERT_EQ(writes.problems.size(), 1);
    EXPECT_TRUE(writes.problems.first().contains("moved aside"))
        << writes.problems.first().toStdString();
    EXPECT_EQ(ratingInSidecar(path("b_nikon.NEF")), 1);
    int backups = 0;
    for (const auto& e : fs::directory_iterator(dir.path()))
        backups += e.path().filename().string().rfind("b_nikon.NEF.xmp.bad-", 0) == 0;
    EXPECT_EQ(backups, 1);
    EXPECT_TRUE(nikon.data(PhotoLibraryModel::SidecarErrorRole).toString().isEmpty());
}

TEST_F(LibraryFolder, SortsByNameOrCaptureTime) {
    PhotoLibraryModel model;
    rf::gui::PhotoFilterModel filter;
    filter.setSourceModel(&model);
    model.openFolder(folder());
    ASSERT_TRUE(waitLoaded(model));
    EXPECT_EQ(namesInViewOrder(filter), QStringList({"a_sony.ARW", "b_nikon.NEF", "c_canon.CR2",
                                                     "d_chart.dng", "e_broken.CR2"}));

    filter.setSortKey(rf::gui::PhotoFilterModel::SortKey::CaptureTime);
    const QStringList byTime = namesInViewOrder(filter);
    // 2009 < 2013 < 2017; the chart and the broken file have no time and go after every
    // photo that has one, by name.
    EXPECT_EQ(byTime, QStringList({"c_canon.CR2", "b_nikon.NEF", "a_sony.ARW", "d_chart.dng",
                                   "e_broken.CR2"}));

    filter.setSortKey(rf::gui::PhotoFilterModel::SortKey::Name);
    EXPECT_EQ(namesInViewOrder(filter).first(), "a_sony.ARW");
}

TEST(PhotoFilter, FileNamesCompareNumbersAsNumbers) {
    using rf::gui::compareFileNames;
    EXPECT_LT(compareFileNames("IMG_9.CR2", "IMG_10.CR2"), 0);
    EXPECT_GT(compareFileNames("IMG_10.CR2", "IMG_9.CR2"), 0);
    EXPECT_LT(compareFileNames("IMG_0009.CR2", "IMG_0010.CR2"), 0);
    EXPECT_LT(compareFileNames("a.CR2", "B.CR2"), 0);
    EXPECT_LT(compareFileNames("DSC_1", "DSC_1a"), 0);
    EXPECT_LT(compareFileNames("x2y", "x10a"), 0);
    EXPECT_EQ(compareFileNames("same.NEF", "same.NEF"), 0);
    EXPECT_NE(compareFileNames("Same.NEF", "same.NEF"), 0);
}

TEST(PhotoFilter, NumbersInNamesCompareAsNumbers) {
    rf::test::TempDir dir("gui-names");
    for (const char* name : {"IMG_10.CR2", "IMG_9.CR2", "img_100.CR2"})
        std::ofstream(dir.path() / name) << "x";
    PhotoLibraryModel model;
    rf::gui::PhotoFilterModel filter;
    filter.setSourceModel(&model);
    model.openFolder(QString::fromStdString(dir.str()));
    EXPECT_EQ(namesInViewOrder(filter), QStringList({"IMG_9.CR2", "IMG_10.CR2", "img_100.CR2"}));
    ASSERT_TRUE(waitLoaded(model)) << "files that are not raws at all load as error tiles";
}

TEST_F(LibraryFolder, FiltersByRatingRejectsAndLabel) {
    PhotoLibraryModel model;
    rf::gui::PhotoFilterModel filter;
    filter.setSourceModel(&model);
    model.openFolder(folder());
    ASSERT_TRUE(waitLoaded(model));
    model.setRating({path("a_sony.ARW")}, 5);
    model.setRating({path("b_nikon.NEF")}, 3);
    model.setRating({path("c_canon.CR2")}, 2);
    model.setRating({path("d_chart.dng")}, -1);
    model.setLabel({path("b_nikon.NEF"), path("c_canon.CR2")}, "Red");
    model.setLabel({path("a_sony.ARW")}, "Green");
    EXPECT_FALSE(filter.isFiltering());
    EXPECT_EQ(filter.rowCount(), 5);

    filter.setMinimumRating(3);
    EXPECT_TRUE(filter.isFiltering());
    EXPECT_EQ(namesInViewOrder(filter), QStringList({"a_sony.ARW", "b_nikon.NEF"}));
    // A rating changed while filtered takes effect at once.
    model.setRating({path("c_canon.CR2")}, 4);
    EXPECT_EQ(filter.rowCount(), 3);
    filter.setMinimumRating(0);

    filter.setShowRejected(false);
    EXPECT_EQ(filter.rowCount(), 4);
    EXPECT_FALSE(namesInViewOrder(filter).contains("d_chart.dng"));
    filter.setShowRejected(true);

    filter.setLabelFilter(QString("red"));
    EXPECT_EQ(namesInViewOrder(filter), QStringList({"b_nikon.NEF", "c_canon.CR2"}));
    filter.setLabelFilter(QString(""));
    EXPECT_EQ(namesInViewOrder(filter), QStringList({"d_chart.dng", "e_broken.CR2"}));
    filter.setLabelFilter(std::nullopt);
    EXPECT_EQ(filter.rowCount(), 5);
}

TEST_F(LibraryFolder, MultiSelectionByClicksAndSelectAllIsRatedInOneKey) {
    rf::gui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    w.openPath(folder());
    ASSERT_TRUE(waitLoaded(*w.library()));
    QListView* grid = w.grid();
    const auto rect = [&](int row) { return grid->visualRect(w.filterModel()->index(row, 0)); };
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, rect(0).center());
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::ShiftModifier, rect(2).center());
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, Qt::ControlModifier, rect(4).center());
    EXPECT_EQ(grid->selectionModel()->selectedIndexes().size(), 4);
    EXPECT_EQ(w.commands()->selectedPaths(),
              QStringList({path("a_sony.ARW"), path("b_nikon.NEF"), path("c_canon.CR2"),
                           path("e_broken.CR2")}));

    QTest::keyClick(grid, Qt::Key_2);
    for (const char* name : {"a_sony.ARW", "b_nikon.NEF", "c_canon.CR2", "e_broken.CR2"})
        EXPECT_EQ(ratingInSidecar(path(name)), 2) << name;
    EXPECT_FALSE(fs::exists(dir.path() / "d_chart.dng.xmp"));

    QTest::keyClick(grid, Qt::Key_A, Qt::ControlModifier);
    EXPECT_EQ(grid->selectionModel()->selectedIndexes().size(), 5);
    QTest::keyClick(grid, Qt::Key_7);
    for (const char* name :
         {"a_sony.ARW", "b_nikon.NEF", "c_canon.CR2", "d_chart.dng", "e_broken.CR2"})
        EXPECT_EQ(labelInSidecar(path(name)), "Yellow") << name;
}

TEST_F(LibraryFolder, TheFilmstripSharesTheGridsModelAndSelection) {
    PhotoLibraryModel model;
    rf::gui::PhotoFilterModel filter;
    filter.setSourceModel(&model);
    rf::gui::LibraryGrid grid;
    grid.setModel(&filter);
    rf::gui::Filmstrip strip;
    strip.setModel(&filter);
    QItemSelectionModel* own = strip.selectionModel();
    strip.setSelectionModel(grid.selectionModel());
    delete own;
    rf::gui::PhotoCommands commands(&model, grid.selectionModel());
    strip.setCommands(&commands);
    strip.resize(800, 110);
    strip.show();
    model.openFolder(folder());
    ASSERT_TRUE(waitLoaded(model));

    const QModelIndex nikon = filter.mapFromSource(model.index(model.rowOf(path("b_nikon.NEF"))));
    QTest::mouseClick(strip.viewport(), Qt::LeftButton, {}, strip.visualRect(nikon).center());
    EXPECT_EQ(grid.currentIndex(), nikon) << "the grid follows the filmstrip";
    EXPECT_TRUE(grid.selectionModel()->isSelected(nikon));
    const QRect tile = strip.visualRect(nikon);
    EXPECT_NEAR(double(tile.width()) / tile.height(), 1.5, 0.1);
    EXPECT_LE(tile.bottom(), strip.viewport()->height());

    QTest::keyClick(&strip, Qt::Key_4);
    EXPECT_EQ(ratingInSidecar(path("b_nikon.NEF")), 4);
    QTest::keyClick(&strip, Qt::Key_Right);
    EXPECT_EQ(grid.currentIndex().data(PhotoLibraryModel::FileNameRole).toString(), "c_canon.CR2");
}

/// The main window's own action for these keys (the editor's Ctrl+V is a different one).
QAction* actionWithShortcut(const rf::gui::MainWindow& w, const QKeySequence& keys) {
    for (QAction* a : w.findChildren<QAction*>())
        if (a->shortcut() == keys && a->parent() != w.editor()) return a;
    return nullptr;
}

TEST_F(LibraryFolder, EnterOpensDevelopAndTheFilmstripChoosesThePhoto) {
    using Mode = rf::gui::MainWindow::Mode;
    rf::gui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    w.openPath(path("c_canon.CR2"));
    ASSERT_EQ(w.mode(), Mode::Library);
    QTest::keyClick(w.grid(), Qt::Key_Return);
    EXPECT_EQ(w.mode(), Mode::Develop);
    EXPECT_EQ(w.editor()->currentPhoto(), path("c_canon.CR2"));
    EXPECT_TRUE(w.editor()->isVisible());
    EXPECT_TRUE(w.filmstrip()->isVisible());
    EXPECT_FALSE(w.grid()->isVisible());
    EXPECT_FALSE(w.folderTree()->isVisible()) << "the photo gets the room of the folder panel";

    // A click in the filmstrip edits that photo; the grid's selection follows.
    QListView* strip = w.filmstrip();
    const QModelIndex sony = viewIndexOf(w, path("a_sony.ARW"));
    QTest::mouseClick(strip->viewport(), Qt::LeftButton, {}, strip->visualRect(sony).center());
    EXPECT_EQ(w.editor()->currentPhoto(), path("a_sony.ARW"));
    EXPECT_EQ(w.currentPhoto(), path("a_sony.ARW"));

    // Ctrl+Right: the next photo.
    QAction* next = actionWithShortcut(w, QKeySequence(Qt::CTRL | Qt::Key_Right));
    ASSERT_NE(next, nullptr);
    next->trigger();
    EXPECT_EQ(w.editor()->currentPhoto(), path("b_nikon.NEF"));

    // G: back to the grid, on the photo last edited.
    QAction* library = actionWithShortcut(w, QKeySequence(Qt::Key_G));
    ASSERT_NE(library, nullptr);
    library->trigger();
    EXPECT_EQ(w.mode(), Mode::Library);
    EXPECT_TRUE(w.grid()->isVisible());
    EXPECT_TRUE(w.folderTree()->isVisible());
    EXPECT_EQ(w.currentPhoto(), path("b_nikon.NEF"));
    EXPECT_FALSE(w.editor()->undoAction()->isEnabled()) << "the editor's keys rest in Library";

    QAction* develop = actionWithShortcut(w, QKeySequence(Qt::Key_D));
    ASSERT_NE(develop, nullptr);
    develop->trigger();
    EXPECT_EQ(w.mode(), Mode::Develop);
    EXPECT_EQ(w.editor()->currentPhoto(), path("b_nikon.NEF"));
}

TEST_F(LibraryFolder, EditsMadeInDevelopMarkTheTile) {
    rf::gui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    w.openPath(path("c_canon.CR2"));
    ASSERT_TRUE(w.setMode(rf::gui::MainWindow::Mode::Develop));
    rf::gui::PhotoSession* session = w.editor()->session();
    ASSERT_TRUE(waitUntil([&] { return session->isOpen(); }));
    rf::EditDocument edits = session->edits();
    edits.setFloat("exposure.ev", 0.5);
    session->apply(edits, "Exposure +0.50 EV");
    const QModelIndex canon = viewIndexOf(w, path("c_canon.CR2"));
    EXPECT_TRUE(waitUntil([&] { return canon.data(PhotoLibraryModel::EditedRole).toBool(); }))
        << "the autosave's editsSaved refreshes the tile";
    EXPECT_DOUBLE_EQ(
        rf::loadSidecar(path("c_canon.CR2").toStdString()).edits.getFloat("exposure.ev"), 0.5);
}

TEST_F(LibraryFolder, EditsAndLooksGoToTheWholeSelection) {
    rf::gui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    w.openPath(path("c_canon.CR2"));
    ASSERT_TRUE(waitLoaded(*w.library()));
    ASSERT_TRUE(w.setMode(rf::gui::MainWindow::Mode::Develop));
    rf::gui::PhotoSession* session = w.editor()->session();
    ASSERT_TRUE(waitUntil([&] { return session->isOpen(); }));
    rf::EditDocument edits = session->edits();
    edits.setFloat("exposure.ev", 0.7);
    edits.setFloat("tone.contrast", 20);
    session->apply(edits, "Edits");
    w.editor()->copyEditsAction()->trigger();
    w.setMode(rf::gui::MainWindow::Mode::Library);

    QAction* paste = actionWithShortcut(w, QKeySequence(Qt::CTRL | Qt::Key_V));
    ASSERT_NE(paste, nullptr) << "the library's Paste Edits to Selected";
    EXPECT_TRUE(paste->isEnabled());
    EXPECT_FALSE(w.editor()->pasteEditsAction()->isEnabled()) << "one Ctrl+V at a time";
    QItemSelection both;
    for (const char* name : {"a_sony.ARW", "b_nikon.NEF"})
        both.select(viewIndexOf(w, path(name)), viewIndexOf(w, path(name)));
    w.selectionModel()->select(both, QItemSelectionModel::ClearAndSelect);
    paste->trigger();
    for (const char* name : {"a_sony.ARW", "b_nikon.NEF"}) {
        const rf::Sidecar s = rf::loadSidecar(path(name).toStdString());
        EXPECT_DOUBLE_EQ(s.edits.getFloat("exposure.ev"), 0.7) << name;
        EXPECT_DOUBLE_EQ(s.edits.getFloat("tone.contrast"), 20) << name;
        EXPECT_TRUE(viewIndexOf(w, path(name)).data(PhotoLibraryModel::EditedRole).toBool())
            << name;
    }
    EXPECT_FALSE(fs::exists(dir.path() / "d_chart.dng.xmp")) << "not selected";

    const rf::LookLibrary looks = rf::LookLibrary::load();
    ASSERT_FALSE(looks.looks().empty()) << "the looks of the source tree";
    const std::string look = looks.looks().front().name;
    w.applyLookToSelection(QString::fromStdString(look));
    for (const char* name : {"a_sony.ARW", "b_nikon.NEF"}) {
        const rf::Sidecar s = rf::loadSidecar(path(name).toStdString());
        EXPECT_EQ(s.edits.getText("look.name"), look) << name;
        EXPECT_DOUBLE_EQ(s.edits.getFloat("exposure.ev"), 0.7) << "a look keeps the other edits";
    }
    w.applyLookToSelection(QString());
    EXPECT_EQ(rf::loadSidecar(path("a_sony.ARW").toStdString()).edits.getText("look.name"), "");
}

TEST_F(LibraryFolder, TheWindowOpensTheCommandLineFolderAndRemembersIt) {
    QSettings().remove(rf::gui::settings::kLastFolder);
    {
        rf::gui::MainWindow w;
        w.openFromArguments({"rangefinder", folder()});
        EXPECT_EQ(w.library()->folder(), folder());
        EXPECT_EQ(w.library()->rowCount(), 5);
        EXPECT_TRUE(w.windowTitle().contains(QString::fromStdString(dir.path().filename())));
        w.grid()->setTileWidth(150);
        w.filterModel()->setSortKey(rf::gui::PhotoFilterModel::SortKey::CaptureTime);
        w.close();
    }
    EXPECT_EQ(QSettings().value(rf::gui::settings::kLastFolder).toString(), folder());
    {
        rf::gui::MainWindow w;
        w.openFromArguments({"rangefinder"});
        EXPECT_EQ(w.library()->folder(), folder()) << "no argument: the folder used last";
        EXPECT_EQ(w.grid()->tileWidth(), 150);
        EXPECT_EQ(w.filterModel()->sortKey(), rf::gui::PhotoFilterModel::SortKey::CaptureTime);
        w.filterModel()->setSortKey(rf::gui::PhotoFilterModel::SortKey::Name);
    }
    {
        rf::gui::MainWindow w;
        w.openFromArguments({"rangefinder", folder() + "/no-such-folder"});
        EXPECT_TRUE(w.library()->folder().isEmpty()) << "a wrong path opens nothing";
    }
}

TEST_F(LibraryFolder, RefreshFindsNewFilesAndKeepsTheSelection) {
    rf::gui::MainWindow w;
    w.show();
    w.openPath(path("c_canon.CR2"));
    ASSERT_TRUE(waitLoaded(*w.library()));
    w.selectionModel()->select(viewIndexOf(w, path("a_sony.ARW")), QItemSelectionModel::Select);
    copyFile(kCanon, dir.path() / "f_new.CR2");
    fs::remove(dir.path() / "b_nikon.NEF");

    QAction* refresh = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(QKeySequence::Refresh)) refresh = a;
    ASSERT_NE(refresh, nullptr);
    refresh->trigger();
    EXPECT_EQ(w.library()->rowCount(), 5);
    EXPECT_GE(w.library()->rowOf(path("f_new.CR2")), 0);
    EXPECT_LT(w.library()->rowOf(path("b_nikon.NEF")), 0);
    EXPECT_EQ(w.currentPhoto(), path("c_canon.CR2"));
    EXPECT_EQ(w.commands()->selectedPaths(),
              QStringList({path("a_sony.ARW"), path("c_canon.CR2")}));
    // What was loaded stays loaded; only the new file is read.
    EXPECT_FALSE(viewIndexOf(w, path("c_canon.CR2"))
                     .data(PhotoLibraryModel::ThumbnailRole)
                     .value<QImage>()
                     .isNull());
    ASSERT_TRUE(waitLoaded(*w.library()));
    EXPECT_FALSE(viewIndexOf(w, path("f_new.CR2"))
                     .data(PhotoLibraryModel::ThumbnailRole)
                     .value<QImage>()
                     .isNull());
}

TEST_F(LibraryFolder, ExportOpensTheDialogForTheSelection) {
    rf::gui::MainWindow w;
    w.show();
    w.openPath(path("c_canon.CR2"));
    w.selectionModel()->select(viewIndexOf(w, path("a_sony.ARW")), QItemSelectionModel::Select);
    QAction* exportAction = nullptr;
    for (QAction* a : w.findChildren<QAction*>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)) exportAction = a;
    ASSERT_NE(exportAction, nullptr);
    exportAction->trigger();
    rf::gui::ExportDialog* dialog = w.exportController()->dialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->photos(), QStringList({path("a_sony.ARW"), path("c_canon.CR2")}));
    dialog->close();
}

TEST_F(LibraryFolder, AFolderDroppedOnTheWindowOpens) {
    rf::gui::MainWindow w;
    w.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path("b_nikon.NEF"))});
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(&w, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &mime, Qt::LeftButton, {});
    QCoreApplication::sendEvent(&w, &drop);
    EXPECT_EQ(w.library()->folder(), folder());
    EXPECT_EQ(w.currentPhoto(), path("b_nikon.NEF"));

    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(folder() + "/notes.txt")});
    QDragEnterEvent refused(QPoint(100, 100), Qt::CopyAction, &text, Qt::LeftButton, {});
    refused.setAccepted(false);
    QCoreApplication::sendEvent(&w, &refused);
    EXPECT_FALSE(refused.isAccepted()) << "a text file is neither a folder nor a raw";
}

TEST_F(LibraryFolder, TheFolderTreeOpensWhatIsClicked) {
    rf::gui::MainWindow w;
    w.show();
    w.openPath(QString::fromStdString(dir.path().parent_path().string()));
    QTreeView* tree = w.folderTree();
    auto* fsModel = qobject_cast<QFileSystemModel*>(tree->model());
    ASSERT_NE(fsModel, nullptr);
    const QModelIndex ours = fsModel->index(folder());
    ASSERT_TRUE(ours.isValid());
    emit tree->clicked(ours);
    EXPECT_EQ(w.library()->folder(), folder());
    EXPECT_TRUE(waitUntil([&] { return tree->currentIndex() == ours; }))
        << "the tree shows the open folder";
}

TEST(MainWindow, TheShortcutsHelpListsEveryShortcut) {
    rf::gui::MainWindow w;
    rf::gui::ShortcutsDialog* help = w.showShortcuts();
    const QStringList entries = help->entries();
    help->close();
    int withShortcut = 0;
    for (const QAction* a : w.findChildren<QAction*>()) {
        if (a->shortcut().isEmpty()) continue;
        ++withShortcut;
        QString text = a->text();
        text.remove('&');
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        const bool listed = std::any_of(entries.begin(), entries.end(), [&](const QString& e) {
            return e.contains(text) && e.contains(keys);
        });
        EXPECT_TRUE(listed) << text.toStdString() << " (" << keys.toStdString() << ")";
    }
    EXPECT_GE(withShortcut, 20);
    EXPECT_TRUE(entries.join('\n').contains("Open Folder…: Ctrl+O"))
        << entries.join('\n').toStdString();
}

TEST(MainWindow, TheAppIconIsCompiledIn) {
    const QIcon icon = rf::gui::appIcon();
    ASSERT_FALSE(icon.isNull());
    EXPECT_EQ(icon.pixmap(64, 64).size(), QSize(64, 64));
}

TEST(Preferences, TheDisplayProfileIsCheckedAndStored) {
    rf::test::TempDir dir("gui-prefs");
    const auto srgb = rf::iccProfileFor(rf::OutputSpace::SRGB);
    const std::string icc = dir.str("monitor.icc");
    std::ofstream(icc, std::ios::binary)
        .write(reinterpret_cast<const char*>(srgb.data()), std::streamsize(srgb.size()));
    std::ofstream(dir.str("fake.icc")) << std::string(200, 'x');

    QString error;
    EXPECT_FALSE(
        rf::gui::PreferencesDialog::describeProfile(QString::fromStdString(icc), error).isEmpty())
        << error.toStdString();
    EXPECT_TRUE(rf::gui::PreferencesDialog::describeProfile(
                    QString::fromStdString(dir.str("fake.icc")), error)
                    .isEmpty());
    EXPECT_TRUE(error.contains("not an ICC profile")) << error.toStdString();

    rf::gui::PreferencesDialog dialog;
    dialog.setDisplayProfile(QString::fromStdString(icc));
    dialog.save();
    EXPECT_EQ(QSettings().value(rf::gui::settings::kDisplayProfile).toString(),
              QString::fromStdString(icc));
    dialog.setDisplayProfile(QString());
    dialog.save();
    EXPECT_TRUE(QSettings().value(rf::gui::settings::kDisplayProfile).toString().isEmpty());
}

TEST(Orientation, EveryExifOrientationTurnsThePreviewUpright) {
    // A 60×40 JPEG with a white 20×20 block in its top-left corner: where the block ends up
    // after decoding with an orientation is what that orientation does.
    QImage image(60, 40, QImage::Format_RGB32);
    image.fill(Qt::black);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x) image.setPixel(x, y, qRgb(255, 255, 255));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(image.save(&buffer, "JPEG", 95));
    const std::vector<std::uint8_t> jpeg(bytes.begin(), bytes.end());
    struct Expect {
        int orientation;
        QSize size;
        QPoint block;  // the centre of the white block afterwards
    };
    // EXIF: 2 mirrored, 3 turned 180°, 4 flipped, 5 transposed, 6 needs 90° clockwise,
    // 7 transversed, 8 needs 90° anticlockwise.
    for (const Expect& e : {Expect{1, {60, 40}, {10, 10}}, Expect{2, {60, 40}, {50, 10}},
                            Expect{3, {60, 40}, {50, 30}}, Expect{4, {60, 40}, {10, 30}},
                            Expect{5, {40, 60}, {10, 10}}, Expect{6, {40, 60}, {30, 10}},
                            Expect{7, {40, 60}, {30, 50}}, Expect{8, {40, 60}, {10, 50}}}) {
        const QImage out = rf::gui::decodePreview(jpeg, e.orientation);
        ASSERT_EQ(out.size(), e.size) << e.orientation;
        EXPECT_GT(qRed(out.pixel(e.block)), 200) << "orientation " << e.orientation;
        // The opposite corner stays dark.
        const QPoint opposite(out.width() - 1 - e.block.x(), out.height() - 1 - e.block.y());
        EXPECT_LT(qRed(out.pixel(opposite)), 50) << "orientation " << e.orientation;
    }
    // Decoded small for a thumbnail: the long edge is the limit, the aspect kept.
    EXPECT_EQ(rf::gui::decodePreview(jpeg, 6, 30).size(), QSize(20, 30));
    EXPECT_EQ(rf::gui::decodePreview(jpeg, 1, 600).size(), QSize(60, 40)) << "never enlarged";
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // The tests' settings live in a folder of their own, never in the user's.
    rf::test::TempDir config("gui-config");
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.str()));
    // And the developed thumbnails' cache.
    rf::test::TempDir cache("gui-cache");
    qputenv("XDG_CACHE_HOME", QByteArray::fromStdString(cache.str()));
    QApplication app(argc, argv);
    QApplication::setOrganizationName("RangefinderTests");
    QApplication::setApplicationName("test_library");
    rf::gui::applyDarkTheme(app);
    // The app's English, its plural forms included, whatever the machine's language.
    rf::gui::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
