// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "rangefinder/error.h"

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
