// SPDX-License-Identifier: GPL-3.0-or-later
// Where Rangefinder's data folders are (looks, export presets): one rule for every kind.
// An environment variable's colon-separated list replaces the shipped folder; otherwise the
// installed folder, or, for a program run where it was built, the source tree's folder
// (found from the executable's path); and always, last so it overrides, the user's folder
// under $XDG_DATA_HOME (or ~/.local/share)/rangefinder.
#pragma once

#include <string>
#include <vector>

namespace rf {

/// The user's folder of a kind: $XDG_DATA_HOME/rangefinder/<name> (an absolute XDG_DATA_HOME
/// only, as the XDG spec says), else ~/.local/share/rangefinder/<name>.
std::string userDataDir(const std::string& name);

/// The folders of a kind, in the order their files override each other (later wins):
/// `envVar`'s list, or `installedDir`, or the source tree's `<name>` folder; then the user's.
std::vector<std::string> dataDirs(const char* envVar, const std::string& installedDir,
                                  const std::string& name);

}  // namespace rf
