// SPDX-License-Identifier: GPL-3.0-or-later
// The library's thumbnail grid: tiles in rows that reflow with the window, the columns spread
// evenly across the width. Click, shift-click, ctrl-click, a rubber band and Ctrl+A select;
// Enter or a double-click opens the current photo for editing; the rating and label keys go to
// the PhotoCommands. The grid asks the model only for the tiles it paints, which is what makes
// the visible thumbnails load first.
#pragma once

#include <QListView>

namespace rf::gui {

class PhotoCommands;
class TileDelegate;

class LibraryGrid : public QListView {
    Q_OBJECT

  public:
    explicit LibraryGrid(QWidget* parent = nullptr);

    void setCommands(PhotoCommands* commands) { commands_ = commands; }

    /// The tile width in pixels (the thumbnail area is square; the height follows).
    void setTileWidth(int width);
    int tileWidth() const { return tileWidth_; }
    static constexpr int kMinTileWidth = 120;
    static constexpr int kMaxTileWidth = 280;

  signals:
    void openRequested(const QModelIndex& index);

  protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    void updateGrid();

    TileDelegate* delegate_;
    PhotoCommands* commands_ = nullptr;
    int tileWidth_ = 196;
};

}  // namespace rf::gui
