// SPDX-License-Identifier: GPL-3.0-or-later
// What the fuzzing harnesses do with one input. Each harness (fuzz_<name>.cpp, built with
// RF_FUZZ) hands libFuzzer's bytes to one function here, and the regression test
// (tests/unit/test_fuzz_regressions.cpp) replays every input the fuzzers ever broke the code
// with, from tests/data/fuzz/<name>/, through the very same function in the normal suite.
//
// The contract under test: whatever the bytes, each parser returns a result or throws
// rf::Error. Only rf::Error is caught; any other exception escapes, and a crash, a sanitizer
// report, a leak or a hang is a bug. Where a format promises a round trip (a look file, a
// .cube, an edit document, a sidecar save), a parsed result is written and read back, and a
// difference is a bug too (std::logic_error).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rf::fuzz {

/// What one entry point did with the input.
struct Outcome {
    std::string step;   ///< the entry point, e.g. "decodeRaw"
    std::string input;  ///< the name it was given for the input (errors must name it)
    bool ok = true;     ///< false: it threw rf::Error
    std::string error;  ///< the rf::Error's message
};
using Outcomes = std::vector<Outcome>;

/// The largest raw, in pixels, the raw harness decodes: far beyond what a fuzzed input of a
/// few hundred KB can hold (the decoder refuses raws larger than their file), and small
/// enough for libFuzzer's 2 GB memory bound.
inline constexpr std::int64_t kRawMaxPixels = 32'000'000;

Outcomes raw(const std::uint8_t* data, std::size_t size);       ///< decodeRaw, readCaptureInfo,
                                                                ///< extractPreview (temp file)
Outcomes look(const std::uint8_t* data, std::size_t size);      ///< parseLook
Outcomes cube(const std::uint8_t* data, std::size_t size);      ///< parseCube, then sampling
Outcomes hald(const std::uint8_t* data, std::size_t size);      ///< readHaldClut (temp file)
Outcomes xmp(const std::uint8_t* data, std::size_t size);       ///< loadSidecarFile, saveSidecar
Outcomes editJson(const std::uint8_t* data, std::size_t size);  ///< EditDocument::fromJson,
                                                                ///< EditHistory::fromJson
Outcomes ljpeg(const std::uint8_t* data, std::size_t size);     ///< ljpeg::Decoder (CR2, DNG data)

struct Harness {
    const char* name;  ///< fuzz_<name> is the harness, tests/data/fuzz/<name>/ its findings
    Outcomes (*run)(const std::uint8_t* data, std::size_t size);
};
const std::vector<Harness>& harnesses();

}  // namespace rf::fuzz
