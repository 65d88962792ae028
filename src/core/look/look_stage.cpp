// SPDX-License-Identifier: GPL-3.0-or-later
// The look stage per pixel: one fused pass per row over display-linear Rec.2020.
//
//   colour    √ per channel → tetrahedral read of the baked LUT (a grid over √linear input
//             whose output is already display-linear) → blend with the input by strength
//   vignette  × 2^(strength · EV · falloff(r)), r = 1 at the frame's corners
//   grain     × (1 + amplitude(luminance) · noise(x, y)), value noise on a lattice whose cell
//             is a fixed share of the frame's long edge
//
// Everything that does not change along a row is prepared before it: the vignette's column
// and row terms (so r needs no root or power per pixel: the gain table is indexed by the
// normalised |u|^p + |v|^p), the noise lattice's column positions and the row's lattice
// values interpolated vertically (so a pixel costs two reads and a multiply-add per octave).
// Pixels go through in blocks of kBlock, de-interleaved, so that every pass but the table
// reads is a branch-free loop the compiler vectorises; even the choice of tetrahedron is a
// set of selects. No allocation, virtual call or transcendental function runs per pixel.
// The row function is compiled twice, for the baseline x86-64 and for x86-64-v3 (AVX2, FMA),
// and the first call picks the one the CPU runs: twice the vector width halves its time.
#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "look/look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/look.h"

namespace rf {
namespace {

constexpr int kBlock = 256;
constexpr int kGridSize = 33;
// The vignette's gain is tabulated over s = |u|^p + |v|^p (normalised to 1 at the corners),
// at nodes spaced evenly in the float's bits: 128 per octave from 2^−24 to 1. Even spacing in
// s would put a squarer shape's whole inner half (s = r^p, p up to 8) into the first node.
constexpr int kVignetteShift = 16;  // keeps 7 mantissa bits
constexpr float kVignetteMin = 0x1p-24f;
constexpr std::uint32_t kVignetteBase =
    std::bit_cast<std::uint32_t>(kVignetteMin) >> kVignetteShift;
constexpr int kVignetteNodes =
    int((std::bit_cast<std::uint32_t>(1.0f) >> kVignetteShift) - kVignetteBase) + 1;
constexpr float kWr = 0.2627f, kWg = 0.6780f, kWb = 0.0593f;  // Rec.2020 luminance

// Grain: the lattice cell is kGrainCell · 10^size of the long edge (0.025 % … 0.25 %: about
// 1.5 … 15 px on a 24 MP frame), two octaves at incommensurate scales so the lattice does not
// show, and a multiplicative modulation of kGrainAmplitude at amount 100 % in the mid-tones.
constexpr double kGrainCell = 0.00025;
constexpr float kGrainAmplitude = 0.25f;
constexpr int kOctaves = 2;
constexpr double kOctaveScale[kOctaves] = {1.0, 0.613};
constexpr double kOctaveOffset[kOctaves] = {0.0, 0.377};
constexpr float kOctaveWeight[kOctaves] = {0.8f, 0.6f};

// By-value min/max: unconditional compares, which vectorise (see tone.cpp).
inline float maxf(float a, float b) {
    return a > b ? a : b;
}
inline float minf(float a, float b) {
    return a < b ? a : b;
}
inline float clamp01(float v) {
    return minf(maxf(v, 0.f), 1.f);
}

using v4 = float __attribute__((vector_size(16)));

inline v4 load4(const float* p) {
    v4 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// A table for reading with linear interpolation: each node's value and the step to the next
// (kept as two arrays: one float index serves both).
struct Node {
    float v, d;
};

std::vector<Node> nodes(const std::vector<double>& values) {
    std::vector<Node> t(values.size());
    for (std::size_t k = 0; k < values.size(); ++k)
        t[k] = {float(values[k]), float(values[std::min(k + 1, values.size() - 1)] - values[k])};
    return t;
}

inline std::uint32_t hash(std::uint32_t h) {
    h ^= h >> 16;
    h *= 0x7feb352du;
    h ^= h >> 15;
    h *= 0x846ca68bu;
    h ^= h >> 16;
    return h;
}

// The noise lattice: row j of an octave is the fixed random sequence below, read from an
// offset that is a hash of j and the octave. A lattice row then costs a copy, not a hash per
// node, and every value is still a deterministic function of the lattice position alone.
// The values are symmetric in [−1, 1), so the noise is zero-mean.
constexpr std::uint32_t kNoiseLength = 1u << 15;

// Stored twice over, so kNoiseLength values from any offset are contiguous.
const std::vector<float>& noiseSequence() {
    static const std::vector<float> seq = [] {
        std::vector<float> v(2 * kNoiseLength);
        for (std::uint32_t i = 0; i < kNoiseLength; ++i)
            v[i] = v[i + kNoiseLength] =
                float(std::int32_t(hash(0x9e3779b9u * (i + 1)))) * 0x1p-31f;
        return v;
    }();
    return seq;
}

inline std::uint32_t latticeOffset(std::int32_t j, std::uint32_t seed) {
    return hash(std::uint32_t(j) * 0xd8163841u ^ seed * 0xcb1ab31fu);
}

inline float smooth(float t) {
    return t * t * (3.f - 2.f * t);
}

struct ColorSetup {
    const float* grid = nullptr;  // baked LUT over √linear input, 4 floats per point
    int n = 0;
    float strength = 1;
};

struct VignetteSetup {
    std::vector<float> col;  // |u|^p / corner, per column
    std::vector<float> row;  // |v|^p / corner, per row
    // The gain over col + row (see kVignetteShift): value and step to the next node.
    std::vector<float> gainV, gainD;
};

struct GrainOctave {
    double cell = 1, offset = 0;
    std::uint32_t seed = 0;
    std::vector<std::int32_t> col;  // lattice column left of each pixel
    std::vector<float> colW;        // its smoothed weight
    int latticeCols = 0;
    // col[x] = x + colOffset for every x (a lattice cell of one pixel, what a preview of a
    // fine grain gets): the reads are contiguous, and vectorise.
    bool contiguous = false;
    int colOffset = 0;
};

struct GrainSetup {
    GrainOctave oct[kOctaves];
    float amplitude = 0;  // kGrainAmplitude × amount × strength
};

ColorSetup makeColor(const look::BakedLook& baked, float strength) {
    ColorSetup s;
    s.grid = baked.rgba.data();
    s.n = baked.lut.size();
    s.strength = strength;
    return s;
}

// The falloff: nothing inside the midpoint, the full amount at the corner (r = 1), and a
// smoothstep over the first `feather` share of the way from one to the other.
VignetteSetup makeVignette(const LookParams& p, int width, int height, float strength) {
    VignetteSetup v;
    const double hw = 0.5 * width, hh = 0.5 * height;
    // Roundness 0 follows the frame (an ellipse through the corners); towards +1 the axes
    // become equal (a circle); towards −1 the exponent grows (a superellipse: squarer).
    const double rho = std::clamp(double(p.vignetteRoundness), -1.0, 1.0);
    const double common = std::sqrt(hw * hh);
    const double ax = rho > 0 ? hw + rho * (common - hw) : hw;
    const double ay = rho > 0 ? hh + rho * (common - hh) : hh;
    const double power = rho < 0 ? 2 * (1 - 3 * rho) : 2;
    const double corner = std::pow(hw / ax, power) + std::pow(hh / ay, power);
    v.col.resize(std::size_t(width));
    v.row.resize(std::size_t(height));
    for (int x = 0; x < width; ++x)
        v.col[std::size_t(x)] = float(std::pow(std::abs(x + 0.5 - hw) / ax, power) / corner);
    for (int y = 0; y < height; ++y)
        v.row[std::size_t(y)] = float(std::pow(std::abs(y + 0.5 - hh) / ay, power) / corner);

    const double mid = std::clamp(double(p.vignetteMidpoint), 0.0, 1.0);
    const double feather = std::max(double(p.vignetteFeather), 1e-3);
    const double ev = double(strength) * p.vignetteEv;
    std::vector<double> gain(kVignetteNodes);
    for (int k = 0; k < kVignetteNodes; ++k) {
        const double sk =
            std::bit_cast<float>((kVignetteBase + std::uint32_t(k)) << kVignetteShift);
        const double r = std::pow(sk, 1 / power);
        const double t = mid >= 1 ? (r >= 1 ? 1.0 : 0.0) : (r - mid) / (1 - mid);
        const double u = std::clamp(t / feather, 0.0, 1.0);
        gain[std::size_t(k)] = std::exp2(ev * u * u * (3 - 2 * u));
    }
    for (const Node& nd : nodes(gain)) {
        v.gainV.push_back(nd.v);
        v.gainD.push_back(nd.d);
    }
    return v;
}

GrainSetup makeGrain(const LookParams& p, int width, int height, float strength) {
    GrainSetup g;
    const double longEdge = std::max(width, height);
    const double cell =
        longEdge * kGrainCell * std::pow(10.0, std::clamp(double(p.grainSize), 0.0, 1.0));
    for (int o = 0; o < kOctaves; ++o) {
        GrainOctave& oc = g.oct[o];
        // Below a pixel the lattice only costs time: point-sampled noise is already
        // uncorrelated from pixel to pixel, with the same statistics.
        oc.cell = std::max(cell * kOctaveScale[o], 1.0);
        oc.offset = kOctaveOffset[o];
        oc.seed = 0x5eed0000u + std::uint32_t(o);
        oc.col.resize(std::size_t(width));
        oc.colW.resize(std::size_t(width));
        for (int x = 0; x < width; ++x) {
            const double X = (x + 0.5) / oc.cell + oc.offset;
            const double fl = std::floor(X);
            oc.col[std::size_t(x)] = std::int32_t(fl);
            oc.colW[std::size_t(x)] = smooth(float(X - fl));
        }
        oc.latticeCols = int(std::floor((width + 0.5) / oc.cell + oc.offset)) + 2;
        oc.colOffset = width > 0 ? oc.col[0] : 0;
        oc.contiguous = true;
        for (int x = 0; x < width; ++x)
            oc.contiguous = oc.contiguous && oc.col[std::size_t(x)] == oc.colOffset + x;
    }
    g.amplitude = kGrainAmplitude * p.grainAmount * strength;
    return g;
}

// Per chunk of rows: the block's de-interleaved channels and intermediate values, and the
// grain's noise for the current row.
struct Scratch {
    alignas(64) float r[kBlock], g[kBlock], b[kBlock];
    alignas(64) float t[3][kBlock];  // LUT coordinates; then the vignette's gain and the noise
    alignas(64) float lutOut[4 * kBlock];  // the LUT's output, as read: four floats a pixel
    alignas(64) float w[4][kBlock];        // tetrahedron weights; w[0] also the table's fractions
    alignas(64) std::int32_t base[kBlock], oa[kBlock], ob[kBlock];
    alignas(64) std::int32_t idx[kBlock];
    std::vector<float> rowValue[kOctaves];  // this row's lattice values, interpolated vertically
    std::vector<float> rowStep[kOctaves];   // from each lattice column's value to the next
};

[[gnu::always_inline]] inline void colorBlock(const ColorSetup& cs, Scratch& s, int n) {
    const float top = float(cs.n - 1);
    for (int i = 0; i < n; ++i) {
        s.t[0][i] = top * std::sqrt(clamp01(s.r[i]));
        s.t[1][i] = top * std::sqrt(clamp01(s.g[i]));
        s.t[2][i] = top * std::sqrt(clamp01(s.b[i]));
    }
    // The tetrahedron: walk from the cell's corner along the axis with the largest fraction,
    // then the second; weights are the differences of the sorted fractions. Ties are broken
    // so the three axes are always distinct (see lut.cpp for why this is exact on neutrals).
    const int last = cs.n - 2;
    const std::int32_t sr = 4, sg = 4 * cs.n, sb = 4 * cs.n * cs.n;
    for (int i = 0; i < n; ++i) {
        const float tr = s.t[0][i], tg = s.t[1][i], tb = s.t[2][i];
        const std::int32_t ir = std::min(std::int32_t(tr), last);
        const std::int32_t ig = std::min(std::int32_t(tg), last);
        const std::int32_t ib = std::min(std::int32_t(tb), last);
        const float fr = tr - float(ir), fg = tg - float(ig), fb = tb - float(ib);
        const float hi = maxf(fr, maxf(fg, fb)), lo = minf(fr, minf(fg, fb));
        const float mid = maxf(minf(fr, fg), minf(maxf(fr, fg), fb));  // median, exactly
        const bool rMax = fr >= fg && fr >= fb, gMax = fg >= fb;
        const bool bMin = fb <= fg && fb <= fr, gMin = fg <= fr;
        const std::int32_t sMax = rMax ? sr : (gMax ? sg : sb);
        const std::int32_t sMin = bMin ? sb : (gMin ? sg : sr);
        s.base[i] = ir * sr + ig * sg + ib * sb;
        s.oa[i] = sMax;
        s.ob[i] = sr + sg + sb - sMin;
        s.w[0][i] = 1.f - hi;
        s.w[1][i] = hi - mid;
        s.w[2][i] = mid - lo;
        s.w[3][i] = lo;
    }
    const float* grid = cs.grid;
    const std::int32_t diag = sr + sg + sb;
    for (int i = 0; i < n; ++i) {
        const float* c = grid + s.base[i];
        const v4 o = s.w[0][i] * load4(c) + s.w[1][i] * load4(c + s.oa[i]) +
                     s.w[2][i] * load4(c + s.ob[i]) + s.w[3][i] * load4(c + diag);
        std::memcpy(s.lutOut + 4 * i, &o, sizeof o);  // one store; split up below, vectorised
    }
    const float k = cs.strength;
    const float* out = s.lutOut;
    for (int i = 0; i < n; ++i) {
        s.r[i] += k * (out[4 * i] - s.r[i]);
        s.g[i] += k * (out[4 * i + 1] - s.g[i]);
        s.b[i] += k * (out[4 * i + 2] - s.b[i]);
    }
}

[[gnu::always_inline]] inline void vignetteBlock(const VignetteSetup& vs, float rowTerm, int x0,
                                                 Scratch& s, int n) {
    // Index and fraction (vectorised), the table read (scalar), the gain (vectorised).
    const float* col = vs.col.data() + x0;
    constexpr std::int32_t minBits = std::bit_cast<std::int32_t>(kVignetteMin);
    constexpr std::int32_t oneBits = std::bit_cast<std::int32_t>(1.0f);
    constexpr std::int32_t fracMask = (1 << kVignetteShift) - 1;
    constexpr float fracScale = 1.f / float(1 << kVignetteShift);
    for (int i = 0; i < n; ++i) {
        // Clamped on the bits: for non-negative floats, integer order is numeric order.
        const std::int32_t bits =
            std::min(std::max(std::bit_cast<std::int32_t>(col[i] + rowTerm), minBits), oneBits);
        s.idx[i] = (bits >> kVignetteShift) - std::int32_t(kVignetteBase);
        s.w[0][i] = float(bits & fracMask) * fracScale;
    }
    const float* gainV = vs.gainV.data();
    const float* gainD = vs.gainD.data();
    for (int i = 0; i < n; ++i) {
        const std::int32_t k = s.idx[i];
        s.t[1][i] = gainV[k] + s.w[0][i] * gainD[k];
    }
    for (int i = 0; i < n; ++i) {
        const float gain = s.t[1][i];
        s.r[i] *= gain;
        s.g[i] *= gain;
        s.b[i] *= gain;
    }
}

// This row's noise per lattice column: the two lattice rows around it, interpolated.
[[gnu::always_inline]] inline void grainRow(const GrainSetup& gs, int y, Scratch& s) {
    for (int o = 0; o < kOctaves; ++o) {
        const GrainOctave& oc = gs.oct[o];
        const double Y = (y + 0.5) / oc.cell + oc.offset;
        const double fl = std::floor(Y);
        const std::int32_t j = std::int32_t(fl);
        const float wy = smooth(float(Y - fl));
        const float* seq = noiseSequence().data();
        const std::uint32_t a = latticeOffset(j, oc.seed), b = latticeOffset(j + 1, oc.seed);
        const int cols = oc.latticeCols;
        float* v = s.rowValue[o].data();
        float* step = s.rowStep[o].data();
        const float weight = kOctaveWeight[o];
        // In pieces of at most kNoiseLength (only a frame wider than that repeats the
        // sequence along a row, each row from its own offset).
        for (int i0 = 0; i0 < cols; i0 += int(kNoiseLength)) {
            const std::uint32_t mask = kNoiseLength - 1;
            const float* pa = seq + ((a + std::uint32_t(i0)) & mask);
            const float* pb = seq + ((b + std::uint32_t(i0)) & mask);
            const int len = std::min(cols - i0, int(kNoiseLength));
            float* pv = v + i0;
            for (int i = 0; i < len; ++i) pv[i] = weight * (pa[i] + wy * (pb[i] - pa[i]));
        }
        for (int i = 0; i + 1 < cols; ++i) step[i] = v[i + 1] - v[i];
        step[cols - 1] = 0.f;
    }
}

[[gnu::always_inline]] inline void grainBlock(const GrainSetup& gs, int x0, Scratch& s, int n) {
    float* noise = s.t[2];
    for (int i = 0; i < n; ++i) noise[i] = 0;
    for (int o = 0; o < kOctaves; ++o) {
        const GrainOctave& oc = gs.oct[o];
        const std::int32_t* col = oc.col.data() + x0;
        const float* w = oc.colW.data() + x0;
        const float* value = s.rowValue[o].data();
        const float* step = s.rowStep[o].data();
        if (oc.contiguous) {
            const float* v = value + oc.colOffset + x0;
            const float* d = step + oc.colOffset + x0;
            for (int i = 0; i < n; ++i) noise[i] += v[i] + w[i] * d[i];
        } else {
            for (int i = 0; i < n; ++i) {
                const std::int32_t c = col[i];
                noise[i] += value[c] + w[i] * step[c];
            }
        }
    }
    // Strongest in the mid-tones: 4q(1 − q) with q = √luminance (close to the encoded
    // luminance, and one vector instruction): zero at black and white, full at Y = 0.25.
    const float amp = 4.f * gs.amplitude;
    for (int i = 0; i < n; ++i) {
        const float q = std::sqrt(clamp01(kWr * s.r[i] + kWg * s.g[i] + kWb * s.b[i]));
        const float f = 1.f + amp * q * (1.f - q) * noise[i];
        s.r[i] *= f;
        s.g[i] *= f;
        s.b[i] *= f;
    }
}

struct Kernel {
    bool color = false, vignette = false, grain = false;
    ColorSetup cs;
    VignetteSetup vs;
    GrainSetup gs;
};

// One row, in blocks.
[[gnu::always_inline]] inline void lookRowBody(const Kernel& k, float* row, int width, int channels,
                                               int y, Scratch& s) {
    float rowTerm = 0;
    if (k.vignette) rowTerm = k.vs.row[std::size_t(y)];
    if (k.grain) grainRow(k.gs, y, s);
    for (int x0 = 0; x0 < width; x0 += kBlock) {
        const int n = std::min(kBlock, width - x0);
        float* px = row + std::ptrdiff_t(x0) * channels;
        if (channels == 3) {  // a constant stride: these copies vectorise
            for (int i = 0; i < n; ++i) {
                s.r[i] = px[i * 3];
                s.g[i] = px[i * 3 + 1];
                s.b[i] = px[i * 3 + 2];
            }
        } else {
            for (int i = 0; i < n; ++i) {
                s.r[i] = px[i * channels];
                s.g[i] = px[i * channels + 1];
                s.b[i] = px[i * channels + 2];
            }
        }
        if (k.color) colorBlock(k.cs, s, n);
        if (k.vignette) vignetteBlock(k.vs, rowTerm, x0, s, n);
        if (k.grain) grainBlock(k.gs, x0, s, n);
        if (channels == 3) {
            for (int i = 0; i < n; ++i) {
                px[i * 3] = clamp01(s.r[i]);
                px[i * 3 + 1] = clamp01(s.g[i]);
                px[i * 3 + 2] = clamp01(s.b[i]);
            }
        } else {
            for (int i = 0; i < n; ++i) {
                px[i * channels] = clamp01(s.r[i]);
                px[i * channels + 1] = clamp01(s.g[i]);
                px[i * channels + 2] = clamp01(s.b[i]);
            }
        }
    }
}

using RowFn = void (*)(const Kernel&, float*, int, int, int, Scratch&);

// The row compiled for each instruction set (see the top of the file), and the choice.
void lookRowBaseline(const Kernel& k, float* row, int width, int channels, int y, Scratch& s) {
    lookRowBody(k, row, width, channels, y, s);
}

#if defined(__x86_64__) && defined(__GNUC__)
[[gnu::target("arch=x86-64-v3")]] void lookRowV3(const Kernel& k, float* row, int width,
                                                 int channels, int y, Scratch& s) {
    lookRowBody(k, row, width, channels, y, s);
}
#endif

std::atomic<bool> gBaselineOnly{false};

RowFn chooseRow() {
#if defined(__x86_64__) && defined(__GNUC__)
#if defined(__clang__)
    // clang (14) tests single features, not levels: these are the ones it can test, and no
    // x86 CPU has them without the rest of x86-64-v3 (F16C, LZCNT, MOVBE).
    static const bool v3 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
                           __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2");
#else
    static const bool v3 = __builtin_cpu_supports("x86-64-v3");
#endif
    if (v3 && !gBaselineOnly.load(std::memory_order_relaxed)) return lookRowV3;
#endif
    return lookRowBaseline;
}

}  // namespace

namespace look {
void useBaselineKernel(bool baselineOnly) {
    gBaselineOnly.store(baselineOnly, std::memory_order_relaxed);
}

struct StripRenderer::Impl {
    bool identity = true;
    int width = 0, height = 0;
    std::shared_ptr<const BakedLook> baked;
    Kernel k;
    RowFn row = nullptr;
};

StripRenderer::StripRenderer(const LookParams& p, int frameWidth, int frameHeight)
    : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.identity = frameWidth <= 0 || frameHeight <= 0 || p.isIdentity();
    m.width = frameWidth;
    m.height = frameHeight;
    if (m.identity) return;
    const float strength = std::clamp(p.strength, 0.f, 1.f);
    Kernel& k = m.k;
    k.color = p.hasColor(), k.vignette = p.hasVignette(), k.grain = p.hasGrain();
    if (k.color) {
        m.baked = bakedLook(p, kGridSize, GridInput::SqrtLinear);
        k.cs = makeColor(*m.baked, strength);
    }
    if (k.vignette) k.vs = makeVignette(p, frameWidth, frameHeight, strength);
    if (k.grain) k.gs = makeGrain(p, frameWidth, frameHeight, strength);
    m.row = chooseRow();
}

StripRenderer::~StripRenderer() = default;

bool StripRenderer::identity() const {
    return impl_->identity;
}

void StripRenderer::apply(ImageView rows, int y0) const {
    const Impl& m = *impl_;
    if (m.identity || rows.empty()) return;
    if (rows.channels < 3) throw Error("", "look: expected an RGB image");
    if (rows.width != m.width || y0 < 0 || y0 + rows.height > m.height)
        throw Error("", "look: a strip outside the frame it was prepared for");
    auto s = std::make_unique<Scratch>();
    if (m.k.grain)
        for (int o = 0; o < kOctaves; ++o) {
            s->rowValue[o].resize(std::size_t(m.k.gs.oct[o].latticeCols));
            s->rowStep[o].resize(std::size_t(m.k.gs.oct[o].latticeCols));
        }
    for (int y = 0; y < rows.height; ++y)
        m.row(m.k, rows.row(y), rows.width, rows.channels, y0 + y, *s);
}

}  // namespace look

void applyLook(ImageView rgb, const LookParams& p, const CancelToken* cancel) {
    if (rgb.empty() || p.isIdentity()) return;
    if (rgb.channels < 3) throw Error("", "look: expected an RGB image");
    const look::StripRenderer look(p, rgb.width, rgb.height);
    parallelFor(
        0, rgb.height,
        [&](int y0, int y1) {
            look.apply(rgb.region({0, y0, rgb.width, y1 - y0}), y0);
        },
        8, cancel);
}

}  // namespace rf
