// SPDX-License-Identifier: GPL-3.0-or-later
// Fitting a look to colour samples (look_learn.h): the look's parameters by damped
// Gauss–Newton (Levenberg–Marquardt) on the look's own colour model, then the residual as a
// lattice of Oklab offsets by regularised lattice regression (Garcia and Gupta, "Lattice
// Regression", NIPS 2009): the data term asks the lattice, interpolated exactly as the look
// will interpolate it (tetrahedrally), to reproduce each sample's offset; the graph Laplacian
// of the lattice (its membrane energy, the sum of squared differences between neighbouring
// nodes, which for the tetrahedral interpolant is its Dirichlet energy; with extra edges along
// the lightness diagonal) keeps it smooth and carries what the samples say to the colours
// they do not show;
// a ridge towards zero offset, much weaker, lets a colour far from every sample keep the
// parameters' behaviour (their global fit, the paper's "global bias"). The normal equations
// are sparse and positive definite, solved by conjugate gradients with a Jacobi
// preconditioner, the three channels at once.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numeric>

#include "look/look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/look_learn.h"

namespace rf {

namespace {

double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}

Vec3 linearOf(const Vec3& encoded) {
    return {lookDecode(float(encoded[0])), lookDecode(float(encoded[1])),
            lookDecode(float(encoded[2]))};
}

Vec3 oklabOfEncoded(const Vec3& encoded) {
    return look::oklabFromLinear(linearOf(encoded));
}

// ---- the parameters --------------------------------------------------------------------

// The fitted parameters, each scaled to about −1 … 1: contrast, brightness, toe, shoulder,
// saturation, vibrance, warmth, then per hue band its hue (÷ 60°), saturation and luminance.
constexpr int kGlobal = 7;
constexpr int kParams = kGlobal + 3 * kHueBands;

LookParams paramsOf(const std::array<double, kParams>& x) {
    LookParams p;
    p.contrast = float(x[0]);
    p.brightness = float(x[1]);
    p.toe = float(x[2]);
    p.shoulder = float(x[3]);
    p.saturation = float(x[4]);
    p.vibrance = float(x[5]);
    p.warmth = float(x[6]);
    for (int b = 0; b < kHueBands; ++b) {
        p.bands[std::size_t(b)].hue = float(60 * x[std::size_t(kGlobal + 3 * b)]);
        p.bands[std::size_t(b)].saturation = float(x[std::size_t(kGlobal + 3 * b + 1)]);
        p.bands[std::size_t(b)].luminance = float(x[std::size_t(kGlobal + 3 * b + 2)]);
    }
    return p;
}

struct FitSample {
    Vec3 base;       // look-encoded
    Vec3 targetLab;  // Oklab
    double weight;   // normalised: the weights sum to 1
};

// Residuals (Oklab differences, weighted) of the model with these parameters.
void residuals(const std::array<double, kParams>& x, const std::vector<FitSample>& s,
               std::vector<double>& r) {
    const look::ColorModel model(paramsOf(x));
    r.resize(s.size() * 3);
    parallelFor(
        0, int(s.size()),
        [&](int i0, int i1) {
            for (int i = i0; i < i1; ++i) {
                const Vec3 lab = look::oklabFromLinear(model.linear(s[std::size_t(i)].base));
                const double w = std::sqrt(s[std::size_t(i)].weight);
                for (int c = 0; c < 3; ++c)
                    r[std::size_t(3 * i + c)] =
                        w * (lab[std::size_t(c)] - s[std::size_t(i)].targetLab[std::size_t(c)]);
            }
        },
        64);
}

double sumSquares(const std::vector<double>& r) {
    return std::inner_product(r.begin(), r.end(), r.begin(), 0.0);
}

// Solves the small dense system a·x = b in place (Gaussian elimination, partial pivoting).
bool solveDense(std::vector<double>& a, std::vector<double>& b, int n) {
    for (int k = 0; k < n; ++k) {
        int piv = k;
        for (int i = k + 1; i < n; ++i)
            if (std::abs(a[std::size_t(i * n + k)]) > std::abs(a[std::size_t(piv * n + k)]))
                piv = i;
        if (std::abs(a[std::size_t(piv * n + k)]) < 1e-300) return false;
        if (piv != k) {
            for (int j = 0; j < n; ++j)
                std::swap(a[std::size_t(k * n + j)], a[std::size_t(piv * n + j)]);
            std::swap(b[std::size_t(k)], b[std::size_t(piv)]);
        }
        for (int i = k + 1; i < n; ++i) {
            const double f = a[std::size_t(i * n + k)] / a[std::size_t(k * n + k)];
            for (int j = k; j < n; ++j) a[std::size_t(i * n + j)] -= f * a[std::size_t(k * n + j)];
            b[std::size_t(i)] -= f * b[std::size_t(k)];
        }
    }
    for (int i = n - 1; i >= 0; --i) {
        double v = b[std::size_t(i)];
        for (int j = i + 1; j < n; ++j) v -= a[std::size_t(i * n + j)] * b[std::size_t(j)];
        b[std::size_t(i)] = v / a[std::size_t(i * n + i)];
    }
    return true;
}

// Levenberg–Marquardt with a forward-difference Jacobian, parameters kept in −1 … 1. The
// ridge (`ridge` × x²) keeps a parameter the samples say nothing about (a hue band the example
// does not show) at zero, and stops two that explain the same thing (saturation and vibrance
// on an example of muted colours) from running off in opposite directions.
std::array<double, kParams> fitParameters(const std::vector<FitSample>& s,
                                          const CancelToken* cancel) {
    // As strong for the global parameters as for the bands: a weaker one recovers a parametric
    // look's exact values (contrast 30 comes out as 27 with a fifth of it) but lets the
    // parameters chase what only the LUT should explain, and the look then generalises worse
    // to other pictures (test_look_learn's imported .cube: some 15 % more CIEDE2000).
    constexpr double kRidge = 2e-4, kStep = 0.004;
    const auto ridge = [](int) { return kRidge; };
    std::array<double, kParams> x{};
    std::vector<double> r, rs;
    residuals(x, s, r);
    const auto cost = [&](const std::array<double, kParams>& v, const std::vector<double>& res) {
        double c = sumSquares(res);
        for (int k = 0; k < kParams; ++k) c += ridge(k) * v[std::size_t(k)] * v[std::size_t(k)];
        return c;
    };
    double current = cost(x, r);
    double lambda = 1e-3;
    const std::size_t m = r.size();
    std::vector<double> jac(m * kParams);
    for (int iteration = 0; iteration < 25; ++iteration) {
        if (cancel) cancel->check();
        for (int j = 0; j < kParams; ++j) {
            std::array<double, kParams> xj = x;
            const double h = xj[std::size_t(j)] + kStep > 1 ? -kStep : kStep;
            xj[std::size_t(j)] += h;
            residuals(xj, s, rs);
            for (std::size_t i = 0; i < m; ++i)
                jac[i * kParams + std::size_t(j)] = (rs[i] - r[i]) / h;
        }
        std::vector<double> jtj(kParams * kParams, 0.0), jtr(kParams, 0.0);
        for (std::size_t i = 0; i < m; ++i) {
            const double* row = &jac[i * kParams];
            for (int a = 0; a < kParams; ++a) {
                if (row[a] == 0) continue;
                jtr[std::size_t(a)] += row[a] * r[i];
                for (int b = a; b < kParams; ++b)
                    jtj[std::size_t(a * kParams + b)] += row[a] * row[b];
            }
        }
        for (int a = 0; a < kParams; ++a) {
            for (int b = 0; b < a; ++b)
                jtj[std::size_t(a * kParams + b)] = jtj[std::size_t(b * kParams + a)];
            jtr[std::size_t(a)] += ridge(a) * x[std::size_t(a)];
        }
        bool improved = false;
        for (int attempt = 0; attempt < 8 && !improved; ++attempt) {
            std::vector<double> a = jtj, g = jtr;
            for (int k = 0; k < kParams; ++k)
                a[std::size_t(k * kParams + k)] +=
                    lambda * jtj[std::size_t(k * kParams + k)] + ridge(k) + 1e-12;
            if (!solveDense(a, g, kParams)) break;
            std::array<double, kParams> xn = x;
            for (int k = 0; k < kParams; ++k)
                xn[std::size_t(k)] = std::clamp(x[std::size_t(k)] - g[std::size_t(k)], -1.0, 1.0);
            residuals(xn, s, rs);
            const double c = cost(xn, rs);
            if (c < current) {
                improved = true;
                const double gain = (current - c) / std::max(current, 1e-300);
                x = xn;
                r.swap(rs);
                current = c;
                lambda = std::max(lambda / 3, 1e-7);
                if (gain < 1e-5) return x;
            } else {
                lambda *= 4;
            }
        }
        if (!improved) break;
    }
    return x;
}

// The parameters as a look file holds them: percentages (degrees for the bands' hues) to one
// decimal; those that round to nothing are left out.
EditDocument documentOf(const std::array<double, kParams>& x) {
    EditDocument doc;
    const auto set = [&](const std::string& key, double value) {
        const double v = std::round(value * 10) / 10;
        if (std::abs(v) >= 0.5) doc.setFloat(key, v);
    };
    set("look.tone.contrast", 100 * x[0]);
    set("look.tone.brightness", 100 * x[1]);
    set("look.tone.toe", 100 * x[2]);
    set("look.tone.shoulder", 100 * x[3]);
    set("look.color.saturation", 100 * x[4]);
    set("look.color.vibrance", 100 * x[5]);
    set("look.color.warmth", 100 * x[6]);
    for (int b = 0; b < kHueBands; ++b) {
        const std::string k = std::string("look.hsl.") + hueBandNames()[std::size_t(b)];
        set(k + ".hue", 60 * x[std::size_t(kGlobal + 3 * b)]);
        set(k + ".saturation", 100 * x[std::size_t(kGlobal + 3 * b + 1)]);
        set(k + ".luminance", 100 * x[std::size_t(kGlobal + 3 * b + 2)]);
    }
    return doc;
}

// ---- the residual lattice ----------------------------------------------------------------

// The four grid points and weights of tetrahedral interpolation at an encoded colour, as
// Lut3D::sample splits the cell (along its neutral diagonal).
struct Tetra {
    int index[4];
    float weight[4];
};

Tetra tetraOf(const Vec3& colour, int n) {
    int i[3];
    double f[3];
    for (int c = 0; c < 3; ++c) {
        const double t = clamp01(colour[std::size_t(c)]) * (n - 1);
        i[c] = std::min(int(t), n - 2);
        f[c] = t - i[c];
    }
    const int sr = 1, sg = n, sb = n * n;
    const int c000 = i[0] * sr + i[1] * sg + i[2] * sb;
    int a, b;
    double w0, w1, w2, w3;
    const double fr = f[0], fg = f[1], fb = f[2];
    if (fr >= fg) {
        if (fg >= fb) {
            a = c000 + sr, b = c000 + sr + sg;
            w0 = 1 - fr, w1 = fr - fg, w2 = fg - fb, w3 = fb;
        } else if (fr >= fb) {
            a = c000 + sr, b = c000 + sr + sb;
            w0 = 1 - fr, w1 = fr - fb, w2 = fb - fg, w3 = fg;
        } else {
            a = c000 + sb, b = c000 + sr + sb;
            w0 = 1 - fb, w1 = fb - fr, w2 = fr - fg, w3 = fg;
        }
    } else {
        if (fb >= fg) {
            a = c000 + sb, b = c000 + sg + sb;
            w0 = 1 - fb, w1 = fb - fg, w2 = fg - fr, w3 = fr;
        } else if (fb >= fr) {
            a = c000 + sg, b = c000 + sg + sb;
            w0 = 1 - fg, w1 = fg - fb, w2 = fb - fr, w3 = fr;
        } else {
            a = c000 + sg, b = c000 + sr + sg;
            w0 = 1 - fg, w1 = fg - fr, w2 = fr - fb, w3 = fb;
        }
    }
    return {{c000, a, b, c000 + sr + sg + sb}, {float(w0), float(w1), float(w2), float(w3)}};
}

struct LatticeProblem {
    int n = 33;
    std::vector<Tetra> at;       // per sample
    std::vector<double> w;       // per sample
    std::vector<double> target;  // per sample, 3 (Oklab offsets)
    double lambda = 1, mu = 0.01;
    double lightness = 0;  // the weight of the edges along (1, 1, 1), relative to the axes'

    std::size_t nodes() const { return std::size_t(n) * n * n; }

    // y = (AᵀWA + λL + μI) x, three channels interleaved.
    void apply(const std::vector<double>& x, std::vector<double>& y) const {
        y.assign(x.size(), 0.0);
        for (std::size_t s = 0; s < at.size(); ++s) {
            const Tetra& t = at[s];
            double v[3] = {0, 0, 0};
            for (int k = 0; k < 4; ++k)
                for (int c = 0; c < 3; ++c)
                    v[c] += t.weight[k] * x[std::size_t(3 * t.index[k] + c)];
            for (int k = 0; k < 4; ++k) {
                const double f = w[s] * t.weight[k];
                for (int c = 0; c < 3; ++c) y[std::size_t(3 * t.index[k] + c)] += f * v[c];
            }
        }
        parallelFor(
            0, n,
            [&](int b0, int b1) {
                for (int b = b0; b < b1; ++b)
                    for (int g = 0; g < n; ++g)
                        for (int r = 0; r < n; ++r) {
                            const std::size_t i = std::size_t(r + n * (g + n * b));
                            double acc[3] = {0, 0, 0};
                            double degree = 0;
                            const auto neighbour = [&](std::size_t j, double weight) {
                                degree += weight;
                                for (int c = 0; c < 3; ++c)
                                    acc[c] -= weight * x[3 * j + std::size_t(c)];
                            };
                            if (r > 0) neighbour(i - 1, 1);
                            if (r + 1 < n) neighbour(i + 1, 1);
                            if (g > 0) neighbour(i - std::size_t(n), 1);
                            if (g + 1 < n) neighbour(i + std::size_t(n), 1);
                            if (b > 0) neighbour(i - std::size_t(n) * n, 1);
                            if (b + 1 < n) neighbour(i + std::size_t(n) * n, 1);
                            const std::size_t diagonal = 1 + std::size_t(n) + std::size_t(n) * n;
                            if (r > 0 && g > 0 && b > 0) neighbour(i - diagonal, lightness);
                            if (r + 1 < n && g + 1 < n && b + 1 < n)
                                neighbour(i + diagonal, lightness);
                            for (int c = 0; c < 3; ++c)
                                y[3 * i + std::size_t(c)] +=
                                    lambda * (degree * x[3 * i + std::size_t(c)] + acc[c]) +
                                    mu * x[3 * i + std::size_t(c)];
                        }
            },
            1);
    }

    std::vector<double> rhs() const {
        std::vector<double> b(3 * nodes(), 0.0);
        for (std::size_t s = 0; s < at.size(); ++s)
            for (int k = 0; k < 4; ++k)
                for (int c = 0; c < 3; ++c)
                    b[std::size_t(3 * at[s].index[k] + c)] +=
                        w[s] * at[s].weight[k] * target[3 * s + std::size_t(c)];
        return b;
    }

    std::vector<double> diagonal() const {
        std::vector<double> d(3 * nodes(), 0.0);
        for (std::size_t s = 0; s < at.size(); ++s)
            for (int k = 0; k < 4; ++k)
                for (int c = 0; c < 3; ++c)
                    d[std::size_t(3 * at[s].index[k] + c)] +=
                        w[s] * at[s].weight[k] * at[s].weight[k];
        for (int b = 0; b < n; ++b)
            for (int g = 0; g < n; ++g)
                for (int r = 0; r < n; ++r) {
                    const double degree =
                        (r > 0) + (r + 1 < n) + (g > 0) + (g + 1 < n) + (b > 0) + (b + 1 < n) +
                        lightness *
                            ((r > 0 && g > 0 && b > 0) + (r + 1 < n && g + 1 < n && b + 1 < n));
                    const std::size_t i = std::size_t(r + n * (g + n * b));
                    for (int c = 0; c < 3; ++c) d[3 * i + std::size_t(c)] += lambda * degree + mu;
                }
        return d;
    }
};

// Preconditioned conjugate gradients.
std::vector<double> solveLattice(const LatticeProblem& p, const CancelToken* cancel) {
    const std::vector<double> b = p.rhs(), diag = p.diagonal();
    std::vector<double> x(b.size(), 0.0), r = b, z(b.size()), q(b.size()), ap;
    for (std::size_t i = 0; i < b.size(); ++i) z[i] = r[i] / diag[i];
    q = z;
    double rz = std::inner_product(r.begin(), r.end(), z.begin(), 0.0);
    const double bnorm = std::sqrt(std::inner_product(b.begin(), b.end(), b.begin(), 0.0));
    if (bnorm == 0) return x;
    for (int it = 0; it < 400; ++it) {
        if (cancel && it % 16 == 0) cancel->check();
        p.apply(q, ap);
        const double qAq = std::inner_product(q.begin(), q.end(), ap.begin(), 0.0);
        if (qAq <= 0) break;
        const double alpha = rz / qAq;
        for (std::size_t i = 0; i < x.size(); ++i) x[i] += alpha * q[i], r[i] -= alpha * ap[i];
        const double rnorm = std::sqrt(std::inner_product(r.begin(), r.end(), r.begin(), 0.0));
        if (rnorm < 1e-7 * bnorm) break;
        for (std::size_t i = 0; i < x.size(); ++i) z[i] = r[i] / diag[i];
        const double rzNew = std::inner_product(r.begin(), r.end(), z.begin(), 0.0);
        const double beta = rzNew / rz;
        rz = rzNew;
        for (std::size_t i = 0; i < x.size(); ++i) q[i] = z[i] + beta * q[i];
    }
    return x;
}

bool inGamut(const Vec3& rgb) {
    constexpr double eps = 1e-9;
    return rgb[0] >= -eps && rgb[1] >= -eps && rgb[2] >= -eps && rgb[0] <= 1 + eps &&
           rgb[1] <= 1 + eps && rgb[2] <= 1 + eps;
}

// Linear Rec.2020 from Oklab, chroma reduced at constant lightness and hue until it fits (as
// the look's own colour transform leaves Oklab).
Vec3 fromOklab(Vec3 lab) {
    lab[0] = clamp01(lab[0]);
    Vec3 rgb = look::linearFromOklab(lab);
    if (!inGamut(rgb)) {
        double lo = 0, hi = 1;
        for (int i = 0; i < 14; ++i) {
            const double mid = 0.5 * (lo + hi);
            (inGamut(look::linearFromOklab({lab[0], lab[1] * mid, lab[2] * mid})) ? lo : hi) = mid;
        }
        rgb = look::linearFromOklab({lab[0], lab[1] * lo, lab[2] * lo});
    }
    for (double& v : rgb) v = clamp01(v);
    return rgb;
}

}  // namespace

LearnedLook fitLook(const std::vector<ColorSample>& samples, const LearnOptions& options) {
    if (samples.empty()) throw Error("no colour samples to learn a look from");
    LearnedLook learned;

    // Weights: the square root of the pixels a sample averaged, so large uniform areas (a sky)
    // count for more than a single pixel but do not drown every other colour.
    double total = 0;
    for (const ColorSample& s : samples) total += std::sqrt(s.weight);

    // 1. The parameters, on at most 2500 samples (the heaviest).
    std::array<double, kParams> x{};
    if (options.fitParameters) {
        std::vector<std::size_t> order(samples.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return samples[a].weight > samples[b].weight;
        });
        order.resize(std::min<std::size_t>(order.size(), 2500));
        std::vector<FitSample> fit;
        double sum = 0;
        for (std::size_t i : order) sum += std::sqrt(samples[i].weight);
        for (std::size_t i : order)
            fit.push_back({samples[i].base, oklabOfEncoded(samples[i].target),
                           std::sqrt(samples[i].weight) / sum});
        x = fitParameters(fit, options.cancel);
    }
    learned.params = documentOf(x);
    const LookParams fitted = LookParams::from(learned.params);
    if (options.progress) options.progress(0.85, "fitting the LUT");

    // 2. The residual, as Oklab offsets on the lattice over what the parameters give.
    if (options.fitResidual) {
        const look::ColorModel model(fitted);
        LatticeProblem p;
        p.n = options.lutSize;
        p.at.resize(samples.size());
        p.w.resize(samples.size());
        p.target.resize(3 * samples.size());
        parallelFor(
            0, int(samples.size()),
            [&](int i0, int i1) {
                for (int i = i0; i < i1; ++i) {
                    const ColorSample& s = samples[std::size_t(i)];
                    const Vec3 lin = model.linear(s.base);
                    const Vec3 enc{lookEncode(float(lin[0])), lookEncode(float(lin[1])),
                                   lookEncode(float(lin[2]))};
                    p.at[std::size_t(i)] = tetraOf(enc, p.n);
                    p.w[std::size_t(i)] = std::sqrt(s.weight) / total * double(samples.size());
                    const Vec3 have = look::oklabFromLinear(lin), want = oklabOfEncoded(s.target);
                    for (int c = 0; c < 3; ++c)
                        p.target[std::size_t(3 * i + c)] =
                            want[std::size_t(c)] - have[std::size_t(c)];
                }
            },
            64);
        // The membrane's weight per edge, relative to a sample of average weight (chosen on the
        // known-truth tests: twice or half of it generalises a little worse to other pictures);
        // the ridge is a hundredth of it, so an offset fades over about ten lattice steps away
        // from the data.
        p.lambda = 0.1 * options.smoothness;
        p.mu = 0.01 * p.lambda;
        // Four times as stiff along lightness, the cube's (1, 1, 1) direction, as across
        // hue and chroma: what a colour does is carried to its lighter and darker shades
        // before its neighbours in hue, and the grey axis between the example's greys keeps to
        // them rather than taking a tint from the colours beside it (test_look_learn_fit; it
        // generalises a little better too).
        p.lightness = 4;
        const std::vector<double> offsets = solveLattice(p, options.cancel);

        const int n = p.n;
        Lut3D lut(n);
        for (int b = 0; b < n; ++b)
            for (int g = 0; g < n; ++g)
                for (int r = 0; r < n; ++r) {
                    const std::size_t i = std::size_t(r + n * (g + n * b));
                    const Vec3 q{double(r) / (n - 1), double(g) / (n - 1), double(b) / (n - 1)};
                    Vec3 lab = oklabOfEncoded(q);
                    for (int c = 0; c < 3; ++c)
                        lab[std::size_t(c)] += offsets[3 * i + std::size_t(c)];
                    const Vec3 lin = fromOklab(lab);
                    float* out = lut.at(r, g, b);
                    for (int c = 0; c < 3; ++c) out[c] = lookEncode(float(lin[std::size_t(c)]));
                }
        learned.lut = std::move(lut);
    }
    return learned;
}

}  // namespace rf
