// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/learn_look_dialog.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <filesystem>

#include "common/display_image.h"
#include "common/post_to.h"
#include "editor/editor_widget.h"
#include "editor/looks_panel.h"
#include "editor/photo_session.h"
#include "rangefinder/error.h"
#include "rangefinder/looks.h"
#include "rangefinder/pipeline.h"
#include "rangefinder/raw.h"

namespace fs = std::filesystem;

namespace rf::gui {

namespace {

constexpr int kPreviewEdge = 520;
// The pair list's data: the JPEG's path, "" for the raw's embedded one.
constexpr int kJpegRole = Qt::UserRole;
constexpr int kRawRole = Qt::UserRole + 1;

// A phone saves its DNG and its JPEG side by side under one name.
QString siblingJpeg(const QString& rawPath) {
    const QFileInfo raw(rawPath);
    for (const char* ext : {"jpg", "JPG", "jpeg", "JPEG"}) {
        const QString candidate = raw.dir().filePath(raw.completeBaseName() + "." + ext);
        if (QFileInfo(candidate).isFile()) return candidate;
    }
    return {};
}

// The camera's own rendering, learned from its embedded JPEG, named after it ("Canon EOS 30D").
QString cameraLookName(const QString& rawPath) {
    try {
        const CaptureInfo info = readCaptureInfo(rawPath.toStdString());
        QString model = QString::fromStdString(info.model).trimmed();
        const QString make = QString::fromStdString(info.make).trimmed();
        if (!make.isEmpty() && !model.startsWith(make, Qt::CaseInsensitive))
            model = make + ' ' + model;
        if (!model.isEmpty()) return model;
    } catch (const Error&) {
    }
    return LearnLookDialog::tr("My Look");
}

// How the report names a pair's JPEG.
QString jpegLabel(const ExampleReport& e) {
    if (e.jpeg == e.raw + " (embedded JPEG)") return LearnLookDialog::tr("its embedded JPEG");
    return QString::fromStdString(fs::path(e.jpeg).filename().string());
}

bool hasEmbeddedJpeg(const QString& rawPath) {
    try {
        return !extractPreview(rawPath.toStdString()).empty();
    } catch (const Error&) {
        return false;
    }
}

}  // namespace

struct LearnLookDialog::Result {
    std::shared_ptr<const LearnedLook> learned;
    QImage before, after;
    QString error;
    bool cancelled = false;
};

LearnLookDialog::LearnLookDialog(const QString& rawPath, const EditDocument& edits, QWidget* parent)
    : QDialog(parent), rawPath_(rawPath), edits_(withoutLook(edits)) {
    setWindowTitle(tr("Create Look from Example"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Learn a look from the finished JPEG a camera or phone made of this photo: the "
           "difference between Rangefinder's rendering of the raw and that JPEG becomes a look "
           "you can apply to any photo. Add more pairs of the same look to teach it more "
           "colours."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    pairs_ = new QTreeWidget(this);
    pairs_->setColumnCount(2);
    pairs_->setHeaderLabels({tr("Raw"), tr("Finished JPEG")});
    pairs_->setRootIsDecorated(false);
    pairs_->header()->setSectionResizeMode(QHeaderView::Stretch);
    pairs_->setMaximumHeight(110);
    layout->addWidget(pairs_);
    auto* pairButtons = new QHBoxLayout;
    chooseJpeg_ = new QPushButton(tr("Choose &JPEG…"), this);
    embedded_ = new QPushButton(tr("Use &Embedded JPEG"), this);
    embedded_->setToolTip(tr("The JPEG the camera stored inside the raw: its own rendering"));
    addPair_ = new QPushButton(tr("&Add Pair…"), this);
    removePair_ = new QPushButton(tr("&Remove"), this);
    for (QPushButton* b : {chooseJpeg_, embedded_, addPair_, removePair_})
        pairButtons->addWidget(b);
    pairButtons->addStretch(1);
    layout->addLayout(pairButtons);

    auto* nameRow = new QHBoxLayout;
    auto* nameLabel = new QLabel(tr("&Name:"), this);
    name_ = new QLineEdit(this);
    nameLabel->setBuddy(name_);
    nameRow->addWidget(nameLabel);
    nameRow->addWidget(name_, 1);
    learn_ = new QPushButton(tr("&Learn"), this);
    learn_->setDefault(true);
    nameRow->addWidget(learn_);
    layout->addLayout(nameRow);

    progress_ = new QProgressBar(this);
    progress_->setRange(0, 100);
    progress_->setVisible(false);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    layout->addWidget(progress_);
    layout->addWidget(status_);

    auto* previews = new QGridLayout;
    before_ = new QLabel(this);
    after_ = new QLabel(this);
    for (QLabel* l : {before_, after_}) {
        l->setMinimumSize(kPreviewEdge, kPreviewEdge * 2 / 3);
        l->setAlignment(Qt::AlignCenter);
        l->setFrameShape(QFrame::StyledPanel);
    }
    previews->addWidget(new QLabel(tr("Without the look"), this), 0, 0, Qt::AlignHCenter);
    previews->addWidget(new QLabel(tr("With the learned look"), this), 0, 1, Qt::AlignHCenter);
    previews->addWidget(before_, 1, 0);
    previews->addWidget(after_, 1, 1);
    layout->addLayout(previews, 1);
    report_ = new QLabel(this);
    report_->setWordWrap(true);
    report_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(report_);

    apply_ = new QCheckBox(tr("Apply the look to this photo when it is saved"), this);
    apply_->setChecked(true);
    layout->addWidget(apply_);
    auto* buttons = new QDialogButtonBox(this);
    save_ = buttons->addButton(tr("&Save Look"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    layout->addWidget(buttons);

    connect(chooseJpeg_, &QPushButton::clicked, this, &LearnLookDialog::chooseJpeg);
    connect(embedded_, &QPushButton::clicked, this, &LearnLookDialog::useEmbedded);
    connect(addPair_, &QPushButton::clicked, this, &LearnLookDialog::choosePair);
    connect(removePair_, &QPushButton::clicked, this, &LearnLookDialog::removePair);
    connect(pairs_, &QTreeWidget::itemSelectionChanged, this, &LearnLookDialog::updateButtons);
    connect(name_, &QLineEdit::textChanged, this, &LearnLookDialog::updateButtons);
    connect(learn_, &QPushButton::clicked, this, &LearnLookDialog::learn);
    connect(save_, &QPushButton::clicked, this, [this] {
        if (save()) accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&watcher_, &QFutureWatcher<std::shared_ptr<Result>>::finished, this,
            &LearnLookDialog::finished);

    // The photo's own pair: the JPEG beside it, else the one inside it, else none yet.
    const QString sibling = siblingJpeg(rawPath);
    addPair(rawPath, sibling);
    if (sibling.isEmpty() && !hasEmbeddedJpeg(rawPath))
        pairs_->topLevelItem(0)->setText(1, {});  // Learn stays off until one is chosen
    pairs_->setCurrentItem(pairs_->topLevelItem(0));
    name_->setText(sibling.isEmpty() ? cameraLookName(rawPath)
                                     : QFileInfo(sibling).completeBaseName());
    updateButtons();
}

LearnLookDialog::~LearnLookDialog() {
    if (cancel_) cancel_->cancel();
    watcher_.waitForFinished();
}

std::vector<ExamplePair> LearnLookDialog::pairs() const {
    std::vector<ExamplePair> out;
    for (int i = 0; i < pairs_->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = pairs_->topLevelItem(i);
        out.push_back({item->data(0, kRawRole).toString().toStdString(),
                       item->data(1, kJpegRole).toString().toStdString()});
    }
    return out;
}

void LearnLookDialog::setJpeg(int row, const QString& jpegPath) {
    QTreeWidgetItem* item = pairs_->topLevelItem(row);
    if (!item) return;
    item->setData(1, kJpegRole, jpegPath);
    item->setText(
        1, jpegPath.isEmpty() ? tr("(embedded in the raw)") : QFileInfo(jpegPath).fileName());
    item->setToolTip(1, jpegPath);
    updateButtons();
}

void LearnLookDialog::addPair(const QString& rawPath, const QString& jpegPath) {
    auto* item = new QTreeWidgetItem(pairs_);
    item->setData(0, kRawRole, rawPath);
    item->setText(0, QFileInfo(rawPath).fileName());
    item->setToolTip(0, rawPath);
    setJpeg(pairs_->indexOfTopLevelItem(item), jpegPath);
}

void LearnLookDialog::chooseJpeg() {
    QTreeWidgetItem* item = pairs_->currentItem();
    if (!item) return;
    const QString raw = item->data(0, kRawRole).toString();
    const QString file = QFileDialog::getOpenFileName(
        this, tr("The Finished JPEG of %1").arg(QFileInfo(raw).fileName()),
        QFileInfo(raw).absolutePath(), tr("JPEG pictures (*.jpg *.jpeg *.JPG *.JPEG)"));
    if (!file.isEmpty()) setJpeg(pairs_->indexOfTopLevelItem(item), file);
}

void LearnLookDialog::useEmbedded() {
    if (QTreeWidgetItem* item = pairs_->currentItem())
        setJpeg(pairs_->indexOfTopLevelItem(item), {});
}

void LearnLookDialog::choosePair() {
    const QString raw = QFileDialog::getOpenFileName(this, tr("Another Raw of the Same Look"),
                                                     QFileInfo(rawPath_).absolutePath());
    if (raw.isEmpty()) return;
    QString jpeg = siblingJpeg(raw);
    if (jpeg.isEmpty())
        jpeg = QFileDialog::getOpenFileName(
            this, tr("The Finished JPEG of %1").arg(QFileInfo(raw).fileName()),
            QFileInfo(raw).absolutePath(), tr("JPEG pictures (*.jpg *.jpeg *.JPG *.JPEG)"));
    addPair(raw, jpeg);
}

void LearnLookDialog::removePair() {
    QTreeWidgetItem* item = pairs_->currentItem();
    if (item && pairs_->indexOfTopLevelItem(item) > 0) delete item;  // the photo's own stays
    updateButtons();
}

void LearnLookDialog::updateButtons() {
    const bool busy = watcher_.isRunning();
    bool complete = true;  // every pair has its JPEG (or an embedded one)
    for (int i = 0; i < pairs_->topLevelItemCount(); ++i)
        complete = complete && !pairs_->topLevelItem(i)->text(1).isEmpty();
    QTreeWidgetItem* current = pairs_->currentItem();
    for (QPushButton* b : {chooseJpeg_, embedded_, addPair_}) b->setEnabled(!busy);
    removePair_->setEnabled(!busy && current && pairs_->indexOfTopLevelItem(current) > 0);
    learn_->setEnabled(!busy && complete);
    save_->setEnabled(!busy && learned_ && !name_->text().trimmed().isEmpty());
}

void LearnLookDialog::showProgress(double fraction, const QString& what) {
    progress_->setValue(int(std::lround(100 * fraction)));
    status_->setText(what);
}

void LearnLookDialog::learn() {
    if (watcher_.isRunning()) return;
    learned_.reset();
    cancel_ = std::make_shared<CancelToken>();
    progress_->setValue(0);
    progress_->setVisible(true);
    status_->setText(tr("Learning…"));
    report_->clear();
    const std::vector<ExamplePair> examples = pairs();
    const std::string raw = rawPath_.toStdString();
    const EditDocument edits = edits_;
    const std::string lutPath =
        previewDir_.filePath(QStringLiteral("preview-%1.cube").arg(++previews_)).toStdString();
    const std::shared_ptr<CancelToken> cancel = cancel_;
    watcher_.setFuture(QtConcurrent::run([=, this]() {
        auto result = std::make_shared<Result>();
        try {
            LearnOptions o;
            o.cancel = cancel.get();
            // The dialog waits for this worker before it goes, so posting to it is safe.
            o.progress = [this](double f, const std::string& what) {
                postTo(this, [this, f, text = QString::fromStdString(what)] {
                    showProgress(0.85 * f, text);
                });
            };
            auto learned = std::make_shared<LearnedLook>(learnLook(examples, o));
            postTo(this, [this] { showProgress(0.9, tr("Rendering the preview…")); });
            Pipeline pipeline(std::make_shared<const RawImage>(decodeRaw(raw)));
            RenderOptions ro;
            ro.size.mode = SizeMode::LongEdge;
            ro.size.a = kPreviewEdge;
            ro.lookDirs = defaultLookDirs();
            result->before = toDisplayImage(pipeline.render(edits, ro, cancel.get()).rgb);
            EditDocument with = edits;
            with.merge(learnedLookEdits(*learned, lutPath));
            result->after = toDisplayImage(pipeline.render(with, ro, cancel.get()).rgb);
            result->learned = std::move(learned);
        } catch (const Cancelled&) {
            result->cancelled = true;
        } catch (const std::exception& e) {
            result->error = QString::fromStdString(e.what());
        }
        return result;
    }));
    updateButtons();
}

void LearnLookDialog::finished() {
    const std::shared_ptr<Result> r = watcher_.result();
    progress_->setVisible(false);
    if (r->cancelled) {
        status_->setText(tr("Cancelled"));
    } else if (!r->error.isEmpty()) {
        status_->setText(tr("Could not learn a look: %1").arg(r->error));
    } else {
        learned_ = r->learned;
        status_->clear();
        before_->setPixmap(QPixmap::fromImage(r->before));
        after_->setPixmap(QPixmap::fromImage(r->after));
        QStringList lines;
        for (const ExampleReport& e : learned_->reports)
            lines << tr("%1 → %2: mean colour difference (CIEDE2000) %3 with the look, %4 "
                        "without; %5 colours from %6 pixels; correlation %7")
                         .arg(QString::fromStdString(fs::path(e.raw).filename().string()),
                              jpegLabel(e))
                         .arg(e.fitDeltaE, 0, 'f', 2)
                         .arg(e.baseDeltaE, 0, 'f', 2)
                         .arg(e.samples)
                         .arg(e.pixels)
                         .arg(e.registration.correlation, 0, 'f', 3);
        report_->setText(lines.join('\n'));
    }
    updateButtons();
    emit learned();
}

bool LearnLookDialog::save(const QString& folder, bool overwrite) {
    if (!learned_) return false;
    const QString name = name_->text().trimmed();
    const QString dir = folder.isEmpty() ? QString::fromStdString(userLookDir()) : folder;
    const QString path =
        QDir(dir).filePath(QString::fromStdString(lookSlug(name.toStdString())) + ".look");
    if (!overwrite && QFileInfo::exists(path)) {
        if (QMessageBox::question(this, tr("Replace Look?"),
                                  tr("A look file %1 already exists. Replace it?").arg(path)) !=
            QMessageBox::Yes)
            return false;
        overwrite = true;
    }
    try {
        const Look look =
            saveLearnedLook(*learned_, name.toStdString(), path.toStdString(), overwrite);
        emit lookSaved(QString::fromStdString(look.name), path, apply_->isChecked());
        return true;
    } catch (const Error& e) {
        QMessageBox::warning(this, tr("Could Not Save the Look"), QString::fromStdString(e.what()));
        return false;
    }
}

QAction* createLearnLookAction(EditorWidget* editor, QWidget* parent) {
    auto* action = new QAction(LearnLookDialog::tr("Create Look from &Example…"), parent);
    action->setStatusTip(LearnLookDialog::tr(
        "Learn a look from the finished JPEG a camera or phone made of this photo"));
    action->setEnabled(!editor->currentPhoto().isEmpty());
    QObject::connect(editor, &EditorWidget::photoShown, action,
                     [action] { action->setEnabled(true); });
    QObject::connect(action, &QAction::triggered, editor, [editor, parent] {
        const QString photo = editor->currentPhoto();
        if (photo.isEmpty()) return;
        LearnLookDialog dialog(photo, editor->session()->edits(), parent);
        QObject::connect(&dialog, &LearnLookDialog::lookSaved, editor,
                         [editor](const QString& name, const QString&, bool apply) {
                             editor->looksPanel()->reload();
                             if (apply) editor->looksPanel()->apply(name);
                         });
        dialog.exec();
    });
    return action;
}

}  // namespace rf::gui
