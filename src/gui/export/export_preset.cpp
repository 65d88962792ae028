// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_preset.h"

#include <QtGlobal>

#include "i18n/core_text.h"
#include "rangefinder/error.h"
#include "rangefinder/export_presets.h"

namespace rf::gui {

namespace {

constexpr char kPresetsArray[] = "export/presets";
constexpr char kNameKey[] = "name";
constexpr char kBaseKey[] = "base";

// The preset files, read once: the dialog compares against a built-in on every change.
const ExportPresetList& presetFiles() {
    static const ExportPresetList list = [] {
        ExportPresetList l = loadExportPresets(defaultExportPresetDirs());
        for (const auto& e : l.errors) qWarning("export preset not loaded: %s", e.c_str());
        return l;
    }();
    return list;
}

const ExportPresetFile* presetFile(const QString& base) {
    for (const auto& f : presetFiles().presets)
        if (base == QString::fromStdString(f.name)) return &f;
    return nullptr;
}

}  // namespace

QStringList exportPresetFields() {
    QStringList keys;
    for (const auto& d : exportSchema()) keys << QString::fromStdString(d.key);
    return keys;
}

QVariant toQVariant(const ExportValue& value) {
    if (const auto* b = std::get_if<bool>(&value)) return *b;
    if (const auto* i = std::get_if<int>(&value)) return *i;
    if (const auto* d = std::get_if<double>(&value)) return *d;
    return QString::fromStdString(std::get<std::string>(value));
}

QVariant ExportPreset::field(const QString& key) const {
    const ExportSettingDecl* d = findExportSetting(key.toStdString());
    return d ? toQVariant(d->get(settings)) : QVariant();
}

void ExportPreset::setField(const QString& key, const QVariant& value) {
    const ExportSettingDecl* d = findExportSetting(key.toStdString());
    if (!d) throw Error("unknown export preset field '" + key.toStdString() + "'");
    // Through the text, as a preset file or QSettings' INI holds it: QVariant writes a double
    // in its shortest form and a bool as true/false, which the schema reads back.
    ExportSettings changed = settings;
    d->set(changed, parseExportValue(*d, value.toString().toStdString()));
    settings = changed;
    if (!setFields.contains(key)) {
        setFields.append(key);
        setFields.sort();
    }
}

void ExportPreset::unsetField(const QString& key) {
    const ExportSettingDecl* d = findExportSetting(key.toStdString());
    if (!d || !setFields.removeAll(key)) return;
    const ExportPreset fresh = presetFromBase(name, base);
    d->set(settings, d->get(fresh.settings));
}

bool ExportPreset::sameSettings(const ExportPreset& other) const {
    for (const auto& d : exportSchema())
        if (d.get(settings) != d.get(other.settings)) return false;
    return true;
}

ExportPreset presetFromBase(const QString& name, const QString& base) {
    ExportPreset p;
    p.name = name;
    p.base = base;
    if (const ExportPresetFile* f = presetFile(base)) p.settings = f->settings;
    p.settings.outputDir.clear();  // the core's "." means the working directory: the dialog decides
    return p;
}

QList<ExportPreset> builtInExportPresets() {
    QList<ExportPreset> out;
    for (const auto& f : presetFiles().presets) {
        ExportPreset p = presetFromBase(exportPresetLabel(f.label), QString::fromStdString(f.name));
        p.builtIn = true;
        out.append(p);
    }
    // Without any preset file (an installation missing its data), the schema's defaults
    // still make an export possible.
    if (out.isEmpty()) {
        ExportPreset p = presetFromBase(QObject::tr("Default"), QString());
        p.builtIn = true;
        out.append(p);
    }
    return out;
}

QStringList exportPresetFileErrors() {
    QStringList out;
    for (const auto& e : presetFiles().errors) out << QString::fromStdString(e);
    return out;
}

QString builtInPresetLabel(const QString& base) {
    const ExportPresetFile* f = presetFile(base);
    return f ? exportPresetLabel(f->label) : base;
}

QList<ExportPreset> loadUserPresets(QSettings& settings) {
    QList<ExportPreset> out;
    const int n = settings.beginReadArray(kPresetsArray);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        const QString name = settings.value(kNameKey).toString().trimmed();
        QString base = settings.value(kBaseKey, QStringLiteral("web")).toString();
        if (!presetFile(base)) {
            const QString first = builtInExportPresets().first().base;
            qWarning("export preset '%s': unknown base '%s', starting from '%s'",
                     qUtf8Printable(name), qUtf8Printable(base), qUtf8Printable(first));
            base = first;
        }
        if (!presetNameProblem(name, out).isEmpty()) {
            qWarning("export preset %d: name '%s' skipped (empty or taken)", i,
                     qUtf8Printable(name));
            continue;
        }
        ExportPreset p = presetFromBase(name, base);
        for (const QString& key : exportPresetFields()) {
            if (!settings.contains(key)) continue;
            try {
                p.setField(key, settings.value(key));
            } catch (const Error& e) {
                qWarning("export preset '%s': %s (field ignored)", qUtf8Printable(name), e.what());
            }
        }
        out.append(p);
    }
    settings.endArray();
    return out;
}

void saveUserPresets(QSettings& settings, const QList<ExportPreset>& presets) {
    settings.remove(kPresetsArray);
    settings.beginWriteArray(kPresetsArray);
    int i = 0;
    for (const auto& p : presets) {
        if (p.builtIn) continue;
        settings.setArrayIndex(i++);
        settings.setValue(kNameKey, p.name);
        settings.setValue(kBaseKey, p.base);
        for (const auto& name : p.setFields) settings.setValue(name, p.field(name));
    }
    settings.endArray();
    settings.sync();
}

QString presetNameProblem(const QString& name, const QList<ExportPreset>& existing,
                          const QString& renaming) {
    const QString n = name.trimmed();
    if (n.isEmpty()) return QObject::tr("A preset needs a name.");
    for (const auto& builtIn : builtInExportPresets())
        if (n.compare(builtIn.name, Qt::CaseInsensitive) == 0)
            return QObject::tr("“%1” is a built-in preset.").arg(builtIn.name);
    for (const auto& p : existing) {
        if (!renaming.isEmpty() && p.name == renaming) continue;
        if (n.compare(p.name, Qt::CaseInsensitive) == 0)
            return QObject::tr("There is already a preset called “%1”.").arg(p.name);
    }
    return {};
}

}  // namespace rf::gui
