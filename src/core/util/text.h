// SPDX-License-Identifier: GPL-3.0-or-later
// Text helpers shared inside the core. Names a person types (colour spaces, formats, file
// extensions) are compared case-insensitively, in ASCII: none of them is localised.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>

namespace rf {

inline std::string asciiLower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

}  // namespace rf
