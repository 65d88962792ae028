// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_dialog.h"

#include <unistd.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "app/theme.h"
#include "i18n/core_text.h"
#include "rangefinder/error.h"
#include "rangefinder/export_schema.h"

namespace rf::gui {

namespace {

constexpr char kCheckedKey[] = "export/checkedPresets";
constexpr char kSelectedKey[] = "export/selectedPreset";
// The export folder the photographer chose (see the header): relative to the photos' folder
// when it lies inside it, absolute when outside; absent: <photos' folder>/Export.
constexpr char kChosenFolderKey[] = "export/chosenFolder";
// Before, every export stored the folder it used, chosen or not, so the next folder's photos
// went to the previous folder's Export. Read once: kept as a choice unless it is merely some
// folder's Export.
constexpr char kLegacyFolderKey[] = "export/folder";

const char* const kTemplateFields[][2] = {
    {"{name}",
     QT_TRANSLATE_NOOP("rf::gui::ExportDialog", "the raw file's name without its extension")},
    {"{ext}", QT_TRANSLATE_NOOP("rf::gui::ExportDialog", "the raw file's extension")},
    {"{camera}", QT_TRANSLATE_NOOP("rf::gui::ExportDialog", "the camera model")},
    {"{date}", QT_TRANSLATE_NOOP("rf::gui::ExportDialog", "the capture date, YYYY-MM-DD")},
    {"{seq}",
     QT_TRANSLATE_NOOP("rf::gui::ExportDialog", "the photo's position in this export, 0001…")},
    {"{look}", QT_TRANSLATE_NOOP("rf::gui::ExportDialog",
                                 "the applied look, e.g. leica-authentic (\"none\" without one)")},
};

void selectData(QComboBox* box, const QVariant& value) {
    const int i = box->findData(value);
    if (i >= 0) box->setCurrentIndex(i);
}

QGroupBox* group(const QString& title, QFormLayout*& form) {
    auto* box = new QGroupBox(title);
    form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    return box;
}

// A combo box of a choice setting: its items, their order, labels and tooltips are the
// schema's choices, each holding its canonical name; named after the setting's key.
QComboBox* choiceBox(const char* key) {
    const ExportSettingDecl& d = exportSetting(key);
    auto* box = new QComboBox;
    box->setObjectName(QString::fromStdString(d.key));
    box->setToolTip(exportHelp(d));
    for (const auto& c : d.choices) {
        box->addItem(exportChoiceLabel(c), QString::fromStdString(c.name));
        if (!c.help.empty())
            box->setItemData(box->count() - 1, exportChoiceHelp(c), Qt::ToolTipRole);
    }
    return box;
}

// A spin box of a whole-number setting: the schema's range, its help as the tooltip.
QSpinBox* spinBox(const char* key) {
    const ExportSettingDecl& d = exportSetting(key);
    auto* box = new QSpinBox;
    box->setObjectName(QString::fromStdString(d.key));
    box->setRange(int(d.minValue), int(d.maxValue));
    box->setToolTip(exportHelp(d));
    return box;
}

bool isInside(const QString& relative) {
    return !QDir::isAbsolutePath(relative) && relative != QLatin1String("..") &&
           !relative.startsWith(QLatin1String("../"));
}

}  // namespace

QString defaultExportFolder(const QString& photoFolder) {
    if (photoFolder.isEmpty()) return {};
    return QDir::cleanPath(QDir(photoFolder).filePath(ExportDialog::tr("Export")));
}

QString rememberedExportFolder(QSettings& settings, const QString& photoFolder) {
    if (settings.contains(kLegacyFolderKey)) {
        const QString old = settings.value(kLegacyFolderKey).toString();
        const QString name = QFileInfo(old).fileName();
        if (!old.isEmpty() && !settings.contains(kChosenFolderKey) &&
            name != QLatin1String("Export") && name != ExportDialog::tr("Export"))
            settings.setValue(kChosenFolderKey, QDir::cleanPath(old));
        settings.remove(kLegacyFolderKey);
    }
    const QString chosen = settings.value(kChosenFolderKey).toString();
    if (chosen.isEmpty()) return defaultExportFolder(photoFolder);
    if (QDir::isAbsolutePath(chosen)) return QDir::cleanPath(chosen);
    return photoFolder.isEmpty() ? QString() : QDir::cleanPath(QDir(photoFolder).filePath(chosen));
}

void rememberExportFolder(QSettings& settings, const QString& photoFolder, const QString& folder) {
    const QString absolute = QDir::cleanPath(QDir(folder).absolutePath());
    if (photoFolder.isEmpty()) {
        settings.setValue(kChosenFolderKey, absolute);
        return;
    }
    if (absolute == defaultExportFolder(photoFolder)) {
        settings.remove(kChosenFolderKey);  // back to the default: nothing to remember
        return;
    }
    const QString relative = QDir(photoFolder).relativeFilePath(absolute);
    settings.setValue(kChosenFolderKey, isInside(relative) ? relative : absolute);
}

QString outputFolderProblem(const QString& folder) {
    if (folder.trimmed().isEmpty()) return ExportDialog::tr("Choose an output folder.");
    // The folder may not exist yet (the export creates it): its nearest existing ancestor
    // decides.
    QString probe = QDir::cleanPath(QDir(folder).absolutePath());
    while (!QFileInfo::exists(probe)) {
        const QString parent = QFileInfo(probe).path();
        if (parent == probe) break;
        probe = parent;
    }
    if (!QFileInfo(probe).isDir())
        return ExportDialog::tr("%1: cannot create it, %2 is a file, not a folder.")
            .arg(QDir::toNativeSeparators(folder), QDir::toNativeSeparators(probe));
    if (::access(QFile::encodeName(probe).constData(), W_OK | X_OK) != 0)
        return ExportDialog::tr("%1: cannot write into %2 (%3).")
            .arg(QDir::toNativeSeparators(folder), QDir::toNativeSeparators(probe),
                 QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

ExportDialog::ExportDialog(const QStringList& rawPaths, QWidget* parent)
    : QDialog(parent), photos_(rawPaths) {
    setWindowTitle(tr("Export %n Photo(s)", nullptr, int(photos_.size())));
    if (!photos_.isEmpty()) {
        try {
            sampleInfo_ = readCaptureInfo(photos_.first().toStdString());
        } catch (const Error&) {
            // A corrupt first photo still gets an example name; {camera} and {date} fall
            // back to "unknown" and "undated", as they would in the export.
        }
    }
    QSettings settings;
    if (!photos_.isEmpty()) photoFolder_ = QFileInfo(photos_.first()).absolutePath();
    exportFolder_ = rememberedExportFolder(settings, photoFolder_);

    buildUi();
    loadPresets();

    const QStringList checked = settings.value(kCheckedKey).toStringList();
    bool any = false;
    for (int i = 0; i < presetList_->count(); ++i) {
        const bool on = checked.contains(presets_[i].name);
        presetList_->item(i)->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        any = any || on;
    }
    if (!any) presetList_->item(0)->setCheckState(Qt::Checked);
    const QString remembered = settings.value(kSelectedKey).toString();
    selectPreset(remembered.isEmpty() ? checkedPresets().value(0) : remembered);
    if (selectedIndex() < 0) presetList_->setCurrentRow(0);
    presetList_->setFocus();
}

void ExportDialog::buildUi() {
    auto* columns = new QHBoxLayout;
    columns->addLayout(buildPresetColumn());
    columns->addSpacing(8);
    columns->addLayout(buildOptions(), 1);
    auto* root = new QVBoxLayout(this);
    root->addLayout(columns, 1);
    buildBottom(root);
    connectOptions();
}

QLayout* ExportDialog::buildPresetColumn() {
    presetList_ = new QListWidget;
    presetList_->setObjectName(QStringLiteral("presets"));
    presetList_->setSelectionMode(QAbstractItemView::SingleSelection);
    presetList_->setToolTip(
        tr("Tick every preset to export with (Space ticks the selected "
           "one); the options on the right belong to the selected preset."));
    presetList_->setMinimumWidth(200);
    {
        // Fusion outlines an item's check box in a darker shade of Window; on a dark theme's
        // list background the unticked boxes vanish. A lighter Window on the list alone
        // makes them visible without touching the theme.
        QPalette palette = presetList_->palette();
        if (palette.color(QPalette::Base).lightness() < 128) {
            palette.setColor(QPalette::Window, palette.color(QPalette::Base).lighter(400));
            presetList_->setPalette(palette);
        }
    }
    auto* presetsLabel = new QLabel(tr("&Presets"));
    presetsLabel->setBuddy(presetList_);
    saveAsButton_ = new QPushButton(tr("Save &As…"));
    saveAsButton_->setObjectName(QStringLiteral("saveAs"));
    saveAsButton_->setToolTip(tr("Keep these options as a preset of your own"));
    saveButton_ = new QPushButton(tr("Sa&ve"));
    saveButton_->setObjectName(QStringLiteral("save"));
    saveButton_->setToolTip(tr("Store the changes to this preset"));
    renameButton_ = new QPushButton(tr("Re&name…"));
    renameButton_->setObjectName(QStringLiteral("rename"));
    deleteButton_ = new QPushButton(tr("&Delete"));
    deleteButton_->setObjectName(QStringLiteral("delete"));
    for (auto* b : {saveAsButton_, saveButton_, renameButton_, deleteButton_})
        b->setAutoDefault(false);
    auto* presetButtons = new QGridLayout;
    presetButtons->addWidget(saveAsButton_, 0, 0);
    presetButtons->addWidget(saveButton_, 0, 1);
    presetButtons->addWidget(renameButton_, 1, 0);
    presetButtons->addWidget(deleteButton_, 1, 1);
    notes_ = new QLabel;
    notes_->setObjectName(QStringLiteral("collisionNotes"));
    notes_->setWordWrap(true);
    notes_->setMaximumWidth(260);
    notes_->setVisible(false);
    // A preset file that could not be read is named here rather than silently missing.
    const QStringList fileErrors = exportPresetFileErrors();
    auto* fileProblems = new QLabel(fileErrors.join(QLatin1Char('\n')));
    fileProblems->setObjectName(QStringLiteral("presetFileErrors"));
    fileProblems->setWordWrap(true);
    fileProblems->setMaximumWidth(260);
    fileProblems->setVisible(!fileErrors.isEmpty());

    connect(presetList_, &QListWidget::currentRowChanged, this, [this] { showSelectedPreset(); });
    connect(presetList_, &QListWidget::itemChanged, this, [this] { updateSummary(); });
    connect(saveAsButton_, &QPushButton::clicked, this, &ExportDialog::promptSaveAs);
    connect(saveButton_, &QPushButton::clicked, this, &ExportDialog::saveSelected);
    connect(renameButton_, &QPushButton::clicked, this, &ExportDialog::promptRename);
    connect(deleteButton_, &QPushButton::clicked, this, &ExportDialog::promptDelete);

    auto* left = new QVBoxLayout;
    left->addWidget(presetsLabel);
    left->addWidget(presetList_, 1);
    left->addLayout(presetButtons);
    left->addWidget(notes_);
    left->addWidget(fileProblems);
    return left;
}

QLayout* ExportDialog::buildOptions() {
    optionsTitle_ = new QLabel;
    QFont titleFont = optionsTitle_->font();
    titleFont.setBold(true);
    optionsTitle_->setFont(titleFont);
    auto* options = new QGridLayout;
    options->addWidget(optionsTitle_, 0, 0, 1, 2);
    options->addWidget(buildFileGroup(), 1, 0, 2, 1);
    options->addWidget(buildColorGroup(), 1, 1);
    options->addWidget(buildMetadataGroup(), 2, 1);
    options->addWidget(buildSizeGroup(), 3, 0);
    options->addWidget(buildSharpeningGroup(), 3, 1);
    options->addWidget(buildOutputGroup(), 4, 0, 1, 2);
    options->setColumnStretch(0, 1);
    options->setColumnStretch(1, 1);
    return options;
}

QGroupBox* ExportDialog::buildFileGroup() {
    QFormLayout* form = nullptr;
    QGroupBox* box = group(tr("File"), form);
    format_ = choiceBox("format");
    form->addRow(tr("&Format:"), format_);
    quality_ = spinBox("quality");
    // The slider and the number are one setting: one quality scale for every lossy format.
    qualitySlider_ = new QSlider(Qt::Horizontal);
    qualitySlider_->setObjectName(QStringLiteral("qualitySlider"));
    qualitySlider_->setRange(quality_->minimum(), quality_->maximum());
    qualitySlider_->setPageStep(5);
    qualitySlider_->setToolTip(quality_->toolTip());
    connect(qualitySlider_, &QSlider::valueChanged, quality_, &QSpinBox::setValue);
    connect(quality_, &QSpinBox::valueChanged, qualitySlider_, &QSlider::setValue);
    auto* qualityRow = new QHBoxLayout;
    qualityRow->setContentsMargins(0, 0, 0, 0);
    qualityRow->addWidget(qualitySlider_, 1);
    qualityRow->addWidget(quality_);
    auto* qualityWidget = new QWidget;
    qualityWidget->setLayout(qualityRow);
    form->addRow(tr("&Quality:"), qualityWidget);
    if (auto* label = qobject_cast<QLabel*>(form->labelForField(qualityWidget)))
        label->setBuddy(quality_);
    subsampling_ = choiceBox("subsampling");
    form->addRow(tr("Ch&roma:"), subsampling_);
    bitDepth_ = choiceBox("bitDepth");
    form->addRow(tr("&Bit depth:"), bitDepth_);
    progressive_ = new QCheckBox(tr("Pro&gressive JPEG"));
    progressive_->setObjectName(QStringLiteral("progressive"));
    form->addRow(QString(), progressive_);
    return box;
}

QGroupBox* ExportDialog::buildSizeGroup() {
    QFormLayout* form = nullptr;
    QGroupBox* box = group(tr("Size"), form);
    // The size is one setting ("long:2048"); its modes come from the schema, each item
    // holding the SizeMode, and the numbers beside it make the rest of the text.
    sizeMode_ = new QComboBox;
    sizeMode_->setObjectName(QStringLiteral("sizeMode"));
    for (const auto& mode : exportSetting("size").choices)
        sizeMode_->addItem(exportChoiceLabel(mode), mode.value);
    form->addRow(tr("Resi&ze to:"), sizeMode_);
    sizeA_ = new QSpinBox;
    sizeA_->setObjectName(QStringLiteral("sizeA"));
    sizeA_->setRange(16, 65535);
    sizeA_->setSuffix(tr(" px"));
    sizeA_->setAccelerated(true);
    sizeB_ = new QSpinBox;
    sizeB_->setObjectName(QStringLiteral("sizeB"));
    sizeB_->setRange(16, 65535);
    sizeB_->setSuffix(tr(" px"));
    sizeB_->setAccelerated(true);
    sizeBy_ = new QLabel(QStringLiteral("×"));
    megapixels_ = new QDoubleSpinBox;
    megapixels_->setObjectName(QStringLiteral("megapixels"));
    megapixels_->setRange(0.1, 1000);
    megapixels_->setDecimals(1);
    megapixels_->setSuffix(tr(" MP"));
    auto* sizeRow = new QHBoxLayout;
    sizeRow->setContentsMargins(0, 0, 0, 0);
    sizeRow->addWidget(sizeA_);
    sizeRow->addWidget(sizeBy_);
    sizeRow->addWidget(sizeB_);
    sizeRow->addWidget(megapixels_);
    sizeRow->addStretch();
    auto* sizeRowWidget = new QWidget;
    sizeRowWidget->setLayout(sizeRow);
    form->addRow(QString(), sizeRowWidget);
    auto* sizeHint = new QLabel(tr("Never enlarged beyond the photo's own size."));
    sizeHint->setEnabled(false);
    form->addRow(QString(), sizeHint);
    return box;
}

QGroupBox* ExportDialog::buildColorGroup() {
    QFormLayout* form = nullptr;
    QGroupBox* box = group(tr("Colour"), form);
    colorSpace_ = choiceBox("colorSpace");
    form->addRow(tr("Colour &space:"), colorSpace_);
    intent_ = choiceBox("intent");
    form->addRow(tr("&Intent:"), intent_);
    return box;
}

QGroupBox* ExportDialog::buildSharpeningGroup() {
    QFormLayout* form = nullptr;
    QGroupBox* box = group(tr("Output sharpening"), form);
    // The amount is shown in percent: the schema's 0 … 5 is 0 … 500 %.
    const ExportSettingDecl& amount = exportSetting("sharpenAmount");
    sharpenAmount_ = new QSpinBox;
    sharpenAmount_->setObjectName(QStringLiteral("sharpenAmount"));
    sharpenAmount_->setRange(int(amount.minValue * 100), int(amount.maxValue * 100));
    sharpenAmount_->setSingleStep(10);
    sharpenAmount_->setSuffix(tr(" %"));
    sharpenAmount_->setSpecialValueText(tr("Off"));
    form->addRow(tr("A&mount:"), sharpenAmount_);
    const ExportSettingDecl& radius = exportSetting("sharpenRadius");
    sharpenRadius_ = new QDoubleSpinBox;
    sharpenRadius_->setObjectName(QStringLiteral("sharpenRadius"));
    sharpenRadius_->setRange(radius.minValue, radius.maxValue);
    sharpenRadius_->setSingleStep(0.1);
    sharpenRadius_->setDecimals(1);
    sharpenRadius_->setSuffix(tr(" px"));
    form->addRow(tr("Radi&us:"), sharpenRadius_);
    return box;
}

QGroupBox* ExportDialog::buildMetadataGroup() {
    QFormLayout* form = nullptr;
    QGroupBox* box = group(tr("Metadata"), form);
    metadata_ = choiceBox("metadata");
    form->addRow(tr("In&clude:"), metadata_);
    return box;
}

QGroupBox* ExportDialog::buildOutputGroup() {
    QFormLayout* form = nullptr;
    QGroupBox* box = group(tr("Output"), form);
    folder_ = new QLineEdit;
    folder_->setObjectName(QStringLiteral("outputDir"));
    chooseFolder_ = new QPushButton(tr("C&hoose…"));
    chooseFolder_->setObjectName(QStringLiteral("chooseFolder"));
    chooseFolder_->setAutoDefault(false);
    auto* folderRow = new QHBoxLayout;
    folderRow->setContentsMargins(0, 0, 0, 0);
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(chooseFolder_);
    defaultFolder_ = new QPushButton(tr("Default"));
    defaultFolder_->setObjectName(QStringLiteral("defaultFolder"));
    defaultFolder_->setAutoDefault(false);
    defaultFolder_->setToolTip(
        tr("Export into %1, beside the photos")
            .arg(QDir::toNativeSeparators(defaultExportFolder(photoFolder_))));
    folderRow->addWidget(defaultFolder_);
    auto* folderLabel = new QLabel(tr("F&older:"));
    folderLabel->setBuddy(folder_);
    form->addRow(folderLabel, folderRow);
    ownFolder_ = new QCheckBox(tr("This preset has its o&wn folder"));
    ownFolder_->setObjectName(QStringLiteral("ownFolder"));
    ownFolder_->setToolTip(
        tr("Otherwise it writes to the export folder, which presets without a folder of "
           "their own share: the Export folder beside the photos unless you choose another."));
    form->addRow(QString(), ownFolder_);
    template_ = new QLineEdit;
    template_->setObjectName(QStringLiteral("nameTemplate"));
    auto* insertField = new QToolButton;
    insertField->setText(tr("Insert"));
    insertField->setToolTip(tr("Insert a field at the cursor"));
    insertField->setPopupMode(QToolButton::InstantPopup);
    auto* fieldMenu = new QMenu(insertField);
    QStringList fieldHelp;
    for (const auto& f : kTemplateFields) {
        const QString field = QString::fromLatin1(f[0]);
        const QString help = tr(f[1]);
        fieldMenu->addAction(field + QStringLiteral("  ") + help,
                             [this, field] { template_->insert(field); });
        fieldHelp << field;
    }
    insertField->setMenu(fieldMenu);
    auto* templateRow = new QHBoxLayout;
    templateRow->setContentsMargins(0, 0, 0, 0);
    templateRow->addWidget(template_, 1);
    templateRow->addWidget(insertField);
    auto* templateLabel = new QLabel(tr("Fi&le name:"));
    templateLabel->setBuddy(template_);
    form->addRow(templateLabel, templateRow);
    auto* fields = new QLabel(
        tr("Fields: %1 — the format's extension is added.").arg(fieldHelp.join(QLatin1Char(' '))));
    fields->setEnabled(false);
    form->addRow(QString(), fields);
    example_ = new QLabel;
    example_->setObjectName(QStringLiteral("example"));
    example_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Example:"), example_);
    overwrite_ = new QCheckBox(tr("Replace e&xisting files (otherwise a number is added)"));
    overwrite_->setObjectName(QStringLiteral("overwrite"));
    form->addRow(QString(), overwrite_);
    return box;
}

void ExportDialog::buildBottom(QVBoxLayout* root) {
    problemLabel_ = new QLabel;
    problemLabel_->setObjectName(QStringLiteral("problem"));
    problemLabel_->setWordWrap(true);
    problemLabel_->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;")
                                     .arg(themeColor(ThemeColor::ErrorText).name()));
    problemLabel_->setVisible(false);
    count_ = new QLabel;
    count_->setObjectName(QStringLiteral("count"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    exportButton_ = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    exportButton_->setObjectName(QStringLiteral("export"));
    exportButton_->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(count_, 1);
    bottom->addWidget(buttons);
    root->addWidget(problemLabel_);
    root->addLayout(bottom);
}

// Each option widget writes its field by the schema key it is named after.
void ExportDialog::connectOptions() {
    connect(format_, &QComboBox::currentIndexChanged, this, &ExportDialog::onFormatChanged);
    connect(quality_, &QSpinBox::valueChanged, this,
            [this](int v) { setField(QStringLiteral("quality"), v); });
    for (QComboBox* box : {subsampling_, bitDepth_, colorSpace_, intent_, metadata_})
        connect(box, &QComboBox::currentIndexChanged, this,
                [this, box] { setField(box->objectName(), box->currentData()); });
    connect(progressive_, &QCheckBox::toggled, this,
            [this](bool on) { setField(QStringLiteral("progressive"), on); });
    connect(sizeMode_, &QComboBox::currentIndexChanged, this, &ExportDialog::onSizeChanged);
    connect(sizeA_, &QSpinBox::valueChanged, this, &ExportDialog::onSizeChanged);
    connect(sizeB_, &QSpinBox::valueChanged, this, &ExportDialog::onSizeChanged);
    connect(megapixels_, &QDoubleSpinBox::valueChanged, this, &ExportDialog::onSizeChanged);
    connect(sharpenAmount_, &QSpinBox::valueChanged, this, [this](int percent) {
        setField(QStringLiteral("sharpenAmount"), percent / 100.0);
        updateEnabledOptions();
    });
    connect(sharpenRadius_, &QDoubleSpinBox::valueChanged, this,
            [this](double r) { setField(QStringLiteral("sharpenRadius"), r); });
    connect(ownFolder_, &QCheckBox::toggled, this, &ExportDialog::onOwnFolderToggled);
    connect(folder_, &QLineEdit::textChanged, this, &ExportDialog::onFolderEdited);
    connect(chooseFolder_, &QPushButton::clicked, this, &ExportDialog::chooseFolder);
    connect(defaultFolder_, &QPushButton::clicked, this,
            [this] { folder_->setText(defaultExportFolder(photoFolder_)); });
    connect(template_, &QLineEdit::textChanged, this,
            [this](const QString& t) { setField(QStringLiteral("nameTemplate"), t); });
    connect(overwrite_, &QCheckBox::toggled, this,
            [this](bool on) { setField(QStringLiteral("overwrite"), on); });
}

void ExportDialog::loadPresets() {
    QSettings settings;
    stored_ = loadUserPresets(settings);
    presets_ = builtInExportPresets() + stored_;
    fillPresetList();
}

void ExportDialog::fillPresetList() {
    const QStringList checked = presetList_->count() ? checkedPresets() : QStringList();
    const QSignalBlocker block(presetList_);
    presetList_->clear();
    for (int i = 0; i < presets_.size(); ++i) {
        auto* item = new QListWidgetItem;
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(checked.contains(presets_[i].name) ? Qt::Checked : Qt::Unchecked);
        presetList_->addItem(item);
        refreshPresetItem(i);
    }
}

void ExportDialog::refreshPresetItem(int index) {
    QListWidgetItem* item = presetList_->item(index);
    if (!item) return;
    const ExportPreset& p = presets_[index];
    // Changed means the options differ from the stored preset (a built-in's: the core's).
    bool changed = p.builtIn && !p.sameSettings(presetFromBase(p.name, p.base));
    if (!p.builtIn)
        for (const auto& s : stored_)
            if (s.name == p.name) changed = !s.sameSettings(p);
    const QSignalBlocker block(presetList_);
    item->setText(changed ? tr("%1 (changed)").arg(p.name) : p.name);
    QFont font = item->font();
    font.setItalic(changed);
    item->setFont(font);
    item->setToolTip(p.builtIn ? tr("Built-in preset: changes apply to this export only; "
                                    "Save As… keeps them as a preset of your own.")
                               : tr("Your preset (based on %1)").arg(builtInPresetLabel(p.base)));
    if (index == selectedIndex()) {
        saveButton_->setEnabled(!p.builtIn && changed);
        renameButton_->setEnabled(!p.builtIn);
        deleteButton_->setEnabled(!p.builtIn);
    }
}

int ExportDialog::selectedIndex() const {
    const int row = presetList_ ? presetList_->currentRow() : -1;
    return row >= 0 && row < presets_.size() ? row : -1;
}

ExportPreset* ExportDialog::selected() {
    const int i = selectedIndex();
    return i >= 0 ? &presets_[i] : nullptr;
}

QString ExportDialog::selectedPreset() const {
    const int i = selectedIndex();
    return i >= 0 ? presets_[i].name : QString();
}

QStringList ExportDialog::checkedPresets() const {
    QStringList out;
    for (int i = 0; i < presetList_->count() && i < presets_.size(); ++i)
        if (presetList_->item(i)->checkState() == Qt::Checked) out << presets_[i].name;
    return out;
}

void ExportDialog::selectPreset(const QString& name) {
    for (int i = 0; i < presets_.size(); ++i)
        if (presets_[i].name == name) presetList_->setCurrentRow(i);
}

void ExportDialog::setPresetChecked(const QString& name, bool checked) {
    for (int i = 0; i < presets_.size(); ++i)
        if (presets_[i].name == name)
            presetList_->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QString ExportDialog::folderOf(const ExportPreset& p) const {
    return p.isSet(QStringLiteral("outputDir")) ? QString::fromStdString(p.settings.outputDir)
                                                : exportFolder_;
}

void ExportDialog::showSelectedPreset() {
    const ExportPreset* p = selected();
    if (!p) return;
    loading_ = true;
    optionsTitle_->setText(tr("Options of “%1”").arg(p->name));
    const ExportSettings& s = p->settings;
    selectData(format_, p->field(QStringLiteral("format")));
    quality_->setValue(s.encode.quality);
    selectData(subsampling_, p->field(QStringLiteral("subsampling")));
    selectData(bitDepth_, p->field(QStringLiteral("bitDepth")));
    progressive_->setChecked(s.encode.progressive);
    selectData(sizeMode_, int(s.render.size.mode));
    const bool edge = s.render.size.mode == SizeMode::LongEdge ||
                      s.render.size.mode == SizeMode::ShortEdge ||
                      s.render.size.mode == SizeMode::Fit;
    sizeA_->setValue(edge ? s.render.size.a : 2048);
    sizeB_->setValue(s.render.size.mode == SizeMode::Fit ? s.render.size.b : 2048);
    megapixels_->setValue(s.render.size.mode == SizeMode::Megapixels ? s.render.size.megapixels
                                                                     : 12);
    selectData(colorSpace_, p->field(QStringLiteral("colorSpace")));
    selectData(intent_, p->field(QStringLiteral("intent")));
    sharpenAmount_->setValue(int(std::lround(s.render.sharpen.amount * 100)));
    sharpenRadius_->setValue(s.render.sharpen.radius);
    selectData(metadata_, p->field(QStringLiteral("metadata")));
    ownFolder_->setChecked(p->isSet(QStringLiteral("outputDir")));
    folder_->setText(folderOf(*p));
    template_->setText(QString::fromStdString(s.nameTemplate));
    overwrite_->setChecked(s.overwrite);
    loading_ = false;
    refreshPresetItem(selectedIndex());
    updateEnabledOptions();
    updateSummary();
}

void ExportDialog::setField(const QString& field, const QVariant& value) {
    ExportPreset* p = selected();
    if (loading_ || !p) return;
    if (p->field(field) == value) return;
    try {
        p->setField(field, value);
    } catch (const Error& e) {
        problemLabel_->setText(QString::fromUtf8(e.what()));
        problemLabel_->setVisible(true);
        return;
    }
    refreshPresetItem(selectedIndex());
    updateSummary();
}

FileFormat ExportDialog::selectedFormat() const {
    return fileFormatFromString(format_->currentData().toString().toStdString());
}

void ExportDialog::onFormatChanged() {
    if (loading_) return;
    setField(QStringLiteral("format"), format_->currentData());
    // TIFF is for 16-bit masters (as the command line does); any other format keeps the
    // depth chosen when it has it, and otherwise takes its smallest (JPEG and WebP: 8).
    const FileFormat format = selectedFormat();
    const auto bits = [](int b) {
        return QString::fromStdString(exportSetting("bitDepth").choiceFor(b).name);
    };
    const std::vector<int> depths = bitDepthsFor(format);
    const int current = bitDepth_->currentData().toString().toInt();
    if (format == FileFormat::Tiff)
        selectData(bitDepth_, bits(16));
    else if (std::find(depths.begin(), depths.end(), current) == depths.end())
        selectData(bitDepth_, bits(depths.front()));
    updateEnabledOptions();
}

void ExportDialog::onSizeChanged() {
    updateEnabledOptions();
    if (loading_) return;
    OutputSize size;
    size.mode = SizeMode(sizeMode_->currentData().toInt());
    size.a = sizeA_->value();
    size.b = sizeB_->value();
    size.megapixels = megapixels_->value();
    setField(QStringLiteral("size"), QString::fromStdString(outputSizeText(size)));
}

void ExportDialog::onOwnFolderToggled(bool own) {
    ExportPreset* p = selected();
    if (loading_ || !p) return;
    if (own) {
        setField(QStringLiteral("outputDir"), folder_->text());
    } else {
        p->unsetField(QStringLiteral("outputDir"));
        const QSignalBlocker block(folder_);
        folder_->setText(exportFolder_);
        refreshPresetItem(selectedIndex());
        updateSummary();
    }
}

void ExportDialog::onFolderEdited(const QString& folder) {
    if (loading_) return;
    if (ownFolder_->isChecked()) {
        setField(QStringLiteral("outputDir"), folder);
    } else {
        exportFolder_ = folder;
        exportFolderChosen_ = true;
        updateSummary();
    }
}

void ExportDialog::chooseFolder() {
    const QString start = folder_->text().isEmpty() ? QDir::homePath() : folder_->text();
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Export To"), start);
    if (!chosen.isEmpty()) folder_->setText(chosen);
}

void ExportDialog::updateEnabledOptions() {
    const FileFormat format = selectedFormat();
    const bool lossless = format == FileFormat::Png || format == FileFormat::Tiff;
    quality_->setEnabled(!lossless);
    qualitySlider_->setEnabled(!lossless);
    subsampling_->setEnabled(format == FileFormat::Jpeg || format == FileFormat::Avif);
    progressive_->setEnabled(format == FileFormat::Jpeg);
    // Only the depths the format can be written at are offered.
    const std::vector<int> depths = bitDepthsFor(format);
    bitDepth_->setEnabled(depths.size() > 1);
    if (auto* model = qobject_cast<QStandardItemModel*>(bitDepth_->model())) {
        for (int i = 0; i < bitDepth_->count(); ++i) {
            const int b = bitDepth_->itemData(i).toString().toInt();
            model->item(i)->setEnabled(std::find(depths.begin(), depths.end(), b) != depths.end());
        }
    }
    const auto mode = SizeMode(sizeMode_->currentData().toInt());
    sizeA_->setVisible(mode == SizeMode::LongEdge || mode == SizeMode::ShortEdge ||
                       mode == SizeMode::Fit);
    sizeBy_->setVisible(mode == SizeMode::Fit);
    sizeB_->setVisible(mode == SizeMode::Fit);
    megapixels_->setVisible(mode == SizeMode::Megapixels);
    sharpenRadius_->setEnabled(sharpenAmount_->value() > 0);
}

QList<ExportTarget> ExportDialog::targets() const {
    QList<ExportTarget> out;
    for (int i = 0; i < presets_.size(); ++i) {
        if (presetList_->item(i)->checkState() != Qt::Checked) continue;
        ExportTarget t{presets_[i].name, presets_[i].settings};
        t.settings.outputDir = folderOf(presets_[i]).toStdString();
        out.append(t);
    }
    if (!photos_.isEmpty()) separateCollidingTargets(out, photos_.first(), sampleInfo_);
    return out;
}

QStringList ExportDialog::collisionNotes() const {
    QList<ExportTarget> t;
    for (int i = 0; i < presets_.size(); ++i) {
        if (presetList_->item(i)->checkState() != Qt::Checked) continue;
        t.append({presets_[i].name, presets_[i].settings});
        t.last().settings.outputDir = folderOf(presets_[i]).toStdString();
    }
    return photos_.isEmpty() ? QStringList()
                             : separateCollidingTargets(t, photos_.first(), sampleInfo_);
}

QString ExportDialog::exampleText() const {
    const int i = selectedIndex();
    if (i < 0 || photos_.isEmpty()) return {};
    // The selected preset as it would run: with the others ticked if it is ticked itself,
    // so a sub-folder it gets from a collision shows in the example.
    QList<ExportTarget> runs = targets();
    ExportTarget target{presets_[i].name, presets_[i].settings};
    target.settings.outputDir = folderOf(presets_[i]).toStdString();
    for (const auto& t : runs)
        if (t.presetName == presets_[i].name) target = t;
    try {
        const std::string name =
            expandNameTemplate(target.settings.nameTemplate, photos_.first().toStdString(),
                               sampleInfo_, {}, 1, target.settings.encode.format);
        // Relative to the folder shown above it, so a sub-folder from a collision stands out.
        const QString path = QDir(QString::fromStdString(target.settings.outputDir))
                                 .filePath(QString::fromStdString(name));
        return tr("%1 → %2").arg(
            QFileInfo(photos_.first()).fileName(),
            QDir::toNativeSeparators(QDir(folderOf(presets_[i])).relativeFilePath(path)));
    } catch (const Error& e) {
        return QString::fromUtf8(e.what());
    }
}

void ExportDialog::updateSummary() {
    const int presets = int(checkedPresets().size());
    const int files = presets * int(photos_.size());
    count_->setText(tr("%1 × %2 = %3")
                        .arg(tr("%n photo(s)", nullptr, int(photos_.size())),
                             tr("%n preset(s)", nullptr, presets),
                             tr("%n file(s)", nullptr, files)));
    exportButton_->setEnabled(files > 0);
    // A preset's own folder is its own business; the shared one can go back beside the photos.
    defaultFolder_->setEnabled(!photoFolder_.isEmpty() && !ownFolder_->isChecked() &&
                               QDir::cleanPath(exportFolder_) != defaultExportFolder(photoFolder_));
    const QStringList notes = collisionNotes();
    notes_->setText(notes.join(QLatin1Char('\n')));
    notes_->setVisible(!notes.isEmpty());
    example_->setText(exampleText());
    if (!problem_.isEmpty()) {  // once a problem is shown, it goes as soon as it is fixed
        QWidget* focus = nullptr;
        QString preset;
        problem_ = validate(&focus, &preset);
        problemLabel_->setText(problem_);
        problemLabel_->setVisible(!problem_.isEmpty());
    }
}

QString ExportDialog::validate(QWidget** focus, QString* preset) const {
    *focus = presetList_;
    if (photos_.isEmpty()) return tr("No photos are selected.");
    if (checkedPresets().isEmpty()) return tr("Tick at least one preset to export with.");
    for (int i = 0; i < presets_.size(); ++i) {
        if (presetList_->item(i)->checkState() != Qt::Checked) continue;
        const ExportPreset& p = presets_[i];
        *preset = p.name;
        try {
            expandNameTemplate(p.settings.nameTemplate, photos_.first().toStdString(), sampleInfo_,
                               {}, 1, p.settings.encode.format);
        } catch (const Error& e) {
            *focus = template_;
            return tr("%1: %2").arg(p.name, QString::fromUtf8(e.what()));
        }
        const QString folderProblem = outputFolderProblem(folderOf(p));
        if (!folderProblem.isEmpty()) {
            *focus = folder_;
            return tr("%1: %2").arg(p.name, folderProblem);
        }
    }
    preset->clear();
    return {};
}

void ExportDialog::accept() {
    QWidget* focus = nullptr;
    QString preset;
    problem_ = validate(&focus, &preset);
    problemLabel_->setText(problem_);
    problemLabel_->setVisible(!problem_.isEmpty());
    if (!problem_.isEmpty()) {
        if (!preset.isEmpty()) selectPreset(preset);
        if (focus) focus->setFocus();
        return;
    }
    QSettings settings;
    settings.setValue(kCheckedKey, checkedPresets());
    settings.setValue(kSelectedKey, selectedPreset());
    // Only a folder the photographer chose is remembered; otherwise the next export goes
    // beside its own photos.
    if (exportFolderChosen_) rememberExportFolder(settings, photoFolder_, exportFolder_);
    QDialog::accept();
}

void ExportDialog::persistUserPresets() {
    QSettings settings;
    saveUserPresets(settings, stored_);
}

QString ExportDialog::saveSelectedAs(const QString& rawName) {
    const ExportPreset* source = selected();
    if (!source) return tr("Select a preset first.");
    const QString name = rawName.trimmed();
    const QString problem = presetNameProblem(name, {});  // an existing user name is replaced
    if (!problem.isEmpty()) return problem;

    ExportPreset preset = *source;
    preset.name = name;
    preset.builtIn = false;
    const int sourceIndex = selectedIndex();
    const bool wasChecked = presetList_->item(sourceIndex)->checkState() == Qt::Checked;

    // The changes move into the new preset: the source goes back to how it was stored.
    if (source->builtIn) {
        const ExportPreset fresh = builtInExportPresets().value(sourceIndex);
        if (fresh.name == source->name) presets_[sourceIndex] = fresh;
    } else {
        for (const auto& s : stored_)
            if (s.name == source->name) presets_[sourceIndex] = s;
    }

    int storedIndex = -1;
    for (int i = 0; i < stored_.size(); ++i)
        if (stored_[i].name.compare(name, Qt::CaseInsensitive) == 0) storedIndex = i;
    if (storedIndex >= 0)
        stored_[storedIndex] = preset;
    else
        stored_.append(preset);
    persistUserPresets();

    int index = -1;
    for (int i = 0; i < presets_.size(); ++i)
        if (!presets_[i].builtIn && presets_[i].name.compare(name, Qt::CaseInsensitive) == 0)
            index = i;
    if (index >= 0) {
        presets_[index] = preset;
    } else {
        presets_.append(preset);
        index = int(presets_.size()) - 1;
    }
    QStringList checked = checkedPresets();
    if (wasChecked && presets_[sourceIndex].name != name) {
        checked.removeAll(presets_[sourceIndex].name);
        checked.append(name);
    }
    fillPresetList();
    for (int i = 0; i < presets_.size(); ++i)
        presetList_->item(i)->setCheckState(checked.contains(presets_[i].name) ? Qt::Checked
                                                                               : Qt::Unchecked);
    presetList_->setCurrentRow(index);
    showSelectedPreset();
    return {};
}

void ExportDialog::saveSelected() {
    const ExportPreset* p = selected();
    if (!p || p->builtIn) return;
    for (auto& s : stored_)
        if (s.name == p->name) s = *p;
    persistUserPresets();
    refreshPresetItem(selectedIndex());
}

QString ExportDialog::renameSelected(const QString& rawName) {
    ExportPreset* p = selected();
    if (!p || p->builtIn) return tr("Built-in presets cannot be renamed.");
    const QString name = rawName.trimmed();
    const QString problem = presetNameProblem(name, stored_, p->name);
    if (!problem.isEmpty()) return problem;
    for (auto& s : stored_)
        if (s.name == p->name) s.name = name;
    const bool wasChecked = presetList_->currentItem()->checkState() == Qt::Checked;
    p->name = name;
    persistUserPresets();
    const int index = selectedIndex();
    fillPresetList();
    presetList_->item(index)->setCheckState(wasChecked ? Qt::Checked : Qt::Unchecked);
    presetList_->setCurrentRow(index);
    showSelectedPreset();
    return {};
}

void ExportDialog::deleteSelected() {
    const ExportPreset* p = selected();
    if (!p || p->builtIn) return;
    const QString name = p->name;
    stored_.erase(std::remove_if(stored_.begin(), stored_.end(),
                                 [&](const ExportPreset& s) { return s.name == name; }),
                  stored_.end());
    persistUserPresets();
    const int index = selectedIndex();
    presets_.removeAt(index);
    fillPresetList();
    if (checkedPresets().isEmpty()) presetList_->item(0)->setCheckState(Qt::Checked);
    presetList_->setCurrentRow(std::min(index, int(presets_.size()) - 1));
    showSelectedPreset();
}

void ExportDialog::promptSaveAs() {
    const ExportPreset* p = selected();
    if (!p) return;
    bool ok = false;
    const QString suggestion = p->builtIn ? tr("My %1").arg(p->name) : p->name;
    const QString name = QInputDialog::getText(this, tr("Save Preset"), tr("Preset name:"),
                                               QLineEdit::Normal, suggestion, &ok);
    if (!ok) return;
    for (const auto& s : stored_) {
        if (s.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0 &&
            QMessageBox::question(this, tr("Replace Preset"),
                                  tr("Replace your preset “%1”?").arg(s.name)) != QMessageBox::Yes)
            return;
    }
    const QString problem = saveSelectedAs(name);
    if (!problem.isEmpty()) QMessageBox::information(this, tr("Save Preset"), problem);
}

void ExportDialog::promptRename() {
    const ExportPreset* p = selected();
    if (!p || p->builtIn) return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Preset"), tr("New name:"),
                                               QLineEdit::Normal, p->name, &ok);
    if (!ok) return;
    const QString problem = renameSelected(name);
    if (!problem.isEmpty()) QMessageBox::information(this, tr("Rename Preset"), problem);
}

void ExportDialog::promptDelete() {
    const ExportPreset* p = selected();
    if (!p || p->builtIn) return;
    if (QMessageBox::question(this, tr("Delete Preset"),
                              tr("Delete your preset “%1”?").arg(p->name)) == QMessageBox::Yes)
        deleteSelected();
}

}  // namespace rf::gui
