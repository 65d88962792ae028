// SPDX-License-Identifier: GPL-3.0-or-later
// Export presets as the desktop app keeps them. The built-ins are the preset files of the
// export-presets folders (rf::loadExportPresets: "Web" and "Full size" ship); a user preset is
// a name, the built-in it starts from (its base, by file name: "web", "full") and the fields
// the photographer changed on top of it, kept in QSettings. Only those fields are stored, so
// a user preset made from Web follows the Web file for everything it does not override.
// Built-ins are never stored and cannot be renamed or deleted.
//
// Fields are the export schema's settings (rangefinder/export_schema.h), by key ("quality",
// "size", "outputDir" …): the dialog binds its widgets by these keys and QSettings stores
// them under the same keys, so a field is declared once, in the core.
#pragma once

#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include "rangefinder/export.h"
#include "rangefinder/export_schema.h"

namespace rf::gui {

/// The keys of every field, in the schema's order.
QStringList exportPresetFields();

/// A field's value as the dialog's widgets hold it: a choice, a size or a text as its
/// canonical QString ("jpeg", "long:2048"), a number as int or double, a switch
/// as bool.
QVariant toQVariant(const ExportValue& value);

struct ExportPreset {
    QString name;
    QString base = QStringLiteral("web");  ///< the built-in (preset file name) it starts from
    bool builtIn = false;
    /// The base with the set fields applied. An empty outputDir stands for the default
    /// folder, which the dialog chooses.
    ExportSettings settings;
    QStringList setFields;  ///< the fields changed from the base, sorted

    QVariant field(const QString& key) const;
    /// Sets a field (read as the schema reads text) and records it as changed. Throws
    /// rf::Error for a value the schema refuses (and leaves the preset as it was).
    void setField(const QString& key, const QVariant& value);
    /// Takes the field back to the base's value.
    void unsetField(const QString& key);
    bool isSet(const QString& key) const { return setFields.contains(key); }
    /// True when every field has the same value in both (names aside).
    bool sameSettings(const ExportPreset& other) const;
};

/// A preset that starts from the built-in `base` ("web", "full") with nothing changed; an
/// unknown base starts from the schema's defaults.
ExportPreset presetFromBase(const QString& name, const QString& base);

/// One per preset file (Web and Full size ship), named by their labels, read once per run.
QList<ExportPreset> builtInExportPresets();
/// The preset files that could not be read, each naming the file and the key at fault.
QStringList exportPresetFileErrors();
/// The label of the built-in `base` ("Web" for "web"); `base` itself when there is none.
QString builtInPresetLabel(const QString& base);

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
