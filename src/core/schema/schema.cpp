// SPDX-License-Identifier: GPL-3.0-or-later
// The schema: the stages' declaration tables in pipeline order (each table lives with its
// stage; declare.h says how a row is written), and the helpers the tables build rows with.
#include <algorithm>
#include <stdexcept>

#include "rangefinder/params.h"
#include "schema/declare.h"
#include "schema/stage_tables.h"

namespace rf {

namespace decl {

ParamDecl num(std::string key, double def, double lo, double hi, std::string unit,
              std::string label, ParamGroup g, std::string help) {
    ParamDecl d;
    d.key = std::move(key);
    d.type = ParamType::Float;
    d.defaultValue = def;
    d.minValue = lo;
    d.maxValue = hi;
    d.unit = std::move(unit);
    d.label = std::move(label);
    d.group = g;
    d.help = std::move(help);
    return d;
}

ParamDecl integer(std::string key, double def, double lo, double hi, std::string unit,
                  std::string label, ParamGroup g, std::string help) {
    ParamDecl d =
        num(std::move(key), def, lo, hi, std::move(unit), std::move(label), g, std::move(help));
    d.type = ParamType::Int;
    return d;
}

ParamDecl flag(std::string key, bool def, std::string label, ParamGroup g, std::string help) {
    ParamDecl d;
    d.key = std::move(key);
    d.type = ParamType::Bool;
    d.defaultValue = def ? 1 : 0;
    d.maxValue = 1;
    d.label = std::move(label);
    d.group = g;
    d.help = std::move(help);
    return d;
}

ParamDecl choice(std::string key, std::string def, std::vector<std::string> choices,
                 std::string label, ParamGroup g, std::string help) {
    ParamDecl d;
    d.key = std::move(key);
    d.type = ParamType::Choice;
    d.defaultText = std::move(def);
    d.choices = std::move(choices);
    d.label = std::move(label);
    d.group = g;
    d.help = std::move(help);
    return d;
}

ParamDecl text(std::string key, std::string label, ParamGroup g, std::string help) {
    ParamDecl d;
    d.key = std::move(key);
    d.type = ParamType::Text;
    d.label = std::move(label);
    d.group = g;
    d.help = std::move(help);
    return d;
}

}  // namespace decl

namespace {

// Pipeline order; the listing of `rangefinder-cli params` follows it.
std::vector<const decl::StageEntry*> buildStages() {
    std::vector<const decl::StageEntry*> out = {
        &demosaicTable().entry(), &highlightTable().entry(), &whiteBalanceTable().entry(),
        &toneTable().entry(),     &lensTable().entry(),      &geometryTable().entry(),
        &denoiseTable().entry(),  &lookTable().entry(),
    };
    std::vector<std::string> seen;
    for (const decl::StageEntry* e : out)
        for (const ParamDecl& d : e->params) {
            if (std::find(seen.begin(), seen.end(), d.key) != seen.end())
                throw std::logic_error("parameter '" + d.key + "' is declared twice");
            seen.push_back(d.key);
        }
    return out;
}

}  // namespace

namespace decl {

const std::vector<const StageEntry*>& stageEntries() {
    static const std::vector<const StageEntry*> s = buildStages();
    return s;
}

}  // namespace decl

const std::vector<StageInfo>& stages() {
    static const std::vector<StageInfo> s = [] {
        std::vector<StageInfo> out;
        for (const decl::StageEntry* e : decl::stageEntries()) out.push_back(e->info);
        return out;
    }();
    return s;
}

const std::vector<ParamDecl>& schema() {
    static const std::vector<ParamDecl> s = [] {
        std::vector<ParamDecl> out;
        for (const decl::StageEntry* e : decl::stageEntries())
            out.insert(out.end(), e->params.begin(), e->params.end());
        return out;
    }();
    return s;
}

const std::vector<std::string>& scopeKeys(ParamScope scope) {
    static const auto keys = [] {
        std::vector<std::vector<std::string>> out(4);
        for (const ParamDecl& d : schema()) out[std::size_t(d.scope)].push_back(d.key);
        return out;
    }();
    return keys.at(std::size_t(scope));
}

const ParamDecl* findParam(const std::string& key) {
    const auto& s = schema();
    auto it = std::find_if(s.begin(), s.end(), [&](const ParamDecl& d) { return d.key == key; });
    return it == s.end() ? nullptr : &*it;
}

const char* groupName(ParamGroup g) {
    switch (g) {
        case ParamGroup::Look:
            return "look";
        case ParamGroup::Tone:
            return "tone";
        case ParamGroup::Color:
            return "colour";
        case ParamGroup::WhiteBalance:
            return "wb";
        case ParamGroup::Crop:
            return "crop";
        case ParamGroup::Detail:
            return "detail";
    }
    return "?";
}

std::optional<ParamGroup> groupFromName(const std::string& name) {
    for (ParamGroup g : {ParamGroup::Look, ParamGroup::Tone, ParamGroup::Color,
                         ParamGroup::WhiteBalance, ParamGroup::Crop, ParamGroup::Detail})
        if (name == groupName(g)) return g;
    if (name == "color") return ParamGroup::Color;
    if (name == "white-balance" || name == "whitebalance") return ParamGroup::WhiteBalance;
    return std::nullopt;
}

}  // namespace rf
