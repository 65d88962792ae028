// SPDX-License-Identifier: GPL-3.0-or-later
// SIGINT and SIGTERM in the desktop app (a Ctrl+C in the terminal it was started from, a
// session logging out, `kill`). The default action would end the process mid-write: an
// export's temporary file left behind and the last edits not in their sidecar. Instead the two
// signals are blocked in every thread and received by a thread of their own (as in the command
// line, src/cli/interrupt.h), which asks the window to quit without questions: the export is
// cancelled (files in progress are not written), the edits are saved, the settings kept, and
// the app exits with 128 + the signal. A second signal before that is done removes the
// temporary files in flight and exits at once.
#pragma once

namespace rf::gui {

class MainWindow;

/// Call first in main(), before QApplication or any other thread starts: threads inherit the
/// blocked signals. A signal the parent left ignored (nohup) stays ignored.
void blockQuitSignals();

/// From now on the signals blocked above quit `window` as described; one that came earlier
/// is acted on now.
void quitOnSignals(MainWindow* window);

}  // namespace rf::gui
