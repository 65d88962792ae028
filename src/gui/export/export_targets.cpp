// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_targets.h"

#include <QDir>
#include <QObject>
#include <QSet>

#include "rangefinder/error.h"

namespace rf::gui {

QString presetFolderName(const QString& presetName) {
    // The core's rule, which the command line uses too; Qt lower-cases the letters the core
    // keeps as bytes.
    return QString::fromStdString(rf::presetFolderName(presetName.toLower().toStdString()));
}

QStringList separateCollidingTargets(QList<ExportTarget>& targets, const QString& samplePhoto,
                                     const CaptureInfo& sampleInfo) {
    // Key: folder + the file name the sample photo would get; case-folded, as a photographer
    // copying the folder to a case-insensitive disk would see them collide too.
    QList<QString> keys;
    for (const auto& t : targets) {
        QString key;
        try {
            const std::string name =
                expandNameTemplate(t.settings.nameTemplate, samplePhoto.toStdString(), sampleInfo,
                                   {}, 1, t.settings.encode.format);
            key = QDir::cleanPath(QDir(QString::fromStdString(t.settings.outputDir))
                                      .absoluteFilePath(QString::fromStdString(name)))
                      .toCaseFolded();
        } catch (const Error&) {
        }
        keys.append(key);
    }

    QStringList notes;
    QSet<int> done;
    for (int i = 0; i < targets.size(); ++i) {
        if (keys[i].isEmpty() || done.contains(i)) continue;
        QList<int> group{i};
        for (int j = i + 1; j < targets.size(); ++j)
            if (keys[j] == keys[i]) group.append(j);
        if (group.size() < 2) continue;

        const QString folder = QString::fromStdString(targets[i].settings.outputDir);
        QStringList names, subfolders;
        QSet<QString> taken;
        for (int k : group) {
            done.insert(k);
            QString sub = presetFolderName(targets[k].presetName);
            for (int n = 2; taken.contains(sub); ++n)
                sub = presetFolderName(targets[k].presetName) + QStringLiteral("-%1").arg(n);
            taken.insert(sub);
            targets[k].settings.outputDir = QDir(folder).filePath(sub).toStdString();
            names.append(targets[k].presetName);
            subfolders.append(sub + QLatin1Char('/'));
        }
        notes.append(
            QObject::tr("%1 would write the same file names into one folder, so each "
                        "goes into its own sub-folder: %2.")
                .arg(names.join(QObject::tr(" and ")), subfolders.join(QStringLiteral(", "))));
    }
    return notes;
}

QStringList targetFolders(const QList<ExportTarget>& targets) {
    QStringList out;
    for (const auto& t : targets) {
        const QString dir =
            QDir::cleanPath(QDir(QString::fromStdString(t.settings.outputDir)).absolutePath());
        if (!out.contains(dir)) out.append(dir);
    }
    return out;
}

}  // namespace rf::gui
