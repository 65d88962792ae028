// SPDX-License-Identifier: GPL-3.0-or-later
// Where Rangefinder's data folders are (looks, export presets): one rule for every kind.
// (And where its cache is: the XDG rule for the user's folder, with XDG_CACHE_HOME.)
// An environment variable's colon-separated list replaces the shipped folder; otherwise the
// shipped folder found relative to the running executable (<prefix>/bin/../share/rangefinder,
// as GNUInstallDirs lays an install out), so an install works wherever its prefix is put
// (`cmake --install --prefix ANY`, a Debian package, a copied tree); or, for a program run
// where it was built, the source tree's folder; and always, last so it overrides, the user's
// folder under $XDG_DATA_HOME (or ~/.local/share)/rangefinder. No absolute path is compiled in.
#pragma once

#include <string>
#include <vector>

namespace rf {

/// The user's folder of a kind: $XDG_DATA_HOME/rangefinder/<name> (an absolute XDG_DATA_HOME
/// only, as the XDG spec says), else ~/.local/share/rangefinder/<name>.
std::string userDataDir(const std::string& name);

/// The user's cache folder of a kind (what may be deleted at any time and made again):
/// $XDG_CACHE_HOME/rangefinder/<name> (an absolute XDG_CACHE_HOME only), else
/// ~/.cache/rangefinder/<name>.
std::string userCacheDir(const std::string& name);

/// The installed folder of a kind beside the running executable: <exe dir>/RF_BIN_TO_DATA/<name>
/// (RF_BIN_TO_DATA is the install's bindir → datadir/rangefinder path, "../share/rangefinder"
/// by default); empty when the executable's path is unknown. It may not exist (a build tree).
std::string installedDataDir(const std::string& name);

/// The folders of a kind, in the order their files override each other (later wins):
/// `envVar`'s list, or the installed `<name>` folder, or the source tree's; then the user's.
std::vector<std::string> dataDirs(const char* envVar, const std::string& name);

}  // namespace rf
