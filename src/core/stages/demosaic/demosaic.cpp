// SPDX-License-Identifier: GPL-3.0-or-later
// Entry points of the demosaic stage: CFA parsing, the 2×2 superpixel bin, the bilinear
// baseline, the mosaic builder for tests, and the tiled driver of the high-quality path.
// The high-quality path cuts the image into tiles with a mirrored border wide enough for the
// algorithm's reach, so image edges are handled like any interior and each tile's buffers
// (about 1.5 MB) stay in cache; tiles run through rf::parallelFor.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "bayer.h"
#include "rangefinder/demosaic.h"
#include "rangefinder/error.h"

namespace rf {

namespace demosaic_detail {

void requireBayer(const CfaPattern& cfa) {
    int counts[3] = {0, 0, 0};
    for (const auto c : cfa) {
        if (c > 2) throw Error("", "invalid CFA colour index " + std::to_string(int(c)));
        ++counts[c];
    }
    // The greens must sit on a diagonal: 0 and 3, or 1 and 2.
    const bool diagonal = (cfa[0] == 1 && cfa[3] == 1) || (cfa[1] == 1 && cfa[2] == 1);
    if (counts[0] != 1 || counts[1] != 2 || counts[2] != 1 || !diagonal)
        throw Error("", "CFA pattern is not a Bayer layout");
}

void copyPaddedTile(ConstImageView mosaic, int x0, int y0, int w, int h, int pad, float* dst) {
    const int tw = w + 2 * pad;
    const int xa = x0 - pad, xb = x0 + w + pad;
    const bool inside = xa >= 0 && xb <= mosaic.width;
    for (int ty = 0; ty < h + 2 * pad; ++ty) {
        const float* src = mosaic.row(mirror(y0 - pad + ty, mosaic.height));
        float* d = dst + std::ptrdiff_t(ty) * tw;
        if (inside) {
            std::memcpy(d, src + xa, sizeof(float) * std::size_t(tw));
        } else {
            for (int tx = 0; tx < tw; ++tx) d[tx] = src[mirror(xa + tx, mosaic.width)];
        }
    }
}

bool SiteGains::identity() const {
    return site[0] == 1.0f && site[1] == 1.0f && site[2] == 1.0f && site[3] == 1.0f &&
           ceiling == std::numeric_limits<float>::infinity();
}

SiteGains siteGains(const CfaPattern& cfa, const MosaicGains& g) {
    requireBayer(cfa);
    for (const float v : g.gain)
        if (!(v > 0) || !std::isfinite(v))
            throw Error("", "white balance: multipliers must be positive");
    SiteGains s{};
    for (int i = 0; i < 4; ++i) s.site[i] = g.gain[cfa[i]];
    s.ceiling = g.clip ? 1.0f : std::numeric_limits<float>::infinity();
    return s;
}

void copyPaddedTile(ConstImageView mosaic, int x0, int y0, int w, int h, int pad,
                    const SiteGains& gains, float* dst) {
    if (gains.identity()) return copyPaddedTile(mosaic, x0, y0, w, h, pad, dst);
    const int tw = w + 2 * pad;
    const int xa = x0 - pad, xb = x0 + w + pad;
    const bool inside = xa >= 0 && xb <= mosaic.width;
    const float top = gains.ceiling;
    for (int ty = 0; ty < h + 2 * pad; ++ty) {
        const int sy = mirror(y0 - pad + ty, mosaic.height);
        const float* src = mosaic.row(sy);
        const float* g = gains.site + (sy & 1) * 2;
        float* __restrict d = dst + std::ptrdiff_t(ty) * tw;
        if (inside) {
            // Pairs of sites with a fixed gain each: the loop vectorises.
            const float* __restrict s = src + xa;
            const float ge = g[xa & 1], go = g[(xa + 1) & 1];
            int tx = 0;
            for (; tx + 1 < tw; tx += 2) {
                d[tx] = std::min(s[tx] * ge, top);
                d[tx + 1] = std::min(s[tx + 1] * go, top);
            }
            if (tx < tw) d[tx] = std::min(s[tx] * ge, top);
        } else {
            for (int tx = 0; tx < tw; ++tx) {
                const int sx = mirror(xa + tx, mosaic.width);
                d[tx] = std::min(src[sx] * g[sx & 1], top);
            }
        }
    }
}

}  // namespace demosaic_detail

using namespace demosaic_detail;

namespace {

void requireMosaic(ConstImageView mosaic, const char* what) {
    if (mosaic.empty() || mosaic.channels != 1)
        throw Error("", std::string(what) + ": expected a non-empty one-channel mosaic");
}

/// The CFA layout seen from a tile whose origin is at (x, y).
CfaPattern shifted(const CfaPattern& cfa, int x, int y) {
    CfaPattern s{};
    for (int i = 0; i < 4; ++i) s[i] = cfa[(((i >> 1) + y) & 1) * 2 + (((i & 1) + x) & 1)];
    return s;
}

// The superpixel bin is memory-bound; with the tile layout a compile-time constant the
// compiler turns the loop into deinterleaving loads and interleaving stores.
// The white balance rides along as a per-site multiply and a ceiling (+infinity when not
// clipping), which costs nothing next to the memory traffic.
template <int R, int G1, int G2, int B>
void binRows(ConstImageView mosaic, const SiteGains& gains, ImageView out, int y0, int y1) {
    const float g0 = gains.site[0], g1 = gains.site[1], g2 = gains.site[2], g3 = gains.site[3];
    const float top = gains.ceiling;
    for (int oy = y0; oy < y1; ++oy) {
        const float* __restrict r0 = mosaic.row(2 * oy);
        const float* __restrict r1 = mosaic.row(2 * oy + 1);
        float* __restrict d = out.row(oy);
        for (int ox = 0; ox < out.width; ++ox) {
            const float v[4] = {std::min(r0[2 * ox] * g0, top), std::min(r0[2 * ox + 1] * g1, top),
                                std::min(r1[2 * ox] * g2, top), std::min(r1[2 * ox + 1] * g3, top)};
            d[3 * ox] = v[R];
            d[3 * ox + 1] = 0.5f * (v[G1] + v[G2]);
            d[3 * ox + 2] = v[B];
        }
    }
}

}  // namespace

CfaPattern cfaFromString(const char* name) {
    const std::string s = name ? name : "";
    if (s == "RGGB") return {0, 1, 1, 2};
    if (s == "BGGR") return {2, 1, 1, 0};
    if (s == "GRBG") return {1, 0, 2, 1};
    if (s == "GBRG") return {1, 2, 0, 1};
    throw Error("", "unknown CFA pattern \"" + s + "\" (expected RGGB, BGGR, GRBG or GBRG)");
}

void mosaicFromRgb(ConstImageView rgb, const CfaPattern& cfa, Image& out) {
    if (rgb.empty() || rgb.channels != 3) throw Error("", "mosaicFromRgb: expected an RGB image");
    requireBayer(cfa);
    out.resize(rgb.width, rgb.height, 1);
    for (int y = 0; y < rgb.height; ++y) {
        const float* s = rgb.row(y);
        float* d = out.row(y);
        for (int x = 0; x < rgb.width; ++x) d[x] = s[3 * x + cfa[(y & 1) * 2 + (x & 1)]];
    }
}

void demosaicHalf(ConstImageView mosaic, const CfaPattern& cfa, Image& out,
                  const CancelToken* cancel) {
    demosaicHalf(mosaic, cfa, MosaicGains{}, out, cancel);
}

void demosaicHalf(ConstImageView mosaic, const CfaPattern& cfa, const MosaicGains& wb, Image& out,
                  const CancelToken* cancel) {
    requireMosaic(mosaic, "demosaicHalf");
    const SiteGains gains = siteGains(cfa, wb);
    if (mosaic.width < 2 || mosaic.height < 2)
        throw Error("", "demosaicHalf: mosaic smaller than one 2×2 tile");
    out.resize(mosaic.width / 2, mosaic.height / 2, 3);
    ImageView o = out.view();
    auto run = [&](auto kernel) {
        parallelFor(
            0, o.height, [&](int y0, int y1) { kernel(mosaic, gains, o, y0, y1); }, 64, cancel);
    };
    // requireBayer guarantees the greens sit on a diagonal, (0, 3) or (1, 2); red and blue
    // take the other two sites.
    if (cfa[0] == 1) {
        if (cfa[1] == 0)
            run(binRows<1, 0, 3, 2>);
        else
            run(binRows<2, 0, 3, 1>);
    } else {
        if (cfa[0] == 0)
            run(binRows<0, 1, 2, 3>);
        else
            run(binRows<3, 1, 2, 0>);
    }
}

void demosaicBilinear(ConstImageView mosaic, const CfaPattern& cfa, Image& out) {
    requireMosaic(mosaic, "demosaicBilinear");
    requireBayer(cfa);
    const int w = mosaic.width, h = mosaic.height;
    if (w < 2 || h < 2) throw Error("", "demosaicBilinear: mosaic smaller than 2×2");
    out.resize(w, h, 3);
    // Weights of the 3×3 tent; a missing colour is the tent-weighted mean of the neighbours
    // that carry it, which is the classic bilinear interpolation on a Bayer grid.
    static constexpr float kTent[3][3] = {{1, 2, 1}, {2, 4, 2}, {1, 2, 1}};
    std::vector<int> xs(std::size_t(w) * 3);
    for (int x = 0; x < w; ++x)
        for (int k = 0; k < 3; ++k) xs[std::size_t(x) * 3 + k] = mirror(x + k - 1, w);
    parallelFor(0, h, [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            const float* rows[3] = {mosaic.row(mirror(y - 1, h)), mosaic.row(y),
                                    mosaic.row(mirror(y + 1, h))};
            float* d = out.row(y);
            for (int x = 0; x < w; ++x) {
                const int own = cfa[(y & 1) * 2 + (x & 1)];
                float sum[3] = {0, 0, 0}, wsum[3] = {0, 0, 0};
                for (int dy = 0; dy < 3; ++dy) {
                    for (int dx = 0; dx < 3; ++dx) {
                        const int c = cfa[((y + dy + 1) & 1) * 2 + ((x + dx + 1) & 1)];
                        sum[c] += kTent[dy][dx] * rows[dy][xs[std::size_t(x) * 3 + dx]];
                        wsum[c] += kTent[dy][dx];
                    }
                }
                for (int c = 0; c < 3; ++c) d[3 * x + c] = sum[c] / wsum[c];
                d[3 * x + own] = rows[1][x];
            }
        }
    });
}

void demosaicFull(ConstImageView mosaic, const CfaPattern& cfa, Image& out,
                  const CancelToken* cancel) {
    demosaicFull(mosaic, cfa, MosaicGains{}, out, cancel);
}

void demosaicFull(ConstImageView mosaic, const CfaPattern& cfa, const MosaicGains& wb, Image& out,
                  const CancelToken* cancel) {
    requireMosaic(mosaic, "demosaicFull");
    const SiteGains gains = siteGains(cfa, wb);
    const int w = mosaic.width, h = mosaic.height;
    if (w < 2 || h < 2) throw Error("", "demosaicFull: mosaic smaller than 2×2");
    out.resize(w, h, 3);
    ImageView o = out.view();

    // Tile interior size: even (so every tile starts on the same CFA phase). The seven planar
    // work buffers of a padded 228² tile take 1.5 MB; 96, 192 and 256 were measured, 192 was
    // fastest (bench_demosaic), larger tiles waste less on borders but spill the cache.
    constexpr int kTile = 192;
    const int pad = kRcdPad;
    const int tilesX = (w + kTile - 1) / kTile, tilesY = (h + kTile - 1) / kTile;
    const int tw = kTile + 2 * pad, th = kTile + 2 * pad;

    // Whole rows of tiles per task keep the tasks in strips; the cancel token is checked
    // between tiles as well as between strips.
    parallelFor(
        0, tilesY,
        [&](int ty0, int ty1) {
            std::vector<float> tile(std::size_t(tw) * th);
            std::vector<float> scratch(rcdScratchFloats(tw, th));
            for (int ty = ty0; ty < ty1; ++ty) {
                for (int tx = 0; tx < tilesX; ++tx) {
                    if (cancel) cancel->check();
                    const int x0 = tx * kTile, y0 = ty * kTile;
                    const int cw = std::min(kTile, w - x0), chh = std::min(kTile, h - y0);
                    // A narrow last tile still uses the full padded geometry: the mirror fills
                    // what lies beyond the image, and only the valid part is written out.
                    const int ctw = cw + 2 * pad, cth = chh + 2 * pad;
                    copyPaddedTile(mosaic, x0, y0, cw, chh, pad, gains, tile.data());
                    rcdTile(tile.data(), ctw, cth, shifted(cfa, x0 - pad, y0 - pad), scratch.data(),
                            o.region({x0, y0, cw, chh}));
                }
            }
        },
        1, cancel);
}

}  // namespace rf
