// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding real raw files: two Canon cameras with full data, and a zoo of truncated and
// invalid files that must each either decode to something sane or be refused with an
// rf::Error naming the file — never a crash, a hang or garbage.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "rangefinder/error.h"
#include "rangefinder/raw.h"
#include "support/test_support.h"
#include "synth.h"

using namespace rf;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(RF_SOURCE_DIR) / ".." / "shared" / "testdata";

#define REQUIRE_TESTDATA()                                           \
    if (!fs::is_directory(kData))                                    \
    GTEST_SKIP() << "real test data not found at " << kData.string() \
                 << " (shared/testdata next to the source tree)"

std::string file(const std::string& rel) {
    return (kData / rel).string();
}

std::vector<std::string> filesIn(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kData / dir))
        if (e.is_regular_file() && e.path().filename() != "README.md") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

struct Range {
    float lo = 1e9f, hi = -1e9f;
    bool finite = true;
};
Range rangeOf(const Image& img) {
    Range r;
    const float* p = img.data();
    for (std::size_t i = 0; i < img.sampleCount(); ++i) {
        if (!std::isfinite(p[i])) r.finite = false;
        r.lo = std::min(r.lo, p[i]);
        r.hi = std::max(r.hi, p[i]);
    }
    return r;
}

/// Mean of the mosaic sites of one 2×2 phase over rows [y0, y1).
double phaseMean(const RawImage& raw, int phase, int y0, int y1) {
    double sum = 0;
    long n = 0;
    for (int y = y0 + (phase >> 1); y < y1; y += 2)
        for (int x = phase & 1; x < raw.mosaic.width(); x += 2) {
            sum += raw.mosaic.at(x, y);
            ++n;
        }
    return sum / double(n);
}

void expectJpeg(const std::vector<std::uint8_t>& b, std::size_t minSize) {
    ASSERT_GE(b.size(), minSize);
    EXPECT_EQ(b[0], 0xFF);
    EXPECT_EQ(b[1], 0xD8);
}

/// Every real CR2 here: the Canon in the test data, and Debian's if rawtran-doc is installed.
std::vector<std::string> realCr2s() {
    std::vector<std::string> out{file("raw/canon-eos30d.CR2")};
    if (fs::exists("/usr/share/doc/rawtran/IMG_5952.CR2"))
        out.push_back("/usr/share/doc/rawtran/IMG_5952.CR2");
    return out;
}

DecodeOptions libRawOnly() {
    DecodeOptions o;
    o.ownLoaders = false;
    return o;
}

/// Both decodes of one file, in one line for a failure message: the error, or the size.
std::string outcome(const std::string& path, const DecodeOptions& o, RawImage& out) {
    try {
        out = decodeRaw(path, o);
        return "decoded " + std::to_string(out.mosaic.width()) + "x" +
               std::to_string(out.mosaic.height());
    } catch (const Error& e) {
        return std::string("refused: ") + e.what();
    }
}

bool sameSamples(const RawImage& a, const RawImage& b) {
    return a.mosaic.width() == b.mosaic.width() && a.mosaic.height() == b.mosaic.height() &&
           a.mosaic.channels() == b.mosaic.channels() &&
           std::memcmp(a.mosaic.data(), b.mosaic.data(), a.mosaic.sampleCount() * sizeof(float)) ==
               0;
}

std::vector<char> fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

/// Where the tests write their files, in the build tree.
fs::path scratchDir() {
    const fs::path dir = fs::path(RF_BINARY_DIR) / "test_decode_tmp";
    fs::create_directories(dir);
    return dir;
}

}  // namespace

TEST(DecodeReal, CanonEos30dCr2) {
    REQUIRE_TESTDATA();
    const std::string path = file("raw/canon-eos30d.CR2");
    const RawImage raw = decodeRaw(path);
    EXPECT_EQ(raw.path, path);
    ASSERT_EQ(raw.layout, SensorLayout::Bayer);
    EXPECT_EQ(raw.mosaic.channels(), 1);
    EXPECT_EQ(raw.mosaic.width(), 3522);
    EXPECT_EQ(raw.mosaic.height(), 2348);
    EXPECT_EQ(raw.cfa, (CfaPattern{0, 1, 1, 2}));

    const Range r = rangeOf(raw.mosaic);
    EXPECT_TRUE(r.finite);
    EXPECT_GE(r.lo, -0.05f);  // read noise around a black level of ~128 DN of 4095
    EXPECT_LT(r.lo, 0.0f);    // black was subtracted: noise reaches below it
    EXPECT_LE(r.hi, 1.0f);
    EXPECT_GT(r.hi, 0.25f);  // f/22 landscape without highlights: peaks at ~0.34

    // The phase must match the data: the top of the frame is blue sky, so its blue sites
    // are brighter than its red ones, and the two greens agree.
    const int sky = raw.mosaic.height() / 10;
    const double red = phaseMean(raw, 0, 0, sky), g1 = phaseMean(raw, 1, 0, sky),
                 g2 = phaseMean(raw, 2, 0, sky), blue = phaseMean(raw, 3, 0, sky);
    EXPECT_GT(blue, 1.2 * red);
    EXPECT_NEAR(g1 / g2, 1.0, 0.03);

    EXPECT_FLOAT_EQ(raw.asShotMultipliers[1], 1.f);
    EXPECT_NEAR(raw.asShotMultipliers[0], 2226.0 / 1024.0, 1e-3);
    EXPECT_NEAR(raw.asShotMultipliers[2], 1485.0 / 1024.0, 1e-3);
    EXPECT_GT(raw.daylightMultipliers[0], 1.5f);
    EXPECT_GT(raw.daylightMultipliers[2], 1.0f);
    ASSERT_TRUE(raw.hasColorMatrix);
    EXPECT_NEAR(raw.cameraFromXYZ[0][0], 0.6257, 1e-4);  // Adobe's EOS 30D matrix
    EXPECT_NEAR(raw.cameraFromXYZ[1][1], 1.5621, 1e-4);
    EXPECT_EQ(raw.baselineExposureEv, 0.f);

    const CaptureInfo& i = raw.info;
    EXPECT_EQ(i.make, "Canon");
    EXPECT_EQ(i.model, "EOS 30D");
    EXPECT_EQ(i.lens, "EF-S 18-55mm f/3.5-5.6");
    EXPECT_FLOAT_EQ(i.iso, 640.f);
    EXPECT_NEAR(i.shutterSeconds, 1.0 / 400, 1e-6);
    EXPECT_FLOAT_EQ(i.aperture, 22.f);
    EXPECT_FLOAT_EQ(i.focalLengthMm, 22.f);
    EXPECT_EQ(i.dateTime, "2009-07-21T13:03:20");  // exiftool: DateTimeOriginal
    EXPECT_EQ(i.orientation, 1);
    EXPECT_EQ(i.width, 3522);
    EXPECT_EQ(i.height, 2348);
    EXPECT_FALSE(i.hasGps);

    const CaptureInfo quick = readCaptureInfo(path);
    EXPECT_EQ(quick.model, i.model);
    EXPECT_EQ(quick.dateTime, i.dateTime);
    EXPECT_EQ(quick.width, i.width);
    EXPECT_EQ(quick.height, i.height);
}

TEST(DecodeReal, CanonEosD30Crw) {
    REQUIRE_TESTDATA();
    const RawImage raw = decodeRaw(file("raw/canon-eosd30.CRW"));
    ASSERT_EQ(raw.layout, SensorLayout::Bayer);
    EXPECT_EQ(raw.mosaic.width(), 2176);
    EXPECT_EQ(raw.mosaic.height(), 1448);
    EXPECT_EQ(raw.cfa, (CfaPattern{0, 1, 1, 2}));
    const Range r = rangeOf(raw.mosaic);
    EXPECT_TRUE(r.finite);
    EXPECT_GE(r.lo, -0.05f);
    EXPECT_LE(r.hi, 1.0f);
    // This file records no usable as-shot balance: the daylight one stands in.
    EXPECT_EQ(raw.asShotMultipliers, raw.daylightMultipliers);
    EXPECT_GT(raw.asShotMultipliers[0], 1.5f);
    EXPECT_TRUE(raw.hasColorMatrix);
    EXPECT_EQ(raw.info.make, "Canon");
    EXPECT_EQ(raw.info.model, "EOS D30");
    EXPECT_EQ(raw.info.artist, "Peter Wemmert/Kameratrollet");
    EXPECT_EQ(raw.info.dateTime, "2018-01-01T13:03:32");
    EXPECT_FLOAT_EQ(raw.info.iso, 100.f);
    EXPECT_FLOAT_EQ(raw.info.focalLengthMm, 31.f);
}

TEST(DecodeReal, TruncatedAndInvalidFilesDecodeSanelyOrAreRefusedByName) {
    REQUIRE_TESTDATA();
    std::vector<std::string> files = filesIn("truncated");
    for (const auto& f : filesIn("invalid")) files.push_back(f);
    ASSERT_GE(files.size(), 20u);
    for (const std::string& path : files) {
        SCOPED_TRACE(path);
        try {
            const RawImage raw = decodeRaw(path);
            // Accepted: must be a real, sane image.
            ASSERT_FALSE(raw.mosaic.empty());
            const Range r = rangeOf(raw.mosaic);
            EXPECT_TRUE(r.finite);
            EXPECT_GE(r.lo, -0.5f);
            EXPECT_LE(r.hi, 1.0f);
            ADD_FAILURE() << "a truncated or invalid file decoded without error";
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), path);
            EXPECT_NE(std::string(e.what()).find(fs::path(path).filename().string()),
                      std::string::npos);
        }
        // Metadata and previews must not crash either.
        try {
            const CaptureInfo info = readCaptureInfo(path);
            EXPECT_GE(info.orientation, 1);
            EXPECT_LE(info.orientation, 8);
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), path);
        }
        try {
            const auto preview = extractPreview(path);
            if (!preview.empty()) expectJpeg(preview, 100);
        } catch (const Error& e) {
            EXPECT_EQ(e.file(), path);
        }
    }
}

TEST(DecodeReal, TheClearCasesSayWhatIsWrong) {
    REQUIRE_TESTDATA();
    const auto messageOf = [](const std::string& path) -> std::string {
        try {
            decodeRaw(path);
        } catch (const Error& e) {
            return e.what();
        }
        return "(no error)";
    };
    // LibRaw unpacks these without complaint; the size check catches them.
    for (const char* f : {"truncated/ARW_SonySLT-A55V_truncated.ARW", "truncated/exiftool-DNG.dng",
                          "truncated/exiftool-Panasonic.rw2", "truncated/exiv2-IMG_1361.dng",
                          "truncated/exiftool-Nikon.nef", "truncated/exiftool-CanonRaw.cr3"})
        EXPECT_NE(messageOf(file(f)).find("truncated"), std::string::npos) << f;
    EXPECT_NE(messageOf(file("invalid/jpeg-named.nef")).find("not a raw file"), std::string::npos);
    EXPECT_NE(messageOf(file("invalid/malformed.rw2")).find("not a raw file"), std::string::npos);

    const std::string missing = file("raw/no-such-file.CR2");
    EXPECT_NE(messageOf(missing).find("cannot open: No such file"), std::string::npos);
    EXPECT_THROW(readCaptureInfo(missing), Error);
    EXPECT_THROW(extractPreview(missing), Error);
    EXPECT_NE(messageOf(kData.string()).find("cannot open"), std::string::npos);
}

TEST(DecodeReal, CutAndDamagedCopiesOfARealRawAreRefused) {
    REQUIRE_TESTDATA();
    const std::vector<char> bytes = fileBytes(file("raw/canon-eos30d.CR2"));
    const fs::path dir = scratchDir();
    const auto write = [&](const std::string& name, const std::vector<char>& b) {
        const std::string p = (dir / name).string();
        std::ofstream(p, std::ios::binary).write(b.data(), std::streamsize(b.size()));
        return p;
    };
    // Cut anywhere inside the raw data, even its last few bytes: refused, never garbage.
    for (double keep : {0.1, 0.5, 0.9, 0.99, 0.9999}) {
        const auto n = std::size_t(double(bytes.size()) * keep);
        const std::string p = write("cut.CR2", {bytes.begin(), bytes.begin() + std::ptrdiff_t(n)});
        try {
            decodeRaw(p);
            ADD_FAILURE() << "a CR2 cut to " << keep << " decoded";
        } catch (const Error& e) {
            EXPECT_NE(std::string(e.what()).find("truncated"), std::string::npos) << e.what();
        }
    }
    // Scrambled compressed data: refused, or at worst an image inside the valid range.
    std::vector<char> damaged = bytes;
    std::uint32_t state = 12345;
    for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 65536; ++i) {
        state = state * 1664525u + 1013904223u;
        damaged[i] = char(state >> 24);
    }
    const std::string p = write("damaged.CR2", damaged);
    try {
        const RawImage raw = decodeRaw(p);
        const Range r = rangeOf(raw.mosaic);
        EXPECT_TRUE(r.finite);
        EXPECT_LE(r.hi, 1.0f);
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), p);
    }
}

TEST(DecodeReal, OwnLosslessJpegDecoderGivesLibRawsValuesBitForBit) {
    REQUIRE_TESTDATA();
    for (const std::string& path : realCr2s()) {
        SCOPED_TRACE(path);
        const RawImage ours = decodeRaw(path);
        const RawImage libraw = decodeRaw(path, libRawOnly());
        EXPECT_EQ(ours.decoder, "Rangefinder lossless JPEG");
        EXPECT_EQ(libraw.decoder, "lossless_jpeg_load_raw()");
        // The samples are scaled by the black level LibRaw measures from the masked pixels
        // after loading, so equal floats mean equal raw values and an equal black level.
        EXPECT_TRUE(sameSamples(ours, libraw));
        EXPECT_EQ(ours.layout, libraw.layout);
        EXPECT_EQ(ours.cfa, libraw.cfa);
        EXPECT_EQ(ours.asShotMultipliers, libraw.asShotMultipliers);
        EXPECT_EQ(ours.info.width, libraw.info.width);
        EXPECT_EQ(ours.info.height, libraw.info.height);
    }
}

TEST(DecodeReal, DamagedCr2sFailOrDecodeAlikeWithEitherDecoder) {
    // Whatever the damage, the file must fare exactly as it does with LibRaw's decoder: the
    // same refusal, or the same values. (Damage LibRaw's decoder passes over in silence is the
    // exception, refused by ours alone: see GarbageHoldingACodeTheTablesLeaveEmptyIsRefused.) Bytes
    // are changed in the compressed data (and its Huffman tables at the start of it), or the file
    // is cut short.
    REQUIRE_TESTDATA();
    const std::vector<char> bytes = fileBytes(file("raw/canon-eos30d.CR2"));
    const fs::path dir = scratchDir();
    const std::string p = (dir / "mutated.CR2").string();
    // The lossless JPEG stream: its SOI followed by a Huffman table, after the previews.
    std::size_t ljpeg = 0;
    for (std::size_t i = 0; i + 4 < bytes.size(); ++i)
        if (bytes[i] == '\xff' && bytes[i + 1] == '\xd8' && bytes[i + 2] == '\xff' &&
            bytes[i + 3] == '\xc4')
            ljpeg = i;
    ASSERT_GT(ljpeg, 0u);
    std::uint32_t state = 2024;
    const auto next = [&] { return state = state * 1664525u + 1013904223u; };
    int decodedByUs = 0;
    for (int variant = 0; variant < 16; ++variant) {
        std::vector<char> b = bytes;
        if (variant < 2) {
            b[ljpeg + 8 + next() % 24] ^= char(1 << (next() % 8));  // a code count
        } else if (variant < 4) {
            b.resize(bytes.size() - 1 - next() % 512);
        } else {
            for (int k = 0; k < 1 + variant % 3; ++k) {
                const std::size_t at = ljpeg + 200 + next() % (bytes.size() - ljpeg - 200);
                b[at] = variant % 2 ? char(0xff) : char(b[at] ^ char(1 << (next() % 8)));
            }
        }
        std::ofstream(p, std::ios::binary).write(b.data(), std::streamsize(b.size()));
        RawImage ours, libraw;
        const std::string a = outcome(p, {}, ours), c = outcome(p, libRawOnly(), libraw);
        EXPECT_EQ(a, c) << "variant " << variant;
        if (a.rfind("decoded", 0) == 0 && c.rfind("decoded", 0) == 0) {
            EXPECT_TRUE(sameSamples(ours, libraw)) << "variant " << variant;
        }
        decodedByUs += ours.decoder == "Rangefinder lossless JPEG";
    }
    std::printf("damaged CR2s decoded by our decoder rather than handed to LibRaw: %d of 16\n",
                decodedByUs);
}

TEST(DecodeReal, GarbageHoldingACodeTheTablesLeaveEmptyIsRefused) {
    // Garbage in a CR2's coded data (kept in tests/data/mutated) holding a code the Huffman
    // tables leave empty. LibRaw's decoder reads no bits for it and repeats one prediction to
    // the end of the frame without an error: all but the top 38 rows exported as one flat
    // colour, exit status 0.
    REQUIRE_TESTDATA();
    std::vector<char> b = fileBytes(file("raw/canon-eos30d.CR2"));
    const std::vector<char> patch =
        fileBytes(RF_SOURCE_DIR "/tests/data/mutated/canon-eos30d.CR2@862328.patch");
    ASSERT_EQ(patch.size(), 478u);
    std::copy(patch.begin(), patch.end(), b.begin() + 862328);
    const std::string p = (scratchDir() / "empty-code.CR2").string();
    std::ofstream(p, std::ios::binary | std::ios::trunc).write(b.data(), std::streamsize(b.size()));

    // What LibRaw's own loader makes of it: no error, and the bottom of the frame one value.
    const RawImage frozen = decodeRaw(p, libRawOnly());
    const Image& m = frozen.mosaic;
    for (const int y : {m.height() / 2, m.height() - 1}) {
        const float* row = m.row(y);
        EXPECT_TRUE(std::all_of(row, row + m.width(), [&](float v) { return v == row[0]; }));
    }
    try {
        decodeRaw(p);
        ADD_FAILURE() << "decoded";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), p);
        EXPECT_NE(std::string(e.what()).find("empty-code.CR2"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("a code its Huffman tables do not in row 38 of 2360"),
                  std::string::npos)
            << e.what();
    }
}

TEST(DecodeSynthetic, LosslessJpegDngsDecodeToTheSameValuesAsUncompressedOnes) {
    // The same mosaic written uncompressed and in lossless JPEG tiles, of several layouts:
    // our decoder must give exactly the uncompressed file's values, and LibRaw's loader
    // must agree with it. Edge tiles are partial. One layout is one LibRaw reads its own way
    // (two components, and twice the tile width is the image width): ours declines it.
    const fs::path dir = scratchDir();
    struct Layout {
        int width, height, tileWidth, tileHeight, components, predictor;
        bool ours;
    };
    for (const Layout& l :
         {Layout{1000, 700, 256, 256, 2, 1, true}, Layout{600, 400, 128, 64, 1, 1, true},
          Layout{1000, 700, 256, 256, 2, 6, true}, Layout{700, 500, 240, 160, 4, 1, true},
          Layout{512, 300, 256, 256, 2, 1, false}}) {
        SCOPED_TRACE(testing::Message() << l.width << "x" << l.height << ", tiles " << l.tileWidth
                                        << "x" << l.tileHeight << ", " << l.components
                                        << " components, predictor " << l.predictor);
        synth::DngOptions o;
        o.noise = 0.01;
        const Image scene = synth::renderChart(l.width, l.height);
        const std::string plain = (dir / "plain.dng").string(),
                          tiled = (dir / "tiled.dng").string();
        synth::writeDng(plain, scene.cview(), o);
        o.ljpegTileWidth = l.tileWidth;
        o.ljpegTileHeight = l.tileHeight;
        o.ljpegComponents = l.components;
        o.ljpegPredictor = l.predictor;
        synth::writeDng(tiled, scene.cview(), o);
        const RawImage truth = decodeRaw(plain);
        const RawImage ours = decodeRaw(tiled);
        const RawImage libraw = decodeRaw(tiled, libRawOnly());
        EXPECT_EQ(ours.decoder, l.ours ? "Rangefinder lossless JPEG" : "lossless_dng_load_raw()");
        EXPECT_EQ(libraw.decoder, "lossless_dng_load_raw()");
        if (l.ours) {
            EXPECT_TRUE(sameSamples(ours, truth));
            EXPECT_TRUE(sameSamples(libraw, truth));
        } else {
            // LibRaw 0.20 reads twice the samples of each row here: not the truth, but what
            // every earlier version of Rangefinder gave, and what LibRaw users see.
            EXPECT_TRUE(sameSamples(ours, libraw));
        }
    }
}

namespace {

std::uint32_t le32(const std::vector<char>& b, std::size_t at) {
    const auto u = [&](std::size_t i) { return std::uint32_t(std::uint8_t(b[at + i])); };
    return u(0) | u(1) << 8 | u(2) << 16 | u(3) << 24;
}

void putLe32(std::vector<char>& b, std::size_t at, std::uint32_t v) {
    for (std::size_t i = 0; i < 4; ++i) b[at + i] = char(v >> (8 * i));
}

/// A DNG from the synthetic writer in lossless JPEG tiles (600×400 in 128×128 tiles: 5 across,
/// 4 down), and where its TileOffsets (324) and TileByteCounts (325) arrays are: the writer
/// puts the raw in IFD 0, little-endian.
struct TiledDng {
    std::vector<char> bytes;
    std::size_t offsets = 0, counts = 0, tiles = 0;

    std::uint32_t offset(std::size_t t) const { return le32(bytes, offsets + 4 * t); }
    std::uint32_t size(std::size_t t) const { return le32(bytes, counts + 4 * t); }
    void setOffset(std::size_t t, std::uint32_t v) { putLe32(bytes, offsets + 4 * t, v); }
};

TiledDng writeTiledDng(const std::string& path) {
    synth::DngOptions o;
    o.noise = 0.01;
    o.ljpegTileWidth = o.ljpegTileHeight = 128;
    synth::writeDng(path, synth::renderChart(600, 400).cview(), o);
    TiledDng d;
    d.bytes = fileBytes(path);
    const std::uint32_t ifd = le32(d.bytes, 4);
    const auto entries =
        std::size_t(std::uint8_t(d.bytes[ifd])) | std::size_t(std::uint8_t(d.bytes[ifd + 1])) << 8;
    for (std::size_t i = 0; i < entries; ++i) {
        const std::size_t e = ifd + 2 + 12 * i;
        const unsigned tag =
            unsigned(std::uint8_t(d.bytes[e])) | unsigned(std::uint8_t(d.bytes[e + 1])) << 8;
        if (tag != 324 && tag != 325) continue;
        const std::uint32_t count = le32(d.bytes, e + 4);
        const std::size_t at = count > 1 ? le32(d.bytes, e + 8) : e + 8;
        (tag == 324 ? d.offsets : d.counts) = at;
        d.tiles = count;
    }
    return d;
}

void writeBytes(const std::string& path, const std::vector<char>& b) {
    std::ofstream(path, std::ios::binary | std::ios::trunc)
        .write(b.data(), std::streamsize(b.size()));
}

/// The error decodeRaw gives, or "(no error)".
std::string refusal(const std::string& path, const DecodeOptions& o = {}) {
    try {
        const RawImage raw = decodeRaw(path, o);
        const Range r = rangeOf(raw.mosaic);
        return "(no error; samples " + std::to_string(r.lo) + " to " + std::to_string(r.hi) + ")";
    } catch (const Error& e) {
        EXPECT_EQ(e.file(), path);
        return e.what();
    }
}

/// The damaged copies of a tiled DNG that LibRaw's loader passes over in silence (it stops at
/// the first tile it cannot start on and leaves the rest of the picture black), with the
/// message each must be refused with.
std::vector<std::pair<std::string, std::string>> damageTiles(const TiledDng& good,
                                                             const fs::path& dir) {
    std::vector<std::pair<std::string, std::string>> out;
    const auto add = [&](const std::string& name, const TiledDng& d, const std::string& why) {
        const std::string p = (dir / name).string();
        writeBytes(p, d.bytes);
        out.emplace_back(p, why);
    };
    const auto fileSize = std::uint32_t(good.bytes.size());
    TiledDng d = good;
    for (std::size_t t = 0; t < d.tiles; ++t) d.setOffset(t, fileSize + 4096 * std::uint32_t(t));
    add("all-past-eof.dng", d, "tile 1 of 20: offset beyond end of file");
    d = good;
    for (std::size_t t = 0; t < d.tiles; ++t) d.setOffset(t, 0xFFFFFF00u);
    add("all-ffffff00.dng", d, "tile 1 of 20: offset beyond end of file");
    d = good;
    d.setOffset(12, fileSize + 100);
    add("one-past-eof.dng", d, "tile 13 of 20: offset beyond end of file");
    d = good;
    d.setOffset(3, 8);  // inside the file, at the IFD
    add("points-at-ifd.dng", d, "tile 4 of 20: no lossless JPEG stream at its offset");
    d = good;
    std::uint32_t state = 77;
    for (std::uint32_t i = 0; i < d.size(6); ++i) {
        state = state * 1664525u + 1013904223u;
        d.bytes[d.offset(6) + i] = char(state >> 24);
    }
    add("garbage-tile.dng", d, "tile 7 of 20: no lossless JPEG stream at its offset");
    return out;
}

}  // namespace

TEST(DecodeSynthetic, TiledDngsWithTilesOutsideTheFileOrDamagedAreRefusedByName) {
    // Reported: TileOffsets past the end of the file gave an all-black export with exit
    // status 0, one bad offset a picture black from that tile on.
    const fs::path dir = scratchDir() / "damaged-tiles";
    fs::create_directories(dir);
    const std::string goodPath = (dir / "good.dng").string();
    const TiledDng good = writeTiledDng(goodPath);
    ASSERT_EQ(good.tiles, 20u);
    ASSERT_GT(good.offsets, 0u);
    ASSERT_GT(good.counts, 0u);
    const RawImage raw = decodeRaw(goodPath);
    EXPECT_EQ(raw.decoder, "Rangefinder lossless JPEG");
    EXPECT_EQ(raw.mosaic.width(), 600);
    EXPECT_TRUE(sameSamples(raw, decodeRaw(goodPath, libRawOnly())));

    for (const auto& [path, why] : damageTiles(good, dir)) {
        SCOPED_TRACE(path);
        const std::string msg = refusal(path);
        EXPECT_NE(msg.find(fs::path(path).filename().string()), std::string::npos) << msg;
        EXPECT_NE(msg.find(why), std::string::npos) << msg;
    }

    // Garbage in a tile's coded data behind an intact header: our decoder declines it and
    // LibRaw's loader meets it, which must not pass either.
    TiledDng d = good;
    const std::size_t at = d.offset(9), n = d.size(9);
    std::size_t sos = at;
    while (sos + 1 < at + n && !(d.bytes[sos] == '\xff' && d.bytes[sos + 1] == '\xda')) ++sos;
    ASSERT_LT(sos + 16, at + n);
    std::uint32_t state = 5;
    for (std::size_t i = sos + 16; i < at + n; ++i) {
        state = state * 1664525u + 1013904223u;
        d.bytes[i] = char(state >> 24);
    }
    const std::string p = (dir / "garbage-coded-data.dng").string();
    writeBytes(p, d.bytes);
    const std::string msg = refusal(p);
    EXPECT_NE(msg.find("garbage-coded-data.dng"), std::string::npos) << msg;
}

TEST(DecodeSynthetic, LibRawsLoaderLeavingTheFrameBlankIsRefused) {
    // With our decoder switched off, LibRaw's own loader meets tiles past the end of the file:
    // it stops without an error and leaves the frame zero, which must not pass as a picture.
    const fs::path dir = scratchDir() / "blank-frame";
    fs::create_directories(dir);
    TiledDng d = writeTiledDng((dir / "good.dng").string());
    ASSERT_EQ(d.tiles, 20u);
    for (std::size_t t = 0; t < d.tiles; ++t) d.setOffset(t, 0xFFFFFF00u);
    const std::string p = (dir / "blank.dng").string();
    writeBytes(p, d.bytes);
    const std::string msg = refusal(p, libRawOnly());
    EXPECT_NE(msg.find("blank.dng"), std::string::npos) << msg;
    EXPECT_NE(msg.find("holds no picture"), std::string::npos) << msg;
}

TEST(DecodeSynthetic, ExportingADamagedTiledDngFailsAndWritesNothing) {
    test::TempDir tmp("decode-damaged-export");
    const TiledDng good = writeTiledDng(tmp.str("good.dng"));
    ASSERT_EQ(good.tiles, 20u);
    for (const auto& [path, why] : damageTiles(good, tmp.path())) {
        SCOPED_TRACE(path);
        const fs::path out = tmp.path() / ("out-" + fs::path(path).stem().string());
        std::string log;
        const int rc = test::runCli("export --preset web -o " + test::shellQuote(out.string()) +
                                        " " + test::shellQuote(path),
                                    log);
        EXPECT_NE(rc, 0) << log;
        EXPECT_NE(log.find(why), std::string::npos) << log;
        std::size_t written = 0;
        if (fs::exists(out))
            for (const auto& e : fs::directory_iterator(out)) written += e.is_regular_file();
        EXPECT_EQ(written, 0u) << log;
    }
}

TEST(DecodeReal, PixelLimitRefusesBeforeDecoding) {
    REQUIRE_TESTDATA();
    DecodeOptions o;
    o.maxPixels = 3522LL * 2348 - 1;
    try {
        decodeRaw(file("raw/canon-eos30d.CR2"), o);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("too large"), std::string::npos) << e.what();
    }
    o.maxPixels = 3596LL * 2360;  // the full sensor including masked borders fits
    EXPECT_NO_THROW(decodeRaw(file("raw/canon-eos30d.CR2"), o));
}

TEST(DecodeReal, EmbeddedPreviews) {
    REQUIRE_TESTDATA();
    expectJpeg(extractPreview(file("raw/canon-eos30d.CR2")), 100'000);
    // The raw data of these is gone, but their full-size previews are intact.
    expectJpeg(extractPreview(file("truncated/ARW_SonySLT-A55V_truncated.ARW")), 500'000);
    expectJpeg(extractPreview(file("truncated/NEF_NikonD7100_truncated.NEF")), 1'000'000);
    EXPECT_THROW(extractPreview(file("invalid/jpeg-named.nef")), Error);
}

TEST(DecodeSynthetic, OwnUncompressedDngLoaderGivesLibRawsValuesBitForBit) {
    // The same scene in the uncompressed layouts LibRaw's packed_dng_load_raw() reads: ours
    // must give LibRaw's loader's values sample for sample, and, without a linearisation
    // table, the values of the plain 16-bit file (so that both cannot be wrong alike). Odd
    // sizes leave packed rows ending inside a byte. Strips with gaps between them LibRaw
    // reads as if they followed one another: ours declines them.
    const fs::path dir = scratchDir();
    struct Layout {
        int bits, rowsPerStrip, gap;
        bool bigEndian, linearization;
        int width, height;
        bool ours;
    };
    for (const Layout& l : {Layout{16, 0, 0, false, false, 600, 400, true},
                            Layout{16, 64, 0, true, false, 601, 401, true},
                            Layout{16, 0, 0, false, true, 300, 200, true},
                            Layout{14, 50, 0, false, false, 333, 200, true},
                            Layout{12, 0, 0, false, false, 601, 401, true},
                            Layout{12, 16, 0, true, true, 400, 300, true},
                            Layout{10, 0, 0, true, false, 337, 211, true},
                            Layout{8, 0, 0, false, false, 320, 240, true},
                            Layout{16, 64, 100, false, false, 600, 400, false}}) {
        SCOPED_TRACE(testing::Message()
                     << l.bits << " bits, " << l.width << "x" << l.height << ", strips of "
                     << l.rowsPerStrip << " rows " << l.gap << " bytes apart, "
                     << (l.bigEndian ? "big" : "little") << "-endian"
                     << (l.linearization ? ", linearisation table" : ""));
        synth::DngOptions o;
        o.noise = 0.01;
        o.whiteLevel = (1 << l.bits) - 1;
        o.blackLevel = o.whiteLevel / 32;
        const Image scene = synth::renderChart(l.width, l.height);
        const std::string plain = (dir / "plain.dng").string(),
                          packed = (dir / "packed.dng").string();
        synth::writeDng(plain, scene.cview(), o);
        o.uncompressedBits = l.bits;
        o.rowsPerStrip = l.rowsPerStrip;
        o.stripGap = l.gap;
        o.bigEndian = l.bigEndian;
        if (l.linearization)
            for (int v = 0; v <= o.whiteLevel; ++v)
                o.linearizationTable.push_back(std::uint16_t(v + v / 8));
        synth::writeDng(packed, scene.cview(), o);
        const RawImage ours = decodeRaw(packed);
        const RawImage libraw = decodeRaw(packed, libRawOnly());
        EXPECT_EQ(ours.decoder, l.ours ? "Rangefinder uncompressed DNG" : "packed_dng_load_raw()");
        EXPECT_EQ(libraw.decoder, "packed_dng_load_raw()");
        EXPECT_TRUE(sameSamples(ours, libraw));
        if (l.ours && !l.linearization) {
            EXPECT_TRUE(sameSamples(ours, decodeRaw(plain)));
        }
        if (l.linearization) {
            EXPECT_FALSE(sameSamples(ours, decodeRaw(plain)));
        }
    }
}

TEST(DecodeSynthetic, UncompressedDngsCutInTheirDataAreRefusedByName) {
    // A DNG in strips records the size of its first strip only where LibRaw keeps it, so a
    // file cut in a later strip passes the size check before unpacking: the loader refuses it.
    const fs::path dir = scratchDir() / "cut-strips";
    fs::create_directories(dir);
    synth::DngOptions o;
    o.noise = 0.01;
    o.rowsPerStrip = 32;
    const std::string good = (dir / "good.dng").string();
    synth::writeDng(good, synth::renderChart(600, 400).cview(), o);
    const std::vector<char> bytes = fileBytes(good);
    for (const std::size_t cut : {std::size_t(1), std::size_t(7), std::size_t(600 * 2 * 100)}) {
        const std::string p = (dir / ("cut-" + std::to_string(cut) + ".dng")).string();
        writeBytes(p, {bytes.begin(), bytes.end() - std::ptrdiff_t(cut)});
        const std::string msg = refusal(p);
        EXPECT_NE(msg.find(fs::path(p).filename().string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("runs past the end of the file"), std::string::npos) << msg;
        EXPECT_EQ(refusal(p, libRawOnly()).rfind("(no error", 0), std::string::npos);
    }
}

TEST(DecodeReal, OwnCrwLoaderGivesLibRawsValuesBitForBit) {
    REQUIRE_TESTDATA();
    const std::string path = file("raw/canon-eosd30.CRW");
    const RawImage ours = decodeRaw(path);
    const RawImage libraw = decodeRaw(path, libRawOnly());
    EXPECT_EQ(ours.decoder, "Rangefinder Canon CRW");
    EXPECT_EQ(libraw.decoder, "canon_load_raw()");
    // Equal floats: equal raw values, black level (measured from the masked columns after
    // loading) and white level (the brightest value, as LibRaw's processing takes it).
    EXPECT_TRUE(sameSamples(ours, libraw));
    EXPECT_EQ(ours.cfa, libraw.cfa);
    EXPECT_EQ(ours.asShotMultipliers, libraw.asShotMultipliers);
}

TEST(DecodeReal, DamagedCrwsAreRefusedWithEitherLoader) {
    // Cut short or with bytes changed in the Huffman stream, the D30's CRW must not decode to
    // something else with our loader than with LibRaw's: both refuse it, or both give the same
    // values. A marker in the stream (0xFF not followed by 0x00) ends it there, as does the
    // end of a cut file: our loader names the rows it could not decode.
    REQUIRE_TESTDATA();
    const std::vector<char> bytes = fileBytes(file("raw/canon-eosd30.CRW"));
    const fs::path dir = scratchDir() / "damaged-crw";
    fs::create_directories(dir);
    const std::string p = (dir / "mutated.CRW").string();
    std::uint32_t state = 1999;
    const auto next = [&] { return state = state * 1664525u + 1013904223u; };
    // The Huffman stream runs from well after the low bits (a quarter byte a sample) to the
    // CIFF directory at the end of the file.
    const std::size_t from = 540 + 2224 * 1456 / 4 + 4096, to = bytes.size() * 9 / 10;
    ASSERT_LT(from, to);
    int refusedEarly = 0;
    for (int variant = 0; variant < 12; ++variant) {
        std::vector<char> b = bytes;
        const std::size_t at = from + next() % (to - from);
        if (variant < 4) {
            b.resize(at);
        } else if (variant < 8) {
            b[at] = char(0xff);
            b[at + 1] = char(0xd9);
        } else {
            for (int k = 0; k < 3; ++k) b[from + next() % (to - from)] ^= char(1 << (next() % 8));
        }
        writeBytes(p, b);
        RawImage ours, libraw;
        const std::string a = outcome(p, {}, ours), c = outcome(p, libRawOnly(), libraw);
        SCOPED_TRACE(testing::Message() << "variant " << variant << ": " << a << " / " << c);
        if (variant < 8) {
            EXPECT_EQ(a.rfind("refused", 0), 0u);
            EXPECT_EQ(c.rfind("refused", 0), 0u);
            refusedEarly += a.find("ends early") != std::string::npos;
        } else if (a.rfind("decoded", 0) == 0 || c.rfind("decoded", 0) == 0) {
            EXPECT_EQ(a, c);
            EXPECT_TRUE(sameSamples(ours, libraw));
        }
    }
    EXPECT_GT(refusedEarly, 0);
}
