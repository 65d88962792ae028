// SPDX-License-Identifier: GPL-3.0-or-later
// The harness bodies (see fuzz_targets.h). Readers that take a path (the raw decoder, the
// Hald CLUT reader, the sidecar reader) get the bytes through a file in a private scratch
// folder, $TMPDIR/rf-fuzz-XXXXXX, made once per process. Raws go through a file too rather
// than LibRaw's open_buffer, which reads through another stream class: the front ends only
// ever decode files, through the adapter's budgeted file stream, and that is what is fuzzed
// (a file in /dev/shm costs microseconds beside a decode).
#include "fuzz_targets.h"

#include <stdlib.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include "io/lossless_jpeg.h"
#include "rangefinder/error.h"
#include "rangefinder/history.h"
#include "rangefinder/look.h"
#include "rangefinder/looks.h"
#include "rangefinder/lut.h"
#include "rangefinder/params.h"
#include "rangefinder/raw.h"
#include "rangefinder/sidecar.h"

namespace rf::fuzz {

namespace {

namespace fs = std::filesystem;

std::string textOf(const std::uint8_t* data, std::size_t size) {
    return std::string(reinterpret_cast<const char*>(data), size);
}

// Runs one entry point: success, or the rf::Error it threw, which must name the input (a
// batch reports it beside hundreds of others; `input` empty: a step after the parse, whose
// errors name the parameter instead). Anything else propagates.
template <class Fn>
bool attempt(Outcomes& out, const char* step, const std::string& input, Fn fn) {
    Outcome o{step, input, true, ""};
    try {
        fn();
    } catch (const Error& e) {
        o.ok = false;
        o.error = e.what();
        if (o.error.find(input) == std::string::npos)
            throw std::logic_error(std::string(step) +
                                   "'s error does not name the input: " + o.error);
    }
    const bool ok = o.ok;
    out.push_back(std::move(o));
    return ok;
}

// A written-and-read-back result that differs, or that cannot be read back at all, is a bug
// in the writer or the reader, not bad input: it must not be mistaken for an rf::Error.
[[noreturn]] void roundTripBroken(const std::string& what) {
    throw std::logic_error("round trip broken: " + what);
}

template <class Fn>
auto roundTrip(const char* what, Fn fn) {
    try {
        return fn();
    } catch (const Error& e) {
        roundTripBroken(std::string(what) + ": " + e.what());
    }
}

// The process's scratch folder, removed at exit (a crash leaves it for the post-mortem).
class Scratch {
  public:
    static Scratch& get() {
        static Scratch s;
        return s;
    }
    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    /// Writes the input to `name` in the folder, replacing what was there.
    std::string write(const std::string& name, const std::uint8_t* data, std::size_t size) {
        const std::string p = path(name);
        std::ofstream f(p, std::ios::binary | std::ios::trunc);
        f.write(reinterpret_cast<const char*>(data), std::streamsize(size));
        f.close();
        if (!f) throw std::runtime_error("cannot write the fuzz input to " + p);
        return p;
    }
    /// Empties the folder (a save leaves a sidecar behind, a failed one maybe a temporary).
    void clear() {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(dir_, ec)) fs::remove_all(e.path(), ec);
    }

  private:
    Scratch() {
        std::string t = (fs::temp_directory_path() / "rf-fuzz-XXXXXX").string();
        if (!mkdtemp(t.data())) throw std::runtime_error("cannot create a scratch folder " + t);
        dir_ = t;
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    fs::path dir_;
};

// Colours a render could hand a LUT: inside, at and beyond the domain's ends, and not numbers.
void exerciseLut(const Lut3D& lut) {
    const double lo = std::min({lut.domainMin[0], lut.domainMin[1], lut.domainMin[2]});
    const double hi = std::max({lut.domainMax[0], lut.domainMax[1], lut.domainMax[2]});
    const std::array<double, 7> probes{0.0, 0.5, 1.0, lo, hi, -1e30, NAN};
    for (double r : probes)
        for (double g : {0.25, hi})
            for (double b : {0.75, lo}) (void)lut.sample({r, g, b});
    Image img(static_cast<int>(probes.size()), 2, 3);
    for (int x = 0; x < img.width(); ++x)
        for (int c = 0; c < 3; ++c) {
            img.row(0)[3 * x + c] = float(probes[std::size_t(x)]);
            img.row(1)[3 * x + c] = float(probes[std::size_t(x + c) % probes.size()]);
        }
    lut.apply(img.view(), 0.5f);
}

bool sameLut(const Lut3D& a, const Lut3D& b) {
    return a.size() == b.size() && a.domainMin == b.domainMin && a.domainMax == b.domainMax &&
           a.data() == b.data() && a.shaper == b.shaper && a.shaperMin == b.shaperMin &&
           a.shaperMax == b.shaperMax;
}

}  // namespace

Outcomes raw(const std::uint8_t* data, std::size_t size) {
    Outcomes out;
    Scratch& scratch = Scratch::get();
    const std::string path = scratch.write("fuzz-input.raw", data, size);
    DecodeOptions options;
    options.maxPixels = kRawMaxPixels;
    attempt(out, "decodeRaw", path, [&] {
        const RawImage img = decodeRaw(path, options);
        if (img.mosaic.empty() || img.info.width <= 0 || img.info.height <= 0)
            throw std::logic_error("decodeRaw returned an empty image without an error");
    });
    attempt(out, "readCaptureInfo", path, [&] { readCaptureInfo(path); });
    attempt(out, "extractPreview", path, [&] { extractPreview(path); });
    scratch.clear();
    return out;
}

Outcomes look(const std::uint8_t* data, std::size_t size) {
    Outcomes out;
    const std::string name = "fuzz-input.look";
    Look parsed;
    const bool ok = attempt(out, "parseLook", name, [&] {
        const Look& l = parsed = parseLook(textOf(data, size), name);
        const std::string text = roundTrip("formatLook", [&] { return formatLook(l); });
        const Look back = roundTrip("parseLook(formatLook)", [&] { return parseLook(text, name); });
        if (back.name != l.name || back.description != l.description ||
            back.category != l.category || back.defaultStrength != l.defaultStrength ||
            !(back.params == l.params))
            roundTripBroken("parseLook(formatLook(look)) differs from the look:\n" + text);
    });
    // What a render makes of the look's parameters: the colour transform at a few colours (a
    // LUT file would be looked for on disk, so looks with one stop at the parse).
    if (ok && !parsed.params.isSet("look.lut.file")) {
        attempt(out, "lookColour", "", [&] {
            EditDocument edits = withLook(EditDocument(), parsed);
            const LookParams p = LookParams::from(edits);
            for (double r : {0.0, 0.18, 0.5, 1.0})
                for (double g : {0.0, 0.7, 1.0})
                    for (double b : {0.0, 0.3, 1.0}) (void)lookColor(p, {r, g, b});
        });
    }
    return out;
}

Outcomes cube(const std::uint8_t* data, std::size_t size) {
    Outcomes out;
    const std::string name = "fuzz-input.cube";
    attempt(out, "parseCube", name, [&] {
        const Lut3D lut = parseCube(textOf(data, size), name);
        const std::string text = roundTrip("formatCube", [&] { return formatCube(lut); });
        const Lut3D back =
            roundTrip("parseCube(formatCube)", [&] { return parseCube(text, name); });
        if (!sameLut(lut, back)) roundTripBroken("parseCube(formatCube(lut)) differs from the lut");
        exerciseLut(lut);
    });
    return out;
}

Outcomes hald(const std::uint8_t* data, std::size_t size) {
    Outcomes out;
    Scratch& scratch = Scratch::get();
    const std::string path = scratch.write("fuzz-input.png", data, size);
    attempt(out, "readHaldClut", path, [&] {
        const Lut3D lut = readHaldClut(path);
        const int n = lut.size();
        if (n < 4 || n > Lut3D::kMaxSize || lut.data().size() != std::size_t(3) * n * n * n)
            throw std::logic_error("readHaldClut returned a malformed LUT");
        for (float v : lut.data())
            if (!(v >= 0.0f && v <= 1.0f))
                throw std::logic_error("readHaldClut returned a value outside [0, 1]");
        exerciseLut(lut);
    });
    scratch.clear();
    return out;
}

Outcomes ljpeg(const std::uint8_t* data, std::size_t size) {
    // Both readings of the container (CR2, and DNG 1.0 where category 16 carries bits).
    Outcomes out;
    for (const unsigned dngVersion : {0u, 0x1000000u}) {
        ljpeg::Decoder dec;
        Outcome o{"ljpeg::Decoder", "stream", true, {}};
        if (dec.start({data, size}, {dngVersion})) {
            const ljpeg::Frame& f = dec.frame();
            if (f.bits < 1 || f.bits > 16 || f.clrs < 1 || f.clrs > 6 || f.wide < 1 || f.high < 1)
                throw std::logic_error("ljpeg::Decoder accepted a frame it cannot decode");
            const std::size_t n = std::size_t(f.wide) * std::size_t(f.clrs);
            for (int row = 0; row < f.high && o.ok; ++row) {
                const std::uint16_t* r = dec.nextRow();
                if (!r) {
                    o.ok = false;
                    break;
                }
                for (std::size_t i = 0; i < n; ++i)
                    if (r[i] >> f.bits) throw std::logic_error("a sample beyond the precision");
            }
        } else {
            o.ok = false;
        }
        out.push_back(o);
    }
    return out;
}

Outcomes xmp(const std::uint8_t* data, std::size_t size) {
    Outcomes out;
    Scratch& scratch = Scratch::get();
    // The sidecar of a raw that is never opened: saveSidecar reads and rewrites only the .xmp.
    const std::string rawPath = scratch.path("fuzz-input.CR2");
    const std::string path = scratch.write("fuzz-input.CR2.xmp", data, size);
    Sidecar loaded;
    if (attempt(out, "loadSidecarFile", path, [&] { loaded = loadSidecarFile(path); })) {
        // Saving over the same file keeps everything the load understood: a save must never
        // lose edits, history or the photographer's metadata.
        attempt(out, "saveSidecar", path, [&] {
            saveSidecar(rawPath, loaded);
            const Sidecar back =
                roundTrip("loadSidecarFile(saveSidecar)", [&] { return loadSidecarFile(path); });
            if (!(back.edits == loaded.edits))
                roundTripBroken("the edits changed through a save: " + loaded.edits.toJson(-1) +
                                " became " + back.edits.toJson(-1));
            if (!(back.history == loaded.history))
                roundTripBroken("the edit history changed through a save");
            if (!(back.info == loaded.info))
                roundTripBroken("the photo's metadata changed through a save");
        });
    }
    scratch.clear();
    return out;
}

Outcomes editJson(const std::uint8_t* data, std::size_t size) {
    Outcomes out;
    const std::string name = "fuzz-input.json";
    const std::string text = textOf(data, size);
    attempt(out, "EditDocument::fromJson", name, [&] {
        const EditDocument doc = EditDocument::fromJson(text, name);
        const EditDocument back = roundTrip("EditDocument::fromJson(toJson)",
                                            [&] { return EditDocument::fromJson(doc.toJson()); });
        if (!(back == doc)) roundTripBroken("EditDocument::fromJson(toJson()) differs");
    });
    attempt(out, "EditHistory::fromJson", name, [&] {
        const EditHistory h = EditHistory::fromJson(text, name);
        const EditHistory back = roundTrip("EditHistory::fromJson(toJson)",
                                           [&] { return EditHistory::fromJson(h.toJson()); });
        if (!(back == h)) roundTripBroken("EditHistory::fromJson(toJson()) differs");
    });
    return out;
}

const std::vector<Harness>& harnesses() {
    static const std::vector<Harness> all{{"raw", raw},    {"look", look}, {"cube", cube},
                                          {"hald", hald},  {"xmp", xmp},   {"edit_json", editJson},
                                          {"ljpeg", ljpeg}};
    return all;
}

}  // namespace rf::fuzz
