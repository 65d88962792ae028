// SPDX-License-Identifier: GPL-3.0-or-later
// Auto tone's measurements and the rules that turn them into slider values (auto_tone.h).
#include "rangefinder/auto_tone.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "rangefinder/resample.h"
#include "stages/tone/tone_curve.h"

namespace rf {

namespace {

constexpr double kWr = 0.2627, kWg = 0.6780, kWb = 0.0593;  // Rec.2020 luminance

// The key a well-exposed photo has, in stops relative to the curve's mid-grey: the mean of
// the median and the 20–80 % mean of log2 luminance. The real raws of docs/quality.md, whose
// default renderings match their cameras' JPEGs, have −0.66 (the daylight landscape, half
// sky) and −1.65 (the tungsten interior, mostly a dark tree, which its photographer took
// 2/3 EV under the meter). The target sits nearer the daylight one: Auto leaves a daylight
// picture within a quarter stop and opens the interior by three quarters, as a photographer
// asking for Auto expects. A frame-filling grey card would get +0.9 EV: Auto is for
// photographs, which are rarely uniform mid-grey.
constexpr double kTargetKey = -0.9;
constexpr double kMaxExposure = 4;

double percentile(const std::vector<double>& sorted, double q) {
    const double pos = q * double(sorted.size() - 1);
    const std::size_t i = std::size_t(pos);
    const double f = pos - double(i);
    return i + 1 < sorted.size() ? sorted[i] * (1 - f) + sorted[i + 1] * f : sorted[i];
}

}  // namespace

AutoToneValues analyseAutoTone(ConstImageView img, const ToneParams& tone) {
    AutoToneValues v;
    if (img.empty() || img.channels < 3) return v;
    ToneParams base;
    base.curve = ToneCurve::Standard;
    base.placementEv = tone.placementEv;
    base.sensorWhite = tone.sensorWhite;
    const tone::CurveModel model = tone::makeModel(base);
    // Luminance in stops relative to mid-grey, as the standard curve's input sees it.
    const double floor = std::log2(1e-6);
    std::vector<double> stops;
    stops.reserve(std::size_t(img.width) * img.height);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            const float* p = img.px(x, y);
            const double lum = (kWr * p[0] + kWg * p[1] + kWb * p[2]) * model.placement;
            stops.push_back(std::max(floor, std::log2(std::max(lum, 1e-12) / tone::kMidGrey)));
        }
    if (stops.size() < 16) return v;
    std::sort(stops.begin(), stops.end());
    double central = 0;
    const std::size_t lo = stops.size() / 5, hi = stops.size() - stops.size() / 5;
    for (std::size_t i = lo; i < hi; ++i) central += stops[i];
    central /= double(hi - lo);
    const double key = 0.5 * (percentile(stops, 0.5) + central);
    v.exposureEv = std::clamp(kTargetKey - key, -kMaxExposure, kMaxExposure);

    // After the exposure: where the ends sit, in stops relative to the sensor's clip (the
    // shoulder's end, log2 of model.white / mid-grey above grey) and to mid-grey.
    const double clip = std::log2(model.white / tone::kMidGrey);
    const double top = percentile(stops, 0.99) + v.exposureEv - clip;
    const double peak = percentile(stops, 0.999) + v.exposureEv - clip;
    const double dark = percentile(stops, 0.10) + v.exposureEv;
    const double floorStops = percentile(stops, 0.005) + v.exposureEv;
    const auto round = [](double x) { return std::round(x); };
    // Highlights: the brightest percent more than a stop into the shoulder is pulled back,
    // 40 per stop (−100 pulls 1.25 stops).
    if (top > -1) v.highlights = round(-std::clamp((top + 1) * 40, 0.0, 80.0));
    // Whites: brightest tones that stop over 1.5 stops short of the clip are lifted towards it.
    if (peak < -1.5) v.whites = round(std::clamp((-1.5 - peak) * 25, 0.0, 50.0));
    // Shadows: a darkest tenth more than 5 stops under grey is opened, 15 per stop.
    if (dark < -5) v.shadows = round(std::clamp((-5 - dark) * 15, 0.0, 60.0));
    // Blacks: a floor that stays within 6 stops of grey (haze, a flat picture) is set down.
    if (floorStops > -6) v.blacks = round(-std::clamp((floorStops + 6) * 10, 0.0, 40.0));
    v.exposureEv = std::round(v.exposureEv * 100) / 100;
    return v;
}

namespace {

// The parameters Auto tone writes, each with the field of the analysis that holds its value.
constexpr std::pair<const char*, double AutoToneValues::*> kAutoToneFields[] = {
    {"exposure.ev", &AutoToneValues::exposureEv}, {"tone.highlights", &AutoToneValues::highlights},
    {"tone.shadows", &AutoToneValues::shadows},   {"tone.whites", &AutoToneValues::whites},
    {"tone.blacks", &AutoToneValues::blacks},
};

}  // namespace

EditDocument applyAutoTone(Pipeline& pipeline, const EditDocument& edits,
                           const CancelToken* cancel) {
    EditDocument clean = edits;
    clean.reset("tone.auto");
    // Geometry stays (a crop changes what the picture is); a preview of 512 px is plenty for
    // percentiles and costs a few milliseconds once the raw is developed.
    OutputSize size;
    size.mode = SizeMode::LongEdge;
    size.a = 512;
    const Image scene = pipeline.sceneLinear(clean, size, cancel);
    const AutoToneValues v = analyseAutoTone(scene.cview(), pipeline.toneParams(clean));
    for (const auto& [key, value] : kAutoToneFields) clean.setFloat(key, v.*value);
    return clean;
}

const std::vector<std::string>& autoToneKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& [key, value] : kAutoToneFields) out.emplace_back(key);
        return out;
    }();
    return keys;
}

}  // namespace rf
