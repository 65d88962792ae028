// SPDX-License-Identifier: GPL-3.0-or-later
// The one image type of Rangefinder. Pixels are 32-bit floats, interleaved, row-major; a CFA
// mosaic has one channel, an RGB image three. `Image` owns its buffer; `ImageView` and
// `ConstImageView` are non-owning windows (pointer, size, stride) so a stage can work on a
// region of a larger buffer without copying. Stages take views and write into buffers they
// are given, which lets a batch reuse allocations from one file to the next.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

namespace rf {

/// A rectangle in pixel coordinates.
struct Rect {
    int x = 0, y = 0, width = 0, height = 0;
    bool operator==(const Rect&) const = default;
};

/// A read-only window onto float pixels.
struct ConstImageView {
    const float* data = nullptr;
    int width = 0;
    int height = 0;
    int channels = 0;
    std::ptrdiff_t stride = 0;  ///< floats from one row to the next

    const float* row(int y) const { return data + y * stride; }
    const float* px(int x, int y) const { return data + y * stride + x * channels; }
    bool empty() const { return data == nullptr || width <= 0 || height <= 0; }
    ConstImageView region(const Rect& r) const {
        return {px(r.x, r.y), r.width, r.height, channels, stride};
    }
};

/// A writable window onto float pixels.
struct ImageView {
    float* data = nullptr;
    int width = 0;
    int height = 0;
    int channels = 0;
    std::ptrdiff_t stride = 0;  ///< floats from one row to the next

    float* row(int y) const { return data + y * stride; }
    float* px(int x, int y) const { return data + y * stride + x * channels; }
    bool empty() const { return data == nullptr || width <= 0 || height <= 0; }
    ImageView region(const Rect& r) const {
        return {px(r.x, r.y), r.width, r.height, channels, stride};
    }
    operator ConstImageView() const { return {data, width, height, channels, stride}; }
};

/// An owning, 64-byte aligned float image with tightly packed rows.
class Image {
  public:
    Image() = default;
    Image(int width, int height, int channels);

    Image(Image&&) noexcept = default;
    Image& operator=(Image&&) noexcept = default;
    Image(const Image& other);
    Image& operator=(const Image& other);

    /// Reallocates only when the size changes, so buffers are reused across a batch.
    /// Contents are unspecified afterwards.
    void resize(int width, int height, int channels);

    int width() const { return width_; }
    int height() const { return height_; }
    int channels() const { return channels_; }
    bool empty() const { return width_ == 0 || height_ == 0; }
    std::size_t sampleCount() const {
        return std::size_t(width_) * std::size_t(height_) * std::size_t(channels_);
    }

    float* data() { return data_.get(); }
    const float* data() const { return data_.get(); }
    float* row(int y) { return data_.get() + std::ptrdiff_t(y) * width_ * channels_; }
    const float* row(int y) const { return data_.get() + std::ptrdiff_t(y) * width_ * channels_; }
    float& at(int x, int y, int c = 0) { return row(y)[x * channels_ + c]; }
    float at(int x, int y, int c = 0) const { return row(y)[x * channels_ + c]; }

    ImageView view() {
        return {data(), width_, height_, channels_, std::ptrdiff_t(width_) * channels_};
    }
    ConstImageView view() const {
        return {data(), width_, height_, channels_, std::ptrdiff_t(width_) * channels_};
    }
    ConstImageView cview() const { return view(); }

    /// A deep copy of a view.
    static Image copyOf(ConstImageView v);

  private:
    struct FreeDeleter {
        void operator()(float* p) const noexcept;
    };
    std::unique_ptr<float[], FreeDeleter> data_;
    std::size_t capacity_ = 0;
    int width_ = 0, height_ = 0, channels_ = 0;
};

}  // namespace rf
