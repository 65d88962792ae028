// SPDX-License-Identifier: GPL-3.0-or-later
// The live histogram: red, green and blue drawn over each other (where they overlap the
// colours add up, so a neutral area reads grey-white) and luminance as a line on top. The
// counts come with each render (computed on the render worker); this widget only paints.
// Small triangles in the top corners light up when shadows or highlights clip.
#pragma once

#include <QWidget>

#include "common/display_image.h"

namespace rf::gui {

class HistogramWidget : public QWidget {
    Q_OBJECT
  public:
    explicit HistogramWidget(QWidget* parent = nullptr);
    void setHistogram(const Histogram& h);
    void clear();
    const Histogram& histogram() const { return hist_; }
    QSize sizeHint() const override { return {260, 120}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    Histogram hist_;
};

}  // namespace rf::gui
