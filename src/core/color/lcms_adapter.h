// SPDX-License-Identifier: GPL-3.0-or-later
// Internal helpers of the lcms2 adapter that tests and other core code may use without
// seeing lcms2 itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rangefinder/image.h"

namespace rf::lcms {

/// Parses ICC bytes with lcms2 and returns the profile's description ("" when it has none).
/// Throws rf::Error when the bytes are not a valid ICC profile.
std::string profileDescription(const std::vector<std::uint8_t>& icc);

/// Converts RGB encoded as the ICC profile `icc` describes (a picture's embedded profile) to
/// linear Rec.2020 (D65), the working space, in place, relative colorimetric. Throws rf::Error
/// naming `what` when the profile is not a usable RGB profile.
void toWorkingSpace(const std::vector<std::uint8_t>& icc, ImageView rgb, const std::string& what);

}  // namespace rf::lcms
