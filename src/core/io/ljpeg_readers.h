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
// hands them what they need of LibRaw's internals as a Source.
#pragma once

#include <libraw/libraw.h>

#include <cstdint>
#include <functional>
#include <string>

namespace rf::ljpeg {

class Decoder;

/// What the readers take from LibRaw once unpack() has allocated the sensor buffer.
struct Source {
    LibRaw_abstract_datastream* input = nullptr;  ///< the file, LibRaw's stream
    const unpacker_data_t* unpacker = nullptr;    ///< data offset and size, slices, tiles
    const libraw_data_t* data = nullptr;          ///< sizes, the buffer, the curve, DNG version
    std::function<void()> checkCancel;            ///< LibRaw's: throws when cancelled
};

/// What both readers share: reading LibRaw's stream and storing through its curve.
class LibRawStreamReader {
  public:
    explicit LibRawStreamReader(Source source) : src_(std::move(source)) {}
    /// Why the data is damaged in a way LibRaw's loader would have passed over; empty when
    /// it is not.
    const std::string& damage() const { return damage_; }

  protected:
    /// Exactly `n` bytes of the file from `offset`, through LibRaw's stream (whose read
    /// counts in an int).
    bool readAt(INT64 offset, void* out, std::size_t n);
    /// True when LibRaw's curve (a DNG's linearisation table, if any) maps every `bits`-bit
    /// value to itself, so samples can be copied as they are.
    static bool identityCurve(const ushort* curve, int bits);
    /// `n` decoded samples into the sensor buffer, through the curve as LibRaw stores them.
    static void store(ushort* dst, const std::uint16_t* src, int n, const ushort* curve,
                      bool identity);

    Source src_;
    std::string damage_;
};

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
