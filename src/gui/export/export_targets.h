// SPDX-License-Identifier: GPL-3.0-or-later
// What one export writes: for every ticked preset, its settings with the output folder
// decided. Several presets in one export (Web and Full size together) start from the same
// folder and the same "{name}" template, so their files would land on the same names and be
// numbered apart (IMG_1.jpg, IMG_1-1.jpg), which tells nobody which is which. Such presets
// are separated here: each writes into a sub-folder named after it, and the dialog says so.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "rangefinder/export.h"
#include "rangefinder/raw.h"

namespace rf::gui {

struct ExportTarget {
    QString presetName;
    ExportSettings settings;  ///< outputDir is a real folder here, never empty
};

/// The sub-folder a preset gets when it has to be separated: "Full size" → "full-size".
QString presetFolderName(const QString& presetName);

/// When targets would write the same file name (for `samplePhoto`, through
/// rf::expandNameTemplate) into the same folder, each of them moves to its own sub-folder
/// (presetFolderName) of that folder. Returns one sentence per separated group saying so, for
/// the dialog; empty when nothing collided. A template that does not expand is left alone
/// (the dialog reports it).
QStringList separateCollidingTargets(QList<ExportTarget>& targets, const QString& samplePhoto,
                                     const CaptureInfo& sampleInfo);

/// The folders the targets write to, each once, in order.
QStringList targetFolders(const QList<ExportTarget>& targets);

}  // namespace rf::gui
