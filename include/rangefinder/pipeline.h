// SPDX-License-Identifier: GPL-3.0-or-later
// The one pipeline. Preview, export and the command line all render through `Pipeline`, and
// differ only in the size they ask for. The stages run in a fixed order:
//
//   raw ─ white balance + highlights ─ demosaic ─ geometry (orientation, straighten, crop)
//       ─ resize (linear light) ─ noise reduction ─ camera matrix → linear Rec.2020 ─ tone & colour
//       ─ look (colour LUT, vignette, grain) ─ output profile (lcms2) ─ sharpen
//       ─→ display-encoded RGB
//
// The camera matrix runs after geometry and resize: all three are linear, so the order
// does not change the result, and the matrix then touches output pixels, not sensor pixels.
// The look runs display-referred, on the base tone stage's output, so a look means the same
// whatever the exposure and tone sliders did before it.
//
// Each stage is a pure function of its input and its parameters. The pipeline keeps the
// output of the expensive early stages under a hash of everything upstream of them (raw,
// parameters, scale), so moving a tone or look slider re-runs only tone, look, output
// transform and sharpening. White balance is a gain per channel, so it commutes with every
// linear stage: where the demosaic is linear too (the half-size superpixel, sensors that are
// not Bayer) the unbalanced demosaic is cached, and when no pixel is near clipping (so the
// highlight stage has nothing to do) the balance joins the camera matrix and moving white
// balance costs what a tone slider does. Otherwise it re-runs the balance and highlights on
// the cached demosaic (full-size Bayer: from the raw) and everything after them. Noise
// reduction runs on the shaped image (at the size being rendered) and its result is cached
// under the shaped image's key and its own sliders, so a noise slider re-runs only it and
// the finishing. The finishing stages (camera matrix, tone, look, output) run fused, strip by
// strip (pipeline/finishing.h).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "rangefinder/color.h"
#include "rangefinder/denoise.h"
#include "rangefinder/image.h"
#include "rangefinder/lens.h"
#include "rangefinder/parallel.h"
#include "rangefinder/params.h"
#include "rangefinder/raw.h"
#include "rangefinder/resample.h"
#include "rangefinder/tone.h"

namespace rf {

struct RenderOptions {
    OutputSize size;  ///< default: full size
    OutputSpace space = OutputSpace::SRGB;
    RenderingIntent intent = RenderingIntent::Perceptual;
    SharpenParams sharpen;  ///< output sharpening, after the resize
    /// An export renders once and drops the pipeline: the last cached stage's output is
    /// handed over instead of copied (saving a full-size buffer), and the cache is emptied.
    bool oneShot = false;
    /// Folders a look's relative LUT path (look.lut.file) is looked up in, first match wins.
    /// Empty: only absolute LUT paths resolve (the front ends pass the look folders).
    std::vector<std::string> lookDirs;
};

/// What a render produced.
struct RenderResult {
    Image rgb;  ///< display-encoded output-space RGB in [0, 1]
    std::shared_ptr<const OutputTransform> transform;  ///< holds the ICC profile
    bool halfSizeDemosaic = false;                     ///< which demosaic path ran
};

/// Throws rf::Error for edits no raw can render (crossed crop edges, an angle past ±45°, a
/// rotation that is not a quarter turn, an unknown aspect), so that a batch refuses them
/// before it decodes anything: the command line as a usage error, a sidecar as that file's.
void validateEdits(const EditDocument& edits);

class Pipeline {
  public:
    explicit Pipeline(std::shared_ptr<const RawImage> raw);

    const RawImage& raw() const { return *raw_; }

    /// Renders the raw with an edit document at the requested size. Thread-safe (renders of
    /// one Pipeline are serialised); throws rf::Cancelled when `cancel` fires.
    RenderResult render(const EditDocument& edits, const RenderOptions& options,
                        const CancelToken* cancel = nullptr);

    /// What the tone stage sees for these edits, before it runs: linear working-space
    /// (Rec.2020) scene values with the file's BaselineExposure, unclipped, at `size`. For
    /// analysis (Auto tone); shares the render's caches.
    Image sceneLinear(const EditDocument& edits, const OutputSize& size,
                      const CancelToken* cancel = nullptr);

    /// The size `render` will produce, without rendering.
    void outputSize(const EditDocument& edits, const RenderOptions& options, int& width,
                    int& height) const;

    /// White balance from a patch the user marks as neutral, given in the coordinates of a
    /// render with these edits and options. Returns the edits with wb.mode = custom and the
    /// temperature and tint that make the patch neutral. Throws rf::Error when the patch is
    /// clipped or black.
    EditDocument whiteBalanceFromRegion(const EditDocument& edits, const RenderOptions& options,
                                        const Rect& region);

    /// Counts of stage executions, for tests that check only downstream stages re-run.
    struct Stats {
        int demosaiced = 0;  ///< unbalanced demosaic (half-size Bayer, non-Bayer sensors)
        int developed = 0;   ///< white balance → highlights (full-size Bayer: with the demosaic)
        int geometry = 0;    ///< geometry → resize
        int denoised = 0;    ///< noise reduction of the shaped image
        int finished = 0;    ///< camera matrix → tone → look → output → sharpen
    };
    Stats stats() const;

    /// The lens profile these edits find for this raw (what `render` applies when
    /// LensProfile::applies says so), with its message for the photographer.
    LensProfile lensProfile(const EditDocument& edits) const;

    /// The tone stage's parameters for these edits on this raw: the edits' values, and the
    /// raw's exposure placement and sensor white for the standard rendering.
    ToneParams toneParams(const EditDocument& edits) const;

  private:
    struct Plan;
    Plan plan(const EditDocument& edits, const RenderOptions& options) const;
    void demosaicUnbalanced(const Plan& p, const CancelToken* cancel);
    void develop(const Plan& p, const CancelToken* cancel);
    void shape(const Plan& p, const Image& source, std::uint64_t key, const CancelToken* cancel);
    void shapeWithLens(const Plan& p, const Image& source, const CancelToken* cancel);
    void shapeWithoutLens(const Plan& p, const Image& source, const CancelToken* cancel);
    // Output pixel → sensor frame position: x = a0 + a1·u + a2·v, y = a3 + a4·u + a5·v.
    void outputToSensor(const Plan& p, double affine[6]) const;
    Mat3 workingMatrix() const;
    // Develops and shapes for the plan (or finds it cached) into shaped_, and returns the
    // matrix from shaped_ to the working space (the white balance joins it where it commutes).
    Mat3 shapeFor(const Plan& p, const CancelToken* cancel, std::array<float, 3>* folded = nullptr);

    std::shared_ptr<const RawImage> raw_;
    // The lens profile found for the last lens parameters (finding one searches a database).
    struct LensCache;
    std::shared_ptr<LensCache> lensCache_;
    mutable std::mutex mutex_;
    // Cached stage outputs and the hashes of everything upstream of them.
    Image base_;  // unbalanced camera RGB, sensor geometry (when white balance commutes)
    std::uint64_t baseKey_ = 0;
    float basePeak_ = 0;  // its largest value
    Image developed_;     // balanced camera RGB, sensor geometry (full or half)
    std::uint64_t developedKey_ = 0;
    Image shaped_;  // after geometry and resize: camera RGB, balanced or not (see shapedKey_)
    std::uint64_t shapedKey_ = 0;
    Image denoised_;  // the shaped image after noise reduction (when it is on)
    std::uint64_t denoisedKey_ = 0;
    NoiseModel noise_;  // measured on shaped_ (with the gains the denoiser is given)
    std::uint64_t noiseKey_ = 0;
    Image scratch_;
    Stats stats_;
};

}  // namespace rf
