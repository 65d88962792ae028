// SPDX-License-Identifier: GPL-3.0-or-later
// The look's colour transform and its bake. On look-encoded values (Rec.2020 primaries, sRGB
// transfer curve), at full strength, in this order:
//
//   1. monochrome   grey = mix · linear RGB, every channel set to it (exactly neutral)
//   2. curve        on the encoded max(R, G, B), the pixel scaled by curve(n)/n above the
//                   curve's black, as the base tone stage does: hues kept, greys stay grey
//   3. saturation and vibrance: OkLCh chroma scaled (vibrance weighted to muted colours,
//                   sparing skin hues when boosting)
//   4. hue bands    OkLCh hue shift, chroma scale and lightness change, weighted between the
//                   two nearest band centres and faded out at low chroma
//   5. split toning Oklab a, b offsets towards the shadow and highlight hues, weighted by
//                   lightness around a split point the balance moves; warmth, an offset
//                   towards amber or blue in proportion to lightness
//   6. external LUT in its own input encoding (primaries converted, clipped to [0, 1])
//
// Leaving Oklab, a colour outside the Rec.2020 gamut loses chroma at constant lightness and
// hue until it fits, rather than being clipped per channel (which would shift its hue).
// The whole chain is a function of the colour alone, so it is baked into a 3D LUT once per
// setting; the LUT, not this code, runs per pixel.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <list>
#include <map>
#include <mutex>
#include <numbers>

#include "look/look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/look.h"

namespace fs = std::filesystem;

namespace rf {

namespace look {
namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kDeg = kPi / 180;

// Slider scales, at ±100 %.
constexpr double kBrightnessStops = 0.75;  // mid-tone gamma 2^∓0.75
constexpr double kToeLift = 0.08;          // output black raised to 0.08
constexpr double kToeCrush = 0.06;         // input black point moved up to 0.06
constexpr double kShoulderDrop = 0.08;     // output white lowered to 0.92
constexpr double kShoulderPush = 0.06;     // input white point moved down to 0.94
constexpr double kVibranceChroma = 0.25;   // Oklab chroma above which vibrance no longer acts
constexpr double kSkinProtection = 0.8;    // share of a vibrance boost skin hues are spared
constexpr double kBandFadeChroma = 0.04;   // hue bands act fully from this Oklab chroma up
constexpr double kBandLightness = 0.8;     // lightness ±100 %: L^(2^∓0.8)
constexpr double kSplitChroma = 0.08;      // Oklab chroma of a 100 % tint
constexpr double kSplitRange = 0.4;        // balance ±100 % moves the split point by this
// Warmth: an offset towards 85° of Oklab hue (amber, a warming filter's colour); ±100 % at
// L = 1 is half a full split-toning tint (Oklab chroma 0.04).
constexpr double kWarmHue = 85;
constexpr double kWarmth = 0.5;
constexpr double kSplitWidth = 0.5;  // half-width of the shadow/highlight transition

// The bake evaluates these per grid point: inline here, unlike colormath's mul().
inline Vec3 mulVec(const Mat3& m, const Vec3& v) {
    return {m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2]};
}

double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}

double smoothstep(double e0, double e1, double x) {
    const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

}  // namespace

double encode(double v) {
    return v >= 0 ? srgbEncode(v) : 12.92 * v;
}
double decode(double v) {
    return v >= 0 ? srgbDecode(v) : v / 12.92;
}

Mat3 rec2020ToPrimaries(LutEncoding e) {
    switch (e) {
        case LutEncoding::SRGB:
            return normaliseRows(mul(inverse(xyzFromLinearSRGB()), xyzFromLinearRec2020()));
        case LutEncoding::DisplayP3:
            return normaliseRows(mul(inverse(xyzFromLinearDisplayP3()), xyzFromLinearRec2020()));
        case LutEncoding::Rec2020:
            break;
    }
    return identity3();
}

namespace {

// Oklab (Björn Ottosson, 2020) from linear Rec.2020: the published linear-sRGB → LMS matrix
// composed with Rec.2020 → sRGB, rows normalised so a neutral gives l = m = s, and the a and b
// rows of the second matrix made to sum to exactly zero so a neutral has no chroma at all.
struct Oklab {
    Mat3 lmsFromRgb, rgbFromLms, labFromLms, lmsFromLab;
    Oklab() {
        const Mat3 m1 = {{{0.4122214708, 0.5363325363, 0.0514459929},
                          {0.2119034982, 0.6806995451, 0.1073969566},
                          {0.0883024619, 0.2817188376, 0.6299787005}}};
        lmsFromRgb =
            normaliseRows(mul(m1, mul(inverse(xyzFromLinearSRGB()), xyzFromLinearRec2020())));
        rgbFromLms = inverse(lmsFromRgb);
        labFromLms = {{{0.2104542553, 0.7936177850, -0.0040720468},
                       {1.9779984951, -2.4285922050, 0.4505937099},
                       {0.0259040371, 0.7827717662, -0.8086757660}}};
        for (int r = 1; r < 3; ++r) {
            const double mean = (labFromLms[r][0] + labFromLms[r][1] + labFromLms[r][2]) / 3;
            for (double& v : labFromLms[r]) v -= mean;
        }
        lmsFromLab = inverse(labFromLms);
    }
};

const Oklab& oklab() {
    static const Oklab o;
    return o;
}

bool inGamut(const Vec3& rgb) {
    constexpr double eps = 1e-9;
    return rgb[0] >= -eps && rgb[1] >= -eps && rgb[2] >= -eps && rgb[0] <= 1 + eps &&
           rgb[1] <= 1 + eps && rgb[2] <= 1 + eps;
}

// Linear Rec.2020 in [0, 1] from Oklab: chroma is reduced (bisection, lightness and hue kept)
// until the colour fits.
Vec3 fitToGamut(double L, double a, double b) {
    L = clamp01(L);
    Vec3 rgb = linearFromOklab({L, a, b});
    if (!inGamut(rgb)) {
        double lo = 0, hi = 1;
        for (int i = 0; i < 14; ++i) {  // chroma within 1e-4 of the gamut's edge
            const double mid = 0.5 * (lo + hi);
            (inGamut(linearFromOklab({L, a * mid, b * mid})) ? lo : hi) = mid;
        }
        rgb = linearFromOklab({L, a * lo, b * lo});
    }
    for (double& v : rgb) v = clamp01(v);
    return rgb;
}

// Weights of the hue bands at an Oklab hue (degrees): the two band centres around it share
// the weight, smoothly, so a hue on a centre belongs to that band alone.
void bandWeights(double hueDeg, int& lower, double& wLower, double& wUpper) {
    const auto& c = hueBandCentres();
    double h = std::fmod(hueDeg, 360.0);
    if (h < 0) h += 360;
    lower = kHueBands - 1;  // between magenta and red, across 360°
    for (int i = 0; i < kHueBands - 1; ++i)
        if (h >= c[std::size_t(i)] && h < c[std::size_t(i) + 1]) lower = i;
    const double from = c[std::size_t(lower)];
    double to = c[std::size_t((lower + 1) % kHueBands)];
    if (to <= from) to += 360;
    if (h < from) h += 360;
    const double t = std::clamp((h - from) / (to - from), 0.0, 1.0);
    wUpper = t * t * (3 - 2 * t);
    wLower = 1 - wUpper;
}

// ---- parsed LUT files, by path and modification time ---------------------------------

struct FileStamp {
    fs::file_time_type mtime{};
    std::uintmax_t size = 0;
    bool operator==(const FileStamp&) const = default;
};

struct LutFiles {
    std::mutex mutex;
    std::map<std::string, std::pair<FileStamp, std::shared_ptr<const Lut3D>>> files;
    std::map<std::string, std::pair<std::uint64_t, std::shared_ptr<const Lut3D>>> overrides;
    std::uint64_t overrideVersion = 0;
};

LutFiles& lutFiles() {
    static LutFiles f;
    return f;
}

FileStamp stampOf(const std::string& path) {
    std::error_code ec;
    FileStamp s;
    s.mtime = fs::last_write_time(path, ec);
    if (!ec) s.size = fs::file_size(path, ec);
    if (ec) throw Error(path, "cannot read the look's LUT file: " + ec.message());
    return s;
}

// ---- baked looks: a small LRU -------------------------------------------------------

struct BakeCache {
    static constexpr std::size_t kCapacity = 8;
    std::mutex mutex;
    std::list<std::pair<std::uint64_t, std::shared_ptr<const BakedLook>>> entries;  // MRU first
};

BakeCache& bakeCache() {
    static BakeCache c;
    return c;
}

}  // namespace

Vec3 oklabFromLinear(const Vec3& rgb) {
    const Oklab& o = oklab();
    Vec3 lms = mulVec(o.lmsFromRgb, rgb);
    for (double& v : lms) v = std::cbrt(v);
    return mulVec(o.labFromLms, lms);
}

Vec3 linearFromOklab(const Vec3& lab) {
    const Oklab& o = oklab();
    Vec3 lms = mulVec(o.lmsFromLab, lab);
    for (double& v : lms) v = v * v * v;
    return mulVec(o.rgbFromLms, lms);
}

const std::array<double, kHueBands>& hueBandCentres() {
    // The hues of display colours everybody names: sRGB red, orange (1, ½, 0), yellow,
    // green, cyan, blue, purple (½, 0, 1) and magenta, as encoded values.
    static const std::array<double, kHueBands> centres = [] {
        const Vec3 named[kHueBands] = {{1, 0, 0}, {1, 0.5, 0}, {1, 1, 0},   {0, 1, 0},
                                       {0, 1, 1}, {0, 0, 1},   {0.5, 0, 1}, {1, 0, 1}};
        const Mat3 toRec2020 = inverse(rec2020ToPrimaries(LutEncoding::SRGB));
        std::array<double, kHueBands> c{};
        for (int i = 0; i < kHueBands; ++i) {
            Vec3 lin;
            for (int k = 0; k < 3; ++k) lin[k] = srgbDecode(named[i][k]);
            const Vec3 lab = oklabFromLinear(mul(toRec2020, lin));
            double h = std::atan2(lab[2], lab[1]) / kDeg;
            c[std::size_t(i)] = h < 0 ? h + 360 : h;
        }
        return c;
    }();
    return centres;
}

// ---- the curve ---------------------------------------------------------------------

ToneShape::ToneShape(const LookParams& p) {
    gamma_ = std::exp2(-kBrightnessStops * p.brightness);
    if (!p.curve.empty()) {
        custom_ = true;
        const std::size_t n = p.curve.size();
        for (const auto& [x, y] : p.curve) xs_.push_back(x), ys_.push_back(y);
        // Fritsch–Carlson: secant slopes, averaged tangents (zero at a local extremum), then
        // limited so each cubic piece is monotone between its points (no overshoot).
        std::vector<double> d(n - 1);
        for (std::size_t i = 0; i + 1 < n; ++i)
            d[i] = (ys_[i + 1] - ys_[i]) / (xs_[i + 1] - xs_[i]);
        ms_.assign(n, 0);
        ms_[0] = d[0];
        ms_[n - 1] = d[n - 2];
        for (std::size_t i = 1; i + 1 < n; ++i)
            ms_[i] = d[i - 1] * d[i] > 0 ? 0.5 * (d[i - 1] + d[i]) : 0;
        for (std::size_t i = 0; i + 1 < n; ++i) {
            if (d[i] == 0) {
                ms_[i] = ms_[i + 1] = 0;
                continue;
            }
            const double a = ms_[i] / d[i], b = ms_[i + 1] / d[i];
            const double r = a * a + b * b;
            if (r > 9) {
                const double tau = 3 / std::sqrt(r);
                ms_[i] = tau * a * d[i];
                ms_[i + 1] = tau * b * d[i];
            }
        }
        return;
    }
    contrast_ = p.contrast;
    pivot_ = std::clamp(double(p.pivot), 0.01, 0.99);
    if (p.toe > 0) outBlack_ = kToeLift * p.toe;
    if (p.toe < 0) inBlack_ = kToeCrush * -p.toe;
    if (p.shoulder > 0) outWhite_ = 1 - kShoulderDrop * p.shoulder;
    if (p.shoulder < 0) inWhite_ = 1 - kShoulderPush * -p.shoulder;
}

double ToneShape::spline(double x) const {
    if (x <= xs_.front()) return ys_.front();
    if (x >= xs_.back()) return ys_.back();
    const std::size_t i =
        std::size_t(std::upper_bound(xs_.begin(), xs_.end(), x) - xs_.begin()) - 1;
    const double h = xs_[i + 1] - xs_[i];
    const double t = (x - xs_[i]) / h;
    const double t2 = t * t, t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * ys_[i] + (t3 - 2 * t2 + t) * h * ms_[i] +
           (-2 * t3 + 3 * t2) * ys_[i + 1] + (t3 - t2) * h * ms_[i + 1];
}

// An S around the pivot whose slope there is exactly 1 + contrast. Above zero, power curves
// on each side of the pivot meeting with slope m = 1 + contrast; below zero, a blend of the
// identity with a cubic that is flat at the pivot: slope (1 + contrast) + (−contrast) · 0.
// Both keep 0 → 0 and 1 → 1 and are monotone.
double ToneShape::parametric(double x) const {
    const double p = pivot_, c = contrast_;
    if (c >= 0) {
        const double m = 1 + c;
        return x < p ? p * std::pow(x / p, m) : 1 - (1 - p) * std::pow((1 - x) / (1 - p), m);
    }
    const double u = x < p ? (p - x) / p : (x - p) / (1 - p);
    const double flat = x < p ? p - p * u * u * u : p + (1 - p) * u * u * u;
    return (1 + c) * x - c * flat;
}

double ToneShape::operator()(double x) const {
    x = clamp01(x);
    double y;
    if (custom_) {
        y = clamp01(spline(x));
    } else {
        // Toe crush and shoulder push move the input's black and white points.
        x = clamp01((x - inBlack_) / (inWhite_ - inBlack_));
        y = contrast_ == 0 ? x : clamp01(parametric(x));
    }
    if (gamma_ != 1) y = std::pow(y, gamma_);        // brightness: a mid-tone gamma, ends fixed
    return outBlack_ + (outWhite_ - outBlack_) * y;  // toe lift and shoulder drop
}

// ---- the colour model ----------------------------------------------------------------

ColorModel::ColorModel(const LookParams& p) : curve(p) {
    mono = p.mono;
    monoMix = p.monoMix;
    hasCurve =
        !p.curve.empty() || p.contrast != 0 || p.brightness != 0 || p.toe != 0 || p.shoulder != 0;
    curveBlack = curve(0);
    satScale = std::max(0.0, 1.0 + p.saturation);
    vibrance = p.vibrance;
    band = p.bands;
    bands = std::any_of(band.begin(), band.end(), [](const LookParams::Band& b) {
        return b.hue != 0 || b.saturation != 0 || b.luminance != 0;
    });
    split = p.shadowSaturation > 0 || p.highlightSaturation > 0;
    splitPoint = 0.5 - kSplitRange * p.splitBalance;
    const auto tint = [](double hueDeg, double amount) {
        return Vec3{0, kSplitChroma * amount * std::cos(hueDeg * kDeg),
                    kSplitChroma * amount * std::sin(hueDeg * kDeg)};
    };
    shadowTint = tint(p.shadowHue, p.shadowSaturation);
    highlightTint = tint(p.highlightHue, p.highlightSaturation);
    warm = p.warmth != 0;
    warmTint = tint(kWarmHue, kWarmth * p.warmth);  // negative: the opposite hue, blue
    oklab = satScale != 1 || vibrance != 0 || bands || split || warm;
    if (!p.lutFile.empty()) {
        lut = lutFile(p.lutFile);
        lutFromLook = rec2020ToPrimaries(p.lutEncoding);
        lookFromLut = inverse(lutFromLook);
    }
}

Vec3 ColorModel::linear(const Vec3& encoded) const {
    // The colour travels encoded (what the curve and the LUT read) or linear (what the mix and
    // Oklab read); each form is computed only when a stage needs it and the other is stale.
    Vec3 enc, lin{};
    for (int k = 0; k < 3; ++k) enc[k] = clamp01(encoded[k]);
    bool encValid = true, linValid = false;
    const auto needLinear = [&] {
        if (!linValid) lin = {decode(enc[0]), decode(enc[1]), decode(enc[2])};
        linValid = true;
    };
    const auto needEncoded = [&] {
        if (!encValid) enc = {encode(lin[0]), encode(lin[1]), encode(lin[2])};
        encValid = true;
    };

    if (mono) {
        needLinear();
        const double grey =
            clamp01(monoMix[0] * lin[0] + monoMix[1] * lin[1] + monoMix[2] * lin[2]);
        const double e = encode(grey);
        lin = {grey, grey, grey};
        enc = {e, e, e};
    }

    if (hasCurve) {
        needEncoded();
        const double n = std::max({enc[0], enc[1], enc[2]});
        if (n <= 0) {
            enc = {curveBlack, curveBlack, curveBlack};
        } else {
            const double k = (curve(n) - curveBlack) / n;
            for (double& v : enc) v = clamp01(curveBlack + k * v);
        }
        linValid = false;
    }

    if (oklab) {
        needLinear();
        const bool neutral = lin[0] == lin[1] && lin[1] == lin[2];
        if (!neutral || split || warm) {
            const Vec3 lab = oklabFromLinear(lin);
            double L = lab[0], a = lab[1], b = lab[2];
            if (!neutral) {
                double C = std::hypot(a, b);
                double h = std::atan2(b, a);
                double scale = satScale;
                if (vibrance != 0) {
                    const double muted = std::max(0.0, 1 - C / kVibranceChroma);
                    double weight = muted * muted;
                    if (vibrance > 0) {
                        // Skin lies between about 20° and 80° of Oklab hue.
                        const double u = std::remainder(h / kDeg - 50, 360.0) / 30;
                        weight *= 1 - kSkinProtection * std::max(0.0, 1 - u * u);
                    }
                    scale *= std::max(0.0, 1 + vibrance * weight);
                }
                C *= scale;
                if (bands) {
                    int lo;
                    double wLo, wHi;
                    bandWeights(h / kDeg, lo, wLo, wHi);
                    const LookParams::Band& A = band[std::size_t(lo)];
                    const LookParams::Band& B = band[std::size_t((lo + 1) % kHueBands)];
                    const double fade = smoothstep(0, kBandFadeChroma, C);
                    h += fade * (wLo * A.hue + wHi * B.hue) * kDeg;
                    C *= std::max(0.0, 1 + fade * (wLo * A.saturation + wHi * B.saturation));
                    const double dl = fade * (wLo * A.luminance + wHi * B.luminance);
                    if (dl != 0 && L > 0) L = std::pow(L, std::exp2(-kBandLightness * dl));
                }
                a = C * std::cos(h);
                b = C * std::sin(h);
            }
            if (split) {
                const double hi = smoothstep(splitPoint - kSplitWidth, splitPoint + kSplitWidth, L);
                a += (1 - hi) * shadowTint[1] + hi * highlightTint[1];
                b += (1 - hi) * shadowTint[2] + hi * highlightTint[2];
            }
            if (warm) {
                a += L * warmTint[1];
                b += L * warmTint[2];
            }
            lin = fitToGamut(L, a, b);
            encValid = false;
        }
    }

    if (lut) {
        needLinear();
        Vec3 in = mulVec(lutFromLook, lin);
        for (double& v : in) v = encode(clamp01(v));  // leaving the LUT's gamut: clipped
        const Vec3 s = lut->sample(in);
        lin = mulVec(lookFromLut, Vec3{decode(s[0]), decode(s[1]), decode(s[2])});
        encValid = false;
    }

    needLinear();
    for (double& v : lin) v = clamp01(v);
    return lin;
}

Vec3 ColorModel::operator()(const Vec3& encoded) const {
    const Vec3 lin = linear(encoded);
    return {encode(lin[0]), encode(lin[1]), encode(lin[2])};
}

// ---- LUT files -----------------------------------------------------------------------

std::shared_ptr<const Lut3D> lutFile(const std::string& path) {
    LutFiles& f = lutFiles();
    {
        std::lock_guard lock(f.mutex);
        if (auto o = f.overrides.find(path); o != f.overrides.end()) return o->second.second;
    }
    const FileStamp stamp = stampOf(path);
    {
        std::lock_guard lock(f.mutex);
        auto it = f.files.find(path);
        if (it != f.files.end() && it->second.first == stamp) return it->second.second;
    }
    auto lut = std::make_shared<const Lut3D>(readLut(path));
    std::lock_guard lock(f.mutex);
    if (f.files.size() >= 8 && !f.files.count(path)) f.files.erase(f.files.begin());
    f.files[path] = {stamp, lut};
    return lut;
}

std::uint64_t lutFileVersion(const std::string& path) {
    LutFiles& f = lutFiles();
    {
        std::lock_guard lock(f.mutex);
        if (auto o = f.overrides.find(path); o != f.overrides.end()) return o->second.first;
    }
    std::error_code ec;
    const auto mtime = fs::last_write_time(path, ec);
    const std::uintmax_t size = ec ? 0 : fs::file_size(path, ec);
    if (ec) return 0;
    return std::uint64_t(mtime.time_since_epoch().count()) * 0x9e3779b97f4a7c15ull ^ size;
}

void overrideLutFile(const std::string& path, std::shared_ptr<const Lut3D> lut) {
    LutFiles& f = lutFiles();
    std::lock_guard lock(f.mutex);
    if (lut)
        f.overrides[path] = {++f.overrideVersion << 1 | 1, std::move(lut)};
    else
        f.overrides.erase(path);
}

// ---- baking ------------------------------------------------------------------------

std::shared_ptr<const BakedLook> bakedLook(const LookParams& p, int size, GridInput input) {
    const std::uint64_t key =
        p.colorHash() ^ (std::uint64_t(size << 1 | int(input)) * 0x9e3779b97f4a7c15ull);
    BakeCache& cache = bakeCache();
    {
        std::lock_guard lock(cache.mutex);
        for (auto it = cache.entries.begin(); it != cache.entries.end(); ++it)
            if (it->first == key) {
                cache.entries.splice(cache.entries.begin(), cache.entries, it);
                return it->second;
            }
    }
    // Baked outside the lock: two threads asking for the same new look may both bake it,
    // which costs time once but never blocks renders of other looks.
    const ColorModel model(p);
    auto baked = std::make_shared<BakedLook>();
    baked->lut = Lut3D(size);
    baked->lut.title = p.name;
    baked->rgba.resize(std::size_t(4) * size * size * size);
    const auto linear = [&](const Vec3& v) {
        if (input == GridInput::Encoded) return model.linear(v);
        return model.linear({encode(v[0] * v[0]), encode(v[1] * v[1]), encode(v[2] * v[2])});
    };
    bakeGrid(linear, size, [&](int r, int g, int b, const Vec3& lin) {
        float* out = baked->lut.at(r, g, b);
        float* out4 = &baked->rgba[std::size_t(4) * (r + size * (g + size * b))];
        for (int k = 0; k < 3; ++k) out[k] = out4[k] = float(lin[k]);
        out4[3] = 0;
    });
    std::lock_guard lock(cache.mutex);
    cache.entries.emplace_front(key, baked);
    if (cache.entries.size() > BakeCache::kCapacity) cache.entries.pop_back();
    return baked;
}

}  // namespace look

float lookEncode(float linear) {
    return float(look::encode(linear));
}

float lookDecode(float encoded) {
    return float(look::decode(encoded));
}

Vec3 lookColor(const LookParams& p, const Vec3& encodedRec2020) {
    return look::ColorModel(p)(encodedRec2020);
}

std::shared_ptr<const Lut3D> bakedLookLut(const LookParams& p, int size) {
    auto baked = look::bakedLook(p, size, look::GridInput::Encoded);
    return {baked, &baked->lut};
}

}  // namespace rf
