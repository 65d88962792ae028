// SPDX-License-Identifier: GPL-3.0-or-later
// Hald CLUT images: a level-L Hald is an L³ × L³ picture of an L²-point colour cube, scanned
// row-major with red varying fastest, then green, then blue, so the identity image is a set of
// gradients any image editor can grade like a photo. OpenCV's imgcodecs decodes it (PNG or
// TIFF, 8 or 16 bit); this file is the core's only imgcodecs user.
#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
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
    // imread answers every failure with an empty image; say which failure it was.
    if (std::ifstream probe(path, std::ios::binary); !probe)
        throw Error(path, std::string("cannot open: ") + std::strerror(errno));
    cv::Mat img;
    try {
        img = cv::imread(path, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception& e) {
        throw Error(path, "cannot decode the image: " + e.msg);
    }
    if (img.empty()) throw Error(path, "not a PNG or TIFF image that can be decoded");
    if (img.channels() < 3)
        throw Error(path, "is a greyscale image; a Hald CLUT is a colour (RGB) image");
    if (img.depth() != CV_8U && img.depth() != CV_16U)
        throw Error(path, "a Hald CLUT has 8 or 16 bits per channel; this image has " +
                              sampleKind(img.depth()) + " samples");

    const std::string dims = std::to_string(img.cols) + "×" + std::to_string(img.rows);
    if (img.cols != img.rows)
        throw Error(path, dims +
                              " is not a Hald CLUT: a level-L Hald image is square, L³×L³ "
                              "pixels (512×512 for level 8)");
    const int level = int(std::lround(std::cbrt(double(img.cols))));
    if (level < 2 || level * level * level != img.cols)
        throw Error(path, dims +
                              " is not a Hald CLUT: the side of a level-L Hald image is L³ "
                              "pixels (8, 27, 64, 125, … 512)");
    const int points = level * level;
    if (points > Lut3D::kMaxSize)
        throw Error(path, "a level-" + std::to_string(level) + " Hald CLUT (" + dims +
                              ") holds a cube of " + std::to_string(points) +
                              " points per axis; at most " + std::to_string(Lut3D::kMaxSize) +
                              " are supported (level 8)");

    Lut3D lut(points);
    lut.title = std::filesystem::path(path).stem().string();
    if (img.depth() == CV_8U)
        copyGrid<std::uint8_t>(img, 255.0f, lut);
    else
        copyGrid<std::uint16_t>(img, 65535.0f, lut);
    return lut;
}

}  // namespace rf
