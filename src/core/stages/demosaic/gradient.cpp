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

// The four estimates every site could need, for a whole row (vectorisable): green at a red
// or blue site, the opposite colour at a red or blue site, and at a green site the colour of
// its horizontal and of its vertical neighbours. Weights from the paper, in eighths.
void estimatesRow(const float* const r[5], int w, float* __restrict green, float* __restrict opp,
                  float* __restrict horiz, float* __restrict vert) {
    const float* __restrict nn = r[0] + kReach;
    const float* __restrict n = r[1] + kReach;
    const float* __restrict c = r[2] + kReach;
    const float* __restrict s = r[3] + kReach;
    const float* __restrict ss = r[4] + kReach;
    for (int x = 0; x < w; ++x) {
        const float cc = c[x];
        const float hN = c[x - 1] + c[x + 1], vN = n[x] + s[x];
        const float hF = c[x - 2] + c[x + 2], vF = nn[x] + ss[x];
        const float diag = n[x - 1] + n[x + 1] + s[x - 1] + s[x + 1];
        green[x] = std::max(0.0f, 0.125f * (4.0f * cc + 2.0f * (hN + vN) - (hF + vF)));
        opp[x] = std::max(0.0f, 0.125f * (6.0f * cc + 2.0f * diag - 1.5f * (hF + vF)));
        horiz[x] = std::max(0.0f, 0.125f * (5.0f * cc + 4.0f * hN - hF - diag + 0.5f * vF));
        vert[x] = std::max(0.0f, 0.125f * (5.0f * cc + 4.0f * vN - vF - diag + 0.5f * hF));
    }
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
    // Five ring rows for the mosaic, four for the estimates.
    std::vector<float> buf(lineLen * 5 + std::size_t(w) * 4);
    float* ring[5];
    for (int i = 0; i < 5; ++i) ring[i] = buf.data() + lineLen * std::size_t(i);
    float* green = buf.data() + lineLen * 5;
    float* opp = green + w;
    float* horiz = opp + w;
    float* vert = horiz + w;
    // Mosaic row y lives in ring slot (y + 10) mod 5 (y >= -2).
    for (int k = 0; k < 4; ++k)
        balancedRow(mosaic, y0 - kReach + k, gains, ring[(y0 - kReach + k + 10) % 5]);
    for (int y = y0; y < y1; ++y) {
        balancedRow(mosaic, y + kReach, gains, ring[(y + kReach + 10) % 5]);
        const float* rows[5];
        for (int k = 0; k < 5; ++k) rows[k] = ring[(y - kReach + k + 10) % 5];
        estimatesRow(rows, w, green, opp, horiz, vert);
        const float* c = rows[2] + kReach;
        float* d = out.row(y - y0);
        // Which estimate goes to which channel depends only on the site's colour and on the
        // colour of its horizontal neighbours.
        for (int px = 0; px < 2; ++px) {
            const int own = cfa[(y & 1) * 2 + px];
            const int side = cfa[(y & 1) * 2 + (px ^ 1)];
            if (own == 1) {
                const int other = 2 - side;  // the colour above and below
                for (int x = px; x < w; x += 2) {
                    d[3 * x + 1] = c[x];
                    d[3 * x + side] = horiz[x];
                    d[3 * x + other] = vert[x];
                }
            } else {
                const int other = 2 - own;
                for (int x = px; x < w; x += 2) {
                    d[3 * x + own] = c[x];
                    d[3 * x + 1] = green[x];
                    d[3 * x + other] = opp[x];
                }
            }
        }
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
