// SPDX-License-Identifier: GPL-3.0-or-later
// Our loader for uncompressed DNG data, in LibRaw's place (see libraw_stream.h for how the
// loaders are swapped in). LibRaw 0.20's packed_dng_load_raw() reads the raw's rows one
// after another from the first strip's offset, as 16-bit words in the file's byte order or
// as samples of fewer bits packed most significant bit first with each row starting on a
// byte, and stores each sample through the linearisation curve one call per pixel. The same
// rows are read here in one go and stored a band of rows per thread, which gives the same
// values in a fraction of the time.
//
// Declined, so LibRaw's loader reads them as before: more than one sample per pixel (linear
// and Fuji SuperCCD DNGs), data LibRaw does not keep in its one-sample sensor buffer, a shot
// other than the first, sample sizes over 16 bits, tiles (LibRaw 0.20 reads the tile offset
// table as if it were pixels) and strips that do not follow one another in the file (LibRaw
// reads on past the first strip regardless). Rows that would run past the end of the file
// are damage: LibRaw's loader stops at them with a data error.
#pragma once

#include "io/libraw_stream.h"

namespace rf::rawio {

/// LibRaw's packed_dng_load_raw() for a one-sample-per-pixel DNG in contiguous strips.
class UncompressedDngReader : public LibRawStreamReader {
  public:
    using LibRawStreamReader::LibRawStreamReader;
    /// True when the sensor buffer holds LibRaw's values; false, with nothing decided, for
    /// a layout left to LibRaw, or with damage().
    bool read();
};

}  // namespace rf::rawio
