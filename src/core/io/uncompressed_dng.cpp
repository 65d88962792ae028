// SPDX-License-Identifier: GPL-3.0-or-later
// The uncompressed DNG loader (uncompressed_dng.h): the strips read a megabyte at a time and
// unpacked into LibRaw's sensor buffer, reading and unpacking overlapped on two threads.
#include "io/uncompressed_dng.h"

#include <algorithm>
#include <atomic>
#include <bit>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

#include "rangefinder/parallel.h"

namespace rf::rawio {
namespace {

// What each read takes: large enough that reads cost little each, small enough to stay in
// cache while it is unpacked.
constexpr std::size_t kChunkBytes = std::size_t(1) << 20;

/// `n` samples of `bits` (1–16) each, packed most significant bit first from the start of
/// `in`, as LibRaw's getbits() reads them.
void unpackRow(const std::uint8_t* in, std::uint16_t* out, int n, int bits) {
    if (bits == 8) {
        for (int i = 0; i < n; ++i) out[i] = in[i];
        return;
    }
    if (bits == 12) {
        // The common case gets two samples from three bytes.
        int i = 0;
        for (; i + 1 < n; i += 2, in += 3) {
            out[i] = std::uint16_t(in[0] << 4 | in[1] >> 4);
            out[i + 1] = std::uint16_t((in[1] & 15) << 8 | in[2]);
        }
        if (i < n) out[i] = std::uint16_t(in[0] << 4 | in[1] >> 4);
        return;
    }
    // Any other size through a bit buffer, refilled a byte at a time as LibRaw refills it;
    // at most 16 + 7 bits are held, so 32 are enough.
    std::uint32_t buffer = 0;
    int held = 0;
    const std::uint32_t mask = (1u << bits) - 1;
    for (int i = 0; i < n; ++i) {
        while (held < bits) {
            buffer = buffer << 8 | *in++;
            held += 8;
        }
        held -= bits;
        out[i] = std::uint16_t(buffer >> held & mask);
    }
}

}  // namespace

bool UncompressedDngReader::read() {
    const unpacker_data_t& u = *src_.unpacker;
    const libraw_data_t& d = *src_.data;
    const int rawWidth = d.sizes.raw_width, rawHeight = d.sizes.raw_height;
    ushort* const raw = d.rawdata.raw_image;
    const int bits = int(u.tiff_bps);
    if (!raw || rawWidth <= 0 || rawHeight <= 0 || u.tiff_samples != 1 || bits < 1 || bits > 16 ||
        d.params.shot_select != 0 || u.tile_width != unsigned(INT_MAX) ||
        u.tile_length != unsigned(INT_MAX))
        return false;
    // LibRaw's RAW() addresses the buffer at raw_width samples a row.
    if (d.sizes.raw_pitch && d.sizes.raw_pitch != unsigned(rawWidth) * 2) return false;
    const std::size_t rowBytes = (std::size_t(rawWidth) * std::size_t(bits) + 7) / 8;
    const std::size_t bytes = rowBytes * std::size_t(rawHeight);

    // LibRaw reads every row on from the first strip: other strips are where it reads them
    // only when each starts where the one before ends.
    if (const tiff_ifd_t* ifd = src_.rawIfd; ifd && ifd->strip_offsets_count > 1) {
        if (!ifd->strip_offsets || ifd->rows_per_strip <= 0) return false;
        const std::size_t stripBytes = rowBytes * std::size_t(ifd->rows_per_strip);
        for (int s = 0; s < ifd->strip_offsets_count; ++s)
            if (INT64(ifd->strip_offsets[s]) != INT64(u.data_offset) + INT64(s) * INT64(stripBytes))
                return false;
    }

    const INT64 begin = u.data_offset, fileSize = src_.input->size();
    if (begin < 0 || begin > fileSize) return false;
    if (INT64(bytes) > fileSize - begin) {
        damage_ = "the uncompressed data (" + std::to_string(bytes) + " bytes from offset " +
                  std::to_string(begin) + ") runs past the end of the file (" +
                  std::to_string(fileSize) + " bytes)";
        return false;
    }

    const ushort* curve = d.color.curve;
    const bool identity = identityCurve(curve, bits);
    const bool swap =
        bits == 16 && (u.order == 0x4949) != (std::endian::native == std::endian::little);
    // The rows are read a chunk at a time into a small buffer of each thread's and unpacked
    // from there, one thread reading while the other unpacks. Reading the whole data straight
    // into the sensor buffer costs more: memory the kernel is first to write is slow for us to
    // touch after it on some virtual machines, and the buffer is new for every file.
    const int chunkRows =
        int(std::clamp<std::size_t>(kChunkBytes / rowBytes, 1, std::size_t(rawHeight)));
    const int chunks = (rawHeight + chunkRows - 1) / chunkRows;
    std::mutex reading;
    std::atomic<bool> failed{false};
    src_.checkCancel();
    parallelFor(
        0, chunks,
        [&](int c0, int c1) {
            const auto buffer =
                std::make_unique_for_overwrite<std::uint8_t[]>(std::size_t(chunkRows) * rowBytes);
            for (int c = c0; c < c1 && !failed; ++c) {
                const int y0 = c * chunkRows, rows = std::min(chunkRows, rawHeight - y0);
                {
                    std::lock_guard lock(reading);
                    if (!readAt(begin + INT64(y0) * INT64(rowBytes), buffer.get(),
                                std::size_t(rows) * rowBytes)) {
                        failed = true;
                        return;
                    }
                }
                for (int r = 0; r < rows; ++r) {
                    const std::uint8_t* in = buffer.get() + std::size_t(r) * rowBytes;
                    ushort* row = raw + std::size_t(y0 + r) * std::size_t(rawWidth);
                    if (bits == 16)
                        std::memcpy(row, in, std::size_t(rawWidth) * 2);
                    else
                        unpackRow(in, row, rawWidth, bits);
                    if (swap)
                        for (int x = 0; x < rawWidth; ++x)
                            row[x] = ushort(row[x] >> 8 | row[x] << 8);
                    if (!identity)
                        for (int x = 0; x < rawWidth; ++x) row[x] = curve[row[x]];
                }
            }
        },
        1);
    src_.checkCancel();
    if (failed) {
        damage_ = "the uncompressed data cannot be read";
        return false;
    }
    return true;
}

}  // namespace rf::rawio
