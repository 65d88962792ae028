// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing and applying DNG opcodes (see dng_opcodes.h). Written from the DNG 1.4
// specification, chapter 7; where it leaves the arithmetic open (where a pixel sits between
// map points) the DNG SDK's behaviour is followed, since that is what the files were checked
// against by their makers.

#include "io/dng_opcodes.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "rangefinder/error.h"
#include "rangefinder/parallel.h"

namespace rf::dng {
namespace {

/// Big-endian fields of one opcode's parameters; reading past the end is the caller's
/// error, checked once per opcode against the size it needs.
class Fields {
  public:
    Fields(const std::uint8_t* p, std::size_t n) : p_(p), n_(n) {}
    std::uint32_t u32() {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) v = (v << 8) | p_[at_++];
        return v;
    }
    double f64() {
        std::uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v = (v << 8) | p_[at_++];
        return std::bit_cast<double>(v);
    }
    float f32() { return std::bit_cast<float>(u32()); }
    std::size_t left() const { return n_ - at_; }

  private:
    const std::uint8_t* p_;
    std::size_t n_;
    std::size_t at_ = 0;
};

std::string listName(int list) {
    return "OpcodeList" + std::to_string(list);
}

constexpr std::size_t kGainMapFixedBytes = 76;

void parseGainMap(Fields f, Opcode& op) {
    if (f.left() < kGainMapFixedBytes) {
        op.problem = "its parameters are cut short (" + std::to_string(f.left()) + " bytes, " +
                     std::to_string(kGainMapFixedBytes) + " needed)";
        return;
    }
    GainMap g;
    g.top = f.u32();
    g.left = f.u32();
    g.bottom = f.u32();
    g.right = f.u32();
    g.plane = f.u32();
    g.planes = f.u32();
    g.rowPitch = f.u32();
    g.colPitch = f.u32();
    g.pointsV = f.u32();
    g.pointsH = f.u32();
    g.spacingV = f.f64();
    g.spacingH = f.f64();
    g.originV = f.f64();
    g.originH = f.f64();
    g.mapPlanes = f.u32();
    if (g.bottom <= g.top || g.right <= g.left) {
        op.problem = "its area is empty";
        return;
    }
    if (g.planes == 0 || g.rowPitch == 0 || g.colPitch == 0 || g.mapPlanes == 0) {
        op.problem = "it has zero planes or a zero pitch";
        return;
    }
    if (g.pointsV == 0 || g.pointsH == 0) {
        op.problem = "its map has no points";
        return;
    }
    // A spacing matters only between points; a one-point direction may leave it at anything.
    const auto badSpacing = [](double s, std::uint32_t points) {
        return !std::isfinite(s) || (points > 1 && !(s > 0));
    };
    if (badSpacing(g.spacingV, g.pointsV) || badSpacing(g.spacingH, g.pointsH) ||
        !std::isfinite(g.originV) || !std::isfinite(g.originH)) {
        op.problem = "its map spacing or origin is zero, negative or not a number";
        return;
    }
    // The map must be in the bytes given: checked before the count is multiplied out, so a
    // header claiming 2³² × 2³² points neither overflows nor allocates.
    const std::uint64_t have = f.left() / 4;
    const std::uint64_t perPlane = std::uint64_t(g.pointsV) * g.pointsH;
    if (perPlane > have || perPlane * g.mapPlanes > have) {
        op.problem = "its map of " + std::to_string(g.pointsV) + " × " + std::to_string(g.pointsH) +
                     " points × " + std::to_string(g.mapPlanes) + " planes does not fit in its " +
                     std::to_string(op.byteCount) + " bytes";
        return;
    }
    g.gains.resize(std::size_t(perPlane * g.mapPlanes));
    for (float& v : g.gains) {
        v = f.f32();
        if (!std::isfinite(v) || v < 0) {
            op.problem = "its map holds a gain that is negative or not a number";
            return;
        }
    }
    op.gainMap = std::move(g);
}

void parseWarp(Fields f, Opcode& op) {
    if (f.left() < 4) {
        op.problem = "its parameters are cut short";
        return;
    }
    WarpRectilinear w;
    w.planes = f.u32();
    if (w.planes != 1 && w.planes != 3) {
        op.problem = "it has " + std::to_string(w.planes) + " planes (1 or 3 expected)";
        return;
    }
    if (f.left() < std::size_t(w.planes) * 48 + 16) {
        op.problem = "its parameters are cut short";
        return;
    }
    bool finite = true;
    for (std::uint32_t p = 0; p < w.planes; ++p)
        for (double& c : w.coefficients[p]) finite = std::isfinite(c = f.f64()) && finite;
    w.centerX = f.f64();
    w.centerY = f.f64();
    if (!finite || !std::isfinite(w.centerX) || !std::isfinite(w.centerY)) {
        op.problem = "a coefficient or its centre is not a number";
        return;
    }
    op.warp = w;
}

void parseVignette(Fields f, Opcode& op) {
    if (f.left() < 56) {
        op.problem = "its parameters are cut short";
        return;
    }
    VignetteRadial v;
    bool finite = true;
    for (double& k : v.k) finite = std::isfinite(k = f.f64()) && finite;
    v.centerX = f.f64();
    v.centerY = f.f64();
    if (!finite || !std::isfinite(v.centerX) || !std::isfinite(v.centerY)) {
        op.problem = "a coefficient or its centre is not a number";
        return;
    }
    op.vignette = v;
}

/// Where a coordinate falls in a map of `points` points: the lower point and the fraction of
/// the way to the next, held at the first and last point outside the map.
struct MapIndex {
    std::uint32_t i = 0;
    float t = 0;
};
MapIndex mapIndex(double relative, double origin, double spacing, std::uint32_t points) {
    if (points < 2) return {};
    const double at = (relative - origin) / spacing;
    if (!(at > 0)) return {};
    if (at >= double(points - 1)) return {points - 1, 0.f};
    const auto i = std::uint32_t(at);
    return {i, float(at - double(i))};
}

/// Sites k0 … k1 − 1 of a row (`stride` floats apart) times base + k · slope, clipped at 1.
/// The common strides (1: every site, 2: one Bayer phase) are constants, so the compiler
/// vectorises the loop; the gain is worked out from k rather than accumulated, so a long run
/// gains no rounding drift.
template <int kStride>
void scaleRun(float* px, int k0, int k1, float base, float slope, std::ptrdiff_t stride) {
    const std::ptrdiff_t step = kStride ? kStride : stride;
    for (int k = k0; k < k1; ++k) {
        float& v = px[std::ptrdiff_t(k) * step];
        v = std::min(v * (base + float(k) * slope), 1.f);
    }
}

/// The frame position of the first of `start`, `start + pitch`, … at or after `from`.
std::int64_t firstOnPitch(std::int64_t start, std::int64_t pitch, std::int64_t from) {
    if (from <= start) return start;
    return start + (from - start + pitch - 1) / pitch * pitch;
}

}  // namespace

std::string opcodeName(std::uint32_t id) {
    static const char* const kNames[] = {"",
                                         "WarpRectilinear",
                                         "WarpFisheye",
                                         "FixVignetteRadial",
                                         "FixBadPixelsConstant",
                                         "FixBadPixelsList",
                                         "TrimBounds",
                                         "MapTable",
                                         "MapPolynomial",
                                         "GainMap",
                                         "DeltaPerRow",
                                         "DeltaPerColumn",
                                         "ScalePerRow",
                                         "ScalePerColumn",
                                         "WarpRectilinear2"};
    if (id >= 1 && id < std::size(kNames)) return kNames[id];
    return "opcode " + std::to_string(id);
}

std::vector<Opcode> parseOpcodeList(int list, const std::uint8_t* data, std::size_t size) {
    const std::string name = listName(list);
    if (size < 4)
        throw Error(name + " is cut short (" + std::to_string(size) + " bytes, no opcode count)");
    Fields head(data, size);
    const std::uint32_t count = head.u32();
    // Each opcode takes at least its 16-byte header: a count the bytes cannot hold is a lie.
    constexpr std::size_t kHeader = 16;
    if (count > (size - 4) / kHeader)
        throw Error(name + " claims " + std::to_string(count) + " opcodes in " +
                    std::to_string(size) + " bytes");
    std::vector<Opcode> out;
    out.reserve(count);
    std::size_t at = 4;
    for (std::uint32_t n = 0; n < count; ++n) {
        if (size - at < kHeader)
            throw Error(name + " is cut short at opcode " + std::to_string(n + 1) + " of " +
                        std::to_string(count));
        Fields h(data + at, kHeader);
        Opcode op;
        op.id = h.u32();
        op.version = h.u32();
        const std::uint32_t flags = h.u32();
        op.optional = flags & 1;
        op.previewOnly = flags & 2;
        op.byteCount = h.u32();
        at += kHeader;
        if (op.byteCount > size - at)
            throw Error(name + ": opcode " + std::to_string(n + 1) + " of " +
                        std::to_string(count) + " (" + opcodeName(op.id) + ") claims " +
                        std::to_string(op.byteCount) + " bytes, only " + std::to_string(size - at) +
                        " are left");
        const Fields params(data + at, op.byteCount);
        switch (op.id) {
            case kGainMap:
                parseGainMap(params, op);
                break;
            case kWarpRectilinear:
                parseWarp(params, op);
                break;
            case kFixVignetteRadial:
                parseVignette(params, op);
                break;
            default:
                break;  // skipped by its byte count
        }
        at += op.byteCount;
        out.push_back(std::move(op));
    }
    return out;
}

GainMapRows::GainMapRows(const GainMap& g, int width, int height, int channels, const Frame& frame)
    : map_(&g) {
    if (width <= 0 || height <= 0 || channels <= 0 || frame.scale != 1 || !(frame.width > 0) ||
        !(frame.height > 0))
        return;
    x0_ = std::int64_t(std::floor(frame.x0));
    y0_ = std::int64_t(std::floor(frame.y0));
    frameHeight_ = frame.height;
    // The selected sites in frame coordinates, cut to the image.
    const std::int64_t colBegin = firstOnPitch(g.left, g.colPitch, x0_);
    const std::int64_t colEnd = std::min<std::int64_t>(g.right, x0_ + width);
    rowBegin_ = firstOnPitch(g.top, g.rowPitch, y0_);
    rowEnd_ = std::min<std::int64_t>(g.bottom, y0_ + height);
    planeEnd_ = int(std::min<std::int64_t>(std::int64_t(g.plane) + g.planes, channels));
    if (colBegin >= colEnd || rowBegin_ >= rowEnd_ || std::int64_t(g.plane) >= planeEnd_) {
        rowEnd_ = rowBegin_;
        return;
    }
    stride_ = std::ptrdiff_t(g.colPitch) * channels;
    firstSite_ = std::ptrdiff_t(colBegin - x0_) * channels;

    // Pixels sit at their centres, relative to the whole frame: ((c + ½) / width). Along a
    // row the map position of the k-th selected site is linear in k, so the sites between two
    // map points (or beyond the last, where the gain is held) form a run whose gain is
    // A + k · B: the inner loop is a multiply-add per site, with no lookup.
    const int sites = int((colEnd - colBegin + g.colPitch - 1) / g.colPitch);
    const double pos0 = ((double(colBegin) + 0.5) / frame.width - g.originH) / g.spacingH;
    const double step = double(g.colPitch) / frame.width / g.spacingH;
    for (int k = 0; k < sites; ++k) {
        const MapIndex m =
            mapIndex((double(colBegin + std::int64_t(k) * g.colPitch) + 0.5) / frame.width,
                     g.originH, g.spacingH, g.pointsH);
        const bool held = m.t == 0.f && (m.i == 0 || m.i == g.pointsH - 1);
        if (!runs_.empty() && runs_.back().i == m.i && (runs_.back().b == 0) == held) {
            runs_.back().k1 = k + 1;
            continue;
        }
        if (held || g.pointsH < 2)
            runs_.push_back({k, k + 1, m.i, 0, 0});
        else
            runs_.push_back({k, k + 1, m.i, pos0 - double(m.i), step});
    }
}

void GainMapRows::apply(float* row, int y) const {
    const GainMap& g = *map_;
    const std::int64_t fr = std::int64_t(y) + y0_;
    if (fr < rowBegin_ || fr >= rowEnd_ || (fr - std::int64_t(g.top)) % g.rowPitch != 0) return;
    const std::size_t H = g.pointsH, P = g.mapPlanes;
    const MapIndex m =
        mapIndex((double(fr) + 0.5) / frameHeight_, g.originV, g.spacingV, g.pointsV);
    const std::uint32_t m1 = std::min(m.i + 1, g.pointsV - 1);
    // One row of the map interpolated vertically, padded by its last point so that a run
    // after the last point needs no test. Maps are small (phones write about 17 × 13).
    constexpr std::size_t kOnStack = 256;
    float stackLine[kOnStack + 1];
    std::vector<float> heapLine(H + 1 > kOnStack + 1 ? H + 1 : 0);
    float* line = heapLine.empty() ? stackLine : heapLine.data();
    for (int p = int(g.plane); p < planeEnd_; ++p) {
        const std::size_t mp = std::min<std::size_t>(std::size_t(p), P - 1);
        const float* a = g.gains.data() + std::size_t(m.i) * H * P + mp;
        const float* b = g.gains.data() + std::size_t(m1) * H * P + mp;
        for (std::size_t j = 0; j < H; ++j) line[j] = a[j * P] + m.t * (b[j * P] - a[j * P]);
        line[H] = line[H - 1];
        float* px = row + firstSite_ + p;
        for (const Run& run : runs_) {
            const float l0 = line[run.i], d = line[run.i + 1] - l0;
            const auto base = float(l0 + run.a * d), slope = float(run.b * d);
            if (stride_ == 2)
                scaleRun<2>(px, run.k0, run.k1, base, slope, 2);
            else if (stride_ == 1)
                scaleRun<1>(px, run.k0, run.k1, base, slope, 1);
            else
                scaleRun<0>(px, run.k0, run.k1, base, slope, stride_);
        }
    }
}

void applyGainMap(const GainMap& g, Image& image, const Frame& frame) {
    const GainMapRows rows(g, image.width(), image.height(), image.channels(), frame);
    parallelFor(0, image.height(), [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) rows.apply(image.row(y), y);
    });
}

namespace {

/// The centre in decoded pixels and the largest distance from it to a corner of the frame.
void place(double cx, double cy, const Frame& f, double& x, double& y, double& radius) {
    const double fx = cx * f.width, fy = cy * f.height;
    const double dx = std::max(fx, f.width - fx), dy = std::max(fy, f.height - fy);
    x = (fx - f.x0) * f.scale;
    y = (fy - f.y0) * f.scale;
    radius = std::hypot(dx, dy) * f.scale;
    if (!(radius > 0)) radius = 1;
}

}  // namespace

DngWarpRectilinear placeWarp(const WarpRectilinear& w, const Frame& frame) {
    DngWarpRectilinear out;
    out.planes = int(w.planes);
    out.coefficients = w.coefficients;
    place(w.centerX, w.centerY, frame, out.centerX, out.centerY, out.radius);
    return out;
}

DngVignetteRadial placeVignette(const VignetteRadial& v, const Frame& frame) {
    DngVignetteRadial out;
    out.k = v.k;
    place(v.centerX, v.centerY, frame, out.centerX, out.centerY, out.radius);
    return out;
}

}  // namespace rf::dng
