// SPDX-License-Identifier: GPL-3.0-or-later
// Ctrl+C and SIGTERM. The two signals are blocked in every thread and received by a thread of
// their own (sigwait), so no worker's system call is ever interrupted and the reaction runs
// as ordinary code rather than in a signal handler. During an export the first signal
// cancels the batch: renders in flight are abandoned, encodes in flight finish, the summary
// is printed and the exit status is 128 + the signal (130 for SIGINT, 143 for SIGTERM). A
// second signal before the batch ends, or the first one outside an export, deletes the
// temporary files in flight and exits at once with the status of the last signal; once the
// batch has ended, signals are ignored while the summary is printed. SIGXFSZ (a file size
// limit, `ulimit -f`) is ignored, so a write past the limit fails with EFBIG and the export's
// error path runs, instead of the kernel killing the process with a temporary file left.
#pragma once

#include "rangefinder/parallel.h"

namespace rf::cli {

/// Call first in main(), before any thread starts: threads inherit the blocked signals. A
/// signal the parent left ignored (nohup, a script's background job) stays ignored.
void installSignalHandling();

/// From now on the first SIGINT or SIGTERM cancels the returned token instead of exiting.
const CancelToken* cancelOnInterrupt();

/// The batch is over: later signals are ignored, so the summary and the list of written files
/// are printed whole.
void batchFinished();

/// The signal that cancelled the token (SIGINT or SIGTERM); 0 if none came during the batch.
int interruptSignal();

}  // namespace rf::cli
