// SPDX-License-Identifier: GPL-3.0-or-later
#include "sidecar_commands.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "look_commands.h"
#include "rangefinder/error.h"
#include "rangefinder/export.h"
#include "rangefinder/history.h"
#include "rangefinder/looks.h"
#include "rangefinder/pipeline.h"

namespace fs = std::filesystem;

namespace rf::cli {

namespace {

// Parsed options live here until the chosen command runs.
struct State {
    SidecarOptions sidecar;
    std::vector<std::string> files;
    std::string source;
    std::string copyGroups = "look,tone,colour,detail";
    std::string resetGroups;
    bool json = false;
    int stars = -2;  // -2: not given
    bool reject = false;
    std::string label;
    bool labelGiven = false;
    std::vector<std::string> sets;  // edits set: KEY=VALUE, in order
    std::string look;
    double strength = -1;  // -1: the look's own
    std::vector<std::string> looksDirs;
    std::function<int()> command;
};

State& state() {
    static State s;
    return s;
}

std::vector<std::string> expand(const std::vector<std::string>& inputs, int& failed) {
    std::vector<std::string> files;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            try {
                const auto found = rawFilesIn(in);
                files.insert(files.end(), found.begin(), found.end());
            } catch (const Error& e) {
                std::fprintf(stderr, "error: %s\n", e.what());
                ++failed;
            }
        } else if (!fs::exists(in, ec)) {
            std::fprintf(stderr, "error: %s: no such file\n", in.c_str());
            ++failed;
        } else {
            files.push_back(in);
        }
    }
    return files;
}

// After an update failed: when the photo's sidecar exists but cannot be parsed, moves it
// aside as a backup (never overwritten) so the photo can start a fresh one, and says so.
// False when that is not why (no sidecar, unreadable, another program holds its lock).
bool setAsideUnparsable(const std::string& raw) {
    try {
        loadSidecar(raw);
        return false;  // it parses: the failure was something else
    } catch (const Error& e) {
        const std::string existing = findSidecar(raw);
        std::error_code ec;
        if (existing.empty() || !fs::is_regular_file(existing, ec)) return false;
        // Unreadable (permissions, I/O): report, touch nothing. Its first bytes tell; reading
        // all of it would let a huge sidecar exhaust memory on the way to being set aside.
        std::ifstream in(existing, std::ios::binary);
        char head[4096];
        if (!in || (!in.read(head, sizeof head) && in.bad())) return false;
        const std::string backup = quarantineSidecar(existing);
        std::fprintf(stderr, "warning: %s\n  kept the unreadable sidecar as %s; starting afresh\n",
                     e.what(), backup.c_str());
        return true;
    }
}

// Reads, changes and saves one file's sidecar under its lock, so that another process (the
// app, a second command) changing the same photo at the same time loses nothing; reports
// and counts a failure.
bool update(const std::string& raw, const std::function<bool(Sidecar&)>& change) {
    const SidecarNaming naming = namingFor(raw, state().sidecar);
    try {
        try {
            updateSidecar(raw, change, naming);
        } catch (const Error&) {
            if (!setAsideUnparsable(raw)) throw;
            updateSidecar(raw, change, naming);
        }
        return true;
    } catch (const Error& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return false;
    }
}

std::string valueText(const EditDocument& d, const std::string& key) {
    return d.valueJson(key).value_or("(default)");
}

int runShow() {
    int failed = 0;
    nlohmann::json all = nlohmann::json::array();
    for (const auto& raw : expand(state().files, failed)) {
        try {
            const Sidecar s = loadSidecar(raw);
            if (state().json) {
                nlohmann::json j;
                j["file"] = raw;
                j["sidecar"] = s.path;
                j["rating"] = s.info.rating;
                j["label"] = s.info.label;
                j["title"] = s.info.title;
                j["keywords"] = s.info.keywords;
                j["edits"] = nlohmann::json::parse(s.edits.toJson());
                j["history"] = nlohmann::json::parse(s.history.toJson());
                all.push_back(std::move(j));
                continue;
            }
            std::printf("%s\n", raw.c_str());
            std::printf("  sidecar   %s\n", s.path.empty() ? "(none)" : s.path.c_str());
            std::printf("  rating    %s\n", s.info.rating < 0 ? "rejected"
                                            : s.info.rating == 0
                                                ? "unrated"
                                                : std::string(s.info.rating, '*').c_str());
            if (!s.info.label.empty()) std::printf("  label     %s\n", s.info.label.c_str());
            if (!s.info.title.empty()) std::printf("  title     %s\n", s.info.title.c_str());
            const auto keys = s.edits.keys();
            if (keys.empty()) std::printf("  edits     none\n");
            for (const auto& k : keys)
                std::printf("  %-22s %s\n", k.c_str(), valueText(s.edits, k).c_str());
            const auto& steps = s.history.steps();
            for (std::size_t i = 0; i < steps.size(); ++i)
                std::printf("  %s %2zu. %s  %s\n",
                            i < s.history.position() ? "history" : "(undone)", i + 1,
                            steps[i].time.c_str(), steps[i].label.c_str());
        } catch (const Error& e) {
            std::fprintf(stderr, "error: %s\n", e.what());
            ++failed;
        }
    }
    if (state().json) std::printf("%s\n", all.dump(2).c_str());
    return failed ? 1 : 0;
}

int runCopy() {
    int failed = 0;
    const auto groups = parseGroups(state().copyGroups);
    Sidecar src;
    try {
        src = loadSidecar(state().source);
    } catch (const Error& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    const std::string label = "Copy edits from " + fs::path(state().source).filename().string();
    for (const auto& raw : expand(state().files, failed)) {
        failed += !update(raw, [&](Sidecar& s) {
            const EditDocument before = s.edits;
            for (ParamGroup g : groups) s.edits.resetGroup(g);
            s.edits.mergeGroups(src.edits, groups);
            s.history.record(before, s.edits, label);
            return !(before == s.edits);
        });
    }
    return failed ? 1 : 0;
}

int runReset() {
    int failed = 0;
    const std::string& names = state().resetGroups;
    const auto groups = names.empty() ? std::vector<ParamGroup>{} : parseGroups(names);
    for (const auto& raw : expand(state().files, failed)) {
        failed += !update(raw, [&](Sidecar& s) {
            const EditDocument before = s.edits;
            if (groups.empty())
                s.edits.clear();
            else
                for (ParamGroup g : groups) s.edits.resetGroup(g);
            s.history.record(before, s.edits, groups.empty() ? "Reset" : "Reset " + names);
            return !(before == s.edits);
        });
    }
    return failed ? 1 : 0;
}

// edits set: the same change to every photo's sidecar, one history step each, as the app's
// batch "Apply Look to Selected…" and paste do: the look first (its sliders), then each
// KEY=VALUE in order (so one can still move a slider the look set). Everything is checked
// before the first sidecar is written: a typo must not leave a batch half changed.
int runSet() {
    State& st = state();
    if (st.sets.empty() && st.look.empty()) {
        std::fprintf(stderr, "edits set: give --set KEY=VALUE and/or --look NAME\n");
        return 2;
    }
    EditDocument sets;
    for (const auto& a : st.sets) sets.setAssignment(a);
    LookLibrary library;
    const Look* look = nullptr;
    std::string label;
    if (!st.look.empty()) {
        library = loadLooks(st.looksDirs);
        look = findLooks(library, {st.look}).front();
        label = "Look: " + look->name;
    }
    const std::optional<double> strength =
        st.strength >= 0 ? std::optional<double>(st.strength) : std::nullopt;
    {
        EditDocument check = look ? editsWithLook({}, *look, strength, library) : EditDocument();
        check.merge(sets);
        validateEdits(check);
    }
    if (!st.sets.empty()) {
        std::string list;
        for (const auto& a : st.sets) list += (list.empty() ? "" : ", ") + a;
        label += (label.empty() ? "Set " : "; set ") + list;
    }
    int failed = 0, changed = 0;
    for (const auto& raw : expand(st.files, failed)) {
        bool did = false;
        failed += !update(raw, [&](Sidecar& s) {
            const EditDocument before = s.edits;
            EditDocument after = look ? editsWithLook(before, *look, strength, library) : before;
            after.merge(sets);
            if (after == before) return false;
            s.history.record(before, after, label);
            s.edits = after;
            return did = true;
        });
        changed += did;
    }
    std::fprintf(stderr, "%s: %d photo(s) changed%s\n", label.c_str(), changed,
                 failed ? (", " + std::to_string(failed) + " failed").c_str() : "");
    return failed ? 1 : 0;
}

int runUndoRedo(bool undo) {
    int failed = 0;
    for (const auto& raw : expand(state().files, failed)) {
        failed += !update(raw, [&](Sidecar& s) {
            const bool done = undo ? s.history.undo(s.edits) : s.history.redo(s.edits);
            if (!done)
                std::fprintf(stderr, "%s: nothing to %s\n", raw.c_str(), undo ? "undo" : "redo");
            return done;
        });
    }
    return failed ? 1 : 0;
}

int runRate() {
    State& st = state();
    if (st.stars == -2 && !st.reject && !st.labelGiven) {
        std::fprintf(stderr, "rate: give --stars, --reject or --label\n");
        return 2;
    }
    int failed = 0;
    for (const auto& raw : expand(st.files, failed)) {
        failed += !update(raw, [&](Sidecar& s) {
            if (st.reject) s.info.rating = -1;
            if (st.stars != -2) s.info.rating = st.stars;
            if (st.labelGiven) s.info.label = st.label == "none" ? "" : st.label;
            return true;
        });
    }
    return failed ? 1 : 0;
}

int runChosen() {
    return state().command();
}

}  // namespace

SidecarNaming namingFor(const std::string& raw, const SidecarOptions& o) {
    return sidecarNamingFor(
        raw, o.naming == "base" ? SidecarNaming::BaseNameXmp : SidecarNaming::RawExtXmp);
}

std::vector<ParamGroup> parseGroups(const std::string& list) {
    std::vector<ParamGroup> groups;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = list.find(',', start);
        const std::string name =
            list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!name.empty()) {
            const auto g = groupFromName(name);
            if (!g)
                throw Error("unknown group '" + name +
                            "' (groups: look, tone, colour, wb, crop, detail)");
            groups.push_back(*g);
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (groups.empty()) throw Error("no groups given");
    return groups;
}

void addSidecarCommands(CLI::App& app, int (*&run)()) {
    State& st = state();
    auto naming = [&st](CLI::App* cmd) {
        cmd->add_option("--sidecar-naming", st.sidecar.naming,
                        "Name of a new sidecar: raw-ext (IMG_1.CR2.xmp, darktable, digiKam) or "
                        "base (IMG_1.xmp, Lightroom); an existing one is kept where it is")
            ->check(CLI::IsMember({"raw-ext", "base"}))
            ->capture_default_str();
    };
    auto choose = [&run](CLI::App* cmd, std::function<int()> fn) {
        cmd->callback([fn, &run] {
            state().command = fn;
            run = runChosen;
        });
    };

    CLI::App* edits = app.add_subcommand(
        "edits", "Show, set, copy, reset, undo or redo the edits kept in XMP sidecars.");
    edits->require_subcommand(1);

    CLI::App* show = edits->add_subcommand("show", "Print a photo's rating, edits and history.");
    show->add_option("files", st.files, "Raw files or folders")->required();
    show->add_flag("--json", st.json, "Machine-readable output");
    choose(show, runShow);

    CLI::App* copy = edits->add_subcommand("copy", "Copy edits from one photo to others.");
    copy->add_option("source", st.source, "Photo whose edits are copied")
        ->required()
        ->check(CLI::ExistingFile);
    copy->add_option("targets", st.files, "Raw files or folders to copy onto")->required();
    copy->add_option("-g,--groups", st.copyGroups,
                     "Groups to copy: look, tone, colour, wb, crop, detail (white balance and crop "
                     "are per photo, so not copied unless named)")
        ->capture_default_str();
    naming(copy);
    choose(copy, runCopy);

    CLI::App* reset = edits->add_subcommand("reset", "Remove edits (all, or some groups).");
    reset->add_option("files", st.files, "Raw files or folders")->required();
    reset->add_option("-g,--groups", st.resetGroups, "Only these groups (default: everything)");
    naming(reset);
    choose(reset, [] { return runReset(); });

    CLI::App* set = edits->add_subcommand(
        "set",
        "Set edit parameters and/or a look in the sidecars of photos (a batch), one history "
        "step each.");
    set->add_option("files", st.files, "Raw files or folders")->required();
    set->add_option("-s,--set", st.sets,
                    "KEY=VALUE for any edit parameter (see: rangefinder-cli params); repeatable")
        ->allow_extra_args(false);
    CLI::Option* setLook = set->add_option(
        "--look", st.look, "Apply this look (name or slug, see: rangefinder-cli looks list)");
    set->add_option("--strength,--look-strength", st.strength,
                    "The look's strength in percent (default: the look's own)")
        ->check(CLI::Range(0.0, 100.0))
        ->needs(setLook);
    set->add_option("--looks-dir", st.looksDirs,
                    "Read looks from this folder instead of the installed and user folders "
                    "(repeatable)")
        ->allow_extra_args(false);
    naming(set);
    choose(set, runSet);

    CLI::App* undo = edits->add_subcommand("undo", "Undo the last edit step.");
    undo->add_option("files", st.files, "Raw files or folders")->required();
    choose(undo, [] { return runUndoRedo(true); });
    CLI::App* redo = edits->add_subcommand("redo", "Redo the last undone edit step.");
    redo->add_option("files", st.files, "Raw files or folders")->required();
    choose(redo, [] { return runUndoRedo(false); });

    CLI::App* rate = app.add_subcommand(
        "rate", "Set star ratings, rejects and colour labels (xmp:Rating, xmp:Label).");
    rate->add_option("files", st.files, "Raw files or folders")->required();
    CLI::Option* stars =
        rate->add_option("--stars", st.stars, "0 (unrated) to 5")->check(CLI::Range(0, 5));
    // A reject is a rating (−1): both at once would silently drop one of them.
    rate->add_flag("--reject", st.reject, "Mark as rejected (rating -1)")->excludes(stars);
    rate->add_option("--label", st.label, "Colour label: Red, Yellow, Green, Blue, Purple, or none")
        ->transform(
            CLI::IsMember({"Red", "Yellow", "Green", "Blue", "Purple", "none"}, CLI::ignore_case))
        ->each([&st](const std::string&) { st.labelGiven = true; });
    naming(rate);
    choose(rate, runRate);
}

}  // namespace rf::cli
