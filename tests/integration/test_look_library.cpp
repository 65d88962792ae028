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
#include <filesystem>
#include <map>
#include <memory>

#include <opencv2/imgcodecs.hpp>

#include "quality/quality.h"
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
// vignette is measured on its own, on the flat field, with everything else in place. A frame
// a look sets (the XPan's 65:24) is left out: the charts are measured whole, the frame by
// HasselbladXPanFramesThePicture.
Character measure(const EditDocument& withFrame) {
    Character c;
    EditDocument edits = withFrame;
    edits.reset("crop.aspect");
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

// ---- the makers' looks of issue 21: accuracy against the chart's truth, and the real CR2 ----

// The colour patch i of the synthetic chart was defined with (what test_color_accuracy holds
// the linear rendering to): the truth a natural look is measured against.
Vec3 referenceLab(int i) {
    return test::labOfLinearSRGB(synth::patchLinearSRGB(synth::colorChecker()[i]));
}

double meanDeltaEToReference(const Character& c) {
    double sum = 0;
    for (int i = 0; i < 24; ++i) sum += deltaE2000(c.patches[i], referenceLab(i));
    return sum / 24;
}

// The skin patches' (dark skin, light skin) largest hue difference from the chart's truth.
double skinHueError(const Character& c) {
    double worst = 0;
    for (int i : {0, 1})
        worst = std::max(worst, hueDifference(hueOf(c.patches[i]), hueOf(referenceLab(i))));
    return worst;
}

// Global contrast on the chart: the standard deviation of L* over its 24 patches (the chart's
// counterpart of the contrast ratio src/quality measures on a photograph).
double lSpread(const Character& c) {
    double mean = 0;
    for (const Vec3& lab : c.patches) mean += lab[0] / 24;
    double var = 0;
    for (const Vec3& lab : c.patches) var += (lab[0] - mean) * (lab[0] - mean) / 24;
    return std::sqrt(var);
}

// A maker look's chart figures relative to the default, printed once per look.
struct ChartFigures {
    double deltaE = 0, defaultDeltaE = 0;  // mean CIEDE2000 to the chart's truth
    double skinHue = 0;                    // worst skin hue error against the truth, degrees
    double chroma = 0;                     // mean colour chroma / the default's
    double contrast = 0;                   // L* spread of the patches / the default's
    double slope = 0;                      // mid-grey slope / the default's
};

ChartFigures chartFigures(const std::string& name) {
    const Character& d = defaultCharacter();
    const Character& c = lookCharacter(name);
    ChartFigures f;
    f.deltaE = meanDeltaEToReference(c);
    f.defaultDeltaE = meanDeltaEToReference(d);
    f.skinHue = skinHueError(c);
    f.chroma = c.meanColorChroma / d.meanColorChroma;
    f.contrast = lSpread(c) / lSpread(d);
    f.slope = c.midSlope / d.midSlope;
    std::printf(
        "[ %-30s ] chart: dE00 to truth %.2f (default %.2f, skin hue off by %.1f°; default "
        "%.1f°) chroma %.2f× contrast %.2f×\n",
        name.c_str(), f.deltaE, f.defaultDeltaE, f.skinHue, skinHueError(d), f.chroma, f.contrast);
    return f;
}

// The real daylight CR2 (the landscape of docs/quality.md): a look's rendering against the
// default rendering of the same file, both at the report's size and reduced as it reduces
// them. Empty when the file is absent.
std::filesystem::path realCr2() {
    return test::testdata() / "raw" / "canon-eos30d.CR2";
}

struct RealFigures {
    double deltaL = 0;    // mean L* − the default's
    double chroma = 0;    // mean chroma / the default's
    double contrast = 0;  // standard deviation of L* / the default's
    double clipped = 0;   // share of clipped pixels − the default's
    double crushed = 0;   // share of pixels darker than L* 8 − the default's (the forest)
    int width = 0, height = 0;
};

Image renderReal(const EditDocument& edits, int& width, int& height) {
    static auto raw = std::make_shared<const RawImage>(decodeRaw(realCr2().string()));
    Pipeline pipeline(raw);
    const Image full = quality::render(pipeline, edits, library().dirs());
    width = full.width();
    height = full.height();
    const double scale = double(quality::kCompareLongEdge) / std::max(width, height);
    return quality::reduce(full.cview(), std::max(1, int(std::lround(width * scale))),
                           std::max(1, int(std::lround(height * scale))));
}

// The share of pixels of a reduced rendering darker than L* 8: where the forest of the
// landscape goes black.
double crushedShare(const Image& srgb) {
    int n = 0;
    for (int y = 0; y < srgb.height(); ++y)
        for (int x = 0; x < srgb.width(); ++x) {
            const float* p = srgb.row(y) + 3 * x;
            n += test::labOfEncodedSRGB({p[0], p[1], p[2]})[0] < 8.0;
        }
    return double(n) / (double(srgb.width()) * srgb.height());
}

RealFigures realFigures(const std::string& name) {
    static std::map<std::string, RealFigures> cache;
    if (auto it = cache.find(name); it != cache.end()) return it->second;
    const Look* look = library().find(name);
    if (!look) throw std::runtime_error("look '" + name + "' is not in looks/");
    const EditDocument edits = withLook(EditDocument{}, *look, 100.0);
    // The default rendering of the same frame: a look that frames the picture (the XPan's
    // 65:24) is compared with the default cropped alike, not with a different part of the scene.
    struct Default {
        quality::Stats stats;
        double crushed = 0;
    };
    static std::map<std::string, Default> defaults;
    const std::string frame = edits.isSet("crop.aspect") ? edits.getText("crop.aspect") : "";
    if (!defaults.count(frame)) {
        EditDocument framed;
        if (!frame.empty()) framed.setText("crop.aspect", frame);
        int w = 0, h = 0;
        const Image pic = renderReal(framed, w, h);
        defaults[frame] = Default{quality::measure(pic.cview()), crushedShare(pic)};
    }
    const Default& d = defaults[frame];
    RealFigures f;
    const Image pic = renderReal(edits, f.width, f.height);
    const quality::Stats s = quality::measure(pic.cview());
    f.deltaL = s.meanL - d.stats.meanL;
    f.chroma = s.meanChroma / d.stats.meanChroma;
    f.contrast = s.sdL / d.stats.sdL;
    f.clipped = s.clipped - d.stats.clipped;
    f.crushed = crushedShare(pic) - d.crushed;
    std::printf(
        "[ %-30s ] %s: mean L* %+.1f chroma %.2f× contrast %.2f× clipped %+.2f %% "
        "below L* 8 %+.1f %% (default %.1f %%; %d × %d)\n",
        name.c_str(), realCr2().filename().c_str(), f.deltaL, f.chroma, f.contrast, 100 * f.clipped,
        100 * f.crushed, 100 * d.crushed, f.width, f.height);
    return cache.emplace(name, f).first->second;
}

#define REQUIRE_REAL_CR2()                                                             \
    do {                                                                               \
        if (!std::filesystem::exists(realCr2()))                                       \
            GTEST_SKIP() << realCr2().string()                                         \
                         << " is absent: the real-photo half of this test is skipped"; \
    } while (0)

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

// ---- The looks of the other camera-maker partnerships (issue 21) --------------------------
// Each is measured on the chart against the default and, where its character shows on a real
// photograph, on the daylight CR2 against the default rendering of the same file.

std::string oneLine(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

TEST(LookLibrary, MakersLooksAreThereAndDisclaimTheirMakers) {
    struct Expected {
        const char *name, *maker, *company;
    };
    const Expected looks[] = {{"Hasselblad Natural Colour", "Hasselblad", "Victor Hasselblad AB"},
                              {"Hasselblad XPan", "Hasselblad", "Victor Hasselblad AB"},
                              {"Hasselblad XPan Monochrome", "Hasselblad", "Victor Hasselblad AB"},
                              {"Zeiss Natural", "Zeiss", "Carl Zeiss AG"},
                              {"Zeiss Vivid", "Zeiss", "Carl Zeiss AG"},
                              {"Leica Standard", "Leica", "Leica Camera AG"},
                              {"Leica Vivid", "Leica", "Leica Camera AG"},
                              {"Leica Smooth", "Leica", "Leica Camera AG"}};
    for (const auto& [name, maker, company] : looks) {
        const Look* look = library().find(name);
        ASSERT_NE(look, nullptr) << name;
        EXPECT_EQ(look->maker, maker) << name << " is grouped under its maker";
        const std::string text = oneLine(look->description);
        EXPECT_NE(text.find("Inspired by"), std::string::npos) << name;
        EXPECT_NE(text.find("not affiliated with, endorsed by or sponsored by"), std::string::npos)
            << name;
        EXPECT_NE(text.find(company), std::string::npos) << name << " must name " << company;
        EXPECT_NE(text.find("Derived from"), std::string::npos) << name << " names its sources";
    }
    EXPECT_NE(oneLine(library().find("Leica Vivid")->description)
                  .find("not Rangefinder's \"Leica Vibrant\""),
              std::string::npos)
        << "Leica Vivid tells itself apart from Leica Vibrant";
    EXPECT_EQ(library().find("Hasselblad XPan Monochrome")->category, LookCategory::Monochrome);
}

// Natural looks: closer to the chart's truth than the default (which lifts chroma by 1.15 so
// that a photograph looks like the camera's own picture), skin on its true hue, greys neutral.
ChartFigures expectNatural(const std::string& name) {
    const ChartFigures f = chartFigures(name);
    EXPECT_LT(f.deltaE, f.defaultDeltaE) << name << " is more accurate than the default";
    EXPECT_LE(f.skinHue, 3.0) << name << ": skin patches' hue against the chart's truth";
    const Character& c = lookCharacter(name);
    for (int i = 19; i < 24; ++i)
        EXPECT_LT(chromaOf(c.patches[i]), 2.0) << name << ": grey patch " << i;
    EXPECT_LT(c.whiteMax, 0.99) << name << ": the white patch must not clip";
    return f;
}

// On the real photo a natural look keeps the default's exposure, does not push colour and
// clips nothing the default does not.
RealFigures expectNaturalOnRealPhoto(const std::string& name) {
    const RealFigures r = realFigures(name);
    EXPECT_LE(std::abs(r.deltaL), 3.0) << name;
    EXPECT_GE(r.chroma, 0.75) << name << ": restrained, not washed out";
    EXPECT_LE(r.chroma, 1.0) << name << ": colour not pushed";
    EXPECT_LE(r.clipped, 0.002) << name;
    EXPECT_LE(r.crushed, 0.02) << name << ": the forest keeps its shadows";
    return r;
}

TEST(LookLibrary, HasselbladNaturalColourIsAccurateRestrainedAndGentle) {
    const Character& d = defaultCharacter();
    const Character& h = lookCharacter("Hasselblad Natural Colour");
    const ChartFigures f = expectNatural("Hasselblad Natural Colour");
    EXPECT_LE(f.slope, 0.97) << "gentle contrast";
    EXPECT_GE(f.slope, 0.8) << "gentle, not flat";
    EXPECT_LE(f.chroma, 1.0) << "restrained colour";
    for (int i : {2, 3, 13})  // blue sky, foliage, green
        EXPECT_LE(chromaOf(h.patches[i]), chromaOf(d.patches[i]))
            << synth::colorChecker()[i].name << " is not pushed";
    EXPECT_GE(h.blackL(), d.blackL()) << "open shadows";
}

TEST(LookLibrary, HasselbladNaturalColourOnTheRealPhoto) {
    REQUIRE_REAL_CR2();
    const RealFigures r = expectNaturalOnRealPhoto("Hasselblad Natural Colour");
    EXPECT_LE(r.contrast, 1.0) << "gentle contrast";
}

TEST(LookLibrary, ZeissNaturalIsNeutralFaithfulAndCrisp) {
    const Character& d = defaultCharacter();
    const Character& z = lookCharacter("Zeiss Natural");
    const ChartFigures f = expectNatural("Zeiss Natural");
    EXPECT_GE(f.slope, 1.03) << "a crisper mid-tone curve than the default";
    EXPECT_LE(f.chroma, 1.0);
    EXPECT_LE(z.blackL(), d.blackL()) << "clean blacks";
}

TEST(LookLibrary, ZeissNaturalOnTheRealPhoto) {
    REQUIRE_REAL_CR2();
    const RealFigures r = expectNaturalOnRealPhoto("Zeiss Natural");
    EXPECT_GE(r.contrast, 1.0) << "crisp, not soft";
}

TEST(LookLibrary, LeicaStandardIsBalanced) {
    const ChartFigures f = expectNatural("Leica Standard");
    EXPECT_NEAR(f.slope, 1.0, 0.1) << "tone close to the default's";
    EXPECT_GE(f.chroma, 0.85);
    EXPECT_LE(f.chroma, 1.0);
}

TEST(LookLibrary, LeicaStandardOnTheRealPhoto) {
    REQUIRE_REAL_CR2();
    const RealFigures r = expectNaturalOnRealPhoto("Leica Standard");
    EXPECT_NEAR(r.contrast, 1.0, 0.1);
}

// Vivid looks: at least 15 % more chroma than the default, on the chart and on the photo, skin
// kept on its hue and the white patch and the sky unclipped.
ChartFigures expectVivid(const std::string& name) {
    const Character& d = defaultCharacter();
    const Character& v = lookCharacter(name);
    const ChartFigures f = chartFigures(name);
    EXPECT_GE(f.chroma, 1.15) << name << ": chroma ratio to the default";
    for (int i : {0, 1})
        EXPECT_LE(hueDifference(hueOf(v.patches[i]), hueOf(d.patches[i])), 5.0)
            << name << ": " << synth::colorChecker()[i].name;
    EXPECT_LT(v.whiteMax, 0.99) << name << ": the white patch must not clip";
    for (int i = 19; i < 24; ++i)
        EXPECT_LT(chromaOf(v.patches[i]), 2.0) << name << ": grey patch " << i;
    return f;
}

void expectVividOnRealPhoto(const std::string& name, double maxCrushed) {
    const RealFigures r = realFigures(name);
    EXPECT_GE(r.chroma, 1.15) << name << ": chroma ratio to the default";
    EXPECT_LE(r.clipped, 0.005) << name << ": the sky does not clip";
    EXPECT_LE(r.crushed, maxCrushed) << name << ": the forest keeps its shadows";
}

TEST(LookLibrary, ZeissVividIsSaturatedAndBright) {
    const Character& d = defaultCharacter();
    const Character& v = lookCharacter("Zeiss Vivid");
    expectVivid("Zeiss Vivid");
    EXPECT_GE(v.midGreyL() - d.midGreyL(), 2.0) << "brighter mid-tones";
    EXPECT_GE(v.blackL(), d.blackL() - 1.0) << "shadows not crushed";
}

TEST(LookLibrary, ZeissVividOnTheRealPhoto) {
    REQUIRE_REAL_CR2();
    expectVividOnRealPhoto("Zeiss Vivid", 0.02);
    EXPECT_GE(realFigures("Zeiss Vivid").deltaL, 1.0) << "brighter";
}

TEST(LookLibrary, LeicaVividIsSaturatedAndContrasty) {
    const ChartFigures f = expectVivid("Leica Vivid");
    EXPECT_GE(f.slope, 1.1) << "contrasty";
    EXPECT_GE(f.contrast, 1.03);
}

TEST(LookLibrary, LeicaVividOnTheRealPhoto) {
    REQUIRE_REAL_CR2();
    expectVividOnRealPhoto("Leica Vivid", 0.05);  // deeper shadows
    EXPECT_GE(realFigures("Leica Vivid").contrast, 1.03) << "contrasty";
}

TEST(LookLibrary, LeicaSmoothIsSoftAndQuiet) {
    const Character& d = defaultCharacter();
    const Character& s = lookCharacter("Leica Smooth");
    const ChartFigures f = chartFigures("Leica Smooth");
    EXPECT_LE(f.contrast, 0.9) << "contrast ratio to the default";
    EXPECT_LE(f.slope, 0.9);
    EXPECT_LE(f.chroma, 0.9) << "lower saturation";
    EXPECT_GE(f.chroma, 0.7) << "still colour";
    EXPECT_GE(s.blackL(), d.blackL()) << "open shadows";
    for (int i : {0, 1})
        EXPECT_LE(hueDifference(hueOf(s.patches[i]), hueOf(d.patches[i])), 3.0)
            << synth::colorChecker()[i].name;
}

TEST(LookLibrary, LeicaSmoothOnTheRealPhoto) {
    REQUIRE_REAL_CR2();
    const RealFigures r = realFigures("Leica Smooth");
    EXPECT_LE(r.contrast, 0.9) << "contrast ratio to the default";
    EXPECT_LT(r.chroma, 1.0);
    EXPECT_LE(r.clipped, 0.002);
    EXPECT_LE(r.crushed, 0.0) << "open shadows";
}

// The XPan looks: the contrast of film (a steeper mid-tone curve, whites that roll off rather
// than clip, shadows deep but not crushed) and a light vignette; the monochrome one grey.
ChartFigures expectFilmContrast(const std::string& name) {
    const Character& d = defaultCharacter();
    const Character& x = lookCharacter(name);
    const ChartFigures f = chartFigures(name);
    EXPECT_GE(f.slope, 1.15) << name << ": film contrast";
    EXPECT_LT(x.whiteMax, 0.99) << name << ": highlights roll off";
    EXPECT_LE(x.blackL(), d.blackL()) << name << ": deep shadows";
    EXPECT_GE(x.blackL(), d.blackL() - 8) << name << ": not crushed";
    EXPECT_LE(x.vignetteEv, -0.15) << name;
    EXPECT_GE(x.vignetteEv, -0.6) << name;
    return f;
}

TEST(LookLibrary, HasselbladXPanHasFilmContrast) {
    const ChartFigures f = expectFilmContrast("Hasselblad XPan");
    EXPECT_GE(f.chroma, 0.85);
    EXPECT_LE(f.chroma, 1.05) << "film colour, not pushed";
}

TEST(LookLibrary, HasselbladXPanMonochromeIsBlackAndWhiteWithFilmContrast) {
    expectFilmContrast("Hasselblad XPan Monochrome");
    const Character& m = lookCharacter("Hasselblad XPan Monochrome");
    EXPECT_LE(maxPatchChroma(m), 1.0);
    for (std::size_t i = 1; i < m.rampL.size(); ++i)
        EXPECT_GE(m.rampL[i], m.rampL[i - 1] - 0.2) << "the ramp stays monotone at band " << i;
}

TEST(LookLibrary, HasselbladXPanOnTheRealPhoto) {
    REQUIRE_REAL_CR2();
    for (const char* name : {"Hasselblad XPan", "Hasselblad XPan Monochrome"}) {
        const RealFigures r = realFigures(name);
        EXPECT_GE(r.contrast, 1.05) << name << ": film contrast";
        EXPECT_LE(r.clipped, 0.002) << name;
        EXPECT_LE(r.crushed, 0.05) << name << ": deep shadows, not a black forest";
    }
    EXPECT_LE(realFigures("Hasselblad XPan Monochrome").chroma, 0.02);
}

// The XPan looks ask for the 65:24 frame of the panoramic camera (crop.aspect, which the
// photographer can still change); no other look touches the frame. An export of the synthetic
// chart and a rendering of the real CR2 come out 65:24 within a pixel.
bool isXPanLook(const Look& l) {
    return l.name.rfind("Hasselblad XPan", 0) == 0;
}

double xpanFrameError(int width, int height) {
    return std::abs(height - width * 24.0 / 65.0);
}

TEST(LookLibrary, HasselbladXPanFramesThePicture) {
    test::TempDir dir("look-xpan");
    const std::string dng = dir.str("chart.dng");
    synth::writeDng(dng, synth::renderChart(720, 480).cview(), synth::DngOptions{});
    int framed = 0;
    for (const Look& l : library().looks()) {
        if (!isXPanLook(l)) {
            EXPECT_FALSE(l.params.isSet("crop.aspect")) << l.name << " leaves the frame alone";
            continue;
        }
        ++framed;
        EXPECT_EQ(l.params.getText("crop.aspect"), "65:24") << l.name;
        ExportSettings settings = exportPreset("full");
        settings.encode.format = FileFormat::Png;
        settings.outputDir = dir.str(lookSlug(l.name));
        settings.nameTemplate = "{name}";
        settings.render.lookDirs = library().dirs();
        ExportJob job;
        job.input = dng;
        job.edits = withLook(EditDocument{}, l);
        const ExportOutcome out = exportFile(job, settings);
        ASSERT_TRUE(out.ok()) << l.name << ": " << out.error;
        const cv::Mat img = cv::imread(out.output, cv::IMREAD_UNCHANGED);
        ASSERT_FALSE(img.empty()) << out.output;
        std::printf("[ %-30s ] chart export %d × %d, %.2f px from 65:24\n", l.name.c_str(),
                    img.cols, img.rows, xpanFrameError(img.cols, img.rows));
        EXPECT_EQ(img.cols, 720) << l.name << ": the frame spans the picture's width";
        EXPECT_LE(xpanFrameError(img.cols, img.rows), 1.0) << l.name;
    }
    EXPECT_EQ(framed, 2);
}

TEST(LookLibrary, HasselbladXPanFramesTheRealPhoto) {
    REQUIRE_REAL_CR2();
    for (const char* name : {"Hasselblad XPan", "Hasselblad XPan Monochrome"}) {
        const RealFigures r = realFigures(name);
        EXPECT_LE(xpanFrameError(r.width, r.height), 1.0)
            << name << ": " << r.width << " × " << r.height;
    }
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
    // The sRGB .cube, applied to the look-free render as another tool would apply it (our own
    // tetrahedral reader here; test_cube_interop does the same with ffmpeg), gives the render
    // with the look on every patch the look-free render holds inside the sRGB gamut. The .cube
    // holds colour only: the look is rendered without its vignette, grain and frame.
    const Image neutral = render(scenes().chart, EditDocument{});
    for (const Look& l : library().looks()) {
        EditDocument colorOnly = withLook(EditDocument{}, l, 100.0);
        colorOnly.reset("look.vignette.amount");
        colorOnly.reset("look.grain.amount");
        colorOnly.reset("crop.aspect");
        const Image want = render(scenes().chart, colorOnly);

        Image got = neutral;
        bakeLookCube(LookParams::from(colorOnly), CubeSpace::SRGB).apply(got.view());
        int inGamut = 0;
        for (int i = 0; i < 24; ++i) {
            const Rect r = synth::patchRect(i, got.width(), got.height(), 0.25);
            bool clipped = false;
            for (int y = r.y; y < r.y + r.height; ++y)
                for (int x = r.x; x < r.x + r.width; ++x)
                    for (int c = 0; c < 3; ++c) {
                        const float v = neutral.at(x, y, c);
                        clipped = clipped || v <= 0.0f || v >= 1.0f;
                    }
            if (clipped) continue;  // the sRGB input has lost this colour
            ++inGamut;
            EXPECT_LE(deltaE2000(test::labOfEncodedSRGB(test::meanOf(got.cview(), r)),
                                 test::labOfEncodedSRGB(test::meanOf(want.cview(), r))),
                      0.5)
                << l.name << ", patch " << synth::colorChecker()[std::size_t(i)].name;
        }
        EXPECT_GE(inGamut, 18) << l.name;
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
