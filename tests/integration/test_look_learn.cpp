// SPDX-License-Identifier: GPL-3.0-or-later
// Learning a look from an example, measured against a known truth. A known look plays the
// phone: Kodak pictures mosaicked into DNGs (the project's writer) are rendered with it into
// "finished" JPEGs; a look is learned from one or two of those pairs and applied to OTHER
// pictures, and its renders are compared with the true look's: mean CIEDE2000 ≤ 1.5 and
// 95th percentile ≤ 4. A mismatched pair is refused; a cropped, scaled and mirrored JPEG still
// learns. The real photographs' figures (Canon Standard learned from the 30D's own JPEG and
// applied to the D30's CRW) are printed for docs/quality.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <opencv2/imgproc.hpp>

#include "quality/quality.h"
#include "rangefinder/color.h"
#include "rangefinder/error.h"
#include "rangefinder/look.h"
#include "rangefinder/look_learn.h"
#include "rangefinder/looks.h"
#include "rangefinder/lut.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"
#include "rangefinder/writer.h"
#include "support/kodak.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

// The pictures learned from, and the other ones the learned look is checked on.
constexpr int kLearnFrom[] = {3, 23};
constexpr int kCheckOn[] = {1, 5, 13, 19, 21};

struct DeltaE {
    double mean = 0, p95 = 0;
};

Vec3 labOfEncoded(const float* p) {
    static const Mat3 toXyz = xyzFromLinearSRGB();
    return xyzToLab(mul(toXyz, Vec3{srgbDecode(p[0]), srgbDecode(p[1]), srgbDecode(p[2])}), kD65);
}

DeltaE compare(const Image& a, const Image& b) {
    EXPECT_EQ(a.width(), b.width());
    EXPECT_EQ(a.height(), b.height());
    std::vector<double> d;
    d.reserve(std::size_t(a.width()) * a.height());
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            d.push_back(deltaE2000(labOfEncoded(a.row(y) + 3 * x), labOfEncoded(b.row(y) + 3 * x)));
    DeltaE r;
    for (double v : d) r.mean += v;
    r.mean /= double(d.size());
    std::nth_element(d.begin(), d.begin() + std::ptrdiff_t(d.size() * 95 / 100), d.end());
    r.p95 = d[d.size() * 95 / 100];
    return r;
}

// Kodak picture i as a DNG (linear sRGB scene, the writer's default camera), written once.
struct KodakRaws {
    test::TempDir dir{"look-learn"};
    std::string dng(int i) {
        const std::string path = dir.str("kodim" + std::to_string(i) + ".dng");
        if (!fs::exists(path)) {
            char name[32];
            std::snprintf(name, sizeof name, "kodim%02d.png", i);
            const Image srgb = test::loadRgb8(test::kodakDir(RF_SOURCE_DIR) / name);
            Image scene(srgb.width(), srgb.height(), 3);
            for (int y = 0; y < srgb.height(); ++y)
                for (int x = 0; x < srgb.width() * 3; ++x)
                    scene.row(y)[x] = float(srgbDecode(srgb.row(y)[x]));
            synth::writeDng(path, scene.cview(), synth::DngOptions{});
        }
        return path;
    }
};

KodakRaws& kodak() {
    static KodakRaws k;
    return k;
}

// One pipeline per raw, kept: the renders of a picture with and without looks share its
// decode and its cached stages.
Image render(const std::string& raw, const EditDocument& edits,
             const std::vector<std::string>& lookDirs = {}) {
    static std::map<std::string, std::unique_ptr<Pipeline>> pipelines;
    std::unique_ptr<Pipeline>& p = pipelines[raw];
    if (!p) p = std::make_unique<Pipeline>(std::make_shared<RawImage>(decodeRaw(raw)));
    RenderOptions o;
    o.lookDirs = lookDirs;
    return p->render(edits, o).rgb;
}

void writeJpeg(const std::string& path, const Image& srgb) {
    EncodeOptions o;
    o.quality = 95;
    writeImage(path, srgb.cview(), o, iccProfileFor(OutputSpace::SRGB));
}

// A "phone" look no parameter of ours can express: a film-like S per channel that differs
// between the channels (teal shadows, warm highlights), a channel cross-talk and a hue twist
// of greens towards yellow, as an sRGB .cube.
Lut3D phoneCube() {
    const int n = 33;
    Lut3D lut(n);
    for (int b = 0; b < n; ++b)
        for (int g = 0; g < n; ++g)
            for (int r = 0; r < n; ++r) {
                const double in[3] = {double(r) / (n - 1), double(g) / (n - 1),
                                      double(b) / (n - 1)};
                double c[3];
                const double lift[3] = {-0.015, 0.0, 0.02}, gain[3] = {1.02, 1.0, 0.96};
                for (int k = 0; k < 3; ++k) {
                    const double s = in[k] + 0.05 * std::sin(2 * 3.14159265358979 * in[k]) * -1;
                    c[k] = lift[k] * (1 - in[k]) + gain[k] * s;
                }
                const double m[3][3] = {
                    {1.06, -0.04, -0.02}, {-0.03, 1.05, -0.02}, {-0.02, -0.06, 1.08}};
                float* out = lut.at(r, g, b);
                for (int k = 0; k < 3; ++k)
                    out[k] =
                        float(std::clamp(m[k][0] * c[0] + m[k][1] * c[1] + m[k][2] * c[2] +
                                             (k == 0 ? 0.04 : 0.0) * std::max(0.0, c[1] - c[0]),
                                         0.0, 1.0));
            }
    return lut;
}

struct Truth {
    std::string name;
    EditDocument edits;
    std::vector<std::string> lookDirs;
};

Truth shippedLook(const std::string& name) {
    const std::string dir = std::string(RF_SOURCE_DIR) + "/looks";
    const LookLibrary lib = LookLibrary::load({dir});
    const Look* l = lib.find(name);
    EXPECT_NE(l, nullptr) << name;
    return {name, withLook({}, *l), {dir}};
}

Truth cubeLook() {
    const std::string path = kodak().dir.str("phone.cube");
    if (!fs::exists(path)) writeCube(path, phoneCube());
    EditDocument e;
    e.setText("look.name", "Phone");
    e.setText("look.lut.file", path);
    e.setText("look.lut.encoding", "srgb");
    return {"an imported .cube", e, {}};
}

// The finished JPEG of picture i under a truth (written once per truth and picture).
std::string finishedJpeg(const Truth& t, int i, const std::string& tag) {
    const std::string path = kodak().dir.str(tag + "-" + std::to_string(i) + ".jpg");
    if (!fs::exists(path)) writeJpeg(path, render(kodak().dng(i), t.edits, t.lookDirs));
    return path;
}

// The folder the pictures of docs/quality.md are written to, when RF_LEARN_GALLERY names one.
std::string galleryDir() {
    const char* dir = std::getenv("RF_LEARN_GALLERY");
    return dir ? dir : "";
}

// Renders the check pictures with the learned look and with the truth, and returns the worst
// mean and p95 over them (printing each; with RF_LEARN_GALLERY, writing them: no look,
// learned, truth).
DeltaE generalisation(const Truth& truth, const LearnedLook& learned, const std::string& tag) {
    const EditDocument learnedEdits = learnedLookEdits(learned, kodak().dir.str(tag + ".cube"));
    DeltaE worst;
    std::vector<Image> gallery;
    for (int i : kCheckOn) {
        const std::string dng = kodak().dng(i);
        Image want = render(dng, truth.edits, truth.lookDirs);
        Image got = render(dng, learnedEdits);
        Image none = render(dng, EditDocument{});
        const DeltaE d = compare(got, want), base = compare(none, want);
        std::printf(
            "  %-24s kodim%02d: learned look ΔE2000 mean %.2f p95 %.2f (no look %.2f / %.2f)\n",
            truth.name.c_str(), i, d.mean, d.p95, base.mean, base.p95);
        worst.mean = std::max(worst.mean, d.mean);
        worst.p95 = std::max(worst.p95, d.p95);
        for (Image* img : {&none, &got, &want}) gallery.push_back(std::move(*img));
    }
    if (!galleryDir().empty()) {
        std::vector<const Image*> pictures;
        for (const Image& img : gallery) pictures.push_back(&img);
        quality::writeStrip(galleryDir() + "/learn-" + tag + ".jpg", pictures, 180, 3);
    }
    return worst;
}

class LookLearnKodak : public ::testing::Test {
  protected:
    void SetUp() override { RF_REQUIRE_TESTDATA("kodak"); }
};

void learnAndCheck(const Truth& truth, const std::string& tag, std::vector<int> from) {
    std::vector<ExamplePair> pairs;
    for (int i : from) pairs.push_back({kodak().dng(i), finishedJpeg(truth, i, tag)});
    LearnOptions o;
    o.workLongEdge = 768;
    const auto t0 = std::chrono::steady_clock::now();
    o.progress = [&](double f, const std::string& what) {
        if (std::getenv("RF_LEARN_TIMES"))
            std::printf(
                "    %5.2f s %3.0f %% %s\n",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                100 * f, what.c_str());
    };
    const LearnedLook learned = learnLook(pairs, o);
    for (const ExampleReport& r : learned.reports)
        std::printf(
            "  %s: correlation %.3f, edges %.3f, %zu pixels in %zu colours, fit ΔE %.2f "
            "(base %.2f)\n",
            fs::path(r.jpeg).filename().c_str(), r.registration.correlation,
            r.registration.structure, r.pixels, r.samples, r.fitDeltaE, r.baseDeltaE);
    std::printf("  parameters: %s\n", learned.params.toJson(-1).c_str());
    const DeltaE worst = generalisation(truth, learned, tag);
    EXPECT_LE(worst.mean, 1.5) << truth.name;
    EXPECT_LE(worst.p95, 4.0) << truth.name;
}

}  // namespace

TEST_F(LookLearnKodak, ShippedLookLearnedFromOnePairGeneralises) {
    learnAndCheck(shippedLook("Hasselblad Natural Colour"), "hasselblad", {kLearnFrom[1]});
}

TEST_F(LookLearnKodak, ImportedCubeLearnedFromTwoPairsGeneralises) {
    learnAndCheck(cubeLook(), "cube", {kLearnFrom[0], kLearnFrom[1]});
}

// Phones write Display P3 JPEGs: the embedded profile is honoured, so a P3 picture of the
// same look teaches the same look.
TEST_F(LookLearnKodak, DisplayP3JpegLearnsTheSameLook) {
    const Truth truth = shippedLook("Hasselblad Natural Colour");
    const int i = kLearnFrom[1];
    const std::string jpeg = kodak().dir.str("hasselblad-p3.jpg");
    {
        Pipeline p(std::make_shared<RawImage>(decodeRaw(kodak().dng(i))));
        RenderOptions o;
        o.lookDirs = truth.lookDirs;
        o.space = OutputSpace::DisplayP3;
        EncodeOptions e;
        e.quality = 95;
        writeImage(jpeg, p.render(truth.edits, o).rgb.cview(), e,
                   iccProfileFor(OutputSpace::DisplayP3));
    }
    LearnOptions o;
    o.workLongEdge = 768;
    const LearnedLook learned = learnLook({{kodak().dng(i), jpeg}}, o);
    // As close as the sRGB JPEG's look (0.17–0.24); read as sRGB, the P3 picture would teach a
    // duller look (1.2–1.4).
    const DeltaE worst = generalisation(truth, learned, "p3");
    EXPECT_LE(worst.mean, 0.6);
    EXPECT_LE(worst.p95, 1.5);
}

TEST_F(LookLearnKodak, MismatchedPairIsRefusedNamingBothFiles) {
    const Truth truth = shippedLook("Hasselblad Natural Colour");
    const std::string raw = kodak().dng(5), jpeg = finishedJpeg(truth, 15, "hasselblad");
    LearnOptions o;
    o.workLongEdge = 768;
    try {
        learnLook({{raw, jpeg}}, o);
        FAIL() << "a JPEG of another picture was learned from";
    } catch (const Error& e) {
        const std::string what = e.what();
        std::printf("  %s\n", what.c_str());
        EXPECT_NE(what.find(jpeg), std::string::npos) << what;
        EXPECT_NE(what.find(raw), std::string::npos) << what;
        EXPECT_NE(what.find("does not show the same shot"), std::string::npos) << what;
    }
}

// A phone crops, scales and (a selfie) mirrors; a camera may store its picture turned. The
// finished JPEG here is a 75 % × 85 % crop off centre, scaled to 60 %, mirrored and turned a
// quarter clockwise.
TEST_F(LookLearnKodak, CroppedScaledMirroredTurnedJpegStillLearns) {
    const Truth truth = shippedLook("Hasselblad Natural Colour");
    const int i = kLearnFrom[1];
    const Image full = render(kodak().dng(i), truth.edits, truth.lookDirs);
    cv::Mat m(full.height(), full.width(), CV_32FC3, const_cast<float*>(full.data()));
    const cv::Rect crop(int(0.10 * full.width()), int(0.05 * full.height()),
                        int(0.75 * full.width()), int(0.85 * full.height()));
    cv::Mat small, mirrored, turned;
    cv::resize(m(crop), small, cv::Size(), 0.6, 0.6, cv::INTER_AREA);
    cv::flip(small, mirrored, 1);
    cv::rotate(mirrored, turned, cv::ROTATE_90_CLOCKWISE);
    Image finished(turned.cols, turned.rows, 3);
    for (int y = 0; y < turned.rows; ++y)
        std::copy_n(turned.ptr<float>(y), 3 * turned.cols, finished.row(y));
    const std::string jpeg = kodak().dir.str("phone-crop.jpg");
    writeJpeg(jpeg, finished);

    LearnOptions o;
    o.workLongEdge = 768;
    const LearnedLook learned = learnLook({{kodak().dng(i), jpeg}}, o);
    const ExampleRegistration& r = learned.reports.front().registration;
    std::printf(
        "  registration: correlation %.3f, edges %.3f, scale %.4f, %d quarter turns, "
        "%smirrored, coverage %.2f\n",
        r.correlation, r.structure, r.scale, r.quarterTurns, r.mirrored ? "" : "not ", r.coverage);
    EXPECT_EQ(r.quarterTurns, 1);
    EXPECT_TRUE(r.mirrored);
    EXPECT_NEAR(r.scale, 0.6, 0.006);
    EXPECT_NEAR(r.coverage, 0.75 * 0.85, 0.03);
    // Where the base's pixel (x, y) is found in the JPEG: the crop's corner maps to the
    // turned image's top-right corner.
    const double x = crop.x, y = crop.y;
    const double u = r.affine[0] * x + r.affine[1] * y + r.affine[2];
    const double v = r.affine[3] * x + r.affine[4] * y + r.affine[5];
    EXPECT_NEAR(u, finished.width() - 1, 1.5);
    EXPECT_NEAR(v, finished.height() - 1, 1.5);
    const DeltaE worst = generalisation(truth, learned, "crop");
    EXPECT_LE(worst.mean, 1.5);
    EXPECT_LE(worst.p95, 4.0);
}

namespace {

struct RealFigures {
    quality::Comparison base, learned;
};

// A raw rendered with `edits`, against its own camera's JPEG (src/quality's measure).
RealFigures againstCamera(const std::string& path, const EditDocument& learned) {
    auto raw = std::make_shared<const RawImage>(decodeRaw(path));
    const Image camera = quality::cameraJpeg(*raw);
    Pipeline pipeline(raw);
    const int w = camera.width(), h = camera.height();
    const Image base = quality::render(pipeline, {});
    const Rect frame = quality::registerTo(base.cview(), camera.cview());
    const Image withLearned = quality::render(pipeline, learned);
    const Image baseFramed = quality::framed(base.cview(), frame, w, h);
    const Image learnedFramed = quality::framed(withLearned.cview(), frame, w, h);
    RealFigures f;
    f.base = quality::compare(baseFramed.cview(), camera.cview());
    f.learned = quality::compare(learnedFramed.cview(), camera.cview());
    if (!galleryDir().empty())
        quality::writeStrip(galleryDir() + "/learn-" + fs::path(path).stem().string() + ".jpg",
                            {&baseFramed, &learnedFramed, &camera}, 240, 3);
    for (const auto& [name, c] : {std::pair{"default", f.base}, {"learned", f.learned}})
        std::printf("  %-20s %-8s ΔE00 %5.2f  ΔL* %+5.1f  chroma %.2f  contrast %.2f\n",
                    fs::path(path).filename().c_str(), name, c.deltaE, c.deltaL, c.chromaRatio,
                    c.contrastRatio);
    return f;
}

}  // namespace

// "Canon Standard" learned from the EOS 30D's CR2 and the JPEG embedded in it, applied to
// the EOS D30's CRW (another Canon, twenty years older in design) and measured against that
// file's own embedded JPEG, beside our default rendering.
TEST(LookLearnReal, CanonStandardFromTheCr2CarriesToTheCrw) {
    RF_REQUIRE_TESTDATA("raw/canon-eos30d.CR2");
    RF_REQUIRE_TESTDATA("raw/canon-eosd30.CRW");
    const std::string cr2 = (test::testdata() / "raw/canon-eos30d.CR2").string();
    const std::string crw = (test::testdata() / "raw/canon-eosd30.CRW").string();
    test::TempDir dir("look-learn-real");
    const std::string jpeg = dir.str("canon-eos30d.jpg");
    {
        const std::vector<std::uint8_t> bytes = extractPreview(cr2);
        ASSERT_FALSE(bytes.empty());
        std::FILE* f = std::fopen(jpeg.c_str(), "wb");
        ASSERT_NE(f, nullptr);
        std::fwrite(bytes.data(), 1, bytes.size(), f);
        std::fclose(f);
    }
    const LearnedLook learned = learnLook({{cr2, jpeg}});
    const ExampleReport& r = learned.reports.front();
    std::printf(
        "  CR2 ↔ its JPEG: correlation %.3f, edges %.3f, scale %.3f, coverage %.2f, "
        "tiles %d/%d aligned, %zu pixels in %zu colours, fit ΔE %.2f (base %.2f)\n",
        r.registration.correlation, r.registration.structure, r.registration.scale,
        r.registration.coverage, r.alignedTiles, r.texturedTiles, r.pixels, r.samples, r.fitDeltaE,
        r.baseDeltaE);
    std::printf("  parameters: %s\n", learned.params.toJson(-1).c_str());
    const EditDocument edits = learnedLookEdits(learned, dir.str("canon.cube"));
    const RealFigures own = againstCamera(cr2, edits);
    const RealFigures other = againstCamera(crw, edits);
    // On the photograph it was learned from, the look reproduces the camera's picture (what
    // is left is detail: sharpening, noise, the JPEG's own compression).
    EXPECT_LT(own.learned.deltaE, 0.75 * own.base.deltaE);
    // The D30's JPEG engine (2000) is not the 30D's (2006, Picture Style "Standard"), and its
    // tungsten-lit tree is far from the daylight landscape the look saw: the learned look
    // brings the brightness closer but adds colour the older engine did not (docs/quality.md).
    // It must not make the picture wrong, though.
    EXPECT_LT(other.learned.deltaE, other.base.deltaE + 1.0);
    EXPECT_LT(std::abs(other.learned.deltaL), std::abs(other.base.deltaL));
}
