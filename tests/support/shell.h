// SPDX-License-Identifier: GPL-3.0-or-later
// Small file and shell helpers shared by the tests and the writer benchmark (which has no
// GoogleTest): reading and writing whole files, quoting for the shell, and whether exiftool,
// the independent metadata reader the tests check against, is installed.
#pragma once

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace rf::test {

inline std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

inline void writeFile(const std::string& path, const std::string& content) {
    std::ofstream f(path, std::ios::binary);
    f << content;
}

/// Single-quotes a string for the shell.
inline std::string shellQuote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline bool haveExiftool() {
    return std::system("exiftool -ver >/dev/null 2>&1") == 0;
}

}  // namespace rf::test
