// SPDX-License-Identifier: GPL-3.0-or-later
// Lens correction: undoing what a lens does to the picture — distortion (straight lines bent
// towards or away from the centre), transverse chromatic aberration (red and blue images a
// little larger or smaller than the green one, fringes towards the corners) and vignetting
// (corners darker than the centre). The corrections come from the file itself when a DNG
// carries them (OpcodeList3's WarpRectilinear and FixVignetteRadial), otherwise from the
// lensfun database, found by the camera and lens the file names (or the photographer picks).
//
// They are applied where they are exact: distortion and TCA as one resampling in the shape
// step, composed with orientation, straighten and crop into a single map sampled once per
// channel, at the size being rendered; vignetting as a gain at the sensor position each output
// pixel is read from, which on linear data equals a gain applied before the demosaic. The frame
// is scaled so that no empty border shows (docs/lens.md). No lensfun type appears here: the
// database is reached through one adapter (src/core/io/lensfun_adapter.cpp).
#pragma once

#include <string>
#include <vector>

#include "rangefinder/params.h"
#include "rangefinder/raw.h"

namespace rf {

struct LensParams {
    /// Each correction is applied when the profile found has it (default on; an edited
    /// document from before lens correction existed has them off, so it renders as it did).
    bool distortion = true, tca = true, vignetting = true;
    /// The photographer's pick, by lensfun's names ("Canon EOS 30D", "Canon EF-S 18-55mm
    /// f/3.5-5.6"); empty: the camera and lens the file's metadata names.
    std::string camera, lens;

    static LensParams from(const EditDocument& doc);
    /// No correction is asked for (all three switches off): the pipeline's unchanged path.
    bool isIdentity() const;
};

/// What was found for a photo: which profile, and which corrections it can apply.
struct LensProfile {
    enum class Source { None, Dng, Lensfun };
    Source source = Source::None;
    /// lensfun's names of the camera and lens used (empty for a DNG's own opcodes).
    std::string cameraMaker, cameraModel, lensMaker, lensModel;
    /// The lens was identified without doubt: the photographer picked it, or the file's lens
    /// name matched one database entry better than any other. An inexact match (several
    /// lenses fit the name equally well) is reported but NOT applied: a wrong profile bends
    /// straight lines, which is worse than leaving the lens's own distortion.
    bool exact = false;
    bool hasDistortion = false, hasTca = false, hasVignetting = false;
    /// The calibration is used at this focal length (mm), f-number and distance (m).
    float focalLength = 0, aperture = 0, distance = 0;
    /// One line for the photographer: what is applied, or why nothing is ("no profile for
    /// the lens 'X' on a Y in the lens database").
    std::string message;
    /// What `message` says, for a front end that words it itself (the desktop app, in the
    /// photographer's language); `subject` is the name it concerns: the camera or lens
    /// picked, or the lens name the file records.
    enum class Finding {
        Off,            ///< no correction asked for
        Dng,            ///< the file's own opcodes
        Applied,        ///< lensfun's profile, at focalLength
        Uncertain,      ///< `subject` may be the profile's lens, but not certainly
        NoDatabase,     ///< lensfun's data is not installed
        UnknownCamera,  ///< the picked camera `subject` is not in the database
        UnknownLens,    ///< the picked lens `subject` is not in the database
        LensUnnamed,    ///< the file does not name its lens
        NoProfile,      ///< no profile for the file's lens `subject`
        NoFocalLength,  ///< the file records no focal length
        NoSensorSize,   ///< the camera's crop factor is unknown
        NoCorrection,   ///< the profile has nothing for this shot
    };
    Finding finding = Finding::Off;
    std::string subject;

    /// A correction will be applied with these parameters.
    bool applies(const LensParams& p) const {
        return (source == Source::Dng || exact) &&
               ((p.distortion && hasDistortion) || (p.tca && hasTca) ||
                (p.vignetting && hasVignetting));
    }
};

/// Finds the profile for a decoded raw: its DNG opcodes when it carries lens opcodes (and no
/// lens is picked), otherwise lensfun's by the file's make, model and lens name, or by the
/// names in `p.camera` / `p.lens`. Never throws for a lens it does not know: the message
/// says so. The database is loaded once, on first use, from lensfun's installed data.
LensProfile findLensProfile(const RawImage& raw, const LensParams& p);
/// The same from metadata alone (no DNG opcodes): for `info` and the library.
LensProfile findLensProfile(const CaptureInfo& info, const LensParams& p);

/// One lens of the database, for a picker.
struct LensChoice {
    std::string maker, model;  ///< model is the name `lens.lens` stores
    float minFocal = 0, maxFocal = 0;
    float cropFactor = 0;  ///< of the calibration
    bool hasDistortion = false, hasTca = false, hasVignetting = false;
};

/// The lenses that fit the camera (its mount, and calibrated for a crop factor no larger than
/// the sensor's), best guess for the file's own lens first, then by maker and name. `camera`
/// overrides the file's camera by lensfun's name; when the camera is not in the database,
/// every lens is listed. Empty when the database is not installed.
std::vector<LensChoice> lensesForCamera(const CaptureInfo& info, const std::string& camera = {});

/// The camera lensfun knows the file's camera as ("Canon EOS 30D"), empty when it does not.
std::string lensfunCameraName(const CaptureInfo& info);

}  // namespace rf
