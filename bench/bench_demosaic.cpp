// SPDX-License-Identifier: GPL-3.0-or-later
// Demosaic speed and quality against LibRaw.
//
// Speed: the two demosaic paths on synthetic 24 MP and 8 MP mosaics, in megapixels of mosaic
// per second; then the same image for us and for LibRaw, the Canon CR2: our high-quality
// demosaic (RCD) on the white-balanced mosaic rf::decodeRaw gives, and LibRaw's AHD and AAHD
// on the data its own dcraw_process() gives them. LibRaw's interpolation step is timed alone:
// a subclass sets LibRaw's interpolate_bayer_cb hook, which dcraw_process() calls in place of
// its own choice of demosaic, and runs ahd_interpolate() (or aahd_interpolate()) between two
// clock readings. LibRaw parallelises AHD with OpenMP, so each runs on one thread and on all
// cores. The run ends with the speed ratios, measured in that one run.
//
// Quality (`--kodak`): the Kodak suite written as 16-bit DNGs through an sRGB-primaries camera
// (src/synth), so our RCD and LibRaw's AHD and AAHD demosaic exactly the same mosaic; each
// result is scaled back by the gain its native samples show and compared with the original by
// CPSNR, per image and on average.
//
// Usage: bench_demosaic [--kodak] [benchmark flags]
#include <benchmark/benchmark.h>
#include <dlfcn.h>
#include <libraw/libraw.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "../tests/support/kodak.h"
#include "rangefinder/colormath.h"
#include "rangefinder/demosaic.h"
#include "rangefinder/error.h"
#include "rangefinder/parallel.h"
#include "rangefinder/raw.h"
#include "rangefinder/whitebalance.h"
#include "ratio_reporter.h"
#include "synth.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

std::string gCr2;

Image syntheticMosaic(int w, int h) {
    Image m(w, h, 1);
    for (int y = 0; y < h; ++y) {
        float* r = m.row(y);
        for (int x = 0; x < w; ++x)
            r[x] = 0.45f + 0.4f * std::sin(0.013f * float(x) * (1.f + 0.0003f * float(y))) *
                               std::cos(0.021f * float(y));
    }
    return m;
}

void setMegapixels(benchmark::State& state, double pixels) {
    state.counters["MP/s"] =
        benchmark::Counter(pixels * 1e-6, benchmark::Counter::kIsIterationInvariantRate);
}

using DemosaicFn = void (*)(ConstImageView, const CfaPattern&, Image&, const CancelToken*);

// Arguments: width, height, threads.
void demosaicSynthetic(benchmark::State& state, DemosaicFn fn) {
    const int w = int(state.range(0)), h = int(state.range(1));
    setThreadCount(int(state.range(2)));
    const Image mosaic = syntheticMosaic(w, h);
    const CfaPattern cfa = cfaFromString("RGGB");
    Image out;
    fn(mosaic.view(), cfa, out, nullptr);
    for (auto _ : state) {
        fn(mosaic.view(), cfa, out, nullptr);
        benchmark::DoNotOptimize(out.data());
    }
    setMegapixels(state, double(w) * h);
    setThreadCount(0);
}

void BM_DemosaicHalf(benchmark::State& state) {
    demosaicSynthetic(state, demosaicHalf);
}
void BM_DemosaicFull(benchmark::State& state) {
    demosaicSynthetic(state, demosaicFull);
}

/// OpenMP's thread count for LibRaw (it comes in through LibRaw, so it is looked up rather
/// than linked); 0 = all cores.
void setLibRawThreads(int n) {
    using SetFn = void (*)(int);
    static const auto set = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
    if (set) set(n > 0 ? n : int(std::thread::hardware_concurrency()));
}

enum class LibRawMethod { Ahd, Aahd };

/// LibRaw with its demosaic timed alone (see the top of the file), and the interpolated
/// image handed to `onInterpolated` before LibRaw's colour conversion touches it.
class TimedLibRaw : public LibRaw {
  public:
    explicit TimedLibRaw(LibRawMethod m) : method_(m) {
        callbacks.interpolate_bayer_cb = &TimedLibRaw::interpolate;
    }
    double seconds = 0;  ///< of the last interpolation
    int interpolations = 0;
    std::function<void(const TimedLibRaw&)> onInterpolated;

  private:
    static void interpolate(void* ctx) {
        auto* self = static_cast<TimedLibRaw*>(static_cast<LibRaw*>(ctx));
        const auto t0 = std::chrono::steady_clock::now();
        if (self->method_ == LibRawMethod::Ahd)
            self->ahd_interpolate();
        else
            self->aahd_interpolate();
        self->seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        ++self->interpolations;
        if (self->onInterpolated) self->onInterpolated(*self);
    }
    LibRawMethod method_;
};

// Argument: threads. Manual time: the interpolation step only.
void libRawOnCr2(benchmark::State& state, LibRawMethod method) {
    auto raw = std::make_unique<TimedLibRaw>(method);
    if (raw->open_file(gCr2.c_str()) != LIBRAW_SUCCESS || raw->unpack() != LIBRAW_SUCCESS) {
        state.SkipWithError("cannot open/unpack the CR2");
        return;
    }
    setLibRawThreads(int(state.range(0)));
    raw->imgdata.params.output_bps = 16;
    for (auto _ : state) {
        if (raw->dcraw_process() != LIBRAW_SUCCESS || raw->interpolations == 0) {
            state.SkipWithError("dcraw_process failed or did not call the interpolation hook");
            return;
        }
        state.SetIterationTime(raw->seconds);
    }
    setMegapixels(state, double(raw->imgdata.sizes.width) * raw->imgdata.sizes.height);
    setLibRawThreads(0);
}

void BM_LibRawAhdCr2(benchmark::State& state) {
    libRawOnCr2(state, LibRawMethod::Ahd);
}
void BM_LibRawAahdCr2(benchmark::State& state) {
    libRawOnCr2(state, LibRawMethod::Aahd);
}

// Argument: threads. The mosaic the pipeline demosaics: decoded and white-balanced as shot.
void BM_RcdCr2(benchmark::State& state) {
    const RawImage raw = decodeRaw(gCr2);
    Image mosaic = raw.mosaic;
    applyWhiteBalance(mosaic.view(), raw.layout, raw.cfa,
                      resolveWhiteBalance(raw, WhiteBalanceParams{}), HighlightMode::Reconstruct);
    setThreadCount(int(state.range(0)));
    Image out;
    demosaicFull(mosaic.cview(), raw.cfa, out);
    for (auto _ : state) {
        demosaicFull(mosaic.cview(), raw.cfa, out);
        benchmark::DoNotOptimize(out.data());
    }
    setMegapixels(state, double(mosaic.width()) * mosaic.height());
    setThreadCount(0);
}

// The whole of LibRaw's dcraw_process(), for scale: user_qual 0 = bilinear, 3 = AHD.
void BM_LibRawProcess(benchmark::State& state) {
    auto raw = std::make_unique<LibRaw>();
    if (raw->open_file(gCr2.c_str()) != LIBRAW_SUCCESS || raw->unpack() != LIBRAW_SUCCESS) {
        state.SkipWithError("cannot open/unpack the CR2");
        return;
    }
    raw->imgdata.params.user_qual = int(state.range(0));
    raw->imgdata.params.output_bps = 16;
    for (auto _ : state) {
        if (raw->dcraw_process() != LIBRAW_SUCCESS) {
            state.SkipWithError("dcraw_process failed");
            return;
        }
        benchmark::DoNotOptimize(raw->imgdata.image);
    }
    setMegapixels(state, double(raw->imgdata.sizes.width) * raw->imgdata.sizes.height);
}

// ---- quality on the Kodak suite ---------------------------------------------------------

/// LibRaw's demosaic of a DNG as RGB (its 16-bit scale), taken right after interpolation.
Image libRawDemosaic(const std::string& dng, LibRawMethod method) {
    auto raw = std::make_unique<TimedLibRaw>(method);
    Image rgb;
    raw->onInterpolated = [&rgb](const TimedLibRaw& r) {
        const int w = r.imgdata.sizes.width, h = r.imgdata.sizes.height;
        rgb.resize(w, h, 3);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                for (int c = 0; c < 3; ++c)
                    rgb.at(x, y, c) = float(r.imgdata.image[std::size_t(y) * w + x][c]);
    };
    auto& p = raw->imgdata.params;
    for (float& m : p.user_mul) m = 1;  // no white balance: the camera is sRGB already
    p.adjust_maximum_thr = 0;           // scale by the white level, not the data
    if (raw->open_file(dng.c_str()) != LIBRAW_SUCCESS || raw->unpack() != LIBRAW_SUCCESS ||
        raw->dcraw_process() != LIBRAW_SUCCESS || rgb.empty())
        throw Error(dng, "LibRaw cannot demosaic it");
    return rgb;
}

int kodakTable() {
    const auto files = test::kodakFiles(RF_SOURCE_DIR);
    if (files.empty()) {
        std::fprintf(stderr, "bench_demosaic: no Kodak images in %s\n",
                     test::kodakDir(RF_SOURCE_DIR).c_str());
        return 1;
    }
    const fs::path dir = fs::temp_directory_path() / "rf-bench-demosaic-kodak";
    fs::create_directories(dir);
    synth::DngOptions o;
    o.cfa = cfaFromString("RGGB");
    o.cameraFromXYZ = inverse(xyzFromLinearSRGB());  // camera RGB = the image's RGB
    o.exposureScale = 0.7;  // headroom for overshoot before LibRaw's 16-bit ceiling
    o.writeBaselineExposure = false;
    std::printf("CPSNR (dB) on the Kodak suite, RGGB, the same 16-bit DNG mosaic for all:\n");
    std::printf("%-12s %8s %8s %8s\n", "image", "RCD", "AHD", "AAHD");
    double sum[3] = {0, 0, 0};
    for (const auto& file : files) {
        const Image ref = test::loadRgb8(file);
        const std::string dng = (dir / (file.stem().string() + ".dng")).string();
        synth::writeDng(dng, ref.cview(), o);
        const RawImage decoded = decodeRaw(dng);
        Image results[3];
        demosaicFull(decoded.mosaic.cview(), decoded.cfa, results[0]);
        results[1] = libRawDemosaic(dng, LibRawMethod::Ahd);
        results[2] = libRawDemosaic(dng, LibRawMethod::Aahd);
        std::printf("%-12s", file.stem().c_str());
        for (int i = 0; i < 3; ++i) {
            test::matchNativeGain(ref, o.cfa, results[i]);
            const double db = test::cpsnr(ref, results[i]);
            sum[i] += db;
            std::printf(" %8.2f", db);
        }
        std::printf("\n");
    }
    const double n = double(files.size());
    std::printf("%-12s %8.2f %8.2f %8.2f\n", "mean", sum[0] / n, sum[1] / n, sum[2] / n);
    std::printf("RCD - AHD %+.2f dB, RCD - AAHD %+.2f dB\n", (sum[0] - sum[1]) / n,
                (sum[0] - sum[2]) / n);
    fs::remove_all(dir);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    gCr2 = RF_SOURCE_DIR "/../shared/testdata/raw/canon-eos30d.CR2";
    if (!fs::exists(gCr2)) gCr2 = "/usr/share/doc/rawtran/IMG_5952.CR2";
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i)
        if (std::strcmp(argv[i], "--kodak") == 0)
            return kodakTable();
        else
            args.push_back(argv[i]);

    const auto ms = [](benchmark::internal::Benchmark* b) {
        b->Unit(benchmark::kMillisecond)->UseRealTime();
    };
    // Arguments: width, height, threads.
    for (auto* b : {benchmark::RegisterBenchmark("BM_DemosaicHalf", BM_DemosaicHalf),
                    benchmark::RegisterBenchmark("BM_DemosaicFull", BM_DemosaicFull)}) {
        ms(b);
        b->Args({6000, 4000, 1})
            ->Args({6000, 4000, 2})
            ->Args({3464, 2309, 1})
            ->Args({3464, 2309, 2});
    }
    // The same image, one thread and all cores, each under its own name for the ratios.
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const std::string suffix[2] = {"_1thread", "_" + std::to_string(cores) + "threads"};
    for (int t = 0; t < 2; ++t) {
        const int threads = t == 0 ? 1 : cores;
        ms(benchmark::RegisterBenchmark(("RCD_CR2" + suffix[t]).c_str(), BM_RcdCr2)->Arg(threads));
        for (auto* b :
             {benchmark::RegisterBenchmark(("LibRawAHD_CR2" + suffix[t]).c_str(), BM_LibRawAhdCr2),
              benchmark::RegisterBenchmark(("LibRawAAHD_CR2" + suffix[t]).c_str(),
                                           BM_LibRawAahdCr2)})
            b->Arg(threads)->Unit(benchmark::kMillisecond)->UseManualTime();
    }
    ms(benchmark::RegisterBenchmark("BM_LibRawProcess", BM_LibRawProcess)->Arg(0)->Arg(3));

    int count = int(args.size());
    benchmark::Initialize(&count, args.data());
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    std::printf("\nthe same image (%s), demosaic alone:\n", fs::path(gCr2).filename().c_str());
    for (int t = 0; t < 2; ++t) {
        const auto rcd = reporter.seconds.find("RCD_CR2" + suffix[t]);
        if (rcd == reporter.seconds.end() || rcd->second <= 0) continue;
        for (const char* method : {"AHD", "AAHD"}) {
            const auto o =
                reporter.seconds.find("LibRaw" + std::string(method) + "_CR2" + suffix[t]);
            if (o == reporter.seconds.end()) continue;
            std::printf("  %-9s RCD %7.1f ms, LibRaw %-4s %7.1f ms: RCD runs at %.2fx its speed\n",
                        suffix[t].c_str() + 1, rcd->second * 1e3, method, o->second * 1e3,
                        o->second / rcd->second);
        }
    }
    return 0;
}
