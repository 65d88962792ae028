// SPDX-License-Identifier: GPL-3.0-or-later
// The edit document and the parameter schema. Every adjustment the pipeline knows is declared
// once, in one table (key, type, default, range, unit, label, group); serialisation, the CLI's
// `--set key=value`, cache hashing, looks and the GUI's sliders all read that table. An edit
// document holds only the values that were set explicitly: a missing key takes its default,
// unknown keys (from a newer version or another tool) are kept verbatim through a round trip,
// and a look is simply a partial document merged on top of another.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace rf {

enum class ParamType { Float, Int, Bool, Choice, Text };

/// Groups mirror what a photographer copies between photos (see `edits copy`).
enum class ParamGroup { Look, Tone, Colour, WhiteBalance, Crop, Detail };

struct ParamDecl {
    std::string key;  ///< "stage.name", e.g. "exposure.ev"
    ParamType type = ParamType::Float;
    double defaultValue = 0;  ///< Float, Int, Bool (0/1)
    double minValue = 0, maxValue = 0;
    std::string defaultText;  ///< Choice and Text
    std::vector<std::string> choices;
    std::string unit;   ///< "EV", "K", "%", "°", "px", ""
    std::string label;  ///< what a slider is called
    ParamGroup group = ParamGroup::Tone;
    std::string help;
};

/// The whole schema, in pipeline order.
const std::vector<ParamDecl>& schema();
/// nullptr when the key is not declared.
const ParamDecl* findParam(const std::string& key);
const char* groupName(ParamGroup g);
std::optional<ParamGroup> groupFromName(const std::string& name);

using ParamValue = std::variant<double, bool, std::string>;

class EditDocument {
  public:
    static constexpr int kFormatVersion = 1;

    /// Typed reads; a key not set explicitly yields its declared default. Reading an
    /// undeclared key, or with the wrong type, is a programming error (throws std::logic_error).
    double getFloat(const std::string& key) const;
    int getInt(const std::string& key) const;
    bool getBool(const std::string& key) const;
    std::string getText(const std::string& key) const;  ///< Choice and Text

    /// Typed writes, validated against the schema: out-of-range numbers and unknown choices
    /// throw rf::Error with the key and the allowed range.
    void setFloat(const std::string& key, double v);
    void setBool(const std::string& key, bool v);
    void setText(const std::string& key, const std::string& v);
    /// Parses "value" for the key's type ("1.5", "true", "daylight"): the CLI's --set.
    void setFromString(const std::string& key, const std::string& value);
    /// Parses "key=value".
    void setAssignment(const std::string& assignment);

    bool isSet(const std::string& key) const;
    void reset(const std::string& key);
    void resetGroup(ParamGroup g);
    void clear();

    /// The JSON literal of an explicitly set value ("0.5", "true", "\"daylight\"", or the raw
    /// text of an unknown key); nullopt when the key is not set. Used by the edit history.
    std::optional<std::string> valueJson(const std::string& key) const;
    /// Sets a key from a JSON literal, validated as fromJson() does (declared keys against the
    /// schema, unknown keys kept verbatim); nullopt resets the key. Throws rf::Error.
    void setValueJson(const std::string& key, const std::optional<std::string>& json);

    /// Explicitly set keys (declared and unknown), sorted.
    std::vector<std::string> keys() const;

    /// Copies every value `other` sets explicitly onto this document (a look, a paste).
    void merge(const EditDocument& other);
    /// Same, restricted to some groups (selective paste); unknown keys are not copied.
    void mergeGroups(const EditDocument& other, const std::vector<ParamGroup>& groups);

    /// Hash of the effective values (defaults included) of the keys whose group is in
    /// `groups`, or of all declared keys when empty: the pipeline's cache key.
    std::uint64_t hash(const std::vector<ParamGroup>& groups = {}) const;
    /// Hash of the effective values of the given keys.
    std::uint64_t hashKeys(const std::vector<std::string>& keys) const;

    /// {"format":"rangefinder-edit","version":1,"params":{...}} plus any unknown top-level
    /// members read earlier.
    std::string toJson(int indent = 2) const;
    /// Throws rf::Error naming `source` and the problem for malformed documents.
    static EditDocument fromJson(const std::string& text, const std::string& source = "");
    static EditDocument loadFile(const std::string& path);
    /// Atomic write (temporary file + rename).
    void saveFile(const std::string& path) const;

    bool operator==(const EditDocument& o) const;

  private:
    std::map<std::string, ParamValue> values_;     // declared keys, explicitly set
    std::map<std::string, std::string> unknown_;   // undeclared params: raw JSON text
    std::map<std::string, std::string> extraTop_;  // unknown top-level members: raw JSON text
};

}  // namespace rf
