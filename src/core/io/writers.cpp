// SPDX-License-Identifier: GPL-3.0-or-later
// Encoders for finished images: libjpeg-turbo, libpng and libtiff, each embedding the output
// ICC profile. Floats are quantised once, in parallel, into a packed buffer the encoder then
// streams. libjpeg and libpng report errors by longjmp, so their calls live in small
// functions that hold no C++ object across the jump; every failure (including a full disk,
// seen as a short write or a failed close) becomes an rf::Error naming the file, and the
// partial file is removed.
// jpeglib.h needs size_t and FILE declared before it.
#include <cstddef>
#include <cstdio>

#include <jpeglib.h>
#include <png.h>
#include <tiffio.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <csetjmp>
#include <cstring>
#include <string>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/parallel.h"
#include "rangefinder/writer.h"

namespace rf {

FileFormat fileFormatFromString(const std::string& s) {
    std::string v = s;
    std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
    if (v == "jpeg" || v == "jpg") return FileFormat::Jpeg;
    if (v == "tiff" || v == "tif") return FileFormat::Tiff;
    if (v == "png") return FileFormat::Png;
    throw Error("unknown output format '" + s + "' (formats: jpeg, tiff, png)");
}

const char* fileExtension(FileFormat f) {
    switch (f) {
        case FileFormat::Jpeg: return "jpg";
        case FileFormat::Tiff: return "tif";
        case FileFormat::Png: return "png";
    }
    return "bin";
}

namespace {

// Packs a float view into interleaved integers, rounding to nearest.
template <typename T>
std::vector<T> quantise(ConstImageView rgb, float scale) {
    std::vector<T> out(std::size_t(rgb.width) * rgb.height * 3);
    parallelFor(0, rgb.height, [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            const float* in = rgb.row(y);
            T* o = out.data() + std::size_t(y) * rgb.width * 3;
            for (int i = 0; i < rgb.width * 3; ++i) {
                const float v = std::clamp(in[i], 0.f, 1.f) * scale + 0.5f;
                o[i] = static_cast<T>(v);
            }
        }
    });
    return out;
}

// ---- JPEG ---------------------------------------------------------------------------------

struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void jpegErrorExit(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

void jpegSilence(j_common_ptr, int) {}

// No C++ objects with destructors live in here: longjmp would skip them.
bool encodeJpeg(std::FILE* f, const std::uint8_t* pixels, int w, int h,
                const EncodeOptions& o, const std::vector<std::uint8_t>& icc, char* message) {
    jpeg_compress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpegErrorExit;
    err.mgr.emit_message = jpegSilence;
    err.message[0] = 0;
    if (setjmp(err.jump)) {
        std::snprintf(message, JMSG_LENGTH_MAX, "%s", err.message);
        jpeg_destroy_compress(&cinfo);
        return false;
    }
    jpeg_create_compress(&cinfo);
    jpeg_stdio_dest(&cinfo, f);
    cinfo.image_width = JDIMENSION(w);
    cinfo.image_height = JDIMENSION(h);
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, std::clamp(o.quality, 1, 100), TRUE);
    cinfo.optimize_coding = TRUE;
    // Luma is sampled 1×1; chroma factors come from the luma component's.
    const int hs = o.subsampling == ChromaSubsampling::S444 ? 1 : 2;
    const int vs = o.subsampling == ChromaSubsampling::S420 ? 2 : 1;
    cinfo.comp_info[0].h_samp_factor = hs;
    cinfo.comp_info[0].v_samp_factor = vs;
    for (int c = 1; c < 3; ++c) cinfo.comp_info[c].h_samp_factor = cinfo.comp_info[c].v_samp_factor = 1;
    if (o.progressive) jpeg_simple_progression(&cinfo);
    jpeg_start_compress(&cinfo, TRUE);
    if (!icc.empty()) jpeg_write_icc_profile(&cinfo, icc.data(), unsigned(icc.size()));
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(pixels + std::size_t(cinfo.next_scanline) * w * 3);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    return true;
}

// ---- PNG ----------------------------------------------------------------------------------

struct PngState {
    char message[256] = "";
};

void pngError(png_structp png, png_const_charp msg) {
    auto* s = static_cast<PngState*>(png_get_error_ptr(png));
    std::snprintf(s->message, sizeof s->message, "%s", msg);
    png_longjmp(png, 1);
}

void pngWarning(png_structp, png_const_charp) {}

bool encodePng(std::FILE* f, const void* pixels, int w, int h, int depth,
               const std::vector<std::uint8_t>& icc, PngState* state) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, state, pngError, pngWarning);
    if (!png) return false;
    png_infop info = png_create_info_struct(png);
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_init_io(png, f);
    png_set_IHDR(png, info, png_uint_32(w), png_uint_32(h), depth, PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (!icc.empty())
        png_set_iCCP(png, info, "ICC profile", PNG_COMPRESSION_TYPE_BASE, icc.data(),
                     png_uint_32(icc.size()));
    png_set_compression_level(png, 6);
    png_write_info(png, info);
    if (depth == 16) png_set_swap(png);  // PNG is big-endian; our samples are native
    const std::size_t rowBytes = std::size_t(w) * 3 * (depth / 8);
    for (int y = 0; y < h; ++y)
        png_write_row(png, static_cast<png_const_bytep>(pixels) + y * rowBytes);
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

// ---- TIFF ---------------------------------------------------------------------------------

int tiffError(TIFF*, void* user, const char*, const char* fmt, va_list ap) {
    auto* msg = static_cast<std::string*>(user);
    char buf[512];
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    if (msg->empty()) *msg = buf;
    return 1;
}

int tiffWarning(TIFF*, void*, const char*, const char*, va_list) { return 1; }

void encodeTiff(const std::string& path, ConstImageView rgb, const EncodeOptions& o,
                const std::vector<std::uint8_t>& icc) {
    std::string message;
    TIFFOpenOptions* opts = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(opts, tiffError, &message);
    TIFFOpenOptionsSetWarningHandlerExtR(opts, tiffWarning, nullptr);
    TIFF* tif = TIFFOpenExt(path.c_str(), "w", opts);
    TIFFOpenOptionsFree(opts);
    if (!tif)
        throw Error(path, "cannot create: " + (message.empty() ? std::strerror(errno) : message));
    const int depth = o.bitDepth == 8 ? 8 : 16;
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, std::uint32_t(rgb.width));
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, std::uint32_t(rgb.height));
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, depth);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_ORIENTATION, ORIENTATION_TOPLEFT);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
    TIFFSetField(tif, TIFFTAG_PREDICTOR, PREDICTOR_HORIZONTAL);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, TIFFDefaultStripSize(tif, 0));
    TIFFSetField(tif, TIFFTAG_SOFTWARE, "Rangefinder " RF_VERSION);
    if (!icc.empty()) TIFFSetField(tif, TIFFTAG_ICCPROFILE, std::uint32_t(icc.size()), icc.data());
    bool ok = true;
    if (depth == 16) {
        const auto px = quantise<std::uint16_t>(rgb, 65535.f);
        for (int y = 0; ok && y < rgb.height; ++y)
            ok = TIFFWriteScanline(tif, const_cast<std::uint16_t*>(px.data()) +
                                            std::size_t(y) * rgb.width * 3, std::uint32_t(y)) == 1;
    } else {
        const auto px = quantise<std::uint8_t>(rgb, 255.f);
        for (int y = 0; ok && y < rgb.height; ++y)
            ok = TIFFWriteScanline(tif, const_cast<std::uint8_t*>(px.data()) +
                                            std::size_t(y) * rgb.width * 3, std::uint32_t(y)) == 1;
    }
    ok = ok && TIFFFlush(tif) == 1;
    TIFFClose(tif);
    if (!ok) throw Error(path, "write failed: " + (message.empty() ? "disk full?" : message));
}

}  // namespace

void writeImage(const std::string& path, ConstImageView rgb, const EncodeOptions& o,
                const std::vector<std::uint8_t>& icc) {
    if (rgb.channels != 3 || rgb.empty()) throw Error(path, "nothing to write (empty image)");
    try {
        if (o.format == FileFormat::Tiff) {
            encodeTiff(path, rgb, o, icc);
            return;
        }
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (!f) throw Error(path, std::string("cannot create: ") + std::strerror(errno));
        bool ok = false;
        std::string message;
        if (o.format == FileFormat::Jpeg) {
            const auto px = quantise<std::uint8_t>(rgb, 255.f);
            char msg[JMSG_LENGTH_MAX] = "";
            ok = encodeJpeg(f, px.data(), rgb.width, rgb.height, o, icc, msg);
            message = msg;
        } else {
            PngState state;
            if (o.bitDepth == 16) {
                const auto px = quantise<std::uint16_t>(rgb, 65535.f);
                ok = encodePng(f, px.data(), rgb.width, rgb.height, 16, icc, &state);
            } else {
                const auto px = quantise<std::uint8_t>(rgb, 255.f);
                ok = encodePng(f, px.data(), rgb.width, rgb.height, 8, icc, &state);
            }
            message = state.message;
        }
        // A full disk can surface only when buffered data is finally written.
        const bool flushed = std::fflush(f) == 0 && !std::ferror(f);
        const int err = errno;
        const bool closed = std::fclose(f) == 0;
        if (!ok) throw Error(path, "write failed: " + message);
        if (!flushed || !closed)
            throw Error(path, std::string("write failed: ") + std::strerror(closed ? err : errno));
    } catch (...) {
        std::remove(path.c_str());
        throw;
    }
}

}  // namespace rf
