// SPDX-License-Identifier: GPL-3.0-or-later
// The colour labels, as darktable and Lightroom name them in xmp:Label (so labels set in one
// show in the others), with Lightroom's keys 6–9 for the first four and the muted colours the
// tiles draw them in: bright enough to tell apart on a dark grey, dull enough not to pull the
// eye from the photos.
#pragma once

#include <QColor>
#include <QString>
#include <span>

namespace rf::gui {

struct ColorLabel {
    const char* name;  ///< as stored in xmp:Label, in English whatever the app's language
    QColor color;
    int key;  ///< Qt::Key_6 …, 0 for none
};

std::span<const ColorLabel> colorLabels();
/// The label's name in the app's language ("Rosso"), for menus and lists.
QString colorLabelName(const ColorLabel& label);

/// The colour to draw a label in; an invalid colour for "" and for labels of other tools
/// that are not colours.
QColor labelColor(const QString& label);

}  // namespace rf::gui
