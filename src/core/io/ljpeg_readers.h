// SPDX-License-Identifier: GPL-3.0-or-later
// The readers that feed our lossless-JPEG decoder (ljpeg::Decoder, lossless_jpeg.h) from
// LibRaw's data: a CR2's single stream, cut into Canon's vertical slices, and a DNG's tiles,
// decoded in parallel. Each reproduces LibRaw's own loader (lossless_jpeg_load_raw(),
// lossless_dng_load_raw()) bit for bit on the layouts it places, writing LibRaw's sensor
// buffer through the DNG linearisation curve as LibRaw would. For anything else it declines
// (read() is false, damage() empty) and LibRaw's loader decodes the file as before; data
// LibRaw's loader would pass over in silence (a tile past the end of the file, a stream
// that does not start, a code the tables leave empty) it reports as damage, naming the tile
// or row. RangefinderLibRaw (libraw_decoder.cpp) swaps them in for LibRaw's loaders and
// hands them what they need of LibRaw's internals as a Source (libraw_stream.h).
#pragma once

#include <libraw/libraw.h>

#include "io/libraw_stream.h"

namespace rf::ljpeg {

class Decoder;

using rawio::LibRawStreamReader;
using rawio::Source;

/// LibRaw's lossless_jpeg_load_raw() on the layouts it handles without special cases: rows
/// of the stream fill the sensor row by row, or, in a CR2, one vertical slice after another.
class Cr2Reader : public LibRawStreamReader {
  public:
    using LibRawStreamReader::LibRawStreamReader;
    /// True when the sensor buffer holds LibRaw's values; false, with nothing decided, for
    /// a layout left to LibRaw, or with damage().
    bool read();
};

/// LibRaw's lossless_dng_load_raw() for a Bayer DNG whose lossless JPEG tiles (or single
/// stream) each code exactly one tile, rows of `wide * clrs` samples: the common layout of
/// DNG converters and phones. Tiles are independent, so they are decoded in parallel.
///
/// Every tile's offset and header is checked whatever the layout, even one left to LibRaw:
/// its loader stops at the first tile it cannot start on, without an error, and leaves that
/// tile and all after it zero; and a tile whose data sticks LibRaw's decoder (see
/// ljpeg::Decoder::invalid) comes out frozen. Such a file is damaged, not declined.
class DngTileReader : public LibRawStreamReader {
  public:
    using LibRawStreamReader::LibRawStreamReader;
    /// As Cr2Reader::read.
    bool read();

  private:
    /// One tile's rows into the sensor buffer, clipped to it as LibRaw clips them.
    static bool decodeTile(Decoder& dec, int tcol, int trow, int tileWidth, int tileHeight,
                           ushort* raw, int rawWidth, int rawHeight, const ushort* curve,
                           bool identity);
};

}  // namespace rf::ljpeg
