// SPDX-License-Identifier: GPL-3.0-or-later
// libjpeg decoding for the look learner (jpeg_reader.h). Errors jump back through setjmp as
// in writers.cpp's encoder; everything between setjmp and a possible longjmp is a trivially
// destructible local, and C++ objects are owned by the caller.
// <cstdio> must precede jpeglib.h, which uses FILE without including it.
#include <cstdio>

#include <jerror.h>
#include <jpeglib.h>

#include <algorithm>
#include <csetjmp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "io/jpeg_reader.h"
#include "rangefinder/error.h"
#include "rangefinder/limits.h"

namespace rf::jpeg {

namespace {

struct ErrorManager {
    jpeg_error_mgr pub;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void errorExit(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

void silentMessage(j_common_ptr) {}

struct Job {
    const std::vector<std::uint8_t>* bytes;
    int minLongEdge;
    std::int64_t maxPixels;
    Image* out;  // sized here, once the header is read
    std::vector<std::uint8_t>* icc;
    std::vector<std::uint8_t>* row;
    int fullWidth, fullHeight;
    char message[JMSG_LENGTH_MAX];
};

bool run(Job& job) {
    jpeg_decompress_struct cinfo;
    ErrorManager jerr;
    cinfo.err = jpeg_std_error(&jerr.pub);
    jerr.pub.error_exit = errorExit;
    jerr.pub.output_message = silentMessage;
    jerr.message[0] = '\0';
    JOCTET* iccData = nullptr;
    if (setjmp(jerr.jump)) {
        std::snprintf(job.message, sizeof job.message, "%s", jerr.message);
        std::free(iccData);
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, job.bytes->data(), static_cast<unsigned long>(job.bytes->size()));
    jpeg_save_markers(&cinfo, JPEG_APP0 + 2, 0xFFFF);  // ICC profile chunks
    jpeg_read_header(&cinfo, TRUE);
    job.fullWidth = int(cinfo.image_width);
    job.fullHeight = int(cinfo.image_height);
    if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
        std::snprintf(job.message, sizeof job.message, "a CMYK JPEG, which is not a photograph's");
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    if (std::int64_t(cinfo.image_width) * cinfo.image_height > job.maxPixels) {
        std::snprintf(job.message, sizeof job.message, "%u × %u pixels, over the limit of %lld",
                      cinfo.image_width, cinfo.image_height, static_cast<long long>(job.maxPixels));
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    unsigned int iccLength = 0;
    if (jpeg_read_icc_profile(&cinfo, &iccData, &iccLength) && iccData) {
        job.icc->assign(iccData, iccData + iccLength);
        std::free(iccData);
        iccData = nullptr;
    }
    const int longEdge = int(std::max(cinfo.image_width, cinfo.image_height));
    int denom = 1;
    while (denom < 8 && job.minLongEdge > 0 && longEdge / (denom * 2) >= job.minLongEdge)
        denom *= 2;
    cinfo.scale_num = 1;
    cinfo.scale_denom = unsigned(denom);
    cinfo.out_color_space = JCS_RGB;
    jpeg_start_decompress(&cinfo);
    const int w = int(cinfo.output_width), h = int(cinfo.output_height);
    job.out->resize(w, h, 3);
    job.row->resize(std::size_t(w) * 3);
    while (cinfo.output_scanline < cinfo.output_height) {
        const int y = int(cinfo.output_scanline);
        JSAMPROW rows[1] = {job.row->data()};
        jpeg_read_scanlines(&cinfo, rows, 1);
        float* d = job.out->row(y);
        for (int i = 0; i < w * 3; ++i) d[i] = float((*job.row)[std::size_t(i)]) / 255.f;
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return true;
}

}  // namespace

Decoded decode(const std::vector<std::uint8_t>& bytes, const std::string& what, int minLongEdge) {
    if (bytes.size() < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8)
        throw Error(what, "not a JPEG file");
    Decoded d;
    std::vector<std::uint8_t> row;
    Job job{&bytes, minLongEdge, resourceLimits().maxPixels, &d.rgb, &d.icc, &row, 0, 0, {}};
    job.message[0] = '\0';
    if (!run(job)) throw Error(what, std::string("not a readable JPEG: ") + job.message);
    d.fullWidth = job.fullWidth;
    d.fullHeight = job.fullHeight;
    return d;
}

Decoded read(const std::string& path, int minLongEdge) {
    // A JPEG of the largest sensors at the highest quality is some 100 MB; the file is read
    // whole, so anything far larger is refused before it costs memory.
    constexpr std::uintmax_t kMaxBytes = std::uintmax_t(512) << 20;
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw Error(path, "cannot read the file: " + ec.message());
    if (size > kMaxBytes) throw Error(path, "is larger than a JPEG can be (over 512 MB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, "cannot open the file");
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    return decode(bytes, path, minLongEdge);
}

}  // namespace rf::jpeg
