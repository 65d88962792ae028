// SPDX-License-Identifier: GPL-3.0-or-later
// Waiting in a widget test: the app's work (thumbnails, renders, exports) runs on worker
// threads and reaches the GUI thread as queued events, so a test runs the event loop until the
// state it waits for arrives or a deadline passes. Header-only, for the Qt tests alone (the
// rest of tests/support is Qt-free).
#pragma once

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <functional>

namespace rf::test {

/// Runs the event loop until `done` or the deadline; true when done. It sleeps while there is
/// nothing to do (a 10 ms tick wakes it to look again), leaving the cores to the workers.
inline bool waitUntil(const std::function<bool()>& done, int milliseconds = 60000) {
    QElapsedTimer timer;
    timer.start();
    QTimer tick;
    tick.start(10);
    while (!done()) {
        if (timer.elapsed() > milliseconds) return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

}  // namespace rf::test
