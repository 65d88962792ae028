// SPDX-License-Identifier: GPL-3.0-or-later
// White balance: from a setting (as shot, preset, temperature/tint, neutral patch) to camera
// multipliers, and their application to sensor data; plus the repair of clipped highlights
// after demosaicing. Multipliers are always normalised so the smallest is 1: a sensor value
// of 1 (clipped) then becomes ≥ 1 in every channel, which is what lets Clip mode turn every
// clipped site into neutral white and Reconstruct mode know each channel's ceiling (m[c]).
#include "rangefinder/whitebalance.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "rangefinder/error.h"
#include "stages/whitebalance/locus.h"

namespace rf {

namespace {

bool validMultipliers(const std::array<float, 3>& m) {
    for (float v : m)
        if (!(v > 0) || !std::isfinite(v)) return false;
    return true;
}

Multipliers normaliseSmallest(const std::array<double, 3>& m) {
    const double lo = std::min({m[0], m[1], m[2]});
    return {float(m[0] / lo), float(m[1] / lo), float(m[2] / lo)};
}

Multipliers normaliseSmallest(const std::array<float, 3>& m) {
    return normaliseSmallest(std::array<double, 3>{m[0], m[1], m[2]});
}

}  // namespace

Multipliers multipliersForTemperature(const Mat3& cameraFromXYZ, double kelvin, double tint) {
    if (!(kelvin > 0) || !std::isfinite(kelvin) || !std::isfinite(tint))
        throw Error("white balance: invalid temperature " + std::to_string(kelvin) + " K");
    double x = 0, y = 0;
    locus::uvToXy(locus::uvForTemperature(kelvin, tint), x, y);
    const Vec3 camera = mul(cameraFromXYZ, xyToXYZ(x, y, 1.0));
    const double top = std::max({camera[0], camera[1], camera[2]});
    if (!(top > 0) || !std::isfinite(top) || !std::isfinite(camera[0] + camera[1] + camera[2]))
        throw Error("white balance: the camera colour matrix gives no response to a " +
                    std::to_string(int(std::lround(kelvin))) + " K light");
    // At the corners of the slider range (2000 K with a strong tint) the light can fall
    // outside what a camera matrix describes and a channel's response drops to zero or below.
    // Flooring it at 1 % of the strongest channel keeps every slider position renderable
    // (a gain of at most 100) instead of failing; such a setting is extreme anyway.
    std::array<double, 3> m{};
    for (int c = 0; c < 3; ++c) m[c] = 1.0 / std::max(camera[c], 0.01 * top);
    return normaliseSmallest(m);
}

std::pair<double, double> temperatureForMultipliers(const Mat3& cameraFromXYZ,
                                                    const Multipliers& m) {
    if (!validMultipliers(m)) throw Error("white balance: multipliers must be positive");
    const Vec3 neutralCamera{1.0 / m[0], 1.0 / m[1], 1.0 / m[2]};
    const Vec3 xyz = mul(inverse(cameraFromXYZ), neutralCamera);
    double kelvin = 0, tint = 0;
    locus::temperatureForUv(locus::xyzToUv(xyz), kelvin, tint);
    // Shown on the sliders, so kept within their range (wb.temperature, wb.tint).
    return {std::clamp(kelvin, 2000.0, 50000.0), std::clamp(tint, -150.0, 150.0)};
}

std::pair<double, double> presetTemperature(const std::string& preset) {
    // Values as common raw editors label their presets. Fluorescent light sits well above
    // the locus (green), so its preset carries a magenta tint to cancel it.
    if (preset == "daylight") return {5500, 0};
    if (preset == "cloudy") return {6500, 0};
    if (preset == "shade") return {7500, 0};
    if (preset == "tungsten") return {2850, 0};
    if (preset == "fluorescent") return {3800, 21};
    if (preset == "flash") return {5900, 0};
    throw Error("unknown white balance preset \"" + preset + "\"");
}

std::pair<double, double> whiteBalanceTemperature(const RawImage& raw,
                                                  const WhiteBalanceParams& p) {
    if (p.mode == "custom") return {p.temperature, p.tint};
    if (p.mode != "as_shot" && p.mode != "auto") return presetTemperature(p.mode);
    const Multipliers m = resolveWhiteBalance(raw, p);
    if (raw.hasColorMatrix) return temperatureForMultipliers(raw.cameraFromXYZ, m);
    // Without a matrix, resolveWhiteBalance measures temperatures from the daylight
    // multipliers through an sRGB stand-in camera; read "as shot" back the same way.
    const Multipliers& day =
        validMultipliers(raw.daylightMultipliers) ? raw.daylightMultipliers : Multipliers{1, 1, 1};
    const Multipliers rel = normaliseSmallest(
        std::array<double, 3>{double(m[0]) / day[0], double(m[1]) / day[1], double(m[2]) / day[2]});
    return temperatureForMultipliers(inverse(xyzFromLinearSRGB()), rel);
}

namespace {

// Unbalanced camera RGB of the sites on a sparse grid of the sensor: a 2×2 superpixel of a
// Bayer mosaic, a pixel of linear data. Sites near the clip (where a channel's ratio is lost)
// or in the noise floor are left out.
std::vector<std::array<float, 3>> whiteBalanceSamples(const RawImage& raw) {
    constexpr std::int64_t kMaxSamples = 65'536;
    constexpr float kClip = 0.9f, kFloor = 0.002f;
    std::vector<std::array<float, 3>> out;
    const ConstImageView m = raw.mosaic.cview();
    const bool bayer = raw.layout == SensorLayout::Bayer;
    if (m.empty() || (bayer && (m.channels != 1 || m.width < 2 || m.height < 2))) return out;
    if (!bayer && m.channels < 3) return out;
    const int cellsX = bayer ? m.width / 2 : m.width, cellsY = bayer ? m.height / 2 : m.height;
    const std::int64_t cells = std::int64_t(cellsX) * cellsY;
    const int step = std::max(1, int(std::ceil(std::sqrt(double(cells) / kMaxSamples))));
    out.reserve(std::size_t(cells / (std::int64_t(step) * step) + cellsX + 1));
    for (int cy = 0; cy < cellsY; cy += step)
        for (int cx = 0; cx < cellsX; cx += step) {
            std::array<float, 3> c{0, 0, 0};
            if (bayer) {
                float n[3] = {0, 0, 0};
                for (int dy = 0; dy < 2; ++dy)
                    for (int dx = 0; dx < 2; ++dx) {
                        const int y = 2 * cy + dy, x = 2 * cx + dx;
                        const int color = raw.cfa[std::size_t((y & 1) * 2 + (x & 1))];
                        if (color > 2) continue;
                        c[std::size_t(color)] += m.row(y)[x];
                        n[color] += 1;
                    }
                for (int k = 0; k < 3; ++k)
                    c[std::size_t(k)] = n[k] > 0 ? c[std::size_t(k)] / n[k] : 0;
            } else {
                const float* p = m.px(cx, cy);
                c = {p[0], p[1], p[2]};
            }
            const float hi = std::max({c[0], c[1], c[2]}), lo = std::min({c[0], c[1], c[2]});
            if (hi < kClip && lo > kFloor && std::isfinite(hi)) out.push_back(c);
        }
    return out;
}

}  // namespace

Multipliers estimateWhiteBalance(const RawImage& raw) {
    const std::vector<std::array<float, 3>> samples = whiteBalanceSamples(raw);
    std::array<double, 3> m{1, 1, 1};  // green-normalised
    if (validMultipliers(raw.daylightMultipliers))
        for (int c = 0; c < 3; ++c) m[std::size_t(c)] = raw.daylightMultipliers[std::size_t(c)];
    if (samples.size() < 16) return normaliseSmallest(m);
    // Grey world (each site weighted by its brightness, as the light it reflects), then
    // passes that weigh each site by how close to grey the current estimate renders it, with
    // a narrowing tolerance (a chromaticity distance in ratios to green): the estimate walks
    // towards the largest near-neutral population instead of the mean of all colours.
    for (double sigma : {0.0, 0.5, 0.3, 0.2, 0.12}) {
        double sum[3] = {0, 0, 0}, weight = 0;
        for (const auto& c : samples) {
            double w = 1;
            if (sigma > 0) {
                const double r = c[0] * m[0] / (c[1] * m[1]) - 1;
                const double b = c[2] * m[2] / (c[1] * m[1]) - 1;
                w = 1 / (1 + (r * r + b * b) / (sigma * sigma));
                w *= w;
            }
            for (int k = 0; k < 3; ++k) sum[k] += w * c[std::size_t(k)];
            weight += w;
        }
        if (!(sum[0] > 0 && sum[1] > 0 && sum[2] > 0) || weight < 1e-3 * double(samples.size()))
            break;
        m = {sum[1] / sum[0], 1.0, sum[1] / sum[2]};
    }
    if (!raw.hasColorMatrix) return normaliseSmallest(m);
    // Incomplete adaptation, as a camera's auto white balance and the eye do: under warm
    // light (below 5000 K) a picture keeps part of the light's warmth, so a room lit by
    // tungsten still looks lit by tungsten; cooler light is corrected almost fully. In
    // mireds (10⁶/K), where equal steps look alike, the rendered balance moves from 5000 K
    // only this fraction of the way towards the estimated light.
    try {
        const Multipliers full = normaliseSmallest(m);
        const auto [kelvin, tint] = temperatureForMultipliers(raw.cameraFromXYZ, full);
        constexpr double kNeutralMired = 1e6 / 5000, kWarmAdaptation = 0.5;
        constexpr double kCoolAdaptation = 0.9;
        const double mired = 1e6 / kelvin;
        const double d = mired > kNeutralMired ? kWarmAdaptation : kCoolAdaptation;
        const double rendered = kNeutralMired + d * (mired - kNeutralMired);
        return multipliersForTemperature(raw.cameraFromXYZ, 1e6 / rendered, d * tint);
    } catch (const Error&) {
        return normaliseSmallest(m);
    }
}

Multipliers resolveWhiteBalance(const RawImage& raw, const WhiteBalanceParams& p) {
    if (p.mode == "auto" || (p.mode == "as_shot" && !raw.asShotRecorded))
        return validMultipliers(raw.autoMultipliers) ? normaliseSmallest(raw.autoMultipliers)
                                                     : estimateWhiteBalance(raw);
    if (p.mode == "as_shot") {
        if (validMultipliers(raw.asShotMultipliers))
            return normaliseSmallest(raw.asShotMultipliers);
        if (validMultipliers(raw.daylightMultipliers))
            return normaliseSmallest(raw.daylightMultipliers);
        return {1, 1, 1};
    }
    try {
        std::pair<double, double> tk{p.temperature, p.tint};
        if (p.mode != "custom") tk = presetTemperature(p.mode);
        if (raw.hasColorMatrix)
            return multipliersForTemperature(raw.cameraFromXYZ, tk.first, tk.second);
        // Without a colour matrix, the camera's daylight multipliers are the anchor and an
        // sRGB-primaries stand-in camera supplies how multipliers change with temperature.
        // Its white is D65, so at D65 the stand-in's multipliers are exactly (1,1,1) and the
        // camera's own daylight balance is returned unchanged there.
        const Multipliers base =
            validMultipliers(raw.daylightMultipliers)
                ? raw.daylightMultipliers
                : (validMultipliers(raw.asShotMultipliers) ? raw.asShotMultipliers
                                                           : Multipliers{1, 1, 1});
        const Multipliers rel =
            multipliersForTemperature(inverse(xyzFromLinearSRGB()), tk.first, tk.second);
        return normaliseSmallest(std::array<double, 3>{
            double(base[0]) * rel[0], double(base[1]) * rel[1], double(base[2]) * rel[2]});
    } catch (const Error& e) {
        throw Error(raw.path, e.what());
    }
}

Multipliers multipliersForNeutral(const Vec3& rgb) {
    static const char* names[3] = {"red", "green", "blue"};
    for (int c = 0; c < 3; ++c) {
        if (!std::isfinite(rgb[c]) || rgb[c] <= 1e-6)
            throw Error(std::string("the picked area is black in the ") + names[c] +
                        " channel; pick a brighter neutral patch");
        if (rgb[c] >= 0.98)
            throw Error(std::string("the picked area is clipped in the ") + names[c] +
                        " channel; pick a darker neutral patch");
    }
    return normaliseSmallest(std::array<double, 3>{1 / rgb[0], 1 / rgb[1], 1 / rgb[2]});
}

void applyWhiteBalance(ImageView data, SensorLayout layout, const CfaPattern& cfa,
                       const Multipliers& m, HighlightMode mode, const CancelToken* cancel) {
    if (data.empty()) return;
    if (!validMultipliers(m)) throw Error("white balance: multipliers must be positive");
    const bool clip = mode == HighlightMode::Clip;
    if (layout == SensorLayout::Bayer) {
        if (data.channels != 1) throw Error("white balance: a Bayer mosaic must have 1 channel");
        for (auto c : cfa)
            if (c > 2) throw Error("white balance: CFA colour index out of range");
        parallelFor(
            0, data.height,
            [&](int y0, int y1) {
                for (int y = y0; y < y1; ++y) {
                    float* r = data.row(y);
                    const float me = m[cfa[(y & 1) * 2]], mo = m[cfa[(y & 1) * 2 + 1]];
                    const int w = data.width;
                    if (clip) {
                        for (int x = 0; x < w; ++x)
                            r[x] = std::min(r[x] * ((x & 1) ? mo : me), 1.0f);
                    } else {
                        for (int x = 0; x < w; ++x) r[x] *= (x & 1) ? mo : me;
                    }
                }
            },
            16, cancel);
        return;
    }
    if (data.channels != 3) throw Error("white balance: linear sensor data must have 3 channels");
    const float m0 = m[0], m1 = m[1], m2 = m[2];
    parallelFor(
        0, data.height,
        [&](int y0, int y1) {
            for (int y = y0; y < y1; ++y) {
                float* r = data.row(y);
                const int w = data.width;
                for (int x = 0; x < w; ++x) {
                    float* p = r + 3 * x;
                    p[0] *= m0, p[1] *= m1, p[2] *= m2;
                    if (clip)
                        p[0] = std::min(p[0], 1.0f), p[1] = std::min(p[1], 1.0f),
                        p[2] = std::min(p[2], 1.0f);
                }
            }
        },
        16, cancel);
}

void reconstructHighlights(ImageView rgb, const Multipliers& m, const CancelToken* cancel) {
    if (rgb.empty()) return;
    if (rgb.channels != 3) throw Error("highlight reconstruction needs a 3-channel image");
    if (!validMultipliers(m)) throw Error("white balance: multipliers must be positive");
    // Each channel clipped at m[c] (the sensor ceiling of 1, balanced). A channel's "clipped"
    // weight ramps from 0 at 96 % of its ceiling to 1 at 99 %, so demosaicing's soft edges
    // around a blown area do not produce a hard seam. A clipped channel is raised towards the
    // mean of the channels that did not clip (it was at least that bright for any light that
    // is not strongly coloured). Since the estimate for a clipped green is the mean of red and
    // blue, green never ends up below both, which is what magenta is. As fewer channels stay
    // reliable, the reference blends towards max(m), the level at which a neutral light clips
    // in all three, so a fully clipped pixel becomes neutral white at max(m), and the ramp of
    // a brightening light is continuous. Nothing is allowed above max(m).
    const float top = std::max({m[0], m[1], m[2]});
    float lo[3], inv[3];
    for (int c = 0; c < 3; ++c) {
        lo[c] = 0.96f * m[c];
        inv[c] = 1.0f / (0.03f * m[c]);
    }
    // Most rows of most photographs hold nothing near clipping: a vectorised scan for any
    // sample above the lowest ramp start skips them before the per-pixel work.
    const float loMin = std::min({lo[0], lo[1], lo[2]});
    parallelFor(
        0, rgb.height,
        [&](int y0, int y1) {
            for (int y = y0; y < y1; ++y) {
                float* r = rgb.row(y);
                const int w = rgb.width;
                int hot = 0;
                for (int i = 0; i < 3 * w; ++i) hot |= r[i] > loMin;
                if (!hot) continue;
                for (int x = 0; x < w; ++x) {
                    float* p = r + 3 * x;
                    float wc[3], s = 0, acc = 0;
                    for (int c = 0; c < 3; ++c) {
                        wc[c] = std::clamp((p[c] - lo[c]) * inv[c], 0.0f, 1.0f);
                        const float keep = 1.0f - wc[c];
                        s += keep;
                        acc += keep * p[c];
                    }
                    if (wc[0] + wc[1] + wc[2] == 0.0f) continue;  // nothing near clipping
                    const float k = std::max(0.0f, 1.0f - s);
                    const float ref = (acc + k * top) / (s + k);
                    for (int c = 0; c < 3; ++c)
                        p[c] = std::min(p[c] + wc[c] * std::max(0.0f, ref - p[c]), top);
                }
            }
        },
        16, cancel);
}

}  // namespace rf
