// SPDX-License-Identifier: GPL-3.0-or-later
// The export as a photographer meets it: the dialog driven through its widgets, Web and Full
// size run together over a synthetic DNG, a real Canon CR2 and a corrupt file, the summary's
// failures, cancelling mid-run, user presets through QSettings, and the sidecar's edits in
// the exported pixels. Runs offscreen (ctest sets QT_QPA_PLATFORM=offscreen).
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <filesystem>
#include <fstream>
#include <memory>

#include "export/export_controller.h"
#include "export/export_dialog.h"
#include "export/export_preset.h"
#include "export/export_progress_widget.h"
#include "export/export_runner.h"
#include "export/export_summary_dialog.h"
#include "i18n/translations.h"
#include "rangefinder/error.h"
#include "rangefinder/export_schema.h"
#include "rangefinder/raw.h"
#include "rangefinder/sidecar.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
using namespace rf::gui;
namespace fs = std::filesystem;

// gtest prints QStrings as text.
QT_BEGIN_NAMESPACE
inline void PrintTo(const QString& s, std::ostream* os) {
    *os << '"' << s.toStdString() << '"';
}
QT_END_NAMESPACE

namespace {

const char* const kCanonRaw = "/usr/share/doc/rawtran/IMG_5952.CR2";

// QSettings of the whole test binary live in a temporary folder, never the user's.
std::unique_ptr<test::TempDir> gSettingsDir;

QString q(const std::string& s) {
    return QString::fromStdString(s);
}
QString q(const fs::path& p) {
    return QString::fromStdString(p.string());
}

void clearSettings() {
    QSettings settings;
    settings.clear();
    settings.sync();
}

std::string writeChart(const test::TempDir& dir, const std::string& name, int w = 600,
                       int h = 400) {
    const std::string path = dir.str(name);
    const Image scene = synth::renderChart(w, h);
    synth::writeDng(path, scene.cview(), synth::DngOptions{});
    return path;
}

QSize imageSize(const QString& path) {
    return QImageReader(path).size();
}

// The size a full-size export has: the decoded size, turned as the EXIF orientation says.
QSize fullSizeOf(const std::string& raw) {
    const CaptureInfo info = readCaptureInfo(raw);
    return info.orientation >= 5 ? QSize(info.height, info.width) : QSize(info.width, info.height);
}

double meanLuminance(const QString& path) {
    const QImage img = QImage(path).convertToFormat(QImage::Format_Grayscale8);
    EXPECT_FALSE(img.isNull()) << path.toStdString();
    double sum = 0;
    for (int y = 0; y < img.height(); ++y) {
        const uchar* row = img.constScanLine(y);
        for (int x = 0; x < img.width(); ++x) sum += row[x];
    }
    return img.isNull() ? 0 : sum / (double(img.width()) * img.height());
}

// Stands in for the desktop's file manager.
class UrlCatcher : public QObject {
    Q_OBJECT
  public:
    QList<QUrl> urls;
    Q_INVOKABLE void open(const QUrl& url) { urls << url; }
};

struct FinishedArgs {
    int exported = -1, failed = -1;
    bool cancelled = false;
    bool arrived = false;
};

// Runs the event loop until the controller says it has finished (or five minutes pass).
FinishedArgs waitForFinished(ExportController& controller) {
    FinishedArgs args;
    QEventLoop loop;
    QObject::connect(&controller, &ExportController::finished, &loop,
                     [&](int exported, int failed, bool cancelled) {
                         args = {exported, failed, cancelled, true};
                         loop.quit();
                     });
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    loop.exec();
    return args;
}

template <typename W>
W* widget(QWidget* parent, const char* name) {
    W* w = parent->findChild<W*>(QLatin1String(name));
    EXPECT_NE(w, nullptr) << "no widget " << name;
    return w;
}

// Files left in a folder tree, by relative path.
QStringList filesUnder(const fs::path& dir) {
    QStringList out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out << q(fs::relative(e.path(), dir));
    out.sort();
    return out;
}

class Export : public ::testing::Test {
  protected:
    void SetUp() override { clearSettings(); }
    void TearDown() override { clearSettings(); }

    // A folder with the synthetic DNG, a copy of the Canon raw and a truncated copy of it.
    void makePhotos() {
        if (!fs::exists(kCanonRaw)) GTEST_SKIP() << kCanonRaw << " is absent";
        dng = writeChart(dir, "chart.dng");
        cr2 = dir.str("IMG_5952.CR2");
        fs::copy_file(kCanonRaw, cr2);
        broken = dir.str("broken.CR2");
        std::ifstream in(kCanonRaw, std::ios::binary);
        std::string head(5000, '\0');
        in.read(head.data(), std::streamsize(head.size()));
        std::ofstream(broken, std::ios::binary) << head;
    }

    test::TempDir dir{"gui-export"};
    std::string dng, cr2, broken;
};

}  // namespace

TEST_F(Export, WebAndFullTogetherWriteBothSizesAndListTheCorruptFile) {
    makePhotos();
    if (IsSkipped()) return;
    QWidget window;
    ExportController controller(&window);
    const fs::path out = dir.path() / "out";

    controller.exportPhotos({q(dng), q(cr2), q(broken)});
    ExportDialog* dialog = controller.dialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->windowTitle(), QStringLiteral("Export 3 Photos"));
    dialog->setPresetChecked(QStringLiteral("Web"), true);
    dialog->setPresetChecked(QStringLiteral("Full size"), true);
    dialog->selectPreset(QStringLiteral("Web"));
    // The built-ins share the export folder: typing it once serves both.
    widget<QLineEdit>(dialog, "outputDir")->setText(q(out));
    EXPECT_EQ(dialog->exportFolder(), q(out));

    // Both would write chart.jpg into one folder: the dialog separates and says so.
    const QStringList notes = dialog->collisionNotes();
    ASSERT_EQ(notes.size(), 1);
    EXPECT_TRUE(notes[0].contains(QStringLiteral("web/")) &&
                notes[0].contains(QStringLiteral("full-size/")))
        << notes[0].toStdString();
    EXPECT_TRUE(widget<QLabel>(dialog, "collisionNotes")->isVisibleTo(dialog));
    const QString example = widget<QLabel>(dialog, "example")->text();
    EXPECT_EQ(example, QStringLiteral("chart.dng → web/chart.jpg"));
    EXPECT_EQ(widget<QLabel>(dialog, "count")->text(),
              QStringLiteral("3 photos × 2 presets = 6 files"));

    widget<QPushButton>(dialog, "export")->click();
    EXPECT_TRUE(controller.isRunning());
    EXPECT_FALSE(controller.progressWidget()->isHidden());
    const FinishedArgs done = waitForFinished(controller);
    ASSERT_TRUE(done.arrived) << "the export did not finish";
    EXPECT_EQ(done.exported, 4);
    EXPECT_EQ(done.failed, 2);
    EXPECT_FALSE(done.cancelled);
    EXPECT_FALSE(controller.isRunning());
    EXPECT_TRUE(controller.progressWidget()->isHidden());

    EXPECT_EQ(filesUnder(out), QStringList({"full-size/IMG_5952.jpg", "full-size/chart.jpg",
                                            "web/IMG_5952.jpg", "web/chart.jpg"}));
    const QSize canonFull = fullSizeOf(cr2);
    const QSize webCanon = imageSize(q(out / "web" / "IMG_5952.jpg"));
    EXPECT_EQ(std::max(webCanon.width(), webCanon.height()), 2048);
    EXPECT_NEAR(double(webCanon.width()) / webCanon.height(),
                double(canonFull.width()) / canonFull.height(), 0.002);
    EXPECT_EQ(imageSize(q(out / "web" / "chart.jpg")), QSize(600, 400))
        << "smaller than 2048: the source size, never enlarged";
    EXPECT_EQ(imageSize(q(out / "full-size" / "IMG_5952.jpg")), canonFull);
    EXPECT_EQ(imageSize(q(out / "full-size" / "chart.jpg")), QSize(600, 400));

    ExportSummaryDialog* summary = controller.summaryDialog();
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->isVisible());
    QStandardItemModel* failures = summary->failuresModel();
    ASSERT_EQ(failures->rowCount(), 2);
    QStringList presets;
    for (int r = 0; r < 2; ++r) {
        EXPECT_EQ(failures->item(r, 0)->text(), QStringLiteral("broken.CR2"));
        EXPECT_EQ(failures->item(r, 0)->data(Qt::UserRole).toString(), q(broken));
        EXPECT_FALSE(failures->item(r, 2)->text().isEmpty());
        presets << failures->item(r, 1)->text();
    }
    presets.sort();
    EXPECT_EQ(presets, QStringList({"Full size", "Web"}));
    EXPECT_TRUE(summary->headline().startsWith(QStringLiteral("4 of 6 files exported, 2 failed")))
        << summary->headline().toStdString();

    // "Open Folder" offers both folders and hands the chosen one to the desktop.
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    auto* open = widget<QPushButton>(summary, "openFolder");
    ASSERT_TRUE(open->isEnabled());
    ASSERT_NE(open->menu(), nullptr);
    const auto actions = open->menu()->actions();
    ASSERT_EQ(actions.size(), 2);
    actions[0]->trigger();
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    ASSERT_EQ(catcher.urls.size(), 1);
    EXPECT_EQ(catcher.urls[0], QUrl::fromLocalFile(q(out / "web")));

    // The choices are remembered for the next export.
    QSettings settings;
    EXPECT_EQ(ExportDialog({q(dng)}).exportFolder(), q(out));
    EXPECT_EQ(settings.value("export/checkedPresets").toStringList(),
              QStringList({"Web", "Full size"}));
}

TEST_F(Export, TheExportFolderFollowsThePhotosFolder) {
    const fs::path a = dir.path() / "shoot-a", b = dir.path() / "shoot-b";
    fs::create_directories(a);
    fs::create_directories(b);
    const std::string inA = writeChart(dir, "shoot-a/chart.dng", 120, 80);
    const std::string inB = writeChart(dir, "shoot-b/chart.dng", 120, 80);
    QWidget window;
    ExportController controller(&window);

    controller.exportPhotos({q(inA)});
    ASSERT_NE(controller.dialog(), nullptr);
    EXPECT_EQ(controller.dialog()->exportFolder(), q(a / "Export"));
    EXPECT_FALSE(widget<QPushButton>(controller.dialog(), "defaultFolder")->isEnabled())
        << "already the default";
    widget<QPushButton>(controller.dialog(), "export")->click();
    const FinishedArgs done = waitForFinished(controller);
    ASSERT_TRUE(done.arrived);
    EXPECT_EQ(done.exported, 1);
    EXPECT_EQ(filesUnder(a / "Export"), QStringList({"chart.jpg"}));

    // The next folder's photos go beside them, not to the folder exported before.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);  // the closed dialog
    ASSERT_EQ(controller.dialog(), nullptr);
    controller.exportPhotos({q(inB)});
    ASSERT_NE(controller.dialog(), nullptr);
    EXPECT_EQ(controller.dialog()->exportFolder(), q(b / "Export"));
    EXPECT_EQ(widget<QLineEdit>(controller.dialog(), "outputDir")->text(), q(b / "Export"));
    controller.dialog()->close();
}

TEST_F(Export, AChosenFolderCarriesToOtherFoldersAsChosen) {
    const fs::path a = dir.path() / "shoot-a", b = dir.path() / "shoot-b";
    fs::create_directories(a);
    fs::create_directories(b);
    const QString inA = q(a / "chart.dng"), inB = q(b / "chart.dng");  // names suffice here
    const auto chooseAndExport = [](const QString& photo, const QString& folder) {
        ExportDialog d({photo});
        widget<QLineEdit>(&d, "outputDir")->setText(folder);
        d.accept();
        EXPECT_TRUE(d.validationProblem().isEmpty()) << d.validationProblem().toStdString();
    };

    // A folder outside the photos' folder is one place for every folder.
    const fs::path elsewhere = dir.path() / "web-exports";
    chooseAndExport(inA, q(elsewhere));
    EXPECT_EQ(ExportDialog({inB}).exportFolder(), q(elsewhere));
    EXPECT_EQ(ExportDialog({inA}).exportFolder(), q(elsewhere));

    // One inside it is kept relative to the photos: A/Export/web means B/Export/web.
    chooseAndExport(inA, q(a / "Export" / "web"));
    EXPECT_EQ(ExportDialog({inB}).exportFolder(), q(b / "Export" / "web"));
    EXPECT_EQ(ExportDialog({inA}).exportFolder(), q(a / "Export" / "web"));

    // Default puts it back beside the photos and forgets the choice.
    {
        ExportDialog d({inB});
        auto* reset = widget<QPushButton>(&d, "defaultFolder");
        ASSERT_TRUE(reset->isEnabled());
        reset->click();
        EXPECT_EQ(d.exportFolder(), q(b / "Export"));
        EXPECT_FALSE(reset->isEnabled());
        d.accept();
    }
    EXPECT_FALSE(QSettings().contains("export/chosenFolder"));
    EXPECT_EQ(ExportDialog({inA}).exportFolder(), q(a / "Export"));

    // An export that does not touch the folder remembers nothing.
    {
        ExportDialog d({inA});
        d.accept();
    }
    EXPECT_EQ(ExportDialog({inB}).exportFolder(), q(b / "Export"));
}

TEST_F(Export, TheFolderAnOlderVersionRememberedIsKeptOnlyIfChosen) {
    const QString photo = q(dir.path() / "shoot-b" / "chart.dng");
    // Older versions stored every export's folder: some folder's Export was no choice.
    QSettings().setValue("export/folder", q(dir.path() / "shoot-a" / "Export"));
    EXPECT_EQ(ExportDialog({photo}).exportFolder(), q(dir.path() / "shoot-b" / "Export"));
    EXPECT_FALSE(QSettings().contains("export/folder"));
    // Any other folder was chosen by hand.
    QSettings().setValue("export/folder", q(dir.path() / "for-the-web"));
    EXPECT_EQ(ExportDialog({photo}).exportFolder(), q(dir.path() / "for-the-web"));
}

TEST_F(Export, CancelStopsTheRunAndLeavesNoPartialFiles) {
    if (!fs::exists(kCanonRaw)) GTEST_SKIP() << kCanonRaw << " is absent";
    QStringList photos;
    for (int i = 0; i < 8; ++i) {
        const std::string copy = dir.str("IMG_" + std::to_string(i) + ".CR2");
        fs::copy_file(kCanonRaw, copy);
        photos << q(copy);
    }
    const fs::path out = dir.path() / "full";
    QWidget window;
    ExportController controller(&window);
    controller.exportPhotos(photos);
    ExportDialog* dialog = controller.dialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setPresetChecked(QStringLiteral("Web"), false);
    dialog->setPresetChecked(QStringLiteral("Full size"), true);
    dialog->selectPreset(QStringLiteral("Full size"));
    widget<QCheckBox>(dialog, "ownFolder")->setChecked(true);
    widget<QLineEdit>(dialog, "outputDir")->setText(q(out));
    EXPECT_TRUE(dialog->collisionNotes().isEmpty());
    dialog->accept();

    // Cancel from the status bar's button as soon as the first file is done.
    auto* progress = qobject_cast<ExportProgressWidget*>(controller.progressWidget());
    ASSERT_NE(progress, nullptr);
    auto* cancel = widget<QToolButton>(progress, "cancelExport");
    int progressSeen = 0;
    QObject::connect(controller.runner(), &ExportRunner::progress, progress, [&] {
        if (++progressSeen == 1) {
            EXPECT_TRUE(progress->text().startsWith(QStringLiteral("1 of 8 — IMG_")))
                << progress->text().toStdString();
            cancel->click();
            EXPECT_EQ(progress->text(), QStringLiteral("Cancelling export…"));
        }
    });
    const FinishedArgs done = waitForFinished(controller);
    ASSERT_TRUE(done.arrived);
    EXPECT_TRUE(done.cancelled);
    EXPECT_EQ(done.failed, 0);
    EXPECT_GE(done.exported, 1);
    EXPECT_LT(done.exported, 8) << "cancel did not stop the run";
    const ExportSummary& s = controller.runner()->summary();
    EXPECT_EQ(s.exported + s.notStarted, 8);

    // Only whole files: exactly the ones reported, each a complete full-size JPEG, and no
    // temporary file beside them.
    const QStringList files = filesUnder(out);
    EXPECT_EQ(files.size(), done.exported) << files.join(' ').toStdString();
    for (const auto& f : files) {
        EXPECT_FALSE(f.startsWith('.')) << "temporary file left: " << f.toStdString();
        const QImage img(q(out) + '/' + f);
        EXPECT_EQ(img.size(), fullSizeOf(kCanonRaw)) << f.toStdString();
    }
    QStringList reported;
    for (const auto& o : s.outputs) reported << QFileInfo(o).fileName();
    reported.sort();
    EXPECT_EQ(reported, files);
    ASSERT_NE(controller.summaryDialog(), nullptr);
    EXPECT_TRUE(controller.summaryDialog()->headline().startsWith(QStringLiteral("Cancelled: ")));
}

TEST_F(Export, SidecarEditsAreApplied) {
    const std::string plain = writeChart(dir, "plain.dng", 300, 200);
    const std::string bright = writeChart(dir, "bright.dng", 300, 200);
    Sidecar sidecar;
    sidecar.edits.setFloat("exposure.ev", 1.0);
    saveSidecar(bright, sidecar);

    ExportTarget target{QStringLiteral("Full size"), builtInExportPresets()[1].settings};
    target.settings.outputDir = dir.str("out");
    ExportRunner runner;
    QEventLoop loop;
    QObject::connect(&runner, &ExportRunner::finished, &loop, &QEventLoop::quit);
    ASSERT_TRUE(runner.start({q(plain), q(bright)}, {target}));
    EXPECT_FALSE(runner.start({q(plain)}, {target})) << "one run at a time";
    loop.exec();
    ASSERT_EQ(runner.summary().exported, 2);
    const double plainMean = meanLuminance(q(dir.str("out/plain.jpg")));
    const double brightMean = meanLuminance(q(dir.str("out/bright.jpg")));
    EXPECT_GT(brightMean, plainMean + 15) << plainMean << " vs " << brightMean;
}

TEST_F(Export, UnreadableSidecarFailsItsPhotoInsteadOfDroppingTheEdits) {
    const std::string good = writeChart(dir, "good.dng", 120, 80);
    const std::string bad = writeChart(dir, "bad.dng", 120, 80);
    std::ofstream(bad + ".xmp") << "<x:xmpmeta this is not xml";
    Sidecar rated;
    rated.info.rating = 4;
    saveSidecar(good, rated);

    // The core's job builder, shared with the command line.
    const PreparedJobs all = prepareExportJobs({good, bad});
    ASSERT_EQ(all.jobs.size(), 1u);
    EXPECT_EQ(all.jobs[0].input, good);
    ASSERT_TRUE(all.jobs[0].photo.has_value());
    EXPECT_EQ(all.jobs[0].photo->rating, 4);
    ASSERT_EQ(all.failed.size(), 1u);
    EXPECT_EQ(all.failed[0].input, bad);
    EXPECT_NE(all.failed[0].error.find(".xmp"), std::string::npos) << all.failed[0].error;
    JobOptions culled;
    culled.useSidecars = false;
    culled.minRating = 5;
    const PreparedJobs five = prepareExportJobs({good}, {}, culled);
    EXPECT_TRUE(five.jobs.empty());
    EXPECT_EQ(five.skipped, std::vector<std::string>{good});

    ExportTarget target{QStringLiteral("Web"), builtInExportPresets()[0].settings};
    target.settings.outputDir = dir.str("out");
    ExportRunner runner;
    QEventLoop loop;
    QObject::connect(&runner, &ExportRunner::finished, &loop, &QEventLoop::quit);
    runner.start({q(good), q(bad)}, {target});
    loop.exec();
    const ExportSummary& s = runner.summary();
    EXPECT_EQ(s.exported, 1);
    ASSERT_EQ(s.failures.size(), 1);
    EXPECT_EQ(s.failures[0].input, q(bad));
    EXPECT_EQ(s.failures[0].preset, QStringLiteral("Web"));
    EXPECT_TRUE(s.failures[0].reason.contains(QStringLiteral(".xmp")))
        << s.failures[0].reason.toStdString();
}

TEST_F(Export, UserPresetIsSavedReloadedRenamedAndDeleted) {
    const std::string photo = writeChart(dir, "chart.dng", 120, 80);
    {
        ExportDialog dialog({q(photo)});
        dialog.selectPreset(QStringLiteral("Web"));
        widget<QSpinBox>(&dialog, "quality")->setValue(70);
        auto* sizeMode = widget<QComboBox>(&dialog, "sizeMode");
        sizeMode->setCurrentIndex(sizeMode->findData(int(SizeMode::ShortEdge)));
        widget<QSpinBox>(&dialog, "sizeA")->setValue(1080);
        EXPECT_EQ(dialog.presets()[0].setFields, QStringList({"quality", "size"}));
        EXPECT_EQ(dialog.saveSelectedAs(QStringLiteral("web")).isEmpty(), false)
            << "a built-in's name is refused";
        EXPECT_EQ(dialog.saveSelectedAs(QStringLiteral("Small JPEG")), QString());
        EXPECT_EQ(dialog.selectedPreset(), QStringLiteral("Small JPEG"));
        EXPECT_EQ(dialog.presets()[0].settings.encode.quality, 85)
            << "the changes moved into the new preset; Web is itself again";
        EXPECT_EQ(dialog.checkedPresets(), QStringList({"Small JPEG"}))
            << "the new preset takes the tick of the one it came from";
    }
    {
        QSettings settings;
        const QList<ExportPreset> stored = loadUserPresets(settings);
        ASSERT_EQ(stored.size(), 1);
        EXPECT_EQ(stored[0].name, QStringLiteral("Small JPEG"));
        EXPECT_EQ(stored[0].base, QStringLiteral("web"));
        EXPECT_EQ(stored[0].settings.encode.quality, 70);
        EXPECT_EQ(stored[0].settings.render.size.mode, SizeMode::ShortEdge);
        EXPECT_EQ(stored[0].settings.render.size.a, 1080);
        EXPECT_EQ(stored[0].settings.metadata.mode, MetadataMode::NoLocation)
            << "what was not changed follows Web";
        // Only the changed fields are stored, each under its own name.
        settings.beginReadArray("export/presets");
        settings.setArrayIndex(0);
        QStringList keys = settings.childKeys();
        keys.sort();
        EXPECT_EQ(keys, QStringList({"base", "name", "quality", "size"}));
        EXPECT_EQ(settings.value("size").toString(), QStringLiteral("short:1080"));
        settings.endArray();
    }
    {
        ExportDialog dialog({q(photo)});
        ASSERT_EQ(dialog.presets().size(), 5) << "the four built-ins and the user's";
        dialog.selectPreset(QStringLiteral("Small JPEG"));
        EXPECT_EQ(widget<QSpinBox>(&dialog, "quality")->value(), 70);
        EXPECT_TRUE(widget<QPushButton>(&dialog, "delete")->isEnabled());
        EXPECT_FALSE(dialog.renameSelected(QStringLiteral("Full Size")).isEmpty());
        EXPECT_EQ(dialog.renameSelected(QStringLiteral("Instagram")), QString());
        widget<QSpinBox>(&dialog, "quality")->setValue(75);
        EXPECT_TRUE(widget<QPushButton>(&dialog, "save")->isEnabled());
        dialog.saveSelected();
        EXPECT_FALSE(widget<QPushButton>(&dialog, "save")->isEnabled());
        dialog.selectPreset(QStringLiteral("Web"));
        EXPECT_FALSE(widget<QPushButton>(&dialog, "delete")->isEnabled())
            << "built-ins cannot be deleted";
    }
    {
        QSettings settings;
        const QList<ExportPreset> stored = loadUserPresets(settings);
        ASSERT_EQ(stored.size(), 1);
        EXPECT_EQ(stored[0].name, QStringLiteral("Instagram"));
        EXPECT_EQ(stored[0].settings.encode.quality, 75);
    }
    {
        ExportDialog dialog({q(photo)});
        dialog.selectPreset(QStringLiteral("Instagram"));
        dialog.deleteSelected();
        EXPECT_EQ(dialog.presets().size(), 4);
        EXPECT_FALSE(dialog.checkedPresets().isEmpty()) << "something stays ticked";
        QSettings settings;
        EXPECT_TRUE(loadUserPresets(settings).isEmpty());
    }
}

TEST_F(Export, EveryFieldRoundTripsThroughQSettings) {
    ExportPreset p = presetFromBase(QStringLiteral("Archive"), QStringLiteral("full"));
    const QList<std::pair<QString, QVariant>> values = {{"format", "tiff"},
                                                        {"quality", 77},
                                                        {"subsampling", "422"},
                                                        {"progressive", true},
                                                        {"bitDepth", 16},
                                                        {"size", "1920x1080"},
                                                        {"allowUpscale", true},
                                                        {"colorSpace", "adobe-rgb"},
                                                        {"intent", "relative"},
                                                        {"sharpenAmount", 1.25},
                                                        {"sharpenRadius", 1.5},
                                                        {"sharpenThreshold", 0.05},
                                                        {"metadata", "copyright-only"},
                                                        {"artist", "A. Person"},
                                                        {"copyright", "CC BY 4.0"},
                                                        {"outputDir", "/tmp/archive"},
                                                        {"nameTemplate", "{date}_{name}"},
                                                        {"overwrite", true}};
    ASSERT_EQ(values.size(), exportPresetFields().size()) << "a field without a round trip";
    for (const auto& [field, value] : values) p.setField(field, value);
    for (const auto& [field, value] : values)
        EXPECT_EQ(p.field(field).toString(), value.toString()) << field.toStdString();
    EXPECT_THROW(p.setField("quality", 101), Error);
    EXPECT_THROW(p.setField("size", "huge"), Error);
    EXPECT_EQ(p.settings.encode.quality, 77) << "a refused value changes nothing";

    QSettings settings;
    saveUserPresets(settings, {p});
    const QList<ExportPreset> back = loadUserPresets(settings);
    ASSERT_EQ(back.size(), 1);
    EXPECT_TRUE(back[0].sameSettings(p));
    EXPECT_EQ(back[0].setFields, p.setFields);

    // A value edited into something the core refuses loses that field, not the preset.
    settings.setValue("export/presets/1/colorSpace", "prophoto");
    const QList<ExportPreset> damaged = loadUserPresets(settings);
    ASSERT_EQ(damaged.size(), 1);
    EXPECT_EQ(damaged[0].settings.render.space, OutputSpace::SRGB);
    EXPECT_EQ(damaged[0].settings.encode.quality, 77);

    ExportPreset copy = back[0];
    copy.unsetField("quality");
    EXPECT_EQ(copy.settings.encode.quality, 92) << "back to Full size's";
    EXPECT_FALSE(copy.isSet("quality"));
}

TEST_F(Export, ProblemsAreShownBeforeAnythingStarts) {
    const std::string photo = writeChart(dir, "chart.dng", 120, 80);
    const std::string file = dir.str("not-a-folder");
    std::ofstream(file) << "x";
    ExportDialog dialog({q(photo)});
    dialog.show();
    dialog.setPresetChecked(QStringLiteral("Web"), false);
    dialog.setPresetChecked(QStringLiteral("Full size"), false);
    dialog.accept();
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.result(), int(QDialog::Rejected));
    EXPECT_TRUE(dialog.validationProblem().contains(QStringLiteral("Tick")));
    EXPECT_FALSE(widget<QPushButton>(&dialog, "export")->isEnabled());

    dialog.setPresetChecked(QStringLiteral("Full size"), true);
    dialog.selectPreset(QStringLiteral("Full size"));
    widget<QLineEdit>(&dialog, "outputDir")->setText(q(file + "/sub"));
    widget<QLineEdit>(&dialog, "nameTemplate")->setText(QStringLiteral("{nmae}"));
    EXPECT_TRUE(widget<QLabel>(&dialog, "example")->text().contains(QStringLiteral("{nmae}")));
    dialog.accept();
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_TRUE(dialog.validationProblem().startsWith(QStringLiteral("Full size: ")));
    EXPECT_TRUE(dialog.validationProblem().contains(QStringLiteral("unknown field {nmae}")))
        << dialog.validationProblem().toStdString();
    EXPECT_TRUE(widget<QLabel>(&dialog, "problem")->isVisible());

    widget<QLineEdit>(&dialog, "nameTemplate")->setText(QStringLiteral("{date}-{seq}"));
    EXPECT_TRUE(dialog.validationProblem().contains(QStringLiteral("is a file, not a folder")))
        << dialog.validationProblem().toStdString();
    EXPECT_FALSE(outputFolderProblem(q(file)).isEmpty());
    EXPECT_TRUE(outputFolderProblem(q(dir.str("new/deeper"))).isEmpty())
        << "a folder the export can create is fine";

    widget<QLineEdit>(&dialog, "outputDir")->setText(q(dir.str("out")));
    EXPECT_TRUE(dialog.validationProblem().isEmpty()) << "the message goes once fixed";
    EXPECT_FALSE(widget<QLabel>(&dialog, "problem")->isVisible());
    EXPECT_TRUE(widget<QLabel>(&dialog, "example")->text().endsWith(QStringLiteral("-0001.jpg")))
        << widget<QLabel>(&dialog, "example")->text().toStdString();
    dialog.accept();
    EXPECT_EQ(dialog.result(), int(QDialog::Accepted));
    const QList<ExportTarget> targets = dialog.targets();
    ASSERT_EQ(targets.size(), 1);
    EXPECT_EQ(targets[0].settings.outputDir, dir.str("out")) << "one preset: no sub-folder";
    EXPECT_EQ(targets[0].settings.nameTemplate, "{date}-{seq}");
}

TEST_F(Export, PresetsWithTheirOwnFoldersOrFormatsDoNotCollide) {
    const std::string photo = writeChart(dir, "chart.dng", 120, 80);
    ExportDialog dialog({q(photo)});
    dialog.setPresetChecked(QStringLiteral("Web"), true);
    dialog.selectPreset(QStringLiteral("Full size"));
    // Space on the selected preset ticks it, as in any list of check boxes.
    auto* list = widget<QListWidget>(&dialog, "presets");
    QKeyEvent space(QEvent::KeyPress, Qt::Key_Space, Qt::NoModifier, QStringLiteral(" "));
    QApplication::sendEvent(list, &space);
    EXPECT_EQ(dialog.checkedPresets(), QStringList({"Web", "Full size"}));
    auto* format = widget<QComboBox>(&dialog, "format");
    format->setCurrentIndex(format->findData(QStringLiteral("tiff")));
    EXPECT_EQ(widget<QComboBox>(&dialog, "bitDepth")->currentData().toInt(), 16);
    EXPECT_FALSE(widget<QSpinBox>(&dialog, "quality")->isEnabled());
    EXPECT_TRUE(dialog.collisionNotes().isEmpty()) << "chart.jpg and chart.tif";

    format->setCurrentIndex(format->findData(QStringLiteral("jpeg")));
    EXPECT_EQ(dialog.collisionNotes().size(), 1);
    widget<QCheckBox>(&dialog, "ownFolder")->setChecked(true);
    widget<QLineEdit>(&dialog, "outputDir")->setText(q(dir.str("masters")));
    EXPECT_TRUE(dialog.collisionNotes().isEmpty());
    const QList<ExportTarget> targets = dialog.targets();
    ASSERT_EQ(targets.size(), 2);
    EXPECT_EQ(targets[0].settings.outputDir, dialog.exportFolder().toStdString());
    EXPECT_EQ(targets[1].settings.outputDir, dir.str("masters"));
    EXPECT_EQ(presetFolderName(QStringLiteral("Full size")), QStringLiteral("full-size"));
    EXPECT_EQ(presetFolderName(QStringLiteral("  Ünïcode / 4:5 ")), QStringLiteral("ünïcode-4-5"));
}

// WebP, AVIF and JPEG XL: the quality (number and slider, one scale) applies, each offers
// only the bit depths it can be written at, and the JPEG-only options are off.
TEST_F(Export, WebFormatsOfferTheirOptionsAndOnlyTheirDepths) {
    const std::string photo = writeChart(dir, "chart.dng", 120, 80);
    ExportDialog dialog({q(photo)});
    dialog.selectPreset(QStringLiteral("Web (AVIF)"));
    auto* format = widget<QComboBox>(&dialog, "format");
    auto* depth = widget<QComboBox>(&dialog, "bitDepth");
    auto* slider = widget<QSlider>(&dialog, "qualitySlider");
    auto* quality = widget<QSpinBox>(&dialog, "quality");
    ASSERT_NE(slider, nullptr);
    EXPECT_EQ(format->currentData().toString(), QStringLiteral("avif"));
    EXPECT_TRUE(quality->isEnabled());
    EXPECT_TRUE(slider->isEnabled());
    EXPECT_TRUE(widget<QComboBox>(&dialog, "subsampling")->isEnabled());
    EXPECT_FALSE(widget<QCheckBox>(&dialog, "progressive")->isEnabled());
    EXPECT_EQ(slider->value(), 85);
    slider->setValue(70);
    EXPECT_EQ(quality->value(), 70);
    for (const ExportPreset& p : dialog.presets()) {
        if (p.name == QStringLiteral("Web (AVIF)")) {
            EXPECT_EQ(p.settings.encode.quality, 70) << "the slider sets the preset's quality";
        }
    }

    const auto itemEnabled = [&](const char* bits) {
        auto* model = qobject_cast<QStandardItemModel*>(depth->model());
        return model->item(depth->findData(QString::fromLatin1(bits)))->isEnabled();
    };
    EXPECT_TRUE(depth->isEnabled());
    EXPECT_TRUE(itemEnabled("10"));
    EXPECT_TRUE(itemEnabled("12"));
    EXPECT_FALSE(itemEnabled("16")) << "AV1 stops at 12 bits";
    depth->setCurrentIndex(depth->findData(QStringLiteral("12")));
    format->setCurrentIndex(format->findData(QStringLiteral("jxl")));
    EXPECT_EQ(depth->currentData().toString(), QStringLiteral("12")) << "JPEG XL has 12 bits";
    EXPECT_TRUE(itemEnabled("16"));
    EXPECT_FALSE(widget<QComboBox>(&dialog, "subsampling")->isEnabled());
    format->setCurrentIndex(format->findData(QStringLiteral("webp")));
    EXPECT_EQ(depth->currentData().toString(), QStringLiteral("8")) << "WebP is 8-bit only";
    EXPECT_FALSE(depth->isEnabled());
    EXPECT_TRUE(quality->isEnabled());
}

// The dialog's choices are the schema's: a table kept in the dialog would drift from the
// one the command line and the preset files read.
TEST_F(Export, DialogItemsAreTheSchemasChoices) {
    const std::string photo = writeChart(dir, "IMG_0001.dng", 120, 80);
    ExportDialog dialog({q(photo)});
    int boxes = 0;
    for (const auto& d : exportSchema()) {
        if (d.type != ExportSettingType::Choice) continue;
        auto* box = widget<QComboBox>(&dialog, d.key.c_str());
        if (!box) continue;
        ++boxes;
        ASSERT_EQ(box->count(), int(d.choices.size())) << d.key;
        for (int i = 0; i < box->count(); ++i) {
            const ExportChoice& c = d.choices[std::size_t(i)];
            EXPECT_EQ(box->itemData(i).toString(), q(c.name)) << d.key;
            EXPECT_EQ(box->itemText(i), q(c.label)) << d.key;
            EXPECT_EQ(box->itemData(i, Qt::ToolTipRole).toString(), q(c.help)) << d.key;
        }
    }
    EXPECT_EQ(boxes, 6) << "format, subsampling, bitDepth, colorSpace, intent, metadata";
    auto* sizeMode = widget<QComboBox>(&dialog, "sizeMode");
    const auto& modes = exportSetting("size").choices;
    ASSERT_EQ(sizeMode->count(), int(modes.size()));
    for (int i = 0; i < sizeMode->count(); ++i) {
        EXPECT_EQ(sizeMode->itemData(i).toInt(), modes[std::size_t(i)].value);
        EXPECT_EQ(sizeMode->itemText(i), q(modes[std::size_t(i)].label));
    }
    EXPECT_EQ(widget<QSpinBox>(&dialog, "quality")->maximum(),
              int(exportSetting("quality").maxValue));

    // Picking an item stores its canonical name; the preset's field reads it back.
    dialog.selectPreset(QStringLiteral("Web"));
    auto* space = widget<QComboBox>(&dialog, "colorSpace");
    space->setCurrentIndex(space->findData(QStringLiteral("display-p3")));
    ASSERT_FALSE(dialog.presets().isEmpty());
    EXPECT_EQ(dialog.presets()[0].settings.render.space, OutputSpace::DisplayP3);
    auto* mode = widget<QComboBox>(&dialog, "sizeMode");
    mode->setCurrentIndex(mode->findData(int(SizeMode::Fit)));
    EXPECT_EQ(dialog.presets()[0].field(QStringLiteral("size")).toString(),
              QStringLiteral("2048x2048"));
}

TEST_F(Export, DialogFitsALaptopScreen) {
    const std::string photo = writeChart(dir, "IMG_0001.dng", 120, 80);
    ExportDialog dialog({q(photo)});
    dialog.setPresetChecked(QStringLiteral("Full size"), true);
    dialog.selectPreset(QStringLiteral("Web"));
    dialog.adjustSize();
    const QSize size = dialog.size();
    EXPECT_LE(size.width(), 1280);
    EXPECT_LE(size.height(), 720);
    // RF_SCREENSHOT=path.png keeps a picture of it (docs/images/export.png comes from here,
    // run under Xvfb with QT_QPA_PLATFORM=xcb).
    const QByteArray shot = qgetenv("RF_SCREENSHOT");
    dialog.show();
    QApplication::processEvents();
    const QPixmap pixels = dialog.grab();
    EXPECT_EQ(pixels.size(), dialog.size());
    if (!shot.isEmpty()) {
        EXPECT_TRUE(pixels.save(QString::fromLocal8Bit(shot)));
    }
}

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    gSettingsDir = std::make_unique<test::TempDir>("gui-export-settings");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, q(gSettingsDir->path()));
    QCoreApplication::setOrganizationName(QStringLiteral("RangefinderExportTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_export"));
    QApplication app(argc, argv);
    // The app's English, its plural forms included, whatever the machine's language.
    rf::gui::installTranslations(app, QLocale(QLocale::English, QLocale::UnitedStates));
    ::testing::InitGoogleTest(&argc, argv);
    const int rc = RUN_ALL_TESTS();
    gSettingsDir.reset();
    return rc;
}

#include "test_export.moc"
