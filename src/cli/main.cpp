// SPDX-License-Identifier: GPL-3.0-or-later
// rangefinder-cli: the batch front end over the core. It parses the command line (CLI11,
// Debian's libcli11-dev, rather than hand-written parsing), turns options into an edit
// document and export settings, and hands the files to the core's batch exporter. Exit
// status: 0 all good, 1 some file failed (or was not attempted after a full disk), 2 the
// command line itself was wrong, 130/143 interrupted by SIGINT/SIGTERM (interrupt.h).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "interrupt.h"
#include "look_commands.h"
#include "progress.h"
#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/export_presets.h"
#include "rangefinder/export_schema.h"
#include "rangefinder/lens.h"
#include "rangefinder/limits.h"
#include "rangefinder/looks.h"
#include "rangefinder/params.h"
#include "rangefinder/raw.h"
#include "rangefinder/sidecar.h"
#include "sidecar_commands.h"

namespace fs = std::filesystem;
using namespace rf;

namespace {

struct ExportArgs {
    std::vector<std::string> inputs;
    std::vector<std::string> presets;  ///< empty: web; several: one sub-folder each
    /// The export settings given on the command line, by the schema's key, as typed (already
    /// checked against the schema by the options' validators); the rest are the preset's.
    std::map<std::string, std::string> settings;
    int longEdge = 0;
    std::vector<std::string> sets;
    std::string editsFile;
    int jobs = 0;
    bool quiet = false;
    bool ignoreSidecars = false;
    int minRating = -2;  ///< -2: no threshold
    std::vector<std::string> looks;
    double lookStrength = -1;  ///< -1: each look's default
    std::vector<std::string> looksDirs;
    double maxMegapixels = 0;  ///< 0: the environment's or the built-in limit
    std::string maxMemory;     ///< empty: the environment's or the built-in limit
};

std::vector<std::string> expandInputs(const std::vector<std::string>& inputs,
                                      std::vector<std::string>& problems) {
    std::vector<std::string> files;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            try {
                auto found = rawFilesIn(in);
                if (found.empty()) problems.push_back(in + ": no raw files in this folder");
                files.insert(files.end(), found.begin(), found.end());
            } catch (const Error& e) {
                problems.push_back(e.what());
            }
        } else {
            files.push_back(in);  // a missing or bad file is reported by the exporter
        }
    }
    return files;
}

int runExport(const ExportArgs& a) {
    // The decoder reads the process's limits: the built-in ones, the environment's, then ours.
    ResourceLimits limits = limitsFromEnvironment();
    if (a.maxMegapixels > 0) limits.maxPixels = std::llround(a.maxMegapixels * 1e6);
    if (!a.maxMemory.empty()) limits.maxDecodeBytes = parseByteSize(a.maxMemory);
    setResourceLimits(limits);

    // One target per preset, each with the options given on top. Several presets write into
    // sub-folders of the output folder named as the app names them ("Full size" → full-size/),
    // and share one decode of each raw.
    const std::vector<std::string> presetNames =
        a.presets.empty() ? std::vector<std::string>{"web"} : a.presets;
    std::vector<ExportSettings> targets;
    for (const auto& name : presetNames) {
        const ExportPresetFile preset = findExportPreset(name, defaultExportPresetDirs());
        ExportSettings t = preset.settings;
        if (a.longEdge) t.render.size = {SizeMode::LongEdge, a.longEdge};
        // In the schema's order, so --size wins over --long-edge and --bit-depth over the TIFF
        // default below.
        for (const auto& d : exportSchema()) {
            if (const auto it = a.settings.find(d.key); it != a.settings.end())
                setExportSetting(t, d.key, parseExportValue(d, it->second));
            // --format tiff is for 16-bit masters unless --bit-depth says otherwise (a preset's
            // own TIFF keeps the preset's depth, as in the app).
            if (d.key == "format" && a.settings.count("format") &&
                t.encode.format == FileFormat::Tiff)
                t.encode.bitDepth = 16;
        }
        if (presetNames.size() > 1)
            t.outputDir = (fs::path(t.outputDir) / presetFolderName(preset.label)).string();
        for (const auto& other : targets)
            if (fs::path(other.outputDir).lexically_normal() ==
                fs::path(t.outputDir).lexically_normal())
                throw Error("--preset " + name +
                            ": writes into the same folder as another preset (" + t.outputDir +
                            ")");
        targets.push_back(std::move(t));
    }
    ExportSettings& s = targets.front();

    // A depth the format cannot be written at is a usage error, found before any raw is read
    // (JPEG, always 8-bit, ignores the setting as it always has).
    if (const auto depths = bitDepthsFor(s.encode.format);
        s.encode.format != FileFormat::Jpeg &&
        std::find(depths.begin(), depths.end(), s.encode.bitDepth) == depths.end()) {
        std::string list;
        for (int d : depths) list += (list.empty() ? "" : ", ") + std::to_string(d);
        throw Error(std::string(fileFormatName(s.encode.format)) + " cannot be written at " +
                    std::to_string(s.encode.bitDepth) + " bits per channel (it takes " + list +
                    "): see --bit-depth");
    }

    // A look's relative LUT path is looked up in the look folders, the user's (last, the
    // highest priority) first, as the library lets a later folder override an earlier one.
    const auto lookDirs = a.looksDirs.empty() ? defaultLookDirs() : a.looksDirs;
    for (auto& t : targets) t.render.lookDirs.assign(lookDirs.rbegin(), lookDirs.rend());

    // Looks are found before any file is read: an unknown name is a usage error.
    LookLibrary library;
    std::vector<const Look*> looks;
    if (!a.looks.empty()) {
        library = cli::loadLooks(lookDirs);
        looks = cli::findLooks(library, a.looks);
        if (looks.size() > 1)
            for (auto& t : targets) t.nameTemplate = cli::templateWithLook(t.nameTemplate);
    }
    const std::optional<double> strength =
        a.lookStrength >= 0 ? std::optional<double>(a.lookStrength) : std::nullopt;

    // Precedence: the photo's sidecar, then --edits, then --look, then --set (so --set can
    // still move one of the look's sliders).
    EditDocument common;
    if (!a.editsFile.empty()) common = EditDocument::loadFile(a.editsFile);
    EditDocument sets;
    for (const auto& assignment : a.sets) sets.setAssignment(assignment);
    // Check the template once up front rather than failing every file the same way.
    {
        EditDocument check = looks.empty() ? common
                                           : withLook(common, *looks.front(), std::nullopt,
                                                      library.find(common.getText("look.name")));
        check.merge(sets);
        for (const auto& t : targets)
            expandNameTemplate(t.nameTemplate, "check.raw", {}, check, 1, t.encode.format);
        validateEdits(check);
    }

    std::vector<std::string> problems;
    const auto files = expandInputs(a.inputs, problems);
    for (const auto& p : problems) std::fprintf(stderr, "FAILED %s\n", p.c_str());
    JobOptions jobOptions;
    jobOptions.useSidecars = !a.ignoreSidecars;
    if (a.minRating != -2) jobOptions.minRating = a.minRating;
    PreparedJobs prepared = prepareExportJobs(files, common, jobOptions);
    for (const auto& f : prepared.failed) {
        problems.push_back(f.error + " (fix or move it aside, or export with --ignore-sidecars)");
        std::fprintf(stderr, "FAILED %s\n", problems.back().c_str());
    }
    // Each photo once, or once per look.
    std::vector<ExportJob> jobs;
    for (auto& job : prepared.jobs) {
        for (const Look* look : looks) {
            ExportJob withIt = job;
            withIt.edits = cli::editsWithLook(job.edits, *look, strength, library);
            withIt.edits.merge(sets);
            jobs.push_back(std::move(withIt));
        }
        if (looks.empty()) {
            job.edits.merge(sets);
            jobs.push_back(std::move(job));
        }
    }
    const auto& skipped = prepared.skipped;
    if (!skipped.empty() && !a.quiet)
        for (const auto& f : skipped)
            std::fprintf(stderr, "skipped %s (rated below %d)\n", f.c_str(), a.minRating);

    cli::Progress progress(int(jobs.size() * targets.size()), ::isatty(STDERR_FILENO) != 0,
                           a.quiet);
    const CancelToken* cancel = cli::cancelOnInterrupt();
    const auto start = std::chrono::steady_clock::now();
    // Each written path goes to stdout as soon as its file is in place, one flushed line at a
    // time, so a script (or a user after a kill) sees every file finished so far.
    const auto outcomes = exportBatch(
        jobs, targets, a.jobs,
        [&](const ExportOutcome& o, int done, int) {
            progress.update(o, done);
            if (o.ok()) {
                std::printf("%s\n", o.output.c_str());
                std::fflush(stdout);
            }
        },
        cancel);
    cli::batchFinished();
    progress.finish();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    int failed = int(problems.size()), notAttempted = 0;
    std::vector<std::string> written;
    for (const auto& o : outcomes) {
        if (o.ok())
            written.push_back(o.output);
        else if (o.status == ExportStatus::NotAttempted)
            ++notAttempted;
        else if (o.status != ExportStatus::Cancelled)
            ++failed;
    }
    // Several presets: the folder holding their sub-folders.
    const fs::path out =
        targets.size() > 1 ? fs::path(s.outputDir).parent_path() : fs::path(s.outputDir);
    const std::string folder = fs::absolute(out).lexically_normal().string();
    const int interrupted = cli::interruptSignal();
    // Every input counts once: those refused before the batch (a folder with no raws, a
    // broken sidecar, edits no raw can render) and those the batch tried.
    const std::size_t total = outcomes.size() + problems.size();
    if (interrupted) {
        std::fprintf(stderr, "interrupted: %zu of %zu exported, %zu not exported (to %s in %.2fs)",
                     written.size(), total, total - written.size(), folder.c_str(), seconds);
    } else {
        std::fprintf(stderr, "Exported %zu of %zu file(s) to %s in %.2fs", written.size(), total,
                     folder.c_str(), seconds);
    }
    if (!skipped.empty()) std::fprintf(stderr, "; %zu skipped by rating", skipped.size());
    if (failed) std::fprintf(stderr, "; %d failed", failed);
    if (notAttempted) std::fprintf(stderr, "; %d not attempted (the disk is full)", notAttempted);
    std::fprintf(stderr, failed ? ":\n" : "\n");
    for (const auto& p : problems) std::fprintf(stderr, "  %s\n", p.c_str());
    for (const auto& o : outcomes)
        if (!o.ok() && o.status != ExportStatus::Cancelled &&
            o.status != ExportStatus::NotAttempted)
            std::fprintf(stderr, "  %s\n", o.error.c_str());
    if (interrupted) return 128 + interrupted;
    return failed || notAttempted ? 1 : 0;
}

// "web: 2048 px long edge…; full: …" from the preset files found; a broken one is reported
// when it is used, not here.
std::string presetHelp() {
    std::string help = "Export preset (a file in the export-presets folders)";
    std::string list;
    // A preset file is anyone's text: printed escaped (it could hold terminal escapes), and a
    // folder that cannot be listed costs the help its list, not the program its run.
    try {
        for (const auto& p : loadExportPresets(defaultExportPresetDirs()).presets)
            list += (list.empty() ? "" : "; ") + printableText(p.name) +
                    (p.description.empty() ? std::string() : ": " + printableText(p.description));
    } catch (const std::exception&) {
        return help;
    }
    return list.empty() ? help : help + ": " + list;
}

// One option per export setting the schema gives a command-line spelling: its help and its
// allowed values come from the declaration, and its validator is the schema's own reading, so
// a bad value is refused before any file is read, in the schema's words.
void addExportSettingOptions(CLI::App& cmd, std::map<std::string, std::string>& given) {
    for (const auto& d : exportSchema()) {
        if (d.cliOption.empty()) continue;
        const std::string key = d.key;
        if (d.type == ExportSettingType::Bool) {
            cmd.add_flag_function(
                d.cliOption,
                [&given, key](std::int64_t n) { given[key] = n > 0 ? "true" : "false"; }, d.help);
            continue;
        }
        std::string help = d.help;
        if (d.type == ExportSettingType::Choice) help += ": " + d.allowedText();
        if (d.type == ExportSettingType::Int || d.type == ExportSettingType::Float)
            help += " (" + d.allowedText() + ")";
        CLI::Option* opt = cmd.add_option_function<std::string>(
            d.cliOption, [&given, key](const std::string& v) { given[key] = v; }, help);
        const std::string defaultText = exportValueText(d.defaultValue());
        if (d.type == ExportSettingType::Text && !defaultText.empty())
            opt->default_str(defaultText);
        else
            opt->type_name(d.type == ExportSettingType::Text ? "TEXT" : "VALUE");
        if (d.type != ExportSettingType::Text) {
            const ExportSettingDecl* decl = &d;
            opt->check(CLI::Validator(
                [decl](std::string& v) { return exportValueProblem(*decl, v); }, ""));
        }
    }
}

const char* fateText(DngOpcodeNote::Fate f) {
    switch (f) {
        case DngOpcodeNote::Fate::Applied:
            return "applied";
        case DngOpcodeNote::Fate::LensStage:
            return "passed to the lens stage";
        case DngOpcodeNote::Fate::Skipped:
            break;
    }
    return "skipped";
}

nlohmann::json opcodesJson(const CaptureInfo& i) {
    nlohmann::json ops = nlohmann::json::array();
    for (const DngOpcodeNote& n : i.dngOpcodes)
        ops.push_back({{"list", n.list},
                       {"id", n.id},
                       {"name", n.name},
                       {"optional", n.optional},
                       {"preview_only", n.previewOnly},
                       {"fate", fateText(n.fate)},
                       {"note", n.note}});
    return ops;
}

/// One line per opcode of a DNG's lists: where it is, what it is, what happens to it.
void printOpcodes(const CaptureInfo& i) {
    const char* label = "  DNG opcodes  ";
    for (const DngOpcodeNote& n : i.dngOpcodes) {
        std::printf("%sOpcodeList%d %s%s: %s%s%s\n", label, n.list, n.name.c_str(),
                    n.optional ? " (optional)" : "", fateText(n.fate), n.note.empty() ? "" : ": ",
                    n.note.c_str());
        label = "               ";
    }
    if (!i.dngOpcodeProblem.empty())
        std::printf("%sunusable, the raw will not decode: %s\n", label, i.dngOpcodeProblem.c_str());
}

nlohmann::json infoJson(const std::string& path, const CaptureInfo& i) {
    return {{"file", path},
            {"make", i.make},
            {"model", i.model},
            {"lens", i.lens},
            {"iso", i.iso},
            {"shutter_seconds", i.shutterSeconds},
            {"aperture", i.aperture},
            {"focal_length_mm", i.focalLengthMm},
            {"date_time", i.dateTime},
            {"orientation", i.orientation},
            {"width", i.width},
            {"height", i.height},
            {"artist", i.artist},
            {"copyright", i.copyright},
            {"has_gps", i.hasGps},
            {"dng_opcodes", opcodesJson(i)},
            {"dng_opcode_problem", i.dngOpcodeProblem}};
}

std::string shutterText(float s) {
    char buf[32];
    if (s <= 0) return "?";
    if (s < 0.5f)
        std::snprintf(buf, sizeof buf, "1/%.0f s", 1.0 / s);
    else
        std::snprintf(buf, sizeof buf, "%.1f s", s);
    return buf;
}

int runInfo(const std::vector<std::string>& inputs, bool json) {
    std::vector<std::string> problems;
    const auto files = expandInputs(inputs, problems);
    int failed = int(problems.size());
    for (const auto& p : problems) std::fprintf(stderr, "error: %s\n", p.c_str());
    nlohmann::json all = nlohmann::json::array();
    for (const auto& f : files) {
        try {
            const CaptureInfo i = readCaptureInfo(f);
            if (json) {
                nlohmann::json j = infoJson(f, i);
                const LensProfile lp = findLensProfile(i, LensParams{});
                j["lens_profile"] = {{"found", lp.source != LensProfile::Source::None},
                                     {"exact", lp.exact},
                                     {"camera", lp.cameraModel},
                                     {"lens", lp.lensModel},
                                     {"distortion", lp.hasDistortion},
                                     {"tca", lp.hasTca},
                                     {"vignetting", lp.hasVignetting},
                                     {"message", lp.message}};
                all.push_back(std::move(j));
                continue;
            }
            std::printf("%s\n", f.c_str());
            std::printf("  Camera       %s %s\n", i.make.c_str(), i.model.c_str());
            if (!i.lens.empty()) std::printf("  Lens         %s\n", i.lens.c_str());
            std::printf("  Lens profile %s\n", findLensProfile(i, LensParams{}).message.c_str());
            std::printf("  Exposure     %s  f/%.1f  ISO %.0f  %.0f mm\n",
                        shutterText(i.shutterSeconds).c_str(), i.aperture, i.iso, i.focalLengthMm);
            std::printf("  Taken        %s\n", i.dateTime.empty() ? "?" : i.dateTime.c_str());
            std::printf("  Size         %d x %d, orientation %d\n", i.width, i.height,
                        i.orientation);
            if (!i.artist.empty()) std::printf("  Artist       %s\n", i.artist.c_str());
            if (!i.copyright.empty()) std::printf("  Copyright    %s\n", i.copyright.c_str());
            if (i.hasGps) std::printf("  GPS          present\n");
            printOpcodes(i);
        } catch (const Error& e) {
            std::fprintf(stderr, "error: %s\n", e.what());
            ++failed;
        }
    }
    if (json) std::printf("%s\n", all.dump(2).c_str());
    return failed ? 1 : 0;
}

// The lens database's lenses for a camera: the names `--set lens.lens=…` takes.
int runLenses(const std::string& file, const std::string& camera) {
    CaptureInfo info;
    if (!file.empty()) info = readCaptureInfo(file);
    const std::vector<LensChoice> lenses = lensesForCamera(info, camera);
    if (lenses.empty()) {
        std::fprintf(stderr, "no lenses found (is lensfun's database installed?)\n");
        return 1;
    }
    for (const LensChoice& l : lenses) {
        char focal[32];
        if (l.minFocal > 0 && l.maxFocal > l.minFocal)
            std::snprintf(focal, sizeof focal, "%g-%g mm", double(l.minFocal), double(l.maxFocal));
        else
            std::snprintf(focal, sizeof focal, "%g mm", double(l.minFocal));
        std::printf("%s\t%s\t%s%s%s\t%s\n", l.model.c_str(), focal, l.hasDistortion ? "D" : "-",
                    l.hasTca ? "T" : "-", l.hasVignetting ? "V" : "-", l.maker.c_str());
    }
    return 0;
}

// The export presets --preset takes, for people (name, label, description, file) or as JSON
// (for scripts and the shell completion); files that cannot be read are named on stderr.
int runPresets(bool asJson) {
    const ExportPresetList list = loadExportPresets(defaultExportPresetDirs());
    if (asJson) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& p : list.presets)
            all.push_back({{"name", p.name},
                           {"label", p.label},
                           {"description", p.description},
                           {"file", p.path}});
        std::printf("%s\n", all.dump(2).c_str());
    } else {
        for (const auto& p : list.presets) {
            std::printf("%s (%s)\n", printableText(p.name).c_str(), printableText(p.label).c_str());
            if (!p.description.empty())
                std::printf("    %s\n", printableText(p.description).c_str());
            if (!p.path.empty()) std::printf("    %s\n", printableText(p.path).c_str());
        }
    }
    for (const auto& e : list.errors) std::fprintf(stderr, "%s\n", printableText(e).c_str());
    return list.errors.empty() ? 0 : 1;
}

int runParams() {
    for (const auto& d : schema()) {
        std::string range;
        switch (d.type) {
            case ParamType::Float:
            case ParamType::Int: {
                char buf[96];
                std::snprintf(buf, sizeof buf, "%g … %g %s (default %g)", d.minValue, d.maxValue,
                              d.unit.c_str(), d.defaultValue);
                range = buf;
                break;
            }
            case ParamType::Bool:
                range = d.defaultValue ? "true|false (default true)" : "true|false (default false)";
                break;
            case ParamType::Choice:
                for (const auto& c : d.choices) range += (range.empty() ? "" : "|") + c;
                range += " (default " + d.defaultText + ")";
                break;
            case ParamType::Text:
                range = "text";
                break;
        }
        std::printf("%-22s %-7s %s\n    %s: %s\n", d.key.c_str(), groupName(d.group), range.c_str(),
                    d.label.c_str(), d.help.c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    cli::installSignalHandling();
    CLI::App app{
        "rangefinder-cli: develop camera raw files into finished images.\n"
        "Rangefinder never writes to a raw file."};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("rangefinder-cli ") + RF_VERSION);

    ExportArgs ex;
    CLI::App* exportCmd = app.add_subcommand(
        "export", "Render raw files (or every raw file in a folder) to JPEG, TIFF or PNG.");
    exportCmd->add_option("inputs", ex.inputs, "Raw files or folders")->required();
    exportCmd
        ->add_option("--preset", ex.presets,
                     presetHelp() +
                         " (default web; repeat it to export with several presets in one run, "
                         "each into its own sub-folder, decoding each raw once)")
        ->allow_extra_args(false);
    addExportSettingOptions(*exportCmd, ex.settings);
    exportCmd->add_option("--long-edge", ex.longEdge, "Long edge in pixels (as --size long:N)")
        ->check(CLI::Range(16, 100000));
    // One value per --set, --look and --looks-dir, as other *-cli tools take them: a vector
    // option would otherwise swallow the input files that follow it.
    exportCmd
        ->add_option("-s,--set", ex.sets,
                     "KEY=VALUE for any edit parameter (see: rangefinder-cli params); repeatable")
        ->allow_extra_args(false);
    exportCmd->add_option("-e,--edits", ex.editsFile, "Edit document (JSON) applied to every file")
        ->check(CLI::ExistingFile);
    exportCmd->add_option("-j,--jobs", ex.jobs, "Files exported at once (default: one per core)")
        ->check(CLI::Range(0, 256));
    exportCmd->add_flag("--quiet", ex.quiet, "Only report failures and the summary");
    exportCmd->add_flag("--ignore-sidecars", ex.ignoreSidecars,
                        "Export without the edits kept in each photo's XMP sidecar");
    exportCmd
        ->add_option("--min-rating", ex.minRating,
                     "Only photos rated at least N stars in their sidecars (0 = all but "
                     "rejects)")
        ->check(CLI::Range(-1, 5));
    CLI::Option* lookOpt = exportCmd->add_option(
        "--look", ex.looks,
        "Apply this look (name or slug, see: rangefinder-cli looks list) on top of each photo's "
        "edits; repeat it to write one file per look ({look} is added to the name template)");
    lookOpt->allow_extra_args(false);
    exportCmd
        ->add_option("--look-strength", ex.lookStrength,
                     "Strength of the looks in percent (default: each look's own)")
        ->check(CLI::Range(0.0, 100.0))
        ->needs(lookOpt);
    exportCmd
        ->add_option("--looks-dir", ex.looksDirs,
                     "Read looks (and the LUTs they name) from this folder instead of the "
                     "installed and user folders (repeatable)")
        ->allow_extra_args(false);
    exportCmd
        ->add_option("--max-megapixels", ex.maxMegapixels,
                     "Refuse raws larger than this many megapixels (default 500, or "
                     "RANGEFINDER_MAX_MEGAPIXELS)")
        ->check(CLI::Range(0.000001, 1e6));
    exportCmd
        ->add_option("--max-memory", ex.maxMemory,
                     "Refuse raws whose decoding would need more memory than this, e.g. 4GiB "
                     "(default: 3/4 of physical memory, or RANGEFINDER_MAX_MEMORY)")
        ->check([](const std::string& text) {
            try {
                parseByteSize(text);
                return std::string();
            } catch (const Error& e) {
                return std::string(e.what());
            }
        });

    std::vector<std::string> infoInputs;
    bool infoAsJson = false;
    CLI::App* infoCmd = app.add_subcommand("info", "Print what the camera recorded about files.");
    infoCmd->add_option("inputs", infoInputs, "Raw files or folders")->required();
    infoCmd->add_flag("--json", infoAsJson, "Machine-readable output");

    std::string lensesFile, lensesCamera;
    CLI::App* lensesCmd = app.add_subcommand(
        "lenses",
        "List the lens database's lenses for a raw file's camera (or for --camera, or "
        "all): name, focal range, corrections (D distortion, T TCA, V vignetting), maker; "
        "the file's own lens first, then by maker and name.");
    lensesCmd->add_option("raw", lensesFile, "A raw file whose camera and lens to use");
    lensesCmd->add_option("--camera", lensesCamera, "The camera's name in the lens database");

    CLI::App* paramsCmd =
        app.add_subcommand("params", "List every edit parameter, its range and default.");

    bool presetsAsJson = false;
    CLI::App* presetsCmd = app.add_subcommand(
        "presets", "List the export presets --preset takes: name, label, description, file.");
    presetsCmd->add_flag("--json", presetsAsJson, "Machine-readable output");

    int (*runSidecarCommand)() = nullptr;
    cli::addSidecarCommands(app, runSidecarCommand);
    int (*runLookCommand)() = nullptr;
    cli::addLookCommands(app, runLookCommand);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    }
    try {
        if (*exportCmd) return runExport(ex);
        if (*infoCmd) return runInfo(infoInputs, infoAsJson);
        if (*paramsCmd) return runParams();
        if (*lensesCmd) return runLenses(lensesFile, lensesCamera);
        if (*presetsCmd) return runPresets(presetsAsJson);
        if (runSidecarCommand) return runSidecarCommand();
        if (runLookCommand) return runLookCommand();
    } catch (const Error& e) {
        std::fprintf(stderr, "rangefinder-cli: %s\n", e.what());
        return 2;
    }
    return 2;
}
