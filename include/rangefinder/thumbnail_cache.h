// SPDX-License-Identifier: GPL-3.0-or-later
// The library's developed thumbnails, kept on disk so a folder opened again shows its edited
// photos as edited without rendering them again (darktable's mipmap cache and Lightroom's
// previews do the same). An entry is found by its key: the raw's identity (canonical path, size,
// modification time), a hash of the edit document as the pipeline sees it (every declared
// parameter's effective value), the thumbnail's size and kThumbnailRenderingVersion; change any
// of them and the old entry is simply never asked for again. The bytes of an entry are the
// front end's business (the desktop app stores a JPEG); the cache frames them with the key and a
// checksum, so an entry that is cut short, overwritten or belongs to another key is refused, and
// deleted, rather than shown. Entries are written atomically (io/atomic_file.h). The folder is
// kept under a size cap: past it, the entries used least recently go (a hit marks an entry used).
// Nothing here is needed for correctness — an unwritable folder only costs the renders.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "rangefinder/params.h"

namespace rf {

/// Bumped whenever the default rendering of a thumbnail changes (a stage's new default, a new
/// base curve…), so that every cached picture made by an older rendering is made again.
inline constexpr int kThumbnailRenderingVersion = 1;

/// The default cap of the cache folder: about ten thousand 280-pixel JPEGs.
inline constexpr std::int64_t kThumbnailCacheBytes = std::int64_t(256) << 20;

struct ThumbnailKey {
    /// Everything the picture depends on, one item a line (kept in the entry and compared
    /// when it is read, so two keys whose hashes collide never share a picture).
    std::string text;
    /// The entry's file name in the cache folder: the text's 64-bit hash in hex, ".thumb".
    std::string fileName;
    /// The raw's part of the text (canonical path, size, modification time): the same for
    /// every key of one version of one file.
    std::string file;
};

/// The key of `rawPath`'s thumbnail with these edits, `longEdge` pixels on its long edge.
/// Throws rf::Error naming the raw when it cannot be found.
ThumbnailKey thumbnailKey(const std::string& rawPath, const EditDocument& edits, int longEdge);

class ThumbnailCache {
  public:
    /// A cache in `dir` (created on the first store), kept under `maxBytes`.
    explicit ThumbnailCache(std::string dir, std::int64_t maxBytes = kThumbnailCacheBytes);

    /// $XDG_CACHE_HOME/rangefinder/thumbnails (an absolute XDG_CACHE_HOME only, as the XDG
    /// spec says), else ~/.cache/rangefinder/thumbnails.
    static std::string defaultDir();

    const std::string& dir() const { return dir_; }
    std::int64_t maxBytes() const { return maxBytes_; }

    /// The bytes stored under `key`; nullopt when there is no entry or it cannot be used (cut
    /// short, checksum wrong, another key's, unreadable). A damaged entry is deleted. Never
    /// throws.
    std::optional<std::string> load(const ThumbnailKey& key) const;

    /// Stores `bytes` under `key`, atomically, then prunes when the folder has grown past its
    /// cap. Throws rf::Error naming the file when the folder cannot be made or written.
    void store(const ThumbnailKey& key, std::string_view bytes);

    /// Deletes the entry of `key` (bytes the front end could not decode). Never throws.
    void remove(const ThumbnailKey& key) const;

    /// Deletes the least recently used entries until the folder holds at most nine tenths of
    /// the cap (so that not every store prunes). Returns the bytes deleted. Never throws.
    std::int64_t prune();

    /// The bytes the entries in the folder take (a scan).
    std::int64_t sizeOnDisk() const;

  private:
    std::string pathOf(const ThumbnailKey& key) const;
    std::int64_t pruneLocked();  // prune() with mutex_ held

    std::string dir_;
    std::int64_t maxBytes_;
    std::mutex mutex_;
    std::int64_t bytes_ = -1;  // the folder's size as last scanned plus what was stored since
};

}  // namespace rf
