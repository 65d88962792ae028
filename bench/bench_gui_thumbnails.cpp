// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a folder in the library: the time from PhotoLibraryModel::openFolder on a folder of
// 100 raws to the first thumbnail in the model (what decides whether the grid feels instant;
// target < 300 ms) and to all 100. The folder holds 100 symlinks to the Canon EOS 30D CR2, so
// every file is opened, parsed and its preview decoded as if it were separate, while the page
// cache holds the one file: this measures the app, not the disk. "grid" has a LibraryGrid
// shown on the model (the visible tiles are asked for first, as in the app); "model" has no
// view (metadata of all files first, then thumbnails in order). Also: rating all 100 at once,
// which writes 100 sidecars on the GUI thread.

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

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
