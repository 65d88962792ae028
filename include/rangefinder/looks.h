// SPDX-License-Identifier: GPL-3.0-or-later
// Look files and the look library. A look is a data file, not code: a small TOML document
// (docs/looks.md) with a name, a description, a category and a default strength, and a
// partial edit document in the ordinary parameter schema: its `[tone]` table's `contrast`
// is the parameter `look.tone.contrast`, and so on, so applying a look is merging it onto the
// photo's edits, after which the photographer can still move every one of its sliders.
//
// The library is every `*.look` file in the installed folder (share/rangefinder/looks, or
// the source tree's `looks/` when run from a build) and in the user's folder
// ($XDG_DATA_HOME/rangefinder/looks, by default ~/.local/share/rangefinder/looks); a user
// look with the name of an installed one replaces it. A malformed file is reported with its
// name, line and reason, and the rest still load.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rangefinder/params.h"

namespace rf {

enum class LookCategory { Color, Monochrome };

struct Look {
    static constexpr int kFormatVersion = 1;

    std::string name;
    std::string maker;  ///< whose rendering inspired it ("Leica", "Hasselblad"); "" for none
    std::string description;
    LookCategory category = LookCategory::Color;
    double defaultStrength = 100;  ///< percent
    /// look.* keys (look.name and look.strength unset), and the framing keys a look may set
    /// (crop.aspect: ParamDecl::inLooks)
    EditDocument params;
    std::string path;  ///< the file it came from ("" when built in memory)
    int formatVersion = kFormatVersion;
};

const char* lookCategoryName(LookCategory c);  ///< "colour", "monochrome"

/// `text` safe to print to a terminal: control characters (C0, DEL and, as UTF-8, C1) become
/// visible escapes (ESC → "\x1b", U+009B → "\u009b"), so a look's name, description or file
/// name cannot move the cursor, recolour or retitle the terminal. With `keepLineBreaks`, line
/// breaks and tabs stay as they are. Names never hold control characters (loading refuses
/// them); descriptions and file names can.
std::string printableText(const std::string& text, bool keepLineBreaks = false);

/// Parses a look file's text. Throws rf::Error "SOURCE:LINE: reason" for TOML syntax
/// errors, unknown keys, values of the wrong type or out of range, a missing name or one
/// holding a control character, a LUT path that is absolute or climbs out of the look's
/// folder, or a newer format version. loadLook also checks the LUT: a regular file within the
/// size a LUT can have, inside the look's folder after symbolic links (docs/looks.md).
Look parseLook(const std::string& text, const std::string& source);
Look loadLook(const std::string& path);

/// The TOML text of a look (what `looks import` writes and what parseLook reads back).
std::string formatLook(const Look& look);
/// Writes a look file atomically; throws rf::Error naming the file on failure.
void saveLook(const std::string& path, const Look& look);

/// A file-system-safe stem for a look's file: "Leica Authentic" → "leica-authentic".
std::string lookSlug(const std::string& name);

/// The folders looks are read from, lowest priority first: the installed folder (or the
/// source tree's `looks/` next to a build), then the user's folder. `RANGEFINDER_LOOKS_PATH`
/// (colon-separated), when set, is used instead of the installed folder.
std::vector<std::string> defaultLookDirs();
/// The user's look folder ($XDG_DATA_HOME/rangefinder/looks or ~/.local/share/…); it may
/// not exist yet.
std::string userLookDir();

struct LookLoadError {
    std::string path;
    std::string message;  ///< "FILE:LINE: reason"
};

class LookLibrary {
  public:
    /// Loads every *.look in `dirs` (missing folders are skipped); later folders override
    /// earlier ones by name (case-insensitive).
    static LookLibrary load(const std::vector<std::string>& dirs = defaultLookDirs());

    /// Grouped by maker (in order of the maker's name; looks without one last), each group
    /// sorted by name.
    const std::vector<Look>& looks() const { return looks_; }
    const std::vector<LookLoadError>& errors() const { return errors_; }
    const std::vector<std::string>& dirs() const { return dirs_; }
    /// By name, case-insensitive; also accepts the slug ("leica-vibrant").
    const Look* find(const std::string& name) const;

  private:
    std::vector<Look> looks_;
    std::vector<LookLoadError> errors_;
    std::vector<std::string> dirs_;
};

/// Applies a look to edits: removes the look they hold (`previous`, when known: see
/// withoutLook), merges the look's parameters, and sets look.name and look.strength
/// (`strengthPercent`, or the look's default). Every other group is left as it was, but for
/// the frame a look may set (crop.aspect).
EditDocument withLook(const EditDocument& edits, const Look& look,
                      std::optional<double> strengthPercent = std::nullopt,
                      const Look* previous = nullptr);
/// Clears the look group; with the look the edits hold (`current`), also the frame it set,
/// where the photographer has not changed it since.
EditDocument withoutLook(const EditDocument& edits, const Look* current = nullptr);

/// Turns a LUT (.cube or Hald CLUT) into a user look: copies it into `dir` (created if
/// needed) beside a new `<slug>.look` that references it, with `encoding` as its input
/// encoding ("srgb", "rec2020", "display-p3"). The LUT is read and validated first; errors
/// throw rf::Error naming the file. Returns the new look (with its path).
Look importLutAsLook(const std::string& lutPath, const std::string& dir,
                     const std::string& name = "", const std::string& encoding = "srgb");

}  // namespace rf
