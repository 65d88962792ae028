// SPDX-License-Identifier: GPL-3.0-or-later
// Look files (TOML, docs/looks.md) and the look library. The file's tables map onto the
// schema generically: the key `contrast` in the table `[tone]` is the parameter
// `look.tone.contrast`, so a parameter added to the schema is a look key at once, and every
// value goes through EditDocument's validating setters. Errors carry toml++'s source lines.
#include "rangefinder/looks.h"

#include <unistd.h>

#include <toml++/toml.h>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

#include "io/atomic_file.h"
#include "look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/lut.h"
#include "util/data_dirs.h"
#include "util/text.h"

namespace rf {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFormatMarker = "rangefinder-look";
// Look files are a few hundred bytes; the limits keep a corrupt or hostile file from costing
// memory and time when the library loads at start-up.
constexpr std::size_t kMaxLookFileBytes = 1 << 20;
constexpr std::size_t kMaxCurvePoints = 256;

std::string at(const std::string& source, const toml::source_region& where) {
    return source + ":" + std::to_string(where.begin.line) + ": ";
}

[[noreturn]] void fail(const std::string& source, const toml::source_region& where,
                       const std::string& reason) {
    throw Error(at(source, where) + reason);
}

std::string numberText(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : "0";
}

bool parseDouble(std::string_view s, double& out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && std::isfinite(out);
}

const char* typeName(const toml::node& n) {
    if (n.is_string()) return "a string";
    if (n.is_integer() || n.is_floating_point()) return "a number";
    if (n.is_boolean()) return "true/false";
    if (n.is_array()) return "an array";
    if (n.is_table()) return "a table";
    return "a date or time";
}

// ---- the schema as seen from a look file ------------------------------------------------

// Keys a look file may set: look.* without the two the application sets itself.
bool isLookFileKey(const ParamDecl& d) {
    return d.inLooks || (d.group == ParamGroup::Look && d.key.rfind("look.", 0) == 0 &&
                         d.key != "look.name" && d.key != "look.strength");
}

// A key a look sets outside its own group (its frame): written under its own table ([crop]).
bool isFramingKey(const ParamDecl& d) {
    return d.inLooks && d.group != ParamGroup::Look;
}

// Text parameters named *.curve hold control points, written in a file as [[x, y], …].
bool holdsPoints(const ParamDecl& d) {
    return d.type == ParamType::Text && d.key.size() > 6 &&
           d.key.compare(d.key.size() - 6, 6, ".curve") == 0;
}

// "tone.contrast" (the path inside the file) → "look.tone.contrast"; a framing key is its own
// path ("crop.aspect").
std::string schemaKey(const std::string& filePath) {
    if (const ParamDecl* d = findParam(filePath); d && isFramingKey(*d)) return filePath;
    std::string out = "look";
    std::size_t start = 0;
    while (start <= filePath.size()) {
        auto dot = filePath.find('.', start);
        std::string part = filePath.substr(start, dot == std::string::npos ? dot : dot - start);
        if (part == "colour") part = "color";
        out += "." + part;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return out;
}

// The tables a look file may hold ("tone", "hsl.red", …) and their keys, in schema order.
const std::vector<std::pair<std::string, std::vector<std::string>>>& lookTables() {
    static const auto tables = [] {
        std::vector<std::pair<std::string, std::vector<std::string>>> t;
        for (const auto& d : schema()) {
            if (!isLookFileKey(d)) continue;
            const std::string rest = isFramingKey(d) ? d.key : d.key.substr(5);
            const auto dot = rest.rfind('.');
            const std::string table = dot == std::string::npos ? "" : rest.substr(0, dot);
            const std::string leaf = rest.substr(dot + 1);
            auto it = std::find_if(t.begin(), t.end(), [&](auto& e) { return e.first == table; });
            if (it == t.end()) it = t.insert(t.end(), {table, {}});
            it->second.push_back(leaf);
        }
        return t;
    }();
    return tables;
}

std::string join(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ", ") + i;
    return s;
}

// What to say about a key the schema does not know: the keys its table takes, the tables
// under it, or the tables there are.
std::string unknownKeyReason(const std::string& path) {
    const std::string known = schemaKey(path).substr(5);
    const auto dot = known.rfind('.');
    const std::string table = dot == std::string::npos ? "" : known.substr(0, dot);
    const std::string top = known.substr(0, known.find('.'));
    std::vector<std::string> subtables, tops;
    for (const auto& [t, leaves] : lookTables()) {
        if (t == table)
            return "unknown key '" + path + "' ([" + table + "] takes: " + join(leaves) + ")";
        const auto tdot = t.find('.');
        if (tdot != std::string::npos && t.compare(0, tdot, top) == 0 && tdot == top.size())
            subtables.push_back(t.substr(tdot + 1));
        const std::string tt = tdot == std::string::npos ? t : t.substr(0, tdot) + ".<band>";
        if (std::find(tops.begin(), tops.end(), tt) == tops.end()) tops.push_back(tt);
    }
    if (!subtables.empty())
        return "unknown key '" + path + "' ([" + top + "] holds: " + join(subtables) + ")";
    return "unknown key '" + path + "' (tables: " + join(tops) +
           "; top-level keys: format, version, name, maker, description, category, strength)";
}

// ---- control points --------------------------------------------------------------------

using Points = std::vector<std::pair<double, double>>;

// Checks a curve: 2 … kMaxCurvePoints points in [0, 1] with increasing x. "" when fine.
std::string checkPoints(const Points& p) {
    if (p.size() < 2) return "a curve needs at least two points";
    if (p.size() > kMaxCurvePoints)
        return "a curve has at most " + std::to_string(kMaxCurvePoints) + " points, not " +
               std::to_string(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        const auto [x, y] = p[i];
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1))
            return "curve point " + std::to_string(i + 1) + " [" + numberText(x) + ", " +
                   numberText(y) + "] is outside [0, 1]";
        if (i && x <= p[i - 1].first)
            return "curve point " + std::to_string(i + 1) + " does not lie right of the previous";
    }
    return "";
}

std::string pointsText(const Points& p) {
    std::string s;
    for (const auto& [x, y] : p) s += (s.empty() ? "" : " ") + numberText(x) + "," + numberText(y);
    return s;
}

// Parses "x,y x,y …"; false when malformed.
bool parsePointsText(const std::string& text, Points& out) {
    std::istringstream in(text);
    std::string pair;
    while (in >> pair) {
        const auto comma = pair.find(',');
        double x, y;
        if (comma == std::string::npos ||
            !parseDouble(std::string_view(pair).substr(0, comma), x) ||
            !parseDouble(std::string_view(pair).substr(comma + 1), y))
            return false;
        out.emplace_back(x, y);
        if (out.size() > kMaxCurvePoints) return true;  // checkPoints names the limit
    }
    return true;
}

bool numberOf(const toml::node& n, double& out) {
    if (auto i = n.as_integer()) {
        out = double(i->get());
        return true;
    }
    if (auto f = n.as_floating_point()) {
        out = f->get();
        return true;
    }
    return false;
}

// Where the first control character in `text` is, or npos: C0 and DEL, and C1 (U+0080 …
// U+009F, two bytes in UTF-8), which a terminal may take as the start of an escape sequence.
// `allowed` lists C0 characters that are text here (a description's line breaks and tabs).
std::size_t findControl(const std::string& text, std::string_view allowed = {},
                        std::size_t from = 0) {
    for (std::size_t i = from; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 && allowed.find(char(c)) == std::string_view::npos) || c == 0x7f) return i;
        if (c == 0xc2 && i + 1 < text.size()) {
            const unsigned char next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0x9f) return i;
        }
    }
    return std::string::npos;
}

// "U+001B" for the control character at `at`.
std::string codePointAt(const std::string& text, std::size_t at) {
    const unsigned char c = static_cast<unsigned char>(text[at]);
    const unsigned cp = c == 0xc2 ? static_cast<unsigned char>(text[at + 1]) : c;
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", cp);
    return buf;
}

// Why `name` cannot be a look's name, or "".
std::string nameProblem(const std::string& name) {
    if (name.empty()) return "a look's name cannot be empty";
    if (const auto at = findControl(name); at != std::string::npos)
        return "a look's name is one line of plain text; this one holds the control character " +
               codePointAt(name, at);
    return "";
}

// True when `path`, absolute and lexically normal, lies inside `folder` (the same).
bool inside(const fs::path& path, const fs::path& folder) {
    const fs::path rel = path.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

// An absolute, lexically normal folder without a trailing separator (so it compares by parts).
fs::path normalFolder(const fs::path& dir) {
    std::error_code ec;
    fs::path f = fs::absolute(dir, ec).lexically_normal();
    if (!f.has_filename() && f.has_parent_path() && f != f.root_path()) f = f.parent_path();
    return f;
}

// ---- reading ---------------------------------------------------------------------------

struct Reader {
    const std::string& source;
    std::string baseDir;  // where a relative LUT must exist; "" to skip the check

    void setParam(EditDocument& doc, const std::string& path, const toml::node& v) {
        const std::string key = schemaKey(path);
        const ParamDecl* d = findParam(key);
        if (!d || !isLookFileKey(*d)) fail(source, v.source(), unknownKeyReason(path));
        // The setters check ranges and choices; their messages name the key, we add the line.
        auto set = [&](auto&& fn) {
            try {
                fn();
            } catch (const Error& e) {
                fail(source, v.source(), e.what());
            }
        };
        switch (d->type) {
            case ParamType::Float:
            case ParamType::Int: {
                double x;
                if (!numberOf(v, x))
                    fail(source, v.source(), "'" + path + "' takes a number, not " + typeName(v));
                set([&] { doc.setFloat(key, x); });
                break;
            }
            case ParamType::Bool:
                if (!v.is_boolean())
                    fail(source, v.source(),
                         "'" + path + "' takes true or false, not " + typeName(v));
                set([&] { doc.setBool(key, v.as_boolean()->get()); });
                break;
            case ParamType::Choice:
            case ParamType::Text:
                if (holdsPoints(*d)) {
                    const std::string points = readPoints(path, v);
                    set([&] { doc.setText(key, points); });
                    break;
                }
                if (!v.is_string())
                    fail(source, v.source(), "'" + path + "' takes a string, not " + typeName(v));
                if (key == "look.lut.file") checkLutPath(v);
                set([&] { doc.setText(key, v.as_string()->get()); });
                if (key == "look.lut.file" && !baseDir.empty()) checkLutFile(v);
                break;
        }
    }

    std::string readPoints(const std::string& path, const toml::node& v) {
        Points pts;
        if (auto s = v.as_string()) {
            if (!parsePointsText(s->get(), pts))
                fail(source, v.source(),
                     "'" + path + "' takes points \"x,y x,y …\", not '" + s->get() + "'");
        } else if (auto arr = v.as_array()) {
            if (arr->size() > kMaxCurvePoints)
                fail(source, v.source(),
                     "a curve has at most " + std::to_string(kMaxCurvePoints) + " points, not " +
                         std::to_string(arr->size()));
            for (const toml::node& p : *arr) {
                const toml::array* xy = p.as_array();
                double x, y;
                if (!xy || xy->size() != 2 || !numberOf(*xy->get(0), x) ||
                    !numberOf(*xy->get(1), y))
                    fail(source, p.source(),
                         "'" + path + "' takes points [x, y] of two numbers each");
                pts.emplace_back(x, y);
            }
        } else {
            fail(source, v.source(),
                 "'" + path + "' takes an array of [x, y] points, not " + typeName(v));
        }
        if (const std::string why = checkPoints(pts); !why.empty()) fail(source, v.source(), why);
        return pointsText(pts);
    }

    // A look file can be shared and dropped into a look folder, so the LUT it names is
    // confined to that folder: relative, and not climbing out with "..". Checked on the text
    // alone, before anything outside is looked at. (A path the user gives on the command line
    // or in the app is theirs to choose; that does not come through here.)
    void checkLutPath(const toml::node& v) {
        const std::string& text = v.as_string()->get();
        const fs::path file(text);
        const auto outside = [&](const std::string& why) {
            fail(source, v.source(),
                 "the LUT '" + printableText(text) + "' " + why +
                     "; a look file's LUT is a relative path inside the look's folder, such as "
                     "luts/NAME.cube (rangefinder-cli looks import copies a LUT there)");
        };
        if (text.empty()) return;
        if (findControl(text) != std::string::npos) outside("holds a control character");
        if (file.is_absolute() || file.has_root_name() || file.has_root_directory())
            outside("is an absolute path");
        const fs::path normal = file.lexically_normal();
        if (normal.empty() || *normal.begin() == ".." || normal == ".")
            outside("is outside the look's folder");
    }

    // The LUT must be there, be a regular file and not be larger than a LUT can be; a symbolic
    // link may not lead out of the folder either.
    void checkLutFile(const toml::node& v) {
        const std::string& text = v.as_string()->get();
        if (text.empty()) return;
        const fs::path folder = normalFolder(baseDir);
        const fs::path resolved = (folder / text).lexically_normal();
        const std::string shown = "the LUT '" + text + "' (" + resolved.string() + ")";
        std::error_code ec;
        const fs::path realFolder = fs::canonical(folder, ec);
        std::error_code lec;
        const fs::path realLut = fs::weakly_canonical(resolved, lec);
        if (!ec && !lec && !inside(realLut, realFolder))
            fail(source, v.source(),
                 shown + " is a symbolic link leading out of the look's folder, to " +
                     realLut.string() + "; a look file's LUT must be inside its folder");
        if (const std::string why = look::lutFileProblem(resolved.string()); !why.empty())
            fail(source, v.source(), shown + " " + why);
    }

    void readTable(EditDocument& doc, const toml::table& t, const std::string& prefix) {
        for (const auto& [k, v] : t) {
            const std::string path =
                prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
            if (const toml::table* sub = v.as_table())
                readTable(doc, *sub, path);
            else
                setParam(doc, path, v);
        }
    }

    std::string readString(const toml::node& v, const char* key) {
        if (!v.is_string()) fail(source, v.source(), std::string("'") + key + "' takes a string");
        return v.as_string()->get();
    }

    Look read(const std::string& text) {
        if (text.size() > kMaxLookFileBytes)
            throw Error(source + ": " + std::to_string(text.size()) +
                        " bytes is too large for a look file (at most " +
                        std::to_string(kMaxLookFileBytes / 1024) + " KiB)");
        toml::table root;
        try {
            root = toml::parse(text, source);
        } catch (const toml::parse_error& e) {
            throw Error(at(source, e.source()) + std::string(e.description()));
        }

        Look look;
        bool haveName = false;
        // The marker and the version first: a newer file is refused before its keys are read.
        if (const toml::node* f = root.get("format")) {
            if (readString(*f, "format") != kFormatMarker)
                fail(source, f->source(),
                     std::string("'format' must be \"") + kFormatMarker +
                         "\" (this is not a Rangefinder look file)");
        }
        if (const toml::node* ver = root.get("version")) {
            const auto* i = ver->as_integer();
            if (!i || i->get() < 1)
                fail(source, ver->source(), "'version' takes a whole number from 1");
            if (i->get() > Look::kFormatVersion)
                fail(source, ver->source(),
                     "this look file has format version " + std::to_string(i->get()) +
                         "; this Rangefinder reads version " +
                         std::to_string(Look::kFormatVersion) + " (a newer Rangefinder wrote it)");
            look.formatVersion = int(i->get());
        }
        for (const auto& [k, v] : root) {
            const std::string key(k.str());
            if (key == "format" || key == "version") continue;
            if (key == "name") {
                look.name = trim(readString(v, "name"));
                if (look.name.empty()) fail(source, v.source(), "'name' is empty");
                if (look.name.find('\n') != std::string::npos)
                    fail(source, v.source(), "'name' is a single line");
                // Names are printed to terminals and shown in the app: an escape sequence in
                // one would be obeyed there, not shown.
                if (const auto c = findControl(look.name); c != std::string::npos)
                    fail(source, v.source(),
                         "'name' holds the control character " + codePointAt(look.name, c) +
                             "; a name is one line of plain text");
                haveName = true;
            } else if (key == "maker") {
                look.maker = trim(readString(v, "maker"));
                if (const auto c = findControl(look.maker); c != std::string::npos)
                    fail(source, v.source(),
                         "'maker' holds the control character " + codePointAt(look.maker, c) +
                             "; a maker is one line of plain text");
            } else if (key == "description") {
                // Control characters are kept (toml++ makes every line break '\n') and
                // escaped wherever the text is printed.
                look.description = trim(readString(v, "description"));
            } else if (key == "category") {
                const std::string c = asciiLower(readString(v, "category"));
                if (c == "colour" || c == "color")
                    look.category = LookCategory::Color;
                else if (c == "monochrome")
                    look.category = LookCategory::Monochrome;
                else
                    fail(source, v.source(),
                         "'category' is \"colour\" or \"monochrome\", not \"" + printableText(c) +
                             "\"");
            } else if (key == "strength") {
                double s;
                if (!numberOf(v, s))
                    fail(source, v.source(),
                         std::string("'strength' takes a number, not ") + typeName(v));
                if (!(s >= 0 && s <= 100))
                    fail(source, v.source(), "'strength' is a percentage from 0 to 100");
                look.defaultStrength = s;
            } else if (const toml::table* t = v.as_table()) {
                readTable(look.params, *t, key);
            } else {
                fail(source, v.source(), unknownKeyReason(key));
            }
        }
        if (!haveName) throw Error(source + ":1: the look has no name (add a line: name = \"…\")");
        return look;
    }

    static std::string trim(const std::string& s) {
        const auto b = s.find_first_not_of(" \t\r\n");
        if (b == std::string::npos) return "";
        const auto e = s.find_last_not_of(" \t\r\n");
        return s.substr(b, e - b + 1);
    }
};

// ---- writing ---------------------------------------------------------------------------

// A TOML basic string's body; newlines stay literal inside a multi-line string.
std::string escaped(const std::string& s, bool multiline) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = s[i];
        switch (c) {
            case '"':
                // A multi-line string holds a lone double quote as it is (easier to read);
                // only a run of them could close it.
                out += multiline && (i + 1 == s.size() || s[i + 1] != '"') ? "\"" : "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += multiline ? "\n" : "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04X", c);
                    out += buf;
                } else {
                    out += char(c);
                }
        }
    }
    return out;
}

std::string quoted(const std::string& s) {
    return "\"" + escaped(s, false) + "\"";
}

std::string valueText(const EditDocument& doc, const ParamDecl& d) {
    switch (d.type) {
        case ParamType::Float:
        case ParamType::Int:
            return numberText(doc.getFloat(d.key));
        case ParamType::Bool:
            return doc.getBool(d.key) ? "true" : "false";
        case ParamType::Choice:
        case ParamType::Text:
            break;
    }
    const std::string text = doc.getText(d.key);
    if (!holdsPoints(d)) return quoted(text);
    Points pts;
    if (!parsePointsText(text, pts) || !checkPoints(pts).empty())
        throw Error("the look curve '" + text + "' is not a list of points \"x,y x,y …\"");
    std::string out = "[";
    for (std::size_t i = 0; i < pts.size(); ++i)
        out +=
            (i ? ", [" : "[") + numberText(pts[i].first) + ", " + numberText(pts[i].second) + "]";
    return out + "]";
}

bool sameContent(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::file_size(a, ec) != fs::file_size(b, ec) || ec) return false;
    return readTextFile(a.string()) == readTextFile(b.string());
}

// Where the look's LUT is, or "" when it has none.
fs::path lutOf(const Look& look) {
    if (!look.params.isSet("look.lut.file")) return {};
    const fs::path lut = look.params.getText("look.lut.file");
    return lut.is_absolute() ? lut : fs::path(look.path).parent_path() / lut;
}

bool lessIgnoringCase(const std::string& a, const std::string& b) {
    const std::string la = asciiLower(a), lb = asciiLower(b);
    return la != lb ? la < lb : a < b;
}

}  // namespace

std::string printableText(const std::string& text, bool keepLineBreaks) {
    std::string out;
    out.reserve(text.size());
    const std::string_view allowed = keepLineBreaks ? std::string_view("\n\t") : std::string_view();
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = findControl(text, allowed, i);
        if (at == std::string::npos) {
            out.append(text, i, std::string::npos);
            break;
        }
        out.append(text, i, at - i);
        i = at;
        const unsigned char c = static_cast<unsigned char>(text[i]);
        char buf[16];
        if (c == 0xc2) {
            std::snprintf(buf, sizeof buf, "\\u%04x",
                          unsigned(static_cast<unsigned char>(text[i + 1])));
            i += 2;
        } else {
            std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
            i += 1;
        }
        out += buf;
    }
    return out;
}

const char* lookCategoryName(LookCategory c) {
    return c == LookCategory::Monochrome ? "monochrome" : "colour";
}

Look parseLook(const std::string& text, const std::string& source) {
    return Reader{source, ""}.read(text);
}

Look loadLook(const std::string& path) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec && size > kMaxLookFileBytes)
        throw Error(path + ": " + std::to_string(size) +
                    " bytes is too large for a look file (at most " +
                    std::to_string(kMaxLookFileBytes / 1024) + " KiB)");
    const std::string text = readTextFile(path);
    Look look = Reader{path, fs::path(path).parent_path().string()}.read(text);
    if (look.path.empty()) look.path = path;
    return look;
}

std::string formatLook(const Look& look) {
    if (look.name.empty()) throw Error("a look needs a name to be written");
    if (const std::string why = nameProblem(look.name); !why.empty())
        throw Error("cannot write the look '" + printableText(look.name) + "': " + why);
    std::string out = "# A Rangefinder look. docs/looks.md describes every key.\n";
    out += "format = \"" + std::string(kFormatMarker) + "\"\n";
    out += "version = " + std::to_string(Look::kFormatVersion) + "\n";
    out += "name = " + quoted(look.name) + "\n";
    if (!look.maker.empty()) out += "maker = " + quoted(look.maker) + "\n";
    if (!look.description.empty())
        out += "description = \"\"\"\n" + escaped(look.description, true) + "\n\"\"\"\n";
    out += "category = \"" + std::string(lookCategoryName(look.category)) + "\"\n";
    out += "strength = " + numberText(look.defaultStrength) + "\n";

    for (const std::string& key : look.params.keys()) {
        const ParamDecl* d = findParam(key);
        if (!d || !isLookFileKey(*d))
            throw Error("look '" + look.name + "' sets '" + key +
                        "', which a look file cannot hold");
    }
    // Tables and keys in schema order, so files diff well.
    for (const auto& [table, leaves] : lookTables()) {
        std::string body;
        for (const auto& leaf : leaves) {
            const ParamDecl* d = findParam(schemaKey(table + "." + leaf));
            if (d && look.params.isSet(d->key))
                body += leaf + " = " + valueText(look.params, *d) + "\n";
        }
        if (!body.empty()) out += "\n[" + table + "]\n" + body;
    }
    return out;
}

void saveLook(const std::string& path, const Look& look) {
    writeFileAtomically(path, formatLook(look));
}

std::string lookSlug(const std::string& name) {
    std::string slug;
    bool dash = false;
    for (unsigned char c : name) {
        // ASCII letters and digits stay (lowercased); UTF-8 sequences stay as they are; the
        // rest (spaces, punctuation, slashes) becomes one dash.
        if (std::isalnum(c) || c >= 0x80) {
            if (dash && !slug.empty()) slug += '-';
            dash = false;
            slug += char(std::tolower(c));
        } else {
            dash = true;
        }
    }
    return slug.empty() ? "look" : slug;
}

std::string userLookDir() {
    return userDataDir("looks");
}

std::vector<std::string> defaultLookDirs() {
    return dataDirs("RANGEFINDER_LOOKS_PATH", "looks");
}

LookLibrary LookLibrary::load(const std::vector<std::string>& dirs) {
    LookLibrary lib;
    lib.dirs_ = dirs;
    std::map<std::string, Look> byName;  // lower-case name → look
    for (const auto& dir : dirs) {
        std::error_code ec;
        if (!fs::exists(dir, ec)) continue;
        fs::directory_iterator it(dir, ec);
        if (ec) {
            lib.errors_.push_back({dir, dir + ": cannot read the folder: " + ec.message()});
            continue;
        }
        std::vector<std::string> files;
        for (const auto& entry : it) {
            const std::string name = entry.path().filename().string();
            std::error_code fec;
            // Dot files are editors' and our own temporary files.
            if (name.empty() || name[0] == '.' || !entry.is_regular_file(fec)) continue;
            if (asciiLower(entry.path().extension().string()) == ".look")
                files.push_back(entry.path().string());
        }
        std::sort(files.begin(), files.end());
        std::map<std::string, std::string> seenHere;  // lower-case name → file, this folder
        for (const auto& file : files) {
            try {
                Look look = loadLook(file);
                const std::string key = asciiLower(look.name);
                if (auto dup = seenHere.find(key); dup != seenHere.end()) {
                    lib.errors_.push_back({file, file + ": a look named '" + look.name +
                                                     "' is already defined by " + dup->second});
                    continue;
                }
                seenHere[key] = file;
                byName[key] = std::move(look);
            } catch (const Error& e) {
                lib.errors_.push_back({file, e.what()});
            }
        }
    }
    for (auto& [_, look] : byName) lib.looks_.push_back(std::move(look));
    // Grouped by maker (looks without one last), then by name.
    std::sort(lib.looks_.begin(), lib.looks_.end(), [](const Look& a, const Look& b) {
        if (a.maker.empty() != b.maker.empty()) return b.maker.empty();
        if (asciiLower(a.maker) != asciiLower(b.maker)) return lessIgnoringCase(a.maker, b.maker);
        return lessIgnoringCase(a.name, b.name);
    });
    return lib;
}

const Look* LookLibrary::find(const std::string& name) const {
    const std::string lower = asciiLower(name);
    for (const auto& l : looks_)
        if (asciiLower(l.name) == lower) return &l;
    const std::string slug = lookSlug(name);
    for (const auto& l : looks_)
        if (lookSlug(l.name) == slug) return &l;
    return nullptr;
}

EditDocument withLook(const EditDocument& edits, const Look& look,
                      std::optional<double> strengthPercent, const Look* previous) {
    EditDocument out = withoutLook(edits, previous);
    out.merge(look.params);
    out.setText("look.name", look.name);
    out.setFloat("look.strength", strengthPercent.value_or(look.defaultStrength));
    return out;
}

EditDocument withoutLook(const EditDocument& edits, const Look* current) {
    EditDocument out = edits;
    out.resetGroup(ParamGroup::Look);
    // The frame the look set goes with it, unless the photographer has chosen another since.
    if (current)
        for (const std::string& key : current->params.keys())
            if (const ParamDecl* d = findParam(key);
                d && isFramingKey(*d) && out.valueJson(key) == current->params.valueJson(key))
                out.reset(key);
    return out;
}

Look importLutAsLook(const std::string& lutPath, const std::string& dir, const std::string& name,
                     const std::string& encoding) {
    const ParamDecl* enc = findParam("look.lut.encoding");
    if (std::find(enc->choices.begin(), enc->choices.end(), encoding) == enc->choices.end())
        throw Error("unknown LUT encoding '" + encoding + "' (srgb, rec2020 or display-p3)");
    readLut(lutPath);  // refuses anything that is not a usable LUT, naming the file and line
    const fs::path source(lutPath);
    const std::string lookName = Reader::trim(name.empty() ? source.stem().string() : name);
    if (const std::string why = nameProblem(lookName); !why.empty())
        throw Error(printableText(lutPath),
                    why + " ('" + printableText(lookName) + "'; give the look another name)");

    std::error_code ec;
    fs::create_directories(fs::path(dir) / "luts", ec);
    if (ec) throw Error(dir, "cannot create the look folder: " + ec.message());

    // Importing the same LUT under the same name again is not an error: it is already there.
    const LookLibrary existing = LookLibrary::load({dir});
    if (const Look* same = existing.find(lookName)) {
        const fs::path lut = lutOf(*same);
        if (!lut.empty() && sameContent(lut, source) &&
            same->params.getText("look.lut.encoding") == encoding)
            return *same;
        throw Error(lutPath, "a look named '" + same->name + "' already exists (" + same->path +
                                 "); choose another name");
    }
    const fs::path lookPath = fs::path(dir) / (lookSlug(lookName) + ".look");
    if (fs::exists(lookPath, ec))
        throw Error(lutPath,
                    "the look file " + lookPath.string() + " already exists; choose another name");

    // The LUT goes into luts/ under its own name, or a numbered one if a different LUT has it.
    fs::path target = fs::path(dir) / "luts" / source.filename();
    for (int n = 2; fs::exists(target, ec) && !sameContent(target, source); ++n)
        target = fs::path(dir) / "luts" /
                 (source.stem().string() + "-" + std::to_string(n) + source.extension().string());
    // Read again through the same checks: the file validated above may have been swapped.
    if (!fs::exists(target, ec))
        writeFileAtomically(target.string(),
                            look::readLutFileBytes(lutPath, look::kMaxCubeFileBytes, "a LUT"));

    Look look;
    look.name = lookName;
    look.description = "Imported from " + source.filename().string();
    look.category = LookCategory::Color;
    look.defaultStrength = 100;
    look.params.setText("look.lut.file", "luts/" + target.filename().string());
    look.params.setText("look.lut.encoding", encoding);
    saveLook(lookPath.string(), look);
    return loadLook(lookPath.string());
}

}  // namespace rf
