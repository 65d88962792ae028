// SPDX-License-Identifier: GPL-3.0-or-later
#include "rangefinder/image.h"

#include <cstdlib>
#include <cstring>
#include <new>

#include "rangefinder/error.h"

namespace rf {

void Image::FreeDeleter::operator()(float* p) const noexcept { std::free(p); }

Image::Image(int width, int height, int channels) { resize(width, height, channels); }

Image::Image(const Image& other) {
    resize(other.width_, other.height_, other.channels_);
    if (!empty()) std::memcpy(data(), other.data(), sampleCount() * sizeof(float));
}

Image& Image::operator=(const Image& other) {
    if (this != &other) {
        resize(other.width_, other.height_, other.channels_);
        if (!empty()) std::memcpy(data(), other.data(), sampleCount() * sizeof(float));
    }
    return *this;
}

void Image::resize(int width, int height, int channels) {
    if (width < 0 || height < 0 || channels < 0) throw Error("invalid image size");
    const std::size_t n = std::size_t(width) * std::size_t(height) * std::size_t(channels);
    if (n > capacity_) {
        // Round up to the alignment so aligned_alloc's size rule holds.
        const std::size_t bytes = (n * sizeof(float) + 63) / 64 * 64;
        auto* p = static_cast<float*>(std::aligned_alloc(64, bytes));
        if (!p) throw Error("out of memory allocating a " + std::to_string(width) + "×" +
                            std::to_string(height) + " image");
        data_.reset(p);
        capacity_ = n;
    }
    width_ = width;
    height_ = height;
    channels_ = channels;
}

Image Image::copyOf(ConstImageView v) {
    Image out(v.width, v.height, v.channels);
    for (int y = 0; y < v.height; ++y)
        std::memcpy(out.row(y), v.row(y), std::size_t(v.width) * v.channels * sizeof(float));
    return out;
}

}  // namespace rf
