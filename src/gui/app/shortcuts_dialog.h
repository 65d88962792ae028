// SPDX-License-Identifier: GPL-3.0-or-later
// The keyboard shortcuts help (F1 or ?). It is built from the menus themselves, so every
// action with a shortcut is listed, including those the editor adds, and never goes out of
// date; keys that are not menu actions (selection clicks, Enter in the grid, the viewer's
// mouse gestures) are passed in as extra rows.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>
#include <QString>

class QMenu;
class QTreeWidget;

namespace rf::gui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT

  public:
    using Row = QPair<QString, QString>;  ///< what it does, the keys
    struct Section {
        QString title;
        QList<Row> rows;
    };

    ShortcutsDialog(const QList<QMenu*>& menus, const QList<Section>& extra,
                    QWidget* parent = nullptr);

    /// The rows as listed, "Section / what: keys", for tests.
    QStringList entries() const;

  private:
    void filter(const QString& text);

    QTreeWidget* tree_;
};

}  // namespace rf::gui
