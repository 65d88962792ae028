// SPDX-License-Identifier: GPL-3.0-or-later
// Resample stage: output-size parsing and arithmetic, the Lanczos-3 resize's filtering
// properties (flat fields, mean, passband amplitude, antialiasing of frequencies above the
// new Nyquist) and the luminance unsharp mask (identity, edges, neutrality, range, threshold,
// no seams between the strips it is computed in).
#include <gtest/gtest.h>

#include <cmath>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/resample.h"

using namespace rf;

namespace {

Image randomImage(int w, int h, int c, unsigned seed, float lo = 0.f, float hi = 1.f) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> d(lo, hi);
    Image img(w, h, c);
    for (std::size_t i = 0; i < img.sampleCount(); ++i) img.data()[i] = d(rng);
    return img;
}

double mean(const Image& img, int c) {
    double s = 0;
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x) s += img.at(x, y, c);
    return s / (double(img.width()) * img.height());
}

std::pair<int, int> sizeFor(const std::string& spec, int w, int h, bool upscale = false) {
    OutputSize s = outputSizeFromString(spec);
    s.allowUpscale = upscale;
    int ow, oh;
    targetSize(w, h, s, ow, oh);
    return {ow, oh};
}

}  // namespace

TEST(OutputSize, ParsesEveryForm) {
    OutputSize s = outputSizeFromString("2048");
    EXPECT_EQ(s.mode, SizeMode::LongEdge);
    EXPECT_EQ(s.a, 2048);
    s = outputSizeFromString("long:1600");
    EXPECT_EQ(s.mode, SizeMode::LongEdge);
    EXPECT_EQ(s.a, 1600);
    s = outputSizeFromString("short:1080");
    EXPECT_EQ(s.mode, SizeMode::ShortEdge);
    EXPECT_EQ(s.a, 1080);
    s = outputSizeFromString("1920x1080");
    EXPECT_EQ(s.mode, SizeMode::Fit);
    EXPECT_EQ(s.a, 1920);
    EXPECT_EQ(s.b, 1080);
    s = outputSizeFromString("12mp");
    EXPECT_EQ(s.mode, SizeMode::Megapixels);
    EXPECT_DOUBLE_EQ(s.megapixels, 12);
    s = outputSizeFromString("2.5MP");
    EXPECT_EQ(s.mode, SizeMode::Megapixels);
    EXPECT_DOUBLE_EQ(s.megapixels, 2.5);
    s = outputSizeFromString(" 1920\u00d71080 ");
    EXPECT_EQ(s.mode, SizeMode::Fit);
    EXPECT_EQ(s.b, 1080);
    EXPECT_EQ(outputSizeFromString("original").mode, SizeMode::Original);
    EXPECT_EQ(outputSizeFromString("Original").mode, SizeMode::Original);
    for (const char* bad : {"", "abc", "0", "-5", "12x", "x12", "1920x0", "long:", "short:abc",
                            "mp", "0mp", "-3mp", "12mpx", "2048px", "1e3", "99999999"}) {
        EXPECT_THROW(outputSizeFromString(bad), Error) << bad;
    }
    try {
        outputSizeFromString("huge");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("huge"), std::string::npos) << e.what();
    }
}

TEST(OutputSize, TargetSizesKeepTheAspectAndNeverUpscale) {
    EXPECT_EQ(sizeFor("2048", 6000, 4000), std::pair(2048, 1365));
    EXPECT_EQ(sizeFor("long:2048", 4000, 6000), std::pair(1365, 2048));
    EXPECT_EQ(sizeFor("2048", 3504, 2336), std::pair(2048, 1365));
    EXPECT_EQ(sizeFor("short:1080", 6000, 4000), std::pair(1620, 1080));
    EXPECT_EQ(sizeFor("short:1080", 4000, 6000), std::pair(1080, 1620));
    EXPECT_EQ(sizeFor("1920x1080", 6000, 4000), std::pair(1620, 1080));
    EXPECT_EQ(sizeFor("1920x1080", 4000, 6000), std::pair(720, 1080));
    EXPECT_EQ(sizeFor("1920x1080", 6000, 2000), std::pair(1920, 640));
    EXPECT_EQ(sizeFor("12mp", 6000, 4000), std::pair(4243, 2828));
    EXPECT_EQ(sizeFor("original", 6000, 4000), std::pair(6000, 4000));
    // Never enlarged unless allowed.
    EXPECT_EQ(sizeFor("4000", 1000, 500), std::pair(1000, 500));
    EXPECT_EQ(sizeFor("48mp", 6000, 4000), std::pair(6000, 4000));
    EXPECT_EQ(sizeFor("4000", 1000, 500, true), std::pair(4000, 2000));
    EXPECT_EQ(sizeFor("short:1000", 1000, 500, true), std::pair(2000, 1000));
    // At least one pixel.
    EXPECT_EQ(sizeFor("10", 10000, 100), std::pair(10, 1));
}

TEST(Resize, SameSizeIsACopy) {
    const Image in = randomImage(31, 17, 3, 1);
    Image out;
    resize(in.cview(), 31, 17, out);
    ASSERT_EQ(out.sampleCount(), in.sampleCount());
    for (std::size_t i = 0; i < in.sampleCount(); ++i) ASSERT_EQ(out.data()[i], in.data()[i]);
}

TEST(Resize, FlatFieldsStayFlatForAnyChannelCountAndDirection) {
    for (int C : {1, 2, 3, 4, 5}) {
        Image in(157, 93, C);
        for (int y = 0; y < in.height(); ++y)
            for (int x = 0; x < in.width(); ++x)
                for (int c = 0; c < C; ++c) in.at(x, y, c) = 0.1f + 0.2f * c;
        for (auto [w, h] : {std::pair{40, 23}, {157, 30}, {20, 93}, {300, 200}, {1, 1}}) {
            Image out;
            resize(in.cview(), w, h, out);
            ASSERT_EQ(out.width(), w);
            ASSERT_EQ(out.height(), h);
            ASSERT_EQ(out.channels(), C);
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x)
                    for (int c = 0; c < C; ++c)
                        ASSERT_NEAR(out.at(x, y, c), 0.1f + 0.2f * c, 1e-5)
                            << C << " " << w << "x" << h;
        }
    }
}

TEST(Resize, MeanIsPreserved) {
    const Image in = randomImage(640, 480, 3, 2);
    for (auto [w, h] : {std::pair{200, 150}, {107, 80}, {333, 250}}) {
        Image out;
        resize(in.cview(), w, h, out);
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(mean(out, c), mean(in, c), 2e-3) << w;
    }
}

TEST(Resize, PassbandSineKeepsItsAmplitude) {
    // Period 40 px shrunk 4× → period 10 px, well below the new Nyquist (2 px).
    const int W = 800, H = 16, f = 4;
    Image in(W, H, 1);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x)
            in.at(x, y) = 0.5f + 0.3f * float(std::sin(2 * M_PI * (x + 0.5) / 40));
    Image out;
    resize(in.cview(), W / f, H / f, out);
    // Project the interior of one row on sin/cos of the expected output frequency.
    double a = 0, b = 0;
    int n = 0;
    for (int u = 20; u < W / f - 20; ++u, ++n) {
        const double ph = 2 * M_PI * (u + 0.5) / 10;
        a += (out.at(u, 2) - 0.5) * std::sin(ph);
        b += (out.at(u, 2) - 0.5) * std::cos(ph);
    }
    const double amplitude = 2 * std::hypot(a, b) / n;
    EXPECT_NEAR(amplitude, 0.3, 0.015);
    EXPECT_LT(std::abs(b) / std::abs(a), 0.01);  // and no phase shift
}

TEST(Resize, FrequenciesAboveTheNewNyquistAreRemoved) {
    // A one-pixel checkerboard shrunk 4×: point sampling or a narrow kernel would alias it
    // into a pattern; the antialiased filter leaves its mean.
    Image in(800, 600, 3);
    for (int y = 0; y < 600; ++y)
        for (int x = 0; x < 800; ++x)
            for (int c = 0; c < 3; ++c) in.at(x, y, c) = float((x + y) & 1);
    for (auto [w, h] : {std::pair{200, 150}, {173, 130}}) {
        Image out;
        resize(in.cview(), w, h, out);
        float lo = 1, hi = 0;
        for (int y = 4; y < h - 4; ++y)
            for (int x = 4; x < w - 4; ++x) {
                lo = std::min(lo, out.at(x, y, 1));
                hi = std::max(hi, out.at(x, y, 1));
            }
        EXPECT_NEAR(lo, 0.5f, 0.02f) << w;
        EXPECT_NEAR(hi, 0.5f, 0.02f) << w;
    }
    // Stripes at 0.3 of the input sampling rate, above the new Nyquist of 1/8 for a 4×
    // reduction, are removed too.
    Image stripes(800, 8, 1);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 800; ++x)
            stripes.at(x, y) = 0.5f + 0.4f * float(std::sin(0.6 * M_PI * x));
    Image out;
    resize(stripes.cview(), 200, 2, out);
    for (int x = 4; x < 196; ++x) EXPECT_NEAR(out.at(x, 1), 0.5f, 0.02f) << x;
}

TEST(Resize, LargeReductionAndUpscaleBehave) {
    const Image in = randomImage(3000, 200, 3, 3, 0.25f, 0.75f);
    Image out;
    resize(in.cview(), 512, 34, out);
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(mean(out, c), mean(in, c), 2e-3);
    // The input noise has σ = 0.5/√12 ≈ 0.144; point sampling would keep all of it, a
    // 5.9 × 5.9 box average would leave ≈ 0.025.
    double var = 0;
    for (int y = 0; y < out.height(); ++y)
        for (int x = 0; x < out.width(); ++x) var += std::pow(out.at(x, y, 0) - 0.5, 2);
    EXPECT_LT(std::sqrt(var / (512.0 * 34)), 0.03);

    // Upscaling interpolates: a 2× enlargement of a ramp is still a ramp in the interior, to
    // within Lanczos-3's known deviation from exact linear reproduction (≈ 0.02 px at
    // quarter-pixel phases).
    Image ramp(50, 10, 1);
    for (int y = 0; y < 10; ++y)
        for (int x = 0; x < 50; ++x) ramp.at(x, y) = float(x);
    resize(ramp.cview(), 100, 20, out);
    for (int u = 10; u < 90; ++u) EXPECT_NEAR(out.at(u, 5), (u + 0.5) / 2 - 0.5, 0.025) << u;
}

TEST(Resize, WorksOnRegionViews) {
    const Image big = randomImage(300, 200, 3, 11);
    const ConstImageView part = big.cview().region({50, 20, 150, 100});
    Image a, b;
    resize(part, 61, 40, a);
    resize(Image::copyOf(part).cview(), 61, 40, b);
    ASSERT_EQ(a.sampleCount(), b.sampleCount());
    for (std::size_t i = 0; i < a.sampleCount(); ++i) ASSERT_EQ(a.data()[i], b.data()[i]);
}

TEST(Resize, BadArgumentsAreErrors) {
    Image out;
    EXPECT_THROW(resize(ConstImageView{}, 10, 10, out), Error);
    const Image in = randomImage(10, 10, 3, 4);
    EXPECT_THROW(resize(in.cview(), 0, 10, out), Error);
    Image self = randomImage(10, 10, 3, 4);
    EXPECT_THROW(resize(self.cview(), 5, 5, self), std::logic_error);
    CancelToken token;
    token.cancel();
    EXPECT_THROW(resize(in.cview(), 5, 5, out, &token), Cancelled);
}

TEST(Sharpen, ZeroAmountAndFlatFieldsAreUntouched) {
    Image img = randomImage(64, 48, 3, 5);
    const Image ref = img;
    sharpen(img.view(), SharpenParams{0.0f, 1.0f, 0.0f});
    for (std::size_t i = 0; i < img.sampleCount(); ++i) ASSERT_EQ(img.data()[i], ref.data()[i]);

    Image flat(64, 48, 3);
    for (std::size_t i = 0; i < flat.sampleCount(); ++i) flat.data()[i] = (i % 3) * 0.3f + 0.1f;
    const Image flatRef = flat;
    sharpen(flat.view(), SharpenParams{3.0f, 1.5f, 0.0f});
    for (std::size_t i = 0; i < flat.sampleCount(); ++i)
        ASSERT_NEAR(flat.data()[i], flatRef.data()[i], 1e-6);
}

TEST(Sharpen, EdgesGainContrastWithoutColorFringes) {
    // A vertical edge between two colours.
    Image img(64, 32, 3);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x) {
            const bool right = x >= 32;
            img.at(x, y, 0) = right ? 0.7f : 0.35f;
            img.at(x, y, 1) = right ? 0.6f : 0.3f;
            img.at(x, y, 2) = right ? 0.5f : 0.25f;
        }
    const Image ref = img;
    sharpen(img.view(), SharpenParams{1.0f, 1.0f, 0.0f});
    for (int c = 0; c < 3; ++c) {
        EXPECT_LT(img.at(31, 16, c), ref.at(31, 16, c) - 0.02f);  // dark side darker
        EXPECT_GT(img.at(32, 16, c), ref.at(32, 16, c) + 0.02f);  // bright side brighter
        EXPECT_NEAR(img.at(5, 16, c), ref.at(5, 16, c), 1e-6);    // far from the edge: same
    }
    // The same luminance detail is added to every channel, so channel differences hold.
    for (int x = 26; x < 38; ++x) {
        EXPECT_NEAR(img.at(x, 16, 0) - img.at(x, 16, 1), ref.at(x, 16, 0) - ref.at(x, 16, 1), 1e-5);
        EXPECT_NEAR(img.at(x, 16, 1) - img.at(x, 16, 2), ref.at(x, 16, 1) - ref.at(x, 16, 2), 1e-5);
    }
}

TEST(Sharpen, NeutralStaysNeutralAndOutputIsInRange) {
    Image img = randomImage(80, 60, 3, 6);
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 80; ++x) img.at(x, y, 1) = img.at(x, y, 2) = img.at(x, y, 0);
    sharpen(img.view(), SharpenParams{5.0f, 2.0f, 0.0f});
    bool changed = false;
    for (int y = 0; y < 60; ++y)
        for (int x = 0; x < 80; ++x) {
            ASSERT_EQ(img.at(x, y, 0), img.at(x, y, 1));
            ASSERT_EQ(img.at(x, y, 0), img.at(x, y, 2));
        }
    Image color = randomImage(80, 60, 3, 7);
    const Image ref = color;
    sharpen(color.view(), SharpenParams{5.0f, 0.8f, 0.0f});
    for (std::size_t i = 0; i < color.sampleCount(); ++i) {
        ASSERT_GE(color.data()[i], 0.0f);
        ASSERT_LE(color.data()[i], 1.0f);
        changed |= color.data()[i] != ref.data()[i];
    }
    EXPECT_TRUE(changed);
}

TEST(Sharpen, ThresholdSparesLowContrastNoise) {
    Image noisy = randomImage(96, 64, 3, 8, 0.495f, 0.505f);
    Image a = noisy, b = noisy;
    sharpen(a.view(), SharpenParams{2.0f, 1.0f, 0.0f});
    sharpen(b.view(), SharpenParams{2.0f, 1.0f, 0.05f});
    double da = 0, db = 0;
    for (std::size_t i = 0; i < noisy.sampleCount(); ++i) {
        da += std::abs(a.data()[i] - noisy.data()[i]);
        db += std::abs(b.data()[i] - noisy.data()[i]);
    }
    EXPECT_GT(da, 0);
    EXPECT_LT(db, 0.02 * da);
}

TEST(Sharpen, MatchesAWholeImageReferenceAcrossStrips) {
    // The blur runs per row strip; strips must read their neighbours, not a mirrored border.
    const int W = 120, H = 301;
    Image img = randomImage(W, H, 3, 9, 0.1f, 0.9f);
    const Image ref = img;
    const SharpenParams p{0.7f, 1.3f, 0.0f};
    sharpen(img.view(), p);
    std::vector<float> lum(std::size_t(W) * H), blur(lum.size());
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x)
            lum[std::size_t(y) * W + x] =
                0.2126f * ref.at(x, y, 0) + 0.7152f * ref.at(x, y, 1) + 0.0722f * ref.at(x, y, 2);
    const cv::Mat L(H, W, CV_32F, lum.data());
    cv::Mat B(H, W, CV_32F, blur.data());
    cv::GaussianBlur(L, B, cv::Size(0, 0), p.radius, p.radius, cv::BORDER_REFLECT_101);
    for (int y = 0; y < H; ++y)
        for (int x = 0; x < W; ++x) {
            const float d = lum[std::size_t(y) * W + x] - blur[std::size_t(y) * W + x];
            for (int c = 0; c < 3; ++c)
                ASSERT_NEAR(img.at(x, y, c), std::clamp(ref.at(x, y, c) + p.amount * d, 0.f, 1.f),
                            1e-5)
                    << x << "," << y;
        }
}

TEST(Sharpen, SingleChannelAndExtraChannels) {
    Image grey(40, 20, 1), rgba(40, 20, 4);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 40; ++x) {
            grey.at(x, y) = x < 20 ? 0.3f : 0.6f;
            for (int c = 0; c < 3; ++c) rgba.at(x, y, c) = x < 20 ? 0.3f : 0.6f;
            rgba.at(x, y, 3) = 0.77f;
        }
    sharpen(grey.view(), SharpenParams{1.0f, 1.0f, 0.0f});
    sharpen(rgba.view(), SharpenParams{1.0f, 1.0f, 0.0f});
    EXPECT_LT(grey.at(19, 10), 0.29f);
    EXPECT_GT(grey.at(20, 10), 0.61f);
    for (int x = 0; x < 40; ++x) {
        EXPECT_NEAR(rgba.at(x, 10, 0), grey.at(x, 10), 1e-5);
        EXPECT_EQ(rgba.at(x, 10, 3), 0.77f);  // alpha is not luminance
    }
}

TEST(ResampleEdgeCases, TinyImagesNeitherCrashNorLeaveTheRange) {
    for (auto [w, h] : {std::pair{1, 1}, {2, 1}, {1, 50}, {50, 1}, {3, 2}}) {
        Image img = randomImage(w, h, 3, 12);
        sharpen(img.view(), SharpenParams{2.0f, 5.0f, 0.0f});
        for (std::size_t i = 0; i < img.sampleCount(); ++i) {
            ASSERT_GE(img.data()[i], 0.0f);
            ASSERT_LE(img.data()[i], 1.0f);
        }
        Image out;
        resize(img.cview(), 7, 5, out);
        ASSERT_EQ(out.width(), 7);
        resize(img.cview(), 1, 1, out);
        ASSERT_EQ(out.width(), 1);
        for (std::size_t i = 0; i < out.sampleCount(); ++i)
            ASSERT_TRUE(std::isfinite(out.data()[i]));
    }
    // A 1 × 1 image sharpened is unchanged: there is no neighbourhood to contrast with.
    Image one = randomImage(1, 1, 3, 13);
    const Image ref = one;
    sharpen(one.view(), SharpenParams{3.0f, 1.0f, 0.0f});
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(one.at(0, 0, c), ref.at(0, 0, c), 1e-6);
}
