// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/folder_filters.h"

#include <QDir>
#include <QFileInfo>
#include <QList>
#include <algorithm>

#include "app/settings.h"

namespace rf::gui {

namespace {

struct Entry {
    QString folder;
    PhotoFilterModel::Filters filters;
};

// Kept as a QSettings array, most recently changed first, so the file stays readable and a
// path's slashes are never taken for settings groups.
QList<Entry> readEntries(QSettings& s) {
    QList<Entry> entries;
    const int n = s.beginReadArray(settings::kFolderFilters);
    for (int i = 0; i < n; ++i) {
        s.setArrayIndex(i);
        Entry e;
        e.folder = s.value("folder").toString();
        e.filters.minimumRating = s.value("minimumRating", 0).toInt();
        e.filters.showRejected = s.value("showRejected", true).toBool();
        if (s.contains("label")) e.filters.label = s.value("label").toString();
        if (!e.folder.isEmpty()) entries.append(e);
    }
    s.endArray();
    return entries;
}

void writeEntries(QSettings& s, const QList<Entry>& entries) {
    s.remove(settings::kFolderFilters);
    if (entries.isEmpty()) return;
    s.beginWriteArray(settings::kFolderFilters, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        s.setArrayIndex(i);
        const Entry& e = entries[i];
        s.setValue("folder", e.folder);
        s.setValue("minimumRating", e.filters.minimumRating);
        s.setValue("showRejected", e.filters.showRejected);
        if (e.filters.label) s.setValue("label", *e.filters.label);
    }
    s.endArray();
}

}  // namespace

QString folderFilterKey(const QString& folder) {
    const QFileInfo fi(folder);
    const QString canonical = fi.canonicalFilePath();
    return canonical.isEmpty() ? QDir::cleanPath(fi.absoluteFilePath()) : canonical;
}

PhotoFilterModel::Filters loadFolderFilters(QSettings& settings, const QString& folder) {
    const QString key = folderFilterKey(folder);
    for (const Entry& e : readEntries(settings))
        if (e.folder == key) return e.filters;
    return {};
}

void saveFolderFilters(QSettings& settings, const QString& folder,
                       const PhotoFilterModel::Filters& filters) {
    const QString key = folderFilterKey(folder);
    QList<Entry> entries = readEntries(settings);
    const auto it = std::find_if(entries.begin(), entries.end(),
                                 [&](const Entry& e) { return e.folder == key; });
    if (it != entries.end()) {
        if (it->filters == filters) return;  // unchanged: keep the order, skip the write
        entries.erase(it);
    } else if (!filters.active()) {
        return;
    }
    if (filters.active()) entries.prepend({key, filters});
    while (entries.size() > kMaxFilteredFolders) entries.removeLast();
    writeEntries(settings, entries);
}

}  // namespace rf::gui
