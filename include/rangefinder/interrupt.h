// SPDX-License-Identifier: GPL-3.0-or-later
// How a front end takes SIGINT and SIGTERM (Ctrl+C, `kill`, a session ending) without losing
// work: the signals are blocked in every thread and received by a thread of the front end's own
// (sigwait), so no worker's system call is interrupted and the reaction runs as ordinary code —
// cancelling an export, saving edits — rather than in a signal handler; what is being written
// is then removed with removeTemporaryExportFiles (export.h). SIGXFSZ (a file-size limit) is
// ignored, so a write past the limit fails with EFBIG and the export's error path runs instead
// of the kernel killing the process with a temporary file left behind.
#pragma once

#include <signal.h>

namespace rf {

/// Ignores SIGXFSZ and blocks SIGINT and SIGTERM in the calling thread, and so in every thread
/// it starts afterwards: call first in main(). A signal the parent left ignored (nohup, a
/// script's background job) stays ignored and out of `blocked`. Returns whether any signal was
/// blocked, i.e. whether a receiving thread should sigwait on `blocked`.
bool blockInterruptSignals(sigset_t& blocked);

}  // namespace rf
