// SPDX-License-Identifier: GPL-3.0-or-later
// `rangefinder-cli info` on a DNG carrying opcode lists: each opcode is listed with its list
// and what the decoder does with it, in the text and in the JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/test_support.h"
#include "synth.h"

using namespace rf;

TEST(CliDngOpcodes, InfoListsEachOpcodeAndWhatHappensToIt) {
    test::TempDir dir("cli-opcodes");
    synth::DngOptions o;
    o.gainMaps.push_back(synth::radialGainMap(5, 0.5));
    o.warp = synth::WarpRectilinearSpec{};
    // OpcodeList1: one optional opcode of an id the specification does not name, no parameters.
    o.opcodeList1Bytes = {0, 0, 0, 1, 0, 0, 0, 99, 1, 4, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0};
    const std::string raw = dir.str("phone.dng");
    synth::writeDng(raw, synth::renderChart(64, 48).cview(), o);
    std::string out;
    ASSERT_EQ(test::runCli("info " + raw, out), 0) << out;
    EXPECT_NE(out.find("OpcodeList1 opcode 99 (optional): skipped: not supported"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("OpcodeList2 GainMap: applied"), std::string::npos) << out;
    EXPECT_NE(out.find("OpcodeList3 WarpRectilinear: passed to the lens stage"), std::string::npos)
        << out;
    ASSERT_EQ(test::runCli("info --json " + raw, out), 0) << out;
    const auto j = nlohmann::json::parse(out);
    ASSERT_EQ(j[0]["dng_opcodes"].size(), 3u);
    EXPECT_EQ(j[0]["dng_opcodes"][1]["name"], "GainMap");
    EXPECT_EQ(j[0]["dng_opcodes"][1]["fate"], "applied");
    EXPECT_EQ(j[0]["dng_opcode_problem"], "");
}
