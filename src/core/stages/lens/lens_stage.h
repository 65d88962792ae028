// SPDX-License-Identifier: GPL-3.0-or-later
// What the pipeline asks of the lens stage: for a raw and the lens parameters, the profile
// found and the map to apply (none when nothing applies). The DNG's own opcodes come first;
// lensfun's database otherwise.
#pragma once

#include <memory>

#include "rangefinder/lens.h"
#include "stages/lens/lens_map.h"

namespace rf::lens {

struct Resolved {
    LensProfile profile;
    std::shared_ptr<const LensMap> map;  ///< null: the picture is not corrected
};

Resolved resolve(const RawImage& raw, const LensParams& p);

}  // namespace rf::lens
