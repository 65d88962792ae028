// SPDX-License-Identifier: GPL-3.0-or-later
// `rangefinder-cli looks learn`: a look learned from raws and the finished JPEGs a camera or
// phone made of them (look_learn.h), written as an ordinary look file with its LUT, into the
// user's look folder or where --out says.
#pragma once

namespace CLI {
class App;
}

namespace rf::cli {

/// Registers `learn` under the `looks` command. `run` is set to the function to call after
/// parsing when it was chosen.
void addLookLearnCommand(CLI::App& looks, int (*&run)());

}  // namespace rf::cli
