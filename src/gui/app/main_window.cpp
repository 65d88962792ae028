// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <cmath>
#include <cstdio>

#include "app/folder_filters.h"
#include "app/preferences_dialog.h"
#include "app/settings.h"
#include "app/shortcuts_dialog.h"
#include "export/export_controller.h"
// export_controller.h returns its QPointers as raw pointers inline: they need the classes.
#include "editor/editor_widget.h"
#include "editor/learn_look_dialog.h"
#include "editor/paste_dialog.h"
#include "export/export_dialog.h"
#include "export/export_summary_dialog.h"
#include "library/filmstrip.h"
#include "library/library_bar.h"
#include "library/library_grid.h"
#include "library/photo_commands.h"
#include "library/photo_filter_model.h"
#include "library/photo_library_model.h"
#include "rangefinder/export.h"
#include "rangefinder/looks.h"

namespace rf::gui {

namespace {

/// Thumbnails as large as the largest tile, in device pixels.
int thumbnailPixels() {
    const QScreen* screen = QGuiApplication::primaryScreen();
    const qreal dpr = screen ? screen->devicePixelRatio() : 1.0;
    return int(std::ceil(LibraryGrid::kMaxTileWidth * dpr));
}

/// The folder or raw file a drop carries, or an empty string.
QString droppedPath(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    for (const QUrl& url : mime->urls()) {
        if (!url.isLocalFile()) continue;
        const QFileInfo fi(url.toLocalFile());
        if (fi.isDir() || (fi.isFile() && rf::looksLikeRawFile(fi.filePath().toStdString())))
            return fi.absoluteFilePath();
    }
    return {};
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      library_(new PhotoLibraryModel(thumbnailPixels(), this)),
      filter_(new PhotoFilterModel(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Rangefinder"));
    setAcceptDrops(true);
    filter_->setSourceModel(library_);

    libraryPage_ = new QWidget(this);
    grid_ = new LibraryGrid(libraryPage_);
    grid_->setModel(filter_);
    bar_ = new LibraryBar(filter_, grid_, libraryPage_);
    auto* libraryLayout = new QVBoxLayout(libraryPage_);
    libraryLayout->setContentsMargins(0, 0, 0, 0);
    libraryLayout->setSpacing(0);
    libraryLayout->addWidget(bar_);
    libraryLayout->addWidget(grid_, 1);

    commands_ = new PhotoCommands(library_, grid_->selectionModel(), this);
    grid_->setCommands(commands_);
    export_ = new ExportController(this);

    // Develop: the editor over the filmstrip, which shares the grid's model and selection.
    developPage_ = new QSplitter(Qt::Vertical, this);
    developPage_->setObjectName(QStringLiteral("developPage"));
    editor_ = new EditorWidget(developPage_);
    filmstrip_ = new Filmstrip(developPage_);
    filmstrip_->setModel(filter_);
    QItemSelectionModel* ownSelection = filmstrip_->selectionModel();
    filmstrip_->setSelectionModel(grid_->selectionModel());
    delete ownSelection;
    filmstrip_->setCommands(commands_);
    developPage_->addWidget(editor_);
    developPage_->addWidget(filmstrip_);
    developPage_->setStretchFactor(0, 1);
    developPage_->setStretchFactor(1, 0);
    developPage_->setCollapsible(0, false);
    developPage_->setSizes({800, 118});

    modes_ = new QStackedWidget(this);
    modes_->addWidget(libraryPage_);
    modes_->addWidget(developPage_);
    setCentralWidget(modes_);

    loadingLabel_ = new QLabel(this);
    countLabel_ = new QLabel(this);
    currentLabel_ = new QLabel(this);
    for (QLabel* l : {currentLabel_, loadingLabel_, countLabel_}) {
        l->setForegroundRole(QPalette::PlaceholderText);
        l->setContentsMargins(8, 0, 8, 0);
    }
    statusBar()->addWidget(currentLabel_, 1);
    statusBar()->addPermanentWidget(export_->progressWidget());
    statusBar()->addPermanentWidget(loadingLabel_);
    statusBar()->addPermanentWidget(countLabel_);
    statusBar()->setSizeGripEnabled(false);

    createActions();
    createMenus();
    createFolderDock();

    connect(library_, &PhotoLibraryModel::folderOpened, this, &MainWindow::onFolderOpened);
    connect(library_, &PhotoLibraryModel::folderError, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(library_, &PhotoLibraryModel::loadingProgress, this, [this](int done, int total) {
        loadingLabel_->setVisible(done < total);
        loadingLabel_->setText(tr("Loading %1 of %2").arg(done).arg(total));
    });
    connect(library_, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from) {
        if (from.row() == library_->rowOf(currentPhoto())) updateStatus();
    });
    connect(grid_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateStatus);
    connect(grid_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateStatus);
    connect(filter_, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(filter_, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
    connect(filter_, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(filter_, &PhotoFilterModel::filterChanged, this, &MainWindow::saveLibrarySettings);
    connect(filter_, &PhotoFilterModel::filterChanged, this, [this] {
        sortByTimeAction_->setChecked(filter_->sortKey() == PhotoFilterModel::SortKey::CaptureTime);
        sortByNameAction_->setChecked(filter_->sortKey() == PhotoFilterModel::SortKey::Name);
    });
    connect(commands_, &PhotoCommands::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 4000); });
    connect(commands_, &PhotoCommands::problems, this, &MainWindow::showProblems);

    connect(grid_, &LibraryGrid::openRequested, this, [this] { setMode(Mode::Develop); });
    // In Develop the current photo is the one being edited: the filmstrip, Ctrl+arrows and a
    // filter that hides the photo all move it.
    connect(grid_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (mode() != Mode::Develop || !current.isValid()) return;
                const QString path = current.data(PhotoLibraryModel::PathRole).toString();
                if (path != editor_->currentPhoto()) editor_->openPhoto(path);
            });
    connect(editor_, &EditorWidget::editsSaved, library_, &PhotoLibraryModel::refreshPhoto);
    connect(editor_, &EditorWidget::statusMessage, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(editor_->copyEditsAction(), &QAction::triggered, this, &MainWindow::updateActions);

    restoreSettings();
    updateStatus();
    updateActions();
    grid_->setFocus();
}

MainWindow::~MainWindow() = default;

QItemSelectionModel* MainWindow::selectionModel() const {
    return grid_->selectionModel();
}

void MainWindow::createActions() {
    openFolderAction_ = new QAction(tr("&Open Folder…"), this);
    openFolderAction_->setShortcut(QKeySequence::Open);
    connect(openFolderAction_, &QAction::triggered, this, &MainWindow::chooseFolder);

    refreshAction_ = new QAction(tr("&Refresh Folder"), this);
    refreshAction_->setShortcut(QKeySequence::Refresh);
    connect(refreshAction_, &QAction::triggered, this, &MainWindow::refreshFolder);

    exportAction_ = new QAction(tr("&Export…"), this);
    exportAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportAction_->setStatusTip(
        tr("Export the selected photos as JPEG, TIFF, PNG, WebP, AVIF or JPEG XL"));
    connect(exportAction_, &QAction::triggered, this, [this] {
        const QStringList photos = selectedPhotos();
        if (photos.isEmpty())
            statusBar()->showMessage(tr("Select the photos to export first"), 4000);
        else
            export_->exportPhotos(photos);
    });

    preferencesAction_ = new QAction(tr("&Preferences…"), this);
    preferencesAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferencesAction_->setMenuRole(QAction::PreferencesRole);
    connect(preferencesAction_, &QAction::triggered, this, &MainWindow::showPreferences);

    quitAction_ = new QAction(tr("&Quit"), this);
    quitAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAction_->setMenuRole(QAction::QuitRole);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    selectAllAction_ = new QAction(tr("Select &All"), this);
    selectAllAction_->setShortcut(QKeySequence::SelectAll);
    connect(selectAllAction_, &QAction::triggered, grid_, &QAbstractItemView::selectAll);

    selectNoneAction_ = new QAction(tr("Select &None"), this);
    selectNoneAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    connect(selectNoneAction_, &QAction::triggered, grid_, &QAbstractItemView::clearSelection);

    auto* sortGroup = new QActionGroup(this);
    sortByNameAction_ = new QAction(tr("Sort by File &Name"), sortGroup);
    sortByTimeAction_ = new QAction(tr("Sort by &Capture Time"), sortGroup);
    for (QAction* a : {sortByNameAction_, sortByTimeAction_}) a->setCheckable(true);
    sortByNameAction_->setChecked(true);
    connect(sortByNameAction_, &QAction::triggered, this,
            [this] { filter_->setSortKey(PhotoFilterModel::SortKey::Name); });
    connect(sortByTimeAction_, &QAction::triggered, this,
            [this] { filter_->setSortKey(PhotoFilterModel::SortKey::CaptureTime); });

    largerAction_ = new QAction(tr("&Larger Thumbnails"), this);
    // Ctrl+= is Ctrl++ without the Shift on most layouts.
    largerAction_->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Plus), QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    connect(largerAction_, &QAction::triggered, this, [this] {
        grid_->setTileWidth(grid_->tileWidth() + 20);
        bar_->syncFromModels();
        saveLibrarySettings();
    });
    smallerAction_ = new QAction(tr("&Smaller Thumbnails"), this);
    smallerAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    connect(smallerAction_, &QAction::triggered, this, [this] {
        grid_->setTileWidth(grid_->tileWidth() - 20);
        bar_->syncFromModels();
        saveLibrarySettings();
    });

    auto* modeGroup = new QActionGroup(this);
    libraryModeAction_ = new QAction(tr("&Library"), modeGroup);
    libraryModeAction_->setShortcut(QKeySequence(Qt::Key_G));
    libraryModeAction_->setStatusTip(tr("The thumbnail grid"));
    developModeAction_ = new QAction(tr("&Develop"), modeGroup);
    developModeAction_->setShortcut(QKeySequence(Qt::Key_D));
    developModeAction_->setStatusTip(tr("Edit the current photo (also Enter or a double-click)"));
    for (QAction* a : {libraryModeAction_, developModeAction_}) a->setCheckable(true);
    libraryModeAction_->setChecked(true);
    connect(libraryModeAction_, &QAction::triggered, this, [this] { setMode(Mode::Library); });
    connect(developModeAction_, &QAction::triggered, this, [this] {
        if (!setMode(Mode::Develop)) updateActions();
    });

    applyLookAction_ = new QAction(tr("Apply &Look to Selected…"), this);
    applyLookAction_->setStatusTip(tr("Give every selected photo the same look"));
    connect(applyLookAction_, &QAction::triggered, this, &MainWindow::chooseLookForSelection);
    // The editor's Paste works on the photo it has open; in the library the same keys paste
    // onto the selection (the editor's actions are disabled while it is hidden).
    pasteToSelectionAction_ = new QAction(tr("&Paste Edits to Selected"), this);
    pasteToSelectionAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_V));
    pasteToSelectionAction_->setStatusTip(
        tr("Paste the edits copied in Develop, except white balance and crop"));
    connect(pasteToSelectionAction_, &QAction::triggered, this,
            [this] { pasteEditsToSelection(PasteDialog::defaultGroups()); });
    pasteSelectiveToSelectionAction_ = new QAction(tr("Paste &Selected Edits to Selected…"), this);
    pasteSelectiveToSelectionAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(pasteSelectiveToSelectionAction_, &QAction::triggered, this, [this] {
        PasteDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted) pasteEditsToSelection(dialog.groups());
    });

    previousAction_ = new QAction(tr("&Previous Photo"), this);
    previousAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Left));
    connect(previousAction_, &QAction::triggered, this, [this] { moveCurrent(-1); });
    nextAction_ = new QAction(tr("&Next Photo"), this);
    nextAction_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Right));
    connect(nextAction_, &QAction::triggered, this, [this] { moveCurrent(+1); });

    shortcutsAction_ = new QAction(tr("&Keyboard Shortcuts"), this);
    shortcutsAction_->setShortcuts({QKeySequence::HelpContents, QKeySequence(Qt::Key_Question)});
    connect(shortcutsAction_, &QAction::triggered, this, [this] { showShortcuts(); });

    aboutAction_ = new QAction(tr("&About Rangefinder"), this);
    aboutAction_->setMenuRole(QAction::AboutRole);
    connect(aboutAction_, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Rangefinder"),
            tr("<h3>Rangefinder %1</h3><p>A raw photo editor.</p>"
               "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
                .arg(QStringLiteral(RF_VERSION)));
    });
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(openFolderAction_);
    file->addAction(refreshAction_);
    file->addSeparator();
    file->addAction(exportAction_);
    file->addSeparator();
    file->addAction(preferencesAction_);
    file->addSeparator();
    file->addAction(quitAction_);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(editor_->undoAction());
    edit->addAction(editor_->redoAction());
    edit->addSeparator();
    edit->addAction(editor_->copyEditsAction());
    edit->addAction(editor_->pasteEditsAction());
    edit->addAction(editor_->pasteSelectiveAction());
    edit->addSeparator();
    edit->addAction(editor_->resetAllAction());
    edit->addSeparator();
    edit->addAction(selectAllAction_);
    edit->addAction(selectNoneAction_);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(libraryModeAction_);
    view->addAction(developModeAction_);
    view->addSeparator();
    view->addAction(editor_->beforeAfterAction());
    view->addAction(editor_->splitViewAction());
    view->addAction(editor_->sideBySideAction());
    view->addAction(editor_->cameraCompareAction());
    view->addAction(editor_->clippingAction());
    view->addAction(editor_->zoomFitAction());
    view->addAction(editor_->zoom100Action());
    view->addSeparator();
    view->addAction(sortByNameAction_);
    view->addAction(sortByTimeAction_);
    view->addSeparator();
    view->addAction(largerAction_);
    view->addAction(smallerAction_);

    QMenu* photo = menuBar()->addMenu(tr("&Photo"));
    QMenu* rating = photo->addMenu(tr("&Rating"));
    rating->addActions(commands_->ratingActions());
    QMenu* label = photo->addMenu(tr("Colour &Label"));
    label->addActions(commands_->labelActions());
    photo->addSeparator();
    photo->addAction(applyLookAction_);
    photo->addAction(createLearnLookAction(editor_, this));
    photo->addAction(pasteToSelectionAction_);
    photo->addAction(pasteSelectiveToSelectionAction_);
    photo->addSeparator();
    photo->addAction(editor_->eyedropperAction());
    photo->addAction(editor_->autoToneAction());
    photo->addAction(editor_->cropToolAction());
    photo->addSeparator();
    photo->addAction(previousAction_);
    photo->addAction(nextAction_);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(shortcutsAction_);
    help->addSeparator();
    help->addAction(aboutAction_);

    menus_ = {file, edit, view, photo, help};
    // Menu actions are shortcuts only while in a window; the window owns them all.
    for (QMenu* m : menus_) addActions(m->actions());
    addActions(commands_->ratingActions());
    addActions(commands_->labelActions());
}

void MainWindow::createFolderDock() {
    fileSystem_ = new QFileSystemModel(this);
    fileSystem_->setFilter(QDir::AllDirs | QDir::NoDotAndDotDot | QDir::Drives);
    fileSystem_->setReadOnly(true);
    fileSystem_->setRootPath(QDir::rootPath());

    folders_ = new QTreeView(this);
    folders_->setObjectName(QStringLiteral("folderTree"));
    folders_->setModel(fileSystem_);
    folders_->setRootIndex(fileSystem_->index(QDir::rootPath()));
    for (int c = 1; c < fileSystem_->columnCount(); ++c) folders_->hideColumn(c);
    folders_->setHeaderHidden(true);
    folders_->setFrameShape(QFrame::NoFrame);
    folders_->setAnimated(false);
    folders_->setUniformRowHeights(true);
    folders_->setMinimumWidth(200);
    const auto open = [this](const QModelIndex& index) {
        if (index.isValid()) library_->openFolder(fileSystem_->filePath(index));
    };
    connect(folders_, &QTreeView::clicked, this, open);
    connect(folders_, &QTreeView::activated, this, open);
    // The tree fills in lazily; once the folder's parents are listed it can be shown.
    connect(fileSystem_, &QFileSystemModel::directoryLoaded, this, [this] {
        if (!library_->folder().isEmpty() &&
            folders_->currentIndex() != fileSystem_->index(library_->folder()))
            showFolderInTree(library_->folder());
    });

    folderDock_ = new QDockWidget(tr("Folders"), this);
    folderDock_->setObjectName(QStringLiteral("foldersDock"));
    folderDock_->setWidget(folders_);
    folderDock_->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::LeftDockWidgetArea, folderDock_);

    QAction* toggle = folderDock_->toggleViewAction();
    toggle->setText(tr("&Folders"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QMenu* view = menus_.at(2);
    view->addSeparator();
    view->addAction(toggle);
    addAction(toggle);
}

void MainWindow::showFolderInTree(const QString& folder) {
    const QModelIndex index = fileSystem_->index(folder);
    if (!index.isValid()) return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent()) folders_->expand(p);
    folders_->setCurrentIndex(index);
    folders_->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void MainWindow::restoreSettings() {
    QSettings s;
    if (!restoreGeometry(s.value(settings::kGeometry).toByteArray())) {
        const QScreen* screen = QGuiApplication::primaryScreen();
        const QSize available = screen ? screen->availableSize() : QSize(1600, 1000);
        resize(available * 0.8);
    }
    restoreState(s.value(settings::kWindowState).toByteArray());
    developPage_->restoreState(s.value(settings::kDevelopSplitter).toByteArray());

    grid_->setTileWidth(s.value(settings::kTileWidth, grid_->tileWidth()).toInt());
    filter_->setSortKey(s.value(settings::kSortKey).toString() == QLatin1String("time")
                            ? PhotoFilterModel::SortKey::CaptureTime
                            : PhotoFilterModel::SortKey::Name);
    // The filters come with each folder (onFolderOpened). Settings from before that kept one
    // set for every folder: they become the filters of the folder open last, where they were
    // set, and nowhere else.
    const QString lastFolder = s.value(settings::kLastFolder).toString();
    if (s.contains(settings::kMinimumRating) || s.contains(settings::kShowRejected) ||
        s.contains(settings::kLabelFilter)) {
        PhotoFilterModel::Filters old;
        old.minimumRating = s.value(settings::kMinimumRating, 0).toInt();
        old.showRejected = s.value(settings::kShowRejected, true).toBool();
        if (s.contains(settings::kLabelFilter))
            old.label = s.value(settings::kLabelFilter).toString();
        if (!lastFolder.isEmpty() && !loadFolderFilters(s, lastFolder).active())
            saveFolderFilters(s, lastFolder, old);
        for (const char* key :
             {settings::kMinimumRating, settings::kShowRejected, settings::kLabelFilter})
            s.remove(key);
    }
    bar_->syncFromModels();
}

void MainWindow::saveLibrarySettings() const {
    QSettings s;
    s.setValue(settings::kTileWidth, grid_->tileWidth());
    s.setValue(settings::kSortKey, filter_->sortKey() == PhotoFilterModel::SortKey::CaptureTime
                                       ? QStringLiteral("time")
                                       : QStringLiteral("name"));
    if (!filterFolder_.isEmpty()) saveFolderFilters(s, filterFolder_, filter_->filters());
}

void MainWindow::saveSettings() const {
    QSettings s;
    s.setValue(settings::kGeometry, saveGeometry());
    s.setValue(settings::kWindowState, saveState());
    s.setValue(settings::kDevelopSplitter, developPage_->saveState());
    saveLibrarySettings();
}

void MainWindow::quitOnSignal(int signal) {
    export_->cancel();  // waits: what was being written is removed, what was written stays
    if (!editor_->flush())
        std::fprintf(stderr, "rangefinder: the edits of %s could not be saved to its sidecar\n",
                     qPrintable(editor_->currentPhoto()));
    saveSettings();
    QCoreApplication::exit(128 + signal);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (export_->isRunning() &&
        QMessageBox::question(
            this, tr("Export Running"), tr("An export is still running. Stop it and quit?"),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (!editor_->flush() &&
        QMessageBox::question(this, tr("Edits Not Saved"),
                              tr("The edits of %1 could not be saved to its sidecar. Quit "
                                 "anyway and lose them?")
                                  .arg(QFileInfo(editor_->currentPhoto()).fileName()),
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::openFromArguments(const QStringList& arguments) {
    if (arguments.size() > 1) {
        openPath(arguments.at(1));
        return;
    }
    const QString last = QSettings().value(settings::kLastFolder).toString();
    if (!last.isEmpty() && QFileInfo(last).isDir()) library_->openFolder(last);
}

void MainWindow::openPath(const QString& path) {
    const QFileInfo fi(path);
    if (fi.isDir()) {
        library_->openFolder(fi.absoluteFilePath());
        return;
    }
    if (fi.isFile() && rf::looksLikeRawFile(fi.filePath().toStdString())) {
        pendingSelection_ = fi.absoluteFilePath();
        if (library_->folder() == fi.absolutePath())
            onFolderOpened(library_->folder());
        else
            library_->openFolder(fi.absolutePath());
        return;
    }
    statusBar()->showMessage(fi.exists() ? tr("%1 is not a folder or a raw file").arg(path)
                                         : tr("%1 does not exist").arg(path),
                             15000);
}

void MainWindow::refreshFolder() {
    // Reloading resets the views; the selection and the current photo are put back.
    QStringList selected;
    for (const QModelIndex& i : grid_->selectionModel()->selectedIndexes())
        selected << i.data(PhotoLibraryModel::PathRole).toString();
    const QString current = currentPhoto();
    library_->reload();
    QItemSelection selection;
    for (const QString& path : selected) {
        const QModelIndex i = filter_->mapFromSource(library_->index(library_->rowOf(path)));
        if (i.isValid()) selection.select(i, i);
    }
    const QModelIndex currentIndex =
        filter_->mapFromSource(library_->index(library_->rowOf(current)));
    if (currentIndex.isValid())
        grid_->selectionModel()->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    grid_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    grid_->scrollTo(grid_->currentIndex());
}

void MainWindow::chooseFolder() {
    const QString start = library_->folder().isEmpty() ? QDir::homePath() : library_->folder();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder"), start);
    if (!folder.isEmpty()) library_->openFolder(folder);
}

void MainWindow::onFolderOpened(const QString& folder) {
    QSettings s;
    s.setValue(settings::kLastFolder, folder);
    // Another folder brings its own filters (none unless it had some); reading the same one
    // again (Refresh, a raw of it opened) keeps what is set.
    if (const QString key = folderFilterKey(folder); key != filterFolder_) {
        filterFolder_ = key;
        filter_->setFilters(loadFolderFilters(s, folder));
    }
    setWindowTitle(tr("%1 — Rangefinder")
                       .arg(QDir(folder).dirName().isEmpty() ? folder : QDir(folder).dirName()));
    showFolderInTree(folder);
    const QString wanted = pendingSelection_;
    pendingSelection_.clear();
    if (wanted.isEmpty() || !selectPhoto(wanted)) {
        const QModelIndex first = filter_->index(0, 0);
        if (first.isValid())
            grid_->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    }
    grid_->scrollTo(grid_->currentIndex());
    updateStatus();
}

MainWindow::Mode MainWindow::mode() const {
    return modes_->currentWidget() == developPage_ ? Mode::Develop : Mode::Library;
}

bool MainWindow::setMode(Mode mode) {
    const Mode before = this->mode();
    if (mode == Mode::Develop) {
        const QString path = currentPhoto();
        if (path.isEmpty()) {
            statusBar()->showMessage(tr("Select a photo to develop"), 4000);
            return false;
        }
        if (editor_->currentPhoto() != path) editor_->openPhoto(path);
        modes_->setCurrentWidget(developPage_);
        filmstrip_->scrollTo(grid_->currentIndex(), QAbstractItemView::PositionAtCenter);
        editor_->setFocus();
    } else {
        modes_->setCurrentWidget(libraryPage_);
        grid_->scrollTo(grid_->currentIndex());
        grid_->setFocus();
    }
    if (mode != before) {
        (before == Mode::Library ? foldersInLibrary_ : foldersInDevelop_) =
            folderDock_->isVisibleTo(this);
        folderDock_->setVisible(mode == Mode::Library ? foldersInLibrary_ : foldersInDevelop_);
    }
    updateActions();
    return true;
}

void MainWindow::updateActions() {
    const bool library = mode() == Mode::Library;
    libraryModeAction_->setChecked(library);
    developModeAction_->setChecked(!library);
    const bool copied = editor_->copiedEdits().has_value();
    pasteToSelectionAction_->setEnabled(library && copied);
    pasteSelectiveToSelectionAction_->setEnabled(library && copied);
}

void MainWindow::chooseLookForSelection() {
    const QStringList photos = selectedPhotos();
    if (photos.isEmpty()) {
        statusBar()->showMessage(tr("Select the photos first"), 4000);
        return;
    }
    const rf::LookLibrary looks = rf::LookLibrary::load();
    QStringList names{tr("None (remove the look)")};
    for (const rf::Look& look : looks.looks()) names << QString::fromStdString(look.name);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Apply Look"), tr("Look for %1:").arg(photoCount(int(photos.size()))), names,
        names.size() > 1 ? 1 : 0, false, &ok);
    if (ok) applyLookToSelection(chosen == names.first() ? QString() : chosen);
}

void MainWindow::applyLookToSelection(const QString& lookName) {
    const QStringList photos = selectedPhotos();
    if (photos.isEmpty()) return;
    editor_->applyLookTo(photos, lookName);
    refreshPhotos(photos);
}

void MainWindow::pasteEditsToSelection(const std::vector<rf::ParamGroup>& groups) {
    const QStringList photos = selectedPhotos();
    if (!editor_->copiedEdits()) {
        statusBar()->showMessage(tr("Copy a photo's edits in Develop first (Ctrl+C)"), 6000);
        return;
    }
    if (photos.isEmpty() || groups.empty()) return;
    editor_->pasteEditsTo(photos, groups);
    refreshPhotos(photos);
}

void MainWindow::refreshPhotos(const QStringList& paths) {
    // The editor writes other photos' sidecars directly; their tiles show it from here.
    for (const QString& p : paths) library_->refreshPhoto(p);
}

QStringList MainWindow::selectedPhotos() const {
    return commands_->selectedPaths();
}

QString MainWindow::currentPhoto() const {
    return grid_->currentIndex().data(PhotoLibraryModel::PathRole).toString();
}

bool MainWindow::selectPhoto(const QString& path) {
    const int row = library_->rowOf(path);
    if (row < 0) return false;
    const QModelIndex index = filter_->mapFromSource(library_->index(row));
    if (!index.isValid()) return false;
    grid_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    grid_->scrollTo(index);
    return true;
}

void MainWindow::moveCurrent(int step) {
    const int rows = filter_->rowCount();
    if (rows == 0) return;
    const int row = std::clamp(grid_->currentIndex().row() + step, 0, rows - 1);
    grid_->selectionModel()->setCurrentIndex(filter_->index(row, 0),
                                             QItemSelectionModel::ClearAndSelect);
    grid_->scrollTo(grid_->currentIndex());
}

void MainWindow::updateStatus() {
    const int shown = filter_->rowCount();
    const int total = library_->rowCount();
    const int selected = int(grid_->selectionModel()->selectedIndexes().size());
    QString counts =
        shown == total ? photoCount(total) : tr("%1 of %2 shown").arg(shown).arg(photoCount(total));
    if (selected > 0) counts += QStringLiteral("  ·  ") + tr("%n selected", nullptr, selected);
    countLabel_->setText(library_->folder().isEmpty() ? tr("No folder open") : counts);

    const QModelIndex current = grid_->currentIndex();
    QStringList parts;
    if (current.isValid()) {
        parts << current.data(PhotoLibraryModel::FileNameRole).toString();
        const QString error = current.data(PhotoLibraryModel::ErrorRole).toString();
        if (!error.isEmpty()) {
            parts << error;
        } else {
            for (int role :
                 {int(PhotoLibraryModel::CameraRole), int(PhotoLibraryModel::ExposureRole)}) {
                const QString s = current.data(role).toString();
                if (!s.isEmpty()) parts << s;
            }
            const QDateTime t = current.data(PhotoLibraryModel::CaptureTimeRole).toDateTime();
            if (t.isValid()) parts << QLocale().toString(t, QLocale::ShortFormat);
        }
    }
    currentLabel_->setText(parts.join(QStringLiteral("   ·   ")));
}

void MainWindow::showProblems(const QStringList& problems) {
    if (problems.isEmpty()) return;
    const QString first = problems.first();
    statusBar()->showMessage(problems.size() == 1
                                 ? first
                                 : tr("%1 (and %n more)", nullptr, problems.size() - 1).arg(first),
                             15000);
    statusBar()->setToolTip(problems.join(QLatin1Char('\n')));
}

ShortcutsDialog* MainWindow::showShortcuts() {
    const QList<ShortcutsDialog::Section> extra{
        {tr("Library grid and filmstrip"),
         {{tr("Select a photo"), tr("Click")},
          {tr("Add to or take from the selection"), tr("Ctrl+Click")},
          {tr("Select a range"), tr("Shift+Click, Shift+Arrow keys")},
          {tr("Select with a rectangle"), tr("Drag in the grid")},
          {tr("Move between photos"), tr("Arrow keys, Home, End, Page Up, Page Down")},
          {tr("Open the current photo in Develop"), tr("Enter, Double-click")}}},
        {tr("Folders"), {{tr("Open a folder or raw file"), tr("Drop it on the window")}}}};
    auto* dialog = new ShortcutsDialog(menus_, extra, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::showPreferences() {
    PreferencesDialog dialog(this);
    const QString before = QSettings().value(settings::kDisplayProfile).toString();
    if (dialog.exec() != QDialog::Accepted) return;
    const QString after = dialog.displayProfile();
    if (after == before) return;
    editor_->reloadDisplaySettings();
    emit displayProfileChanged(after);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedPath(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = droppedPath(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    openPath(path);
}

}  // namespace rf::gui
