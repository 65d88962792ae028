// SPDX-License-Identifier: GPL-3.0-or-later
// The one parallel helper. All threading in the core goes through `parallelFor`, which splits
// a range of rows into chunks and runs them on a process-wide pool sized to the machine. A
// call made from inside a pool task runs serially on that thread: when a batch already runs
// one file per core, the per-image loops do not oversubscribe the machine. Cancellation is
// checked between chunks, never inside a pixel loop.
//
// Longer-lived work (a batch's lanes, a file encoding while the next one decodes) runs on
// threads of its own that count as busy cores while they run. A parallelFor called from such
// a thread takes helpers only from the cores idle at that moment: none while every core has
// a lane (it runs inline, as inside a task), one when the other lane is waiting or done.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace rf {

/// Shared by whoever started a render and the render itself; the starter may cancel at any
/// time and the render stops at the next chunk boundary by throwing rf::Cancelled.
class CancelToken {
  public:
    void cancel() { flag_.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return flag_.load(std::memory_order_relaxed); }
    /// Throws rf::Cancelled when cancelled.
    void check() const;

  private:
    std::atomic<bool> flag_{false};
};

/// Number of threads the pool runs (hardware concurrency unless set).
int threadCount();
/// Sets the pool size; takes effect for calls made afterwards. 0 means hardware concurrency.
void setThreadCount(int n);

/// Calls fn(begin, end) over disjoint sub-ranges covering [begin, end), in parallel.
/// `grain` is the smallest sub-range worth a task. Exceptions from fn are rethrown in the
/// caller (the first one wins); `cancel`, if given, is checked before each sub-range.
void parallelFor(int begin, int end, const std::function<void(int, int)>& fn, int grain = 16,
                 const CancelToken* cancel = nullptr);

/// Runs `jobs` independent tasks fn(i), i in [0, count), with at most `jobs` running at once,
/// each on a pool thread; inside them, parallelFor runs serially. Used by batch export.
void parallelTasks(int count, int jobs, const std::function<void(int)>& fn);

/// True on a pool thread (where nested parallelFor runs inline).
bool inParallelTask();

/// Runs fn(lane) for every lane in [0, lanes) at once, each on its own thread (the caller's
/// for lane 0), and returns when all have; the first exception is rethrown. Each lane counts
/// as a busy core, and a parallelFor inside one borrows only the cores no lane or task is
/// using. Used by batch export, whose lanes take files from a shared queue.
void runLanes(int lanes, const std::function<void(int)>& fn);

/// A thread of its own that runs work handed to it, one piece at a time, while its owner goes
/// on with something else (a batch lane encodes one file while it decodes the next). One
/// thread for the worker's life, not one per piece: a thread per file would leave the
/// allocator a new arena to fill every time. A piece counts as a busy core while it runs, and
/// parallelFor inside it follows the lanes' rule. The destructor waits for the piece in hand.
class BackgroundWorker {
  public:
    BackgroundWorker() = default;
    ~BackgroundWorker();
    BackgroundWorker(const BackgroundWorker&) = delete;
    BackgroundWorker& operator=(const BackgroundWorker&) = delete;

    /// Waits for the previous piece (see wait()), then starts `fn`.
    void start(std::function<void()> fn);
    /// Waits for the piece in hand, if any, and rethrows what it threw.
    void wait();

  private:
    void run();

    std::mutex mutex_;
    std::condition_variable cv_;
    std::function<void()> piece_;
    bool busy_ = false, stop_ = false;
    std::exception_ptr error_;
    std::thread thread_;  // last: it starts after the members it uses
};

}  // namespace rf
