// SPDX-License-Identifier: GPL-3.0-or-later
// Every input a fuzzer has broken Rangefinder with is kept in tests/data/fuzz/<harness>/, with
// hand-made inputs that reach each parser's corners, and replayed here through the harness's own
// body (fuzz/fuzz_targets.h), in the normal suite: each parser must give a result or an rf::Error
// naming the input, never a crash, another exception, a broken round trip, a hang (ctest's timeout)
// or a huge allocation.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "fuzz_targets.h"
#include "support/test_support.h"

namespace fs = std::filesystem;

namespace rf::fuzz {
// Test names and failures show the harness by name.
void PrintTo(const Harness& h, std::ostream* os) {
    *os << h.name;
}
}  // namespace rf::fuzz

namespace {

fs::path findingsRoot() {
    return fs::path(RF_SOURCE_DIR) / "tests" / "data" / "fuzz";
}

std::vector<fs::path> findings(const std::string& harness) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(findingsRoot() / harness, ec))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

long peakRssMb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

std::string bytesOf(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

class FuzzRegressions : public ::testing::TestWithParam<rf::fuzz::Harness> {};

TEST_P(FuzzRegressions, EveryFindingGivesAResultOrAnErrorNamingTheInput) {
    const rf::fuzz::Harness& h = GetParam();
    const std::vector<fs::path> files = findings(h.name);
    // A harness without inputs would pass while testing nothing: each keeps at least seeds
    // that reach its parser's corners (valid and malformed), besides what its fuzzer found.
    ASSERT_FALSE(files.empty()) << "no regression inputs in " << (findingsRoot() / h.name);
    const long peakBefore = peakRssMb();
    for (const fs::path& file : files) {
        SCOPED_TRACE(file.string());
        const std::string bytes = bytesOf(file);
        rf::fuzz::Outcomes outcomes;
        try {
            outcomes = h.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        } catch (const std::exception& e) {
            ADD_FAILURE() << "an exception other than rf::Error escaped: " << e.what();
            continue;
        }
        EXPECT_FALSE(outcomes.empty());
        for (const rf::fuzz::Outcome& o : outcomes) {
            if (o.ok) continue;
            // ljpeg::Decoder throws nothing: it declines a stream (start() false, or a null
            // row), and LibRaw's loader then decodes the file as before. A decline is its
            // result; a crash, a frame it cannot decode or a sample beyond the precision
            // (std::logic_error) is the bug.
            if (o.step == "ljpeg::Decoder" && o.error.empty()) continue;
            EXPECT_FALSE(o.error.empty()) << o.step;
            EXPECT_NE(o.error.find(o.input), std::string::npos) << o.step << ": " << o.error;
        }
        // libFuzzer ran with a 2 GB bound; none of these small inputs may come near it.
        EXPECT_LT(peakRssMb() - peakBefore, 512) << "MB more at the peak than before the inputs";
    }
}

INSTANTIATE_TEST_SUITE_P(Harnesses, FuzzRegressions, ::testing::ValuesIn(rf::fuzz::harnesses()),
                         [](const auto& p) { return std::string(p.param.name); });

// A folder that matches no harness would never be replayed.
TEST(FuzzRegressions, EveryFindingsFolderBelongsToAHarness) {
    std::set<std::string> names;
    for (const auto& h : rf::fuzz::harnesses()) names.insert(h.name);
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(findingsRoot(), ec))
        EXPECT_TRUE(e.is_directory() && names.count(e.path().filename().string()))
            << e.path() << " is not the findings folder of a harness";
}

}  // namespace
