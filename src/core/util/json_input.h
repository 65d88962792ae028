// SPDX-License-Identifier: GPL-3.0-or-later
// Parsing JSON that came from a file (edit documents, edit histories, values in sidecars)
// within the process's ResourceLimits: the text's size is checked before parsing and the
// nesting depth while parsing, so a hostile document can neither exhaust memory nor the
// stack of whatever walks the result later (serialising a parsed value recurses per level).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "rangefinder/error.h"
#include "rangefinder/limits.h"

namespace rf {

/// Parses `text` as JSON. Throws rf::Error(where, …) naming `what` ("edit document") when the
/// text is larger than ResourceLimits::maxEditDocumentBytes or nests deeper than
/// ResourceLimits::maxJsonDepth; malformed JSON throws nlohmann::json::parse_error, for the
/// caller to word.
inline nlohmann::json parseJsonWithinLimits(const std::string& text, const std::string& where,
                                            const std::string& what) {
    const ResourceLimits limits = resourceLimits();
    if (std::int64_t(text.size()) > limits.maxEditDocumentBytes)
        throw Error(where, what + " too large: " + byteSizeText(std::int64_t(text.size())) +
                               ", the limit is " + byteSizeText(limits.maxEditDocumentBytes));
    struct TooDeep {};
    const int maxDepth = limits.maxJsonDepth;
    // `depth` is the number of arrays and objects enclosing the value being started.
    const auto guard = [maxDepth](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
        if ((event == nlohmann::json::parse_event_t::object_start ||
             event == nlohmann::json::parse_event_t::array_start) &&
            depth >= maxDepth)
            throw TooDeep{};
        return true;
    };
    try {
        return nlohmann::json::parse(text, guard);
    } catch (const TooDeep&) {
        throw Error(where, what + " nests arrays and objects more than " +
                               std::to_string(maxDepth) + " deep; refused");
    }
}

}  // namespace rf
