// SPDX-License-Identifier: GPL-3.0-or-later
#include "interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <thread>

#include "rangefinder/export.h"
#include "rangefinder/interrupt.h"

namespace rf::cli {

namespace {

// Static storage with trivial destruction: the receiving thread may still touch these while
// the process exits.
CancelToken gToken;
std::atomic<bool> gCancels{false};
std::atomic<bool> gFinished{false};
std::atomic<int> gSignal{0};
sigset_t gSignals;

void say(const char* text) {
    const ssize_t n = ::write(STDERR_FILENO, text, std::strlen(text));
    (void)n;  // nothing better to do when stderr is gone
}

[[noreturn]] void receive() {
    for (;;) {
        int sig = 0;
        if (::sigwait(&gSignals, &sig) != 0 || gFinished.load()) continue;
        // Two signals already waiting (the machine too busy to run this thread in between)
        // are two interrupts: the second must not wait for the batch the first one cancels.
        const timespec now{0, 0};
        const int next = ::sigtimedwait(&gSignals, nullptr, &now);
        int none = 0;
        if (next <= 0 && gCancels.load() && gSignal.compare_exchange_strong(none, sig)) {
            gToken.cancel();
            say("\nrangefinder-cli: interrupted, finishing the files in progress "
                "(interrupt again to stop at once)\n");
            continue;
        }
        if (next > 0) sig = next;
        removeTemporaryExportFiles();
        say("\nrangefinder-cli: stopped at once; the files in progress were not written\n");
        ::_exit(128 + sig);
    }
}

}  // namespace

void installSignalHandling() {
    if (blockInterruptSignals(gSignals)) std::thread(receive).detach();
}

const CancelToken* cancelOnInterrupt() {
    gCancels.store(true);
    return &gToken;
}

void batchFinished() {
    gFinished.store(true);
}

int interruptSignal() {
    return gSignal.load();
}

}  // namespace rf::cli
