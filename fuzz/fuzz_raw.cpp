// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the raw-decoding adapter (decodeRaw, readCaptureInfo, extractPreview).
// The body is shared with the regression test; see fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rf::fuzz::raw(data, size);
    return 0;
}
