// SPDX-License-Identifier: GPL-3.0-or-later
// rf-fuzz-seeds: writes the generated part of the fuzzers' seed corpora with the project's
// own writers, so the seeds are what Rangefinder itself makes and reads: small synthetic DNGs
// (Bayer in two phases, linear, X-Trans, rotated, with copyright), .cube files, Hald CLUT
// images, sidecars saved over another tool's sidecar, and edit documents and histories.
// scripts/ci-fuzz.sh adds the real raws, the installed looks and the documentation's examples.
//
//     rf-fuzz-seeds OUTPUT_DIR    → OUTPUT_DIR/{raw,cube,hald,xmp,edit_json}/…
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "rangefinder/error.h"
#include "rangefinder/history.h"
#include "rangefinder/lut.h"
#include "rangefinder/params.h"
#include "rangefinder/sidecar.h"
#include "synth.h"

namespace fs = std::filesystem;

namespace {

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream f(path, std::ios::binary);
    f << text;
    if (!f) throw rf::Error(path.string(), "cannot write");
}

/// A phone's DNG: lens shading as four per-phase gain maps in OpcodeList2, distortion and
/// vignetting in OpcodeList3, an opcode of an unknown id in OpcodeList1, inside an active area.
rf::synth::DngOptions opcodeOptions() {
    rf::synth::DngOptions o;
    for (int phase = 0; phase < 4; ++phase) {
        rf::synth::GainMapSpec g = rf::synth::radialGainMap(5, 0.3 + 0.2 * phase);
        g.top = std::uint32_t(phase >> 1);
        g.left = std::uint32_t(phase & 1);
        g.rowPitch = g.colPitch = 2;
        o.gainMaps.push_back(g);
    }
    rf::synth::WarpRectilinearSpec warp;
    warp.planes = 3;
    for (auto& c : warp.coefficients) c = {1.0, -0.03, 0.004, 0, 1e-4, -1e-4};
    o.warp = warp;
    o.vignette = rf::synth::VignetteRadialSpec{{0.2, -0.05, 0, 0, 0}, 0.5, 0.5};
    o.opcodeList1Bytes = {0, 0, 0, 1, 0, 0, 0, 99, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    o.blackBorder = {2, 2, 0, 0};
    o.activeArea = {2, 2, 64, 48};
    return o;
}

void raws(const fs::path& dir) {
    const rf::Image chart = rf::synth::renderChart(64, 48);
    rf::synth::DngOptions bayer;
    rf::synth::writeDng((dir / "rggb.dng").string(), chart.cview(), bayer);

    rf::synth::DngOptions other;
    other.cfa = {2, 1, 1, 0};
    other.cameraFromXYZ = rf::synth::cameraMatrixB();
    other.orientation = 6;
    other.noise = 0.01;
    other.blackLevel = 0;
    other.whiteLevel = 4095;
    other.writeBaselineExposure = false;
    other.artist = "Ada";
    other.copyright = std::string("Ada\0Editor", 10);  // photographer, then editor
    rf::synth::writeDng((dir / "bggr-rotated.dng").string(), chart.cview(), other);

    rf::synth::DngOptions linear;
    linear.linear = true;
    rf::synth::writeDng((dir / "linear.dng").string(), chart.cview(), linear);

    rf::synth::DngOptions xtrans;
    xtrans.xtrans = true;
    rf::synth::writeDng((dir / "xtrans.dng").string(), rf::synth::renderChart(72, 48).cview(),
                        xtrans);

    rf::synth::DngOptions tiled = other;
    tiled.ljpegTileWidth = 32;
    tiled.ljpegTileHeight = 16;
    rf::synth::writeDng((dir / "ljpeg-tiles.dng").string(), chart.cview(), tiled);

    rf::synth::writeDng((dir / "opcodes.dng").string(), chart.cview(), opcodeOptions());

    // Uncompressed layouts our own loader reads (uncompressed_dng.h): packed samples in
    // strips through a linearisation table, and 16-bit words in big-endian order.
    rf::synth::DngOptions packed = other;
    packed.uncompressedBits = 12;
    packed.rowsPerStrip = 8;
    for (int v = 0; v <= packed.whiteLevel; ++v)
        packed.linearizationTable.push_back(std::uint16_t(v + v / 8));
    rf::synth::writeDng((dir / "packed-12-strips.dng").string(), chart.cview(), packed);
    rf::synth::DngOptions bigEndian = bayer;
    bigEndian.bigEndian = true;
    rf::synth::writeDng((dir / "big-endian.dng").string(), chart.cview(), bigEndian);
}

/// Lossless JPEG streams as CR2s and DNGs hold them: one to four components, each predictor.
void ljpegStreams(const fs::path& dir) {
    std::vector<std::uint16_t> samples(32 * 16 * 4);
    for (std::size_t i = 0; i < samples.size(); ++i)
        samples[i] = std::uint16_t((i * 37 + (i / 128) * 11) % 4096);
    for (int clrs : {1, 2, 4})
        for (int predictor = 1; predictor <= 7; predictor += 3) {
            rf::synth::LosslessJpegOptions o;
            o.bits = 12;
            o.predictor = predictor;
            const std::vector<std::uint8_t> s =
                rf::synth::encodeLosslessJpeg(samples.data(), 32 / clrs, 16, clrs, o);
            writeText(
                dir / ("c" + std::to_string(clrs) + "-p" + std::to_string(predictor) + ".ljpeg"),
                std::string(s.begin(), s.end()));
        }
}

void cubes(const fs::path& dir) {
    writeText(dir / "identity2.cube", rf::formatCube(rf::Lut3D(2)));
    rf::Lut3D warm(5);
    warm.title = "Warm # with a hash";
    warm.domainMin = {-0.125, 0, 0};
    warm.domainMax = {1, 1.5, 2};
    for (std::size_t i = 0; i < warm.data().size(); i += 3) {
        warm.data()[i] = warm.data()[i] * 1.1f;
        warm.data()[i + 2] = warm.data()[i + 2] * 0.8f - 0.01f;
    }
    writeText(dir / "warm5.cube", rf::formatCube(warm, {"made by rf-fuzz-seeds", "", "two"}));
    // Resolve's 1D shaper in front of the 3D table (what `looks export-cube --space
    // rec2020-linear` writes).
    rf::Lut3D shaped(3);
    shaped.shaper = {0, 0, 0, 0.5f, 0.5f, 0.5f, 0.75f, 0.75f, 0.75f, 1, 1, 1};
    shaped.domainMax = {1.5, 1.5, 1.5};
    writeText(dir / "shaper3.cube", rf::formatCube(shaped, {"1D shaper + 3D"}));
    // Resolve's spelling of the domain, CRLF line ends and a plus sign.
    writeText(
        dir / "resolve3.cube",
        "# Resolve\r\nTITLE Untitled\r\nLUT_3D_SIZE 3\r\nLUT_3D_INPUT_RANGE 0.0 1.0\r\n" + [] {
            std::string t;
            for (int b = 0; b < 3; ++b)
                for (int g = 0; g < 3; ++g)
                    for (int r = 0; r < 3; ++r)
                        t += std::to_string(r * 0.5) + " +" + std::to_string(g * 0.5) + "\t" +
                             std::to_string(b * 0.5) + "\r\n";
            return t;
        }());
}

// A level-L Hald CLUT: an L³ × L³ identity image, red fastest (OpenCV writes BGR).
cv::Mat haldIdentity(int level, int depth) {
    const int n = level * level, side = level * level * level;
    const double maxValue = depth == CV_8U ? 255.0 : 65535.0;
    cv::Mat img(side, side, CV_MAKETYPE(depth, 3));
    for (int i = 0; i < side * side; ++i) {
        const int r = i % n, g = (i / n) % n, b = i / (n * n);
        const cv::Vec3d v(b * maxValue / (n - 1), g * maxValue / (n - 1), r * maxValue / (n - 1));
        if (depth == CV_8U)
            img.at<cv::Vec3b>(i / side, i % side) = cv::Vec3b(v);
        else
            img.at<cv::Vec3w>(i / side, i % side) = cv::Vec3w(v);
    }
    return img;
}

void halds(const fs::path& dir) {
    const auto write = [&](const std::string& name, const cv::Mat& img) {
        if (!cv::imwrite((dir / name).string(), img))
            throw rf::Error((dir / name).string(), "cannot write");
    };
    write("level2-8bit.png", haldIdentity(2, CV_8U));
    write("level2-16bit.png", haldIdentity(2, CV_16U));
    write("level3-8bit.tif", haldIdentity(3, CV_8U));
    cv::Mat withAlpha;
    cv::cvtColor(haldIdentity(2, CV_8U), withAlpha, cv::COLOR_BGR2BGRA);
    write("level2-alpha.png", withAlpha);
}

rf::EditDocument someEdits() {
    rf::EditDocument e;
    e.setFloat("exposure.ev", 0.5);
    e.setText("wb.mode", "custom");
    e.setFloat("wb.temperature", 4300);
    e.setText("look.name", "Leica Vibrant");
    e.setText("look.tone.curve", "0,0 0.25,0.2 1,1");
    e.setBool("look.mono.enabled", true);
    e.setValueJson("future.mask", R"({"kind":"radial","r":0.25})");
    return e;
}

rf::EditHistory someHistory() {
    rf::EditHistory h;
    rf::EditDocument a, b = someEdits();
    h.record(a, b, "Paste edits");
    rf::EditDocument c = b;
    c.setFloat("exposure.ev", -1);
    c.reset("wb.mode");
    h.record(b, c, "Exposure −1.00 EV");
    h.undo(c);
    return h;
}

// Another tool's sidecar (darktable-like, with Camera Raw settings and two languages), which
// a Rangefinder save must keep.
const char* kOtherTool = R"(<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"
    xmlns:darktable="http://darktable.sf.net/"
    xmp:Rating="4" xmp:Label="Blue" crs:Temperature="5200" darktable:xmp_version="5">
   <darktable:history>
    <rdf:Seq>
     <rdf:li darktable:operation="temperature" darktable:enabled="1"/>
    </rdf:Seq>
   </darktable:history>
   <dc:description>
    <rdf:Alt>
     <rdf:li xml:lang="x-default">Fog on the pier</rdf:li>
     <rdf:li xml:lang="fr-FR">Brouillard</rdf:li>
    </rdf:Alt>
   </dc:description>
   <dc:subject><rdf:Bag><rdf:li>pier</rdf:li><rdf:li>fog</rdf:li></rdf:Bag></dc:subject>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>
)";

void sidecars(const fs::path& dir) {
    rf::Sidecar full;
    full.edits = someEdits();
    full.history = someHistory();
    full.info.rating = 3;
    full.info.label = "Red";
    full.info.title = "Harbour";
    full.info.keywords = {"sea", "boats"};
    full.info.creator = "Ada";
    full.info.rights = "© Ada";
    rf::saveSidecar((dir / "ours.CR2").string(), full);

    writeText(dir / "other-tool.NEF.xmp", kOtherTool);
    rf::Sidecar small;
    small.edits.setFloat("tone.contrast", 20);
    small.info.rating = -1;
    writeText(dir / "merged.NEF.xmp", kOtherTool);
    rf::saveSidecar((dir / "merged.NEF").string(), small);
}

void editDocuments(const fs::path& dir) {
    writeText(dir / "edits.json", someEdits().toJson());
    writeText(dir / "edits-compact.json", someEdits().toJson(-1));
    writeText(dir / "empty.json", rf::EditDocument().toJson());
    writeText(dir / "history.json", someHistory().toJson());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: rf-fuzz-seeds OUTPUT_DIR\n");
        return 2;
    }
    try {
        const fs::path out = argv[1];
        const std::vector<std::pair<const char*, void (*)(const fs::path&)>> kinds{
            {"raw", raws},
            {"cube", cubes},
            {"hald", halds},
            {"xmp", sidecars},
            {"edit_json", editDocuments},
            {"ljpeg", ljpegStreams}};
        for (const auto& [name, write] : kinds) {
            fs::create_directories(out / name);
            write(out / name);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "rf-fuzz-seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
