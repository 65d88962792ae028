// SPDX-License-Identifier: GPL-3.0-or-later
// The look library's promises, measured. Each look in looks/ describes its character in
// words; these tests hold it to them on three synthetic scenes rendered through the whole
// pipeline (a ColorChecker chart, a flat grey field and a grey ramp in quarter stops),
// always relative to the look-free default rendering of the same scene. The measurements are
// printed so a look's author can see how far each one is from its bounds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

#include <opencv2/imgcodecs.hpp>

#include "rangefinder/export.h"
#include "rangefinder/look.h"
#include "rangefinder/looks.h"
#include "rangefinder/lut.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;

namespace {

constexpr double kPi = 3.14159265358979323846;

// The ramp: band i holds scene grey 0.18 · 2^(kRampFirstEv + i/4), mid-grey at kMidBand.
constexpr int kRampBands = 39;
constexpr double kRampFirstEv = -7.0;
constexpr int kMidBand = 28;
constexpr int kBandWidth = 24, kRampHeight = 64;

struct Scenes {
    std::shared_ptr<RawImage> chart, flat, ramp;
};

std::shared_ptr<RawImage> writeAndDecode(const test::TempDir& dir, const std::string& name,
                                         const Image& scene) {
    const std::string path = dir.str(name);
    synth::writeDng(path, scene.cview(), synth::DngOptions{});
    return std::make_shared<RawImage>(decodeRaw(path));
}

const Scenes& scenes() {
    static const Scenes s = [] {
        test::TempDir dir("look-scenes");
        Scenes out;
        out.chart = writeAndDecode(dir, "chart.dng", synth::renderChart(720, 480));
        Image flat(600, 400, 3);
        for (int y = 0; y < flat.height(); ++y)
            for (int x = 0; x < flat.width() * 3; ++x) flat.row(y)[x] = 0.18f;
        out.flat = writeAndDecode(dir, "flat.dng", flat);
        Image ramp(kRampBands * kBandWidth, kRampHeight, 3);
        for (int y = 0; y < ramp.height(); ++y)
            for (int x = 0; x < ramp.width(); ++x) {
                const int band = x / kBandWidth;
                const float v = float(0.18 * std::exp2(kRampFirstEv + band / 4.0));
                for (int c = 0; c < 3; ++c) ramp.row(y)[3 * x + c] = v;
            }
        out.ramp = writeAndDecode(dir, "ramp.dng", ramp);
        return out;
    }();
    return s;
}

Image render(const std::shared_ptr<RawImage>& raw, const EditDocument& edits) {
    Pipeline p(raw);
    return p.render(edits, RenderOptions{}).rgb;
}

double chromaOf(const Vec3& lab) {
    return std::hypot(lab[1], lab[2]);
}
double hueOf(const Vec3& lab) {
    return std::atan2(lab[2], lab[1]) * 180 / kPi;
}
double hueDifference(double a, double b) {
    double d = std::fmod(std::fabs(a - b), 360.0);
    return d > 180 ? 360 - d : d;
}

// What the tests measure of one rendering.
struct Character {
    std::array<Vec3, 24> patches{};  // Lab of each chart patch
    std::vector<double> rampL;       // L* of each ramp band
    double vignetteEv = 0;           // flat field: corner relative to centre, output-linear
    double meanColorChroma = 0;      // the 18 colour patches
    double midSlope = 0;             // dL*/dEV at mid-grey on the ramp
    double whiteMax = 0;             // the white patch's largest encoded channel

    double blackL() const { return patches[23][0]; }
    double whiteL() const { return patches[18][0]; }
    double midGreyL() const { return rampL[kMidBand]; }
};

double linearLuma(const Vec3& encoded) {
    return 0.2126 * srgbDecode(encoded[0]) + 0.7152 * srgbDecode(encoded[1]) +
           0.0722 * srgbDecode(encoded[2]);
}

// Tone and colour are measured without the vignette (the chart's black and white patches sit
// near its corners, where a vignette would darken them and flatter "deeper shadows"); the
// vignette is measured on its own, on the flat field, with everything else in place.
Character measure(const EditDocument& edits) {
    Character c;
    EditDocument noVignette = edits;
    noVignette.reset("look.vignette.amount");
    const Image chart = render(scenes().chart, noVignette);
    double chroma = 0;
    for (int i = 0; i < 24; ++i) {
        const Rect r = synth::patchRect(i, chart.width(), chart.height(), 0.25);
        const Vec3 encoded = test::meanOf(chart.cview(), r);
        c.patches[i] = test::labOfEncodedSRGB(encoded);
        if (i == 18) c.whiteMax = std::max({encoded[0], encoded[1], encoded[2]});
        if (i < 18) chroma += chromaOf(c.patches[i]);
    }
    c.meanColorChroma = chroma / 18;

    const Image flat = render(scenes().flat, edits);
    const int w = flat.width(), h = flat.height(), s = std::min(w, h) / 16;
    const double centre =
        linearLuma(test::meanOf(flat.cview(), {w / 2 - s, h / 2 - s, 2 * s, 2 * s}));
    double corners = 0;
    for (const Rect& r :
         {Rect{0, 0, s, s}, Rect{w - s, 0, s, s}, Rect{0, h - s, s, s}, Rect{w - s, h - s, s, s}})
        corners += linearLuma(test::meanOf(flat.cview(), r)) / 4;
    c.vignetteEv = std::log2(corners / centre);

    const Image ramp = render(scenes().ramp, noVignette);
    const double bandScale = double(ramp.width()) / (kRampBands * kBandWidth);
    for (int b = 0; b < kRampBands; ++b) {
        const int x0 = int((b * kBandWidth + 6) * bandScale);
        const int x1 = int(((b + 1) * kBandWidth - 6) * bandScale);
        const Rect r{x0, ramp.height() / 4, x1 - x0, ramp.height() / 2};
        c.rampL.push_back(test::labOfEncodedSRGB(test::meanOf(ramp.cview(), r))[0]);
    }
    c.midSlope = (c.rampL[kMidBand + 1] - c.rampL[kMidBand - 1]) / 0.5;
    return c;
}

const Character& defaultCharacter() {
    static const Character c = measure(EditDocument{});
    return c;
}

const LookLibrary& library() {
    static const LookLibrary lib = LookLibrary::load({std::string(RF_SOURCE_DIR) + "/looks"});
    return lib;
}

// The look at full strength on top of default edits, measured once per look.
const Character& lookCharacter(const std::string& name) {
    static std::map<std::string, Character> cache;
    auto it = cache.find(name);
    if (it != cache.end()) return it->second;
    const Look* look = library().find(name);
    if (!look) throw std::runtime_error("look '" + name + "' is not in looks/");
    const Character c = measure(withLook(EditDocument{}, *look, 100.0));
    const Character& d = defaultCharacter();
    std::printf(
        "[ %-30s ] slope %.2f× black %+5.1f L* white L* %.1f mid-grey %+4.1f L* chroma %.2f× "
        "vignette %+.2f EV\n",
        name.c_str(), c.midSlope / d.midSlope, c.blackL() - d.blackL(), c.whiteL(),
        c.midGreyL() - d.midGreyL(), c.meanColorChroma / d.meanColorChroma, c.vignetteEv);
    return cache.emplace(name, c).first->second;
}

double maxPatchChroma(const Character& c) {
    double m = 0;
    for (const Vec3& lab : c.patches) m = std::max(m, chromaOf(lab));
    return m;
}

}  // namespace

TEST(LookLibrary, EveryFileLoadsAndNamesItsInspirationHonestly) {
    EXPECT_TRUE(library().errors().empty())
        << library().errors().front().path << ": " << library().errors().front().message;
    ASSERT_GE(library().looks().size(), 6u);
    for (const Look& l : library().looks()) {
        EXPECT_FALSE(l.description.empty()) << l.name;
        if (l.name.find("Leica") != std::string::npos) {
            EXPECT_NE(l.description.find("Leica Camera AG"), std::string::npos)
                << l.name << " must say it is not affiliated with Leica Camera AG";
        }
    }
    for (const char* name :
         {"Leica Authentic", "Leica Vibrant", "Leica Monochrome", "Leica Monochrome High Contrast"})
        EXPECT_NE(library().find(name), nullptr) << name;
}

TEST(LookLibrary, DefaultRenderingIsSane) {
    const Character& d = defaultCharacter();
    EXPECT_GT(d.midSlope, 5);          // L* per EV at mid-grey
    EXPECT_NEAR(d.midGreyL(), 50, 6);  // the base curve puts 0.18 near L* 50
    for (int i = 19; i < 24; ++i) EXPECT_LT(chromaOf(d.patches[i]), 2.0) << i;
}

TEST(LookLibrary, AuthenticIsContrastyFilmLikeAndVignetted) {
    const Character& d = defaultCharacter();
    const Character& a = lookCharacter("Leica Authentic");
    EXPECT_GE(a.midSlope / d.midSlope, 1.15) << "mid-tone contrast";
    EXPECT_LE(a.blackL(), d.blackL() - 3) << "deeper shadows";
    EXPECT_LT(a.whiteMax, 0.99) << "the white patch must not clip";
    EXPECT_GT(a.whiteL(), d.whiteL() - 6) << "highlights roll off, they don't go grey";
    const double chroma = a.meanColorChroma / d.meanColorChroma;
    EXPECT_GE(chroma, 0.9);
    EXPECT_LE(chroma, 1.1);
    for (int i = 19; i < 24; ++i) EXPECT_LT(chromaOf(a.patches[i]), 2.0) << "grey patch " << i;
    EXPECT_LE(a.vignetteEv, -0.3);
    EXPECT_GE(a.vignetteEv, -0.8);
}

TEST(LookLibrary, VibrantIsBrightPunchyAndKeepsSkin) {
    const Character& d = defaultCharacter();
    const Character& v = lookCharacter("Leica Vibrant");
    const double mid = v.midGreyL() - d.midGreyL();
    EXPECT_GE(mid, 2.0);
    EXPECT_LE(mid, 6.0);
    EXPECT_GE(v.blackL(), d.blackL()) << "shadows lifted, not crushed";
    const double chroma = v.meanColorChroma / d.meanColorChroma;
    EXPECT_GE(chroma, 1.2);
    EXPECT_LE(chroma, 1.4);
    for (int i : {0, 1})  // dark skin, light skin
        EXPECT_LE(hueDifference(hueOf(v.patches[i]), hueOf(d.patches[i])), 5.0)
            << synth::colorChecker()[i].name;
    EXPECT_GE(v.vignetteEv, -0.15);
}

TEST(LookLibrary, MonochromeIsNeutralWithFullRange) {
    const Character& d = defaultCharacter();
    const Character& m = lookCharacter("Leica Monochrome");
    EXPECT_LE(maxPatchChroma(m), 1.0);
    EXPECT_LE(m.rampL.front(), 8.0) << "blacks reach black";
    EXPECT_GE(m.rampL.back(), 90.0) << "whites reach white";
    for (std::size_t i = 1; i < m.rampL.size(); ++i)
        EXPECT_GE(m.rampL[i], m.rampL[i - 1] - 0.2) << "the ramp stays monotone at band " << i;
    EXPECT_NEAR(m.midGreyL(), d.midGreyL(), 4.0) << "a natural tonality";
}

TEST(LookLibrary, MonochromeHighContrastIsSteepWithDeepBlacks) {
    const Character& d = defaultCharacter();
    const Character& m = lookCharacter("Leica Monochrome High Contrast");
    EXPECT_LE(maxPatchChroma(m), 1.0);
    EXPECT_GE(m.midSlope / d.midSlope, 1.4);
    EXPECT_LE(m.blackL(), d.blackL() - 4) << "deep blacks";
}

TEST(LookLibrary, NaturalIsSofterAndQuieter) {
    const Character& d = defaultCharacter();
    const Character& n = lookCharacter("Leica Natural");
    EXPECT_LE(n.midSlope / d.midSlope, 0.95) << "lower contrast";
    EXPECT_GE(n.blackL(), d.blackL()) << "open shadows";
    const double chroma = n.meanColorChroma / d.meanColorChroma;
    EXPECT_GE(chroma, 0.8);
    EXPECT_LE(chroma, 0.95);
    EXPECT_GE(n.vignetteEv, -0.05);
}

// Toned monochromes: every grey step carries the same hue, and colour patches are as grey as
// the neutral ones (the tint depends on lightness, not on the subject's colour).
void expectToned(const Character& t, double hueLo, double hueHi) {
    for (int i = 19; i < 23; ++i) {
        const Vec3& lab = t.patches[i];
        EXPECT_GE(chromaOf(lab), 2.0) << "grey patch " << i << " is visibly toned";
        EXPECT_LE(chromaOf(lab), 15.0) << "grey patch " << i << " is toned, not coloured";
        const double h = std::fmod(hueOf(lab) + 360, 360);
        EXPECT_GE(h, hueLo) << "grey patch " << i;
        EXPECT_LE(h, hueHi) << "grey patch " << i;
    }
}

TEST(LookLibrary, SepiaIsWarmToned) {
    const Character& t = lookCharacter("Leica Sepia");
    expectToned(t, 40, 100);  // CIELAB hue of browns and creams
}

TEST(LookLibrary, BlueIsCoolToned) {
    const Character& t = lookCharacter("Leica Blue");
    expectToned(t, 200, 300);
}

TEST(LookLibrary, EveryLookAtZeroStrengthIsTheLookFreeRender) {
    const Character& d = defaultCharacter();
    for (const Look& l : library().looks()) {
        const Character c = measure(withLook(EditDocument{}, l, 0.0));
        double worst = 0;
        for (int i = 0; i < 24; ++i)
            worst = std::max(worst, deltaE2000(c.patches[i], d.patches[i]));
        EXPECT_LE(worst, 0.5) << l.name;
        EXPECT_NEAR(c.vignetteEv, d.vignetteEv, 0.01) << l.name;
    }
}

TEST(LookLibrary, EveryLookChangesTheRenderAtFullStrength) {
    const Character& d = defaultCharacter();
    for (const Look& l : library().looks()) {
        const Character& c = lookCharacter(l.name);
        double mean = 0;
        for (int i = 0; i < 24; ++i) mean += deltaE2000(c.patches[i], d.patches[i]) / 24;
        EXPECT_GT(mean, 2.0) << l.name << " is hardly a look";
    }
}

TEST(LookLibrary, ExportedCubeReproducesEachLooksColor) {
    test::TempDir dir("look-cubes");
    for (const Look& l : library().looks()) {
        // The .cube holds colour only: compare against the look without vignette and grain.
        EditDocument colorOnly = withLook(EditDocument{}, l, 100.0);
        colorOnly.reset("look.vignette.amount");
        colorOnly.reset("look.grain.amount");
        const Image want = render(scenes().chart, colorOnly);

        const std::string cube = dir.str(lookSlug(l.name) + ".cube");
        writeCube(cube, bakeLookCube(LookParams::from(colorOnly)), {"round trip"});
        EditDocument viaCube;
        viaCube.setText("look.lut.file", cube);
        viaCube.setText("look.lut.encoding", "rec2020");
        const Image got = render(scenes().chart, viaCube);
        double worst = 0;
        for (int i = 0; i < 24; ++i) {
            const Rect r = synth::patchRect(i, got.width(), got.height(), 0.25);
            worst =
                std::max(worst, deltaE2000(test::labOfEncodedSRGB(test::meanOf(got.cview(), r)),
                                           test::labOfEncodedSRGB(test::meanOf(want.cview(), r))));
        }
        EXPECT_LE(worst, 1.0) << l.name;
    }
}

TEST(LookLibrary, CommandLineAndLibraryRenderTheSamePixels) {
    test::TempDir dir("look-cli");
    const std::string dng = dir.str("chart.dng");
    synth::writeDng(dng, synth::renderChart(480, 320).cview(), synth::DngOptions{});
    const Look* look = library().find("Leica Vibrant");
    ASSERT_NE(look, nullptr);

    ExportSettings settings = exportPreset("full");
    settings.encode.format = FileFormat::Png;
    settings.encode.bitDepth = 16;
    settings.outputDir = dir.str("api");
    settings.nameTemplate = "{name}";
    settings.render.lookDirs = {std::string(RF_SOURCE_DIR) + "/looks"};
    ExportJob job;
    job.input = dng;
    job.edits = withLook(EditDocument{}, *look, 60.0);
    const ExportOutcome api = exportFile(job, settings);
    ASSERT_TRUE(api.ok()) << api.error;

    std::string out;
    const int rc = test::runCli("export " + test::shellQuote(dng) + " --preset full -f png" +
                                    " --bit-depth 16 --ignore-sidecars --look 'Leica Vibrant'" +
                                    " --look-strength 60 --looks-dir " +
                                    test::shellQuote(std::string(RF_SOURCE_DIR) + "/looks") +
                                    " -o " + test::shellQuote(dir.str("cli")),
                                out);
    ASSERT_EQ(rc, 0) << out;
    const cv::Mat a = cv::imread(api.output, cv::IMREAD_UNCHANGED);
    const cv::Mat b = cv::imread(dir.str("cli/chart.png"), cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(a.empty());
    ASSERT_FALSE(b.empty()) << out;
    EXPECT_EQ(cv::norm(a, b, cv::NORM_INF), 0.0);
}
