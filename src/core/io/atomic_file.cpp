// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>

#include "io/atomic_file_faults.h"
#include "rangefinder/error.h"
#include "rangefinder/limits.h"

namespace rf {

namespace fs = std::filesystem;

namespace {

constexpr char kTempMarker[] = ".rf-tmp-";

// ---- the registry of temporaries in flight -----------------------------------------------
//
// A signal context may read it at any moment, on any thread, so it holds no pointers to heap
// strings (which a writer could free under the reader) and takes no locks: fixed slots, each
// a path of atomic chars behind a sequence counter (odd while the slot changes). A reader
// keeps a path only if the counter was even and the same before and after copying it. The
// characters are stored with release and loaded with acquire instead of relaxed accesses
// between fences: on x86 the same instructions, and ThreadSanitizer (which does not model
// fences) can check it.
constexpr int kSlots = 256;
constexpr std::size_t kPathCapacity = 4096;  // PATH_MAX on Linux, the terminating NUL included

struct Slot {
    std::atomic<bool> claimed{false};
    std::atomic<unsigned> sequence{0};
    std::atomic<char> path[kPathCapacity];
};
Slot gSlots[kSlots];

void writeSlot(Slot& slot, const char* text, std::size_t length) {
    const unsigned s = slot.sequence.load(std::memory_order_relaxed);
    slot.sequence.store(s + 1, std::memory_order_relaxed);
    // Each release store publishes the odd counter before the character it writes.
    for (std::size_t i = 0; i < length; ++i) slot.path[i].store(text[i], std::memory_order_release);
    slot.path[length].store('\0', std::memory_order_release);
    slot.sequence.store(s + 2, std::memory_order_release);
}

int registerTemporary(const std::string& path) {
    if (path.empty() || path.size() >= kPathCapacity) return -1;
    for (int i = 0; i < kSlots; ++i) {
        bool expected = false;
        if (!gSlots[i].claimed.compare_exchange_strong(expected, true, std::memory_order_acquire))
            continue;
        writeSlot(gSlots[i], path.data(), path.size());
        return i;
    }
    return -1;  // more writes in flight than slots: the owner still removes its file
}

void unregisterTemporary(int slot) {
    if (slot < 0) return;
    writeSlot(gSlots[slot], "", 0);
    gSlots[slot].claimed.store(false, std::memory_order_release);
}

// Set once removeTemporaryFilesNow() starts: the process is exiting, and a temporary
// created after the removal passed its slot must not outlive it (see the constructor).
std::atomic<bool> gExiting{false};

std::atomic<faults::BeforePlaceHook> gBeforePlace{nullptr};

// ---- the files TemporaryFile created ------------------------------------------------------
//
// Writers outside this file (the encoders, Exiv2) reopen a temporary by its path; before it
// is flushed and placed, the path must still lead to the inode created here, so a file or
// link swapped in meanwhile is never moved to the target.
struct FileId {
    dev_t dev = 0;
    ino_t ino = 0;
};

std::mutex gCreatedMutex;
std::map<std::string, FileId> gCreated;

void rememberCreated(const std::string& path, const struct stat& st) {
    const std::lock_guard lock(gCreatedMutex);
    gCreated[path] = FileId{st.st_dev, st.st_ino};
}

void forgetCreated(const std::string& path) {
    const std::lock_guard lock(gCreatedMutex);
    gCreated.erase(path);
}

// Throws unless `st` (of `path`, not followed) is a regular file and, for a path a
// TemporaryFile created, that very file.
void checkStillOurs(const std::string& path, const struct stat& st, const std::string& target) {
    bool ours = S_ISREG(st.st_mode);
    if (ours) {
        const std::lock_guard lock(gCreatedMutex);
        const auto it = gCreated.find(path);
        ours = it == gCreated.end() || (it->second.dev == st.st_dev && it->second.ino == st.st_ino);
    }
    if (!ours)
        throw Error(target, "the temporary file " + path +
                                " was replaced while being written (by a link or another file); "
                                "nothing was placed");
}

// Twelve characters of [0-9A-Za-z] (71 bits) from the kernel's random source.
std::string randomSuffix() {
    static constexpr char kAlphabet[] =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    unsigned char bytes[12];
    std::size_t got = 0;
    while (got < sizeof bytes) {
        const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += std::size_t(n);
    }
    if (got < sizeof bytes) {  // no getrandom (old kernel, seccomp): the library's device
        std::random_device device;
        for (auto& b : bytes) b = static_cast<unsigned char>(device());
    }
    std::string out;
    for (const unsigned char b : bytes) out += kAlphabet[b % (sizeof kAlphabet - 1)];
    return out;
}

// The PID in a temporary's name ("." STEM ".rf-tmp-" PID "-" TAG EXT, TAG letters and
// digits: random now, a counter in older versions); false for other names.
bool parseTemporaryName(const std::string& name, long& pid) {
    if (name.size() < 2 || name[0] != '.') return false;
    const auto at = name.rfind(kTempMarker);
    if (at == std::string::npos || at == 0) return false;
    std::size_t i = at + sizeof kTempMarker - 1;
    const std::size_t pidStart = i;
    while (i < name.size() && std::isdigit(static_cast<unsigned char>(name[i]))) ++i;
    if (i == pidStart || i - pidStart > 9 || i >= name.size() || name[i] != '-') return false;
    pid = std::stol(name.substr(pidStart, i - pidStart));
    const std::size_t counterStart = ++i;
    while (i < name.size() && std::isalnum(static_cast<unsigned char>(name[i]))) ++i;
    if (i == counterStart) return false;
    return i == name.size() || name[i] == '.';
}

}  // namespace

namespace faults {

void setBeforePlaceHook(BeforePlaceHook hook) {
    gBeforePlace.store(hook);
}

void beforePlace(const std::string& temporary, const std::string& target) {
    if (const BeforePlaceHook hook = gBeforePlace.load()) hook(temporary, target);
}

}  // namespace faults

std::string readTextFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int err = errno;
        throw Error(path, std::string("cannot open: ") + std::strerror(err), err);
    }
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
    const fs::path p(path);
    const std::string stem = p.stem().string();
    const std::string name = "." + stem + kTempMarker + std::to_string(::getpid()) + "-" +
                             randomSuffix() + p.extension().string();
    return (p.parent_path() / name).string();
}

bool isTemporaryName(const std::string& fileName) {
    long pid = 0;
    return parseTemporaryName(fileName, pid);
}

TemporaryFile::TemporaryFile(const std::string& target)
    : path_(temporarySiblingPath(target)), slot_(registerTemporary(path_)) {
    // A name already taken can only have been guessed or planted: another name is drawn (its
    // holder's file is never opened, let alone truncated). The registry holds the name being
    // tried, so an immediate exit removes what this creates.
    for (int attempt = 0;; ++attempt) {
        fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
        if (fd_ >= 0) break;
        const int err = errno;
        if (err == EINTR) continue;
        if (err != EEXIST) {
            createError_ = err;  // nothing exists at path_: the writer's open says why
            return;
        }
        if (attempt == 99) {
            unregisterTemporary(slot_);
            throw Error(target, "cannot create a temporary file: every name tried was taken");
        }
        path_ = temporarySiblingPath(target);
        if (slot_ >= 0) writeSlot(gSlots[slot_], path_.data(), path_.size());
    }
    // The file may have been created just after an exiting thread's removal went by (the
    // flag is set before any removal, so one of the two sees the other).
    if (gExiting.load()) {
        ::close(fd_);
        fd_ = -1;
        ::unlink(path_.c_str());
        unregisterTemporary(slot_);
        throw Error(target, "not written: the program is stopping");
    }
    struct stat st {};
    if (::fstat(fd_, &st) == 0) rememberCreated(path_, st);
}

TemporaryFile::~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    ::unlink(path_.c_str());  // ENOENT once it was placed
    forgetCreated(path_);
    unregisterTemporary(slot_);
}

void removeTemporaryFilesNow() noexcept {
    gExiting.store(true);
    char path[kPathCapacity];
    for (Slot& slot : gSlots) {
        const unsigned before = slot.sequence.load(std::memory_order_acquire);
        if (before & 1u) continue;  // changing: not created yet, or already gone
        std::size_t n = 0;
        while (n + 1 < kPathCapacity &&
               (path[n] = slot.path[n].load(std::memory_order_acquire)) != '\0')
            ++n;
        path[n] = '\0';
        // The acquire loads keep the counter's second reading after every character.
        if (n == 0 || slot.sequence.load(std::memory_order_relaxed) != before) continue;
        ::unlink(path);
    }
}

int removeStaleTemporaries(const std::string& dir) {
    constexpr auto kQuiet = std::chrono::minutes(10);
    int removed = 0;
    const auto now = fs::file_time_type::clock::now();
    std::error_code ec;
    for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
         it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        long pid = 0;
        const std::string name = entry.path().filename().string();
        if (!parseTemporaryName(name, pid) || pid <= 0 || pid == ::getpid()) continue;
        std::error_code fec;
        if (!entry.is_regular_file(fec)) continue;
        // A process of that number still running may be the writer: leave its file alone.
        if (::kill(pid_t(pid), 0) == 0 || errno != ESRCH) continue;
        // The number may belong to another machine or container sharing the folder; a file
        // untouched for minutes has no writer left anywhere.
        const auto written = entry.last_write_time(fec);
        if (fec || now - written < kQuiet) continue;
        if (fs::remove(entry.path(), fec)) ++removed;
    }
    return removed;
}

void removeStaleTemporariesOnce(const std::string& dir) {
    static std::mutex mutex;
    static std::set<std::string> done;
    std::error_code ec;
    const std::string key = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal().string();
    {
        std::lock_guard lock(mutex);
        if (!done.insert(key).second) return;
    }
    removeStaleTemporaries(dir);
}

void syncFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        throw Error(path, std::string("cannot reopen to flush: ") + std::strerror(err), err);
    }
    struct stat st {};
    if (::fstat(fd, &st) == 0) {
        try {
            checkStillOurs(path, st, path);
        } catch (...) {
            ::close(fd);
            throw;
        }
    }
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) throw Error(path, std::string("cannot flush to disk: ") + std::strerror(err), err);
}

bool placeFile(const std::string& tmp, const std::string& target, bool overwrite) {
    // rename() and link() act on the temporary's name, not on what a link there points to:
    // a link swapped in would itself become the target.
    struct stat st {};
    if (::lstat(tmp.c_str(), &st) != 0) {
        const int err = errno;
        throw Error(target, std::string("cannot place the temporary file: ") + std::strerror(err),
                    err);
    }
    checkStillOurs(tmp, st, target);
    if (overwrite) {
        if (std::rename(tmp.c_str(), target.c_str()) != 0) {
            const int err = errno;
            throw Error(target, std::string("cannot rename into place: ") + std::strerror(err),
                        err);
        }
        return true;
    }
    // link() refuses to replace an existing file, atomically, where rename would not.
    if (::link(tmp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        if (err == EEXIST) return false;
        throw Error(target, std::string("cannot create: ") + std::strerror(err), err);
    }
    ::unlink(tmp.c_str());
    return true;
}

void commitAtomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      bool overwrite) {
    {
        const TemporaryFile tmp(path);
        write(tmp.path());
        syncFile(tmp.path());
        faults::beforePlace(tmp.path(), path);
        if (!placeFile(tmp.path(), path, overwrite)) throw Error(path, "already exists");
    }
    removeStaleTemporariesOnce(fs::path(path).parent_path().string());
}

void writeFileAtomically(const std::string& path, const std::string& content) {
    {
        // Written and flushed through the descriptor that created the file: the name is
        // never opened a second time, so nothing swapped in at it can receive the content.
        const TemporaryFile tmp(path);
        if (tmp.fd() < 0) {
            const int err = tmp.createError();
            throw Error(path, std::string("cannot write: ") + std::strerror(err), err);
        }
        for (std::size_t done = 0; done < content.size();) {
            const ssize_t n = ::write(tmp.fd(), content.data() + done, content.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                const int err = n < 0 ? errno : ENOSPC;
                throw Error(path, std::string("write failed: ") + std::strerror(err), err);
            }
            done += std::size_t(n);
        }
        if (::fsync(tmp.fd()) != 0) {
            const int err = errno;
            throw Error(path, std::string("cannot flush to disk: ") + std::strerror(err), err);
        }
        faults::beforePlace(tmp.path(), path);
        placeFile(tmp.path(), path, true);
    }
    removeStaleTemporariesOnce(fs::path(path).parent_path().string());
}

}  // namespace rf
