// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/quit_signals.h"

#include <signal.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QPointer>
#include <atomic>
#include <thread>

#include "app/main_window.h"
#include "common/post_to.h"
#include "rangefinder/export.h"
#include "rangefinder/interrupt.h"

namespace rf::gui {

namespace {

// Static storage with trivial destruction: the receiving thread may still run while the
// process exits.
sigset_t gSignals;
std::atomic<bool> gAny{false};

}  // namespace

void blockQuitSignals() {
    gAny.store(blockInterruptSignals(gSignals));
}

void quitOnSignals(MainWindow* window) {
    if (!gAny.load()) return;
    QPointer<MainWindow> target(window);
    std::thread([target] {
        bool asked = false;
        for (;;) {
            int sig = 0;
            if (::sigwait(&gSignals, &sig) != 0) continue;
            if (!asked) {
                asked = true;
                // Queued to the application, which outlives the window; the QPointer is read
                // on the GUI thread only.
                postTo(QCoreApplication::instance(), [target, sig] {
                    if (target) target->quitOnSignal(sig);
                });
                continue;
            }
            removeTemporaryExportFiles();
            ::_exit(128 + sig);
        }
    }).detach();
}

}  // namespace rf::gui
