// SPDX-License-Identifier: GPL-3.0-or-later
#include "rangefinder/parallel.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>
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

// Cores in use by lanes, background tasks and parallelFor helpers. A lane's loop asks it how
// many cores are free; other callers do not, but their helpers are counted, so lanes do not
// borrow the cores those helpers work on.
std::atomic<int> gBusy{0};
thread_local bool tlCounted = false;  // this thread is a lane or a background task

// Marks the running thread as a busy core for its lifetime (once, however nested).
class CoreClaim {
  public:
    CoreClaim() : owns_(!tlCounted) {
        if (!owns_) return;
        tlCounted = true;
        gBusy.fetch_add(1);
    }
    ~CoreClaim() {
        if (!owns_) return;
        gBusy.fetch_sub(1);
        tlCounted = false;
    }
    CoreClaim(const CoreClaim&) = delete;
    CoreClaim& operator=(const CoreClaim&) = delete;

  private:
    bool owns_;
};

// Takes up to `want` of the cores nobody is using, atomically; returns how many it took.
int reserveIdleCores(int want, int cores) {
    int busy = gBusy.load();
    for (;;) {
        const int take = std::min(want, std::max(0, cores - busy));
        if (take <= 0) return 0;
        if (gBusy.compare_exchange_weak(busy, busy + take)) return take;
    }
}

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
    // Several chunks per thread balance uneven rows without much scheduling overhead.
    const int chunks = std::min((n + grain - 1) / grain, threads * 4);
    int helpers = 0;
    if (!tlInTask && threads > 1 && n > grain) {
        if (tlCounted) {
            helpers = reserveIdleCores(std::min(threads - 1, chunks - 1), threads);
        } else {
            helpers = std::min(threads - 1, chunks - 1);
            gBusy.fetch_add(helpers);
        }
    }
    if (helpers <= 0) {
        // Serial, but still chunked so cancellation stays responsive.
        const int step = std::max(grain, n / 8);
        for (int b = begin; b < end; b += step) {
            if (cancel) cancel->check();
            fn(b, std::min(end, b + step));
        }
        return;
    }
    const int chunkSize = (n + chunks - 1) / chunks;

    // A helper that starts after the caller has finished every chunk (its pool thread was
    // busy elsewhere) finds the loop closed and leaves without touching `fn`: the caller
    // waits only for helpers that are actually working, never for queued ones.
    struct State {
        std::atomic<int> next{0};
        std::atomic<bool> failed{false};
        std::mutex mutex;
        std::condition_variable done;
        int running = 0, started = 0;
        bool closed = false;
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

    Pool& pool = Pool::instance();
    pool.ensureWorkers(threads - 1);
    for (int i = 0; i < helpers; ++i) {
        pool.submit([state, work] {
            {
                std::lock_guard lock(state->mutex);
                if (state->closed) return;
                ++state->started;
                ++state->running;
            }
            work();
            {
                std::lock_guard lock(state->mutex);
                if (--state->running == 0) state->done.notify_all();
            }
            gBusy.fetch_sub(1);
        });
    }
    work();
    {
        std::unique_lock lock(state->mutex);
        state->closed = true;
        gBusy.fetch_sub(helpers - state->started);  // the cores of helpers that never came
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
            CoreClaim claim;
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

void runLanes(int lanes, const std::function<void(int)>& fn) {
    lanes = std::max(1, lanes);
    std::mutex mutex;
    std::exception_ptr error;
    const auto lane = [&](int i) {
        CoreClaim claim;
        try {
            fn(i);
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!error) error = std::current_exception();
        }
    };
    std::vector<std::thread> threads;
    threads.reserve(lanes - 1);
    for (int i = 1; i < lanes; ++i) threads.emplace_back(lane, i);
    lane(0);
    for (auto& t : threads) t.join();
    if (error) std::rethrow_exception(error);
}

BackgroundWorker::~BackgroundWorker() {
    if (!thread_.joinable()) return;
    {
        std::unique_lock lock(mutex_);
        cv_.wait(lock, [this] { return !busy_; });
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void BackgroundWorker::start(std::function<void()> fn) {
    wait();
    {
        std::lock_guard lock(mutex_);
        piece_ = std::move(fn);
        busy_ = true;
    }
    if (!thread_.joinable())
        thread_ = std::thread([this] { run(); });
    else
        cv_.notify_all();
}

void BackgroundWorker::wait() {
    std::unique_lock lock(mutex_);
    cv_.wait(lock, [this] { return !busy_; });
    if (auto e = std::exchange(error_, nullptr)) std::rethrow_exception(e);
}

void BackgroundWorker::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        cv_.wait(lock, [this] { return busy_ || stop_; });
        if (!busy_) return;
        std::function<void()> piece = std::move(piece_);
        lock.unlock();
        std::exception_ptr error;
        {
            CoreClaim claim;
            try {
                piece();
            } catch (...) {
                error = std::current_exception();
            }
            piece = nullptr;  // what it holds (an output image) is released before done
        }
        lock.lock();
        error_ = error;
        busy_ = false;
        cv_.notify_all();
    }
}

}  // namespace rf
