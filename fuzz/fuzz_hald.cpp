// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the Hald CLUT reader (readHaldClut) and sampling of what it read.
// The body is shared with the regression test; see fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rf::fuzz::hald(data, size);
    return 0;
}
