// SPDX-License-Identifier: GPL-3.0-or-later
// The editing panels on the right of the viewer. Each panel shows some parameters of the
// schema and edits them through the PhotoSession (the model): a slider drag changes the
// document live and commits one history step on release, a choice or a button is one step,
// a double-click resets a slider, and the panel's reset button resets the keys it owns.
// When the document changes (any panel, undo, paste, another photo) every panel refreshes
// from it. Panels live in collapsible sections (PanelSection) in one scrolling column.
#pragma once

#include <QString>
#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "editor/param_slider.h"
#include "rangefinder/raw.h"

class QAction;
class QBoxLayout;
class QHBoxLayout;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QToolButton;
class QVBoxLayout;

namespace rf {
struct LensProfile;
}

namespace rf::gui {

class PhotoSession;
class RenderController;

/// A titled section whose body folds away; its header carries the panel's reset button.
class PanelSection : public QWidget {
    Q_OBJECT
  public:
    PanelSection(const QString& title, QWidget* body, QWidget* parent = nullptr);
    void setExpanded(bool on);
    bool isExpanded() const;
    /// Shows a reset button in the header; clicking it emits resetClicked.
    void setResettable(bool on);
    QWidget* body() const { return body_; }

  signals:
    void resetClicked();

  private:
    QToolButton* header_;
    QToolButton* reset_;
    QWidget* body_;
};

/// Shared by the panels: controls generated from the schema, wired to the session.
class EditPanel : public QWidget {
    Q_OBJECT
  public:
    EditPanel(PhotoSession* session, const QString& title, QWidget* parent = nullptr);
    const QString& title() const { return title_; }
    /// Shows the session's document.
    virtual void refresh();
    /// Resets every key the panel owns, as one history step.
    void resetPanel();
    const std::vector<std::string>& keys() const { return keys_; }
    ParamSlider* slider(const std::string& key) const;
    QComboBox* choice(const std::string& key) const;

  protected:
    ParamSlider* addSlider(QBoxLayout* layout, const std::string& key);
    QComboBox* addChoice(QBoxLayout* layout, const std::string& key,
                         const std::vector<std::string>& only = {});
    QCheckBox* addFlag(QBoxLayout* layout, const std::string& key);
    QLabel* addHeading(QBoxLayout* layout, const QString& text);
    /// Adds the controls the schema places in `panel` (each stage's table says where:
    /// schema/declare.h), in their order, with a heading where the section changes: a slider
    /// for a number, a list for a choice, a check box for a flag. A new parameter of a panel
    /// appears with no code here.
    void addDeclared(QBoxLayout* layout, const std::string& panel);
    /// Lets a panel add a control beside a section's heading (Auto beside Tone).
    virtual void decorateSection(const std::string& section, QHBoxLayout* heading);
    /// Lets a panel add a control to a choice's row (the white-balance picker).
    virtual void decorateChoice(const std::string& key, QHBoxLayout* row);
    /// Lets a panel show a text parameter (a name picked from a list); the generic panel has
    /// no control for free text and refuses one.
    virtual void addText(QBoxLayout* layout, const ParamDecl& decl);
    /// Lets a panel add to a change before it is made (white balance switches to custom).
    virtual void prepare(EditDocument& doc, const std::string& key, double value);
    /// Lets a panel reset more than the key (the temperature resets the whole balance).
    virtual void resetKey(EditDocument& doc, const std::string& key);
    void own(const std::string& key) { keys_.push_back(key); }
    /// A list box the wheel scrolls past unless it has the focus, as the sliders do: scrolling
    /// the panel column must not change a setting the pointer happens to cross.
    void passWheelOn(QComboBox* box);
    bool eventFilter(QObject* watched, QEvent* event) override;

    PhotoSession* session_;

  private:
    QString title_;
    std::vector<std::string> keys_;
    std::map<std::string, ParamSlider*> sliders_;
    std::map<std::string, QComboBox*> choices_;
    std::map<std::string, QCheckBox*> flags_;
};

/// White balance, tone and presence.
class BasicPanel : public EditPanel {
    Q_OBJECT
  public:
    BasicPanel(PhotoSession* session, QAction* eyedropper, QAction* autoTone,
               QWidget* parent = nullptr);
    /// What "as shot" or a preset stands for, shown on the temperature and tint sliders.
    void setWhiteBalanceReadout(double kelvin, double tint);
    void refresh() override;

  protected:
    void prepare(EditDocument& doc, const std::string& key, double value) override;
    void resetKey(EditDocument& doc, const std::string& key) override;
    void decorateSection(const std::string& section, QHBoxLayout* heading) override;
    void decorateChoice(const std::string& key, QHBoxLayout* row) override;

  private:
    QAction* eyedropper_ = nullptr;
    QAction* autoTone_ = nullptr;
    double readoutKelvin_ = 0, readoutTint_ = 0;
    bool haveReadout_ = false;
};

/// Crop frame, aspect, straighten, quarter turns and flips.
class CropPanel : public EditPanel {
    Q_OBJECT
  public:
    CropPanel(PhotoSession* session, QAction* cropTool, QWidget* parent = nullptr);
    void refresh() override;
    QComboBox* aspectBox() const { return aspect_; }

  signals:
    void aspectChosen(const QString& preset);
    void orientationSwapRequested();
    void turnRequested(bool clockwise);
    void flipRequested(bool horizontal);

  private:
    QComboBox* aspect_;
};

/// What the core offers beyond tone: the demosaic, the vignette and the grain.
class DetailPanel : public EditPanel {
    Q_OBJECT
  public:
    explicit DetailPanel(PhotoSession* session, QWidget* parent = nullptr);
};

/// Lens correction: the switches for distortion, chromatic aberration and vignetting, which
/// profile was found for the photo (or why none), and a list of the database's lenses for
/// the camera when the match is wrong or missing. The photo's camera, lens and DNG opcodes
/// come from the RenderController once the raw is decoded.
class LensPanel : public EditPanel {
    Q_OBJECT
  public:
    LensPanel(PhotoSession* session, RenderController* renderer, QWidget* parent = nullptr);
    void refresh() override;
    /// The line saying which profile is used, for tests.
    QString status() const;
    /// That line in the app's language, from what the core found.
    static QString statusText(const LensProfile& profile, const CaptureInfo& info);
    QComboBox* lensBox() const { return lens_; }

  protected:
    void addText(QBoxLayout* layout, const ParamDecl& decl) override;

  private:
    /// Fills the lens list for the open photo's camera.
    void photoOpened();

    RenderController* renderer_;
    QLabel* status_ = nullptr;
    QLabel* camera_ = nullptr;
    QComboBox* lens_ = nullptr;
};

/// Camera, lens, exposure, date and file of the open photo.
class InfoPanel : public QWidget {
    Q_OBJECT
  public:
    explicit InfoPanel(QWidget* parent = nullptr);
    void showPhoto(const QString& path, const CaptureInfo& info);
    void clear();
    /// The text shown for a field ("Camera", "Lens", …), for tests.
    QString field(const QString& name) const;

  private:
    QFormLayout* form_;
    std::map<QString, QLabel*> values_;
};

}  // namespace rf::gui
