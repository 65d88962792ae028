// SPDX-License-Identifier: GPL-3.0-or-later
// rangefinder-denoise-quality: noise reduction measured against a known truth. A picture (a
// Kodak PNG) is taken as a linear scene and written as raw DNGs through the synthetic
// camera: once clean, and at noise levels like a camera's at rising ISO (Poisson photon noise
// plus Gaussian read noise, seeded, added to the mosaic in raw space). Any developer's render
// of a noisy DNG is then compared with its own render of the clean one; bench/
// denoise-quality.sh drives it for Rangefinder, darktable-cli and rawtherapee-cli.
//
//   make PNG DIR      DIR/clean.dng, DIR/l1.dng … DIR/l3.dng
//   grey DIR          a flat mid-grey scene: DIR/grey-clean.dng and DIR/grey-l3.dng
//   compare REF IMG   CPSNR (all three channels) and SSIM (on luma) of IMG against REF
//   chroma IMG        colour noise: standard deviation of R − G and B − G over the centre
#include <CLI/CLI.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "rangefinder/error.h"
#include "synth.h"

namespace fs = std::filesystem;

namespace {

// Photo-electrons at the white level and read noise (fraction of white): ISO 800-, 3200- and
// 12800-like for a full-frame sensor, the scene placed as the DNG writer's default (scene
// white at half the raw range, BaselineExposure +1 EV).
struct Level {
    const char* name;
    double photons, read;
};
constexpr std::array<Level, 3> kLevels{
    {{"l1", 6000, 0.0005}, {"l2", 1500, 0.001}, {"l3", 400, 0.002}}};

double srgbToLinear(double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

rf::Image linearScene(const std::string& png) {
    const cv::Mat bgr = cv::imread(png, cv::IMREAD_COLOR);
    if (bgr.empty()) throw rf::Error(png, "cannot read the picture");
    rf::Image img(bgr.cols, bgr.rows, 3);
    for (int y = 0; y < bgr.rows; ++y)
        for (int x = 0; x < bgr.cols; ++x) {
            const cv::Vec3b p = bgr.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c)
                img.row(y)[3 * x + c] = float(srgbToLinear(p[2 - c] / 255.0));
        }
    return img;
}

void writeLevels(const rf::Image& scene, const fs::path& dir, const std::string& prefix,
                 bool allLevels, std::uint64_t seed) {
    fs::create_directories(dir);
    rf::synth::DngOptions o;
    o.model = "Synthetic Noise";
    rf::synth::writeDng((dir / (prefix + "clean.dng")).string(), scene.cview(), o);
    for (const Level& l : kLevels) {
        if (!allLevels && std::string(l.name) != "l3") continue;
        rf::synth::DngOptions n = o;
        n.photonsAtWhite = l.photons;
        n.noise = l.read;
        n.noiseSeed = seed;
        rf::synth::writeDng((dir / (prefix + l.name + ".dng")).string(), scene.cview(), n);
    }
}

// 16-bit or 8-bit RGB, as floats in [0, 1] (BGR order as OpenCV reads it).
cv::Mat readImage(const std::string& path) {
    const cv::Mat m = cv::imread(path, cv::IMREAD_UNCHANGED | cv::IMREAD_ANYDEPTH);
    if (m.empty() || m.channels() < 3) throw rf::Error(path, "cannot read an RGB image");
    cv::Mat rgb;
    if (m.channels() == 4)
        cv::cvtColor(m, rgb, cv::COLOR_BGRA2BGR);
    else
        rgb = m;
    cv::Mat f;
    rgb.convertTo(f, CV_32FC3, m.depth() == CV_16U ? 1.0 / 65535 : 1.0 / 255);
    return f;
}

// Wang et al. 2004: 11×11 Gaussian window, σ 1.5, K1 0.01, K2 0.03, values in [0, 1].
double ssim(const cv::Mat& a, const cv::Mat& b) {
    const double c1 = 0.01 * 0.01, c2 = 0.03 * 0.03;
    cv::Mat mu1, mu2, s11, s22, s12;
    const cv::Size k(11, 11);
    cv::GaussianBlur(a, mu1, k, 1.5);
    cv::GaussianBlur(b, mu2, k, 1.5);
    cv::GaussianBlur(a.mul(a), s11, k, 1.5);
    cv::GaussianBlur(b.mul(b), s22, k, 1.5);
    cv::GaussianBlur(a.mul(b), s12, k, 1.5);
    const cv::Mat m11 = mu1.mul(mu1), m22 = mu2.mul(mu2), m12 = mu1.mul(mu2);
    const cv::Mat num = (2 * m12 + c1).mul(2 * (s12 - m12) + c2);
    const cv::Mat den = (m11 + m22 + c1).mul((s11 - m11) + (s22 - m22) + c2);
    cv::Mat map;
    cv::divide(num, den, map);
    return cv::mean(map)[0];
}

cv::Mat luma(const cv::Mat& bgr) {
    std::vector<cv::Mat> ch;
    cv::split(bgr, ch);
    return 0.114 * ch[0] + 0.587 * ch[1] + 0.299 * ch[2];
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Noise reduction against a known truth (bench/denoise-quality.sh)"};
    app.require_subcommand(1);
    std::string png, dir, ref, img;
    std::uint64_t seed = 1;
    auto* make = app.add_subcommand("make", "clean and noisy DNGs of a picture");
    make->add_option("png", png)->required();
    make->add_option("dir", dir)->required();
    make->add_option("--seed", seed, "noise seed");
    auto* grey = app.add_subcommand("grey", "a flat grey scene, clean and at the highest level");
    grey->add_option("dir", dir)->required();
    auto* compare = app.add_subcommand("compare", "CPSNR and luma SSIM of IMG against REF");
    compare->add_option("ref", ref)->required();
    compare->add_option("img", img)->required();
    auto* chroma = app.add_subcommand("chroma", "colour noise over the centre of IMG");
    chroma->add_option("img", img)->required();
    CLI11_PARSE(app, argc, argv);
    try {
        if (*make) {
            writeLevels(linearScene(png), dir, "", true, seed);
        } else if (*grey) {
            rf::Image g(512, 512, 3);
            for (std::size_t i = 0; i < g.sampleCount(); ++i) g.data()[i] = 0.18f;
            writeLevels(g, dir, "grey-", false, seed);
        } else if (*compare) {
            const cv::Mat a = readImage(ref), b = readImage(img);
            if (a.size() != b.size())
                throw rf::Error(img, "not the size of " + ref + ": renders of one tool differ");
            const double mse = cv::norm(a, b, cv::NORM_L2SQR) / double(a.total() * 3);
            std::printf("%.3f %.4f\n", 10 * std::log10(1 / std::max(mse, 1e-20)),
                        ssim(luma(a), luma(b)));
        } else if (*chroma) {
            const cv::Mat a = readImage(img);
            const cv::Rect centre(a.cols / 5, a.rows / 5, 3 * a.cols / 5, 3 * a.rows / 5);
            std::vector<cv::Mat> ch;
            cv::split(a(centre), ch);
            cv::Scalar mean, sdRG, sdBG;
            cv::meanStdDev(ch[2] - ch[1], mean, sdRG);
            cv::meanStdDev(ch[0] - ch[1], mean, sdBG);
            std::printf("%.6f %.6f\n", sdRG[0], sdBG[0]);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rangefinder-denoise-quality: %s\n", e.what());
        return 1;
    }
    return 0;
}
