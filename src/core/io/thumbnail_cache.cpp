// SPDX-License-Identifier: GPL-3.0-or-later
#include "rangefinder/thumbnail_cache.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "io/atomic_file.h"
#include "rangefinder/error.h"
#include "rangefinder/look.h"
#include "rangefinder/looks.h"
#include "schema/declare.h"
#include "util/data_dirs.h"

namespace rf {

namespace fs = std::filesystem;

namespace {

// An entry: the magic, the key's text (its length first), the payload's length and checksum,
// the payload. Integers little-endian, as written by this machine's kind.
constexpr std::string_view kMagic = "RFTHUMB\n";
constexpr std::string_view kExtension = ".thumb";
// Far above any thumbnail: a larger file is not ours.
constexpr std::int64_t kMaxEntryBytes = std::int64_t(16) << 20;

std::uint64_t checksum(std::string_view bytes) {
    decl::Hasher h;
    h.add(std::uint64_t(bytes.size()));
    for (unsigned char c : bytes) h.add(std::uint64_t(c));
    return h.value();
}

void putInt(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(char((v >> (8 * i)) & 0xff));
}

bool getInt(std::string_view& in, std::uint64_t& v, int bytes) {
    if (in.size() < std::size_t(bytes)) return false;
    v = 0;
    for (int i = 0; i < bytes; ++i)
        v |= std::uint64_t(static_cast<unsigned char>(in[i])) << (8 * i);
    in.remove_prefix(std::size_t(bytes));
    return true;
}

std::string hex(std::uint64_t v) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) s[std::size_t(i)] = kDigits[v & 0xf];
    return s;
}

struct Entry {
    fs::path path;
    fs::file_time_type used;
    std::int64_t bytes;
};

std::vector<Entry> entriesIn(const std::string& dir) {
    std::vector<Entry> entries;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (p.extension() != kExtension) continue;  // temporaries in flight included
        std::error_code e;
        if (!it->is_regular_file(e)) continue;
        const auto size = it->file_size(e);
        if (e) continue;
        const auto time = it->last_write_time(e);
        if (e) continue;
        entries.push_back({p, time, std::int64_t(size)});
    }
    return entries;
}

}  // namespace

ThumbnailKey thumbnailKey(const std::string& rawPath, const EditDocument& edits, int longEdge) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(rawPath, ec);
    if (ec) throw Error(rawPath, "cannot be found: " + ec.message(), ec.value());
    struct stat st {};
    if (::stat(canonical.c_str(), &st) != 0) {
        const int err = errno;
        throw Error(rawPath, std::string("cannot be read: ") + std::strerror(err), err);
    }
    ThumbnailKey key;
    key.file = canonical.string() + "\n" + std::to_string(st.st_size) + " " +
               std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    key.text = "rangefinder thumbnail " + std::to_string(kThumbnailRenderingVersion) + "\n" +
               key.file + "\n" + hex(edits.hash()) + "\n" + std::to_string(longEdge) + "\n";
    // A look's LUT file can change under the same name (a learned look saved again over
    // itself, a .cube edited by hand): its version is part of the picture, as it is of the
    // look's own bake cache (LookParams::colorHash). A LUT that cannot be read is left to
    // the render, which names it.
    if (!edits.getText("look.lut.file").empty()) {
        try {
            key.text +=
                "look " + hex(LookParams::from(edits, defaultLookDirs()).colorHash()) + "\n";
        } catch (const std::exception&) {
        }
    }
    decl::Hasher h;
    h.add(key.text);
    key.fileName = hex(h.value()) + std::string(kExtension);
    return key;
}

ThumbnailCache::ThumbnailCache(std::string dir, std::int64_t maxBytes)
    : dir_(std::move(dir)), maxBytes_(std::max<std::int64_t>(0, maxBytes)) {}

std::string ThumbnailCache::defaultDir() {
    return userCacheDir("thumbnails");
}

std::string ThumbnailCache::pathOf(const ThumbnailKey& key) const {
    return (fs::path(dir_) / key.fileName).string();
}

std::optional<std::string> ThumbnailCache::load(const ThumbnailKey& key) const {
    const std::string path = pathOf(key);
    std::string file;
    try {
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) return std::nullopt;
        file = readTextFile(path, kMaxEntryBytes, "thumbnail cache entry");
    } catch (const std::exception&) {
        return std::nullopt;
    }
    std::string_view in = file;
    std::uint64_t keyLength = 0, length = 0, sum = 0;
    const bool framed = in.substr(0, kMagic.size()) == kMagic &&
                        (in.remove_prefix(kMagic.size()), getInt(in, keyLength, 4)) &&
                        in.size() >= keyLength;
    if (framed && in.substr(0, keyLength) != key.text) {
        // Another key whose hash is the same: a miss, and the entry is left to its owner.
        return std::nullopt;
    }
    if (framed) in.remove_prefix(keyLength);
    if (!framed || !getInt(in, length, 8) || !getInt(in, sum, 8) || in.size() != length ||
        checksum(in) != sum) {
        remove(key);
        return std::nullopt;
    }
    // Used now: pruning removes the least recently used entries first.
    std::error_code ec;
    fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
    return std::string(in);
}

void ThumbnailCache::store(const ThumbnailKey& key, std::string_view bytes) {
    std::string entry;
    entry.reserve(kMagic.size() + 4 + key.text.size() + 16 + bytes.size());
    entry.append(kMagic);
    putInt(entry, key.text.size(), 4);
    entry.append(key.text);
    putInt(entry, bytes.size(), 8);
    putInt(entry, checksum(bytes), 8);
    entry.append(bytes);

    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec)
        throw Error(dir_, "cannot make the thumbnail cache folder: " + ec.message(), ec.value());
    writeFileAtomically(pathOf(key), entry);

    std::lock_guard lock(mutex_);
    // The folder is scanned once; after that its size is counted as entries are stored (a
    // replaced entry counted twice only makes the next prune come early, and it rescans).
    bytes_ = bytes_ < 0 ? sizeOnDisk() : bytes_ + std::int64_t(entry.size());
    if (bytes_ > maxBytes_) pruneLocked();
}

void ThumbnailCache::remove(const ThumbnailKey& key) const {
    std::error_code ec;
    fs::remove(pathOf(key), ec);
}

std::int64_t ThumbnailCache::sizeOnDisk() const {
    std::int64_t total = 0;
    for (const Entry& e : entriesIn(dir_)) total += e.bytes;
    return total;
}

std::int64_t ThumbnailCache::prune() {
    std::lock_guard lock(mutex_);
    return pruneLocked();
}

std::int64_t ThumbnailCache::pruneLocked() {
    std::vector<Entry> entries = entriesIn(dir_);
    std::int64_t total = 0;
    for (const Entry& e : entries) total += e.bytes;
    const std::int64_t target = maxBytes_ / 10 * 9;
    std::int64_t removed = 0;
    if (total > maxBytes_) {
        std::sort(entries.begin(), entries.end(),
                  [](const Entry& a, const Entry& b) { return a.used < b.used; });
        for (const Entry& e : entries) {
            if (total - removed <= target) break;
            std::error_code ec;
            if (fs::remove(e.path, ec)) removed += e.bytes;
        }
    }
    bytes_ = total - removed;
    return removed;
}

}  // namespace rf
