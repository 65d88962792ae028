// SPDX-License-Identifier: GPL-3.0-or-later
// The main window. It has two modes over one folder: Library (the thumbnail grid with its sort
// and filter bar) and Develop (the EditorWidget with the filmstrip beneath it); Enter or a
// double-click on a photo opens Develop, G returns to the grid. It owns what ties them together:
// one PhotoLibraryModel, one sort/filter proxy and one selection model shared by the grid and
// the filmstrip (the photo being edited is the current one of both), the rating and label
// commands, the batch actions on a library selection (apply a look, paste edits — carried out
// by the editor), the folder dock, the menus (every action with its shortcut, the editor's
// included, which the shortcuts help lists), the status bar (counts, loading progress, the
// current photo, the export's progress), and the things remembered between runs (last folder,
// window layout, the library's sort and tile size, and each folder's filters: a filter stays
// with the folder it was set in, app/folder_filters.h).
// A folder opens from the File menu, the folder dock, a drop onto the window or the command
// line; a raw file opened the same way opens its folder with the file selected. File → Export
// hands the selection to the ExportController, whose progress sits in the status bar.
#pragma once

#include <QMainWindow>
#include <QStringList>
#include <vector>

#include "rangefinder/params.h"

class QAction;
class QDockWidget;
class QSplitter;
class QFileSystemModel;
class QItemSelectionModel;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace rf::gui {

class EditorWidget;
class ExportController;
class Filmstrip;
class LibraryBar;
class LibraryGrid;
class PhotoCommands;
class PhotoFilterModel;
class PhotoLibraryModel;
class ShortcutsDialog;

class MainWindow : public QMainWindow {
    Q_OBJECT

  public:
    enum class Mode { Library, Develop };

    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    Mode mode() const;
    /// Develop opens the current photo in the editor; false (with a status message) when no
    /// photo is current.
    bool setMode(Mode mode);

    /// Opens a folder, or the folder of a raw file with that file selected. Reports a path that
    /// is neither in the status bar.
    void openPath(const QString& path);
    /// What main() does with its arguments (`arguments[0]` is the program): opens the path
    /// given, else the folder opened last.
    void openFromArguments(const QStringList& arguments);

    PhotoLibraryModel* library() const { return library_; }
    PhotoFilterModel* filterModel() const { return filter_; }
    QItemSelectionModel* selectionModel() const;
    LibraryGrid* grid() const { return grid_; }
    Filmstrip* filmstrip() const { return filmstrip_; }
    EditorWidget* editor() const { return editor_; }
    LibraryBar* libraryBar() const { return bar_; }
    PhotoCommands* commands() const { return commands_; }
    QTreeView* folderTree() const { return folders_; }
    ExportController* exportController() const { return export_; }

    /// Quits as a SIGINT or SIGTERM asks (app/quit_signals.h): without questions, cancelling
    /// the export, saving the edits and the settings; the app exits with 128 + `signal`.
    void quitOnSignal(int signal);

    /// What Export and the batch actions work on: the selected photos, or the current one
    /// when none is selected.
    QStringList selectedPhotos() const;
    /// The path of the current photo (the one with the focus frame), empty when none.
    QString currentPhoto() const;
    /// Makes `path` the current and only selected photo; false when it is not shown.
    bool selectPhoto(const QString& path);

    /// Batch actions on the selection (Photo menu): apply a look ("" removes the look), paste
    /// the edits copied in Develop (all groups but white balance and crop, or chosen ones).
    void applyLookToSelection(const QString& lookName);
    void pasteEditsToSelection(const std::vector<rf::ParamGroup>& groups);

    QList<QMenu*> menus() const { return menus_; }
    /// Opens the keyboard shortcuts help (non-modal) and returns it.
    ShortcutsDialog* showShortcuts();
    void showPreferences();

  signals:
    /// The monitor profile chosen in the preferences ("" = sRGB).
    void displayProfileChanged(const QString& iccPath);

  protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    void createActions();
    void createMenus();
    void createFolderDock();
    void restoreSettings();
    void saveSettings() const;
    void saveLibrarySettings() const;
    void chooseFolder();
    void refreshFolder();
    void onFolderOpened(const QString& folder);
    void showFolderInTree(const QString& folder);
    void moveCurrent(int step);
    void chooseLookForSelection();
    void updateActions();
    void refreshPhotos(const QStringList& paths);
    void updateStatus();
    void showProblems(const QStringList& problems);

    PhotoLibraryModel* library_;
    PhotoFilterModel* filter_;
    PhotoCommands* commands_ = nullptr;
    ExportController* export_ = nullptr;
    QStackedWidget* modes_;
    QWidget* libraryPage_;
    LibraryGrid* grid_;
    LibraryBar* bar_;
    QSplitter* developPage_;
    EditorWidget* editor_;
    Filmstrip* filmstrip_;
    QDockWidget* folderDock_ = nullptr;
    QTreeView* folders_ = nullptr;
    QFileSystemModel* fileSystem_ = nullptr;
    QLabel* loadingLabel_;
    QLabel* countLabel_;
    QLabel* currentLabel_;
    QString pendingSelection_;  // a file opened by path, selected once listed
    QString filterFolder_;      // the folder the filters shown belong to (folderFilterKey)
    // The folder panel is wanted in the library and mostly not beside the photo being
    // edited: each mode keeps its own choice.
    bool foldersInLibrary_ = true;
    bool foldersInDevelop_ = false;
    QList<QMenu*> menus_;
    QList<QAction*> libraryActions_;

    QAction* openFolderAction_ = nullptr;
    QAction* refreshAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* preferencesAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* selectAllAction_ = nullptr;
    QAction* selectNoneAction_ = nullptr;
    QAction* sortByNameAction_ = nullptr;
    QAction* sortByTimeAction_ = nullptr;
    QAction* largerAction_ = nullptr;
    QAction* smallerAction_ = nullptr;
    QAction* libraryModeAction_ = nullptr;
    QAction* developModeAction_ = nullptr;
    QAction* applyLookAction_ = nullptr;
    QAction* pasteToSelectionAction_ = nullptr;
    QAction* pasteSelectiveToSelectionAction_ = nullptr;
    QAction* previousAction_ = nullptr;
    QAction* nextAction_ = nullptr;
    QAction* shortcutsAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
};

}  // namespace rf::gui
