// SPDX-License-Identifier: GPL-3.0-or-later
#include "look_learn_command.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "interrupt.h"
#include "rangefinder/error.h"
#include "rangefinder/look_learn.h"
#include "rangefinder/looks.h"

namespace fs = std::filesystem;

namespace rf::cli {

namespace {

struct LearnState {
    std::vector<std::string> files;
    std::string name, out;
    bool embedded = false, overwrite = false, quiet = false;
    int size = 1024;
};

LearnState& state() {
    static LearnState s;
    return s;
}

int runLearn() {
    const LearnState& st = state();
    std::vector<ExamplePair> pairs;
    if (st.embedded) {
        for (const std::string& f : st.files) pairs.push_back({f, ""});
    } else {
        if (st.files.size() % 2 != 0) {
            std::fprintf(stderr,
                         "error: looks learn takes pairs: RAW JPEG [RAW JPEG …] (or raws alone "
                         "with --embedded); %s has no JPEG\n",
                         printableText(st.files.back()).c_str());
            return 2;
        }
        for (std::size_t i = 0; i < st.files.size(); i += 2)
            pairs.push_back({st.files[i], st.files[i + 1]});
    }
    const std::string out = st.out.empty()
                                ? (fs::path(userLookDir()) / (lookSlug(st.name) + ".look")).string()
                                : st.out;
    try {
        std::error_code ec;
        if (!st.overwrite && fs::exists(out, ec))
            throw Error(out, "already exists (use --overwrite to replace it, or another --name)");
        LearnOptions options;
        options.workLongEdge = st.size;
        options.cancel = cancelOnInterrupt();
        const bool terminal = isatty(STDERR_FILENO);
        options.progress = [&](double f, const std::string& what) {
            if (st.quiet) return;
            if (terminal)
                std::fprintf(stderr, "\r\033[K%3.0f %% %s", 100 * f, printableText(what).c_str());
            else
                std::fprintf(stderr, "%3.0f %% %s\n", 100 * f, printableText(what).c_str());
        };
        const LearnedLook learned = learnLook(pairs, options);
        if (terminal && !st.quiet) std::fprintf(stderr, "\r\033[K");
        const Look look = saveLearnedLook(learned, st.name, out, st.overwrite);
        if (!st.quiet) {
            for (const ExampleReport& r : learned.reports)
                std::fprintf(
                    stderr,
                    "%s → %s: correlation %.3f (edges %.3f), scale %.3f%s%s, %.0f %% of "
                    "the frame; %zu pixels in %zu colours; mean CIEDE2000 %.2f with the "
                    "look, %.2f without\n",
                    printableText(fs::path(r.raw).filename().string()).c_str(),
                    printableText(fs::path(r.jpeg).filename().string()).c_str(),
                    r.registration.correlation, r.registration.structure, r.registration.scale,
                    r.registration.mirrored ? ", mirrored" : "",
                    r.registration.quarterTurns
                        ? (", turned " + std::to_string(90 * r.registration.quarterTurns) + "°")
                              .c_str()
                        : "",
                    100 * r.registration.coverage, r.pixels, r.samples, r.fitDeltaE, r.baseDeltaE);
            std::fprintf(stderr, "Learned the look '%s'\n", printableText(look.name).c_str());
        }
        std::printf("%s\n", printableText(look.path).c_str());
        return 0;
    } catch (const Cancelled&) {
        std::fprintf(stderr, "\ninterrupted: nothing written\n");
        return 128 + interruptSignal();
    } catch (const Error& e) {
        std::fprintf(stderr, "\nerror: %s\n", printableText(e.what(), true).c_str());
        return 1;
    }
}

}  // namespace

void addLookLearnCommand(CLI::App& looks, int (*&run)()) {
    LearnState& st = state();
    CLI::App* learn = looks.add_subcommand(
        "learn",
        "Learn a look from raws and the finished JPEGs a camera or phone made of them "
        "(RAW JPEG [RAW JPEG …]), and save it as a look with its LUT.");
    learn
        ->add_option("files", st.files,
                     "A raw and its finished JPEG, and more pairs of the same look (with "
                     "--embedded: raws alone)")
        ->required()
        ->check(CLI::ExistingFile);
    learn->add_option("--name", st.name, "The look's name")->required();
    learn->add_option("--out", st.out,
                      "The .look file to write, its LUT beside it in luts/ (default: the user's "
                      "look folder, " +
                          userLookDir() + ")");
    learn->add_flag("--embedded", st.embedded,
                    "Learn from the JPEG each camera embedded in its raw (every file is a raw)");
    learn
        ->add_option("--size", st.size,
                     "Long edge the raw is rendered at to learn from (more: slower, finer)")
        ->check(CLI::Range(256, 4096))
        ->capture_default_str();
    learn->add_flag("--overwrite", st.overwrite, "Replace an existing look of that file name");
    learn->add_flag("-q,--quiet", st.quiet, "Print only the look file's path");
    learn->callback([&run] { run = runLearn; });
}

}  // namespace rf::cli
