// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the tests: where the real test data lives, temporary folders that clean up after
// themselves, and colour measurement of rendered patches.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "rangefinder/colormath.h"
#include "rangefinder/image.h"
#include "shell.h"

namespace rf::test {

/// ../shared/testdata relative to the repository, or the folder the environment variable
/// RF_TESTDATA names (test_metadata sets it to a missing folder to show its tests skip).
inline std::filesystem::path testdata() {
    if (const char* dir = std::getenv("RF_TESTDATA"); dir && *dir) return dir;
    return std::filesystem::path(RF_SOURCE_DIR) / ".." / "shared" / "testdata";
}

#define RF_REQUIRE_TESTDATA(sub)                                                             \
    do {                                                                                     \
        if (!std::filesystem::exists(::rf::test::testdata() / (sub)))                        \
            GTEST_SKIP() << "test data folder " << (::rf::test::testdata() / (sub)).string() \
                         << " is absent";                                                    \
    } while (0)

/// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
  public:
    explicit TempDir(const std::string& tag);
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::string str(const std::string& name = "") const {
        return name.empty() ? path_.string() : (path_ / name).string();
    }

  private:
    std::filesystem::path path_;
};

/// Sets (or, with nullptr, unsets) an environment variable for a scope, then restores it.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) {
            old_ = old;
            hadOld_ = true;
        }
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (hadOld_)
            ::setenv(name_.c_str(), old_.c_str(), 1);
        else
            ::unsetenv(name_.c_str());
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    std::string name_, old_;
    bool hadOld_ = false;
};

/// Mean of a rectangle of a 3-channel image.
Vec3 meanOf(ConstImageView img, const Rect& r);

/// Lab (D50) of an sRGB-encoded colour.
Vec3 labOfEncodedSRGB(const Vec3& encoded);
/// Lab (D50) of a linear sRGB colour.
Vec3 labOfLinearSRGB(const Vec3& linear);

/// Runs a command, returns its exit status; stdout and stderr go to `output`.
int runCommand(const std::string& command, std::string& output);

/// The rangefinder-cli binary under test, run with `args` (a hang becomes a failure).
#ifdef RF_CLI_PATH
inline int runCli(const std::string& args, std::string& output) {
    return runCommand("timeout 300 " RF_CLI_PATH " " + args, output);
}
#endif

}  // namespace rf::test
