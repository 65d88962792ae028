// SPDX-License-Identifier: GPL-3.0-or-later
// Reading LibRaw's stream and storing through its curve, for the loaders of libraw_stream.h.
#include "io/libraw_stream.h"

#include <climits>
#include <cstring>

namespace rf::rawio {

bool LibRawStreamReader::readAt(INT64 offset, void* out, std::size_t n) {
    LibRaw_abstract_datastream* in = src_.input;
    return n <= std::size_t(INT_MAX) && in->seek(offset, SEEK_SET) == 0 &&
           in->read(out, 1, n) == int(n);
}

bool LibRawStreamReader::identityCurve(const ushort* curve, int bits) {
    for (int v = 0; v < 1 << bits; ++v)
        if (curve[v] != v) return false;
    return true;
}

void LibRawStreamReader::store(ushort* dst, const std::uint16_t* src, int n, const ushort* curve,
                               bool identity) {
    if (identity)
        std::memcpy(dst, src, std::size_t(n) * sizeof(ushort));
    else
        for (int i = 0; i < n; ++i) dst[i] = curve[src[i]];
}

}  // namespace rf::rawio
