// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/photo_commands.h"

#include <QAction>
#include <QCursor>
#include <QGuiApplication>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <algorithm>

#include "library/color_labels.h"
#include "library/photo_library_model.h"

namespace rf::gui {

namespace {

/// Sidecars are written on the GUI thread (about 2 ms each); a selection of hundreds shows the
/// wait cursor meanwhile.
class BusyCursor {
  public:
    explicit BusyCursor(qsizetype files) : on_(files > 50) {
        if (on_) QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    }
    ~BusyCursor() {
        if (on_) QGuiApplication::restoreOverrideCursor();
    }
    BusyCursor(const BusyCursor&) = delete;
    BusyCursor& operator=(const BusyCursor&) = delete;

  private:
    bool on_;
};

}  // namespace

QString photoCount(int count) {
    return QObject::tr("%n photo(s)", nullptr, count);
}

QString ratingText(int rating) {
    if (rating < 0) return QObject::tr("Rejected");
    if (rating == 0) return QObject::tr("No stars");
    return QString(rating, QChar(0x2605));
}

PhotoCommands::PhotoCommands(PhotoLibraryModel* model, QItemSelectionModel* selection,
                             QObject* parent)
    : QObject(parent), model_(model), selection_(selection) {
    for (int stars = 0; stars <= 5; ++stars) {
        auto* a = new QAction(stars == 0 ? tr("No Stars") : tr("%n Star(s)", nullptr, stars), this);
        a->setShortcut(QKeySequence(Qt::Key_0 + stars));
        a->setStatusTip(tr("Rate the selected photos"));
        connect(a, &QAction::triggered, this, [this, stars] { rate(stars); });
        ratingActions_ << a;
    }
    auto* reject = new QAction(tr("Reject"), this);
    reject->setShortcut(QKeySequence(Qt::Key_X));
    reject->setStatusTip(tr("Mark the selected photos as rejected, or take the mark away"));
    connect(reject, &QAction::triggered, this, &PhotoCommands::toggleReject);
    ratingActions_ << reject;

    for (const ColorLabel& l : colorLabels()) {
        const QString name = QString::fromLatin1(l.name);
        auto* a = new QAction(tr("%1 Label").arg(colorLabelName(l)), this);
        if (l.key) a->setShortcut(QKeySequence(l.key));
        a->setStatusTip(tr("Give the selected photos this colour label, or take it away"));
        connect(a, &QAction::triggered, this, [this, name] { toggleLabel(name); });
        labelActions_ << a;
    }
    auto* none = new QAction(tr("No Label"), this);
    connect(none, &QAction::triggered, this, [this] {
        const QStringList paths = selectedPaths();
        const BusyCursor busy(paths.size());
        report(
            paths, [](int n) { return tr("Label removed from %n photo(s)", nullptr, n); },
            model_->setLabel(paths, QString()));
    });
    labelActions_ << none;
}

QStringList PhotoCommands::selectedPaths() const {
    QModelIndexList rows = selection_->selectedIndexes();
    if (rows.isEmpty() && selection_->currentIndex().isValid()) rows << selection_->currentIndex();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList paths;
    for (const QModelIndex& i : rows) paths << i.data(PhotoLibraryModel::PathRole).toString();
    return paths;
}

bool PhotoCommands::handleKeyPress(QKeyEvent* event) {
    const QKeySequence pressed(event->keyCombination());
    for (const QList<QAction*>* list : {&ratingActions_, &labelActions_}) {
        for (QAction* a : *list) {
            if (a->isEnabled() && !a->shortcut().isEmpty() &&
                a->shortcut().matches(pressed) == QKeySequence::ExactMatch) {
                a->trigger();
                return true;
            }
        }
    }
    return false;
}

void PhotoCommands::rate(int rating) {
    const QStringList paths = selectedPaths();
    const BusyCursor busy(paths.size());
    const QString stars = ratingText(rating);
    report(
        paths, [&](int n) { return tr("%n photo(s) rated %1", nullptr, n).arg(stars); },
        model_->setRating(paths, rating));
}

void PhotoCommands::toggleReject() {
    const QStringList paths = selectedPaths();
    const bool allRejected =
        !paths.isEmpty() && std::all_of(paths.begin(), paths.end(), [&](auto& p) {
            return model_->index(model_->rowOf(p)).data(PhotoLibraryModel::RatingRole).toInt() < 0;
        });
    const int rating = allRejected ? 0 : -1;
    const BusyCursor busy(paths.size());
    report(
        paths,
        [&](int n) {
            return allRejected ? tr("%n photo(s) no longer rejected", nullptr, n)
                               : tr("%n photo(s) rejected", nullptr, n);
        },
        model_->setRating(paths, rating));
}

void PhotoCommands::toggleLabel(const QString& label) {
    const QStringList paths = selectedPaths();
    const bool allHaveIt =
        !paths.isEmpty() && std::all_of(paths.begin(), paths.end(), [&](auto& p) {
            return model_->index(model_->rowOf(p))
                       .data(PhotoLibraryModel::LabelRole)
                       .toString()
                       .compare(label, Qt::CaseInsensitive) == 0;
        });
    const QString value = allHaveIt ? QString() : label;
    const BusyCursor busy(paths.size());
    QString name = label;
    for (const ColorLabel& l : colorLabels())
        if (label.compare(QLatin1String(l.name), Qt::CaseInsensitive) == 0)
            name = colorLabelName(l);
    report(
        paths,
        [&](int n) {
            return allHaveIt ? tr("Label removed from %n photo(s)", nullptr, n)
                             : tr("%n photo(s) labelled %1", nullptr, n).arg(name);
        },
        model_->setLabel(paths, value));
}

void PhotoCommands::report(const QStringList& paths, const std::function<QString(int)>& what,
                           const PhotoLibraryModel::SidecarWrites& writes) {
    if (paths.isEmpty()) {
        emit message(tr("Select a photo first"));
        return;
    }
    if (writes.written > 0) emit message(what(writes.written));
    if (!writes.problems.isEmpty()) emit problems(writes.problems);
}

}  // namespace rf::gui
