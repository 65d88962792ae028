// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the lossless JPEG decoder CR2s and DNGs are read with (ljpeg::Decoder), on the
// stream alone. The body is shared with the regression test; see fuzz_targets.h.
#include <cstddef>
#include <cstdint>

#include "fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    rf::fuzz::ljpeg(data, size);
    return 0;
}
