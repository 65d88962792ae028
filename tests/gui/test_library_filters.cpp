// SPDX-License-Identifier: GPL-3.0-or-later
// The library's filters belong to the folder they were set in, and a filter that hides photos
// always says so. Driven through the real main window offscreen over two folders of real raws:
// a rating filter set in one folder does not empty the next one's grid; coming back (in this
// run or the next, by another path to the same folder) finds it again; the bar's indicator
// counts the hidden photos, names the filters, and its button shows them all; a grid emptied
// by a filter says so; filters kept by an older version become the last folder's alone.

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <filesystem>
#include <functional>

#include "app/folder_filters.h"
#include "app/main_window.h"
#include "app/settings.h"
#include "app/theme.h"
#include "i18n/translations.h"
#include "library/library_bar.h"
#include "library/photo_filter_model.h"
#include "library/photo_library_model.h"
#include "support/qt_wait.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using rf::gui::LibraryBar;
using rf::gui::MainWindow;
using rf::gui::PhotoFilterModel;

void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}

namespace {

using rf::test::waitUntil;

bool waitLoaded(const MainWindow& w) {
    return waitUntil([&] { return !w.library()->isLoading(); });
}

void copyFile(const fs::path& from, const fs::path& to) {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write);
}

void chooseRating(LibraryBar* bar, int stars) {
    bar->ratingBox()->setCurrentIndex(bar->ratingBox()->findData(stars));
}

/// Two folders of raws with embedded previews (quick to load): "shoot-a" holds two photos, one
/// of them rated three stars; "shoot-b" holds three unrated ones.
class FolderFilters : public ::testing::Test {
  protected:
    void SetUp() override {
        RF_REQUIRE_TESTDATA("truncated");
        QSettings().clear();
        const fs::path truncated = rf::test::testdata() / "truncated";
        const fs::path sony = truncated / "ARW_SonySLT-A55V_truncated.ARW";
        const fs::path nikon = truncated / "NEF_NikonD7100_truncated.NEF";
        fs::create_directories(a());
        fs::create_directories(b());
        copyFile(sony, a() / "a1.ARW");
        copyFile(nikon, a() / "a2.NEF");
        copyFile(sony, b() / "b1.ARW");
        copyFile(nikon, b() / "b2.NEF");
        copyFile(sony, b() / "b3.ARW");
    }
    void TearDown() override { QSettings().clear(); }

    fs::path a() const { return dir.path() / "shoot-a"; }
    fs::path b() const { return dir.path() / "shoot-b"; }
    static QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

    /// Opens shoot-a, rates a1 three stars and filters on three stars and up.
    void filterFolderA(MainWindow& w) {
        w.openPath(q(a()));
        ASSERT_TRUE(waitLoaded(w));
        w.library()->setRating({q(a() / "a1.ARW")}, 3);
        chooseRating(w.libraryBar(), 3);
        ASSERT_EQ(w.filterModel()->rowCount(), 1);
    }

    rf::test::TempDir dir{"gui-folder-filters"};
};

}  // namespace

TEST_F(FolderFilters, AFilterSetInOneFolderDoesNotEmptyTheNext) {
    MainWindow w;
    w.show();
    filterFolderA(w);
    if (HasFatalFailure()) return;
    LibraryBar* bar = w.libraryBar();
    EXPECT_TRUE(bar->filterIndicator()->isVisible()) << "a filter hides a2";

    w.openPath(q(b()));
    ASSERT_TRUE(waitLoaded(w));
    EXPECT_EQ(w.filterModel()->rowCount(), 3) << "shoot-b opens showing every photo";
    EXPECT_FALSE(w.filterModel()->isFiltering());
    EXPECT_EQ(bar->ratingBox()->currentData().toInt(), 0) << "the bar shows no filter";
    EXPECT_FALSE(bar->filterIndicator()->isVisible());

    // Back in shoot-a its filter is as it was left.
    w.openPath(q(a()));
    ASSERT_TRUE(waitLoaded(w));
    EXPECT_EQ(w.filterModel()->minimumRating(), 3);
    EXPECT_EQ(w.filterModel()->rowCount(), 1);
    EXPECT_EQ(bar->ratingBox()->currentData().toInt(), 3);
    EXPECT_TRUE(bar->filterIndicator()->isVisible());

    // Refreshing the folder is not a change of folder: the filter stays.
    w.openPath(q(a() / "a1.ARW"));
    EXPECT_EQ(w.filterModel()->minimumRating(), 3);
}

TEST_F(FolderFilters, TheIndicatorCountsTheHiddenPhotosNamesTheFilterAndClearsIt) {
    MainWindow w;
    w.show();
    filterFolderA(w);
    if (HasFatalFailure()) return;
    LibraryBar* bar = w.libraryBar();
    ASSERT_TRUE(bar->filterIndicator()->isVisible());
    const QString text = bar->filterIndicatorLabel()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("1 of 2 photos hidden"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("rating ★★★ and up"))) << text.toStdString();

    // A rating given while filtered changes the count at once.
    w.library()->setRating({q(a() / "a2.NEF")}, 4);
    EXPECT_FALSE(bar->filterIndicator()->isVisible()) << "nothing is hidden any more";
    w.library()->setRating({q(a() / "a2.NEF")}, 1);
    EXPECT_TRUE(bar->filterIndicator()->isVisible());

    // One click shows everything and the bar's controls say so.
    QPushButton* clear = bar->clearFilterButton();
    ASSERT_TRUE(clear->isVisible());
    clear->click();
    EXPECT_FALSE(w.filterModel()->isFiltering());
    EXPECT_EQ(w.filterModel()->rowCount(), 2);
    EXPECT_FALSE(bar->filterIndicator()->isVisible());
    EXPECT_EQ(bar->ratingBox()->currentData().toInt(), 0);
    // …and the folder has no filter to come back to.
    QSettings s;
    EXPECT_FALSE(rf::gui::loadFolderFilters(s, q(a())).active());
}

TEST_F(FolderFilters, AGridEmptiedByAFilterSaysWhichFilterAndOffersToClearIt) {
    MainWindow w;
    w.show();
    w.openPath(q(b()));
    ASSERT_TRUE(waitLoaded(w));
    LibraryBar* bar = w.libraryBar();
    bar->labelBox()->setCurrentIndex(bar->labelBox()->findData(QStringLiteral("Red")));
    bar->rejectedBox()->setChecked(false);
    ASSERT_EQ(w.filterModel()->rowCount(), 0);
    ASSERT_TRUE(bar->filterIndicator()->isVisible()) << "0 of 3 shown is never silent";
    const QString text = bar->filterIndicatorLabel()->text();
    EXPECT_TRUE(text.contains(QStringLiteral("No photo shown"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("all 3 photos"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Red label"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("rejected photos off"))) << text.toStdString();
    EXPECT_TRUE(bar->clearFilterButton()->isVisible());
    bar->clearFilterButton()->click();
    EXPECT_EQ(w.filterModel()->rowCount(), 3);
    EXPECT_EQ(bar->labelBox()->currentIndex(), 0) << "Any label";
    EXPECT_TRUE(bar->rejectedBox()->isChecked());
}

TEST_F(FolderFilters, EachFoldersFilterIsRememberedAcrossRunsByItsCanonicalPath) {
    {
        MainWindow w;
        w.show();
        filterFolderA(w);
        if (HasFatalFailure()) return;
        w.openPath(q(b()));
        w.close();
    }
    {
        MainWindow w;
        w.openFromArguments({"rangefinder"});  // the folder used last: shoot-b
        ASSERT_TRUE(waitLoaded(w));
        EXPECT_EQ(w.library()->folder(), q(b()));
        EXPECT_FALSE(w.filterModel()->isFiltering());
        // shoot-a reached through a symbolic link is shoot-a.
        const fs::path link = dir.path() / "link-to-a";
        fs::create_directory_symlink(a(), link);
        w.openPath(q(link));
        ASSERT_TRUE(waitLoaded(w));
        EXPECT_EQ(w.filterModel()->minimumRating(), 3);
        EXPECT_EQ(w.filterModel()->rowCount(), 1);
    }
}

TEST_F(FolderFilters, FiltersAnOlderVersionKeptBecomeTheLastFoldersOnly) {
    {
        QSettings s;
        s.setValue(rf::gui::settings::kLastFolder, q(a()));
        s.setValue(rf::gui::settings::kMinimumRating, 2);
        s.setValue(rf::gui::settings::kLabelFilter, QStringLiteral("Green"));
    }
    MainWindow w;
    w.openFromArguments({"rangefinder"});
    ASSERT_TRUE(waitLoaded(w));
    EXPECT_EQ(w.filterModel()->minimumRating(), 2);
    EXPECT_EQ(w.filterModel()->labelFilter(), std::optional<QString>(QStringLiteral("Green")));
    w.openPath(q(b()));
    EXPECT_FALSE(w.filterModel()->isFiltering()) << "the old global filter stays with shoot-a";
    QSettings s;
    EXPECT_FALSE(s.contains(rf::gui::settings::kMinimumRating));
    EXPECT_FALSE(s.contains(rf::gui::settings::kLabelFilter));
}

TEST(FolderFilterStore, KeepsOnlyFiltersThatHideSomethingAndTheMostRecentFolders) {
    rf::test::TempDir dir("folder-filter-store");
    QSettings s(QString::fromStdString(dir.str("store.ini")), QSettings::IniFormat);
    PhotoFilterModel::Filters f;
    f.minimumRating = 4;
    rf::gui::saveFolderFilters(s, "/photos/one", f);
    EXPECT_EQ(rf::gui::loadFolderFilters(s, "/photos/one/"), f) << "the same folder, cleaned";
    EXPECT_FALSE(rf::gui::loadFolderFilters(s, "/photos/two").active());
    rf::gui::saveFolderFilters(s, "/photos/one", {});
    EXPECT_EQ(s.value(QStringLiteral("library/folderFilters/size"), 0).toInt(), 0);
    for (int i = 0; i < rf::gui::kMaxFilteredFolders + 5; ++i)
        rf::gui::saveFolderFilters(s, QStringLiteral("/photos/%1").arg(i), f);
    EXPECT_EQ(s.value(QStringLiteral("library/folderFilters/size")).toInt(),
              rf::gui::kMaxFilteredFolders);
    EXPECT_FALSE(rf::gui::loadFolderFilters(s, "/photos/0").active()) << "the oldest went";
    EXPECT_TRUE(rf::gui::loadFolderFilters(s, "/photos/204").active());
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // The tests' settings live in a folder of their own, never in the user's.
    rf::test::TempDir config("gui-filters-config");
    qputenv("XDG_CONFIG_HOME", QByteArray::fromStdString(config.str()));
    QApplication app(argc, argv);
    QApplication::setOrganizationName("RangefinderTests");
    QApplication::setApplicationName("test_library_filters");
    rf::gui::applyDarkTheme(app);
    rf::gui::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
