// SPDX-License-Identifier: GPL-3.0-or-later
// Gradient-corrected linear demosaicing (Malvar, He and Cutler, "High-quality linear
// interpolation for demosaicing of Bayer-patterned color images", ICASSP 2004). Each missing
// colour is the bilinear estimate corrected by the Laplacian of the colour the site does
// carry, a fixed 5×5 filter per site type. No direction decisions, so it costs a few
// multiply-adds per sample: the path for exports that are downscaled enough that the resize
// averages away its zipper on fine high-contrast detail.
//
// Rows are processed in parallel strips; each strip keeps the five white-balanced mosaic rows
// the filter reaches in a small ring of line buffers (with two mirrored samples at each end),
// so the balanced mosaic never exists as a full-size copy and the work stays in cache.
#include <algorithm>
#include <vector>

#include "bayer.h"
#include "rangefinder/demosaic.h"
#include "rangefinder/error.h"

namespace rf {

using namespace demosaic_detail;

namespace {

constexpr int kReach = 2;  // the filters are 5×5

// One balanced mosaic row, with kReach mirrored samples on either side.
void balancedRow(ConstImageView mosaic, int y, const SiteGains& gains, float* dst) {
    const int w = mosaic.width;
    const int sy = mirror(y, mosaic.height);
    const float* __restrict src = mosaic.row(sy);
    const float* g = gains.site + (sy & 1) * 2;
    const float ge = g[0], go = g[1], top = gains.ceiling;
    float* __restrict d = dst + kReach;
    int x = 0;
    for (; x + 1 < w; x += 2) {
        d[x] = std::min(src[x] * ge, top);
        d[x + 1] = std::min(src[x + 1] * go, top);
    }
    if (x < w) d[x] = std::min(src[x] * ge, top);
    for (int k = 1; k <= kReach; ++k) {
        d[-k] = d[mirror(-k, w)];
        d[w - 1 + k] = d[mirror(w - 1 + k, w)];
    }
}

// The filters, in eighths, on the five rows around a site: green at a red or blue site, the
// opposite colour at a red or blue site, and at a green site the colour of its horizontal
// and of its vertical neighbours. Negative results (overshoot at hard edges) floor at 0.
struct Neighbourhood {
    float c, hN, vN, hF, vF, diag;
};

inline Neighbourhood around(const float* nn, const float* n, const float* c, const float* s,
                            const float* ss, int x) {
    return {c[x],          c[x - 1] + c[x + 1],
            n[x] + s[x],   c[x - 2] + c[x + 2],
            nn[x] + ss[x], n[x - 1] + n[x + 1] + s[x - 1] + s[x + 1]};
}
inline float greenAt(const Neighbourhood& p) {
    return std::max(0.0f, 0.125f * (4.0f * p.c + 2.0f * (p.hN + p.vN) - (p.hF + p.vF)));
}
inline float oppositeAt(const Neighbourhood& p) {
    return std::max(0.0f, 0.125f * (6.0f * p.c + 2.0f * p.diag - 1.5f * (p.hF + p.vF)));
}
inline float horizontalAt(const Neighbourhood& p) {
    return std::max(0.0f, 0.125f * (5.0f * p.c + 4.0f * p.hN - p.hF - p.diag + 0.5f * p.vF));
}
inline float verticalAt(const Neighbourhood& p) {
    return std::max(0.0f, 0.125f * (5.0f * p.c + 4.0f * p.vN - p.vF - p.diag + 0.5f * p.hF));
}

// Writes one pixel whose own colour is Own, with horizontal neighbours of colour Side.
template <int Own, int Side>
inline void pixel(const Neighbourhood& p, float* d) {
    if constexpr (Own == 1) {
        d[1] = p.c;
        d[Side] = horizontalAt(p);
        d[2 - Side] = verticalAt(p);
    } else {
        d[Own] = p.c;
        d[1] = greenAt(p);
        d[2 - Own] = oppositeAt(p);
    }
}

// One output row whose sites alternate C0, C1 (a compile-time pair, so every store goes to
// a fixed channel and the loop has no per-pixel decisions); rows[k] are the balanced mosaic
// rows y − 2 … y + 2, each with kReach samples of margin.
template <int C0, int C1>
void gradientRow(const float* const rows[5], int w, float* __restrict d) {
    const float* __restrict nn = rows[0] + kReach;
    const float* __restrict n = rows[1] + kReach;
    const float* __restrict c = rows[2] + kReach;
    const float* __restrict s = rows[3] + kReach;
    const float* __restrict ss = rows[4] + kReach;
    int x = 0;
    for (; x + 1 < w; x += 2) {
        pixel<C0, C1>(around(nn, n, c, s, ss, x), d + 3 * x);
        pixel<C1, C0>(around(nn, n, c, s, ss, x + 1), d + 3 * x + 3);
    }
    if (x < w) pixel<C0, C1>(around(nn, n, c, s, ss, x), d + 3 * x);
}

}  // namespace

void demosaicGradientRows(ConstImageView mosaic, const CfaPattern& cfa, const MosaicGains& wb,
                          int y0, int y1, ImageView out) {
    if (mosaic.empty() || mosaic.channels != 1)
        throw Error("", "demosaicGradient: expected a non-empty one-channel mosaic");
    const int w = mosaic.width, h = mosaic.height;
    if (w < 3 || h < 3) throw Error("", "demosaicGradient: mosaic smaller than 3×3");
    if (y0 < 0 || y1 > h || y0 >= y1 || out.width != w || out.height < y1 - y0 || out.channels != 3)
        throw Error("", "demosaicGradientRows: the rows or the output do not fit the mosaic");
    const SiteGains gains = siteGains(cfa, wb);
    const std::size_t lineLen = std::size_t(w) + 2 * kReach;
    // Five ring rows of the balanced mosaic; mosaic row y lives in slot (y + 10) mod 5.
    std::vector<float> buf(lineLen * 5);
    float* ring[5];
    for (int i = 0; i < 5; ++i) ring[i] = buf.data() + lineLen * std::size_t(i);
    for (int k = 0; k < 4; ++k)
        balancedRow(mosaic, y0 - kReach + k, gains, ring[(y0 - kReach + k + 10) % 5]);
    for (int y = y0; y < y1; ++y) {
        balancedRow(mosaic, y + kReach, gains, ring[(y + kReach + 10) % 5]);
        const float* rows[5];
        for (int k = 0; k < 5; ++k) rows[k] = ring[(y - kReach + k + 10) % 5];
        float* d = out.row(y - y0);
        const int c0 = cfa[(y & 1) * 2], c1 = cfa[(y & 1) * 2 + 1];
        if (c0 == 0)
            gradientRow<0, 1>(rows, w, d);
        else if (c0 == 2)
            gradientRow<2, 1>(rows, w, d);
        else if (c1 == 0)
            gradientRow<1, 0>(rows, w, d);
        else
            gradientRow<1, 2>(rows, w, d);
    }
}

void demosaicGradient(ConstImageView mosaic, const CfaPattern& cfa, const MosaicGains& wb,
                      Image& out, const CancelToken* cancel) {
    if (mosaic.empty() || mosaic.channels != 1)
        throw Error("", "demosaicGradient: expected a non-empty one-channel mosaic");
    siteGains(cfa, wb);  // refuse a bad layout or balance before allocating
    if (mosaic.width < 3 || mosaic.height < 3)
        throw Error("", "demosaicGradient: mosaic smaller than 3×3");
    out.resize(mosaic.width, mosaic.height, 3);
    ImageView o = out.view();
    parallelFor(
        0, mosaic.height,
        [&](int y0, int y1) {
            demosaicGradientRows(mosaic, cfa, wb, y0, y1, o.region({0, y0, o.width, y1 - y0}));
        },
        16, cancel);
}

}  // namespace rf
