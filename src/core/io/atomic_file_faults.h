// SPDX-License-Identifier: GPL-3.0-or-later
// Fault injection for the tests of atomic writes, in its own header so that nothing but a
// test reaches it. The hook is always compiled in and inert until a test sets it: called
// after a temporary file is written and flushed and just before it is moved into place, it
// lets a forked child _exit() exactly there, as a crash between write and rename would.
#pragma once

#include <string>

namespace rf::faults {

using BeforePlaceHook = void (*)(const std::string& temporary, const std::string& target);

/// Sets (or, with nullptr, clears) the hook for this process.
void setBeforePlaceHook(BeforePlaceHook hook);

/// Called by the writers (commitAtomically, exportFile) before they place a file.
void beforePlace(const std::string& temporary, const std::string& target);

}  // namespace rf::faults
