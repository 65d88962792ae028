// SPDX-License-Identifier: GPL-3.0-or-later
// The command-line side of sidecars: rating and labelling photos, and showing, copying,
// resetting, undoing and redoing their edits. Every command reads the sidecar, changes what
// it was asked to, records the change in the edit history and saves atomically; the raw file
// is never opened for writing. A file whose sidecar cannot be read is reported by name and
// left alone, and the command goes on with the others.
#pragma once

#include <string>
#include <vector>

#include "rangefinder/params.h"
#include "rangefinder/sidecar.h"

namespace CLI {
class App;
}

namespace rf::cli {

struct SidecarOptions {
    std::string naming = "raw-ext";  ///< raw-ext: NAME.EXT.xmp; base: NAME.xmp
};

/// Where edits of `raw` are saved: beside an existing sidecar if there is one (whatever its
/// naming), else under the chosen convention.
SidecarNaming namingFor(const std::string& raw, const SidecarOptions& o);

/// Parses "look,tone,colour" into groups; throws rf::Error for an unknown name.
std::vector<ParamGroup> parseGroups(const std::string& list);

/// Registers `edits` (show, copy, reset, undo, redo) and `rate` on the app. `run` is set to
/// the function to call after parsing when one of them was chosen.
void addSidecarCommands(CLI::App& app, int (*&run)());

}  // namespace rf::cli
