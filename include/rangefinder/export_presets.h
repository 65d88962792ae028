// SPDX-License-Identifier: GPL-3.0-or-later
// Export presets are data files, as looks are: one JSON file per preset in an export-presets
// folder, its name (the file name without .json) what `--preset` takes, its settings read
// through the export schema (export_schema.h), so a preset can set exactly what the command
// line and the dialog can, under the same keys and spellings. The built-in "web" and "full"
// ship as files in the installed folder; a person adds or overrides presets in their own
// folder. A malformed file is refused with its path and the offending key.
//
//     {
//       "format": "rangefinder-export-preset",
//       "version": 1,
//       "label": "Web",
//       "description": "2048 px long edge, JPEG q85, sRGB, screen sharpening…",
//       "order": 1,
//       "settings": { "size": "long:2048", "quality": 85, "progressive": true }
//     }
//
// Settings a preset leaves out keep the schema's defaults (those of ExportSettings{}).
#pragma once

#include <string>
#include <vector>

#include "rangefinder/export.h"

namespace rf {

struct ExportPresetFile {
    std::string name;         ///< the file name without ".json": what --preset takes
    std::string label;        ///< for people ("Full size"); the name when the file has none
    std::string description;  ///< one line for help texts
    int order = 100;          ///< lists show presets by order, then name
    std::string path;
    ExportSettings settings;
};

/// Where presets are looked for, lowest priority first: RANGEFINDER_EXPORT_PRESETS_PATH
/// (colon-separated) if set, else the installed folder (or, run from a build tree, the source
/// tree's export-presets/); then the user's folder ($XDG_DATA_HOME/rangefinder/export-presets
/// or ~/.local/share/rangefinder/export-presets). A later folder's preset of the same name
/// wins.
std::vector<std::string> defaultExportPresetDirs();
std::string userExportPresetDir();

/// Reads one preset file. Throws rf::Error naming the file, and the key when one is wrong
/// (an unknown key, a value the schema refuses, malformed JSON, the wrong "format").
ExportPresetFile loadExportPresetFile(const std::string& path);
/// The preset as its file holds it: every declared setting, so the file shows all of them.
std::string exportPresetFileText(const ExportPresetFile& preset);

struct ExportPresetList {
    std::vector<ExportPresetFile> presets;  ///< by order, then name; one per name
    std::vector<std::string> errors;        ///< files refused, each naming the file
};
/// Every preset in `dirs` (a missing folder is skipped).
ExportPresetList loadExportPresets(const std::vector<std::string>& dirs);

/// The preset of that name from `dirs` (the last folder holding it wins). Throws rf::Error
/// for an unknown name (listing the presets there) or a malformed file.
ExportPresetFile findExportPreset(const std::string& name, const std::vector<std::string>& dirs);

}  // namespace rf
