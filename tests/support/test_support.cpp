// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

namespace rf::test {

TempDir::TempDir(const std::string& tag) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("rf-test-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

Vec3 meanOf(ConstImageView img, const Rect& r) {
    Vec3 s{0, 0, 0};
    for (int y = r.y; y < r.y + r.height; ++y)
        for (int x = r.x; x < r.x + r.width; ++x)
            for (int c = 0; c < 3; ++c) s[c] += img.px(x, y)[c];
    const double n = double(r.width) * r.height;
    return {s[0] / n, s[1] / n, s[2] / n};
}

Vec3 labOfLinearSRGB(const Vec3& linear) {
    static const Mat3 m = mul(bradford(kD65, kD50), xyzFromLinearSRGB());
    return xyzToLab(mul(m, linear), kD50);
}

Vec3 labOfEncodedSRGB(const Vec3& e) {
    return labOfLinearSRGB({srgbDecode(e[0]), srgbDecode(e[1]), srgbDecode(e[2])});
}

int runCommand(const std::string& command, std::string& output) {
    output.clear();
    FILE* p = ::popen((command + " 2>&1").c_str(), "r");
    if (!p) return -1;
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) output.append(buf.data(), n);
    const int status = ::pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace rf::test
