// SPDX-License-Identifier: GPL-3.0-or-later
// Output sizes as photographers write them: a long edge ("2048", "long:2048"), a short edge
// ("short:1080"), a box to fit inside ("1920x1080") or a pixel budget ("12mp"). Every mode
// keeps the aspect ratio and, unless asked, never enlarges: upscaling invents no detail and
// a web export of a small crop should stay the crop's size.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "rangefinder/error.h"
#include "rangefinder/resample.h"

namespace rf {

namespace {

[[noreturn]] void badSize(const std::string& s) {
    throw Error("invalid output size '" + s +
                "': expected e.g. 2048, long:2048, short:1080, 1920x1080, 12mp or original");
}

// A positive decimal integer filling all of t, or -1.
int parsePositiveInt(const std::string& t) {
    if (t.empty() || t.size() > 6) return -1;
    int v = 0;
    for (char ch : t) {
        if (!std::isdigit(static_cast<unsigned char>(ch))) return -1;
        v = v * 10 + (ch - '0');
    }
    return v > 0 ? v : -1;
}

}  // namespace

OutputSize outputSizeFromString(const std::string& s) {
    std::string t;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto ch = static_cast<unsigned char>(s[i]);
        // "1920×1080" as typed on a Mac: the UTF-8 multiplication sign counts as an x.
        if (ch == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x97) {
            t += 'x';
            ++i;
        } else if (!std::isspace(ch)) {
            t += char(std::tolower(ch));
        }
    }
    OutputSize out;
    if (t == "original" || t == "full") return out;

    const auto edge = [&](const std::string& prefix, SizeMode mode) {
        if (t.rfind(prefix, 0) != 0) return false;
        const int v = parsePositiveInt(t.substr(prefix.size()));
        if (v < 0) badSize(s);
        out.mode = mode;
        out.a = v;
        return true;
    };
    if (edge("long:", SizeMode::LongEdge) || edge("short:", SizeMode::ShortEdge)) return out;

    if (t.size() > 2 && t.compare(t.size() - 2, 2, "mp") == 0) {
        const std::string num = t.substr(0, t.size() - 2);
        std::size_t used = 0;
        double mp = 0;
        try {
            mp = std::stod(num, &used);
        } catch (const std::exception&) {
            badSize(s);
        }
        if (used != num.size() || !std::isfinite(mp) || mp <= 0 || mp > 10000) badSize(s);
        out.mode = SizeMode::Megapixels;
        out.megapixels = mp;
        return out;
    }

    const auto x = t.find('x');
    if (x != std::string::npos) {
        const int w = parsePositiveInt(t.substr(0, x));
        const int h = parsePositiveInt(t.substr(x + 1));
        if (w < 0 || h < 0) badSize(s);
        out.mode = SizeMode::Fit;
        out.a = w;
        out.b = h;
        return out;
    }

    const int v = parsePositiveInt(t);
    if (v < 0) badSize(s);
    out.mode = SizeMode::LongEdge;
    out.a = v;
    return out;
}

void targetSize(int width, int height, const OutputSize& size, int& outWidth, int& outHeight) {
    outWidth = std::max(1, width);
    outHeight = std::max(1, height);
    if (width <= 0 || height <= 0) return;
    const double w = width, h = height;
    double scale = 1;
    switch (size.mode) {
        case SizeMode::Original:
            return;
        case SizeMode::LongEdge:
            scale = size.a / std::max(w, h);
            break;
        case SizeMode::ShortEdge:
            scale = size.a / std::min(w, h);
            break;
        case SizeMode::Fit:
            scale = std::min(size.a / w, size.b / h);
            break;
        case SizeMode::Megapixels:
            scale = std::sqrt(size.megapixels * 1e6 / (w * h));
            break;
    }
    if (!(scale > 0) || !std::isfinite(scale)) return;
    if (!size.allowUpscale) scale = std::min(scale, 1.0);
    outWidth = std::max(1, int(std::lround(w * scale)));
    outHeight = std::max(1, int(std::lround(h * scale)));
    // The constrained edge must land exactly on the requested value, whatever the rounding.
    if (scale != 1.0) {
        if (size.mode == SizeMode::LongEdge || size.mode == SizeMode::ShortEdge) {
            const bool wide = width >= height;
            int& e = (size.mode == SizeMode::LongEdge) == wide ? outWidth : outHeight;
            e = size.a;
        } else if (size.mode == SizeMode::Fit) {
            outWidth = std::min(outWidth, size.a);
            outHeight = std::min(outHeight, size.b);
        }
    }
}

}  // namespace rf
