// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the .cube reader (parseCube), its round trip and sampling of what it read.
// The body is shared with the regression test; see fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rf::fuzz::cube(data, size);
    return 0;
}
