// SPDX-License-Identifier: GPL-3.0-or-later
// A slider for one numeric parameter of the schema: its label, range, unit, default and
// precision all come from rf::schema() (nothing is hard-coded here), so a parameter added
// to the schema gets a correct slider by being listed in a panel. Temperature sliders
// (unit "K") move evenly in mireds, as colour temperature is perceived, rather than in
// kelvin, where 2000–50 000 K would leave the useful range in the first tenth.
//
// Gestures: a drag reports `changing` as it goes and `committed` on release (one history
// step); keyboard steps and typed values commit too (keyboard steps in a burst coalesce
// into one); a double-click on the slider or the label asks for a reset. The wheel moves a
// slider only when it has focus, so scrolling the panel never changes an edit.
#pragma once

#include <QString>
#include <QTimer>
#include <QWidget>

#include "rangefinder/params.h"

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace rf::gui {

class ParamSlider : public QWidget {
    Q_OBJECT
  public:
    explicit ParamSlider(const ParamDecl& decl, QWidget* parent = nullptr);
    /// The name of a row of a panel (a slider's, a list's): one width for all, so the
    /// controls line up, wide enough for the longest name in the app's language within
    /// bounds; a longer name is shortened, its tooltip has it whole.
    static QLabel* makeLabel(const ParamDecl& decl, QWidget* parent);

    const ParamDecl& decl() const { return decl_; }
    QString key() const { return QString::fromStdString(decl_.key); }
    double value() const { return value_; }
    /// Shows a value without reporting it (a document change, undo). Ignored while the user
    /// is dragging this slider.
    void setValue(double v);
    /// The parameter's value as text with its unit: "+0.50 EV", "5200 K".
    QString valueText(double v) const;
    /// Used by tests and the benchmark: the slider widget itself.
    QSlider* slider() const { return slider_; }
    bool isDragging() const;

  signals:
    void changing(const QString& key, double value);
    void committed(const QString& key, double value);
    void resetRequested(const QString& key);

  protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    int toPosition(double v) const;
    double fromPosition(int pos) const;
    double rounded(double v) const;
    void show(double v);
    void userValue(double v, bool commitNow);

    ParamDecl decl_;
    int decimals_ = 0;
    int steps_ = 100;
    bool mired_ = false;
    double value_ = 0;
    bool updating_ = false;
    QLabel* label_ = nullptr;
    QSlider* slider_ = nullptr;
    QDoubleSpinBox* spin_ = nullptr;
    QTimer keyCommit_;
};

}  // namespace rf::gui
