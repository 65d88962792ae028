// SPDX-License-Identifier: GPL-3.0-or-later
// The edit document and the parameter schema. Every adjustment the pipeline knows is declared
// once, by the stage that reads it, in that stage's table (key, type, default, range, unit,
// label, copy group, help, where the app shows it, and the field it fills: src/core/schema/
// declare.h). The schema is those tables in pipeline order; serialisation, the CLI's
// `--set key=value`, the pipeline's cache keys, looks and the GUI's controls all read it. An
// edit document holds only the values that were set explicitly: a missing key takes its
// default, unknown keys (from a newer version or another tool) are kept verbatim through a
// round trip, and a look is simply a partial document merged on top of another. Each stage
// has a version; a document records the versions its values were written for, and one read
// from an older version is migrated to today's meaning on load.
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
enum class ParamGroup { Look, Tone, Color, WhiteBalance, Crop, Detail };

/// The pipeline's cache levels, in order. A parameter belongs to its stage's scope: changing
/// it re-runs that level and every later one, never an earlier one (pipeline.h).
enum class ParamScope {
    Develop,  ///< white balance, highlights, demosaic: the developed sensor image
    Shape,    ///< geometry and crop: the shaped image (with the resize)
    Detail,   ///< noise reduction: the denoised shaped image
    Finish,   ///< tone and look: the per-pixel finishing pass, never cached
};

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
    std::string stage;  ///< the stage that declares and reads it ("tone")
    ParamScope scope = ParamScope::Finish;
    /// Where the desktop app shows it: a panel ("basic", "crop", "detail"; empty: a special
    /// control or none), the heading it sits under there, and its order in the panel.
    std::string panel, section;
    int order = 0;
    /// A look file may set it although it is not a look.* key (the XPan look's frame:
    /// crop.aspect). Every look.* key but the look's name and strength may be set anyway.
    bool inLooks = false;
};

/// A stage that declares parameters, and the version of their meaning.
struct StageInfo {
    std::string name;  ///< "tone": the key of its version in documents and sidecars
    int version = 1;   ///< bumped, with a migration, when a value comes to mean another thing
    ParamScope scope = ParamScope::Finish;
};

/// The stages in pipeline order.
const std::vector<StageInfo>& stages();
/// The keys of every parameter of the stages in `scope`: what that cache level is keyed by.
const std::vector<std::string>& scopeKeys(ParamScope scope);

/// The whole schema, in pipeline order.
const std::vector<ParamDecl>& schema();
/// nullptr when the key is not declared.
const ParamDecl* findParam(const std::string& key);
const char* groupName(ParamGroup g);
std::optional<ParamGroup> groupFromName(const std::string& name);

using ParamValue = std::variant<double, bool, std::string>;

class EditDocument {
  public:
    /// 2: with "stages", the version of each stage's values (1: before stage versions).
    static constexpr int kFormatVersion = 2;

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

    /// {"format":"rangefinder-edit","version":2,"stages":{"tone":2,…},"params":{...}} plus
    /// any unknown top-level members read earlier.
    std::string toJson(int indent = 2) const;
    /// Throws rf::Error naming `source` and the problem for malformed documents. A document
    /// written for older stage versions is migrated to today's (each stage's migrations, in
    /// order); one from a newer Rangefinder than this is refused.
    static EditDocument fromJson(const std::string& text, const std::string& source = "");
    /// The same, and tells which stage versions the values were written for (empty: today's),
    /// so that what belongs with the document (its edit history) can be migrated alike.
    static EditDocument fromJson(const std::string& text, const std::string& source,
                                 std::map<std::string, int>& writtenFor);
    /// One value of `key` (a JSON literal; nullopt: not set) written for the stage versions
    /// `written`, in today's meaning: the value a document holding just it has after migration.
    /// A value the schema refuses is returned as it was.
    static std::optional<std::string> migrateValue(const std::string& key,
                                                   const std::optional<std::string>& value,
                                                   const std::map<std::string, int>& written);
    static EditDocument loadFile(const std::string& path);
    /// Atomic write (temporary file + rename).
    void saveFile(const std::string& path) const;

    bool operator==(const EditDocument& o) const;

    /// Runs the migrations from the versions the values were written for (stage → version;
    /// a stage not named is taken as today's) to today's. Throws rf::Error naming `where`.
    void migrate(const std::map<std::string, int>& written, const std::string& where);

  private:
    std::map<std::string, ParamValue> values_;     // declared keys, explicitly set
    std::map<std::string, std::string> unknown_;   // undeclared params: raw JSON text
    std::map<std::string, std::string> extraTop_;  // unknown top-level members: raw JSON text
};

}  // namespace rf
