// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rangefinder/error.h"
#include "rangefinder/limits.h"

namespace rf {

namespace fs = std::filesystem;

std::string readTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(path, std::string("cannot open: ") + std::strerror(errno));
    std::ostringstream s;
    s << in.rdbuf();
    if (in.bad()) throw Error(path, "read error");
    return s.str();
}

std::string readTextFile(const std::string& path, std::int64_t maxBytes, const std::string& what) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(path, std::string("cannot open: ") + std::strerror(errno));
    // The size of the file opened, not of whatever the name points to a moment later; the
    // read stops at the limit too, for files that grow (or lie, like /proc) meanwhile.
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && std::int64_t(st.st_size) > maxBytes) {
        ::close(fd);
        throw Error(path, what + " too large: " + byteSizeText(std::int64_t(st.st_size)) +
                              ", the limit is " + byteSizeText(maxBytes));
    }
    std::string text;
    char buf[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            throw Error(path, std::string("read error: ") + std::strerror(err));
        }
        if (n == 0) break;
        text.append(buf, std::size_t(n));
        if (std::int64_t(text.size()) > maxBytes) {
            ::close(fd);
            throw Error(path, what + " too large: over the limit of " + byteSizeText(maxBytes));
        }
    }
    ::close(fd);
    return text;
}

std::string temporarySiblingPath(const std::string& path) {
    static std::atomic<unsigned> counter{0};
    const fs::path p(path);
    const std::string stem = p.stem().string();
    const std::string name = "." + stem + ".rf-tmp-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter++) + p.extension().string();
    return (p.parent_path() / name).string();
}

void syncFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(path, std::string("cannot reopen to flush: ") + std::strerror(errno));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw Error(path, std::string("cannot flush to disk: ") + std::strerror(err));
}

bool placeFile(const std::string& tmp, const std::string& target, bool overwrite) {
    if (overwrite) {
        if (std::rename(tmp.c_str(), target.c_str()) != 0)
            throw Error(target, std::string("cannot rename into place: ") + std::strerror(errno));
        return true;
    }
    // link() refuses to replace an existing file, atomically, where rename would not.
    if (::link(tmp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        if (err == EEXIST) return false;
        throw Error(target, std::string("cannot create: ") + std::strerror(err));
    }
    ::unlink(tmp.c_str());
    return true;
}

void commitAtomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      bool overwrite) {
    const std::string tmp = temporarySiblingPath(path);
    try {
        write(tmp);
        syncFile(tmp);
        if (!placeFile(tmp, path, overwrite)) throw Error(path, "already exists");
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
}

void writeFileAtomically(const std::string& path, const std::string& content) {
    commitAtomically(path, [&](const std::string& tmp) {
        std::FILE* f = std::fopen(tmp.c_str(), "wb");
        if (!f) throw Error(path, std::string("cannot write: ") + std::strerror(errno));
        const bool ok = std::fwrite(content.data(), 1, content.size(), f) == content.size();
        const int err = errno;
        if (std::fclose(f) != 0 || !ok)
            throw Error(path, std::string("write failed: ") + std::strerror(ok ? errno : err));
    });
}

}  // namespace rf
