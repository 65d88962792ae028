// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile-input limits: a DNG whose header claims a huge sensor is refused from the header,
// before anything is allocated, for its pixels or for the memory it would need; an oversized
// or deeply nested XMP sidecar is refused before Exiv2 parses it, naming the sidecar, while
// the photo itself still exports without it; an oversized or deeply nested edit document or
// history is refused with the file and the limit. The limits come from the process's
// ResourceLimits, the environment and the command line's --max-megapixels / --max-memory.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/history.h"
#include "rangefinder/limits.h"
#include "rangefinder/params.h"
#include "rangefinder/raw.h"
#include "rangefinder/sidecar.h"
#include "support/test_support.h"
#include "synth.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

bool contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}

/// A small, valid chart DNG; `claimW`/`claimH` make its header lie about the size while the
/// strip holds only width × height pixels.
std::string writeChartDng(const test::TempDir& dir, const std::string& name, int width, int height,
                          std::uint32_t claimW = 0, std::uint32_t claimH = 0) {
    const std::string path = dir.str(name);
    synth::DngOptions o;
    o.claimedWidth = claimW;
    o.claimedHeight = claimH;
    synth::writeDng(path, synth::renderChart(width, height).cview(), o);
    return path;
}

long peakRssKiB() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

/// Sets the process's limits for one test and puts the previous ones back.
class ScopedLimits {
  public:
    explicit ScopedLimits(const ResourceLimits& l) : saved_(resourceLimits()) {
        setResourceLimits(l);
    }
    ~ScopedLimits() { setResourceLimits(saved_); }

  private:
    ResourceLimits saved_;
};

using test::ScopedEnv;

const char* kXmpHead = R"(<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:foo="http://example.com/foo/" xmp:Rating="4">
)";
const char* kXmpTail = R"(  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
)";

/// A sidecar whose foo:Deep property nests `levels` struct levels (2 elements each).
std::string nestedXmp(int levels) {
    std::string body;
    for (int i = 0; i < levels; ++i) body += "<foo:Deep><rdf:Description>";
    body += "<foo:Leaf>x</foo:Leaf>";
    for (int i = 0; i < levels; ++i) body += "</rdf:Description></foo:Deep>";
    return std::string(kXmpHead) + "   " + body + "\n" + kXmpTail;
}

/// {"params":{"x.unknown": [[[…]]]}}: `arrays` nested arrays inside two objects.
std::string nestedDocument(int arrays) {
    return R"({"format":"rangefinder-edit","version":1,"params":{"x.unknown":)" +
           std::string(std::size_t(arrays), '[') + std::string(std::size_t(arrays), ']') + "}}";
}

}  // namespace

// ---- the limits themselves -------------------------------------------------------------

TEST(Limits, ByteSizesAsPeopleWriteThem) {
    EXPECT_EQ(parseByteSize("4GiB"), 4 * kGiB);
    EXPECT_EQ(parseByteSize("4g"), 4 * kGiB);
    EXPECT_EQ(parseByteSize("4GB"), 4 * kGiB);
    EXPECT_EQ(parseByteSize("512M"), 512 * kMiB);
    EXPECT_EQ(parseByteSize("512mib"), 512 * kMiB);
    EXPECT_EQ(parseByteSize("1.5G"), 3 * kGiB / 2);
    EXPECT_EQ(parseByteSize("64k"), 65536);
    EXPECT_EQ(parseByteSize(" 1048576 "), kMiB);
    EXPECT_EQ(parseByteSize("2T"), 2048 * kGiB);
    for (const char* bad : {"", "0", "-1", "G", "4 GiB", "4XB", "1e9", "four", "0.1"}) {
        const std::string e = errorOf([&] { parseByteSize(bad); });
        EXPECT_TRUE(contains(e, "is not a size")) << bad << ": " << e;
    }
    EXPECT_EQ(byteSizeText(512), "512 bytes");
    EXPECT_EQ(byteSizeText(16 * kMiB), "16.0 MiB");
    EXPECT_EQ(byteSizeText(3 * kGiB / 2), "1.5 GiB");
}

TEST(Limits, DefaultsAreFarAboveRealFiles) {
    const ResourceLimits d;
    EXPECT_EQ(d.maxPixels, 500'000'000);
    EXPECT_GE(d.maxDecodeBytes, 256 * kMiB);
    EXPECT_EQ(d.maxSidecarBytes, 16 * kMiB);
    EXPECT_EQ(d.maxEditDocumentBytes, 16 * kMiB);
    EXPECT_EQ(d.maxXmpDepth, 100);
    EXPECT_EQ(d.maxJsonDepth, 100);
    // A 24 MP Bayer raw needs about 1 GB; a 150 MP medium-format back about 6.3 GB.
    const std::int64_t est24 = decodeMemoryEstimate(6024, 4024, 6000, 4000, true, 1);
    EXPECT_NEAR(double(est24) / (6000.0 * 4000), 42.0, 0.5);
    // Non-Bayer layouts carry three-channel mosaics and LibRaw's own buffers.
    EXPECT_GT(decodeMemoryEstimate(6000, 4000, 6000, 4000, false, 1), est24);
    EXPECT_GT(decodeMemoryEstimate(6000, 4000, 6000, 4000, false, 4), est24);
}

TEST(Limits, EnvironmentOverridesAndNamesAMalformedVariable) {
    {
        ScopedEnv mp("RANGEFINDER_MAX_MEGAPIXELS", "12.5");
        ScopedEnv mem("RANGEFINDER_MAX_MEMORY", "2GiB");
        const ResourceLimits l = limitsFromEnvironment();
        EXPECT_EQ(l.maxPixels, 12'500'000);
        EXPECT_EQ(l.maxDecodeBytes, 2 * kGiB);
        EXPECT_EQ(l.maxSidecarBytes, ResourceLimits{}.maxSidecarBytes);
    }
    {
        ScopedEnv mp("RANGEFINDER_MAX_MEGAPIXELS", "lots");
        const std::string e = errorOf([] { limitsFromEnvironment(); });
        EXPECT_TRUE(contains(e, "RANGEFINDER_MAX_MEGAPIXELS")) << e;
        EXPECT_TRUE(contains(e, "'lots'")) << e;
    }
    {
        ScopedEnv mem("RANGEFINDER_MAX_MEMORY", "4 bananas");
        const std::string e = errorOf([] { limitsFromEnvironment(); });
        EXPECT_TRUE(contains(e, "RANGEFINDER_MAX_MEMORY")) << e;
    }
    const ResourceLimits none = limitsFromEnvironment();
    EXPECT_EQ(none.maxPixels, ResourceLimits{}.maxPixels);
}

// ---- raws --------------------------------------------------------------------------------

TEST(RawLimits, HeaderClaimingAHugeSensorIsRefusedBeforeAllocating) {
    test::TempDir dir("limits-huge");
    // 60000 × 40000 = 2400 MP claimed, 64 × 48 pixels present: a 6 KB file.
    const std::string path = writeChartDng(dir, "huge.dng", 64, 48, 60000, 40000);
    ASSERT_LT(fs::file_size(path), 32u * 1024);
    const long before = peakRssKiB();
    const std::string e = errorOf([&] { decodeRaw(path); });
    EXPECT_EQ(e.rfind(path + ": image too large", 0), 0u) << e;
    EXPECT_TRUE(contains(e, "60000×40000 pixels (2400 MP)")) << e;
    EXPECT_TRUE(contains(e, "the limit of 500 MP")) << e;
    EXPECT_TRUE(contains(e, "RANGEFINDER_MAX_MEGAPIXELS")) << e;
    // Decoding it would have needed ~100 GB; nothing near that was touched.
    EXPECT_LT(peakRssKiB() - before, 64 * 1024);

    // The same picture with an honest header decodes: the limit, not the file, refused it.
    const std::string honest = writeChartDng(dir, "honest.dng", 64, 48);
    EXPECT_EQ(decodeRaw(honest).mosaic.width(), 64);
}

TEST(RawLimits, MemoryLimitRefusesWhatThePixelLimitAllows) {
    test::TempDir dir("limits-memory");
    // 8000 × 6000 = 48 MP, under the pixel limit; its working memory is about 2 GB.
    const std::string path = writeChartDng(dir, "big.dng", 64, 48, 8000, 6000);
    DecodeOptions o;
    o.maxMemoryBytes = kGiB;
    const std::string e = errorOf([&] { decodeRaw(path, o); });
    EXPECT_EQ(e.rfind(path + ": image too large: 8000×6000 pixels need about 1.9 GiB", 0), 0u) << e;
    EXPECT_TRUE(contains(e, "over the limit of 1.0 GiB (RANGEFINDER_MAX_MEMORY)")) << e;
    // Within both limits, the lie is caught by the truncation check instead.
    o.maxMemoryBytes = 4 * kGiB;
    const std::string t = errorOf([&] { decodeRaw(path, o); });
    EXPECT_TRUE(contains(t, "truncated")) << t;
}

TEST(RawLimits, TheProcessLimitsAreTheDecodersDefault) {
    test::TempDir dir("limits-process");
    const std::string path = writeChartDng(dir, "small.dng", 64, 48);
    ResourceLimits l;
    l.maxPixels = 1000;  // the 64 × 48 chart has 3072
    {
        ScopedLimits scoped(l);
        const std::string e = errorOf([&] { decodeRaw(path); });
        EXPECT_TRUE(contains(e, "64×48 pixels (0.00307 MP) is over the limit of 0.001 MP")) << e;
        // A batch goes on past the refused file and says why.
        ExportSettings s = exportPreset("web");
        s.outputDir = dir.str("out");
        const auto outcomes = exportBatch({ExportJob{path, {}, {}}}, s, 1);
        ASSERT_EQ(outcomes.size(), 1u);
        EXPECT_TRUE(contains(outcomes[0].error, "image too large")) << outcomes[0].error;
        l.maxPixels = 500'000'000;
        l.maxDecodeBytes = 64 * 1024;  // 3072 px × ~42 bytes is about 126 KiB
        setResourceLimits(l);
        const std::string m = errorOf([&] { decodeRaw(path); });
        EXPECT_TRUE(contains(m, "over the limit of 64.0 KiB")) << m;
    }
    EXPECT_EQ(decodeRaw(path).mosaic.height(), 48);
}

// ---- XMP sidecars ------------------------------------------------------------------------

TEST(SidecarLimits, DeeplyNestedSidecarIsRefusedBeforeParsing) {
    test::TempDir dir("limits-xmp-deep");
    const std::string raw = writeChartDng(dir, "IMG_1.dng", 64, 48);
    const std::string xmp = raw + ".xmp";
    // 100 000 levels would exhaust the XMP toolkit's stack; the scan stops it.
    test::writeFile(xmp, nestedXmp(50'000));
    const std::string e = errorOf([&] { loadSidecar(raw); });
    EXPECT_EQ(e.rfind(xmp + ": the XMP sidecar nests elements more than 100 deep (line 5)", 0), 0u)
        << e.substr(0, 300);
    // A save refuses too, and leaves the file as it was.
    const std::string before = test::readFile(xmp);
    EXPECT_TRUE(contains(errorOf([&] { saveSidecar(raw, Sidecar{}); }), "more than 100 deep"));
    EXPECT_EQ(test::readFile(xmp), before);

    // Real nesting passes: 40 struct levels are 80 elements plus the 4 around them.
    test::writeFile(xmp, nestedXmp(40));
    EXPECT_EQ(loadSidecar(raw).info.rating, 4);
    test::writeFile(xmp, nestedXmp(49));
    EXPECT_TRUE(contains(errorOf([&] { loadSidecar(raw); }), "more than 100 deep"));

    // Markup inside comments, CDATA and attribute values does not count as nesting: read
    // as tags, each of these 200 would add a level.
    std::string tricky = R"(<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="4"/>
)";
    for (int i = 0; i < 200; ++i)
        tricky +=
            "  <rdf:Description rdf:about=\"\" xmlns:foo=\"http://example.com/foo/\" "
            "foo:T" +
            std::to_string(i) + "=\"a > b\"/>\n";
    tricky += "  <!-- ";
    for (int i = 0; i < 200; ++i) tricky += "<foo:a>";
    tricky +=
        " -->\n  <rdf:Description rdf:about=\"\" xmlns:foo=\"http://example.com/foo/\">"
        "<foo:Note><![CDATA[";
    for (int i = 0; i < 200; ++i) tricky += "<x>";
    tricky += "]]></foo:Note></rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n";
    test::writeFile(xmp, tricky);
    EXPECT_EQ(loadSidecar(raw).info.rating, 4);
}

TEST(SidecarLimits, OversizedSidecarIsRefusedFromItsSize) {
    test::TempDir dir("limits-xmp-big");
    const std::string raw = writeChartDng(dir, "IMG_2.dng", 64, 48);
    const std::string xmp = raw + ".xmp";
    test::writeFile(xmp, std::string(kXmpHead) + kXmpTail);
    fs::resize_file(xmp, std::uintmax_t(17) * 1024 * 1024);  // padded past 16 MiB
    const std::string e = errorOf([&] { loadSidecar(raw); });
    EXPECT_EQ(e, xmp + ": XMP sidecar too large: 17.0 MiB, the limit is 16.0 MiB");

    // The raw is not to blame: the batch names the sidecar, and without sidecars the photo
    // exports.
    const PreparedJobs withSidecars = prepareExportJobs({raw});
    ASSERT_EQ(withSidecars.failed.size(), 1u);
    EXPECT_TRUE(contains(withSidecars.failed[0].error, xmp + ": XMP sidecar too large"));
    JobOptions ignore;
    ignore.useSidecars = false;
    const PreparedJobs without = prepareExportJobs({raw}, {}, ignore);
    ASSERT_EQ(without.jobs.size(), 1u);
    ExportSettings s = exportPreset("web");
    s.outputDir = dir.str("out");
    const auto outcomes = exportBatch(without.jobs, s, 1);
    ASSERT_EQ(outcomes.size(), 1u);
    EXPECT_TRUE(outcomes[0].ok()) << outcomes[0].error;

    // The limit is the process's.
    ResourceLimits l;
    l.maxSidecarBytes = 64;
    ScopedLimits scoped(l);
    test::writeFile(xmp, std::string(kXmpHead) + kXmpTail);
    EXPECT_TRUE(contains(errorOf([&] { loadSidecar(raw); }), "the limit is 64 bytes"));
}

// ---- edit documents and histories --------------------------------------------------------

TEST(EditDocumentLimits, NestingBeyondTheLimitIsRefused) {
    // Two objects and 98 arrays: exactly the limit of 100.
    const EditDocument ok = EditDocument::fromJson(nestedDocument(98), "ok.json");
    EXPECT_EQ(ok.keys(), std::vector<std::string>{"x.unknown"});
    EXPECT_EQ(errorOf([] { EditDocument::fromJson(nestedDocument(99), "deep.json"); }),
              "deep.json: edit document nests arrays and objects more than 100 deep; refused");
    // A million levels: refused while parsing, long before anything walks the result.
    const std::string e = errorOf([] { EditDocument::fromJson(nestedDocument(1'000'000)); });
    EXPECT_EQ(e.rfind("edit document: edit document nests", 0), 0u) << e;

    // The history in a sidecar is held to the same limit.
    const std::string history = R"({"position":1,"steps":[{"label":"x","changes":{"x.unknown":)"
                                R"({"after":)" +
                                std::string(200, '[') + std::string(200, ']') + "}}}]}";
    EXPECT_TRUE(contains(errorOf([&] { EditHistory::fromJson(history, "h.json"); }),
                         "h.json: edit history nests arrays and objects more than 100 deep"));
    EXPECT_TRUE(
        contains(errorOf([] {
                     EditDocument d;
                     d.setValueJson("x.unknown", std::string(200, '[') + std::string(200, ']'));
                 }),
                 "the value of parameter 'x.unknown' nests arrays and objects more than 100 deep"));
}

TEST(EditDocumentLimits, OversizedDocumentIsRefused) {
    test::TempDir dir("limits-json");
    // A valid document padded with 17 MiB of white space.
    const std::string big = nestedDocument(1) + std::string(17 * kMiB, ' ');
    EXPECT_EQ(errorOf([&] { EditDocument::fromJson(big, "big.json"); }),
              "big.json: edit document too large: 17.0 MiB, the limit is 16.0 MiB");
    const std::string file = dir.str("big.json");
    test::writeFile(file, big);
    EXPECT_EQ(errorOf([&] { EditDocument::loadFile(file); }),
              file + ": edit document too large: 17.0 MiB, the limit is 16.0 MiB");
    test::writeFile(file, nestedDocument(1));
    EXPECT_NO_THROW(EditDocument::loadFile(file));
}

// ---- the command line ------------------------------------------------------------------

TEST(CliLimits, FlagsAndEnvironmentSetTheRawLimits) {
    test::TempDir dir("limits-cli");
    const std::string dng = writeChartDng(dir, "chart.dng", 320, 240);
    const std::string huge = writeChartDng(dir, "huge.dng", 64, 48, 60000, 40000);
    const std::string out = " -o " + test::shellQuote(dir.str("out")) + " ";
    std::string log;

    // The hostile file fails by name; the honest one in the same batch is exported.
    EXPECT_EQ(
        test::runCli("export" + out + test::shellQuote(huge) + " " + test::shellQuote(dng), log), 1)
        << log;
    EXPECT_TRUE(contains(log, huge + ": image too large: 60000×40000 pixels")) << log;
    EXPECT_TRUE(contains(log, "Exported 1 of 2")) << log;

    EXPECT_EQ(test::runCli("export --max-megapixels 0.05" + out + test::shellQuote(dng), log), 1)
        << log;
    EXPECT_TRUE(contains(log, dng + ": image too large: 320×240 pixels (0.0768 MP) is over the "
                                    "limit of 0.05 MP"))
        << log;
    EXPECT_EQ(test::runCli("export --max-memory 1MiB" + out + test::shellQuote(dng), log), 1)
        << log;
    EXPECT_TRUE(contains(log, "over the limit of 1.0 MiB")) << log;
    EXPECT_EQ(
        test::runCli("export --max-memory 64MiB --max-megapixels 1" + out + test::shellQuote(dng),
                     log),
        0)
        << log;

    EXPECT_EQ(
        test::runCommand("RANGEFINDER_MAX_MEGAPIXELS=0.05 timeout 300 " RF_CLI_PATH " export" +
                             out + test::shellQuote(dng),
                         log),
        1)
        << log;
    EXPECT_TRUE(contains(log, "the limit of 0.05 MP")) << log;
    // The flag wins over the environment.
    EXPECT_EQ(test::runCommand("RANGEFINDER_MAX_MEGAPIXELS=0.05 timeout 300 " RF_CLI_PATH
                               " export --overwrite --max-megapixels 1" +
                                   out + test::shellQuote(dng),
                               log),
              0)
        << log;

    // Malformed limits are usage errors.
    EXPECT_EQ(test::runCli("export --max-memory 4XB" + out + test::shellQuote(dng), log), 2);
    EXPECT_TRUE(contains(log, "'4XB' is not a size")) << log;
    EXPECT_EQ(test::runCommand("RANGEFINDER_MAX_MEMORY=lots timeout 300 " RF_CLI_PATH " export" +
                                   out + test::shellQuote(dng),
                               log),
              2);
    EXPECT_TRUE(contains(log, "RANGEFINDER_MAX_MEMORY: 'lots' is not a size")) << log;
}

TEST(CliLimits, AHostileSidecarFailsItsPhotoByTheSidecarsName) {
    test::TempDir dir("limits-cli-xmp");
    const std::string dng = writeChartDng(dir, "IMG_3.dng", 64, 48);
    const std::string xmp = dng + ".xmp";
    test::writeFile(xmp, nestedXmp(10'000));
    const std::string out = " -o " + test::shellQuote(dir.str("out")) + " ";
    std::string log;
    EXPECT_EQ(test::runCli("export" + out + test::shellQuote(dng), log), 1) << log;
    EXPECT_TRUE(contains(log, xmp + ": the XMP sidecar nests elements more than 100 deep")) << log;
    EXPECT_EQ(test::runCli("export --ignore-sidecars" + out + test::shellQuote(dng), log), 0)
        << log;
    // A command that writes the sidecar moves the hostile one aside and starts afresh.
    EXPECT_EQ(test::runCli("rate --stars 2 " + test::shellQuote(dng), log), 0) << log;
    EXPECT_TRUE(contains(log, "kept the unreadable sidecar as")) << log;
    EXPECT_EQ(loadSidecar(dng).info.rating, 2);

    // An oversized one too (set aside by its name, never read whole).
    fs::resize_file(xmp, std::uintmax_t(20) << 20);
    EXPECT_EQ(test::runCli("export" + out + test::shellQuote(dng), log), 1) << log;
    EXPECT_TRUE(contains(log, xmp + ": XMP sidecar too large: 20.0 MiB")) << log;
    EXPECT_EQ(test::runCli("rate --stars 3 " + test::shellQuote(dng), log), 0) << log;
    EXPECT_TRUE(contains(log, "kept the unreadable sidecar as")) << log;
    EXPECT_EQ(loadSidecar(dng).info.rating, 3);
}
