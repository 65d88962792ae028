// SPDX-License-Identifier: GPL-3.0-or-later
// Registering a finished JPEG to our base rendering and choosing the pixels to learn from
// (look_learn.h). OpenCV's core and imgproc only (matchTemplate, resize, warpAffine, remap,
// blur, Sobel): the project has no features2d or video module, and an intensity-based
// search needs neither. Both pictures are compared as look-encoded luminance, where a look's
// tone curve is a monotone function: normalised cross-correlation does not mind it.
//
// The search, coarse to fine:
//   1. at 160 px, every one of the eight layouts (four quarter turns, mirrored or not) and
//      scales from a JPEG covering 30 % of our frame to one reaching 12 % beyond it on every
//      side (the central 80 % of the JPEG is the template, so it may be a little wider than
//      our frame: a lens correction can zoom our rendering in further than the camera's);
//   2. the best few refined at 320 and 640 px and at the working size, scale and position
//      each time, the position to a fraction of a pixel at the end;
//   3. tile by tile (32 px), a shift of up to 3 px for the differences a lens correction or
//      a phone's processing leaves; textured tiles that still do not match are left out.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

#include "look/look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/look_learn.h"

namespace rf {

namespace {

constexpr int kCoarseLongEdge = 160;
constexpr double kTemplateMargin = 0.1;  // of the JPEG, each side, left out of the template
constexpr double kMinCover = 0.3, kMaxCover = 1.25;  // the JPEG's long edge / ours
constexpr int kTile = 32;
constexpr int kTileSearch = 3;
constexpr double kTileMatch = 0.8;      // a textured tile aligns at this correlation
constexpr double kTileTexture = 0.025;  // standard deviation of encoded luminance
constexpr double kMinStructure = 0.5;   // correlation of the edges a matching pair reaches

double clamp01(double v) {
    return std::clamp(v, 0.0, 1.0);
}

// u = a0 x + a1 y + a2, v = a3 x + a4 y + a5.
struct Affine {
    std::array<double, 6> a{1, 0, 0, 0, 1, 0};
    // (*this)(g(x)).
    Affine after(const Affine& g) const {
        const auto& f = a;
        const auto& h = g.a;
        return {{f[0] * h[0] + f[1] * h[3], f[0] * h[1] + f[1] * h[4],
                 f[0] * h[2] + f[1] * h[5] + f[2], f[3] * h[0] + f[4] * h[3],
                 f[3] * h[1] + f[4] * h[4], f[3] * h[2] + f[4] * h[5] + f[5]}};
    }
};

// Pixel coordinates of the layout (the JPEG mirrored, then turned clockwise `q` times) → the
// JPEG's own. cv::rotate's clockwise turn puts source pixel (y, h − 1 − x) at (x, y).
Affine layoutToSource(int q, bool mirrored, int width, int height) {
    std::vector<int> heights = {height};  // the source height of each turn
    int w = width, h = height;
    for (int k = 0; k < q; ++k) {
        std::swap(w, h);
        heights.push_back(h);
    }
    Affine total;
    for (int k = q; k >= 1; --k) {
        const Affine turn{{0, 1, 0, -1, 0, double(heights[std::size_t(k) - 1] - 1)}};
        total = turn.after(total);
    }
    if (mirrored) total = Affine{{-1, 0, double(width - 1), 0, 1, 0}}.after(total);
    return total;
}

cv::Mat inLayout(const cv::Mat& src, int q, bool mirrored) {
    cv::Mat m;  // a new buffer: flipping into `src`'s own would flip the caller's picture
    if (mirrored)
        cv::flip(src, m, 1);
    else
        m = src;
    if (q == 0) return m;
    cv::Mat out;
    cv::rotate(m, out,
               q == 1   ? cv::ROTATE_90_CLOCKWISE
               : q == 2 ? cv::ROTATE_180
                        : cv::ROTATE_90_COUNTERCLOCKWISE);
    return out;
}

cv::Mat asMat(ConstImageView v) {
    return cv::Mat(v.height, v.width, CV_32FC3, const_cast<float*>(v.data),
                   std::size_t(v.stride) * sizeof(float));
}

// Look-encoded Rec.2020 luminance of linear Rec.2020.
cv::Mat encodedLuma(const cv::Mat& linear) {
    cv::Mat out(linear.rows, linear.cols, CV_32F);
    parallelFor(0, linear.rows, [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            const float* p = linear.ptr<float>(y);
            float* d = out.ptr<float>(y);
            for (int x = 0; x < linear.cols; ++x, p += 3)
                d[x] = lookEncode(float(clamp01(0.2627 * p[0] + 0.6780 * p[1] + 0.0593 * p[2])));
        }
    });
    return out;
}

cv::Mat shrunk(const cv::Mat& m, int longEdge) {
    const int l = std::max(m.cols, m.rows);
    if (l <= longEdge) return m;
    const double f = double(longEdge) / l;
    cv::Mat out;
    cv::resize(m, out,
               cv::Size(std::max(1, int(std::lround(m.cols * f))),
                        std::max(1, int(std::lround(m.rows * f)))),
               0, 0, cv::INTER_AREA);
    return out;
}

// One hypothesis: layout, and base pixel (x, y) of the working size ↔ layout pixel
// (sx x + tx, sy y + ty) of the full decoded JPEG.
struct Hypothesis {
    int q = 0;
    bool mirrored = false;
    double sx = 1, sy = 1, tx = 0, ty = 0;
    double score = -2;
};

struct Level {
    cv::Mat base;           // encoded luminance at this level
    double bx = 1, by = 1;  // level pixels per working pixel
};

// The template of the JPEG at scale `s` (JPEG pixels per working pixel) for a level: the
// layout image `t` (of a full layout size tw0 × th0) resized, its margins cut.
struct Template {
    cv::Mat image;
    int width = 0, height = 0, cx = 0, cy = 0;  // the resized layout, and the cut
};

bool makeTemplate(const cv::Mat& t, int tw0, int th0, double s, const Level& level, Template& out) {
    out.width = int(std::lround(tw0 * level.bx / s));
    out.height = int(std::lround(th0 * level.by / s));
    out.cx = int(std::lround(kTemplateMargin * out.width));
    out.cy = int(std::lround(kTemplateMargin * out.height));
    const int w = out.width - 2 * out.cx, h = out.height - 2 * out.cy;
    if (w < 12 || h < 12 || w > level.base.cols || h > level.base.rows) return false;
    cv::Mat resized;
    cv::resize(t, resized, cv::Size(out.width, out.height), 0, 0,
               out.width < t.cols ? cv::INTER_AREA : cv::INTER_LINEAR);
    out.image = resized(cv::Rect(out.cx, out.cy, w, h)).clone();
    return true;
}

// Where template pixel (i, j) lands at level pixel (lx + i, ly + j): the hypothesis.
void hypothesisFrom(const Template& t, int tw0, int th0, const Level& level, double lx, double ly,
                    Hypothesis& h) {
    const double kx = double(tw0) / t.width, ky = double(th0) / t.height;
    h.sx = level.bx * kx;
    h.sy = level.by * ky;
    h.tx = (0.5 * level.bx - lx + t.cx) * kx - 0.5;
    h.ty = (0.5 * level.by - ly + t.cy) * ky - 0.5;
}

// Its inverse: where a hypothesis puts the template's corner at this level.
void predictedCorner(const Template& t, int tw0, int th0, const Level& level, const Hypothesis& h,
                     double& lx, double& ly) {
    lx = 0.5 * level.bx + t.cx - (h.tx + 0.5) * t.width / double(tw0);
    ly = 0.5 * level.by + t.cy - (h.ty + 0.5) * t.height / double(th0);
}

double parabolaPeak(float l, float c, float r) {
    const double d = double(l) - 2.0 * c + r;
    if (d >= 0) return 0;
    return std::clamp(0.5 * (double(l) - r) / d, -0.5, 0.5);
}

// Normalised cross-correlation of the template `t` with `b`, its corner at every position of
// [x0, x0 + nx) × [y0, y0 + ny) (which must keep it inside `b`): what matchTemplate's
// TM_CCOEFF_NORMED gives, computed directly, which for a few dozen positions of a large
// template costs a fraction of matchTemplate's transforms.
cv::Mat nccWindow(const cv::Mat& b, const cv::Mat& t, int x0, int y0, int nx, int ny) {
    double st = 0, stt = 0;
    for (int y = 0; y < t.rows; ++y) {
        const float* p = t.ptr<float>(y);
        for (int x = 0; x < t.cols; ++x) st += p[x], stt += double(p[x]) * p[x];
    }
    const double n = double(t.rows) * t.cols, mt = st / n, vt = stt - n * mt * mt;
    cv::Mat out(ny, nx, CV_32F);
    parallelFor(
        0, nx * ny,
        [&](int i0, int i1) {
            for (int i = i0; i < i1; ++i) {
                const int px = x0 + i % nx, py = y0 + i / nx;
                double sb = 0, sbb = 0, sbt = 0;
                for (int y = 0; y < t.rows; ++y) {
                    const float* pb = b.ptr<float>(py + y) + px;
                    const float* pt = t.ptr<float>(y);
                    float rb = 0, rbb = 0, rbt = 0;
                    for (int x = 0; x < t.cols; ++x) {
                        rb += pb[x];
                        rbb += pb[x] * pb[x];
                        rbt += pb[x] * pt[x];
                    }
                    sb += rb, sbb += rbb, sbt += rbt;
                }
                const double mb = sb / n, vb = sbb - n * mb * mb;
                const double d = std::sqrt(std::max(vb * vt, 1e-30));
                out.at<float>(i / nx, i % nx) = float((sbt - n * mb * mt) / d);
            }
        },
        4);
    return out;
}

// Refines a hypothesis at a level: scales s·ratio^k (k = −2 … 2) and positions within
// `radius` pixels of where it predicts.
Hypothesis refine(const Hypothesis& h, const cv::Mat& layout, int tw0, int th0, const Level& level,
                  double ratio, int radius, bool subpixel) {
    Hypothesis best = h;
    best.score = -2;
    const double s0 = std::sqrt(h.sx * h.sy);  // JPEG pixels per working pixel
    for (int k = -2; k <= 2; ++k) {
        const double s = s0 * std::pow(ratio, k);
        Template t;
        if (!makeTemplate(layout, tw0, th0, s, level, t)) continue;
        double px, py;
        predictedCorner(t, tw0, th0, level, h, px, py);
        const int x0 = std::max(0, int(std::floor(px)) - radius);
        const int y0 = std::max(0, int(std::floor(py)) - radius);
        const int x1 = std::min(level.base.cols, int(std::floor(px)) + radius + 1 + t.image.cols);
        const int y1 = std::min(level.base.rows, int(std::floor(py)) + radius + 1 + t.image.rows);
        if (x1 - x0 < t.image.cols || y1 - y0 < t.image.rows) continue;
        const cv::Mat result = nccWindow(level.base, t.image, x0, y0, x1 - x0 - t.image.cols + 1,
                                         y1 - y0 - t.image.rows + 1);
        double maxVal;
        cv::Point loc;
        cv::minMaxLoc(result, nullptr, &maxVal, nullptr, &loc);
        if (maxVal <= best.score) continue;
        double lx = x0 + loc.x, ly = y0 + loc.y;
        if (subpixel) {
            if (loc.x > 0 && loc.x + 1 < result.cols)
                lx +=
                    parabolaPeak(result.at<float>(loc.y, loc.x - 1), result.at<float>(loc.y, loc.x),
                                 result.at<float>(loc.y, loc.x + 1));
            if (loc.y > 0 && loc.y + 1 < result.rows)
                ly +=
                    parabolaPeak(result.at<float>(loc.y - 1, loc.x), result.at<float>(loc.y, loc.x),
                                 result.at<float>(loc.y + 1, loc.x));
        }
        Hypothesis c = h;
        hypothesisFrom(t, tw0, th0, level, lx, ly, c);
        c.score = maxVal;
        best = c;
    }
    return best.score > -2 ? best : h;
}

Level levelOf(const cv::Mat& workLuma, int longEdge) {
    Level l;
    l.base = shrunk(workLuma, longEdge);
    l.bx = double(l.base.cols) / workLuma.cols;
    l.by = double(l.base.rows) / workLuma.rows;
    return l;
}

// The correlation of the gradient magnitudes of the base and of the JPEG warped onto it,
// where the JPEG covers the base.
double structureCorrelation(const cv::Mat& baseLuma, const cv::Mat& jpegFull, Affine a) {
    cv::Mat jpegLuma = jpegFull;
    const double scale = std::hypot(a.a[0], a.a[3]);
    if (scale > 1.5) {  // shrunk first, so the bilinear warp does not alias
        const cv::Size size(std::max(1, int(std::lround(jpegFull.cols / scale))),
                            std::max(1, int(std::lround(jpegFull.rows / scale))));
        cv::resize(jpegFull, jpegLuma, size, 0, 0, cv::INTER_AREA);
        const double kx = double(size.width) / jpegFull.cols,
                     ky = double(size.height) / jpegFull.rows;
        a = Affine{{kx, 0, 0.5 * kx - 0.5, 0, ky, 0.5 * ky - 0.5}}.after(a);
    }
    const cv::Mat m = (cv::Mat_<double>(2, 3) << a.a[0], a.a[1], a.a[2], a.a[3], a.a[4], a.a[5]);
    cv::Mat warped, covered;
    cv::warpAffine(jpegLuma, warped, m, baseLuma.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_CONSTANT, cv::Scalar(-1));
    cv::threshold(warped, covered, -0.5, 255, cv::THRESH_BINARY);
    covered.convertTo(covered, CV_8U);
    cv::erode(covered, covered, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(7, 7)));
    const auto edges = [](const cv::Mat& luma) {
        cv::Mat smooth, gx, gy, mag;
        cv::GaussianBlur(luma, smooth, cv::Size(0, 0), 1.0);
        cv::Sobel(smooth, gx, CV_32F, 1, 0);
        cv::Sobel(smooth, gy, CV_32F, 0, 1);
        cv::magnitude(gx, gy, mag);
        return mag;
    };
    const cv::Mat ga = edges(baseLuma), gb = edges(warped);
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, n = 0;
    for (int y = 0; y < ga.rows; ++y) {
        const float* pa = ga.ptr<float>(y);
        const float* pb = gb.ptr<float>(y);
        const auto* c = covered.ptr<std::uint8_t>(y);
        for (int x = 0; x < ga.cols; ++x) {
            if (!c[x]) continue;
            sa += pa[x], sb += pb[x], saa += double(pa[x]) * pa[x], sbb += double(pb[x]) * pb[x];
            sab += double(pa[x]) * pb[x];
            n += 1;
        }
    }
    if (n < 100) return 0;
    const double cov = sab / n - sa * sb / (n * n);
    const double va = saa / n - sa * sa / (n * n), vb = sbb / n - sb * sb / (n * n);
    return cov / std::sqrt(std::max(va * vb, 1e-30));
}

}  // namespace

ExampleRegistration registerExample(ConstImageView base, ConstImageView finished,
                                    const std::string& rawName, const std::string& jpegName,
                                    double minCorrelation) {
    if (base.empty() || base.channels != 3 || finished.empty() || finished.channels != 3)
        throw Error(jpegName, "registration needs two RGB pictures");
    const cv::Mat workLuma = encodedLuma(asMat(base));
    const cv::Mat jpegLuma = encodedLuma(asMat(finished));
    const int baseLong = std::max(workLuma.cols, workLuma.rows);
    const int jpegLong = std::max(jpegLuma.cols, jpegLuma.rows);

    // Levels: 160 px, then doubling up to the working size.
    std::vector<int> edges = {std::min(kCoarseLongEdge, baseLong)};
    while (edges.back() * 2 < baseLong) edges.push_back(edges.back() * 2);
    if (edges.back() != baseLong) edges.push_back(baseLong);

    // 1. Every layout and scale at the coarsest level.
    const Level coarse = levelOf(workLuma, edges.front());
    const cv::Mat jpegCoarse = shrunk(jpegLuma, 3 * edges.front());
    std::vector<Hypothesis> found;
    const double sMin = jpegLong / (kMaxCover * baseLong), sMax = jpegLong / (kMinCover * baseLong);
    for (int layout = 0; layout < 8; ++layout) {
        const int q = layout / 2;
        const bool mirrored = layout % 2;
        const cv::Mat t = inLayout(jpegCoarse, q, mirrored);
        const int tw0 = q % 2 ? finished.height : finished.width;
        const int th0 = q % 2 ? finished.width : finished.height;
        for (double s = sMin; s <= sMax * 1.0001; s *= 1.035) {
            Template tp;
            if (!makeTemplate(t, tw0, th0, s, coarse, tp)) continue;
            cv::Mat result;
            cv::matchTemplate(coarse.base, tp.image, result, cv::TM_CCOEFF_NORMED);
            double maxVal;
            cv::Point loc;
            cv::minMaxLoc(result, nullptr, &maxVal, nullptr, &loc);
            Hypothesis h;
            h.q = q;
            h.mirrored = mirrored;
            hypothesisFrom(tp, tw0, th0, coarse, loc.x, loc.y, h);
            h.score = maxVal;
            found.push_back(h);
        }
    }
    if (found.empty()) throw Error(jpegName, "is too small to register against " + rawName);
    std::sort(found.begin(), found.end(),
              [](const Hypothesis& a, const Hypothesis& b) { return a.score > b.score; });
    // The best few distinct ones: another layout, or a scale 10 % away.
    std::vector<Hypothesis> candidates;
    for (const Hypothesis& h : found) {
        bool distinct = true;
        for (const Hypothesis& c : candidates)
            if (c.q == h.q && c.mirrored == h.mirrored && std::abs(std::log(c.sx / h.sx)) < 0.1)
                distinct = false;
        if (distinct) candidates.push_back(h);
        if (candidates.size() == 4) break;
    }

    // 2. Refined level by level.
    for (std::size_t li = 1; li < edges.size(); ++li) {
        const Level level = levelOf(workLuma, edges[li]);
        const cv::Mat jpegLevel = shrunk(jpegLuma, 2 * edges[li]);
        const bool last = li + 1 == edges.size();
        const double ratio = last ? 1.004 : li == 1 ? 1.02 : 1.01;
        for (Hypothesis& h : candidates) {
            const cv::Mat t = inLayout(jpegLevel, h.q, h.mirrored);
            const int tw0 = h.q % 2 ? finished.height : finished.width;
            const int th0 = h.q % 2 ? finished.width : finished.height;
            h = refine(h, t, tw0, th0, level, ratio, last ? 3 : 4, last);
            if (last) h = refine(h, t, tw0, th0, level, std::sqrt(ratio), 1, true);
        }
        std::sort(candidates.begin(), candidates.end(),
                  [](const Hypothesis& a, const Hypothesis& b) { return a.score > b.score; });
        // Candidates behind the best are not worth the finer levels: at 320 px the right one
        // stands out (wrong layouts and scales fall well behind as the detail grows).
        const double behind = li == 1 ? 0.1 : 0.03;
        while (candidates.size() > 1 && candidates.back().score < candidates.front().score - behind)
            candidates.pop_back();
        if (candidates.size() > 2) candidates.resize(2);
    }
    const Hypothesis& best = candidates.front();

    ExampleRegistration r;
    r.quarterTurns = best.q;
    r.mirrored = best.mirrored;
    r.scale = std::sqrt(best.sx * best.sy);
    r.correlation = best.score;
    const Affine toSource = layoutToSource(best.q, best.mirrored, finished.width, finished.height);
    const Affine full = toSource.after(Affine{{best.sx, 0, best.tx, 0, best.sy, best.ty}});
    std::copy(full.a.begin(), full.a.end(), r.affine);
    // Share of our frame the JPEG covers.
    int inside = 0, total = 0;
    for (int j = 0; j < 64; ++j)
        for (int i = 0; i < 64; ++i) {
            const double x = (i + 0.5) / 64 * base.width - 0.5,
                         y = (j + 0.5) / 64 * base.height - 0.5;
            const double u = full.a[0] * x + full.a[1] * y + full.a[2];
            const double v = full.a[3] * x + full.a[4] * y + full.a[5];
            inside +=
                u >= -0.5 && v >= -0.5 && u <= finished.width - 0.5 && v <= finished.height - 0.5;
            ++total;
        }
    r.coverage = double(inside) / total;
    r.structure = structureCorrelation(workLuma, jpegLuma, full);
    // Many layouts, scales and places were tried, so two unrelated pictures find a placement
    // where their luminances correlate somewhat (0.5 is not rare); the structure (gradient
    // magnitude) of a different picture does not line up anywhere.
    if (!(r.correlation >= minCorrelation) || !(r.structure >= kMinStructure)) {
        char figures[160];
        std::snprintf(figures, sizeof figures,
                      "after the best registration found, its picture correlates with the "
                      "raw's at %.2f and its edges at %.2f (a matching pair reaches %.2f and "
                      "%.2f or more)",
                      r.correlation, r.structure, minCorrelation, kMinStructure);
        throw Error(jpegName, "does not show the same shot as " + rawName + ": " + figures +
                                  ". Is it the JPEG of another photograph?");
    }
    return r;
}

namespace {

// The JPEG, warped into the base rendering's frame (linear Rec.2020), and which of its
// pixels lie inside the JPEG at least `margin` pixels from its edges.
void warpToBase(ConstImageView finished, const ExampleRegistration& r, int width, int height,
                int margin, cv::Mat& warped, cv::Mat& inside) {
    cv::Mat src = asMat(finished);
    Affine a{{r.affine[0], r.affine[1], r.affine[2], r.affine[3], r.affine[4], r.affine[5]}};
    // A JPEG much larger than our rendering is shrunk first so the bilinear warp does not alias.
    if (r.scale > 1.5) {
        const int w = std::max(1, int(std::lround(finished.width / r.scale)));
        const int h = std::max(1, int(std::lround(finished.height / r.scale)));
        cv::Mat small;
        cv::resize(src, small, cv::Size(w, h), 0, 0, cv::INTER_AREA);
        const double kx = double(w) / finished.width, ky = double(h) / finished.height;
        a = Affine{{kx, 0, 0.5 * kx - 0.5, 0, ky, 0.5 * ky - 0.5}}.after(a);
        src = small;
    }
    const cv::Mat m = (cv::Mat_<double>(2, 3) << a.a[0], a.a[1], a.a[2], a.a[3], a.a[4], a.a[5]);
    cv::warpAffine(src, warped, m, cv::Size(width, height), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REPLICATE);
    inside = cv::Mat(height, width, CV_8U);
    const double edge = margin * std::hypot(a.a[0], a.a[3]);  // the margin in JPEG pixels
    for (int y = 0; y < height; ++y) {
        auto* d = inside.ptr<std::uint8_t>(y);
        for (int x = 0; x < width; ++x) {
            const double u = a.a[0] * x + a.a[1] * y + a.a[2];
            const double v = a.a[3] * x + a.a[4] * y + a.a[5];
            const bool in = u >= edge && v >= edge && u <= src.cols - 1 - edge &&
                            v <= src.rows - 1 - edge && x >= margin && y >= margin &&
                            x < width - margin && y < height - margin;
            d[x] = in ? 255 : 0;
        }
    }
}

// Shifts of up to kTileSearch pixels, tile by tile, that bring the warped JPEG onto the base;
// applied by remapping. `good` marks the tiles that can be trusted: flat ones, and textured
// ones whose best shift correlates well.
void alignTiles(const cv::Mat& baseLuma, cv::Mat& warped, const cv::Mat& inside, cv::Mat& good,
                int& textured, int& aligned) {
    const cv::Mat jpegLuma = encodedLuma(warped);
    const int tx = (baseLuma.cols + kTile - 1) / kTile, ty = (baseLuma.rows + kTile - 1) / kTile;
    cv::Mat shift(ty, tx, CV_32FC2, cv::Scalar(0, 0));
    cv::Mat known(ty, tx, CV_8U, cv::Scalar(0));
    good = cv::Mat(ty, tx, CV_8U, cv::Scalar(255));
    textured = aligned = 0;
    for (int j = 0; j < ty; ++j)
        for (int i = 0; i < tx; ++i) {
            const cv::Rect tile(i * kTile, j * kTile, std::min(kTile, baseLuma.cols - i * kTile),
                                std::min(kTile, baseLuma.rows - j * kTile));
            if (tile.width < kTile || tile.height < kTile) continue;
            if (cv::countNonZero(inside(tile)) < tile.area()) continue;
            cv::Scalar mb, sb, mj, sj;
            cv::meanStdDev(baseLuma(tile), mb, sb);
            cv::meanStdDev(jpegLuma(tile), mj, sj);
            if (sb[0] < kTileTexture || sj[0] < kTileTexture) continue;
            ++textured;
            const cv::Rect around =
                cv::Rect(tile.x - kTileSearch, tile.y - kTileSearch, tile.width + 2 * kTileSearch,
                         tile.height + 2 * kTileSearch) &
                cv::Rect(0, 0, baseLuma.cols, baseLuma.rows);
            if (around.width < tile.width + 2 || around.height < tile.height + 2) continue;
            cv::Mat result;
            cv::matchTemplate(baseLuma(around), jpegLuma(tile), result, cv::TM_CCOEFF_NORMED);
            double maxVal;
            cv::Point loc;
            cv::minMaxLoc(result, nullptr, &maxVal, nullptr, &loc);
            if (maxVal < kTileMatch) {
                good.at<std::uint8_t>(j, i) = 0;
                continue;
            }
            ++aligned;
            double dx = around.x + loc.x - tile.x, dy = around.y + loc.y - tile.y;
            if (loc.x > 0 && loc.x + 1 < result.cols)
                dx += parabolaPeak(result.at<float>(loc.y, loc.x - 1), result.at<float>(loc),
                                   result.at<float>(loc.y, loc.x + 1));
            if (loc.y > 0 && loc.y + 1 < result.rows)
                dy += parabolaPeak(result.at<float>(loc.y - 1, loc.x), result.at<float>(loc),
                                   result.at<float>(loc.y + 1, loc.x));
            shift.at<cv::Vec2f>(j, i) = cv::Vec2f(float(dx), float(dy));
            known.at<std::uint8_t>(j, i) = 1;
        }
    if (aligned == 0) return;
    // Tiles without a shift of their own take their neighbours' (flat areas between textured
    // ones, where the shift hardly matters but should not jump).
    for (int pass = 0; pass < std::max(tx, ty); ++pass) {
        bool missing = false;
        cv::Mat next = known.clone();
        for (int j = 0; j < ty; ++j)
            for (int i = 0; i < tx; ++i) {
                if (known.at<std::uint8_t>(j, i)) continue;
                cv::Vec2f sum(0, 0);
                int n = 0;
                for (int dj = -1; dj <= 1; ++dj)
                    for (int di = -1; di <= 1; ++di) {
                        const int a = i + di, b = j + dj;
                        if (a < 0 || b < 0 || a >= tx || b >= ty || !known.at<std::uint8_t>(b, a))
                            continue;
                        sum += shift.at<cv::Vec2f>(b, a);
                        ++n;
                    }
                if (n) {
                    shift.at<cv::Vec2f>(j, i) = sum / float(n);
                    next.at<std::uint8_t>(j, i) = 1;
                } else {
                    missing = true;
                }
            }
        known = next;
        if (!missing) break;
    }
    // The content at base pixel p is found in the warped JPEG at p − shift.
    cv::Mat field;
    cv::resize(shift, field, cv::Size(tx * kTile, ty * kTile), 0, 0, cv::INTER_LINEAR);
    cv::Mat map(baseLuma.rows, baseLuma.cols, CV_32FC2);
    for (int y = 0; y < baseLuma.rows; ++y) {
        const auto* f = field.ptr<cv::Vec2f>(y);
        auto* m = map.ptr<cv::Vec2f>(y);
        for (int x = 0; x < baseLuma.cols; ++x) m[x] = cv::Vec2f(float(x), float(y)) - f[x];
    }
    cv::Mat remapped;
    cv::remap(warped, remapped, map, cv::noArray(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    warped = remapped;
}

// Look-encoded copy of linear Rec.2020.
cv::Mat encoded(const cv::Mat& linear) {
    cv::Mat out(linear.rows, linear.cols, CV_32FC3);
    parallelFor(0, linear.rows, [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            const float* p = linear.ptr<float>(y);
            float* d = out.ptr<float>(y);
            for (int i = 0; i < linear.cols * 3; ++i) d[i] = lookEncode(float(clamp01(p[i])));
        }
    });
    return out;
}

}  // namespace

ExampleSamples exampleSamples(ConstImageView base, ConstImageView finished,
                              const ExampleRegistration& registration, const std::string& rawName,
                              const std::string& jpegName) {
    ExampleSamples out;
    const int w = base.width, h = base.height;
    const int margin = std::max(4, int(std::lround(0.02 * std::max(w, h))));
    cv::Mat warped, inside;
    warpToBase(finished, registration, w, h, margin, warped, inside);
    const cv::Mat baseLinear = asMat(base);
    const cv::Mat baseLuma = encodedLuma(baseLinear);
    cv::Mat goodTiles;
    alignTiles(baseLuma, warped, inside, goodTiles, out.texturedTiles, out.alignedTiles);

    const cv::Mat be = encoded(baseLinear), fe = encoded(warped);
    cv::Mat bs, fs;
    cv::blur(be, bs, cv::Size(5, 5));
    cv::blur(fe, fs, cv::Size(5, 5));
    const auto gradient = [](const cv::Mat& rgb) {
        cv::Mat luma(rgb.rows, rgb.cols, CV_32F);
        for (int y = 0; y < rgb.rows; ++y) {
            const float* p = rgb.ptr<float>(y);
            float* d = luma.ptr<float>(y);
            for (int x = 0; x < rgb.cols; ++x, p += 3)
                d[x] = 0.2627f * p[0] + 0.6780f * p[1] + 0.0593f * p[2];
        }
        cv::Mat gx, gy, mag;
        cv::Sobel(luma, gx, CV_32F, 1, 0, 3, 1.0 / 8);
        cv::Sobel(luma, gy, CV_32F, 0, 1, 3, 1.0 / 8);
        cv::magnitude(gx, gy, mag);
        return mag;
    };
    const cv::Mat gb = gradient(bs), gf = gradient(fs);

    // Clipped: the JPEG at its white in any channel, or at black in all, judged as sRGB (what
    // a JPEG without a profile holds); the base at the tone stage's white. Grown by the blur's
    // reach, so no averaged value has a clipped pixel in it.
    static const Mat3 srgbFromRec2020 = mul(inverse(xyzFromLinearSRGB()), xyzFromLinearRec2020());
    cv::Mat clipped(h, w, CV_8U);
    for (int y = 0; y < h; ++y) {
        const float* f = warped.ptr<float>(y);
        const float* b = baseLinear.ptr<float>(y);
        auto* c = clipped.ptr<std::uint8_t>(y);
        for (int x = 0; x < w; ++x, f += 3, b += 3) {
            const Vec3 s = mul(srgbFromRec2020, Vec3{f[0], f[1], f[2]});
            const double hi = std::max({s[0], s[1], s[2]});
            const bool jpegClip = hi >= 0.95 || hi <= 0.0012;  // ≥ 250/255, ≤ 4/255 encoded
            const bool baseClip = std::max({b[0], b[1], b[2]}) >= 0.985f;
            c[x] = jpegClip || baseClip ? 255 : 0;
        }
    }
    cv::dilate(clipped, clipped, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(5, 5)));

    // Pixels that pass, on every other row and column (neighbours are not independent).
    std::vector<cv::Point> chosen;
    std::size_t candidates = 0;
    for (double limit = 0.008; limit <= 0.0641; limit *= 2) {
        chosen.clear();
        candidates = 0;
        for (int y = 0; y < h; y += 2) {
            const auto* in = inside.ptr<std::uint8_t>(y);
            const auto* cl = clipped.ptr<std::uint8_t>(y);
            const float* g1 = gb.ptr<float>(y);
            const float* g2 = gf.ptr<float>(y);
            for (int x = 0; x < w; x += 2) {
                if (!in[x] || cl[x] || !goodTiles.at<std::uint8_t>(y / kTile, x / kTile)) continue;
                ++candidates;
                if (g1[x] < limit && g2[x] < limit) chosen.emplace_back(x, y);
            }
        }
        if (chosen.size() * 4 >= candidates) break;  // a quarter of the usable area is flat
    }
    out.pixels = chosen.size();
    if (chosen.size() < 400)
        throw Error(jpegName, "has too few usable pixels to learn from against " + rawName + " (" +
                                  std::to_string(chosen.size()) +
                                  " well-aligned, unclipped, flat pixels; at least 400 are "
                                  "needed): is it mostly clipped, or a different shot?");

    // Averaged in bins of base colour (64 a side), in two passes: the second leaves out
    // pixels far from their bin's first mean (a moving subject, a reflection, a misaligned
    // edge).
    constexpr int kBins = 64;
    struct Bin {
        double b[3] = {0, 0, 0}, t[3] = {0, 0, 0}, tt = 0;
        double n = 0;
    };
    std::vector<Bin> first(std::size_t(kBins) * kBins * kBins), second(first.size());
    const auto binOf = [&](const float* b) {
        int i[3];
        for (int c = 0; c < 3; ++c) i[c] = std::clamp(int(b[c] * kBins), 0, kBins - 1);
        return std::size_t(i[0] + kBins * (i[1] + kBins * i[2]));
    };
    for (const cv::Point& p : chosen) {
        const float* b = bs.ptr<float>(p.y) + 3 * p.x;
        const float* t = fs.ptr<float>(p.y) + 3 * p.x;
        Bin& bin = first[binOf(b)];
        for (int c = 0; c < 3; ++c) bin.t[c] += t[c], bin.tt += double(t[c]) * t[c];
        bin.n += 1;
    }
    for (const cv::Point& p : chosen) {
        const float* b = bs.ptr<float>(p.y) + 3 * p.x;
        const float* t = fs.ptr<float>(p.y) + 3 * p.x;
        const std::size_t k = binOf(b);
        const Bin& f = first[k];
        double mean[3], var = f.tt / f.n, d2 = 0;
        for (int c = 0; c < 3; ++c) {
            mean[c] = f.t[c] / f.n;
            var -= mean[c] * mean[c];
            d2 += (t[c] - mean[c]) * (t[c] - mean[c]);
        }
        const double limit = std::max(0.02, 2.5 * std::sqrt(std::max(0.0, var)));
        if (d2 > limit * limit) continue;
        Bin& bin = second[k];
        for (int c = 0; c < 3; ++c) bin.b[c] += b[c], bin.t[c] += t[c];
        bin.n += 1;
    }
    for (const Bin& bin : second) {
        if (bin.n == 0) continue;
        ColorSample s;
        for (int c = 0; c < 3; ++c) s.base[c] = bin.b[c] / bin.n, s.target[c] = bin.t[c] / bin.n;
        s.weight = bin.n;
        out.samples.push_back(s);
    }
    return out;
}

}  // namespace rf
