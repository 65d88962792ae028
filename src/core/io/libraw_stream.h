// SPDX-License-Identifier: GPL-3.0-or-later
// What Rangefinder's own raw loaders share when LibRaw runs them in place of its own: the
// file and LibRaw's parse of it (a Source), and reading that file and storing into LibRaw's
// sensor buffer through its curve (LibRawStreamReader). A loader is swapped in by
// RangefinderLibRaw (libraw_decoder.cpp) after LibRaw has parsed the file and allocated the
// buffer, and must leave in it exactly the values LibRaw's loader would: LibRaw then
// measures the black level from it as always. Each loader's read() is true when it did so;
// false with damage() empty when it declines the layout (LibRaw's loader then runs as
// before); false with damage() set when the data is damaged in a way LibRaw's loader would
// pass over in silence or turn into garbage, which decodeRaw refuses, naming the problem.
#pragma once

#include <libraw/libraw.h>

#include <cstdint>
#include <functional>
#include <string>

namespace rf::rawio {

/// What the loaders take from LibRaw once unpack() has allocated the sensor buffer.
struct Source {
    LibRaw_abstract_datastream* input = nullptr;  ///< the file, LibRaw's stream
    const unpacker_data_t* unpacker = nullptr;    ///< data offset and size, slices, tiles
    const libraw_data_t* data = nullptr;          ///< sizes, the buffer, the curve, DNG version
    const tiff_ifd_t* rawIfd = nullptr;           ///< the raw data's TIFF IFD, if LibRaw has one
    std::function<void()> checkCancel;            ///< LibRaw's: throws when cancelled
};

/// What every loader shares: reading LibRaw's stream and storing through its curve.
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

}  // namespace rf::rawio
