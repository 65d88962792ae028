// SPDX-License-Identifier: GPL-3.0-or-later
// The editor's responsiveness: the time from a slider change to the updated preview at fit
// size (1600 × 1067) for the 8 MP Canon raw, through the real render path — the
// RenderController's worker, the pipeline's cache, the conversion to a QImage with its
// histogram, the delivery on the GUI thread — for a tone slider (exposure: only tone and
// output re-run) and for white balance (everything from the raw re-runs at preview size).
// A third benchmark goes through the whole editor: the slider widget, the session, the
// render and the viewer. Each reports the median of its iterations (target: < 50 ms).
// Two more time the camera's JPEG as the before of a comparison: the first one for a lens
// setting (registered on the frame, then framed) and one after a crop change (framed only).
#include <benchmark/benchmark.h>

#include <unistd.h>
#include <QApplication>
#include <QSlider>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "editor/editor_widget.h"
#include "editor/image_viewer.h"
#include "editor/panels.h"
#include "editor/param_slider.h"
#include "editor/photo_session.h"
#include "editor/render_controller.h"

namespace {

const char* const kCanon = "/usr/share/doc/rawtran/IMG_5952.CR2";
const QSize kFit(1600, 1067);

using Clock = std::chrono::steady_clock;

// Runs the event loop until `done` holds. It waits as an application does, asleep between
// events (WaitForMoreEvents), so the GUI thread takes no processor time from the worker.
template <class Done>
bool spin(Done done, int ms = 60000) {
    const auto end = Clock::now() + std::chrono::milliseconds(ms);
    QTimer tick;  // wakes the loop to look at the deadline
    tick.start(50);
    while (!done()) {
        if (Clock::now() > end) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// One decoded photo for the controller benchmarks.
rf::gui::RenderController& controller() {
    static rf::gui::RenderController* c = [] {
        auto* r = new rf::gui::RenderController;
        r->open(kCanon);
        spin([r] { return r->isOpen(); });
        return r;
    }();
    return *c;
}

// Renders `next(i)` one after another, timing each from the request to the QImage.
template <class Next>
void timeRenders(benchmark::State& state, Next next) {
    if (!std::filesystem::exists(kCanon)) return state.SkipWithError("the Canon raw is absent");
    rf::gui::RenderController& r = controller();
    if (!r.isOpen()) return state.SkipWithError("the raw did not decode");
    quint64 got = 0;
    QSize size;
    QObject scope;
    QObject::connect(&r, &rf::gui::RenderController::frameReady, &scope,
                     [&](const rf::gui::RenderedFrame& f) {
                         got = f.serial;
                         size = f.image.size();
                     });
    // Warm the cache with the base edits (the state a slider starts from).
    quint64 want = r.render(rf::gui::RenderedFrame::View, next(0), kFit);
    spin([&] { return got == want; });
    std::vector<double> times;
    int i = 1;
    for (auto _ : state) {
        const auto t0 = Clock::now();
        want = r.render(rf::gui::RenderedFrame::View, next(i++), kFit);
        if (!spin([&] { return got == want; })) return state.SkipWithError("no frame");
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        state.SetIterationTime(s);
        times.push_back(s * 1e3);
    }
    state.counters["median_ms"] = median(times);
    state.counters["width"] = size.width();
    state.counters["height"] = size.height();
}

void BM_PreviewAfterExposure(benchmark::State& state) {
    timeRenders(state, [](int i) {
        rf::EditDocument e;
        e.setFloat("exposure.ev", 0.3 + 0.01 * (i % 20));
        return e;
    });
}

void BM_PreviewAfterWhiteBalance(benchmark::State& state) {
    timeRenders(state, [](int i) {
        rf::EditDocument e;
        e.setText("wb.mode", "custom");
        e.setFloat("wb.temperature", 4500 + 10 * (i % 50));
        return e;
    });
}

// The camera's JPEG as the before, `next(i)` one after another, from the request to the QImage.
template <class Next>
void timeCameraJpeg(benchmark::State& state, Next next) {
    if (!std::filesystem::exists(kCanon)) return state.SkipWithError("the Canon raw is absent");
    rf::gui::RenderController& r = controller();
    if (!r.isOpen() || !r.hasCameraJpeg()) return state.SkipWithError("no camera JPEG");
    quint64 got = 0;
    QSize size;
    QObject scope;
    QObject::connect(&r, &rf::gui::RenderController::frameReady, &scope,
                     [&](const rf::gui::RenderedFrame& f) {
                         if (!f.cameraJpeg) return;
                         got = f.serial;
                         size = f.image.size();
                     });
    quint64 want = r.renderCameraJpeg(next(0), kFit);
    spin([&] { return got == want; });
    std::vector<double> times;
    int i = 1;
    for (auto _ : state) {
        const auto t0 = Clock::now();
        want = r.renderCameraJpeg(next(i++), kFit);
        if (!spin([&] { return got == want; })) return state.SkipWithError("no frame");
        const double s = std::chrono::duration<double>(Clock::now() - t0).count();
        state.SetIterationTime(s);
        times.push_back(s * 1e3);
    }
    state.counters["median_ms"] = median(times);
    state.counters["width"] = size.width();
    state.counters["height"] = size.height();
}

// A lens setting not seen before: the JPEG is registered on that frame again.
void BM_CameraJpegRegistered(benchmark::State& state) {
    timeCameraJpeg(state, [](int i) {
        rf::EditDocument e;
        e.setBool("lens.vignetting", i % 2 == 0);
        e.setBool("lens.tca", i % 4 < 2);
        return e;
    });
}

// The crop moves: only the framing runs.
void BM_CameraJpegAfterCrop(benchmark::State& state) {
    timeCameraJpeg(state, [](int i) {
        rf::EditDocument e;
        e.setFloat("crop.left", 0.01 * (i % 20));
        return e;
    });
}

// The whole editor: a slider step in the Basic panel until the viewer shows its render.
void BM_EditorExposureSliderToScreen(benchmark::State& state) {
    if (!std::filesystem::exists(kCanon)) return state.SkipWithError("the Canon raw is absent");
    rf::gui::EditorWidget editor;
    editor.resize(2000, 1200);
    editor.show();
    // Size the window so the viewer asks for the same fit size as above.
    spin([&] { return editor.viewer()->width() > 0; }, 2000);
    for (int k = 0; k < 3; ++k) {
        const QSize fit = editor.viewer()->fitRenderSize();
        editor.resize(editor.width() + kFit.width() - fit.width(),
                      editor.height() + kFit.height() - fit.height());
        spin([] { return false; }, 50);
    }
    // A copy in a temporary folder: the editor saves its edits beside the photo.
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("rf-bench-gui-preview-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path photo = dir / "IMG_5952.CR2";
    std::filesystem::copy_file(kCanon, photo, std::filesystem::copy_options::overwrite_existing);
    editor.openPhoto(QString::fromStdString(photo.string()));
    if (!spin([&] { return editor.viewer()->hasRender(); }))
        return state.SkipWithError("no render");
    quint64 shown = 0;
    QObject scope;
    QObject::connect(editor.renderer(), &rf::gui::RenderController::frameReady, &scope,
                     [&](const rf::gui::RenderedFrame& f) { shown = f.edits.hash(); });
    QSlider* s = editor.basicPanel()->slider("exposure.ev")->slider();
    std::vector<double> times;
    int i = 0;
    for (auto _ : state) {
        const auto t0 = Clock::now();
        s->setValue(s->maximum() / 2 + 20 + (i++ % 20));  // a keyboard-sized step
        const quint64 want = editor.session()->edits().hash();
        if (!spin([&] { return shown == want; })) return state.SkipWithError("no frame");
        const double sec = std::chrono::duration<double>(Clock::now() - t0).count();
        state.SetIterationTime(sec);
        times.push_back(sec * 1e3);
    }
    state.counters["median_ms"] = median(times);
    state.counters["width"] = editor.viewer()->displayedImage().width();
    state.counters["height"] = editor.viewer()->displayedImage().height();
    editor.session()->close();
    std::filesystem::remove_all(dir);
}

}  // namespace

BENCHMARK(BM_PreviewAfterExposure)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(40);
BENCHMARK(BM_PreviewAfterWhiteBalance)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(20);
BENCHMARK(BM_CameraJpegRegistered)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(8);
BENCHMARK(BM_CameraJpegAfterCrop)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(20);
BENCHMARK(BM_EditorExposureSliderToScreen)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(40);

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 0);
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
