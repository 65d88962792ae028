// SPDX-License-Identifier: GPL-3.0-or-later
// The lensfun database behind one door. lensfun knows cameras (maker, model, mount, crop
// factor) and lenses (names, mounts, the crop factor and aspect of their calibration, and
// distortion, TCA and vignetting models measured at some focal lengths, apertures and
// distances). This adapter finds the camera and lens a photo was taken with and interpolates
// their models for the shot; it is the only file that includes lensfun.h, as
// libraw_decoder.cpp is the only LibRaw user. The database loads once, lazily, on first use.
#pragma once

#include <string>
#include <vector>

#include "rangefinder/lens.h"
#include "stages/lens/lens_map.h"

namespace rf::lensfun {

struct Found {
    LensProfile profile;  ///< Source::Lensfun when a lens was found, else None with a message
    lens::LensfunCalibration calibration;
};

/// The profile for the file's camera and lens, or the photographer's picks by lensfun's
/// names (`camera`, `lens`; empty: from the metadata).
Found find(const CaptureInfo& info, const std::string& camera, const std::string& lens);

/// The database's lenses that fit the camera (see rf::lensesForCamera).
std::vector<LensChoice> lenses(const CaptureInfo& info, const std::string& camera);

/// lensfun's name of the file's camera, empty when unknown.
std::string cameraName(const CaptureInfo& info);

}  // namespace rf::lensfun
