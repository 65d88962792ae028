// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/crop_geometry.h"

#include <algorithm>

namespace rf::gui {

QStringList cropAspectPresets() {
    // The declared ratios, one of each pair as declared first (3:2, not 2:3; 4:5, not 5:4):
    // the panel's swap button gives the other.
    QStringList out;
    for (const std::string& c : findParam("crop.aspect")->choices) {
        const QString preset = QString::fromStdString(c);
        if (preset != "free" && !out.contains(swappedAspect(preset))) out << preset;
    }
    return out << "free";
}

double aspectRatioOf(const QString& preset, QSizeF frame) {
    if (preset == "original") return frame.height() > 0 ? frame.width() / frame.height() : 0;
    const QStringList parts = preset.split(':');
    if (parts.size() != 2) return 0;
    const double a = parts[0].toDouble(), b = parts[1].toDouble();
    return a > 0 && b > 0 ? a / b : 0;
}

QString swappedAspect(const QString& preset) {
    const QStringList parts = preset.split(':');
    if (parts.size() != 2 || parts[0] == parts[1]) return preset;
    return parts[1] + ':' + parts[0];
}

QString orientedAspect(const QString& preset, const QRectF& crop, QSizeF frame) {
    const double ratio = aspectRatioOf(preset, frame);
    if (ratio <= 0 || preset == "original") return preset;
    const bool portrait = crop.height() * frame.height() > crop.width() * frame.width();
    return portrait == (ratio < 1) ? preset : swappedAspect(preset);
}

QRectF fitAspect(const QRectF& crop, double ratio, QSizeF frame) {
    if (ratio <= 0 || frame.isEmpty()) return crop;
    const double w = crop.width() * frame.width(), h = crop.height() * frame.height();
    const double fw = std::min(w, h * ratio), fh = std::min(h, w / ratio);
    const QSizeF n(fw / frame.width(), fh / frame.height());
    return QRectF(crop.center() - QPointF(n.width() / 2, n.height() / 2), n);
}

QRectF cropRectOf(const EditDocument& edits, QSizeF frame) {
    const QRectF r(QPointF(edits.getFloat("crop.left"), edits.getFloat("crop.top")),
                   QPointF(edits.getFloat("crop.right"), edits.getFloat("crop.bottom")));
    const QString aspect = QString::fromStdString(edits.getText("crop.aspect"));
    return fitAspect(r, aspectRatioOf(aspect, frame), frame);
}

void setCrop(EditDocument& edits, const QRectF& crop, const QString& aspect) {
    const auto set = [&](const char* key, double v) {
        const double c = std::clamp(v, 0.0, 1.0);
        if (c == findParam(key)->defaultValue)
            edits.reset(key);
        else
            edits.setFloat(key, c);
    };
    set("crop.left", crop.left());
    set("crop.top", crop.top());
    set("crop.right", crop.right());
    set("crop.bottom", crop.bottom());
    if (aspect.isEmpty() || aspect == "free")
        edits.reset("crop.aspect");
    else
        edits.setText("crop.aspect", aspect.toStdString());
}

EditDocument withoutCrop(const EditDocument& edits) {
    // The crop tool shows the whole frame: every crop.* parameter the geometry stage declares
    // at its default (the turns, flips and straightening stay).
    EditDocument e = edits;
    for (const ParamDecl& d : schema())
        if (d.key.rfind("crop.", 0) == 0) e.reset(d.key);
    return e;
}

QRectF turnedCrop(const QRectF& c, bool clockwise) {
    // A point (x, y) of the old frame is at (1 − y, x) after a clockwise turn and at
    // (y, 1 − x) after a counter-clockwise one.
    if (clockwise)
        return QRectF(QPointF(1 - c.bottom(), c.left()), QPointF(1 - c.top(), c.right()));
    return QRectF(QPointF(c.top(), 1 - c.right()), QPointF(c.bottom(), 1 - c.left()));
}

QRectF flippedCrop(const QRectF& c, bool horizontal) {
    if (horizontal)
        return QRectF(QPointF(1 - c.right(), c.top()), QPointF(1 - c.left(), c.bottom()));
    return QRectF(QPointF(c.left(), 1 - c.bottom()), QPointF(c.right(), 1 - c.top()));
}

}  // namespace rf::gui
