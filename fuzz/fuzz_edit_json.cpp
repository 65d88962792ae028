// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the edit-document JSON readers (EditDocument and EditHistory fromJson).
// The body is shared with the regression test; see fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rf::fuzz::editJson(data, size);
    return 0;
}
