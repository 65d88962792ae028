// SPDX-License-Identifier: GPL-3.0-or-later
// A lossless JPEG (ITU-T T.81 process 14, SOF3) encoder, for ground truth: the DNG writer's
// compressed tiles, and the streams the decoder's unit tests feed it. It writes what cameras
// and DNG converters write (one scan, interleaved components, Huffman tables sized to the
// data as in T.81 Annex K), and on request the unusual things a decoder must cope with.

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <queue>

#include "rangefinder/error.h"
#include "synth.h"

namespace rf::synth {
namespace {

constexpr int kCategories = 17;  // difference categories 0..16

/// Code lengths (≤ 16) for the categories that occur, by T.81 Annex K.2: Huffman's
/// construction with a reserved symbol, so that no code is all ones, then lengths over 16
/// moved up the tree.
HuffmanSpec optimalTable(const std::array<std::uint64_t, kCategories>& freq) {
    constexpr int kReserved = kCategories;
    std::vector<int> size(kCategories + 1, 0), others(kCategories + 1, -1);
    using Node = std::pair<std::uint64_t, int>;  // frequency, symbol (tree of linked lists)
    std::priority_queue<Node, std::vector<Node>, std::greater<>> heap;
    for (int c = 0; c < kCategories; ++c)
        if (freq[std::size_t(c)] > 0) heap.push({freq[std::size_t(c)], c});
    heap.push({1, kReserved});
    while (heap.size() > 1) {
        const auto [f1, v1] = heap.top();
        heap.pop();
        const auto [f2, v2] = heap.top();
        heap.pop();
        // Join v2's chain onto v1's, one bit longer each.
        int v = v1;
        for (;; v = others[std::size_t(v)]) {
            ++size[std::size_t(v)];
            if (others[std::size_t(v)] < 0) break;
        }
        others[std::size_t(v)] = v2;
        for (v = v2; v >= 0; v = others[std::size_t(v)]) ++size[std::size_t(v)];
        heap.push({f1 + f2, v1});
    }
    std::array<int, 33> bits{};
    for (int s = 0; s <= kCategories; ++s)
        if (size[std::size_t(s)] > 0) ++bits[std::size_t(size[std::size_t(s)])];
    for (int i = 32; i > 16; --i)
        while (bits[std::size_t(i)] > 0) {
            int j = i - 2;
            while (bits[std::size_t(j)] == 0) --j;
            bits[std::size_t(i)] -= 2;
            bits[std::size_t(i - 1)] += 1;
            bits[std::size_t(j + 1)] += 2;
            bits[std::size_t(j)] -= 1;
        }
    int i = 16;
    while (bits[std::size_t(i)] == 0) --i;
    bits[std::size_t(i)] -= 1;  // drop the reserved code
    HuffmanSpec h;
    for (int len = 1; len <= 16; ++len)
        h.counts[std::size_t(len - 1)] = std::uint8_t(bits[std::size_t(len)]);
    std::vector<int> order;
    for (int c = 0; c < kCategories; ++c)
        if (freq[std::size_t(c)] > 0) order.push_back(c);
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return size[std::size_t(a)] < size[std::size_t(b)]; });
    for (int c : order) h.symbols.push_back(std::uint8_t(c));
    return h;
}

struct Code {
    int len = 0;
    unsigned bits = 0;
};

std::array<Code, 256> canonicalCodes(const HuffmanSpec& h) {
    std::array<Code, 256> codes{};
    unsigned code = 0;
    std::size_t k = 0;
    for (int len = 1; len <= 16; ++len) {
        for (int i = 0; i < h.counts[std::size_t(len - 1)]; ++i)
            codes[h.symbols.at(k++)] = {len, code++};
        code <<= 1;
    }
    return codes;
}

/// Entropy-coded bits, MSB first, with a zero stuffed after every 0xFF.
struct BitWriter {
    std::vector<std::uint8_t> out;
    std::uint32_t acc = 0;
    int n = 0;
    int stuffed = 0;

    void put(unsigned value, int count) {
        for (int i = count - 1; i >= 0; --i) {
            acc = acc << 1 | ((value >> i) & 1);
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
        while (n != 0) put(1, 1);  // pad with ones
    }
};

}  // namespace

std::vector<std::uint8_t> encodeLosslessJpeg(const std::uint16_t* samples, int wide, int high,
                                             int clrs, const LosslessJpegOptions& o,
                                             int* stuffedBytes) {
    if (wide < 1 || high < 1 || wide > 65535 || high > 65535 || clrs < 1 || clrs > 4)
        throw Error("lossless JPEG writer: size or component count out of range");
    if (o.bits < 2 || o.bits > 17) throw Error("lossless JPEG writer: precision out of range");
    const auto at = [&](int row, int col, int c) {
        return int(
            samples[(std::size_t(row) * std::size_t(wide) + std::size_t(col)) * std::size_t(clrs) +
                    std::size_t(c)]);
    };
    // Differences first: categories for the tables, then the bits.
    std::vector<int> diffs(std::size_t(wide) * std::size_t(high) * std::size_t(clrs));
    std::array<std::uint64_t, kCategories> freq{};
    std::size_t k = 0;
    for (int row = 0; row < high; ++row)
        for (int col = 0; col < wide; ++col)
            for (int c = 0; c < clrs; ++c, ++k) {
                int pred;
                if (col == 0) {
                    pred = row == 0 ? 1 << (std::min(o.bits, 16) - 1) : at(row - 1, 0, c);
                } else if (row == 0) {
                    pred = at(row, col - 1, c);
                } else {
                    const int a = at(row, col - 1, c), b = at(row - 1, col, c),
                              d = at(row - 1, col - 1, c);
                    switch (o.predictor) {
                        case 1:
                            pred = a;
                            break;
                        case 2:
                            pred = b;
                            break;
                        case 3:
                            pred = d;
                            break;
                        case 4:
                            pred = a + b - d;
                            break;
                        case 5:
                            pred = a + ((b - d) >> 1);
                            break;
                        case 6:
                            pred = b + ((a - d) >> 1);
                            break;
                        case 7:
                            pred = (a + b) >> 1;
                            break;
                        default:
                            pred = 0;
                            break;
                    }
                }
                int diff = (at(row, col, c) - pred) & 0xffff;
                if (diff >= 32768) diff -= 65536;
                diffs[k] = diff;
                int cat = diff == -32768 ? 16 : 0;
                while (cat < 16 && (std::abs(diff) >> cat) != 0) ++cat;
                ++freq[std::size_t(cat)];
            }
    const std::vector<HuffmanSpec> tables =
        o.tables.empty() ? std::vector<HuffmanSpec>{optimalTable(freq)} : o.tables;

    std::vector<std::uint8_t> s{0xff, 0xd8};
    const auto segment = [&](std::uint16_t tag, const std::vector<std::uint8_t>& body) {
        const std::size_t len = body.size() + 2;
        s.insert(s.end(), {std::uint8_t(tag >> 8), std::uint8_t(tag), std::uint8_t(len >> 8),
                           std::uint8_t(len)});
        s.insert(s.end(), body.begin(), body.end());
    };
    std::vector<std::uint8_t> sof{std::uint8_t(o.bits), std::uint8_t(high >> 8),
                                  std::uint8_t(high),   std::uint8_t(wide >> 8),
                                  std::uint8_t(wide),   std::uint8_t(clrs)};
    for (int c = 0; c < clrs; ++c)
        sof.insert(sof.end(),
                   {std::uint8_t(c + 1), std::uint8_t(c == 0 ? o.firstSamplingFactors : 0x11), 0});
    segment(0xffc3, sof);
    if (o.padAfterFrame) s.push_back(0);
    std::vector<std::uint8_t> dht;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        dht.push_back(std::uint8_t(t));
        dht.insert(dht.end(), tables[t].counts.begin(), tables[t].counts.end());
        dht.insert(dht.end(), tables[t].symbols.begin(), tables[t].symbols.end());
    }
    segment(0xffc4, dht);
    if (o.restartInterval > 0)
        segment(0xffdd, {std::uint8_t(o.restartInterval >> 8), std::uint8_t(o.restartInterval)});
    std::vector<std::uint8_t> sos{std::uint8_t(clrs)};
    for (int c = 0; c < clrs; ++c)
        sos.insert(sos.end(),
                   {std::uint8_t(c + 1),
                    std::uint8_t(std::min<std::size_t>(std::size_t(c), tables.size() - 1) << 4)});
    sos.insert(sos.end(), {std::uint8_t(o.predictor), 0, 0});
    segment(0xffda, sos);

    // Component c codes with table c, or the last table before it (as decoders read it).
    std::vector<std::array<Code, 256>> codes;
    for (const HuffmanSpec& t : tables) codes.push_back(canonicalCodes(t));
    BitWriter w;
    k = 0;
    for (int row = 0; row < high; ++row)
        for (int col = 0; col < wide; ++col)
            for (int c = 0; c < clrs; ++c, ++k) {
                const auto& table = codes[std::min<std::size_t>(std::size_t(c), codes.size() - 1)];
                const int d = diffs[k];
                if (d == -32768) {
                    w.put(table[16].bits, table[16].len);
                    continue;
                }
                int cat = 0;
                while ((std::abs(d) >> cat) != 0) ++cat;
                if (table[std::size_t(cat)].len == 0)
                    throw Error("lossless JPEG writer: a table has no code for a difference");
                w.put(table[std::size_t(cat)].bits, table[std::size_t(cat)].len);
                if (cat > 0) w.put(unsigned(d >= 0 ? d : d + (1 << cat) - 1), cat);
            }
    w.flush();
    if (stuffedBytes) *stuffedBytes = w.stuffed;
    s.insert(s.end(), w.out.begin(), w.out.end());
    s.insert(s.end(), {0xff, 0xd9});
    return s;
}

}  // namespace rf::synth
