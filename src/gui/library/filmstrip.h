// SPDX-License-Identifier: GPL-3.0-or-later
// The filmstrip under the editor: one row of small tiles over the same model and selection as
// the grid, so the photo being edited is the one selected in the library and a rating given in
// either shows in both. The current photo is kept in view; arrow keys move through the folder.
#pragma once

#include <QListView>
#include <vector>

namespace rf::gui {

class PhotoCommands;
class TileDelegate;

class Filmstrip : public QListView {
    Q_OBJECT

  public:
    explicit Filmstrip(QWidget* parent = nullptr);

    void setCommands(PhotoCommands* commands) { commands_ = commands; }
    void setModel(QAbstractItemModel* model) override;

  signals:
    void openRequested(const QModelIndex& index);

  protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void currentChanged(const QModelIndex& current, const QModelIndex& previous) override;
    void wheelEvent(QWheelEvent* event) override;

  private:
    void updateTiles();

    TileDelegate* delegate_;
    PhotoCommands* commands_ = nullptr;
    std::vector<QMetaObject::Connection> modelConnections_;
};

}  // namespace rf::gui
