// SPDX-License-Identifier: GPL-3.0-or-later
// The main window. It composes the library (the thumbnail grid of one folder, with its sort and
// filter bar) and the folder dock, and owns what ties them together: one PhotoLibraryModel, one
// sort/filter proxy and one selection model shared by every view of the folder, the rating and
// label commands, the menus (every action with its shortcut, which the shortcuts help lists),
// the status bar (counts, loading progress, the current photo), and the things remembered
// between runs (last folder, window layout, the library's sort, filters and tile size).
// A folder opens from the File menu, the folder dock, a drop onto the window or the command
// line; a raw file opened the same way opens its folder with the file selected. File → Export
// hands the selection to the ExportController, whose progress sits in the status bar.
#pragma once

#include <QMainWindow>
#include <QStringList>

class QAction;
class QDockWidget;
class QFileSystemModel;
class QItemSelectionModel;
class QLabel;
class QStackedWidget;
class QTreeView;

namespace rf::gui {

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
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

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
    LibraryBar* libraryBar() const { return bar_; }
    PhotoCommands* commands() const { return commands_; }
    QTreeView* folderTree() const { return folders_; }
    ExportController* exportController() const { return export_; }

    /// What Export and the batch actions work on: the selected photos, or the current one
    /// when none is selected.
    QStringList selectedPhotos() const;
    /// The path of the current photo (the one with the focus frame), empty when none.
    QString currentPhoto() const;
    /// Makes `path` the current and only selected photo; false when it is not shown.
    bool selectPhoto(const QString& path);

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
    QDockWidget* folderDock_ = nullptr;
    QTreeView* folders_ = nullptr;
    QFileSystemModel* fileSystem_ = nullptr;
    QLabel* loadingLabel_;
    QLabel* countLabel_;
    QLabel* currentLabel_;
    QString pendingSelection_;  // a file opened by path, selected once listed
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
    QAction* previousAction_ = nullptr;
    QAction* nextAction_ = nullptr;
    QAction* shortcutsAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
};

}  // namespace rf::gui
