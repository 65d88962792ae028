// SPDX-License-Identifier: GPL-3.0-or-later
// Antialiased separable Lanczos-3 resize. When shrinking by a factor f the kernel is stretched
// by f, so it becomes a low-pass filter at the new Nyquist frequency: detail the output cannot
// hold is averaged away instead of aliasing into moiré. The weights depend only on the output
// index, so each axis gets a table (first input index + a fixed number of normalised taps)
// built once per call.
//
// The work is organised per output row: the vertical pass first blends the input rows under
// the kernel into one temporary row at the input width (a sum of scaled whole rows, which the
// compiler vectorises whatever the channel count), then the horizontal pass filters that row
// into the output. Vertical-first is the cheaper order for a reduction whatever the aspect,
// because the vectorised pass runs on the wide rows and the scalar one on the narrow output;
// and as no intermediate image is kept, a 24 MP reduction needs one row of scratch per task.
//
// A box pre-reduction before the Lanczos pass (for factors ≥ 3) was considered and not
// needed: the wide kernel's vertical pass is a vectorised sum of whole rows, so a 24 MP →
// 2048 px reduction takes ≈ 45 ms and a 3000 → 512 px preview ≈ 9 ms on two cores
// (bench_resample), and a box stage would only add its own passband droop.
//
// Lanczos lobes overshoot at hard edges, so a result may be slightly negative or above the
// input's maximum. In linear light that is harmless and is deliberately kept: the tone stage
// that follows maps and clips, and clamping here would bias the mean of fine textures.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/resample.h"

namespace rf {

namespace {

constexpr double kLobes = 3.0;

double lanczos3(double x) {
    x = std::abs(x);
    if (x < 1e-9) return 1.0;
    if (x >= kLobes) return 0.0;
    const double px = M_PI * x;
    return kLobes * std::sin(px) * std::sin(px / kLobes) / (px * px);
}

// Filter taps for one axis: output i reads inputs start[i] … start[i] + taps − 1.
struct Taps {
    int taps = 0;
    std::vector<int> start;
    std::vector<float> weights;  // taps per output, zero-padded
};

Taps makeTaps(int inSize, int outSize) {
    const double ratio = double(inSize) / outSize;
    const double scale = std::max(1.0, ratio);  // stretch only when shrinking
    const double support = kLobes * scale;
    Taps t;
    t.taps = std::min(inSize, int(std::ceil(2 * support)) + 1);
    t.start.resize(outSize);
    t.weights.assign(std::size_t(outSize) * t.taps, 0.0f);
    std::vector<double> w(t.taps);
    for (int i = 0; i < outSize; ++i) {
        const double centre = (i + 0.5) * ratio - 0.5;
        const int lo = std::max(0, int(std::ceil(centre - support)));
        const int hi = std::min(inSize - 1, int(std::floor(centre + support)));
        const int start = std::clamp(lo, 0, inSize - t.taps);
        std::fill(w.begin(), w.end(), 0.0);
        double sum = 0;
        for (int j = lo; j <= hi; ++j) {
            // Taps past the image edge are dropped and the rest renormalised.
            const double v = lanczos3((j - centre) / scale);
            w[j - start] = v;
            sum += v;
        }
        if (std::abs(sum) < 1e-12) {  // cannot happen for Lanczos, but never divide by 0
            w[std::clamp(int(std::lround(centre)), lo, hi) - start] = 1;
            sum = 1;
        }
        t.start[i] = start;
        for (int k = 0; k < t.taps; ++k) t.weights[std::size_t(i) * t.taps + k] = float(w[k] / sum);
    }
    return t;
}

// Four floats in one SSE register (GCC/Clang vector extension, baseline x86-64).
typedef float V4 __attribute__((vector_size(16)));

// The horizontal pass for RGB, one pixel per vector: lane c accumulates w[k]·s[3k + c] in
// the same order as the scalar loop (so the result is bit-identical), and the fourth lane
// reads the next pixel's red and is discarded — so only pixels whose taps end before the
// last input pixel take this path. A third of the scalar loop's multiply-adds.
int filterRowRgbVector(const float* in, float* out, const Taps& tx, int outW, int inW) {
    const int K = tx.taps;
    int x = 0;
    for (; x < outW && tx.start[x] + K < inW; ++x) {
        const float* w = tx.weights.data() + std::size_t(x) * K;
        const float* s = in + std::ptrdiff_t(tx.start[x]) * 3;
        V4 acc = {0, 0, 0, 0};
        for (int k = 0; k < K; ++k) {
            V4 v;
            std::memcpy(&v, s + 3 * k, sizeof v);
            acc += w[k] * v;
        }
        std::memcpy(out + std::ptrdiff_t(x) * 3, &acc, 3 * sizeof(float));
    }
    return x;
}

// Horizontal pass over one row; channel count fixed at compile time where it matters.
template <int CT>
void filterRow(const float* in, float* out, const Taps& tx, int outW, int Cdyn, int x0 = 0) {
    const int C = CT > 0 ? CT : Cdyn;
    const int K = tx.taps;
    for (int x = x0; x < outW; ++x) {
        const float* w = tx.weights.data() + std::size_t(x) * K;
        const float* s = in + std::ptrdiff_t(tx.start[x]) * C;
        float* o = out + std::ptrdiff_t(x) * C;
        if constexpr (CT > 0) {
            float acc[CT] = {};
            for (int k = 0; k < K; ++k)
                for (int c = 0; c < CT; ++c) acc[c] += w[k] * s[k * CT + c];
            for (int c = 0; c < CT; ++c) o[c] = acc[c];
        } else {
            for (int c = 0; c < C; ++c) o[c] = 0;
            for (int k = 0; k < K; ++k)
                for (int c = 0; c < C; ++c) o[c] += w[k] * s[k * C + c];
        }
    }
}

void filterRowAny(const float* in, float* out, const Taps& tx, int outW, int C, int inW) {
    switch (C) {
        case 1:
            filterRow<1>(in, out, tx, outW, C);
            break;
        case 3:
            filterRow<3>(in, out, tx, outW, C, filterRowRgbVector(in, out, tx, outW, inW));
            break;
        case 4:
            filterRow<4>(in, out, tx, outW, C);
            break;
        default:
            filterRow<0>(in, out, tx, outW, C);
            break;
    }
}

}  // namespace

void resize(ConstImageView in, int width, int height, Image& out, const CancelToken* cancel) {
    if (in.empty() || in.channels <= 0) throw Error("resize: empty input image");
    if (width <= 0 || height <= 0)
        throw Error("resize: invalid target size " + std::to_string(width) + "×" +
                    std::to_string(height));
    if (!out.empty() && in.data >= out.data() && in.data < out.data() + out.sampleCount())
        throw std::logic_error("resize: the output image must not hold the input view");
    const int C = in.channels;
    out.resize(width, height, C);
    const std::size_t rowFloats = std::size_t(in.width) * C;
    if (width == in.width && height == in.height) {
        parallelFor(
            0, height,
            [&](int b, int e) {
                for (int y = b; y < e; ++y)
                    std::memcpy(out.row(y), in.row(y), rowFloats * sizeof(float));
            },
            64, cancel);
        return;
    }

    const bool sameWidth = width == in.width, sameHeight = height == in.height;
    const Taps ty = sameHeight ? Taps{} : makeTaps(in.height, height);
    const Taps tx = sameWidth ? Taps{} : makeTaps(in.width, width);

    parallelFor(
        0, height,
        [&](int b, int e) {
            std::vector<float> tmp(sameWidth || sameHeight ? 0 : rowFloats);
            for (int y = b; y < e; ++y) {
                if (sameHeight) {  // horizontal only
                    filterRowAny(in.row(y), out.row(y), tx, width, C, in.width);
                    continue;
                }
                float* acc = sameWidth ? out.row(y) : tmp.data();
                const float* w = ty.weights.data() + std::size_t(y) * ty.taps;
                const float* r0 = in.row(ty.start[y]);
                const float w0 = w[0];
                for (std::size_t i = 0; i < rowFloats; ++i) acc[i] = w0 * r0[i];
                for (int k = 1; k < ty.taps; ++k) {
                    const float wk = w[k];
                    if (wk == 0.0f) continue;  // zero padding at the edges
                    const float* r = in.row(ty.start[y] + k);
                    for (std::size_t i = 0; i < rowFloats; ++i) acc[i] += wk * r[i];
                }
                if (!sameWidth) filterRowAny(acc, out.row(y), tx, width, C, in.width);
            }
        },
        4, cancel);
}

void resizeRows(int inWidth, int inHeight, int channels, const RowSource& source, int width,
                int height, Image& out, const CancelToken* cancel) {
    if (inWidth <= 0 || inHeight <= 0 || channels <= 0) throw Error("resize: empty input image");
    if (width <= 0 || height <= 0 || width > inWidth || height >= inHeight)
        throw Error("resizeRows: " + std::to_string(inWidth) + "×" + std::to_string(inHeight) +
                    " → " + std::to_string(width) + "×" + std::to_string(height) +
                    " is not a reduction");
    const int C = channels;
    out.resize(width, height, C);
    const std::size_t rowFloats = std::size_t(inWidth) * C;
    const bool sameWidth = width == inWidth;
    const Taps ty = makeTaps(inHeight, height);
    const Taps tx = sameWidth ? Taps{} : makeTaps(inWidth, width);
    // Output rows per band: with a 0.58 reduction, 24 output rows need ~53 input rows, of
    // which the ~11 under the kernel's overlap are produced again by the next band (20 %
    // extra); the band of 3-channel rows of an 8 MP image is then 2.2 MB per task.
    constexpr int kBand = 24;

    parallelFor(
        0, height,
        [&](int b, int e) {
            std::vector<float> tmp(sameWidth ? 0 : rowFloats);
            std::vector<float> band;
            for (int y0 = b; y0 < e; y0 += kBand) {
                const int y1 = std::min(e, y0 + kBand);
                const int first = ty.start[y0];
                const int last = std::min(inHeight, ty.start[y1 - 1] + ty.taps);
                band.resize(rowFloats * std::size_t(last - first));
                source(first, last,
                       ImageView{band.data(), inWidth, last - first, C, std::ptrdiff_t(rowFloats)});
                for (int y = y0; y < y1; ++y) {
                    // The vertical pass of resize(), on rows of the band.
                    float* acc = sameWidth ? out.row(y) : tmp.data();
                    const float* w = ty.weights.data() + std::size_t(y) * ty.taps;
                    const float* r0 = band.data() + std::size_t(ty.start[y] - first) * rowFloats;
                    const float w0 = w[0];
                    for (std::size_t i = 0; i < rowFloats; ++i) acc[i] = w0 * r0[i];
                    for (int k = 1; k < ty.taps; ++k) {
                        const float wk = w[k];
                        if (wk == 0.0f) continue;
                        const float* r = r0 + std::size_t(k) * rowFloats;
                        for (std::size_t i = 0; i < rowFloats; ++i) acc[i] += wk * r[i];
                    }
                    if (!sameWidth) filterRowAny(acc, out.row(y), tx, width, C, inWidth);
                }
            }
        },
        4, cancel);
}

}  // namespace rf
