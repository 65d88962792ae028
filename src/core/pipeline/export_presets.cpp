// SPDX-License-Identifier: GPL-3.0-or-later
// Export settings as JSON documents and export presets as files (export_presets.h). Every
// value is read and written through the export schema's rows, so a preset file, the
// command line and the dialog spell a value the same way and a file can hold no setting the
// schema does not declare.
#include "rangefinder/export_presets.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "rangefinder/error.h"
#include "rangefinder/export_schema.h"
#include "rangefinder/limits.h"
#include "util/data_dirs.h"
#include "util/json_input.h"

namespace rf {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr char kPresetFormat[] = "rangefinder-export-preset";
constexpr int kPresetVersion = 1;
constexpr char kExtension[] = ".json";

template <class Json>
Json valueJson(const ExportValue& v) {
    if (const auto* b = std::get_if<bool>(&v)) return *b;
    if (const auto* i = std::get_if<int>(&v)) return *i;
    if (const auto* d = std::get_if<double>(&v)) return *d;
    return std::get<std::string>(v);
}

// A JSON value as the schema takes it; containers and null have no meaning for a setting.
ExportValue jsonValue(const ExportSettingDecl& d, const json& v) {
    if (v.is_boolean()) return v.get<bool>();
    if (v.is_number_integer()) {
        const auto i = v.get<long long>();
        if (i >= -1000000000LL && i <= 1000000000LL) return int(i);
        return double(i);
    }
    if (v.is_number()) return v.get<double>();
    if (v.is_string()) return v.get<std::string>();
    throw Error(d.key + ": " + v.dump() + " is not a value (" +
                (d.allowedText().empty() ? std::string("text") : d.allowedText()) + ")");
}

// In the schema's order, which is the dialog's: nlohmann's json would sort the keys.
nlohmann::ordered_json settingsJson(const ExportSettings& s) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& d : exportSchema()) out[d.key] = valueJson<nlohmann::ordered_json>(d.get(s));
    return out;
}

// Applies the object `settings` (found under `section` of its file, "" for a whole document)
// over `out`; errors name `where` and the key.
void applySettings(const json& settings, const std::string& where, const std::string& section,
                   ExportSettings& out) {
    const std::string prefix = section.empty() ? "" : section + ".";
    if (!settings.is_object())
        throw Error(where,
                    (section.empty() ? "" : section + ": ") + "must be a JSON object of settings");
    ExportSettings changed = out;
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const ExportSettingDecl* d = findExportSetting(it.key());
        if (!d) {
            std::string known;
            for (const auto& k : exportSchema()) known += (known.empty() ? "" : ", ") + k.key;
            throw Error(where, prefix + it.key() + ": unknown setting (settings: " + known + ")");
        }
        try {
            d->set(changed, checkExportValue(*d, jsonValue(*d, it.value())));
        } catch (const Error& e) {
            throw Error(where, prefix + e.what());
        }
    }
    out = changed;
}

json parseDocument(const std::string& text, const std::string& where, const std::string& what) {
    try {
        return parseJsonWithinLimits(text, where, what);
    } catch (const json::exception& e) {  // parse_error, or out_of_range: 1e999
        throw Error(where, std::string("not valid JSON: ") + e.what());
    }
}

// Files named <name>.json in `dir`, by name; dot files are editors' and our temporaries.
std::map<std::string, std::string> presetFilesIn(const std::string& dir,
                                                 std::vector<std::string>* errors) {
    std::map<std::string, std::string> files;
    std::error_code ec;
    if (!fs::exists(dir, ec)) return files;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        if (errors) errors->push_back(dir + ": cannot read the folder: " + ec.message());
        return files;
    }
    for (const auto& entry : it) {
        const fs::path p = entry.path();
        const std::string file = p.filename().string();
        std::error_code fec;
        if (file.empty() || file[0] == '.' || p.extension() != kExtension ||
            !entry.is_regular_file(fec))
            continue;
        files[p.stem().string()] = p.string();
    }
    return files;
}

}  // namespace

std::string exportSettingsToJson(const ExportSettings& settings) {
    return settingsJson(settings).dump(2);
}

ExportSettings exportSettingsFromJson(const std::string& text, const std::string& where,
                                      const ExportSettings& base) {
    ExportSettings out = base;
    applySettings(parseDocument(text, where, "export settings"), where, "", out);
    return out;
}

std::string userExportPresetDir() {
    return userDataDir("export-presets");
}

std::vector<std::string> defaultExportPresetDirs() {
    return dataDirs("RANGEFINDER_EXPORT_PRESETS_PATH", "export-presets");
}

const std::vector<std::pair<std::string, std::string>>& builtinExportPresets();

namespace {

// A preset's text, from a file (`path`) or compiled in (`path` names it for messages).
ExportPresetFile parsePreset(const std::string& source, const std::string& path,
                             const std::string& name) {
    const json doc = parseDocument(source, path, "export preset");
    if (!doc.is_object()) throw Error(path, "an export preset must be a JSON object");
    ExportPresetFile p;
    p.path = path;
    p.name = name;
    const auto text = [&](const char* key) {
        const json& v = doc.at(key);
        if (!v.is_string()) throw Error(path, std::string(key) + ": must be text");
        return v.get<std::string>();
    };
    for (auto it = doc.begin(); it != doc.end(); ++it) {
        const std::string& key = it.key();
        if (key == "format") {
            if (text("format") != kPresetFormat)
                throw Error(path, std::string("format: not \"") + kPresetFormat +
                                      "\": this is not a Rangefinder export preset");
        } else if (key == "version") {
            if (!it->is_number_integer() || it->get<long long>() < 1)
                throw Error(path, "version: must be a whole number from 1");
            if (it->get<long long>() > kPresetVersion)
                throw Error(path, "version: " + it->dump() +
                                      " is newer than this Rangefinder reads (version " +
                                      std::to_string(kPresetVersion) + ")");
        } else if (key == "label") {
            p.label = text("label");
        } else if (key == "description") {
            p.description = text("description");
        } else if (key == "order") {
            if (!it->is_number_integer() || it->get<long long>() < -1000000 ||
                it->get<long long>() > 1000000)
                throw Error(path, "order: must be a whole number");
            p.order = it->get<int>();
        } else if (key != "settings") {
            throw Error(path, key +
                                  ": unknown key (keys: format, version, label, description, "
                                  "order, settings)");
        }
    }
    if (!doc.contains("format"))
        throw Error(path, std::string("format: missing (\"") + kPresetFormat + "\")");
    if (p.label.empty()) p.label = p.name;
    if (doc.contains("settings")) applySettings(doc["settings"], path, "settings", p.settings);
    return p;
}

ExportPresetFile builtinPreset(const std::string& name, const std::string& text) {
    return parsePreset(text, "(built-in preset " + name + ")", name);
}

}  // namespace

std::string exportPresetFileText(const ExportPresetFile& preset) {
    nlohmann::ordered_json doc;
    doc["format"] = kPresetFormat;
    doc["version"] = kPresetVersion;
    doc["label"] = preset.label;
    if (!preset.description.empty()) doc["description"] = preset.description;
    doc["order"] = preset.order;
    doc["settings"] = settingsJson(preset.settings);
    return doc.dump(2) + "\n";
}

ExportPresetFile loadExportPresetFile(const std::string& path) {
    return parsePreset(readTextFile(path, resourceLimits().maxEditDocumentBytes, "export preset"),
                       path, fs::path(path).stem().string());
}

ExportPresetList loadExportPresets(const std::vector<std::string>& dirs) {
    ExportPresetList list;
    std::map<std::string, std::string> byName;  // a later folder's file of a name wins
    for (const auto& dir : dirs)
        for (const auto& [name, path] : presetFilesIn(dir, &list.errors)) byName[name] = path;
    for (const auto& [name, path] : byName) {
        try {
            list.presets.push_back(loadExportPresetFile(path));
        } catch (const Error& e) {
            list.errors.push_back(e.what());
        }
    }
    // The compiled-in presets where no file of their name was found.
    for (const auto& [name, text] : builtinExportPresets())
        if (!byName.count(name)) list.presets.push_back(builtinPreset(name, text));
    std::stable_sort(list.presets.begin(), list.presets.end(),
                     [](const ExportPresetFile& a, const ExportPresetFile& b) {
                         return a.order != b.order ? a.order < b.order : a.name < b.name;
                     });
    return list;
}

ExportPresetFile findExportPreset(const std::string& name, const std::vector<std::string>& dirs) {
    std::string found;
    std::vector<std::string> names;
    for (const auto& dir : dirs) {
        for (const auto& [n, path] : presetFilesIn(dir, nullptr)) {
            if (n == name) found = path;
            if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
        }
    }
    if (found.empty()) {
        for (const auto& [n, text] : builtinExportPresets()) {
            if (n == name) return builtinPreset(n, text);
            if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
        }
        std::sort(names.begin(), names.end());
        std::string list;
        for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
        throw Error("unknown preset '" + name + "' (presets: " +
                    (list.empty() ? "none found in the export-presets folders" : list) + ")");
    }
    return loadExportPresetFile(found);
}

ExportSettings exportPreset(const std::string& name) {
    return findExportPreset(name, defaultExportPresetDirs()).settings;
}

}  // namespace rf
