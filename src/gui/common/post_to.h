// SPDX-License-Identifier: GPL-3.0-or-later
// Handing work between threads through Qt. `postTo` queues a functor to run on the thread of
// a QObject (dropped if the object is gone first), as QMetaObject::invokeMethod with
// Qt::QueuedConnection does; every worker that reports to the GUI goes through it. `startOn`
// hands a functor to a QThreadPool, the other direction. Qt orders the two threads inside QtCore
// (its event queue and the posted functor's reference count), which a ThreadSanitizer build does
// not instrument. So in such a build `postTo` also states those two orderings to TSan: what the
// functor holds is written before it runs, and what it did while running happens before whichever
// thread destroys it. Without them every hand-off is reported as a race and a real one would be
// lost in the noise; with them, TSan still checks everything the functor and both threads do.
#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>
#include <utility>

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace rf::gui {

namespace detail {

// Placed after the functor it guards, so its move (the last write the posting thread makes
// to the queued copy) releases everything before it.
class HandOff {
  public:
    HandOff() = default;
    HandOff(HandOff&&) noexcept { release(); }
    HandOff(const HandOff&) noexcept { release(); }  // a thread pool keeps a copy
    HandOff& operator=(const HandOff&) = delete;
    HandOff& operator=(HandOff&&) = delete;
    ~HandOff() { acquire(); }

    void acquire() {
#if defined(__SANITIZE_THREAD__)
        __tsan_acquire(this);
#endif
    }
    void release() {
#if defined(__SANITIZE_THREAD__)
        __tsan_release(this);
#endif
    }
};

template <class F>
struct Posted {
    F fn;
    HandOff handOff;  // after fn: moved after it, destroyed before it

    void operator()() {
        handOff.acquire();
        fn();
        handOff.release();
    }
};

}  // namespace detail

/// Runs `fn` on `receiver`'s thread, later (a queued call); never if `receiver` is destroyed
/// first.
template <class F>
void postTo(QObject* receiver, F fn) {
    QMetaObject::invokeMethod(receiver, detail::Posted<F>{std::move(fn), {}}, Qt::QueuedConnection);
}

/// Runs `fn` on a thread of `pool`, with the same hand-off stated to ThreadSanitizer.
template <class F>
void startOn(QThreadPool& pool, F fn) {
    pool.start(detail::Posted<F>{std::move(fn), {}});
}

}  // namespace rf::gui
