// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/preferences_dialog.h"

#include <QColorSpace>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QVBoxLayout>

#include "app/settings.h"

namespace rf::gui {

PreferencesDialog::PreferencesDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Preferences"));
    auto* layout = new QVBoxLayout(this);

    auto* display = new QGroupBox(tr("Display"), this);
    auto* form = new QVBoxLayout(display);
    srgb_ = new QRadioButton(tr("sRGB (the usual assumption for an unprofiled monitor)"), display);
    custom_ = new QRadioButton(tr("The monitor's ICC profile:"), display);
    form->addWidget(srgb_);
    form->addWidget(custom_);
    auto* fileRow = new QHBoxLayout;
    fileRow->setContentsMargins(22, 0, 0, 0);
    path_ = new QLineEdit(display);
    path_->setPlaceholderText(tr("/usr/share/color/icc/…"));
    browse_ = new QPushButton(tr("Choose…"), display);
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse_);
    form->addLayout(fileRow);
    status_ = new QLabel(display);
    status_->setWordWrap(true);
    status_->setContentsMargins(22, 0, 0, 0);
    status_->setForegroundRole(QPalette::PlaceholderText);
    form->addWidget(status_);
    layout->addWidget(display);
    layout->addStretch(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    ok_ = buttons->button(QDialogButtonBox::Ok);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(srgb_, &QRadioButton::toggled, this, &PreferencesDialog::updateState);
    connect(path_, &QLineEdit::textChanged, this, &PreferencesDialog::updateState);
    connect(browse_, &QPushButton::clicked, this, [this] {
        QString start = path_->text();
        if (start.isEmpty()) start = QStringLiteral("/usr/share/color/icc");
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Monitor ICC Profile"), start,
                                         tr("ICC profiles (*.icc *.icm);;All files (*)"));
        if (!file.isEmpty()) {
            path_->setText(file);
            custom_->setChecked(true);
        }
    });

    setDisplayProfile(QSettings().value(settings::kDisplayProfile).toString());
    resize(520, sizeHint().height());
}

QString PreferencesDialog::displayProfile() const {
    return custom_->isChecked() ? path_->text().trimmed() : QString();
}

void PreferencesDialog::setDisplayProfile(const QString& path) {
    path_->setText(path);
    (path.isEmpty() ? srgb_ : custom_)->setChecked(true);
    updateState();
}

void PreferencesDialog::save() const {
    QSettings().setValue(settings::kDisplayProfile, displayProfile());
}

QString PreferencesDialog::describeProfile(const QString& path, QString& error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    // Monitor profiles are a few kilobytes; anything past a few megabytes is not one.
    const QByteArray bytes = file.read(16 << 20);
    // The ICC header (ICC.1:2010 §7.2): the 'acsp' signature, the device class and the
    // colour space. Only the header is checked: Qt parses matrix profiles only, while the
    // LUT profiles calibration tools often make are just as usable to lcms2 in the core.
    const auto tag = [&](int offset) { return bytes.mid(offset, 4); };
    if (bytes.size() < 128 || tag(36) != "acsp") {
        error = tr("%1 is not an ICC profile").arg(QFileInfo(path).fileName());
        return {};
    }
    if (tag(16) != "RGB ") {
        error = tr("%1 is not an RGB profile").arg(QFileInfo(path).fileName());
        return {};
    }
    if (tag(12) != "mntr") {
        error = tr("%1 is not a display profile (it describes a printer, scanner or colour "
                   "space); choose the profile made for your monitor")
                    .arg(QFileInfo(path).fileName());
        return {};
    }
    error.clear();
    const QString description = QColorSpace::fromIccProfile(bytes).description();
    return description.isEmpty() ? QFileInfo(path).fileName() : description;
}

void PreferencesDialog::updateState() {
    const bool custom = custom_->isChecked();
    path_->setEnabled(custom);
    browse_->setEnabled(custom);
    if (!custom) {
        status_->setText(tr("Photos are shown as sRGB."));
        ok_->setEnabled(true);
        return;
    }
    QString error;
    const QString description = path_->text().trimmed().isEmpty()
                                    ? QString()
                                    : describeProfile(path_->text().trimmed(), error);
    if (description.isEmpty()) {
        status_->setText(error.isEmpty() ? tr("Choose the profile your calibration tool made.")
                                         : error);
        ok_->setEnabled(false);
    } else {
        status_->setText(tr("Profile: %1").arg(description));
        ok_->setEnabled(true);
    }
}

}  // namespace rf::gui
