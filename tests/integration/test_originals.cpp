// SPDX-License-Identifier: GPL-3.0-or-later
// Originals are never written. A copy of the shared test data (real raws, truncated and
// invalid ones) and the Canon raw Debian ships goes into a temporary folder with an edit
// document, a .cube LUT, the installed looks and a sidecar another tool wrote; every input
// is checksummed (SHA-256, with its size and modification time); then every command of
// rangefinder-cli runs over the copy — export with and without sidecars, with a look, with
// an edit document, into the raws' own folder; info; params; rate; edits show, copy, reset,
// undo, redo; looks list, import, export-cube — and every input must be byte for byte what
// it was. Sidecars are ours to write, but the foreign sidecar's own properties must survive,
// and nothing but sidecars and exported images may appear beside the originals.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "rangefinder/lut.h"
#include "rangefinder/params.h"
#include "rangefinder/sidecar.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

constexpr const char* kCanonRaw = "/usr/share/doc/rawtran/IMG_5952.CR2";
// The shared test data is about 50 MB; a much larger set is copied only up to this much.
constexpr std::uintmax_t kCopyBudget = std::uintmax_t(512) << 20;

struct Fingerprint {
    std::string sha256;
    std::uintmax_t size = 0;
    fs::file_time_type mtime;
};

/// SHA-256 of files under `root` (paths relative to it), by coreutils' sha256sum; a file
/// that cannot be read has no entry.
std::map<std::string, std::string> sha256Of(const fs::path& root,
                                            const std::vector<std::string>& files) {
    std::map<std::string, std::string> out;
    for (std::size_t at = 0; at < files.size(); at += 200) {
        std::string cmd = "cd " + test::shellQuote(root.string()) + " && sha256sum --";
        for (std::size_t i = at; i < std::min(files.size(), at + 200); ++i)
            cmd.append(" ").append(test::shellQuote(files[i]));
        std::string text;
        test::runCommand(cmd, text);
        std::istringstream lines(text);
        std::string line;
        while (std::getline(lines, line)) {
            // "<64 hex digits>  <path>"; sha256sum escapes unusual names, ours are plain.
            if (line.size() < 67 || line[64] != ' ') continue;
            out[line.substr(66)] = line.substr(0, 64);
        }
    }
    return out;
}

std::map<std::string, Fingerprint> fingerprints(const fs::path& root,
                                                const std::vector<std::string>& files) {
    const auto sums = sha256Of(root, files);
    std::map<std::string, Fingerprint> out;
    for (const auto& f : files) {
        std::error_code ec;
        Fingerprint p;
        auto it = sums.find(f);
        if (it == sums.end()) continue;
        p.sha256 = it->second;
        p.size = fs::file_size(root / f, ec);
        p.mtime = fs::last_write_time(root / f, ec);
        out[f] = p;
    }
    return out;
}

/// Copies the regular files of `from` into `to`, in name order, until `budget` bytes.
/// Returns how many were left out.
int copyBounded(const fs::path& from, const fs::path& to, std::uintmax_t budget) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(from))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    std::uintmax_t used = 0;
    int skipped = 0;
    for (const auto& f : files) {
        const auto size = fs::file_size(f);
        if (used + size > budget) {
            ++skipped;
            continue;
        }
        const fs::path dest = to / fs::relative(f, from);
        fs::create_directories(dest.parent_path());
        fs::copy_file(f, dest);
        used += size;
    }
    return skipped;
}

std::vector<std::string> relativeFiles(const fs::path& root) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out.push_back(fs::relative(e.path(), root).string());
    std::sort(out.begin(), out.end());
    return out;
}

// A sidecar as darktable and another tool left it; only rating and label are Rangefinder's
// to change in it.
const char* kForeignSidecar = R"(<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:darktable="http://darktable.sf.net/"
    xmlns:acme="http://example.com/acme/1.0/"
    xmp:Rating="1"
    darktable:xmp_version="5"
    acme:Token="keep-me-42">
   <darktable:history>
    <rdf:Seq>
     <rdf:li darktable:operation="exposure" darktable:enabled="1"/>
     <rdf:li darktable:operation="colorin" darktable:enabled="0"/>
    </rdf:Seq>
   </darktable:history>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
)";

}  // namespace

TEST(Originals, NoCommandChangesAnyInputFile) {
    const fs::path shared = test::testdata();
    const bool haveShared = fs::is_directory(shared);
    const bool haveCanon = fs::is_regular_file(kCanonRaw);
    if (!haveShared && !haveCanon)
        GTEST_SKIP() << "neither the shared test data (" << shared.string() << ") nor " << kCanonRaw
                     << " is present";

    test::TempDir tmp("originals");
    const fs::path data = tmp.path() / "data";
    fs::create_directories(data / "canon");
    if (haveShared) {
        const int skipped = copyBounded(shared, data, kCopyBudget);
        if (skipped) std::printf("%d test data files left out (over the copy budget)\n", skipped);
    } else {
        std::printf("shared test data absent (%s): only the Canon raw is used\n",
                    shared.string().c_str());
    }
    if (haveCanon) fs::copy_file(kCanonRaw, data / "canon" / "IMG_5952.CR2");
    // Inputs that are not raws: an edit document, a LUT and the looks.
    test::writeFile((data / "edits.json").string(),
                    R"({"format":"rangefinder-edit","version":1,)"
                    R"("params":{"exposure.ev":0.4,"tone.contrast":10}})");
    Lut3D warm(9);
    for (int b = 0; b < 9; ++b)
        for (int g = 0; g < 9; ++g)
            for (int r = 0; r < 9; ++r) warm.at(r, g, b)[2] *= 0.9f;
    writeCube((data / "warm.cube").string(), warm);
    fs::copy(fs::path(RF_SOURCE_DIR) / "looks", data / "looks", fs::copy_options::recursive);

    // The good raws (every command succeeds on them) and everything raw-like.
    std::vector<std::string> good, all;
    for (const char* sub : {"raw", "canon"})
        if (fs::is_directory(data / sub)) {
            for (const auto& e : fs::directory_iterator(data / sub))
                if (e.is_regular_file()) good.push_back(e.path().string());
            all.push_back((data / sub).string());
        }
    for (const char* sub : {"truncated", "invalid"})
        if (fs::is_directory(data / sub)) all.push_back((data / sub).string());
    std::sort(good.begin(), good.end());
    ASSERT_FALSE(good.empty());

    // One good raw carries another tool's sidecar, another has edits of ours to copy.
    const std::string foreignRaw = good.front();
    test::writeFile(foreignRaw + ".xmp", kForeignSidecar);
    const std::string sourceRaw = good.back();
    {
        Sidecar s;
        s.edits.setFloat("exposure.ev", 0.7);
        s.edits.setFloat("tone.contrast", 20);
        s.edits.setText("wb.mode", "daylight");
        saveSidecar(sourceRaw, s);
    }

    std::vector<std::string> inputs;
    for (const auto& f : relativeFiles(data))
        if (fs::path(f).extension() != ".xmp") inputs.push_back(f);
    const auto before = fingerprints(data, inputs);
    ASSERT_EQ(before.size(), inputs.size()) << "sha256sum could not read every input";

    const auto q = [](const std::string& s) { return test::shellQuote(s); };
    const auto join = [&](const std::vector<std::string>& v) {
        std::string s;
        for (const auto& x : v) s.append(" ").append(q(x));
        return s;
    };
    const std::string goodArgs = join(good), allArgs = join(all);
    const std::string looks = " --looks-dir " + q((data / "looks").string());
    const std::string out = (tmp.path() / "out").string();
    // HOME in the temporary folder: the user's look folder is not this machine's.
    const std::string env = "HOME=" + q(tmp.str("home")) + " timeout 300 " RF_CLI_PATH " ";
    struct Command {
        std::string args;
        int status;  // -1: 0 or 1 (the batch holds files that are meant to fail)
    };
    const std::vector<Command> commands = {
        {"--help", 0},
        {"--version", 0},
        {"params", 0},
        {"info" + allArgs, -1},
        {"info --json" + allArgs, -1},
        {"info" + goodArgs, 0},
        {"export -o " + q(out + "/sidecars") + allArgs, -1},
        {"export --ignore-sidecars -o " + q(out + "/plain") + allArgs, -1},
        {"export --look 'Leica Authentic' --look 'Leica Monochrome'" + looks + " -o " +
             q(out + "/looks") + goodArgs,
         0},
        {"export -e " + q((data / "edits.json").string()) +
             " -s exposure.ev=0.3 -s crop.aspect=4:5 --format png --size 800 --metadata all -o " +
             q(out + "/edits") + goodArgs,
         0},
        {"export --preset full --format tiff -o " + q(out + "/full") + " " + q(sourceRaw), 0},
        // Into the raws' own folder, twice, the second time replacing its outputs.
        {"export --size 400 -o " + q((data / "raw").string()) + goodArgs, 0},
        {"export --size 400 --overwrite -o " + q((data / "raw").string()) + goodArgs, 0},
        {"rate --stars 4" + goodArgs, 0},
        {"rate --label Red" + goodArgs, 0},
        {"rate --reject" + allArgs, -1},
        {"edits show" + goodArgs, 0},
        {"edits show --json" + goodArgs, 0},
        {"edits copy --groups tone,wb " + q(sourceRaw) + goodArgs, 0},
        {"edits undo" + goodArgs, 0},
        {"edits redo" + goodArgs, 0},
        {"edits reset --groups wb" + goodArgs, 0},
        {"edits reset" + goodArgs, 0},
        {"edits undo" + goodArgs, 0},
        {"export --min-rating 0 -o " + q(out + "/rated") + goodArgs, -1},
        {"looks list" + looks, 0},
        {"looks list --json" + looks, 0},
        {"looks import " + q((data / "warm.cube").string()) + " --name Warm --to " +
             q(out + "/imported"),
         0},
        {"looks import " + q((data / "warm.cube").string()) + " --name Warm", 0},
        {"looks export-cube 'Leica Authentic'" + looks + " -o " + q(out + "/authentic.cube"), 0},
        {"looks export-cube leica-sepia --size 17" + looks + " -o " + q(out + "/sepia.cube"), 0},
    };
    for (const auto& c : commands) {
        std::string log;
        const int status = test::runCommand(env + c.args, log);
        if (c.status >= 0)
            EXPECT_EQ(status, c.status) << c.args << "\n" << log.substr(0, 2000);
        else
            EXPECT_TRUE(status == 0 || status == 1) << c.args << "\n" << log.substr(0, 2000);
    }
    // The commands did their work (so the checksums below are worth something).
    EXPECT_TRUE(fs::exists(out + "/sidecars")) << "export wrote nothing";
    EXPECT_TRUE(fs::exists(out + "/full")) << "full-size export wrote nothing";
    EXPECT_TRUE(fs::exists(out + "/authentic.cube"));
    EXPECT_EQ(loadSidecar(sourceRaw).info.rating, -1);

    // Every input is byte for byte as it was.
    const auto after = fingerprints(data, inputs);
    int changed = 0;
    for (const auto& [file, was] : before) {
        auto it = after.find(file);
        if (it == after.end()) {
            ADD_FAILURE() << file << " is gone";
            ++changed;
            continue;
        }
        const Fingerprint& now = it->second;
        if (now.sha256 != was.sha256 || now.size != was.size || now.mtime != was.mtime) {
            ADD_FAILURE() << file << " changed: sha256 " << was.sha256 << " → " << now.sha256
                          << ", " << was.size << " → " << now.size << " bytes"
                          << (now.mtime != was.mtime ? ", modification time changed" : "");
            ++changed;
        }
    }
    std::printf("%zu input files checked after %zu commands, %d changed\n", before.size(),
                commands.size(), changed);

    // Beside the originals there are only sidecars (and set-aside unreadable ones) and the
    // images exported into the raws' folder — no temporary or partial file.
    const std::set<std::string> known(inputs.begin(), inputs.end());
    for (const auto& f : relativeFiles(data)) {
        if (known.count(f)) continue;
        const std::string ext = fs::path(f).extension().string();
        const bool sidecar = ext == ".xmp" || f.find(".xmp.bad-") != std::string::npos;
        const bool exported = ext == ".jpg" && f.rfind("raw/", 0) == 0;
        EXPECT_TRUE(sidecar || exported) << "unexpected file beside the originals: " << f;
    }

    // The foreign sidecar took our rating, label and edits and kept everything else.
    const std::string xmp = test::readFile(foreignRaw + ".xmp");
    for (const char* kept :
         {"http://darktable.sf.net/", "xmp_version", "colorin", "exposure", "keep-me-42"})
        EXPECT_NE(xmp.find(kept), std::string::npos) << kept << " was lost:\n" << xmp;
    const Sidecar s = loadSidecar(foreignRaw);
    EXPECT_EQ(s.info.label, "Red");
    EXPECT_EQ(s.info.rating, -1);
}
