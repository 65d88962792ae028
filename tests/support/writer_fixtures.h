// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the writer and metadata tests: a small but valid ICC v2 RGB display profile built
// by hand (D65-ish sRGB primaries adapted to D50, gamma 2.2 curves), so the tests need neither
// lcms2 nor a system profile, and a way to ask exiftool — an independent reader — what a file
// holds.
#pragma once

#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "shell.h"

namespace rf::test {

inline void putU32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
    b[at] = std::uint8_t(v >> 24);
    b[at + 1] = std::uint8_t(v >> 16);
    b[at + 2] = std::uint8_t(v >> 8);
    b[at + 3] = std::uint8_t(v);
}

inline void putSig(std::vector<std::uint8_t>& b, std::size_t at, const char* sig) {
    for (int i = 0; i < 4; ++i) b[at + i] = std::uint8_t(sig[i]);
}

inline std::uint32_t s15f16(double v) {
    return std::uint32_t(std::int32_t(v * 65536.0 + 0.5));
}

/// A minimal matrix/TRC ICC v2 display profile whose description is `name`.
inline std::vector<std::uint8_t> makeTestIccProfile(const std::string& name = "RF test RGB") {
    struct Tag {
        const char* sig;
        std::vector<std::uint8_t> data;
    };
    auto xyz = [](double x, double y, double z) {
        std::vector<std::uint8_t> d(20, 0);
        putSig(d, 0, "XYZ ");
        putU32(d, 8, s15f16(x));
        putU32(d, 12, s15f16(y));
        putU32(d, 16, s15f16(z));
        return d;
    };
    std::vector<std::uint8_t> desc(12 + name.size() + 1 + 4 + 4 + 2 + 1 + 67, 0);
    putSig(desc, 0, "desc");
    putU32(desc, 8, std::uint32_t(name.size() + 1));
    for (std::size_t i = 0; i < name.size(); ++i) desc[12 + i] = std::uint8_t(name[i]);
    std::vector<std::uint8_t> curv(14, 0);
    putSig(curv, 0, "curv");
    putU32(curv, 8, 1);
    curv[12] = 2;  // u8Fixed8 2.2
    curv[13] = 0x33;
    const std::string notice = "No copyright, test data";
    std::vector<std::uint8_t> cprt(8 + notice.size() + 1, 0);
    putSig(cprt, 0, "text");
    for (std::size_t i = 0; i < notice.size(); ++i) cprt[8 + i] = std::uint8_t(notice[i]);

    const std::vector<Tag> tags = {
        {"desc", desc},
        {"wtpt", xyz(0.9642, 1.0, 0.8249)},
        {"rXYZ", xyz(0.4361, 0.2225, 0.0139)},
        {"gXYZ", xyz(0.3851, 0.7169, 0.0971)},
        {"bXYZ", xyz(0.1431, 0.0606, 0.7141)},
        {"rTRC", curv},
        {"gTRC", curv},
        {"bTRC", curv},
        {"cprt", cprt},
    };
    std::vector<std::uint8_t> p(128 + 4 + 12 * tags.size(), 0);
    putU32(p, 128, std::uint32_t(tags.size()));
    for (std::size_t i = 0; i < tags.size(); ++i) {
        while (p.size() % 4) p.push_back(0);
        const std::size_t offset = p.size();
        p.insert(p.end(), tags[i].data.begin(), tags[i].data.end());
        putSig(p, 132 + 12 * i, tags[i].sig);
        putU32(p, 136 + 12 * i, std::uint32_t(offset));
        putU32(p, 140 + 12 * i, std::uint32_t(tags[i].data.size()));
    }
    while (p.size() % 4) p.push_back(0);
    putU32(p, 0, std::uint32_t(p.size()));
    putU32(p, 8, 0x02100000);  // version 2.1
    putSig(p, 12, "mntr");
    putSig(p, 16, "RGB ");
    putSig(p, 20, "XYZ ");
    const std::array<std::uint16_t, 6> date = {2024, 1, 1, 0, 0, 0};
    for (int i = 0; i < 6; ++i) {
        p[24 + 2 * i] = std::uint8_t(date[i] >> 8);
        p[25 + 2 * i] = std::uint8_t(date[i]);
    }
    putSig(p, 36, "acsp");
    putU32(p, 68, s15f16(0.9642));
    putU32(p, 72, s15f16(1.0));
    putU32(p, 76, s15f16(0.8249));
    return p;
}

/// Runs a shell command and returns its standard output (binary-safe).
inline std::string runCommand(const std::string& cmd) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(cmd.c_str(), "r"), ::pclose);
    if (!pipe) return out;
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
    return out;
}

/// The embedded ICC profile as exiftool extracts it (empty when there is none).
inline std::vector<std::uint8_t> extractIcc(const std::string& path) {
    const std::string s = runCommand("exiftool -b -ICC_Profile " + shellQuote(path));
    return {s.begin(), s.end()};
}

/// A fresh, empty scratch directory in the system temporary directory.
inline std::filesystem::path scratchDir(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("rf-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace rf::test
