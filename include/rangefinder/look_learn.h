// SPDX-License-Identifier: GPL-3.0-or-later
// Learning a look from an example: a raw and the finished JPEG that a phone or a camera made
// of the same shot become a look that applies to any other raw. The look stage runs on the
// base rendering (the tone stage's display-referred output), so that is where the example is
// learned: our base rendering of the raw is the input, the JPEG (converted to the same linear
// Rec.2020) the output, and the learned look is an ordinary look file — tone and colour
// parameters of the look schema where they explain the difference, and a 3D LUT (the look's
// `lut.file`, Rec.2020 with the sRGB curve, the look's own encoding) for the rest.
//
//   raw ─ base rendering ──────────┐
//                                   ├─ register ─ samples ─ fit parameters ─ fit residual LUT
//   JPEG ─ to linear Rec.2020 ─────┘
//
// Registration: the JPEG may be cropped, scaled, mirrored or turned (and lens-corrected)
// against our rendering. Its luminance is matched against ours by normalised
// cross-correlation (OpenCV's matchTemplate) over the eight quarter-turn/mirror layouts and a
// range of scales on a small pyramid, coarse to fine, then refined tile by tile for the
// few-pixel differences a lens correction leaves. A pair whose best correlation stays low is
// refused: it is not the same shot.
//
// Samples: well-aligned tiles only, away from edges (low gradient in both pictures, so a
// residual misalignment costs nothing) and from clipping (no channel at the JPEG's white, the
// base below its own), averaged into bins of colour with outliers dropped.
//
// Fitting, in Oklab (a perceptual space): first the look's parameters (contrast, brightness,
// toe, shoulder, saturation, vibrance, warmth, and the hue bands the example shows), by
// damped Gauss–Newton; then the residual as Oklab offsets on a 33³ lattice over the look's
// encoding, by regularised lattice regression: each sample's offset must be reproduced by the
// lattice's own (tetrahedral) interpolation, and a membrane term (the lattice's graph
// Laplacian, stiffer along lightness) makes the offsets smooth, so colours the example never
// showed take the offsets of the nearest colours it did; a small ridge lets them fade to the
// parameters' behaviour far from any sample. Solved by preconditioned conjugate gradients. Radial
// basis functions would interpolate the samples as well but cost a dense solve in the number of
// samples (tens of thousands), need a kernel width chosen for the data, and extrapolate to zero or
// to growing polynomials away from it; the lattice's cost is fixed by its size, it is the very grid
// the look applies, and its smoothness term is local and easy to reason about.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "rangefinder/image.h"
#include "rangefinder/look.h"
#include "rangefinder/looks.h"
#include "rangefinder/lut.h"
#include "rangefinder/parallel.h"
#include "rangefinder/params.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"

namespace rf {

/// Where the finished picture lies on our rendering: JPEG pixel (u, v) (centres at integers,
/// in the JPEG as decoded at `jpegWidth` × `jpegHeight`) ↔ base pixel (x, y) by
/// (u, v) = affine · (x, y, 1). The affine holds the quarter turns and the mirror.
struct ExampleRegistration {
    double affine[6] = {1, 0, 0, 0, 1, 0};  ///< u = a0 x + a1 y + a2, v = a3 x + a4 y + a5
    int quarterTurns = 0;                   ///< 0 … 3, clockwise, applied after the mirror
    bool mirrored = false;                  ///< left–right
    double scale = 1;                       ///< JPEG pixels per base pixel
    double correlation = 0;                 ///< of the luminances after registration, −1 … 1
    double structure = 0;                   ///< of the gradient magnitudes (edges), −1 … 1
    double coverage = 0;                    ///< share of the base rendering the JPEG covers
};

/// One averaged sample: a colour of the base rendering and what the example made of it, both
/// look-encoded (Rec.2020 primaries, sRGB transfer curve), and its weight (pixels averaged).
struct ColorSample {
    Vec3 base, target;
    double weight = 1;
};

/// What learning saw in one pair.
struct ExampleReport {
    std::string raw, jpeg;
    ExampleRegistration registration;
    std::size_t pixels = 0;   ///< pixels that passed the sample selection
    std::size_t samples = 0;  ///< bins of colour they averaged into
    int texturedTiles = 0, alignedTiles = 0;
    double fitDeltaE = 0;   ///< mean CIEDE2000 of the learned look on the pair's samples
    double baseDeltaE = 0;  ///< the same for the base rendering without the look
};

struct LearnOptions {
    int workLongEdge = 1024;  ///< the base rendering's long edge while learning
    int lutSize = 33;         ///< the residual LUT's points per axis
    /// The pair is refused when the luminances correlate less than this after registration.
    double minCorrelation = 0.6;
    double smoothness = 1.0;    ///< the membrane term's weight, relative (see look_learn.cpp)
    bool fitParameters = true;  ///< false: the LUT alone (for tests of the lattice)
    bool fitResidual = true;    ///< false: the parameters alone
    /// Called with a fraction 0 … 1 and what is being done (for a progress display).
    std::function<void(double, const std::string&)> progress;
    const CancelToken* cancel = nullptr;
};

/// The base rendering the look stage sees for `edits` (their look ignored), display-linear
/// Rec.2020 in [0, 1], long edge `longEdge`: the pipeline's scene-linear image through the
/// tone stage with the raw's own placement.
Image lookInputRendering(Pipeline& pipeline, const EditDocument& edits, int longEdge,
                         const CancelToken* cancel = nullptr);

/// A finished picture read as linear Rec.2020 (D65) through its embedded ICC profile (sRGB
/// without one), decoded at a scale whose long edge is at least `minLongEdge`. Throws rf::Error
/// naming the file when it is not a readable JPEG.
Image readFinishedJpeg(const std::string& path, int minLongEdge = 0);
/// The same for the JPEG a camera embedded in its raw (its largest preview). Throws rf::Error
/// naming the raw when it holds none.
Image embeddedFinishedJpeg(const std::string& rawPath, int minLongEdge = 0);

/// Registers the finished picture (linear Rec.2020) to the base rendering. Throws rf::Error
/// naming `jpegName` and `rawName` when the best correlation is below `minCorrelation`.
ExampleRegistration registerExample(ConstImageView base, ConstImageView finished,
                                    const std::string& rawName, const std::string& jpegName,
                                    double minCorrelation = 0.6);

/// The registered, well-aligned, unclipped, flat samples of a pair.
struct ExampleSamples {
    std::vector<ColorSample> samples;
    std::size_t pixels = 0;  ///< pixels that passed the selection (every other row and column)
    int texturedTiles = 0;   ///< 32 px tiles with detail enough to check the alignment on
    int alignedTiles = 0;    ///< those that matched within 3 px (the others are left out)
};
/// Throws rf::Error naming the files when too few pixels pass.
ExampleSamples exampleSamples(ConstImageView base, ConstImageView finished,
                              const ExampleRegistration& registration, const std::string& rawName,
                              const std::string& jpegName);

/// A learned look: its parameters (look.* keys, as a look file holds them) and the residual
/// LUT (look-encoded in and out; empty when not fitted).
struct LearnedLook {
    EditDocument params;
    Lut3D lut;
    std::vector<ExampleReport> reports;
};

/// Fits a look to samples of one or several pairs.
LearnedLook fitLook(const std::vector<ColorSample>& samples, const LearnOptions& options = {});

/// The whole of it: each raw rendered, its JPEG read and registered, the samples of every pair
/// fitted as one look. Throws rf::Error naming the pair that cannot be used.
struct ExamplePair {
    std::string raw;
    std::string jpeg;  ///< empty: the JPEG the camera embedded in the raw
};
LearnedLook learnLook(const std::vector<ExamplePair>& pairs, const LearnOptions& options = {});

/// The learned look as edits for rendering it before it is saved (a preview, a test): its
/// parameters, and its LUT written to `lutPath` (absolute) and named by it.
EditDocument learnedLookEdits(const LearnedLook& learned, const std::string& lutPath);

/// Writes the learned look as `lookPath` (a .look file) and its LUT beside it as
/// luts/<stem>.cube, named `name`, its description naming the source pairs. Throws rf::Error
/// naming the file when it exists (unless `overwrite`) or cannot be written. Returns the look
/// as loaded back.
Look saveLearnedLook(const LearnedLook& learned, const std::string& name,
                     const std::string& lookPath, bool overwrite = false);

}  // namespace rf
