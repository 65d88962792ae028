// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/quit_signals.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QPointer>
#include <atomic>
#include <csignal>
#include <thread>

#include "app/main_window.h"
#include "common/post_to.h"
#include "rangefinder/export.h"

namespace rf::gui {

namespace {

// Static storage with trivial destruction: the receiving thread may still run while the
// process exits.
sigset_t gSignals;
std::atomic<bool> gAny{false};

}  // namespace

void blockQuitSignals() {
    // A write past the user's file-size limit must fail as an error the export reports and
    // cleans up after (as in the command line), not kill the app with SIGXFSZ mid-file.
    std::signal(SIGXFSZ, SIG_IGN);
    sigemptyset(&gSignals);
    bool any = false;
    for (const int sig : {SIGINT, SIGTERM}) {
        struct sigaction old {};
        if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        sigaddset(&gSignals, sig);
        any = true;
    }
    if (!any) return;
    ::pthread_sigmask(SIG_BLOCK, &gSignals, nullptr);
    gAny.store(true);
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
