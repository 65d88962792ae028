// SPDX-License-Identifier: GPL-3.0-or-later
// Damaged copies of real raws, made on the spot: bits flipped, runs of bytes overwritten with
// garbage, the file cut at a random point. Each copy is decoded and rendered in-process as an
// export would be, and must come out as one of two things: an rf::Error naming the file, or a
// picture. Never a crash, an exception of another kind, a decode that takes more than 10 s, or
// a black or flat picture with no error (what a decoder that silently stopped leaves behind).
//
// The copies come from a seeded generator, variant i of a file always being the same bytes, so
// a failure names a variant that can be made again. Each file gets at most kVariantsPerFile
// copies and stops starting new ones after kSecondsPerFile, so the suite stays quick on a slow
// machine; the counts run are printed. Inputs that once broke the code are kept in
// tests/data/mutated/ and replayed every run.

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/params.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kVariantsPerFile = 200;
constexpr double kSecondsPerFile = 60;
constexpr double kSecondsPerVariant = 10;
/// Samples of one value in a row that no sensor's noise produces (the synthetic DNG's tiles
/// are 128 wide).
constexpr int kFlatRun = 128;

std::vector<char> readBytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void writeBytes(const fs::path& path, const std::vector<char>& b) {
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(b.data(), std::streamsize(b.size()));
}

/// Variant `index` of `original`: one of bit flips, garbage runs or a cut, half of the time
/// aimed at the first 64 KB, where the headers and tables are that most of the parsing reads.
std::vector<char> mutate(const std::vector<char>& original, std::uint32_t seed, int index,
                         std::string& what) {
    std::mt19937 rng(seed * 7919u + std::uint32_t(index));
    const auto below = [&](std::size_t n) {
        return n == 0 ? std::size_t(0) : std::size_t(rng() % std::uint32_t(n));
    };
    std::vector<char> b = original;
    const auto somewhere = [&] {
        const bool head = rng() & 1;
        return below(head ? std::min<std::size_t>(b.size(), 65536) : b.size());
    };
    switch (index % 3) {
        case 0: {
            const int flips = 1 + int(below(16));
            for (int i = 0; i < flips; ++i) b[somewhere()] ^= char(1 << below(8));
            what = std::to_string(flips) + " bit flips";
            break;
        }
        case 1: {
            const int runs = 1 + int(below(4));
            for (int r = 0; r < runs; ++r) {
                const std::size_t at = somewhere(), n = 1 + below(4096);
                for (std::size_t i = at; i < std::min(b.size(), at + n); ++i) b[i] = char(rng());
            }
            what = std::to_string(runs) + " garbage runs";
            break;
        }
        default: {
            const std::size_t keep = somewhere();
            b.resize(keep);
            what = "cut to " + std::to_string(keep) + " bytes";
            break;
        }
    }
    return b;
}

/// Aborts the test run when one variant takes far longer than allowed: the measured limit
/// below fails the test once the call returns, but a true hang never returns.
class Watchdog {
  public:
    Watchdog() : thread_([this] { run(); }) {}
    ~Watchdog() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        wake_.notify_all();
        thread_.join();
    }
    void arm(const std::string& what) {
        std::lock_guard lock(mutex_);
        what_ = what;
        since_ = Clock::now();
        armed_ = true;
    }
    void disarm() {
        std::lock_guard lock(mutex_);
        armed_ = false;
    }

  private:
    void run() {
        std::unique_lock lock(mutex_);
        while (!stop_) {
            wake_.wait_for(lock, std::chrono::seconds(1));
            if (armed_ && Clock::now() - since_ > std::chrono::seconds(120)) {
                std::fprintf(stderr, "HANG: %s has run for over 120 s\n", what_.c_str());
                std::fflush(stderr);
                std::_Exit(3);
            }
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    std::string what_;
    Clock::time_point since_;
    bool armed_ = false, stop_ = false;
    std::thread thread_;
};

struct Outcome {
    bool refused = false;
    std::string error;
    double seconds = 0;
};

/// True when every sample of every channel has the same value.
bool flat(const Image& img) {
    if (img.empty()) return true;
    const int c = img.channels();
    const float* p = img.data();
    for (std::size_t i = std::size_t(c); i < img.sampleCount(); ++i)
        if (p[i] != p[i % std::size_t(c)]) return false;
    return true;
}

/// The longest run of one value along a row of `img` (its channels in turn), leaving out the
/// clip at 1, which a blown highlight reaches everywhere. A decoder that stopped part of the
/// way leaves the rest of the frame at one value; sensor noise never repeats for long.
int longestFlatRun(const Image& img) {
    int longest = 0;
    const std::size_t n = std::size_t(img.width()) * std::size_t(img.channels());
    for (int y = 0; y < img.height(); ++y) {
        const float* row = img.row(y);
        int run = 1;
        for (std::size_t i = 1; i < n; ++i) {
            run = row[i] == row[i - 1] && row[i] < 1.f ? run + 1 : 1;
            longest = std::max(longest, run);
        }
    }
    return longest;
}

/// Decodes and renders `path` as a 256 px export would, checking what comes out. Failures are
/// reported with `label`, and the input kept beside the build for the one who debugs it.
Outcome check(const fs::path& path, const std::string& label, Watchdog& dog) {
    Outcome o;
    const auto keep = [&] {
        const fs::path dir = fs::path(RF_BINARY_DIR) / "test_mutated_raws_failures";
        fs::create_directories(dir);
        std::error_code ec;
        fs::copy_file(path, dir / path.filename(), fs::copy_options::overwrite_existing, ec);
        return (dir / path.filename()).string();
    };
    dog.arm(label);
    const Clock::time_point t0 = Clock::now();
    try {
        auto raw = std::make_shared<const RawImage>(decodeRaw(path.string()));
        EXPECT_FALSE(flat(raw->mosaic)) << label << ": decoded to a flat mosaic without an error"
                                        << " (kept at " << keep() << ")";
        const int run = longestFlatRun(raw->mosaic);
        EXPECT_LT(run, kFlatRun) << label << ": " << run
                                 << " samples of one value in a row of the mosaic, as a decoder "
                                    "that stopped part of the way leaves it (kept at "
                                 << keep() << ")";
        Pipeline pipeline(raw);
        RenderOptions ro;
        ro.size = {SizeMode::LongEdge, 256};
        ro.oneShot = true;
        const RenderResult r = pipeline.render(EditDocument(), ro);
        EXPECT_FALSE(r.rgb.empty()) << label;
        EXPECT_LE(std::max(r.rgb.width(), r.rgb.height()), 256) << label;
        bool finite = true;
        for (std::size_t i = 0; i < r.rgb.sampleCount(); ++i)
            finite = finite && std::isfinite(r.rgb.data()[i]);
        EXPECT_TRUE(finite) << label << " (kept at " << keep() << ")";
        EXPECT_FALSE(flat(r.rgb)) << label << ": rendered a flat picture without an error"
                                  << " (kept at " << keep() << ")";
    } catch (const Error& e) {
        o.refused = true;
        o.error = e.what();
        EXPECT_EQ(e.file(), path.string()) << label << ": " << e.what();
        EXPECT_NE(o.error.find(path.filename().string()), std::string::npos)
            << label << ": the error does not name the file: " << e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << label << ": threw something other than rf::Error: " << e.what()
                      << " (kept at " << keep() << ")";
    }
    o.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    dog.disarm();
    EXPECT_LE(o.seconds, kSecondsPerVariant)
        << label << " took " << o.seconds << " s (kept at " << keep() << ")";
    return o;
}

/// Runs the variants of one original and prints what became of them.
void runVariants(const std::string& name, const std::vector<char>& original, std::uint32_t seed) {
    test::TempDir tmp("mutated-raws");
    const std::string ext = fs::path(name).extension().string();
    Watchdog dog;
    const Clock::time_point start = Clock::now();
    int run = 0, refused = 0;
    double slowest = 0;
    for (int i = 0; i < kVariantsPerFile; ++i) {
        if (std::chrono::duration<double>(Clock::now() - start).count() > kSecondsPerFile) break;
        std::string what;
        const std::vector<char> b = mutate(original, seed, i, what);
        const fs::path p =
            tmp.path() / (fs::path(name).stem().string() + "-variant-" + std::to_string(i) + ext);
        writeBytes(p, b);
        const Outcome o = check(p, name + " variant " + std::to_string(i) + " (" + what + ")", dog);
        ++run;
        refused += o.refused;
        slowest = std::max(slowest, o.seconds);
        fs::remove(p);
    }
    std::printf(
        "%s: %d variants in %.1f s (of %d allowed), %d refused, %d decoded; slowest "
        "%.2f s\n",
        name.c_str(), run, std::chrono::duration<double>(Clock::now() - start).count(),
        kVariantsPerFile, refused, run - refused, slowest);
    EXPECT_GT(run, 0);
}

std::uint32_t seedOf(const std::string& name) {
    std::uint32_t h = 2166136261u;  // FNV-1a: the same file, the same variants
    for (const unsigned char c : name) h = (h ^ c) * 16777619u;
    return h;
}

}  // namespace

TEST(MutatedRaws, RealRawsDamagedAtRandomAreRefusedByNameOrRenderAPicture) {
    RF_REQUIRE_TESTDATA("raw");
    std::vector<fs::path> raws;
    for (const auto& e : fs::directory_iterator(test::testdata() / "raw"))
        if (e.is_regular_file() && e.path().filename() != "README.md") raws.push_back(e.path());
    std::sort(raws.begin(), raws.end());
    ASSERT_FALSE(raws.empty());
    for (const fs::path& raw : raws) {
        SCOPED_TRACE(raw.string());
        const std::string name = raw.filename().string();
        runVariants(name, readBytes(raw), seedOf(name));
    }
}

TEST(MutatedRaws, TiledLosslessJpegDngsDamagedAtRandomAreRefusedByNameOrRenderAPicture) {
    // The real raws hold no DNG; the synthetic writer's tiled lossless JPEG is the layout of
    // converters' and phones' DNGs, decoded tile by tile by our own decoder.
    test::TempDir tmp("mutated-dng");
    synth::DngOptions o;
    o.noise = 0.01;
    o.ljpegTileWidth = o.ljpegTileHeight = 128;
    const std::string path = tmp.str("chart.dng");
    synth::writeDng(path, synth::renderChart(600, 400).cview(), o);
    runVariants("chart-ljpeg-tiles.dng", readBytes(path), seedOf("chart-ljpeg-tiles.dng"));
}

TEST(MutatedRaws, KeptInputsThatOnceBrokeTheDecoder) {
    // Whole inputs, and `<raw>@<offset>.patch`: bytes to write over a real raw (README.md).
    const fs::path dir = fs::path(RF_SOURCE_DIR) / "tests" / "data" / "mutated";
    if (!fs::is_directory(dir)) GTEST_SKIP() << dir.string() << " is absent";
    test::TempDir tmp("mutated-kept");
    Watchdog dog;
    int n = 0, skipped = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (!e.is_regular_file() || name == "README.md") continue;
        fs::path input = e.path();
        if (e.path().extension() == ".patch") {
            const std::string stem = e.path().stem().string();
            const std::size_t at = stem.rfind('@');
            ASSERT_NE(at, std::string::npos) << name;
            const fs::path raw = test::testdata() / "raw" / stem.substr(0, at);
            if (!fs::exists(raw)) {
                ++skipped;
                continue;
            }
            std::vector<char> b = readBytes(raw);
            const std::vector<char> patch = readBytes(e.path());
            const auto offset = std::size_t(std::stoull(stem.substr(at + 1)));
            ASSERT_LE(offset + patch.size(), b.size()) << name;
            std::copy(patch.begin(), patch.end(), b.begin() + std::ptrdiff_t(offset));
            input = tmp.path() / stem.substr(0, at);
            writeBytes(input, b);
        }
        check(input, name, dog);
        ++n;
    }
    std::printf("%d kept inputs replayed, %d skipped (their raw is not in the test data)\n", n,
                skipped);
}
