// SPDX-License-Identifier: GPL-3.0-or-later
// A console reporter that also keeps each benchmark's real time, so a benchmark executable
// can print ratios of its own runs afterwards: on a noisy shared machine a ratio measured in
// one run holds where absolute times do not.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

class RatioReporter : public benchmark::ConsoleReporter {
  public:
    /// Seconds per iteration, by benchmark name (the median when repetitions are asked for).
    std::map<std::string, double> seconds;
    /// CPU seconds (all of the process's threads when the benchmark measures process CPU
    /// time): on a busy machine what a run costs, where its real time also says how long it
    /// waited for a core.
    std::map<std::string, double> cpuSeconds;

    void ReportRuns(const std::vector<Run>& runs) override {
        for (const auto& r : runs)
            if (r.run_type == Run::RT_Iteration || r.aggregate_name == "median") {
                const double unit = benchmark::GetTimeUnitMultiplier(r.time_unit);
                seconds[r.run_name.function_name] = r.GetAdjustedRealTime() / unit;
                cpuSeconds[r.run_name.function_name] = r.GetAdjustedCPUTime() / unit;
            }
        ConsoleReporter::ReportRuns(runs);
    }
};

/// Runs the registered benchmarks with random interleaving (repetitions of different benchmarks
/// mixed, so a slow spell of a shared machine spreads over all of them instead of one; flags
/// given on the command line still win) and reports through `reporter`.
inline void runInterleaved(int argc, char** argv, RatioReporter& reporter) {
    std::vector<char*> args(argv, argv + argc);
    char interleave[] = "--benchmark_enable_random_interleaving=true";
    args.insert(args.begin() + 1, interleave);
    int count = int(args.size());
    benchmark::Initialize(&count, args.data());
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
}
