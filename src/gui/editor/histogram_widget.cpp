// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/histogram_widget.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace rf::gui {

HistogramWidget::HistogramWidget(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(90);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFixedHeight(120);
    setToolTip(tr("Histogram of the rendered photo: red, green, blue and luminance (line)"));
}

void HistogramWidget::setHistogram(const Histogram& h) {
    hist_ = h;
    update();
}

void HistogramWidget::clear() {
    hist_ = Histogram{};
    update();
}

void HistogramWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.fillRect(rect(), QColor(0x1e, 0x1e, 0x1e));
    p.setPen(QColor(0x3a, 0x3a, 0x3a));
    for (int i = 1; i < 4; ++i) {
        const double x = area.left() + area.width() * i / 4;
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
    if (hist_.empty()) return;

    // Scale to the tallest bin away from the ends: a clipped sky piles into bin 255 and
    // would otherwise flatten everything else to nothing.
    std::uint32_t top = 1;
    for (int c = 0; c < 4; ++c)
        for (int i = 2; i < 254; ++i) top = std::max(top, hist_.bins[c][i]);
    const double h = area.height();
    const auto outline = [&](int c) {
        QPainterPath path;
        path.moveTo(area.left(), area.bottom());
        for (int i = 0; i < 256; ++i) {
            const double x = area.left() + area.width() * (i + 0.5) / 256;
            const double v = std::min(1.0, double(hist_.bins[c][i]) / top);
            path.lineTo(x, area.bottom() - v * h);
        }
        path.lineTo(area.right(), area.bottom());
        path.closeSubpath();
        return path;
    };
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setCompositionMode(QPainter::CompositionMode_Plus);
    const QColor colors[3] = {QColor(200, 40, 40), QColor(40, 170, 40), QColor(40, 80, 220)};
    for (int c = 0; c < 3; ++c) {
        p.setBrush(colors[c]);
        p.drawPath(outline(c));
    }
    p.setCompositionMode(QPainter::CompositionMode_SourceOver);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(235, 235, 235, 200), 1.2));
    p.drawPath(outline(Histogram::Luminance));

    // Clipping indicators: a share of pixels at the very ends.
    const auto clipped = [&](int bin) {
        std::uint64_t n = 0;
        for (int c = 0; c < 3; ++c) n = std::max<std::uint64_t>(n, hist_.bins[c][bin]);
        return n > hist_.pixels / 2000;  // 0.05 %
    };
    const auto triangle = [&](bool right, bool lit, const QColor& color) {
        QPainterPath t;
        const double x = right ? area.right() - 3 : area.left() + 3, d = right ? -9 : 9;
        t.moveTo(x, area.top() + 3);
        t.lineTo(x + d, area.top() + 3);
        t.lineTo(x, area.top() + 12);
        t.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(lit ? color : QColor(0x55, 0x55, 0x55));
        p.drawPath(t);
    };
    triangle(false, clipped(0), QColor(70, 120, 255));
    triangle(true, clipped(255), QColor(255, 60, 60));
}

}  // namespace rf::gui
