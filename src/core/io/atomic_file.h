// SPDX-License-Identifier: GPL-3.0-or-later
// Files are written whole or not at all: content goes to a temporary file beside the target,
// is flushed to disk, and is renamed over the target in one step. A crash, a full disk or an
// interrupt never leaves a half-written export or document behind. Every temporary file in
// flight is registered, so a process that must exit at once (a second Ctrl+C) can delete
// them from a signal context; one that dies harder (SIGKILL, a power cut) leaves a hidden
// temporary that later writes into the same folder clean up.
//
// The folder may be shared with people who should not be able to steer our writes (a
// group folder, /tmp): a temporary gets an unpredictable name and is created by us,
// exclusively, never through a symbolic link; it is checked to be still the file we created
// before it is flushed and placed; and placing it replaces whatever link sits at the final
// name rather than writing through it (docs/security.md, "Temporary files").
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace rf {

/// Reads a whole file; throws rf::Error naming it when it cannot.
std::string readTextFile(const std::string& path);

/// Reads a whole file of at most `maxBytes`; a larger one is refused from its size, before
/// reading, with an rf::Error naming it, `what` it is ("XMP sidecar") and the limit.
std::string readTextFile(const std::string& path, std::int64_t maxBytes, const std::string& what);

/// Writes `content` to `path` atomically. Throws rf::Error naming the path on failure (with
/// the errno value when the system refused: Error::systemError()).
void writeFileAtomically(const std::string& path, const std::string& content);

/// A fresh temporary path in the same directory as `path` (so the rename is atomic),
/// keeping the extension so encoders that look at it still work:
/// `DIR/.STEM.rf-tmp-PID-RANDOM.EXT`, RANDOM twelve letters and digits from the system's
/// random source, so nobody can plant anything at the name beforehand. Creates nothing.
std::string temporarySiblingPath(const std::string& path);

/// True for a name temporarySiblingPath() makes (any process, any target).
bool isTemporaryName(const std::string& fileName);

/// Flushes a written file to disk; throws rf::Error naming it on failure. It is reopened
/// without following a symbolic link, and a TemporaryFile's path must still be the file it
/// created.
void syncFile(const std::string& path);

/// Moves a finished temporary file to `target`. With `overwrite` it replaces the target
/// (rename; a symbolic link there is replaced, never written through); otherwise it links
/// it into place, which fails rather than replace anything, a link included, and returns
/// false when the target already exists. A temporary that is no longer the regular file a
/// TemporaryFile created (swapped for a link or another file) is refused with rf::Error.
/// The temporary file is gone after success.
bool placeFile(const std::string& tmp, const std::string& target, bool overwrite);

/// Calls write(tmpPath), fsyncs the result and renames it to `path`; removes the temporary
/// file when write throws. With `overwrite` false the rename refuses to replace an existing
/// file (rf::Error).
void commitAtomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      bool overwrite = true);

/// The temporary file a write goes through. Its path is registered for
/// removeTemporaryFilesNow() from construction (before the file is created) until
/// destruction, which deletes the file if it is still there: placed, it is not.
class TemporaryFile {
  public:
    /// Creates a fresh temporarySiblingPath(target), empty, with O_EXCL and O_NOFOLLOW and
    /// mode 0644 less the umask; writers then open path() and find our file there. When the
    /// folder refuses (gone, read-only, full) nothing is created, createError() says why, and
    /// the writer's own open reports it as it always did.
    explicit TemporaryFile(const std::string& target);
    ~TemporaryFile();
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const { return path_; }
    /// The descriptor it was created with, open for writing; -1 when it was not created.
    int fd() const { return fd_; }
    /// The errno of a failed creation; 0 when the file was created.
    int createError() const { return createError_; }

  private:
    std::string path_;
    int slot_ = -1;  ///< -1 when the registry was full (the file is still removed here)
    int fd_ = -1;
    int createError_ = 0;
};

/// Deletes every registered temporary file. Async-signal-safe (unlink() and atomics only),
/// for a process about to _exit() while writes are in flight: from the call on, no new
/// temporary is created (TemporaryFile throws), and writers do not create again one removed
/// under them, so threads still running leave nothing behind.
void removeTemporaryFilesNow() noexcept;

/// Deletes the temporaries in `dir` left by processes that no longer run and untouched for
/// ten minutes (a crash or a kill between write and rename); a live writer's, ours, or one
/// from another machine sharing the folder is left alone. Returns how many were removed;
/// never throws.
int removeStaleTemporaries(const std::string& dir);

/// removeStaleTemporaries() once per folder per process: what writes call.
void removeStaleTemporariesOnce(const std::string& dir);

}  // namespace rf
