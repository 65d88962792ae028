// SPDX-License-Identifier: GPL-3.0-or-later
// rangefinder-format-quality: one quality scale across JPEG, WebP, AVIF and JPEG XL, and what
// each format costs at it. Every reference picture (sRGB PNG, 8 or 16 bits) is encoded by
// Rangefinder's own writers (rf::writeImage, the export's code), decoded back by each
// format's independent decoder (OpenCV's libjpeg for JPEG, dwebp, avifdec, djxl) and scored
// against the reference with butteraugli (libjxl 0.7's API: the 3-norm, and the max), which
// Debian's libjxl-tools lacks as a command.
//
//   calibrate   sweeps each encoder's own setting (EncodeOptions::encoderSetting), averages
//               the 3-norm over all references per setting, and for each JPEG quality of the
//               table finds by linear interpolation the setting with JPEG's mean score: the
//               rows of kQualityTable (src/core/io/modern_writers.cpp)
//   verify Q…   each format at the user's quality Q through that table: size, encode time
//               and score per reference group, against JPEG (docs/performance.md)
//   speeds      the AVIF speed, JPEG XL effort and WebP method at quality 85: their size,
//               time and score, for the choice of the writers' constants
//
// bench/format-quality.sh drives it over the Kodak set and the real raws.
#include <jxl/butteraugli.h>
#include <jxl/thread_parallel_runner.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "rangefinder/color.h"
#include "rangefinder/error.h"
#include "rangefinder/export_schema.h"
#include "rangefinder/image.h"
#include "rangefinder/writer.h"

namespace fs = std::filesystem;
using rf::FileFormat;

namespace {

struct Ref {
    std::string group, path;
    rf::Image rgb;  ///< float RGB in [0, 1]
    cv::Mat rgb16;  ///< the same, 16-bit RGB, for butteraugli
};

struct Score {
    double norm3 = 0, max = 0;
};

struct Result {
    std::size_t bytes = 0;
    double seconds = 0;
    Score score;
};

Ref loadRef(const std::string& group, const std::string& path) {
    const cv::Mat bgr = cv::imread(path, cv::IMREAD_UNCHANGED);
    if (bgr.empty() || bgr.channels() != 3) throw rf::Error(path, "cannot read an RGB picture");
    Ref r{group, path, rf::Image(bgr.cols, bgr.rows, 3), cv::Mat(bgr.rows, bgr.cols, CV_16UC3)};
    const double scale = bgr.depth() == CV_16U ? 1 / 65535.0 : 1 / 255.0;
    for (int y = 0; y < bgr.rows; ++y)
        for (int x = 0; x < bgr.cols; ++x)
            for (int c = 0; c < 3; ++c) {
                const double v = bgr.depth() == CV_16U ? bgr.at<cv::Vec3w>(y, x)[2 - c]
                                                       : bgr.at<cv::Vec3b>(y, x)[2 - c];
                r.rgb.row(y)[3 * x + c] = float(v * scale);
                r.rgb16.at<cv::Vec3w>(y, x)[c] =
                    std::uint16_t(std::lround(std::min(1.0, v * scale) * 65535));
            }
    return r;
}

// The decoded picture as RGB, 8 or 16 bits, through the format's own decoder.
cv::Mat decode(FileFormat f, const std::string& file, const std::string& png) {
    std::string cmd;
    const std::string q = "'" + file + "' '" + png + "' >/dev/null 2>&1";
    switch (f) {
        case FileFormat::WebP:
            cmd = "dwebp '" + file + "' -o '" + png + "' >/dev/null 2>&1";
            break;
        case FileFormat::Avif:
            cmd = "avifdec " + q;
            break;
        case FileFormat::Jxl:
            cmd = "djxl " + q;
            break;
        default:
            break;
    }
    const std::string read = cmd.empty() ? file : png;
    if (!cmd.empty() && std::system(cmd.c_str()) != 0)
        throw rf::Error(file, "the decoder failed: " + cmd);
    cv::Mat bgr = cv::imread(read, cv::IMREAD_UNCHANGED);
    if (bgr.empty() || bgr.channels() != 3)
        throw rf::Error(read, "cannot read the decoded picture");
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return rgb;
}

class Butteraugli {
  public:
    Butteraugli()
        : runner_(JxlThreadParallelRunnerCreate(nullptr,
                                                JxlThreadParallelRunnerDefaultNumWorkerThreads())),
          api_(JxlButteraugliApiCreate(nullptr)) {
        JxlButteraugliApiSetParallelRunner(api_, JxlThreadParallelRunner, runner_);
    }
    ~Butteraugli() {
        JxlButteraugliApiDestroy(api_);
        JxlThreadParallelRunnerDestroy(runner_);
    }
    Butteraugli(const Butteraugli&) = delete;
    Butteraugli& operator=(const Butteraugli&) = delete;

    // Both pictures are sRGB-encoded integers, which is how the API reads them.
    Score operator()(const cv::Mat& ref16, const cv::Mat& dist) const {
        const JxlPixelFormat f16{3, JXL_TYPE_UINT16, JXL_NATIVE_ENDIAN, 0};
        const JxlPixelFormat f8{3, JXL_TYPE_UINT8, JXL_NATIVE_ENDIAN, 0};
        const bool d16 = dist.depth() == CV_16U;
        JxlButteraugliResult* r = JxlButteraugliCompute(
            api_, std::uint32_t(ref16.cols), std::uint32_t(ref16.rows), &f16, ref16.data,
            ref16.total() * 6, d16 ? &f16 : &f8, dist.data, dist.total() * (d16 ? 6 : 3));
        if (!r) throw rf::Error("butteraugli failed");
        Score s{JxlButteraugliResultGetDistance(r, 3.f), JxlButteraugliResultGetMaxDistance(r)};
        JxlButteraugliResultDestroy(r);
        return s;
    }

  private:
    void* runner_;
    JxlButteraugliApi* api_;
};

struct Bench {
    fs::path work;
    Butteraugli butteraugli;
    std::vector<std::uint8_t> icc = rf::iccProfileFor(rf::OutputSpace::SRGB);

    // `setting` < 0: the user's `quality` through the writer's table.
    // `effort` ≥ 0: the encoder's speed setting instead of the writer's (speeds).
    Result run(const Ref& ref, FileFormat f, int quality, double setting, int effort = -1) {
        rf::EncodeOptions o;
        o.format = f;
        o.quality = quality;
        o.subsampling = rf::ChromaSubsampling::S420;  // the web presets'
        o.progressive = f == FileFormat::Jpeg;
        if (f == FileFormat::Jpeg && setting >= 0) o.quality = int(setting);
        if (f != FileFormat::Jpeg) o.encoderSetting = setting;
        o.encoderEffort = effort;
        const std::string file = (work / (std::string("enc.") + rf::fileExtension(f))).string();
        fs::remove(file);
        const auto t0 = std::chrono::steady_clock::now();
        rf::writeImage(file, ref.rgb.cview(), o, icc);
        Result r;
        r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        r.bytes = fs::file_size(file);
        const cv::Mat dec = decode(f, file, (work / "dec.png").string());
        if (dec.cols != ref.rgb16.cols || dec.rows != ref.rgb16.rows)
            throw rf::Error(file, "decoded at another size");
        r.score = butteraugli(ref.rgb16, dec);
        return r;
    }
};

const std::vector<FileFormat> kFormats = {FileFormat::Jpeg, FileFormat::WebP, FileFormat::Avif,
                                          FileFormat::Jxl};

std::vector<double> sweep(FileFormat f) {
    switch (f) {
        case FileFormat::Jpeg:
            return {20, 30, 40, 50, 60, 70, 80, 85, 90, 95, 100};
        case FileFormat::WebP:
            return {0, 15, 30, 45, 60, 70, 80, 85, 90, 95, 100};
        case FileFormat::Avif:
            return {0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 63};
        case FileFormat::Jxl:
            return {0.2, 0.4, 0.6, 0.9, 1.2, 1.6, 2.1, 2.8, 3.8, 5.5, 8};
        default:
            return {};
    }
}

// The JPEG qualities the table holds rows for.
const std::vector<int> kTableQualities = {20, 30, 40, 50, 60, 70, 80, 85, 90, 95, 100};

// The setting whose mean score is `target`, interpolated between the sweep's neighbours;
// `clamped` when the sweep does not reach it.
double settingForScore(const std::vector<double>& settings, const std::vector<double>& means,
                       double target, bool& clamped) {
    clamped = false;
    for (std::size_t i = 0; i + 1 < settings.size(); ++i) {
        const double a = means[i], b = means[i + 1];
        if ((target - a) * (target - b) <= 0 && a != b)
            return settings[i] + (target - a) / (b - a) * (settings[i + 1] - settings[i]);
    }
    clamped = true;
    // Nearest end by score.
    return std::abs(means.front() - target) < std::abs(means.back() - target) ? settings.front()
                                                                              : settings.back();
}

int calibrate(Bench& bench, const std::vector<Ref>& refs, const std::string& csvPath) {
    std::FILE* csv = std::fopen(csvPath.c_str(), "w");
    if (!csv) throw rf::Error(csvPath, "cannot create");
    std::fprintf(csv, "group,image,format,setting,bytes,seconds,butteraugli3,butteraugliMax\n");
    std::map<FileFormat, std::vector<double>> means;
    for (FileFormat f : kFormats) {
        const auto settings = sweep(f);
        std::vector<double> sum(settings.size(), 0);
        for (const Ref& ref : refs)
            for (std::size_t i = 0; i < settings.size(); ++i) {
                const Result r = bench.run(ref, f, 85, settings[i]);
                sum[i] += r.score.norm3;
                std::fprintf(csv, "%s,%s,%s,%g,%zu,%.4f,%.4f,%.4f\n", ref.group.c_str(),
                             fs::path(ref.path).filename().c_str(), rf::fileExtension(f),
                             settings[i], r.bytes, r.seconds, r.score.norm3, r.score.max);
                std::fflush(csv);
            }
        for (double& s : sum) s /= double(refs.size());
        means[f] = sum;
        std::fprintf(stderr, "%s swept\n", rf::fileExtension(f));
    }
    std::fclose(csv);

    std::printf(
        "| JPEG quality | butteraugli 3-norm | WebP quality | AVIF quantizer | "
        "JPEG XL distance |\n|---:|---:|---:|---:|---:|\n");
    std::string table;
    const auto& jpegSettings = sweep(FileFormat::Jpeg);
    for (int q : kTableQualities) {
        const auto it = std::find(jpegSettings.begin(), jpegSettings.end(), double(q));
        const double target = means[FileFormat::Jpeg][std::size_t(it - jpegSettings.begin())];
        double s[3];
        bool clamped[3];
        for (int k = 0; k < 3; ++k)
            s[k] = settingForScore(sweep(kFormats[std::size_t(k + 1)]),
                                   means[kFormats[std::size_t(k + 1)]], target, clamped[k]);
        std::printf("| %d | %.3f | %.1f%s | %.1f%s | %.2f%s |\n", q, target, s[0],
                    clamped[0] ? " (end)" : "", s[1], clamped[1] ? " (end)" : "", s[2],
                    clamped[2] ? " (end)" : "");
        char row[128];
        std::snprintf(row, sizeof row, "    {%d, %.1f, %.1f, %.2f},\n", q, s[0], s[1], s[2]);
        table += row;
    }
    std::printf("\nkQualityTable rows (modern_writers.cpp):\n%s", table.c_str());
    return 0;
}

std::vector<std::string> groupsOf(const std::vector<Ref>& refs) {
    std::vector<std::string> g;
    for (const Ref& r : refs)
        if (std::find(g.begin(), g.end(), r.group) == g.end()) g.push_back(r.group);
    return g;
}

const char* formatName(FileFormat f) {
    return f == FileFormat::Jpeg   ? "JPEG"
           : f == FileFormat::WebP ? "WebP"
           : f == FileFormat::Avif ? "AVIF"
                                   : "JPEG XL";
}

int verify(Bench& bench, const std::vector<Ref>& refs, const std::vector<int>& qualities) {
    std::printf(
        "| pictures | quality | format | setting | size (KB, total) | vs JPEG | "
        "encode (s, total) | vs JPEG | butteraugli 3-norm | max |\n"
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const std::string& g : groupsOf(refs))
        for (int q : qualities) {
            double jpegBytes = 0, jpegSeconds = 0;
            for (FileFormat f : kFormats) {
                double bytes = 0, seconds = 0, norm3 = 0, max = 0;
                int n = 0;
                for (const Ref& ref : refs) {
                    if (ref.group != g) continue;
                    const Result r = bench.run(ref, f, q, -1);
                    bytes += double(r.bytes);
                    seconds += r.seconds;
                    norm3 += r.score.norm3;
                    max += r.score.max;
                    ++n;
                }
                if (f == FileFormat::Jpeg) jpegBytes = bytes, jpegSeconds = seconds;
                std::printf(
                    "| %s (%d) | %d | %s | %.3g | %.0f | %.0f %% | %.2f | %.1f× | %.3f | "
                    "%.2f |\n",
                    g.c_str(), n, q, formatName(f), rf::encoderSettingFor(f, q), bytes / 1024,
                    100 * bytes / jpegBytes, seconds, seconds / jpegSeconds, norm3 / n, max / n);
                std::fflush(stdout);
            }
        }
    return 0;
}

int speeds(Bench& bench, const std::vector<Ref>& refs) {
    std::printf(
        "| format | speed setting | size (KB, total) | encode (s, total) | 3-norm |\n"
        "|---|---:|---:|---:|---:|\n");
    const std::vector<std::pair<FileFormat, std::vector<int>>> grid = {
        {FileFormat::Avif, {4, 5, 6, 7, 8, 9}},
        {FileFormat::Jxl, {3, 5, 6, 7, 8}},
        {FileFormat::WebP, {2, 3, 4, 5, 6}}};
    for (const auto& [f, values] : grid)
        for (int v : values) {
            double bytes = 0, seconds = 0, norm3 = 0;
            for (const Ref& ref : refs) {
                const Result r = bench.run(ref, f, 85, -1, v);
                bytes += double(r.bytes);
                seconds += r.seconds;
                norm3 += r.score.norm3;
            }
            std::printf("| %s | %d | %.0f | %.2f | %.3f |\n", formatName(f), v, bytes / 1024,
                        seconds, norm3 / double(refs.size()));
            std::fflush(stdout);
        }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"One quality scale across JPEG, WebP, AVIF and JPEG XL (bench/format-quality.sh)"};
    std::vector<std::string> kodak, raws;
    std::string work = "/tmp/rf-format-quality", csv;
    std::vector<int> qualities;
    app.add_option("--kodak", kodak, "reference pictures of the Kodak group");
    app.add_option("--raws", raws, "reference pictures rendered from the real raws");
    app.add_option("--work", work, "scratch folder");
    auto* cal = app.add_subcommand("calibrate", "sweep the encoders and fit the quality table");
    cal->add_option("--csv", csv, "every encode's row")->required();
    auto* ver = app.add_subcommand("verify", "each format at the user's qualities, vs JPEG");
    ver->add_option("qualities", qualities)->required();
    auto* spd = app.add_subcommand("speeds", "encoder speed settings at quality 85");
    app.require_subcommand(1);
    CLI11_PARSE(app, argc, argv);
    try {
        std::vector<Ref> refs;
        for (const auto& p : kodak) refs.push_back(loadRef("Kodak", p));
        for (const auto& p : raws) refs.push_back(loadRef("raws", p));
        if (refs.empty()) throw rf::Error("no reference pictures (--kodak, --raws)");
        fs::create_directories(work);
        Bench bench{work, {}, rf::iccProfileFor(rf::OutputSpace::SRGB)};
        if (*cal) return calibrate(bench, refs, csv);
        if (*ver) return verify(bench, refs, qualities);
        if (*spd) return speeds(bench, refs);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rangefinder-format-quality: %s\n", e.what());
        return 1;
    }
    return 0;
}
