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
#include "synth.h"

using rf::ljpeg::Decoder;

namespace {

using rf::synth::HuffmanSpec;

/// Category c has a code of length 5: short codes, many bytes of each kind.
HuffmanSpec flatTable() {
    HuffmanSpec h;
    h.counts[4] = 17;
    for (int c = 0; c <= 16; ++c) h.symbols.push_back(std::uint8_t(c));
    return h;
}

/// Lengths 2, 2, 3, 3, 4 … 16: the decoder's lookup is then 16 bits deep.
HuffmanSpec deepTable() {
    HuffmanSpec h;
    h.counts[1] = 2;
    h.counts[2] = 2;
    for (int len = 4; len <= 16; ++len) h.counts[std::size_t(len - 1)] = 1;
    for (int c = 0; c <= 16; ++c) h.symbols.push_back(std::uint8_t(c));
    return h;
}

/// A frame of smooth data with noise, and how to write it.
struct Stream {
    int high = 23, wide = 37, clrs = 2;
    unsigned dngVersion = 0;
    rf::synth::LosslessJpegOptions options{12, 1, {deepTable(), flatTable()}};
    std::vector<std::uint16_t> samples;  // high × wide × clrs
    int stuffed = 0;

    std::vector<std::uint8_t> encode() {
        return rf::synth::encodeLosslessJpeg(samples.data(), wide, high, clrs, options, &stuffed);
    }

    void fill(std::uint32_t seed, int noise) {
        samples.resize(std::size_t(high) * std::size_t(wide) * std::size_t(clrs));
        std::uint32_t state = seed;
        const int top = (1 << std::min(options.bits, 16)) - 1;
        for (std::size_t i = 0; i < samples.size(); ++i) {
            state = state * 1664525u + 1013904223u;
            const int row = int(i / std::size_t(wide * clrs)),
                      col = int(i / std::size_t(clrs)) % wide;
            const int smooth = (row * 97 + col * 61 + int(i % std::size_t(clrs)) * 500) % (top + 1);
            const int v = smooth + int(state >> 16) % (2 * noise + 1) - noise;
            samples[i] = std::uint16_t(std::clamp(v, 0, top));
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
                s.options.bits = bits;
                s.clrs = clrs;
                s.options.predictor = predictor;
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
    s.options.bits = 16;
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
    s.options.tables.resize(1);
    EXPECT_EQ(decodeAll(s.encode(), 0), s.samples);
}

TEST(LosslessJpeg, OneComponentFramesOutsideDngAreReadAsDcrawReadsThem) {
    Stream s;
    s.clrs = 1;
    s.fill(11, 50);
    s.options.padAfterFrame = true;
    EXPECT_EQ(decodeAll(s.encode(), 0), s.samples);
    s.options.padAfterFrame = false;
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
        s.options.restartInterval = 4;
        EXPECT_FALSE(dec.start(s.encode(), {})) << "restart intervals";
    }
    {
        Stream s = base();
        s.options.firstSamplingFactors = 0x21;
        EXPECT_FALSE(dec.start(s.encode(), {})) << "subsampled (sRAW) frames";
    }
    {
        Stream s = base();
        s.options.bits = 17;
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
        // A table whose shortest code means category 17, which does not exist: the stream's
        // first difference (category 0 for a flat frame) is read through it.
        Stream s = base();
        s.samples.assign(s.samples.size(), std::uint16_t(1 << 11));
        std::vector<std::uint8_t> b = s.encode();
        std::size_t dht = 0;
        for (std::size_t i = 0; i + 1 < b.size() && dht == 0; ++i)
            if (b[i] == 0xff && b[i + 1] == 0xc4) dht = i;
        ASSERT_GT(dht, 0u);
        b[dht + 4 + 1 + 16] = 17;  // the first symbol of table 0
        EXPECT_TRUE(decodeAll(b, 0).empty()) << "category over 16";
    }
    {
        Stream s = base();
        std::vector<std::uint8_t> b = s.encode();
        b[1] = 0xd9;
        EXPECT_FALSE(dec.start(b, {})) << "no SOI";
    }
}
