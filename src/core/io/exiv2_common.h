// SPDX-License-Identifier: GPL-3.0-or-later
// The one place Exiv2 is initialised and serialised. Exiv2 0.27 is not thread-safe throughout
// (its XMP toolkit and some global tables, such as the namespace registry), so every file that
// calls it — export metadata and XMP sidecars — takes the same mutex, and the toolkit is
// initialised exactly once, with its own lock so it never re-enters ours.
#pragma once

#include <exiv2/exiv2.hpp>

#include <mutex>

namespace rf {

namespace exiv2_detail {

inline void xmpLock(void* data, bool lock) {
    auto* m = static_cast<std::mutex*>(data);
    if (lock)
        m->lock();
    else
        m->unlock();
}

inline void quietLog(int, const char*) {}

}  // namespace exiv2_detail

/// The mutex every Exiv2 call runs under.
inline std::mutex& exivMutex() {
    static std::mutex m;
    return m;
}

/// Initialises the XMP toolkit once per process; call before taking exivMutex().
inline void initialiseExiv2() {
    static std::once_flag once;
    std::call_once(once, [] {
        static std::mutex xmpMutex;
        Exiv2::XmpParser::initialize(exiv2_detail::xmpLock, &xmpMutex);
        // Exiv2 logs recoverable oddities of camera files (odd maker-note directories) to
        // stderr; real failures arrive as exceptions, so the log is silenced.
        Exiv2::LogMsg::setHandler(exiv2_detail::quietLog);
    });
}

}  // namespace rf
