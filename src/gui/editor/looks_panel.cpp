// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/looks_panel.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <optional>

#include "editor/cube_export_dialog.h"
#include "editor/param_slider.h"
#include "editor/photo_session.h"
#include "editor/render_controller.h"
#include "i18n/core_text.h"
#include "rangefinder/error.h"

namespace rf::gui {

namespace {

constexpr int kNameRole = Qt::UserRole + 1;  // the look's name; "" for None

// The look-free edits a thumbnail starts from, so every tile shows only its look.
EditDocument base(const EditDocument& edits, const LookLibrary& library) {
    return withoutLook(edits, library.find(edits.getText("look.name")));
}

// A group's title tile: the maker's name where a photo would be.
QIcon titleCard(QSize size, const QString& title) {
    QPixmap p(size);
    p.fill(Qt::transparent);
    QPainter painter(&p);
    QFont f = painter.font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    f.setBold(true);
    painter.setFont(f);
    painter.setPen(QColor(0xb8, 0xb8, 0xb8));
    painter.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter | Qt::TextWordWrap, title);
    return QIcon(p);
}

QIcon placeholder(int w, int h) {
    QPixmap p(w, h);
    p.fill(QColor(0x33, 0x33, 0x33));
    return QIcon(p);
}

}  // namespace

LooksPanel::LooksPanel(PhotoSession* session, RenderController* renderer, QWidget* parent)
    : QWidget(parent), session_(session), renderer_(renderer) {
    gallery_ = new QListWidget(this);
    gallery_->setObjectName("looks.gallery");
    gallery_->setViewMode(QListView::IconMode);
    gallery_->setMovement(QListView::Static);
    gallery_->setResizeMode(QListView::Adjust);
    gallery_->setWrapping(true);
    gallery_->setUniformItemSizes(true);
    gallery_->setSelectionMode(QAbstractItemView::SingleSelection);
    gallery_->setIconSize(QSize(iconEdge_, iconEdge_ * 2 / 3));
    gallery_->setGridSize(QSize(iconEdge_ + 10, iconEdge_ * 2 / 3 + 28));
    gallery_->setSpacing(2);
    gallery_->setFrameShape(QFrame::NoFrame);
    gallery_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    gallery_->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);

    const ParamDecl* d = findParam("look.strength");
    strength_ = new ParamSlider(*d, this);
    auto* reloadButton = new QToolButton(this);
    reloadButton->setText(tr("Reload"));
    reloadButton->setToolTip(tr("Read the look folders again"));
    reloadButton->setAutoRaise(true);
    exportCube_ = new QToolButton(this);
    exportCube_->setObjectName("looks.exportCube");
    exportCube_->setText(tr("Export .cube…"));
    exportCube_->setToolTip(tr("Bake a look's colour into a 3D LUT (.cube) for another tool"));
    exportCube_->setAutoRaise(true);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    QPalette quiet = status_->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    status_->setPalette(quiet);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(status_, 1);
    bottom->addWidget(exportCube_);
    bottom->addWidget(reloadButton);
    auto* col = new QVBoxLayout(this);
    col->setContentsMargins(0, 0, 0, 0);
    col->setSpacing(4);
    col->addWidget(gallery_);
    col->addWidget(strength_);
    col->addLayout(bottom);

    renew_.setSingleShot(true);
    renew_.setInterval(400);
    connect(&renew_, &QTimer::timeout, this, &LooksPanel::renderThumbnails);

    connect(gallery_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        if (item->data(kNameRole).isValid()) apply(item->data(kNameRole).toString());
    });
    connect(strength_, &ParamSlider::changing, this, [this](const QString&, double v) {
        EditDocument doc = session_->edits();
        if (doc.getText("look.name").empty()) return;
        doc.setFloat("look.strength", v);
        session_->setLive(doc);
    });
    connect(strength_, &ParamSlider::committed, this, [this](const QString&, double v) {
        session_->commit(tr("Look strength %1").arg(strength_->valueText(v)));
    });
    connect(strength_, &ParamSlider::resetRequested, this, [this] {
        EditDocument doc = session_->edits();
        const Look* look = library_.find(doc.getText("look.name"));
        if (!look) return;
        doc.setFloat("look.strength", look->defaultStrength);
        session_->apply(doc, tr("Reset look strength"));
    });
    connect(reloadButton, &QToolButton::clicked, this, &LooksPanel::reload);
    connect(exportCube_, &QToolButton::clicked, this, &LooksPanel::showCubeExport);
    connect(renderer_, &RenderController::thumbnailReady, this,
            [this](quint64 batch, int index, const QImage& image) {
                if (batch != batch_ || index < 0 || index >= int(tiles_.size()) || image.isNull())
                    return;
                // Centred on a tile of the icon's shape, so portrait photos line up too.
                const QSize box = gallery_->iconSize();
                QPixmap tile(box);
                tile.fill(Qt::transparent);
                QPainter p(&tile);
                const QImage scaled =
                    image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
                p.drawImage((box.width() - scaled.width()) / 2,
                            (box.height() - scaled.height()) / 2, scaled);
                p.end();
                tiles_[std::size_t(index)]->setIcon(QIcon(tile));
                ++shown_;
            });

    reload();
}

void LooksPanel::reload() {
    library_ = LookLibrary::load();
    gallery_->clear();
    tiles_.clear();
    const QIcon blank = placeholder(gallery_->iconSize().width(), gallery_->iconSize().height());
    auto* none = new QListWidgetItem(blank, tr("None"), gallery_);
    none->setData(kNameRole, QString());
    none->setToolTip(tr("No look: the photo as the basic panels make it"));
    tiles_.push_back(none);
    // The library groups its looks by maker: a title tile opens each group.
    std::optional<std::string> maker;
    for (const Look& look : library_.looks()) {
        // The library groups makers regardless of case ("leica" with "Leica").
        if (!maker || QString::fromStdString(look.maker)
                              .compare(QString::fromStdString(*maker), Qt::CaseInsensitive) != 0) {
            maker = look.maker;
            const QString title =
                look.maker.empty() ? tr("Other looks")
                                   : tr("Inspired by\n%1").arg(QString::fromStdString(look.maker));
            auto* heading =
                new QListWidgetItem(titleCard(gallery_->iconSize(), title), QString(), gallery_);
            heading->setFlags(Qt::NoItemFlags);
            heading->setToolTip(title);
        }
        auto* item = new QListWidgetItem(blank, QString::fromStdString(look.name), gallery_);
        tiles_.push_back(item);
        item->setData(kNameRole, QString::fromStdString(look.name));
        QString tip = lookDescription(look);
        if (!look.path.empty())
            tip += (tip.isEmpty() ? "" : "\n") + QString::fromStdString(look.path);
        // A look file is someone else's text: shown as text, never as rich text (a tooltip that
        // looks like HTML would load images and links).
        item->setToolTip(
            QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(tip.toHtmlEscaped()));
    }
    QStringList problems;
    for (const LookLoadError& e : library_.errors()) problems << QString::fromStdString(e.message);
    const int n = int(library_.looks().size());
    const QString count = tr("%n look(s)", nullptr, n);
    status_->setText(problems.isEmpty() ? count : tr("%1; some files did not load").arg(count));
    status_->setToolTip(QStringLiteral("<p style='white-space:pre-wrap'>%1</p>")
                            .arg(problems.join('\n').toHtmlEscaped()));
    if (!problems.isEmpty()) emit message(problems.join("; "), true);
    renderedKey_ = 0;
    fitGallery();
    refresh();
    renderThumbnails();
}

void LooksPanel::fitGallery() {
    // As tall as its rows, up to three; more scroll.
    const QSize cell = gallery_->gridSize();
    const int perRow = std::max(1, gallery_->viewport()->width() / std::max(1, cell.width()));
    const int rows = (gallery_->count() + perRow - 1) / perRow;
    gallery_->setFixedHeight(std::clamp(rows, 1, 3) * cell.height() + 6);
}

void LooksPanel::resizeEvent(QResizeEvent* e) {
    QWidget::resizeEvent(e);
    fitGallery();
}

QListWidgetItem* LooksPanel::itemFor(const QString& name) const {
    for (QListWidgetItem* tile : tiles_)
        if (tile->data(kNameRole).toString().compare(name, Qt::CaseInsensitive) == 0) return tile;
    return nullptr;
}

void LooksPanel::refresh() {
    const EditDocument& doc = session_->edits();
    const QString name = QString::fromStdString(doc.getText("look.name"));
    QListWidgetItem* item = itemFor(name);
    {
        const QSignalBlocker block(gallery_);
        gallery_->setCurrentItem(item);
        if (item) item->setSelected(true);
    }
    strength_->setEnabled(!name.isEmpty());
    strength_->setValue(doc.getFloat("look.strength"));
    // New thumbnails once the edits settle: not for every step of a drag.
    if (base(doc, library_).hash() != renderedKey_ && !session_->hasLiveChange()) renew_.start();
}

void LooksPanel::renderThumbnails() {
    renew_.stop();
    if (!renderer_->isOpen()) return;
    const EditDocument start = base(session_->edits(), library_);
    renderedKey_ = start.hash();
    std::vector<EditDocument> variants;
    variants.push_back(start);
    for (const Look& look : library_.looks()) variants.push_back(withLook(start, look, 100.0));
    shown_ = 0;
    const int edge = int(gallery_->iconSize().width() * devicePixelRatioF());
    batch_ = renderer_->renderThumbnails(variants, edge);
}

CubeExportDialog* LooksPanel::showCubeExport() {
    if (library_.looks().empty()) {
        emit message(tr("No looks are installed"), true);
        return nullptr;
    }
    const QString current = QString::fromStdString(session_->edits().getText("look.name"));
    auto* dialog = new CubeExportDialog(library_, current, lastCubeFolder_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CubeExportDialog::exported, this, [this](const QString& path) {
        lastCubeFolder_ = QFileInfo(path).absolutePath();
        emit message(tr("Wrote %1").arg(QDir::toNativeSeparators(path)), false);
    });
    dialog->open();
    return dialog;
}

void LooksPanel::apply(const QString& name) {
    const EditDocument& current = session_->edits();
    if (QString::fromStdString(current.getText("look.name")) == name && !name.isEmpty()) return;
    if (name.isEmpty()) {
        session_->apply(withoutLook(current, library_.find(current.getText("look.name"))),
                        tr("No look"));
        return;
    }
    const Look* look = library_.find(name.toStdString());
    if (!look) {
        emit message(tr("The look “%1” is not installed").arg(name), true);
        return;
    }
    session_->apply(
        withLook(current, *look, std::nullopt, library_.find(current.getText("look.name"))),
        tr("Look: %1").arg(name));
}

}  // namespace rf::gui
