// SPDX-License-Identifier: GPL-3.0-or-later
// Writing into folders other people can write to, and sharing a sidecar with other programs:
// links planted at the names our temporaries used to take (and at the final name) are never
// written through, a temporary swapped for a link is never placed, two programs changing one
// photo's sidecar both land, a sidecar that is there but cannot be read is reported rather
// than taken for none, and malformed XML is reported with its line.
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "io/atomic_file.h"
#include "io/atomic_file_faults.h"
#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/parallel.h"
#include "rangefinder/sidecar.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

constexpr char kPrecious[] = "precious: must never change";

// Whether a planted link's target still holds what it held: no write went through it.
void expectUntouched(const fs::path& victim) {
    const std::string now = test::readFile(victim.string());
    EXPECT_TRUE(now == kPrecious) << victim << " was written through (" << now.size()
                                  << " bytes now)";
}

struct Planted {
    fs::path victim;
    int links = 0;
};

// Symbolic links at every name an older Rangefinder would have given the temporaries of
// `target` in processes `pids` with counters 0 … counters-1 (`.STEM.rf-tmp-PID-N.EXT`), all
// pointing at one victim file outside the folder.
Planted plantAtPredictableNames(const fs::path& target, const std::vector<long>& pids, int counters,
                                const fs::path& victim) {
    test::writeFile(victim.string(), kPrecious);
    Planted p{victim, 0};
    for (const long pid : pids)
        for (int n = 0; n < counters; ++n) {
            std::string name = target.stem().string();
            name.insert(0, 1, '.');
            name += ".rf-tmp-" + std::to_string(pid) + "-" + std::to_string(n) +
                    target.extension().string();
            const fs::path link = target.parent_path() / name;
            fs::create_symlink(victim, link);
            ++p.links;
        }
    return p;
}

void expectRegularFile(const fs::path& path) {
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(path))) << path << " is not a plain file";
}

std::vector<long> thisProcess() {
    return {long(::getpid())};
}

void writeChart(const fs::path& path, int w, int h) {
    synth::writeDng(path.string(), synth::renderChart(w, h).cview(), synth::DngOptions{});
}

ExportSettings webTo(const fs::path& out) {
    ExportSettings s = exportPreset("web");
    s.outputDir = out.string();
    return s;
}

}  // namespace

// ---- item 1: temporaries ------------------------------------------------------------------

TEST(HardeningIo, TemporaryNamesAreUnpredictable) {
    const std::string a = temporarySiblingPath("/x/photo.jpg");
    const std::string b = temporarySiblingPath("/x/photo.jpg");
    EXPECT_NE(a, b);
    const std::string prefix = "/x/.photo.rf-tmp-" + std::to_string(::getpid()) + "-";
    ASSERT_EQ(a.rfind(prefix, 0), 0u) << a;
    const std::string tag = a.substr(prefix.size(), a.size() - prefix.size() - 4);
    EXPECT_EQ(tag.size(), 12u) << a;
    EXPECT_TRUE(isTemporaryName(fs::path(a).filename().string())) << a;
    // Names from older versions (a counter) are still recognised for the stale clean-up.
    EXPECT_TRUE(isTemporaryName(".photo.rf-tmp-123-4.jpg"));
}

// The red team's attack, in this process where the PID is known: links at the first thousand
// counter values. A sidecar save, a text file (looks, .cube LUTs, edit documents) and an
// export each write their own file and nothing through the links.
TEST(HardeningIo, LinksPlantedAtPredictableTemporaryNamesAreNeverFollowed) {
    test::TempDir dir("hardening-planted");
    const fs::path shared = dir.path() / "shared";
    fs::create_directories(shared);

    const fs::path raw = shared / "IMG_0001.CR2";
    const Planted forSidecar = plantAtPredictableNames(shared / "IMG_0001.CR2.xmp", thisProcess(),
                                                       1000, dir.path() / "victim-sidecar");
    Sidecar s;
    s.info.rating = 4;
    saveSidecar(raw.string(), s);
    expectUntouched(forSidecar.victim);
    expectRegularFile(shared / "IMG_0001.CR2.xmp");
    EXPECT_EQ(loadSidecar(raw.string()).info.rating, 4);

    const Planted forText = plantAtPredictableNames(shared / "mine.cube", thisProcess(), 1000,
                                                    dir.path() / "victim-text");
    writeFileAtomically((shared / "mine.cube").string(), "LUT_3D_SIZE 2\n");
    expectUntouched(forText.victim);
    expectRegularFile(shared / "mine.cube");
    EXPECT_EQ(test::readFile((shared / "mine.cube").string()), "LUT_3D_SIZE 2\n");

    const fs::path input = dir.path() / "in" / "00.dng";
    fs::create_directories(input.parent_path());
    writeChart(input, 160, 120);
    const Planted forExport = plantAtPredictableNames(shared / "00.jpg", thisProcess(), 1000,
                                                      dir.path() / "victim-export");
    const auto outcome = exportFile(prepareExportJobs({input.string()}).jobs[0], webTo(shared));
    ASSERT_TRUE(outcome.ok()) << outcome.error;
    expectUntouched(forExport.victim);
    expectRegularFile(shared / "00.jpg");
    EXPECT_EQ(outcome.output, (shared / "00.jpg").string());
}

// The same through the command line, whose process ids are not known in advance: links for
// the next few hundred of them, for a `rate` and an `export`.
TEST(HardeningIo, CliRateAndExportIgnoreLinksPlantedForTheNextProcessIds) {
    test::TempDir dir("hardening-cli");
    const fs::path shared = dir.path() / "shared";
    fs::create_directories(shared);
    const fs::path raw = shared / "00.dng";
    writeChart(raw, 160, 120);
    std::vector<long> next;
    for (long pid = ::getpid() + 1; pid <= ::getpid() + 400; ++pid) next.push_back(pid);
    const Planted forSidecar =
        plantAtPredictableNames(shared / "00.dng.xmp", next, 3, dir.path() / "victim-sidecar");
    const Planted forExport =
        plantAtPredictableNames(shared / "00.jpg", next, 3, dir.path() / "victim-export");

    std::string log;
    ASSERT_EQ(test::runCli("rate --stars 4 " + raw.string(), log), 0) << log;
    ASSERT_EQ(test::runCli("export -o " + shared.string() + " " + raw.string(), log), 0) << log;
    expectUntouched(forSidecar.victim);
    expectUntouched(forExport.victim);
    expectRegularFile(shared / "00.dng.xmp");
    expectRegularFile(shared / "00.jpg");
    EXPECT_EQ(loadSidecar(raw.string()).info.rating, 4);
}

// A link at the final name is replaced (overwrite) or left alone (numbered names), never
// written through.
TEST(HardeningIo, LinkAtTheFinalNameIsReplacedNotWrittenThrough) {
    test::TempDir dir("hardening-final");
    const fs::path victim = dir.path() / "victim";
    test::writeFile(victim.string(), kPrecious);

    // A sidecar link to another photo's sidecar: read, then replaced by a file of its own.
    const fs::path raw = dir.path() / "IMG_0001.CR2";
    const fs::path other = dir.path() / "other.xmp";
    Sidecar rated;
    rated.info.rating = 1;
    saveSidecar((dir.path() / "other").string(), rated, SidecarNaming::BaseNameXmp);
    const std::string otherBefore = test::readFile(other.string());
    fs::create_symlink(other, dir.path() / "IMG_0001.CR2.xmp");
    rated.info.rating = 5;
    saveSidecar(raw.string(), rated);
    EXPECT_EQ(test::readFile(other.string()), otherBefore);
    expectRegularFile(dir.path() / "IMG_0001.CR2.xmp");
    EXPECT_EQ(loadSidecar(raw.string()).info.rating, 5);

    const fs::path cube = dir.path() / "mine.cube";
    fs::create_symlink(victim, cube);
    writeFileAtomically(cube.string(), "LUT_3D_SIZE 2\n");
    expectUntouched(victim);
    expectRegularFile(cube);

    const fs::path out = dir.path() / "out";
    fs::create_directories(out);
    const fs::path input = dir.path() / "00.dng";
    writeChart(input, 160, 120);
    const auto job = prepareExportJobs({input.string()}).jobs[0];
    fs::create_symlink(victim, out / "00.jpg");
    const auto numbered = exportFile(job, webTo(out));
    ASSERT_TRUE(numbered.ok()) << numbered.error;
    EXPECT_EQ(numbered.output, (out / "00-1.jpg").string());
    EXPECT_TRUE(fs::is_symlink(out / "00.jpg")) << "not ours to replace without --overwrite";
    expectUntouched(victim);

    ExportSettings overwrite = webTo(out);
    overwrite.overwrite = true;
    const auto replaced = exportFile(job, overwrite);
    ASSERT_TRUE(replaced.ok()) << replaced.error;
    EXPECT_EQ(replaced.output, (out / "00.jpg").string());
    expectRegularFile(out / "00.jpg");
    expectUntouched(victim);
}

// The other names Rangefinder writes at: a quarantined sidecar's backup (named from the
// clock, so predictable) and the photo's lock file. A link at either is never followed.
TEST(HardeningIo, BackupAndLockNamesNeverFollowLinks) {
    test::TempDir dir("hardening-backup");
    const fs::path victim = dir.path() / "victim";
    test::writeFile(victim.string(), kPrecious);
    const std::string raw = dir.str("IMG_0001.CR2");
    const std::string side = raw + ".xmp";
    test::writeFile(side, "<broken");
    std::vector<fs::path> planted;
    for (int s = 0; s < 3; ++s) {
        const std::time_t when = std::time(nullptr) + s;
        std::tm tm{};
        gmtime_r(&when, &tm);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
        for (int n = 1; n <= 3; ++n) {
            const std::string name =
                side + ".bad-" + stamp + (n == 1 ? std::string() : "-" + std::to_string(n));
            fs::create_symlink(victim, name);
            planted.push_back(name);
        }
    }
    const std::string moved = quarantineSidecar(side);
    expectUntouched(victim);
    expectRegularFile(moved);
    EXPECT_EQ(test::readFile(moved), "<broken");
    for (const auto& p : planted) EXPECT_TRUE(fs::is_symlink(p)) << p;

    // A dangling link at the lock's name would create a file wherever it points.
    const fs::path elsewhere = dir.path() / "created-through-the-lock";
    fs::create_symlink(elsewhere, dir.path() / ".IMG_0001.CR2.xmp.lock");
    Sidecar s;
    s.info.rating = 3;
    EXPECT_THROW(saveSidecar(raw, s), Error);
    EXPECT_FALSE(fs::exists(fs::symlink_status(elsewhere)));
}

namespace {

fs::path gSwapVictim;

// What an attacker racing the writer would do: the finished temporary replaced by a link.
void swapForLink(const std::string& temporary, const std::string&) {
    ::unlink(temporary.c_str());
    ::symlink(gSwapVictim.c_str(), temporary.c_str());
}

}  // namespace

// A temporary that is no longer the file we created when it comes to be placed (an attacker
// swapped it for a link after the encoder or Exiv2 wrote it) is refused: the link never
// becomes the output, the sidecar or the LUT.
TEST(HardeningIo, TemporarySwappedForALinkIsNeverPlaced) {
    test::TempDir dir("hardening-swap");
    gSwapVictim = dir.path() / "victim";
    test::writeFile(gSwapVictim.string(), kPrecious);
    faults::setBeforePlaceHook(swapForLink);

    const fs::path cube = dir.path() / "mine.cube";
    EXPECT_THROW(writeFileAtomically(cube.string(), "LUT_3D_SIZE 2\n"), Error);
    EXPECT_FALSE(fs::exists(fs::symlink_status(cube)));

    const fs::path raw = dir.path() / "IMG_0001.CR2";
    Sidecar s;
    s.info.rating = 2;
    EXPECT_THROW(saveSidecar(raw.string(), s), Error);
    EXPECT_FALSE(fs::exists(fs::symlink_status(dir.path() / "IMG_0001.CR2.xmp")));

    const fs::path input = dir.path() / "00.dng";
    writeChart(input, 160, 120);
    const fs::path out = dir.path() / "out";
    const auto outcome = exportFile(prepareExportJobs({input.string()}).jobs[0], webTo(out));
    faults::setBeforePlaceHook(nullptr);
    EXPECT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error.find("replaced while being written"), std::string::npos)
        << outcome.error;
    EXPECT_FALSE(fs::exists(fs::symlink_status(out / "00.jpg")));
    expectUntouched(gSwapVictim);
}

// Temporaries are created 0644 less the umask (a umask of 0 makes no file writable by all).
TEST(HardeningIo, TemporariesAreCreatedPrivateToWrite) {
    test::TempDir dir("hardening-mode");
    const mode_t old = ::umask(0);
    writeFileAtomically(dir.str("a.look"), "name = \"a\"\n");
    Sidecar s;
    saveSidecar(dir.str("IMG_0001.CR2"), s);
    ::umask(old);
    for (const char* name : {"a.look", "IMG_0001.CR2.xmp"}) {
        struct stat st {};
        ASSERT_EQ(::stat(dir.str(name).c_str(), &st), 0);
        EXPECT_EQ(st.st_mode & 07777, 0644u) << name;
    }
}

// ---- item 4: one photo's sidecar changed by two programs at once --------------------------

namespace {

// Adds keyword `tag`; the keywords list is the record of which updates landed.
void addKeyword(const std::string& raw, const std::string& tag) {
    updateSidecar(raw, [&](Sidecar& s) {
        s.info.keywords.push_back(tag);
        return true;
    });
}

void expectEveryKeyword(const std::string& raw, const std::vector<std::string>& who, int rounds) {
    const Sidecar s = loadSidecar(raw);
    const std::set<std::string> have(s.info.keywords.begin(), s.info.keywords.end());
    int missing = 0;
    for (const auto& w : who)
        for (int i = 0; i < rounds; ++i)
            if (!have.count(w + std::to_string(i))) ++missing;
    EXPECT_EQ(missing, 0) << "updates lost out of " << who.size() * rounds;
    EXPECT_EQ(s.info.keywords.size(), who.size() * std::size_t(rounds));
}

}  // namespace

TEST(HardeningIo, ConcurrentUpdatesFromTwoThreadsAllLand) {
    test::TempDir dir("hardening-threads");
    const std::string raw = dir.str("IMG_0001.CR2");
    constexpr int kRounds = 50;
    std::thread stars([&] {
        for (int i = 0; i < kRounds; ++i) addKeyword(raw, "stars" + std::to_string(i));
    });
    std::thread label([&] {
        for (int i = 0; i < kRounds; ++i) addKeyword(raw, "label" + std::to_string(i));
    });
    stars.join();
    label.join();
    expectEveryKeyword(raw, {"stars", "label"}, kRounds);
    EXPECT_FALSE(fs::exists(dir.path() / ".IMG_0001.CR2.xmp.lock")) << "the lock file is removed";
}

TEST(HardeningIo, ConcurrentUpdatesFromTwoProcessesAllLand) {
    test::TempDir dir("hardening-processes");
    const std::string raw = dir.str("IMG_0001.CR2");
    constexpr int kRounds = 50;
    std::vector<pid_t> children;
    for (const char* who : {"stars", "label"}) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            int rc = 0;
            try {
                for (int i = 0; i < kRounds; ++i) addKeyword(raw, who + std::to_string(i));
            } catch (...) {
                rc = 1;
            }
            ::_exit(rc);
        }
        children.push_back(pid);
    }
    for (const pid_t pid : children) {
        int status = 0;
        ::waitpid(pid, &status, 0);
        EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "status " << status;
    }
    expectEveryKeyword(raw, {"stars", "label"}, kRounds);
}

// A lock held past the timeout (another program stuck mid-change) fails with a message that
// says so, and nothing is written.
TEST(HardeningIo, UpdateWaitsForTheLockThenGivesUpClearly) {
    test::TempDir dir("hardening-timeout");
    const std::string raw = dir.str("IMG_0001.CR2");
    const std::string lockPath = dir.str(".IMG_0001.CR2.xmp.lock");
    const int fd = ::open(lockPath.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0644);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX), 0);
    bool called = false;
    try {
        updateSidecar(
            raw,
            [&](Sidecar&) {
                called = true;
                return true;
            },
            SidecarNaming::RawExtXmp, std::chrono::milliseconds(200));
        ADD_FAILURE() << "the update must not go ahead while the lock is held";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), raw + ".xmp");
        EXPECT_NE(std::string(e.what()).find("another program"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(called);
    EXPECT_FALSE(fs::exists(raw + ".xmp"));
    ::close(fd);
    // Released: the next update goes ahead (the stale lock file is reused and removed).
    addKeyword(raw, "after");
    EXPECT_EQ(loadSidecar(raw).info.keywords, std::vector<std::string>{"after"});
}

// ---- item 10: a sidecar that is there but cannot be read ----------------------------------

TEST(HardeningIo, SidecarThatIsAFolderIsReportedNotIgnored) {
    test::TempDir dir("hardening-folder");
    const std::string raw = dir.str("IMG_0001.dng");
    writeChart(raw, 160, 120);
    fs::create_directories(raw + ".xmp");
    try {
        loadSidecar(raw);
        FAIL() << "a folder at the sidecar's name must be reported";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), raw + ".xmp");
        EXPECT_NE(std::string(e.what()).find("folder"), std::string::npos) << e.what();
    }
    // What an export of the photo with its sidecar does: the photo fails, named, rather than
    // being exported without the photographer's edits.
    JobOptions options;
    options.useSidecars = true;
    const auto prepared = prepareExportJobs({raw}, EditDocument{}, options);
    EXPECT_TRUE(prepared.jobs.empty());
    ASSERT_EQ(prepared.failed.size(), 1u);
    EXPECT_NE(prepared.failed[0].error.find(raw + ".xmp"), std::string::npos)
        << prepared.failed[0].error;
}

TEST(HardeningIo, SidecarThatIsABrokenLinkIsReported) {
    test::TempDir dir("hardening-dangling");
    const std::string raw = dir.str("IMG_0001.CR2");
    fs::create_symlink(dir.path() / "gone.xmp", raw + ".xmp");
    EXPECT_THROW(loadSidecar(raw), Error);
}

TEST(HardeningIo, UnreadableSidecarIsReportedNotIgnored) {
    test::TempDir dir("hardening-unreadable");
    const std::string raw = dir.str("IMG_0001.CR2");
    Sidecar s;
    s.info.rating = 5;
    saveSidecar(raw, s);
    ASSERT_EQ(::chmod((raw + ".xmp").c_str(), 0), 0);
    // Root reads anything: the check runs as nobody in a child.
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
        try {
            loadSidecar(raw);
        } catch (const Error& e) {
            const std::string what = e.what();
            ::_exit(e.file() == raw + ".xmp" && what.find("denied") != std::string::npos ? 0 : 2);
        }
        ::_exit(1);  // taken for "no sidecar"
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::chmod((raw + ".xmp").c_str(), 0644);
    ASSERT_TRUE(WIFEXITED(status));
    if (WEXITSTATUS(status) == 3) GTEST_SKIP() << "cannot drop privileges here";
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

// ---- item 12: malformed XML names the line ------------------------------------------------

TEST(HardeningIo, MalformedSidecarErrorNamesTheLine) {
    test::TempDir dir("hardening-line");
    const std::string raw = dir.str("IMG_0001.CR2");
    test::writeFile(
        raw + ".xmp",
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        "   <xmp:Rating>3</xmp:Label>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n");
    try {
        loadSidecar(raw);
        FAIL() << "a malformed sidecar must throw";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_EQ(e.file(), raw + ".xmp");
        EXPECT_NE(what.find("line 4"), std::string::npos) << what;
        EXPECT_NE(what.find("mismatched tag"), std::string::npos) << what;
    }
}
