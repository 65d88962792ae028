// SPDX-License-Identifier: GPL-3.0-or-later
// Files are written whole or not at all: content goes to a temporary file beside the target,
// is flushed to disk, and is renamed over the target in one step. A crash, a full disk or an
// interrupt never leaves a half-written export or document behind.
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

/// Writes `content` to `path` atomically. Throws rf::Error naming the path on failure.
void writeFileAtomically(const std::string& path, const std::string& content);

/// A unique temporary path in the same directory as `path` (so the rename is atomic),
/// keeping the extension so encoders that look at it still work.
std::string temporarySiblingPath(const std::string& path);

/// Flushes a written file to disk; throws rf::Error naming it on failure.
void syncFile(const std::string& path);

/// Moves a finished temporary file to `target`. With `overwrite` it replaces the target
/// (rename); otherwise it links it into place, which fails rather than replace, and returns
/// false when the target already exists. The temporary file is gone after success.
bool placeFile(const std::string& tmp, const std::string& target, bool overwrite);

/// Calls write(tmpPath), fsyncs the result and renames it to `path`; removes the temporary
/// file when write throws. With `overwrite` false the rename refuses to replace an existing
/// file (rf::Error).
void commitAtomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      bool overwrite = true);

}  // namespace rf
