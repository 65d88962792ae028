// SPDX-License-Identifier: GPL-3.0-or-later
// Learning a look from raw + JPEG pairs (look_learn.h): the base rendering through the one
// pipeline, the JPEG read through its profile, each pair registered and sampled
// (learn_register.cpp), the samples of every pair fitted as one look (learn_fit.cpp), and the
// result written as an ordinary look file with its LUT beside it.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

#include "color/lcms_adapter.h"
#include "io/jpeg_reader.h"
#include "look/look_internal.h"
#include "rangefinder/error.h"
#include "rangefinder/look_learn.h"
#include "rangefinder/tone.h"

namespace fs = std::filesystem;

namespace rf {

namespace {

constexpr const char* kLutEncoding = "rec2020";  // the look's own encoding: no conversion

Vec3 labOfLinear(const Vec3& linearRec2020) {
    static const Mat3 toXyz = xyzFromLinearRec2020();
    return xyzToLab(mul(toXyz, linearRec2020), kD65);
}

Vec3 linearOf(const Vec3& encoded) {
    return {lookDecode(float(encoded[0])), lookDecode(float(encoded[1])),
            lookDecode(float(encoded[2]))};
}

// Mean CIEDE2000 of the samples, each weighted by its pixels: the base as the learned look
// renders it (or as it is), against the target.
void sampleDeltaE(const std::vector<ColorSample>& samples, const LearnedLook& learned,
                  double& fitted, double& base) {
    const look::ColorModel model(LookParams::from(learned.params));
    double sumFit = 0, sumBase = 0, weight = 0;
    for (const ColorSample& s : samples) {
        Vec3 lin = model.linear(s.base);
        if (!learned.lut.empty()) {
            Vec3 in;
            for (int c = 0; c < 3; ++c) in[std::size_t(c)] = lookEncode(float(lin[std::size_t(c)]));
            lin = linearOf(learned.lut.sample(in));
            for (double& v : lin) v = std::clamp(v, 0.0, 1.0);
        }
        const Vec3 want = labOfLinear(linearOf(s.target));
        sumFit += s.weight * deltaE2000(labOfLinear(lin), want);
        sumBase += s.weight * deltaE2000(labOfLinear(linearOf(s.base)), want);
        weight += s.weight;
    }
    fitted = weight > 0 ? sumFit / weight : 0;
    base = weight > 0 ? sumBase / weight : 0;
}

std::string fileName(const std::string& path) {
    return fs::path(path).filename().string();
}

// The JPEG of a pair as its look's description names it.
std::string describedJpeg(const ExampleReport& r) {
    return r.jpeg == r.raw + " (embedded JPEG)" ? std::string("its embedded JPEG")
                                                : fileName(r.jpeg);
}

// A paragraph broken into lines of at most `width` bytes at spaces, as the shipped looks'
// descriptions are written.
std::string wrapped(const std::string& text, std::size_t width = 90) {
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.clear();
        }
        if (!line.empty()) line += ' ';
        line += word;
        start = end + 1;
    }
    return out + line;
}

}  // namespace

Image lookInputRendering(Pipeline& pipeline, const EditDocument& edits, int longEdge,
                         const CancelToken* cancel) {
    const EditDocument e = withoutLook(edits);
    OutputSize size;
    size.mode = SizeMode::LongEdge;
    size.a = longEdge;
    Image img = pipeline.sceneLinear(e, size, cancel);
    applyTone(img.view(), pipeline.toneParams(e), cancel);
    return img;
}

namespace {

Image toWorking(jpeg::Decoded d, const std::string& what) {
    if (!d.icc.empty()) {
        lcms::toWorkingSpace(d.icc, d.rgb.view(), what);
        return std::move(d.rgb);
    }
    // No profile: sRGB, as every camera and phone writes without one.
    static const Mat3 toWorking = mul(inverse(xyzFromLinearRec2020()), xyzFromLinearSRGB());
    Image& img = d.rgb;
    parallelFor(0, img.height(), [&](int y0, int y1) {
        for (int y = y0; y < y1; ++y) {
            float* p = img.row(y);
            for (int x = 0; x < img.width(); ++x, p += 3) {
                const Vec3 lin =
                    mul(toWorking, Vec3{srgbDecode(p[0]), srgbDecode(p[1]), srgbDecode(p[2])});
                for (int c = 0; c < 3; ++c) p[c] = float(lin[std::size_t(c)]);
            }
        }
    });
    return std::move(d.rgb);
}

}  // namespace

Image readFinishedJpeg(const std::string& path, int minLongEdge) {
    return toWorking(jpeg::read(path, minLongEdge), path);
}

Image embeddedFinishedJpeg(const std::string& rawPath, int minLongEdge) {
    const std::vector<std::uint8_t> bytes = extractPreview(rawPath);
    if (bytes.empty()) throw Error(rawPath, "holds no embedded JPEG to learn from");
    const std::string what = rawPath + " (embedded JPEG)";
    return toWorking(jpeg::decode(bytes, what, minLongEdge), what);
}

LearnedLook learnLook(const std::vector<ExamplePair>& pairs, const LearnOptions& options) {
    if (pairs.empty()) throw Error("learning a look needs at least one raw and its JPEG");
    const auto progress = [&](double f, const std::string& what) {
        if (options.progress) options.progress(f, what);
    };
    std::vector<ColorSample> all;
    std::vector<ExampleReport> reports;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        const ExamplePair& pair = pairs[i];
        const double f0 = 0.7 * double(i) / double(pairs.size());
        const double step = 0.7 / double(pairs.size());
        progress(f0, "rendering " + fileName(pair.raw));
        auto raw = std::make_shared<const RawImage>(decodeRaw(pair.raw));
        Pipeline pipeline(raw);
        const Image base =
            lookInputRendering(pipeline, EditDocument{}, options.workLongEdge, options.cancel);
        const std::string jpegName = pair.jpeg.empty() ? pair.raw + " (embedded JPEG)" : pair.jpeg;
        progress(f0 + 0.4 * step, "reading " + fileName(jpegName));
        const Image finished = pair.jpeg.empty()
                                   ? embeddedFinishedJpeg(pair.raw, options.workLongEdge)
                                   : readFinishedJpeg(pair.jpeg, options.workLongEdge);
        if (options.cancel) options.cancel->check();
        progress(f0 + 0.5 * step, "registering " + fileName(jpegName));
        ExampleReport report;
        report.raw = pair.raw;
        report.jpeg = jpegName;
        report.registration = registerExample(base.cview(), finished.cview(), pair.raw, jpegName,
                                              options.minCorrelation);
        if (options.cancel) options.cancel->check();
        progress(f0 + 0.8 * step, "sampling " + fileName(pair.jpeg));
        ExampleSamples s = exampleSamples(base.cview(), finished.cview(), report.registration,
                                          pair.raw, pair.jpeg);
        report.pixels = s.pixels;
        report.samples = s.samples.size();
        report.texturedTiles = s.texturedTiles;
        report.alignedTiles = s.alignedTiles;
        ranges.emplace_back(all.size(), all.size() + s.samples.size());
        all.insert(all.end(), s.samples.begin(), s.samples.end());
        reports.push_back(report);
    }
    progress(0.7, "fitting the parameters");
    LearnedLook learned = fitLook(all, options);
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const std::vector<ColorSample> part(all.begin() + std::ptrdiff_t(ranges[i].first),
                                            all.begin() + std::ptrdiff_t(ranges[i].second));
        sampleDeltaE(part, learned, reports[i].fitDeltaE, reports[i].baseDeltaE);
    }
    learned.reports = std::move(reports);
    progress(1.0, "done");
    return learned;
}

EditDocument learnedLookEdits(const LearnedLook& learned, const std::string& lutPath) {
    EditDocument doc = learned.params;
    if (!learned.lut.empty()) {
        writeCube(lutPath, learned.lut, {"Rangefinder: a learned look's residual LUT (preview)"});
        doc.setText("look.lut.file", fs::absolute(lutPath).lexically_normal().string());
        doc.setText("look.lut.encoding", kLutEncoding);
    }
    return doc;
}

Look saveLearnedLook(const LearnedLook& learned, const std::string& name,
                     const std::string& lookPath, bool overwrite) {
    const std::string trimmed = [&] {
        const auto b = name.find_first_not_of(" \t");
        const auto e = name.find_last_not_of(" \t");
        return b == std::string::npos ? std::string() : name.substr(b, e - b + 1);
    }();
    if (trimmed.empty()) throw Error(lookPath, "a learned look needs a name");
    for (unsigned char c : trimmed)
        if (c < 0x20 || c == 0x7f)
            throw Error(lookPath, "the look's name holds a control character; choose another");
    const fs::path path(lookPath);
    const fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    const std::string stem = path.stem().string();
    const fs::path lutRelative = fs::path("luts") / (stem + ".cube");
    const fs::path lutPath = dir / lutRelative;
    std::error_code ec;
    if (!overwrite) {
        if (fs::exists(path, ec))
            throw Error(lookPath, "already exists (choose another name, or overwrite it)");
        if (fs::exists(lutPath, ec))
            throw Error(lutPath.string(), "already exists (choose another name, or overwrite it)");
    }
    fs::create_directories(dir / "luts", ec);
    if (ec) throw Error(dir.string(), "cannot create the look folder: " + ec.message());

    Look look;
    look.name = trimmed;
    look.category = LookCategory::Color;
    look.defaultStrength = 100;
    look.params = learned.params;
    std::string summary, sources;
    for (const ExampleReport& r : learned.reports) {
        sources += (sources.empty() ? "" : ", ") + fileName(r.raw) + " → " + describedJpeg(r);
    }
    const std::size_t n = learned.reports.size();
    summary = "Learned from " +
              (n == 1 ? std::string("an example: ") : std::to_string(n) + " examples: ") + sources;
    std::string details =
        wrapped(
            "A look learned by Rangefinder from raws and the finished JPEGs a camera or phone "
            "made of them: the look's tone and colour parameters where they explain the "
            "difference from Rangefinder's base rendering, and a 3D LUT (" +
            lutRelative.generic_string() + ") for the rest.") +
        "\n";
    for (const ExampleReport& r : learned.reports) {
        char line[512];
        std::snprintf(
            line, sizeof line,
            "%s → %s: mean CIEDE2000 %.2f with the look (%.2f without), from %zu "
            "pixels in %zu colours; correlation %.3f, %s%sscale %.3f, %.0f %% of the "
            "frame.",
            fileName(r.raw).c_str(), describedJpeg(r).c_str(), r.fitDeltaE, r.baseDeltaE, r.pixels,
            r.samples, r.registration.correlation, r.registration.mirrored ? "mirrored, " : "",
            r.registration.quarterTurns
                ? (std::to_string(90 * r.registration.quarterTurns) + "° turned, ").c_str()
                : "",
            r.registration.scale, 100 * r.registration.coverage);
        details += '\n';
        details += wrapped(line);
    }
    look.description = summary + "\n\n" + details;
    if (!learned.lut.empty()) {
        writeCube(lutPath.string(), learned.lut,
                  {"Rangefinder learned look: " + trimmed,
                   "The residual after the look's parameters. Input and output: Rec.2020",
                   "primaries (D65) with the sRGB transfer curve, display-referred (the look's",
                   "own encoding, after Rangefinder's base rendering)."});
        look.params.setText("look.lut.file", lutRelative.generic_string());
        look.params.setText("look.lut.encoding", kLutEncoding);
    }
    saveLook(lookPath, look);
    return loadLook(lookPath);
}

}  // namespace rf
