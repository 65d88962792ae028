// SPDX-License-Identifier: GPL-3.0-or-later
// Where the standard rendering places a raw's exposure. A camera meters so that a mid-grey
// lands well under the sensor's clip, keeping headroom for highlights, and its JPEG engine
// lifts the mid-tones back up. Since ISO 12232:2006 (Standard Output Sensitivity and the
// Recommended Exposure Index, which camera makers rate by) that grey sits about 3.5 stops
// under the raw clip, near 0.09 of it, where saturation-based ratings put it at 0.128. The
// base curve maps 0.18 to display mid-grey, so the standard rendering lifts a raw by 1 EV.
// darktable's scene-referred default does the same job with +0.7 EV (against its own
// 18.45 % grey) and Adobe's camera profiles with a per-camera BaselineExposure.
//
// A DNG that carries BaselineExposure states the placement itself: the pipeline applies the
// tag in the camera matrix, and it is taken to bring a mid-grey to 0.18, as the DNGs of phones
// and cinema cameras (and the project's synthetic charts) mean it; no lift is added. What the
// lift changes is where the standard curve's shoulder ends (tone_curve.cpp): at the sensor's
// clip, however high the tag put it. Files that carry no tag fall back on what is known of
// their camera: a few models' own JPEGs place grey differently from the rule above, measured
// against those JPEGs (bench/quality.sh).
#include <algorithm>
#include <cctype>
#include <string>

#include "rangefinder/tone.h"

namespace rf {

namespace {

constexpr float kDefaultPlacementEv = 1.0f;

struct CameraPlacement {
    const char* make;
    const char* model;
    float ev;  // replaces kDefaultPlacementEv
};

// Cameras whose own JPEGs place a metered grey differently, with the measurement.
constexpr CameraPlacement kCameras[] = {
    // Canon EOS D30 (2000), saturation-based ISO: its JPEGs sit 1 EV under the rule (the real
    // CRW of ../shared/testdata, tungsten: mean L* of the default at +1 EV 15.5 over the
    // camera's, at 0 EV 1.6 over).
    {"Canon", "EOS D30", 0.0f},
};

bool sameText(const std::string& a, const char* b) {
    const std::string bb(b);
    return a.size() == bb.size() && std::equal(a.begin(), a.end(), bb.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

}  // namespace

float exposurePlacement(const RawImage& raw) {
    if (raw.hasBaselineExposure) return 0.0f;
    for (const CameraPlacement& c : kCameras)
        if (sameText(raw.info.make, c.make) && sameText(raw.info.model, c.model)) return c.ev;
    return kDefaultPlacementEv;
}

}  // namespace rf
