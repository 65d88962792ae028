// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <atomic>
#include <numeric>
#include <thread>
#include <vector>

#include "rangefinder/colormath.h"
#include "rangefinder/error.h"
#include "rangefinder/image.h"
#include "rangefinder/parallel.h"

using namespace rf;

TEST(Image, ViewsShareStorageAndRegionsOffset) {
    Image img(10, 6, 3);
    img.at(4, 2, 1) = 7.f;
    const ImageView v = img.view();
    EXPECT_EQ(v.stride, 30);
    const ImageView r = v.region({3, 1, 4, 4});
    EXPECT_FLOAT_EQ(r.px(1, 1)[1], 7.f);
    Image copy = Image::copyOf(r);
    EXPECT_EQ(copy.width(), 4);
    EXPECT_FLOAT_EQ(copy.at(1, 1, 1), 7.f);
}

TEST(Image, ResizeReusesLargerBuffers) {
    Image img(100, 100, 3);
    const float* p = img.data();
    img.resize(50, 50, 3);
    EXPECT_EQ(img.data(), p);
    EXPECT_EQ(img.width(), 50);
}

#if defined(__SANITIZE_ADDRESS__)
// Image buffers are recycled by the process, not freed; the sanitizer build poisons what is
// not in use so AddressSanitizer still catches reads of a dead image or past a shrunk one.
TEST(ImageDeathTest, PooledAndUnusedMemoryIsPoisonedUnderAddressSanitizer) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    const auto readAt = [](const float* p) { return *static_cast<const volatile float*>(p); };
    EXPECT_DEATH(
        {
            const float* stale = nullptr;
            {
                Image big(1024, 1024, 3);  // large enough for the pool
                stale = big.data();
            }
            readAt(stale);
        },
        "use-after-poison");
    EXPECT_DEATH(
        {
            Image img(100, 100, 3);
            img.resize(50, 50, 3);
            readAt(img.data() + 50 * 50 * 3);
        },
        "use-after-poison");
    // Growing back within the buffer makes its memory usable again.
    Image img(100, 100, 3);
    img.resize(50, 50, 3);
    img.resize(100, 100, 3);
    img.at(99, 99, 2) = 1.5f;
    EXPECT_EQ(readAt(&img.at(99, 99, 2)), 1.5f);
}
#endif

TEST(Parallel, CoversTheRangeExactlyOnce) {
    std::vector<std::atomic<int>> hits(1000);
    parallelFor(
        0, 1000,
        [&](int b, int e) {
            for (int i = b; i < e; ++i) hits[i]++;
        },
        7);
    for (auto& h : hits) EXPECT_EQ(h.load(), 1);
}

TEST(Parallel, PropagatesExceptionsAndCancellation) {
    EXPECT_THROW(parallelFor(
                     0, 100,
                     [](int b, int) {
                         if (b > 50) throw Error("boom");
                     },
                     1),
                 Error);
    CancelToken token;
    token.cancel();
    EXPECT_THROW(parallelFor(
                     0, 100, [](int, int) {}, 1, &token),
                 Cancelled);
}

TEST(Parallel, NestedLoopsInsideTasksRunInline) {
    std::atomic<int> total{0};
    std::atomic<bool> sawNestedThread{false};
    parallelTasks(4, 2, [&](int) {
        const auto self = std::this_thread::get_id();
        EXPECT_TRUE(inParallelTask());
        parallelFor(
            0, 100,
            [&](int b, int e) {
                if (std::this_thread::get_id() != self) sawNestedThread = true;
                total += e - b;
            },
            1);
    });
    EXPECT_EQ(total.load(), 400);
    EXPECT_FALSE(sawNestedThread.load()) << "nested loop oversubscribed the machine";
}

TEST(ColorMath, InverseAndPrimaries) {
    const Mat3 m = xyzFromLinearSRGB();
    const Mat3 i = mul(m, inverse(m));
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) EXPECT_NEAR(i[r][c], r == c ? 1 : 0, 1e-12);
    const Vec3 white = mul(m, Vec3{1, 1, 1});
    EXPECT_NEAR(white[0], kD65[0], 1e-9);
    EXPECT_NEAR(m[1][0], 0.2126, 1e-3);  // Rec.709 luma weights
    EXPECT_NEAR(m[1][1], 0.7152, 1e-3);
    const Vec3 w2 = mul(bradford(kD65, kD50), kD65);
    EXPECT_NEAR(w2[2], kD50[2], 1e-4);
}

TEST(ColorMath, LabRoundTrip) {
    const Vec3 xyz{0.3, 0.4, 0.2};
    const Vec3 back = labToXyz(xyzToLab(xyz));
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(back[c], xyz[c], 1e-9);
    EXPECT_NEAR(xyzToLab(kD50)[0], 100.0, 1e-9);
}

// Reference pairs from Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula".
TEST(ColorMath, DeltaE2000MatchesSharmaTestData) {
    struct Pair {
        Vec3 a, b;
        double de;
    };
    const Pair pairs[] = {
        {{50, 2.6772, -79.7751}, {50, 0, -82.7485}, 2.0425},
        {{50, 3.1571, -77.2803}, {50, 0, -82.7485}, 2.8615},
        {{50, -1.3802, -84.2814}, {50, 0, -82.7485}, 1.0000},
        {{50, 0, 0}, {50, -1, 2}, 2.3669},
        {{50, 2.49, -0.001}, {50, -2.49, 0.0009}, 7.1792},
        {{60.2574, -34.0099, 36.2677}, {60.4626, -34.1751, 39.4387}, 1.2644},
        {{22.7233, 20.0904, -46.694}, {23.0331, 14.973, -42.5619}, 2.0373},
        {{2.0776, 0.0795, -1.135}, {0.9033, -0.0636, -0.5514}, 0.9082},
    };
    for (const auto& p : pairs) EXPECT_NEAR(deltaE2000(p.a, p.b), p.de, 1e-4);
}

TEST(ColorMath, SrgbTransferRoundTrips) {
    for (double x : {0.0, 0.001, 0.18, 0.5, 1.0}) EXPECT_NEAR(srgbDecode(srgbEncode(x)), x, 1e-12);
    EXPECT_NEAR(srgbEncode(0.18), 0.4614, 1e-3);
}
