// SPDX-License-Identifier: GPL-3.0-or-later
// rangefinder-docs-screenshots: the pictures of the app in docs/images, made from the real
// window so that they can be regenerated whenever the app changes (scripts/docs-screenshots.sh
// runs every scene). Each scene builds a sample folder from the shared test data (the two
// Canon raws, Kodak images mosaicked into DNGs by the project's writer), drives the window
// through the same calls a photographer's clicks make, waits for the thumbnails and renders
// to arrive, and grabs the window (or a dialog) into a file. It runs offscreen
// (QT_QPA_PLATFORM=offscreen) with its own HOME, so no setting of the user's is read or
// changed. One scene per process: the language is chosen before QApplication starts.

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QScreen>
#include <QTimer>
#include <QTreeView>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "app/main_window.h"
#include "app/theme.h"
#include "editor/editor_widget.h"
#include "editor/image_viewer.h"
#include "editor/looks_panel.h"
#include "export/export_controller.h"
#include "export/export_dialog.h"
#include "export/export_summary_dialog.h"
#include "i18n/translations.h"
#include "library/library_bar.h"
#include "library/photo_commands.h"
#include "library/photo_filter_model.h"
#include "library/photo_library_model.h"
#include "rangefinder/image.h"
#include "support/qt_wait.h"
#include "synth.h"

namespace fs = std::filesystem;
using namespace rf::gui;

namespace {

const fs::path kTestData = fs::path(RF_SOURCE_DIR) / ".." / "shared" / "testdata";

/// The widget tests' wait, with a deadline long enough for a folder's developed thumbnails.
bool waitUntil(const std::function<bool()>& done, int milliseconds = 120000) {
    return rf::test::waitUntil(done, milliseconds);
}

void settle(int milliseconds) {
    waitUntil([] { return false; }, milliseconds);
}

/// A Kodak image as a raw "taken" by the synthetic camera: its sRGB values decoded to linear
/// light and mosaicked into a DNG, so the library shows a real scene rendered by our pipeline.
void writeKodakDng(const fs::path& png, const fs::path& dng) {
    const cv::Mat bgr = cv::imread(png.string(), cv::IMREAD_COLOR);
    if (bgr.empty()) throw std::runtime_error(png.string() + ": cannot read");
    rf::Image scene(bgr.cols, bgr.rows, 3);
    for (int y = 0; y < bgr.rows; ++y) {
        const auto* s = bgr.ptr<unsigned char>(y);
        float* d = scene.row(y);
        for (int x = 0; x < bgr.cols; ++x)
            for (int c = 0; c < 3; ++c) {
                const double v = s[3 * x + 2 - c] / 255.0;
                d[3 * x + c] = float(v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4));
            }
    }
    rf::synth::DngOptions o;
    o.noise = 0.001;
    o.model = "Synthetic Camera";
    rf::synth::writeDng(dng.string(), scene.cview(), o);
}

/// The sample folder: the Canon raws (the CR2 several times, for the batch) and Kodak scenes.
QString makeFolder(const fs::path& root) {
    const fs::path dir = root / "Photos" / "2026-10 Autumn";
    fs::create_directories(dir);
    const fs::path cr2 = kTestData / "raw" / "canon-eos30d.CR2";
    const fs::path crw = kTestData / "raw" / "canon-eosd30.CRW";
    for (const char* name : {"IMG_5952.CR2", "IMG_5953.CR2", "IMG_5954.CR2", "IMG_5955.CR2"})
        fs::copy_file(cr2, dir / name, fs::copy_options::overwrite_existing);
    fs::copy_file(crw, dir / "CRW_0412.CRW", fs::copy_options::overwrite_existing);
    // A card that was pulled too early: the file ends in the middle of the raw data.
    fs::copy_file(cr2, dir / "IMG_5956.CR2", fs::copy_options::overwrite_existing);
    fs::resize_file(dir / "IMG_5956.CR2", 3 * 1024 * 1024);
    for (const char* kodak : {"kodim03", "kodim05", "kodim14", "kodim23", "kodim21", "kodim07"})
        writeKodakDng(kTestData / "kodak" / (std::string(kodak) + ".png"),
                      dir / (std::string("KOD_") + (kodak + 5) + ".dng"));
    return QString::fromStdString(dir.string());
}

QString photo(const QString& folder, const char* name) {
    return QDir(folder).filePath(QString::fromLatin1(name));
}

void selectOnly(MainWindow& w, const QStringList& paths) {
    QItemSelectionModel* sel = w.selectionModel();
    sel->clearSelection();
    for (const QString& p : paths) {
        for (int r = 0; r < w.filterModel()->rowCount(); ++r) {
            const QModelIndex i = w.filterModel()->index(r, 0);
            if (i.data(PhotoLibraryModel::PathRole).toString() == p)
                sel->select(i, QItemSelectionModel::Select);
        }
    }
}

bool save(const QImage& image, const QString& out) {
    // JPEG at quality 90; PNG at Qt's default compression (its "quality" runs the other way).
    const int quality = out.endsWith(QLatin1String(".png"), Qt::CaseInsensitive) ? -1 : 90;
    if (image.isNull() || !image.save(out, nullptr, quality)) {
        std::fprintf(stderr, "docs-screenshots: cannot write %s\n", qPrintable(out));
        return false;
    }
    std::printf("%s\n", qPrintable(out));
    return true;
}

/// Opens the folder, waits for every thumbnail, and applies looks to part of it as a
/// photographer's batch would (select, Photo → Apply Look to Selected).
void openAndEdit(MainWindow& w, const QString& folder) {
    w.openPath(folder);
    waitUntil([&] { return w.library()->rowCount() > 0 && !w.library()->isLoading(); });
    selectOnly(w, {photo(folder, "IMG_5953.CR2"), photo(folder, "KOD_05.dng")});
    w.applyLookToSelection(QStringLiteral("Leica Vibrant"));
    selectOnly(w, {photo(folder, "IMG_5954.CR2"), photo(folder, "KOD_14.dng")});
    w.applyLookToSelection(QStringLiteral("Leica Monochrome"));
    selectOnly(w, {photo(folder, "IMG_5955.CR2"), photo(folder, "KOD_23.dng")});
    w.applyLookToSelection(QStringLiteral("Leica Authentic"));
    // A cull in progress: some photos rated, some labelled.
    selectOnly(w, {photo(folder, "IMG_5953.CR2"), photo(folder, "KOD_23.dng")});
    w.commands()->rate(4);
    selectOnly(w, {photo(folder, "IMG_5955.CR2"), photo(folder, "KOD_21.dng")});
    w.commands()->rate(3);
    selectOnly(w, {photo(folder, "KOD_05.dng")});
    w.commands()->toggleLabel(QStringLiteral("Red"));
    selectOnly(w, {photo(folder, "KOD_14.dng"), photo(folder, "IMG_5954.CR2")});
    w.commands()->toggleLabel(QStringLiteral("Green"));
    selectOnly(w, {photo(folder, "IMG_5952.CR2")});
    settle(500);
    waitUntil([&] { return !w.library()->isLoading(); });
    settle(1500);
}

int run(const QString& scene, const QString& out) {
    const fs::path root = fs::path(qPrintable(QDir::homePath()));
    const QString folder = makeFolder(root);

    MainWindow w;
    w.resize(1600, 1000);
    w.show();
    settle(200);
    openAndEdit(w, folder);

    if (scene == "library") return save(w.grab().toImage(), out) ? 0 : 1;

    if (scene == "library-filtered") {
        PhotoFilterModel::Filters filters;
        filters.minimumRating = 3;
        w.filterModel()->setFilters(filters);
        w.libraryBar()->syncFromModels();
        settle(1500);
        return save(w.grab().toImage(), out) ? 0 : 1;
    }

    // The editor scenes: the CR2 with Leica Authentic.
    w.selectPhoto(photo(folder, "IMG_5955.CR2"));
    w.setMode(MainWindow::Mode::Develop);
    waitUntil([&] { return w.editor()->viewer()->hasRender(); });
    settle(2500);
    if (scene == "editor" || scene == "editor-localised")
        return save(w.grab().toImage(), out) ? 0 : 1;
    if (scene == "looks") {
        // The panel column: the histogram, the looks gallery from its top, the first sliders.
        LooksPanel* looks = w.editor()->looksPanel();
        looks->renderThumbnails();
        settle(8000);
        looks->gallery()->scrollToTop();
        settle(300);
        const int left = looks->mapTo(&w, QPoint(0, 0)).x() - 16;
        return save(w.grab(QRect(left, 22, w.width() - left, 720)).toImage(), out) ? 0 : 1;
    }
    if (scene == "compare") {
        // The camera's own JPEG against the edit, split, as C and Y give it.
        w.editor()->cameraCompareAction()->setChecked(true);
        if (!w.editor()->splitViewAction()->isChecked()) w.editor()->splitViewAction()->trigger();
        settle(6000);
        return save(w.grab().toImage(), out) ? 0 : 1;
    }
    if (scene == "crop") {
        w.editor()->cropToolAction()->trigger();
        settle(2000);
        return save(w.grab().toImage(), out) ? 0 : 1;
    }
    if (scene == "export") {
        w.exportController()->exportPhotos({photo(folder, "IMG_5955.CR2")});
        ExportDialog* dialog = w.exportController()->dialog();
        if (!dialog) return 1;
        settle(1500);
        return save(dialog->grab().toImage(), out) ? 0 : 1;
    }
    std::fprintf(stderr, "docs-screenshots: unknown scene %s\n", qPrintable(scene));
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Rangefinder"));
    QApplication::setOrganizationName(QStringLiteral("Rangefinder"));
    installTranslations(app);
    applyDarkTheme(app);
    if (argc != 3) {
        std::fprintf(stderr,
                     "usage: rangefinder-docs-screenshots SCENE OUT\n"
                     "scenes: library library-filtered editor editor-localised looks compare crop "
                     "export\n");
        return 2;
    }
    try {
        return run(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[2]));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "docs-screenshots: %s\n", e.what());
        return 1;
    }
}
