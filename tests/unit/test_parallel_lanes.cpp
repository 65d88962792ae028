// SPDX-License-Identifier: GPL-3.0-or-later
// The batch side of the parallel helper: lanes (runLanes) and background workers, and how a
// parallelFor inside them shares the cores — inline while every core has a lane, with the
// idle core when a lane is alone — and that a loop never waits for a helper stuck behind
// other work in the pool.
#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/parallel.h"

using namespace rf;
using namespace std::chrono_literals;

namespace {

struct ThreadCount {
    explicit ThreadCount(int n) { setThreadCount(n); }
    ~ThreadCount() { setThreadCount(0); }
};

}  // namespace

TEST(Lanes, EveryLaneRunsOnItsOwnThreadAndErrorsComeBack) {
    std::mutex mutex;
    std::set<std::thread::id> ids;
    std::vector<int> seen(3, 0);
    runLanes(3, [&](int lane) {
        std::lock_guard lock(mutex);
        ids.insert(std::this_thread::get_id());
        ++seen[lane];
    });
    EXPECT_EQ(ids.size(), 3u);
    EXPECT_EQ(seen, (std::vector<int>{1, 1, 1}));
    EXPECT_THROW(runLanes(2,
                          [](int lane) {
                              if (lane == 1) throw Error("boom");
                          }),
                 Error);
}

// Two lanes on two cores: their loops run inline (the barriers keep both lanes alive, so
// neither finds an idle core).
TEST(Lanes, LoopsRunInlineWhileEveryCoreHasALane) {
    const ThreadCount two(2);
    std::barrier sync(2);
    std::atomic<bool> sawOtherThread{false};
    runLanes(2, [&](int) {
        sync.arrive_and_wait();
        const auto self = std::this_thread::get_id();
        parallelFor(
            0, 64,
            [&](int, int) {
                if (std::this_thread::get_id() != self) sawOtherThread = true;
                std::this_thread::sleep_for(100us);
            },
            1);
        sync.arrive_and_wait();
    });
    EXPECT_FALSE(sawOtherThread.load()) << "two lanes on two cores ran more than two threads";
}

// One lane on two cores: its loops use the other core.
TEST(Lanes, ALaneAloneUsesTheIdleCore) {
    const ThreadCount two(2);
    std::atomic<bool> sawOtherThread{false};
    runLanes(1, [&](int) {
        const auto self = std::this_thread::get_id();
        parallelFor(
            0, 64,
            [&](int, int) {
                if (std::this_thread::get_id() != self) sawOtherThread = true;
                std::this_thread::sleep_for(1ms);
            },
            1);
    });
    EXPECT_TRUE(sawOtherThread.load()) << "a lone lane left a core idle";
}

TEST(Lanes, BackgroundWorkerRunsPiecesInOrderAndReportsErrors) {
    std::vector<int> order;
    {
        BackgroundWorker worker;
        for (int i = 0; i < 5; ++i)
            worker.start([&order, i] {
                std::this_thread::sleep_for(1ms);
                order.push_back(i);
            });
        worker.wait();
        EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
        worker.start([] { throw std::runtime_error("piece failed"); });
        EXPECT_THROW(worker.wait(), std::runtime_error);
        worker.wait();  // reported once
        worker.start([&order] {
            std::this_thread::sleep_for(5ms);
            order.push_back(5);
        });
    }  // the destructor waits for the piece in hand
    EXPECT_EQ(order.size(), 6u);
}

// The pool's one worker is held by another loop; a second loop's helper queues behind it.
// The second loop must finish on its caller's thread, not wait for that helper.
TEST(Lanes, LoopDoesNotWaitForAHelperQueuedBehindOtherWork) {
    const ThreadCount two(2);
    std::promise<void> release;
    const std::shared_future<void> released = release.get_future().share();
    std::atomic<int> entered{0};
    std::thread holder([&] {
        parallelFor(
            0, 2,
            [&](int, int) {
                ++entered;
                released.wait_for(20s);
            },
            1);
    });
    // The holder's caller blocks in one chunk, so the other one is the pool worker's.
    while (entered.load() < 2) std::this_thread::sleep_for(1ms);

    std::atomic<int> total{0};
    const auto start = std::chrono::steady_clock::now();
    parallelFor(
        0, 100, [&](int b, int e) { total += e - b; }, 1);
    const auto waited = std::chrono::steady_clock::now() - start;
    release.set_value();
    holder.join();
    EXPECT_EQ(total.load(), 100);
    EXPECT_LT(waited, 10s) << "the loop waited for a helper that could not start";
}
