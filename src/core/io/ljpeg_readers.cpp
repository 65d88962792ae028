// SPDX-License-Identifier: GPL-3.0-or-later
// The lossless-JPEG readers (ljpeg_readers.h): CR2 and DNG data taken from LibRaw's stream,
// decoded by ljpeg::Decoder and scattered into LibRaw's sensor buffer as LibRaw's own loaders
// would place it.
#include "io/ljpeg_readers.h"

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "io/lossless_jpeg.h"
#include "rangefinder/parallel.h"

namespace rf::ljpeg {

bool Cr2Reader::read() {
    const unpacker_data_t& u = *src_.unpacker;
    const int rawWidth = src_.data->sizes.raw_width, rawHeight = src_.data->sizes.raw_height;
    ushort* const raw = src_.data->rawdata.raw_image;
    // Old Canons interlace fields (load_flags & 1); one model shifts by two columns.
    if (!raw || (u.load_flags & 1) || rawWidth == 3984 || rawWidth <= 0 || rawHeight <= 0)
        return false;
    int sliceCount = 0, sliceWidth = rawWidth, lastWidth = rawWidth;
    if (u.cr2_slice[0]) {
        sliceCount = u.cr2_slice[0];
        sliceWidth = u.cr2_slice[1];
        lastWidth = u.cr2_slice[2];
        if (sliceWidth <= 0 || lastWidth <= 0 || sliceCount * sliceWidth + lastWidth != rawWidth)
            return false;
    }

    // The data LibRaw says the raw has; if the stream runs on past it, the decoder runs out
    // of data and LibRaw's loader, which reads on, decides. The header is read to the end
    // of the file, as LibRaw reads it, so that one it cannot start on either is told apart.
    const INT64 begin = u.data_offset, size = src_.input->size();
    if (begin < 0 || begin >= size) return false;
    const INT64 length = size - begin;
    const INT64 scan = u.data_size > 0 ? std::min<INT64>(length, u.data_size) : length;
    if (length > INT_MAX) return false;
    const auto bytes = std::make_unique_for_overwrite<std::uint8_t[]>(std::size_t(length));
    if (!readAt(begin, bytes.get(), std::size_t(length))) return false;

    ljpeg::Decoder dec;
    if (!dec.start({bytes.get(), std::size_t(length)}, {src_.data->idata.dng_version},
                   std::size_t(scan))) {
        if (dec.invalid()) damage_ = dec.invalid();
        return false;
    }
    const ljpeg::Frame& fr = dec.frame();
    const int jwide = fr.wide * fr.clrs;
    // Every sensor site exactly once: LibRaw's loader is then a plain scatter.
    if (std::int64_t(jwide) * fr.high != std::int64_t(rawWidth) * rawHeight) return false;
    const bool identity = identityCurve(src_.data->color.curve, fr.bits);

    int slice = 0, row = 0, col = 0;  // where the next stream sample lands
    for (int jrow = 0; jrow < fr.high; ++jrow) {
        if ((jrow & 63) == 0) src_.checkCancel();
        const std::uint16_t* src = dec.nextRow();
        if (!src) {
            if (dec.invalid())
                damage_ = std::string(dec.invalid()) + " in row " + std::to_string(jrow + 1) +
                          " of " + std::to_string(fr.high);
            return false;
        }
        for (int k = 0; k < jwide;) {
            const int width = slice < sliceCount ? sliceWidth : lastWidth;
            const int run = std::min(width - col, jwide - k);
            ushort* dst = raw + std::size_t(row) * std::size_t(rawWidth) +
                          std::size_t(slice) * std::size_t(sliceWidth) + std::size_t(col);
            store(dst, src + k, run, src_.data->color.curve, identity);
            k += run;
            if ((col += run) == width) {
                col = 0;
                if (++row == rawHeight && slice < sliceCount) {
                    row = 0;
                    ++slice;
                }
            }
        }
    }
    return true;
}

bool DngTileReader::read() {
    const unpacker_data_t& u = *src_.unpacker;
    const int rawWidth = src_.data->sizes.raw_width, rawHeight = src_.data->sizes.raw_height;
    if (rawWidth <= 0 || rawHeight <= 0) return false;
    const bool tiled = u.tile_length < unsigned(INT_MAX);
    // Untiled, LibRaw reads one stream, unless its tile width is short of the raw's, when
    // it reads on after it in a way of its own.
    if (!tiled && u.tile_width < unsigned(rawWidth)) return false;
    const int tileWidth = tiled ? int(u.tile_width) : rawWidth;
    const int tileHeight = tiled ? int(u.tile_length) : rawHeight;
    if (tileWidth <= 0 || tileHeight <= 0) return false;
    const int across = (rawWidth + tileWidth - 1) / tileWidth;
    const int down = (rawHeight + tileHeight - 1) / tileHeight;
    const std::size_t tiles = std::size_t(across) * std::size_t(down);
    const auto where = [&](std::size_t t) {
        return !tiled ? std::string()
                      : "tile " + std::to_string(t + 1) + " of " + std::to_string(tiles) + ": ";
    };

    // Where each tile's stream starts: a table of offsets at data_offset, in the file's
    // byte order, or the data itself when the DNG is not tiled.
    const INT64 fileSize = src_.input->size();
    std::vector<INT64> offsets(tiles, INT64(u.data_offset));
    if (tiled) {
        if (tiles > std::size_t(INT_MAX / 4)) return false;
        std::vector<std::uint8_t> table(tiles * 4);
        if (!readAt(u.data_offset, table.data(), table.size())) {
            damage_ = "tile offsets run past the end of the file";
            return false;
        }
        for (std::size_t t = 0; t < tiles; ++t) {
            const std::uint8_t* b = table.data() + 4 * t;
            offsets[t] = u.order == 0x4949
                             ? INT64(b[0] | b[1] << 8 | b[2] << 16 | std::uint32_t(b[3]) << 24)
                             : INT64(std::uint32_t(b[0]) << 24 | b[1] << 16 | b[2] << 8 | b[3]);
        }
    }
    for (std::size_t t = 0; t < tiles; ++t)
        if (offsets[t] < 0 || offsets[t] >= fileSize) {
            damage_ = where(t) + "offset beyond end of file";
            return false;
        }
    // One read of everything from the first tile on. A tile's stream may run at most up
    // to the next tile's start; one that needs more is declined.
    std::vector<INT64> starts = offsets;
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    const INT64 first = starts.front();
    if (fileSize - first > INT_MAX) return false;
    const auto length = std::size_t(fileSize - first);
    const auto bytes = std::make_unique_for_overwrite<std::uint8_t[]>(length);
    if (!readAt(first, bytes.get(), length)) return false;

    ushort* const raw = src_.data->rawdata.raw_image;
    // Two samples a pixel (Fuji's SuperCCD DNGs) and non-Bayer DNGs take other paths.
    const bool declined =
        !raw || !src_.data->idata.filters || u.tiff_samples != 1 || tileWidth > rawWidth;
    const unsigned dngVersion = src_.data->idata.dng_version;
    const ushort* curve = src_.data->color.curve;
    const bool identity = identityCurve(curve, 16);
    std::atomic<bool> anyDeclined{declined};
    // The first tile (in LibRaw's order) with damage LibRaw would pass over, and what.
    std::atomic<std::size_t> firstInvalid{tiles};
    std::vector<const char*> why(tiles, nullptr);
    const auto invalidAt = [&](std::size_t t, const char* reason) {
        why[t] = reason;
        std::size_t seen = firstInvalid.load();
        while (t < seen && !firstInvalid.compare_exchange_weak(seen, t)) {
        }
    };
    src_.checkCancel();
    parallelFor(0, int(tiles), [&](int t0, int t1) {
        for (int t = t0; t < t1; ++t) {
            const INT64 start = offsets[std::size_t(t)];
            const auto next = std::upper_bound(starts.begin(), starts.end(), start);
            const INT64 end = next == starts.end() ? fileSize : *next;
            ljpeg::Decoder dec;
            if (!dec.start({bytes.get() + (start - first), std::size_t(fileSize - start)},
                           {dngVersion}, std::size_t(end - start))) {
                anyDeclined = true;
                if (dec.invalid()) invalidAt(std::size_t(t), dec.invalid());
                continue;
            }
            // Every tile is decoded even once the file is going to LibRaw, so that damage in
            // any of them is found whichever thread gets there first.
            if (!declined &&
                decodeTile(dec, t % across * tileWidth, t / across * tileHeight, tileWidth,
                           tileHeight, raw, rawWidth, rawHeight, curve, identity))
                continue;
            anyDeclined = true;
            if (dec.invalid()) invalidAt(std::size_t(t), dec.invalid());
        }
    });
    src_.checkCancel();
    if (const std::size_t t = firstInvalid.load(); t < tiles) {
        damage_ = where(t) + why[t];
        return false;
    }
    return !anyDeclined.load();
}

bool DngTileReader::decodeTile(ljpeg::Decoder& dec, int tcol, int trow, int tileWidth,
                               int tileHeight, ushort* raw, int rawWidth, int rawHeight,
                               const ushort* curve, bool identity) {
    const ljpeg::Frame& fr = dec.frame();
    const int jwide = fr.wide * fr.clrs;
    // LibRaw decodes only lossless frames here, and reads a row of width/clrs samples
    // differently; a tile whose stream is not exactly the tile is left to it.
    if (fr.process != 0xc3 || jwide != tileWidth || fr.high != tileHeight ||
        (fr.clrs > 1 && fr.clrs * jwide == rawWidth))
        return false;
    const int n = std::min(tileWidth, rawWidth - tcol);
    for (int jrow = 0; jrow < fr.high; ++jrow) {
        const std::uint16_t* src = dec.nextRow();
        if (!src) return false;
        if (trow + jrow >= rawHeight) continue;
        ushort* dst = raw + std::size_t(trow + jrow) * std::size_t(rawWidth) + std::size_t(tcol);
        store(dst, src, n, curve, identity);
    }
    return true;
}

}  // namespace rf::ljpeg
