// SPDX-License-Identifier: GPL-3.0-or-later
// The error callbacks libpng and libtiff call, shared by their two users (the writers and the
// Hald CLUT reader). Neither library may print to stderr or end the process: libpng's error
// keeps the message in the job and longjmps back to the job's setjmp; libtiff's keeps the
// first message in the job and reports it handled. Warnings are dropped: what matters reaches
// the user as the error it leads to.
#pragma once

#include <png.h>
#include <tiffio.h>

#include <cstdarg>
#include <cstdio>
#include <string>

namespace rf::codec {

/// libpng's error callback; `Job` (the png error pointer) has `char message[N]`.
template <class Job>
[[noreturn]] void pngError(png_structp png, png_const_charp msg) {
    auto* job = static_cast<Job*>(png_get_error_ptr(png));
    std::snprintf(job->message, sizeof job->message, "%s", msg);
    png_longjmp(png, 1);
}

inline void pngWarning(png_structp, png_const_charp) {}

/// libtiff's per-file error handler; `Job` (the handler's user data) has `std::string error`,
/// which keeps the first message, prefixed by libtiff's module name when `withModule`.
template <class Job, bool withModule>
int tiffError(TIFF*, void* user, const char* module, const char* fmt, va_list ap) {
    auto* job = static_cast<Job*>(user);
    if (job->error.empty()) {
        char msg[512];
        std::vsnprintf(msg, sizeof msg, fmt, ap);
        job->error =
            withModule && module && *module ? std::string(module) + ": " + msg : std::string(msg);
    }
    return 1;  // handled: do not call the global handler
}

inline int tiffWarning(TIFF*, void*, const char*, const char*, va_list) {
    return 1;
}

}  // namespace rf::codec
