// SPDX-License-Identifier: GPL-3.0-or-later
// The display's colour management setting. Renders are sRGB; when the user has chosen the
// monitor's ICC profile in Preferences (a path stored under kDisplayProfileKey), previews
// are re-encoded for it through the core's DisplayTransform. No profile: sRGB as it is,
// which is right for an sRGB monitor and what every unmanaged application shows.
#pragma once

#include <QString>
#include <memory>

#include "rangefinder/color.h"

namespace rf::gui {

/// QSettings key of the monitor profile's path; empty or absent means sRGB.
inline constexpr const char* kDisplayProfileKey = "display/iccProfile";

struct DisplayProfile {
    std::shared_ptr<const DisplayTransform> transform;  ///< nullptr: show sRGB as it is
    QString error;  ///< why the chosen profile could not be used ("" when fine)
};

/// The transform the current settings ask for; a bad profile file yields no transform and
/// the reason, so the app falls back to sRGB and says why.
DisplayProfile displayProfileFromSettings();

}  // namespace rf::gui
