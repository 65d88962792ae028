// SPDX-License-Identifier: GPL-3.0-or-later
#include "rangefinder/limits.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>

#include "rangefinder/error.h"

namespace rf {

namespace {

std::mutex& limitsMutex() {
    static std::mutex m;
    return m;
}

std::optional<ResourceLimits>& current() {
    static std::optional<ResourceLimits> limits;  // guarded by limitsMutex()
    return limits;
}

// A finite, positive number that fills all of `text`.
std::optional<double> positiveNumber(std::string_view text) {
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v) || v <= 0)
        return std::nullopt;
    return v;
}

std::int64_t megapixelsToPixels(const std::string& text, const std::string& what) {
    const auto v = positiveNumber(text);
    // 10⁶ MP is far beyond any sensor and keeps the product in range.
    if (!v || *v > 1e6)
        throw Error(what + ": '" + text + "' is not a number of megapixels (e.g. 500 or 0.5)");
    return std::max<std::int64_t>(1, std::llround(*v * 1e6));
}

void readPixelsVariable(ResourceLimits& l) {
    if (const char* mp = std::getenv("RANGEFINDER_MAX_MEGAPIXELS"); mp && *mp)
        l.maxPixels = megapixelsToPixels(mp, "RANGEFINDER_MAX_MEGAPIXELS");
}

void readMemoryVariable(ResourceLimits& l) {
    if (const char* mem = std::getenv("RANGEFINDER_MAX_MEMORY"); mem && *mem) {
        try {
            l.maxDecodeBytes = parseByteSize(mem);
        } catch (const Error& e) {
            throw Error(std::string("RANGEFINDER_MAX_MEMORY: ") + e.what());
        }
    }
}

}  // namespace

std::int64_t defaultDecodeMemoryLimit() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    if (pages <= 0 || pageSize <= 0) return 4 * kGiB;
    const std::int64_t physical = std::int64_t(pages) * pageSize;
    return std::max<std::int64_t>(physical / 4 * 3, 256 * kMiB);
}

ResourceLimits resourceLimits() {
    std::lock_guard lock(limitsMutex());
    auto& l = current();
    if (!l) {
        // A front end that wants a malformed variable reported calls limitsFromEnvironment()
        // itself; here each variable counts on its own, so one typo does not drop the other.
        ResourceLimits fromEnv;
        for (auto* read : {&readPixelsVariable, &readMemoryVariable}) {
            try {
                read(fromEnv);
            } catch (const Error&) {
            }
        }
        l = fromEnv;
    }
    return *l;
}

void setResourceLimits(const ResourceLimits& limits) {
    std::lock_guard lock(limitsMutex());
    current() = limits;
}

ResourceLimits limitsFromEnvironment(ResourceLimits base) {
    readPixelsVariable(base);
    readMemoryVariable(base);
    return base;
}

std::int64_t parseByteSize(const std::string& text) {
    std::string_view s = text;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    std::size_t digits = 0;
    while (digits < s.size() &&
           (std::isdigit(static_cast<unsigned char>(s[digits])) || s[digits] == '.'))
        ++digits;
    std::string unit(s.substr(digits));
    for (char& c : unit) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (!unit.empty() && unit.back() == 'b') unit.pop_back();  // "GB", "GiB", "B"
    if (unit.size() == 2 && unit[1] == 'i') unit.pop_back();   // "Gi"
    double scale = 0;
    if (unit.empty())
        scale = 1;
    else if (unit == "k")
        scale = double(1 << 10);
    else if (unit == "m")
        scale = double(kMiB);
    else if (unit == "g")
        scale = double(kGiB);
    else if (unit == "t")
        scale = double(kGiB) * 1024;
    const auto v = positiveNumber(s.substr(0, digits));
    const double bytes = v ? *v * scale : 0;
    // 2⁶² bytes: far beyond any machine, and safe to add to.
    if (!(bytes >= 1) || bytes > 4.6e18)
        throw Error("'" + text + "' is not a size (e.g. 4GiB, 512MiB, 1048576)");
    return std::int64_t(bytes);
}

std::string byteSizeText(std::int64_t bytes) {
    char buf[48];
    if (bytes < 1024)
        std::snprintf(buf, sizeof buf, "%lld bytes", static_cast<long long>(bytes));
    else if (bytes < kMiB)
        std::snprintf(buf, sizeof buf, "%.1f KiB", double(bytes) / 1024);
    else if (bytes < kGiB)
        std::snprintf(buf, sizeof buf, "%.1f MiB", double(bytes) / double(kMiB));
    else
        std::snprintf(buf, sizeof buf, "%.1f GiB", double(bytes) / double(kGiB));
    return buf;
}

std::int64_t decodeMemoryEstimate(std::int64_t rawWidth, std::int64_t rawHeight, std::int64_t width,
                                  std::int64_t height, bool plainBayer, int rawSamplesPerPixel) {
    const std::int64_t rawPixels =
        std::max<std::int64_t>(0, rawWidth) * std::max<std::int64_t>(0, rawHeight);
    const std::int64_t pixels =
        std::max<std::int64_t>(0, width) * std::max<std::int64_t>(0, height);
    std::int64_t bytes = rawPixels * 2 * std::max(1, rawSamplesPerPixel);
    if (!plainBayer && rawSamplesPerPixel <= 1) bytes += pixels * 8;  // LibRaw's image[][4]
    const std::int64_t mosaicChannels = plainBayer ? 1 : 3;
    const std::int64_t floatBytes = 4;
    bytes += pixels * floatBytes * (mosaicChannels + 3 + 3 + 3);
    return bytes;
}

}  // namespace rf
