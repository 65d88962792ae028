// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/lossless_jpeg.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <iterator>

namespace rf::ljpeg {
namespace {

constexpr std::uint16_t kSOF0 = 0xffc0, kSOF1 = 0xffc1, kSOF3 = 0xffc3, kDHT = 0xffc4,
                        kSOS = 0xffda, kDRI = 0xffdd;

/// True when one of the eight bytes is 0xFF (a stuffed byte or a marker to handle one by one).
bool hasFF(std::uint64_t w) {
    const std::uint64_t x = ~w;
    return ((x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull) != 0;
}

std::uint64_t loadBigEndian64(const std::uint8_t* p) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    return __builtin_bswap64(w);
}

}  // namespace

bool Decoder::parseTable(const std::uint8_t*& p, const std::uint8_t* end, Table& out) const {
    // As dcraw builds it: codes of each length in turn, each filling 2^(max − length) slots of
    // a table indexed by the next `max` bits; slots past the last code stay empty.
    if (end - p < 16) return false;
    const std::uint8_t* counts = p;
    p += 16;
    int maxBits = 16;
    while (maxBits > 0 && counts[maxBits - 1] == 0) --maxBits;
    int symbols = 0;
    for (int len = 1; len <= maxBits; ++len) symbols += counts[len - 1];
    if (end - p < symbols) return false;
    out.maxBits = maxBits;
    out.lookup.assign(std::size_t(1) << maxBits, 0);
    std::size_t slot = 0;
    for (int len = 1; len <= maxBits; ++len)
        for (int i = 0; i < counts[len - 1]; ++i, ++p) {
            const std::size_t span = std::size_t(1) << (maxBits - len);
            for (std::size_t j = 0; j < span && slot < out.lookup.size(); ++j)
                out.lookup[slot++] = std::uint16_t(len << 8 | *p);
        }
    return true;
}

bool Decoder::start(std::span<const std::uint8_t> data, Container container, std::size_t scanEnd) {
    const std::uint8_t* p = data.data();
    const std::uint8_t* const end = p + data.size();
    // Each refusal LibRaw's ljpeg_start() makes too says why; the others decline quietly.
    const auto refuse = [this](const char* why) {
        invalid_ = why;
        return false;
    };
    invalid_ = nullptr;
    // dcraw looks only at the second byte of SOI.
    if (data.size() < 2 || p[1] != 0xd8) return refuse("no lossless JPEG stream at its offset");
    p += 2;

    int tableAt[20];
    std::fill(std::begin(tableAt), std::end(tableAt), -1);
    tables_.clear();
    int sraw = 0, bits = 0, high = 0, wide = 0, clrs = 0, psv = 0, restart = INT_MAX, process = 0;
    int markers = 0;
    std::uint16_t tag = 0;
    do {
        if (markers++ > 1024) return refuse("unreadable lossless JPEG header (endless markers)");
        if (end - p < 4) return refuse("lossless JPEG header is cut off by the end of the file");
        tag = std::uint16_t(p[0] << 8 | p[1]);
        const auto len = std::uint16_t((p[2] << 8 | p[3]) - 2);
        p += 4;
        if (tag <= 0xff00) return refuse("unreadable lossless JPEG header (not a marker)");
        if (end - p < len) return refuse("lossless JPEG header is cut off by the end of the file");
        const std::uint8_t* seg = p;
        p += len;
        switch (tag) {
            case kSOF3:
                if (len < 8) return false;
                sraw = ((seg[7] >> 4) * (seg[7] & 15) - 1) & 3;
                [[fallthrough]];
            case kSOF1:
            case kSOF0:
                if (len < 6) return false;
                process = tag & 0xff;
                bits = seg[0];
                high = seg[1] << 8 | seg[2];
                wide = seg[3] << 8 | seg[4];
                clrs = seg[5] + sraw;
                // dcraw skips a byte after a one-component frame header outside DNG.
                if (len == 9 && container.dngVersion == 0) {
                    if (p == end)
                        return refuse("lossless JPEG header is cut off by the end of the file");
                    ++p;
                }
                break;
            case kDHT: {
                const std::uint8_t* dp = seg;
                const std::uint8_t* const segEnd = seg + len;
                // Table classes and ids packed as dcraw indexes them: 0..3 and 16..19.
                while (dp < segEnd && (*dp & ~19) == 0) {
                    const int index = *dp++;
                    Table t;
                    if (!parseTable(dp, segEnd, t)) return false;
                    tables_.push_back(std::move(t));
                    tableAt[index] = int(tables_.size()) - 1;
                }
                break;
            }
            case kSOS: {
                if (len < 1) return false;
                const int last = 3 + seg[0] * 2;
                if (last >= len) return false;
                psv = seg[1 + seg[0] * 2];
                bits -= seg[last] & 15;
                break;
            }
            case kDRI:
                if (len < 2) return false;
                restart = seg[0] << 8 | seg[1];
                break;
            default:
                break;
        }
    } while (tag != kSOS);

    // dcraw's own refusals, then what this decoder leaves to LibRaw: a negative precision
    // (which dcraw lets through), subsampled (sRAW) frames and restart intervals, which dcraw
    // resynchronises on in its own way.
    if (bits > 16 || bits == 0 || clrs > 6 || high == 0 || wide == 0 || clrs == 0)
        return refuse("unreadable lossless JPEG frame header");
    if (tableAt[0] < 0) return refuse("lossless JPEG stream has no Huffman table");
    if (bits < 1 || sraw != 0 || restart != INT_MAX) return false;
    if (std::int64_t(high) * wide * clrs > INT_MAX) return false;
    for (int c = 1; c < 20; ++c)
        if (tableAt[c] < 0) tableAt[c] = tableAt[c - 1];
    for (int c = 0; c < clrs; ++c) {
        componentTable_[c] = &tables_[std::size_t(tableAt[c])];
        if (componentTable_[c]->maxBits == 0) return false;
    }

    frame_ = {bits, high, wide, clrs, psv, process};
    minus32768_ = container.dngVersion == 0 || container.dngVersion >= 0x1010000;
    rows_.assign(std::size_t(2) * std::size_t(wide) * std::size_t(clrs), 0);
    std::fill(std::begin(vpred_), std::end(vpred_), 1 << (bits - 1));
    row_ = 0;
    const auto headerEnd = std::size_t(p - data.data());
    data_ = data.subspan(headerEnd, std::min(data.size(), scanEnd) - std::min(headerEnd, scanEnd));
    pos_ = 0;
    cache_ = 0;
    avail_ = 0;
    stopped_ = false;
    return true;
}

void Decoder::refill() {
    const std::uint8_t* d = data_.data();
    const std::size_t size = data_.size();
    while (avail_ <= 56 && !stopped_) {
        if (pos_ + 8 <= size) {
            const std::uint64_t w = loadBigEndian64(d + pos_);
            if (!hasFF(w)) {
                const int bytes = (64 - avail_) >> 3;
                const std::uint64_t take = bytes == 8 ? w : w >> (64 - 8 * bytes);
                cache_ |= take << (64 - avail_ - 8 * bytes);
                pos_ += std::size_t(bytes);
                avail_ += 8 * bytes;
                continue;
            }
        }
        if (pos_ >= size) {
            stopped_ = true;
            break;
        }
        const std::uint8_t b = d[pos_];
        if (b == 0xff) {
            // 0xFF 0x00 is a data byte; 0xFF and anything else (or nothing) is a marker.
            if (pos_ + 1 < size && d[pos_ + 1] == 0) {
                pos_ += 2;
            } else {
                stopped_ = true;
                break;
            }
        } else {
            ++pos_;
        }
        cache_ |= std::uint64_t(b) << (56 - avail_);
        avail_ += 8;
    }
}

template <int Predictor>
bool Decoder::decodeRow(std::uint16_t* cur, const std::uint16_t* prev) {
    const int clrs = frame_.clrs;
    const int n = frame_.wide * clrs;
    const int bits = frame_.bits;
    const bool minus32768 = minus32768_;
    // One difference: a Huffman-coded category, then that many bits of magnitude.
    const auto difference = [&](const Table& t, int& diff) {
        if (avail_ < 32) refill();
        const unsigned e = t.lookup[cache_ >> (64 - t.maxBits)];
        const int len = int(e >> 8), cat = int(e & 0xff);
        if (len == 0) {
            // dcraw reads no bits for it and predicts with a zero difference, so it never moves
            // on: every sample to the end of the frame repeats its prediction, without an
            // error. A stream an encoder wrote never holds one; short of the last row, that is
            // a picture lost, not a quirk to reproduce.
            if (row_ + 1 < frame_.high)
                invalid_ = "lossless JPEG data holds a code its Huffman tables do not";
            return false;
        }
        cache_ <<= len;
        avail_ -= len;
        if (cat == 0) {
            diff = 0;
        } else if (cat < 16 || (cat == 16 && !minus32768)) {
            const auto v = unsigned(cache_ >> (64 - cat));
            cache_ <<= cat;
            avail_ -= cat;
            diff = (v >> (cat - 1)) != 0 ? int(v) : int(v) - int((1u << cat) - 1);
        } else if (cat == 16) {
            diff = -32768;
        } else {
            return false;
        }
        return avail_ >= 0;  // below zero: read past the end of the data
    };

    int diff = 0;
    for (int c = 0; c < clrs; ++c) {
        // The first column predicts from the first column of the row above.
        if (!difference(*componentTable_[c], diff)) return false;
        const int pred = vpred_[c];
        vpred_[c] = int(unsigned(pred) + unsigned(diff));
        cur[c] = std::uint16_t(pred + diff);
        if (cur[c] >> bits) return false;
    }
    for (int i = clrs; i < n; i += clrs) {
        for (int c = 0; c < clrs; ++c) {
            if (!difference(*componentTable_[c], diff)) return false;
            const int k = i + c;
            const int left = cur[k - clrs];
            int pred;
            if constexpr (Predictor == 1) {
                pred = left;
            } else if constexpr (Predictor == 2) {
                pred = prev[k];
            } else if constexpr (Predictor == 3) {
                pred = prev[k - clrs];
            } else if constexpr (Predictor == 4) {
                pred = left + prev[k] - prev[k - clrs];
            } else if constexpr (Predictor == 5) {
                pred = left + ((prev[k] - prev[k - clrs]) >> 1);
            } else if constexpr (Predictor == 6) {
                pred = prev[k] + ((left - prev[k - clrs]) >> 1);
            } else if constexpr (Predictor == 7) {
                pred = (left + prev[k]) >> 1;
            } else {
                pred = 0;
            }
            cur[k] = std::uint16_t(pred + diff);
            if (cur[k] >> bits) return false;
        }
    }
    return true;
}

const std::uint16_t* Decoder::nextRow() {
    if (row_ >= frame_.high) return nullptr;
    const std::size_t n = std::size_t(frame_.wide) * std::size_t(frame_.clrs);
    std::uint16_t* cur = rows_.data() + n * std::size_t(row_ & 1);
    const std::uint16_t* prev = rows_.data() + n * std::size_t((row_ + 1) & 1);
    // The first row predicts from the left whatever the selection value.
    bool ok;
    switch (row_ == 0 ? 1 : frame_.predictor) {
        case 1:
            ok = decodeRow<1>(cur, prev);
            break;
        case 2:
            ok = decodeRow<2>(cur, prev);
            break;
        case 3:
            ok = decodeRow<3>(cur, prev);
            break;
        case 4:
            ok = decodeRow<4>(cur, prev);
            break;
        case 5:
            ok = decodeRow<5>(cur, prev);
            break;
        case 6:
            ok = decodeRow<6>(cur, prev);
            break;
        case 7:
            ok = decodeRow<7>(cur, prev);
            break;
        default:
            ok = decodeRow<0>(cur, prev);
            break;
    }
    if (!ok) {
        row_ = frame_.high;
        return nullptr;
    }
    ++row_;
    return cur;
}

}  // namespace rf::ljpeg
