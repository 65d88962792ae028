// SPDX-License-Identifier: GPL-3.0-or-later
#include "rangefinder/parallel.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include "rangefinder/error.h"

namespace rf {

void CancelToken::check() const {
    if (cancelled()) throw Cancelled();
}

namespace {

thread_local bool tlInTask = false;

struct TaskFlag {
    bool saved;
    TaskFlag() : saved(tlInTask) { tlInTask = true; }
    ~TaskFlag() { tlInTask = saved; }
};

int hardwareThreads() {
    return std::max(1u, std::thread::hardware_concurrency());
}

// A small persistent pool: parallelFor hands it "help with this loop" tasks. Threads are
// started once and live for the process, so a 2 MP preview does not pay thread start-up.
class Pool {
  public:
    static Pool& instance() {
        static Pool pool;
        return pool;
    }

    void ensureWorkers(int n) {
        std::lock_guard lock(mutex_);
        while (int(workers_.size()) < n) workers_.emplace_back([this] { run(); });
    }

    void submit(std::function<void()> task) {
        {
            std::lock_guard lock(mutex_);
            queue_.push_back(std::move(task));
        }
        cv_.notify_one();
    }

    ~Pool() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        cv_.notify_all();
        for (auto& t : workers_) t.join();
    }

  private:
    void run() {
        tlInTask = true;
        for (;;) {
            std::function<void()> task;
            {
                std::unique_lock lock(mutex_);
                cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
                if (stop_ && queue_.empty()) return;
                task = std::move(queue_.front());
                queue_.pop_front();
            }
            task();
        }
    }

    std::mutex mutex_;
    std::condition_variable cv_;
    std::deque<std::function<void()>> queue_;
    std::vector<std::thread> workers_;
    bool stop_ = false;
};

std::atomic<int> gThreadCount{0};

}  // namespace

int threadCount() {
    const int n = gThreadCount.load();
    return n > 0 ? n : hardwareThreads();
}

void setThreadCount(int n) {
    gThreadCount.store(std::max(0, n));
}

bool inParallelTask() {
    return tlInTask;
}

void parallelFor(int begin, int end, const std::function<void(int, int)>& fn, int grain,
                 const CancelToken* cancel) {
    if (end <= begin) return;
    grain = std::max(1, grain);
    const int n = end - begin;
    const int threads = threadCount();
    if (tlInTask || threads <= 1 || n <= grain) {
        // Serial, but still chunked so cancellation stays responsive.
        const int step = std::max(grain, n / 8);
        for (int b = begin; b < end; b += step) {
            if (cancel) cancel->check();
            fn(b, std::min(end, b + step));
        }
        return;
    }

    // Several chunks per thread balance uneven rows without much scheduling overhead.
    const int chunks = std::min((n + grain - 1) / grain, threads * 4);
    const int chunkSize = (n + chunks - 1) / chunks;

    struct State {
        std::atomic<int> next{0};
        std::atomic<bool> failed{false};
        std::mutex mutex;
        std::condition_variable done;
        int running = 0;
        std::exception_ptr error;
    };
    auto state = std::make_shared<State>();

    auto work = [state, &fn, begin, end, chunkSize, chunks, cancel] {
        TaskFlag flag;
        for (;;) {
            const int c = state->next.fetch_add(1);
            if (c >= chunks || state->failed.load()) break;
            try {
                if (cancel) cancel->check();
                const int b = begin + c * chunkSize;
                fn(b, std::min(end, b + chunkSize));
            } catch (...) {
                std::lock_guard lock(state->mutex);
                if (!state->error) state->error = std::current_exception();
                state->failed = true;
            }
        }
    };

    const int helpers = std::min(threads - 1, chunks - 1);
    Pool& pool = Pool::instance();
    pool.ensureWorkers(helpers);
    state->running = helpers;
    for (int i = 0; i < helpers; ++i) {
        pool.submit([state, work] {
            work();
            std::lock_guard lock(state->mutex);
            if (--state->running == 0) state->done.notify_all();
        });
    }
    work();
    {
        std::unique_lock lock(state->mutex);
        state->done.wait(lock, [&] { return state->running == 0; });
    }
    if (state->error) std::rethrow_exception(state->error);
}

void parallelTasks(int count, int jobs, const std::function<void(int)>& fn) {
    if (count <= 0) return;
    jobs = std::clamp(jobs, 1, count);
    if (jobs == 1) {
        for (int i = 0; i < count; ++i) fn(i);
        return;
    }
    std::atomic<int> next{0};
    std::mutex mutex;
    std::exception_ptr error;
    std::vector<std::thread> threads;
    threads.reserve(jobs);
    for (int j = 0; j < jobs; ++j) {
        threads.emplace_back([&] {
            tlInTask = true;
            for (int i; (i = next.fetch_add(1)) < count;) {
                try {
                    fn(i);
                } catch (...) {
                    std::lock_guard lock(mutex);
                    if (!error) error = std::current_exception();
                }
            }
        });
    }
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
}

}  // namespace rf
