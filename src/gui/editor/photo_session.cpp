// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/photo_session.h"

#include "rangefinder/error.h"
#include "rangefinder/sidecar.h"

namespace rf::gui {

PhotoSession::PhotoSession(QObject* parent) : QObject(parent) {
    saveTimer_.setSingleShot(true);
    saveTimer_.setInterval(300);
    connect(&saveTimer_, &QTimer::timeout, this, [this] { saveNow(); });
}

PhotoSession::~PhotoSession() {
    close();
}

void PhotoSession::open(const QString& rawPath) {
    close();
    path_ = rawPath;
    try {
        const Sidecar s = loadSidecar(rawPath.toStdString());
        current_ = s.edits;
        history_ = s.history;
    } catch (const Error& e) {
        current_ = EditDocument();
        history_.clear();
        emit loadFailed(rawPath, QString::fromStdString(e.what()));
    }
    committed_ = current_;
    dirty_ = false;
    saveError_.clear();
    emit editsChanged();
    emit historyChanged();
}

void PhotoSession::close() {
    if (path_.isEmpty()) return;
    if (hasLiveChange()) commit(tr("Edit"));
    if (dirty_) saveNow();
    saveTimer_.stop();
    path_.clear();
    current_ = committed_ = EditDocument();
    history_.clear();
    dirty_ = false;
}

void PhotoSession::setLive(const EditDocument& doc) {
    if (doc == current_) return;
    current_ = doc;
    emit editsChanged();
}

void PhotoSession::commit(const QString& label) {
    if (current_ == committed_) return;
    history_.record(committed_, current_, label.toStdString());
    committed_ = current_;
    emit historyChanged();
    scheduleSave();
}

void PhotoSession::apply(const EditDocument& doc, const QString& label) {
    setLive(doc);
    commit(label);
}

bool PhotoSession::canUndo() const {
    return hasLiveChange() || history_.canUndo();
}

bool PhotoSession::canRedo() const {
    return !hasLiveChange() && history_.canRedo();
}

bool PhotoSession::undo() {
    if (hasLiveChange()) commit(tr("Edit"));
    if (!history_.undo(current_)) return false;
    committed_ = current_;
    emit editsChanged();
    emit historyChanged();
    scheduleSave();
    return true;
}

bool PhotoSession::redo() {
    if (hasLiveChange() || !history_.redo(current_)) return false;
    committed_ = current_;
    emit editsChanged();
    emit historyChanged();
    scheduleSave();
    return true;
}

QString PhotoSession::undoLabel() const {
    if (hasLiveChange()) return tr("Edit");
    if (!history_.canUndo()) return {};
    return QString::fromStdString(history_.steps()[history_.position() - 1].label);
}

QString PhotoSession::redoLabel() const {
    if (!canRedo()) return {};
    return QString::fromStdString(history_.steps()[history_.position()].label);
}

void PhotoSession::scheduleSave() {
    dirty_ = true;
    saveTimer_.start();
}

bool PhotoSession::saveNow() {
    saveTimer_.stop();
    if (path_.isEmpty() || !dirty_) return true;
    const std::string raw = path_.toStdString();
    try {
        // Fresh from disk, under the photo's lock: the library (or rangefinder-cli rate) may
        // have changed the rating since we opened it, and may be changing it now.
        updateSidecar(
            raw,
            [this](Sidecar& s) {
                s.edits = committed_;
                s.history = history_;
                return true;
            },
            sidecarNamingFor(raw));
    } catch (const Error& e) {
        saveError_ = QString::fromStdString(e.what());
        emit saveFailed(path_, saveError_);
        return false;
    }
    dirty_ = false;
    saveError_.clear();
    emit saved(path_);
    return true;
}

}  // namespace rf::gui
