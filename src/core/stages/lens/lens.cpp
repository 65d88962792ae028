// SPDX-License-Identifier: GPL-3.0-or-later
// Choosing the lens correction for a photo (lens.h, lens_stage.h). A DNG that carries its
// own lens opcodes was corrected by the camera maker for this very body and lens, so they
// win over a database entry found by name, unless the photographer picked a lens.
#include <string>

#include "io/lensfun_adapter.h"
#include "rangefinder/lens.h"
#include "stages/lens/lens_stage.h"

namespace rf {

namespace {

LensProfile dngProfile(const DngLensOpcodes& o) {
    LensProfile p;
    p.source = LensProfile::Source::Dng;
    p.exact = true;
    p.finding = LensProfile::Finding::Dng;
    p.hasDistortion = o.warp.has_value();
    p.hasTca = o.warp && o.warp->planes == 3;
    p.hasVignetting = o.vignette.has_value();
    p.message = "the file's own lens corrections (DNG opcodes):";
    if (p.hasDistortion) p.message += " distortion";
    if (p.hasTca) p.message += ", TCA";
    if (p.hasVignetting) p.message += p.hasDistortion ? ", vignetting" : " vignetting";
    return p;
}

}  // namespace

LensProfile findLensProfile(const CaptureInfo& info, const LensParams& p) {
    return lensfun::find(info, p.camera, p.lens).profile;
}

LensProfile findLensProfile(const RawImage& raw, const LensParams& p) {
    if (raw.dngLens.any() && p.lens.empty() && p.camera.empty()) return dngProfile(raw.dngLens);
    return findLensProfile(raw.info, p);
}

std::vector<LensChoice> lensesForCamera(const CaptureInfo& info, const std::string& camera) {
    return lensfun::lenses(info, camera);
}

std::string lensfunCameraName(const CaptureInfo& info) {
    return lensfun::cameraName(info);
}

namespace lens {

Resolved resolve(const RawImage& raw, const LensParams& p) {
    Resolved r;
    const int w = raw.mosaic.width(), h = raw.mosaic.height();
    if (raw.dngLens.any() && p.lens.empty() && p.camera.empty()) {
        r.profile = dngProfile(raw.dngLens);
        if (!p.isIdentity() && r.profile.applies(p)) {
            auto map = std::make_shared<LensMap>(
                LensMap::fromDng(raw.dngLens, w, h, p.distortion, p.tca, p.vignetting));
            if (!map->identity()) r.map = std::move(map);
        }
        return r;
    }
    if (p.isIdentity()) {
        // Nothing to apply: the database need not even be loaded.
        r.profile.message = "lens correction is off";
        r.profile.finding = LensProfile::Finding::Off;
        return r;
    }
    const lensfun::Found f = lensfun::find(raw.info, p.camera, p.lens);
    r.profile = f.profile;
    if (r.profile.applies(p)) {
        auto map = std::make_shared<LensMap>(
            LensMap::fromLensfun(f.calibration, w, h, p.distortion, p.tca, p.vignetting));
        if (!map->identity()) r.map = std::move(map);
    }
    return r;
}

}  // namespace lens

}  // namespace rf
