// SPDX-License-Identifier: GPL-3.0-or-later
// Lossless JPEG (ITU-T T.81, process 14): the entropy coding inside Canon CR2 files and
// compressed DNGs (converters', phones'), decoded exactly as LibRaw 0.20 decodes it, only
// faster. LibRaw's decoder fetches every byte through a virtual stream call (and, for a CR2,
// places every sample with two integer divisions); unpacking an 8 MP CR2 was most of a web
// export's time. This one reads the stream from memory through a
// 64-bit bit cache and hands back whole rows.
//
// Exactness is the contract, because the photographer's pixels must not depend on which
// decoder ran. The decoder keeps dcraw's readings where they differ from the standard: the
// frame header is read as dcraw reads it, component c takes Huffman table c (a missing table
// takes the one before), a difference category of 16 is −32768, and a sample is the predictor
// plus the difference wrapped to 16 bits. It declines, rather than guesses, every stream LibRaw
// would decode with a data error or by one of its quirks: restart markers, a stream that ends
// early, a code its tables leave empty, a category over 16, a sample outside the precision.
// Declining is not failure: the caller lets LibRaw decode such a file as before, so a corrupt
// file is refused with the same error it always was. The exceptions are damage LibRaw passes
// over in silence (`invalid()`): a header it cannot start on, where its loaders stop and leave
// the samples zero, and a code no table holds, where its decoder sticks and repeats one
// prediction to the end of the frame. The caller must refuse those files itself.

#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace rf::ljpeg {

/// The frame as the decoder will decode it.
struct Frame {
    int bits = 0;       ///< sample precision after the point transform
    int high = 0;       ///< rows
    int wide = 0;       ///< columns, each with `clrs` interleaved samples
    int clrs = 0;       ///< components
    int predictor = 0;  ///< T.81 predictor selection value, 1..7 (others predict 0)
    int process = 0;    ///< the last frame header's marker, low byte: 0xc3 is lossless
};

class Decoder {
  public:
    /// How the stream's container tells the decoder to read it: LibRaw reads an SOF with one
    /// component differently outside DNG, and a category-16 code differently in DNG 1.0.
    struct Container {
        unsigned dngVersion = 0;
    };

    /// Parses the markers from SOI up to the start of scan. False when the stream is not one
    /// this decoder reproduces LibRaw on (see the file comment); nothing is decoded then.
    /// `data` runs to the end of the file, as LibRaw reads a header; the coded data is cut at
    /// `scanEnd` bytes into it (where the next tile starts), as though a marker stood there.
    bool start(std::span<const std::uint8_t> data, Container container,
               std::size_t scanEnd = SIZE_MAX);

    /// After start() returned false or nextRow() null: why, when LibRaw's decoder would pass
    /// over the damage without an error: its ljpeg_start() refuses the header too (no SOI, a
    /// header cut off by the end of the file, a marker or frame it cannot read, no Huffman
    /// table), or the data holds a code no table does before the last row. Null when the
    /// stream is only one LibRaw decodes its own way.
    const char* invalid() const { return invalid_; }

    const Frame& frame() const { return frame_; }

    /// Decodes the next row: `wide * clrs` samples, valid until the next call. Null when the
    /// data from here on is not something LibRaw would decode cleanly; decoding stops then.
    const std::uint16_t* nextRow();

  private:
    struct Table {
        int maxBits = 0;
        std::vector<std::uint16_t> lookup;  // peek(maxBits) → length << 8 | category
    };

    bool parseTable(const std::uint8_t*& p, const std::uint8_t* end, Table& out) const;
    void refill();
    template <int Predictor>
    bool decodeRow(std::uint16_t* cur, const std::uint16_t* prev);

    Frame frame_;
    const char* invalid_ = nullptr;
    bool minus32768_ = true;  // category 16 means −32768 without reading bits
    std::vector<Table> tables_;
    const Table* componentTable_[6] = {};
    std::vector<std::uint16_t> rows_;  // the current and previous row
    int vpred_[6] = {};
    int row_ = 0;

    // The bit reader: `cache_` holds `avail_` unread bits at its top, then zeros (dcraw pads
    // with zeros once the data stops at a marker or the end of the file).
    std::span<const std::uint8_t> data_;
    std::size_t pos_ = 0;
    std::uint64_t cache_ = 0;
    int avail_ = 0;
    bool stopped_ = false;
};

}  // namespace rf::ljpeg
