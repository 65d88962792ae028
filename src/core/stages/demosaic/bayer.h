// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the demosaic algorithms: what a Bayer tile looks like and how a padded tile of the
// mosaic is cut out. Every algorithm works on tiles that carry a border of real (or mirrored)
// samples, so borders of the image need no special cases and every tile is independent,
// which is what lets the full-size path run in parallel strips with a small working set.
#pragma once

#include <cstdint>

#include "rangefinder/demosaic.h"
#include "rangefinder/image.h"
#include "rangefinder/raw.h"

namespace rf::demosaic_detail {

/// Checks that `cfa` is one of the four Bayer layouts (two greens on a diagonal, one red,
/// one blue); throws rf::Error otherwise.
void requireBayer(const CfaPattern& cfa);

/// Mirrors an index into [0, n) about the edge samples (… 2 1 | 0 1 2 … n-2 n-1 | n-2 …).
/// The period 2(n-1) is even, so a mirrored sample keeps its CFA colour. Needs n >= 2.
inline int mirror(int i, int n) {
    const int period = 2 * (n - 1);
    i %= period;
    if (i < 0) i += period;
    return i < n ? i : period - i;
}

/// Copies mosaic samples [x0 - pad, x0 + w + pad) × [y0 - pad, y0 + h + pad) into `dst`
/// (row length w + 2·pad), mirroring where the window leaves the image.
void copyPaddedTile(ConstImageView mosaic, int x0, int y0, int w, int h, int pad, float* dst);

/// Per-site gains of a white balance applied while reading the mosaic: site (x, y) is scaled
/// by site[(y & 1) * 2 + (x & 1)] and then limited to `ceiling` (+infinity when not clipping,
/// which leaves every finite value unchanged).
struct SiteGains {
    float site[4];
    float ceiling;
    bool identity() const;
};
SiteGains siteGains(const CfaPattern& cfa, const MosaicGains& g);

/// copyPaddedTile, white balancing each sample by the gain of its own site (a mirrored
/// sample keeps its site's colour, see mirror()).
void copyPaddedTile(ConstImageView mosaic, int x0, int y0, int w, int h, int pad,
                    const SiteGains& gains, float* dst);

/// RCD-style directional demosaicing (see rcd.cpp) of a padded tile whose top-left
/// sample has CFA colour layout `cfa` (phase already shifted to the tile origin). Writes
/// the interior (tile minus `kRcdPad` on each side, the reach of the algorithm: 10 sites
/// plus 8 for the refinement round) as interleaved RGB into `out`.
/// `scratch` must hold rcdScratchFloats(tw, th) floats.
constexpr int kRcdPad = 18;
std::size_t rcdScratchFloats(int tw, int th);
void rcdTile(const float* tile, int tw, int th, const CfaPattern& cfa, float* scratch,
             ImageView out);

}  // namespace rf::demosaic_detail
