// SPDX-License-Identifier: GPL-3.0-or-later
#include "look_commands.h"

#include "look_learn_command.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "rangefinder/error.h"
#include "rangefinder/look.h"
#include "rangefinder/lut.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace rf::cli {

namespace {

// Parsed options live here until the chosen command runs.
struct State {
    std::vector<std::string> dirs;
    bool json = false;
    std::string lutFile, name, encoding = "srgb", to;
    std::string cubeLook, cubeOut;
    std::string cubeSpace = cubeSpaceName(CubeSpace::SRGB);
    int cubeSize = 33;
    bool overwrite = false;
    std::function<int()> command;
};

State& state() {
    static State s;
    return s;
}

std::string firstLine(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

int runList() {
    const LookLibrary lib =
        LookLibrary::load(state().dirs.empty() ? defaultLookDirs() : state().dirs);
    // Everything printed from the look files (and their names) goes through printableText:
    // a look folder can hold files from anyone, and a terminal obeys escape sequences.
    for (const auto& e : lib.errors())
        std::fprintf(stderr, "error: %s\n", printableText(e.message, true).c_str());
    if (state().json) {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& l : lib.looks())
            all.push_back({{"name", l.name},
                           {"maker", l.maker},
                           {"slug", lookSlug(l.name)},
                           {"category", lookCategoryName(l.category)},
                           {"description", l.description},
                           {"strength", l.defaultStrength},
                           {"file", l.path}});
        // JSON escapes control characters itself; a file name that is not UTF-8 is replaced
        // rather than thrown on.
        std::printf("%s\n",
                    all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
    } else {
        // Grouped by maker, as the library orders them: a heading where the maker changes.
        std::optional<std::string> maker;
        for (const auto& l : lib.looks()) {
            // The library groups makers regardless of case ("leica" with "Leica").
            if (!maker || asciiLower(l.maker) != asciiLower(*maker)) {
                std::printf("%s%s\n", maker ? "\n" : "",
                            l.maker.empty() ? "Other looks"
                                            : printableText("Inspired by " + l.maker).c_str());
                maker = l.maker;
            }
            std::printf("%s (%s)\n", printableText(l.name).c_str(), lookCategoryName(l.category));
            if (!l.description.empty())
                std::printf("    %s\n", printableText(firstLine(l.description), true).c_str());
            std::printf("    %s\n", printableText(l.path).c_str());
        }
    }
    if (lib.looks().empty() && lib.errors().empty()) {
        std::string dirs;
        for (const auto& d : lib.dirs()) dirs += "\n  " + d;
        std::fprintf(stderr, "no looks found in:%s\n", dirs.c_str());
    }
    return lib.errors().empty() ? 0 : 1;
}

int runImport() {
    const State& st = state();
    try {
        const std::string dir = st.to.empty() ? userLookDir() : st.to;
        const Look l = importLutAsLook(st.lutFile, dir, st.name, st.encoding);
        std::fprintf(stderr, "Imported %s as the look '%s' (input encoding %s)\n",
                     printableText(st.lutFile).c_str(), printableText(l.name).c_str(),
                     st.encoding.c_str());
        std::printf("%s\n", printableText(l.path).c_str());
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "error: %s\n", printableText(e.what(), true).c_str());
        return 1;
    }
}

int runExportCube() {
    const State& st = state();
    const LookLibrary lib = loadLooks(st.dirs);
    const Look& look = *findLooks(lib, {st.cubeLook}).front();  // unknown: a usage error
    try {
        std::error_code ec;
        if (!st.overwrite && fs::exists(st.cubeOut, ec))
            throw Error(st.cubeOut, "already exists (use --overwrite to replace it)");
        const LookParams p = LookParams::from(editsWithLook({}, look, 100.0, lib));
        writeLookCube(st.cubeOut, look.name, p, *cubeSpaceFromName(st.cubeSpace), st.cubeSize);
        std::printf("%s\n", st.cubeOut.c_str());
        return 0;
    } catch (const Error& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
}

int runChosen() {
    return state().command();
}

}  // namespace

LookLibrary loadLooks(const std::vector<std::string>& dirs) {
    LookLibrary lib = LookLibrary::load(dirs.empty() ? defaultLookDirs() : dirs);
    for (const auto& e : lib.errors())
        std::fprintf(stderr, "warning: %s\n", printableText(e.message, true).c_str());
    return lib;
}

std::vector<const Look*> findLooks(const LookLibrary& library,
                                   const std::vector<std::string>& names) {
    std::vector<const Look*> found;
    for (const auto& name : names) {
        const Look* l = library.find(name);
        if (!l) {
            std::string known;
            for (const auto& k : library.looks()) known += "\n  " + k.name;
            throw Error("no look named '" + name + "'" +
                        (known.empty() ? std::string(" (no looks are installed)")
                                       : "; the looks are:" + known));
        }
        if (std::find(found.begin(), found.end(), l) == found.end()) found.push_back(l);
    }
    return found;
}

EditDocument editsWithLook(const EditDocument& edits, const Look& look,
                           std::optional<double> strengthPercent, const LookLibrary& library) {
    EditDocument out =
        withLook(edits, look, strengthPercent, library.find(edits.getText("look.name")));
    if (look.params.isSet("look.lut.file") && !look.path.empty()) {
        const fs::path lut = look.params.getText("look.lut.file");
        if (lut.is_relative())
            out.setText("look.lut.file",
                        (fs::absolute(look.path).parent_path() / lut).lexically_normal().string());
    }
    return out;
}

std::string templateWithLook(const std::string& nameTemplate) {
    if (nameTemplate.find("{look}") != std::string::npos) return nameTemplate;
    // "{name}.jpg" → "{name}-{look}.jpg": an extension is a dot after the last field.
    const auto lastField = nameTemplate.rfind('}');
    const auto dot = nameTemplate.rfind('.');
    if (dot != std::string::npos && (lastField == std::string::npos || dot > lastField))
        return nameTemplate.substr(0, dot) + "-{look}" + nameTemplate.substr(dot);
    return nameTemplate + "-{look}";
}

void addLookCommands(CLI::App& app, int (*&run)()) {
    State& st = state();
    auto choose = [&run](CLI::App* cmd, std::function<int()> fn) {
        cmd->callback([fn, &run] {
            state().command = fn;
            run = runChosen;
        });
    };
    auto dirs = [&st](CLI::App* cmd) {
        cmd->add_option("--looks-dir", st.dirs,
                        "Read looks from this folder instead of the installed and user folders "
                        "(repeatable; a later folder's look replaces an earlier one's)")
            ->allow_extra_args(false);
    };

    CLI::App* looks =
        app.add_subcommand("looks",
                           "List looks, import a LUT as a look, bake a look into a LUT, "
                           "learn a look from examples.");
    looks->require_subcommand(1);
    addLookLearnCommand(*looks, run);

    CLI::App* list = looks->add_subcommand(
        "list", "Print every look: name, category, description and file; bad files on stderr.");
    list->add_flag("--json", st.json, "Machine-readable output");
    dirs(list);
    choose(list, runList);

    CLI::App* import = looks->add_subcommand(
        "import", "Make a 3D LUT (.cube, or a Hald CLUT .png/.tif) a look with a strength slider.");
    import->add_option("file", st.lutFile, "The LUT")->required()->check(CLI::ExistingFile);
    import->add_option("--name", st.name, "The look's name (default: the file's name)");
    import
        ->add_option("--encoding", st.encoding,
                     "What the LUT expects: srgb (most LUTs), rec2020 or display-p3 primaries, "
                     "each with the sRGB transfer curve")
        ->check(CLI::IsMember({"srgb", "rec2020", "display-p3"}))
        ->capture_default_str();
    import->add_option(
        "--to", st.to,
        "Folder to import into (default: the user's look folder, " + userLookDir() + ")");
    choose(import, runImport);

    CLI::App* cube = looks->add_subcommand(
        "export-cube",
        "Bake a look's colour (not its vignette or grain) into a .cube 3D LUT for other tools.");
    cube->add_option("name", st.cubeLook, "The look (name or slug)")->required();
    cube->add_option("out,-o,--output", st.cubeOut, "The .cube file to write")->required();
    std::vector<std::string> spaces;
    for (CubeSpace s : kCubeSpaces) spaces.push_back(cubeSpaceName(s));
    cube->add_option("--space", st.cubeSpace,
                     "The LUT's colour space, in and out: srgb (display-referred sRGB: "
                     "Rangefinder's export without the look in, with it out; for photo editors, "
                     "ffmpeg, video tools), rec2020-linear (linear Rec.2020 with a 1D shaper, "
                     "DaVinci Resolve's shaper + 3D .cube) or acescct (ACEScct log)")
        ->check(CLI::IsMember(spaces, CLI::ignore_case))
        ->capture_default_str();
    cube->add_option("--size", st.cubeSize, "Points per axis (65 for the most accuracy)")
        ->check(CLI::Range(2, Lut3D::kMaxSize))
        ->capture_default_str();
    cube->add_flag("--overwrite", st.overwrite, "Replace an existing file");
    dirs(cube);
    choose(cube, runExportCube);
}

}  // namespace rf::cli
