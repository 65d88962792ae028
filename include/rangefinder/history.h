// SPDX-License-Identifier: GPL-3.0-or-later
// Edit history: the ordered list of changes made to a photo's edit document, kept with the
// document (in its sidecar) so undo and redo survive closing the app. A step records, for
// each key it touched, the value before and after as JSON literals (absent = the key was not
// set), so undoing restores exactly what was there, including a key that was unset. Steps
// after the current position are the redo list; a new change discards them, as in any editor.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "rangefinder/params.h"

namespace rf {

struct EditStep {
    std::string label;  ///< what a person reads: "Exposure +0.50 EV", "Paste edits", "Reset"
    std::string time;   ///< ISO 8601 UTC, "2026-11-22T07:40:00Z"
    /// key → value before / after, each the JSON literal of an explicitly set value or
    /// nullopt when the key was not set.
    struct Change {
        std::optional<std::string> before, after;
        bool operator==(const Change&) const = default;
    };
    std::map<std::string, Change> changes;
    bool operator==(const EditStep&) const = default;
};

class EditHistory {
  public:
    static constexpr std::size_t kMaxSteps = 500;  ///< oldest steps are dropped beyond this

    /// Records the difference between two documents as one step (nothing when equal);
    /// discards the redo list; stamps the current time.
    void record(const EditDocument& before, const EditDocument& after, const std::string& label);

    bool canUndo() const { return position_ > 0; }
    bool canRedo() const { return position_ < steps_.size(); }
    /// Applies the inverse of the current step to `doc` and moves back; false when nothing
    /// to undo.
    bool undo(EditDocument& doc);
    /// Re-applies the next step; false when nothing to redo.
    bool redo(EditDocument& doc);

    const std::vector<EditStep>& steps() const { return steps_; }
    /// Number of steps applied (steps()[0 … position()-1]); the rest can be redone.
    std::size_t position() const { return position_; }
    void clear();

    /// JSON form: {"position": N, "steps": [{"label", "time", "changes": {key: {"before",
    /// "after"}}}]}. fromJson throws rf::Error naming `source` when malformed.
    std::string toJson() const;
    static EditHistory fromJson(const std::string& text, const std::string& source = "");

    /// Rewrites every value the steps hold with `fn(key, value)`: the document's migration
    /// (EditDocument::migrateValue), so undo and redo restore values in today's meaning.
    void rewriteValues(const std::function<std::optional<std::string>(
                           const std::string&, const std::optional<std::string>&)>& fn);

    bool operator==(const EditHistory&) const = default;

  private:
    std::vector<EditStep> steps_;
    std::size_t position_ = 0;
};

}  // namespace rf
