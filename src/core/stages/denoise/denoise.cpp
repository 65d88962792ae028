// SPDX-License-Identifier: GPL-3.0-or-later
// Noise reduction (denoise.h): a measured Poisson–Gaussian model, then à-trous wavelet
// shrinkage of luminance and colour differences against the model's noise at each pixel.
//
// Why an undecimated wavelet and not non-local means: the stage runs on every slider move of
// the preview, at whatever size is rendered, and must stay in a slider's budget on two cores.
// Five à-trous levels cost ten 5-tap passes per channel, independent of the noise, and the
// shrinkage a division or two per coefficient; non-local means with a useful search window costs
// an order of magnitude more and needs patch sizes that depend on the scale. Shrinking against
// a threshold that follows the signal (a·x + b at the pixel's smoothed brightness) keeps the
// shadows and highlights equally clean without a variance-stabilising transform, whose inverse
// is biased in the deep shadows where a raw's noise matters most.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>
#include <vector>

#include "rangefinder/denoise.h"
#include "rangefinder/error.h"

namespace rf {

namespace {

constexpr int kScales = 5;      // à-trous levels: 2, 4, 8, 16, 32 px
constexpr int kLumaScales = 4;  // the coarsest luminance level is the picture, not its noise
constexpr float kMadToSigma = 1.4826f;
// Luminance detail this many times its noise marks an edge for the colour threshold.
constexpr float kEdge = 3.f;

// Thresholds per level in units of that level's noise, at 100 %. Colour is shrunk harder and
// further out: its noise is blotchy at coarse scales and colour detail is the eye's least.
constexpr float kLumaLambda[kScales] = {1.1f, 1.0f, 0.8f, 0.55f, 0.f};
constexpr float kChromaLambda[kScales] = {3.5f, 3.5f, 3.2f, 2.8f, 2.3f};

// Luminance and colour differences of balanced RGB: Y = (R + 2G + B)/4, C1 = R − G, C2 = B − G.
// Their noise variances follow from the channels' (independent) variances below.
inline void toYcc(const float* rgb, const float* g, float* out) {
    const float r = rgb[0] * g[0], gg = rgb[1] * g[1], b = rgb[2] * g[2];
    out[0] = 0.25f * (r + 2 * gg + b);
    out[1] = r - gg;
    out[2] = b - gg;
}

inline void fromYcc(const float* ycc, float* rgb) {
    const float g = ycc[0] - 0.25f * (ycc[1] + ycc[2]);
    rgb[0] = ycc[1] + g;
    rgb[1] = g;
    rgb[2] = ycc[2] + g;
}

// The noise variances of Y, C1, C2 at a pixel whose smoothed YCC value is `c`.
inline void yccVariance(const NoiseModel& m, const float* c, float* v) {
    const float g = c[0] - 0.25f * (c[1] + c[2]);
    const float rgb[3] = {std::max(c[1] + g, 0.f), std::max(g, 0.f), std::max(c[2] + g, 0.f)};
    float vc[3];
    for (int i = 0; i < 3; ++i) vc[i] = std::max(m.a[i] * rgb[i] + m.b[i], 1e-12f);
    v[0] = (vc[0] + 4 * vc[1] + vc[2]) * (1.f / 16);
    v[1] = vc[0] + vc[1];
    v[2] = vc[2] + vc[1];
}

// The noise of à-trous level s (1-based) relative to the pixels', for white noise: the band's
// filter is h_{s−1}⊗h_{s−1} − h_s⊗h_s with h_s the B3 spline spread to level s, so its energy
// is (Σh_{s−1}²)² − 2(Σh_{s−1}h_s)² + (Σh_s²)².
std::array<float, kScales + 1> whiteBandSigma() {
    std::array<float, kScales + 1> out{};
    std::vector<std::vector<double>> h(kScales + 1);
    const int n = 4 << kScales;
    for (auto& v : h) v.assign(std::size_t(2 * n + 1), 0.0);
    h[0][std::size_t(n)] = 1;
    const double k[5] = {1 / 16., 4 / 16., 6 / 16., 4 / 16., 1 / 16.};
    for (int s = 1; s <= kScales; ++s) {
        const int hole = 1 << (s - 1);
        for (int i = 0; i <= 2 * n; ++i)
            for (int t = -2; t <= 2; ++t) {
                const int j = i + t * hole;
                if (j >= 0 && j <= 2 * n)
                    h[s][std::size_t(i)] += k[t + 2] * h[s - 1][std::size_t(j)];
            }
    }
    for (int s = 1; s <= kScales; ++s) {
        double aa = 0, ab = 0, bb = 0;
        for (std::size_t i = 0; i < h[s].size(); ++i) {
            aa += h[s - 1][i] * h[s - 1][i];
            ab += h[s - 1][i] * h[s][i];
            bb += h[s][i] * h[s][i];
        }
        out[std::size_t(s)] = float(std::sqrt(aa * aa - 2 * ab * ab + bb * bb));
    }
    return out;
}

// Four divisions a pixel in the shrinkage, and the smoothing's plain sums: AVX2's eight lanes
// halve their cost where the CPU has them. Cloned as rcd.cpp's kernels are, and for the same
// reasons not under TSan (its ifunc resolver runs before TSan's runtime) and without noinline
// under clang.
#if defined(__SANITIZE_THREAD__)
#define RF_DENOISE_CLONES
#elif defined(__x86_64__) && defined(__clang__)
#define RF_DENOISE_CLONES __attribute__((target_clones("avx2", "default")))
#elif defined(__x86_64__) && defined(__GNUC__)
#define RF_DENOISE_CLONES __attribute__((noinline, target_clones("avx2", "default")))
#else
#define RF_DENOISE_CLONES
#endif

// One B3-spline à-trous smoothing of a 3-channel buffer (rows of 3·w floats), with holes of
// `hole` pixels, edges clamped, handing each finished row to `perRow` (the level's shrinkage)
// while it is in cache. The horizontal pass goes into a ring of the 4·hole + 1 rows the
// vertical pass reads, per band of rows: a full-size intermediate would stream through memory
// twice per level, which cost more than the passes' arithmetic.
RF_DENOISE_CLONES
void smoothRowH(const float* s, float* d, int w, int hole) {
    const float k0 = 6.f / 16, k1 = 4.f / 16, k2 = 1.f / 16;
    const int o1 = 3 * hole, o2 = 6 * hole;
    auto at = [&](int x, int c) { return s[3 * std::clamp(x, 0, w - 1) + c]; };
    const int lo = std::min(2 * hole, w), hi = std::max(lo, w - 2 * hole);
    for (int x = 0; x < lo; ++x)
        for (int c = 0; c < 3; ++c)
            d[3 * x + c] = k0 * at(x, c) + k1 * (at(x - hole, c) + at(x + hole, c)) +
                           k2 * (at(x - 2 * hole, c) + at(x + 2 * hole, c));
    for (int i = 3 * lo; i < 3 * hi; ++i)
        d[i] = k0 * s[i] + k1 * (s[i - o1] + s[i + o1]) + k2 * (s[i - o2] + s[i + o2]);
    for (int x = std::max(hi, lo); x < w; ++x)
        for (int c = 0; c < 3; ++c)
            d[3 * x + c] = k0 * at(x, c) + k1 * (at(x - hole, c) + at(x + hole, c)) +
                           k2 * (at(x - 2 * hole, c) + at(x + 2 * hole, c));
}

RF_DENOISE_CLONES
void smoothRowV(const float* a2, const float* a1, const float* c, const float* b1, const float* b2,
                float* d, int n) {
    const float k0 = 6.f / 16, k1 = 4.f / 16, k2 = 1.f / 16;
    for (int i = 0; i < n; ++i) d[i] = k0 * c[i] + k1 * (a1[i] + b1[i]) + k2 * (a2[i] + b2[i]);
}

void smooth(const Image& in, Image& out, int hole, const CancelToken* cancel,
            const std::function<void(int, const float*)>& perRow) {
    const int w = in.width(), h = in.height(), n = 3 * w;
    const int ringRows = 4 * hole + 1;
    // Each band recomputes 4·hole rows of its neighbours' horizontal pass: two bands a thread
    // keep that small while still balancing the load.
    const int grain = std::max(16, h / (2 * std::max(1, threadCount())));
    parallelFor(
        0, h,
        [&](int y0, int y1) {
            // Kept per thread: a fresh ring each band would be faulted in again each time.
            thread_local std::vector<float> ring;
            ring.resize(std::max(ring.size(), std::size_t(ringRows) * std::size_t(n)));
            auto slot = [&](int y) { return ring.data() + std::size_t(y % ringRows) * n; };
            int done = std::max(0, y0 - 2 * hole);  // next row to smooth horizontally
            for (int y = y0; y < y1; ++y) {
                for (const int last = std::min(h - 1, y + 2 * hole); done <= last; ++done)
                    smoothRowH(in.row(done), slot(done), w, hole);
                const float* a2 = slot(std::clamp(y - 2 * hole, 0, h - 1));
                const float* a1 = slot(std::clamp(y - hole, 0, h - 1));
                const float* c = slot(y);
                const float* b1 = slot(std::clamp(y + hole, 0, h - 1));
                const float* b2 = slot(std::clamp(y + 2 * hole, 0, h - 1));
                float* d = out.row(y);
                smoothRowV(a2, a1, c, b1, b2, d, n);
                perRow(y, d);  // while the row is in cache
            }
        },
        grain, cancel);
}

// Noise is measured in patches of 8×8 pixels: the mean square of a patch's sixteen diagonal
// 2×2 details (see estimateNoise) has, on noise alone, the spread of a χ² with 16 degrees of
// freedom, and texture only adds to it.
constexpr int kPatch = 8;
// In each brightness range the quietest 2 % of patches are taken as flat; their mean square
// over the noise variance is the 2nd percentile of χ²₁₆/16 (Wilson–Hilferty).
constexpr float kQuiet = 0.02f;
constexpr float kChi2Quiet = 0.412f;

inline float diagonalEnergy(ConstImageView img, int x0, int y0, int c, float g, float& mean) {
    float e = 0, m = 0;
    for (int y = y0; y < y0 + kPatch; y += 2) {
        const float* r0 = img.row(y);
        const float* r1 = img.row(y + 1);
        for (int x = x0; x < x0 + kPatch; x += 2) {
            const float a = r0[3 * x + c] * g, b = r0[3 * x + 3 + c] * g;
            const float d = r1[3 * x + c] * g, f = r1[3 * x + 3 + c] * g;
            // (a − b − d + f)/2 cancels any plane through the block; for independent noise
            // of variance σ² it has variance σ².
            const float h = 0.5f * (a - b - d + f);
            e += h * h;
            m += a + b + d + f;
        }
    }
    constexpr float n = (kPatch / 2) * (kPatch / 2);
    mean = m / (4 * n);
    return e / n;
}

// The patches most likely to hold noise alone, where a level's noise can be measured without
// texture in the way: ranked by their detail in units of the model's noise, in the finest
// diagonal and in the diagonal of their 2×2 block means (texture a little coarser, which the
// finest detail misses), worst channel first; the quietest 3 % is kept. Offsets of their
// top-left pixels into a 3-channel buffer of the image's width.
std::vector<std::int64_t> flatPatches(ConstImageView img, const NoiseModel& m,
                                      const std::array<float, 3>& gains) {
    const int pw = img.width / kPatch, ph = img.height / kPatch;
    const int step = std::max(1, int(std::sqrt(double(pw) * ph / 20000.0)));
    std::vector<std::pair<float, std::int64_t>> scored;
    for (int py = 0; py < ph; py += step)
        for (int px = 0; px < pw; px += step) {
            float score = 0;
            for (int c = 0; c < 3; ++c) {
                const float g = gains[std::size_t(c)];
                float mean = 0;
                const float e = diagonalEnergy(img, px * kPatch, py * kPatch, c, g, mean);
                // Block means of 2×2, their diagonal detail over each 4×4 quarter.
                float coarse = 0;
                for (int qy = 0; qy < kPatch; qy += 4)
                    for (int qx = 0; qx < kPatch; qx += 4) {
                        float b[2][2];
                        for (int by = 0; by < 2; ++by)
                            for (int bx = 0; bx < 2; ++bx) {
                                const int x = px * kPatch + qx + 2 * bx;
                                const int y = py * kPatch + qy + 2 * by;
                                b[by][bx] =
                                    0.25f * g *
                                    (img.row(y)[3 * x + c] + img.row(y)[3 * x + 3 + c] +
                                     img.row(y + 1)[3 * x + c] + img.row(y + 1)[3 * x + 3 + c]);
                            }
                        const float h = 0.5f * (b[0][0] - b[0][1] - b[1][0] + b[1][1]);
                        coarse += h * h;
                    }
                const float v = std::max(
                    m.a[std::size_t(c)] * std::max(mean, 0.f) + m.b[std::size_t(c)], 1e-20f);
                score = std::max({score, e / v, coarse / v});
            }
            scored.push_back(
                {score, (std::int64_t(py) * kPatch * img.width + std::int64_t(px) * kPatch) * 3});
        }
    std::vector<std::int64_t> out;
    const std::size_t keep =
        std::max<std::size_t>(scored.size() / 33, std::min<std::size_t>(scored.size(), 48));
    if (keep == 0) return out;
    std::nth_element(scored.begin(), scored.begin() + std::ptrdiff_t(keep), scored.end());
    for (std::size_t i = 0; i < keep; ++i) out.push_back(scored[i].second);
    return out;
}

// The noise of a level in units of the model's prediction, per component: the median absolute
// normalised coefficient over the flat patches (every other pixel of each). Nothing flat
// enough: white noise's share, as if the pixels' noise were independent.
// The level's smoothing is computed at the sampled pixels alone (25 taps each), so the
// measurement comes before the level's one pass, which smooths and shrinks together.
std::array<float, 3> measureLevel(const Image& fine, int hole, const NoiseModel& m,
                                  const std::vector<std::int64_t>& patches, float white) {
    if (patches.size() < 24) return {white, white, white};
    std::array<float, 3> out{0, 0, 0};
    const int w = fine.width(), h = fine.height();
    const float taps[5] = {1.f / 16, 4.f / 16, 6.f / 16, 4.f / 16, 1.f / 16};
    std::array<std::vector<float>, 3> z;
    for (std::int64_t p0 : patches) {
        const int py = int(p0 / (3 * std::int64_t(w))), px = int(p0 % (3 * std::int64_t(w))) / 3;
        for (int y = py; y < py + kPatch; y += 2)
            for (int x = px; x < px + kPatch; x += 2) {
                float c[3] = {0, 0, 0};
                for (int j = 0; j < 5; ++j) {
                    const float* r = fine.row(std::clamp(y + (j - 2) * hole, 0, h - 1));
                    for (int i = 0; i < 5; ++i) {
                        const float* q = r + 3 * std::clamp(x + (i - 2) * hole, 0, w - 1);
                        const float t = taps[j] * taps[i];
                        c[0] += t * q[0], c[1] += t * q[1], c[2] += t * q[2];
                    }
                }
                const float* f = fine.row(y) + 3 * x;
                float v[3];
                yccVariance(m, c, v);
                for (int k = 0; k < 3; ++k)
                    z[std::size_t(k)].push_back(std::abs(f[k] - c[k]) / std::sqrt(v[k]));
            }
    }
    for (int k = 0; k < 3; ++k) {
        std::vector<float>& zk = z[std::size_t(k)];
        std::nth_element(zk.begin(), zk.begin() + std::ptrdiff_t(zk.size() / 2), zk.end());
        out[std::size_t(k)] = kMadToSigma * zk[zk.size() / 2];
    }
    return out;
}

// One level's shrinkage of a row: thresholds t = t2 · (the model's variance of the component at
// the pixel's smoothed value), the colour ones relaxed at luminance edges. Written as plain
// arithmetic on the row so that it vectorises.
struct Shrink {
    const NoiseModel& m;
    float lumaT2, c1T2, c2T2;
    float invEdge;  // 1 / (kEdge² · the luminance level's noise share²)
};

RF_DENOISE_CLONES
// `first`: the finest level starts the sum rather than adding to it, so the result needs no
// clearing pass over a full-size buffer beforehand.
void shrinkRow(const float* f, const float* c, float* o, int w, const Shrink& s, bool first) {
    const float aR = s.m.a[0], aG = s.m.a[1], aB = s.m.a[2];
    const float bR = s.m.b[0], bG = s.m.b[1], bB = s.m.b[2];
    // Sixteen pixels at a time, split into planes first: the arithmetic on contiguous planes
    // vectorises, the interleaved pixels do not.
    constexpr int kBlock = 16;
    alignas(64) float cy[kBlock], c1[kBlock], c2[kBlock], dY[kBlock], d1[kBlock], d2[kBlock];
    alignas(64) float rY[kBlock], r1[kBlock], r2[kBlock];
    for (int x0 = 0; x0 < w; x0 += kBlock) {
        const int n = std::min(kBlock, w - x0);
        for (int i = 0; i < kBlock; ++i) {
            const int x = 3 * (x0 + std::min(i, n - 1));
            cy[i] = c[x], c1[i] = c[x + 1], c2[i] = c[x + 2];
            dY[i] = f[x] - cy[i], d1[i] = f[x + 1] - c1[i], d2[i] = f[x + 2] - c2[i];
        }
        for (int i = 0; i < kBlock; ++i) {
            const float g = cy[i] - 0.25f * (c1[i] + c2[i]);
            const float vR = std::max(aR * std::max(c1[i] + g, 0.f) + bR, 1e-12f);
            const float vG = std::max(aG * std::max(g, 0.f) + bG, 1e-12f);
            const float vB = std::max(aB * std::max(c2[i] + g, 0.f) + bB, 1e-12f);
            const float vY = (vR + 4 * vG + vB) * (1.f / 16);
            // Colour edges nearly always come with a luminance edge: where this level's
            // luminance detail stands well above its noise, the colour threshold gives way, so
            // colour does not bleed across the edge.
            const float keep = vY / (vY + dY[i] * dY[i] * s.invEdge);
            const float tY = s.lumaT2 * vY;
            const float t1 = s.c1T2 * (vR + vG) * keep;
            const float t2 = s.c2T2 * (vB + vG) * keep;
            // Non-negative garrote: small coefficients (noise) go, large ones (edges) lose only
            // t/|d|, less than soft thresholding takes.
            rY[i] = dY[i] * dY[i] > tY ? dY[i] - tY / dY[i] : 0.f;
            r1[i] = d1[i] * d1[i] > t1 ? d1[i] - t1 / d1[i] : 0.f;
            r2[i] = d2[i] * d2[i] > t2 ? d2[i] - t2 / d2[i] : 0.f;
        }
        if (first) {
            for (int i = 0; i < n; ++i) {
                float* px = o + 3 * (x0 + i);
                px[0] = rY[i], px[1] = r1[i], px[2] = r2[i];
            }
        } else {
            for (int i = 0; i < n; ++i) {
                float* px = o + 3 * (x0 + i);
                px[0] += rY[i], px[1] += r1[i], px[2] += r2[i];
            }
        }
    }
}

}  // namespace

std::int64_t detail::denoiseWholeImagePixels = 16'000'000;

float NoiseModel::sigma(int c, float x) const {
    const std::size_t i = std::size_t(c);
    return std::sqrt(std::max(a[i] * std::max(x, 0.f) + b[i], 0.f));
}

NoiseModel estimateNoise(ConstImageView img, const std::array<float, 3>& gains,
                         const CancelToken* cancel) {
    if (img.channels != 3) throw Error("noise estimate: needs an RGB image");
    NoiseModel model;
    const int pw = img.width / kPatch, ph = img.height / kPatch;
    if (pw < 4 || ph < 4) return model;
    // Enough patches for 24 brightness ranges of 500 or more; larger images on a grid.
    const int step = std::max(1, int(std::sqrt(double(pw) * ph / 24000.0)));
    // The patches are measured by rows of them, all channels at once: split by channel, the
    // three did not share two cores evenly. Then the channels are fitted side by side.
    const int rows = (ph + step - 1) / step, cols = (pw + step - 1) / step;
    std::array<std::vector<std::pair<float, float>>, 3> measured;  // patch mean, diagonal energy
    for (auto& me : measured) me.resize(std::size_t(rows) * std::size_t(cols));
    parallelFor(
        0, rows,
        [&](int r0, int r1) {
            for (int r = r0; r < r1; ++r)
                for (int col = 0; col < cols; ++col)
                    for (int c = 0; c < 3; ++c) {
                        float mean = 0;
                        const float e = diagonalEnergy(img, col * step * kPatch, r * step * kPatch,
                                                       c, gains[std::size_t(c)], mean);
                        measured[std::size_t(c)]
                                [std::size_t(r) * std::size_t(cols) + std::size_t(col)] = {mean, e};
                    }
        },
        4, cancel);
    parallelFor(
        0, 3,
        [&](int c0, int c1) {
            for (int c = c0; c < c1; ++c) {
                std::vector<std::pair<float, float>>& me = measured[std::size_t(c)];
                float peak = 0;
                for (const auto& m : me) peak = std::max(peak, m.first);
                std::sort(me.begin(), me.end());
                // Leave out what is near the image's clip: clipped patches have no noise.
                while (!me.empty() && me.back().first > 0.9f * peak) me.pop_back();
                const int bins = std::clamp(int(me.size() / 500), 0, 24);
                if (bins < 2) continue;
                std::vector<double> xs, vs;
                for (int b = 0; b < bins; ++b) {
                    const std::size_t i0 = me.size() * std::size_t(b) / std::size_t(bins);
                    const std::size_t i1 = me.size() * std::size_t(b + 1) / std::size_t(bins);
                    std::vector<float> e;
                    e.reserve(i1 - i0);
                    for (std::size_t i = i0; i < i1; ++i) e.push_back(me[i].second);
                    const std::size_t q = std::size_t(kQuiet * float(e.size()));
                    std::nth_element(e.begin(), e.begin() + std::ptrdiff_t(q), e.end());
                    xs.push_back(std::max(0.0, double(me[(i0 + i1) / 2].first)));
                    vs.push_back(double(e[q]) / kChi2Quiet);
                }
                // Weighted least squares of v = a·x + b (weights 1/v²: every bin's variance is
                // known to the same relative precision), then again without the bins well above the
                // line, whose texture rather than their noise set their spread. The quiet bins are
                // the noise.
                std::vector<bool> use(xs.size(), true);
                double a = 0, b = 0;
                for (int iter = 0; iter < 4; ++iter) {
                    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
                    for (std::size_t i = 0; i < xs.size(); ++i) {
                        if (!use[i]) continue;
                        const double w = 1.0 / std::max(vs[i] * vs[i], 1e-30);
                        sw += w, sx += w * xs[i], sy += w * vs[i];
                        sxx += w * xs[i] * xs[i], sxy += w * xs[i] * vs[i];
                    }
                    if (sw <= 0) break;
                    const double det = sw * sxx - sx * sx;
                    a = det > 1e-30 * sw * sxx ? (sw * sxy - sx * sy) / det : 0;
                    b = (sy - a * sx) / sw;
                    if (a < 0) {
                        a = 0;
                        b = sy / sw;
                    }
                    if (b < 0) {
                        b = 0;
                        a = sxx > 0 ? sxy / sxx : 0;
                    }
                    for (std::size_t i = 0; i < xs.size(); ++i)
                        use[i] = vs[i] <= 1.3 * (a * xs[i] + b) + 1e-20;
                }
                model.a[std::size_t(c)] = float(a);
                model.b[std::size_t(c)] = float(b);
            }
        },
        1, cancel);
    return model;
}

namespace {

// Above detail::denoiseWholeImagePixels the image is denoised in bands of kBandRows rows (each
// with kMargin rows of context above and below, more than the five levels' reach of
// 2·(1+2+4+8+16) = 62 rows), so a 45 MP full-size export needs a few band-sized buffers
// instead of three full-size ones (1.6 GB). Previews, web exports and most cameras' full size
// stay below it and are denoised whole.
constexpr int kBandRows = 512;
constexpr int kMargin = 64;

// The noise of each level in units of the model (the thresholds' scale), measured on `cur`
// (the image as luminance and colour differences) at the flat patches, as the levels are
// produced; `perLevel` is handed each level's result before the next is measured. With
// `fixed` given, those are used and nothing is measured.
using LevelNoise = std::array<std::array<float, 3>, kScales>;

struct Levels {
    const NoiseModel& model;
    const DenoiseParams& p;
    const std::array<float, 3>& gains;
    const CancelToken* cancel;

    // Runs the five levels on `cur` (YCC, consumed), gathering the shrunk levels and the
    // coarse rest into `out` (RGB, unbalanced; the finest level starts each row's sum). `noise` is
    // measured at `patches` when `measure`, otherwise read.
    void run(Image& cur, ImageView out, const std::vector<std::int64_t>& patches, LevelNoise& noise,
             bool measure) const {
        static const std::array<float, kScales + 1> white = whiteBandSigma();
        const int w = cur.width(), h = cur.height();
        Image next(w, h, 3);
        // Texture is kept at the finest level by a lower threshold there (detail 0.5: as tuned).
        const float fineLuma = 1.5f - p.detail;
        std::array<float, 3> levelNoise{1, 1, 1}, chromaPeak{0, 0, 0};
        const float inv[3] = {1 / gains[0], 1 / gains[1], 1 / gains[2]};
        for (int s = 1; s <= kScales; ++s) {
            std::array<float, 3> k = noise[std::size_t(s - 1)];
            if (measure) {
                // Demosaicing and resizing correlate the noise, so a level's share of it is not
                // white noise's: it is measured on the flat patches. Colour noise after a
                // demosaic is blotchy, strong out to the coarsest level, and colour texture is
                // rare: every level is measured; from the third on never above the finer ones
                // (what grows there is colour detail; the demosaic moves colour noise from the
                // first level to the second). Luminance texture is everywhere at coarse
                // scales: the second level is measured, at most a little above white noise's
                // ratio to the first, and coarser ones follow white noise.
                const std::array<float, 3> here =
                    measureLevel(cur, 1 << (s - 1), model, patches, white[std::size_t(s)]);
                k = here;
                if (s == 2) k[0] = std::min(here[0], 1.3f * levelNoise[0] * white[2] / white[1]);
                if (s >= 3)
                    k[0] = levelNoise[0] * white[std::size_t(s)] / white[std::size_t(s - 1)];
                for (int i = 1; i < 3 && s >= 3; ++i)
                    k[std::size_t(i)] = std::min(here[std::size_t(i)], chromaPeak[std::size_t(i)]);
                for (int i = 1; i < 3; ++i)
                    chromaPeak[std::size_t(i)] =
                        std::max(chromaPeak[std::size_t(i)], k[std::size_t(i)]);
                levelNoise = k;
                noise[std::size_t(s - 1)] = k;
            }
            const float lumaT = p.luminance * kLumaLambda[s - 1] * (s == 1 ? fineLuma : 1.f) * k[0];
            const float chromaT1 = p.color * kChromaLambda[s - 1] * k[1];
            const float chromaT2 = p.color * kChromaLambda[s - 1] * k[2];
            const float t2[3] = {lumaT * lumaT, chromaT1 * chromaT1, chromaT2 * chromaT2};
            const bool shrinkLuma = s <= kLumaScales && t2[0] > 0;
            const Shrink sh{model, shrinkLuma ? t2[0] : 0.f, t2[1], t2[2],
                            1 / (kEdge * kEdge * k[0] * k[0] + 1e-30f)};
            const bool last = s == kScales;
            smooth(cur, next, 1 << (s - 1), cancel, [&](int y, const float* coarse) {
                float* o = out.row(y);
                shrinkRow(cur.row(y), coarse, o, w, sh, s == 1);
                if (!last) return;
                // The coarsest level is the rest of the picture: add it, back to RGB, unbalance.
                for (int x = 0; x < w; ++x) {
                    const float ycc[3] = {o[3 * x] + coarse[3 * x],
                                          o[3 * x + 1] + coarse[3 * x + 1],
                                          o[3 * x + 2] + coarse[3 * x + 2]};
                    fromYcc(ycc, o + 3 * x);
                    for (int i = 0; i < 3; ++i) o[3 * x + i] *= inv[i];
                }
            });
            std::swap(cur, next);
        }
    }
};

// Rows [y0, y1) of `src` as luminance and colour differences.
void toYccRows(ConstImageView src, int y0, int y1, const std::array<float, 3>& gains, Image& out,
               const CancelToken* cancel) {
    out.resize(src.width, y1 - y0, 3);
    parallelFor(
        y0, y1,
        [&](int a, int b) {
            for (int y = a; y < b; ++y) {
                const float* s = src.row(y);
                float* c = out.row(y - y0);
                for (int x = 0; x < src.width; ++x) toYcc(s + 3 * x, gains.data(), c + 3 * x);
            }
        },
        16, cancel);
}

// The flat patches that lie in rows [y0, y1) with their level's reach inside, as offsets into
// a buffer of those rows.
std::vector<std::int64_t> patchesIn(const std::vector<std::int64_t>& patches, int width, int y0,
                                    int y1) {
    std::vector<std::int64_t> out;
    const std::int64_t rowLen = 3 * std::int64_t(width);
    for (std::int64_t p0 : patches) {
        const int py = int(p0 / rowLen);
        if (py >= y0 && py + kPatch <= y1) out.push_back(p0 - std::int64_t(y0) * rowLen);
    }
    return out;
}

}  // namespace

void denoise(ConstImageView src, ImageView dst, const DenoiseParams& p,
             const std::array<float, 3>& gains, const CancelToken* cancel,
             const NoiseModel* measured) {
    if (src.channels != 3 || dst.channels != 3 || src.width != dst.width ||
        src.height != dst.height)
        throw Error("denoise: source and result must be RGB images of one size");
    if (src.empty()) return;
    const int w = src.width, h = src.height;
    if (p.isIdentity() || w < 8 || h < 8) {
        if (src.data != dst.data)
            for (int y = 0; y < h; ++y)
                std::memcpy(dst.row(y), src.row(y), std::size_t(w) * 3 * sizeof(float));
        return;
    }
    const NoiseModel model = measured ? *measured : estimateNoise(src, gains, cancel);
    // Before the result is written: src may be dst.
    const std::vector<std::int64_t> patches = flatPatches(src, model, gains);
    const Levels levels{model, p, gains, cancel};
    LevelNoise noise{};

    if (std::int64_t(w) * h <= detail::denoiseWholeImagePixels) {
        Image cur;
        toYccRows(src, 0, h, gains, cur, cancel);
        levels.run(cur, dst, patches, noise, true);
        return;
    }

    // A large image in bands. The levels' noise is measured once, on the band of rows that
    // holds the most flat patches (what the whole image would give, to the spread of the
    // estimate), and every band is shrunk with it, so no band's strength differs.
    const std::int64_t rowLen = 3 * std::int64_t(w);
    {
        const int rows = std::min(h, kBandRows + 2 * kMargin);
        std::vector<int> perRow(std::size_t(h) + 1, 0);
        for (std::int64_t p0 : patches) ++perRow[std::size_t(p0 / rowLen) + 1];
        for (int y = 0; y < h; ++y) perRow[std::size_t(y) + 1] += perRow[std::size_t(y)];
        int best = 0, bestCount = -1;
        for (int y0 = 0; y0 + rows <= h; y0 += kPatch) {
            const int count = perRow[std::size_t(y0 + rows - kPatch)] - perRow[std::size_t(y0)];
            if (count > bestCount) best = y0, bestCount = count;
        }
        Image cur, scratch(w, rows, 3);
        toYccRows(src, best, best + rows, gains, cur, cancel);
        levels.run(cur, scratch.view(), patchesIn(patches, w, best, best + rows), noise, true);
    }
    // Each band is written once the next band has read its context: src may be dst.
    Image cur, done, pending;
    int pendingY0 = 0, pendingRows = 0, pendingOffset = 0;
    const auto flush = [&] {
        for (int y = 0; y < pendingRows; ++y)
            std::memcpy(dst.row(pendingY0 + y), pending.row(pendingOffset + y),
                        std::size_t(rowLen) * sizeof(float));
        pendingRows = 0;
    };
    for (int y0 = 0; y0 < h; y0 += kBandRows) {
        const int y1 = std::min(h, y0 + kBandRows);
        const int a = std::max(0, y0 - kMargin), b = std::min(h, y1 + kMargin);
        toYccRows(src, a, b, gains, cur, cancel);
        flush();
        done.resize(w, b - a, 3);
        levels.run(cur, done.view(), {}, noise, false);
        std::swap(pending, done);
        pendingY0 = y0;
        pendingRows = y1 - y0;
        pendingOffset = y0 - a;
    }
    flush();
}

}  // namespace rf
