// SPDX-License-Identifier: GPL-3.0-or-later
// The command line against a careless or hostile user, on the real binary: option values
// that swallow the inputs, templates that point outside the output folder, edits no raw can
// render, contradictory options, name collisions within one run, a summary that must add up,
// and a kill in the middle of a batch (issue 16).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>

#include "rangefinder/error.h"
#include "rangefinder/sidecar.h"
#include "support/shell.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

void writeChart(const fs::path& path, const std::string& model = "Synthetic Chart", int w = 300,
                int h = 200) {
    synth::DngOptions o;
    o.model = model;
    synth::writeDng(path.string(), synth::renderChart(w, h).cview(), o);
}

std::set<std::string> filesIn(const fs::path& dir) {
    std::set<std::string> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out.insert(fs::relative(e.path(), dir).string());
    return out;
}

}  // namespace

// Item 14: one value per --set (and --look, --looks-dir); the inputs after it are inputs, also
// when there are several (a vector option took all but the last as values).
TEST(CliHardening, SetTakesOneValueAndLeavesTheInputsAlone) {
    test::TempDir dir("cli-set");
    writeChart(dir.path() / "a.dng");
    writeChart(dir.path() / "b.dng");
    const std::string inputs = " " + dir.str("a.dng") + " " + dir.str("b.dng");
    std::string log;
    EXPECT_EQ(test::runCli(
                  "export --quiet -o " + dir.str("out") + " --set exposure.ev=0.5" + inputs, log),
              0)
        << log;
    EXPECT_EQ(filesIn(dir.path() / "out"), (std::set<std::string>{"a.jpg", "b.jpg"})) << log;
    EXPECT_EQ(test::runCli("export --quiet -o " + dir.str("out2") + " --looks-dir " +
                               RF_SOURCE_DIR "/looks --look leica-vibrant" + inputs,
                           log),
              0)
        << log;
    EXPECT_EQ(filesIn(dir.path() / "out2"), (std::set<std::string>{"a.jpg", "b.jpg"})) << log;
}

// Item 6: a template names a file in the output folder, never a path; metadata values in it
// (a camera model read from the file) cannot make folders either.
TEST(CliHardening, TemplatesCannotWriteOutsideTheOutputFolder) {
    test::TempDir dir("cli-template");
    writeChart(dir.path() / "a.dng");
    fs::create_directories(dir.path() / "out");
    for (const std::string& tpl :
         std::vector<std::string>{"../x", dir.str("abs-x"), "sub/x", "a\nb", "..\\x", "a\tb"}) {
        std::string log;
        EXPECT_EQ(test::runCli("export -o " + dir.str("out") + " -t " + test::shellQuote(tpl) +
                                   " " + dir.str("a.dng"),
                               log),
                  2)
            << tpl << ": " << log;
        EXPECT_NE(log.find("template"), std::string::npos) << log;
    }
    EXPECT_TRUE(filesIn(dir.path() / "out").empty());
    EXPECT_FALSE(fs::exists(dir.path() / "x.jpg"));
    EXPECT_FALSE(fs::exists(dir.path() / "abs-x.jpg"));
    // A hostile model name is one file name inside the folder.
    writeChart(dir.path() / "b.dng", "../../evil/..");
    std::string log;
    EXPECT_EQ(
        test::runCli("export --quiet -o " + dir.str("out") + " -t '{camera}' " + dir.str("b.dng"),
                     log),
        0)
        << log;
    const auto files = filesIn(dir.path() / "out");
    ASSERT_EQ(files.size(), 1u) << log;
    EXPECT_EQ(files.begin()->find('/'), std::string::npos) << *files.begin();
    EXPECT_FALSE(fs::exists(dir.path() / "evil"));
}

// Item 9: edits no raw can render are a usage error before anything is read; in a sidecar
// they fail that file, named, and the batch goes on.
TEST(CliHardening, ContradictoryEditsAreRefusedBeforeDecoding) {
    test::TempDir dir("cli-contradict");
    writeChart(dir.path() / "a.dng");
    writeChart(dir.path() / "b.dng");
    std::string log;
    EXPECT_EQ(test::runCli("export -o " + dir.str("out") + " -s crop.left=0.8 -s crop.right=0.2 " +
                               dir.str("a.dng"),
                           log),
              2)
        << log;
    EXPECT_NE(log.find("crop: left (0.8) must be less than right (0.2)"), std::string::npos) << log;
    EXPECT_TRUE(filesIn(dir.path() / "out").empty());
    Sidecar bad;
    bad.edits.setFloat("crop.top", 0.9);
    bad.edits.setFloat("crop.bottom", 0.1);
    saveSidecar(dir.str("b.dng"), bad);
    EXPECT_EQ(
        test::runCli(
            "export -o " + dir.str("out") + " " + dir.str("a.dng") + " " + dir.str("b.dng"), log),
        1)
        << log;
    EXPECT_NE(log.find("b.dng"), std::string::npos) << log;
    EXPECT_NE(log.find("crop: top"), std::string::npos) << log;
    EXPECT_EQ(filesIn(dir.path() / "out"), std::set<std::string>{"a.jpg"}) << log;
}

// Item 11: a rating and a reject at once is a usage error, and nothing is written.
TEST(CliHardening, StarsAndRejectTogetherAreAUsageError) {
    test::TempDir dir("cli-rate");
    writeChart(dir.path() / "a.dng");
    std::string log;
    EXPECT_EQ(test::runCli("rate --stars 5 --reject " + dir.str("a.dng"), log), 2) << log;
    EXPECT_FALSE(fs::exists(dir.path() / "a.dng.xmp")) << log;
    EXPECT_FALSE(fs::exists(dir.path() / "a.xmp")) << log;
}

// Item 3: two inputs with one output name get two files, with or without --overwrite, which
// replaces only what was there before the run; the summary counts what is on disk.
TEST(CliHardening, SameNamesFromTwoFoldersNeverReplaceEachOther) {
    test::TempDir dir("cli-collide");
    fs::create_directories(dir.path() / "a");
    fs::create_directories(dir.path() / "b");
    writeChart(dir.path() / "a" / "IMG_1.dng", "Synthetic Chart", 300, 200);
    writeChart(dir.path() / "b" / "IMG_1.dng", "Synthetic Chart", 240, 160);
    fs::create_directories(dir.path() / "out");
    { std::ofstream(dir.path() / "out" / "IMG_1.jpg") << "from before the run"; }
    for (const char* jobs : {"-j1", "-j2"}) {
        std::string log;
        EXPECT_EQ(test::runCli(std::string("export --overwrite ") + jobs + " -o " + dir.str("out") +
                                   " " + dir.str("a/IMG_1.dng") + " " + dir.str("b/IMG_1.dng"),
                               log),
                  0)
            << log;
        EXPECT_EQ(filesIn(dir.path() / "out"), (std::set<std::string>{"IMG_1.jpg", "IMG_1-1.jpg"}))
            << jobs << ": " << log;
        EXPECT_NE(log.find("Exported 2 of 2"), std::string::npos) << log;
        EXPECT_GT(fs::file_size(dir.path() / "out" / "IMG_1.jpg"), 100u)
            << "the file from before the run was replaced";
        fs::remove(dir.path() / "out" / "IMG_1-1.jpg");
    }
}

// Item 13: every input counts once in the summary, and every failure is named.
TEST(CliHardening, TheSummaryCountsEveryInputOnce) {
    test::TempDir dir("cli-summary");
    writeChart(dir.path() / "good.dng");
    writeChart(dir.path() / "sidecar.dng");
    { std::ofstream(dir.path() / "sidecar.dng.xmp") << "<x:xmpmeta this is not XML"; }
    { std::ofstream(dir.path() / "corrupt.dng", std::ios::binary) << "II*\0not a raw at all"; }
    std::string log;
    EXPECT_EQ(test::runCli("export -o " + dir.str("out") + " " + dir.str("good.dng") + " " +
                               dir.str("sidecar.dng") + " " + dir.str("corrupt.dng"),
                           log),
              1)
        << log;
    EXPECT_NE(log.find("Exported 1 of 3 file(s)"), std::string::npos) << log;
    EXPECT_NE(log.find("2 failed"), std::string::npos) << log;
    EXPECT_NE(log.find("sidecar.dng"), std::string::npos) << log;
    EXPECT_NE(log.find("corrupt.dng"), std::string::npos) << log;
}

// Item 5: the list of written files reaches standard output file by file, so a batch killed
// in the middle still tells a script what it finished.
TEST(CliHardening, WrittenFilesAreListedAsTheyFinish) {
    test::TempDir dir("cli-kill");
    fs::create_directories(dir.path() / "in");
    for (const char* name :
         {"p00", "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11"})
        writeChart(dir.path() / "in" / (std::string(name) + ".dng"), "Synthetic Chart", 1800, 1200);
    const std::string out = dir.str("out"), listing = dir.str("stdout.txt");
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        std::freopen(listing.c_str(), "w", stdout);
        std::freopen("/dev/null", "w", stderr);
        ::execl(RF_CLI_PATH, RF_CLI_PATH, "export", "-j1", "--preset", "full", "-o", out.c_str(),
                dir.str("in").c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // Wait for the second file, then kill: nothing the process did not flush survives.
    const auto start = std::chrono::steady_clock::now();
    std::size_t done = 0;
    while (std::chrono::steady_clock::now() - start < std::chrono::seconds(120)) {
        done = 0;
        for (const auto& f : filesIn(out)) done += f.size() > 4 && f.substr(f.size() - 4) == ".jpg";
        if (done >= 2) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_GE(done, 2u) << "the batch did not get going";
    ASSERT_LT(done, 12u) << "the batch finished before the kill; make it longer";
    std::ifstream in(listing);
    std::size_t listed = 0;
    for (std::string line; std::getline(in, line);) {
        EXPECT_TRUE(fs::exists(line)) << line;
        ++listed;
    }
    // The kill may fall between placing a file and listing it: all but that one are listed.
    EXPECT_GE(listed + 1, done) << listed << " listed of " << done << " written";
    EXPECT_GE(listed, 1u);
}

// Item 12: an output folder that takes no file fails the batch before anything is decoded:
// with a corrupt raw as the input, the error is the folder's, not the raw's.
TEST(CliHardening, AnUnwritableOutputFolderIsFoundBeforeDecoding) {
    test::TempDir dir("cli-unwritable-early");
    { std::ofstream(dir.path() / "corrupt.dng", std::ios::binary) << "II*\0not a raw at all"; }
    std::string log;
    EXPECT_EQ(test::runCli("export -o /proc " + dir.str("corrupt.dng"), log), 1) << log;
    EXPECT_NE(log.find("cannot write in the output folder"), std::string::npos) << log;
    EXPECT_EQ(log.find("not a raw"), std::string::npos) << "the raw was read first: " << log;
}

// Item 11, second half: a rating outside −1…5 in a sidecar is reported, not read as 5; a
// command that changes the photo keeps the original aside and says so.
TEST(CliHardening, AnOutOfRangeRatingInASidecarIsReportedAndKept) {
    test::TempDir dir("cli-rating99");
    writeChart(dir.path() / "a.dng");
    const fs::path sidecar = dir.path() / "a.dng.xmp";
    {
        std::ofstream(sidecar)
            << "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
               "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF "
               "xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
               "<rdf:Description rdf:about='' xmlns:xmp='http://ns.adobe.com/xap/1.0/' "
               "xmp:Rating='99'/></rdf:RDF></x:xmpmeta>\n<?xpacket end='w'?>\n";
    }
    try {
        loadSidecar(dir.str("a.dng"));
        ADD_FAILURE() << "a rating of 99 was read";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("xmp:Rating 99"), std::string::npos) << e.what();
    }
    std::string log;
    EXPECT_EQ(test::runCli("rate --label Red " + dir.str("a.dng"), log), 0) << log;
    EXPECT_NE(log.find("xmp:Rating 99"), std::string::npos) << "reported: " << log;
    bool kept = false;
    for (const auto& f : filesIn(dir.path())) {
        if (f.find("a.dng.xmp.bad") != 0) continue;
        std::ifstream in(dir.path() / f);
        const std::string text((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        kept = kept || text.find("xmp:Rating='99'") != std::string::npos;
    }
    EXPECT_TRUE(kept) << "the sidecar with the odd rating is kept aside";
}

// Item 7, on the command line: a device as the LUT is refused as a device, not as missing.
TEST(CliHardening, ADeviceGivenAsTheLutIsRefusedAsSuch) {
    test::TempDir dir("cli-lut-device");
    writeChart(dir.path() / "a.dng");
    std::string log;
    EXPECT_NE(
        test::runCli(
            "export -o " + dir.str("out") + " -s look.lut.file=/dev/zero " + dir.str("a.dng"), log),
        0)
        << log;
    EXPECT_NE(log.find("not a regular file"), std::string::npos) << log;
    EXPECT_EQ(log.find("does not exist"), std::string::npos) << log;
}
