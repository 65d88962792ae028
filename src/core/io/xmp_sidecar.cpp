// SPDX-License-Identifier: GPL-3.0-or-later
// Reading and writing XMP sidecars with Exiv2's XMP parser. A save is a read-modify-write of
// the sidecar on disk: the packet is decoded into Exiv2's XmpData, the properties Rangefinder
// owns are replaced, everything else is encoded back as it was, and the packet reaches the
// disk through writeFileAtomically. The edit document is stored by parameter key as a bag of
// `rangefinder:Param` structs (Key + Value, the value as a JSON literal) so that other tools
// can read it and keys from newer versions pass through untouched.
#include <exiv2/exiv2.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "io/exiv2_common.h"
#include "rangefinder/error.h"
#include "rangefinder/limits.h"
#include "rangefinder/sidecar.h"
#include "util/json_input.h"

namespace rf {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const std::string kVersionKey = "Xmp.rangefinder.Version";
const std::string kParamsKey = "Xmp.rangefinder.Params";
const std::string kExtrasKey = "Xmp.rangefinder.Extras";
const std::string kHistoryKey = "Xmp.rangefinder.History";
const std::string kHistoryPositionKey = "Xmp.rangefinder.HistoryPosition";

// Exiv2 reports parser failures only through its log; while the mutex is held the handler
// collects them so the error can say why a sidecar is unreadable. Where malformed XML is
// (Exiv2 0.27's expat validator: "Invalid XML at line N, column M: why") arrives at the info
// level, below the errors, and is the one info message kept.
constexpr std::string_view kInvalidXml = "Invalid XML at ";
std::string* gLogCapture = nullptr;
std::string* gXmlPosition = nullptr;

void captureLog(int level, const char* msg) {
    if (!gLogCapture || !msg) return;
    std::string m = msg;
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    if (m.empty()) return;
    if (m.starts_with(kInvalidXml)) {
        if (gXmlPosition && gXmlPosition->empty()) *gXmlPosition = m.substr(kInvalidXml.size());
        return;
    }
    if (level >= Exiv2::LogMsg::warn) *gLogCapture += (gLogCapture->empty() ? "" : "; ") + m;
}

void quiet(int, const char*) {}

// Whether Exiv2's process-wide registry maps our prefix to our namespace. Exiv2 keys
// properties by prefix, and decoding a packet that binds a prefix to an unknown namespace
// re-registers that prefix for the whole process: one sidecar saying
// xmlns:rangefinder="http://elsewhere/" would file its properties under our keys and make
// every later save write ours into its namespace.
bool ourPrefixIsOurs() {
    try {
        return Exiv2::XmpProperties::ns(kSidecarPrefix) == kSidecarNamespace;
    } catch (const Exiv2::AnyError&) {
        return false;  // not registered
    }
}

void claimOurPrefix() {
    if (!ourPrefixIsOurs()) Exiv2::XmpProperties::registerNs(kSidecarNamespace, kSidecarPrefix);
}

// Takes the shared Exiv2 lock and makes sure our prefix names our namespace (anything that
// decodes XMP, a raw's embedded packet too, may have taken it since the last session).
class ExivSession {
  public:
    ExivSession() : lock_((initialiseExiv2(), exivMutex())) { claimOurPrefix(); }

  private:
    std::lock_guard<std::mutex> lock_;
};

bool isBlank(const std::string& s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// Position just past `end` at or after `from`, or npos.
std::size_t pastNext(std::string_view text, std::size_t from, std::string_view end) {
    const std::size_t at = text.find(end, from);
    return at == std::string_view::npos ? at : at + end.size();
}

// The XMP toolkit builds and walks its tree recursively, one call per element level; how
// deep it goes before refusing (Exiv2 0.27's bundled validator gives up near a thousand
// levels with a bare "Error in XMLValidator") belongs to whichever Exiv2 is installed. This
// scan refuses a deep packet before the toolkit sees it, with a limit we choose and a
// message that says what is wrong. It counts element nesting as an XML parser would
// (comments, CDATA, processing instructions, declarations and quoted attribute values
// skipped) and names the line; malformed XML is left to the parser, which reports it.
void checkXmlNesting(std::string_view text, int maxDepth, const std::string& file) {
    int depth = 0;
    std::size_t line = 1, counted = 0;  // lines counted up to position `counted`
    const auto lineAt = [&](std::size_t pos) {
        line +=
            std::size_t(std::count(text.begin() + long(counted), text.begin() + long(pos), '\n'));
        counted = pos;
        return line;
    };
    std::size_t i = 0;
    while ((i = text.find('<', i)) != std::string_view::npos) {
        const std::string_view rest = text.substr(i);
        std::size_t next;
        if (rest.starts_with("<!--")) {
            next = pastNext(text, i + 4, "-->");
        } else if (rest.starts_with("<![CDATA[")) {
            next = pastNext(text, i + 9, "]]>");
        } else if (rest.starts_with("<?")) {
            next = pastNext(text, i + 2, "?>");
        } else if (rest.starts_with("<!")) {
            // A declaration; a DOCTYPE's internal subset sits between brackets.
            int brackets = 0;
            next = std::string_view::npos;
            for (std::size_t j = i + 2; j < text.size(); ++j) {
                if (text[j] == '[') ++brackets;
                if (text[j] == ']') --brackets;
                if (text[j] == '>' && brackets <= 0) {
                    next = j + 1;
                    break;
                }
            }
        } else if (rest.starts_with("</")) {
            --depth;
            next = pastNext(text, i + 2, ">");
        } else {
            // A start tag: '>' may appear inside a quoted attribute value.
            next = std::string_view::npos;
            char quote = 0;
            for (std::size_t j = i + 1; j < text.size(); ++j) {
                const char c = text[j];
                if (quote) {
                    if (c == quote) quote = 0;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '>') {
                    if (text[j - 1] != '/' && ++depth > maxDepth)
                        throw Error(file, "the XMP sidecar nests elements more than " +
                                              std::to_string(maxDepth) + " deep (line " +
                                              std::to_string(lineAt(i)) + "); refused unparsed");
                    next = j + 1;
                    break;
                }
            }
        }
        if (next == std::string_view::npos) return;  // unterminated: the parser says so
        i = next;
    }
}

// Must be called with the Exiv2 session held.
Exiv2::XmpData decodePacket(const std::string& packet, const std::string& file) {
    Exiv2::XmpData data;
    if (isBlank(packet)) return data;  // an empty file (e.g. touched by hand) holds nothing
    // A file without RDF is some other document that happens to carry the name; saying so
    // is clearer than the XML toolkit's generic error.
    if (packet.find("http://www.w3.org/1999/02/22-rdf-syntax-ns#") == std::string::npos)
        throw Error(file, "not an XMP sidecar (no RDF content)");
    checkXmlNesting(packet, resourceLimits().maxXmpDepth, file);
    std::string log, position;
    gLogCapture = &log;
    gXmlPosition = &position;
    const Exiv2::LogMsg::Level level = Exiv2::LogMsg::level();
    Exiv2::LogMsg::setLevel(Exiv2::LogMsg::info);
    Exiv2::LogMsg::setHandler(captureLog);
    int rc = 0;
    try {
        rc = Exiv2::XmpParser::decode(data, packet);
    } catch (const std::exception& e) {
        log += (log.empty() ? "" : "; ") + std::string(e.what());
        rc = -1;
    }
    Exiv2::LogMsg::setHandler(quiet);
    Exiv2::LogMsg::setLevel(level);
    gLogCapture = nullptr;
    gXmlPosition = nullptr;
    // The toolkit's own words for malformed XML ("XMP Toolkit error 201: Error in
    // XMLValidator") say less than the validator's line, column and reason.
    if (rc != 0 && !position.empty())
        throw Error(file, "cannot parse the XMP sidecar: malformed XML at " + position);
    if (rc != 0)
        throw Error(
            file, "cannot parse the XMP sidecar: " + (log.empty() ? "malformed XML or RDF" : log));
    if (!ourPrefixIsOurs()) {
        claimOurPrefix();
        throw Error(file, std::string("the XMP sidecar binds the prefix '") + kSidecarPrefix +
                              "' to another namespace than Rangefinder's (" + kSidecarNamespace +
                              ")");
    }
    return data;
}

std::string readSidecarText(const std::string& file) {
    return readTextFile(file, resourceLimits().maxSidecarBytes, "XMP sidecar");
}

const Exiv2::Xmpdatum* findDatum(const Exiv2::XmpData& data, const std::string& key) {
    auto it = data.findKey(Exiv2::XmpKey(key));
    return it == data.end() ? nullptr : &*it;
}

std::string langAltDefault(const Exiv2::XmpData& data, const std::string& key) {
    const Exiv2::Xmpdatum* d = findDatum(data, key);
    if (!d) return {};
    if (const auto* la = dynamic_cast<const Exiv2::LangAltValue*>(&d->value())) {
        auto it = la->value_.find("x-default");
        if (it != la->value_.end()) return it->second;
        return la->value_.empty() ? std::string() : la->value_.begin()->second;
    }
    return d->toString();
}

std::vector<std::string> arrayItems(const Exiv2::XmpData& data, const std::string& key) {
    std::vector<std::string> out;
    const Exiv2::Xmpdatum* d = findDatum(data, key);
    if (!d) return out;
    const long n = d->count();
    for (long i = 0; i < n; ++i) out.push_back(d->toString(i));
    return out;
}

// Items of a bag of {Key, Value} structs, e.g. Xmp.rangefinder.Params[3]/rangefinder:Key.
std::map<long, std::pair<std::string, std::string>> structBag(const Exiv2::XmpData& data,
                                                              const std::string& bagKey) {
    std::map<long, std::pair<std::string, std::string>> items;
    const std::string prefix = bagKey + "[";
    for (const auto& d : data) {
        const std::string k = d.key();
        if (k.compare(0, prefix.size(), prefix) != 0) continue;
        const std::size_t close = k.find(']', prefix.size());
        if (close == std::string::npos) continue;
        long index = 0;
        try {
            index = std::stol(k.substr(prefix.size(), close - prefix.size()));
        } catch (const std::exception&) {
            continue;
        }
        const std::string field = k.substr(close + 1);
        if (field == "/rangefinder:Key")
            items[index].first = d.toString();
        else if (field == "/rangefinder:Value")
            items[index].second = d.toString();
    }
    return items;
}

// Parses "[N]" at `pos` of `k`; returns the index and moves `pos` past the bracket.
bool arrayIndex(const std::string& k, std::size_t& pos, long& index) {
    if (pos >= k.size() || k[pos] != '[') return false;
    const std::size_t close = k.find(']', pos);
    if (close == std::string::npos) return false;
    try {
        index = std::stol(k.substr(pos + 1, close - pos - 1));
    } catch (const std::exception&) {
        return false;
    }
    pos = close + 1;
    return index >= 1;
}

// Rebuilds the JSON form of the edit history from rangefinder:History (a seq of step
// structs, each with a bag of change structs) and lets EditHistory validate it. Nothing is
// dropped silently: a history we cannot read is an error naming the file.
EditHistory historyFromXmp(const Exiv2::XmpData& data, const std::string& file) {
    struct StepFields {
        std::string label, time;
        std::map<long, std::map<std::string, std::string>> changes;  // field → text
    };
    std::map<long, StepFields> steps;
    bool present = false;
    const std::string prefix = kHistoryKey + "[";
    for (const auto& d : data) {
        const std::string k = d.key();
        if (k == kHistoryKey) {
            present = true;
            // A list of steps has no text of its own; text here is some other encoding.
            const auto* xv = dynamic_cast<const Exiv2::XmpValue*>(&d.value());
            const bool isArray = xv && xv->xmpArrayType() != Exiv2::XmpValue::xaNone;
            if (!isArray && d.typeId() == Exiv2::xmpText && !d.toString().empty())
                throw Error(file, "rangefinder:History (edit history) is not a list of steps");
        }
        if (k.compare(0, prefix.size(), prefix) != 0) continue;
        present = true;
        std::size_t pos = kHistoryKey.size();
        long step = 0;
        if (!arrayIndex(k, pos, step))
            throw Error(file,
                        "rangefinder:History (edit history) has a malformed item '" + k + "'");
        const std::string rest = k.substr(pos);
        if (rest.empty()) {
            steps[step];
        } else if (rest == "/rangefinder:Label") {
            steps[step].label = d.toString();
        } else if (rest == "/rangefinder:Time") {
            steps[step].time = d.toString();
        } else if (rest == "/rangefinder:Changes") {
            steps[step];
        } else if (rest.compare(0, 21, "/rangefinder:Changes[") == 0) {
            std::size_t p2 = 20;
            long change = 0;
            if (!arrayIndex(rest, p2, change))
                throw Error(file,
                            "rangefinder:History (edit history) has a malformed item '" + k + "'");
            const std::string field = rest.substr(p2);
            auto& fields = steps[step].changes[change];
            if (field == "/rangefinder:Key" || field == "/rangefinder:Before" ||
                field == "/rangefinder:After")
                fields[field.substr(13)] = d.toString();
        }
        // Other fields of a step (from a newer version) are not understood and not kept.
    }
    if (!present && !findDatum(data, kHistoryPositionKey)) return {};

    json steps_json = json::array();
    long expected = 1;
    for (const auto& [index, st] : steps) {
        const std::string at = "history step " + std::to_string(index) + ": ";
        if (index != expected++) throw Error(file, "history steps are not numbered 1, 2, …");
        json changes = json::object();
        for (const auto& [ci, fields] : st.changes) {
            auto key = fields.find("Key");
            if (key == fields.end() || key->second.empty())
                throw Error(file, at + "a change without a Key");
            json jc = json::object();
            for (const char* side : {"Before", "After"}) {
                auto f = fields.find(side);
                if (f == fields.end()) continue;
                try {
                    jc[side == std::string("Before") ? "before" : "after"] =
                        parseJsonWithinLimits(f->second, file, at + "'" + key->second + "'");
                } catch (const json::exception&) {  // parse_error, or out_of_range: 1e999
                    throw Error(file, at + "'" + key->second + "' has a malformed " + side +
                                          " value '" + f->second + "'");
                }
            }
            changes[key->second] = std::move(jc);
        }
        steps_json.push_back(
            {{"label", st.label}, {"time", st.time}, {"changes", std::move(changes)}});
    }
    json doc = {{"steps", std::move(steps_json)}};
    if (const auto* p = findDatum(data, kHistoryPositionKey)) {
        try {
            std::size_t used = 0;
            const std::string t = p->toString();
            const long long v = std::stoll(t, &used);
            if (used != t.size()) throw std::invalid_argument(t);
            doc["position"] = v;
        } catch (const std::exception&) {
            throw Error(file, "rangefinder:HistoryPosition (history) is not a whole number ('" +
                                  p->toString() + "')");
        }
    }
    return EditHistory::fromJson(doc.dump(), file);
}

Sidecar fromXmp(const Exiv2::XmpData& data, const std::string& file) {
    Sidecar s;
    s.path = file;
    if (const auto* v = findDatum(data, kVersionKey)) {
        try {
            s.formatVersion = std::stoi(v->toString());
        } catch (const std::exception&) {
            throw Error(file,
                        "rangefinder:Version is not a whole number ('" + v->toString() + "')");
        }
    }

    // Rebuild the JSON form of the edit document and let EditDocument validate it, so the
    // sidecar and the .json file share one set of rules (and one place that keeps unknowns).
    json doc = json::object();
    json params = json::object();
    auto parseValue = [&](const std::string& key, const std::string& text) {
        try {
            return parseJsonWithinLimits(text, file, "parameter '" + key + "'");
        } catch (const json::exception&) {  // parse_error, or out_of_range: 1e999
            throw Error(file, "parameter '" + key + "' has a malformed value '" + text + "'");
        }
    };
    for (const auto& [index, kv] : structBag(data, kParamsKey)) {
        if (kv.first.empty()) throw Error(file, "rangefinder:Param item without a Key");
        params[kv.first] = parseValue(kv.first, kv.second);
    }
    for (const auto& [index, kv] : structBag(data, kExtrasKey)) {
        if (kv.first.empty() || kv.first == "format" || kv.first == "version" ||
            kv.first == "params")
            continue;
        doc[kv.first] = parseValue(kv.first, kv.second);
    }
    doc["format"] = "rangefinder-edit";
    // A version 1 sidecar was written before stage versions: its edits are migrated. One
    // without rangefinder:Version (made by hand or by another tool) is taken as current.
    doc["version"] = s.formatVersion == 1 ? 1 : EditDocument::kFormatVersion;
    doc["params"] = std::move(params);
    std::map<std::string, int> written;
    s.edits = EditDocument::fromJson(doc.dump(), file, written);
    s.history = historyFromXmp(data, file);
    // The steps' values were written in the same meaning as the edits: migrated alike, so an
    // undo restores a value as today's release reads it.
    if (!written.empty())
        s.history.rewriteValues([&](const std::string& key, const std::optional<std::string>& v) {
            return EditDocument::migrateValue(key, v, written);
        });

    if (const auto* r = findDatum(data, "Xmp.xmp.Rating")) {
        // xmp:Rating is a Real in the spec; tools write "4", "4.0" or "-1".
        double v = 0;
        try {
            v = std::stod(r->toString());
        } catch (const std::exception&) {
            throw Error(file, "xmp:Rating is not a number ('" + r->toString() + "')");
        }
        // Out of range is reported, never quietly clamped: the next save would otherwise
        // rewrite another program's (or a hand edit's) value without anyone being told.
        if (!(v >= -1 && v <= 5))
            throw Error(file, "xmp:Rating " + r->toString() +
                                  " is outside -1 to 5 (-1 rejected, 0 unrated, 1 to 5 stars)");
        s.info.rating = std::clamp(static_cast<int>(std::lround(v)), -1, 5);
    }
    if (const auto* l = findDatum(data, "Xmp.xmp.Label")) s.info.label = l->toString();
    s.info.title = langAltDefault(data, "Xmp.dc.title");
    s.info.description = langAltDefault(data, "Xmp.dc.description");
    s.info.rights = langAltDefault(data, "Xmp.dc.rights");
    s.info.keywords = arrayItems(data, "Xmp.dc.subject");
    const auto creators = arrayItems(data, "Xmp.dc.creator");
    if (!creators.empty()) s.info.creator = creators.front();
    return s;
}

void eraseWhere(Exiv2::XmpData& data, const std::function<bool(const std::string&)>& pred) {
    for (auto it = data.begin(); it != data.end();) {
        if (pred(it->key()))
            it = data.erase(it);
        else
            ++it;
    }
}

bool isKeyOrChild(const std::string& k, const std::string& base) {
    return k == base || (k.size() > base.size() && k.compare(0, base.size(), base) == 0 &&
                         (k[base.size()] == '[' || k[base.size()] == '/'));
}

void writeStructBag(Exiv2::XmpData& data, const std::string& bagKey,
                    const std::vector<std::pair<std::string, std::string>>& items) {
    if (items.empty()) return;
    Exiv2::XmpTextValue tv("");
    tv.setXmpArrayType(Exiv2::XmpValue::xaBag);
    data.add(Exiv2::XmpKey(bagKey), &tv);
    Exiv2::XmpTextValue item("");
    item.setXmpStruct();
    long i = 1;
    for (const auto& [key, value] : items) {
        const std::string base = bagKey + "[" + std::to_string(i++) + "]";
        data.add(Exiv2::XmpKey(base), &item);
        data[base + "/rangefinder:Key"] = key;
        data[base + "/rangefinder:Value"] = value;
    }
}

// rangefinder:History is a seq (order matters) of step structs; each step's changes are a
// bag of {Key, Before, After} structs with JSON literals, like rangefinder:Params. An unset
// side is simply absent.
void writeHistory(Exiv2::XmpData& data, const EditHistory& h) {
    if (h.steps().empty()) return;
    data[kHistoryPositionKey] = std::to_string(h.position());
    Exiv2::XmpTextValue seq("");
    seq.setXmpArrayType(Exiv2::XmpValue::xaSeq);
    data.add(Exiv2::XmpKey(kHistoryKey), &seq);
    Exiv2::XmpTextValue item("");
    item.setXmpStruct();
    Exiv2::XmpTextValue bag("");
    bag.setXmpArrayType(Exiv2::XmpValue::xaBag);
    long i = 1;
    for (const auto& step : h.steps()) {
        const std::string base = kHistoryKey + "[" + std::to_string(i++) + "]";
        data.add(Exiv2::XmpKey(base), &item);
        data[base + "/rangefinder:Label"] = step.label;
        data[base + "/rangefinder:Time"] = step.time;
        const std::string changes = base + "/rangefinder:Changes";
        data.add(Exiv2::XmpKey(changes), &bag);
        long j = 1;
        for (const auto& [key, c] : step.changes) {
            const std::string cb = changes + "[" + std::to_string(j++) + "]";
            data.add(Exiv2::XmpKey(cb), &item);
            data[cb + "/rangefinder:Key"] = key;
            if (c.before) data[cb + "/rangefinder:Before"] = *c.before;
            if (c.after) data[cb + "/rangefinder:After"] = *c.after;
        }
    }
}

// Sets the x-default entry of a lang-alt property, keeping its other languages.
void setLangAlt(Exiv2::XmpData& data, const std::string& key, const std::string& text) {
    Exiv2::LangAltValue value;
    auto it = data.findKey(Exiv2::XmpKey(key));
    if (it != data.end()) {
        if (const auto* la = dynamic_cast<const Exiv2::LangAltValue*>(&it->value()))
            value.value_ = la->value_;
        data.erase(it);
    }
    if (text.empty())
        value.value_.erase("x-default");
    else
        value.value_["x-default"] = text;
    if (!value.value_.empty()) data.add(Exiv2::XmpKey(key), &value);
}

void setArray(Exiv2::XmpData& data, const std::string& key, Exiv2::TypeId type,
              const std::vector<std::string>& items) {
    eraseWhere(data, [&](const std::string& k) { return isKeyOrChild(k, key); });
    if (items.empty()) return;
    Exiv2::XmpArrayValue value(type);
    for (const auto& s : items) value.read(s);
    data.add(Exiv2::XmpKey(key), &value);
}

void setText(Exiv2::XmpData& data, const std::string& key, const std::string& text) {
    eraseWhere(data, [&](const std::string& k) { return isKeyOrChild(k, key); });
    if (!text.empty()) data[key] = text;
}

void applySidecar(Exiv2::XmpData& data, const Sidecar& s) {
    // Only the properties we write are replaced; any other rangefinder:* property (from a
    // newer version) is kept.
    eraseWhere(data, [](const std::string& k) {
        return isKeyOrChild(k, kVersionKey) || isKeyOrChild(k, kParamsKey) ||
               isKeyOrChild(k, kExtrasKey) || isKeyOrChild(k, kHistoryKey) ||
               isKeyOrChild(k, kHistoryPositionKey);
    });
    data[kVersionKey] = std::to_string(kSidecarFormatVersion);

    const json doc = json::parse(s.edits.toJson(-1));
    std::vector<std::pair<std::string, std::string>> params, extras;
    for (auto it = doc["params"].begin(); it != doc["params"].end(); ++it)
        params.emplace_back(it.key(), it.value().dump());
    for (auto it = doc.begin(); it != doc.end(); ++it)
        if (it.key() != "format" && it.key() != "version" && it.key() != "params")
            extras.emplace_back(it.key(), it.value().dump());
    writeStructBag(data, kParamsKey, params);
    writeStructBag(data, kExtrasKey, extras);
    writeHistory(data, s.history);

    setText(data, "Xmp.xmp.Rating", std::to_string(std::clamp(s.info.rating, -1, 5)));
    setText(data, "Xmp.xmp.Label", s.info.label);
    setLangAlt(data, "Xmp.dc.title", s.info.title);
    setLangAlt(data, "Xmp.dc.description", s.info.description);
    setLangAlt(data, "Xmp.dc.rights", s.info.rights);
    setArray(data, "Xmp.dc.subject", Exiv2::xmpBag, s.info.keywords);
    // dc:creator is a list of authors; we edit the first and keep any co-authors.
    std::vector<std::string> creators = arrayItems(data, "Xmp.dc.creator");
    if (!creators.empty()) creators.erase(creators.begin());
    if (!s.info.creator.empty()) creators.insert(creators.begin(), s.info.creator);
    setArray(data, "Xmp.dc.creator", Exiv2::xmpSeq, creators);
}

bool fileExists(const std::string& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

// Whether a sidecar is at `path`: false only when nothing is there. Anything there that is
// not a file we can read throws, so an export never goes ahead without the edits the
// photographer made.
bool sidecarIsAt(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR) {
            struct stat link {};
            if (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode))
                throw Error(path,
                            "the XMP sidecar is a symbolic link to a missing file; the photo's "
                            "edits cannot be read");
            return false;
        }
        throw Error(path, std::string("cannot read the XMP sidecar: ") + std::strerror(err), err);
    }
    if (S_ISDIR(st.st_mode))
        throw Error(path,
                    "the XMP sidecar is a folder, not a file; the photo's edits cannot be read");
    if (!S_ISREG(st.st_mode))
        throw Error(path,
                    "the XMP sidecar is not a regular file (a device, pipe or socket); the "
                    "photo's edits cannot be read");
    return true;
}

// One photo's turn at its sidecar: an exclusive flock on a hidden file beside the raw, shared
// by every process and thread. The lock file is removed by its holder before release; a
// waiter that then gets the lock on the removed file sees that the name now leads elsewhere
// (or nowhere) and starts again, so two holders never hold two different files at once.
// A folder where the lock file cannot be made is one where the sidecar cannot be written
// either: the save reports that, so the lock is skipped rather than failing first.
class PhotoLock {
  public:
    PhotoLock(const std::string& rawPath, const std::string& sidecar,
              std::chrono::milliseconds timeout) {
        const fs::path raw(rawPath);
        std::string name = raw.filename().string();
        name.insert(0, 1, '.').append(".xmp.lock");
        path_ = (raw.parent_path() / name).string();
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            // O_NOFOLLOW: a link planted at the name is refused, never followed; the file is
            // only opened, never written.
            fd_ = ::open(path_.c_str(), O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
            if (fd_ < 0) {
                const int err = errno;
                if (err == EINTR) continue;
                if (err == EACCES || err == EROFS || err == EPERM || err == ENOENT ||
                    err == ENOTDIR || err == ENOSPC || err == EDQUOT)
                    return;
                throw Error(sidecar,
                            "cannot lock the XMP sidecar (" + path_ + "): " + std::strerror(err),
                            err);
            }
            while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
                if (errno != EWOULDBLOCK && errno != EINTR) {
                    const int err = errno;
                    ::close(fd_);
                    fd_ = -1;
                    throw Error(
                        sidecar,
                        "cannot lock the XMP sidecar (" + path_ + "): " + std::strerror(err), err);
                }
                if (std::chrono::steady_clock::now() >= deadline) {
                    ::close(fd_);
                    fd_ = -1;
                    throw Error(sidecar,
                                "another program is changing this photo's XMP sidecar (its lock " +
                                    path_ + " has been held for over " +
                                    std::to_string(timeout.count()) +
                                    " ms); nothing was changed, try again");
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            struct stat held {};
            struct stat named {};
            if (::fstat(fd_, &held) == 0 && ::lstat(path_.c_str(), &named) == 0 &&
                held.st_dev == named.st_dev && held.st_ino == named.st_ino)
                return;
            ::close(fd_);  // the previous holder removed it: take the file now at the name
            fd_ = -1;
        }
    }
    ~PhotoLock() {
        if (fd_ < 0) return;
        ::unlink(path_.c_str());
        ::close(fd_);
    }
    PhotoLock(const PhotoLock&) = delete;
    PhotoLock& operator=(const PhotoLock&) = delete;

  private:
    std::string path_;
    int fd_ = -1;
};

void saveSidecarLocked(const std::string& rawPath, const Sidecar& sidecar, SidecarNaming naming);

}  // namespace

std::string sidecarPath(const std::string& rawPath, SidecarNaming naming) {
    if (naming == SidecarNaming::RawExtXmp) return rawPath + ".xmp";
    fs::path p(rawPath);
    p.replace_extension(".xmp");
    return p.string();
}

std::string findSidecar(const std::string& rawPath) {
    for (SidecarNaming n : {SidecarNaming::RawExtXmp, SidecarNaming::BaseNameXmp}) {
        const std::string p = sidecarPath(rawPath, n);
        if (p != rawPath && fileExists(p)) return p;
    }
    return {};
}

SidecarNaming sidecarNamingFor(const std::string& rawPath, SidecarNaming fallback) {
    const std::string existing = findSidecar(rawPath);
    if (existing.empty()) return fallback;
    return existing == sidecarPath(rawPath, SidecarNaming::BaseNameXmp) ? SidecarNaming::BaseNameXmp
                                                                        : SidecarNaming::RawExtXmp;
}

Sidecar loadSidecarFile(const std::string& sidecarFile) {
    const std::string text = readSidecarText(sidecarFile);
    const ExivSession session;
    return fromXmp(decodePacket(text, sidecarFile), sidecarFile);
}

Sidecar loadSidecar(const std::string& rawPath) {
    for (SidecarNaming n : {SidecarNaming::RawExtXmp, SidecarNaming::BaseNameXmp}) {
        const std::string p = sidecarPath(rawPath, n);
        if (p != rawPath && sidecarIsAt(p)) return loadSidecarFile(p);
    }
    return Sidecar{};
}

void saveSidecar(const std::string& rawPath, const Sidecar& sidecar, SidecarNaming naming) {
    const PhotoLock lock(rawPath, sidecarPath(rawPath, naming), kSidecarLockTimeout);
    saveSidecarLocked(rawPath, sidecar, naming);
}

Sidecar updateSidecar(const std::string& rawPath, const std::function<bool(Sidecar&)>& change,
                      SidecarNaming fallback, std::chrono::milliseconds timeout) {
    const PhotoLock lock(rawPath, sidecarPath(rawPath, sidecarNamingFor(rawPath, fallback)),
                         timeout);
    Sidecar s = loadSidecar(rawPath);
    if (!change(s)) return s;
    const SidecarNaming naming = sidecarNamingFor(rawPath, fallback);
    saveSidecarLocked(rawPath, s, naming);
    s.path = sidecarPath(rawPath, naming);
    return s;
}

namespace {

void saveSidecarLocked(const std::string& rawPath, const Sidecar& sidecar, SidecarNaming naming) {
    const std::string target = sidecarPath(rawPath, naming);
    if (target == rawPath) throw Error(rawPath, "a raw file cannot be its own sidecar");
    std::string packet;
    {
        const std::string existing = fileExists(target) ? readSidecarText(target) : std::string();
        const ExivSession session;
        // An unreadable sidecar throws here, before anything is written: it stays as it was.
        Exiv2::XmpData data = decodePacket(existing, target);
        applySidecar(data, sidecar);
        int rc = 0;
        try {
            rc = Exiv2::XmpParser::encode(packet, data, Exiv2::XmpParser::omitPacketWrapper);
        } catch (const std::exception& e) {
            throw Error(target, std::string("cannot encode the XMP sidecar: ") + e.what());
        }
        if (rc != 0 || packet.empty())
            throw Error(target,
                        "cannot encode the XMP sidecar (Exiv2 code " + std::to_string(rc) + ")");
        // Exiv2's writer does not escape everything it writes (a namespace URI holding a
        // quote comes out as broken XML): a packet that does not read back would make the
        // sidecar unreadable, so it is never written and the file on disk stays as it was.
        try {
            decodePacket(packet, target);
        } catch (const Error& e) {
            std::string why = e.what();
            if (why.starts_with(target + ": ")) why.erase(0, target.size() + 2);
            throw Error(target,
                        "cannot save the XMP sidecar: Exiv2 would write a file it cannot "
                        "read back (" +
                            why + ")");
        }
    }
    writeFileAtomically(target, packet);
}

}  // namespace

std::string quarantineSidecar(const std::string& sidecarFile) {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    const std::string base = sidecarFile + ".bad-" + stamp;
    for (int n = 1; n < 1000; ++n) {
        const std::string dest = n == 1 ? base : base + "-" + std::to_string(n);
        // link() refuses an existing destination, so an earlier quarantined file is never
        // replaced; the original name is removed only once the new one exists.
        if (::link(sidecarFile.c_str(), dest.c_str()) == 0) {
            if (::unlink(sidecarFile.c_str()) != 0)
                throw Error(sidecarFile,
                            std::string("cannot move the sidecar aside: ") + std::strerror(errno));
            return dest;
        }
        if (errno != EEXIST)
            throw Error(sidecarFile,
                        std::string("cannot move the sidecar aside: ") + std::strerror(errno));
    }
    throw Error(sidecarFile, "cannot move the sidecar aside: too many quarantined copies");
}

}  // namespace rf
