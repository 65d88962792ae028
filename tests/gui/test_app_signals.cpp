// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app quits cleanly on SIGINT and SIGTERM (app/quit_signals.h): it runs its own
// quit path (settings saved, export cancelled, edits flushed) and exits with 128 + the signal,
// instead of being killed mid-write by the default action. Runs the real `rangefinder` binary,
// offscreen, with its settings in a temporary folder.
#include <gtest/gtest.h>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "support/shell.h"
#include "support/test_support.h"
#include "synth.h"

extern char** environ;

namespace fs = std::filesystem;
using namespace rf;

namespace {

const std::string kApp = RF_BINARY_DIR "/rangefinder";

// True once the process's main thread blocks both signals, i.e. blockQuitSignals() ran: a
// signal sent before that would take the default action, which is not what is tested.
bool blocksQuitSignals(pid_t pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("SigBlk:", 0) == 0) {
            const unsigned long long mask = std::stoull(line.substr(7), nullptr, 16);
            const unsigned long long want = (1ull << (SIGINT - 1)) | (1ull << (SIGTERM - 1));
            return (mask & want) == want;
        }
    return false;
}

// Waits for `pid` to end, at most `seconds`; its wait status, or -1 on a timeout (the process
// is then killed).
int waitFor(pid_t pid, int seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    int status = 0;
    while (std::chrono::steady_clock::now() < end) {
        if (::waitpid(pid, &status, WNOHANG) == pid) return status;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return -1;
}

// What both tests do. A GTEST_SKIP() here would return from this function only, not skip the
// test, so the fixture's SetUp skips when the app was not built; an ASSERT ending this function
// ends the test, as nothing follows the call.
void quitsCleanlyOn(int sig) {
    test::TempDir dir("app-signals");
    const fs::path photos = dir.path() / "photos";
    fs::create_directories(photos);
    synth::writeDng((photos / "chart.dng").string(), synth::renderChart(300, 200).cview(),
                    synth::DngOptions{});

    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) env.emplace_back(*e);
    env.push_back("QT_QPA_PLATFORM=offscreen");
    env.push_back("XDG_CONFIG_HOME=" + (dir.path() / "config").string());
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    std::string app = kApp, folder = photos.string();
    char* argv[] = {app.data(), folder.data(), nullptr};
    pid_t pid = 0;
    ASSERT_EQ(::posix_spawn(&pid, app.c_str(), nullptr, nullptr, argv, envp.data()), 0);

    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!blocksQuitSignals(pid) && std::chrono::steady_clock::now() < end)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(blocksQuitSignals(pid)) << "the app never blocked SIGINT and SIGTERM";
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let the window open
    ASSERT_EQ(::kill(pid, sig), 0);
    const int status = waitFor(pid, 60);
    ASSERT_NE(status, -1) << "the app did not quit within a minute of the signal";
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status)
                                   << ": the default action ran, not the app's quit path";
    EXPECT_EQ(WEXITSTATUS(status), 128 + sig);
    // The quit path saved the window's settings (a fresh settings folder has none before).
    const std::string conf =
        test::readFile((dir.path() / "config" / "Rangefinder" / "Rangefinder.conf").string());
    EXPECT_NE(conf.find("geometry"), std::string::npos) << conf;
    EXPECT_NE(conf.find("photos"), std::string::npos) << "the folder is remembered\n" << conf;
}

class AppSignals : public ::testing::Test {
  protected:
    void SetUp() override {
        if (!fs::exists(kApp)) GTEST_SKIP() << kApp << " was not built";
    }
};

}  // namespace

TEST_F(AppSignals, SigtermQuitsThroughTheAppsOwnQuitPath) {
    quitsCleanlyOn(SIGTERM);
}

TEST_F(AppSignals, SigintQuitsThroughTheAppsOwnQuitPath) {
    quitsCleanlyOn(SIGINT);
}

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
