// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/panels.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "editor/crop_geometry.h"
#include "editor/photo_session.h"
#include "editor/render_controller.h"
#include "i18n/core_text.h"
#include "rangefinder/error.h"
#include "rangefinder/lens.h"

namespace rf::gui {

namespace {

const ParamDecl& declOf(const std::string& key) {
    const ParamDecl* d = findParam(key);
    if (!d) throw std::logic_error("panel: undeclared parameter " + key);
    return *d;
}

QToolButton* smallButton(const QString& text, const QString& tip, QWidget* parent) {
    auto* b = new QToolButton(parent);
    b->setText(text);
    b->setToolTip(tip);
    b->setAutoRaise(true);
    return b;
}

}  // namespace

// ---- PanelSection ----------------------------------------------------------------------

PanelSection::PanelSection(const QString& title, QWidget* body, QWidget* parent)
    : QWidget(parent), body_(body) {
    header_ = new QToolButton(this);
    header_->setText(QString(title).replace('&', "&&"));  // a title, not a mnemonic
    header_->setCheckable(true);
    header_->setChecked(true);
    header_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    header_->setArrowType(Qt::DownArrow);
    header_->setAutoRaise(true);
    header_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    QFont f = header_->font();
    f.setBold(true);
    header_->setFont(f);
    reset_ = smallButton(tr("Reset"), tr("Reset this panel"), this);
    reset_->setVisible(false);

    auto* head = new QHBoxLayout;
    head->setContentsMargins(0, 0, 0, 0);
    head->addWidget(header_, 1);
    head->addWidget(reset_);
    auto* col = new QVBoxLayout(this);
    col->setContentsMargins(0, 2, 0, 4);
    col->setSpacing(2);
    col->addLayout(head);
    col->addWidget(body_);
    body_->setContentsMargins(8, 0, 2, 0);

    connect(header_, &QToolButton::toggled, this, &PanelSection::setExpanded);
    connect(reset_, &QToolButton::clicked, this, &PanelSection::resetClicked);
}

void PanelSection::setExpanded(bool on) {
    header_->setChecked(on);
    header_->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    body_->setVisible(on);
}

bool PanelSection::isExpanded() const {
    return header_->isChecked();
}

void PanelSection::setResettable(bool on) {
    reset_->setVisible(on);
}

// ---- EditPanel -------------------------------------------------------------------------

EditPanel::EditPanel(PhotoSession* session, const QString& title, QWidget* parent)
    : QWidget(parent), session_(session), title_(title) {}

ParamSlider* EditPanel::slider(const std::string& key) const {
    auto it = sliders_.find(key);
    return it == sliders_.end() ? nullptr : it->second;
}

QComboBox* EditPanel::choice(const std::string& key) const {
    auto it = choices_.find(key);
    return it == choices_.end() ? nullptr : it->second;
}

ParamSlider* EditPanel::addSlider(QBoxLayout* layout, const std::string& key) {
    auto* s = new ParamSlider(declOf(key), this);
    layout->addWidget(s);
    sliders_[key] = s;
    own(key);
    connect(s, &ParamSlider::changing, this, [this, key](const QString&, double v) {
        EditDocument doc = session_->edits();
        try {
            prepare(doc, key, v);
            doc.setFloat(key, v);
        } catch (const Error&) {
            return;  // a value the schema refuses cannot come from its own range
        }
        session_->setLive(doc);
    });
    connect(s, &ParamSlider::committed, this, [this, s](const QString&, double v) {
        session_->commit(tr("%1 %2", "history: a slider's label and its new value")
                             .arg(paramLabel(s->decl()), s->valueText(v)));
    });
    connect(s, &ParamSlider::resetRequested, this, [this, s, key] {
        EditDocument doc = session_->edits();
        resetKey(doc, key);
        session_->apply(doc, tr("Reset %1").arg(paramLabel(s->decl())));
        refresh();
    });
    return s;
}

QComboBox* EditPanel::addChoice(QBoxLayout* layout, const std::string& key,
                                const std::vector<std::string>& only) {
    const ParamDecl& d = declOf(key);
    auto* row = new QHBoxLayout;
    row->setSpacing(6);
    QLabel* label = ParamSlider::makeLabel(d, this);
    auto* box = new QComboBox(this);
    box->setObjectName(QString::fromStdString(key));
    box->setToolTip(paramHelp(d));
    passWheelOn(box);
    for (const std::string& c : only.empty() ? d.choices : only)
        box->addItem(paramChoice(c), QString::fromStdString(c));
    row->addWidget(label);
    row->addWidget(box, 1);
    layout->addLayout(row);
    choices_[key] = box;
    own(key);
    connect(box, &QComboBox::activated, this, [this, box, key, name = paramLabel(d)](int index) {
        EditDocument doc = session_->edits();
        const std::string value = box->itemData(index).toString().toStdString();
        if (doc.getText(key) == value) return;
        doc.setText(key, value);
        session_->apply(doc, tr("%1: %2", "history: a list's label and the item chosen")
                                 .arg(name, box->itemText(index)));
    });
    return box;
}

QCheckBox* EditPanel::addFlag(QBoxLayout* layout, const std::string& key) {
    const ParamDecl& d = declOf(key);
    auto* box = new QCheckBox(paramLabel(d), this);
    box->setObjectName(QString::fromStdString(key));
    box->setToolTip(paramHelp(d));
    layout->addWidget(box);
    flags_[key] = box;
    own(key);
    connect(box, &QCheckBox::clicked, this, [this, key, box](bool on) {
        EditDocument doc = session_->edits();
        doc.setBool(key, on);
        session_->apply(doc, on ? tr("%1 on", "history: a switch turned on").arg(box->text())
                                : tr("%1 off", "history: a switch turned off").arg(box->text()));
    });
    return box;
}

QLabel* EditPanel::addHeading(QBoxLayout* layout, const QString& text) {
    auto* l = new QLabel(text, this);
    // Quiet but legible: the palette's secondary text (its Mid is a frame colour, which on
    // the dark theme is barely apart from the background).
    l->setStyleSheet("margin-top: 6px;");
    QPalette pal = l->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    l->setPalette(pal);
    QFont f = l->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    l->setFont(f);
    layout->addWidget(l);
    return l;
}

void EditPanel::addDeclared(QBoxLayout* layout, const std::string& panel) {
    std::vector<const ParamDecl*> declared;
    for (const ParamDecl& d : schema())
        if (d.panel == panel) declared.push_back(&d);
    std::stable_sort(declared.begin(), declared.end(),
                     [](const ParamDecl* a, const ParamDecl* b) { return a->order < b->order; });
    std::string section;
    for (const ParamDecl* d : declared) {
        if (d->section != section && !d->section.empty()) {
            auto* heading = new QHBoxLayout;
            heading->setContentsMargins(0, 0, 0, 0);
            layout->addLayout(heading);
            addHeading(heading, paramSection(d->section));
            heading->addStretch(1);
            decorateSection(d->section, heading);
        }
        section = d->section;
        switch (d->type) {
            case ParamType::Float:
            case ParamType::Int:
                addSlider(layout, d->key);
                break;
            case ParamType::Choice:
                addChoice(layout, d->key);
                decorateChoice(d->key, static_cast<QHBoxLayout*>(
                                           layout->itemAt(layout->count() - 1)->layout()));
                break;
            case ParamType::Bool:
                addFlag(layout, d->key);
                break;
            case ParamType::Text:
                addText(layout, *d);
                break;
        }
    }
}

void EditPanel::passWheelOn(QComboBox* box) {
    box->setFocusPolicy(Qt::StrongFocus);
    box->installEventFilter(this);
}

bool EditPanel::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Wheel && qobject_cast<QComboBox*>(watched) &&
        !static_cast<QWidget*>(watched)->hasFocus()) {
        QCoreApplication::sendEvent(this, event);  // on to the scroll area
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void EditPanel::addText(QBoxLayout*, const ParamDecl& decl) {
    throw std::logic_error("panel: no generic control for text " + decl.key);
}

void EditPanel::decorateSection(const std::string&, QHBoxLayout*) {}

void EditPanel::decorateChoice(const std::string&, QHBoxLayout*) {}

void EditPanel::prepare(EditDocument&, const std::string&, double) {}

void EditPanel::resetKey(EditDocument& doc, const std::string& key) {
    doc.reset(key);
}

void EditPanel::refresh() {
    const EditDocument& doc = session_->edits();
    for (auto& [key, s] : sliders_) s->setValue(doc.getFloat(key));
    for (auto& [key, box] : choices_) {
        const int i = box->findData(QString::fromStdString(doc.getText(key)));
        box->setCurrentIndex(i);
    }
    for (auto& [key, box] : flags_) box->setChecked(doc.getBool(key));
}

void EditPanel::resetPanel() {
    EditDocument doc = session_->edits();
    for (const std::string& k : keys_) doc.reset(k);
    session_->apply(doc, tr("Reset %1").arg(title_));
}

// ---- BasicPanel ------------------------------------------------------------------------

BasicPanel::BasicPanel(PhotoSession* session, QAction* eyedropper, QAction* autoTone,
                       QWidget* parent)
    : EditPanel(session, tr("Basic"), parent), eyedropper_(eyedropper), autoTone_(autoTone) {
    auto* col = new QVBoxLayout(this);
    col->setContentsMargins(0, 0, 0, 0);
    col->setSpacing(2);
    addDeclared(col, "basic");
}

void BasicPanel::decorateChoice(const std::string& key, QHBoxLayout* row) {
    if (key != "wb.mode") return;
    auto* pick = new QToolButton(this);
    pick->setDefaultAction(eyedropper_);
    pick->setAutoRaise(true);
    row->addWidget(pick);
}

void BasicPanel::decorateSection(const std::string& section, QHBoxLayout* heading) {
    if (section != "Tone") return;  // the heading of the tone sliders carries Auto, which sets them
    auto* autoButton = new QToolButton(this);
    autoButton->setDefaultAction(autoTone_);
    autoButton->setAutoRaise(true);
    autoButton->setObjectName("autoTone");
    heading->addWidget(autoButton, 0, Qt::AlignBottom);
}

void BasicPanel::setWhiteBalanceReadout(double kelvin, double tint) {
    readoutKelvin_ = kelvin;
    readoutTint_ = tint;
    haveReadout_ = true;
    if (session_->edits().getText("wb.mode") != "custom") {
        slider("wb.temperature")->setValue(std::round(kelvin / 10) * 10);
        slider("wb.tint")->setValue(std::round(tint));
    }
}

void BasicPanel::refresh() {
    EditPanel::refresh();
    if (haveReadout_ && session_->edits().getText("wb.mode") != "custom") {
        slider("wb.temperature")->setValue(std::round(readoutKelvin_ / 10) * 10);
        slider("wb.tint")->setValue(std::round(readoutTint_));
    }
}

void BasicPanel::prepare(EditDocument& doc, const std::string& key, double) {
    // Moving temperature or tint from "as shot" or a preset starts from what it shows.
    if ((key == "wb.temperature" || key == "wb.tint") && doc.getText("wb.mode") != "custom") {
        doc.setText("wb.mode", "custom");
        doc.setFloat("wb.temperature", slider("wb.temperature")->value());
        doc.setFloat("wb.tint", slider("wb.tint")->value());
    }
}

void BasicPanel::resetKey(EditDocument& doc, const std::string& key) {
    if (key == "wb.temperature" || key == "wb.tint") {
        for (const ParamDecl& d : schema())
            if (d.stage == "whitebalance") doc.reset(d.key);
        return;
    }
    doc.reset(key);
}

// ---- CropPanel -------------------------------------------------------------------------

CropPanel::CropPanel(PhotoSession* session, QAction* cropTool, QWidget* parent)
    : EditPanel(session, tr("Crop & rotate"), parent) {
    auto* col = new QVBoxLayout(this);
    col->setContentsMargins(0, 0, 0, 0);
    col->setSpacing(4);

    auto* top = new QHBoxLayout;
    auto* tool = new QToolButton(this);
    tool->setDefaultAction(cropTool);
    tool->setToolButtonStyle(Qt::ToolButtonTextOnly);
    aspect_ = new QComboBox(this);
    passWheelOn(aspect_);
    aspect_->setObjectName("crop.aspect");
    for (const QString& p : cropAspectPresets())
        aspect_->addItem(p == "original" ? tr("Original") : p == "free" ? tr("Free") : p, p);
    aspect_->setToolTip(tr("Aspect ratio of the crop"));
    auto* swap = smallButton(tr("⇄"), tr("Swap portrait and landscape"), this);
    swap->setObjectName("crop.swap");
    top->addWidget(tool);
    top->addWidget(new QLabel(tr("Aspect"), this));
    top->addWidget(aspect_, 1);
    top->addWidget(swap);
    col->addLayout(top);

    addDeclared(col, "crop");  // the straighten slider

    auto* turns = new QHBoxLayout;
    auto* left = smallButton(tr("⟲ 90°"), tr("Rotate counter-clockwise"), this);
    auto* right = smallButton(tr("⟳ 90°"), tr("Rotate clockwise"), this);
    auto* flipH = smallButton(tr("⇋ Flip"), tr("Mirror left to right"), this);
    auto* flipV = smallButton(tr("⇵ Flip"), tr("Mirror top to bottom"), this);
    left->setObjectName("rotate.left");
    right->setObjectName("rotate.right");
    flipH->setObjectName("flip.h");
    flipV->setObjectName("flip.v");
    for (QToolButton* b : {left, right, flipH, flipV}) turns->addWidget(b);
    turns->addStretch(1);
    col->addLayout(turns);
    // The panel resets what the geometry stage declares; the straighten slider is its own.
    for (const ParamDecl& d : schema())
        if (d.stage == "geometry" && d.key != "geometry.angle") own(d.key);

    connect(aspect_, &QComboBox::activated, this,
            [this](int i) { emit aspectChosen(aspect_->itemData(i).toString()); });
    connect(swap, &QToolButton::clicked, this, &CropPanel::orientationSwapRequested);
    connect(left, &QToolButton::clicked, this, [this] { emit turnRequested(false); });
    connect(right, &QToolButton::clicked, this, [this] { emit turnRequested(true); });
    connect(flipH, &QToolButton::clicked, this, [this] { emit flipRequested(true); });
    connect(flipV, &QToolButton::clicked, this, [this] { emit flipRequested(false); });
}

void CropPanel::refresh() {
    EditPanel::refresh();
    const QString aspect = QString::fromStdString(session_->edits().getText("crop.aspect"));
    int i = aspect_->findData(aspect);
    if (i < 0) i = aspect_->findData(swappedAspect(aspect));
    aspect_->setCurrentIndex(i < 0 ? aspect_->findData("free") : i);
}

// ---- DetailPanel -----------------------------------------------------------------------

DetailPanel::DetailPanel(PhotoSession* session, QWidget* parent)
    : EditPanel(session, tr("Detail & effects"), parent) {
    auto* col = new QVBoxLayout(this);
    col->setContentsMargins(0, 0, 0, 0);
    col->setSpacing(2);
    addDeclared(col, "detail");
}

// ---- LensPanel -------------------------------------------------------------------------

LensPanel::LensPanel(PhotoSession* session, RenderController* renderer, QWidget* parent)
    : EditPanel(session, tr("Lens correction"), parent), renderer_(renderer) {
    auto* col = new QVBoxLayout(this);
    col->setContentsMargins(0, 0, 0, 0);
    col->setSpacing(2);
    status_ = new QLabel(this);
    status_->setObjectName("lens.status");
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    col->addWidget(status_);
    addDeclared(col, "lens");
    connect(renderer_, &RenderController::opened, this, &LensPanel::photoOpened);
}

void LensPanel::addText(QBoxLayout* layout, const ParamDecl& d) {
    auto* row = new QHBoxLayout;
    row->setSpacing(6);
    row->addWidget(ParamSlider::makeLabel(d, this));
    own(d.key);
    if (d.key == "lens.camera") {
        // The camera is what the file says; lensfun's name for it is shown, not picked: a
        // wrong camera only changes which lenses fit, and the lens list offers every lens
        // when the camera is not in the database.
        camera_ = new QLabel(this);
        camera_->setObjectName("lens.camera");
        camera_->setWordWrap(true);
        camera_->setToolTip(paramHelp(d));
        row->addWidget(camera_, 1);
    } else {
        lens_ = new QComboBox(this);
        lens_->setObjectName(QString::fromStdString(d.key));
        lens_->setToolTip(paramHelp(d));
        lens_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        lens_->setMinimumContentsLength(12);
        passWheelOn(lens_);
        row->addWidget(lens_, 1);
        const std::string key = d.key;
        connect(lens_, &QComboBox::activated, this, [this, key](int index) {
            EditDocument doc = session_->edits();
            const std::string value = lens_->itemData(index).toString().toStdString();
            if (doc.getText(key) == value) return;
            doc.setText(key, value);
            session_->apply(doc, value.empty() ? tr("Lens from the photo")
                                               : tr("Lens: %1").arg(lens_->itemText(index)));
        });
    }
    layout->addLayout(row);
}

void LensPanel::photoOpened() {
    const CaptureInfo& info = renderer_->captureInfo();
    lens_->clear();
    lens_->addItem(tr("From the photo"), QString());
    for (const LensChoice& c : lensesForCamera(info, session_->edits().getText("lens.camera"))) {
        const QString name = QString::fromStdString(c.model);
        lens_->addItem(name, name);
    }
    refresh();
}

void LensPanel::refresh() {
    EditPanel::refresh();
    const EditDocument& doc = session_->edits();
    const LensParams params = LensParams::from(doc);
    const QString picked = QString::fromStdString(params.lens);
    int i = lens_->findData(picked);
    if (i < 0 && !picked.isEmpty()) {  // a name from a sidecar the list does not hold
        lens_->addItem(picked, picked);
        i = lens_->count() - 1;
    }
    lens_->setCurrentIndex(std::max(i, 0));
    if (!renderer_->isOpen()) {
        status_->clear();
        camera_->clear();
        return;
    }
    const LensProfile profile = renderer_->lensProfile(params);
    status_->setText(statusText(profile, renderer_->captureInfo()));
    const std::string camera =
        params.camera.empty() ? lensfunCameraName(renderer_->captureInfo()) : params.camera;
    camera_->setText(camera.empty() ? tr("not in the lens database")
                                    : QString::fromStdString(camera));
}

QString LensPanel::statusText(const LensProfile& p, const CaptureInfo& info) {
    using F = LensProfile::Finding;
    const QString subject = QString::fromStdString(p.subject);
    QStringList what;
    if (p.hasDistortion) what << tr("distortion");
    if (p.hasTca) what << tr("chromatic aberration");
    if (p.hasVignetting) what << tr("vignetting");
    const QString lens = QString::fromStdString(p.lensModel);
    const QString names = p.cameraModel.empty()
                              ? lens
                              : tr("%1 on the %2", "a lens on a camera")
                                    .arg(lens, QString::fromStdString(p.cameraModel));
    switch (p.finding) {
        case F::Off:
            return tr("Lens correction is off");
        case F::Dng:
            return tr("The file's own lens corrections (DNG opcodes): %1").arg(what.join(", "));
        case F::Applied:
            return tr("%1 at %2 mm: %3")
                .arg(names)
                .arg(std::lround(p.focalLength))
                .arg(what.join(", "));
        case F::Uncertain:
            return tr("“%1” may be %2, but not certainly: not applied (pick the lens to apply it)")
                .arg(subject, names);
        case F::NoDatabase:
            return tr("The lens database (lensfun) is not installed");
        case F::UnknownCamera:
            return tr("No camera named “%1” in the lens database").arg(subject);
        case F::UnknownLens:
            return tr("No lens named “%1” in the lens database").arg(subject);
        case F::LensUnnamed:
            return tr("The file does not name its lens");
        case F::NoProfile: {
            const QString camera = QString::fromStdString(info.make + " " + info.model).trimmed();
            return camera.isEmpty()
                       ? tr("No profile for the lens “%1” in the lens database").arg(subject)
                       : tr("No profile for the lens “%1” on the %2 in the lens database")
                             .arg(subject, camera);
        }
        case F::NoFocalLength:
            return tr("%1: the file records no focal length, nothing to correct").arg(names);
        case F::NoSensorSize:
            return tr("%1: the camera's sensor size is unknown, nothing to correct").arg(names);
        case F::NoCorrection:
            return tr("%1: the profile holds no correction for this shot").arg(names);
    }
    return QString::fromStdString(p.message);
}

QString LensPanel::status() const {
    return status_->text();
}

// ---- InfoPanel -------------------------------------------------------------------------

InfoPanel::InfoPanel(QWidget* parent) : QWidget(parent) {
    form_ = new QFormLayout(this);
    form_->setContentsMargins(0, 0, 0, 0);
    form_->setLabelAlignment(Qt::AlignLeft);
    for (const QString& name :
         {tr("File"), tr("Camera"), tr("Lens"), tr("Exposure"), tr("Focal length"), tr("ISO"),
          tr("Date"), tr("Size"), tr("Folder")}) {
        auto* v = new QLabel(this);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        form_->addRow(name, v);
        values_[name] = v;
    }
}

QString InfoPanel::field(const QString& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? QString() : it->second->text();
}

void InfoPanel::clear() {
    for (auto& [name, label] : values_) label->clear();
}

void InfoPanel::showPhoto(const QString& path, const CaptureInfo& info) {
    const QFileInfo file(path);
    const QLocale locale;
    const auto set = [this](const QString& name, const QString& text) {
        values_[name]->setText(text.isEmpty() ? QStringLiteral("—") : text);
    };
    set(tr("File"), file.fileName() + "  (" + locale.formattedDataSize(file.size()) + ")");
    set(tr("Folder"), file.absolutePath());
    QString camera = QString::fromStdString(info.make + " " + info.model).trimmed();
    set(tr("Camera"), camera);
    set(tr("Lens"), QString::fromStdString(info.lens));
    QStringList exposure;
    if (info.shutterSeconds > 0)
        exposure << (info.shutterSeconds < 0.5f
                         ? QStringLiteral("1/%1 s").arg(std::lround(1.0 / info.shutterSeconds))
                         : QStringLiteral("%L1 s").arg(double(info.shutterSeconds), 0, 'g', 3));
    if (info.aperture > 0)
        exposure << QStringLiteral("f/%L1").arg(double(info.aperture), 0, 'g', 3);
    set(tr("Exposure"), exposure.join("  "));
    set(tr("Focal length"),
        info.focalLengthMm > 0 ? QStringLiteral("%L1 mm").arg(double(info.focalLengthMm), 0, 'g', 4)
                               : QString());
    set(tr("ISO"), info.iso > 0 ? QString::number(std::lround(info.iso)) : QString());
    const QDateTime taken =
        QDateTime::fromString(QString::fromStdString(info.dateTime), Qt::ISODate);
    set(tr("Date"), taken.isValid() ? locale.toString(taken, QLocale::ShortFormat)
                                    : QString::fromStdString(info.dateTime));
    const bool turned = info.orientation >= 5 && info.orientation <= 8;
    const int w = turned ? info.height : info.width, h = turned ? info.width : info.height;
    set(tr("Size"),
        w > 0
            ? QStringLiteral("%1 × %2  (%L3 MP)").arg(w).arg(h).arg(w * double(h) / 1e6, 0, 'f', 1)
            : QString());
}

}  // namespace rf::gui
