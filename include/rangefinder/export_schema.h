// SPDX-License-Identifier: GPL-3.0-or-later
// The export settings, declared once. Every field of ExportSettings a person can choose —
// format, quality, size, colour space, sharpening, metadata, naming… — has one row here: its
// key (as written in preset files and the desktop app's stored presets), its type, its
// choices with their canonical spelling, the aliases also accepted and a label for people,
// its range, its help text and its command-line option. The command line's export options,
// the desktop app's export dialog and presets, and the preset files all read this table, so
// an enum has exactly one list of names and a new setting is one row (export_schema.cpp).
//
// Values travel as ExportValue: a choice, a size or a text as its canonical string, a whole
// number as int, a number as double, a switch as bool.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "rangefinder/color.h"
#include "rangefinder/resample.h"
#include "rangefinder/writer.h"

namespace rf {

struct ExportSettings;

enum class ExportSettingType {
    Choice,  ///< one of `choices`, by name
    Int,     ///< a whole number in [minValue, maxValue]
    Float,   ///< a number in [minValue, maxValue]
    Bool,
    Text,  ///< free text (a folder, a name template, an artist)
    Size,  ///< an output size as people write it ("long:2048"); `choices` are the size modes
};

using ExportValue = std::variant<bool, int, double, std::string>;

/// One value of a choice (or one size mode of the size setting).
struct ExportChoice {
    std::string name;                  ///< canonical spelling: printed and stored
    std::vector<std::string> aliases;  ///< also accepted when reading (as the name: any case)
    std::string label;                 ///< for people: the export dialog's item
    std::string help;                  ///< a sentence for a tooltip; may be empty
    int value = 0;                     ///< the enum's value
};

struct ExportSettingDecl {
    std::string key;
    ExportSettingType type = ExportSettingType::Text;
    std::string label;  ///< for people: "Colour space"
    std::string help;   ///< one line: the command line's help, the dialog's tooltip
    std::vector<ExportChoice> choices;
    double minValue = 0, maxValue = 0;  ///< Int and Float
    /// The command line's option ("-f,--format"); empty when the command line has none. A
    /// Bool option is a flag that turns the setting on.
    std::string cliOption;
    ExportValue (*get)(const ExportSettings&) = nullptr;
    /// Stores a value that parseExportValue or checkExportValue accepted.
    void (*set)(ExportSettings&, const ExportValue&) = nullptr;

    /// The value of a default-constructed ExportSettings.
    ExportValue defaultValue() const;
    /// The choice with this name or alias (any case); nullptr when none matches.
    const ExportChoice* findChoice(const std::string& text) const;
    /// The choice whose enum value is `value`; throws std::logic_error when none is.
    const ExportChoice& choiceFor(int value) const;
    /// "jpeg, tiff or png"; for numbers "1 … 100"; empty for the other types.
    std::string allowedText() const;
};

/// Every export setting, in the order the dialog and the command line's help show them.
const std::vector<ExportSettingDecl>& exportSchema();
/// The setting with this key; nullptr when there is none.
const ExportSettingDecl* findExportSetting(const std::string& key);
/// The setting with this key; throws std::logic_error when there is none (a key in code).
const ExportSettingDecl& exportSetting(const std::string& key);

/// Reads a value as people type it (a choice's name or alias, a number, true/false/yes/no/
/// on/off/1/0, a size) and returns it canonical. Throws rf::Error naming the key and what is
/// allowed.
ExportValue parseExportValue(const ExportSettingDecl& decl, const std::string& text);
/// Why `text` is not a value of `decl` ("'webp' is not one of jpeg, tiff or png"), without
/// the key; empty when it is one.
std::string exportValueProblem(const ExportSettingDecl& decl, const std::string& text);
/// Checks a typed value (a number for a choice is read as its text, as "16" for a bit depth)
/// and returns it canonical; throws rf::Error as parseExportValue does.
ExportValue checkExportValue(const ExportSettingDecl& decl, const ExportValue& value);
/// The value as text: a choice's canonical name, "long:2048", "85", "0.6", "true".
std::string exportValueText(const ExportValue& value);

ExportValue getExportSetting(const ExportSettings& settings, const std::string& key);
/// Checks and stores; a refused value (rf::Error) leaves `settings` as they were.
void setExportSetting(ExportSettings& settings, const std::string& key, const ExportValue& value);

/// The settings as a JSON object, every declared key with its canonical value.
std::string exportSettingsToJson(const ExportSettings& settings);
/// Reads a JSON object of settings over `base`. Throws rf::Error naming `where` and the key for
/// malformed JSON, an unknown key or a value the declaration refuses.
ExportSettings exportSettingsFromJson(const std::string& text, const std::string& where,
                                      const ExportSettings& base);

// The enums' names, from the declaration. The parsers take aliases and any case and throw
// rf::Error listing the canonical names.
FileFormat fileFormatFromString(const std::string& s);
const char* fileFormatName(FileFormat f);
ChromaSubsampling subsamplingFromString(const std::string& s);
const char* subsamplingName(ChromaSubsampling s);
OutputSpace outputSpaceFromString(const std::string& s);
const char* outputSpaceName(OutputSpace s);
RenderingIntent intentFromString(const std::string& s);
const char* intentName(RenderingIntent i);
MetadataMode metadataModeFromString(const std::string& s);
const char* metadataModeName(MetadataMode mode);
/// "original", "long:2048", "short:1080", "1920x1080", "12mp": what outputSizeFromString reads.
std::string outputSizeText(const OutputSize& size);

}  // namespace rf
