// SPDX-License-Identifier: GPL-3.0-or-later
// What the core's texts are called in the translation catalogue. The core is Qt-free and
// speaks English: a parameter's label, help and heading, an export setting's label and
// choices, a built-in export preset's label and an installed look's description are written
// once, in its declaration or data file. The desktop app translates them where it shows
// them (core_text.h), looking each up by its English text in one of these contexts, and
// rangefinder-core-strings (src/tools/core_strings.cpp) lists every one of them for lupdate
// under the same context. This header is shared by both, so it holds no Qt either.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>

namespace rf::i18n {

inline constexpr char kParamLabel[] = "ParamLabel";      ///< "Exposure"
inline constexpr char kParamHelp[] = "ParamHelp";        ///< "exposure compensation"
inline constexpr char kParamSection[] = "ParamSection";  ///< "Tone", the panels' headings
inline constexpr char kParamChoice[] = "ParamChoice";    ///< "As shot", from "as_shot"
inline constexpr char kExportLabel[] = "ExportSetting";  ///< labels, help and choices
inline constexpr char kExportPreset[] = "ExportPreset";  ///< "Full size"
inline constexpr char kLookDescription[] = "LookDescription";

/// "as_shot" → "As shot", "hq" → "HQ": a schema choice as a person reads it, in English (the
/// text the catalogue translates).
inline std::string choiceText(const std::string& choice) {
    std::string s;
    std::size_t words = 0;
    for (std::size_t i = 0; i < choice.size();) {
        const std::size_t end = std::min(choice.find('_', i), choice.size());
        if (end > i) {
            if (words++) s += ' ';
            s.append(choice, i, end - i);
        }
        i = end + 1;
    }
    // A lone short word is an abbreviation ("hq"); in a phrase it is a word ("as shot").
    if (words == 1 && s.size() <= 2)
        for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace rf::i18n
