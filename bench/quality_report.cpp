// SPDX-License-Identifier: GPL-3.0-or-later
// rangefinder-quality: renders real raws with the default rendering and with every look, and
// measures each against the camera's own JPEG (the preview embedded in the raw): mean
// CIEDE2000, mean ΔL*, chroma ratio and contrast ratio (src/quality/quality.h). Peers'
// renderings (darktable-cli, rawtherapee-cli) are measured the same way when their JPEGs are
// given. bench/quality.sh runs the peers and writes docs/quality.md from this table.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include "rangefinder/auto_tone.h"

#include "quality/quality.h"
#include "rangefinder/error.h"
#include "rangefinder/looks.h"
#include "rangefinder/raw.h"
#include "rangefinder/resample.h"
#include "rangefinder/whitebalance.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

struct Row {
    std::string raw, rendering;
    quality::Comparison c;
};

void printRow(const Row& r, bool markdown) {
    if (markdown)
        std::printf("| %s | %s | %.2f | %+.1f | %.2f | %.2f | %.1f %% |\n", r.raw.c_str(),
                    r.rendering.c_str(), r.c.deltaE, r.c.deltaL, r.c.chromaRatio, r.c.contrastRatio,
                    100 * r.c.picture.clipped);
    else
        std::printf("%-22s %-34s dE %6.2f  dL %+6.1f  chroma %5.2f  contrast %5.2f  clip %5.1f%%\n",
                    r.raw.c_str(), r.rendering.c_str(), r.c.deltaE, r.c.deltaL, r.c.chromaRatio,
                    r.c.contrastRatio, 100 * r.c.picture.clipped);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Measures renderings of real raws against the camera's own JPEG."};
    std::vector<std::string> raws, peers, sets, lookDirs;
    std::string gallery;
    bool markdown = false, noLooks = false, unregistered = false;
    app.add_option("raws", raws, "Raw files with an embedded JPEG")->required();
    app.add_option("--peer", peers,
                   "NAME=DIR: a peer's renderings, DIR/<raw name without extension>.jpg")
        ->allow_extra_args(false);
    app.add_option("-s,--set", sets, "KEY=VALUE applied to every rendering of ours")
        ->allow_extra_args(false);
    app.add_option("--looks-dir", lookDirs, "Folder of looks (default: the installed ones)")
        ->allow_extra_args(false);
    app.add_flag("--no-looks", noLooks, "Only the default rendering");
    app.add_option("--gallery", gallery,
                   "Folder for side-by-side strips: camera JPEG, default, each look");
    app.add_flag("--markdown", markdown, "A Markdown table");
    app.add_flag("--unregistered", unregistered,
                 "Compare whole frames, stretched to the camera JPEG's size, without registering "
                 "them to its framing (the measure of issue 15's first table)");
    CLI11_PARSE(app, argc, argv);

    try {
        const LookLibrary library =
            LookLibrary::load(lookDirs.empty() ? defaultLookDirs() : lookDirs);
        EditDocument base;
        for (const std::string& s : sets) base.setAssignment(s);
        if (markdown) {
            std::printf(
                "| raw | rendering | mean ΔE2000 | mean ΔL* | chroma ratio | "
                "contrast ratio | clipped |\n");
            std::printf("| --- | --- | --- | --- | --- | --- | --- |\n");
        }
        if (!gallery.empty()) fs::create_directories(gallery);
        for (const std::string& path : raws) {
            const std::string name = fs::path(path).filename().string();
            const std::string stem = fs::path(path).stem().string();
            auto raw = std::make_shared<const RawImage>(decodeRaw(path));
            const Image camera = quality::cameraJpeg(*raw);
            if (!markdown) {
                WhiteBalanceParams wb;
                const auto [k, t] = whiteBalanceTemperature(*raw, wb);
                wb.mode = "auto";
                const auto [ak, at] = whiteBalanceTemperature(*raw, wb);
                std::printf("%s: as shot %.0f K %+.0f%s, auto %.0f K %+.0f\n", name.c_str(), k, t,
                            raw->asShotRecorded ? "" : " (not recorded: auto)", ak, at);
            }
            const int w = camera.width(), h = camera.height();
            Pipeline pipeline(raw);
            std::vector<Image> strip;
            strip.push_back(camera);
            const Image oursFull = quality::render(pipeline, base, library.dirs());
            const auto frameOf = [&](const Image& pic) {
                return unregistered ? Rect{0, 0, pic.width(), pic.height()}
                                    : quality::registerTo(pic.cview(), camera.cview());
            };
            const Rect frame = frameOf(oursFull);
            const Image ours = quality::framed(oursFull.cview(), frame, w, h);
            printRow({name, "Rangefinder default", quality::compare(ours.cview(), camera.cview())},
                     markdown);
            if (!markdown) {
                const AutoToneValues a =
                    analyseAutoTone(pipeline.sceneLinear(base, outputSizeFromString("512")).cview(),
                                    pipeline.toneParams(base));
                std::printf(
                    "  auto tone: exposure %+.2f EV, highlights %+.0f, shadows %+.0f, "
                    "whites %+.0f, blacks %+.0f\n",
                    a.exposureEv, a.highlights, a.shadows, a.whites, a.blacks);
            }
            strip.push_back(ours);
            if (!noLooks)
                for (const Look& look : library.looks()) {
                    const Image pic = quality::framed(
                        quality::render(pipeline, withLook(base, look), library.dirs()).cview(),
                        frame, w, h);
                    printRow({name, "Rangefinder, " + look.name,
                              quality::compare(pic.cview(), camera.cview())},
                             markdown);
                    strip.push_back(pic);
                }
            for (const std::string& peer : peers) {
                const auto eq = peer.find('=');
                if (eq == std::string::npos) throw Error(peer, "--peer takes NAME=DIR");
                const fs::path file = fs::path(peer.substr(eq + 1)) / (stem + ".jpg");
                if (!fs::exists(file)) continue;
                const Image full = quality::readJpeg(file.string());
                int rw = 0, rh = 0;
                OutputSize size;
                size.mode = SizeMode::LongEdge;
                size.a = quality::kRegisterLongEdge;
                targetSize(full.width(), full.height(), size, rw, rh);
                const Image peerPic = quality::reduce(full.cview(), rw, rh);
                const Image pic = quality::framed(peerPic.cview(), frameOf(peerPic), w, h);
                printRow({name, peer.substr(0, eq), quality::compare(pic.cview(), camera.cview())},
                         markdown);
            }
            if (!gallery.empty()) {
                std::vector<const Image*> pictures;
                for (const Image& i : strip) pictures.push_back(&i);
                quality::writeStrip((fs::path(gallery) / (stem + ".jpg")).string(), pictures, 240,
                                    3);
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rangefinder-quality: %s\n", e.what());
        return 1;
    }
    return 0;
}
