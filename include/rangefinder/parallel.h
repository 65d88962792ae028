// SPDX-License-Identifier: GPL-3.0-or-later
// The one parallel helper. All threading in the core goes through `parallelFor`, which splits
// a range of rows into chunks and runs them on a process-wide pool sized to the machine. A
// call made from inside a pool task runs serially on that thread: when a batch already runs
// one file per core, the per-image loops do not oversubscribe the machine. Cancellation is
// checked between chunks, never inside a pixel loop.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <memory>

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

}  // namespace rf
