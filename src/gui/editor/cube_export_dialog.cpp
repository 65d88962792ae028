// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/cube_export_dialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <filesystem>

#include "rangefinder/error.h"
#include "rangefinder/lut.h"

namespace rf::gui {

namespace {

QString slugFile(const QString& look) {
    return QString::fromStdString(lookSlug(look.toStdString())) + ".cube";
}

}  // namespace

QString CubeExportDialog::spaceLabel(CubeSpace s) {
    switch (s) {
        case CubeSpace::SRGB:
            return tr("sRGB (display)");
        case CubeSpace::Rec2020Linear:
            return tr("Rec.2020 linear");
        case CubeSpace::ACEScct:
            return tr("ACEScct (log)");
    }
    return {};
}

QString CubeExportDialog::spaceHelp(CubeSpace s) {
    switch (s) {
        case CubeSpace::SRGB:
            return tr(
                "For photo editors, ffmpeg and video tools: applied to a photo exported "
                "without a look, it gives the photo with the look.");
        case CubeSpace::Rec2020Linear:
            return tr(
                "Linear light for compositing tools, with a 1D shaper in front of the "
                "table (DaVinci Resolve's .cube); tools that cannot read a shaper, such as "
                "ffmpeg, refuse it.");
        case CubeSpace::ACEScct:
            return tr(
                "For grading in an ACES project (ACEScct, AP1 primaries). Use 65 points: "
                "the picture spans only half of the log range.");
    }
    return {};
}

CubeExportDialog::CubeExportDialog(const LookLibrary& library, const QString& look,
                                   const QString& folder, QWidget* parent)
    : QDialog(parent), library_(library) {
    setWindowTitle(tr("Export Look as .cube"));

    look_ = new QComboBox(this);
    look_->setObjectName("cube.look");
    for (const Look& l : library_.looks()) look_->addItem(QString::fromStdString(l.name));
    const int chosen = look_->findText(look, Qt::MatchFixedString);
    look_->setCurrentIndex(chosen >= 0 ? chosen : 0);

    space_ = new QComboBox(this);
    space_->setObjectName("cube.space");
    for (CubeSpace s : kCubeSpaces) space_->addItem(spaceLabel(s), int(s));
    about_ = new QLabel(this);
    about_->setWordWrap(true);
    QPalette quiet = about_->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    about_->setPalette(quiet);

    size_ = new QSpinBox(this);
    size_->setObjectName("cube.size");
    size_->setRange(2, Lut3D::kMaxSize);
    size_->setValue(33);
    size_->setToolTip(tr("Points per axis: 33 is usual, 65 the most accurate"));

    file_ = new QLineEdit(this);
    file_->setObjectName("cube.file");
    defaultName_ = slugFile(look_->currentText());
    file_->setText(QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(defaultName_));
    auto* choose = new QToolButton(this);
    choose->setText(tr("Choose…"));
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(file_, 1);
    fileRow->addWidget(choose);

    error_ = new QLabel(this);
    error_->setWordWrap(true);
    error_->setObjectName("cube.error");
    QPalette alarm = error_->palette();
    alarm.setColor(QPalette::WindowText, QColor(0xe0, 0x6c, 0x6c));
    error_->setPalette(alarm);
    error_->hide();

    auto* note = new QLabel(
        tr("The look's colour at full strength. A vignette or grain depends on the place in "
           "the frame and cannot be part of a LUT."),
        this);
    note->setWordWrap(true);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Save)->setText(tr("Export"));

    auto* form = new QFormLayout;
    form->addRow(tr("Look"), look_);
    form->addRow(tr("Colour space"), space_);
    form->addRow(QString(), about_);
    form->addRow(tr("Points per axis"), size_);
    form->addRow(tr("File"), fileRow);
    auto* col = new QVBoxLayout(this);
    col->addLayout(form);
    col->addWidget(note);
    col->addWidget(error_);
    col->addWidget(buttons_);
    setMinimumWidth(520);

    const auto updateAbout = [this] { about_->setText(spaceHelp(space())); };
    updateAbout();
    connect(space_, &QComboBox::currentIndexChanged, this, updateAbout);
    connect(look_, &QComboBox::currentIndexChanged, this, &CubeExportDialog::lookChanged);
    connect(choose, &QToolButton::clicked, this, &CubeExportDialog::chooseFile);
    connect(file_, &QLineEdit::textChanged, this, [this](const QString& text) {
        buttons_->button(QDialogButtonBox::Save)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(buttons_, &QDialogButtonBox::accepted, this, &CubeExportDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &CubeExportDialog::reject);
}

CubeSpace CubeExportDialog::space() const {
    return CubeSpace(space_->currentData().toInt());
}

void CubeExportDialog::lookChanged() {
    // A file name the dialog suggested follows the look; one the photographer typed stays.
    const QFileInfo current(file_->text());
    const QString name = slugFile(look_->currentText());
    if (current.fileName() == defaultName_) file_->setText(current.dir().filePath(name));
    defaultName_ = name;
}

void CubeExportDialog::chooseFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Look as .cube"),
                                                      file_->text(), tr("Cube LUTs (*.cube)"));
    if (!path.isEmpty()) file_->setText(path);
}

void CubeExportDialog::accept() {
    const QString path = file_->text().trimmed();
    const Look* look = library_.find(look_->currentText().toStdString());
    if (path.isEmpty() || !look) return;
    if (QFileInfo::exists(path) &&
        QMessageBox::question(this, windowTitle(),
                              tr("%1 already exists. Replace it?").arg(QFileInfo(path).fileName()),
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    try {
        // A look's LUT file is named relative to the look's own folder.
        std::vector<std::string> dirs;
        if (!look->path.empty())
            dirs.push_back(std::filesystem::path(look->path).parent_path().string());
        for (const std::string& d : library_.dirs()) dirs.push_back(d);
        const LookParams p = LookParams::from(withLook({}, *look, 100.0), dirs);
        QApplication::setOverrideCursor(Qt::WaitCursor);
        struct RestoreCursor {
            ~RestoreCursor() { QApplication::restoreOverrideCursor(); }
        } restore;
        writeLookCube(path.toStdString(), look->name, p, space(), size_->value());
    } catch (const Error& e) {
        error_->setText(QString::fromStdString(e.what()));
        error_->show();
        return;
    }
    emit exported(path);
    QDialog::accept();
}

}  // namespace rf::gui
