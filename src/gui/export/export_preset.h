// SPDX-License-Identifier: GPL-3.0-or-later
// Export presets as the desktop app keeps them. A preset is a name, the core preset it starts
// from ("web" or "full", rf::exportPreset) and the fields the photographer changed on top of
// it; only those fields are stored, so a user preset made from Web follows the core's Web
// for everything it does not override. The built-ins Web and Full size are never stored and
// cannot be renamed or deleted.
//
// Every field is addressed by one name ("quality", "size", "outputDir" …) through a single
// table (exportPresetFields()): the dialog binds its widgets by these names and QSettings
// stores them under the same names, so a field is declared once.
#pragma once

#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "rangefinder/export.h"

namespace rf::gui {

/// One field of the export settings, by the name it is stored and bound under. Values are
/// plain QVariants: strings in the core's own spellings ("jpeg", "long:2048", "display-p3",
/// "no-location"), ints, doubles and bools.
struct ExportPresetField {
    const char* name;
    QVariant (*get)(const ExportSettings&);
    /// Throws rf::Error for a value the core does not accept.
    void (*set)(ExportSettings&, const QVariant&);
};

/// All the fields, in the order the dialog shows them.
const QList<ExportPresetField>& exportPresetFields();
/// The field of that name; nullptr when there is none.
const ExportPresetField* exportPresetField(const QString& name);

/// "long:2048", "short:1080", "1920x1080", "12mp", "original": what rf::outputSizeFromString
/// reads back.
QString outputSizeText(const OutputSize& size);

struct ExportPreset {
    QString name;
    QString base = QStringLiteral("web");  ///< the core preset it starts from
    bool builtIn = false;
    /// The base with the set fields applied. An empty outputDir stands for the default
    /// folder, which the dialog chooses.
    ExportSettings settings;
    QStringList setFields;  ///< the fields changed from the base, sorted

    QVariant field(const QString& key) const;
    /// Sets a field and records it as changed. Throws rf::Error for a value the core refuses
    /// (and leaves the preset as it was).
    void setField(const QString& key, const QVariant& value);
    /// Takes the field back to the base's value.
    void unsetField(const QString& key);
    bool isSet(const QString& key) const { return setFields.contains(key); }
    /// True when every field has the same value in both (names aside).
    bool sameSettings(const ExportPreset& other) const;
};

/// A preset that starts from the core's `base` ("web" or "full") with nothing changed.
ExportPreset presetFromBase(const QString& name, const QString& base);

/// Web and Full size, from rf::exportPreset.
QList<ExportPreset> builtInExportPresets();

/// The user's presets stored in `settings` (group "export/presets"). A field that no longer
/// parses is dropped with a warning rather than losing the whole preset.
QList<ExportPreset> loadUserPresets(QSettings& settings);
/// Replaces the stored user presets with `presets` (built-ins among them are skipped).
void saveUserPresets(QSettings& settings, const QList<ExportPreset>& presets);

/// Why `name` cannot name a new user preset given the existing ones (empty when it can).
/// `renaming` is the preset being renamed, which may keep its own name.
QString presetNameProblem(const QString& name, const QList<ExportPreset>& existing,
                          const QString& renaming = {});

}  // namespace rf::gui
