// SPDX-License-Identifier: GPL-3.0-or-later
// Noise reduction on synthetic images whose noise is known: Poisson photon noise plus Gaussian
// read noise, var = a·x + b, added to a clean picture we keep. The estimator must find a and b;
// the denoiser must bring the picture closer to the clean one, clear colour noise from grey,
// leave a clean picture alone and follow its slider.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <random>

#include "rangefinder/denoise.h"
#include "rangefinder/error.h"
#include "rangefinder/pipeline.h"

using namespace rf;

namespace {

// A picture with gradients, edges and fine texture, in linear values 0.01 … 0.8.
Image texturedScene(int w, int h) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const double u = double(x) / w, v = double(y) / h;
            const double base = 0.02 + 0.6 * u * v;
            const double stripes = 0.08 * std::sin(x * 0.35) * std::sin(y * 0.21);
            const bool box = (x / 64 + y / 64) % 3 == 0;
            for (int c = 0; c < 3; ++c)
                img.row(y)[3 * x + c] = float(std::clamp(
                    base * (0.7 + 0.3 * c) + (u > 0.5 ? stripes : 0.0) + (box ? 0.1 : 0.0), 0.01,
                    0.8));
        }
    return img;
}

Image flat(int w, int h, float r, float g, float b) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            img.row(y)[3 * x] = r;
            img.row(y)[3 * x + 1] = g;
            img.row(y)[3 * x + 2] = b;
        }
    return img;
}

// Poisson–Gaussian noise: `electrons` photo-electrons at 1.0 (so a = 1/electrons) and read
// noise of standard deviation `read` (b = read²), seeded.
Image noisy(const Image& clean, double electrons, double read, unsigned seed = 7) {
    Image out = clean;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> gauss(0, read);
    for (int y = 0; y < out.height(); ++y)
        for (int i = 0; i < out.width() * 3; ++i) {
            float& v = out.row(y)[i];
            std::poisson_distribution<long> photons(std::max(0.0, double(v) * electrons));
            v = float(double(photons(rng)) / electrons + gauss(rng));
        }
    return out;
}

double psnr(const Image& a, const Image& b, double peak = 1) {
    double se = 0;
    std::size_t n = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int i = 0; i < a.width() * 3; ++i, ++n) {
            const double d = double(a.row(y)[i]) - b.row(y)[i];
            se += d * d;
        }
    return 10 * std::log10(peak * peak / (se / double(n)));
}

// Standard deviation of a colour difference (R − G or B − G) over an image.
double chromaNoise(const Image& img, int c) {
    double s = 0, s2 = 0;
    const std::size_t n = std::size_t(img.width()) * img.height();
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) {
            const double d = double(img.row(y)[3 * x + c]) - img.row(y)[3 * x + 1];
            s += d, s2 += d * d;
        }
    return std::sqrt(s2 / double(n) - (s / double(n)) * (s / double(n)));
}

Image denoised(const Image& in, const DenoiseParams& p, std::array<float, 3> gains = {1, 1, 1}) {
    Image out(in.width(), in.height(), 3);
    denoise(in.cview(), out.view(), p, gains);
    return out;
}

}  // namespace

// Tolerance: a within 10 %, and the standard deviation the model predicts within 15 % from
// deep shadow (0.02, where read noise is a third or more of the variance) to the highlights,
// on a 512×512 image half ramp, half texture. b alone is not held to a tolerance: next to the
// shot noise of the darkest values it is a small term of the variance, as in a real raw.
TEST(NoiseEstimate, RecoversAKnownPoissonGaussianModel) {
    for (const auto& [electrons, read] :
         {std::pair{2000.0, 0.002}, std::pair{400.0, 0.006}, std::pair{10000.0, 0.001}}) {
        const Image n = noisy(texturedScene(512, 512), electrons, read);
        const NoiseModel m = estimateNoise(n.cview());
        for (int c = 0; c < 3; ++c) {
            EXPECT_NEAR(m.a[std::size_t(c)], 1 / electrons, 0.10 / electrons)
                << "channel " << c << ", " << electrons << " e⁻";
            for (float x : {0.02f, 0.1f, 0.5f}) {
                const double truth = std::sqrt(x / electrons + read * read);
                EXPECT_NEAR(m.sigma(c, x), truth, 0.15 * truth)
                    << "channel " << c << " at " << x << ", " << electrons << " e⁻, read " << read;
            }
        }
    }
}

// Gains scale the values the model is measured on: var(g·x) = g·a·(g·x) + g²·b.
TEST(NoiseEstimate, MeasuresTheBalancedValues) {
    const Image n = noisy(texturedScene(512, 512), 2000, 0.002);
    const NoiseModel plain = estimateNoise(n.cview());
    const NoiseModel balanced = estimateNoise(n.cview(), {2.f, 1.f, 1.5f});
    EXPECT_NEAR(balanced.a[0], 2 * plain.a[0], 0.05 * 2 * plain.a[0]);
    EXPECT_NEAR(balanced.a[2], 1.5 * plain.a[2], 0.05 * 1.5 * plain.a[2]);
    EXPECT_FLOAT_EQ(balanced.a[1], plain.a[1]);
}

TEST(Denoise, StrengthZeroIsTheIdentityBitForBit) {
    const Image n = noisy(texturedScene(200, 150), 500, 0.004);
    DenoiseParams off;
    off.luminance = 0;
    off.color = 0;
    EXPECT_TRUE(off.isIdentity());
    const Image out = denoised(n, off);
    for (int y = 0; y < n.height(); ++y)
        ASSERT_EQ(std::memcmp(out.row(y), n.row(y), std::size_t(n.width()) * 3 * sizeof(float)), 0);
    Image inPlace = n;
    denoise(inPlace.cview(), inPlace.view(), off);
    for (int y = 0; y < n.height(); ++y)
        ASSERT_EQ(std::memcmp(inPlace.row(y), n.row(y), std::size_t(n.width()) * 3 * sizeof(float)),
                  0);
}

TEST(Denoise, BringsANoisyTexturedPictureCloserToTheClean) {
    const Image clean = texturedScene(512, 384);
    for (double electrons : {2000.0, 500.0}) {
        const Image n = noisy(clean, electrons, 0.003);
        const double before = psnr(n, clean);
        const double after = psnr(denoised(n, DenoiseParams{}), clean);
        EXPECT_GT(after, before + 4) << electrons << " e⁻: " << before << " → " << after << " dB";
    }
}

TEST(Denoise, DenoisesInPlaceAsIntoAnotherImage) {
    const Image n = noisy(texturedScene(160, 120), 800, 0.003);
    const Image out = denoised(n, DenoiseParams{}, {1.8f, 1.f, 1.4f});
    Image inPlace = n;
    denoise(inPlace.cview(), inPlace.view(), DenoiseParams{}, {1.8f, 1.f, 1.4f});
    for (int y = 0; y < n.height(); ++y)
        ASSERT_EQ(
            std::memcmp(inPlace.row(y), out.row(y), std::size_t(n.width()) * 3 * sizeof(float)), 0);
}

// Heavy noise on grey (about 7 % at the patch's level): the colour speckle falls at least
// fivefold at the default, balanced or not.
// A large image is denoised in bands with the levels' noise measured on one band: the result
// must be the whole image's, to the spread of that measurement, with no seam where bands meet.
TEST(Denoise, BandsGiveTheWholeImagesResultWithoutSeams) {
    const Image clean = texturedScene(900, 1400);
    const Image n = noisy(clean, 300, 0.004);
    const Image whole = denoised(n, DenoiseParams{});
    const std::int64_t saved = detail::denoiseWholeImagePixels;
    detail::denoiseWholeImagePixels = 0;  // 1400 rows: three bands of 512
    const Image banded = denoised(n, DenoiseParams{});
    detail::denoiseWholeImagePixels = saved;
    const double wholeGain = psnr(whole, clean) - psnr(n, clean);
    EXPECT_GT(wholeGain, 3);
    EXPECT_NEAR(psnr(banded, clean) - psnr(n, clean), wholeGain, 0.25);
    EXPECT_GT(psnr(banded, whole), 50) << "the two ways differ only by the measured thresholds";
    // The error against the clean picture in the rows either side of a band's edge is the
    // error elsewhere: a seam would show as a jump there.
    const auto rowError = [&](int y) {
        double se = 0;
        for (int i = 0; i < 900 * 3; ++i) {
            const double d = double(banded.row(y)[i]) - whole.row(y)[i];
            se += d * d;
        }
        return se;
    };
    double edge = 0, inside = 0;
    for (int y : {510, 511, 512, 513, 1022, 1023, 1024, 1025}) edge += rowError(y);
    for (int y : {200, 201, 202, 203, 700, 701, 702, 703}) inside += rowError(y);
    EXPECT_LT(edge, 3 * inside + 1e-9);
}

TEST(Denoise, ClearsColourNoiseFromGrey) {
    const Image grey = flat(256, 256, 0.1f, 0.1f, 0.1f);
    const Image n = noisy(grey, 200, 0.005);
    const Image out = denoised(n, DenoiseParams{});
    for (int c : {0, 2}) {
        const double before = chromaNoise(n, c), after = chromaNoise(out, c);
        EXPECT_GE(before / after, 5.0) << "channel " << c << ": " << before << " → " << after;
    }
    // The same grey as an unbalanced camera would record it, with the gains that balance it.
    const Image raw = noisy(flat(256, 256, 0.05f, 0.1f, 0.0625f), 200, 0.005);
    const std::array<float, 3> gains{2.f, 1.f, 1.6f};
    const Image out2 = denoised(raw, DenoiseParams{}, gains);
    Image balancedIn = raw, balancedOut = out2;
    for (Image* img : {&balancedIn, &balancedOut})
        for (int y = 0; y < img->height(); ++y)
            for (int x = 0; x < img->width(); ++x)
                for (int c = 0; c < 3; ++c) img->row(y)[3 * x + c] *= gains[std::size_t(c)];
    for (int c : {0, 2})
        EXPECT_GE(chromaNoise(balancedIn, c) / chromaNoise(balancedOut, c), 5.0) << c;
}

TEST(Denoise, LeavesACleanPictureAlone) {
    for (const Image& clean : {flat(128, 96, 0.3f, 0.2f, 0.1f), texturedScene(256, 192)}) {
        const Image out = denoised(clean, DenoiseParams{});
        double worst = 0;
        for (int y = 0; y < clean.height(); ++y)
            for (int i = 0; i < clean.width() * 3; ++i)
                worst = std::max(worst, std::abs(double(out.row(y)[i]) - clean.row(y)[i]));
        EXPECT_LT(worst, 1e-5);
    }
}

TEST(Denoise, IsMonotonicInItsSliders) {
    const Image clean = texturedScene(256, 192);
    const Image n = noisy(clean, 500, 0.004);
    double last = psnr(n, clean);
    for (float s : {0.25f, 0.5f, 1.f}) {
        DenoiseParams p;
        p.luminance = s;
        p.color = s;
        const double now = psnr(denoised(n, p), clean);
        EXPECT_GT(now, last) << "at " << s;
        last = now;
    }
    // Beyond the measured noise it smooths more: the residual noise on grey keeps falling.
    const Image grey = noisy(flat(128, 128, 0.2f, 0.2f, 0.2f), 500, 0.004);
    double lastNoise = 1e9;
    for (float s : {0.f, 0.5f, 1.f, 1.5f, 2.f}) {
        DenoiseParams p;
        p.luminance = s;
        p.color = s;
        const Image out = denoised(grey, p);
        double s2 = 0;
        for (int y = 0; y < 128; ++y)
            for (int x = 0; x < 128; ++x) {
                const double d = out.row(y)[3 * x + 1] - 0.2;
                s2 += d * d;
            }
        const double noise = std::sqrt(s2 / (128 * 128));
        EXPECT_LT(noise, lastNoise) << "at " << s;
        lastNoise = noise;
    }
}

TEST(Denoise, StopsWhenCancelled) {
    const Image n = noisy(texturedScene(256, 192), 500, 0.004);
    CancelToken cancel;
    cancel.cancel();
    Image out(n.width(), n.height(), 3);
    EXPECT_THROW(denoise(n.cview(), out.view(), DenoiseParams{}, {1, 1, 1}, &cancel), Cancelled);
}

// ---- in the pipeline -------------------------------------------------------------------------

namespace {

std::shared_ptr<RawImage> noisyRaw() {
    auto raw = std::make_shared<RawImage>();
    raw->path = "memory.raw";
    raw->cfa = {0, 1, 1, 2};
    raw->cameraFromXYZ = inverse(xyzFromLinearSRGB());
    raw->hasColorMatrix = true;
    raw->info.width = 192;
    raw->info.height = 128;
    raw->mosaic.resize(192, 128, 1);
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0, 0.01f);
    for (int y = 0; y < 128; ++y)
        for (int x = 0; x < 192; ++x)
            raw->mosaic.at(x, y) = 0.05f + 0.3f * float(x + y) / 320 + noise(rng);
    raw->asShotMultipliers = raw->daylightMultipliers = {2.f, 1.f, 1.5f};
    return raw;
}

bool samePixels(const Image& a, const Image& b) {
    if (a.width() != b.width() || a.height() != b.height()) return false;
    for (int y = 0; y < a.height(); ++y)
        if (std::memcmp(a.row(y), b.row(y), std::size_t(a.width()) * 3 * sizeof(float)) != 0)
            return false;
    return true;
}

}  // namespace

TEST(DenoiseInPipeline, ASliderReRunsOnlyItAndTheFinishing) {
    Pipeline pipeline(noisyRaw());
    EditDocument doc;
    pipeline.render(doc, {});
    const Pipeline::Stats s0 = pipeline.stats();
    EXPECT_EQ(s0.denoised, 1) << "on by default";
    doc.setFloat("denoise.color", 150);
    pipeline.render(doc, {});
    const Pipeline::Stats s1 = pipeline.stats();
    EXPECT_EQ(s1.geometry, s0.geometry);
    EXPECT_EQ(s1.denoised, 2);
    doc.setFloat("tone.contrast", 20);
    pipeline.render(doc, {});
    EXPECT_EQ(pipeline.stats().denoised, 2) << "a tone slider does not re-run noise reduction";
    doc.setFloat("denoise.luminance", 0);
    doc.setFloat("denoise.color", 0);
    pipeline.render(doc, {});
    EXPECT_EQ(pipeline.stats().denoised, 2) << "off: nothing to run";
}

TEST(DenoiseInPipeline, AnExportRendersAsAPreviewDoes) {
    Pipeline preview(noisyRaw()), exporter(noisyRaw());
    EditDocument doc;
    RenderOptions oneShot;
    oneShot.oneShot = true;
    EXPECT_TRUE(samePixels(preview.render(doc, {}).rgb, exporter.render(doc, oneShot).rgb));
    OutputSize half;
    half.mode = SizeMode::LongEdge;
    half.a = 96;
    RenderOptions small, smallOneShot;
    small.size = smallOneShot.size = half;
    smallOneShot.oneShot = true;
    Pipeline p2(noisyRaw()), p3(noisyRaw());
    EXPECT_TRUE(samePixels(p2.render(doc, small).rgb, p3.render(doc, smallOneShot).rgb));
}

// A document with edits written before noise reduction existed (format 2, no "denoise" in its
// stages) renders exactly as with noise reduction off; one without edits gets today's default.
TEST(DenoiseInPipeline, EditsMadeBeforeItExistedRenderWithoutIt) {
    const EditDocument old = EditDocument::fromJson(
        R"({"format":"rangefinder-edit","version":2,"stages":{"tone":2,"demosaic":1},
            "params":{"exposure.ev":0.3}})");
    EXPECT_EQ(old.getFloat("denoise.luminance"), 0);
    EXPECT_EQ(old.getFloat("denoise.color"), 0);
    EditDocument off;
    off.setFloat("exposure.ev", 0.3);
    off.setFloat("denoise.luminance", 0);
    off.setFloat("denoise.color", 0);
    Pipeline a(noisyRaw()), b(noisyRaw());
    EXPECT_TRUE(samePixels(a.render(old, {}).rgb, b.render(off, {}).rgb));
    EXPECT_EQ(a.stats().denoised, 0);

    const EditDocument fresh = EditDocument::fromJson(
        R"({"format":"rangefinder-edit","version":2,"stages":{"tone":2},"params":{}})");
    EXPECT_EQ(fresh.getFloat("denoise.luminance"), 100);
    // Written today: the stage's version is recorded, and nothing is migrated.
    EditDocument today;
    today.setFloat("exposure.ev", 0.3);
    EXPECT_EQ(EditDocument::fromJson(today.toJson()).getFloat("denoise.luminance"), 100);
}
