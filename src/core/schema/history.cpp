// SPDX-License-Identifier: GPL-3.0-or-later
// The edit history as a list of per-key differences. Storing before/after values instead of
// whole documents keeps a long history small and lets a step be applied to a document that
// changed elsewhere in keys the step does not touch (e.g. a look applied in another group).
// Undo and redo go through EditDocument::setValueJson, so a history read from disk is held to
// the same schema rules as the document itself.
#include "rangefinder/history.h"

#include <algorithm>
#include <ctime>
#include <set>

#include <nlohmann/json.hpp>

#include "rangefinder/error.h"
#include "util/json_input.h"

namespace rf {

using nlohmann::json;

namespace {

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Applies one side of a step to a copy first, so a value the schema rejects leaves `doc`
// exactly as it was.
void apply(const EditStep& step, EditDocument& doc, bool forward) {
    EditDocument next = doc;
    for (const auto& [key, change] : step.changes)
        next.setValueJson(key, forward ? change.after : change.before);
    doc = std::move(next);
}

}  // namespace

void EditHistory::record(const EditDocument& before, const EditDocument& after,
                         const std::string& label) {
    std::set<std::string> keys;
    for (const auto& k : before.keys()) keys.insert(k);
    for (const auto& k : after.keys()) keys.insert(k);
    EditStep step;
    step.label = label;
    for (const auto& k : keys) {
        EditStep::Change c{before.valueJson(k), after.valueJson(k)};
        if (c.before != c.after) step.changes.emplace(k, std::move(c));
    }
    if (step.changes.empty()) return;
    step.time = utcNow();
    steps_.erase(steps_.begin() + static_cast<std::ptrdiff_t>(position_), steps_.end());
    steps_.push_back(std::move(step));
    if (steps_.size() > kMaxSteps) {
        const std::size_t drop = steps_.size() - kMaxSteps;
        steps_.erase(steps_.begin(), steps_.begin() + static_cast<std::ptrdiff_t>(drop));
    }
    position_ = steps_.size();
}

void EditHistory::rewriteValues(const std::function<std::optional<std::string>(
                                    const std::string&, const std::optional<std::string>&)>& fn) {
    for (EditStep& step : steps_)
        for (auto& [key, change] : step.changes) {
            change.before = fn(key, change.before);
            change.after = fn(key, change.after);
        }
}

bool EditHistory::undo(EditDocument& doc) {
    if (!canUndo()) return false;
    apply(steps_[position_ - 1], doc, false);
    --position_;
    return true;
}

bool EditHistory::redo(EditDocument& doc) {
    if (!canRedo()) return false;
    apply(steps_[position_], doc, true);
    ++position_;
    return true;
}

void EditHistory::clear() {
    steps_.clear();
    position_ = 0;
}

std::string EditHistory::toJson() const {
    json steps = json::array();
    for (const auto& s : steps_) {
        json changes = json::object();
        for (const auto& [key, c] : s.changes) {
            json jc = json::object();
            if (c.before) jc["before"] = json::parse(*c.before);
            if (c.after) jc["after"] = json::parse(*c.after);
            changes[key] = std::move(jc);
        }
        steps.push_back({{"label", s.label}, {"time", s.time}, {"changes", std::move(changes)}});
    }
    json doc = {{"position", position_}, {"steps", std::move(steps)}};
    return doc.dump(2);
}

EditHistory EditHistory::fromJson(const std::string& text, const std::string& source) {
    const std::string where = source.empty() ? std::string("edit history") : source;
    json doc;
    try {
        doc = parseJsonWithinLimits(text, where, "edit history");
    } catch (const json::exception& e) {  // parse_error, or out_of_range: 1e999
        throw Error(where, std::string("edit history is not valid JSON: ") + e.what());
    }
    if (!doc.is_object()) throw Error(where, "an edit history must be a JSON object");
    EditHistory h;
    if (doc.contains("steps")) {
        const json& steps = doc["steps"];
        if (!steps.is_array()) throw Error(where, "edit history: \"steps\" must be an array");
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const json& js = steps[i];
            const std::string at = "edit history step " + std::to_string(i + 1) + ": ";
            if (!js.is_object()) throw Error(where, at + "must be an object");
            EditStep step;
            if (js.contains("label")) {
                if (!js["label"].is_string()) throw Error(where, at + "\"label\" must be text");
                step.label = js["label"].get<std::string>();
            }
            if (js.contains("time")) {
                if (!js["time"].is_string()) throw Error(where, at + "\"time\" must be text");
                step.time = js["time"].get<std::string>();
            }
            if (!js.contains("changes") || !js["changes"].is_object())
                throw Error(where, at + "\"changes\" must be an object");
            for (auto it = js["changes"].begin(); it != js["changes"].end(); ++it) {
                if (!it.value().is_object())
                    throw Error(where, at + "change of '" + it.key() + "' must be an object");
                EditStep::Change c;
                if (it.value().contains("before")) c.before = it.value()["before"].dump();
                if (it.value().contains("after")) c.after = it.value()["after"].dump();
                // Check both sides against the schema now: a bad value would otherwise only
                // surface when the photographer presses undo.
                EditDocument probe;
                try {
                    probe.setValueJson(it.key(), c.before);
                    probe.setValueJson(it.key(), c.after);
                } catch (const Error& e) {
                    throw Error(where, at + e.what());
                }
                step.changes.emplace(it.key(), std::move(c));
            }
            h.steps_.push_back(std::move(step));
        }
    }
    if (doc.contains("position")) {
        const json& p = doc["position"];
        if (!p.is_number_integer() || p.get<long long>() < 0 ||
            p.get<long long>() > static_cast<long long>(h.steps_.size()))
            throw Error(where, "edit history: \"position\" must be a whole number from 0 to " +
                                   std::to_string(h.steps_.size()));
        h.position_ = p.get<std::size_t>();
    } else {
        h.position_ = h.steps_.size();
    }
    if (h.steps_.size() > kMaxSteps) {
        // Oldest applied steps go first; if that is not enough, the farthest redo steps.
        const std::size_t excess = h.steps_.size() - kMaxSteps;
        const std::size_t front = std::min(excess, h.position_);
        h.steps_.erase(h.steps_.begin(), h.steps_.begin() + static_cast<std::ptrdiff_t>(front));
        h.position_ -= front;
        h.steps_.resize(kMaxSteps);
    }
    return h;
}

}  // namespace rf
