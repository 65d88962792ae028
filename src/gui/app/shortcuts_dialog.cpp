// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rf::gui {

namespace {

QString plainText(QString text) {
    // "&Open Folder…" → "Open Folder…" ("&&" is a literal ampersand).
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

QString keysOf(const QAction* action) {
    QStringList keys;
    for (const QKeySequence& k : action->shortcuts()) keys << k.toString(QKeySequence::NativeText);
    return keys.join(QStringLiteral(",  "));
}

void collect(const QMenu* menu, QList<ShortcutsDialog::Row>& rows) {
    for (const QAction* a : menu->actions()) {
        if (a->menu()) {
            collect(a->menu(), rows);
        } else if (!a->isSeparator() && !a->shortcuts().isEmpty()) {
            rows << ShortcutsDialog::Row(plainText(a->text()), keysOf(a));
        }
    }
}

}  // namespace

ShortcutsDialog::ShortcutsDialog(const QList<QMenu*>& menus, const QList<Section>& extra,
                                 QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    resize(560, 640);
    auto* layout = new QVBoxLayout(this);

    auto* search = new QLineEdit(this);
    search->setPlaceholderText(tr("Search"));
    search->setClearButtonEnabled(true);
    layout->addWidget(search);

    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Action"), tr("Keys")});
    tree_->setRootIsDecorated(false);
    tree_->setSelectionMode(QAbstractItemView::NoSelection);
    tree_->setFocusPolicy(Qt::NoFocus);
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    layout->addWidget(tree_, 1);

    QList<Section> sections;
    for (const QMenu* m : menus) {
        Section s{plainText(m->title()), {}};
        collect(m, s.rows);
        if (!s.rows.isEmpty()) sections << s;
    }
    sections << extra;
    for (const Section& s : sections) {
        auto* header = new QTreeWidgetItem(tree_, {s.title});
        QFont bold = header->font(0);
        bold.setBold(true);
        header->setFont(0, bold);
        header->setFirstColumnSpanned(true);
        for (const Row& r : s.rows) new QTreeWidgetItem(header, {r.first, r.second});
    }
    tree_->expandAll();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(search, &QLineEdit::textChanged, this, &ShortcutsDialog::filter);
}

void ShortcutsDialog::filter(const QString& text) {
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QTreeWidgetItem* section = tree_->topLevelItem(i);
        int shown = 0;
        for (int j = 0; j < section->childCount(); ++j) {
            QTreeWidgetItem* row = section->child(j);
            const bool match = text.isEmpty() || row->text(0).contains(text, Qt::CaseInsensitive) ||
                               row->text(1).contains(text, Qt::CaseInsensitive);
            row->setHidden(!match);
            shown += match;
        }
        section->setHidden(shown == 0);
    }
}

QStringList ShortcutsDialog::entries() const {
    QStringList out;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* section = tree_->topLevelItem(i);
        for (int j = 0; j < section->childCount(); ++j)
            out << section->text(0) + QStringLiteral(" / ") + section->child(j)->text(0) +
                       QStringLiteral(": ") + section->child(j)->text(1);
    }
    return out;
}

}  // namespace rf::gui
