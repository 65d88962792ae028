// SPDX-License-Identifier: GPL-3.0-or-later
// The Canon CRW loader (canon_crw.h): the whole file read once, the Huffman stream unstuffed
// in place and decoded serially, the low bits added in parallel.
#include "io/canon_crw.h"

#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "rangefinder/parallel.h"

namespace rf::rawio {
namespace {

/// A Huffman table as the format gives it: how many codes there are of each length (1–16
/// bits), then the value of each code, shortest codes first.
struct TreeSpec {
    std::uint8_t counts[16];
    std::uint8_t values[162];
};

// Canon's tables, three sets chosen by the file; the first table of a set codes a block's
// first difference, the second the run-length and size pairs after it.
constexpr TreeSpec kFirstTrees[3] = {
    {{0, 1, 4, 2, 3, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0},
     {
         0x04,
         0x03,
         0x05,
         0x06,
         0x02,
         0x07,
         0x01,
         0x08,
         0x09,
         0x00,
         0x0a,
         0x0b,
         0xff,
     }},
    {{0, 2, 2, 3, 1, 1, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0},
     {
         0x03,
         0x02,
         0x04,
         0x01,
         0x05,
         0x00,
         0x06,
         0x07,
         0x09,
         0x08,
         0x0a,
         0x0b,
         0xff,
     }},
    {{0, 0, 6, 3, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0},
     {
         0x06,
         0x05,
         0x07,
         0x04,
         0x08,
         0x03,
         0x09,
         0x02,
         0x00,
         0x0a,
         0x01,
         0x0b,
         0xff,
     }},
};
constexpr TreeSpec kSecondTrees[3] = {
    {{0, 2, 2, 2, 1, 4, 2, 1, 2, 5, 1, 1, 0, 0, 0, 139},
     {
         0x03, 0x04, 0x02, 0x05, 0x01, 0x06, 0x07, 0x08, 0x12, 0x13, 0x11, 0x14, 0x09, 0x15, 0x22,
         0x00, 0x21, 0x16, 0x0a, 0xf0, 0x23, 0x17, 0x24, 0x31, 0x32, 0x18, 0x19, 0x33, 0x25, 0x41,
         0x34, 0x42, 0x35, 0x51, 0x36, 0x37, 0x38, 0x29, 0x79, 0x26, 0x1a, 0x39, 0x56, 0x57, 0x28,
         0x27, 0x52, 0x55, 0x58, 0x43, 0x76, 0x59, 0x77, 0x54, 0x61, 0xf9, 0x71, 0x78, 0x75, 0x96,
         0x97, 0x49, 0xb7, 0x53, 0xd7, 0x74, 0xb6, 0x98, 0x47, 0x48, 0x95, 0x69, 0x99, 0x91, 0xfa,
         0xb8, 0x68, 0xb5, 0xb9, 0xd6, 0xf7, 0xd8, 0x67, 0x46, 0x45, 0x94, 0x89, 0xf8, 0x81, 0xd5,
         0xf6, 0xb4, 0x88, 0xb1, 0x2a, 0x44, 0x72, 0xd9, 0x87, 0x66, 0xd4, 0xf5, 0x3a, 0xa7, 0x73,
         0xa9, 0xa8, 0x86, 0x62, 0xc7, 0x65, 0xc8, 0xc9, 0xa1, 0xf4, 0xd1, 0xe9, 0x5a, 0x92, 0x85,
         0xa6, 0xe7, 0x93, 0xe8, 0xc1, 0xc6, 0x7a, 0x64, 0xe1, 0x4a, 0x6a, 0xe6, 0xb3, 0xf1, 0xd3,
         0xa5, 0x8a, 0xb2, 0x9a, 0xba, 0x84, 0xa4, 0x63, 0xe5, 0xc5, 0xf3, 0xd2, 0xc4, 0x82, 0xaa,
         0xda, 0xe4, 0xf2, 0xca, 0x83, 0xa3, 0xa2, 0xc3, 0xea, 0xc2, 0xe2, 0xe3,
     }},
    {{0, 2, 2, 1, 4, 1, 4, 1, 3, 3, 1, 0, 0, 0, 0, 140},
     {
         0x02, 0x03, 0x01, 0x04, 0x05, 0x12, 0x11, 0x06, 0x13, 0x07, 0x08, 0x14, 0x22, 0x09, 0x21,
         0x00, 0x23, 0x15, 0x31, 0x32, 0x0a, 0x16, 0xf0, 0x24, 0x33, 0x41, 0x42, 0x19, 0x17, 0x25,
         0x18, 0x51, 0x34, 0x43, 0x52, 0x29, 0x35, 0x61, 0x39, 0x71, 0x62, 0x36, 0x53, 0x26, 0x38,
         0x1a, 0x37, 0x81, 0x27, 0x91, 0x79, 0x55, 0x45, 0x28, 0x72, 0x59, 0xa1, 0xb1, 0x44, 0x69,
         0x54, 0x58, 0xd1, 0xfa, 0x57, 0xe1, 0xf1, 0xb9, 0x49, 0x47, 0x63, 0x6a, 0xf9, 0x56, 0x46,
         0xa8, 0x2a, 0x4a, 0x78, 0x99, 0x3a, 0x75, 0x74, 0x86, 0x65, 0xc1, 0x76, 0xb6, 0x96, 0xd6,
         0x89, 0x85, 0xc9, 0xf5, 0x95, 0xb4, 0xc7, 0xf7, 0x8a, 0x97, 0xb8, 0x73, 0xb7, 0xd8, 0xd9,
         0x87, 0xa7, 0x7a, 0x48, 0x82, 0x84, 0xea, 0xf4, 0xa6, 0xc5, 0x5a, 0x94, 0xa4, 0xc6, 0x92,
         0xc3, 0x68, 0xb5, 0xc8, 0xe4, 0xe5, 0xe6, 0xe9, 0xa2, 0xa3, 0xe3, 0xc2, 0x66, 0x67, 0x93,
         0xaa, 0xd4, 0xd5, 0xe7, 0xf8, 0x88, 0x9a, 0xd7, 0x77, 0xc4, 0x64, 0xe2, 0x98, 0xa5, 0xca,
         0xda, 0xe8, 0xf3, 0xf6, 0xa9, 0xb2, 0xb3, 0xf2, 0xd2, 0x83, 0xba, 0xd3,
     }},
    {{0, 0, 6, 2, 1, 3, 3, 2, 5, 1, 2, 2, 8, 10, 0, 117},
     {
         0x04, 0x05, 0x03, 0x06, 0x02, 0x07, 0x01, 0x08, 0x09, 0x12, 0x13, 0x14, 0x11, 0x15, 0x0a,
         0x16, 0x17, 0xf0, 0x00, 0x22, 0x21, 0x18, 0x23, 0x19, 0x24, 0x32, 0x31, 0x25, 0x33, 0x38,
         0x37, 0x34, 0x35, 0x36, 0x39, 0x79, 0x57, 0x58, 0x59, 0x28, 0x56, 0x78, 0x27, 0x41, 0x29,
         0x77, 0x26, 0x42, 0x76, 0x99, 0x1a, 0x55, 0x98, 0x97, 0xf9, 0x48, 0x54, 0x96, 0x89, 0x47,
         0xb7, 0x49, 0xfa, 0x75, 0x68, 0xb6, 0x67, 0x69, 0xb9, 0xb8, 0xd8, 0x52, 0xd7, 0x88, 0xb5,
         0x74, 0x51, 0x46, 0xd9, 0xf8, 0x3a, 0xd6, 0x87, 0x45, 0x7a, 0x95, 0xd5, 0xf6, 0x86, 0xb4,
         0xa9, 0x94, 0x53, 0x2a, 0xa8, 0x43, 0xf5, 0xf7, 0xd4, 0x66, 0xa7, 0x5a, 0x44, 0x8a, 0xc9,
         0xe8, 0xc8, 0xe7, 0x9a, 0x6a, 0x73, 0x4a, 0x61, 0xc7, 0xf4, 0xc6, 0x65, 0xe9, 0x72, 0xe6,
         0x71, 0x91, 0x93, 0xa6, 0xda, 0x92, 0x85, 0x62, 0xf3, 0xc5, 0xb2, 0xa4, 0x84, 0xba, 0x64,
         0xa5, 0xb3, 0xd2, 0x81, 0xe5, 0xd3, 0xaa, 0xc4, 0xca, 0xf2, 0xb1, 0xe4, 0xd1, 0x83, 0x63,
         0xea, 0xc3, 0xe2, 0x82, 0xf1, 0xa3, 0xc2, 0xa1, 0xc1, 0xe3, 0xa2, 0xe1,
     }},
};

/// A table looked up by the next `bits` bits of the stream: each entry the code's length
/// in the high byte and its value in the low one. Entries no code reaches stay zero (a code
/// of no bits and value 0), as in LibRaw's tables. The second tables have 16-bit codes, and
/// 128 KiB of entries miss the first-level cache on nearly every code: `fast` resolves the
/// codes of up to kFastBits (nearly all of them) from the first kFastBits bits, and sends
/// the rest to `entries`.
constexpr int kFastBits = 12;
constexpr std::uint16_t kLonger = 0xffff;

struct LookupTable {
    int bits = 0;
    std::vector<std::uint16_t> entries;
    std::vector<std::uint16_t> fast;  ///< 1 << kFastBits entries, or kLonger

    /// The entry for the code at the top of `w`.
    unsigned lookup(std::uint64_t w) const {
        if (bits <= kFastBits) return entries[w >> (64 - bits)];
        const unsigned e = fast[w >> (64 - kFastBits)];
        return e != kLonger ? e : entries[w >> (64 - bits)];
    }
};

LookupTable buildTable(const TreeSpec& spec) {
    LookupTable t;
    for (int len = 16; len > 0; --len)
        if (spec.counts[len - 1]) {
            t.bits = len;
            break;
        }
    const std::size_t size = std::size_t(1) << t.bits;
    t.entries.assign(size, 0);
    std::size_t next = 0, value = 0;
    for (int len = 1; len <= t.bits; ++len)
        for (int k = 0; k < spec.counts[len - 1]; ++k, ++value) {
            const std::size_t span = std::size_t(1) << (t.bits - len);
            for (std::size_t j = 0; j < span && next < size; ++j)
                t.entries[next++] = std::uint16_t(len << 8 | spec.values[value]);
        }
    if (t.bits > kFastBits) {
        // A prefix of kFastBits bits decides the entry when every longer index starting with
        // it holds the same short code (or the same empty entry).
        const int rest = t.bits - kFastBits;
        t.fast.resize(std::size_t(1) << kFastBits);
        for (std::size_t p = 0; p < t.fast.size(); ++p) {
            const std::uint16_t e = t.entries[p << rest];
            const bool decided = (e >> 8) <= kFastBits && t.entries[((p + 1) << rest) - 1] == e;
            t.fast[p] = decided ? e : kLonger;
        }
    }
    return t;
}

/// LibRaw's canon_has_lowbits(): in the compressed stream 0xFF is always followed by 0x00,
/// so a 0xFF followed by anything else early in the file means uncompressed low bits come
/// first. `head` is the file's first 0x4000 bytes.
bool hasLowBits(const std::uint8_t* head) {
    bool low = true;
    for (int i = 540; i < 0x4000 - 1; ++i)
        if (head[i] == 0xff) {
            if (head[i + 1]) return true;
            low = false;
        }
    return low;
}

/// Removes the stuffing from the stream at [from, end) in place, up to the first 0xFF not
/// followed by 0x00 (or the end of the file), where LibRaw's bit reader stops taking bytes;
/// returns how many bytes the stream has.
std::size_t unstuff(std::uint8_t* from, const std::uint8_t* end) {
    std::uint8_t* out = from;
    const std::uint8_t* p = from;
    while (p < end) {
        const auto* ff =
            static_cast<const std::uint8_t*>(std::memchr(p, 0xff, std::size_t(end - p)));
        const std::uint8_t* stop = ff ? ff : end;
        if (out != p) std::memmove(out, p, std::size_t(stop - p));
        out += stop - p;
        if (!ff || ff + 1 == end || ff[1] != 0) break;
        *out++ = 0xff;
        p = ff + 2;
    }
    return std::size_t(out - from);
}

/// A buffer for the whole file, in huge pages where the kernel gives them on request: the
/// kernel writes it and we read it, and on some virtual machines each small page costs a
/// fault for both.
struct FreeDeleter {
    void operator()(std::uint8_t* p) const { std::free(p); }
};
std::unique_ptr<std::uint8_t[], FreeDeleter> fileBuffer(std::size_t bytes) {
    constexpr std::size_t kHugePage = std::size_t(2) << 20;
    const std::size_t size = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    auto* p = static_cast<std::uint8_t*>(std::aligned_alloc(kHugePage, size));
    if (!p) throw std::bad_alloc();
    ::madvise(p, size, MADV_HUGEPAGE);
    return std::unique_ptr<std::uint8_t[], FreeDeleter>(p);
}

/// The 64 bits of the stream from bit `pos`, most significant first.
inline std::uint64_t window(const std::uint8_t* bytes, std::uint64_t pos) {
    std::uint64_t w;
    std::memcpy(&w, bytes + (pos >> 3), 8);
    if constexpr (std::endian::native == std::endian::little) w = __builtin_bswap64(w);
    return w << (pos & 7);
}

std::string rowsText(int row, int rawHeight) {
    return "rows " + std::to_string(row + 1) + " to " +
           std::to_string(std::min(row + 8, rawHeight)) + " of " + std::to_string(rawHeight);
}

}  // namespace

bool CanonCrwReader::read() {
    const libraw_data_t& d = *src_.data;
    const int rawWidth = d.sizes.raw_width, rawHeight = d.sizes.raw_height;
    ushort* const raw = d.rawdata.raw_image;
    if (!raw || rawWidth <= 0 || rawHeight <= 0) return false;
    if (d.sizes.raw_pitch && d.sizes.raw_pitch != unsigned(rawWidth) * 2) return false;
    const INT64 fileSize = src_.input->size();
    // LibRaw looks at the first 0x4000 bytes for the low bits whatever the file's size; a
    // shorter file leaves part of what it looks at undefined, and goes to it as before.
    if (fileSize < 0x4000 || fileSize > INT_MAX) return false;
    // Zeros after the file, so that the decoder may load eight bytes anywhere it can get to
    // before it checks for the end of the stream, once a block: 64 codes of at most 31 bits.
    constexpr std::size_t kPadding = 512;
    const auto file = fileBuffer(std::size_t(fileSize) + kPadding);
    if (!readAt(0, file.get(), std::size_t(fileSize))) return false;
    std::memset(file.get() + fileSize, 0, kPadding);
    lowBits_ = hasLowBits(file.get());

    // The low bits of a band of eight rows from byte 26 on, a quarter byte a sample, all
    // before the compressed stream.
    const auto lowBitsAt = [&](int row) { return INT64(26) + INT64(row * rawWidth / 4); };
    const INT64 start = 540 + INT64(lowBits_ ? rawHeight * rawWidth / 4 : 0);
    if (start >= fileSize) {
        damage_ = "the compressed data starts past the end of the file";
        return false;
    }
    // The stream is unstuffed where it lies: the low bits before it stay as they are. What is
    // left between its end and the end of the file is zeroed, as LibRaw's reader gives zero
    // bits past the end.
    std::uint8_t* const stream = file.get() + start;
    const std::size_t streamBytes = unstuff(stream, file.get() + fileSize);
    std::memset(stream + streamBytes, 0, std::size_t(fileSize - start) - streamBytes);
    const std::uint64_t streamBits = std::uint64_t(streamBytes) * 8;

    const unsigned set = std::min(unsigned(src_.unpacker->tiff_compress), 2u);
    const LookupTable first = buildTable(kFirstTrees[set]);
    const LookupTable second = buildTable(kSecondTrees[set]);

    std::uint64_t pos = 0;
    int carry = 0, base[2] = {512, 512};
    // Where the next sample falls in a row of the file's order: each row starts its two
    // predictions afresh. Blocks run on across rows, as the samples are counted regardless of
    // the band they are stored in.
    int column = 0;
    for (int row = 0; row < rawHeight; row += 8) {
        if ((row & 63) == 0) src_.checkCancel();
        ushort* pixel = raw + std::size_t(row) * std::size_t(rawWidth);
        const int blocks = std::min(8, rawHeight - row) * rawWidth >> 6;
        for (int block = 0; block < blocks; ++block) {
            int diffs[64] = {};
            for (int i = 0; i < 64; ++i) {
                const std::uint64_t w = window(stream, pos);
                const unsigned entry = (i ? second : first).lookup(w);
                const int codeLength = int(entry >> 8), leaf = int(entry & 0xff);
                pos += unsigned(codeLength);
                if (leaf == 0 && i) break;
                if (leaf == 0xff) continue;
                i += leaf >> 4;
                const int length = leaf & 15;
                if (length == 0) continue;
                int diff = int((w << codeLength) >> (64 - length));
                pos += unsigned(length);
                if ((diff & (1 << (length - 1))) == 0) diff -= (1 << length) - 1;
                if (i < 64) diffs[i] = diff;
            }
            // Bits taken past the end of the stream: LibRaw's bit reader reports a data error.
            if (pos > streamBits) {
                damage_ = "the compressed data ends early, in " + rowsText(row, rawHeight);
                return false;
            }
            diffs[0] += carry;
            carry = diffs[0];
            ushort* out = pixel + std::size_t(block) * 64;
            bool outside = false;
            for (int i = 0; i < 64; ++i) {
                if (column == 0) base[0] = base[1] = 512;
                if (++column == rawWidth) column = 0;
                base[i & 1] += diffs[i];
                out[i] = ushort(base[i & 1]);
                outside |= (out[i] >> 10) != 0;
            }
            if (outside) {
                damage_ = "a decoded value leaves the 10 bits of the format, in " +
                          rowsText(row, rawHeight);
                return false;
            }
        }
    }
    if (!lowBits_) return true;

    src_.checkCancel();
    // Each band's low bits follow from its own bytes: the bands in parallel. LibRaw adds
    // them to all eight rows of the last band, past the end of a frame whose height is not
    // a multiple of eight, into the spare rows it allocates; the frame's rows are enough.
    const bool shiftDark = rawWidth == 2672;  // one model's low values read two high
    const int bands = (rawHeight + 7) / 8;
    parallelFor(0, bands, [&](int b0, int b1) {
        for (int band = b0; band < b1; ++band) {
            const int row = band * 8;
            const std::uint8_t* low = file.get() + lowBitsAt(row);
            ushort* p = raw + std::size_t(row) * std::size_t(rawWidth);
            const std::size_t samples =
                std::size_t(std::min(8, rawHeight - row)) * std::size_t(rawWidth);
            // Four samples a byte, the first in its lowest two bits.
            for (std::size_t k = 0; k + 4 <= samples; k += 4) {
                const unsigned b = low[k >> 2];
                for (unsigned j = 0; j < 4; ++j)
                    p[k + j] = ushort(p[k + j] << 2 | (b >> (2 * j) & 3));
            }
            for (std::size_t k = samples & ~std::size_t(3); k < samples; ++k)
                p[k] = ushort(p[k] << 2 | (low[k >> 2] >> (2 * (k & 3)) & 3));
            if (shiftDark)
                for (std::size_t k = 0; k < samples; ++k)
                    if (p[k] < 512) p[k] = ushort(p[k] + 2);
        }
    });
    return true;
}

}  // namespace rf::rawio
