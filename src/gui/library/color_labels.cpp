// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/color_labels.h"

#include <QCoreApplication>
#include <array>

namespace rf::gui {

std::span<const ColorLabel> colorLabels() {
    static const std::array<ColorLabel, 5> labels{{
        {QT_TRANSLATE_NOOP("ColorLabel", "Red"), QColor(0xc8, 0x50, 0x4b), Qt::Key_6},
        {QT_TRANSLATE_NOOP("ColorLabel", "Yellow"), QColor(0xcc, 0xb0, 0x45), Qt::Key_7},
        {QT_TRANSLATE_NOOP("ColorLabel", "Green"), QColor(0x5f, 0xa0, 0x5a), Qt::Key_8},
        {QT_TRANSLATE_NOOP("ColorLabel", "Blue"), QColor(0x4f, 0x80, 0xc8), Qt::Key_9},
        {QT_TRANSLATE_NOOP("ColorLabel", "Purple"), QColor(0x95, 0x68, 0xb8), 0},
    }};
    return labels;
}

QString colorLabelName(const ColorLabel& label) {
    return QCoreApplication::translate("ColorLabel", label.name);
}

QColor labelColor(const QString& label) {
    for (const ColorLabel& l : colorLabels())
        if (label.compare(QLatin1String(l.name), Qt::CaseInsensitive) == 0) return l.color;
    return {};
}

}  // namespace rf::gui
