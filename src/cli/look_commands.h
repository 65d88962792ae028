// SPDX-License-Identifier: GPL-3.0-or-later
// The command-line side of looks: listing the library, importing a LUT as a user look,
// baking a look's colour into a .cube for other tools, and the helpers `export --look` uses
// to find looks by name and apply them to each photo's own edits. A bad look file is
// reported with its file, line and reason and never stops the others from being used.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rangefinder/looks.h"
#include "rangefinder/params.h"

namespace CLI {
class App;
}

namespace rf::cli {

/// The library read from `dirs` (the default folders when empty). Files that failed to load
/// are printed on stderr, one "warning: FILE:LINE: reason" each.
LookLibrary loadLooks(const std::vector<std::string>& dirs);

/// The looks named (by name or slug), in order, each once. Throws rf::Error naming the
/// unknown one and listing the looks there are.
std::vector<const Look*> findLooks(const LookLibrary& library,
                                   const std::vector<std::string>& names);

/// A photo's edits with `look` applied (withLook; the look they held, found in `library`, is
/// removed with its frame); a LUT the look names relative to its own
/// folder is given as an absolute path, so the render finds it whichever folders it searches.
EditDocument editsWithLook(const EditDocument& edits, const Look& look,
                           std::optional<double> strengthPercent, const LookLibrary& library);

/// The name template with a `{look}` field, added before the extension when it has none, so
/// exporting several looks writes one file per look.
std::string templateWithLook(const std::string& nameTemplate);

/// Registers `looks` (list, import, export-cube) on the app. `run` is set to the function to
/// call after parsing when one of them was chosen.
void addLookCommands(CLI::App& app, int (*&run)());

}  // namespace rf::cli
