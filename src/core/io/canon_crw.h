// SPDX-License-Identifier: GPL-3.0-or-later
// Our loader for the compressed raw data of Canon's CRW files (the EOS D30, D60, 10D and
// 300D and the PowerShots of their time), in LibRaw's place (see libraw_stream.h for how the
// loaders are swapped in), giving LibRaw's canon_load_raw() values bit for bit.
//
// The format: after a 26-byte header come, optionally, the two low bits of every sample
// (a byte for four samples, eight rows at a time), and from byte 540 on past them a serial
// Huffman stream with Canon's byte stuffing (0xFF is followed by 0x00). It codes the high
// ten bits of each sample in blocks of 64 in file order: one coefficient-like difference
// from the first of three tables, then run-length and size pairs from the second, each
// difference added to the previous sample of the same column parity in the row, with the
// first difference of a block carried on from the one before. The table set is chosen by a
// field of the file (LibRaw's tiff_compress). Whether low bits are present LibRaw decides by
// looking for 0xFF not followed by 0x00 near the start of the file; without them the white
// level is 10-bit, and it sets its maximum so, as this loader does.
//
// LibRaw reads the stream a byte at a time through its virtual stream; this loader reads
// the file once, removes the stuffing in one pass and decodes with one 64-bit load per code,
// then adds the low bits in parallel. A stream that ends (or meets a marker) before the last
// block, or a sample that leaves the ten bits, is damage: LibRaw's loader reports a data
// error there, after filling the rest of the frame with what it makes of zeros.
#pragma once

#include "io/libraw_stream.h"

namespace rf::rawio {

/// LibRaw's canon_load_raw().
class CanonCrwReader : public LibRawStreamReader {
  public:
    using LibRawStreamReader::LibRawStreamReader;
    /// As UncompressedDngReader::read.
    bool read();
    /// After read(): whether the file holds the low bits (else LibRaw's maximum is 0x3ff).
    bool lowBits() const { return lowBits_; }

  private:
    bool lowBits_ = false;
};

}  // namespace rf::rawio
