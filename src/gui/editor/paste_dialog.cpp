// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/paste_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace rf::gui {

namespace {

const ParamGroup kOrder[] = {ParamGroup::Look,         ParamGroup::Tone, ParamGroup::Color,
                             ParamGroup::WhiteBalance, ParamGroup::Crop, ParamGroup::Detail};

}  // namespace

std::vector<ParamGroup> PasteDialog::defaultGroups() {
    return {ParamGroup::Look, ParamGroup::Tone, ParamGroup::Color, ParamGroup::Detail};
}

QString PasteDialog::groupTitle(ParamGroup g) {
    switch (g) {
        case ParamGroup::Look:
            return tr("Look (look, strength, vignette, grain)");
        case ParamGroup::Tone:
            return tr("Tone (exposure, contrast, highlights, shadows…)");
        case ParamGroup::Color:
            return tr("Colour (saturation, vibrance)");
        case ParamGroup::WhiteBalance:
            return tr("White balance");
        case ParamGroup::Crop:
            return tr("Crop, straighten and rotation");
        case ParamGroup::Detail:
            return tr("Detail (demosaic)");
    }
    return {};
}

PasteDialog::PasteDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Paste Edits"));
    auto* col = new QVBoxLayout(this);
    col->addWidget(new QLabel(tr("Paste these parts of the copied edits:"), this));
    const auto defaults = defaultGroups();
    for (ParamGroup g : kOrder) {
        auto* b = new QCheckBox(groupTitle(g), this);
        b->setObjectName(QString("paste.") + groupName(g));
        b->setChecked(std::find(defaults.begin(), defaults.end(), g) != defaults.end());
        col->addWidget(b);
        boxes_[g] = b;
    }
    auto* quick = new QHBoxLayout;
    auto* all = new QPushButton(tr("All"), this);
    auto* none = new QPushButton(tr("None"), this);
    quick->addWidget(all);
    quick->addWidget(none);
    quick->addStretch(1);
    col->addLayout(quick);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Paste"));
    col->addWidget(buttons);
    connect(all, &QPushButton::clicked, this, [this] {
        for (auto& [g, b] : boxes_) b->setChecked(true);
    });
    connect(none, &QPushButton::clicked, this, [this] {
        for (auto& [g, b] : boxes_) b->setChecked(false);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

std::vector<ParamGroup> PasteDialog::groups() const {
    std::vector<ParamGroup> out;
    for (ParamGroup g : kOrder)
        if (boxes_.at(g)->isChecked()) out.push_back(g);
    return out;
}

}  // namespace rf::gui
