// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a folder in the library: the time from PhotoLibraryModel::openFolder on a folder of
// 100 raws to the first thumbnail in the model (what decides whether the grid feels instant;
// target < 300 ms) and to all 100. The folder holds 100 symlinks to the Canon EOS 30D CR2, so
// every file is opened, parsed and its preview decoded as if it were separate, while the page
// cache holds the one file: this measures the app, not the disk. "grid" has a LibraryGrid
// shown on the model (the visible tiles are asked for first, as in the app); "model" has no
// view (metadata of all files first, then thumbnails in order). Also: rating all 100 at once,
// which writes 100 sidecars on the GUI thread.
//
// Developed thumbnails: a folder of 200 raws (the test data's Canon EOS 30D CR2 and EOS D30
// CRW, alternately), 50 of them edited (copies, each with a sidecar holding an exposure of its
// own and a look), opened with a grid shown until every thumbnail is in and every edited one
// shows its edits: the first time with an empty cache (50 renders), then again from the cache
// (none). And an edit saved in Develop until its tile shows it. XDG_CACHE_HOME points at a
// temporary folder for the whole run.

#include <benchmark/benchmark.h>

#include <unistd.h>
#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <filesystem>
#include <memory>
#include <string>

#include "library/library_grid.h"
#include "library/photo_filter_model.h"
#include "library/photo_library_model.h"
#include "library/photo_loader.h"
#include "rangefinder/looks.h"
#include "rangefinder/sidecar.h"

namespace fs = std::filesystem;
using rf::gui::PhotoLibraryModel;

namespace {

const fs::path kCr2 =
    fs::path(RF_SOURCE_DIR) / ".." / "shared" / "testdata" / "raw" / "canon-eos30d.CR2";
constexpr int kFiles = 100;

/// 100 symlinks to the CR2 in a temporary folder, removed at exit.
class Folder {
  public:
    Folder() {
        path_ = fs::temp_directory_path() / ("rf-bench-thumbs-" + std::to_string(::getpid()));
        fs::remove_all(path_);
        fs::create_directories(path_);
        for (int i = 0; i < kFiles; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "IMG_%04d.CR2", i + 1);
            fs::create_symlink(fs::absolute(kCr2), path_ / name);
        }
    }
    ~Folder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    QString path() const { return QString::fromStdString(path_.string()); }

  private:
    fs::path path_;
};

const Folder& folder() {
    static Folder f;
    return f;
}

/// Runs the event loop (sleeping while there is nothing to do: the workers need the cores)
/// until `done`.
template <typename Done>
void waitFor(Done done) {
    QTimer tick;
    tick.start(5);
    while (!done()) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

enum class Until { FirstThumbnail, AllThumbnails };

void openFolder(benchmark::State& state, Until until) {
    if (!fs::exists(kCr2)) {
        state.SkipWithError("shared/testdata/raw/canon-eos30d.CR2 not found");
        return;
    }
    const bool withGrid = state.range(0) != 0;
    const QString dir = folder().path();
    for (auto _ : state) {
        PhotoLibraryModel model(rf::gui::LibraryGrid::kMaxTileWidth);
        rf::gui::PhotoFilterModel filter;
        filter.setSourceModel(&model);
        std::unique_ptr<rf::gui::LibraryGrid> grid;
        if (withGrid) {
            grid = std::make_unique<rf::gui::LibraryGrid>();
            grid->setModel(&filter);
            grid->resize(1280, 800);
            grid->show();
            QCoreApplication::processEvents();
        }
        bool first = false;
        QObject::connect(&model, &QAbstractItemModel::dataChanged, [&](const QModelIndex& i) {
            if (!i.data(PhotoLibraryModel::ThumbnailRole).value<QImage>().isNull()) first = true;
        });
        QElapsedTimer timer;
        timer.start();
        model.openFolder(dir);
        if (until == Until::FirstThumbnail)
            waitFor([&] { return first; });
        else
            waitFor([&] { return !model.isLoading(); });
        state.SetIterationTime(double(timer.nsecsElapsed()) * 1e-9);
        if (model.rowCount() != kFiles || (until == Until::AllThumbnails && !first)) {
            state.SkipWithError("the folder did not load");
            return;
        }
        // Leaving the scope waits for the jobs still running (untimed).
    }
}

void BM_OpenFolderFirstThumbnail(benchmark::State& state) {
    openFolder(state, Until::FirstThumbnail);
}
BENCHMARK(BM_OpenFolderFirstThumbnail)
    ->ArgName("grid")
    ->Arg(1)
    ->Arg(0)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

void BM_OpenFolderAllThumbnails(benchmark::State& state) {
    openFolder(state, Until::AllThumbnails);
}
BENCHMARK(BM_OpenFolderAllThumbnails)
    ->ArgName("grid")
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

/// Rating a selection of all 100 photos: each sidecar is loaded, changed and saved atomically
/// on the GUI thread, so this is how long the window is busy after pressing a key.
void BM_RateHundredPhotos(benchmark::State& state) {
    if (!fs::exists(kCr2)) {
        state.SkipWithError("shared/testdata/raw/canon-eos30d.CR2 not found");
        return;
    }
    PhotoLibraryModel model(rf::gui::LibraryGrid::kMaxTileWidth);
    model.openFolder(folder().path());
    waitFor([&] { return !model.isLoading(); });
    QStringList paths;
    for (int r = 0; r < model.rowCount(); ++r) paths << model.pathAt(r);
    int stars = 0;
    for (auto _ : state) {
        const auto writes = model.setRating(paths, 1 + stars++ % 5);
        if (writes.written != kFiles) {
            state.SkipWithError("sidecars were not written");
            return;
        }
    }
    for (const QString& p : paths) fs::remove(p.toStdString() + ".xmp");
}
BENCHMARK(BM_RateHundredPhotos)->Unit(benchmark::kMillisecond)->UseRealTime();

const fs::path kCrw =
    fs::path(RF_SOURCE_DIR) / ".." / "shared" / "testdata" / "raw" / "canon-eosd30.CRW";
constexpr int kEditedFolderFiles = 200;

/// 200 raws, the CR2 and the CRW alternately; two in every eight edited (an exposure of its
/// own and a look), 50 in all. The edited ones are copies, each its own file as in a real
/// folder (the app decodes a file once for several renders of it, and would decode a
/// symlinked file once for all its links); the others symlinks. Removed at exit.
class EditedFolder {
  public:
    EditedFolder() {
        path_ = fs::temp_directory_path() / ("rf-bench-developed-" + std::to_string(::getpid()));
        fs::remove_all(path_);
        fs::create_directories(path_);
        const rf::LookLibrary looks = rf::LookLibrary::load();
        for (int i = 0; i < kEditedFolderFiles; ++i) {
            const bool crw = i % 2 == 1;
            const bool edited = i % 8 < 2;
            char name[32];
            std::snprintf(name, sizeof name, "IMG_%04d.%s", i + 1, crw ? "CRW" : "CR2");
            const fs::path file = path_ / name;
            const fs::path source = fs::absolute(crw ? kCrw : kCr2);
            if (!edited) {
                fs::create_symlink(source, file);
                continue;
            }
            fs::copy_file(source, file);
            rf::Sidecar sidecar;
            sidecar.edits.setFloat("exposure.ev", -1.0 + 0.01 * i);
            if (!looks.looks().empty())
                sidecar.edits = rf::withLook(
                    sidecar.edits, looks.looks()[std::size_t(edited_) % looks.looks().size()]);
            rf::saveSidecar(file.string(), sidecar);
            editedPaths_ << QString::fromStdString(file.string());
            ++edited_;
        }
    }
    ~EditedFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    QString path() const { return QString::fromStdString(path_.string()); }
    int edited() const { return edited_; }
    const QStringList& editedPaths() const { return editedPaths_; }

  private:
    fs::path path_;
    int edited_ = 0;
    QStringList editedPaths_;
};

const EditedFolder& editedFolder() {
    static EditedFolder f;
    return f;
}

/// The folder opened with a grid shown, until every thumbnail is in and every edited photo's
/// shows its edits. Arg 0: the cache emptied first; 1: the cache as the last opening left it.
void BM_OpenEditedFolder(benchmark::State& state) {
    if (!fs::exists(kCr2) || !fs::exists(kCrw)) {
        state.SkipWithError("shared/testdata/raw/canon-eos30d.CR2 or canon-eosd30.CRW not found");
        return;
    }
    const bool fromCache = state.range(0) != 0;
    const QString dir = editedFolder().path();
    long rendered = 0;
    for (auto _ : state) {
        std::unique_ptr<PhotoLibraryModel> model;
        if (fromCache) {
            // Filled by an opening before the first timed one.
            static bool filled = false;
            if (!filled) {
                PhotoLibraryModel warm(rf::gui::LibraryGrid::kMaxTileWidth);
                warm.openFolder(dir);
                waitFor([&] { return warm.pendingThumbnails() == 0; });
                filled = true;
            }
        }
        model = std::make_unique<PhotoLibraryModel>(rf::gui::LibraryGrid::kMaxTileWidth);
        if (!fromCache) {
            std::error_code ec;
            fs::remove_all(model->thumbnailCacheDir().toStdString(), ec);
        }
        rf::gui::PhotoFilterModel filter;
        filter.setSourceModel(model.get());
        rf::gui::LibraryGrid grid;
        grid.setModel(&filter);
        grid.resize(1280, 800);
        grid.show();
        QCoreApplication::processEvents();
        const long before = rf::gui::detail::developedRenders.load();
        QElapsedTimer timer;
        timer.start();
        model->openFolder(dir);
        waitFor([&] { return model->pendingThumbnails() == 0; });
        state.SetIterationTime(double(timer.nsecsElapsed()) * 1e-9);
        rendered += rf::gui::detail::developedRenders.load() - before;
        if (model->rowCount() != kEditedFolderFiles) {
            state.SkipWithError("the folder did not load");
            return;
        }
    }
    state.counters["edited"] = editedFolder().edited();
    state.counters["renders"] =
        benchmark::Counter(double(rendered), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_OpenEditedFolder)
    ->ArgName("cached")
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3);

/// An edit saved in Develop reaching its tile: the sidecar changed (a new exposure each time,
/// so never a cache hit) and refreshPhoto, as the editor's autosave calls it, until the tile
/// shows the new edits; the grid shown on the edited folder. "again" 1: the photo's tile was
/// developed last (the photo is being edited: its decoded raw is kept); 0: another photo's
/// was (the first edit after switching photos: a decode and a render).
void BM_TileAfterAnEdit(benchmark::State& state) {
    if (!fs::exists(kCr2) || !fs::exists(kCrw)) {
        state.SkipWithError("shared/testdata/raw/canon-eos30d.CR2 or canon-eosd30.CRW not found");
        return;
    }
    const bool again = state.range(0) != 0;
    PhotoLibraryModel model(rf::gui::LibraryGrid::kMaxTileWidth);
    rf::gui::PhotoFilterModel filter;
    filter.setSourceModel(&model);
    rf::gui::LibraryGrid grid;
    grid.setModel(&filter);
    grid.resize(1280, 800);
    grid.show();
    model.openFolder(editedFolder().path());
    waitFor([&] { return model.pendingThumbnails() == 0; });
    static int step = 0;  // across repetitions too: every edit a new one
    const auto edit = [&](const QString& photo) {
        rf::updateSidecar(photo.toStdString(), [&](rf::Sidecar& s) {
            s.edits.setFloat("exposure.ev", 1.0 + 0.001 * ++step);
            return true;
        });
        model.refreshPhoto(photo);
        waitFor([&] { return model.pendingThumbnails() == 0; });
    };
    const QString photo = editedFolder().editedPaths().first();  // IMG_0001.CR2
    const QString other = editedFolder().editedPaths().last();
    edit(photo);
    for (auto _ : state) {
        if (!again) edit(other);  // untimed
        rf::updateSidecar(photo.toStdString(), [&](rf::Sidecar& s) {
            s.edits.setFloat("exposure.ev", 1.0 + 0.001 * ++step);
            return true;
        });
        QElapsedTimer timer;
        timer.start();
        model.refreshPhoto(photo);
        waitFor([&] { return model.pendingThumbnails() == 0; });
        state.SetIterationTime(double(timer.nsecsElapsed()) * 1e-9);
    }
}
BENCHMARK(BM_TileAfterAnEdit)
    ->ArgName("again")
    ->Arg(0)
    ->Arg(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // The developed thumbnails go to a cache of the run's own, never the user's.
    const fs::path cache =
        fs::temp_directory_path() / ("rf-bench-thumbnail-cache-" + std::to_string(::getpid()));
    qputenv("XDG_CACHE_HOME", QByteArray::fromStdString(cache.string()));
    struct RemoveCache {
        fs::path path;
        ~RemoveCache() {
            std::error_code ec;
            fs::remove_all(path, ec);
        }
    } removeCache{cache};
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
