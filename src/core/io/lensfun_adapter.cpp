// SPDX-License-Identifier: GPL-3.0-or-later
// lensfun's adapter (lensfun_adapter.h). lensfun is used for what it is good at — its
// database, its name matching and its interpolation of the calibration between the focal
// lengths, apertures and distances it was measured at — and not for applying the models:
// lfModifier corrects a whole image in its own pass, whereas the pipeline composes the lens
// map with orientation, straighten and crop into one resampling at the rendered size. The
// interpolated coefficients go to lens::LensMap, which evaluates them in lensfun's own
// normalisation (lens_map.cpp; test_lens_map checks it against lfModifier).
#include "io/lensfun_adapter.h"

#include <lensfun.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <memory>
#include <mutex>

namespace rf::lensfun {

namespace {

// lensfun's search results are arrays of pointers the caller frees with lf_free.
template <class T>
struct Results {
    const T** items = nullptr;
    explicit Results(const T** p) : items(p) {}
    ~Results() { lf_free(items); }
    Results(const Results&) = delete;
    Results& operator=(const Results&) = delete;
    int size() const {
        int n = 0;
        while (items && items[n]) ++n;
        return n;
    }
    const T* operator[](int i) const { return items[i]; }
};

// The database, loaded once. lensfun's queries read it only, but it keeps no promise about
// concurrent calls, so every query holds the lock.
struct Database {
    std::mutex mutex;
    lfDatabase* db = nullptr;
    bool loaded = false;
};

Database& database() {
    static Database d;
    static std::once_flag once;
    std::call_once(once, [] {
        d.db = new lfDatabase();  // lives as long as the process
        d.loaded = d.db->Load() == LF_NO_ERROR && d.db->GetLenses() && d.db->GetLenses()[0];
    });
    return d;
}

std::string str(const char* s) {
    return s ? std::string(s) : std::string();
}

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

const lfCamera* findCamera(const lfDatabase& db, const CaptureInfo& info,
                           const std::string& camera) {
    if (!camera.empty()) {
        for (const lfCamera* const* c = db.GetCameras(); c && *c; ++c)
            if (lower(str((*c)->Model)) == lower(camera) ||
                lower(str((*c)->Maker) + " " + str((*c)->Model)) == lower(camera))
                return *c;
        return nullptr;
    }
    if (info.make.empty() || info.model.empty()) return nullptr;
    {
        Results<lfCamera> r(db.FindCameras(info.make.c_str(), info.model.c_str()));
        if (r.size() > 0) return r[0];
    }
    Results<lfCamera> r(db.FindCamerasExt(info.make.c_str(), info.model.c_str()));
    return r.size() > 0 ? r[0] : nullptr;
}

// The crop factor of the photo's sensor: the database's, or the file's 35 mm equivalent.
float cropFactor(const lfCamera* camera, const CaptureInfo& info) {
    if (camera && camera->CropFactor > 0) return camera->CropFactor;
    if (info.focalLength35mm > 0 && info.focalLengthMm > 0)
        return info.focalLength35mm / info.focalLengthMm;
    return 0;
}

bool hasDistortion(const lfLens* l) {
    return l->CalibDistortion && l->CalibDistortion[0] && l->Type == LF_RECTILINEAR;
}
bool hasTca(const lfLens* l) {
    return l->CalibTCA && l->CalibTCA[0];
}
bool hasVignetting(const lfLens* l) {
    return l->CalibVignetting && l->CalibVignetting[0];
}

std::string cameraText(const CaptureInfo& info) {
    std::string s = info.model;
    if (!info.make.empty() && lower(s).rfind(lower(info.make), 0) != 0) s = info.make + " " + s;
    return s.empty() ? "an unknown camera" : "a " + s;
}

}  // namespace

Found find(const CaptureInfo& info, const std::string& cameraPick, const std::string& lensPick) {
    Found f;
    LensProfile& p = f.profile;
    Database& d = database();
    std::lock_guard lock(d.mutex);
    if (!d.loaded) {
        p.message = "the lens database (lensfun) is not installed";
        p.finding = LensProfile::Finding::NoDatabase;
        return f;
    }
    const lfDatabase& db = *d.db;
    const lfCamera* camera = findCamera(db, info, cameraPick);
    if (!cameraPick.empty() && !camera) {
        p.message = "no camera named '" + cameraPick + "' in the lens database";
        p.finding = LensProfile::Finding::UnknownCamera;
        p.subject = cameraPick;
        return f;
    }
    const float crop = cropFactor(camera, info);
    if (camera) {
        p.cameraMaker = str(camera->Maker);
        p.cameraModel = str(camera->Model);
    }

    const lfLens* lens = nullptr;
    if (!lensPick.empty()) {
        // The photographer's pick, by the name lensfun gives it: among the lenses for this
        // camera first (the entry calibrated for its crop factor), then any.
        Results<lfLens> r(db.FindLenses(camera, nullptr, lensPick.c_str(), LF_SEARCH_LOOSE));
        for (int i = 0; i < r.size() && !lens; ++i)
            if (lower(str(r[i]->Model)) == lower(lensPick)) lens = r[i];
        for (const lfLens* const* l = db.GetLenses(); !lens && l && *l; ++l)
            if (lower(str((*l)->Model)) == lower(lensPick)) lens = *l;
        if (!lens) {
            p.message = "no lens named '" + lensPick + "' in the lens database";
            p.finding = LensProfile::Finding::UnknownLens;
            p.subject = lensPick;
            return f;
        }
        p.exact = true;
    } else {
        if (info.lens.empty()) {
            p.message = "the file does not name its lens";
            p.finding = LensProfile::Finding::LensUnnamed;
            return f;
        }
        const char* maker = info.lensMake.empty() ? nullptr : info.lensMake.c_str();
        Results<lfLens> r(db.FindLenses(camera, maker, info.lens.c_str()));
        const lfLens* best = r.size() > 0 ? r[0] : nullptr;
        bool unique = r.size() == 1 || (r.size() > 1 && r[0]->Score > r[1]->Score);
        if (!best && maker) {
            Results<lfLens> any(db.FindLenses(camera, nullptr, info.lens.c_str()));
            best = any.size() > 0 ? any[0] : nullptr;
            unique = any.size() == 1 || (any.size() > 1 && any[0]->Score > any[1]->Score);
        }
        if (!best) {
            p.message = "no profile for the lens '" + info.lens + "' on " + cameraText(info) +
                        " in the lens database";
            p.finding = LensProfile::Finding::NoProfile;
            p.subject = info.lens;
            return f;
        }
        lens = best;
        p.exact = unique;
    }
    p.source = LensProfile::Source::Lensfun;
    p.lensMaker = str(lens->Maker);
    p.lensModel = str(lens->Model);

    float focal = info.focalLengthMm;
    if (!(focal > 0) && lens->MinFocal > 0 && lens->MinFocal == lens->MaxFocal)
        focal = lens->MinFocal;
    const bool focalKnown = focal > 0;
    // A focal length outside the lens's range means the name matched the wrong lens.
    if (focalKnown && lens->MinFocal > 0 && lens->MaxFocal > 0 &&
        (focal < lens->MinFocal * 0.98f || focal > lens->MaxFocal * 1.02f) && lensPick.empty())
        p.exact = false;
    p.focalLength = focal;
    p.aperture = info.aperture;
    p.distance = info.focusDistanceM > 0 ? info.focusDistanceM : 1000.f;

    lens::LensfunCalibration& c = f.calibration;
    c.calibrationCrop = lens->CropFactor > 0 ? lens->CropFactor : 1;
    c.calibrationAspect = lens->AspectRatio > 0 ? lens->AspectRatio : 1.5;
    c.centerX = lens->CenterX;
    c.centerY = lens->CenterY;
    c.crop = crop > 0 ? crop : c.calibrationCrop;
    if (focalKnown && crop > 0) {
        lfLensCalibDistortion dist{};
        if (hasDistortion(lens) && lens->InterpolateDistortion(focal, dist)) {
            using D = lens::LensfunCalibration::Distortion;
            c.distortion = dist.Model == LF_DIST_MODEL_POLY3    ? D::Poly3
                           : dist.Model == LF_DIST_MODEL_POLY5  ? D::Poly5
                           : dist.Model == LF_DIST_MODEL_PTLENS ? D::PTLens
                                                                : D::None;
            for (int i = 0; i < 3; ++i) c.d[std::size_t(i)] = dist.Terms[i];
        }
        lfLensCalibTCA tca{};
        if (hasTca(lens) && lens->InterpolateTCA(focal, tca)) {
            using T = lens::LensfunCalibration::Tca;
            c.tca = tca.Model == LF_TCA_MODEL_LINEAR  ? T::Linear
                    : tca.Model == LF_TCA_MODEL_POLY3 ? T::Poly3
                                                      : T::None;
            for (int i = 0; i < 6; ++i) c.t[std::size_t(i)] = tca.Terms[i];
        }
        lfLensCalibVignetting vig{};
        if (hasVignetting(lens) && p.aperture > 0 &&
            lens->InterpolateVignetting(focal, p.aperture, p.distance, vig) &&
            vig.Model == LF_VIGNETTING_MODEL_PA) {
            c.vignetting = true;
            for (int i = 0; i < 3; ++i) c.v[std::size_t(i)] = vig.Terms[i];
        }
    }
    p.hasDistortion = c.distortion != lens::LensfunCalibration::Distortion::None;
    p.hasTca = c.tca != lens::LensfunCalibration::Tca::None;
    p.hasVignetting = c.vignetting;

    std::string what;
    for (const auto& [has, name] :
         {std::pair{p.hasDistortion, "distortion"}, std::pair{p.hasTca, "TCA"},
          std::pair{p.hasVignetting, "vignetting"}})
        if (has) what += (what.empty() ? "" : ", ") + std::string(name);
    const std::string names = p.lensModel + (camera ? " on the " + p.cameraModel : "");
    using F = LensProfile::Finding;
    if (!focalKnown) {
        p.message = names + ": the file records no focal length, nothing to correct";
        p.finding = F::NoFocalLength;
    } else if (crop <= 0) {
        p.message = names + ": the camera's sensor size is unknown, nothing to correct";
        p.finding = F::NoSensorSize;
    } else if (what.empty()) {
        p.message = names + ": the profile holds no correction for this shot";
        p.finding = F::NoCorrection;
    } else if (!p.exact) {
        p.message = "'" + info.lens + "' may be " + names +
                    ", but not certainly: not applied (pick the lens to apply it)";
        p.finding = F::Uncertain;
        p.subject = info.lens;
    } else {
        p.message = names + " at " + std::to_string(int(std::lround(focal))) + " mm: " + what;
        p.finding = F::Applied;
    }
    return f;
}

std::vector<LensChoice> lenses(const CaptureInfo& info, const std::string& cameraPick) {
    std::vector<LensChoice> out;
    Database& d = database();
    std::lock_guard lock(d.mutex);
    if (!d.loaded) return out;
    const lfDatabase& db = *d.db;
    const lfCamera* camera = findCamera(db, info, cameraPick);
    const auto add = [&](const lfLens* l) {
        for (const LensChoice& c : out)
            if (c.model == str(l->Model)) return;
        LensChoice c;
        c.maker = str(l->Maker);
        c.model = str(l->Model);
        c.minFocal = l->MinFocal;
        c.maxFocal = l->MaxFocal;
        c.cropFactor = l->CropFactor;
        c.hasDistortion = hasDistortion(l);
        c.hasTca = hasTca(l);
        c.hasVignetting = hasVignetting(l);
        out.push_back(std::move(c));
    };
    if (!info.lens.empty()) {
        Results<lfLens> r(db.FindLenses(camera, nullptr, info.lens.c_str()));
        if (r.size() > 0) add(r[0]);
    }
    const std::size_t guesses = out.size();
    if (camera) {
        // Every lens for the camera's mount (and the mounts it adapts), calibrated for a crop
        // factor no larger than the sensor's: lensfun's own rule.
        lfLens pattern;
        pattern.AddMount(camera->Mount);
        pattern.CropFactor = camera->CropFactor;
        Results<lfLens> r(db.FindLenses(&pattern, LF_SEARCH_SORT_AND_UNIQUIFY));
        for (int i = 0; i < r.size(); ++i) add(r[i]);
    } else {
        for (const lfLens* const* l = db.GetLenses(); l && *l; ++l) add(*l);
    }
    std::sort(out.begin() + std::ptrdiff_t(guesses), out.end(),
              [](const LensChoice& a, const LensChoice& b) {
                  return lower(a.maker) != lower(b.maker) ? lower(a.maker) < lower(b.maker)
                                                          : lower(a.model) < lower(b.model);
              });
    return out;
}

std::string cameraName(const CaptureInfo& info) {
    Database& d = database();
    std::lock_guard lock(d.mutex);
    if (!d.loaded) return {};
    const lfCamera* c = findCamera(*d.db, info, {});
    return c ? str(c->Model) : std::string();
}

}  // namespace rf::lensfun
