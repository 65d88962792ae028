// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the look file parser (parseLook) and its round trip.
// The body is shared with the regression test; see fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rf::fuzz::look(data, size);
    return 0;
}
