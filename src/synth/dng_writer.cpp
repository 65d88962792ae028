// SPDX-License-Identifier: GPL-3.0-or-later
// A minimal DNG writer for synthetic ground truth: one TIFF IFD (little-endian unless asked)
// holding a CFA (uncompressed in 1–16 bits, or 16-bit in lossless JPEG tiles) or 3-channel
// LinearRaw image with just the
// tags a raw reader needs to interpret it colorimetrically. Every number in the file follows from
// DngOptions (or MosaicDngOptions and the mosaic) by the rules documented in synth.h, so a test
// can predict exactly what a decoder must see. Written by hand (no libtiff) so the bytes are
// fully under our control.

#include <algorithm>
#include <atomic>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/parallel.h"
#include "synth.h"

namespace rf::synth {
namespace {

enum TiffType : std::uint16_t {
    kByte = 1,
    kAscii = 2,
    kShort = 3,
    kLong = 4,
    kRational = 5,
    kUndefined = 7,
    kSRational = 10
};

struct Entry {
    std::uint16_t tag;
    std::uint16_t type;
    std::uint32_t count;
    std::vector<std::uint8_t> bytes;  // the value, little-endian
};

void put16(std::vector<std::uint8_t>& b, std::uint32_t v) {
    b.push_back(std::uint8_t(v));
    b.push_back(std::uint8_t(v >> 8));
}
void put32(std::vector<std::uint8_t>& b, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b.push_back(std::uint8_t(v >> (8 * i)));
}

class Ifd {
  public:
    void bytes(std::uint16_t tag, std::vector<std::uint8_t> v) {
        const auto n = std::uint32_t(v.size());
        add(tag, kByte, n, std::move(v));
    }
    void undefined(std::uint16_t tag, std::vector<std::uint8_t> v) {
        const auto n = std::uint32_t(v.size());
        add(tag, kUndefined, n, std::move(v));
    }
    void ascii(std::uint16_t tag, const std::string& s) {
        std::vector<std::uint8_t> v(s.begin(), s.end());
        v.push_back(0);
        const auto n = std::uint32_t(v.size());
        add(tag, kAscii, n, std::move(v));
    }
    void shorts(std::uint16_t tag, std::initializer_list<std::uint32_t> vals) {
        std::vector<std::uint8_t> v;
        for (auto x : vals) put16(v, x);
        add(tag, kShort, std::uint32_t(vals.size()), std::move(v));
    }
    void longs(std::uint16_t tag, std::initializer_list<std::uint32_t> vals) {
        longs(tag, std::vector<std::uint32_t>(vals));
    }
    void longs(std::uint16_t tag, const std::vector<std::uint32_t>& vals) {
        std::vector<std::uint8_t> v;
        for (auto x : vals) put32(v, x);
        add(tag, kLong, std::uint32_t(vals.size()), std::move(v));
    }
    /// Rationals with a fixed denominator: 1e6 keeps matrix entries to 6 decimals.
    void rationals(std::uint16_t tag, const std::vector<double>& vals, bool isSigned) {
        constexpr double kDen = 1'000'000.0;
        std::vector<std::uint8_t> v;
        for (double x : vals) {
            const double limit = isSigned ? 2147483647.0 : 4294967295.0;
            if (!std::isfinite(x) || std::abs(x) * kDen > limit || (!isSigned && x < 0))
                throw Error("DNG writer: value out of range for a rational");
            const long long num = std::llround(x * kDen);
            put32(v, std::uint32_t(num));
            put32(v, std::uint32_t(kDen));
        }
        add(tag, isSigned ? kSRational : kRational, std::uint32_t(vals.size()), std::move(v));
    }

    /// Serialises header + IFD + out-of-line values; returns the bytes and patches the
    /// strip or tile offsets (`offsetsTag`, which must be present with one entry per chunk)
    /// to the chunks of `chunkBytes`, stored one after another just after them.
    std::vector<std::uint8_t> serialise(std::uint16_t offsetsTag,
                                        const std::vector<std::uint32_t>& chunkBytes,
                                        std::uint32_t gap = 0, bool bigEndian = false) {
        std::sort(entries_.begin(), entries_.end(),
                  [](const Entry& a, const Entry& b) { return a.tag < b.tag; });
        const std::uint32_t ifdOffset = 8;
        const std::uint32_t ifdSize = 2 + 12 * std::uint32_t(entries_.size()) + 4;
        std::uint32_t extra = ifdOffset + ifdSize;
        std::vector<std::uint32_t> valueOffsets;
        for (const Entry& e : entries_) {
            if (e.bytes.size() > 4) {
                valueOffsets.push_back(extra);
                extra += std::uint32_t((e.bytes.size() + 1) & ~std::size_t(1));
            } else {
                valueOffsets.push_back(0);
            }
        }
        const std::uint32_t dataOffset = (extra + 15) & ~15u;
        for (Entry& e : entries_)
            if (e.tag == offsetsTag) {
                e.bytes.clear();
                std::uint32_t at = dataOffset;
                for (const std::uint32_t n : chunkBytes) {
                    put32(e.bytes, at);
                    at += n + gap;
                }
            }
        // Values are kept little-endian; a big-endian file has each element turned round.
        if (bigEndian)
            for (Entry& e : entries_) {
                const std::size_t size =
                    e.type == kShort                                                 ? 2
                    : e.type == kLong || e.type == kRational || e.type == kSRational ? 4
                                                                                     : 1;
                for (std::size_t i = 0; i + size <= e.bytes.size(); i += size)
                    std::reverse(e.bytes.begin() + std::ptrdiff_t(i),
                                 e.bytes.begin() + std::ptrdiff_t(i + size));
            }
        const auto p16 = [&](std::vector<std::uint8_t>& b, std::uint32_t v) {
            if (bigEndian) {
                b.push_back(std::uint8_t(v >> 8));
                b.push_back(std::uint8_t(v));
            } else {
                put16(b, v);
            }
        };
        const auto p32 = [&](std::vector<std::uint8_t>& b, std::uint32_t v) {
            p16(b, bigEndian ? v >> 16 : v & 0xffff);
            p16(b, bigEndian ? v & 0xffff : v >> 16);
        };

        std::vector<std::uint8_t> out;
        out.push_back(bigEndian ? 'M' : 'I');
        out.push_back(bigEndian ? 'M' : 'I');
        p16(out, 42);
        p32(out, ifdOffset);
        p16(out, std::uint32_t(entries_.size()));
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const Entry& e = entries_[i];
            p16(out, e.tag);
            p16(out, e.type);
            p32(out, e.count);
            if (e.bytes.size() > 4) {
                p32(out, valueOffsets[i]);
            } else {
                std::uint8_t inl[4] = {0, 0, 0, 0};
                std::memcpy(inl, e.bytes.data(), e.bytes.size());
                out.insert(out.end(), inl, inl + 4);
            }
        }
        p32(out, 0);  // no further IFD
        for (const Entry& e : entries_)
            if (e.bytes.size() > 4) {
                out.insert(out.end(), e.bytes.begin(), e.bytes.end());
                if (e.bytes.size() & 1) out.push_back(0);
            }
        out.resize(dataOffset, 0);
        return out;
    }

    void add(std::uint16_t tag, std::uint16_t type, std::uint32_t count,
             std::vector<std::uint8_t> v) {
        entries_.push_back({tag, type, count, std::move(v)});
    }

  private:
    std::vector<Entry> entries_;
};

/// splitmix64: a tiny, well-mixed generator, identical on every platform (unlike
/// std::normal_distribution), seeded per row so parallel rows stay deterministic.
struct SplitMix {
    std::uint64_t s;
    std::uint64_t next() {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return (double(next() >> 11) + 0.5) * (1.0 / 9007199254740992.0); }
    /// Box–Muller; the second variate is discarded to keep the stream simple.
    double gaussian() {
        const double u1 = uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    /// Poisson: counted exactly for small means (Knuth), by the normal approximation with a
    /// continuity correction from 64 up, where the two are indistinguishable in a raw.
    double poisson(double mean) {
        if (mean <= 0) return 0;
        if (mean >= 64) return std::max(0.0, std::floor(mean + std::sqrt(mean) * gaussian() + 0.5));
        const double limit = std::exp(-mean);
        double k = 0, p = uniform();
        while (p > limit) {
            p *= uniform();
            k += 1;
        }
        return k;
    }
};

Vec3 illuminantY1(const DngOptions& o) {
    const Vec3& w = o.illuminantXYZ;
    if (!(w[1] > 0)) throw Error("DNG writer: illuminant has no luminance");
    return {w[0] / w[1], 1.0, w[2] / w[1]};
}

/// `width` × `height`: the scene's (or mosaic's) size, before any border.
void validate(const DngOptions& o, int sceneWidth, int sceneHeight) {
    if (o.blackLevel < 0 || o.whiteLevel > 65535 || o.whiteLevel <= o.blackLevel)
        throw Error("DNG writer: need 0 <= blackLevel < whiteLevel <= 65535");
    if (!(o.exposureScale > 0)) throw Error("DNG writer: exposureScale must be positive");
    const DngOptions::Border& b = o.blackBorder;
    if (b.left < 0 || b.top < 0 || b.right < 0 || b.bottom < 0 || b.left > 65535 || b.top > 65535 ||
        b.right > 65535 || b.bottom > 65535)
        throw Error("DNG writer: border widths must be 0..65535");
    const double width = double(sceneWidth) + b.left + b.right;
    const double height = double(sceneHeight) + b.top + b.bottom;
    const Rect& a = o.activeArea;
    if ((a.width != 0 || a.height != 0) &&
        (a.x < 0 || a.y < 0 || a.width <= 0 || a.height <= 0 || a.x + double(a.width) > width ||
         a.y + double(a.height) > height))
        throw Error("DNG writer: the active area must be a rectangle inside the image");
    const Rect& crop = o.defaultCrop;
    if (crop.x < 0 || crop.y < 0 || crop.width < 0 || crop.height < 0)
        throw Error("DNG writer: the default crop cannot be negative");
    if (o.uncompressedBits < 1 || o.uncompressedBits > 16 ||
        (o.uncompressedBits < 16 && o.whiteLevel >> o.uncompressedBits != 0))
        throw Error("DNG writer: uncompressedBits must be 1..16 and hold the white level");
    if (o.rowsPerStrip < 0 || o.stripGap < 0)
        throw Error("DNG writer: rowsPerStrip and stripGap cannot be negative");
    const double bytes = width * height * (o.linear ? 3 : 1) * 2;
    if (bytes > 4.0e9) throw Error("DNG writer: image too large for a classic TIFF (4 GB)");
    if (o.orientation < 1 || o.orientation > 8) throw Error("DNG writer: orientation must be 1..8");
    for (auto c : o.cfa)
        if (c > 2) throw Error("DNG writer: CFA colours are 0 (R), 1 (G), 2 (B)");
    for (const GainMapSpec& g : o.gainMaps) {
        const std::uint64_t points = std::uint64_t(g.pointsV) * g.pointsH * g.mapPlanes;
        if (g.pointsV == 0 || g.pointsH == 0 || g.mapPlanes == 0 || g.gains.size() != points)
            throw Error("DNG writer: a gain map needs pointsV × pointsH × mapPlanes gains");
        if (g.planes == 0 || g.rowPitch == 0 || g.colPitch == 0 ||
            (g.pointsV > 1 && !(g.spacingV > 0)) || (g.pointsH > 1 && !(g.spacingH > 0)) ||
            !std::isfinite(g.originV) || !std::isfinite(g.originH))
            throw Error("DNG writer: a gain map needs planes, pitches and spacings above 0");
        for (const float v : g.gains)
            if (!std::isfinite(v) || !(v > 0))
                throw Error("DNG writer: gain map gains must be positive and finite");
    }
    if (o.warp && o.warp->planes != 1 && o.warp->planes != 3)
        throw Error("DNG writer: WarpRectilinear has 1 or 3 planes");
    if (o.ljpegTileWidth != 0 &&
        (o.linear || o.ljpegTileWidth < 0 || o.ljpegTileHeight <= 0 || o.ljpegComponents < 1 ||
         o.ljpegComponents > 4 || o.ljpegTileWidth % o.ljpegComponents != 0 ||
         o.ljpegTileWidth / o.ljpegComponents > 65535 || o.ljpegTileHeight > 65535))
        throw Error(
            "DNG writer: lossless JPEG tiles need a CFA, a positive size and a width "
            "that divides into the components");
}

/// Opcode lists are big-endian whatever the file's byte order (DNG 1.4 §7).
void putBe32(std::vector<std::uint8_t>& b, std::uint32_t v) {
    for (int i = 3; i >= 0; --i) b.push_back(std::uint8_t(v >> (8 * i)));
}
void putBe64(std::vector<std::uint8_t>& b, std::uint64_t v) {
    for (int i = 7; i >= 0; --i) b.push_back(std::uint8_t(v >> (8 * i)));
}
void putDouble(std::vector<std::uint8_t>& b, double v) {
    putBe64(b, std::bit_cast<std::uint64_t>(v));
}

/// One opcode: id, the DNG version it was written for (1.3.0.0), flags, byte count, params.
void putOpcode(std::vector<std::uint8_t>& b, std::uint32_t id, bool optional,
               const std::vector<std::uint8_t>& params) {
    putBe32(b, id);
    putBe32(b, 0x01030000u);
    putBe32(b, optional ? 1u : 0u);
    putBe32(b, std::uint32_t(params.size()));
    b.insert(b.end(), params.begin(), params.end());
}

/// The image OpcodeList2 and 3 apply to: the active area, else the whole written image.
Rect opcodeImage(const DngOptions& o, int w, int h) {
    return o.activeArea.width > 0 ? o.activeArea : Rect{0, 0, w, h};
}

}  // namespace

GainMapSpec radialGainMap(int points, double strength) {
    if (points < 2) throw Error("DNG writer: a radial gain map needs at least 2 points a side");
    GainMapSpec g;
    g.pointsV = g.pointsH = std::uint32_t(points);
    g.spacingV = g.spacingH = 1.0 / (points - 1);
    for (int i = 0; i < points; ++i)
        for (int j = 0; j < points; ++j) {
            // Distance from the centre in units of the half diagonal of a unit square.
            const double dy = (double(i) / (points - 1) - 0.5),
                         dx = (double(j) / (points - 1) - 0.5);
            const double r2 = (dx * dx + dy * dy) / 0.5;
            g.gains.push_back(float(1.0 + strength * r2));
        }
    return g;
}

double gainMapGain(const GainMapSpec& g, int x, int y, int plane, int width, int height) {
    const std::int64_t bottom = g.bottom ? g.bottom : std::uint32_t(height);
    const std::int64_t right = g.right ? g.right : std::uint32_t(width);
    if (y < std::int64_t(g.top) || y >= bottom || x < std::int64_t(g.left) || x >= right) return 1;
    if ((y - std::int64_t(g.top)) % g.rowPitch != 0 || (x - std::int64_t(g.left)) % g.colPitch != 0)
        return 1;
    if (plane < std::int64_t(g.plane) || plane >= std::int64_t(g.plane) + g.planes) return 1;
    const std::uint32_t mp = std::min<std::uint32_t>(std::uint32_t(plane), g.mapPlanes - 1);
    // Map coordinates of the pixel's centre, held at the first and last point.
    const auto index = [](double relative, double origin, double spacing, std::uint32_t n) {
        if (n < 2) return 0.0;
        return std::clamp((relative - origin) / spacing, 0.0, double(n - 1));
    };
    const double v = index((y + 0.5) / height, g.originV, g.spacingV, g.pointsV);
    const double u = index((x + 0.5) / width, g.originH, g.spacingH, g.pointsH);
    const auto i0 = std::uint32_t(v), j0 = std::uint32_t(u);
    const std::uint32_t i1 = std::min(i0 + 1, g.pointsV - 1), j1 = std::min(j0 + 1, g.pointsH - 1);
    const auto at = [&](std::uint32_t i, std::uint32_t j) {
        return double(g.gains[(std::size_t(i) * g.pointsH + j) * g.mapPlanes + mp]);
    };
    const double fv = v - i0, fu = u - j0;
    const double top = at(i0, j0) + fu * (at(i0, j1) - at(i0, j0));
    const double bot = at(i1, j0) + fu * (at(i1, j1) - at(i1, j0));
    return top + fv * (bot - top);
}

std::vector<std::uint8_t> opcodeListBytes(const DngOptions& o, int list, int width, int height) {
    std::vector<std::uint8_t> b;
    if (list == 2) {
        putBe32(b, std::uint32_t(o.gainMaps.size()));
        for (const GainMapSpec& g : o.gainMaps) {
            std::vector<std::uint8_t> p;
            // 0 for bottom / right means the whole height / width, as phones write it; without
            // the size, the largest value, which a reader cuts to the image.
            const std::uint32_t bottom = g.bottom     ? g.bottom
                                         : height > 0 ? std::uint32_t(height)
                                                      : 0xffffffffu;
            const std::uint32_t right = g.right     ? g.right
                                        : width > 0 ? std::uint32_t(width)
                                                    : 0xffffffffu;
            for (const std::uint32_t v : {g.top, g.left, bottom, right, g.plane, g.planes,
                                          g.rowPitch, g.colPitch, g.pointsV, g.pointsH})
                putBe32(p, v);
            for (const double v : {g.spacingV, g.spacingH, g.originV, g.originH}) putDouble(p, v);
            putBe32(p, g.mapPlanes);
            for (const float v : g.gains) putBe32(p, std::bit_cast<std::uint32_t>(v));
            putOpcode(b, 9, g.optional, p);
        }
    } else if (list == 3) {
        putBe32(b, std::uint32_t(o.warp.has_value()) + std::uint32_t(o.vignette.has_value()));
        if (o.warp) {
            std::vector<std::uint8_t> p;
            putBe32(p, std::uint32_t(o.warp->planes));
            for (int plane = 0; plane < o.warp->planes; ++plane)
                for (const double c : o.warp->coefficients[std::size_t(plane)]) putDouble(p, c);
            putDouble(p, o.warp->centerX);
            putDouble(p, o.warp->centerY);
            putOpcode(b, 1, false, p);
        }
        if (o.vignette) {
            std::vector<std::uint8_t> p;
            for (const double k : o.vignette->k) putDouble(p, k);
            putDouble(p, o.vignette->centerX);
            putDouble(p, o.vignette->centerY);
            putOpcode(b, 3, false, p);
        }
    } else {
        putBe32(b, 0);
    }
    return b;
}

// The layout of Fujifilm's X-Trans sensors (as in X-T1 era files, seen from the top left).
const std::uint8_t kXTrans[6][6] = {{1, 1, 0, 1, 1, 2}, {1, 1, 2, 1, 1, 0}, {2, 0, 1, 0, 2, 1},
                                    {1, 1, 2, 1, 1, 0}, {1, 1, 0, 1, 1, 2}, {0, 2, 1, 2, 0, 1}};

Vec3 dngAsShotNeutral(const DngOptions& o) {
    const Vec3 r = mul(o.cameraFromXYZ, illuminantY1(o));
    const double m = std::max({r[0], r[1], r[2]});
    if (!(m > 0) || r[0] <= 0 || r[1] <= 0 || r[2] <= 0)
        throw Error("DNG writer: the camera's response to the illuminant is not positive");
    return {r[0] / m, r[1] / m, r[2] / m};
}

double dngExposureGain(const DngOptions& o) {
    const Vec3 r = mul(o.cameraFromXYZ, illuminantY1(o));
    const double m = std::max({r[0], r[1], r[2]});
    if (!(m > 0))
        throw Error("DNG writer: the camera's response to the illuminant is not positive");
    return o.exposureScale * double(o.whiteLevel - o.blackLevel) / m;
}

namespace {

/// The file around `pixels` (w × h × 1 or 3 samples, as `o.linear` says): the tags every
/// DngOptions field asks for, with the neutral and BaselineExposure (none: no tag) given, so
/// that a chart and a ready-made mosaic are written by the same code.
void writeFile(const std::string& path, const std::vector<std::uint16_t>& pixels, int w, int h,
               const DngOptions& o, const Vec3& neutral, std::optional<double> baselineEv,
               const char* software, const MosaicDngOptions* lens = nullptr) {
    const int spp = o.linear ? 3 : 1;
    // Lossless JPEG tiles, each coded on its own; edge tiles repeat the last column and row.
    const bool tiled = o.ljpegTileWidth > 0;
    std::vector<std::vector<std::uint8_t>> tiles;
    int tilesAcross = 0, tilesDown = 0;
    if (tiled) {
        const int tw = o.ljpegTileWidth, th = o.ljpegTileHeight, comps = o.ljpegComponents;
        tilesAcross = (w + tw - 1) / tw;
        tilesDown = (h + th - 1) / th;
        LosslessJpegOptions lj;
        lj.bits = std::max(2, int(std::bit_width(unsigned(o.whiteLevel))));
        lj.predictor = o.ljpegPredictor;
        tiles.resize(std::size_t(tilesAcross) * std::size_t(tilesDown));
        parallelFor(0, int(tiles.size()), [&](int t0, int t1) {
            std::vector<std::uint16_t> tile(std::size_t(tw) * std::size_t(th));
            for (int t = t0; t < t1; ++t) {
                const int x0 = (t % tilesAcross) * tw, y0 = (t / tilesAcross) * th;
                for (int y = 0; y < th; ++y)
                    for (int x = 0; x < tw; ++x)
                        tile[std::size_t(y) * std::size_t(tw) + std::size_t(x)] =
                            pixels[std::size_t(std::min(y0 + y, h - 1)) * std::size_t(w) +
                                   std::size_t(std::min(x0 + x, w - 1))];
                tiles[std::size_t(t)] = encodeLosslessJpeg(tile.data(), tw / comps, th, comps, lj);
            }
        });
    }

    // Uncompressed: the rows in the file's form, in strips of `rowsPerStrip` rows.
    const int bits = o.uncompressedBits;
    const std::size_t rowSamples = std::size_t(w) * std::size_t(spp);
    const std::size_t rowBytes = (rowSamples * std::size_t(bits) + 7) / 8;
    std::vector<std::uint8_t> rows;
    if (!tiled) {
        rows.assign(rowBytes * std::size_t(h), 0);
        parallelFor(0, h, [&](int y0, int y1) {
            for (int y = y0; y < y1; ++y) {
                const std::uint16_t* src = pixels.data() + std::size_t(y) * rowSamples;
                std::uint8_t* dst = rows.data() + std::size_t(y) * rowBytes;
                if (bits == 16) {
                    for (std::size_t i = 0; i < rowSamples; ++i) {
                        dst[2 * i + (o.bigEndian ? 1 : 0)] = std::uint8_t(src[i]);
                        dst[2 * i + (o.bigEndian ? 0 : 1)] = std::uint8_t(src[i] >> 8);
                    }
                    continue;
                }
                std::size_t bit = 0;
                for (std::size_t i = 0; i < rowSamples; ++i)
                    for (int b = bits - 1; b >= 0; --b, ++bit)
                        if (src[i] >> b & 1) dst[bit >> 3] |= std::uint8_t(0x80 >> (bit & 7));
            }
        });
    }
    const int stripRows = o.rowsPerStrip > 0 ? std::min(o.rowsPerStrip, h) : h;

    constexpr std::uint16_t kStripOffsets = 273, kTileOffsets = 324;
    std::vector<std::uint32_t> chunkBytes;
    if (tiled)
        for (const auto& t : tiles) chunkBytes.push_back(std::uint32_t(t.size()));
    else
        for (int y = 0; y < h; y += stripRows)
            chunkBytes.push_back(std::uint32_t(rowBytes * std::size_t(std::min(stripRows, h - y))));
    Ifd ifd;
    ifd.longs(254, {0});  // NewSubFileType: main image
    const std::uint32_t headerW = o.claimedWidth ? o.claimedWidth : std::uint32_t(w);
    const std::uint32_t headerH = o.claimedHeight ? o.claimedHeight : std::uint32_t(h);
    ifd.longs(256, {headerW});  // ImageWidth
    ifd.longs(257, {headerH});  // ImageLength
    const auto sampleBits = std::uint32_t(tiled ? 16 : bits);
    if (o.linear)
        ifd.shorts(258, {sampleBits, sampleBits, sampleBits});  // BitsPerSample
    else
        ifd.shorts(258, {sampleBits});
    ifd.shorts(259, {tiled ? 7u : 1u});             // Compression: lossless JPEG / none
    ifd.shorts(262, {o.linear ? 34892u : 32803u});  // LinearRaw / CFA
    ifd.ascii(271, o.make);
    ifd.ascii(272, o.model);
    if (!tiled)  // patched by serialise()
        ifd.longs(kStripOffsets, std::vector<std::uint32_t>(chunkBytes.size(), 0));
    ifd.shorts(274, {std::uint32_t(o.orientation)});
    ifd.shorts(277, {std::uint32_t(spp)});  // SamplesPerPixel
    if (tiled) {
        ifd.longs(322, {std::uint32_t(o.ljpegTileWidth)});                     // TileWidth
        ifd.longs(323, {std::uint32_t(o.ljpegTileHeight)});                    // TileLength
        ifd.longs(kTileOffsets, std::vector<std::uint32_t>(tiles.size(), 0));  // patched
        ifd.longs(325, chunkBytes);                                            // TileByteCounts
    } else {
        ifd.longs(278, {o.rowsPerStrip > 0 ? std::uint32_t(stripRows) : headerH});  // RowsPerStrip
        ifd.longs(279, chunkBytes);  // StripByteCounts
    }
    ifd.shorts(284, {1});      // PlanarConfiguration: chunky
    ifd.ascii(305, software);  // Software
    if (!o.artist.empty()) ifd.ascii(315, o.artist);
    if (!o.copyright.empty()) ifd.ascii(33432, o.copyright);
    if (lens && lens->fNumber > 0) ifd.rationals(33437, {lens->fNumber}, false);  // FNumber
    if (lens && lens->focalLength > 0)
        ifd.rationals(37386, {lens->focalLength}, false);  // FocalLength
    if (lens && lens->focalLength35mm > 0)
        ifd.shorts(41989, {std::uint32_t(lens->focalLength35mm)});          // FocalLengthIn35mmFilm
    if (lens && !lens->lensMake.empty()) ifd.ascii(42035, lens->lensMake);  // LensMake
    if (lens && !lens->lensModel.empty()) ifd.ascii(42036, lens->lensModel);  // LensModel
    if (!o.linear && o.xtrans) {
        ifd.shorts(33421, {6, 6});  // CFARepeatPatternDim
        ifd.bytes(33422, std::vector<std::uint8_t>(&kXTrans[0][0], &kXTrans[0][0] + 36));
    } else if (!o.linear) {
        ifd.shorts(33421, {2, 2});  // CFARepeatPatternDim
        ifd.bytes(33422, {o.cfa[0], o.cfa[1], o.cfa[2], o.cfa[3]});
    }
    ifd.bytes(50706, {1, 4, 0, 0});            // DNGVersion
    ifd.bytes(50707, {1, 1, 0, 0});            // DNGBackwardVersion
    ifd.ascii(50708, o.make + " " + o.model);  // UniqueCameraModel
    if (!o.linear) {
        ifd.bytes(50710, {0, 1, 2});  // CFAPlaneColor: R G B
        ifd.shorts(50711, {1});       // CFALayout: rectangular
    }
    if (!o.linearizationTable.empty()) {
        std::vector<std::uint8_t> table;
        for (const std::uint16_t v : o.linearizationTable) put16(table, v);
        ifd.add(50712, kShort, std::uint32_t(o.linearizationTable.size()), std::move(table));
    }
    ifd.longs(50714, {std::uint32_t(o.blackLevel)});  // BlackLevel
    ifd.longs(50717, {std::uint32_t(o.whiteLevel)});  // WhiteLevel
    if (o.defaultCrop.width != 0 || o.defaultCrop.height != 0) {
        const Rect& c = o.defaultCrop;
        ifd.longs(50719, {std::uint32_t(c.x), std::uint32_t(c.y)});           // DefaultCropOrigin
        ifd.longs(50720, {std::uint32_t(c.width), std::uint32_t(c.height)});  // DefaultCropSize
    }
    std::vector<double> cm;
    for (const auto& row : o.cameraFromXYZ) cm.insert(cm.end(), row.begin(), row.end());
    ifd.rationals(50721, cm, true);                                     // ColorMatrix1
    ifd.rationals(50728, {neutral[0], neutral[1], neutral[2]}, false);  // AsShotNeutral
    if (baselineEv) ifd.rationals(50730, {*baselineEv}, true);          // BaselineExposure
    ifd.shorts(50778, {21});  // CalibrationIlluminant1: D65
    if (!o.opcodeList1Bytes.empty()) ifd.undefined(51008, o.opcodeList1Bytes);
    if (!o.opcodeList2Bytes.empty())
        ifd.undefined(51009, o.opcodeList2Bytes);
    else if (!o.gainMaps.empty())
        ifd.undefined(
            51009, opcodeListBytes(o, 2, opcodeImage(o, w, h).width, opcodeImage(o, w, h).height));
    if (!o.opcodeList3Bytes.empty())
        ifd.undefined(51022, o.opcodeList3Bytes);
    else if (o.warp || o.vignette)
        ifd.undefined(51022, opcodeListBytes(o, 3));
    if (o.activeArea.width > 0) {
        const Rect& a = o.activeArea;
        ifd.longs(50829, {std::uint32_t(a.y), std::uint32_t(a.x), std::uint32_t(a.y + a.height),
                          std::uint32_t(a.x + a.width)});  // ActiveArea: top, left, bottom, right
    }

    const auto gap = std::uint32_t(tiled ? 0 : o.stripGap);
    const std::vector<std::uint8_t> head =
        ifd.serialise(tiled ? kTileOffsets : kStripOffsets, chunkBytes, gap, o.bigEndian);
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    if (!f) throw Error(path, std::string("cannot write: ") + std::strerror(errno));
    f.write(reinterpret_cast<const char*>(head.data()), std::streamsize(head.size()));
    if (tiled) {
        for (const auto& t : tiles)
            f.write(reinterpret_cast<const char*>(t.data()), std::streamsize(t.size()));
    } else {
        const std::vector<char> filler(gap, 0);
        std::size_t at = 0;
        for (std::size_t k = 0; k < chunkBytes.size(); ++k) {
            f.write(reinterpret_cast<const char*>(rows.data() + at),
                    std::streamsize(chunkBytes[k]));
            at += chunkBytes[k];
            if (k + 1 < chunkBytes.size()) f.write(filler.data(), std::streamsize(gap));
        }
    }
    f.close();
    if (!f) throw Error(path, "cannot write: disk full or I/O error");
}

}  // namespace

void writeDng(const std::string& path, ConstImageView scene, const DngOptions& o) {
    if (scene.empty() || scene.channels != 3)
        throw Error("DNG writer: the scene must be a non-empty 3-channel image");
    validate(o, scene.width, scene.height);
    const Vec3 neutral = dngAsShotNeutral(o);
    const double gain = dngExposureGain(o);
    // The whole scene → DN chain as one matrix, applied per pixel in float.
    const Mat3 sceneToCamera =
        mul(o.cameraFromXYZ, mul(bradford(kD65, illuminantY1(o)), xyzFromLinearSRGB()));
    float m[3][3];
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c) m[r][c] = float(gain * sceneToCamera[r][c]);

    const DngOptions::Border& border = o.blackBorder;
    const int w = scene.width + border.left + border.right;
    const int h = scene.height + border.top + border.bottom;
    const int spp = o.linear ? 3 : 1;
    const float black = float(o.blackLevel), white = float(o.whiteLevel);
    const float sigma = float(o.noise * (o.whiteLevel - o.blackLevel));
    const double range = double(o.whiteLevel - o.blackLevel);
    const bool active = o.activeArea.width > 0;
    // The CFA layout counts from the active area's corner; +6 keeps the modulo positive for
    // border sites to its left or above it.
    const int cfaX = 6 - (active ? o.activeArea.x % 6 : 0);
    const int cfaY = 6 - (active ? o.activeArea.y % 6 : 0);
    std::vector<std::uint16_t> pixels(std::size_t(w) * h * spp, std::uint16_t(o.blackLevel));
    const Rect stage = opcodeImage(o, w, h);
    // The lens shading the gain maps undo, as a sensor behind that lens records it.
    const auto shading = [&](int x, int y, int plane) {
        double g = 1;
        const int sx = x - stage.x, sy = y - stage.y;
        if (sx < 0 || sy < 0 || sx >= stage.width || sy >= stage.height) return 1.0;
        for (const GainMapSpec& map : o.gainMaps)
            g *= gainMapGain(map, sx, sy, plane, stage.width, stage.height);
        return g;
    };
    parallelFor(0, scene.height, [&](int sy0, int sy1) {
        for (int sy = sy0; sy < sy1; ++sy) {
            // Seeded by the scene row, so a border leaves the scene's noise as it was.
            SplitMix rng{0x52414E47u + std::uint64_t(sy) * 0x100000001B3ull +
                         o.noiseSeed * 0x9E3779B97F4A7C15ull};
            const float* src = scene.row(sy);
            const int y = sy + border.top;
            std::uint16_t* dst =
                pixels.data() + (std::size_t(y) * std::size_t(w) + std::size_t(border.left)) * spp;
            const int cy = (y + cfaY) % 6;
            for (int sx = 0; sx < scene.width; ++sx) {
                const float* p = src + sx * 3;
                const int cx = (sx + border.left + cfaX) % 6;
                for (int s = 0; s < spp; ++s) {
                    const int c = o.linear   ? s
                                  : o.xtrans ? kXTrans[cy][cx]
                                             : o.cfa[std::size_t((cy & 1) * 2 + (cx & 1))];
                    float v = m[c][0] * p[0] + m[c][1] * p[1] + m[c][2] * p[2];
                    if (!o.gainMaps.empty())
                        v = float(v / shading(sx + border.left, y, o.linear ? s : 0));
                    if (o.photonsAtWhite > 0) {
                        const double mean = std::max(0.0, double(v)) / range * o.photonsAtWhite;
                        v = float(rng.poisson(mean) / o.photonsAtWhite * range);
                    }
                    v += black;
                    if (sigma > 0) v += sigma * float(rng.gaussian());
                    v = std::clamp(std::nearbyint(v), 0.f, white);
                    dst[sx * spp + s] = std::uint16_t(v);
                }
            }
        }
    });

    writeFile(
        path, pixels, w, h, o, neutral,
        o.writeBaselineExposure
            ? std::optional<double>(o.baselineExposureEv.value_or(-std::log2(o.exposureScale)))
            : std::nullopt,
        "Rangefinder synthetic chart");
}

void writeMosaicDng(const std::string& path, ConstImageView mosaic, const MosaicDngOptions& mo) {
    if (mosaic.empty() || mosaic.channels != 1)
        throw Error("DNG writer: the mosaic must be a non-empty 1-channel image");
    DngOptions o;
    o.cfa = mo.cfa;
    o.cameraFromXYZ = mo.cameraFromXYZ;
    o.blackLevel = mo.blackLevel;
    o.whiteLevel = mo.whiteLevel;
    o.orientation = mo.orientation;
    o.make = mo.make;
    o.model = mo.model;
    validate(o, mosaic.width, mosaic.height);
    const auto& m = mo.asShotMultipliers;
    for (const float v : m)
        if (!std::isfinite(v) || !(v > 0))
            throw Error("DNG writer: as-shot multipliers must be positive and finite");
    // AsShotNeutral is the camera's response to the light, the multipliers' reciprocal.
    const double smallest = std::min({m[0], m[1], m[2]});
    const Vec3 neutral{smallest / m[0], smallest / m[1], smallest / m[2]};

    const int w = mosaic.width, h = mosaic.height;
    const float black = float(o.blackLevel), range = float(o.whiteLevel - o.blackLevel),
                white = float(o.whiteLevel);
    std::vector<std::uint16_t> pixels(std::size_t(w) * std::size_t(h));
    std::atomic<bool> nan{false};
    parallelFor(0, h, [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            const float* src = mosaic.row(y);
            std::uint16_t* dst = pixels.data() + std::size_t(y) * std::size_t(w);
            for (int x = 0; x < w; ++x) {
                if (std::isnan(src[x])) {
                    nan = true;
                    continue;
                }
                dst[x] =
                    std::uint16_t(std::clamp(std::nearbyint(black + src[x] * range), 0.f, white));
            }
        }
    });
    if (nan) throw Error("DNG writer: the mosaic holds a value that is not a number");
    writeFile(path, pixels, w, h, o, neutral, mo.baselineExposureEv, "Rangefinder synthetic mosaic",
              &mo);
}

}  // namespace rf::synth
