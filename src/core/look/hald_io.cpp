// SPDX-License-Identifier: GPL-3.0-or-later
// Hald CLUT images: a level-L Hald is an L³ × L³ picture of an L²-point colour cube, scanned
// row-major with red varying fastest, then green, then blue, so the identity image is a set of
// gradients any image editor can grade like a photo. libpng and libtiff decode it directly
// (PNG or TIFF, 8 or 16 bit, RGB or RGBA with the alpha ignored), as the encoders in
// io/writers.cpp use them: a general image decoder (OpenCV's imgcodecs, which drags GDAL's
// dependency tree into every start of the program) would also offer a hostile file to every
// other format it knows.
//
// A file's header can claim any size (a 145-byte file once asked for 2 GB), so the file must
// be a PNG or a TIFF by its signature, and the size its header declares must be a Hald CLUT's,
// before a pixel buffer is allocated or a byte is decoded.
#include <png.h>
#include <tiffio.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "io/codec_callbacks.h"
#include "look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/lut.h"

namespace rf {

namespace {

// Also the most libtiff may allocate at once: a decoded level-8 Hald fits many times over.
constexpr std::uintmax_t kMaxHaldBytes = look::kMaxHaldFileBytes;

std::uint32_t read16(const unsigned char* p, bool bigEndian) {
    return bigEndian ? std::uint32_t(p[0] << 8 | p[1]) : std::uint32_t(p[1] << 8 | p[0]);
}

std::uint32_t read32(const unsigned char* p, bool bigEndian) {
    return bigEndian ? std::uint32_t(read16(p, true) << 16 | read16(p + 2, true))
                     : std::uint32_t(read16(p + 2, false) << 16 | read16(p, false));
}

// The width and height a PNG's IHDR or a classic TIFF's first directory declares; false for
// anything else (BigTIFF included: no Hald CLUT needs it).
bool declaredSize(const std::string& file, std::int64_t& width, std::int64_t& height) {
    const auto* b = reinterpret_cast<const unsigned char*>(file.data());
    const std::size_t n = file.size();
    if (n >= 24 && std::memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 &&
        std::memcmp(b + 12, "IHDR", 4) == 0) {
        width = read32(b + 16, true);
        height = read32(b + 20, true);
        return true;
    }
    if (n < 8 || !(std::memcmp(b, "II", 2) == 0 || std::memcmp(b, "MM", 2) == 0)) return false;
    const bool be = b[0] == 'M';
    if (read16(b + 2, be) != 42) return false;
    const std::uint64_t ifd = read32(b + 4, be);
    if (ifd + 2 > n) return false;
    const std::uint64_t entries = read16(b + ifd, be);
    width = height = -1;
    for (std::uint64_t i = 0; i < entries && ifd + 2 + 12 * (i + 1) <= n; ++i) {
        const unsigned char* e = b + ifd + 2 + 12 * i;
        const std::uint32_t tag = read16(e, be), type = read16(e + 2, be);
        if ((tag != 256 && tag != 257) || read32(e + 4, be) != 1) continue;
        std::int64_t value = -1;
        if (type == 3) value = read16(e + 8, be);  // SHORT
        if (type == 4) value = read32(e + 8, be);  // LONG
        (tag == 256 ? width : height) = value;
    }
    return width >= 0 && height >= 0;
}

// A level-L Hald image is square, L³ pixels a side, L from 2 to 8. Returns L.
int haldLevel(const std::string& path, std::int64_t width, std::int64_t height) {
    const std::string dims = std::to_string(width) + "×" + std::to_string(height);
    if (width != height)
        throw Error(path, dims +
                              " is not a Hald CLUT: a level-L Hald image is square, L³×L³ "
                              "pixels (512×512 for level 8)");
    const std::int64_t level = std::llround(std::cbrt(double(width)));
    if (level < 2 || level * level * level != width)
        throw Error(path, dims +
                              " is not a Hald CLUT: the side of a level-L Hald image is L³ "
                              "pixels (8, 27, 64, 125, … 512)");
    const std::int64_t points = level * level;
    if (points > Lut3D::kMaxSize)
        throw Error(path, "a level-" + std::to_string(level) + " Hald CLUT (" + dims +
                              ") holds a cube of " + std::to_string(points) +
                              " points per axis; at most " + std::to_string(Lut3D::kMaxSize) +
                              " are supported (level 8)");
    return int(level);
}

// Decoded samples in host order, RGB interleaved: grid point i's red, green and blue.
struct Samples {
    std::vector<std::uint16_t> rgb;
    float maxValue = 255.0f;
};

const char* const kGreyscale = "is a greyscale image; a Hald CLUT is a colour (RGB) image";

std::string depthProblem(const std::string& samples) {
    return "a Hald CLUT has 8 or 16 bits per channel; this image has " + samples + " samples";
}

// ---- PNG ---------------------------------------------------------------------------------

// Everything libpng's callbacks and the setjmp'd decoder touch. Trivially destructible, so a
// longjmp out of libpng skips no destructor; the buffers belong to the caller.
struct PngJob {
    const unsigned char* data;
    std::size_t size;
    std::size_t pos;
    png_uint_32 side;       ///< the declared width and height, already checked
    unsigned char* pixels;  ///< side × side × 8 bytes: room for 16-bit RGBA
    png_bytep* rows;        ///< side row pointers
    int channels;           ///< on success: 3 or 4
    int bitDepth;           ///< on success: 8 or 16
    bool grey;              ///< a greyscale image: nothing was decoded
    char message[256];
};

void pngRead(png_structp png, png_bytep out, png_size_t length) {
    auto* job = static_cast<PngJob*>(png_get_io_ptr(png));
    if (length > job->size - job->pos) png_error(png, "the file is truncated");
    std::memcpy(out, job->data + job->pos, length);
    job->pos += length;
}

// Between setjmp and a possible longjmp there are only trivially destructible locals.
bool decodePng(PngJob& job) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &job, codec::pngError<PngJob>,
                                             codec::pngWarning);
    if (!png) {
        std::snprintf(job.message, sizeof job.message, "out of memory");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (!info) {
        png_destroy_read_struct(&png, nullptr, nullptr);
        std::snprintf(job.message, sizeof job.message, "out of memory");
        return false;
    }
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return false;
    }
    png_set_read_fn(png, &job, pngRead);
    // The size was checked on the raw header; libpng refuses anything else on its own.
    png_set_user_limits(png, job.side, job.side);
    png_read_info(png, info);
    png_uint_32 width = 0, height = 0;
    int depth = 0, colorType = 0;
    png_get_IHDR(png, info, &width, &height, &depth, &colorType, nullptr, nullptr, nullptr);
    if (width != job.side || height != job.side)
        png_error(png, "the image header does not declare the size it first did");
    if (!(colorType & PNG_COLOR_MASK_COLOR)) {
        job.grey = true;
        png_destroy_read_struct(&png, &info, nullptr);
        return true;
    }
    if (colorType == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (depth == 16) {
        // PNG samples are big-endian; the grid wants host order.
        const std::uint16_t probe = 1;
        if (*reinterpret_cast<const std::uint8_t*>(&probe) == 1) png_set_swap(png);
    }
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    job.channels = png_get_channels(png, info);
    job.bitDepth = png_get_bit_depth(png, info);
    const std::size_t stride = std::size_t(job.side) * 8;
    if ((job.channels != 3 && job.channels != 4) || (job.bitDepth != 8 && job.bitDepth != 16) ||
        png_get_rowbytes(png, info) > stride)
        png_error(png, "unexpected pixel layout");
    for (png_uint_32 y = 0; y < job.side; ++y) job.rows[y] = job.pixels + y * stride;
    png_read_image(png, job.rows);
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}

Samples readPng(const std::string& path, const std::string& file, int side) {
    const std::size_t pixels = std::size_t(side) * std::size_t(side);
    std::vector<std::uint16_t> buffer(pixels * 4);  // 8 bytes a pixel, 16-bit aligned
    std::vector<png_bytep> rows(static_cast<std::size_t>(side));
    PngJob job{};
    job.data = reinterpret_cast<const unsigned char*>(file.data());
    job.size = file.size();
    job.side = png_uint_32(side);
    job.pixels = reinterpret_cast<unsigned char*>(buffer.data());
    job.rows = rows.data();
    if (!decodePng(job))
        throw Error(path, std::string("cannot decode the PNG image: ") + job.message);
    if (job.grey) throw Error(path, kGreyscale);

    Samples s;
    s.rgb.resize(pixels * 3);
    s.maxValue = job.bitDepth == 16 ? 65535.0f : 255.0f;
    const std::size_t channels = std::size_t(job.channels);
    for (std::size_t y = 0; y < std::size_t(side); ++y) {
        const std::uint16_t* row16 = buffer.data() + y * std::size_t(side) * 4;
        const unsigned char* row8 = reinterpret_cast<const unsigned char*>(row16);
        std::uint16_t* out = s.rgb.data() + y * std::size_t(side) * 3;
        for (std::size_t x = 0; x < std::size_t(side); ++x)
            for (std::size_t c = 0; c < 3; ++c)
                out[x * 3 + c] =
                    job.bitDepth == 16 ? row16[x * channels + c] : row8[x * channels + c];
    }
    return s;
}

// ---- TIFF --------------------------------------------------------------------------------

// libtiff reads the file from memory through these procedures, and its messages go to
// per-handle handlers (libtiff ≥ 4.5) instead of the process-wide ones that print to stderr.
struct TiffSource {
    const unsigned char* data;
    std::uint64_t size;
    std::uint64_t pos = 0;
    std::string error;
};

tmsize_t tiffRead(thandle_t h, void* buf, tmsize_t size) {
    auto* src = static_cast<TiffSource*>(h);
    if (size < 0) return -1;
    const std::uint64_t n =
        src->pos >= src->size ? 0
                              : std::min<std::uint64_t>(std::uint64_t(size), src->size - src->pos);
    if (n) std::memcpy(buf, src->data + src->pos, std::size_t(n));
    src->pos += n;
    return tmsize_t(n);
}

tmsize_t tiffWrite(thandle_t, void*, tmsize_t) {
    return -1;
}

toff_t tiffSeek(thandle_t h, toff_t off, int whence) {
    auto* src = static_cast<TiffSource*>(h);
    std::uint64_t base = 0;
    if (whence == SEEK_CUR) base = src->pos;
    if (whence == SEEK_END) base = src->size;
    src->pos = base + off;
    return src->pos;
}

int tiffClose(thandle_t) {
    return 0;
}

toff_t tiffSize(thandle_t h) {
    return static_cast<TiffSource*>(h)->size;
}

int tiffMap(thandle_t h, void** base, toff_t* size) {
    auto* src = static_cast<TiffSource*>(h);
    *base = const_cast<unsigned char*>(src->data);  // mapped read-only: libtiff only reads it
    *size = src->size;
    return 1;
}

void tiffUnmap(thandle_t, void*, toff_t) {}

struct TiffCloser {
    void operator()(TIFF* tif) const { TIFFClose(tif); }
};

std::string photometricName(std::uint16_t photometric) {
    switch (photometric) {
        case PHOTOMETRIC_PALETTE:
            return "palette colours";
        case PHOTOMETRIC_SEPARATED:
            return "separated (CMYK) colours";
        case PHOTOMETRIC_YCBCR:
            return "YCbCr";
        case PHOTOMETRIC_LOGLUV:
        case PHOTOMETRIC_LOGL:
            return "LogLuv (high dynamic range)";
        case PHOTOMETRIC_CIELAB:
        case PHOTOMETRIC_ICCLAB:
        case PHOTOMETRIC_ITULAB:
            return "L*a*b*";
        default:
            return "photometric interpretation " + std::to_string(photometric);
    }
}

std::string sampleKind(std::uint16_t format, std::uint16_t bits) {
    const std::string b = std::to_string(bits) + "-bit";
    switch (format) {
        case SAMPLEFORMAT_INT:
            return "signed " + b;
        case SAMPLEFORMAT_IEEEFP:
            return b + " floating-point";
        case SAMPLEFORMAT_UINT:
        case SAMPLEFORMAT_VOID:
            return b;
        default:
            return "complex or unusual " + b;
    }
}

// Strips are read a scanline at a time, tiles a tile at a time; planar configuration
// contiguous (RGBRGB…) or separate (a plane per channel); any compression libtiff decodes.
Samples readTiff(const std::string& path, const std::string& file, int side) {
    TiffSource src{reinterpret_cast<const unsigned char*>(file.data()), file.size()};
    TIFFOpenOptions* opts = TIFFOpenOptionsAlloc();
    if (!opts) throw Error(path, "cannot decode the TIFF image: out of memory");
    TIFFOpenOptionsSetErrorHandlerExtR(opts, codec::tiffError<TiffSource, false>, &src);
    TIFFOpenOptionsSetWarningHandlerExtR(opts, codec::tiffWarning, &src);
    // A Hald CLUT's strips and tiles are small; no header may make libtiff allocate more.
    TIFFOpenOptionsSetMaxSingleMemAlloc(opts, tmsize_t(kMaxHaldBytes));
    std::unique_ptr<TIFF, TiffCloser> tif(TIFFClientOpenExt(path.c_str(), "r", &src, tiffRead,
                                                            tiffWrite, tiffSeek, tiffClose,
                                                            tiffSize, tiffMap, tiffUnmap, opts));
    TIFFOpenOptionsFree(opts);
    const auto fail = [&](const std::string& what) {
        return Error(path,
                     "cannot decode the TIFF image: " + (src.error.empty() ? what : src.error));
    };
    if (!tif) throw fail("cannot read its header");

    std::uint32_t width = 0, height = 0;
    TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &width);
    TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &height);
    if (width != std::uint32_t(side) || height != std::uint32_t(side))
        throw fail("the image directory does not declare the size it first did");
    std::uint16_t bits = 1, spp = 1, format = SAMPLEFORMAT_UINT, planar = PLANARCONFIG_CONTIG,
                  photometric = 0;
    TIFFGetFieldDefaulted(tif.get(), TIFFTAG_BITSPERSAMPLE, &bits);
    TIFFGetFieldDefaulted(tif.get(), TIFFTAG_SAMPLESPERPIXEL, &spp);
    TIFFGetFieldDefaulted(tif.get(), TIFFTAG_SAMPLEFORMAT, &format);
    TIFFGetFieldDefaulted(tif.get(), TIFFTAG_PLANARCONFIG, &planar);
    if (!TIFFGetField(tif.get(), TIFFTAG_PHOTOMETRIC, &photometric))
        throw fail("it declares no photometric interpretation");
    if (photometric == PHOTOMETRIC_MINISBLACK || photometric == PHOTOMETRIC_MINISWHITE)
        throw Error(path, kGreyscale);
    if (photometric != PHOTOMETRIC_RGB)
        throw Error(path, "is a TIFF image in " + photometricName(photometric) +
                              "; a Hald CLUT is an RGB image");
    if ((format != SAMPLEFORMAT_UINT && format != SAMPLEFORMAT_VOID) || (bits != 8 && bits != 16))
        throw Error(path, depthProblem(sampleKind(format, bits)));
    if (spp < 3)
        throw Error(path, "is an RGB TIFF image with " + std::to_string(spp) +
                              " samples per pixel; RGB needs at least 3");

    const bool separate = planar == PLANARCONFIG_SEPARATE;
    const std::size_t perPixel = separate ? 1 : spp;  // samples a pixel has in one plane
    const std::size_t bytes = bits / 8;
    const auto fetch = [&](const std::vector<std::uint16_t>& buf, std::size_t i) -> std::uint16_t {
        return bytes == 2 ? buf[i] : reinterpret_cast<const unsigned char*>(buf.data())[i];
    };
    Samples s;
    s.rgb.resize(std::size_t(side) * std::size_t(side) * 3);
    s.maxValue = bits == 16 ? 65535.0f : 255.0f;
    const int planes = separate ? 3 : 1;
    // libtiff fills a whole tile or row of its own reckoning: the buffer takes its size, which
    // must hold what we read from it and stay within what a Hald CLUT can need.
    const auto blockBuffer = [&](std::size_t need, std::uint64_t libtiffSize, const char* what) {
        if (libtiffSize < need || libtiffSize > kMaxHaldBytes)
            throw fail(std::string("a ") + what + " of " + std::to_string(libtiffSize) +
                       " bytes does not fit the image's layout");
        return std::vector<std::uint16_t>(std::size_t(libtiffSize) / 2 + 1);
    };

    if (TIFFIsTiled(tif.get())) {
        std::uint32_t tw = 0, th = 0;
        TIFFGetField(tif.get(), TIFFTAG_TILEWIDTH, &tw);
        TIFFGetField(tif.get(), TIFFTAG_TILELENGTH, &th);
        if (tw == 0 || th == 0 || tw > 4096 || th > 4096)
            throw fail("tiles of " + std::to_string(tw) + "×" + std::to_string(th) +
                       " pixels are not supported");
        std::vector<std::uint16_t> buf =
            blockBuffer(std::size_t(tw) * th * perPixel * bytes, TIFFTileSize64(tif.get()), "tile");
        for (int plane = 0; plane < planes; ++plane)
            for (std::uint32_t ty = 0; ty < std::uint32_t(side); ty += th)
                for (std::uint32_t tx = 0; tx < std::uint32_t(side); tx += tw) {
                    if (TIFFReadTile(tif.get(), buf.data(), tx, ty, 0, tsample_t(plane)) < 0)
                        throw fail("cannot read the tile at (" + std::to_string(tx) + ", " +
                                   std::to_string(ty) + ")");
                    const std::uint32_t rows = std::min(th, std::uint32_t(side) - ty);
                    const std::uint32_t cols = std::min(tw, std::uint32_t(side) - tx);
                    for (std::uint32_t y = 0; y < rows; ++y)
                        for (std::uint32_t x = 0; x < cols; ++x) {
                            const std::size_t in = (std::size_t(y) * tw + x) * perPixel;
                            std::uint16_t* out =
                                s.rgb.data() + ((std::size_t(ty) + y) * side + tx + x) * 3;
                            if (separate)
                                out[plane] = fetch(buf, in);
                            else
                                for (int c = 0; c < 3; ++c) out[c] = fetch(buf, in + c);
                        }
                }
        return s;
    }

    std::vector<std::uint16_t> buf =
        blockBuffer(std::size_t(side) * perPixel * bytes, TIFFScanlineSize64(tif.get()), "row");
    for (int plane = 0; plane < planes; ++plane)
        for (int y = 0; y < side; ++y) {
            if (TIFFReadScanline(tif.get(), buf.data(), std::uint32_t(y), std::uint16_t(plane)) < 0)
                throw fail("cannot read row " + std::to_string(y));
            std::uint16_t* out = s.rgb.data() + std::size_t(y) * side * 3;
            for (std::size_t x = 0; x < std::size_t(side); ++x) {
                if (separate)
                    out[x * 3 + plane] = fetch(buf, x);
                else
                    for (std::size_t c = 0; c < 3; ++c)
                        out[x * 3 + c] = fetch(buf, x * perPixel + c);
            }
        }
    return s;
}

}  // namespace

Lut3D readHaldClut(const std::string& path) {
    const std::string file =
        look::readLutFileBytes(path, look::kMaxHaldFileBytes, "a Hald CLUT image");

    std::int64_t declaredWidth = 0, declaredHeight = 0;
    if (!declaredSize(file, declaredWidth, declaredHeight))
        throw Error(path, "not a PNG or TIFF image that can be decoded");
    const int level = haldLevel(path, declaredWidth, declaredHeight);
    const int side = level * level * level;
    const bool png = file.compare(0, 8, "\x89PNG\r\n\x1a\n", 8) == 0;
    const Samples samples = png ? readPng(path, file, side) : readTiff(path, file, side);

    Lut3D lut(level * level);
    lut.title = std::filesystem::path(path).stem().string();
    float* out = lut.data().data();
    for (std::size_t i = 0; i < samples.rgb.size(); ++i)
        out[i] = float(samples.rgb[i]) / samples.maxValue;
    return lut;
}

}  // namespace rf
