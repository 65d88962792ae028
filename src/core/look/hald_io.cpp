// SPDX-License-Identifier: GPL-3.0-or-later
// Hald CLUT images: a level-L Hald is an L³ × L³ picture of an L²-point colour cube, scanned
// row-major with red varying fastest, then green, then blue, so the identity image is a set of
// gradients any image editor can grade like a photo. OpenCV's imgcodecs decodes it (PNG or
// TIFF, 8 or 16 bit); this file is the core's only imgcodecs user.
//
// OpenCV decodes whatever it recognises (DICOM, OpenEXR, JPEG 2000, …) and allocates what the
// file's header claims: a 145-byte DICOM file asked for 2 GB. So the file must be a PNG or a
// TIFF, and the size its header declares must be a Hald CLUT's, before OpenCV sees a byte.
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "rangefinder/error.h"
#include "rangefinder/lut.h"

namespace rf {

namespace {

// Copies pixels into the grid in scan order: pixel i is grid point i (red fastest). OpenCV
// stores colour pixels as BGR(A).
template <class T>
void copyGrid(const cv::Mat& img, float maxValue, Lut3D& lut) {
    const int channels = img.channels();
    float* out = lut.data().data();
    for (int y = 0; y < img.rows; ++y) {
        const T* p = img.ptr<T>(y);
        for (int x = 0; x < img.cols; ++x, p += channels, out += 3) {
            out[0] = float(p[2]) / maxValue;
            out[1] = float(p[1]) / maxValue;
            out[2] = float(p[0]) / maxValue;
        }
    }
}

// A level-8 Hald (512 × 512) as uncompressed 16-bit RGBA is 2 MB: a file many times that
// is not a Hald CLUT we can read, and is not read into memory.
constexpr std::uintmax_t kMaxHaldBytes = std::uintmax_t(32) << 20;

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

std::string sampleKind(int depth) {
    switch (depth) {
        case CV_8S:
            return "signed 8-bit";
        case CV_16S:
            return "signed 16-bit";
        case CV_32S:
            return "32-bit integer";
        case CV_16F:
            return "16-bit floating-point";
        case CV_32F:
            return "32-bit floating-point";
        case CV_64F:
            return "64-bit floating-point";
        default:
            return "unusual";
    }
}

}  // namespace

Lut3D readHaldClut(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, std::string("cannot open: ") + std::strerror(errno));
    std::error_code ec;
    const std::uintmax_t bytes = std::filesystem::file_size(path, ec);
    if (!ec && bytes > kMaxHaldBytes)
        throw Error(path, "is " + std::to_string(bytes >> 20) +
                              " MB, far larger than any Hald CLUT (a level-8 one is about 2 MB)");
    const std::string file{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad()) throw Error(path, std::string("cannot read: ") + std::strerror(errno));

    std::int64_t declaredWidth = 0, declaredHeight = 0;
    if (!declaredSize(file, declaredWidth, declaredHeight))
        throw Error(path, "not a PNG or TIFF image that can be decoded");
    haldLevel(path, declaredWidth, declaredHeight);

    cv::Mat img;
    try {
        const cv::Mat encoded(1, int(file.size()), CV_8U,
                              const_cast<char*>(file.data()));  // imdecode only reads it
        img = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw Error(path, "cannot decode the image: " + e.msg);
    }
    if (img.empty()) throw Error(path, "not a PNG or TIFF image that can be decoded");
    if (img.channels() < 3)
        throw Error(path, "is a greyscale image; a Hald CLUT is a colour (RGB) image");
    if (img.depth() != CV_8U && img.depth() != CV_16U)
        throw Error(path, "a Hald CLUT has 8 or 16 bits per channel; this image has " +
                              sampleKind(img.depth()) + " samples");
    const int level = haldLevel(path, img.cols, img.rows);
    const int points = level * level;

    Lut3D lut(points);
    lut.title = std::filesystem::path(path).stem().string();
    if (img.depth() == CV_8U)
        copyGrid<std::uint8_t>(img, 255.0f, lut);
    else
        copyGrid<std::uint16_t>(img, 65535.0f, lut);
    return lut;
}

}  // namespace rf
