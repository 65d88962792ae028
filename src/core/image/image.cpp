// SPDX-License-Identifier: GPL-3.0-or-later
#include "rangefinder/image.h"

#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

#include "rangefinder/error.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#endif

namespace rf {

namespace {

// AddressSanitizer sees malloc and free, not our reuse of buffers: to it a buffer resting in
// the pool, or the part of a reused buffer beyond the image it now holds, would be live
// memory. Sanitizer builds poison both, so touching them is reported as a use after free or
// an overflow would be.
void poison([[maybe_unused]] const float* p, [[maybe_unused]] std::size_t floats) {
#if defined(__SANITIZE_ADDRESS__)
    ASAN_POISON_MEMORY_REGION(p, floats * sizeof(float));
#endif
}

void unpoison([[maybe_unused]] const float* p, [[maybe_unused]] std::size_t floats) {
#if defined(__SANITIZE_ADDRESS__)
    ASAN_UNPOISON_MEMORY_REGION(p, floats * sizeof(float));
#endif
}

// Large buffers are recycled within the process instead of going back to the kernel: a batch
// allocates the same few sizes for every file, and fresh memory must be faulted in and zeroed
// by the kernel each time (a tenth of a web export's time, measured). Bounded, so a burst of
// big images does not pin memory forever.
class BufferPool {
  public:
    static BufferPool& instance() {
        static auto* pool = new BufferPool;  // never destroyed: images may outlive statics
        return *pool;
    }

    float* take(std::size_t bytes, std::size_t& capacityBytes) {
        std::lock_guard lock(mutex_);
        auto best = buffers_.end();
        for (auto it = buffers_.begin(); it != buffers_.end(); ++it)
            if (it->bytes >= bytes && it->bytes <= bytes * 2 &&
                (best == buffers_.end() || it->bytes < best->bytes))
                best = it;
        if (best == buffers_.end()) return nullptr;
        float* p = best->data;
        capacityBytes = best->bytes;
        held_ -= best->bytes;
        buffers_.erase(best);
        return p;
    }

    /// Returns false when the pool is full (the caller frees).
    bool give(float* p, std::size_t bytes) {
        std::lock_guard lock(mutex_);
        if (held_ + bytes > kMaxHeld || buffers_.size() >= kMaxBuffers) return false;
        poison(p, bytes / sizeof(float));
        buffers_.push_back({p, bytes});
        held_ += bytes;
        return true;
    }

    std::size_t bytesOf(const float* p) {
        std::lock_guard lock(mutex_);
        auto it = sizes_.find(p);
        return it == sizes_.end() ? 0 : it->second;
    }
    void remember(const float* p, std::size_t bytes) {
        std::lock_guard lock(mutex_);
        sizes_[p] = bytes;
    }
    void forget(const float* p) {
        std::lock_guard lock(mutex_);
        sizes_.erase(p);
    }

  private:
    static constexpr std::size_t kMaxHeld = std::size_t(1) << 30;
    static constexpr std::size_t kMaxBuffers = 16;
    struct Buffer {
        float* data;
        std::size_t bytes;
    };
    std::mutex mutex_;
    std::vector<Buffer> buffers_;
    std::unordered_map<const float*, std::size_t> sizes_;  // live large buffers
    std::size_t held_ = 0;
};

constexpr std::size_t kHugePage = std::size_t(2) << 20;

}  // namespace

void Image::FreeDeleter::operator()(float* p) const noexcept {
    if (!p) return;
    BufferPool& pool = BufferPool::instance();
    const std::size_t bytes = pool.bytesOf(p);
    if (bytes && pool.give(p, bytes)) return;
    if (bytes) pool.forget(p);
    std::free(p);
}

Image::Image(int width, int height, int channels) {
    resize(width, height, channels);
}

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
        // Large buffers are first touched by a stage, page by page; with 4 KiB pages a 24 MP
        // RGB image costs ~70 000 page faults, a large share of an export. Huge pages cut
        // that 512-fold where the kernel offers them on request (THP "madvise" mode).
        const bool huge = n * sizeof(float) >= 2 * kHugePage;
        const std::size_t align = huge ? kHugePage : 64;
        // Round up to the alignment so aligned_alloc's size rule holds.
        std::size_t bytes = (n * sizeof(float) + align - 1) / align * align;
        float* p = nullptr;
        if (huge) {
            data_.reset();  // our old buffer may be just what the pool hands back
            capacity_ = 0;
            p = BufferPool::instance().take(bytes, bytes);
        }
        if (!p) {
            p = static_cast<float*>(std::aligned_alloc(align, bytes));
            if (p && huge) {
                ::madvise(p, bytes, MADV_HUGEPAGE);
                BufferPool::instance().remember(p, bytes);
            }
        }
        if (!p)
            throw Error("out of memory allocating a " + std::to_string(width) + "×" +
                        std::to_string(height) + " image");
        data_.reset(p);
        capacity_ = bytes / sizeof(float);
    }
    if (data_) {
        unpoison(data_.get(), n);
        poison(data_.get() + n, capacity_ - n);
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
