// SPDX-License-Identifier: GPL-3.0-or-later
// The export dialog: which presets to run (several may be ticked; each writes one file per
// photo) and the options of the selected one — format, quality, chroma subsampling, bit
// depth, size, colour space, intent, sharpening, metadata, output folder, file name template
// and overwriting. Changes apply to this export; "Save as…" keeps them as a user preset
// (export_preset.h), "Save" updates the selected user preset.
//
// Presets without a folder of their own write to the export folder, which they share. It
// follows the photos: by default it is the Export folder beside them, so photos of another
// folder go to that folder's Export, never to the last one's. Only a folder the photographer
// chose is remembered, and how it carries to other folders depends on where it is: inside the
// photos' folder it is kept relative to it (A/Export/web chosen for photos in A means
// B/Export/web for photos in B), outside it is one place for every folder (~/Exports); the
// Default button, or choosing the Export folder beside the photos, forgets the choice.
// When ticked presets would write the same names into one folder they are separated into
// sub-folders (export_targets.h) and the dialog says so. Nothing starts until the templates
// expand and the folders can be written: problems are shown in the dialog, not in a message
// box.
#pragma once

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

#include "export/export_preset.h"
#include "export/export_targets.h"
#include "rangefinder/raw.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLayout;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSettings;
class QSlider;
class QSpinBox;
class QVBoxLayout;
class QWidget;

namespace rf::gui {

/// Why files cannot be written into `folder` (empty when they can): it names the folder and
/// the problem. A folder that does not exist yet is fine when it can be created.
QString outputFolderProblem(const QString& folder);

/// `photoFolder`/Export (the name translated), where photos are exported by default.
QString defaultExportFolder(const QString& photoFolder);
/// The export folder for photos in `photoFolder`: the photographer's remembered choice (a
/// relative one resolved against `photoFolder`), else the default.
QString rememberedExportFolder(QSettings& settings, const QString& photoFolder);
/// Remembers `folder`, chosen for photos in `photoFolder`, as described above.
void rememberExportFolder(QSettings& settings, const QString& photoFolder, const QString& folder);

class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    /// Presets and the remembered choices come from QSettings() (the application's).
    explicit ExportDialog(const QStringList& rawPaths, QWidget* parent = nullptr);

    const QStringList& photos() const { return photos_; }
    /// Every preset in the list: the built-ins, then the user's, with this dialog's changes.
    const QList<ExportPreset>& presets() const { return presets_; }
    QStringList checkedPresets() const;
    QString selectedPreset() const;
    /// The folder presets without their own write to.
    QString exportFolder() const { return exportFolder_; }
    /// The folder of the photos (of the first, when they come from several).
    QString photoFolder() const { return photoFolder_; }

    /// The ticked presets with their folders decided and collisions separated: what Export
    /// runs.
    QList<ExportTarget> targets() const;
    /// What separating colliding presets did (shown in the dialog).
    QStringList collisionNotes() const;
    /// The output name of the first photo under the selected preset, or why there is none.
    QString exampleText() const;
    /// What stopped the last attempt to export; empty when nothing did.
    QString validationProblem() const { return problem_; }

    void selectPreset(const QString& name);
    void setPresetChecked(const QString& name, bool checked);
    /// Saves the selected preset's options as a new user preset (or replaces the user preset
    /// of that name) and selects it. Returns the problem with the name, empty on success.
    QString saveSelectedAs(const QString& name);
    /// Stores the selected user preset's changes.
    void saveSelected();
    QString renameSelected(const QString& newName);
    void deleteSelected();

    /// Validates, remembers the choices and closes; stays open showing the problem when
    /// something is wrong.
    void accept() override;

  private:
    // The dialog's sections, one function each; buildUi lays them out.
    void buildUi();
    QLayout* buildPresetColumn();
    QLayout* buildOptions();
    QGroupBox* buildFileGroup();
    QGroupBox* buildSizeGroup();
    QGroupBox* buildColorGroup();
    QGroupBox* buildSharpeningGroup();
    QGroupBox* buildMetadataGroup();
    QGroupBox* buildOutputGroup();
    void buildBottom(QVBoxLayout* root);
    void connectOptions();
    void loadPresets();
    void fillPresetList();
    void refreshPresetItem(int index);
    void showSelectedPreset();
    void setField(const QString& field, const QVariant& value);
    FileFormat selectedFormat() const;
    void onFormatChanged();
    void onSizeChanged();
    void onOwnFolderToggled(bool own);
    void onFolderEdited(const QString& folder);
    void chooseFolder();
    void updateEnabledOptions();
    void updateSummary();
    void promptSaveAs();
    void promptRename();
    void promptDelete();
    void persistUserPresets();
    QString validate(QWidget** focus, QString* preset) const;
    int selectedIndex() const;
    ExportPreset* selected();
    QString folderOf(const ExportPreset& p) const;

    QStringList photos_;
    CaptureInfo sampleInfo_;
    QList<ExportPreset> presets_;
    QList<ExportPreset> stored_;  // the user presets as saved, to mark changes
    QString photoFolder_;
    QString exportFolder_;
    bool exportFolderChosen_ = false;  // edited or chosen here: remembered on Export
    QString problem_;
    bool loading_ = false;

    QListWidget* presetList_ = nullptr;
    QPushButton* saveAsButton_ = nullptr;
    QPushButton* saveButton_ = nullptr;
    QPushButton* renameButton_ = nullptr;
    QPushButton* deleteButton_ = nullptr;
    QLabel* optionsTitle_ = nullptr;
    QComboBox* format_ = nullptr;
    QSpinBox* quality_ = nullptr;
    QSlider* qualitySlider_ = nullptr;
    QComboBox* subsampling_ = nullptr;
    QComboBox* bitDepth_ = nullptr;
    QCheckBox* progressive_ = nullptr;
    QComboBox* sizeMode_ = nullptr;
    QSpinBox* sizeA_ = nullptr;
    QLabel* sizeBy_ = nullptr;
    QSpinBox* sizeB_ = nullptr;
    QDoubleSpinBox* megapixels_ = nullptr;
    QComboBox* colorSpace_ = nullptr;
    QComboBox* intent_ = nullptr;
    QSpinBox* sharpenAmount_ = nullptr;
    QDoubleSpinBox* sharpenRadius_ = nullptr;
    QComboBox* metadata_ = nullptr;
    QCheckBox* ownFolder_ = nullptr;
    QLineEdit* folder_ = nullptr;
    QPushButton* chooseFolder_ = nullptr;
    QPushButton* defaultFolder_ = nullptr;
    QLineEdit* template_ = nullptr;
    QLabel* example_ = nullptr;
    QCheckBox* overwrite_ = nullptr;
    QLabel* notes_ = nullptr;
    QLabel* problemLabel_ = nullptr;
    QLabel* count_ = nullptr;
    QPushButton* exportButton_ = nullptr;
};

}  // namespace rf::gui
