// SPDX-License-Identifier: GPL-3.0-or-later
// Load: a batch of 500 generated raws exports with flat memory and no file descriptor leak.
// The command line exports 100 and then 500 small synthetic DNGs two at a time, each run in
// its own process so its peak resident memory is its own (wait4's rusage); the 500-file
// peak must stay within a small margin of the 100-file one. In this process, the library's
// exportBatch runs 500 files and the open descriptors are counted before and after.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "rangefinder/export.h"
#include "support/test_support.h"
#include "synth.h"

extern char** environ;

namespace fs = std::filesystem;
using namespace rf;

namespace {

constexpr int kWidth = 320, kHeight = 240;

/// `count` chart DNGs named 0000.dng … in `dir`: one written, the others copies of it.
void writeBatch(const fs::path& dir, int count) {
    fs::create_directories(dir);
    synth::DngOptions o;
    o.noise = 0.01;
    const fs::path first = dir / "0000.dng";
    synth::writeDng(first.string(), synth::renderChart(kWidth, kHeight).cview(), o);
    for (int i = 1; i < count; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "%04d.dng", i);
        fs::copy_file(first, dir / name);
    }
}

struct ChildRun {
    int status = -1;
    long peakRssKiB = 0;
    std::string log;
};

/// Runs a program (no shell) with its output in `logFile`, and returns its exit status and
/// the peak resident memory of it and its descendants.
ChildRun runMeasured(const std::vector<std::string>& args, const std::string& logFile) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, logFile.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ChildRun r;
    pid_t pid = 0;
    const int rc = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        r.log = "cannot start " + args[0];
        return r;
    }
    int status = 0;
    rusage usage{};
    if (::wait4(pid, &status, 0, &usage) == pid && WIFEXITED(status))
        r.status = WEXITSTATUS(status);
    r.peakRssKiB = usage.ru_maxrss;
    r.log = test::readFile(logFile);
    return r;
}

int openDescriptors() {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++n;
    return n;
}

std::vector<ExportJob> jobsFor(const fs::path& dir) {
    std::vector<ExportJob> jobs;
    for (const auto& f : rawFilesIn(dir.string())) jobs.push_back(ExportJob{f, {}, {}});
    return jobs;
}

int filesIn(const fs::path& dir) {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++n;
    return n;
}

}  // namespace

TEST(Load, FiveHundredFilesExportWithFlatPeakMemory) {
    test::TempDir dir("load-cli");
    writeBatch(dir.path() / "in100", 100);
    writeBatch(dir.path() / "in500", 500);

    const auto exportRun = [&](const std::string& batch) {
        return runMeasured({RF_CLI_PATH, "export", "-j2", "--quiet", "-o", dir.str("out" + batch),
                            dir.str("in" + batch)},
                           dir.str("log" + batch));
    };
    const ChildRun r100 = exportRun("100");
    ASSERT_EQ(r100.status, 0) << r100.log;
    EXPECT_EQ(filesIn(dir.path() / "out100"), 100);
    const ChildRun r500 = exportRun("500");
    ASSERT_EQ(r500.status, 0) << r500.log;
    EXPECT_EQ(filesIn(dir.path() / "out500"), 500);
    EXPECT_NE(r500.log.find("Exported 500 of 500"), std::string::npos) << r500.log;

    // Flat: five times the files may cost a few pages of bookkeeping (outcomes, names),
    // not a file's worth of buffers each.
    std::printf("peak RSS: 100 files %ld KiB, 500 files %ld KiB (%+.1f%%)\n", r100.peakRssKiB,
                r500.peakRssKiB, 100.0 * (double(r500.peakRssKiB) / r100.peakRssKiB - 1));
    EXPECT_GT(r100.peakRssKiB, 0);
    EXPECT_LE(r500.peakRssKiB, r100.peakRssKiB + r100.peakRssKiB / 20 + 4096)
        << "peak RSS grew from " << r100.peakRssKiB << " KiB (100 files) to " << r500.peakRssKiB
        << " KiB (500 files)";
}

TEST(Load, ExportBatchLeaksNoFileDescriptors) {
    test::TempDir dir("load-fd");
    writeBatch(dir.path() / "warm", 4);
    writeBatch(dir.path() / "in", 500);
    ExportSettings s = exportPreset("web");

    // The first export opens what lives as long as the process (the thread pool, the
    // libraries' own set-up); a leak is what grows with the number of files after that.
    s.outputDir = dir.str("warm-out");
    for (const auto& o : exportBatch(jobsFor(dir.path() / "warm"), s, 2)) ASSERT_TRUE(o.ok());
    const int before = openDescriptors();

    s.outputDir = dir.str("out");
    const auto outcomes = exportBatch(jobsFor(dir.path() / "in"), s, 2);
    ASSERT_EQ(outcomes.size(), 500u);
    for (const auto& o : outcomes) ASSERT_TRUE(o.ok()) << o.error;
    EXPECT_EQ(filesIn(dir.path() / "out"), 500);

    // Failures must close what they opened too: a batch of files that are not raws.
    for (int i = 0; i < 50; ++i)
        test::writeFile(dir.str("bad-" + std::to_string(i) + ".dng"), "not a raw at all");
    std::vector<ExportJob> bad;
    for (int i = 0; i < 50; ++i)
        bad.push_back(ExportJob{dir.str("bad-" + std::to_string(i) + ".dng"), {}, {}});
    for (const auto& o : exportBatch(bad, s, 2)) EXPECT_FALSE(o.ok());

    EXPECT_EQ(openDescriptors(), before);
}
