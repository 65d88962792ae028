// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_preset.h"

#include <QtGlobal>
#include <algorithm>
#include <cmath>

#include "rangefinder/error.h"

namespace rf::gui {

namespace {

constexpr char kPresetsArray[] = "export/presets";
constexpr char kNameKey[] = "name";
constexpr char kBaseKey[] = "base";

std::string text(const QVariant& v) {
    return v.toString().toStdString();
}

int integer(const QVariant& v, const char* field, int lo, int hi) {
    bool ok = false;
    const int i = v.toInt(&ok);
    if (!ok || i < lo || i > hi)
        throw Error(std::string("export preset field ") + field + ": '" + text(v) +
                    "' is not a whole number from " + std::to_string(lo) + " to " +
                    std::to_string(hi));
    return i;
}

double number(const QVariant& v, const char* field, double lo, double hi) {
    bool ok = false;
    const double d = v.toDouble(&ok);
    if (!ok || !std::isfinite(d) || d < lo || d > hi)
        throw Error(std::string("export preset field ") + field + ": '" + text(v) +
                    "' is not a number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return d;
}

const char* formatName(FileFormat f) {
    switch (f) {
        case FileFormat::Jpeg:
            return "jpeg";
        case FileFormat::Tiff:
            return "tiff";
        case FileFormat::Png:
            return "png";
    }
    return "jpeg";
}

const char* subsamplingName(ChromaSubsampling s) {
    switch (s) {
        case ChromaSubsampling::S444:
            return "444";
        case ChromaSubsampling::S422:
            return "422";
        case ChromaSubsampling::S420:
            return "420";
    }
    return "420";
}

ChromaSubsampling subsamplingFromString(const std::string& s) {
    if (s == "444") return ChromaSubsampling::S444;
    if (s == "422") return ChromaSubsampling::S422;
    if (s == "420") return ChromaSubsampling::S420;
    throw Error("unknown chroma subsampling '" + s + "' (444, 422 or 420)");
}

const char* intentName(RenderingIntent i) {
    return i == RenderingIntent::Perceptual ? "perceptual" : "relative";
}

// The one table: adding an export option means one line here and a widget in the dialog.
const QList<ExportPresetField> kFields = {
    {"format", [](const ExportSettings& s) { return QVariant(formatName(s.encode.format)); },
     [](ExportSettings& s, const QVariant& v) { s.encode.format = fileFormatFromString(text(v)); }},
    {"quality", [](const ExportSettings& s) { return QVariant(s.encode.quality); },
     [](ExportSettings& s, const QVariant& v) {
         s.encode.quality = integer(v, "quality", 1, 100);
     }},
    {"subsampling",
     [](const ExportSettings& s) { return QVariant(subsamplingName(s.encode.subsampling)); },
     [](ExportSettings& s, const QVariant& v) {
         s.encode.subsampling = subsamplingFromString(text(v));
     }},
    {"progressive", [](const ExportSettings& s) { return QVariant(s.encode.progressive); },
     [](ExportSettings& s, const QVariant& v) { s.encode.progressive = v.toBool(); }},
    {"bitDepth", [](const ExportSettings& s) { return QVariant(s.encode.bitDepth); },
     [](ExportSettings& s, const QVariant& v) {
         const int bits = integer(v, "bitDepth", 8, 16);
         if (bits != 8 && bits != 16) throw Error("export preset field bitDepth: 8 or 16");
         s.encode.bitDepth = bits;
     }},
    {"size", [](const ExportSettings& s) { return QVariant(outputSizeText(s.render.size)); },
     [](ExportSettings& s, const QVariant& v) {
         const bool upscale = s.render.size.allowUpscale;
         s.render.size = outputSizeFromString(text(v));
         s.render.size.allowUpscale = upscale;
     }},
    {"colorSpace",
     [](const ExportSettings& s) { return QVariant(outputSpaceName(s.render.space)); },
     [](ExportSettings& s, const QVariant& v) { s.render.space = outputSpaceFromString(text(v)); }},
    {"intent", [](const ExportSettings& s) { return QVariant(intentName(s.render.intent)); },
     [](ExportSettings& s, const QVariant& v) { s.render.intent = intentFromString(text(v)); }},
    {"sharpenAmount",
     [](const ExportSettings& s) { return QVariant(double(s.render.sharpen.amount)); },
     [](ExportSettings& s, const QVariant& v) {
         s.render.sharpen.amount = float(number(v, "sharpenAmount", 0, 5));
     }},
    {"sharpenRadius",
     [](const ExportSettings& s) { return QVariant(double(s.render.sharpen.radius)); },
     [](ExportSettings& s, const QVariant& v) {
         s.render.sharpen.radius = float(number(v, "sharpenRadius", 0.1, 10));
     }},
    {"metadata",
     [](const ExportSettings& s) { return QVariant(metadataModeName(s.metadata.mode)); },
     [](ExportSettings& s, const QVariant& v) {
         s.metadata.mode = metadataModeFromString(text(v));
     }},
    {"outputDir",
     [](const ExportSettings& s) { return QVariant(QString::fromStdString(s.outputDir)); },
     [](ExportSettings& s, const QVariant& v) { s.outputDir = text(v); }},
    // Stored as typed; the dialog checks it against a real photo before an export starts.
    {"nameTemplate",
     [](const ExportSettings& s) { return QVariant(QString::fromStdString(s.nameTemplate)); },
     [](ExportSettings& s, const QVariant& v) { s.nameTemplate = text(v); }},
    {"overwrite", [](const ExportSettings& s) { return QVariant(s.overwrite); },
     [](ExportSettings& s, const QVariant& v) { s.overwrite = v.toBool(); }},
};

QString builtInName(const QString& base) {
    return base == QLatin1String("web") ? QObject::tr("Web") : QObject::tr("Full size");
}

}  // namespace

const QList<ExportPresetField>& exportPresetFields() {
    return kFields;
}

const ExportPresetField* exportPresetField(const QString& name) {
    for (const auto& f : kFields)
        if (name == QLatin1String(f.name)) return &f;
    return nullptr;
}

QString outputSizeText(const OutputSize& size) {
    switch (size.mode) {
        case SizeMode::Original:
            return QStringLiteral("original");
        case SizeMode::LongEdge:
            return QStringLiteral("long:%1").arg(size.a);
        case SizeMode::ShortEdge:
            return QStringLiteral("short:%1").arg(size.a);
        case SizeMode::Fit:
            return QStringLiteral("%1x%2").arg(size.a).arg(size.b);
        case SizeMode::Megapixels:
            return QStringLiteral("%1mp").arg(size.megapixels, 0, 'g', 6);
    }
    return QStringLiteral("original");
}

QVariant ExportPreset::field(const QString& key) const {
    const auto* f = exportPresetField(key);
    return f ? f->get(settings) : QVariant();
}

void ExportPreset::setField(const QString& key, const QVariant& value) {
    const auto* f = exportPresetField(key);
    if (!f) throw Error("unknown export preset field '" + key.toStdString() + "'");
    ExportSettings changed = settings;
    f->set(changed, value);
    settings = changed;
    if (!setFields.contains(key)) {
        setFields.append(key);
        setFields.sort();
    }
}

void ExportPreset::unsetField(const QString& key) {
    const auto* f = exportPresetField(key);
    if (!f || !setFields.removeAll(key)) return;
    const ExportPreset fresh = presetFromBase(name, base);
    f->set(settings, f->get(fresh.settings));
}

bool ExportPreset::sameSettings(const ExportPreset& other) const {
    for (const auto& f : kFields)
        if (f.get(settings) != f.get(other.settings)) return false;
    return true;
}

ExportPreset presetFromBase(const QString& name, const QString& base) {
    ExportPreset p;
    p.name = name;
    p.base = base;
    p.settings = exportPreset(base.toStdString());
    p.settings.outputDir.clear();  // the core's "." means the working directory: the dialog decides
    return p;
}

QList<ExportPreset> builtInExportPresets() {
    QList<ExportPreset> out;
    for (const QString& base : {QStringLiteral("web"), QStringLiteral("full")}) {
        ExportPreset p = presetFromBase(builtInName(base), base);
        p.builtIn = true;
        out.append(p);
    }
    return out;
}

QList<ExportPreset> loadUserPresets(QSettings& settings) {
    QList<ExportPreset> out;
    const int n = settings.beginReadArray(kPresetsArray);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        const QString name = settings.value(kNameKey).toString().trimmed();
        QString base = settings.value(kBaseKey, QStringLiteral("web")).toString();
        if (base != QLatin1String("web") && base != QLatin1String("full")) {
            qWarning("export preset '%s': unknown base '%s', starting from web",
                     qUtf8Printable(name), qUtf8Printable(base));
            base = QStringLiteral("web");
        }
        if (!presetNameProblem(name, out).isEmpty()) {
            qWarning("export preset %d: name '%s' skipped (empty or taken)", i,
                     qUtf8Printable(name));
            continue;
        }
        ExportPreset p = presetFromBase(name, base);
        for (const auto& f : kFields) {
            if (!settings.contains(f.name)) continue;
            try {
                p.setField(f.name, settings.value(f.name));
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
