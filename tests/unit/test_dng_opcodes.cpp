// SPDX-License-Identifier: GPL-3.0-or-later
// DNG opcode lists, through the real decoder: a flat scene shaded by the gain maps a phone
// writes into OpcodeList2 must decode flat again (and visibly shaded when the maps are left
// out, so these tests can fail), per-phase maps must land on their Bayer sites, an ActiveArea
// and a default crop must not move the maps, OpcodeList3's lens opcodes must arrive in
// RawImage::dngLens in the mosaic's pixels, and broken lists must be refused naming the file
// and the problem (or skipped, for what the file marks optional) without a crash.

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "io/dng_opcodes.h"
#include "rangefinder/error.h"
#include "rangefinder/raw.h"
#include "synth.h"

using namespace rf;
using namespace rf::synth;
namespace fs = std::filesystem;

namespace {

std::string tempPath(const std::string& name) {
    const fs::path dir = fs::path(RF_BINARY_DIR) / "test_dng_opcodes_tmp";
    fs::create_directories(dir);
    return (dir / name).string();
}

Image flatScene(int w, int h, float v = 0.4f) {
    Image img(w, h, 3);
    for (int y = 0; y < h; ++y) std::fill(img.row(y), img.row(y) + w * 3, v);
    return img;
}

DngOptions phoneOptions() {
    DngOptions o;
    o.exposureScale = 0.8;
    o.blackLevel = 64;
    o.whiteLevel = 16383;
    return o;
}

/// The spread of each CFA colour over the mosaic: (max − min) / mean, the largest of the
/// three. A flat scene decodes with a spread of a few DN in 10,000.
double flatness(const RawImage& raw) {
    double worst = 0;
    for (int c = 0; c < 3; ++c) {
        double lo = 1e9, hi = -1e9, sum = 0;
        long n = 0;
        for (int y = 0; y < raw.mosaic.height(); ++y)
            for (int x = 0; x < raw.mosaic.width(); ++x) {
                if (raw.cfa[std::size_t((y & 1) * 2 + (x & 1))] != c) continue;
                const double v = raw.mosaic.at(x, y);
                lo = std::min(lo, v);
                hi = std::max(hi, v);
                sum += v;
                ++n;
            }
        worst = std::max(worst, (hi - lo) / (sum / double(n)));
    }
    return worst;
}

/// The corner's value over the centre's, for one colour (the top-left site's).
double cornerOverCentre(const RawImage& raw) {
    const int w = raw.mosaic.width(), h = raw.mosaic.height();
    return raw.mosaic.at(0, 0) / raw.mosaic.at((w / 2) & ~1, (h / 2) & ~1);
}

std::string errorOf(const std::string& path) {
    try {
        decodeRaw(path);
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

void putBe32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) b[at + std::size_t(i)] = std::uint8_t(v >> (24 - 8 * i));
}
void putBe64(std::vector<std::uint8_t>& b, std::size_t at, double d) {
    const auto v = std::bit_cast<std::uint64_t>(d);
    for (int i = 0; i < 8; ++i) b[at + std::size_t(i)] = std::uint8_t(v >> (56 - 8 * i));
}

// Offsets in a one-GainMap OpcodeList2: the count, the opcode's 16-byte header, then its
// parameters (DNG 1.4 §7).
constexpr std::size_t kFlags = 12, kByteCount = 16, kPointsV = 52, kPointsH = 56, kSpacingV = 60,
                      kGains = 96;

}  // namespace

TEST(DngOpcodes, FlatFieldThroughARadialGainMapDecodesFlat) {
    DngOptions o = phoneOptions();
    o.gainMaps.push_back(radialGainMap(9, 1.0));  // corners at half the centre's light
    const std::string path = tempPath("radial.dng");
    writeDng(path, flatScene(96, 64).cview(), o);
    const RawImage raw = decodeRaw(path);
    EXPECT_LT(flatness(raw), 0.005);
    EXPECT_NEAR(cornerOverCentre(raw), 1.0, 0.005);
    ASSERT_EQ(raw.info.dngOpcodes.size(), 1u);
    EXPECT_EQ(raw.info.dngOpcodes[0].name, "GainMap");
    EXPECT_EQ(raw.info.dngOpcodes[0].list, 2);
    EXPECT_EQ(raw.info.dngOpcodes[0].fate, DngOpcodeNote::Fate::Applied);

    // The same data with the map left out of the file: the shading shows, so the check above
    // sees the map being applied, not a flat file.
    DngOptions without = o;
    without.opcodeList2Bytes = {0, 0, 0, 0};  // a list of no opcodes
    const std::string shaded = tempPath("radial-ignored.dng");
    writeDng(shaded, flatScene(96, 64).cview(), without);
    const RawImage ignored = decodeRaw(shaded);
    EXPECT_GT(flatness(ignored), 0.5);
    EXPECT_NEAR(cornerOverCentre(ignored), 0.5, 0.05);
}

TEST(DngOpcodes, GainMapsApplyToLosslessJpegTilesAsPhonesWriteThem) {
    DngOptions o = phoneOptions();
    o.gainMaps.push_back(radialGainMap(9, 1.0));
    o.ljpegTileWidth = 32;
    o.ljpegTileHeight = 16;
    const std::string path = tempPath("radial-tiles.dng");
    writeDng(path, flatScene(96, 64).cview(), o);
    const RawImage raw = decodeRaw(path);
    EXPECT_EQ(raw.decoder, "Rangefinder lossless JPEG");
    EXPECT_LT(flatness(raw), 0.005);
}

TEST(DngOpcodes, ALayoutLibRawDemosaicsGetsNoGainMapAndSaysSo) {
    // X-Trans is interpolated by LibRaw before the decoder sees it: a map written for the
    // sensor's sites cannot be applied to what comes out, so it is listed as skipped.
    DngOptions o = phoneOptions();
    o.xtrans = true;
    o.gainMaps.push_back(radialGainMap(5, 0.5));
    const std::string path = tempPath("xtrans.dng");
    writeDng(path, flatScene(516, 516).cview(), o);  // LibRaw's X-Trans tile is 512 × 512
    const RawImage raw = decodeRaw(path);
    ASSERT_EQ(raw.info.dngOpcodes.size(), 1u);
    EXPECT_EQ(raw.info.dngOpcodes[0].fate, DngOpcodeNote::Fate::Skipped);
    EXPECT_NE(raw.info.dngOpcodes[0].note.find("demosaiced by LibRaw"), std::string::npos);
    EXPECT_EQ(readCaptureInfo(path).dngOpcodes[0].fate, DngOpcodeNote::Fate::Skipped);
}

TEST(DngOpcodes, PerPhaseMapsWithPitchTwoReachTheirOwnSites) {
    // Four maps, one per Bayer site, as phones write them: pitch 2 from each phase's corner,
    // each with its own strength, so a map applied to the wrong phase leaves a checkerboard.
    DngOptions o = phoneOptions();
    const double strength[4] = {0.2, 0.6, 1.0, 1.4};
    for (int phase = 0; phase < 4; ++phase) {
        GainMapSpec g = radialGainMap(7, strength[phase]);
        g.top = std::uint32_t(phase >> 1);
        g.left = std::uint32_t(phase & 1);
        g.rowPitch = g.colPitch = 2;
        o.gainMaps.push_back(g);
    }
    for (const CfaPattern cfa : {CfaPattern{0, 1, 1, 2}, CfaPattern{1, 2, 0, 1}}) {
        o.cfa = cfa;
        const std::string path = tempPath("per-phase.dng");
        writeDng(path, flatScene(80, 60).cview(), o);
        const RawImage raw = decodeRaw(path);
        EXPECT_LT(flatness(raw), 0.005);
        EXPECT_EQ(raw.info.dngOpcodes.size(), 4u);
    }
}

TEST(DngOpcodes, PerPlaneMapsOnALinearDng) {
    DngOptions o = phoneOptions();
    o.linear = true;
    GainMapSpec g = radialGainMap(5, 0.5);
    // Three planes of one map, each its own strength: gain 1 + s · r² per plane.
    g.planes = 3;
    g.mapPlanes = 3;
    std::vector<float> gains;
    for (const float v : g.gains)
        for (int p = 0; p < 3; ++p) gains.push_back(1.f + (v - 1.f) * float(p + 1));
    g.gains = gains;
    o.gainMaps.push_back(g);
    const std::string path = tempPath("linear.dng");
    writeDng(path, flatScene(64, 48).cview(), o);
    const RawImage raw = decodeRaw(path);
    ASSERT_EQ(raw.layout, SensorLayout::Linear);
    for (int c = 0; c < 3; ++c) {
        const float centre = raw.mosaic.at(32, 24, c);
        EXPECT_NEAR(raw.mosaic.at(0, 0, c) / centre, 1.0, 0.005) << c;
        EXPECT_NEAR(raw.mosaic.at(63, 47, c) / centre, 1.0, 0.005) << c;
    }
}

TEST(DngOpcodes, AnActiveAreaAndADefaultCropDoNotMoveTheMap) {
    // A steep ramp across the width: a map placed even a few columns off leaves a slope.
    DngOptions o = phoneOptions();
    GainMapSpec ramp;
    ramp.pointsV = 1;
    ramp.pointsH = 2;
    ramp.spacingH = 1;
    ramp.gains = {1.f, 3.f};
    o.gainMaps.push_back(ramp);
    o.blackBorder = {5, 3, 2, 4};
    o.activeArea = {5, 3, 96, 64};  // the scene, inside a masked border of odd widths
    const std::string path = tempPath("active-area.dng");
    writeDng(path, flatScene(96, 64).cview(), o);
    const RawImage raw = decodeRaw(path);
    EXPECT_LT(flatness(raw), 0.005);

    o.defaultCrop = {6, 4, 80, 52};
    writeDng(path, flatScene(96, 64).cview(), o);
    const RawImage cropped = decodeRaw(path);
    EXPECT_EQ(cropped.mosaic.width(), 80);
    EXPECT_LT(flatness(cropped), 0.005);
}

TEST(DngOpcodes, LensOpcodesArriveInMosaicPixels) {
    DngOptions o = phoneOptions();
    o.blackBorder = {4, 2, 0, 0};
    o.activeArea = {4, 2, 96, 64};
    o.defaultCrop = {8, 6, 80, 50};
    WarpRectilinearSpec warp;
    warp.planes = 3;
    for (int p = 0; p < 3; ++p)
        warp.coefficients[std::size_t(p)] = {1.0, -0.02 * (p + 1), 0.004, -0.0005, 1e-4, -2e-4};
    warp.centerX = 0.45;
    warp.centerY = 0.55;
    o.warp = warp;
    VignetteRadialSpec vignette;
    vignette.k = {0.3, -0.1, 0.05, 0, 0};
    vignette.centerX = 0.5;
    vignette.centerY = 0.5;
    o.vignette = vignette;
    const std::string path = tempPath("lens.dng");
    writeDng(path, flatScene(96, 64).cview(), o);
    const RawImage raw = decodeRaw(path);
    ASSERT_TRUE(raw.dngLens.warp);
    ASSERT_TRUE(raw.dngLens.vignette);
    const DngWarpRectilinear& w = *raw.dngLens.warp;
    EXPECT_EQ(w.planes, 3);
    for (int p = 0; p < 3; ++p)
        for (int k = 0; k < 6; ++k)
            EXPECT_DOUBLE_EQ(w.coefficients[std::size_t(p)][std::size_t(k)],
                             warp.coefficients[std::size_t(p)][std::size_t(k)]);
    // The centre as a fraction of the active area (96 × 64), then moved by the crop's origin
    // in it; the radius to the farthest corner of the active area.
    EXPECT_NEAR(w.centerX, 0.45 * 96 - 8, 1e-9);
    EXPECT_NEAR(w.centerY, 0.55 * 64 - 6, 1e-9);
    EXPECT_NEAR(w.radius, std::hypot(0.55 * 96, 0.55 * 64), 1e-9);
    const DngVignetteRadial& v = *raw.dngLens.vignette;
    EXPECT_DOUBLE_EQ(v.k[0], 0.3);
    EXPECT_DOUBLE_EQ(v.k[2], 0.05);
    EXPECT_NEAR(v.centerX, 48 - 8, 1e-9);
    EXPECT_NEAR(v.centerY, 32 - 6, 1e-9);
    EXPECT_NEAR(v.radius, std::hypot(48, 32), 1e-9);
    ASSERT_EQ(raw.info.dngOpcodes.size(), 2u);
    for (const DngOpcodeNote& n : raw.info.dngOpcodes) {
        EXPECT_EQ(n.list, 3);
        EXPECT_EQ(n.fate, DngOpcodeNote::Fate::LensStage);
    }
    // The metadata-only read lists them too.
    EXPECT_EQ(readCaptureInfo(path).dngOpcodes.size(), 2u);
}

namespace {

/// Appends a second IFD to a DNG written by writeDng (chained after IFD 0, as a preview's
/// would be): a 4 × 4 RGB preview carrying OpcodeList2 and 3 of its own (each over 4 bytes,
/// so stored out of line). Phones keep the raw
/// in one IFD and previews in others; only the raw IFD's lists apply to the raw.
void appendPreviewWithLists(const std::string& path, const std::vector<std::uint8_t>& list2,
                            const std::vector<std::uint8_t>& list3) {
    std::vector<std::uint8_t> f;
    {
        std::ifstream in(path, std::ios::binary);
        f.assign(std::istreambuf_iterator<char>(in), {});
    }
    const auto le16 = [&](std::size_t at) { return std::uint32_t(f[at] | f[at + 1] << 8); };
    const auto le32 = [&](std::size_t at) {
        return std::uint32_t(f[at] | f[at + 1] << 8 | f[at + 2] << 16 |
                             std::uint32_t(f[at + 3]) << 24);
    };
    const auto set32 = [&](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) f[at + std::size_t(i)] = std::uint8_t(v >> (8 * i));
    };
    const auto put16 = [&](std::uint32_t v) {
        f.push_back(std::uint8_t(v));
        f.push_back(std::uint8_t(v >> 8));
    };
    const auto put32 = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) f.push_back(std::uint8_t(v >> (8 * i)));
    };
    while (f.size() % 4) f.push_back(0);
    const std::size_t ifd0 = le32(4);
    const std::size_t next = ifd0 + 2 + 12 * le16(ifd0);
    ASSERT_EQ(le32(next), 0u);
    // Out-of-line data first: the pixels and the two lists.
    const auto pixels = std::uint32_t(f.size());
    f.insert(f.end(), 48, 0x80);
    const auto at2 = std::uint32_t(f.size());
    f.insert(f.end(), list2.begin(), list2.end());
    const auto at3 = std::uint32_t(f.size());
    f.insert(f.end(), list3.begin(), list3.end());
    while (f.size() % 4) f.push_back(0);
    set32(next, std::uint32_t(f.size()));
    struct E {
        std::uint16_t tag, type;
        std::uint32_t count, value;
    };
    const E entries[] = {{254, 4, 1, 1},
                         {256, 4, 1, 4},
                         {257, 4, 1, 4},
                         {258, 3, 1, 8},
                         {259, 3, 1, 1},
                         {262, 3, 1, 2},
                         {273, 4, 1, pixels},
                         {277, 3, 1, 3},
                         {278, 4, 1, 4},
                         {279, 4, 1, 48},
                         {51009, 7, std::uint32_t(list2.size()), at2},
                         {51022, 7, std::uint32_t(list3.size()), at3}};
    put16(std::uint32_t(std::size(entries)));
    for (const E& e : entries) {
        put16(e.tag);
        put16(e.type);
        put32(e.count);
        put32(e.value);
    }
    put32(0);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(f.data()), std::streamsize(f.size()));
}

}  // namespace

TEST(DngOpcodes, OnlyTheRawIfdsListsApply) {
    DngOptions o = phoneOptions();
    o.gainMaps.push_back(radialGainMap(9, 1.0));
    const std::string path = tempPath("two-ifds.dng");
    writeDng(path, flatScene(96, 64).cview(), o);
    // The preview's lists: one that would refuse the file, lens opcodes that must not arrive.
    DngOptions previewLens;
    previewLens.warp = WarpRectilinearSpec{};
    appendPreviewWithLists(path, {0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0},
                           opcodeListBytes(previewLens, 3));
    const RawImage raw = decodeRaw(path);
    EXPECT_LT(flatness(raw), 0.005);
    EXPECT_FALSE(raw.dngLens.any());
    ASSERT_EQ(raw.info.dngOpcodes.size(), 1u);
    EXPECT_EQ(raw.info.dngOpcodes[0].name, "GainMap");
}

// ---- broken lists ---------------------------------------------------------------------

class BrokenGainMap : public ::testing::Test {
  protected:
    /// A file whose OpcodeList2 is one GainMap's bytes after `edit`.
    std::string write(const std::string& name,
                      const std::function<void(std::vector<std::uint8_t>&)>& edit) {
        DngOptions o = phoneOptions();
        o.gainMaps.push_back(radialGainMap(5, 0.5));
        std::vector<std::uint8_t> bytes = opcodeListBytes(o, 2);
        edit(bytes);
        o.opcodeList2Bytes = bytes;
        const std::string path = tempPath(name);
        writeDng(path, flatScene(48, 32).cview(), o);
        return path;
    }
    /// Refused, naming the file and with `problem` in the message; readCaptureInfo reports
    /// the same problem without refusing.
    void expectRefused(const std::string& path, const std::string& problem) {
        const std::string error = errorOf(path);
        EXPECT_NE(error.find(path), std::string::npos) << error;
        EXPECT_NE(error.find(problem), std::string::npos) << error;
        CaptureInfo info;
        ASSERT_NO_THROW(info = readCaptureInfo(path));
        EXPECT_NE(info.dngOpcodeProblem.find(problem), std::string::npos) << info.dngOpcodeProblem;
    }
};

TEST_F(BrokenGainMap, ATruncatedListIsRefused) {
    const std::string path = write("truncated.dng", [](auto& b) { b.resize(b.size() - 10); });
    expectRefused(path, "OpcodeList2: opcode 1 of 1 (GainMap) claims");
    const std::string cut = write("truncated-header.dng", [](auto& b) { b.resize(12); });
    expectRefused(cut, "OpcodeList2 claims 1 opcodes in 12 bytes");
}

TEST_F(BrokenGainMap, AHugeCountIsRefused) {
    const std::string path = write("huge-count.dng", [](auto& b) { putBe32(b, 0, 0xffffffffu); });
    expectRefused(path, "OpcodeList2 claims 4294967295 opcodes");
}

TEST_F(BrokenGainMap, MapPointsBeyondItsBytesAreRefused) {
    // 65536 × 65536 points (2³² gains) would overflow 32-bit arithmetic to 0.
    const std::string path = write("points-overflow.dng", [](auto& b) {
        putBe32(b, kPointsV, 0x10000);
        putBe32(b, kPointsH, 0x10000);
    });
    expectRefused(path, "map of 65536 × 65536 points × 1 planes does not fit");
}

TEST_F(BrokenGainMap, ZeroSpacingIsRefused) {
    const std::string path = write("zero-spacing.dng", [](auto& b) { putBe64(b, kSpacingV, 0); });
    expectRefused(path, "spacing or origin is zero, negative or not a number");
}

TEST_F(BrokenGainMap, ANaNGainIsRefused) {
    const std::string path = write("nan-gain.dng", [](auto& b) {
        putBe32(b, kGains + 8,
                std::bit_cast<std::uint32_t>(std::numeric_limits<float>::quiet_NaN()));
    });
    expectRefused(path, "a gain that is negative or not a number");
}

TEST_F(BrokenGainMap, AnOptionalBrokenMapIsSkippedWithANote) {
    const std::string path = write("optional-zero-spacing.dng", [](auto& b) {
        putBe32(b, kFlags, 1);
        putBe64(b, kSpacingV, 0);
    });
    const RawImage raw = decodeRaw(path);
    ASSERT_EQ(raw.info.dngOpcodes.size(), 1u);
    EXPECT_EQ(raw.info.dngOpcodes[0].fate, DngOpcodeNote::Fate::Skipped);
    EXPECT_NE(raw.info.dngOpcodes[0].note.find("impossible"), std::string::npos);
    EXPECT_GT(flatness(raw), 0.1);  // the shading stays
}

TEST(DngOpcodes, AnUnknownRequiredOpcodeDecodesWithAWarning) {
    // An opcode of a later DNG version: id 99, 8 bytes of parameters, required; then a GainMap
    // that must still be found after it (skipped by its byte count).
    DngOptions o = phoneOptions();
    o.gainMaps.push_back(radialGainMap(5, 1.0));
    std::vector<std::uint8_t> list = opcodeListBytes(o, 2);
    const std::vector<std::uint8_t> unknown = {0, 0, 0, 99, 1, 4, 0, 0, 0, 0, 0, 0,
                                               0, 0, 0, 8,  1, 2, 3, 4, 5, 6, 7, 8};
    list.insert(list.begin() + 4, unknown.begin(), unknown.end());
    putBe32(list, 0, 2);
    o.opcodeList2Bytes = list;
    const std::string path = tempPath("unknown.dng");
    writeDng(path, flatScene(48, 32).cview(), o);
    const RawImage raw = decodeRaw(path);
    ASSERT_EQ(raw.info.dngOpcodes.size(), 2u);
    EXPECT_EQ(raw.info.dngOpcodes[0].name, "opcode 99");
    EXPECT_EQ(raw.info.dngOpcodes[0].fate, DngOpcodeNote::Fate::Skipped);
    EXPECT_NE(raw.info.dngOpcodes[0].note.find("requires"), std::string::npos);
    EXPECT_EQ(raw.info.dngOpcodes[1].fate, DngOpcodeNote::Fate::Applied);
    EXPECT_LT(flatness(raw), 0.005);
}

TEST(DngOpcodes, ANaNWarpCoefficientIsRefused) {
    DngOptions o = phoneOptions();
    WarpRectilinearSpec warp;
    warp.coefficients[0] = {1, 0, 0, 0, 0, 0};
    o.warp = warp;
    std::vector<std::uint8_t> list = opcodeListBytes(o, 3);
    putBe64(list, 20 + 4 + 8, std::numeric_limits<double>::quiet_NaN());  // kr1
    o.opcodeList3Bytes = list;
    const std::string path = tempPath("nan-warp.dng");
    writeDng(path, flatScene(48, 32).cview(), o);
    const std::string error = errorOf(path);
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_NE(error.find("OpcodeList3: opcode 1 of 1 (WarpRectilinear)"), std::string::npos)
        << error;
}

// ---- the parser on its own ------------------------------------------------------------

TEST(DngOpcodeParser, EveryPrefixOfAListIsRefusedOrParsedWithoutReadingPastIt) {
    DngOptions o;
    o.gainMaps.push_back(radialGainMap(3, 0.5));
    const std::vector<std::uint8_t> full = opcodeListBytes(o, 2);
    for (std::size_t n = 0; n < full.size(); ++n) {
        // A copy of exactly n bytes, so that a read past it is caught by the sanitizers.
        const std::vector<std::uint8_t> prefix(full.begin(), full.begin() + std::ptrdiff_t(n));
        EXPECT_THROW(dng::parseOpcodeList(2, prefix.data(), prefix.size()), Error) << n;
    }
    const auto ops = dng::parseOpcodeList(2, full.data(), full.size());
    ASSERT_EQ(ops.size(), 1u);
    ASSERT_TRUE(ops[0].gainMap);
    EXPECT_EQ(ops[0].gainMap->gains.size(), 9u);
}

TEST(DngOpcodeParser, AByteCountTooSmallForTheParametersIsAProblemNotARead) {
    DngOptions o;
    o.gainMaps.push_back(radialGainMap(3, 0.5));
    std::vector<std::uint8_t> list = opcodeListBytes(o, 2);
    putBe32(list, kByteCount, 40);  // the opcode now ends mid-parameters
    list.resize(4 + 16 + 40);
    const auto ops = dng::parseOpcodeList(2, list.data(), list.size());
    ASSERT_EQ(ops.size(), 1u);
    EXPECT_FALSE(ops[0].gainMap);
    EXPECT_NE(ops[0].problem.find("cut short"), std::string::npos);
}

TEST(DngOpcodeParser, InterpolatesBetweenMapPointsAndHoldsOutside) {
    // Two points across, at ¼ and ¾ of the width: gains 1 and 2.
    dng::GainMap g;
    g.bottom = 1;
    g.right = 8;
    g.pointsV = 1;
    g.pointsH = 2;
    g.originH = 0.25;
    g.spacingH = 0.5;
    g.gains = {1.f, 2.f};
    Image img(8, 1, 1);
    std::fill(img.row(0), img.row(0) + 8, 0.25f);
    dng::applyGainMap(g, img, {0, 0, 8, 1, 1});
    // Pixel centres at (x + ½) / 8: held at 1 up to ¼, at 2 from ¾, linear between.
    const float expected[8] = {1, 1, 1.125f, 1.375f, 1.625f, 1.875f, 2, 2};
    for (int x = 0; x < 8; ++x) EXPECT_FLOAT_EQ(img.at(x, 0), 0.25f * expected[x]) << x;
}

namespace {

double medianMs(std::vector<double> t) {
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

/// The process's CPU time in ms: the work done on all threads, which other jobs on a shared
/// machine disturb far less than the wall-clock time.
double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Timing {
    double wallMs, cpuMs;
};

/// Decode times of `plain` and `mapped`, alternated (the first reads are cold): the medians
/// of 9, wall clock and CPU.
std::pair<Timing, Timing> decodeMedians(const std::string& plain, const std::string& mapped) {
    std::vector<double> wall[2], cpu[2];
    for (int round = 0; round < 9; ++round)
        for (int k = 0; k < 2; ++k) {
            const auto t0 = std::chrono::steady_clock::now();
            const double c0 = cpuMs();
            const RawImage raw = decodeRaw(k ? mapped : plain);
            cpu[k].push_back(cpuMs() - c0);
            wall[k].push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                    .count());
        }
    return {{medianMs(wall[0]), medianMs(cpu[0])}, {medianMs(wall[1]), medianMs(cpu[1])}};
}

}  // namespace

TEST(DngOpcodeGainMapSpeed, TwelveMegapixelPhoneDng) {
    // Reported, not asserted (machines differ): decode time of a 12 MP Bayer DNG with and
    // without four per-phase gain maps, uncompressed and in lossless JPEG tiles as phones
    // write them. See docs/ARCHITECTURE.md for the figures.
    if (!std::getenv("RF_BENCH_DNG_OPCODES")) GTEST_SKIP() << "set RF_BENCH_DNG_OPCODES=1";
    const Image scene = flatScene(4032, 3024);
    DngOptions mappedOptions = phoneOptions();
    for (int phase = 0; phase < 4; ++phase) {
        GainMapSpec g = radialGainMap(17, 1.0);
        g.top = std::uint32_t(phase >> 1);
        g.left = std::uint32_t(phase & 1);
        g.rowPitch = g.colPitch = 2;
        mappedOptions.gainMaps.push_back(g);
    }
    // The same data in both files (shaded, with some noise so that the tiles compress like a
    // photograph's), one with the maps in its OpcodeList2 and one with an empty list.
    mappedOptions.noise = 0.003;
    for (const bool tiled : {false, true}) {
        DngOptions m = mappedOptions;
        if (tiled) m.ljpegTileWidth = m.ljpegTileHeight = 256;
        DngOptions p = m;
        p.opcodeList2Bytes = {0, 0, 0, 0};
        const std::string plain = tempPath("12mp-plain.dng"), mapped = tempPath("12mp-gainmap.dng");
        writeDng(plain, scene.cview(), p);
        writeDng(mapped, scene.cview(), m);
        const auto [without, with] = decodeMedians(plain, mapped);
        std::printf(
            "%s: no gain map %.1f ms (CPU %.1f ms), four gain maps %.1f ms (CPU %.1f ms); "
            "medians of 9\n",
            tiled ? "lossless JPEG tiles" : "uncompressed", without.wallMs, without.cpuMs,
            with.wallMs, with.cpuMs);
    }
    // The maps alone, as a pass of their own over a decoded mosaic.
    RawImage raw = decodeRaw(tempPath("12mp-plain.dng"));
    const std::vector<std::uint8_t> list = opcodeListBytes(mappedOptions, 2);
    const auto ops = dng::parseOpcodeList(2, list.data(), list.size());
    std::vector<double> apply;
    for (int round = 0; round < 9; ++round) {
        const auto t0 = std::chrono::steady_clock::now();
        for (const dng::Opcode& op : ops)
            dng::applyGainMap(*op.gainMap, raw.mosaic, {0, 0, 4032, 3024, 1});
        apply.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    std::printf("the four maps as a pass of their own: %.1f ms (median of 9)\n", medianMs(apply));
}
