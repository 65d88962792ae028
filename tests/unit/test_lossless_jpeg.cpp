// SPDX-License-Identifier: GPL-3.0-or-later
// The lossless JPEG decoder against streams written here: every predictor, one to four
// components, 12- and 16-bit samples, stuffed 0xFF bytes, the −32768 difference, and each
// kind of stream it must decline and leave to LibRaw. Bit-exactness against LibRaw on real
// CR2s is test_decode's.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "io/lossless_jpeg.h"

using rf::ljpeg::Decoder;

namespace {

struct HuffSpec {
    std::array<std::uint8_t, 16> counts{};
    std::vector<std::uint8_t> symbols;
};

/// Category c has a code of length 5: short codes, many bytes of each kind.
HuffSpec flatTable() {
    HuffSpec h;
    h.counts[4] = 17;
    for (int c = 0; c <= 16; ++c) h.symbols.push_back(std::uint8_t(c));
    return h;
}

/// Lengths 2, 2, 3, 3, 4 … 16: the decoder's lookup is then 16 bits deep.
HuffSpec deepTable() {
    HuffSpec h;
    h.counts[1] = 2;
    h.counts[2] = 2;
    for (int len = 4; len <= 16; ++len) h.counts[len - 1] = 1;
    for (int c = 0; c <= 16; ++c) h.symbols.push_back(std::uint8_t(c));
    return h;
}

struct Code {
    int len = 0;
    unsigned bits = 0;
};

std::array<Code, 256> canonicalCodes(const HuffSpec& h) {
    std::array<Code, 256> codes{};
    unsigned code = 0;
    std::size_t k = 0;
    for (int len = 1; len <= 16; ++len) {
        for (int i = 0; i < h.counts[len - 1]; ++i) codes[h.symbols[k++]] = {len, code++};
        code <<= 1;
    }
    return codes;
}

/// Writes entropy-coded bits MSB first, stuffing a zero after every 0xFF.
struct BitWriter {
    std::vector<std::uint8_t> out;
    std::uint64_t acc = 0;
    int n = 0;
    int stuffed = 0;

    void put(unsigned bits, int count) {
        for (int i = count - 1; i >= 0; --i) {
            acc = acc << 1 | ((bits >> i) & 1);
            if (++n == 8) emit();
        }
    }
    void emit() {
        const auto b = std::uint8_t(acc);
        out.push_back(b);
        if (b == 0xff) {
            out.push_back(0);
            ++stuffed;
        }
        acc = 0;
        n = 0;
    }
    void flush() {
        while (n != 0) put(1, 1);
    }
};

struct Stream {
    int bits = 12, high = 23, wide = 37, clrs = 2, predictor = 1;
    unsigned dngVersion = 0;
    std::vector<std::uint16_t> samples;                      // high × wide × clrs
    std::vector<HuffSpec> tables{deepTable(), flatTable()};  // defined at indices 0, 1, …
    int samplingFactors = 0x11;
    bool restartMarker = false;
    bool padAfterFrame = false;  // dcraw's extra byte after a one-component frame header
    int stuffed = 0;

    /// The sample dcraw predicts at (row, col, c) from the samples already decoded.
    int predict(int row, int col, int c) const {
        const auto at = [&](int r, int x) {
            return int(samples[(std::size_t(r) * wide + x) * clrs + c]);
        };
        if (col == 0) return row == 0 ? 1 << (bits - 1) : at(row - 1, 0);
        const int a = at(row, col - 1);
        if (row == 0) return a;
        const int b = at(row - 1, col), cc = at(row - 1, col - 1);
        switch (predictor) {
            case 1:
                return a;
            case 2:
                return b;
            case 3:
                return cc;
            case 4:
                return a + b - cc;
            case 5:
                return a + ((b - cc) >> 1);
            case 6:
                return b + ((a - cc) >> 1);
            case 7:
                return (a + b) >> 1;
            default:
                return 0;
        }
    }

    std::vector<std::uint8_t> encode() {
        std::vector<std::uint8_t> s{0xff, 0xd8};
        const auto segment = [&](std::uint16_t tag, const std::vector<std::uint8_t>& body) {
            const std::size_t len = body.size() + 2;
            s.insert(s.end(), {std::uint8_t(tag >> 8), std::uint8_t(tag), std::uint8_t(len >> 8),
                               std::uint8_t(len)});
            s.insert(s.end(), body.begin(), body.end());
        };
        std::vector<std::uint8_t> sof{std::uint8_t(bits), std::uint8_t(high >> 8),
                                      std::uint8_t(high), std::uint8_t(wide >> 8),
                                      std::uint8_t(wide), std::uint8_t(clrs)};
        for (int c = 0; c < clrs; ++c)
            sof.insert(sof.end(),
                       {std::uint8_t(c + 1), std::uint8_t(c == 0 ? samplingFactors : 0x11), 0});
        segment(0xffc3, sof);
        if (padAfterFrame) s.push_back(0);
        std::vector<std::uint8_t> dht;
        for (std::size_t t = 0; t < tables.size(); ++t) {
            dht.push_back(std::uint8_t(t));
            dht.insert(dht.end(), tables[t].counts.begin(), tables[t].counts.end());
            dht.insert(dht.end(), tables[t].symbols.begin(), tables[t].symbols.end());
        }
        segment(0xffc4, dht);
        if (restartMarker) segment(0xffdd, {0, 4});
        std::vector<std::uint8_t> sos{std::uint8_t(clrs)};
        for (int c = 0; c < clrs; ++c) sos.insert(sos.end(), {std::uint8_t(c + 1), 0});
        sos.insert(sos.end(), {std::uint8_t(predictor), 0, 0});
        segment(0xffda, sos);

        // Component c codes with table c, or the last table defined before it (dcraw's rule).
        std::vector<std::array<Code, 256>> codes;
        for (const HuffSpec& t : tables) codes.push_back(canonicalCodes(t));
        BitWriter w;
        for (int row = 0; row < high; ++row)
            for (int col = 0; col < wide; ++col)
                for (int c = 0; c < clrs; ++c) {
                    const int x = samples[(std::size_t(row) * wide + col) * clrs + c];
                    int d = (x - predict(row, col, c)) & 0xffff;
                    if (d >= 32768) d -= 65536;
                    const auto& table =
                        codes[std::min<std::size_t>(std::size_t(c), codes.size() - 1)];
                    if (d == -32768) {
                        w.put(table[16].bits, table[16].len);
                        continue;
                    }
                    int cat = 0;
                    while ((std::abs(d) >> cat) != 0) ++cat;
                    w.put(table[std::size_t(cat)].bits, table[std::size_t(cat)].len);
                    if (cat > 0) w.put(unsigned(d >= 0 ? d : d + (1 << cat) - 1), cat);
                }
        w.flush();
        stuffed = w.stuffed;
        s.insert(s.end(), w.out.begin(), w.out.end());
        s.insert(s.end(), {0xff, 0xd9});
        return s;
    }

    void fill(std::uint32_t seed, int noise) {
        samples.resize(std::size_t(high) * wide * clrs);
        std::uint32_t state = seed;
        const int top = (1 << bits) - 1;
        for (int row = 0; row < high; ++row)
            for (int col = 0; col < wide; ++col)
                for (int c = 0; c < clrs; ++c) {
                    state = state * 1664525u + 1013904223u;
                    const int smooth = (row * 97 + col * 61 + c * 500) % (top + 1);
                    const int v = smooth + int(state >> 16) % (2 * noise + 1) - noise;
                    samples[(std::size_t(row) * wide + col) * clrs + c] =
                        std::uint16_t(std::clamp(v, 0, top));
                }
    }
};

/// Decodes every row; the rows joined, or empty when the decoder stopped.
std::vector<std::uint16_t> decodeAll(const std::vector<std::uint8_t>& bytes, unsigned dngVersion) {
    Decoder dec;
    if (!dec.start(bytes, {dngVersion})) return {};
    const auto& f = dec.frame();
    std::vector<std::uint16_t> out;
    for (int row = 0; row < f.high; ++row) {
        const std::uint16_t* r = dec.nextRow();
        if (!r) return {};
        out.insert(out.end(), r, r + std::size_t(f.wide) * f.clrs);
    }
    EXPECT_EQ(dec.nextRow(), nullptr);  // no rows past the frame
    return out;
}

}  // namespace

TEST(LosslessJpeg, EveryPredictorComponentCountAndPrecisionRoundTrips) {
    for (int bits : {12, 14, 16})
        for (int clrs : {1, 2, 4})
            for (int predictor = 0; predictor <= 7; ++predictor) {
                SCOPED_TRACE(testing::Message() << bits << " bits, " << clrs
                                                << " components, predictor " << predictor);
                Stream s;
                s.bits = bits;
                s.clrs = clrs;
                s.predictor = predictor;
                // One-component frames read the standard way only in DNG (see padAfterFrame).
                s.dngVersion = clrs == 1 ? 0x1040000 : 0;
                s.fill(std::uint32_t(bits * 100 + clrs * 10 + predictor), bits == 16 ? 30000 : 40);
                const std::vector<std::uint8_t> bytes = s.encode();
                Decoder dec;
                ASSERT_TRUE(dec.start(bytes, {s.dngVersion}));
                EXPECT_EQ(dec.frame().bits, bits);
                EXPECT_EQ(dec.frame().high, s.high);
                EXPECT_EQ(dec.frame().wide, s.wide);
                EXPECT_EQ(dec.frame().clrs, clrs);
                EXPECT_EQ(dec.frame().predictor, predictor);
                EXPECT_EQ(decodeAll(bytes, s.dngVersion), s.samples);
            }
}

TEST(LosslessJpeg, StuffedBytesAndTheMinus32768DifferenceDecode) {
    Stream s;
    s.bits = 16;
    s.fill(7, 32000);
    // Column-0 jumps of exactly 32768 take category 16, which carries no magnitude bits.
    for (int row = 1; row < s.high; row += 2)
        s.samples[std::size_t(row) * s.wide * s.clrs] =
            std::uint16_t(s.samples[std::size_t(row - 1) * s.wide * s.clrs] ^ 0x8000);
    const std::vector<std::uint8_t> bytes = s.encode();
    ASSERT_GT(s.stuffed, 10);
    EXPECT_EQ(decodeAll(bytes, 0), s.samples);
}

TEST(LosslessJpeg, MissingTablesFallBackToThePreviousOne) {
    // Four components, tables only at 0 and 1: components 2 and 3 take table 1.
    Stream s;
    s.clrs = 4;
    s.fill(3, 300);
    EXPECT_EQ(decodeAll(s.encode(), 0), s.samples);
    s.tables.resize(1);
    EXPECT_EQ(decodeAll(s.encode(), 0), s.samples);
}

TEST(LosslessJpeg, OneComponentFramesOutsideDngAreReadAsDcrawReadsThem) {
    Stream s;
    s.clrs = 1;
    s.fill(11, 50);
    s.padAfterFrame = true;
    EXPECT_EQ(decodeAll(s.encode(), 0), s.samples);
    s.padAfterFrame = false;
    EXPECT_TRUE(decodeAll(s.encode(), 0).empty());
}

TEST(LosslessJpeg, DeclinesWhatLibRawWouldDecodeWithAQuirkOrAnError) {
    const auto base = [] {
        Stream s;
        s.fill(5, 60);
        return s;
    };
    Decoder dec;
    {
        Stream s = base();
        s.restartMarker = true;
        EXPECT_FALSE(dec.start(s.encode(), {})) << "restart intervals";
    }
    {
        Stream s = base();
        s.samplingFactors = 0x21;
        EXPECT_FALSE(dec.start(s.encode(), {})) << "subsampled (sRAW) frames";
    }
    {
        Stream s = base();
        s.bits = 17;
        s.samples.assign(s.samples.size(), 0);
        EXPECT_FALSE(dec.start(s.encode(), {})) << "over 16 bits";
    }
    {
        std::vector<std::uint8_t> b = base().encode();
        b.resize(b.size() / 2);
        EXPECT_TRUE(decodeAll(b, 0).empty()) << "data that ends early";
    }
    {
        // A 12-bit frame holding a 13-bit sample.
        Stream s = base();
        s.samples[100] = 5000;
        EXPECT_TRUE(decodeAll(s.encode(), 0).empty()) << "sample outside the precision";
    }
    {
        // All-ones bits: a code the deep table leaves unassigned.
        Stream s = base();
        std::vector<std::uint8_t> b = s.encode();
        std::size_t data = 0;
        for (std::size_t i = 0; i + 1 < b.size(); ++i)
            if (b[i] == 0xff && b[i + 1] == 0xda)
                data = i + 2 + std::size_t(b[i + 2] << 8 | b[i + 3]);
        ASSERT_GT(data, 0u);
        for (std::size_t i = data; i < data + 6; i += 2) {
            b[i] = 0xff;
            b[i + 1] = 0;
        }
        EXPECT_TRUE(decodeAll(b, 0).empty()) << "a code no table holds";
    }
    {
        // A table whose shortest code means category 17, which does not exist.
        Stream s = base();
        s.tables[0].symbols[0] = 17;
        s.samples.assign(s.samples.size(), std::uint16_t(1 << 11));
        EXPECT_TRUE(decodeAll(s.encode(), 0).empty()) << "category over 16";
    }
    {
        Stream s = base();
        std::vector<std::uint8_t> b = s.encode();
        b[1] = 0xd9;
        EXPECT_FALSE(dec.start(b, {})) << "no SOI";
    }
}
