// SPDX-License-Identifier: GPL-3.0-or-later
// The headline figure: exporting one raw to a web JPEG, next to LibRaw's own unpack() of the
// same file in the same run — the floor any raw developer stands on. The web export applies
// the "Leica Authentic" look (tone curve, vignette, grain), as the target asks. The
// full-size export (RCD, q90) is printed as a ratio to unpack too. Issue 22's targets are
// web ≤ 1.3× and full size ≤ 2× unpack on every file; bench/budgets.sh runs this on each file
// and prints them. The peers are measured only by bench/compare-peers.sh, never assumed here.
// Printed as ratios so they hold on a noisy shared machine. decodeRaw runs with Rangefinder's
// own loaders (lossless JPEG, uncompressed DNG, Canon CRW) and with LibRaw's, for the
// decoder's own figure, and is printed as a ratio to LibRaw's open + unpack too.
// Usage: bench_export [RAW FILE] [benchmark flags].
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>

#include "bench_input.h"
#include "rangefinder/export.h"
#include "rangefinder/looks.h"
#include "rangefinder/raw.h"
#include "ratio_reporter.h"

namespace fs = std::filesystem;

static std::string gFile;
static std::string gOutDir;
static rf::EditDocument gEdits;  // the web export carries a look, as the target does

static void BM_LibRawUnpack(benchmark::State& state) {
    benchLibRawUnpack(state, gFile);
}

static void BM_Decode(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(rf::decodeRaw(gFile));
}

// The same decode with LibRaw's loaders throughout instead of Rangefinder's own.
static void BM_DecodeLibRawLoader(benchmark::State& state) {
    rf::DecodeOptions o;
    o.ownLoaders = false;
    for (auto _ : state) benchmark::DoNotOptimize(rf::decodeRaw(gFile, o));
}

static void exportWith(benchmark::State& state, const rf::ExportSettings& s,
                       const rf::EditDocument& e) {
    for (auto _ : state) {
        const rf::ExportOutcome o = rf::exportFile({gFile, e}, s);
        if (!o.ok()) {
            state.SkipWithError(o.error.c_str());
            return;
        }
    }
}

static rf::ExportSettings webSettings() {
    rf::ExportSettings s = rf::exportPreset("web");
    s.outputDir = gOutDir;
    s.overwrite = true;
    return s;
}

// Full size, high quality (RCD), JPEG q90 4:4:4: the peers' full-size figures in issue 7 are
// for this kind of export.
static rf::ExportSettings fullSettings() {
    rf::ExportSettings s = rf::exportPreset("full");
    s.encode.quality = 90;
    s.outputDir = gOutDir;
    s.overwrite = true;
    return s;
}

// The tools of issue 18 and what they cost: the exports with the defaults (noise reduction
// at its measured strength, the lens profile the file names) against the same with noise
// reduction off, lens correction off, and both off; and with a profile holding all three lens
// corrections forced (the EOS 30D's kit lens has distortion only in lensfun; the EF-S 17-85mm
// has distortion, TCA and vignetting, so the planes are sampled apart).
static rf::EditDocument denoiseOff(rf::EditDocument e) {
    e.setFloat("denoise.luminance", 0);
    e.setFloat("denoise.color", 0);
    return e;
}
static rf::EditDocument lensOff(rf::EditDocument e) {
    e.setBool("lens.distortion", false);
    e.setBool("lens.tca", false);
    e.setBool("lens.vignetting", false);
    return e;
}
static rf::EditDocument lensAll(rf::EditDocument e) {
    e.setText("lens.lens", "Canon EF-S 17-85mm f/4-5.6 IS USM");
    return e;
}

int main(int argc, char** argv) {
    gFile = benchRawFile(argc, argv, "bench_export");
    if (gFile.empty()) return 1;
    const rf::LookLibrary looks = rf::LookLibrary::load({RF_SOURCE_DIR "/looks"});
    const rf::Look* look = looks.find("leica-authentic");
    if (!look) {
        std::fprintf(stderr, "bench_export: the look 'leica-authentic' is not in %s/looks\n",
                     RF_SOURCE_DIR);
        return 1;
    }
    gEdits = rf::withLook(rf::EditDocument(), *look);
    gOutDir = (fs::temp_directory_path() / "rf-bench-export").string();
    fs::create_directories(gOutDir);

    benchmark::RegisterBenchmark("LibRaw_unpack", BM_LibRawUnpack)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MinTime(2.0);
    benchmark::RegisterBenchmark("rf_decode", BM_Decode)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MinTime(2.0);
    benchmark::RegisterBenchmark("rf_decode_libraw_loader", BM_DecodeLibRawLoader)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->MinTime(2.0);
    const rf::EditDocument plain;
    const std::pair<const char*, std::function<void(benchmark::State&)>> exports[] = {
        {"rf_web_export", [=](auto& st) { exportWith(st, webSettings(), gEdits); }},
        {"rf_web_export_no_denoise",
         [=](auto& st) { exportWith(st, webSettings(), denoiseOff(gEdits)); }},
        {"rf_web_export_lens_off",
         [=](auto& st) { exportWith(st, webSettings(), lensOff(gEdits)); }},
        {"rf_web_export_tools_off",
         [=](auto& st) { exportWith(st, webSettings(), lensOff(denoiseOff(gEdits))); }},
        {"rf_web_export_lens_all",
         [=](auto& st) { exportWith(st, webSettings(), lensAll(gEdits)); }},
        {"rf_full_export", [=](auto& st) { exportWith(st, fullSettings(), plain); }},
        {"rf_full_export_tools_off",
         [=](auto& st) { exportWith(st, fullSettings(), lensOff(denoiseOff(plain))); }},
        {"rf_full_export_lens_all",
         [=](auto& st) { exportWith(st, fullSettings(), lensAll(plain)); }},
    };
    for (const auto& [name, fn] : exports)
        benchmark::RegisterBenchmark(name, fn)
            ->Unit(benchmark::kMillisecond)
            ->UseRealTime()
            ->MinTime(3.0);
    benchmark::Initialize(&argc, argv);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const auto u = reporter.seconds.find("LibRaw_unpack");
    const auto e = reporter.seconds.find("rf_web_export");
    if (u != reporter.seconds.end() && e != reporter.seconds.end() && u->second > 0)
        std::printf("\n%s: web export %.3f s, LibRaw unpack %.3f s, ratio %.2fx\n",
                    fs::path(gFile).filename().c_str(), e->second, u->second,
                    e->second / u->second);
    const auto d = reporter.seconds.find("rf_decode");
    const auto dl = reporter.seconds.find("rf_decode_libraw_loader");
    if (d != reporter.seconds.end() && dl != reporter.seconds.end() && d->second > 0)
        std::printf("%s: decodeRaw %.3f s, with LibRaw's loader %.3f s (%.2fx)\n",
                    fs::path(gFile).filename().c_str(), d->second, dl->second,
                    dl->second / d->second);
    if (d != reporter.seconds.end() && u != reporter.seconds.end() && u->second > 0)
        std::printf(
            "%s: decodeRaw %.3f s, LibRaw open + unpack %.3f s (decodeRaw / unpack %.2fx)\n",
            fs::path(gFile).filename().c_str(), d->second, u->second, d->second / u->second);
    const auto f = reporter.seconds.find("rf_full_export");
    if (u != reporter.seconds.end() && f != reporter.seconds.end() && u->second > 0)
        std::printf("%s: full-size q90 export %.3f s, ratio to LibRaw unpack %.2fx\n",
                    fs::path(gFile).filename().c_str(), f->second, f->second / u->second);
    const auto ratio = [&](const char* on, const char* off, const char* what) {
        const auto a = reporter.seconds.find(on), b = reporter.seconds.find(off);
        if (a != reporter.seconds.end() && b != reporter.seconds.end() && b->second > 0)
            std::printf("%s: %s: %.3f s against %.3f s, %+.1f %%\n",
                        fs::path(gFile).filename().c_str(), what, a->second, b->second,
                        100 * (a->second / b->second - 1));
    };
    ratio("rf_web_export", "rf_web_export_tools_off",
          "web export, noise reduction and lens profile against neither");
    ratio("rf_web_export", "rf_web_export_no_denoise", "web export, noise reduction's share");
    ratio("rf_web_export", "rf_web_export_lens_off", "web export, lens correction's share");
    ratio("rf_web_export_lens_all", "rf_web_export_tools_off",
          "web export, noise reduction and distortion + TCA + vignetting against neither");
    ratio("rf_full_export", "rf_full_export_tools_off",
          "full-size export, noise reduction and lens profile against neither");
    ratio("rf_full_export_lens_all", "rf_full_export_tools_off",
          "full-size export, noise reduction and distortion + TCA + vignetting against neither");
    fs::remove_all(gOutDir);
    return 0;
}
