// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/param_slider.h"

#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QSlider>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "i18n/core_text.h"

namespace rf::gui {

namespace {

// Precision from the range: a tenth of an EV would be too coarse for exposure and a tenth
// of a contrast point is noise.
int decimalsFor(const ParamDecl& d) {
    if (d.type == ParamType::Int) return 0;
    const double span = d.maxValue - d.minValue;
    if (span <= 2) return 3;
    if (span <= 10) return 2;
    if (span <= 100) return 1;
    return 0;
}

// Italian and German names run longer than English ones: the column grows for them, up to a
// bound that leaves the sliders their length in a panel column of the usual width.
int labelWidth(const QFontMetrics& metrics) {
    constexpr int kMin = 116, kMax = 150;
    int widest = 0;
    for (const ParamDecl& d : schema())
        if (!d.panel.empty() && d.type != ParamType::Bool)  // a check box names itself
            widest = std::max(widest, metrics.horizontalAdvance(paramLabel(d)));
    return std::clamp(widest + 4, kMin, kMax);
}

}  // namespace

QLabel* ParamSlider::makeLabel(const ParamDecl& decl, QWidget* parent) {
    const QString name = paramLabel(decl);
    auto* label = new QLabel(parent);
    const int width = labelWidth(label->fontMetrics());
    label->setFixedWidth(width);
    label->setText(label->fontMetrics().elidedText(name, Qt::ElideRight, width));
    const QString help = paramHelp(decl);
    label->setToolTip(help.isEmpty() ? name : tr("%1: %2").arg(name, help));
    return label;
}

ParamSlider::ParamSlider(const ParamDecl& decl, QWidget* parent)
    : QWidget(parent), decl_(decl), decimals_(decimalsFor(decl)) {
    setObjectName(QString::fromStdString(decl.key));
    mired_ = decl.unit == "K" && decl.minValue > 0;
    steps_ =
        mired_ ? 1000
               : std::clamp(
                     int(std::lround((decl.maxValue - decl.minValue) * std::pow(10.0, decimals_))),
                     1, 2000);
    if (decl.type == ParamType::Int) steps_ = int(decl.maxValue - decl.minValue);

    label_ = makeLabel(decl, this);
    label_->installEventFilter(this);

    slider_ = new QSlider(Qt::Horizontal, this);
    slider_->setRange(0, steps_);
    slider_->setSingleStep(std::max(1, steps_ / 200));
    slider_->setPageStep(std::max(1, steps_ / 20));
    slider_->setFocusPolicy(Qt::StrongFocus);
    slider_->setToolTip(paramHelp(decl) + '\n' + tr("Double-click to reset"));
    slider_->installEventFilter(this);

    spin_ = new QDoubleSpinBox(this);
    spin_->setButtonSymbols(QAbstractSpinBox::NoButtons);
    spin_->setRange(decl.minValue, decl.maxValue);
    spin_->setDecimals(decimals_);
    spin_->setAlignment(Qt::AlignRight);
    spin_->setKeyboardTracking(false);
    spin_->setFrame(false);
    if (!decl.unit.empty()) {
        const QString unit = QString::fromStdString(decl.unit);
        spin_->setSuffix(unit == "°" || unit == "%" ? unit : " " + unit);
    }
    spin_->setFixedWidth(decl.unit == "K" ? 72 : 64);
    spin_->installEventFilter(this);

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 1, 0, 1);
    row->setSpacing(6);
    row->addWidget(label_);
    row->addWidget(slider_, 1);
    row->addWidget(spin_);

    keyCommit_.setSingleShot(true);
    keyCommit_.setInterval(500);
    connect(&keyCommit_, &QTimer::timeout, this, [this] { emit committed(key(), value_); });

    connect(slider_, &QSlider::valueChanged, this, [this](int pos) {
        if (updating_) return;
        userValue(fromPosition(pos), false);
    });
    connect(slider_, &QSlider::sliderReleased, this, [this] {
        keyCommit_.stop();
        emit committed(key(), value_);
    });
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        if (updating_) return;
        userValue(v, true);
    });

    updating_ = true;
    show(decl.defaultValue);
    updating_ = false;
    value_ = decl.defaultValue;
}

bool ParamSlider::isDragging() const {
    return slider_->isSliderDown();
}

int ParamSlider::toPosition(double v) const {
    const double lo = decl_.minValue, hi = decl_.maxValue;
    double t;
    if (mired_)
        t = (1e6 / lo - 1e6 / std::clamp(v, lo, hi)) / (1e6 / lo - 1e6 / hi);
    else
        t = (std::clamp(v, lo, hi) - lo) / (hi - lo);
    return int(std::lround(t * steps_));
}

double ParamSlider::fromPosition(int pos) const {
    const double lo = decl_.minValue, hi = decl_.maxValue, t = double(pos) / steps_;
    if (mired_) {
        // Whole tens of kelvin are as fine as anyone sets a temperature.
        const double k = 1e6 / (1e6 / lo - t * (1e6 / lo - 1e6 / hi));
        return std::clamp(std::round(k / 10) * 10, lo, hi);
    }
    return rounded(lo + t * (hi - lo));
}

double ParamSlider::rounded(double v) const {
    const double f = std::pow(10.0, decimals_);
    return std::clamp(std::round(v * f) / f, decl_.minValue, decl_.maxValue);
}

void ParamSlider::show(double v) {
    slider_->setValue(toPosition(v));
    spin_->setValue(v);
}

void ParamSlider::setValue(double v) {
    if (isDragging()) return;  // the hand on the slider wins
    value_ = v;
    updating_ = true;
    show(v);
    updating_ = false;
}

void ParamSlider::userValue(double v, bool commitNow) {
    v = rounded(v);
    if (v == value_) return;
    value_ = v;
    updating_ = true;
    if (commitNow)
        slider_->setValue(toPosition(v));
    else
        spin_->setValue(v);
    updating_ = false;
    emit changing(key(), v);
    if (commitNow)
        emit committed(key(), v);
    else if (!isDragging())
        keyCommit_.start();  // keyboard or wheel steps: one step per burst
}

QString ParamSlider::valueText(double v) const {
    // As the spin box beside it shows it: "+0,50 EV" in Italian, "5200 K" without a separator.
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    QString number = locale.toString(v, 'f', decimals_);
    if (decl_.minValue < 0 && v > 0) number.prepend('+');
    if (decl_.unit.empty()) return number;
    const QString unit = QString::fromStdString(decl_.unit);
    return unit == "°" || unit == "%" ? number + unit : number + ' ' + unit;
}

bool ParamSlider::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::MouseButtonDblClick && (watched == slider_ || watched == label_)) {
        keyCommit_.stop();
        emit resetRequested(key());
        return true;
    }
    if (event->type() == QEvent::Wheel && (watched == slider_ || watched == spin_) &&
        !static_cast<QWidget*>(watched)->hasFocus()) {
        // Not for this slider: this widget ignores wheels, so the event travels up to the
        // scroll area and the panel scrolls.
        QCoreApplication::sendEvent(this, event);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace rf::gui
