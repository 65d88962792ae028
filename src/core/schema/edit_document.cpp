// SPDX-License-Identifier: GPL-3.0-or-later
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "rangefinder/error.h"
#include "rangefinder/limits.h"
#include "rangefinder/params.h"
#include "schema/declare.h"
#include "util/json_input.h"

namespace rf {

using nlohmann::json;

namespace {

const ParamDecl& declOrThrow(const std::string& key) {
    const ParamDecl* d = findParam(key);
    if (!d) throw std::logic_error("undeclared parameter '" + key + "'");
    return *d;
}

std::string rangeText(const ParamDecl& d) {
    std::ostringstream s;
    s << d.minValue << " … " << d.maxValue;
    if (!d.unit.empty()) s << " " << d.unit;
    return s.str();
}

std::string choicesText(const ParamDecl& d) {
    std::string s;
    for (const auto& c : d.choices) s += (s.empty() ? "" : ", ") + c;
    return s;
}

bool parseNumber(const std::string& text, double& out) {
    const char* b = text.data();
    const char* e = b + text.size();
    while (b < e && *b == ' ') ++b;
    if (b < e && *b == '+') ++b;
    auto [p, ec] = std::from_chars(b, e, out);
    return ec == std::errc() && p == e && std::isfinite(out);
}

// FNV-1a: stable across runs and platforms, so cache keys could even be persisted.
struct Hasher {
    std::uint64_t h = 1469598103934665603ull;
    void bytes(const void* p, std::size_t n) {
        const auto* c = static_cast<const unsigned char*>(p);
        for (std::size_t i = 0; i < n; ++i) h = (h ^ c[i]) * 1099511628211ull;
    }
    void str(const std::string& s) {
        bytes(s.data(), s.size());
        bytes("\0", 1);
    }
};

}  // namespace

double EditDocument::getFloat(const std::string& key) const {
    const ParamDecl& d = declOrThrow(key);
    if (d.type != ParamType::Float && d.type != ParamType::Int)
        throw std::logic_error("parameter '" + key + "' is not numeric");
    auto it = values_.find(key);
    return it == values_.end() ? d.defaultValue : std::get<double>(it->second);
}

int EditDocument::getInt(const std::string& key) const {
    return static_cast<int>(std::lround(getFloat(key)));
}

bool EditDocument::getBool(const std::string& key) const {
    const ParamDecl& d = declOrThrow(key);
    if (d.type != ParamType::Bool) throw std::logic_error("parameter '" + key + "' is not bool");
    auto it = values_.find(key);
    return it == values_.end() ? d.defaultValue != 0 : std::get<bool>(it->second);
}

std::string EditDocument::getText(const std::string& key) const {
    const ParamDecl& d = declOrThrow(key);
    if (d.type != ParamType::Choice && d.type != ParamType::Text)
        throw std::logic_error("parameter '" + key + "' is not text");
    auto it = values_.find(key);
    return it == values_.end() ? d.defaultText : std::get<std::string>(it->second);
}

void EditDocument::setFloat(const std::string& key, double v) {
    const ParamDecl* d = findParam(key);
    if (!d) throw Error("unknown parameter '" + key + "'");
    if (d->type != ParamType::Float && d->type != ParamType::Int)
        throw Error("parameter '" + key + "' takes " +
                    (d->type == ParamType::Bool ? std::string("true or false")
                                                : "one of: " + choicesText(*d)));
    if (!std::isfinite(v) || v < d->minValue || v > d->maxValue)
        throw Error("parameter '" + key + "' must be within " + rangeText(*d));
    if (d->type == ParamType::Int) {
        if (v != std::floor(v)) throw Error("parameter '" + key + "' takes a whole number");
        if (key == "geometry.rotate" && int(v) % 90 != 0)
            throw Error("parameter 'geometry.rotate' takes 0, 90, 180 or 270");
    }
    values_[key] = v;
}

void EditDocument::setBool(const std::string& key, bool v) {
    const ParamDecl* d = findParam(key);
    if (!d) throw Error("unknown parameter '" + key + "'");
    if (d->type != ParamType::Bool) throw Error("parameter '" + key + "' is not true/false");
    values_[key] = v;
}

void EditDocument::setText(const std::string& key, const std::string& v) {
    const ParamDecl* d = findParam(key);
    if (!d) throw Error("unknown parameter '" + key + "'");
    if (d->type != ParamType::Choice && d->type != ParamType::Text)
        throw Error("parameter '" + key + "' is not text");
    if (d->type == ParamType::Choice &&
        std::find(d->choices.begin(), d->choices.end(), v) == d->choices.end())
        throw Error("parameter '" + key + "' takes one of: " + choicesText(*d) + " (not '" + v +
                    "')");
    values_[key] = v;
}

void EditDocument::setFromString(const std::string& key, const std::string& value) {
    const ParamDecl* d = findParam(key);
    if (!d) throw Error("unknown parameter '" + key + "' (rangefinder-cli params lists them)");
    switch (d->type) {
        case ParamType::Float:
        case ParamType::Int: {
            double v;
            if (!parseNumber(value, v))
                throw Error("parameter '" + key + "' takes a number, not '" + value + "'");
            setFloat(key, v);
            break;
        }
        case ParamType::Bool:
            if (value == "true" || value == "1" || value == "yes" || value == "on")
                setBool(key, true);
            else if (value == "false" || value == "0" || value == "no" || value == "off")
                setBool(key, false);
            else
                throw Error("parameter '" + key + "' takes true or false, not '" + value + "'");
            break;
        case ParamType::Choice:
        case ParamType::Text:
            setText(key, value);
            break;
    }
}

void EditDocument::setAssignment(const std::string& assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0)
        throw Error("expected KEY=VALUE, got '" + assignment + "'");
    setFromString(assignment.substr(0, eq), assignment.substr(eq + 1));
}

bool EditDocument::isSet(const std::string& key) const {
    return values_.count(key) || unknown_.count(key);
}

void EditDocument::reset(const std::string& key) {
    values_.erase(key);
    unknown_.erase(key);
}

void EditDocument::resetGroup(ParamGroup g) {
    for (auto it = values_.begin(); it != values_.end();) {
        const ParamDecl* d = findParam(it->first);
        it = (d && d->group == g) ? values_.erase(it) : std::next(it);
    }
}

void EditDocument::clear() {
    values_.clear();
    unknown_.clear();
}

std::optional<std::string> EditDocument::valueJson(const std::string& key) const {
    if (auto u = unknown_.find(key); u != unknown_.end()) return u->second;
    auto it = values_.find(key);
    if (it == values_.end()) return std::nullopt;
    const ParamDecl& d = declOrThrow(key);
    const ParamValue& v = it->second;
    json j;
    if (std::holds_alternative<double>(v)) {
        const double x = std::get<double>(v);
        if (d.type == ParamType::Int)
            j = std::llround(x);
        else
            j = x;
    } else if (std::holds_alternative<bool>(v)) {
        j = std::get<bool>(v);
    } else {
        j = std::get<std::string>(v);
    }
    return j.dump();
}

void EditDocument::setValueJson(const std::string& key, const std::optional<std::string>& text) {
    if (!text) {
        reset(key);
        return;
    }
    json v;
    try {
        v = parseJsonWithinLimits(*text, "", "the value of parameter '" + key + "'");
    } catch (const json::exception&) {  // parse_error, or out_of_range: 1e999
        throw Error("parameter '" + key + "' has a malformed value '" + *text + "'");
    }
    const ParamDecl* d = findParam(key);
    if (!d) {
        unknown_[key] = v.dump();
        return;
    }
    switch (d->type) {
        case ParamType::Float:
        case ParamType::Int:
            if (!v.is_number()) throw Error("parameter '" + key + "' must be a number");
            setFloat(key, v.get<double>());
            break;
        case ParamType::Bool:
            if (!v.is_boolean()) throw Error("parameter '" + key + "' must be true/false");
            setBool(key, v.get<bool>());
            break;
        case ParamType::Choice:
        case ParamType::Text:
            if (!v.is_string()) throw Error("parameter '" + key + "' must be a string");
            setText(key, v.get<std::string>());
            break;
    }
}

std::vector<std::string> EditDocument::keys() const {
    std::vector<std::string> k;
    for (const auto& [key, _] : values_) k.push_back(key);
    for (const auto& [key, _] : unknown_) k.push_back(key);
    std::sort(k.begin(), k.end());
    return k;
}

void EditDocument::merge(const EditDocument& other) {
    for (const auto& [k, v] : other.values_) values_[k] = v;
    for (const auto& [k, v] : other.unknown_) unknown_[k] = v;
}

void EditDocument::mergeGroups(const EditDocument& other, const std::vector<ParamGroup>& groups) {
    for (const auto& [k, v] : other.values_) {
        const ParamDecl* d = findParam(k);
        if (d && std::find(groups.begin(), groups.end(), d->group) != groups.end()) values_[k] = v;
    }
}

std::uint64_t EditDocument::hashKeys(const std::vector<std::string>& keys) const {
    Hasher h;
    for (const auto& key : keys) {
        const ParamDecl& d = declOrThrow(key);
        h.str(key);
        switch (d.type) {
            case ParamType::Float:
            case ParamType::Int: {
                const double v = getFloat(key);
                h.bytes(&v, sizeof v);
                break;
            }
            case ParamType::Bool: {
                const char b = getBool(key) ? 1 : 0;
                h.bytes(&b, 1);
                break;
            }
            case ParamType::Choice:
            case ParamType::Text:
                h.str(getText(key));
                break;
        }
    }
    return h.h;
}

std::uint64_t EditDocument::hash(const std::vector<ParamGroup>& groups) const {
    std::vector<std::string> keys;
    for (const auto& d : schema())
        if (groups.empty() || std::find(groups.begin(), groups.end(), d.group) != groups.end())
            keys.push_back(d.key);
    return hashKeys(keys);
}

std::string EditDocument::toJson(int indent) const {
    json params = json::object();
    for (const auto& [k, v] : values_) {
        const ParamDecl& d = declOrThrow(k);
        if (std::holds_alternative<double>(v)) {
            const double x = std::get<double>(v);
            if (d.type == ParamType::Int)
                params[k] = std::llround(x);
            else
                params[k] = x;
        } else if (std::holds_alternative<bool>(v)) {
            params[k] = std::get<bool>(v);
        } else {
            params[k] = std::get<std::string>(v);
        }
    }
    for (const auto& [k, raw] : unknown_) params[k] = json::parse(raw);
    json doc = json::object();
    for (const auto& [k, raw] : extraTop_) doc[k] = json::parse(raw);
    doc["format"] = "rangefinder-edit";
    doc["version"] = kFormatVersion;
    // The meaning the values have: every stage at today's version (older documents were
    // migrated when read).
    json versions = json::object();
    for (const StageInfo& st : stages()) versions[st.name] = st.version;
    doc["stages"] = std::move(versions);
    doc["params"] = std::move(params);
    return doc.dump(indent);
}

namespace {

// The stage versions a document was written for: its "stages" member; for a document of
// format version 1 (Rangefinder before stage versions) version 1 of every stage; for one
// that says neither (written by hand, or empty) today's.
std::map<std::string, int> writtenVersions(const json& doc, int format, bool hasValues,
                                           const std::string& where) {
    std::map<std::string, int> out;
    // Format 1 was written by Rangefinder 0.1, which knew no stage versions: a "stages" member
    // there is one a newer Rangefinder wrote and 0.1 carried along while it edited the values.
    if (doc.contains("stages") && format >= 2) {
        const json& v = doc["stages"];
        if (!v.is_object()) throw Error(where, "\"stages\" must be an object");
        for (auto it = v.begin(); it != v.end(); ++it) {
            if (!it.value().is_number_integer() || it.value().get<long long>() < 1 ||
                it.value().get<long long>() > 1000000)
                throw Error(where, "\"stages\": the version of '" + it.key() +
                                       "' must be a whole number from 1");
            out[it.key()] = it.value().get<int>();
        }
        // Edits made before a stage existed were made without it: version 0, whose migration
        // keeps the photo as it was then. A document without edits takes today's defaults.
        if (hasValues)
            for (const decl::StageEntry* st : decl::stageEntries())
                if (st->before && !out.count(st->info.name)) out[st->info.name] = 0;
        return out;
    }
    if (format == 1 && hasValues)
        for (const decl::StageEntry* st : decl::stageEntries())
            out[st->info.name] = st->before ? 0 : 1;
    return out;
}

}  // namespace

void EditDocument::migrate(const std::map<std::string, int>& written, const std::string& where) {
    for (const decl::StageEntry* stage : decl::stageEntries()) {
        const auto it = written.find(stage->info.name);
        // A stage the document does not name: today's meaning (writtenVersions names the
        // stages an edited document predates, as version 0).
        const int from = it == written.end() ? stage->info.version : it->second;
        if (from > stage->info.version)
            throw Error(where, "written by a newer Rangefinder: its '" + stage->info.name +
                                   "' settings are version " + std::to_string(from) +
                                   ", this one knows up to " + std::to_string(stage->info.version));
        for (int v = from; v < stage->info.version; ++v) {
            try {
                if (v == 0) {
                    if (stage->before) stage->before->apply(*this);
                    continue;
                }
                stage->migrations.at(std::size_t(v - 1)).apply(*this);
            } catch (const Error& e) {
                throw Error(where, e.what());
            }
        }
    }
}

EditDocument EditDocument::fromJson(const std::string& text, const std::string& source) {
    std::map<std::string, int> written;
    return fromJson(text, source, written);
}

std::optional<std::string> EditDocument::migrateValue(const std::string& key,
                                                      const std::optional<std::string>& value,
                                                      const std::map<std::string, int>& written) {
    try {
        EditDocument one;
        one.setValueJson(key, value);
        one.migrate(written, "");
        return one.valueJson(key);
    } catch (const Error&) {
        return value;
    }
}

EditDocument EditDocument::fromJson(const std::string& text, const std::string& source,
                                    std::map<std::string, int>& writtenFor) {
    const std::string where = source.empty() ? std::string("edit document") : source;
    json doc;
    try {
        doc = parseJsonWithinLimits(text, where, "edit document");
    } catch (const json::exception& e) {  // parse_error, or out_of_range: 1e999
        throw Error(where, std::string("not valid JSON: ") + e.what());
    }
    if (!doc.is_object()) throw Error(where, "an edit document must be a JSON object");
    if (doc.contains("format") &&
        (!doc["format"].is_string() || doc["format"].get<std::string>() != "rangefinder-edit"))
        throw Error(where,
                    "not a Rangefinder edit document (\"format\" is not "
                    "\"rangefinder-edit\")");
    if (doc.contains("version")) {
        if (!doc["version"].is_number_integer())
            throw Error(where, "\"version\" must be a whole number");
        const int v = doc["version"].get<int>();
        if (v < 1) throw Error(where, "unsupported edit document version " + std::to_string(v));
        // Newer versions are read as far as we understand them: keys are stable by design,
        // and what we do not know is carried along untouched.
    }
    const int format = doc.contains("version") ? doc["version"].get<int>() : kFormatVersion;
    EditDocument out;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (it.key() != "format" && it.key() != "version" && it.key() != "params" &&
            it.key() != "stages")
            out.extraTop_[it.key()] = it.value().dump();
    if (!doc.contains("params")) {
        writtenFor = writtenVersions(doc, format, false, where);
        out.migrate(writtenFor, where);
        return out;
    }
    const json& params = doc["params"];
    if (!params.is_object()) throw Error(where, "\"params\" must be an object");
    for (auto it = params.begin(); it != params.end(); ++it) {
        const std::string& key = it.key();
        const json& v = it.value();
        const ParamDecl* d = findParam(key);
        if (!d) {
            out.unknown_[key] = v.dump();
            continue;
        }
        try {
            switch (d->type) {
                case ParamType::Float:
                case ParamType::Int:
                    if (!v.is_number()) throw Error("parameter '" + key + "' must be a number");
                    out.setFloat(key, v.get<double>());
                    break;
                case ParamType::Bool:
                    if (!v.is_boolean()) throw Error("parameter '" + key + "' must be true/false");
                    out.setBool(key, v.get<bool>());
                    break;
                case ParamType::Choice:
                case ParamType::Text:
                    if (!v.is_string()) throw Error("parameter '" + key + "' must be a string");
                    out.setText(key, v.get<std::string>());
                    break;
            }
        } catch (const Error& e) {
            throw Error(where, e.what());
        }
    }
    writtenFor = writtenVersions(doc, format, !out.values_.empty(), where);
    out.migrate(writtenFor, where);
    return out;
}

EditDocument EditDocument::loadFile(const std::string& path) {
    return fromJson(readTextFile(path, resourceLimits().maxEditDocumentBytes, "edit document"),
                    path);
}

void EditDocument::saveFile(const std::string& path) const {
    writeFileAtomically(path, toJson() + "\n");
}

bool EditDocument::operator==(const EditDocument& o) const {
    return values_ == o.values_ && unknown_ == o.unknown_ && extraTop_ == o.extraTop_;
}

}  // namespace rf
