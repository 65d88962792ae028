// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/data_dirs.h"

#include <cstdlib>
#include <filesystem>

// The relative path from the install's bindir to its data folder, from GNUInstallDirs.
#ifndef RF_BIN_TO_DATA
#define RF_BIN_TO_DATA "../share/rangefinder"
#endif

namespace fs = std::filesystem;

namespace rf {

namespace {

std::vector<std::string> splitPath(const std::string& list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto colon = list.find(':', start);
        const std::string d =
            list.substr(start, colon == std::string::npos ? colon : colon - start);
        if (!d.empty()) out.push_back(d);
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    return out;
}

fs::path executablePath(std::error_code& ec) {
    return fs::read_symlink("/proc/self/exe", ec);
}

// A build run where it was built (<repo>/build/…): the source tree's folder.
std::string sourceTreeDir(const std::string& name) {
    std::error_code ec;
    const fs::path exe = executablePath(ec);
    for (fs::path p = exe.parent_path(); !ec && !p.empty(); p = p.parent_path()) {
        std::error_code ignored;  // a missing folder is an answer here, not an error
        if (fs::is_directory(p / name, ignored) && fs::exists(p / "CMakeLists.txt", ignored))
            return (p / name).string();
        if (p == p.root_path()) break;
    }
    return {};
}

}  // namespace

namespace {
// $VAR/rangefinder/<name>, or ~/<fallback>/rangefinder/<name>.
std::string xdgUserDir(const char* var, const fs::path& fallback, const std::string& name) {
    const char* xdg = std::getenv(var);
    // The XDG base directory spec ignores relative paths.
    if (xdg && xdg[0] == '/') return (fs::path(xdg) / "rangefinder" / name).string();
    const char* home = std::getenv("HOME");
    const std::string base = home && *home ? home : "/";
    return (fs::path(base) / fallback / "rangefinder" / name).string();
}
}  // namespace

std::string userDataDir(const std::string& name) {
    return xdgUserDir("XDG_DATA_HOME", fs::path(".local") / "share", name);
}

std::string userCacheDir(const std::string& name) {
    return xdgUserDir("XDG_CACHE_HOME", ".cache", name);
}

std::string installedDataDir(const std::string& name) {
    std::error_code ec;
    const fs::path exe = executablePath(ec);
    if (ec || exe.empty()) return {};
    return (exe.parent_path() / RF_BIN_TO_DATA / name).lexically_normal().string();
}

std::vector<std::string> dataDirs(const char* envVar, const std::string& name) {
    std::vector<std::string> dirs;
    std::error_code ec;
    if (const char* env = std::getenv(envVar); env && *env) {
        dirs = splitPath(env);
    } else if (const std::string installedDir = installedDataDir(name);
               !installedDir.empty() && fs::is_directory(installedDir, ec)) {
        dirs.push_back(installedDir);
    } else if (std::string tree = sourceTreeDir(name); !tree.empty()) {
        dirs.push_back(tree);
    }
    dirs.push_back(userDataDir(name));
    return dirs;
}

}  // namespace rf
