// SPDX-License-Identifier: GPL-3.0-or-later
// Export and sidecars under faults: a file size limit, a full disk, an output folder or a
// source deleted mid-batch, SIGINT/SIGTERM mid-batch, a crash between write and rename. In
// every case no partial file remains, the files already written are whole, the summary says
// what happened and the exit status says it failed. "Mid-batch" is an event, never a sleep:
// the library's progress callback, or the CLI's per-file progress line read from its pipe.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <opencv2/imgcodecs.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "io/atomic_file.h"
#include "io/atomic_file_faults.h"
#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/parallel.h"
#include "rangefinder/sidecar.h"
#include "rangefinder/writer.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

void writeChart(const fs::path& path, int w, int h) {
    synth::writeDng(path.string(), synth::renderChart(w, h).cview(), synth::DngOptions{});
}

// `count` copies of one chart, named 00.dng, 01.dng … so a batch takes them in that order.
std::vector<std::string> charts(const fs::path& dir, int count, int w = 1000, int h = 600) {
    fs::create_directories(dir);
    std::vector<std::string> files;
    for (int i = 0; i < count; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "%02d.dng", i);
        files.push_back((dir / name).string());
        if (i == 0)
            writeChart(files[0], w, h);
        else
            fs::copy_file(files[0], files[i]);
    }
    return files;
}

// Every file under `dir` whose name is one of our temporaries.
std::vector<std::string> temporariesIn(const fs::path& dir) {
    std::vector<std::string> found;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
         it.increment(ec))
        if (isTemporaryName(it->path().filename().string()) ||
            it->path().filename().string().find(".rf-tmp-") != std::string::npos)
            found.push_back(it->path().string());
    return found;
}

std::vector<fs::path> jpegsIn(const fs::path& dir) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.path().extension() == ".jpg") found.push_back(e.path());
    return found;
}

// A whole JPEG: it ends with the EOI marker and decodes at the size it should have.
void expectCompleteJpeg(const fs::path& path, int width, int height) {
    const std::string bytes = test::readFile(path.string());
    ASSERT_GE(bytes.size(), 4u) << path;
    EXPECT_EQ(static_cast<unsigned char>(bytes[bytes.size() - 2]), 0xFF) << path;
    EXPECT_EQ(static_cast<unsigned char>(bytes[bytes.size() - 1]), 0xD9) << path;
    const cv::Mat img = cv::imread(path.string(), cv::IMREAD_COLOR);
    ASSERT_FALSE(img.empty()) << path;
    EXPECT_EQ(img.cols, width) << path;
    EXPECT_EQ(img.rows, height) << path;
}

int countOf(const std::string& text, const std::string& needle) {
    int n = 0;
    for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

// rangefinder-cli running beside the test, its stdout and stderr in one pipe, so the test
// can act when a given line appears and signal it.
class CliProcess {
  public:
    explicit CliProcess(const std::vector<std::string>& args) {
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
        pid_ = ::fork();
        if (pid_ == 0) {
            // As from a terminal: a test run in the background inherits SIGINT ignored, and
            // the CLI rightly keeps an ignored signal ignored.
            ::signal(SIGINT, SIG_DFL);
            ::signal(SIGTERM, SIG_DFL);
            sigset_t none;
            sigemptyset(&none);
            ::sigprocmask(SIG_SETMASK, &none, nullptr);
            ::dup2(fds[1], STDOUT_FILENO);
            ::dup2(fds[1], STDERR_FILENO);
            ::close(fds[0]);
            ::close(fds[1]);
            std::vector<char*> argv;
            argv.push_back(const_cast<char*>(RF_CLI_PATH));
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(RF_CLI_PATH, argv.data());
            ::_exit(127);
        }
        ::close(fds[1]);
        fd_ = fds[0];
    }
    ~CliProcess() {
        if (pid_ > 0 && status_ == kRunning) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        if (fd_ >= 0) ::close(fd_);
    }

    /// Reads until `needle` has appeared in the output (true) or the output ends (false). A
    /// hang fails after two minutes rather than never.
    bool waitFor(const std::string& needle) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(2);
        while (output_.find(needle) == std::string::npos) {
            if (std::chrono::steady_clock::now() > deadline || !readSome()) return false;
        }
        return true;
    }

    void signal(int sig) { ::kill(pid_, sig); }

    /// Stops the process (SIGSTOP) and returns once every thread of it has stopped.
    bool freeze() {
        ::kill(pid_, SIGSTOP);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(1);
        const fs::path tasks = "/proc/" + std::to_string(pid_) + "/task";
        while (std::chrono::steady_clock::now() < deadline) {
            bool all = true;
            std::error_code ec;
            for (const auto& t : fs::directory_iterator(tasks, ec)) {
                // state is the field after "(comm)"
                const std::string stat = test::readFile((t.path() / "stat").string());
                const auto close = stat.rfind(')');
                if (close == std::string::npos || close + 2 >= stat.size()) continue;
                const char state = stat[close + 2];
                all = all && (state == 'T' || state == 't');
            }
            if (!ec && all) return true;
            std::this_thread::yield();
        }
        return false;
    }

    /// Reads the rest of the output and returns the exit status (-1 if killed by a signal).
    int finish() {
        while (readSome()) {
        }
        int status = 0;
        ::waitpid(pid_, &status, 0);
        status_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return status_;
    }

    const std::string& output() const { return output_; }

  private:
    static constexpr int kRunning = -2;

    bool readSome() {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 120000) <= 0) return false;
        char buf[4096];
        const ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n <= 0) return false;
        output_.append(buf, std::size_t(n));
        return true;
    }

    pid_t pid_ = -1;
    int fd_ = -1;
    int status_ = kRunning;
    std::string output_;
};

std::vector<std::string> exportArgs(const fs::path& out, const std::vector<std::string>& files,
                                    int jobs) {
    std::vector<std::string> args = {"export", "-j", std::to_string(jobs), "-o", out.string()};
    args.insert(args.end(), files.begin(), files.end());
    return args;
}

ExportSettings webTo(const fs::path& out) {
    ExportSettings s = exportPreset("web");
    s.outputDir = out.string();
    return s;
}

}  // namespace

// `ulimit -f`: the kernel would kill the process with SIGXFSZ and leave its temporary file;
// the CLI ignores the signal so the write fails with EFBIG and the file is reported. The
// limit is a per-file one, so the batch goes on: a smaller file would still fit.
TEST(Faults, FileSizeLimitFailsTheLargeFilesAndKeepsTheSmallOne) {
    test::TempDir dir("faults-fsize");
    const fs::path in = dir.path() / "in", out = dir.path() / "out", probe = dir.path() / "probe";
    fs::create_directories(in);
    writeChart(in / "a.dng", 64, 48);
    writeChart(in / "b.dng", 900, 600);
    fs::copy_file(in / "b.dng", in / "c.dng");
    const std::vector<std::string> files = {(in / "a.dng").string(), (in / "b.dng").string(),
                                            (in / "c.dng").string()};

    // Sizes as written, metadata included, to put the limit between the two.
    const auto probed = exportBatch(prepareExportJobs({files[0], files[1]}).jobs, webTo(probe), 1);
    ASSERT_TRUE(probed[0].ok() && probed[1].ok());
    const auto small = fs::file_size(probed[0].output), large = fs::file_size(probed[1].output);
    // dash counts `ulimit -f` in 512-byte blocks, bash in 1024: the limit holds the small
    // file and not the large one in either unit.
    const auto blocks = small / 512 + 2;
    ASSERT_LT(blocks * 1024 + 4096, large) << "the large test image compresses too well";

    std::string log;
    const int rc = test::runCommand(
        "sh -c " + test::shellQuote("ulimit -f " + std::to_string(blocks) +
                                    "; exec " RF_CLI_PATH " export -j 1 -o " + out.string() + " " +
                                    files[0] + " " + files[1] + " " + files[2]),
        log);
    EXPECT_EQ(rc, 1) << log;
    EXPECT_NE(log.find("Exported 1 of 3"), std::string::npos) << log;
    EXPECT_NE(log.find("2 failed"), std::string::npos) << log;
    EXPECT_EQ(countOf(log, "file too large"), 4) << log;  // FAILED lines and the summary's
    EXPECT_NE(log.find((out / "b.jpg").string() + ": file too large"), std::string::npos) << log;
    EXPECT_EQ(jpegsIn(out), std::vector<fs::path>{out / "a.jpg"}) << log;
    expectCompleteJpeg(out / "a.jpg", 64, 48);
    EXPECT_TRUE(temporariesIn(out).empty());
}

// A real full disk (a small tmpfs): the file that finds it full fails, named, and the batch
// stops — every later file would fail the same way after a wasted render.
TEST(Faults, FullDiskStopsTheBatchAndLeavesNothingPartial) {
    if (::geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root (CI runs as root)";
    test::TempDir dir("faults-enospc");
    const fs::path in = dir.path() / "in", mnt = dir.path() / "mnt", probe = dir.path() / "probe";
    const auto files = charts(in, 4, 900, 600);
    const auto probed = exportFile(prepareExportJobs({files[0]}).jobs[0], webTo(probe));
    ASSERT_TRUE(probed.ok()) << probed.error;
    const auto size = fs::file_size(probed.output);
    // Room for one file and a half: the second fills the disk while it is being written.
    const auto room = (size + size / 2 + 4095) / 4096 * 4096;

    fs::create_directories(mnt);
    const std::string options = "size=" + std::to_string(room);
    if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, options.c_str()) != 0)
        GTEST_SKIP() << "cannot mount a tmpfs here: " << std::strerror(errno);
    struct Unmount {
        fs::path at;
        ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
    } unmount{mnt};

    const fs::path out = mnt / "out";
    std::string log;
    const int rc = test::runCommand(RF_CLI_PATH " export -j 1 -o " + out.string() + " " + files[0] +
                                        " " + files[1] + " " + files[2] + " " + files[3],
                                    log);
    EXPECT_EQ(rc, 1) << log;
    EXPECT_NE(log.find("Exported 1 of 4"), std::string::npos) << log;
    EXPECT_NE(log.find("1 failed; 2 not attempted (the disk is full)"), std::string::npos) << log;
    EXPECT_NE(log.find((out / "01.jpg").string() + ": disk full: No space left on device"),
              std::string::npos)
        << log;
    EXPECT_EQ(jpegsIn(out), std::vector<fs::path>{out / "00.jpg"}) << log;
    expectCompleteJpeg(out / "00.jpg", 900, 600);
    EXPECT_TRUE(temporariesIn(mnt).empty());
}

// The library's progress callback removes the output folder once the first file is written:
// the later files fail naming the folder (it is not silently made again), and the first one,
// gone with it, is not counted as exported.
TEST(Faults, OutputFolderRemovedMidBatch) {
    test::TempDir dir("faults-rmdir");
    const fs::path out = dir.path() / "out";
    const auto files = charts(dir.path() / "in", 3, 160, 120);
    const auto outcomes = exportBatch(prepareExportJobs(files).jobs, webTo(out), 1,
                                      [&](const ExportOutcome& o, int done, int) {
                                          if (done == 1) {
                                              ASSERT_TRUE(o.ok()) << o.error;
                                              fs::remove_all(out);
                                          }
                                      });
    ASSERT_EQ(outcomes.size(), 3u);
    EXPECT_EQ(outcomes[0].status, ExportStatus::Failed);
    EXPECT_EQ(outcomes[0].error,
              (out / "00.jpg").string() +
                  ": was exported, but is no longer there (deleted during the export)");
    for (int i = 1; i < 3; ++i) {
        EXPECT_EQ(outcomes[i].status, ExportStatus::Failed);
        EXPECT_EQ(
            outcomes[i].error,
            out.string() + ": the output folder is gone (deleted or unmounted during the export)");
    }
    EXPECT_FALSE(fs::exists(out));
}

// A source deleted after the batch started: that file fails by name, the others export.
TEST(Faults, SourceDeletedMidBatch) {
    test::TempDir dir("faults-rmsrc");
    const fs::path out = dir.path() / "out";
    const auto files = charts(dir.path() / "in", 3, 160, 120);
    const auto outcomes = exportBatch(prepareExportJobs(files).jobs, webTo(out), 1,
                                      [&](const ExportOutcome&, int done, int) {
                                          if (done == 1) fs::remove(files[1]);
                                      });
    ASSERT_EQ(outcomes.size(), 3u);
    EXPECT_TRUE(outcomes[0].ok()) << outcomes[0].error;
    EXPECT_EQ(outcomes[1].status, ExportStatus::Failed);
    EXPECT_NE(outcomes[1].error.find(files[1]), std::string::npos) << outcomes[1].error;
    EXPECT_NE(outcomes[1].error.find("No such file"), std::string::npos) << outcomes[1].error;
    EXPECT_TRUE(outcomes[2].ok()) << outcomes[2].error;
    expectCompleteJpeg(out / "00.jpg", 160, 120);
    expectCompleteJpeg(out / "02.jpg", 160, 120);
    EXPECT_FALSE(fs::exists(out / "01.jpg"));
    EXPECT_TRUE(temporariesIn(out).empty());
}

// The same through the CLI, with the folder removed when the first file is reported.
TEST(Faults, CliOutputFolderRemovedMidBatch) {
    test::TempDir dir("faults-cli-rmdir");
    const fs::path out = dir.path() / "out";
    const auto files = charts(dir.path() / "in", 10);
    CliProcess cli(exportArgs(out, files, 1));
    ASSERT_TRUE(cli.waitFor("[1/10]")) << cli.output();
    std::error_code ec;
    while (fs::exists(out)) fs::remove_all(out, ec);  // a temporary may appear meanwhile
    EXPECT_EQ(cli.finish(), 1) << cli.output();
    const std::string& log = cli.output();
    EXPECT_NE(log.find("Exported 0 of 10"), std::string::npos) << log;
    EXPECT_NE(log.find("10 failed:"), std::string::npos) << log;
    EXPECT_NE(log.find((out / "00.jpg").string() + ": was exported, but is no longer there"),
              std::string::npos)
        << log;
    EXPECT_NE(log.find(out.string() + ": the output folder is gone"), std::string::npos) << log;
    EXPECT_FALSE(fs::exists(out));
}

namespace {

// Interrupts a 30-file batch once its first file is reported and checks what is left.
void interruptMidBatch(int sig, int expectedStatus) {
    test::TempDir dir("faults-sig");
    const fs::path out = dir.path() / "out";
    const int total = 30;
    const auto files = charts(dir.path() / "in", total);
    CliProcess cli(exportArgs(out, files, 2));
    ASSERT_TRUE(cli.waitFor("[1/30]")) << cli.output();
    cli.signal(sig);
    EXPECT_EQ(cli.finish(), expectedStatus) << cli.output();
    const std::string& log = cli.output();

    const std::regex summary("interrupted: ([0-9]+) of 30 exported, ([0-9]+) not exported");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(log, m, summary)) << log;
    const int exported = std::stoi(m[1]), notExported = std::stoi(m[2]);
    EXPECT_EQ(exported + notExported, total) << log;
    EXPECT_GE(exported, 1) << log;
    EXPECT_LT(exported, total) << "the batch ended before the signal: " << log;
    EXPECT_EQ(log.find("FAILED"), std::string::npos) << "cancelled files are no failures: " << log;
    const auto written = jpegsIn(out);
    EXPECT_EQ(int(written.size()), exported) << log;
    for (const auto& jpg : written) expectCompleteJpeg(jpg, 1000, 600);
    EXPECT_TRUE(temporariesIn(out).empty());
}

}  // namespace

TEST(Faults, SigintMidBatchFinishesCleanlyWithStatus130) {
    interruptMidBatch(SIGINT, 130);
}

TEST(Faults, SigtermMidBatchFinishesCleanlyWithStatus143) {
    interruptMidBatch(SIGTERM, 143);
}

// A second interrupt exits at once, without the summary, and still leaves only whole files:
// the temporaries in flight are deleted first. Every thread of the process is stopped while
// both signals are sent, so both are waiting when it goes on, files still in flight. (Two
// SIGINTs would merge into one while pending; SIGINT is received before SIGTERM.)
TEST(Faults, SecondInterruptExitsAtOnceWithoutPartialFiles) {
    test::TempDir dir("faults-sig2");
    const fs::path out = dir.path() / "out";
    const auto files = charts(dir.path() / "in", 30);
    CliProcess cli(exportArgs(out, files, 2));
    ASSERT_TRUE(cli.waitFor("[1/30]")) << cli.output();
    ASSERT_TRUE(cli.freeze());
    cli.signal(SIGINT);
    cli.signal(SIGTERM);
    cli.signal(SIGCONT);
    EXPECT_EQ(cli.finish(), 143) << cli.output();
    const std::string& log = cli.output();
    EXPECT_NE(log.find("stopped at once"), std::string::npos) << log;
    EXPECT_EQ(log.find("interrupted: "), std::string::npos) << "no summary: " << log;
    const auto written = jpegsIn(out);
    EXPECT_LT(written.size(), 30u) << log;
    for (const auto& jpg : written) expectCompleteJpeg(jpg, 1000, 600);
    EXPECT_TRUE(temporariesIn(out).empty());
}

// What the second interrupt relies on: a registered temporary is deleted from the signal
// path, one no longer registered (placed, or gone) is not touched, and threads that run on
// until the exit bring nothing back: a writer does not create a removed temporary again, and
// no new temporary is made. The removal marks its process as exiting, so it runs in a child.
TEST(Faults, RegisteredTemporariesAreRemovedAtOnce) {
    test::TempDir dir("faults-registry");
    const std::string target = dir.str("photo.jpg");
    const auto check = [](bool ok, const char* what) {
        if (ok) return;
        std::fprintf(stderr, "failed: %s\n", what);
        std::_Exit(1);
    };
    const auto body = [&] {
        std::string finished;
        {
            const TemporaryFile done(target);
            finished = done.path();
        }
        test::writeFile(finished, "not ours any more");
        const TemporaryFile tmp(target);
        check(isTemporaryName(fs::path(tmp.path()).filename().string()), "a temporary's name");
        test::writeFile(tmp.path(), "half an image");
        removeTemporaryExportFiles();
        check(!fs::exists(tmp.path()), "the registered temporary is removed");
        check(fs::exists(finished), "a finished temporary is no longer registered");
        const Image pixels(8, 8, 3);
        bool refused = false;
        try {
            writeImage(tmp.path(), pixels.cview(), EncodeOptions{}, {});
        } catch (const Error&) {
            refused = true;
        }
        check(refused && !fs::exists(tmp.path()), "a writer does not create it again");
        refused = false;
        try {
            const TemporaryFile late(target);
        } catch (const Error& e) {
            refused = std::string(e.what()).find("stopping") != std::string::npos;
        }
        check(refused, "no temporary is created once the process is exiting");
        int files = 0;
        for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path())) ++files;
        check(files == 1, "only the finished temporary's file is left");
        std::_Exit(0);
    };
    EXPECT_EXIT(body(), ::testing::ExitedWithCode(0), "");
}

namespace {

[[noreturn]] void crashBeforePlace(const std::string&, const std::string&) {
    ::_exit(42);
}

// Runs `write` in a child that dies between the temporary's write and its rename; returns
// the child's pid (reaped) after checking it died there.
pid_t crashBetweenWriteAndRename(const std::function<void()>& write) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        setThreadCount(1);  // the pool's threads were not forked: work on this one
        faults::setBeforePlaceHook(crashBeforePlace);
        try {
            write();
        } catch (...) {
            ::_exit(2);
        }
        ::_exit(1);  // the hook never ran
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 42) << "status " << status;
    return pid;
}

std::vector<fs::path> leftovers(const fs::path& dir) {
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(dir))
        if (isTemporaryName(e.path().filename().string())) found.push_back(e.path());
    return found;
}

void age(const fs::path& file) {
    fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::hours(1));
}

}  // namespace

// A crash between writing the new sidecar and renaming it over the old one: the old sidecar
// is intact, byte for byte; the leftover temporary holds the whole new one, breaks neither
// the next load nor the next save, and is cleaned once its writer is surely gone.
TEST(Faults, SidecarSurvivesACrashBetweenWriteAndRename) {
    test::TempDir dir("faults-sidecar");
    const std::string raw = dir.str("IMG_0001.CR2");  // a sidecar save never opens the raw
    Sidecar old;
    old.edits.setFloat("exposure.ev", 1.0);
    old.info.rating = 3;
    saveSidecar(raw, old);
    const std::string sidecar = findSidecar(raw);
    ASSERT_FALSE(sidecar.empty());
    const std::string before = test::readFile(sidecar);

    Sidecar next = old;
    next.edits.setFloat("exposure.ev", 2.0);
    next.info.rating = 5;
    const pid_t child = crashBetweenWriteAndRename([&] { saveSidecar(raw, next); });

    EXPECT_EQ(test::readFile(sidecar), before);
    EXPECT_EQ(loadSidecar(raw).edits.getFloat("exposure.ev"), 1.0);
    const auto left = leftovers(dir.path());
    ASSERT_EQ(left.size(), 1u);
    EXPECT_NE(left[0].filename().string().find(std::to_string(child)), std::string::npos);
    EXPECT_EQ(loadSidecarFile(left[0].string()).info.rating, 5) << "the crash came after the write";

    // The leftover is invisible to the next load and save.
    next.edits.setFloat("exposure.ev", 3.0);
    saveSidecar(raw, next);
    EXPECT_EQ(loadSidecar(raw).edits.getFloat("exposure.ev"), 3.0);
    EXPECT_EQ(findSidecar(raw), sidecar);

    // Fresh, it might still be a live writer's elsewhere; old and its process gone, it goes.
    EXPECT_EQ(removeStaleTemporaries(dir.str()), 0);
    EXPECT_TRUE(fs::exists(left[0]));
    age(left[0]);
    const fs::path ours = temporarySiblingPath(sidecar);  // this process's: never stale
    test::writeFile(ours.string(), "in flight");
    age(ours);
    EXPECT_EQ(removeStaleTemporaries(dir.str()), 1);
    EXPECT_FALSE(fs::exists(left[0]));
    EXPECT_TRUE(fs::exists(ours));
    EXPECT_EQ(loadSidecar(raw).edits.getFloat("exposure.ev"), 3.0);
}

// The same crash during an export: the output name never exists half-written, and the
// next batch into that folder clears the old leftover.
TEST(Faults, ExportCrashBeforePlacingLeavesNoOutput) {
    test::TempDir dir("faults-export-crash");
    const fs::path out = dir.path() / "out";
    const auto files = charts(dir.path() / "in", 1, 160, 120);
    const auto jobs = prepareExportJobs(files).jobs;
    crashBetweenWriteAndRename([&] { exportFile(jobs[0], webTo(out)); });
    EXPECT_FALSE(fs::exists(out / "00.jpg"));
    const auto left = leftovers(out);
    ASSERT_EQ(left.size(), 1u);
    age(left[0]);

    const auto outcomes = exportBatch(jobs, webTo(out), 1);
    ASSERT_TRUE(outcomes[0].ok()) << outcomes[0].error;
    expectCompleteJpeg(out / "00.jpg", 160, 120);
    EXPECT_TRUE(leftovers(out).empty());
}
