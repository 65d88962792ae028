// SPDX-License-Identifier: GPL-3.0-or-later
// The crop frame's arithmetic, as the crop tool needs it. The core stores a crop as fractions
// of the straightened frame (crop.left/top/right/bottom) and can constrain it to an aspect
// ratio (crop.aspect); the tool keeps the stored rectangle itself at the chosen ratio, so
// what the frame shows is exactly what renders. Quarter turns and flips move the frame with
// the picture. Ratios are width / height in pixels.
#pragma once

#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include "rangefinder/params.h"

namespace rf::gui {

/// The aspect presets the crop tool offers, in the order shown ("free" last).
QStringList cropAspectPresets();

/// The ratio a preset stands for on a frame ("original": the frame's own; "free": 0).
double aspectRatioOf(const QString& preset, QSizeF frame);

/// The same preset turned the other way ("3:2" ↔ "2:3"; "1:1", "original", "free" stay).
QString swappedAspect(const QString& preset);

/// `preset` oriented like `crop` (a portrait frame gets "2:3" for "3:2"), so a preset never
/// turns a portrait crop into a landscape one.
QString orientedAspect(const QString& preset, const QRectF& crop, QSizeF frame);

/// The largest rectangle of `ratio` centred in `crop` (fractions of `frame`); `crop` itself
/// when the ratio is 0.
QRectF fitAspect(const QRectF& crop, double ratio, QSizeF frame);

/// The crop rectangle of the edits (what the core renders, the aspect constraint applied).
QRectF cropRectOf(const EditDocument& edits, QSizeF frame);

/// Writes a crop rectangle and its aspect preset into the edits.
void setCrop(EditDocument& edits, const QRectF& crop, const QString& aspect);

/// The edits without the crop (the crop tool shows the whole frame).
EditDocument withoutCrop(const EditDocument& edits);

/// The crop rectangle after the picture turns a quarter (clockwise or not) or flips.
QRectF turnedCrop(const QRectF& crop, bool clockwise);
QRectF flippedCrop(const QRectF& crop, bool horizontal);

}  // namespace rf::gui
